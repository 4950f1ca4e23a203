"""A renewal notice's table of terms: the running term's status cell may carry a short bracketed note ("Current
(paid)"); a note with a doubting word in it ("unpaid", "pending", "lapsed") leaves which term runs a person's call."""

from __future__ import annotations

import pytest

from extractors import membership
from extractors.fields import Item
from extractors.layout import DocText
from extractors.nlp import find_patterns
from tests.test_extract_forms import doc_of


def notice(status: str, stated: bool) -> DocText:
    """A dues notice: maybe a sentence stating the expiry, then a term table (this year's term, next year's offer)."""
    rows = [(50, [(72, "Cascade Alliance for Infant Mental Health")]), (70, [(72, "Dues Statement")])]
    if stated:
        rows.append((100, [(72, "Your present membership is good through 3/31/27. Renewing keeps it unbroken.")]))
    rows += [(130, [(72, "Term"), (260, "Dates"), (420, "Amount")]),
             (146, [(72, status), (260, "4/1/26 - 3/31/27"), (420, "settled")]),
             (162, [(72, "Next year"), (260, "4/1/27 - 3/31/28"), (420, "$120.00")])]
    return doc_of(*rows)


def item_of(doc: DocText) -> Item:
    return membership.extract(doc, find_patterns(doc.text)).items[0]


@pytest.mark.parametrize("stated", [True, False], ids=["stated", "table_only"])
@pytest.mark.parametrize("status", ["Current (paid)", "Active [auto-renews]", "Current (dues received)",
                                    "Active"])
def test_membership_running_term_with_a_plain_note_gives_the_expiry(status: str, stated: bool) -> None:
    item = item_of(notice(status, stated))
    assert item.value["valid_through"] == "2027-03-31"
    assert "membership.several_terms" not in item.reasons and not item.needs_review


@pytest.mark.parametrize("stated", [True, False], ids=["stated", "table_only"])
@pytest.mark.parametrize("status", ["Current (unpaid)", "Current (pending payment)", "Active (lapsed)",
                                    "Current (not yet paid)", "Current (grace period)"])
def test_membership_running_term_with_a_doubting_note_is_a_persons_call(status: str, stated: bool) -> None:
    item = item_of(notice(status, stated))
    assert item.needs_review and "membership.several_terms" in item.reasons and item.confidence <= 0.7
