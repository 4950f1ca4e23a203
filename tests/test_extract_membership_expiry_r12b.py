"""Review mends (R12b) for the membership expiry: a date over an expiry caption when a grid row or a second block
of lines stands under the captions, and a status cell whose confirming note is questioned."""

from __future__ import annotations

import pytest

from extractors import membership
from extractors.fields import Item
from extractors.nlp import find_patterns
from tests.test_extract_forms import doc_of
from tests.test_extract_membership_renewal_terms import notice

Rows = list[tuple[float, list[tuple[float, str]]]]
HEAD = (44, [(72, "Lakeview Guild for Infant Mental Health")])
PRINTED = (60, [(440, "12/01/2026")])


def item_of(rows: Rows) -> Item:
    doc = doc_of(*rows)
    return membership.extract(doc, find_patterns(doc.text)).items[0]


@pytest.mark.parametrize("rows", [
    # a printed date over a grid whose one row leaves the expiry blank, only its name column filled
    [HEAD, PRINTED, (80, [(72, "Name"), (440, "Expires")]), (94, [(72, "Ana Reyes")])],
    # the grid's header holding a figure
    [HEAD, PRINTED, (80, [(72, "Member"), (250, "Fee 2026"), (440, "Expires")]),
     (94, [(72, "Ana Reyes"), (250, "$80.00")])],
])
def test_membership_page_date_over_a_grid_with_a_blank_expiry_is_checked(rows: Rows) -> None:
    item = item_of(rows)
    assert item.needs_review and item.confidence <= 0.7


def test_membership_sign_off_with_a_second_block_under_its_captions_keeps_its_expiry() -> None:
    item = item_of([HEAD, (80, [(72, "Certificate of Membership")]),
                    (200, [(72, "Ana Reyes"), (250, "Associate"), (430, "09/30/2027")]),
                    (214, [(72, "Member"), (250, "Category"), (430, "Expires")]),
                    (232, [(72, "Pat Cole"), (250, "Dee Moss")]),
                    (246, [(72, "Chair"), (250, "Secretary")])])
    assert item.value["valid_through"] == "2027-09-30"


@pytest.mark.parametrize("stated", [True, False], ids=["stated", "table_only"])
def test_membership_running_term_with_a_questioned_note_is_a_persons_call(stated: bool) -> None:
    doc = notice("Active (dues received)?", stated)
    item = membership.extract(doc, find_patterns(doc.text)).items[0]
    assert item.needs_review and "membership.several_terms" in item.reasons
