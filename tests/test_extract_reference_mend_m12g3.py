"""The rater's own level held only from a date after the form's own (review r12l finding 5).

An answer to the rater's own level dated later than the form ("Level III in December 2026" on a form of 22 April
2026, "Level III in 2030") is no level held when the form was signed: it is flagged reference.level_answer_unclear,
never read as sure. Each date is compared as far as both say it: a year alone against the form's year, a month
against its month; a date up to the form's own stands.
"""

from __future__ import annotations

import pytest

from extractors import reference
from tests.test_extract_forms_mend11k import _flagged, _item, _questionnaire
from tests.test_extract_forms_wordings import survey_rows


@pytest.mark.parametrize(("answer", "level"), [
    ("Level III in December 2026", "III"),
    ("Level III in 2030", "III"),
    ("Level II since 2027", "II"),
    ("Level IV since 30 April 2026", "IV"),
])
def test_a_level_held_after_the_form_is_flagged(answer: str, level: str) -> None:
    item = _item(reference.extract, _questionnaire(answer, "We are colleagues"))
    assert item.value["rater_level"] == level and _flagged(item)
    assert "reference.level_answer_unclear" in item.reasons


@pytest.mark.parametrize("answer", ["Level III since 05/2026", "Endorsed at Level III in 2031"])
def test_a_level_held_after_a_survey_date_is_flagged(answer: str) -> None:
    item = _item(reference.extract, survey_rows(("Name of referee", "Jonas Berglund"), ("Relationship", "Colleague"),
                                                ("Endorsement held", answer), ("Date", "04/22/2026")))
    assert item.value["rater_level"] == "III" and item.needs_review
    assert "reference.level_answer_unclear" in item.reasons


@pytest.mark.parametrize(("answer", "level"), [  # guards: held up to the form's own date
    ("Level III in April 2026", "III"),
    ("Level III since 2026", "III"),
    ("Level II since 22 April 2026", "II"),
    ("Level III since 04/2026", "III"),
    ("Yes - Level IV since March 2015", "IV"),
])
def test_a_level_held_by_the_forms_date_stands(answer: str, level: str) -> None:
    item = _item(reference.extract, survey_rows(("Name of referee", "Jonas Berglund"), ("Relationship", "Colleague"),
                                                ("Endorsement held", answer), ("Date", "04/22/2026")))
    assert item.value["rater_level"] == level and not item.needs_review
