"""Employment letters: "X was responsible for Y" under a duties heading gives Y only when X is the letter's employee.

The employee is the person the letter names as such (the employment of, the employee field, "was employed"), or a
pronoun the letter uses of her. A colleague named in full elsewhere, a first name another full name shares, a
pronoun of the other gender, or a non-person subject ("Our unit") keeps the paragraph whole, flagged.
"""

from __future__ import annotations

import pytest

from tests.test_extract_employment_duties_m13e3 import HEAD, items, letter

OPENING = f"Mara Quillon was employed by {HEAD} as a Parent Educator from 01/09/2017 to 05/28/2023."
POINTER = "What the post involved is set out below; she was well regarded."


@pytest.mark.parametrize(("extra", "heading", "sentence"), [
    ("Questions may go to Ruth Abernathy, who heads our family team.", "Key Responsibilities",
     "Ruth Abernathy was responsible for running the intake clinic."),
    ("Questions may go to Ruth Abernathy, who heads our family team.", "Duties of the post",
     "Ruth was responsible for running the intake clinic."),
    ("Mara Oduya in our records office keeps the file.", "Main Duties",
     "Mara was responsible for running the intake clinic."),
    ("Our records office keeps the file.", "Key Responsibilities",
     "He was responsible for running the intake clinic."),
    ("Our records office keeps the file.", "Key Responsibilities",
     "The outreach unit was responsible for running the intake clinic."),
    ("Our records office keeps the file.", "Responsibilities of the role",
     "Our unit was responsible for running the intake clinic."),
])
def test_another_subjects_responsibility_is_flagged_not_taken(extra: str, heading: str, sentence: str) -> None:
    found = items(letter([OPENING, POINTER, extra], heading, (sentence,)))
    assert len(found) == 1, found
    assert found[0].needs_review and found[0].confidence <= 0.7
    assert "employment.duties_unclear" in found[0].reasons


@pytest.mark.parametrize(("opening", "sentence"), [
    (OPENING, "Ms Quillon was responsible for running the intake clinic."),
    (f"We confirm that Mara Quillon was employed by {HEAD} as a Parent Educator from 01/09/2017 "
     "to 05/28/2023.", "Mara was responsible for running the intake clinic."),
])
def test_the_employees_own_responsibility_is_read_sure(opening: str, sentence: str) -> None:
    """Guards: the employee, by her honorific and surname or her first name, is the person."""
    found = items(letter([opening, POINTER], "Key Responsibilities", (sentence,)))
    assert len(found) == 1, found
    assert found[0].value["duties"] == "running the intake clinic"
    assert not found[0].needs_review
