"""Words into lines and cells, and the document's text with a map from every character back to its word."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from statistics import median

from pipeline.models import BBox, Page, Provenance, Word

CELL_GAP_EM = 1.6
"""A horizontal gap wider than this many median word heights separates two table cells."""
RULE_MARKS = frozenset("|[]_!")
"""A scanned table's ruling read as a character: no cell's text."""


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
    frames: dict[int, tuple[int, float, float]] = field(default_factory=dict)
    """Per page: (rotation, width, height) of the page as stored, to map reading boxes back onto it."""

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
        rotation, width, height = self.frames.get(page, (0, 0.0, 0.0))
        return Provenance(
            document=self.document,
            page=page,
            bbox=to_page_frame(union(p.word.bbox for p in on_page), rotation, width, height),
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


def to_page_frame(box: BBox, rotation: int, width: float, height: float) -> BBox:
    """A box of the upright reading of a page turned clockwise by `rotation`, on the page as stored.

    `width` and `height` are the stored page's size in points.
    """
    x0, top, x1, bottom = box
    if rotation == 180:
        return (width - x1, height - bottom, width - x0, height - top)
    if rotation == 90:
        return (top, height - x1, bottom, height - x0)
    if rotation == 270:
        return (width - bottom, x0, width - top, x1)
    return box


def build_text(document: str, pages: list[Page]) -> DocText:
    """Lay out every page's words into lines (top to bottom, left to right) joined into one text.

    A document with OCR'd pages is laid out again with each page's tilt taken out (`relevel`): on a scan
    tilted by a degree, a label and its value, or a table's cells, otherwise fall onto separate lines.
    """
    frames = {p.number: (p.rotation, p.width, p.height) for p in pages}
    doc = _assemble(document, frames, ((page.number, group_lines(page.words)) for page in pages))
    return relevel(doc) if any(page.source == "ocr" for page in pages) else doc


def _assemble(document: str, frames: dict[int, tuple[int, float, float]],
              rows_by_page: Iterable[tuple[int, list[list[Word]]]]) -> DocText:
    """One DocText from each page's rows of words: lines joined by newlines, a blank line between pages."""
    doc = DocText(document=document, frames=frames)
    parts: list[str] = []
    offset = 0
    for page, rows in rows_by_page:
        for row in rows:
            line, text = _place_line(page, row, offset)
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
    two ends of a long line differ in height by more than a word. A word shorter than the page's usual word
    (a dash, a comma) is given the usual height, so it neither starts a line of its own nor pulls others in.
    """
    rows: list[list[Word]] = []
    typical = median(w.bbox[3] - w.bbox[1] for w in words) if words else 1.0
    for word in sorted(words, key=lambda w: (w.bbox[0], w.bbox[1])):
        centre = (word.bbox[1] + word.bbox[3]) / 2
        height = max(word.bbox[3] - word.bbox[1], typical, 1.0)  # a dash or a dot is as tall as its line
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


TILT_MIN_CONFIDENCE = 0.5
"""Words read at least this well fit a line's slope; a ruling or shading read as low-confidence letters lies level
with the pixel rows, and would drag the page's median slope towards 0."""


def page_tilt(doc: DocText, page: int) -> float:
    """A page's tilt as a slope (points down per point right): the median least-squares fit of its long lines."""
    slopes = []
    for line in doc.lines:
        centres = [((p.word.bbox[0] + p.word.bbox[2]) / 2, (p.word.bbox[1] + p.word.bbox[3]) / 2)
                   for p in line.words if p.word.confidence >= TILT_MIN_CONFIDENCE]
        if line.page != page or len(centres) < 4 or centres[-1][0] - centres[0][0] < 150:
            continue
        mean_x = sum(x for x, _ in centres) / len(centres)
        mean_y = sum(y for _, y in centres) / len(centres)
        spread = sum((x - mean_x) ** 2 for x, _ in centres)
        slopes.append(sum((x - mean_x) * (y - mean_y) for x, y in centres) / spread)
    return median(slopes) if slopes else 0.0


def relevel(doc: DocText) -> DocText:
    """The same words laid out again with each page's tilt taken out first.

    On a scan tilted by a degree or two, the cells of a wide table row sit further apart in height than a
    word, and the word chain of `group_lines` breaks the row; levelled first, the row holds together.
    Boxes, confidences and sources are the words' own: only the grouping changes.
    """
    return _assemble(doc.document, doc.frames,
                     ((page, _levelled_rows(doc, page)) for page in sorted({p.page for p in doc.words})))


def _levelled_rows(doc: DocText, page: int) -> list[list[Word]]:
    """A page's words grouped into rows after shifting each word up or down by the page's tilt."""
    slope = page_tilt(doc, page)
    originals = [p.word for p in doc.words if p.page == page]
    shifted = [w.model_copy(update={"bbox": (w.bbox[0], w.bbox[1] - slope * w.bbox[0], w.bbox[2],
                                             w.bbox[3] - slope * w.bbox[0])}) for w in originals]
    original_of = {id(s): o for s, o in zip(shifted, originals, strict=True)}
    return [[original_of[id(w)] for w in row] for row in group_lines(shifted)]
