"""Where a name whose line ends goes on: a line under it, lined up in the same type, that could be its rest.

Such a line is joined when it surely is the name's rest, left alone when it surely is something else (an office of
the body, the paper's title, under a name ending on its organisation or subject word), and otherwise the name is
kept as read and flagged as maybe cut: never kept unflagged. A name's last word says nothing sure of its end (a
place name and "Prevention" end alike).
"""

from __future__ import annotations

import pytest

from tests.test_extract_membership_wrapped import Row, centred, good_standing, item_of, labelled, letterhead

SOCIETY = "Bayside Perinatal Health Society"


@pytest.mark.parametrize("ocr", [False, True], ids=["text", "scan"])
@pytest.mark.parametrize(("rows", "kept"), [
    # a name ending on a word like a place's, over one more word of it
    (letterhead("Bayside Coalition for Suicide Prevention", "Partners"), "Bayside Coalition for Suicide Prevention"),
    (labelled("Bayside Society for Family Diagnosis", "Specialists"), "Bayside Society for Family Diagnosis"),
    # a membership sentence's name running on to the next line
    (good_standing("Bayside Alliance for Newborn Nutrition", "Educators"), "Bayside Alliance for Newborn Nutrition"),
    # a line of a program's name is not surely an office's
    (centred("Bayside Council on Infant and Toddler", "Feeding Programs"), "Bayside Council on Infant and Toddler"),
    # a connector line under a name ending on its organisation word: a tagline or the name's rest
    (letterhead(SOCIETY, "for Stronger Beginnings"), SOCIETY),
    (good_standing(SOCIETY, "at the Affiliate Level"), SOCIETY),
    # a connector line of other words under a name naming no subject
    (letterhead("Bayside Society for Research", "in Early Learning"), "Bayside Society for Research"),
])
def test_membership_name_over_a_line_that_may_be_its_rest_is_flagged(rows: list[Row], kept: str, ocr: bool) -> None:
    item = item_of(rows, ocr)
    assert item.value["organization"] == kept
    assert item.needs_review and "membership.organisation_cut" in item.reasons and item.confidence <= 0.7


@pytest.mark.parametrize("ocr", [False, True], ids=["text", "scan"])
@pytest.mark.parametrize("rows", [
    letterhead("Bayside Institute for Study", "of Young Children"),
    labelled("Bayside Institute for Study", "of Young Children"),
])
def test_membership_name_naming_no_subject_takes_a_connector_line_of_its_subject(rows: list[Row], ocr: bool) -> None:
    item = item_of(rows, ocr)
    assert item.value["organization"] == "Bayside Institute for Study of Young Children"
    assert "membership.organisation_cut" not in item.reasons


@pytest.mark.parametrize("ocr", [False, True], ids=["text", "scan"])
@pytest.mark.parametrize(("rows", "name"), [
    # a membership sentence going on with a date on the next line: not the name's rest
    ([(50, [(72, "Member Verification")]),
      (90, [(72, "Ana Reyes renewed her membership in the " + SOCIETY)]),
      (104, [(72, "on May 5, 2026, and it runs through October 31, 2027.")])], SOCIETY),
    # guards (pass before and after): an office or the paper's title under a name ending on its subject or body
    (letterhead("Bayside Alliance for Infant Mental Health", "Member Services Office"),
     "Bayside Alliance for Infant Mental Health"),
    (letterhead(SOCIETY, "Yearly Dues Statement"), SOCIETY),
])
def test_membership_name_over_a_line_of_another_kind_is_read_as_is(rows: list[Row], name: str, ocr: bool) -> None:
    item = item_of(rows, ocr)
    assert item.value == {"organization": name, "valid_through": "2027-10-31"}
    assert not item.needs_review
