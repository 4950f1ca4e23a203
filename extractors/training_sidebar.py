"""A sidebar of particulars on a training certificate: each caption over its value, stacked in a column.

A certificate may set its particulars down one edge ("COMPLETED" over "4/4/23", "CONTACT HOURS" over "3.0") beside
the body's column, so that a line of the page holds a sidebar's caption or value and a line of the body.
"""

from __future__ import annotations

import re

from extractors.fields import Found
from extractors.layout import DocText, Line
from extractors.training_labels import (
    ANY_LABEL,
    DATE_LABEL,
    GENERIC_DATE_LABEL,
    HOURS_LABEL,
    IDENTIFIER_LABEL,
    PROVIDER_LABEL,
    RECORDED_LABEL,
    TITLE_LABEL,
    TYPE_STEP,
)
from extractors.training_table import cell_box
from extractors.training_values import spans_in

COLUMN_LOOKAHEAD = 4
"""How many lines down the title of a column may start: a sidebar's captions and values may come between."""


def across(one: tuple[float, float, float, float], other: tuple[float, float, float, float]) -> bool:
    """Two boxes one over the other: their spans across the page overlap."""
    return one[0] < other[2] and other[0] < one[2]


STACKED_SCORE = 0.9
"""A value read under a caption of its own in a sidebar of particulars: the caption's type and column vouch for it."""
STACKED_SCAN_SCORE = 0.8
"""The same on a scan, whose boxes cannot tell the caption's smaller type: a shade less sure."""


LABEL_LEAD = re.compile(
    rf"^\s*(?:{TITLE_LABEL}|{PROVIDER_LABEL}|{DATE_LABEL}|{GENERIC_DATE_LABEL}|{HOURS_LABEL}|{IDENTIFIER_LABEL}|"
    rf"{RECORDED_LABEL}|renew(?:al|s|ed)?(?:\s+(?:due|date|by|on))?|(?:due|valid|effective)(?:\s+(?:by|on|from))?)"
    r"(?=\s*:|\s)", re.I)
"""A line that starts with a label of its own ("Issued: 7/19/24", "Renewal due ...", "Certificate no. 5512 ..."):
the next particular, under a caption whose own value was left blank, never that caption's value."""


DATE_LEAD = re.compile(r"^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?|on|the|[\s,])*$", re.I)
"""What may stand before a stacked date in its cell: a weekday, "on", "the" ("Friday, June 14, 2024", "On the 4th")."""


def date_alone(doc: DocText, start: int, end: int) -> bool:
    """A cell that is a date and nothing more: a weekday or "on" before it at most, nothing after it.

    A sidebar's date caption heads its date alone; a cell with other words ("Issue date: 2/11/25", "Good through
    2/11/27") is another particular under a caption left blank, whatever words it is labelled with.
    """
    spans = spans_in(doc, start, end, "DATE")
    if not spans:
        return False
    lead, tail = doc.slice(start, spans[0].start), doc.slice(spans[-1].end, end)
    between = [doc.slice(one.end, two.start) for one, two in zip(spans, spans[1:], strict=False)]
    return bool(DATE_LEAD.fullmatch(lead)) and not re.search(r"\w", tail) \
        and all(re.fullmatch(r"\s*(?:-|\u2013|\u2014|to|through|thru)\s*", gap, re.I) for gap in between)


def stacked_value(doc: DocText, label: str, rule: str, *, dated: bool = False) -> tuple[Found | None, str]:
    """A value under a caption of its own, each on its own line of a column ("COMPLETED" over "4/4/23").

    A sidebar of particulars stacks them: the caption alone in its cell, in smaller type (on a text layer), the value
    the one cell of the next line in its column, closer under the caption than anything in the column is over it
    (a caption under a signature's value stands close under that value instead). With `dated`, the value must be a
    date alone (`date_alone`), and a caption with a date right over it in its column is a signature's caption whose
    date is that one: what stands under it (a footer's date) is none of its value.
    """
    alone = re.compile(rf"^\s*(?P<label>{label})\s*:?\s*$", re.I)
    for number, line in enumerate(doc.lines[1:-1], start=1):
        for cell in line.cell_spans():
            match = alone.match(doc.slice(*cell))
            if match is None:
                continue
            value = _stacked_cell(doc, number, cell)
            if value is not None and dated and (not date_alone(doc, *value) or _dated_over(doc, number, cell)):
                return None, ""
            if value is not None:
                scanned = any(p.word.source == "ocr" for p in doc.words_in(*value))
                return Found(*value, rule, STACKED_SCAN_SCORE if scanned else STACKED_SCORE), match["label"]
    return None, ""


def _cells_under(doc: DocText, line: Line, box: tuple[float, float, float, float]) -> list[tuple[int, int]]:
    """A line's cells standing in a caption's column; a scan's speck (a box under half the caption's height) is none.

    The body's lines beside a sidebar stand at their own heights, so the line right under a caption may hold
    nothing in its column.
    """
    return [cell for cell in line.cell_spans() if across(own := cell_box(doc, cell), box)
            and own[3] - own[1] >= (box[3] - box[1]) / 2]


def _stacked_cell(doc: DocText, number: int, caption: tuple[int, int]) -> tuple[int, int] | None:
    """The value cell right under a caption in its column, or None when the caption does not head one."""
    line, box = doc.lines[number], cell_box(doc, caption)
    cells = next((found for below in doc.lines[number + 1:number + 1 + COLUMN_LOOKAHEAD] if below.page == line.page
                  and (found := _cells_under(doc, below, box))), [])
    if len(cells) != 1 or ANY_LABEL.match(doc.slice(*cells[0])) or LABEL_LEAD.match(doc.slice(*cells[0])):
        return None
    value = cell_box(doc, cells[0])
    gap = value[1] - box[3]
    if not 0 <= gap <= value[3] - value[1]:
        return None
    over = [cell_box(doc, cell) for above in doc.lines[:number] if above.page == line.page
            for cell in above.cell_spans() if across(cell_box(doc, cell), box)]
    if over and box[1] - max(b[3] for b in over) <= 2 * gap:
        return None
    words = doc.words_in(*caption)
    if all(p.word.source == "text_layer" for p in words) \
            and (box[3] - box[1]) + TYPE_STEP > value[3] - value[1]:
        return None
    return cells[0]


def _dated_over(doc: DocText, number: int, caption: tuple[int, int]) -> bool:
    """A date in the nearest cell right over a caption in its column (a signature line's day over its caption).

    A date that is itself the value stacked under a caption of its own ("DATE ISSUED" over "7/19/24") is another
    particular of the stack, no signature's day.
    """
    index, cells = _cells_over(doc, number, caption)
    return any(spans_in(doc, *cell, "DATE") and not _captioned(doc, index, cell) for cell in cells)


def _captioned(doc: DocText, number: int, value: tuple[int, int]) -> bool:
    """Whether a cell is the value stacked under a caption of its own, the caption alone in its cell over it."""
    index, cells = _cells_over(doc, number, value)
    return any(not re.search(r"\d", doc.slice(*cell)) and _stacked_cell(doc, index, cell) == value for cell in cells)


def _cells_over(doc: DocText, number: int, cell: tuple[int, int]) -> tuple[int, list[tuple[int, int]]]:
    """The nearest line over a cell with cells in its column: that line's index and those cells.

    Only lines on the cell's page within `COLUMN_LOOKAHEAD` lines count; (-1, []) when there is none.
    """
    line, box = doc.lines[number], cell_box(doc, cell)
    for index in range(number - 1, max(number - COLUMN_LOOKAHEAD, 0) - 1, -1):
        above = doc.lines[index]
        if above.page != line.page:
            break
        cells = [span for span in above.cell_spans() if across(cell_box(doc, span), box)]
        if cells:
            return index, cells
    return -1, []
