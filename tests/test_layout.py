"""Words into lines and cells, and ranges back to page and box."""

from __future__ import annotations

from extractors.layout import build_text, group_lines, page_tilt
from pipeline.models import Page, Word


def word(text: str, x0: float, top: float, width: float = 30, height: float = 10, confidence: float = 0.9) -> Word:
    return Word(text=text, bbox=(x0, top, x0 + width, top + height), confidence=confidence, source="ocr")


def test_tilted_line_stays_one_line() -> None:
    # a long line on a scan tilted so its right end sits 14 points lower than its left end
    words = [word(f"w{i}", 40 + 35 * i, 100 + i * 1.4) for i in range(11)]
    words += [word(f"n{i}", 40 + 35 * i, 125 + i * 1.4) for i in range(11)]
    lines = group_lines(words)
    assert [[w.text for w in line] for line in lines] == [[f"w{i}" for i in range(11)], [f"n{i}" for i in range(11)]]


def test_wide_gaps_split_cells_and_provenance_maps_back() -> None:
    page = Page(number=2, width=612, height=792, source="ocr", words=[
        word("05/13/2024", 50, 100, 60), word("Individual", 200, 100, 50), word("1.5", 320, 100, 15),
    ])
    doc = build_text("abc", [page])
    line = doc.lines[0]
    assert [doc.slice(*cell) for cell in line.cells] == ["05/13/2024", "Individual", "1.5"]
    start = doc.text.index("1.5")
    provenance = doc.provenance(start, start + 3, "rule.v1")
    assert provenance.page == 2
    assert provenance.bbox == (320, 100, 335, 110)
    assert provenance.source == "ocr"


def test_confidence_is_the_weakest_word() -> None:
    page = Page(number=1, width=612, height=792, source="ocr", words=[
        Word(text="15", bbox=(10, 10, 20, 20), confidence=0.38, source="ocr"),
        Word(text="hours", bbox=(25, 10, 60, 20), confidence=0.95, source="ocr"),
    ])
    doc = build_text("abc", [page])
    assert doc.confidence(0, len("15 hours")) == 0.38



def test_a_dash_on_a_tilted_scan_stays_in_its_line() -> None:
    """A dash is a sliver one point tall; taken at its own height it started a line and split the line in two."""
    upper = [word(t, 67 + 45 * i, 166 - 0.9 * i, width=40, height=9) for i, t in enumerate(
        ["Thank", "you", "for", "sitting", "the", "written", "examination.", "The", "window"])]
    dash = Word(text="-", bbox=(84, 187, 86, 188), confidence=0.93, source="ocr")
    lower = [word("20", 68, 183, width=11, height=8), dash] + [
        word(t, 90 + 34 * i, 182 - 0.55 * i, width=30, height=9) for i, t in enumerate(
            ["March", "5,", "2026;", "you", "sat", "the", "examination", "on", "February"])]
    doc = build_text("doc", [Page(number=1, width=612, height=792, source="ocr", words=upper + lower)])
    assert [doc.slice(line.start, line.end) for line in doc.lines][1] == \
        "20 - March 5, 2026; you sat the examination on February"


def test_a_ruling_read_as_letters_does_not_level_the_page_s_tilt() -> None:
    """Rules and shading OCR reads as low-confidence marks lie level with the pixel rows, whatever the page's tilt."""
    text = [word(f"w{i}", 40 + 40 * i, top + 0.8 * i) for top in (100, 140) for i in range(10)]
    rules = [word("___", 40 + 40 * i, top, confidence=0.2) for top in (200, 240, 280) for i in range(10)]
    doc = build_text("doc", [Page(number=1, width=612, height=792, source="ocr", words=text + rules)])
    assert abs(page_tilt(doc, 1) - 0.02) < 1e-6
