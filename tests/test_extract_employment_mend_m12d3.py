"""Employment letters, review r12i finding 9 (duties part): after a bare "Her duties were/are" only words in the sure
shape of a description (a gerund with its object, a noun and its gerund, a plural content noun among the first two
words) are read as sure duties; words saying what the duties are like are checked."""

from __future__ import annotations

import pytest

from tests.test_extract_employment_mends12 import TOP, checked, letter, only_item

PERIOD = f"Ana Ruiz worked for {TOP} as a Family Advocate from April 4, 2016 until August 31, 2023."


@pytest.mark.parametrize("duties", [
    "Her duties were much like any other advocate's.",
    "Her duties were in keeping with her contract.",
    "Her duties were equivalent to a senior advocate's.",
    "Her duties were broadly in line with the post.",
    "Her duties were whatever the team needed at the time.",
    "Her duties were customary for an advocate.",
    "Her duties were ordinary for someone in her post.",
    "Her duties are fairly what you would expect.",
    "Her duties were demanding and varied.",
])
def test_duties_saying_what_they_are_like_are_checked(duties: str) -> None:
    """Rows fail before (read sure at 0.95), except the 'much like' and 'fairly' rows (guards: flagged before)."""
    assert checked(only_item(letter(PERIOD, duties)), "employment.duties_unclear")


@pytest.mark.parametrize(("duties", "value"), [
    ("Her duties were visiting families at home.", "visiting families at home"),
    ("Her duties were family visiting in the home.", "family visiting in the home"),
    ("Her duties were intake interviews and referrals.", "intake interviews and referrals"),
    ("Her duties were referrals to partner agencies.", "referrals to partner agencies"),
    ("The responsibilities of her post were planning a caseload of families.", "planning a caseload of families"),
])
def test_duties_naming_what_they_are_stay_sure(duties: str, value: str) -> None:
    """Guard rows (pass before and after)."""
    item = only_item(letter(PERIOD, duties))
    assert item.value["duties"] == value and not item.needs_review
