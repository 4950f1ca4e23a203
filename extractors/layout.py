"""Words into lines and cells, and the document's text with a map from every character back to its word."""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median

from pipeline.models import BBox, Page, Provenance, Word

CELL_GAP_EM = 1.6
"""A horizontal gap wider than this many median word heights separates two table cells."""


@dataclass(frozen=True)
class Placed:
    """A word with its page and its character range in the document text."""

    word: Word
    page: int
    start: int
    end: int


@dataclass(frozen=True)
class Line:
    """One line of a page: its words left to right, its character range, and its cells."""

    page: int
    start: int
    end: int
    words: tuple[Placed, ...]
    cells: tuple[tuple[int, int], ...]

    def cell_spans(self) -> list[tuple[int, int]]:
        """Character ranges (document offsets) of the line's table cells."""
        return list(self.cells)


@dataclass
class DocText:
    """A document's text, line by line, with every character traceable to a word, page and box."""

    document: str
    text: str = ""
    words: list[Placed] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)

    def slice(self, start: int, end: int) -> str:
        return self.text[start:end]

    def words_in(self, start: int, end: int) -> list[Placed]:
        """Words overlapping a character range."""
        return [p for p in self.words if p.start < end and p.end > start]

    def confidence(self, start: int, end: int) -> float:
        """The weakest word confidence over a range (one misread digit spoils a number); 0 when no word is there."""
        placed = self.words_in(start, end)
        return min(p.word.confidence for p in placed) if placed else 0.0

    def provenance(self, start: int, end: int, rule: str) -> Provenance:
        """Where a range came from: the page of its first word and the union box of its words there."""
        placed = self.words_in(start, end) or [self._nearest(start)]
        page = placed[0].page
        on_page = [p for p in placed if p.page == page]
        return Provenance(
            document=self.document,
            page=page,
            bbox=union(p.word.bbox for p in on_page),
            text=self.text[start:end].strip(),
            source=on_page[0].word.source,
            rule=rule,
        )

    def line_at(self, offset: int) -> Line | None:
        for line in self.lines:
            if line.start <= offset < line.end or offset == line.end:
                return line
        return None

    def _nearest(self, offset: int) -> Placed:
        return min(self.words, key=lambda p: abs(p.start - offset))


def union(boxes: object) -> BBox:
    """The smallest box holding every given box."""
    items = list(boxes)  # type: ignore[call-overload]
    return (
        round(min(b[0] for b in items), 2),
        round(min(b[1] for b in items), 2),
        round(max(b[2] for b in items), 2),
        round(max(b[3] for b in items), 2),
    )


def build_text(document: str, pages: list[Page]) -> DocText:
    """Lay out every page's words into lines (top to bottom, left to right) joined into one text."""
    doc = DocText(document=document)
    parts: list[str] = []
    offset = 0
    for page in pages:
        for row in group_lines(page.words):
            line, text = _place_line(page.number, row, offset)
            doc.words.extend(line.words)
            doc.lines.append(line)
            parts.append(text + "\n")
            offset += len(text) + 1
        parts.append("\n")
        offset += 1
    doc.text = "".join(parts)
    return doc


def group_lines(words: list[Word]) -> list[list[Word]]:
    """Chain words left to right into lines, each joining the line whose last word sits level with it.

    Following the chain word by word keeps a line together on a scan tilted by a degree or two, where the
    two ends of a long line differ in height by more than a word.
    """
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.bbox[0], w.bbox[1])):
        centre = (word.bbox[1] + word.bbox[3]) / 2
        height = max(word.bbox[3] - word.bbox[1], 1.0)
        best, best_distance = None, height * 0.5
        for row in rows:
            last = row[-1]
            if last.bbox[2] > word.bbox[0] + height * 0.3:
                continue
            distance = abs((last.bbox[1] + last.bbox[3]) / 2 - centre)
            if distance <= best_distance:
                best, best_distance = row, distance
        if best is None:
            rows.append([word])
        else:
            best.append(word)
    rows.sort(key=lambda row: median((w.bbox[1] + w.bbox[3]) / 2 for w in row))
    return rows


def _place_line(page: int, row: list[Word], offset: int) -> tuple[Line, str]:
    """Join a row's words with single spaces, and split it into cells where the horizontal gap is wide."""
    em = median(max(w.bbox[3] - w.bbox[1], 1.0) for w in row)
    placed: list[Placed] = []
    cells: list[tuple[int, int]] = []
    text = ""
    cell_start = offset
    previous: Word | None = None
    for word in row:
        if previous is not None:
            if word.bbox[0] - previous.bbox[2] > CELL_GAP_EM * em:
                cells.append((cell_start, offset + len(text)))
                cell_start = offset + len(text) + 1
            text += " "
        start = offset + len(text)
        text += word.text
        placed.append(Placed(word=word, page=page, start=start, end=offset + len(text)))
        previous = word
    cells.append((cell_start, offset + len(text)))
    return Line(page=page, start=offset, end=offset + len(text), words=tuple(placed), cells=tuple(cells)), text
