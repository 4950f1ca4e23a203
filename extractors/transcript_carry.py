"""Transcripts: a degree row that ends its page, and a status standing atop the next page.

A transcript broken over pages may print a degree's row as the last of page 1 (perhaps over a footer, "Page 1 of 2")
and its status ("Status: In Progress") at the top of page 2: that status is still the row's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from extractors.fields import Found
from extractors.layout import DocText
from extractors.nlp import Evidence
from extractors.transcript_shapes import RECORD_END
from extractors.transcript_values import holds_degree

STATUS_LINES = 4
"""How many lines atop the next page may still carry the last row's status."""
Entry = TypeVar("Entry")


def carried_status(doc: DocText, degree_ev: list[Evidence], index: int, end: str, entry: Entry,
                   is_status: Callable[[str], bool]) -> Entry:
    """The entry with a status carried over atop the next page (`status_atop`), unless `end` closed the record."""
    if RECORD_END.fullmatch(end) or not status_atop(doc, degree_ev, index, is_status):
        return entry
    return replace(entry, status=True, status_word=True)  # type: ignore[type-var]


def status_atop(doc: DocText, degree_ev: list[Evidence], index: int, is_status: Callable[[str], bool]) -> bool:
    """Whether the first lines of the page starting at line `index`, before any degree, hold a status line.

    Another line there (the page's header, the student's name) says nothing of the row.
    """
    for line in doc.lines[index:index + STATUS_LINES]:
        if line.page != doc.lines[index].page or holds_degree(degree_ev, Found(line.start, line.end, "", 0.0)):
            break
        if is_status(doc.slice(line.start, line.end)):
            return True
    return False
