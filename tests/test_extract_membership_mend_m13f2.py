"""Session 13 mends (m13f2): a grid date set apart from its column, scanned names split in two, a heading's mark."""

from __future__ import annotations

import pytest

from extractors import membership
from extractors.fields import Found
from extractors.form_letters import misread_name
from extractors.nlp import find_patterns
from tests.test_extract_forms import doc_of
from tests.test_extract_letters import scanned_lines

TOP = (44.0, [(72.0, "Riverbend Society for Infant Mental Health")])


def item_of(doc):  # type: ignore[no-untyped-def]
    return membership.extract(doc, find_patterns(doc.text)).items[0]


# --- a date in a member grid: under its own column name, and not before the page's own date ---------------------

@pytest.mark.parametrize(("rows", "doubted"), [
    # the joining date set far right, between 'Joined On' and 'Good Through'
    ([(80.0, [(72.0, "Name"), (230.0, "Joined On"), (450.0, "Good Through")]),
      (94.0, [(72.0, "Li Chen"), (405.0, "05/15/2019")])], True),
    # the row's date lies under the expiry column, but the page was printed after it
    ([(60.0, [(440.0, "09/30/2026")]),
      (80.0, [(72.0, "Name"), (250.0, "Category"), (440.0, "Expiration")]),
      (94.0, [(72.0, "Li Chen"), (250.0, "Student"), (440.0, "06/30/2025")])], True),
    # guard: the date right under its name, no earlier page date
    ([(80.0, [(72.0, "Name"), (250.0, "Category"), (440.0, "Expiration")]),
      (94.0, [(72.0, "Li Chen"), (250.0, "Student"), (440.0, "06/30/2027")])], False),
])
def test_a_grid_date_apart_from_its_column_is_doubted(rows, doubted) -> None:  # type: ignore[no-untyped-def]
    item = item_of(doc_of(TOP, *rows))
    assert ("membership.date_column_unsure" in item.reasons) is doubted
    if doubted:
        assert item.needs_review and item.confidence <= 0.7


# --- a scanned name with a word split into two capitalised pieces -------------------------------------------------

@pytest.mark.parametrize(("name", "odd"), [
    ("Harbor Cit Ies Family Services", True),     # two short pieces in a row
    ("On Tario Family Services", True),           # a small word in title case before a capitalised piece
    ("Greater Co Rnwall Family Center", True),
    ("Lake De Nmark Family Services", True),      # a piece beginning as no word does
    ("Pine Cen Ter Family Center", True),
    ("De Smet Family Services", False),           # guards: real names keep their shape
    ("San Bruno Family Center", False),
    ("Mt Vernon Family Services", False),
])
def test_a_word_split_in_two_on_a_scan_is_doubted(name: str, odd: bool) -> None:
    doc = scanned_lines(name)
    assert misread_name(doc, Found(0, len(name), "test.v1", 0.9)) is odd


def test_a_split_name_in_a_welcome_line_is_flagged() -> None:
    doc = scanned_lines("Welcome to the Mid Lan Association for Infant Mental Health!", "Valid through 12/31/2026.")
    item = item_of(doc)
    assert "membership.organisation_misread" in item.reasons and item.confidence <= 0.7


# --- a heading's leading mark read from a rule or an ornament ------------------------------------------------------

@pytest.mark.parametrize("mark", ["—", "•", "\u201c", "-"])
def test_a_marks_before_a_heading_name_is_no_part_of_it(mark: str) -> None:
    doc = scanned_lines(f"{mark} Riverbend Society for Infant Mental Health", "Membership Card",
                        "Expires 12/31/2026")
    assert item_of(doc).value["organization"] == "Riverbend Society for Infant Mental Health"
