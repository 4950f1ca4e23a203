"""OCR: two readings reconciled, doubtful words re-read in one run, a turned page read with its boxes mapped back."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors.fields import LOW_OCR_CONFIDENCE
from extractors.layout import to_page_frame
from extractors.leaders import MIN_DOTS, Leader, components, erase_leaders, restore_leaders
from extractors.ocr import (
    Deadline,
    _crop,
    _doubtful_number,
    _reconcile,
    _tesseract_words,
    ocr_image,
    reread_words,
    table_marks,
    tick_boxes,
)
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
def test_a_page_turned_upside_down_gets_its_leaders_back_as_words(golden: Path) -> None:
    """'HIRE DATE ........ 02/16/2011' on a page scanned upside down reads as it does upright."""
    pdf = golden / "t015-employment-1.pdf"
    in_text_layer = [w.text for w in read_pages(pdf)[0].words if set(w.text) == {"."} and len(w.text) >= MIN_DOTS]
    assert len(in_text_layer) >= 4
    words, rotation = ocr_image(render_page(pdf, 0, 300).rotate(180, expand=True), 300)
    assert rotation == 180
    assert len([w for w in words if set(w.text) == {"."} and len(w.text) >= MIN_DOTS]) >= len(in_text_layer)


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


def typed_page(lines: list[str], dpi: int = 300, points: float = 11.0, tilt: float = 0.0) -> Image.Image:
    """A white page with lines of typed text (Pillow's own scalable font), optionally tilted a little."""
    size = round(points * dpi / 72)
    font = ImageFont.load_default(size=size)
    page = Image.new("L", (round(8.5 * dpi), round(1.2 * size * (len(lines) + 2))), 255)
    draw = ImageDraw.Draw(page)
    for n, line in enumerate(lines, start=1):
        draw.text((dpi // 2, round(1.2 * size * n)), line, fill=0, font=font)
    return page.rotate(tilt, resample=Image.Resampling.BICUBIC, fillcolor=255) if tilt else page


def ink_in_columns(image: Image.Image, left: int, right: int) -> int:
    return int((np.asarray(image)[:, left:right] < 160).sum())


@pytest.mark.parametrize(("label", "leader", "value"), [
    ("HIRE DATE ", "................", " 02/16/2011"),      # a fixed-width report's leader
    ("Hours of credit", " . . . . . . . . . . . .", " 6.0"),  # spaced dots
])
@pytest.mark.parametrize(("dpi", "points", "tilt"), [(300, 11, 0.0), (300, 10, 1.0), (200, 12, -1.5)])
def test_a_dotted_leader_is_erased_and_the_words_beside_it_stay(label: str, leader: str, value: str, dpi: int,
                                                                points: float, tilt: float) -> None:
    page = typed_page([label + leader + value], dpi, points, tilt)
    font = ImageFont.load_default(size=round(points * dpi / 72))
    start, pad = dpi // 2, round(0.03 * dpi)
    label_end = start + round(font.getlength(label))
    leader_end = start + round(font.getlength(label + leader))
    value_end = start + round(font.getlength(label + leader + value))
    cleaned, _ = erase_leaders(page, dpi)
    assert ink_in_columns(page, label_end + pad, leader_end - pad) > 0
    assert ink_in_columns(cleaned, label_end + pad, leader_end - pad) == 0
    for left, right in [(0, label_end - pad), (leader_end + pad, value_end + pad)]:
        assert ink_in_columns(cleaned, left, right) == ink_in_columns(page, left, right)  # the words stay


@pytest.mark.parametrize("line", [
    "Credit: 3.5 hrs. 1.25 CEU, 10.5 h",           # decimal points, colon, abbreviation's period
    "Dr. J. R. Smith, M.S.W., Ph.D., U.S.A.",       # initials and dotted degrees: letters between the dots
    "Mississippi iii viii Illinois ii: a.m. p.m.",  # i's dots at an even pitch, with ink under them
    "to be continued... and so on . . .",           # an ellipsis is punctuation, not a leader
    "Signature ______________________  Date: __________",
    "08.01.2024   12.10.2023   1.0   2.0   3.0   4.0",
])
def test_text_with_dots_is_left_untouched(line: str) -> None:
    page = typed_page([line, line.upper()])
    cleaned, leaders = erase_leaders(page, 300)
    assert leaders == [] and np.array_equal(np.asarray(cleaned), np.asarray(page))


@pytest.mark.parametrize(("lines", "found"), [
    ([], []),                                                 # speckle alone: no leaders in it
    (["HIRE DATE ................ 02/16/2011"], [16]),         # the leader above the speckle is still found
])
@pytest.mark.parametrize("speckle", [0.002, 0.005])
def test_a_speckled_scan_has_no_leaders_in_its_noise(lines: list[str], found: list[int], speckle: float) -> None:
    """Single dark pixels strewn over a page (a noisy scan) are no leader dots: there are thousands of them."""
    page = np.full((3300, 2550), 255, dtype=np.uint8)
    typed = np.asarray(typed_page(lines or [""]))
    page[:typed.shape[0]] = typed
    noise = np.random.default_rng(3).random(page.shape) < speckle
    noise[:typed.shape[0] + 10] = False
    page[noise] = 0
    _, leaders = erase_leaders(Image.fromarray(page, mode="L"), 300)
    assert [leader.dots for leader in leaders] == found


def test_components_are_eight_connected_with_their_boxes_and_sizes() -> None:
    ink = np.zeros((6, 8), dtype=bool)
    ink[0, 0] = ink[1, 1] = ink[2, 1] = True  # a diagonal stroke: one component
    ink[4, 4:7] = True
    ink[0, 6] = True
    top, left, bottom, right, size = components(ink)
    found = sorted(zip(top.tolist(), left.tolist(), bottom.tolist(), right.tolist(), size.tolist(), strict=True))
    assert found == [(0, 0, 2, 1, 3), (0, 6, 0, 6, 1), (4, 4, 4, 6, 3)]


def typed_word(text: str, x0: float, x1: float, top: float = 100.0) -> Word:
    return Word(text=text, bbox=(x0, top, x1, top + 8), confidence=0.9, source="ocr")


def test_a_leader_between_a_label_and_its_value_comes_back_as_a_word_of_dots() -> None:
    """'HIRE DATE ....... 02/16/2011' reads as the text layer has it; the leader's ends sit on the baseline."""
    words = [typed_word("HIRE", 50, 72), typed_word("DATE", 76, 98), typed_word("02/16/2011", 170, 220)]
    restored = restore_leaders(words, [Leader(dots=10, x0=103, x1=165, y0=107.2, y1=107.4)])
    [dots] = [w for w in restored if w not in words]
    assert dots.text == ".........." and dots.bbox == (103, 100, 165, 108)


@pytest.mark.parametrize("leader", [
    Leader(dots=40, x0=50, x1=220, y0=111.0, y1=111.5),  # a dotted rule under the line, the label above its start
    Leader(dots=10, x0=103, x1=165, y0=130.0, y1=130.0),  # dots on a line of their own
    Leader(dots=10, x0=103, x1=300, y0=107.0, y1=107.0),  # nothing after the dots: a blank to fill in
])
def test_a_dotted_rule_or_a_blank_stays_erased(leader: Leader) -> None:
    words = [typed_word("HIRE", 50, 72), typed_word("DATE", 76, 98), typed_word("02/16/2011", 170, 220)]
    assert restore_leaders(words, [leader]) == words


def ruled_row(marks: dict[int, str], heavy: dict[int, int] | None = None) -> tuple[Image.Image, list[Word]]:
    """A 300-dpi ruled table row of five cells, a word in each but those given a mark ("bar", "blob", "").

    `heavy`: the width in pixels of some of the six vertical rules (by number), 4 pixels (about 1 pt) otherwise.
    """
    image = Image.new("L", (1500, 200), 255)
    draw = ImageDraw.Draw(image)
    edges = [100, 400, 700, 900, 1100, 1400]
    draw.rectangle((edges[0], 40, edges[-1], 43), fill=0)
    draw.rectangle((edges[0], 140, edges[-1], 143), fill=0)
    for number, x in enumerate(edges):
        draw.rectangle((x, 40, x + (heavy or {}).get(number, 4) - 1, 143), fill=0)
    words = []
    for cell, left in enumerate(edges[:-1]):
        mark = marks.get(cell)
        if mark == "bar":
            draw.rectangle((left + 60, 76, left + 65, 106), fill=0)
        elif mark == "blob":
            draw.ellipse((left + 60, 76, left + 90, 106), outline=0, width=5)
        elif mark is None:
            draw.rectangle((left + 30, 76, left + 130, 106), fill=0)
            box = ((left + 30) * 72 / 300, 76 * 72 / 300, (left + 130) * 72 / 300, 106 * 72 / 300)
            words.append(Word(text=f"w{cell}", bbox=box, confidence=0.96, source="ocr"))
    return image, words


@pytest.mark.parametrize(("marks", "letters", "to_read"), [
    ({3: "bar"}, ["I"], 0),            # a lone bar in a cell, dropped by tesseract: the letter I
    ({2: "blob"}, [], 1),              # something else alone in a cell: read again on its own
    ({3: ""}, [], 0),                  # an empty cell: paper, nothing to read
    ({1: "bar", 3: "blob"}, ["I"], 1),
])
def test_a_mark_lost_in_a_ruled_table_cell_is_found(marks: dict[int, str], letters: list[str], to_read: int) -> None:
    image, words = ruled_row(marks)
    kept, cells, clean = table_marks(image, words, 300)
    added = [w for w in kept if w not in words]
    assert [w.text for w in added] == letters
    assert all(w.confidence < LOW_OCR_CONFIDENCE for w in added)  # a shape, not a reading: a person looks
    assert len(cells) == to_read
    assert clean is not image if to_read else True


@pytest.mark.parametrize(("heavy", "blank"), [
    ({2: 10}, {1: "", 2: ""}),         # a rule of 2.4 pt between two empty cells: no cell edge, and no I
    ({3: 11}, {2: "", 3: ""}),         # a 2.6 pt rule further along
    ({2: 10}, {1: "", 2: "bar"}),      # beside it a real bar: that one is the I
])
def test_a_heavy_rule_standing_in_a_cell_is_no_mark(heavy: dict[int, int], blank: dict[int, str]) -> None:
    image, words = ruled_row(blank, heavy)
    kept, _cells, _ = table_marks(image, words, 300)
    assert [w.text for w in kept if w not in words] == (["I"] if "bar" in blank.values() else [])


def test_a_row_without_ruling_gets_no_marks() -> None:
    image = Image.new("L", (1500, 200), 255)
    draw = ImageDraw.Draw(image)
    words = []
    for left in (100, 500, 900):
        draw.rectangle((left, 76, left + 100, 106), fill=0)
        words.append(Word(text="word", bbox=(left * 0.24, 76 * 0.24, (left + 100) * 0.24, 106 * 0.24),
                          confidence=0.96, source="ocr"))
    draw.rectangle((1300, 76, 1305, 106), fill=0)  # a bar beside the words, in no cell
    kept, cells, _ = table_marks(image, words, 300)
    assert (kept, cells) == (words, [])


def test_white_text_on_a_dark_band_is_no_ruled_row() -> None:
    """A banner's dark paper between white letters is inked over the band, but no thin rule: no cells, no marks."""
    image = Image.new("L", (1500, 200), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((50, 30, 1450, 160), fill=40)
    words = []
    for left in range(100, 1300, 100):
        draw.rectangle((left, 84, left + 16, 100), fill=255)  # a white "o" no word was read over
        draw.rectangle((left + 6, 88, left + 9, 96), fill=40)
        draw.rectangle((left + 30, 76, left + 70, 106), fill=255)
        words.append(Word(text="Ohio", bbox=((left + 30) * 0.24, 76 * 0.24, (left + 70) * 0.24, 106 * 0.24),
                          confidence=0.96, source="ocr"))
    kept, cells, _ = table_marks(image, words, 300)
    assert (kept, cells) == (words, [])


GLYPH_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def box_page(marks: list[str], *, tilt: float = 0.0) -> Image.Image:
    """A 300-dpi strip of 10-point tick boxes 100 pixels apart, each empty, crossed, ticked, filled or faint."""
    image = Image.new("L", (120 * len(marks) + 100, 200), 255)
    draw = ImageDraw.Draw(image)
    for n, mark in enumerate(marks):
        x, y, side = 60 + 120 * n, 60, 42
        draw.rectangle((x, y, x + side, y + side), outline=0, width=3)
        if mark == "cross":
            draw.line((x + 8, y + 8, x + side - 8, y + side - 8), fill=0, width=5)
            draw.line((x + 8, y + side - 8, x + side - 8, y + 8), fill=0, width=5)
        elif mark == "tick":
            draw.line((x + 9, y + 22, x + 18, y + 32, x + 34, y + 9), fill=0, width=5)
        elif mark == "filled":
            draw.rectangle((x, y, x + side, y + side), fill=0)
        elif mark.startswith("glyph "):  # a letter or digit written in the box, as on 'Enter Y or N' forms
            draw.text((x + 9, y + 2), mark[6:], fill=0, font=ImageFont.truetype(GLYPH_FONT, 34))
        elif mark == "bold X":  # a typed X, the way a filled-in form crosses a box
            draw.text((x + 8, y + 3), "X", fill=0, font=ImageFont.truetype(GLYPH_FONT, 34))
        elif mark == "check":
            draw.text((x + 8, y + 3), "✓", fill=0, font=ImageFont.truetype(GLYPH_FONT, 34))
        elif mark == "steep tick":
            draw.line((x + 12, y + 24, x + 17, y + 34, x + 28, y + 6), fill=0, width=4)
        elif mark == "speck":
            draw.rectangle((x + 18, y + 18, x + 21, y + 21), fill=0)
    return image.rotate(tilt, fillcolor=255) if tilt else image


@pytest.mark.parametrize("tilt", [0.0, 1.5])
@pytest.mark.parametrize(("marks", "read"), [
    (["empty", "cross", "empty"], ["☐", "☒", "☐"]),
    (["tick", "empty"], ["☒", "☐"]),
    (["bold X", "check"], ["☒", "☒"]),
])
def test_a_tick_box_is_read_from_the_ink_inside_it(marks: list[str], read: list[str], tilt: float) -> None:
    boxes = tick_boxes(box_page(marks, tilt=tilt), [], 300)
    assert [w.text for w in sorted(boxes, key=lambda w: w.bbox[0])] == read
    assert all(w.confidence >= LOW_OCR_CONFIDENCE for w in boxes)


@pytest.mark.parametrize(("tilt", "sure"), [(0.0, True), (1.5, False)])
def test_a_tick_steeper_than_a_slant_is_no_clear_tick(tilt: float, sure: bool) -> None:
    """A long stroke 70 degrees up or steeper is as near upright as a slanted letter's stem: flagged, not trusted."""
    (box,) = tick_boxes(box_page(["steep tick"], tilt=tilt), [], 300)
    assert (box.text, box.confidence >= LOW_OCR_CONFIDENCE) == ("☒", sure)


def test_a_box_neither_clearly_ticked_nor_clearly_empty_is_low_confidence() -> None:
    (box,) = tick_boxes(box_page(["speck"]), [], 300)
    assert box.confidence < LOW_OCR_CONFIDENCE


@pytest.mark.parametrize("tilt", [0.0, 1.5])
@pytest.mark.parametrize("mark", ["glyph N", "glyph Y", "glyph P", "glyph F", "glyph T", "glyph E", "glyph 0",
                                  "glyph 1", "glyph 2", "glyph 3", "glyph 4", "glyph 5", "glyph 7", "glyph 8",
                                  "glyph 9", "filled"])
def test_a_letter_or_digit_in_a_box_or_a_solid_square_is_no_clear_tick(mark: str, tilt: float) -> None:
    """A box holding Y/N, a score or P/F is no tick, nor is a square bullet: what rests on it is flagged."""
    (box,) = tick_boxes(box_page([mark], tilt=tilt), [], 300)
    assert box.confidence < LOW_OCR_CONFIDENCE


def glyph_box(glyph: str, font: str, points: int, *, tilt: float = 0.0, at: tuple[int, int] | None = None
              ) -> Image.Image:
    """A 300-dpi 10-point box with one character typed in it, centred or at an offset from its corner."""
    image = Image.new("L", (300, 200), 255)
    draw = ImageDraw.Draw(image)
    x, y, side = 60, 60, 42
    draw.rectangle((x, y, x + side, y + side), outline=0, width=3)
    face = ImageFont.truetype(f"/usr/share/fonts/truetype/dejavu/{font}.ttf", points)
    if at is None:
        draw.text((x + side // 2, y + side // 2), glyph, fill=0, font=face, anchor="mm")
    else:
        draw.text((x + at[0], y + at[1]), glyph, fill=0, font=face)
    return image.rotate(tilt, fillcolor=255) if tilt else image


@pytest.mark.parametrize(("glyph", "font", "points", "tilt", "at"), [
    ("N", "DejaVuSans-Oblique", 20, 0.0, None),
    ("N", "DejaVuSans-Oblique", 24, 0.0, None),
    ("N", "DejaVuSans-Oblique", 20, 1.5, (12, 6)),
    ("N", "DejaVuSans", 20, 1.5, None),
    ("N", "DejaVuSerif-Italic", 24, 0.0, None),
    ("Y", "DejaVuSans", 20, 0.0, None),
    ("Y", "DejaVuSans", 24, 0.0, (12, 6)),
    ("Y", "DejaVuSansCondensed", 20, 1.5, None),
    ("7", "DejaVuSans", 34, 0.0, None),
    ("7", "DejaVuSans", 20, 0.0, (12, 6)),
    ("7", "DejaVuSansMono", 28, 0.0, None),
    ("3", "DejaVuSans", 34, 0.0, None),
    ("8", "DejaVuSans", 20, 1.5, (12, 6)),
    ("2", "DejaVuSans", 24, 0.0, None),
    ("5", "DejaVuSans-Oblique", 28, 0.0, None),
    ("6", "DejaVuSansCondensed", 24, 1.5, None),
    ("9", "DejaVuSans", 20, 0.0, None),
    ("K", "DejaVuSerif", 24, 1.5, None),
    ("Z", "DejaVuSerif", 24, 0.0, (12, 6)),
    ("1", "DejaVuSansMono", 20, 1.5, None),
    ("N", "DejaVuSansCondensed-Oblique", 20, 0.0, None),
    ("Y", "DejaVuSerif", 20, 1.5, None),
])
def test_a_character_in_a_box_in_any_font_size_slant_or_place_is_no_clear_tick(
        glyph: str, font: str, points: int, tilt: float, at: tuple[int, int] | None) -> None:
    """Only slanting strokes make a tick or a cross: a typed N before 'Currently employed' is flagged, not ticked."""
    (box,) = tick_boxes(glyph_box(glyph, font, points, tilt=tilt, at=at), [], 300)
    assert box.confidence < LOW_OCR_CONFIDENCE


@pytest.mark.parametrize(("glyph", "font", "points", "tilt", "at"), [
    ("X", "DejaVuSans", 20, 0.0, None),
    ("X", "DejaVuSans", 34, 1.5, None),
    ("X", "DejaVuSans-Oblique", 28, 0.0, (9, 2)),
    ("X", "DejaVuSansCondensed", 24, 1.5, (12, 6)),
    ("x", "DejaVuSans", 34, 0.0, None),
    ("✓", "DejaVuSans", 34, 0.0, None),
    ("✓", "DejaVuSans", 28, 1.5, None),
    ("✔", "DejaVuSans", 34, 0.0, None),
    ("✗", "DejaVuSans", 34, 1.5, None),
])
def test_a_typed_cross_or_check_mark_in_a_box_is_a_tick(glyph: str, font: str, points: int, tilt: float,
                                                           at: tuple[int, int] | None) -> None:
    (box,) = tick_boxes(glyph_box(glyph, font, points, tilt=tilt, at=at), [], 300)
    assert (box.text, box.confidence >= LOW_OCR_CONFIDENCE) == ("☒", True)


@pytest.mark.parametrize("tilt", [0.0, 1.5, -1.5])
@pytest.mark.parametrize(("stroke", "width"), [
    ([(-12, 1), (-3, 11), (13, -12)], 2), ([(-12, 1), (-3, 11), (13, -12)], 5),
    ([(-9, 2), (-4, 10), (10, -11)], 3), ([(-13, -13), (13, 13)], 3),
])
def test_a_hand_drawn_tick_or_cross_of_any_weight_is_a_tick(stroke: list[tuple[int, int]], width: int,
                                                             tilt: float) -> None:
    image = Image.new("L", (300, 200), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((60, 60, 102, 102), outline=0, width=3)
    draw.line([(81 + dx, 81 + dy) for dx, dy in stroke], fill=0, width=width, joint="curve")
    if len(stroke) == 2:  # a cross: the other arm
        draw.line([(81 - dx, 81 + dy) for dx, dy in stroke], fill=0, width=width)
    (box,) = tick_boxes(image.rotate(tilt, fillcolor=255) if tilt else image, [], 300)
    assert (box.text, box.confidence >= LOW_OCR_CONFIDENCE) == ("☒", True)


def test_ocr_s_reading_of_a_box_gives_way_and_the_words_beside_it_stay() -> None:
    scale = 300 / 72
    over = Word(text="[J", bbox=(58 / scale, 58 / scale, 104 / scale, 104 / scale), confidence=0.3, source="ocr")
    run_in = Word(text="[Cla", bbox=(58 / scale, 58 / scale, 130 / scale, 104 / scale), confidence=0.3, source="ocr")
    beside = Word(text="colleague", bbox=(140 / scale, 60 / scale, 300 / scale, 100 / scale), confidence=0.9,
                  source="ocr")
    for reading in (over, run_in):
        words = tick_boxes(box_page(["cross"]), [reading, beside], 300)
        assert [w.text for w in words] == ["colleague", "☒"]


def test_letters_and_a_ruled_table_are_no_tick_boxes() -> None:
    image = Image.new("L", (900, 300), 255)
    draw = ImageDraw.Draw(image)
    draw.text((40, 40), "O D 0 Q", fill=0, font=ImageFont.load_default(size=42))
    for x in range(400, 860, 45):  # a grid of small square cells is one component, not many boxes
        draw.line((x, 40, x, 220), fill=0, width=3)
    for y in range(40, 230, 45):
        draw.line((400, y, 850, y), fill=0, width=3)
    assert tick_boxes(image, [], 300) == []


def test_a_blank_page_has_no_tick_boxes() -> None:
    assert tick_boxes(Image.new("L", (300, 300), 255), [], 300) == []
