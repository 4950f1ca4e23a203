"""Answers and captions that name someone else than the person asked, as session 11's second review found them read.

An answer to the rater's own level may deny holding one, name a level only sought or recommended, or say who else
holds it; an answer to the relationship may deny a role, name a role that owns another ("his manager's colleague"),
or give a former role and the present one. A hint under a label may turn its question to another value. A value
line midway between two rows of labels is neither's by spacing; an agreement whose two signature captions each name a
signer leaves whose line is the signer's to a person. Each is flagged, never read as the rater's or the signer's.
"""

from __future__ import annotations

import pytest

from extractors import ethics, reference
from extractors.layout import DocText
from extractors.nlp import find_patterns
from pipeline.models import Item
from tests.test_extract_forms import doc_of
from tests.test_extract_forms_wordings import survey_rows


def _item(extract: object, doc: DocText) -> Item:
    extraction = extract(doc, find_patterns(doc.text))  # type: ignore[operator]
    assert len(extraction.items) == 1
    return extraction.items[0]


def _flagged(item: Item) -> bool:
    return item.needs_review and item.confidence <= 0.7


def _questionnaire(level: str, relation: str) -> DocText:
    """A referee's part: each question on a line of its own, answered on the line under it."""
    return doc_of(
        (58, [(70, "Section C - completed by the referee")]),
        (96, [(70, "Name of referee")]), (110, [(76, "Jonas Berglund")]),
        (138, [(70, "In what capacity do you know the applicant?")]), (152, [(76, relation)]),
        (182, [(70, "Which endorsement level do you hold?")]), (196, [(76, level)]),
        (244, [(76, "Jonas Berglund"), (410, "22 April 2026")]),
        (262, [(70, "Signature of referee"), (400, "Date")]))


# --- finding 1: an answer to the rater's own level naming a level that is not the rater's -------------------------

@pytest.mark.parametrize("answer", [
    "I hold none myself; she holds Level II",
    "I'm not endorsed; he is seeking Level III",
    "I do not hold one, but I would recommend Level II for him",
    "Currently applying for Level III myself",
    "I have applied for Level IV this year",
    "My own supervisor holds Level IV; I hold none",
    "I was endorsed at Level III until 2018, now lapsed",
    "The applicant holds Level II and I am his manager",
    "I am working towards Level II",
])
def test_a_level_the_rater_does_not_hold_is_flagged(answer: str) -> None:
    item = _item(reference.extract, _questionnaire(answer, "We are colleagues"))
    assert item.value["rater_level"] is None
    assert "reference.level_not_own" in item.reasons and _flagged(item)


@pytest.mark.parametrize(("answer", "level"), [  # guards: the rater's own level stands
    ("I hold Level III: Infant Mental Health Specialist", "III"),
    ("Level II: Infant Family Specialist", "II"),
])
def test_the_raters_own_level_stands(answer: str, level: str) -> None:
    item = _item(reference.extract, _questionnaire(answer, "We are colleagues"))
    assert item.value["rater_level"] == level and not item.needs_review


# --- findings 2, 3, 8: a denied role, a role owning another, a former role and the present one -------------------

@pytest.mark.parametrize("answer", [
    "I'm not his supervisor",
    "I am not the applicant's manager",
    "We were never colleagues; I supervise her",
    "I am his manager's colleague",
    "I am her director's assistant",
    "I am the applicant's supervisee's supervisor",
    "I'm his former supervisor, now a peer",
])
def test_a_role_not_the_raters_is_flagged(answer: str) -> None:
    item = _item(reference.extract, _questionnaire("Level III: Infant Mental Health Specialist", answer))
    assert item.value["relationship"] is None
    assert "reference.relationship_unclear" in item.reasons and _flagged(item)


@pytest.mark.parametrize(("answer", "code"), [  # guards
    ("I am the applicant's supervisor", "program_supervisor"),
    ("The applicant is my supervisor (I am his supervisee)", "supervisee"),
    ("We are co-workers", "colleague"),
])
def test_the_raters_own_role_stands(answer: str, code: str) -> None:
    item = _item(reference.extract, _questionnaire("Level III: Infant Mental Health Specialist", answer))
    assert item.value["relationship"] == code and not item.needs_review


# --- finding 4: two signature captions each naming a signer -------------------------------------------------------

def _agreement(left: str, right: str) -> DocText:
    """A pledge signed by one person: the office's side on the left, the member's on the right, its line signed."""
    return doc_of(
        (70, [(72, "By signing I agree to follow the Code of Ethics in every part of my work.")]),
        (110, [(72, "OFFICE USE"), (330, "MEMBER")]),
        (146, [(334, "Ida Wren")]),
        (166, [(72, left), (330, right)]),
        (192, [(76, "Bo Castell"), (334, "Ida Wren")]), (210, [(72, "Printed name"), (330, "Printed name")]),
        (236, [(76, "2026-03-02"), (334, "2026-03-09")]), (254, [(72, "Date"), (330, "Date")]))


@pytest.mark.parametrize(("left", "right"), [
    ("Staff member signature", "Member signature"),
    ("Signature of the staff member", "Signature of the member"),
])
def test_two_signers_named_by_captions_are_flagged(left: str, right: str) -> None:
    item = _item(ethics.extract, _agreement(left, right))
    assert "signature.signer_ambiguous" in item.reasons and _flagged(item)


# --- finding 5: a value line midway between two rows of labels ----------------------------------------------------

def test_a_line_midway_between_label_rows_is_flagged() -> None:
    doc = doc_of(
        (48, [(72, "Please fill in every box below and return the form to the endorsement office by post.")]),
        (78, [(72, "Name of referee"), (360, "Telephone")]),
        (94, [(72, "Jonas Berglund"), (360, "Harbour Family Services")]),
        (110, [(72, "Applicant"), (360, "Organisation")]),
        (140, [(72, "Infant Family Specialist (Level II)"), (360, "04/22/2026")]),
        (156, [(72, "Endorsement held"), (360, "Date")]),
        (186, [(72, "Supervisor")]), (202, [(72, "Relationship to applicant")]))
    assert _flagged(_item(reference.extract, doc))


# --- findings 6, 7: the line under a label: a hint of an unknown shape, a hint turning the question --------------

BASE = [("Name of referee", "Jonas Berglund"), ("Relationship", "Colleague"), ("Endorsement held", "Level III"),
        ("Date", "04/22/2026")]


def _survey(position: int, label: list[str], answer: str | None = None) -> DocText:
    pairs = list(BASE)
    pairs[position] = (label, answer or pairs[position][1])
    return survey_rows(*pairs)  # type: ignore[arg-type]


@pytest.mark.parametrize(("position", "label", "key", "truth"), [
    (3, ["Date", "dd mm yyyy"], "date", "2026-04-22"),
    (0, ["Name of referee", "with any post-nominal letters"], "rater", "Jonas Berglund"),
])
def test_a_hint_of_an_unknown_shape_keeps_the_value_flagged(position: int, label: list[str], key: str,
                                                            truth: str) -> None:
    item = _item(reference.extract, _survey(position, label))
    assert item.value[key] == truth and _flagged(item)


@pytest.mark.parametrize(("position", "label", "answer"), [
    (2, ["Endorsement level", "(the one you recommend)"], "Level II"),
    (3, ["Date", "please enter when the consultation started"], "09/14/2021"),
    (1, ["Relationship", "e.g. the applicant's mentor's colleague"], "Supervisor"),
])
def test_a_hint_turning_the_question_is_flagged(position: int, label: list[str], answer: str) -> None:
    assert _flagged(_item(reference.extract, _survey(position, label, answer)))
