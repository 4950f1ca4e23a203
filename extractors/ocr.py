"""OCR one rendered page with tesseract, orientation fixed first, words converted to PDF points.

Each page's tesseract runs are few and bounded: the main read, one run for all of its doubtful words,
and orientation detection plus a second read only when the first reading looks turned or poor. Every
run gets the time left to its page and its document (`Deadline`); running out fails the document.
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pytesseract
from PIL import Image

from extractors.errors import DocumentError
from extractors.layout import RULE_MARKS, group_lines
from extractors.leaders import DARK_BELOW, components, erase_leaders, restore_leaders
from extractors.tesseract import TESSERACT
from pipeline.models import Word

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # STACK.md: 6x slower with OpenMP threads on 2 cores

PAGE_PSM = 4
"""Tesseract's page segmentation: one column of text of variable sizes. The default (3, automatic) drops
short numbers standing alone in a table column (a log's "2.0" durations in a monospaced export); our layout
rebuilds lines and cells from the word boxes, so tesseract's own reading order is never needed. On the
tune scans: 94.3 % of items right with 4, 80.6 % with 3; held-out v1 scans 89.4 % either way."""
MIN_WORDS_BEFORE_OSD = 8
RESCUE_BELOW = 0.9
GARBLED_BELOW = 0.5
LOW_MEAN_CONFIDENCE = 0.6
RULE_DARK = 0.85
"""Share of a table row's band a column of pixels is ink over when it is a vertical ruling: the band is half as
tall again as the row's words, so a letter's stroke (as tall as the letter) never fills it."""
RULE_WIDTH = 2.0
"""Points: the widest a vertical rule is. Wider dark columns are a shaded band (white text on a dark banner)."""
CELL_PAPER = 0.5
"""Share of a cell's band that is paper, at least, for a mark in it to be looked for: a dark cell holds none."""
BAND_HALF = 0.75
"""Half the height of a row's band, in the row's word heights."""
RULE_SCAN = 3.0
"""Word heights beyond a row's first and last word searched for the table's outer ruling."""
MIN_CELL_INK = 20
"""Ink pixels a cell needs to be read again: fewer is scan speckle."""
BAR_CONFIDENCE = 0.7
BOX_SIDE = (6.0, 16.0)
"""A tick box is a square of ink 6 to 16 points a side (a letter's height, give or take)."""
BOX_EDGE = 0.85
"""Each of a box's four sides is inked along at least this share of its length (no letter is that square)."""
BOX_TICKED = 0.08
BOX_EMPTY = 0.02
"""A box whose inside is inked over at least 8 % is ticked, under 2 % empty; in between it is unsure."""
BOX_STROKE = 0.5
"""Share of a box's inside a straight row or column of ink spans, at least, to be a letter's stem or bar."""
BOX_LETTER = 0.35
"""Share of the ink inside a box lying in such straight runs, at least, for it to be a letter, a digit or a fill:
a tick's or a cross's strokes slant, so next to none of their ink runs straight that far."""
BOX_SLANT = 0.9
"""Share of the ink inside a ticked box, at least, whose longest run through it slants (a tick's or a cross's
strokes), rather than running along a row or column (a letter's stems, bars and bowls): less is no clear tick."""
SLANTS = ((2, 1), (1, 1), (1, 2), (-1, 2), (-1, 1), (-2, 1))
"""Pixel steps of the slanting directions, 27 to 63 degrees either way: a tick's strokes, a cross's arms."""
STRAIGHTS = ((1, 0), (0, 1))
BOX_CONFIDENCE = 0.95
BOX_UNSURE = 0.4
"""A lone bar read as the letter I: a shape, not a reading, so below the low OCR confidence (0.75) that flags an
item: a person looks at it, whatever cross-check its field has."""
T = TypeVar("T")


@dataclass(frozen=True)
class OcrLimits:
    """What one document may ask of OCR; past a limit the document fails with a code, never hangs the run."""

    max_page_pixels: int = 89_478_485
    """Pixels of a page image (Pillow's own warning line): a letter page at 300 dpi is 8.4 million."""
    page_seconds: float = 120.0
    document_seconds: float = 1800.0


class LimitExceeded(DocumentError):
    """A document over one of the limits: it fails as it is (no repaired copy is tried)."""


class OcrTimeout(LimitExceeded):
    """A page, or the document's pages together, took longer to read than the limit allows."""

    code = "document.ocr_timeout"


class Deadline:
    """A document's OCR time, shared by its pages (threads); each page also has its own limit inside it.

    It travels with a page sent to another process (a Dask worker) as the time left to the document; there
    the document's failure is not seen, so a page stops at its own limits only.
    """

    def __init__(self, limits: OcrLimits | None = None) -> None:
        self.limits = limits or OcrLimits()
        self.ends = time.monotonic() + self.limits.document_seconds
        self.stopped = threading.Event()
        """Set when the document has failed: pages still waiting or running stop at their next tesseract run."""

    def __getstate__(self) -> dict[str, Any]:
        return {"limits": self.limits, "left": self.ends - time.monotonic(), "stopped": self.stopped.is_set()}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.limits = state["limits"]
        self.ends = time.monotonic() + state["left"]
        self.stopped = threading.Event()
        if state["stopped"]:
            self.stopped.set()

    def page(self, number: int) -> PageClock:
        """The clock of a page starting now."""
        return PageClock(self, number, min(self.ends, time.monotonic() + self.limits.page_seconds))


@dataclass(frozen=True)
class PageClock:
    """The time one page's tesseract runs may still take."""

    deadline: Deadline
    number: int
    ends: float

    def seconds_left(self) -> float:
        """The timeout for the next tesseract run; OcrTimeout when nothing is left."""
        left = self.ends - time.monotonic()
        if left <= 0 or self.deadline.stopped.is_set():
            raise self.expired()
        return left

    def expired(self) -> OcrTimeout:
        """The error that says which limit ran out."""
        limits = self.deadline.limits
        if self.ends >= self.deadline.ends:
            return OcrTimeout(f"Reading the scanned pages took longer than the {limits.document_seconds:.0f} s a "
                              f"document may take (at page {self.number}); it was not read. Ask for the pages that "
                              "hold the evidence, or raise ENDORSE_OCR_DOCUMENT_SECONDS.", "document.ocr_deadline")
        return OcrTimeout(f"Page {self.number} took longer than the limit of {limits.page_seconds:.0f} s to read "
                          "(OCR); the document was not read. Ask for a cleaner scan of it, or raise "
                          "ENDORSE_OCR_PAGE_SECONDS.")


def page_arguments(dpi: int) -> tuple[str, ...]:
    """Tesseract's arguments for the main read of a page."""
    return ("--psm", str(PAGE_PSM), "--dpi", str(dpi), "tsv")


def word_arguments(dpi: int) -> tuple[str, ...]:
    """Tesseract's arguments for re-reading words alone, each crop a line of text."""
    return ("--psm", "7", "--dpi", str(dpi), "tsv")


def prepare(dpi: int) -> None:
    """Have a page's two tesseract runs load their model now, while its image is being made."""
    TESSERACT.prepare(page_arguments(dpi), word_arguments(dpi))


def ocr_image(image: Image.Image, dpi: int, clock: PageClock | None = None) -> tuple[list[Word], int]:
    """Words of a page image in PDF points (top-left origin), and the rotation that was undone (degrees).

    When the page was turned, the boxes are those of the upright reading (so lines and columns read
    left to right); `extractors.layout.to_page_frame` maps a box back onto the page as stored.

    Orientation detection (tesseract OSD, another second a page) runs only when the first reading is
    poor, comes out as vertical words (a page turned by 90 degrees) or runs right to left (180).
    Dotted leaders are erased first (`extractors.leaders`), and again from the page as scanned once it is
    turned: tesseract reads them as garbage words and loses the labels and values they join.
    """
    clock = clock or Deadline().page(1)
    page = image if image.mode == "L" else image.convert("L")
    gray, leaders = erase_leaders(page, dpi)
    words = restore_leaders(_read(gray, dpi, clock), leaders)
    if (len(words) >= MIN_WORDS_BEFORE_OSD and _mean_confidence(words) >= LOW_MEAN_CONFIDENCE
            and not _mostly_vertical(words) and not _mostly_backwards(words)):
        return words, 0
    rotation = detect_rotation(gray, clock)
    if rotation == 0:
        return words, 0
    # the page as scanned, turned: the erased one has no leaders left to find and put back as words
    upright, leaders = erase_leaders(page.rotate(-rotation, expand=True), dpi)
    turned = restore_leaders(_read(upright, dpi, clock), leaders)
    if _mean_confidence(turned) * len(turned) < 0.8 * _mean_confidence(words) * len(words):
        return words, 0  # OSD was wrong: turning made the reading clearly worse
    return turned, rotation


def detect_rotation(gray: Image.Image, clock: PageClock | None = None) -> int:
    """Clockwise rotation of the page content that tesseract's OSD sees (0, 90, 180, 270); 0 when unsure."""
    clock = clock or Deadline().page(1)
    try:
        osd = _timed(clock, pytesseract.image_to_osd, gray, output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError:
        return 0
    if float(osd.get("orientation_conf", 0)) < 2.0:
        return 0
    return int(osd.get("rotate", 0)) % 360


def _read(gray: Image.Image, dpi: int, clock: PageClock) -> list[Word]:
    """A page's words, with doubtful numbers read a second time on their own (all of them in one run).

    The marks tesseract lost in a ruled table's cells are read in the same run (`table_marks`).
    """
    words = tick_boxes(gray, _tesseract_words(gray, dpi, clock), dpi)
    words, cells, clean = table_marks(gray, words, dpi)
    doubtful = [i for i, word in enumerate(words) if _doubtful_number(word)]
    crops = [_crop(gray, words[i], dpi) for i in doubtful] + [_crop(clean, cell, dpi) for cell in cells]
    readings = read_crops(crops, dpi, clock)
    for i, reading in zip(doubtful, readings, strict=False):  # the cells' readings follow
        if reading is not None:
            words[i] = _reconcile(words[i], *reading)
    for cell, reading in zip(cells, readings[len(doubtful):], strict=True):
        if reading is not None and reading[1] >= GARBLED_BELOW and any(ch.isalnum() for ch in reading[0]):
            words.append(cell.model_copy(update={"text": reading[0], "confidence": reading[1]}))
    return words


def tick_boxes(gray: Image.Image, words: list[Word], dpi: int) -> list[Word]:
    """Tick boxes read from the ink inside them: ☒ when ticked, ☐ when empty, in place of OCR's reading.

    Tesseract reads a box as a letter or a bracket ("O", "[J", "LJ", "@"), ticked or not. A box is a
    square component of ink about a letter's size whose four sides are all inked; its inside (short of
    the sides, which a tilt of a degree or two thickens) is measured: clearly inked, clearly paper, or
    between the two, when the box's word is given a low confidence so that what rests on it is flagged. So is
    it when the ink is a letter, a digit or a solid fill rather than a tick or cross (`_holds_letter`).
    The OCR words lying largely over a box are its reading, and are dropped.
    """
    ink = np.asarray(gray) < DARK_BELOW
    if not ink.any():  # a blank page
        return words
    scale = dpi / 72.0
    boxes = [box for box in (_tick_box(ink, square, scale) for square in _square_boxes(ink, scale))
             if box is not None]
    if not boxes:
        return words
    kept = [w for w in words if not any(_reads_box(w.bbox, box.bbox) for box in boxes)]
    return kept + boxes


def _square_boxes(ink: np.ndarray, scale: float) -> list[tuple[int, int, int, int]]:
    """Components of the page's ink that are squares of a tick box's size: (top, left, bottom, right), inclusive."""
    top, left, bottom, right, _size = components(ink)
    tall, wide = bottom - top + 1, right - left + 1
    low, high = BOX_SIDE[0] * scale, BOX_SIDE[1] * scale
    square = ((tall >= low) & (tall <= high) & (wide >= low) & (wide <= high)
              & (np.abs(tall - wide) <= 0.15 * np.maximum(tall, wide)))
    return [(int(top[i]), int(left[i]), int(bottom[i]), int(right[i])) for i in np.nonzero(square)[0]]


def _tick_box(ink: np.ndarray, box: tuple[int, int, int, int], scale: float) -> Word | None:
    """A square whose four sides are inked, as a ☒ or ☐ word by the ink inside it; None for any other square."""
    top, left, bottom, right = box
    area = ink[top:bottom + 1, left:right + 1]
    side = max(2, round(0.12 * area.shape[0]))
    edges = (area[:side].any(axis=0), area[-side:].any(axis=0), area[:, :side].any(axis=1), area[:, -side:].any(axis=1))
    if min(edge.mean() for edge in edges) < BOX_EDGE:
        return None
    inside = area[2 * side:-2 * side, 2 * side:-2 * side]
    if inside.size == 0:
        return None
    share = float(inside.mean())
    confidence = BOX_CONFIDENCE if share >= BOX_TICKED or share < BOX_EMPTY else BOX_UNSURE
    if share >= BOX_TICKED and (_holds_letter(inside) or not _slants(inside)):
        confidence = BOX_UNSURE
    bbox = (left / scale, top / scale, (right + 1) / scale, (bottom + 1) / scale)
    return Word(text="☒" if share >= (BOX_TICKED + BOX_EMPTY) / 2 else "☐", bbox=bbox, confidence=confidence,
                source="ocr")


def _holds_letter(inside: np.ndarray) -> bool:
    """Whether a box's ink is a letter or digit written in it (Y/N, 1/2, P/F) or a solid fill, not a tick or cross.

    A letter's stems and bars, and a fill, run straight along the box's rows or columns; a tick's or a cross's
    strokes run slanting from corner to corner. Such a box is no clear tick: it is read ☒ at a low confidence, so
    that what rests on it is flagged, since its character is lost with OCR's reading.
    """
    length = BOX_STROKE * min(inside.shape)
    straight = _long_runs(inside, length) | _long_runs(inside.T, length).T
    return float(straight.sum()) >= BOX_LETTER * float(inside.sum())


def _slants(inside: np.ndarray) -> bool:
    """Whether a box's ink is a tick or a cross: strokes that slant, one of them across half the box at least.

    Each ink pixel goes the way of the longest run of ink through it: a tick's or a cross's pixels slant, while a
    letter's stems and bars run straight and its bowls turn every way (N, Y, 7, 2, 8, in any font, size or
    slant); a letter that is all slanting strokes (X, V) is a tick.
    """
    slanting = np.max([_run_through(inside, step) for step in SLANTS], axis=0)[inside]
    straight = np.max([_run_through(inside, step) for step in STRAIGHTS], axis=0)[inside]
    if slanting.max() < BOX_STROKE * min(inside.shape):
        return False
    return float((slanting > straight).mean()) >= BOX_SLANT


def _run_through(ink: np.ndarray, step: tuple[int, int]) -> np.ndarray:
    """For each pixel, the length of the unbroken run of ink through it going by `step` (x, y), in pixels."""
    run = ink.astype(float)
    for sign in (1, -1):
        reach = ink.copy()
        for k in range(1, max(ink.shape)):
            reach &= _shifted(ink, sign * k * step[0], sign * k * step[1])
            if not reach.any():
                break
            run += reach
    return run * float(np.hypot(*step))


def _shifted(ink: np.ndarray, dx: int, dy: int) -> np.ndarray:
    """`ink` moved so that each pixel holds the one `dx` right and `dy` below it (paper beyond the edges)."""
    height, width = ink.shape
    out = np.zeros_like(ink)
    if abs(dx) < width and abs(dy) < height:
        out[max(-dy, 0):height - max(dy, 0), max(-dx, 0):width - max(dx, 0)] = \
            ink[max(dy, 0):height - max(-dy, 0), max(dx, 0):width - max(-dx, 0)]
    return out


def _long_runs(ink: np.ndarray, length: float) -> np.ndarray:
    """The ink pixels lying in an unbroken run along their row at least `length` pixels long."""
    edges = np.diff(np.pad(ink, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)
    runs = np.zeros_like(ink)
    for row, start, end in zip(rows, starts, ends, strict=True):
        if end - start >= length:
            runs[row, start:end] = True
    return runs


def _reads_box(word: tuple[float, float, float, float], box: tuple[float, float, float, float]) -> bool:
    """A word level with a box and lying largely over it is OCR's reading of the box (with a letter run into it)."""
    wide = min(word[2], box[2]) - max(word[0], box[0])
    tall = min(word[3], box[3]) - max(word[1], box[1])
    return wide >= 0.4 * (word[2] - word[0]) and tall >= 0.5 * min(word[3] - word[1], box[3] - box[1])


def table_marks(gray: Image.Image, words: list[Word], dpi: int) -> tuple[list[Word], list[Word], Image.Image]:
    """A ruled table's short marks that tesseract dropped or read as ruling, and its cells to read again.

    In a ruled table a mark alone in its cell ("I", "G", a tick) stands beside two vertical rules, and
    tesseract, reading the page, loses it among them or reads it as one ("|"). Each row of words is
    looked at in a band half as tall again as its words: a column of pixels inked over the whole band is
    a rule (no letter is that tall), and the rules cut the row into cells. A cell with ink but no word
    of its own (or only a ruling mark) is the place of a lost mark: a bar alone is the letter I (which
    tesseract does not read alone), anything else is returned as a cell to read again, from a copy of
    the page with the rules of its row painted white. Returns the words (marks added, ruling marks in
    those cells dropped), the cells to read (as words with their box, no text) and that copy.
    """
    ink = np.asarray(gray) < DARK_BELOW
    scale = dpi / 72.0
    pixels = np.array(gray)
    kept, cells, found = list(words), [], False
    for row in group_lines(words):
        for left, right, top, bottom in _row_cells(ink, row, scale):
            inside = [w for w in row if left <= (w.bbox[0] + w.bbox[2]) / 2 * scale < right]
            shaded = ink[top:bottom, left:right].mean() > 1 - CELL_PAPER
            if shaded or not all(set(w.text) <= RULE_MARKS for w in inside):
                continue
            found = True
            _paint_rules(pixels, ink, (left, right, top, bottom), scale)
            mark = _cell_mark(ink[top:bottom, left:right], left, top, scale)
            if mark is None:
                continue
            kept = [w for w in kept if all(w is not other for other in inside)]
            if mark.text:
                kept.append(mark)
            else:
                cells.append(mark)
    return kept, cells, Image.fromarray(pixels, mode="L") if found else gray


def _row_cells(ink: np.ndarray, row: list[Word], scale: float) -> list[tuple[int, int, int, int]]:
    """The interiors of a ruled row's cells in pixels (left, right, top, bottom); none when it has no rules."""
    height = float(np.median([w.bbox[3] - w.bbox[1] for w in row])) * scale
    xs = np.array([(w.bbox[0] + w.bbox[2]) / 2 * scale for w in row])
    ys = np.array([(w.bbox[1] + w.bbox[3]) / 2 * scale for w in row])
    slope = float(np.polyfit(xs, ys, 1)[0]) if len(row) > 2 and np.ptp(xs) > height else 0.0
    start = max(int(row[0].bbox[0] * scale - RULE_SCAN * height), 0)
    end = min(int(row[-1].bbox[2] * scale + RULE_SCAN * height), ink.shape[1])
    half, step = BAND_HALF * height, max(int(4 * height), 8)
    dark = np.zeros(max(end - start, 0), dtype=bool)
    centre = {}
    for x0 in range(start, end, step):  # a short stretch is level enough on a page tilted by a degree or two
        y = float(ys.mean() + slope * ((x0 + min(x0 + step, end)) / 2 - xs.mean()))
        centre[x0] = y
        band = ink[max(int(y - half), 0):max(int(y + half), 0), x0:min(x0 + step, end)]
        if band.size:
            dark[x0 - start:x0 - start + band.shape[1]] = band.mean(axis=0) >= RULE_DARK
    edges = np.diff(np.concatenate([[0], dark.astype(np.int8), [0]]))
    rules = [(left, right) for left, right in zip(np.nonzero(edges == 1)[0] + start,
                                                  np.nonzero(edges == -1)[0] + start, strict=True)
             if right - left <= RULE_WIDTH * scale]
    interiors = []
    for (_, left), (right, _) in zip(rules, rules[1:], strict=False):
        y = centre[start + int(((left + right) // 2 - start) // step) * step]
        interiors.append((int(left) + 2, int(right) - 2, max(int(y - half), 0), max(int(y + half), 0)))
    return [cell for cell in interiors if cell[1] - cell[0] > 2] if len(rules) >= 3 else []


def _paint_rules(pixels: np.ndarray, ink: np.ndarray, cell: tuple[int, int, int, int], scale: float) -> None:
    """Paint white the ruling round a cell's interior, as far out as a crop of it reaches (a few points)."""
    left, right, top, bottom = cell
    reach = round(3 * scale)
    pixels[max(top - reach, 0):bottom + reach, max(left - reach, 0):left] = 255
    pixels[max(top - reach, 0):bottom + reach, right:right + reach] = 255
    above, below = max(top - reach, 0), bottom + reach
    ruled = ink[above:below, left:right].mean(axis=1) > 0.5 if right > left else np.zeros(0, dtype=bool)
    pixels[above:below, left:right][ruled] = 255


def _cell_mark(ink: np.ndarray, left: int, top: int, scale: float) -> Word | None:
    """What a cell without a word holds: the letter I (a lone bar), a box to read again, or None (paper).

    Rows of the cell inked across most of it are a horizontal rule, not a mark, and are left out, as are bars
    as tall as the cell's band: a heavy rule, too wide to cut the row into cells, standing in it.
    """
    ink = _without_rules(ink & ~(ink.mean(axis=1) > 0.5)[:, None])
    if ink.sum() < MIN_CELL_INK:
        return None
    rows, cols = np.nonzero(ink)
    box = ((left + cols.min()) / scale, (top + rows.min()) / scale, (left + cols.max() + 1) / scale,
           (top + rows.max() + 1) / scale)
    c_top, c_left, c_bottom, c_right, size = components(ink)
    big = np.nonzero(size >= MIN_CELL_INK)[0]
    if len(big) == 1:
        i = big[0]
        tall, wide = c_bottom[i] - c_top[i] + 1, c_right[i] - c_left[i] + 1
        if tall >= 4 * wide and size[i] >= 0.8 * tall * wide:
            return Word(text="I", bbox=box, confidence=BAR_CONFIDENCE, source="ocr")
    return Word(text="", bbox=box, confidence=0.0, source="ocr")


def _without_rules(ink: np.ndarray) -> np.ndarray:
    """A cell's ink less its bars inked over the band's height (twice as tall as wide): no letter is that tall."""
    if not ink.any():
        return ink
    c_top, c_left, c_bottom, c_right, _size = components(ink)
    tall, wide = c_bottom - c_top + 1, c_right - c_left + 1
    rules = np.nonzero((tall >= RULE_DARK * ink.shape[0]) & (tall >= 2 * wide))[0]
    if not len(rules):
        return ink
    ink = ink.copy()
    for i in rules:
        ink[c_top[i]:c_bottom[i] + 1, c_left[i]:c_right[i] + 1] = False
    return ink


def _doubtful_number(word: Word) -> bool:
    """A short word read with low confidence that has a digit, or is so unsure it may be a mangled number."""
    if len(word.text) > 6 or word.confidence >= RESCUE_BELOW:
        return False
    return any(ch.isdigit() for ch in word.text) or word.confidence < GARBLED_BELOW


def reread_words(gray: Image.Image, words: list[Word], dpi: int,
                 clock: PageClock | None = None) -> list[tuple[str, float] | None]:
    """Each doubtful word read again on its own, as a single text line: its text and confidence, or None.

    On a noisy scan tesseract, reading a whole page, garbles short numbers ("1.5" read as "15", "1p)",
    "D5") with a low confidence; the word cropped alone at the same resolution mostly reads right
    (on the fixture scans: 95-96 against 11-77), but not always, so a disagreement stays doubtful.
    Enlarging the crop made it worse. The crops go to one tesseract run as a list of images: one process
    for the page instead of one a word, and the same readings (each image is read alone, as a page).
    """
    return read_crops([_crop(gray, word, dpi) for word in words], dpi, clock)


def read_crops(crops: list[Image.Image], dpi: int, clock: PageClock | None = None) -> list[tuple[str, float] | None]:
    """Each crop read alone as a single text line, all in one tesseract run: its one word and confidence, or None."""
    if not crops:
        return []
    clock = clock or Deadline().page(1)
    with tempfile.TemporaryDirectory(prefix="endorse-ocr-") as tmp:
        paths = [Path(tmp) / f"word-{n}.pgm" for n in range(len(crops))]
        for path, crop in zip(paths, crops, strict=True):
            crop.save(path)
        try:
            data = _timed(clock, TESSERACT.run, word_arguments(dpi), paths)
        except pytesseract.TesseractError:
            return [None] * len(crops)
    read: dict[int, list[tuple[str, float]]] = {}
    for page, text, conf in zip(data["page_num"], data["text"], data["conf"], strict=True):
        if text.strip():
            read.setdefault(int(page), []).append((text.strip(), float(conf) / 100.0))
    return [found[0] if len(found := read.get(n, [])) == 1 else None for n in range(1, len(crops) + 1)]


def _crop(gray: Image.Image, word: Word, dpi: int) -> Image.Image:
    """The word's box in the page image, with a margin of a third of its height (at least 4 pixels)."""
    scale = dpi / 72.0
    x0, top, x1, bottom = (round(v * scale) for v in word.bbox)
    pad = max(4, (bottom - top) // 3)
    return gray.crop((max(x0 - pad, 0), max(top - pad, 0), x1 + pad, bottom + pad))


def _reconcile(word: Word, text: str, confidence: float) -> Word:
    """Two readings of one word: agreement raises confidence, disagreement lowers it so a person looks.

    When they differ only by a decimal point, the dotted one is taken: on these scans tesseract drops
    points ("1.5" -> "15", "1.2" -> "12") far more often than it invents them.
    """
    if text == word.text:
        return word.model_copy(update={"confidence": max(confidence, word.confidence)})
    doubt = min(confidence, word.confidence)
    if text.replace(".", "") == word.text.replace(".", ""):
        chosen = text if "." in text else word.text
    else:
        chosen = text if confidence > word.confidence else word.text
    return word.model_copy(update={"text": chosen, "confidence": doubt})


def _tesseract_words(gray: Image.Image, dpi: int, clock: PageClock) -> list[Word]:
    """Run tesseract on the page saved as PGM (no re-encoding) and convert its boxes to points."""
    with tempfile.TemporaryDirectory(prefix="endorse-ocr-") as tmp:
        path = Path(tmp) / "page.pgm"
        gray.save(path)
        data = _timed(clock, TESSERACT.run, page_arguments(dpi), [path])
    scale = 72.0 / dpi
    words = []
    for text, conf, left, top, width, height in zip(
        data["text"], data["conf"], data["left"], data["top"], data["width"], data["height"], strict=True
    ):
        if not text.strip() or float(conf) < 0:
            continue
        box = (left * scale, top * scale, (left + width) * scale, (top + height) * scale)
        words.append(Word(text=text.strip(), bbox=box, confidence=float(conf) / 100.0, source="ocr"))
    return words


def _timed(clock: PageClock, run: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """One tesseract run with the time left to the page as its timeout; the run kills tesseract then."""
    try:
        return run(*args, timeout=clock.seconds_left(), **kwargs)
    except RuntimeError as exc:  # 'Tesseract process timeout', from pytesseract (OSD) or TESSERACT
        if "timeout" not in str(exc).lower():
            raise
        raise clock.expired() from exc


def _mostly_vertical(words: list[Word]) -> bool:
    """Tesseract reads a page turned by 90 degrees as vertical words: taller than wide."""
    long_words = [w for w in words if len(w.text) >= 3]
    tall = sum(w.bbox[3] - w.bbox[1] > w.bbox[2] - w.bbox[0] for w in long_words)
    return bool(long_words) and tall > len(long_words) / 2


def _mostly_backwards(words: list[Word]) -> bool:
    """Tesseract can read a page turned by 180 degrees with confidence, its words running right to left."""
    pairs = [(a, b) for a, b in zip(words, words[1:], strict=False)
             if abs((a.bbox[1] + a.bbox[3]) - (b.bbox[1] + b.bbox[3])) / 2 < (a.bbox[3] - a.bbox[1]) / 2]
    backwards = sum(b.bbox[0] < a.bbox[0] for a, b in pairs)
    return bool(pairs) and backwards > len(pairs) / 2


def _mean_confidence(words: list[Word]) -> float:
    return sum(w.confidence for w in words) / len(words) if words else 0.0
