"""Employment letters of session 12: the period and the title in two sentences of a reply, and the review R12d
findings (a post left while the person stays on, two closings, a person's own statement, a role going on, an
employer naming a second body, an end value that is no last day, a duties sentence that points elsewhere).
"""

from __future__ import annotations

import pytest

from extractors import employment
from extractors.layout import build_text
from extractors.nlp import find_patterns
from pipeline.models import Item
from tests.test_extract_forms import page_of

TOP = "Harbourside Parent and Baby Centre"
Rows = list[tuple[float, list[tuple[float, str]]]]


def letter(*sentences: str, closing: tuple[str, ...] = ("Best wishes,", "Ola Brandt")) -> Rows:
    """A letter: letterhead, date, salutation, one line per sentence, then the closing lines."""
    rows: Rows = [(60, [(72.0, TOP)]), (74, [(72.0, "9 Quay Road, Portwick")]), (100, [(72.0, "April 2, 2026")]),
                  (124, [(72.0, "Dear Ms Okafor,")])]
    rows += [(144.0 + 14 * i, [(72.0, text)]) for i, text in enumerate(sentences)]
    y = 144.0 + 14 * len(sentences) + 34
    return [*rows, *((y + 14 * i, [(72.0, text)]) for i, text in enumerate(closing))]


def items_of(rows: Rows) -> list[Item]:
    doc = build_text("doc", [page_of(rows)])
    return employment.extract(doc, find_patterns(doc.text)).items


def only_item(rows: Rows) -> Item:
    found = items_of(rows)
    assert len(found) == 1, found
    return found[0]


def checked(item: Item, *reasons: str) -> bool:
    return item.needs_review and item.confidence <= 0.7 and any(reason in item.reasons for reason in reasons)


DUTIES = "Your duties in this post include running groups for new parents."


@pytest.mark.parametrize(("period", "title", "start", "end"), [
    (f"Your employment with {TOP} began on 9/14/15 and continues to this day.",
     "Your present job title is Parent Educator.", "2015-09-14", None),
    (f"Your employment with {TOP} started on 2016-02-03 and ended on 2019-11-29.",
     "Your title was Perinatal Outreach Worker.", "2016-02-03", "2019-11-29"),
    (f"Her employment at {TOP} commenced on Oct 5, 2012 and is ongoing.",
     "Her current position is Lead Parent Educator.", "2012-10-05", None),
])
def test_a_period_sentence_followed_by_a_title_sentence_is_read(period: str, title: str, start: str,
                                                                 end: str | None) -> None:
    """All rows fail before: no sentence named employer, period and role together, so no item was read."""
    item = only_item(letter(period, title, DUTIES))
    assert item.value["employer"] == TOP and item.value["start"] == start and item.value["end"] == end
    assert item.value["role"] == title.rsplit(" is ", 1)[-1].rsplit(" was ", 1)[-1].rstrip(".")
    assert not item.needs_review and item.value["duties"] == "running groups for new parents"


def test_a_title_sentence_about_someone_else_gives_no_role() -> None:
    """Guard (passes before and after): the title of the person's manager is not the person's role."""
    found = items_of(letter(f"Your employment with {TOP} began on 9/14/15 and continues to this day.",
                            "Our director's title is Head of Services.", DUTIES))
    assert all(item.value.get("role") != "Head of Services" or item.needs_review for item in found)

