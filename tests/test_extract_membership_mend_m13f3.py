"""Session 13 mends (m13f3): a scanned place name split in two with a long piece; a heading left bare by its mark."""

from __future__ import annotations

import pytest

from extractors import membership
from extractors.nlp import find_patterns
from tests.test_extract_letters import scanned_lines


def item_of(*lines: str):  # type: ignore[no-untyped-def]
    doc = scanned_lines(*lines)
    return membership.extract(doc, find_patterns(doc.text)).items[0]


@pytest.mark.parametrize(("place", "doubted"), [
    ("Sacra Mento", True),      # a first piece of five letters
    ("Kan Sas", True),
    ("Colo Rado", True),
    ("Virg Inia", True),
    ("Calif Ornia", True),
    ("Lou Isiana", True),
    ("Salt Lake", False),       # guards: two real words, a name's own prefix, pieces that join to no word
    ("Twin Rivers", False),
    ("De Kalb", False),
    ("Great Plains", False),
])
def test_a_scanned_name_split_into_long_pieces_is_doubted(place, doubted) -> None:  # type: ignore[no-untyped-def]
    item = item_of(f"Our records show you are a member of the {place} Alliance for Infant Mental Health.",
                   "Membership good until 06/30/2027.")
    assert ("membership.organisation_misread" in item.reasons) is doubted
    if doubted:
        assert item.needs_review and item.confidence <= 0.7


@pytest.mark.parametrize(("heading", "cut"), [
    ("* Alliance for Infant and Family Mental Health", True),
    ("~ Council on Early Childhood and Family Wellness", True),
    ("- Harbor County Society for Infant Mental Health", False),   # guards: a proper word is left after the mark
    ("Society for Infant Mental Health", False),                   # no mark was dropped
])
def test_a_heading_left_bare_by_its_dropped_mark_may_be_cut(heading, cut) -> None:  # type: ignore[no-untyped-def]
    item = item_of(heading, "Member Card", "Expiration 09/30/2027")
    assert ("membership.organisation_cut" in item.reasons) is cut
    if cut:
        assert item.needs_review and item.confidence <= 0.7
