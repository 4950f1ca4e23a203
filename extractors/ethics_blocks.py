"""Which block of a signature form a signature line belongs to: the date caption of the signer's own block.

A form may hold more than one signature block (a witness's row over the participant's, an office's column beside
the member's). The date signed is the one captioned in the signature line's own block: in its own caption row,
between it and the row's next signature caption, or else in its own column, before another signature caption
stands in that column.
"""

from __future__ import annotations

import re

from extractors.form_layout import box_of, ocr_tolerant, overlap
from extractors.layout import DocText, Line

NEAR_LINES = 6
"""How many lines up or down a stacked block's date caption may stand from its signature caption."""


def own_date_cell(doc: DocText, signature: int, date_label: str, signature_label: str) -> tuple[int, int] | None:
    """The date caption cell of the block whose signature caption holds offset `signature` (None when none is seen).

    `date_label` and `signature_label` are regexes for the captions' words, matched whole in a cell (a colon and a
    value may follow).
    """
    dates, signatures = _caption(date_label), _caption(signature_label)
    line = doc.line_at(signature)
    if line is None:
        return None
    cells = line.cell_spans()
    own = next((i for i, (start, end) in enumerate(cells) if start <= signature < end), None)
    if own is None:
        return None
    in_row = _in_row(doc, cells, own, dates, signatures)
    if in_row is not None or any(dates.match(doc.slice(*cell)) for cell in cells):
        return in_row
    return _in_column(doc, line, cells[own], dates, signatures)


def _caption(label: str) -> re.Pattern[str]:
    return re.compile(rf"(?i)^[\s|¦]*(?:{ocr_tolerant(label)})\s*(?::.*)?$")


def _in_row(doc: DocText, cells: list[tuple[int, int]], own: int, dates: re.Pattern[str],
            signatures: re.Pattern[str]) -> tuple[int, int] | None:
    """The date caption in the signature's caption row, between it and the row's next signature caption.

    Failing one after it, the one before it and after the row's previous signature caption.
    """
    for step in (1, -1):
        i = own + step
        while 0 <= i < len(cells) and not signatures.match(doc.slice(*cells[i])):
            if dates.match(doc.slice(*cells[i])):
                return cells[i]
            i += step
    return None


def _in_column(doc: DocText, line: Line, cell: tuple[int, int], dates: re.Pattern[str],
               signatures: re.Pattern[str]) -> tuple[int, int] | None:
    """The nearest date caption in the signature's column, up or down, before another signature caption in it."""
    box = box_of(doc, *cell)
    index = doc.lines.index(line)
    if box is None:
        return None
    found: list[tuple[int, tuple[int, int]]] = []
    for step in (1, -1):
        i = index + step
        while 0 <= i < len(doc.lines) and abs(i - index) <= NEAR_LINES and doc.lines[i].page == line.page:
            column = [c for c in doc.lines[i].cell_spans()
                      if (b := box_of(doc, *c)) is not None and overlap(b, box) > 0.2]
            if any(signatures.match(doc.slice(*c)) for c in column):
                break
            hit = next((c for c in column if dates.match(doc.slice(*c))), None)
            if hit is not None:
                found.append((abs(i - index), hit))
                break
            i += step
    return min(found)[1] if found else None
