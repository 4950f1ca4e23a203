"""Review mends (R12j) for membership: where a name broken over lines ends, and a date over a grid's header.

A name is joined to the line under it only when that line has the shape of its rest; a line that may be its rest or
a line of its own (a tagline of subject words under a name ending on a place, a second body after "and", a lone
"Chapter") leaves the name flagged. A line of membership words or a person's name surely so is no part of it. A date
over a grid's header whose row under is not lined up with the header, or lies further off, is checked.
"""

from __future__ import annotations

import pytest

from extractors import membership
from extractors.fields import Item
from extractors.nlp import find_patterns
from tests.test_extract_forms import doc_of
from tests.test_extract_membership_wrapped import Row, centred, good_standing, item_of, labelled, letterhead, sign_off

DOULAS = "Lakeside Doula Society"


@pytest.mark.parametrize("ocr", [False, True], ids=["text", "scan"])
@pytest.mark.parametrize(("rows", "kept"), [
    # a line of subject words under a name ending on a place: a tagline as likely as the name's rest
    (letterhead("Child Development Society of Vermont", "Infant and Family Mental Health"),
     "Child Development Society of Vermont"),
    (labelled("Perinatal Wellness Coalition in Maine", "Young Families and Babies"),
     "Perinatal Wellness Coalition in Maine"),
    (sign_off("Council for Parent Education in Ohio", "Early Childhood Wellbeing"),
     "Council for Parent Education in Ohio"),
    # "and" with a second body of its own under a name
    (letterhead(DOULAS, "and Lakeside Parenting Council"), DOULAS),
    (centred(DOULAS, "and the Ridge Valley Family Coalition"), DOULAS),
    (labelled("Lakeside Alliance for Early Childhood Health", "and Ridge Valley Foundation"),
     "Lakeside Alliance for Early Childhood Health"),
    # one word that may end the name as well as label a field
    (letterhead(DOULAS, "Chapter"), DOULAS),
    (labelled("Lakeside Alliance for Early Childhood Health", "Affiliate"),
     "Lakeside Alliance for Early Childhood Health"),
    (letterhead("Lakeside Alliance for Early Childhood Health", "Society"),
     "Lakeside Alliance for Early Childhood Health"),
])
def test_membership_name_over_a_line_that_may_be_another_name_is_flagged(rows: list[Row], kept: str,
                                                                           ocr: bool) -> None:
    item = item_of(rows, ocr)
    assert item.value["organization"] == kept
    assert item.needs_review and "membership.organisation_cut" in item.reasons and item.confidence <= 0.7


@pytest.mark.parametrize("ocr", [False, True], ids=["text", "scan"])
@pytest.mark.parametrize(("rows", "name"), [
    # "of" and a place under a name ending on its organisation word: the name's rest
    (letterhead("Maritime Perinatal Association", "of Nova Harbor"), "Maritime Perinatal Association of Nova Harbor"),
    (good_standing("Lakeside Infant Wellness Association", "of Upper Ridge County"),
     "Lakeside Infant Wellness Association of Upper Ridge County"),
    # a line of membership words, or a person surely so, under a name ending on its organisation word
    (letterhead(DOULAS, "Members Only Edition"), DOULAS),
    (centred(DOULAS, "Your Member Benefits"), DOULAS),
    (letterhead(DOULAS, "Dr. Lena Ortiz"), DOULAS),
    # guard (passes before and after): a person with a middle initial under a labelled name
    (labelled(DOULAS, "Sam T. Greene"), DOULAS),
])
def test_membership_name_over_its_place_or_a_line_of_another_kind_is_read_sure(rows: list[Row], name: str,
                                                                               ocr: bool) -> None:
    item = item_of(rows, ocr)
    assert item.value == {"organization": name, "valid_through": "2027-10-31"}
    assert not item.needs_review


TOP = (44, [(72, "Ridgeway Council for Infant Mental Health")])
PRINT_DATE = (60, [(440, "03/15/2027")])


@pytest.mark.parametrize("rows", [
    # the header's names centred over their columns, the row's values starting at the columns' left edges
    [TOP, PRINT_DATE, (80, [(150, "Member"), (320, "Level"), (440, "Expires")]),
     (94, [(72, "Kai Moreno"), (250, "Associate")])],
    # a padded table: its row well under the header
    [TOP, PRINT_DATE, (80, [(72, "Member"), (440, "Expires")]), (110, [(72, "Kai Moreno")])],
    [TOP, PRINT_DATE, (80, [(72, "Member"), (250, "Level"), (440, "Expires")]),
     (112, [(72, "Kai Moreno"), (250, "Associate")])],
])
def test_membership_print_date_over_a_grid_not_lined_up_is_checked(rows: list[Row]) -> None:
    doc = doc_of(*rows)
    item: Item = membership.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["valid_through"] is None or (item.needs_review and item.confidence <= 0.7)
