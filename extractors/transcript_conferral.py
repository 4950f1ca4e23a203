"""Transcripts: a listed degree's conferral date, in its cell, in the cell under it or atop the next column.

A registrar's list sets the conferral beside its degree ("..., conferred May 10, 2014"), under it ("Conferred
5/7/12") or, when the list runs on, at the head of the next column: each reader here takes a date only when a
conferral word leads it, or it stands alone in the degree's own column (read at a lower score).
"""

from __future__ import annotations

from extractors.fields import Found
from extractors.layout import DocText, Line
from extractors.nlp import Evidence
from extractors.transcript_labels import conferral_line, ends_with_conferral_label
from extractors.transcript_values import holds_degree, line_index, x_range


def conferral_in(doc: DocText, evidence: list[Evidence], start: int, end: int) -> Found | None:
    """A date in the range led by a conferral word ("..., conferred May 10, 2014")."""
    for ev in evidence:
        if ev.label == "DATE" and start <= ev.start and ev.end <= end and ends_with_conferral_label(
                doc.slice(start, ev.start)):
            return Found(ev.start, ev.end, "transcript.list_date.v1", 0.93)
    return None


UNLABELLED_BELOW_SCORE = 0.75
"""A date alone in the cell under a degree: perhaps its conferral, perhaps a term's or an entry date, so a person
checks it; "Conferred 5/7/12" there is read at the list's own score."""


def conferral_below(doc: DocText, evidence: list[Evidence], cell: tuple[int, int]) -> Found | None:
    """The date of the cell under a degree's cell (same column, within two lines) that is a conferral line."""
    index = line_index(doc, cell[0])
    x0, x1 = x_range(doc, *cell)
    for line in doc.lines[index + 1:index + 3]:
        if line.page != doc.lines[index].page:
            break
        for start, end in line.cell_spans():
            c0, c1 = x_range(doc, start, end)
            if min(x1, c1) - max(x0, c0) <= 0.3 * min(x1 - x0, c1 - c0):
                continue
            dates = [e for e in evidence if e.label == "DATE" and start <= e.start and e.end <= end]
            lead = doc.slice(start, dates[0].start) if dates else ""
            if dates and conferral_line(lead):
                labelled = bool(lead.strip())
                return Found(dates[0].start, dates[0].end,
                             "transcript.list_date.v1" if labelled else "transcript.list_bare_date.v1",
                             0.93 if labelled else UNLABELLED_BELOW_SCORE)
    return None


def conferral_atop_next_column(doc: DocText, evidence: list[Evidence], degree_ev: list[Evidence],
                                cell: tuple[int, int]) -> Found | None:
    """A conferral line at the head of the next column, for a degree at the foot of its own: the list ran on.

    Only when nothing follows the degree in its column, and the conferral line (led by its word: "Conferred ...")
    has no degree over it in its own column nor before it on its line; the topmost such line right of the degree,
    above it on the page.
    """
    index = line_index(doc, cell[0])
    page = doc.lines[index].page
    x0, x1 = x_range(doc, *cell)
    if any(_overlapping(doc, line, x0, x1) for line in doc.lines[index + 1:] if line.page == page):
        return None
    for number, line in enumerate(doc.lines[:index]):
        for start, end in line.cell_spans() if line.page == page else []:
            dates = [e for e in evidence if e.label == "DATE" and start <= e.start and e.end <= end]
            lead = doc.slice(start, dates[0].start) if dates else ""
            if (not dates or not lead.strip() or not conferral_line(lead)
                    or x_range(doc, start, end)[0] <= x1 or holds_degree(degree_ev, Found(line.start, start, "", 0.0))):
                continue  # a conferral beside a degree on its own line is that degree's, not a column's head
            above = [cell_ for line_ in doc.lines[max(number - 2, 0):number] if line_.page == page
                     for cell_ in _overlapping(doc, line_, *x_range(doc, start, end))]
            if not any(holds_degree(degree_ev, Found(s_, e_, "", 0.0)) for s_, e_ in above):
                return Found(dates[0].start, dates[0].end, "transcript.list_next_column.v1", 0.85)
    return None


def _overlapping(doc: DocText, line: Line, x0: float, x1: float) -> list[tuple[int, int]]:
    """The cells of a line that share most of their width with the range x0-x1 (the same column)."""
    cells = []
    for start, end in line.cell_spans():
        c0, c1 = x_range(doc, start, end)
        if min(x1, c1) - max(x0, c0) > 0.3 * min(x1 - x0, c1 - c0):
            cells.append((start, end))
    return cells
