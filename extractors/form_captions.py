"""Values placed by a caption or a column name over or under them: signature blocks, header rows, grids.

A signature block prints captions ("Signature   Date") under (or, on some forms, over) the lines they name;
a table's header row and a verification grid's column names stand over their values. Each value is the
cell lying under or over its caption's cell and no other; the boxes decide, never a colon.
"""

from __future__ import annotations

import re
from statistics import median

from extractors.fields import Found
from extractors.form_layout import CAPTION, LABELLED_LINE, RULE_LINE, box_of, is_prose, ocr_tolerant, overlap
from extractors.layout import DocText, Line

RULING = re.compile(r"\s[|¦]\s")
"""A column ruling read as a character, standing between two words of a cell."""
UNDERNEATH_SCORE = 0.9
"""A value read from the line above its label (a signature line with the caption underneath) is less certain."""
UNDER_HEADER_SCORE = 0.93
"""A value read from the row under a table's header cell."""
BOXED_VALUE_SIZE = 1.25
"""How much larger than its caption a boxed form's value is set, at least (6.5-point captions over 10-point values)."""
INK_TOP = {"ascender": 0.72, "x-height": 0.52}
"""How high a word's ink stands over its baseline, as a share of the type size: a capital, a digit, a bracket or a
letter with an ascender or a dot reaches cap height ("Rosa", "5", "in"), other letters only the x-height ("name")."""
INK_DESCENDER = 0.21
"""How far a descender ("y", "p", a comma, a bracket) reaches under the baseline, as a share of the type size."""
TALL = re.compile(r"[A-Z0-9bdfhijklt()\[\]{}/|'\"!?&%$#@]")
DESCENDING = re.compile(r"[gjpqy(),;\[\]{}|]")
SECTION_HEAD = re.compile(r"(?i)^\s*(?:section|part|step|page|question|appendix|schedule)\s+(?:\d+|[ivx]+|[a-z])\b"
                          r"\s*[.:)-]")
"""A form's numbered part before its colon ("Section 2:", "Part II:", "Step 3 -"): a heading, not a value."""
COLUMN_SCORE = 0.93
"""A value read from under its column name in a header row (geometry, not a colon)."""


def caption_value(doc: DocText, index: int, position: int, rule: str) -> Found | None:
    """A caption row (labels under lines): the value cell directly above this label and no other label."""
    if index == 0:
        return None
    line, above = doc.lines[index], doc.lines[index - 1]
    captions = [box_of(doc, *cell) for cell in line.cell_spans()]
    label_box = captions[position]
    if above.page != line.page or label_box is None:
        return None
    for start, end in above.cell_spans():
        box = box_of(doc, start, end)
        if box is None:
            continue
        height = max(label_box[3] - label_box[1], box[3] - box[1])  # OCR boxes hug the glyphs: "Date" has no descender
        if (label_box[1] - box[3] > 2.5 * height or is_prose(doc.slice(start, end))
                or another_field(doc.slice(start, end))):  # another field's `label: value`, not a value
            continue
        over = [i for i, other in enumerate(captions) if other is not None and overlap(box, other) > 0.2]
        if over == [position]:
            return Found(start, end, rule, UNDERNEATH_SCORE)
    return None


def captions_over_values(doc: DocText) -> bool:
    """Whether the form's caption rows sit over their values rather than under them.

    A signature block alternates caption rows and value lines; which way they pair shows at its ends: the
    first caption row under a paragraph (nothing above it can be its value) and the last one with a value
    line close under it. Anything else (or no caption rows) reads the usual way, captions under the lines. A line
    of caption words alone with no value under it ("REFERENCE FORM" over the form's paragraph) is a title, not a
    caption row.
    """
    rows = [i for i, line in enumerate(doc.lines)
            if all(CAPTION.match(doc.slice(*cell)) for cell in line.cell_spans())
            and (len(line.cell_spans()) > 1 or _value_under(doc, i))]
    if not rows:
        return False
    return heads_a_block(doc, rows[0]) and _value_under(doc, rows[-1])


def heads_a_block(doc: DocText, index: int) -> bool:
    """A caption row with no value line above it: the first line of its page, or under a paragraph.

    Specks a scan reads as letters ("g  y": no two letters or digits together) are not a line.
    """
    above = index - 1
    while above >= 0 and not re.search(r"\w\w", doc.slice(doc.lines[above].start, doc.lines[above].end)):
        above -= 1
    if above < 0 or doc.lines[above].page != doc.lines[index].page:
        return True
    return _paragraph_ends(doc, above)


def _paragraph_ends(doc: DocText, index: int) -> bool:
    """A line of running text, or the short last line of a paragraph ("signature." under a wrapped sentence)."""
    text = doc.slice(doc.lines[index].start, doc.lines[index].end)
    if is_prose(text):
        return True
    before = doc.lines[index - 1] if index > 0 else None
    return (text.rstrip().endswith(".") and before is not None and before.page == doc.lines[index].page
            and is_prose(doc.slice(before.start, before.end)))


def _value_under(doc: DocText, index: int) -> bool:
    """A caption row with a short value line close under it (not another caption, not prose)."""
    if index + 1 >= len(doc.lines) or doc.lines[index + 1].page != doc.lines[index].page:
        return False
    line, below = doc.lines[index], doc.lines[index + 1]
    box, under = box_of(doc, line.start, line.end), box_of(doc, below.start, below.end)
    text = doc.slice(below.start, below.end)
    return (box is not None and under is not None and under[1] - box[3] <= 2.5 * (box[3] - box[1])
            and not CAPTION.match(text) and not is_prose(text) and not LABELLED_LINE.match(text)
            and not RULE_LINE.match(text))


def boxed_captions(doc: DocText, index: int) -> bool:
    """A row of a boxed form's small captions, each box's value written under its caption in larger type.

    A boxed paper form prints a small caption in each box's top corner and the answer in the box under it: the
    line close under is set larger, and each of its cells lies under one of the row's captions (a box's edge a scan
    reads as a mark is no cell). The cell beside a caption is then the next box's caption, never its value.
    """
    if index + 1 >= len(doc.lines) or doc.lines[index + 1].page != doc.lines[index].page:
        return False
    line, below = doc.lines[index], doc.lines[index + 1]
    captions = [box_of(doc, *cell) for cell in line.cell_spans()]
    values = [box_of(doc, *cell) for cell in below.cell_spans() if re.search(r"\w", doc.slice(*cell))]
    row, under = box_of(doc, line.start, line.end), box_of(doc, below.start, below.end)
    if row is None or under is None or None in captions or None in values:
        return False
    caption_size, value_size = _type_size(doc, line), _type_size(doc, below)
    return (value_size >= BOXED_VALUE_SIZE * caption_size and under[1] - row[3] <= 2.5 * caption_size
            and all(any(overlap(value, caption) > 0.2 for caption in captions if caption is not None)
                    for value in values if value is not None))


def _type_size(doc: DocText, line: Line) -> float:
    """A line's type size: the middle one of its words' sizes, so no one word's brackets or descenders decide.

    A text layer's word box is its font's whole height whatever letters it holds; a scan's box hugs the ink, so a
    word's size is its box height over the share of the type its letters reach ("name" only the x-height, "Years"
    cap height and a descender).
    """
    sizes = [_word_size(placed.word.text, placed.word.bbox[3] - placed.word.bbox[1], placed.word.source == "ocr")
             for placed in line.words if placed.word.text.strip()]
    return float(median(sizes)) if sizes else 0.0


def _word_size(text: str, height: float, hugs_ink: bool) -> float:
    """One word's type size from its box height: as it is, or (a scan's box hugging the ink) over its ink's share."""
    if not hugs_ink:
        return height
    top = INK_TOP["ascender" if TALL.search(text) else "x-height"]
    return height / (top + (INK_DESCENDER if DESCENDING.search(text) else 0.0))


def under_header(doc: DocText, index: int, position: int, rule: str) -> Found | None:
    """A table's header row: the cell of the next line that sits under this header cell and no other.

    Another field's `Label: value` under the header is that field's, never this one's value.
    """
    if index + 1 >= len(doc.lines):
        return None
    line, below = doc.lines[index], doc.lines[index + 1]
    headers = [box_of(doc, *cell) for cell in line.cell_spans()]
    header_box = headers[position]
    if below.page != line.page or header_box is None:
        return None
    row_box = box_of(doc, line.start, line.end)  # OCR boxes hug the glyphs: "Date" stands lower than "Signature"
    height = max(header_box[3] - header_box[1], row_box[3] - row_box[1] if row_box else 0.0)
    cells = below.cell_spans()
    for start, end in cells:
        box = box_of(doc, start, end)  # a ruled box's small caption stands over a value set larger
        if (box is None or box[1] - header_box[3] > 2.5 * max(height, box[3] - box[1])
                or CAPTION.match(doc.slice(start, end)) or another_field(doc.slice(start, end))):
            continue
        over = [i for i, other in enumerate(headers) if other is not None and overlap(box, other) > 0.2]
        if over == [position]:
            if position == len(headers) - 1:  # the last column runs to the row's end ("1/1/26   12/31/26")
                end = cells[-1][1]
            return Found(start, end, rule, UNDER_HEADER_SCORE)
    return None


def another_field(text: str) -> bool:
    """A cell that is another field's `Label: value` or a numbered section's heading, not a value holding a colon.

    A colon after a number ("3:00") or a level's numeral ("Level III: Infant Mental Health Specialist") is part
    of the value; a label before its colon is words alone. A form's numbered part ("Section 2: About you", "Part B:
    Ratings") heads what follows: it is no field's value either.
    """
    labelled = LABELLED_LINE.match(text)
    if labelled is None:
        return False
    head = text[:labelled.end()]
    return SECTION_HEAD.match(head) is not None or not re.search(r"\d|\b(?:I{1,3}|IV)\b", head)


def column_value(doc: DocText, label: str, columns: str, rule: str) -> Found | None:
    """The value under its column name in a header row: a grid of names over values, or a results table.

    A header row names two or more known `columns` (a regex) and holds no digit; its value is the cell of the
    next line (close under it, same page) lying under the label's cell, unless that cell names a column too.
    """
    whole = re.compile(rf"(?i)^[\s|]*(?:{ocr_tolerant(label)})\s*:?\s*$")
    column = re.compile(rf"(?i)^[\s|]*(?:{ocr_tolerant(columns)})\s*:?\s*$")
    for index, line in enumerate(doc.lines[:-1]):
        texts = [doc.slice(*cell) for cell in line.cell_spans()]
        named = [i for i, text in enumerate(texts) if whole.match(text)]
        if (not named or sum(bool(column.match(text)) for text in texts) < 2
                or any(ch.isdigit() for text in texts for ch in text)):
            continue
        cell = _cell_under(doc, line, named[0], doc.lines[index + 1])
        if cell is not None and not column.match(doc.slice(*cell)):
            return Found(*cell, rule, COLUMN_SCORE)
    return None


def _cell_under(doc: DocText, header: Line, position: int, below: Line) -> tuple[int, int] | None:
    """The cell of the line below that overlaps this header cell more than any other header cell."""
    boxes = [box_of(doc, *cell) for cell in header.cell_spans()]
    own = boxes[position]
    under = box_of(doc, below.start, below.end)
    if own is None or under is None or below.page != header.page or under[1] - own[3] > 2.5 * (own[3] - own[1]):
        return None
    for cell in (part for whole in below.cell_spans() for part in _ruled_parts(doc, whole)):
        box = box_of(doc, *cell)
        shares = [overlap(box, other) if box and other else 0.0 for other in boxes]
        if box is not None and shares[position] > 0.2 and shares[position] == max(shares):
            return cell
    return None


def _ruled_parts(doc: DocText, cell: tuple[int, int]) -> list[tuple[int, int]]:
    """A cell parted by a table ruling a scan read as a bar between words ("October 18, 2025 | Passed"): its parts."""
    text = doc.slice(*cell)
    parts, start = [], cell[0]
    for mark in RULING.finditer(text):
        parts.append((start, cell[0] + mark.start()))
        start = cell[0] + mark.end()
    parts.append((start, cell[1]))
    return [part for part in parts if doc.slice(*part).strip()]
