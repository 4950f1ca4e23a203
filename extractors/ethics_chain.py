"""The lower end of a signature form's chain of caption rows and value lines.

A block of captions over their values ("SIGNATURE | DATE" over "Ana Lee | May 3, 2024") may end in a row that
captions the line over it instead: a member's blank block over a witness's or a notary's values and their own
caption row ("WITNESSED BY | DATE WITNESSED" in the same type as the member's captions). Such a row has a caption's
shape, whatever its words: short cells of words alone (no figure: a caption names a field, it never holds a date or
a number), each standing in a column of the line over it, close under it, and no value line under it. A footer
("Acknowledgment requested 4 July 2026 | Reference 12AB") holds figures: it captions nothing.
"""

from __future__ import annotations

import re

from extractors.form_layout import RULE_LINE, box_of, is_prose, overlap
from extractors.layout import DocText

CAPTION_WORDS = 4
"""A caption cell names a field in a few words ("DATE WITNESSED", "NOTARY PUBLIC", "Signature of witness")."""
WORDED_CELL = re.compile(r"^\s*[A-Za-z][A-Za-z'’.()/&-]*(?:\s+[A-Za-z'’.()/&-]+)*\s*:?\s*$")
"""A cell of words alone: letters and a caption's punctuation, no figure."""
FIGURE = re.compile(r"\d")


def holds_figure(doc: DocText, index: int) -> bool:
    """Whether a line holds a figure (a date, a number, a reference): then it is no caption row."""
    line = doc.lines[index]
    return bool(FIGURE.search(doc.slice(line.start, line.end)))


def worded_row_under(doc: DocText, index: int, close: float) -> bool:
    """Whether the value line at `index` has a row of caption-shaped cells close under it, in its columns.

    `close` is how far under it (in lines of the value line's type) the row may stand. Each cell is a caption's
    shape (see `WORDED_CELL`, at most `CAPTION_WORDS` words) and stands under a cell of the value line.
    """
    if index + 1 >= len(doc.lines) or doc.lines[index + 1].page != doc.lines[index].page:
        return False
    line, below = doc.lines[index], doc.lines[index + 1]
    values, under = box_of(doc, line.start, line.end), box_of(doc, below.start, below.end)
    text = doc.slice(below.start, below.end)
    if values is None or under is None or RULE_LINE.match(text) or is_prose(text):
        return False
    if under[1] - values[3] > close * (values[3] - values[1]):
        return False
    cells = below.cell_spans()
    over = [box_of(doc, *cell) for cell in line.cell_spans()]
    for cell in cells:
        words = doc.slice(*cell)
        box = box_of(doc, *cell)
        if not WORDED_CELL.match(words) or len(words.split()) > CAPTION_WORDS or box is None:
            return False
        if not any(value is not None and overlap(box, value) > 0.2 for value in over):
            return False
    return bool(cells)
