"""OCR: two readings reconciled, doubtful words re-read in one run, a turned page read with its boxes mapped back."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.layout import to_page_frame
from extractors.ocr import Deadline, _crop, _doubtful_number, _reconcile, _tesseract_words, ocr_image, reread_words
from extractors.pagetext import read_pages, render_page
from pipeline.models import Word


def ocr_word(text: str, confidence: float) -> Word:
    return Word(text=text, bbox=(10, 10, 30, 20), confidence=confidence, source="ocr")


@pytest.mark.parametrize(("first", "second", "text", "confidence"), [
    (("15", 0.77), ("1.5", 0.96), "1.5", 0.77),   # a dropped decimal point: dotted reading, still doubtful
    (("1.2", 0.59), ("12", 0.89), "1.2", 0.59),   # the second look drops the point: keep the dotted one
    (("2.0", 0.87), ("2.0", 0.96), "2.0", 0.96),  # agreement raises confidence
    (("TS", 0.02), ("1.5", 0.95), "1.5", 0.02),   # garbled: the better reading, but nobody trusts it
])
def test_two_readings_are_reconciled(first: tuple, second: tuple, text: str, confidence: float) -> None:
    word = _reconcile(ocr_word(*first), *second)
    assert (word.text, word.confidence) == (text, confidence)


def turned(box: tuple, angle: int, width: float, height: float) -> tuple:
    """Where a box lands when the page is turned counter-clockwise by `angle` (PIL's rotate)."""
    x0, top, x1, bottom = box
    return {90: (top, width - x1, bottom, width - x0),
            180: (width - x1, height - bottom, width - x0, height - top),
            270: (height - bottom, x0, height - top, x1)}[angle]


@pytest.mark.tesseract
@pytest.mark.parametrize("angle", [90, 180, 270])
def test_turned_page_is_read_upright_and_boxes_map_back_to_the_page_as_stored(golden: Path, angle: int) -> None:
    pdf = golden / "c001-exam.pdf"
    page = read_pages(pdf)[0]
    text_layer = {w.text: w.bbox for w in page.words}
    image = render_page(pdf, 0, 300).rotate(angle, expand=True)
    words, rotation = ocr_image(image, 300)
    assert rotation != 0
    found = [w for w in words if w.text in text_layer and len(w.text) > 5]
    assert len(found) >= 3
    stored = turned((0, 0, page.width, page.height), angle, page.width, page.height)
    for word in found:
        assert all(abs(a - b) < 6 for a, b in zip(word.bbox, text_layer[word.text], strict=True))  # read upright
        expected = turned(text_layer[word.text], angle, page.width, page.height)
        on_page = to_page_frame(word.bbox, rotation, stored[2], stored[3])
        assert all(abs(a - b) < 6 for a, b in zip(on_page, expected, strict=True)), (word.text, on_page, expected)


@pytest.mark.tesseract
def test_doubtful_words_read_in_one_run_read_as_each_alone(golden: Path) -> None:
    """A page's doubtful words go to tesseract as the pages of one TIFF: the readings must be those of one run
    per word (each TIFF page is read on its own, nothing learnt from one carries to the next)."""
    import pytesseract

    gray = render_page(golden / "c001-employment-1.scan.pdf", 0, 300).convert("L")
    doubtful = [w for w in _tesseract_words(gray, 300, Deadline().page(1)) if _doubtful_number(w)]
    assert len(doubtful) >= 2
    alone = []
    for word in doubtful:
        data = pytesseract.image_to_data(_crop(gray, word, 300), config="--psm 7 --dpi 300",
                                         output_type=pytesseract.Output.DICT)
        read = [(t.strip(), float(c) / 100) for t, c in zip(data["text"], data["conf"], strict=True) if t.strip()]
        alone.append(read[0] if len(read) == 1 else None)
    assert reread_words(gray, doubtful, 300) == alone
