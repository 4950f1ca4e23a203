"""Which pages are OCR'd: never a page with a full text layer; a scan with a few typed fields, merged once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from extractors import pagetext
from extractors.pagetext import merge_words, read_pages, rejoin_split_words
from pipeline.models import Page, Word

SCANNED_LINES = ["Certificate of Completion", "Working with Fathers of Infants", "Clock hours: 6.0"]
TYPED = [(90, 640, "Participant:"), (170, 640, "Rowan"), (215, 640, "Kestrel")]


def scanned_form(path: Path, typed: list[tuple[float, float, str]], *, extra_typed_lines: int = 0) -> Path:
    """A letter page that is one 150-dpi image of printed lines, with words typed on it in the text layer."""
    image = Image.new("L", (1275, 1650), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=40)
    for n, text in enumerate(SCANNED_LINES):
        draw.text((150, 200 + 90 * n), text, fill=0, font=font)
    sheet = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    sheet.drawImage(ImageReader(image), 0, 0, width=letter[0], height=letter[1])
    sheet.setFont("Helvetica", 11)
    for x, y, text in typed:
        sheet.drawString(x, y, text)
    for n in range(extra_typed_lines):
        sheet.drawString(72, 500 - 14 * n, "typed line of a searchable scan with several words on it")
    sheet.save()
    return path


def no_render(*_: object, **__: object) -> None:
    raise AssertionError("a page with a usable text layer was rendered")


@pytest.mark.tesseract
def test_a_scan_with_a_few_typed_words_is_read_and_merged_each_word_once(tmp_path: Path) -> None:
    [page] = read_pages(scanned_form(tmp_path / "form.pdf", TYPED), ocr_workers=1)
    texts = [w.text for w in page.words]
    assert page.source == "ocr"
    assert {"Certificate", "Completion", "6.0"} <= {w.text for w in page.words if w.source == "ocr"}
    typed = [w for w in page.words if w.source == "text_layer"]
    assert [w.text for w in typed] == ["Participant:", "Rowan", "Kestrel"]
    assert texts.count("Rowan") == 1 and texts.count("Kestrel") == 1  # OCR read them too; kept once
    assert texts.index("Certificate") < texts.index("Rowan")  # reading order: top of the page first


def test_a_page_with_a_full_text_layer_is_never_rendered(golden: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pagetext, "render_page", no_render)
    pages = read_pages(golden / "c001-training-1.pdf", ocr_workers=1)
    assert pages and all(page.source == "text_layer" for page in pages)


def test_a_searchable_scan_whose_layer_holds_the_page_is_not_read_again(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pagetext, "render_page", no_render)
    [page] = read_pages(scanned_form(tmp_path / "searchable.pdf", TYPED, extra_typed_lines=6), ocr_workers=1)
    assert page.source == "text_layer" and len(page.words) >= pagetext.PARTIAL_LAYER_WORDS


def word(text: str, box: tuple[float, float, float, float], source: str) -> Word:
    return Word(text=text, bbox=box, confidence=1.0 if source == "text_layer" else 0.8, source=source)


@pytest.mark.parametrize(("ocr_box", "kept"), [
    ((101, 11, 139, 19), False),   # inside the typed word: the same word
    ((95, 10, 125, 20), False),    # most of it inside
    ((110, 10, 150, 20), False),   # a quarter outside
    ((125, 10, 165, 20), True),    # most of it outside: another word
    ((100, 40, 140, 50), True),    # the next line
])
def test_an_ocr_word_in_a_typed_words_place_is_that_word(ocr_box: tuple, kept: bool) -> None:
    typed = word("Kestrel", (100, 8, 140, 21), "text_layer")
    merged = merge_words([typed], [word("Kestrel", ocr_box, "ocr")])
    assert merged[0] == typed
    assert (len(merged) == 2) is kept


def line(*texts: str, gap: float = 2.0) -> list[Word]:
    """OCR words on one line, 6 points a letter, `gap` points apart."""
    words, left = [], 72.0
    for text in texts:
        words.append(word(text, (left, 100, left + 6 * len(text), 112), "ocr"))
        left += 6 * len(text) + gap
    return words


def page_of(words: list[Word], source: str = "ocr") -> Page:
    return Page(number=1, width=612, height=792, words=words, source=source)


@pytest.mark.parametrize(("texts", "elsewhere", "read"), [
    (("the", "communi", "ty", "clinic"), [], ["the", "community", "clinic"]),
    (("clinical", "supervi", "sion."), [], ["clinical", "supervision."]),
    (("Coun", "seling", "Center"), [], ["Counseling", "Center"]),
    (("(hospi", "tal)"), [], ["(hospital)"]),
    (("Lak", "eshore", "Clinic"), ["Lakeshore"], ["Lakeshore", "Clinic"]),  # the document writes it whole
    (("Lak", "eshore", "Clinic"), [], ["Lak", "eshore", "Clinic"]),  # a name nothing knows stays as read
    (("a", "part", "of"), [], ["a", "part", "of"]),  # two words, even if "apart" is one
    (("to", "day"), [], ["to", "day"]),
    (("Mental", "Health"), [], ["Mental", "Health"]),  # a capital starts a word of its own
    (("communi,", "ty"), [], ["communi,", "ty"]),  # a comma ends a word
])
def test_a_word_ocr_cut_by_a_spurious_space_is_joined_only_when_whole_it_is_a_word(
        texts: tuple[str, ...], elsewhere: list[str], read: list[str]) -> None:
    other = [word(text, (72, 300, 120, 312), "ocr") for text in elsewhere]
    pages = rejoin_split_words([page_of(line(*texts)), page_of(other)])
    assert [w.text for w in pages[0].words] == read


def test_words_far_apart_or_on_a_text_layer_are_never_joined() -> None:
    assert [w.text for w in rejoin_split_words([page_of(line("communi", "ty", gap=40))])[0].words] == [
        "communi", "ty"]
    assert [w.text for w in rejoin_split_words([page_of(line("communi", "ty"), "text_layer")])[0].words] == [
        "communi", "ty"]


def test_a_joined_word_spans_both_parts_at_the_lower_confidence() -> None:
    left, right = line("communi", "ty")
    joined = rejoin_split_words([page_of([left, right.model_copy(update={"confidence": 0.6})])])[0].words
    assert joined == [word("community", (72, 100, left.bbox[2] + 2 + 12, 112), "ocr").model_copy(
        update={"confidence": 0.6})]
