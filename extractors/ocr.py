"""OCR one rendered page with tesseract, orientation fixed first, words converted to PDF points."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytesseract
from PIL import Image

from pipeline.models import Word

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # STACK.md: 6x slower with OpenMP threads on 2 cores

MIN_WORDS_BEFORE_OSD = 8
LOW_MEAN_CONFIDENCE = 0.6


def ocr_image(image: Image.Image, dpi: int, timeout: float = 120) -> tuple[list[Word], int]:
    """Words of a page image in PDF points (top-left origin), and the rotation that was undone (degrees)."""
    gray = image.convert("L")
    words = _tesseract_words(gray, dpi, timeout)
    if len(words) >= MIN_WORDS_BEFORE_OSD and _mean_confidence(words) >= LOW_MEAN_CONFIDENCE:
        return words, 0
    rotation = detect_rotation(gray, timeout)
    if rotation == 0:
        return words, 0
    upright = gray.rotate(-rotation, expand=True)
    turned = _tesseract_words(upright, dpi, timeout)
    if _mean_confidence(turned) * len(turned) <= _mean_confidence(words) * len(words):
        return words, 0
    size = (gray.width * 72 / dpi, gray.height * 72 / dpi)
    return [_unrotate(w, rotation, size) for w in turned], rotation


def detect_rotation(gray: Image.Image, timeout: float = 60) -> int:
    """Clockwise rotation of the page content that tesseract's OSD sees (0, 90, 180, 270); 0 when unsure."""
    try:
        osd = pytesseract.image_to_osd(gray, output_type=pytesseract.Output.DICT, timeout=timeout)
    except pytesseract.TesseractError:
        return 0
    if float(osd.get("orientation_conf", 0)) < 2.0:
        return 0
    return int(osd.get("rotate", 0)) % 360


def _tesseract_words(gray: Image.Image, dpi: int, timeout: float) -> list[Word]:
    """Run tesseract on a file path (PGM, no re-encoding by pytesseract) and convert its boxes to points."""
    with tempfile.TemporaryDirectory(prefix="endorse-ocr-") as tmp:
        path = Path(tmp) / "page.pgm"
        gray.save(path)
        data = pytesseract.image_to_data(
            str(path), config=f"--dpi {dpi}", output_type=pytesseract.Output.DICT, timeout=timeout
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


def _mean_confidence(words: list[Word]) -> float:
    return sum(w.confidence for w in words) / len(words) if words else 0.0


def _unrotate(word: Word, rotation: int, size: tuple[float, float]) -> Word:
    """Map a box found on the turned-upright image back onto the page as it is stored."""
    width, height = size
    x0, top, x1, bottom = word.bbox
    if rotation == 180:
        box = (width - x1, height - bottom, width - x0, height - top)
    elif rotation == 90:  # upright = page turned 90 counter-clockwise
        box = (width - bottom, x0, width - top, x1)
    elif rotation == 270:
        box = (top, height - x1, bottom, height - x0)
    else:
        box = word.bbox
    return word.model_copy(update={"bbox": box})
