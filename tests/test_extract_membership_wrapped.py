"""An organisation's name broken over two lines: read whole where its next line carries it on, else flagged as cut.

Every place a membership reads the organisation from: a letterhead line (left or centred), a labelled field, a
member table's cell, a membership sentence wrapped at its line's end, a welcome line, a letter's sign-off; each on
a text layer and on a scan.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from extractors import membership
from extractors.fields import Item
from extractors.layout import build_text
from extractors.nlp import find_patterns
from pipeline.models import Page, Word
from tests.test_extract_forms import page_of

Row = tuple[float, list[tuple[float, str]]]

SPLITS = [("Harbor State Association for", "Infant Mental Health"),
          ("Vermont Association for Infant Mental", "Health")]


def item_of(rows: list[Row], ocr: bool = False, extra: list[Word] | None = None) -> Item:
    """The membership item of a page built from rows; on a scan the same words read by OCR."""
    page = page_of(rows)
    words = list(page.words) + (extra or [])
    if ocr:
        words = [w.model_copy(update={"source": "ocr", "confidence": 0.95}) for w in words]
    page = Page(number=1, width=612, height=792, source="ocr" if ocr else "text_layer", words=words)
    doc = build_text("doc", [page])
    return membership.extract(doc, find_patterns(doc.text)).items[0]


EXPIRY: Row = (200, [(72, "Membership valid through: 10/31/2027")])


def letterhead(first: str, second: str) -> list[Row]:
    return [(50, [(72, first)]), (64, [(72, second)]), (110, [(72, "Certificate of Membership")]), EXPIRY]


def centred(first: str, second: str) -> list[Row]:
    middle = 306.0
    return [(50, [(middle - 3 * len(first), first)]), (64, [(middle - 3 * len(second), second)]),
            (110, [(72, "Certificate of Membership")]), EXPIRY]


def labelled(first: str, second: str) -> list[Row]:
    return [(50, [(72, "Member Card")]), (90, [(72, "Chapter:"), (180, first)]), (104, [(180, second)]),
            (122, [(72, "Expires:"), (180, "10/31/2027")])]


def table_cell(first: str, second: str) -> list[Row]:
    return [(50, [(72, "Roster Extract")]), (90, [(72, "Member"), (170, "Association"), (480, "Expires")]),
            (104, [(72, "Jo Park"), (170, first), (480, "10/31/2027")]), (118, [(170, second)])]


def good_standing(first: str, second: str) -> list[Row]:
    return [(50, [(72, "Verification of Membership")]),
            (90, [(72, "We confirm that Jo Park is a member in good standing of the " + first)]),
            (104, [(72, second + ", with dues paid through October 31, 2027.")])]


def greeting(first: str, second: str) -> list[Row]:
    return [(50, [(72, "A warm welcome to the " + first)]), (64, [(72, second + ", Jo! We are glad to have you.")]),
            EXPIRY]


def sign_off(first: str, second: str) -> list[Row]:
    renewed = "Your membership has been renewed and is active through 10/31/2027."
    return [(50, [(72, "Dear Jo,")]), (64, [(72, renewed)]),
            (90, [(72, "With thanks,")]), (104, [(72, "Lee Banks, Treasurer")]), (118, [(72, first)]),
            (132, [(72, second)])]


PLACES: list[Callable[[str, str], list[Row]]] = [letterhead, centred, labelled, table_cell, good_standing, greeting,
                                                 sign_off]


@pytest.mark.parametrize("ocr", [False, True], ids=["text", "scan"])
@pytest.mark.parametrize(("first", "second"), SPLITS, ids=["cut_on_for", "cut_on_mental"])
@pytest.mark.parametrize("place", PLACES, ids=[place.__name__ for place in PLACES])
def test_membership_name_broken_over_two_lines_is_read_whole(
        place: Callable[[str, str], list[Row]], first: str, second: str, ocr: bool) -> None:
    item = item_of(place(first, second), ocr)
    assert item.value == {"organization": f"{first} {second}", "valid_through": "2027-10-31"}
    assert "membership.organisation_cut" not in item.reasons


@pytest.mark.parametrize("ocr", [False, True], ids=["text", "scan"])
@pytest.mark.parametrize(("rows", "extra"), [
    # nothing under the name: it ends on "for"
    ([(50, [(72, "Harbor State Association for")]), (110, [(72, "Certificate of Membership")]), EXPIRY], None),
    # the line under is the table's next row (another member), not the rest of this cell
    ([(50, [(72, "Roster Extract")]), (90, [(72, "Member"), (170, "Association"), (480, "Expires")]),
      (104, [(72, "Jo Park"), (170, "Vermont Association for Infant Mental"), (480, "10/31/2027")]),
      (118, [(72, "Max Hill"), (170, "Health"), (480, "03/31/2028")])], None),
    # the word under is set in smaller type: a tagline, not the heading's rest
    ([(50, [(72, "Vermont Association for Infant Mental")]), EXPIRY],
     [Word(text="Health", bbox=(72, 64, 96, 70), confidence=1.0, source="text_layer")]),
])
def test_membership_name_ending_mid_phrase_without_its_rest_is_flagged(
        rows: list[Row], extra: list[Word] | None, ocr: bool) -> None:
    item = item_of(rows, ocr, extra)
    assert item.needs_review and "membership.organisation_cut" in item.reasons and item.confidence <= 0.7


@pytest.mark.parametrize(("second", "expected", "doubted"), [
    # guards (pass before and after): a whole name over a department line or a title is not joined to it
    ("Membership Office", "Harbor Alliance for Infant Mental Health", False),
    ("Annual Renewal Statement", "Harbor Alliance for Infant Mental Health", False),
    # a line starting with a connector carries the name on into another organisation word
    ("and Family Services Society", "Harbor Alliance for Infant Mental Health and Family Services Society", False),
    # with "and" but no organisation word after it, the line may be the name's rest or a line of its own: checked
    ("and Family Wellbeing", "Harbor Alliance for Infant Mental Health", True),
])
def test_membership_whole_name_over_another_line(second: str, expected: str, doubted: bool) -> None:
    item = item_of([(50, [(72, "Harbor Alliance for Infant Mental Health")]), (64, [(72, second)]), EXPIRY])
    assert item.value["organization"] == expected
    assert item.needs_review is doubted and ("membership.organisation_cut" in item.reasons) is doubted


def inked(rows: list[tuple[float, str]]) -> list[Word]:
    """OCR words with boxes tight round their ink: a word with a descender (g, j, p, q, y) stands 3 points taller."""
    words = []
    for top, text in rows:
        x = 72.0
        for token in text.split():
            deep = 3 if any(ch in "gjpqy" for ch in token) else 0
            words.append(Word(text=token, bbox=(x, top, x + 6 * len(token), top + 10 + deep), confidence=0.95,
                              source="ocr"))
            x += 6 * (len(token) + 1)
    return words


def test_membership_scan_name_carried_on_by_a_line_with_descenders_is_read_whole() -> None:
    """On a scan the line under is taller for its descenders ("Young", "Equity"), yet set in the same type."""
    words = inked([(50, "Harbor State Association for"), (64, "Young Children and Equity"),
                   (110, "Certificate of Membership"), (200, "Membership valid through: 10/31/2027")])
    doc = build_text("doc", [Page(number=1, width=612, height=792, source="ocr", words=words)])
    item = membership.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["organization"] == "Harbor State Association for Young Children and Equity"
    assert "membership.organisation_cut" not in item.reasons


@pytest.mark.parametrize("ocr", [False, True], ids=["text", "scan"])
@pytest.mark.parametrize("rows", [
    # a membership sentence whose name's connector is left at the line's end, the next line in lower case
    [(50, [(72, "Verification of Membership")]),
     (90, [(72, "We confirm that Jo Park is a member in good standing of the Harbor State Association for")]),
     (104, [(72, "infant mental health, with dues paid through October 31, 2027.")])],
    # the organisation column first: the line under is a row of cells, as likely the next member as the name's rest
    [(50, [(72, "Roster Extract")]), (90, [(72, "Association"), (300, "Member"), (480, "Expires")]),
     (104, [(72, "Harbor State Association for"), (300, "Jo Park"), (480, "10/31/2027")]),
     (118, [(72, "Infant Mental Health"), (300, "(honorary)")])],
])
def test_membership_name_left_hanging_is_flagged(rows: list[Row], ocr: bool) -> None:
    item = item_of(rows, ocr)
    assert item.needs_review and "membership.organisation_cut" in item.reasons and item.confidence <= 0.7
