"""Reference answers and form hints as session 12's review (r12g findings 3-9) found them read.

The rater's own level is sure only when its answer is a level held and nothing else: the level, its title, "yes" or "I
hold", and when it was earned. Any other word keeps the level for a person to check. A rater field still holding the
form's sample name, a role owned by another's ("her manager`s deputy", "the director of his supervisor"), and a hint
under a label of no sure shape are flagged, never read as sure.
"""

from __future__ import annotations

import pytest

from extractors import reference
from tests.test_extract_forms_mend11k import _flagged, _item, _questionnaire
from tests.test_extract_forms_wordings import survey_rows

TITLE = "Level III: Infant Mental Health Specialist"


# --- findings 3 and 9: an answer to the rater's own level with words beyond a level held -------------------------

@pytest.mark.parametrize("answer", [
    "Level III (suspended)",
    "Level II, awaiting renewal",
    "Level IV - my director's",
    "Level III (on the waiting list)",
    "Level II, lapsing soon",
    "Level III once my portfolio clears",
])
def test_a_level_answer_with_other_words_is_flagged(answer: str) -> None:
    item = _item(reference.extract, _questionnaire(answer, "We are colleagues"))
    assert _flagged(item)


@pytest.mark.parametrize(("answer", "level"), [
    ("Level III, renewed through 2028", "III"),
    ("Level II; her work I know well", "II"),
    ("Level IV (good through 06/2027)", "IV"),
])
def test_a_level_held_with_everyday_words_keeps_its_level_flagged(answer: str, level: str) -> None:
    item = _item(reference.extract, _questionnaire(answer, "We are colleagues"))
    assert item.value["rater_level"] == level and _flagged(item)
    assert "reference.level_answer_unclear" in item.reasons


@pytest.mark.parametrize(("answer", "level"), [  # guards (pass before too): a level held and nothing else
    ("Endorsed at Level III (Infant Mental Health Specialist)", "III"),
    ("Yes - Level II since March 2015", "II"),
    ("I hold Level IV, Infant Mental Health Mentor - Clinical", "IV"),
])
def test_a_level_held_alone_stands(answer: str, level: str) -> None:
    item = _item(reference.extract, survey_rows(("Name of referee", "Jonas Berglund"), ("Relationship", "Colleague"),
                                                ("Endorsement held", answer), ("Date", "04/22/2026")))
    assert item.value["rater_level"] == level and not item.needs_review


# --- finding 6: the form's sample name left in the rater field ---------------------------------------------------

def _survey(rater: str, relation: str = "Colleague") -> object:
    return survey_rows(("Name of referee", rater), ("Relationship", relation), ("Endorsement held", "Level III"),
                       ("Date", "04/22/2026"))


@pytest.mark.parametrize("name", ["Given Last", "Your Full Name", "Jane Q. Doe", "Ms. Firstname Surname",
                                  "LAST NAME"])
def test_a_sample_name_is_no_sure_rater(name: str) -> None:
    item = _item(reference.extract, _survey(name))  # type: ignore[arg-type]
    assert "reference.rater_placeholder" in item.reasons and _flagged(item)


@pytest.mark.parametrize("name", ["Dora Lastman", "Hana Firstbrook"])  # guards (pass before too)
def test_a_real_name_with_a_sample_word_inside_stands(name: str) -> None:
    item = _item(reference.extract, _survey(name))  # type: ignore[arg-type]
    assert item.value["rater"] == name and not item.needs_review


# --- findings 7 and 8: a role that owns or serves another person's role --------------------------------------------

@pytest.mark.parametrize("relation", [
    "I am her manager`s deputy",
    "I am his director ' s assistant",
    "I am her supervisor s intern",
    "I am the director of his supervisor",
    "I am the manager of the applicant's clinical supervisor",
    "I am her supervisor-to-be",
])
def test_a_role_owned_by_another_is_no_relationship(relation: str) -> None:
    item = _item(reference.extract, _questionnaire(TITLE, relation))
    assert item.value["relationship"] is None and _flagged(item)


@pytest.mark.parametrize(("relation", "code"), [  # guards (pass before too)
    ("Chair of her department", "department_chair"),
    ("We are colleagues", "colleague"),
])
def test_a_role_of_the_raters_own_stands(relation: str, code: str) -> None:
    item = _item(reference.extract, _survey("Jonas Berglund", relation))  # type: ignore[arg-type]
    assert item.value["relationship"] == code and not item.needs_review


# --- findings 4 and 5: a hint under a label of no sure shape; a later label of the same words --------------------

@pytest.mark.parametrize("rows", [
    [("Name of referee", "Jonas Berglund"), ("Relationship", "Colleague"), ("Endorsement held", "Level III"),
     (["Date", "(of the last session)"], "09/14/2021")],
    [("Name of referee", "Jonas Berglund"), ("Relationship", "Colleague"),
     (["Endorsement level", "(intended)"], "Level II"), ("Date", "04/22/2026")],
    [("Name of referee", "Jonas Berglund"), (["Relationship", "the candidate is your ..."], "Supervisor"),
     ("Endorsement held", "Level III"), ("Date", "04/22/2026")],
    [("Name of referee", "Jonas Berglund"), ("Relationship", "Colleague"), ("Endorsement held", "Level III"),
     (["Date", "dd mm yy"], "22 04 26"), ("For office use", ""), ("Date", "05/02/2026")],
])
def test_a_hint_of_no_sure_shape_leaves_its_value_flagged(rows: list[tuple[str | list[str], str]]) -> None:
    item = _item(reference.extract, survey_rows(*rows))
    assert _flagged(item)


@pytest.mark.parametrize("hint", ["please write in capitals", "(first and last name)"])  # guards (pass before too)
def test_a_hint_of_a_sure_shape_leaves_the_label_sure(hint: str) -> None:
    doc = survey_rows((["Name of referee", hint], "Jonas Berglund"), ("Relationship", "Colleague"),
                      ("Endorsement held", "Level III"), ("Date", "04/22/2026"))
    item = _item(reference.extract, doc)
    assert item.value["rater"] == "Jonas Berglund" and not item.needs_review
