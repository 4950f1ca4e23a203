"""Training certificates by structure: a date written over its caption, hours whose sentence wrapped mid-amount.

Rows are written from how certificates are printed in general (a signature block's captions under their lines, a
sponsor's approval sentence set centred), never copied from a fixture; each wording has a distractor beside it.
"""

from __future__ import annotations

from typing import Any

import pytest

from extractors.layout import build_text
from extractors.nlp import find_patterns
from extractors.training import extract
from pipeline.models import Page, Word
from tests.test_extract_training import Row, doc_of

HEAD: list[Row] = ["Certificate of Completion", "awarded to", ("Dana Whitfield", 18.0), "for completing",
                   ("Reflective Supervision for Infant Mental Health", 14.0),
                   "Offered by: Lakeside Early Childhood Council", "Contact hours: 4.0"]


def items(rows: list[Row]) -> list[Any]:
    doc = doc_of(rows)
    return extract(doc, find_patterns(doc.text)).items


@pytest.mark.parametrize(("block", "date"), [
    ([("Maria Chen |  | June 8-11, 2022", 14.0), ("Maria Chen, Director |  | Program date", 8.0)], "2022-06-11"),
    ([("May 3, 2024 |  | Maria Chen", 12.0), ("Date of completion |  | Instructor", 8.0)], "2024-05-03"),
    ([("Maria Chen | 11/14/2023 | Lee Park", 12.0), ("Trainer | Completion Date | Coordinator", 8.0)],
     "2023-11-14"),
    ([("R. Osei |  | 2025-02-07", 12.0), ("Presenter |  | Date(s) of training", 8.0)], "2025-02-07"),
])
def test_a_date_over_its_caption_is_the_completion_date(block: list[Row], date: str) -> None:
    [item] = items([*HEAD, *block])
    assert item.value["date"] == date


def test_a_bare_date_caption_is_read_but_checked() -> None:
    """A signature line's "Date" may be the day the certificate was signed: read, and a person checks it."""
    [item] = items([*HEAD, ("Maria Chen |  | April 2, 2024", 12.0), ("Signature |  | Date", 8.0)])
    assert item.value["date"] == "2024-04-02"
    assert "training.date_generic" in item.reasons


@pytest.mark.parametrize("block", [
    [("Maria Chen |  | June 30, 2024", 12.0), ("Signature |  | Date issued", 8.0)],  # an issue date, no completion
    [("Maria Chen |  | Issued June 30, 2024", 12.0), ("Signature |  | Program date", 8.0)],  # words besides the date
    [("Maria Chen |  | June 30, 2024", 12.0), ("Signature |  | Program date", 8.0),
     ("Lee Park |  | July 2, 2024", 8.0)],  # a date under the caption too: a label over its value, perhaps
])
def test_no_date_is_taken_from_over_a_caption_that_does_not_vouch_for_it(block: list[Row]) -> None:
    [item] = items([*HEAD, *block])
    assert item.value["date"] is None
    assert "training.date_missing" in item.reasons


@pytest.mark.parametrize(("sentence", "hours"), [
    (["Participants who complete this program earn 3", "hours 15 minutes."], 3.25),
    (["This activity is approved for a total of 2", "hours and 30 minutes of continuing education."], 2.5),
    (["The sponsor awards 1", "hour 45 minutes of credit to each participant."], 1.75),
])
def test_hours_wrapped_between_figure_and_unit_are_read_whole(sentence: list[str], hours: float) -> None:
    rows = [row for row in HEAD if not (isinstance(row, str) and row.startswith("Contact hours"))]
    [item] = items([*rows, *sentence, "Date completed: May 1, 2024"])
    assert item.value["hours"] == hours


def test_a_figure_ending_a_table_row_is_not_joined_to_the_next_line() -> None:
    """Two cells on the line above: a table's row, whose last figure is no part of the next line's minutes."""
    rows = [row for row in HEAD if not (isinstance(row, str) and row.startswith("Contact hours"))]
    [item] = items([*rows, "Module | 3", "45 minutes of guided practice.", "Date completed: May 1, 2024"])
    assert item.value["hours"] == 0.75


def ocr_page(rows: list[tuple[float, list[tuple[str, float]]]]) -> Page:
    """An OCR page: each row (top, words) with each word's own box height, as tesseract hugs the letters."""
    words = []
    for top, row in rows:
        x = 120.0
        for text, height in row:
            words.append(Word(text=text, bbox=(x, top, x + 7.0 * len(text), top + height), confidence=0.93,
                              source="ocr"))
            x += 7.0 * len(text) + 5.0
    return Page(number=1, width=612, height=792, source="ocr", words=words)


def plain(top: float, text: str, height: float = 7.0) -> tuple[float, list[tuple[str, float]]]:
    return top, [(word, height) for word in text.split()]


@pytest.mark.parametrize("tallest", [12.0, 16.0])  # a word with a descender ("Supporting") stands taller
def test_a_title_wrapped_in_large_type_is_read_whole_on_a_scan(tallest: float) -> None:
    """OCR boxes are the letters' height: a 17-point title's two lines 24 points apart leave a 10-point gap."""
    rows = [plain(100, "Certificate of Completion"), plain(130, "has completed"),
            (160.0, [("Supporting", tallest), ("Early", 12.0), ("Relationships", 12.0), ("in", 12.0)]),
            (184.0, [("Child", 12.0), ("Welfare", 12.0)]),
            plain(230, "Provider: Lakeside Early Childhood Council"), plain(250, "Contact hours: 2.0"),
            plain(270, "Date completed: May 1, 2024")]
    doc = build_text("doc", [ocr_page(rows)])
    [item] = extract(doc, find_patterns(doc.text)).items
    assert item.value["title"] == "Supporting Early Relationships in Child Welfare"


def test_a_body_line_under_a_title_on_a_scan_is_no_part_of_it() -> None:
    """A smaller line under the title (the body's type) is not joined to it, however close."""
    rows = [plain(100, "Certificate of Completion"), plain(130, "has completed"),
            (160.0, [("Infant", 12.0), ("Feeding", 12.0), ("Basics", 12.0)]), plain(180, "a two-day course"),
            plain(230, "Provider: Lakeside Early Childhood Council"), plain(250, "Contact hours: 2.0"),
            plain(270, "Date completed: May 1, 2024")]
    doc = build_text("doc", [ocr_page(rows)])
    [item] = extract(doc, find_patterns(doc.text)).items
    assert item.value["title"] == "Infant Feeding Basics"
