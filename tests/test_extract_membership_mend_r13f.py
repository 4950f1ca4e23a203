"""r13f mends: a name over a line naming a body of its own, a name that may be a second line's half, member lines.

A name ending on its subject over a line with an organisation word of its own, a name found on a line under the
start of a name that names no body yet (or starting with a connector), and a line of membership words that also
names a body: each the name as read and flagged as maybe cut, never sure.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.test_extract_membership_wrapped import (
    Row,
    centred,
    good_standing,
    item_of,
    labelled,
    letterhead,
    sign_off,
    table_cell,
)

HEADS: list[Callable[[str, str], list[Row]]] = [letterhead, centred, labelled, table_cell, sign_off]

OWN_BODY_UNDER = [("Pinecrest Alliance for Family Wellbeing", "Doula Practitioners Council"),
                  ("Pinecrest Coalition for Young Children", "Home Visiting Consortium")]
"""Finding 1: the second line names a body of its own under a name ending on its subject."""
SECOND_HALF = [("Pinecrest Perinatal Mental Health", "Clinicians Federation",
                "Clinicians Federation"),
               ("Pinecrest Center for Babies", "and Parents League", "and Parents League")]
"""Finding 2: the name found is the second line; the first names no body and ends on its subject."""


@pytest.mark.parametrize("place", HEADS)
@pytest.mark.parametrize("first,second", OWN_BODY_UNDER)
@pytest.mark.parametrize("ocr", [False, True])
def test_membership_name_over_a_line_naming_its_own_body_is_flagged(
        place: Callable[[str, str], list[Row]], first: str, second: str, ocr: bool) -> None:
    item = item_of(place(first, second), ocr)
    assert item.needs_review and "membership.organisation_cut" in item.reasons and item.confidence <= 0.7


@pytest.mark.parametrize("place", HEADS)
@pytest.mark.parametrize("first,second,read", SECOND_HALF)
def test_membership_name_under_a_first_half_is_flagged(
        place: Callable[[str, str], list[Row]], first: str, second: str, read: str) -> None:
    item = item_of(place(first, second))
    assert item.value["organization"] == read
    assert item.needs_review and "membership.organisation_cut" in item.reasons and item.confidence <= 0.7


@pytest.mark.parametrize("ocr", [False, True])
def test_membership_sentence_name_over_a_membership_body_line_is_flagged(ocr: bool) -> None:
    item = item_of(good_standing("Pinecrest Alliance for Family Wellbeing", "Membership Council"), ocr)
    assert item.needs_review and "membership.organisation_cut" in item.reasons


@pytest.mark.parametrize("place", HEADS)
def test_membership_name_over_a_title_line_stays_sure(place: Callable[[str, str], list[Row]]) -> None:
    """Guard: a name over the paper's title or its place is read sure as before."""
    item = item_of(place("Pinecrest Infant Wellbeing Association", "of Vermont"))
    assert item.value["organization"] == "Pinecrest Infant Wellbeing Association of Vermont" and not item.needs_review


GRID_HEAD: Row = (140, [(72, "Member"), (250, "Tier"), (430, "Valid Thru")])
PRINTED: Row = (110, [(430, "03/15/2026")])
TOP: Row = (50, [(72, "Pinecrest Infant Wellbeing Association")])


@pytest.mark.parametrize("rows", [
    [TOP, PRINTED, GRID_HEAD],
    [TOP, PRINTED, GRID_HEAD, (154, [(72, "There are no members on this page of the list.")])],
])
def test_membership_date_over_a_grid_header_with_no_row_under_is_doubted(rows: list[Row]) -> None:
    item = item_of(rows)
    assert item.value["valid_through"] is None or (item.needs_review and item.confidence <= 0.75)
