"""Dotted leaders erased from a page image before OCR: "NAME .......... value", a dotted rule under a field.

Tesseract reads a row of dots as garbage words ("ee", "aoe?") or drops the line with the words beside it,
so a form whose labels and values are joined by leaders came out of OCR with neither. A leader is
recognised by its shape alone, as a person would: at least `MIN_DOTS` lone dots in a row, on one
baseline, at an even pitch, with nothing but paper between them. Text never looks like that: a period,
a decimal point or an abbreviation's dots stand between letters or digits; a colon's dots and an i's dot
have ink right below; an ellipsis has three dots. Only the dots are painted white; the words stay, and a
leader that joined a label and its value is put back among the words read as the word of dots it was.

The dots are found as connected components of the dark pixels, labelled from horizontal runs in numpy.
Sizes are in points, converted with the page's resolution.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PIL import Image

from pipeline.models import Word

DARK_BELOW = 160
"""Grey level under which a pixel is ink; the paper of a noisy scan stays above 200."""
DOT_MAX = 2.4
"""Points: the largest a leader dot is either way (a bold period at 14 pt is about 2 pt)."""
DOT_MIN = 0.6
"""Points: the smallest a leader dot is either way (a period at 8 pt is about 0.8 pt); a scan's speckle of a
pixel or two is smaller, and a noisy page holds thousands of them, each a dot to line up with the others."""
LONE_DOTS_MAX = 4000
"""Lone dots on a page, at most: a form with forty leaders of forty dots has under 2000; more is a page too
speckled to tell leaders from noise, and its leaders are left to OCR."""
CLEAR = 0.5
"""Points of paper a dot has all round it."""
CLEAR_BELOW = 2.0
"""Points of paper under a dot: an i's dot and a colon's upper dot have ink there."""
PITCH_MAX = 9.0
"""Points from one dot's centre to the next, at most (a 12 pt monospaced leader is 7.2)."""
BASELINE_SLACK = 0.6
"""Points two neighbouring dots' centres may differ in height (a page tilted by a degree or two)."""
EVEN_PITCH = 0.25
"""How far one gap between dots may be from the gap before it, as a fraction of it (plus a pixel)."""
MIN_DOTS = 4
"""Dots in a leader, at least: an ellipsis has three, and two dots are too few to tell a pitch."""
BASELINE_BELOW = 0.15
"""A word's box may end a little above its baseline, where a leader's dots sit: this much of its height."""


@dataclass(frozen=True)
class Dots:
    """Small isolated components of a page: bounding boxes in pixels (inclusive) and centres."""

    top: np.ndarray
    left: np.ndarray
    bottom: np.ndarray
    right: np.ndarray

    @property
    def centre_y(self) -> np.ndarray:
        return (self.top + self.bottom) / 2.0

    @property
    def centre_x(self) -> np.ndarray:
        return (self.left + self.right) / 2.0


@dataclass(frozen=True)
class Leader:
    """An erased leader in PDF points: its dots' count and where it starts and ends (the height of its ends)."""

    dots: int
    x0: float
    x1: float
    y0: float
    """The height of its first dot's centre (a tilted page's leader climbs or falls along its length)."""
    y1: float


def erase_leaders(gray: Image.Image, dpi: int) -> tuple[Image.Image, list[Leader]]:
    """The page with its dotted leaders painted white (the same image when it has none), and the leaders."""
    ink = np.asarray(gray) < DARK_BELOW
    if not ink.any():
        return gray, []
    scale = dpi / 72.0
    dots = lone_dots(ink, scale)
    if len(dots.top) > LONE_DOTS_MAX:
        return gray, []
    rows = [row for row in dot_rows(dots, scale) if _paper_between(ink, dots, row)]
    if not rows:
        return gray, []
    pixels = np.array(gray)
    rim = _clear(scale)  # paper round a dot (checked), where its grey fringe lies
    for row in rows:
        for i in row:
            pixels[max(dots.top[i] - rim, 0):dots.bottom[i] + rim + 1,
                   max(dots.left[i] - rim, 0):dots.right[i] + rim + 1] = 255
    leaders = [Leader(len(row), float(dots.left[row[0]]) / scale, float(dots.right[row[-1]] + 1) / scale,
                      float(dots.centre_y[row[0]]) / scale, float(dots.centre_y[row[-1]]) / scale) for row in rows]
    return Image.fromarray(pixels, mode="L"), leaders


def restore_leaders(words: list[Word], leaders: list[Leader]) -> list[Word]:
    """The words, with each erased leader that joined two words on its line back as a word of dots.

    A text layer holds such a leader as a word ("NAME ....... value"), and readers may rely on it; a dotted
    rule under a line of text, or one with nothing beside it, stays erased. The dots' word stands as tall as
    its neighbours, so it joins their line, and is as sure as the less sure of them.
    """
    restored = list(words)
    for leader in leaders:
        before = _beside(words, leader, left=True)
        after = _beside(words, leader, left=False)
        if before is None or after is None:
            continue
        box = (leader.x0, min(before.bbox[1], after.bbox[1]), leader.x1, max(before.bbox[3], after.bbox[3]))
        restored.append(Word(text="." * leader.dots, bbox=box, confidence=min(before.confidence, after.confidence),
                             source="ocr"))
    return restored


def _beside(words: list[Word], leader: Leader, *, left: bool) -> Word | None:
    """The nearest word on the leader's line just before its first dot (or after its last): within two em."""
    y = leader.y0 if left else leader.y1
    best, best_gap = None, None
    for word in words:
        height = word.bbox[3] - word.bbox[1]
        if not word.bbox[1] <= y <= word.bbox[3] + BASELINE_BELOW * height:
            continue
        gap = leader.x0 - word.bbox[2] if left else word.bbox[0] - leader.x1
        if -height / 4 <= gap <= 2 * height and (best_gap is None or gap < best_gap):
            best, best_gap = word, gap
    return best


def lone_dots(ink: np.ndarray, scale: float) -> Dots:
    """Components no bigger than a dot, with paper all round them and under them."""
    top, left, bottom, right, size = components(ink)
    biggest = DOT_MAX * scale
    height, width, smallest = bottom - top + 1, right - left + 1, DOT_MIN * scale
    small = np.nonzero((height <= biggest) & (width <= biggest) & (height >= smallest) & (width >= smallest))[0]
    clear = _clear(scale)
    under = max(2, round(CLEAR_BELOW * scale))
    alone = [i for i in small
             if _ink(ink, top[i] - clear, left[i] - clear, bottom[i] + clear, right[i] + clear) == size[i]
             and not _ink(ink, bottom[i] + clear + 1, left[i], bottom[i] + clear + under, right[i])]
    return Dots(top[alone], left[alone], bottom[alone], right[alone])


def dot_rows(dots: Dots, scale: float) -> list[list[int]]:
    """Runs of at least MIN_DOTS dots, left to right on one baseline at an even pitch (indexes into `dots`)."""
    order = np.argsort(dots.centre_x, kind="stable")
    cy, cx = dots.centre_y, dots.centre_x
    reach, slack = PITCH_MAX * scale, BASELINE_SLACK * scale
    open_rows: dict[int, list[list[int]]] = {}  # by the band of their last dot's height, a slack tall
    done: list[list[int]] = []
    for i in order:
        band = math.floor(cy[i] / slack)
        near: list[list[int]] = []
        for key in (band - 1, band, band + 1):  # a dot within the slack of this one's height is in one of them
            rows = open_rows.get(key, [])
            done += [r for r in rows if cx[i] - cx[r[-1]] > reach]
            rows[:] = [r for r in rows if cx[i] - cx[r[-1]] <= reach]
            near += rows
        row = _row_to_extend(near, i, cx, cy, scale)
        if row is None:
            row = []
        else:
            open_rows[math.floor(cy[row[-1]] / slack)].remove(row)
        row.append(int(i))
        open_rows.setdefault(band, []).append(row)
    still_open = [row for rows in open_rows.values() for row in rows]
    return [row for row in done + still_open if len(row) >= MIN_DOTS]


def _row_to_extend(rows: list[list[int]], i: int, cx: np.ndarray, cy: np.ndarray,
                   scale: float) -> list[int] | None:
    """The open row whose last dot this one follows: on its baseline, within reach, at the row's pitch."""
    best, best_drift = None, BASELINE_SLACK * scale
    for row in rows:
        last = row[-1]
        gap, drift = cx[i] - cx[last], abs(cy[i] - cy[last])
        if not 0 < gap <= PITCH_MAX * scale or drift > best_drift:
            continue
        if len(row) > 1 and abs(gap - (cx[last] - cx[row[-2]])) > EVEN_PITCH * gap + 1:
            continue
        best, best_drift = row, drift
    return best


def _paper_between(ink: np.ndarray, dots: Dots, row: list[int]) -> bool:
    """Nothing but paper between neighbouring dots, over their height: no letters among them."""
    for a, b in zip(row, row[1:], strict=False):
        top, bottom = min(dots.top[a], dots.top[b]), max(dots.bottom[a], dots.bottom[b])
        if _ink(ink, top, dots.right[a] + 1, bottom, dots.left[b] - 1):
            return False
    return True


def components(ink: np.ndarray) -> tuple[np.ndarray, ...]:
    """8-connected components of the ink: top, left, bottom, right (inclusive) and pixel count of each.

    Horizontal runs of ink are the nodes; runs on neighbouring rows that touch (diagonally too) are joined,
    and labels are settled by repeated min-propagation with pointer jumping (no scipy on this stack).
    """
    padded = np.zeros((ink.shape[0], ink.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = ink
    steps = np.diff(padded, axis=1)
    edges = np.flatnonzero(steps)  # one pass over the page: starts (+1) and ends (-1) of runs, in reading order
    rising = steps.ravel()[edges] == 1
    run_row, run_start = np.divmod(edges[rising], steps.shape[1])
    run_end = edges[~rising] % steps.shape[1]  # exclusive; both walk rows in order, so ends pair with starts
    label = _join_runs(run_row, run_start, run_end)
    _, label = np.unique(label, return_inverse=True)
    count = int(label.max()) + 1
    top = np.full(count, ink.shape[0], dtype=np.int64)
    left = np.full(count, ink.shape[1], dtype=np.int64)
    bottom = np.zeros(count, dtype=np.int64)
    right = np.zeros(count, dtype=np.int64)
    np.minimum.at(top, label, run_row)
    np.maximum.at(bottom, label, run_row)
    np.minimum.at(left, label, run_start)
    np.maximum.at(right, label, run_end - 1)
    size = np.bincount(label, weights=run_end - run_start, minlength=count).astype(np.int64)
    return top, left, bottom, right, size


def _join_runs(row: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """A component label for each run: the smallest index of the runs it is connected to."""
    # A run on the row above touches a run when it ends at or after the run's start and starts at or before
    # its end (ends exclusive: diagonal neighbours join). Within a row runs are sorted, so the touching runs
    # above are one range, found by searching keys that put the row first.
    width = int(end.max()) + 2
    row = row.astype(np.int64)
    above = (row - 1) * width
    lo = np.searchsorted(row * width + end, above + start, side="left")
    hi = np.searchsorted(row * width + start, above + end, side="right")
    reach = np.maximum(hi - lo, 0)
    lower = np.repeat(np.arange(len(row)), reach)
    upper = np.repeat(lo, reach) + (np.arange(int(reach.sum())) - np.repeat(np.cumsum(reach) - reach, reach))
    label = np.arange(len(row))
    while True:
        low = np.minimum(label[upper], label[lower])
        before = label.copy()
        np.minimum.at(label, upper, low)
        np.minimum.at(label, lower, low)
        label = label[label]
        if np.array_equal(label, before):
            return label


def _clear(scale: float) -> int:
    return max(1, round(CLEAR * scale))


def _ink(ink: np.ndarray, top: int, left: int, bottom: int, right: int) -> int:
    """Ink pixels in a box (inclusive bounds, clipped to the page)."""
    return int(ink[max(top, 0):max(bottom + 1, 0), max(left, 0):max(right + 1, 0)].sum())
