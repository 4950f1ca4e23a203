"""An employer's letter confirming a person's employment, the facts in a label column beside a value column.

The letterhead names the employer; the letter confirms "the employment of" the person in the first person and
names no other place. A label cell "Employed" stands beside the whole period. The duties wrap in the value column:
a wrapped line that goes on to a clause of its own (the person's status) ends them.
"""

from __future__ import annotations

import pytest

from extractors import employment
from extractors.layout import build_text
from extractors.nlp import find_patterns
from pipeline.models import Item
from tests.test_extract_forms import doc_of, page_of

LABELS, VALUES = 72.0, 190.0


def block_letter(top: str, opening: str, facts: list[tuple[str, str]], wrapped: tuple[str, ...] = (),
                 ocr: bool = False) -> list[tuple[float, list[tuple[float, str]]]]:
    """The letter's rows: letterhead, address, date, salutation, opening sentence, the facts, the sign-off."""
    rows: list[tuple[float, list[tuple[float, str]]]] = [
        (60, [(LABELS, top)]), (74, [(LABELS, "88 Orchard Road, Fairview - Tel. 555-0142")]),
        (100, [(LABELS, "May 4, 2026")]), (124, [(LABELS, "To Whom It May Concern:")]),
        (144, [(LABELS, opening)])]
    y = 170.0
    for label, value in facts:
        rows.append((y, [(LABELS, label), (VALUES, value)]))
        y += 16
    for line in wrapped:  # the last value's wrapped lines, in its column
        rows.append((y - 2, [(VALUES, line)]))
        y += 14
    rows += [(y + 20, [(LABELS, "Kind regards,")]), (y + 34, [(LABELS, "Tomas Reyes")])]
    return rows


def item_of(rows: list[tuple[float, list[tuple[float, str]]]], ocr: bool = False) -> Item:
    page = page_of(rows)
    if ocr:  # a scan: the same words, read by OCR
        page = page.model_copy(update={"source": "ocr",
                                       "words": [w.model_copy(update={"source": "ocr"}) for w in page.words]})
    doc = build_text("doc", [page])
    extraction = employment.extract(doc, find_patterns(doc.text))
    assert len(extraction.items) == 1, extraction
    return extraction.items[0]


FACTS = [("Staff member", "Dana Okafor"), ("Position", "Family Support Worker"),
         ("Employed", "03/14/2016 - 10/31/2021"), ("Weekly hours", "32"),
         ("Duties", "running parent groups and home visits with new parents")]


@pytest.mark.parametrize(("top", "opening", "facts", "expected"), [
    # an organisation name with no word such as "Center" or "Services": the letter's confirming says it employs
    ("Pinecrest Behavioral Health Trust",
     "We are pleased to confirm the employment of Dana Okafor. Our records show the following.", FACTS,
     {"employer": "Pinecrest Behavioral Health Trust", "role": "Family Support Worker", "start": "2016-03-14",
      "end": "2021-10-31", "duties": "running parent groups and home visits with new parents"}),
    ("Willow Creek Early Childhood Center",
     "This letter will verify the employment of Mr. Dana Okafor; we hold the details below on file.",
     [("Title", "Home Visitor"), ("Employed", "June 1, 2019 - present"), ("Status", "Active"),
      ("Duties", "weekly home visits with families of infants")],
     {"employer": "Willow Creek Early Childhood Center", "role": "Home Visitor", "start": "2019-06-01",
      "end": None, "duties": "weekly home visits with families of infants"}),
])
def test_letter_confirming_its_own_employee_reads_the_letterhead_as_employer(
        top: str, opening: str, facts: list[tuple[str, str]], expected: dict[str, object]) -> None:
    item = item_of(block_letter(top, opening, facts))
    assert item.value == expected and not item.needs_review


@pytest.mark.parametrize("opening", [
    "We cannot confirm the employment of Dana Okafor. The file we hold shows:",  # a refusal
    "I am unable to verify the employment of Dana Okafor. Our file shows:",
    "You asked to confirm the employment of Dana Okafor with Lakeshore Staffing Group, who placed her here:",
    "Please find below the details you asked for.",                               # nothing said of employment
])
def test_letter_not_confirming_its_own_employee_reads_no_sure_employer(opening: str) -> None:
    """Guard rows (pass before and after): a refusal, a place named after the person, or no confirming at all."""
    doc = build_text("doc", [page_of(block_letter("Pinecrest Family Services", opening, FACTS))])
    extraction = employment.extract(doc, find_patterns(doc.text))
    if extraction.items:
        item, = extraction.items
        assert "employment.employer_unconfirmed" in item.reasons
    else:
        assert [f.code for f in extraction.flags] == ["employment.no_period"]


def test_a_scanned_letterhead_word_cut_after_its_capital_is_made_whole_and_checked() -> None:
    item = item_of(block_letter("Pinecrest Behavioral H ealth Trust",
                                "We confirm the employment of Dana Okafor. Our records show:", FACTS), ocr=True)
    assert item.value["employer"] == "Pinecrest Behavioral Health Trust"
    assert "employment.employer_misread" in item.reasons


@pytest.mark.parametrize(("first", "wrapped", "duties"), [
    # a wrapped line going on to a sentence of its own about the person, or to a clause on her status
    ("running parent groups and home visits", ("with new parents. She was not eligible for rehire.",),
     "running parent groups and home visits with new parents"),
    ("running parent groups and home visits", ("with new parents. Ms Okafor resigned to move away.",),
     "running parent groups and home visits with new parents"),
    ("running parent groups and home visits", ("with new parents but was not eligible for rehire",),
     "running parent groups and home visits with new parents"),
    ("running parent groups and home visits", ("with new parents, and left the agency in 2021",),
     "running parent groups and home visits with new parents"),
    ("running parent groups and home visits with new", ("parents; however, she is not eligible for re-hire",),
     "running parent groups and home visits with new parents"),
    ("running parent groups and home visits", ("with new parents. Please call me with any questions.",),
     "running parent groups and home visits with new parents"),
    # guard rows (pass before and after): duties set off by stops, a clause that is a duty
    ("running parent groups. Home visits", ("with new parents.",),
     "running parent groups. Home visits with new parents"),
    ("running parent groups and", ("was the lead for home visits",), "running parent groups and was the lead for "
                                                                      "home visits"),
])
def test_a_wrapped_line_going_on_to_a_clause_of_its_own_ends_the_duties(
        first: str, wrapped: tuple[str, ...], duties: str) -> None:
    facts = [("Position", "Family Support Worker"), ("Start date", "03/14/2016"), ("End date", "10/31/2021"),
             ("Duties", first)]
    item = item_of(block_letter("Pinecrest Behavioral Health Trust",
                                "Dana Okafor was employed by Pinecrest Behavioral Health Trust as follows:", facts,
                                wrapped))
    assert item.value["duties"] == duties and not item.needs_review


def test_a_status_clause_on_the_duties_own_line_ends_them() -> None:
    doc = doc_of((60, [(72, "Riverbend Family Clinic")]), (90, [(72, "Dear Board:")]),
                 (104, [(72, "Ann Lee was employed at Riverbend Family Clinic, as follows:")]),
                 (124, [(72, "Position: Family Advocate")]), (138, [(72, "Start date: 03/01/2015")]),
                 (152, [(72, "End date: 08/31/2020")]),
                 (166, [(72, "Duties: home visits with infants, but she is not eligible for rehire.")]),
                 (204, [(72, "Sincerely,")]))
    item = employment.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["duties"] == "home visits with infants"
