"""Employment letters whose wording undoes what the reader took as sure (review R11c, session 11).

A sentence naming the letterhead as the workplace may refuse, ask or report the person's claim; the signer's own
title and organisation stand under the closing; a full stop after "St" or "e.g" ends no duties; a wrapped line
may carry an HR note in any wording; a remark's date after the start is no last day; a last day may be of a site
or a programme; a sentence's role may hold a second role; a labelled last day may contradict the labelled period.
Each is read but flagged, or read right.
"""

from __future__ import annotations

import pytest

from extractors import employment
from extractors.layout import build_text
from extractors.nlp import find_patterns
from pipeline.models import Item
from tests.test_extract_employment_block import block_letter
from tests.test_extract_forms import page_of

TOP = "Harbourview Family Wellness Trust"
FACTS = [("Employee", "Lena Marsh"), ("Job title", "Home Visitor"), ("Employed", "09/02/2013 - 04/30/2020"),
         ("Duties", "weekly visits to families with babies")]
Rows = list[tuple[float, list[tuple[float, str]]]]


def items_of(rows: Rows) -> list[Item]:
    doc = build_text("doc", [page_of(rows)])
    return employment.extract(doc, find_patterns(doc.text)).items


def only_item(rows: Rows) -> Item:
    found = items_of(rows)
    assert len(found) == 1, found
    return found[0]


def checked(item: Item, reason: str) -> bool:
    return item.needs_review and item.confidence <= 0.7 and reason in item.reasons


@pytest.mark.parametrize("opening", [
    f"We regret we cannot confirm the employment of Lena Marsh with {TOP}. She supplied these details:",
    f"Your office has asked us to verify the employment of Lena Marsh at {TOP}; the details you gave:",
    f"Lena Marsh has stated that she worked for {TOP}. No record of her is held by us. Her details:",
    f"Lena Marsh claims she was employed by {TOP}, but we could not find her personnel file. Submitted:",
    f"Please confirm that Lena Marsh is employed by {TOP} as set out here:",
    f"The statement that Lena Marsh worked at {TOP} is not supported by our payroll records. Given:",
])
def test_a_refused_asked_or_reported_sentence_naming_the_letterhead_confirms_no_employer(opening: str) -> None:
    """All rows fail before: the letterhead was read as the sure employer at 0.92."""
    item = only_item(block_letter(TOP, opening, FACTS))
    assert checked(item, "employment.employer_unconfirmed")


def test_a_letter_saying_plainly_the_letterhead_employs_the_person_stays_sure() -> None:
    """Guard row (passes before and after)."""
    item = only_item(block_letter(TOP, f"Lena Marsh was employed by {TOP}; her record shows:", FACTS))
    assert item.value["employer"] == TOP and not item.needs_review


def signed(opening: str, facts: list[tuple[str, str]], signer: list[tuple[str, str]]) -> Rows:
    """A block letter with the signer's labelled details under the closing and the signer's name."""
    rows = block_letter(TOP, opening, facts)
    y = rows[-1][0] + 14
    for label, value in signer:
        rows.append((y, [(72.0, label)] if not value else [(72.0, label), (190.0, value)]))
        y += 14
    return rows


DATED = [("Employee", "Lena Marsh"), ("Start date", "09/02/2013"), ("End date", "Current"),
         ("Duties", "weekly visits to families with babies")]


@pytest.mark.parametrize("signer", [
    [("Title", "Payroll Coordinator")],
    [("Position", "Director of People")],
    [("Title: Payroll Coordinator", "")],
])
def test_the_signers_title_under_the_closing_is_no_role(signer: list[tuple[str, str]]) -> None:
    """All rows fail before: the signer's title was read as the person's role, unflagged."""
    item = only_item(signed(f"Lena Marsh has worked at {TOP} as a Home Visitor. Her record:", DATED, signer))
    assert item.value["role"] != signer[0][1] and "Payroll" not in str(item.value["role"])
    assert "Director" not in str(item.value["role"]) and item.needs_review


def test_the_signers_organisation_under_the_closing_is_no_employer() -> None:
    """Fails before: the verifier's company was read as the employer at 0.95."""
    facts = [("Employee", "Lena Marsh"), ("Job title", "Home Visitor"), ("Start date", "09/02/2013"),
             ("End date", "Current"), ("Duties", "weekly visits to families with babies")]
    item = only_item(signed(f"Lena Marsh is employed by {TOP}. Her record:", facts,
                            [("Checked by", "Ivo Brandt"), ("Organization", "Northgate Screening Partners")]))
    assert item.value["employer"] == TOP


def sentences(*texts: str) -> Rows:
    rows: Rows = [(60, [(72.0, TOP)]), (74, [(72.0, "14 Quay Street, Porthaven")]), (100, [(72.0, "June 2, 2026")]),
                  (124, [(72.0, "To Whom It May Concern:")])]
    rows += [(144.0 + 14 * i, [(72.0, text)]) for i, text in enumerate(texts)]
    duties = "Her duties included weekly visits to families with babies."
    if not any("duties" in text or "responsible" in text for text in texts):
        rows.append((144.0 + 14 * len(texts), [(72.0, duties)]))
    return [*rows, (144.0 + 14 * len(texts) + 34, [(72.0, "Yours sincerely,")])]


OPENING = f"Lena Marsh was employed by {TOP} as a Home Visitor from September 2, 2013 to present."


@pytest.mark.parametrize("duties", [
    "Her duties included visits to families sent to us by St. Anne's Hospital.",
    "Her duties included co-leading a toddler group with Dr. Paul Ng and two nurses.",
    "Her duties included outreach work, e.g. visits to new mothers at home.",
    "Her duties included running a caseload of approx. 15 families each week.",
    "She was responsible for visits to families sent to us by St. Anne's Hospital.",
])
def test_duties_ending_at_an_abbreviations_full_stop_are_checked(duties: str) -> None:
    """All rows fail before: the duties cut at "St." / "Dr." / "e.g." / "approx." were sure."""
    item = only_item(sentences(OPENING, duties))
    assert item.needs_review and item.confidence <= 0.7


def test_duties_holding_a_decimal_are_read_whole() -> None:
    """Fails before: the duties ended at the decimal point ("supervising 1")."""
    item = only_item(sentences(OPENING, "Her duties included supervising 1.5 FTE family workers and groups."))
    assert item.value["duties"] == "supervising 1.5 FTE family workers and groups"


@pytest.mark.parametrize("wrapped", [
    "Not suitable for re-engagement.",
    "Relocated abroad in 2020.",
    "Final working day 04/30/2020.",
    "Re-employ: No.",
    "Walked out without notice.",
    "no longer on our books.",
    "(left 04/30/2020)",
    "- left for another post",
    "Punctual and reliable.",
])
def test_a_wrapped_line_carrying_a_note_of_its_own_leaves_the_duties_checked(wrapped: str) -> None:
    """All rows fail before: the note was kept in the duties, sure."""
    facts = [("Employee", "Lena Marsh"), ("Job title", "Home Visitor"), ("Start date", "09/02/2013"),
             ("End date", "04/30/2020"), ("Duties", "weekly visits to families with babies.")]
    rows = block_letter(TOP, f"Lena Marsh was employed by {TOP} as below:", facts, (wrapped,))
    assert checked(only_item(rows), "employment.duties_unclear")


def test_a_wrapped_line_going_on_with_the_same_sentence_stays_sure() -> None:
    """Guard row (passes before and after)."""
    facts = [("Employee", "Lena Marsh"), ("Job title", "Home Visitor"), ("Start date", "09/02/2013"),
             ("End date", "04/30/2020"), ("Duties", "weekly visits to families with")]
    rows = block_letter(TOP, f"Lena Marsh was employed by {TOP} as below:", facts, ("babies and toddlers",))
    item = only_item(rows)
    assert item.value["duties"] == "weekly visits to families with babies and toddlers" and not item.needs_review


@pytest.mark.parametrize("period", [
    "09/02/2013 (confirmed 06/02/2026)",
    "09/02/2013, on staff as at 06/02/2026",
])
def test_a_remarks_date_after_the_start_is_no_last_day(period: str) -> None:
    """Both rows fail before: the remark's date was read as the sure end."""
    facts = [("Employee", "Lena Marsh"), ("Job title", "Home Visitor"), ("Employed", period),
             ("Duties", "weekly visits to families with babies")]
    item = only_item(block_letter(TOP, f"Lena Marsh is employed by {TOP}. Her record:", facts))
    assert item.value["end"] is None and checked(item, "employment.end_unreadable")


START = f"Lena Marsh began work with {TOP} on September 2, 2013 as a Home Visitor."


@pytest.mark.parametrize("then", [
    "Her last day in the clinic before her parental leave was May 3, 2018. She is still with us.",
    "Her last day at the Northside hub was May 3, 2018; she now works at our main office.",
    "She left the toddler outreach project on May 3, 2018 to run our drop-in clinic.",
    "She resigned from the staff council in May 2018.",
    "She held that position until May 3, 2018, when she was promoted to Team Lead.",
])
def test_a_last_day_of_something_other_than_the_employment_is_checked(then: str) -> None:
    """All rows fail before: the day was read as the sure end of the employment."""
    item = only_item(sentences(START, then))
    assert checked(item, "employment.end_unclear")


@pytest.mark.parametrize("then", [
    "Her last day with the trust was May 3, 2018.",
    "She left the agency on May 3, 2018.",
])
def test_a_last_day_leaving_the_employer_stays_sure(then: str) -> None:
    """Guard rows (pass before and after)."""
    item = only_item(sentences(START, then))
    assert item.value["end"] == "2018-05-03" and not item.needs_review


@pytest.mark.parametrize("sentence", [
    f"Lena Marsh has been employed by {TOP} as a Home Visitor and, from 2019, as Team Lead from "
    "September 2, 2013 to present.",
    f"Lena Marsh worked at {TOP} as a Home Visitor, first part time and then full time, from September 2, 2013 "
    "to April 30, 2020.",
])
def test_a_sentences_role_holding_a_second_role_or_a_remark_is_checked(sentence: str) -> None:
    """Both rows fail before: the whole run was read as the sure role."""
    item = only_item(sentences(sentence))
    assert checked(item, "employment.role_unclear")


def test_a_labelled_last_day_contradicting_the_labelled_period_is_checked() -> None:
    """Fails before: the period's "present" was read, the last-day field ignored."""
    facts = [("Employee", "Lena Marsh"), ("Job title", "Home Visitor"), ("Employed", "09/02/2013 - present"),
             ("Final day worked", "04/30/2020"), ("Duties", "weekly visits to families with babies")]
    item = only_item(block_letter(TOP, f"Lena Marsh was employed by {TOP}. Her record:", facts))
    assert checked(item, "employment.dates_disagree")


def test_work_placed_through_an_agency_confirms_no_employer() -> None:
    """Fails before: the letterhead was read as the sure employer."""
    item = only_item(block_letter(TOP, f"Lena Marsh worked for {TOP} via Brightline Staffing; the details:", FACTS))
    assert checked(item, "employment.employer_unconfirmed")


@pytest.mark.parametrize(("sentence", "duties", "expected"), [
    (f"This is to confirm that Lena Marsh was employed part-time by {TOP} from 09/02/2013 until 04/30/2020, in the "
     "role of Home Visitor.", "The chief duties of the post were weekly visits to families with babies.",
     {"role": "Home Visitor", "start": "2013-09-02", "end": "2020-04-30",
      "duties": "weekly visits to families with babies"}),
    (f"We confirm that Lena Marsh has worked full time for {TOP} since 2 September 2013, and remains with us today "
     "as a Home Visitor.", "The responsibilities of her role are weekly visits to families with babies.",
     {"role": "Home Visitor", "start": "2013-09-02", "end": None, "duties": "weekly visits to families with babies"}),
])
def test_a_sentence_giving_the_hours_and_a_still_there_clause_before_the_role_is_read(
        sentence: str, duties: str, expected: dict[str, object]) -> None:
    """Both rows fail before (no period read): "employed part-time by", "since D, and remains with us today as Y",
    "the duties of the post were"."""
    item = only_item(sentences(sentence, duties))
    assert item.value == {"employer": TOP, **expected} and not item.needs_review


def test_a_last_day_followed_by_a_still_there_clause_is_checked() -> None:
    """Fails before (no period read): a last day and "is with us today" disagree."""
    item = only_item(sentences(f"Lena Marsh was employed full-time by {TOP} from 09/02/2013 until 04/30/2020, and "
                               "is employed with us today as a Team Lead."))
    assert checked(item, "employment.end_unclear")


def test_a_scans_day_read_as_a_bar_is_read_as_one_and_checked() -> None:
    """Fails before (no period read): OCR turned the "1" of "1 March 2014" into a bar."""
    page = page_of(sentences(f"Lena Marsh was employed by {TOP} from | March 2014 until 30 June 2019, in the role of "
                             "Home Visitor."))
    page = page.model_copy(update={"source": "ocr",
                                   "words": [w.model_copy(update={"source": "ocr"}) for w in page.words]})
    doc = build_text("doc", [page])
    item, = employment.extract(doc, find_patterns(doc.text)).items
    assert item.value["start"] == "2014-03-01" and item.value["end"] == "2019-06-30"
    assert checked(item, "employment.start_unclear")


def test_an_end_field_holding_two_dates_is_checked() -> None:
    """Fails before: the notice date, the first of two, was read as the sure last day."""
    facts = [("Employee", "Lena Marsh"), ("Job title", "Home Visitor"), ("Start date", "09/02/2013"),
             ("End date", "Notice served 03/02/2020, final day 04/30/2020"),
             ("Duties", "weekly visits to families with babies")]
    item = only_item(block_letter(TOP, f"Lena Marsh was employed by {TOP}. Her record:", facts))
    assert checked(item, "employment.end_unclear")


def test_a_sentences_employer_naming_a_second_body_is_checked() -> None:
    """Fails before: "X for the County of Y" was read as the sure employer."""
    item = only_item(sentences(f"Lena Marsh was employed by {TOP} for the County of Marlow as a Home Visitor from "
                               "September 2, 2013 to April 30, 2020."))
    assert checked(item, "employment.employer_unclear")
