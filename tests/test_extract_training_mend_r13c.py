"""Review mend r13c on training certificates: a kind word labels only the date right after it; a yearless second
day is compared by month and day; a letterhead's tall initials on a line of their own follow the mark rule; a scan's
dropped word is flagged unless its shape is surely no word."""

from __future__ import annotations

import pytest

from tests.test_extract_training_mend_r12m import _issuer_item, award, sure_wrong
from tests.test_extract_training_sidebar import item_of

DOT = "\u00b7"


@pytest.mark.parametrize("facts", [
    # finding 1: a kind word somewhere in the particular, not labelling the date
    (f"Attended April 7, 2024 {DOT} 5 hours", "Renewed focus workshop held April 14, 2024"),
    (f"Attended April 7, 2024 {DOT} 5 hours", "Issued for the closing seminar on April 14, 2024"),
    (f"Attended April 7, 2024 {DOT} 5 hours", "Valid with the practicum visit of April 14, 2024 too"),
    # finding 2: a second day written with no year
    (f"Attended April 7, 2024 {DOT} 5 hours", "Second meeting: April 14"),
    (f"Attended April 7, 2024 {DOT} 5 hours", "Meetings on April 7 and April 14"),
])
def test_a_second_training_day_flags_the_run_in_date(facts: tuple[str, ...]) -> None:
    """Every row fails before: the first day came out at 0.864 unflagged though the page names a later one."""
    assert not sure_wrong(item_of(award(*facts)), "2024-04-14")


@pytest.mark.parametrize("facts", [
    # finding 5: another kind of date labelled right before it
    (f"Completed April 7, 2024 {DOT} 5 hours", "Good through 4/7/2026"),
    (f"Completed April 7, 2024 {DOT} 5 hours", "Printout generated 4/20/2024"),
    (f"Completed April 7, 2024 {DOT} 5 hours", "Registered: 3/2/2024"),
    (f"Completed April 7, 2024 {DOT} 5 hours", "Certificate date 4/20/2024"),
    # guards (pass before and after): the same day without a year, an issue date
    (f"Completed April 7, 2024 {DOT} 5 hours", "Meeting held April 7"),
    (f"Completed April 7, 2024 {DOT} 5 hours", "Issued on 4/20/2024"),
])
def test_another_kind_of_date_leaves_the_run_in_date_sure(facts: tuple[str, ...]) -> None:
    """The first four rows fail before (flagged training.date_unsure); the last two are guards."""
    item = item_of(award(*facts))
    assert item.value["date"] == "2024-04-07" and not item.needs_review


@pytest.mark.parametrize("name", ["OSU Center for Family Studies", "KU Institute for Early Learning"])
def test_text_layer_initials_on_a_line_of_their_own_stay_in_the_issuer(name: str) -> None:
    """Finding 3 (every row fails before): initials set 2.3 times the name's height stay the name's words."""
    assert _issuer_item(name, 2.3).value["provider"] == name


def test_scan_initials_on_a_line_of_their_own_dropped_are_flagged() -> None:
    """Finding 3 (fails before): the scan's tall initials on their own line are dropped as a mark, and flagged."""
    item = _issuer_item("OSU Center for Family Studies", 2.3, "ocr", 0.92)
    assert item.value["provider"] == "OSU Center for Family Studies" or item.needs_review


@pytest.mark.parametrize("name", ["KU Institute for Early Learning", "Ba Center for Family Studies"])
def test_a_poorly_read_word_shaped_mark_dropped_is_flagged(name: str) -> None:
    """Finding 4 (every row fails before): a dropped word read under 0.5 that could be initials or a word is flagged."""
    item = _issuer_item(name, 1.8, "ocr", 0.41)
    assert item.value["provider"] == name or item.needs_review
