"""OCR one rendered page with tesseract, orientation fixed first, words converted to PDF points."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytesseract
from PIL import Image

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


def ocr_image(image: Image.Image, dpi: int, timeout: float = 120) -> tuple[list[Word], int]:
    """Words of a page image in PDF points (top-left origin), and the rotation that was undone (degrees).

    When the page was turned, the boxes are those of the upright reading (so lines and columns read
    left to right); `extractors.layout.to_page_frame` maps a box back onto the page as stored.

    Orientation detection (tesseract OSD, another second a page) runs only when the first reading is
    poor, comes out as vertical words (a page turned by 90 degrees) or runs right to left (180).
    """
    gray = image.convert("L")
    words = _read(gray, dpi, timeout)
    if (len(words) >= MIN_WORDS_BEFORE_OSD and _mean_confidence(words) >= LOW_MEAN_CONFIDENCE
            and not _mostly_vertical(words) and not _mostly_backwards(words)):
        return words, 0
    rotation = detect_rotation(gray, timeout)
    if rotation == 0:
        return words, 0
    upright = gray.rotate(-rotation, expand=True)
    turned = _read(upright, dpi, timeout)
    if _mean_confidence(turned) * len(turned) < 0.8 * _mean_confidence(words) * len(words):
        return words, 0  # OSD was wrong: turning made the reading clearly worse
    return turned, rotation


def detect_rotation(gray: Image.Image, timeout: float = 60) -> int:
    """Clockwise rotation of the page content that tesseract's OSD sees (0, 90, 180, 270); 0 when unsure."""
    try:
        osd = pytesseract.image_to_osd(gray, output_type=pytesseract.Output.DICT, timeout=timeout)
    except pytesseract.TesseractError:
        return 0
    if float(osd.get("orientation_conf", 0)) < 2.0:
        return 0
    return int(osd.get("rotate", 0)) % 360


def _read(gray: Image.Image, dpi: int, timeout: float) -> list[Word]:
    """A page's words, with doubtful numbers read a second time on their own."""
    return [reread_number(gray, w, dpi, timeout) if _doubtful_number(w) else w
            for w in _tesseract_words(gray, dpi, timeout)]


def _doubtful_number(word: Word) -> bool:
    """A short word read with low confidence that has a digit, or is so unsure it may be a mangled number."""
    if len(word.text) > 6 or word.confidence >= RESCUE_BELOW:
        return False
    return any(ch.isdigit() for ch in word.text) or word.confidence < GARBLED_BELOW


def reread_number(gray: Image.Image, word: Word, dpi: int, timeout: float = 30) -> Word:
    """Read one doubtful word again on its own, as a single text line, and reconcile the two readings.

    On a noisy scan tesseract, reading a whole page, garbles short numbers ("1.5" read as "15", "1p)",
    "D5") with a low confidence; the word cropped alone at the same resolution mostly reads right
    (on the fixture scans: 95-96 against 11-77), but not always, so a disagreement stays doubtful.
    Enlarging the crop made it worse.
    """
    scale = dpi / 72.0
    x0, top, x1, bottom = (round(v * scale) for v in word.bbox)
    pad = max(4, (bottom - top) // 3)
    crop = gray.crop((max(x0 - pad, 0), max(top - pad, 0), x1 + pad, bottom + pad))
    config = f"--psm 7 --dpi {dpi}"
    try:
        data = pytesseract.image_to_data(crop, config=config, output_type=pytesseract.Output.DICT,
                                         timeout=timeout)
    except (pytesseract.TesseractError, RuntimeError):
        return word
    read = [(t.strip(), float(c) / 100.0) for t, c in zip(data["text"], data["conf"], strict=True) if t.strip()]
    if len(read) != 1:
        return word
    return _reconcile(word, *read[0])


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


def _tesseract_words(gray: Image.Image, dpi: int, timeout: float) -> list[Word]:
    """Run tesseract on a file path (PGM, no re-encoding by pytesseract) and convert its boxes to points."""
    with tempfile.TemporaryDirectory(prefix="endorse-ocr-") as tmp:
        path = Path(tmp) / "page.pgm"
        gray.save(path)
        data = pytesseract.image_to_data(
            str(path), config=f"--psm {PAGE_PSM} --dpi {dpi}", output_type=pytesseract.Output.DICT, timeout=timeout
        )
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
