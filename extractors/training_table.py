"""A continuing-education record: a table of trainings, one per row, read column by column under its header.

Rows are rebuilt from the words themselves, straightened by the page's tilt, so a scanned table whose cells
the line chainer split apart still reads as rows; each word joins the column whose header it sits under.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from statistics import median

from extractors.layout import CELL_GAP_EM, RULE_MARKS, DocText, Line, Placed, page_tilt, union

EVENT = (r"(?:training|course|workshop|session|event|program(?:me)?|(?:(?:learning|educational|ce)\s+)?activity|"
         r"webinar|seminar|conference|class|module|lecture|presentation|in-?service)")
"""What a certificate or a record calls a training: its labels say "<event> title", "Date(s) of <event>" ..."""
COLUMN_HEADERS: dict[str, re.Pattern[str]] = {
    "title": re.compile(rf"^(?:{EVENT}\s+)?(?:title|name|topic)$|^{EVENT}$|^(?:title|name)\s+of\s+(?:the\s+)?{EVENT}$",
                        re.I),
    "provider": re.compile(rf"^(?:(?:{EVENT}|approved|accredited|ce)\s+)?(?:provider|sponsor)(?:\s+name)?$|"
                           r"^(?:sponsored|offered|presented|provided|hosted)\s+by$|^presenter$|"
                           r"^(?:(?:sponsoring|provider|training)\s+)?organi[sz]ation$", re.I),
    "date": re.compile(rf"^(?:date(?:s|\(s\))?(?:\s+(?:completed|attended|earned|held))?|(?:course\s+)?completion"
                       rf"(?:\s+date)?|date(?:s|\(s\))?\s+of\s+(?:the\s+)?(?:{EVENT}|completion|attendance)|"
                       rf"{EVENT}\s+dates?|completed(?:\s+on)?|attended(?:\s+on)?)$", re.I),
    "hours": re.compile(rf"^(?:(?:(?:clock|contact|credit|training|ce|instructional)\s+)?(?:hours|hrs\.?)"
                        r"(?:\s+(?:earned|awarded|completed))?|ceus?(?:\s+(?:earned|awarded))?|minutes|"
                        r"(?:ce\s+)?credits?(?:\s+(?:earned|awarded|hours))?|continuing\s+education\s+(?:units?|hours)|"
                        rf"duration|length|{EVENT}\s+(?:length|duration)|length\s+of\s+(?:the\s+)?{EVENT})"
                        r"(?:\s*\(.*\))?$", re.I),
}
"""A CE record's column names. A running total ("Total hours", "Cumulative") names no column of its own."""
REQUIRED = ("title", "date", "hours")
TOTAL_LINE = re.compile(r"^\s*total\b", re.I)
PAGE_FOOTER = re.compile(r"(?i)^\s*(?:-\s*)?page\s+\d+(?:\s*(?:of|/)\s*\d+)?\b")
HEADER_WORDS = 4
"""The longest column name, in words."""
EDGE_EM = 0.3
"""A word this close to a column's left edge (in word heights) starts that column's cell."""
CONTINUATION_PITCH = 1.45
"""A title or provider wrapped inside its cell sits within this many word heights of the row above it."""


@dataclass
class Row:
    """Words level with each other once the page's tilt is taken out, left to right."""

    words: list[Placed]
    y: float
    height: float

    def text(self) -> str:
        return " ".join(p.word.text for p in self.words)


@dataclass
class TableRow:
    """One training row: the words of each column (a wrapped cell adds its next line's words)."""

    cells: dict[str, list[Placed]] = field(default_factory=dict)

    def text(self, column: str) -> str:
        return " ".join(p.word.text for p in self.cells.get(column, []))


@dataclass
class Table:
    """The header's words by column and the rows under it."""

    header: dict[str, list[Placed]]
    rows: list[TableRow]
    page: int
    total_line: Row | None = None


SENTENCE_WORDS = 8


def read_table(doc: DocText) -> Table | None:
    """The document's training table: a header naming title, date and hours columns, and the rows under it.

    A record that runs over pages repeats its header on each; the rows under every repetition join the table,
    up to its total line.
    """
    table: Table | None = None
    for page in sorted({p.page for p in doc.words}):
        rows = page_rows(doc, page)
        headed = next(((i, header) for i, row in enumerate(rows) if (header := _header(row)) is not None), None)
        if headed is None:
            continue
        index, header = headed
        table_rows, total = _body(rows[index + 1:], header)
        if table is None:
            table = Table(header=header, rows=table_rows, page=page, total_line=total)
        else:
            table.rows.extend(table_rows)
            table.total_line = total
        if total is not None:
            break
    return table


def page_rows(doc: DocText, page: int) -> list[Row]:
    """The page's words grouped into rows by their height once the page's tilt is taken out."""
    slope = page_tilt(doc, page)
    placed = sorted((p for p in doc.words if p.page == page), key=lambda p: _level(p, slope))
    typical = median([_height(p) for p in placed if _worded(p)] or [1.0])
    rows: list[Row] = []
    for p in placed:
        level, height = _level(p, slope), _height(p) if _worded(p) else typical  # a dash's box is only its ink
        if rows and abs(level - rows[-1].y) <= 0.5 * min(height, rows[-1].height):
            row = rows[-1]
            row.y = (row.y * len(row.words) + level) / (len(row.words) + 1)
            row.words.append(p)
        else:
            rows.append(Row(words=[p], y=level, height=height))
    for row in rows:
        row.words.sort(key=lambda p: p.word.bbox[0])
    return rows


def cells_of(words: list[Placed]) -> list[list[Placed]]:
    """A row's words split into cells where the horizontal gap is wide (as layout does for lines)."""
    if not words:
        return []
    em = median(_height(p) for p in words)
    cells: list[list[Placed]] = [[words[0]]]
    for previous, current in zip(words, words[1:], strict=False):
        if current.word.bbox[0] - previous.word.bbox[2] > CELL_GAP_EM * em:
            cells.append([])
        cells[-1].append(current)
    return cells


def _header(row: Row) -> dict[str, list[Placed]] | None:
    """The row's column names when it names at least a title, a date and an hours column.

    Names are matched on the words, longest first, so two headings set close together ("Date completed
    Clock hours", one cell to the gap rule) are still two columns. Column names make most of a header's words:
    a sentence that happens to say "activity", "attended" and "credit" is no header.
    """
    header: dict[str, list[Placed]] = {}
    for cell in cells_of(row.words):
        start = 0
        while start < len(cell):
            for end in range(min(len(cell), start + HEADER_WORDS), start, -1):
                text = " ".join(p.word.text for p in cell[start:end]).strip(" :")
                column = next((c for c, pattern in COLUMN_HEADERS.items() if c not in header and pattern.match(text)),
                              None)
                if column is not None:
                    header[column] = cell[start:end]
                    start = end
                    break
            else:
                start += 1
    named = sum(len(words) for words in header.values())
    return header if all(c in header for c in REQUIRED) and 2 * named >= len(row.words) else None


def _body(rows: list[Row], header: dict[str, list[Placed]]) -> tuple[list[TableRow], Row | None]:
    """The table rows under a header (wrapped cells joined to their row) and the total line after them."""
    starts = sorted((cell[0].word.bbox[0], column) for column, cell in header.items())
    found: list[TableRow] = []
    previous: Row | None = None
    for row in rows:
        if TOTAL_LINE.match(row.text()):
            return found, row
        if _sentence(row) or PAGE_FOOTER.match(row.text()):  # a note under the table, a page's footer
            break
        assigned = _assign(row, starts)
        if "date" in assigned or "hours" in assigned:
            found.append(TableRow(cells=assigned))
        elif found and previous is not None and _continues(row, previous):
            for column, words in assigned.items():
                found[-1].cells.setdefault(column, []).extend(words)
        else:
            break
        previous = row
    return found, None


def _assign(row: Row, starts: list[tuple[float, str]]) -> dict[str, list[Placed]]:
    """Each cell of the row to the column whose header starts at or left of the cell's centre."""
    assigned: dict[str, list[Placed]] = {}
    em = median(_height(p) for p in row.words)
    words = [p for p in row.words if not set(p.word.text) <= RULE_MARKS] or row.words
    for cell in _split_at_columns(cells_of(words), starts, em):
        centre = (cell[0].word.bbox[0] + cell[-1].word.bbox[2]) / 2
        column = starts[0][1]
        for start, name in starts:
            if start - 0.5 * em <= centre:
                column = name
        assigned.setdefault(column, []).extend(cell)
    return assigned


def _split_at_columns(cells: list[list[Placed]], starts: list[tuple[float, str]], em: float) -> list[list[Placed]]:
    """Cells split where a word starts right at a column's left edge (a long cell ran up to the next column)."""
    edges = [start for start, _ in starts]
    split: list[list[Placed]] = []
    for cell in cells:
        split.append([cell[0]])
        for word in cell[1:]:
            if any(abs(word.word.bbox[0] - edge) <= EDGE_EM * em for edge in edges):
                split.append([])
            split[-1].append(word)
    return split


def _sentence(row: Row) -> bool:
    """A line of running text: many words and a full stop (at the end, or between two sentences), never a row."""
    text = row.text().rstrip()
    return len(text.split()) > SENTENCE_WORDS and (text.endswith(".") or ". " in text)


def _continues(row: Row, previous: Row) -> bool:
    """A wrapped title or provider line: close under the row above, and not a sentence of its own."""
    pitch = row.y - previous.y
    return pitch <= CONTINUATION_PITCH * max(row.height, previous.height) and not row.text().rstrip().endswith(".")


# --- a caption row over one row of values ---------------------------------------------------------------------

CAPTION_GAP = 2.5
"""A value row starts within this many caption heights under its caption row."""


def caption_row(doc: DocText, number: int, is_label: Callable[[str], bool]) -> bool:
    """A row of column captions over one row of values, a certificate's strip of particulars.

    ("DATE(S) OF ACTIVITY  CE CREDITS  FORMAT" over "June 6, 2024  3 CE hours  Live virtual"): two or more cells
    are known labels, no cell has a colon or a digit (a value would), and the line right under it has two or
    more cells, none of them a label (a grid of label-value pairs has its next labels under its labels).
    """
    texts = [doc.slice(*cell) for cell in doc.lines[number].cell_spans()]
    if sum(map(is_label, texts)) < 2 or any(re.search(r"[:\d]", text) for text in texts):
        return False
    below = _line_under(doc, number)
    return below is not None and len(below.cells) >= 2 and not any(is_label(doc.slice(*c)) for c in below.cells)


def value_under(doc: DocText, number: int, caption: tuple[int, int]) -> tuple[int, int] | None:
    """The words of the line under a caption row that stand in this caption's column, as a table row's would.

    A value that ran on into the next column (a scan's cells merged: "May 1, 2025 | 180 minutes") is split at
    that column's left edge, and a ruling mark is no value.
    """
    below = _line_under(doc, number)
    if below is None:
        return None
    starts = sorted((cell_box(doc, cell)[0], str(position))
                    for position, cell in enumerate(doc.lines[number].cell_spans()))
    mine = str(doc.lines[number].cell_spans().index(caption))
    words = _assign(Row(words=list(below.words), y=0.0, height=0.0), starts).get(mine)
    return (min(p.start for p in words), max(p.end for p in words)) if words else None


def _line_under(doc: DocText, number: int) -> Line | None:
    """The next line when it starts on the same page within a few caption heights of this one."""
    if number + 1 >= len(doc.lines) or doc.lines[number + 1].page != doc.lines[number].page:
        return None
    line, below = doc.lines[number], doc.lines[number + 1]
    box, under = cell_box(doc, (line.start, line.end)), cell_box(doc, (below.start, below.end))
    return below if under[1] - box[3] <= CAPTION_GAP * (box[3] - box[1]) else None


def cell_box(doc: DocText, cell: tuple[int, int]) -> tuple[float, float, float, float]:
    """The box around a cell's words."""
    return union(p.word.bbox for p in doc.words_in(*cell))


def _level(p: Placed, slope: float) -> float:
    box = p.word.bbox
    return (box[1] + box[3]) / 2 - slope * (box[0] + box[2]) / 2


def _worded(p: Placed) -> bool:
    """A word with a letter or a digit; a mark ("-", "|") is as tall as its ink, not as its line."""
    return any(ch.isalnum() for ch in p.word.text)


def _height(p: Placed) -> float:
    return max(p.word.bbox[3] - p.word.bbox[1], 1.0)
