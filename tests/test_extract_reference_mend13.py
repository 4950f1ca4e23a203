"""Reference ratings as session 13's review (r13d findings 1-9) found them read, and a letter's signature block.

A sure value has a shape: a date label beside a heading that only names the rater's part, a letter's date above its
salutation, a role sentence with no other role near it, a level answer with dates the reader can place, a rater name
with a word of its own. Anything beyond the shape is flagged for a person.
"""

from __future__ import annotations

import pytest

from extractors import reference
from extractors.layout import DocText
from tests.test_extract_forms import doc_of
from tests.test_extract_forms_mend11k import _flagged, _item
from tests.test_extract_forms_wordings import survey_rows


def _form(heading: str, relation: str = "I am the candidate's peer", extra: tuple[str, ...] = ()) -> DocText:
    """A referee's page: an inline date label beside a heading, a role line, a level line, maybe more lines."""
    rows = [(60, [(72, "Endorsement reference")]), (80, [(72, "Applicant name: Odile Franzen")]),
            (100, [(72, heading)]), (120, [(72, "Written by Teodor Vasquez, who has known the candidate 5 years")]),
            (134, [(72, relation)]), (148, [(72, "Endorsement I hold, if any: Infant Family Specialist, Level II")])]
    top = 170
    for line in extra:
        rows.append((top, [(72, line)]))
        top += 16
    rows += [(top + 40, [(72, "Teodor Vasquez")]), (top + 56, [(72, "Signature of referee")])]
    return doc_of(*rows)


# --- finding 1: a line holding only a date on a form never replaces the rater's doubted date -----------------------

@pytest.mark.parametrize("extra", [
    ("Date hired at the agency", "02/14/2011"),
    ("Child's date of birth", "11/30/2024"),
])
def test_a_bare_date_line_on_a_form_does_not_date_the_reference(extra: tuple[str, ...]) -> None:
    item = _item(reference.extract, _form("Part 3 - referee section (type or print) Date signed: 06/18/2026",
                                          extra=extra))
    assert item.value["date"] == "2026-06-18" and _flagged(item)


# --- finding 2: a heading naming the rater among other words is no heading of the rater's part --------------------

@pytest.mark.parametrize("heading", [
    "Authorisation by the candidate to share records for the referee Date signed: 02/11/2026",
    "Guidance notes for the evaluator Date completed: 02/11/2026",
    "Nominee fills in this box and forwards it for the rater Date submitted: 02/11/2026",
])
def test_a_date_beside_a_heading_with_other_words_is_flagged(heading: str) -> None:
    item = _item(reference.extract, _form(heading))
    assert item.value["date"] == "2026-02-11" and _flagged(item)


def test_a_heading_of_the_raters_part_alone_dates_it() -> None:  # guard: passes before too
    item = _item(reference.extract, _form("Section 4: to be completed by the rater Date signed: 02/11/2026"))
    assert item.value["date"] == "2026-02-11" and not item.needs_review


# --- findings 3, 4, 5: another role in the next sentence, turned round, or denied only in part ---------------------

@pytest.mark.parametrize("relation", [
    "I was his manager between 2016 and 2019. After that we worked as peers",
    "I am his peer. Earlier I had been his director",
    "I was his supervisor until last year; he is now my supervisor",
    "I was his supervisor for a while, but he has since become my director",
    "I am his colleague, not merely his manager",
    "I am his colleague, though not his supervisor before 2021",
])
def test_a_second_role_of_the_rater_is_flagged(relation: str) -> None:
    item = _item(reference.extract, _form("Part 2 - for the referee Date signed: 02/11/2026", relation=relation))
    assert _flagged(item) and "reference.relationship_ambiguous" in item.reasons


# --- finding 9: a role of someone else's, joined to the applicant's by a preposition, names none of the rater's ----

def test_another_persons_role_after_a_preposition_keeps_the_reading_sure() -> None:
    item = _item(reference.extract, _form("Part 2 - for the referee Date signed: 02/11/2026",
                                          relation="I am his colleague, writing at his director's request"))
    assert item.value["relationship"] == "colleague" and not item.needs_review


# --- findings 6, 7: a level answer with a span of years or a date the reader cannot place -----------------------

def _survey(answer: str) -> DocText:
    return survey_rows(("Name of referee", "Teodor Vasquez"), ("Relationship", "Colleague"),
                       ("Endorsement held", answer), ("Date", "05/12/2026"))


@pytest.mark.parametrize("answer", [
    "Level II 2013-2020",
    "Level II (2013 – 2020)",
    "Level III since 9/1/26",
    "Level III since 11/26",
    "Level III since 2026-11",
    "Level III since 2026 November",
    "Level III since '28",
])
def test_a_level_held_over_a_span_or_an_unplaced_date_is_flagged(answer: str) -> None:
    item = _item(reference.extract, _survey(answer))
    assert _flagged(item)


@pytest.mark.parametrize("answer", ["Level III since 2017", "Level II since 03/02/2014"])
def test_a_level_held_since_a_placed_date_stands(answer: str) -> None:  # guards: pass before too
    item = _item(reference.extract, _survey(answer))
    assert item.value["rater_level"] in {"II", "III"} and not item.needs_review


# --- finding 8: sample names with "'s", brackets or joining words ------------------------------------------------

@pytest.mark.parametrize("name", ["Evaluator's Full Name", "[Full Name]", "<Name Here>", "Forename and Surname",
                                  "Given & Family Name"])
def test_a_sample_name_with_marks_or_joining_words_is_flagged(name: str) -> None:
    item = _item(reference.extract, survey_rows(("Name of referee", name), ("Relationship", "Colleague"),
                                                ("Endorsement held", "Level III"), ("Date", "05/12/2026")))
    assert "reference.rater_placeholder" in item.reasons and _flagged(item)


# --- tune: the rater's level in a letter's signature block --------------------------------------------------------

def _letter(block: str) -> DocText:
    return doc_of(
        (60, [(72, "14 February 2026")]), (90, [(72, "Dear Endorsement Panel,")]),
        (110, [(72, "I recommend Odile Franzen warmly. I have known her for 5 years, as her colleague.")]),
        (140, [(72, "Kind regards,")]), (160, [(72, "Teodor Vasquez")]), (176, [(72, block)]),
        (192, [(72, "Harbourview Early Years Centre")]))


@pytest.mark.parametrize(("block", "level"), [
    ("Endorsed Infant Mental Health Specialist - Level III", "III"),
    ("IMH-E® Level II, Infant Family Specialist", "II"),
])
def test_a_letters_signature_block_gives_the_raters_level(block: str, level: str) -> None:
    item = _item(reference.extract, _letter(block))
    assert item.value["rater_level"] == level and not item.needs_review


def test_a_signature_block_level_with_other_words_is_flagged() -> None:
    item = _item(reference.extract, _letter("Endorsed Infant Mental Health Specialist - Level III (inactive)"))
    assert _flagged(item)
