"""Questions answered in a sentence on the line under them, and signature captions naming the signer in brackets.

A reference form asks "Which endorsement do you hold?" and the rater answers under it ("Level III: ...", "I do not
hold one"); asked how they know the applicant, the rater may name both sides ("The candidate is my supervisee (I
am her supervisor)"): the side the rater says they are is theirs. An agreement's caption "Signature (member)" under
its line is the signer's signature line.
"""

from __future__ import annotations

from typing import Any

import pytest

from extractors import ethics, reference
from extractors.layout import DocText
from extractors.nlp import find_patterns
from tests.test_extract_forms import doc_of

PLEDGE = "I have read the standards of practice and I will keep to them in all of my work with families."


def _reference(level_answer: str, relation_answer: str) -> DocText:
    """Page two of a reference: questions standing alone, each answered on the line under it, then a signature."""
    return doc_of((60, [(72, "Part 2 - for the referee to fill in")]),
                  (100, [(72, "Your name")]), (114, [(78, "Pia Lundqvist")]),
                  (140, [(72, "How do you know the candidate?")]), (154, [(78, relation_answer)]),
                  (180, [(72, "What endorsement do you hold?")]), (194, [(78, level_answer)]),
                  (240, [(78, "Pia Lundqvist"), (400, "3 March 2026")]),
                  (258, [(72, "Signature of reference"), (390, "Date")]))


def _value(extract: Any, doc: DocText) -> dict[str, Any]:
    extraction = extract(doc, find_patterns(doc.text))
    assert len(extraction.items) == 1
    return extraction.items[0].value  # type: ignore[no-any-return]


@pytest.mark.parametrize(("answer", "level"), [
    ("Level III: Infant Mental Health Specialist", "III"),
    ("Level IV: Infant Mental Health Mentor - Clinical", "IV"),
])
def test_a_which_endorsement_question_reads_the_level_under_it(answer: str, level: str) -> None:
    assert _value(reference.extract, _reference(answer, "We are co-workers"))["rater_level"] == level


@pytest.mark.parametrize(("answer", "relationship"), [
    ("The candidate is my supervisor (I am the candidate's supervisee)", "supervisee"),
    ("The candidate is my supervisee (I am her supervisor)", "program_supervisor"),
])
def test_an_answer_naming_both_sides_reads_the_side_the_rater_says_they_are(answer: str, relationship: str) -> None:
    value = _value(reference.extract, _reference("Level II: Infant Family Specialist", answer))
    assert value["relationship"] == relationship


def test_an_answer_about_the_candidate_alone_is_no_relationship() -> None:
    """Guard (passes before too): "The candidate is my supervisor" names the candidate's side only."""
    doc = _reference("Level II: Infant Family Specialist", "The candidate is my supervisor")
    extraction = reference.extract(doc, find_patterns(doc.text))
    item = extraction.items[0]
    assert item.value["relationship"] != "program_supervisor" or item.needs_review


def _agreement(signed: bool) -> DocText:
    """Two signature blocks side by side, the member's and the staff's, captions under their lines."""
    rows: list[tuple[float, list[tuple[float, str]]]] = [
        (80, [(72, PLEDGE)]), (120, [(72, "MEMBER"), (330, "RECEIVED BY STAFF")])]
    if signed:
        rows.append((156, [(76, "Tove Arneson"), (334, "Malik Osei")]))
    rows += [(176, [(72, "Signature (member)"), (330, "Signature (staff)")]),
             (202, [(76, "Tove Arneson"), (334, "Malik Osei")]), (220, [(72, "Printed name"), (330, "Printed name")]),
             (246, [(76, "2026-02-11"), (334, "2026-02-19")]), (264, [(72, "Date"), (330, "Date")])]
    return doc_of(*rows)


@pytest.mark.parametrize("signed", [True, False])
def test_a_signature_caption_naming_the_signer_in_brackets_is_the_signers_line(signed: bool) -> None:
    assert _value(ethics.extract, _agreement(signed)) == {"signer": "Tove Arneson", "date": "2026-02-11",
                                                           "signed": signed}


def test_a_first_person_answer_holding_no_endorsement_is_no_level_unflagged() -> None:
    doc = _reference("I do not hold an endorsement", "We are co-workers")
    item = reference.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["rater_level"] is None and "reference.level_unreadable" not in item.reasons
