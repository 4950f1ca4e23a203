"""Review mends (R11h) for membership: where a wrapped organisation's name ends, and which bracketed status notes
mark a term as the running one."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from extractors import membership
from extractors.fields import Item
from extractors.nlp import find_patterns
from tests.test_extract_forms import doc_of
from tests.test_extract_membership_wrapped import Row, centred, item_of, labelled, letterhead

NAME = "Cove Coalition for Infant Mental Health"


@pytest.mark.parametrize("ocr", [False, True], ids=["text", "scan"])
@pytest.mark.parametrize("rows", [
    # a tagline or host line under a whole name, starting with a connector, names no organisation: not joined
    letterhead(NAME, "for Babies and the People Who Love Them"),
    letterhead(NAME, "at Lakeside Community College"),
    centred(NAME, "for the First Three Years"),
    # a membership sentence going on after the name on its next line
    [(50, [(72, "Member Verification")]),
     (90, [(72, "This confirms that Sam Ortiz holds membership in the " + NAME)]),
     (104, [(72, "at the Associate Tier. Dues are paid through October 31, 2027.")])],
    [(50, [(72, "Member Verification")]),
     (90, [(72, "This confirms that Sam Ortiz is a member of the " + NAME)]),
     (104, [(72, "in Good Standing; dues are paid through October 31, 2027.")])],
    [(50, [(72, "Member Verification")]),
     (90, [(72, "Sam Ortiz renewed their membership in the " + NAME)]),
     (104, [(72, "on April 2, 2026, and it is active through October 31, 2027.")])],
])
def test_membership_name_is_not_carried_into_a_connector_line_of_another_kind(rows: list[Row], ocr: bool) -> None:
    item = item_of(rows, ocr)
    assert item.value == {"organization": NAME, "valid_through": "2027-10-31"}


@pytest.mark.parametrize("ocr", [False, True], ids=["text", "scan"])
@pytest.mark.parametrize("place", [letterhead, centred, labelled], ids=["letterhead", "centred", "labelled"])
def test_membership_name_cut_before_its_subject_is_read_whole(
        place: Callable[[str, str], list[Row]], ocr: bool) -> None:
    item = item_of(place("Cove Coalition for Infant and Toddler", "Mental Health"), ocr)
    assert item.value["organization"] == "Cove Coalition for Infant and Toddler Mental Health"
    assert "membership.organisation_cut" not in item.reasons


@pytest.mark.parametrize("ocr", [False, True], ids=["text", "scan"])
@pytest.mark.parametrize("rows", [
    # a name cut on its connector over a committee's line or a person's name: not its rest, still cut
    letterhead("Cove State Coalition for", "Executive Committee"),
    letterhead("Cove State Coalition for", "Member Programs"),
    labelled("Cove State Coalition for", "Sam Ortiz"),
    # a name ending on a word that heads no name over a line of other name words: maybe cut
    letterhead("Cove Coalition for Infant and Toddler", "Regional Chapter Roster"),
])
def test_membership_name_cut_over_a_line_of_another_kind_is_flagged(rows: list[Row], ocr: bool) -> None:
    item = item_of(rows, ocr)
    assert item.needs_review and "membership.organisation_cut" in item.reasons and item.confidence <= 0.7


def notice(this_term: str, next_term: str) -> Item:
    """A renewal notice's table of terms: this year's, then next year's."""
    doc = doc_of((50, [(72, "Bayside Society for Infant Mental Health")]), (70, [(72, "Renewal Notice")]),
                 (130, [(72, "Term"), (260, "Dates"), (420, "Amount")]),
                 (146, [(72, this_term), (260, "7/1/26 - 6/30/27"), (420, "paid")]),
                 (162, [(72, next_term), (260, "7/1/27 - 6/30/28"), (420, "$95.00")]))
    return membership.extract(doc, find_patterns(doc.text)).items[0]


@pytest.mark.parametrize(("this_term", "next_term"), [
    # a note that does not confirm the running term (or an OCR slip in one) leaves which term runs unsure
    ("Current (behind)", "Next term"), ("Active (trial)", "Next term"), ("Current (pald)", "Next term"),
    ("Current (tbc)", "Next term"), ("Active (!)", "Next term"),
    # next year's row marked running only on a condition
    ("This term", "Active (when paid)"), ("This term", "Current (on renewal)"), ("This term", "Active (starting July)"),
])
def test_membership_status_note_that_does_not_confirm_is_a_persons_call(this_term: str, next_term: str) -> None:
    item = notice(this_term, next_term)
    assert item.needs_review and "membership.several_terms" in item.reasons and item.confidence <= 0.7


@pytest.mark.parametrize("this_term", ["Current (paid in full)", "Active (payment received)", "Current"])
def test_membership_status_note_that_confirms_gives_the_expiry(this_term: str) -> None:
    """Guards (pass before and after)."""
    item = notice(this_term, "Next term")
    assert item.value["valid_through"] == "2027-06-30" and not item.needs_review


@pytest.mark.parametrize("under", [None, (118, [(72, "Member Services Desk"), (440, "staff only")])])
def test_membership_grid_with_a_blank_expiry_cell_reads_no_expiry(under: Row | None) -> None:
    """A look-up print-out's date alone at the top right over a grid whose expiry cell is blank: no expiry."""
    rows: list[Row] = [(44, [(72, "Bayside Society for Infant Mental Health")]), (60, [(440, "11/03/2026")]),
                       (80, [(72, "Member"), (260, "Category"), (440, "Expiration")]),
                       (94, [(72, "Sam Ortiz"), (260, "Student")])]
    if under is not None:
        rows.append(under)
    item = membership.extract(doc_of(*rows), find_patterns(doc_of(*rows).text)).items[0]
    assert item.value["valid_through"] is None and "membership.expiry_missing" in item.reasons
