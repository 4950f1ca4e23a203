"""The awarding institution on a transcript: a heading OCR split off its row, and a name that is only its kind.

The words are written here (no fixture's names): a scan's tilt or a speck inside a large heading can put the kind
("University") on a line of its own and the rest of the name ("of Westbrook") on another; a name that stays only
the kind ("College", "The University of") names no institution a person can check, and must never be confident.
"""

from __future__ import annotations

import pytest

from extractors import transcript
from extractors.fields import REVIEW_THRESHOLD
from extractors.layout import build_text
from extractors.nlp import find_patterns
from pipeline.models import Page, Word

Box = tuple[str, tuple[float, float, float, float], float]

BODY = ["Degree: Master of Social Work", "Date Conferred: May 12, 2012", "Major: Social Work",
        "This is an official transcript."]


def page(heading: list[Box]) -> Page:
    """OCR words: the heading's words as given (text, box, confidence), then the record's body lines under it."""
    words = [Word(text=text, bbox=box, confidence=confidence, source="ocr") for text, box, confidence in heading]
    for number, line in enumerate(BODY):
        x = 60.0
        for token in line.split():
            words.append(Word(text=token, bbox=(x, 120 + 18 * number, x + 5.5 * len(token), 129 + 18 * number),
                              confidence=0.95, source="ocr"))
            x += 5.5 * len(token) + 4
    return Page(number=1, width=612, height=792, words=words, source="ocr")


def degree(heading: list[Box]) -> transcript.Item:
    doc = build_text("doc", [page(heading)])
    [item] = transcript.extract(doc, find_patterns(doc.text)).items
    return item


# A large heading on a tilted scan: the kind sits a little higher than the words after it, and a speck inside its
# own box (read as a short word of low confidence) pulls those words into a line apart from it.
SPLIT_AFTER = [("University", (240.0, 36.0, 306.0, 53.0), 0.96), ("of", (311.0, 41.0, 324.0, 52.0), 0.93),
               ("Westbrook", (328.0, 41.0, 398.0, 52.5), 0.92), ("rn", (252.0, 43.0, 260.0, 50.0), 0.4)]
SPLIT_BEFORE = [("Harlow", (200.0, 38.0, 250.0, 50.0), 0.93), ("Pines", (255.0, 38.0, 292.0, 50.0), 0.92),
                ("ii", (296.0, 40.0, 310.0, 48.0), 0.4), ("College", (297.0, 34.0, 350.0, 52.0), 0.96)]


@pytest.mark.parametrize(("heading", "name"), [
    pytest.param(SPLIT_AFTER, "University of Westbrook", id="the-words-after-the-kind"),
    pytest.param(SPLIT_BEFORE, "Harlow Pines College", id="the-words-before-the-kind"),
])
def test_a_heading_ocr_split_off_its_row_is_read_whole(heading: list[Box], name: str) -> None:
    item = degree(heading)
    assert item.value["institution"] == name
    assert "degree.institution_incomplete" not in item.reasons


@pytest.mark.parametrize("heading", [
    pytest.param([("University", (240.0, 38.0, 306.0, 53.0), 0.96)], id="the-kind-alone"),
    pytest.param([("The", (200.0, 40.0, 226.0, 52.0), 0.96), ("College", (231.0, 38.0, 290.0, 53.0), 0.96)],
                 id="the-kind-after-an-article"),
    pytest.param([("Institute", (240.0, 38.0, 300.0, 53.0), 0.96), ("of", (305.0, 40.0, 318.0, 50.0), 0.93)],
                 id="cut-at-its-connective"),
    pytest.param([("College", (60.0, 38.0, 113.0, 53.0), 0.96), ("Transcript", (420.0, 38.0, 490.0, 53.0), 0.96)],
                 id="a-word-a-column-away-is-no-part-of-it"),
])
def test_an_institution_that_is_only_its_kind_is_flagged(heading: list[Box]) -> None:
    item = degree(heading)
    assert "degree.institution_incomplete" in item.reasons
    assert item.needs_review and item.confidence < REVIEW_THRESHOLD


@pytest.mark.parametrize("heading", [
    pytest.param([("University", (240.0, 38.0, 306.0, 53.0), 0.96), ("of", (311.0, 38.5, 324.0, 52.5), 0.93),
                  ("Westbrook", (328.0, 38.5, 398.0, 53.0), 0.92)], id="a-heading-on-one-line"),
    pytest.param([("Westbrook", (200.0, 38.0, 270.0, 53.0), 0.96), ("State", (275.0, 38.0, 310.0, 53.0), 0.96),
                  ("University", (315.0, 38.0, 380.0, 53.0), 0.96)], id="the-kind-last"),
])
def test_a_named_institution_is_not_flagged_as_bare(heading: list[Box]) -> None:
    """Guard rows (pass before and after): a whole heading is taken as it is."""
    item = degree(heading)
    assert item.value["institution"] == " ".join(text for text, _box, _c in heading)
    assert "degree.institution_incomplete" not in item.reasons


def words_at(text: str, x: float, top: float, bottom: float, confidence: float = 0.95) -> list[Box]:
    """A run of OCR words at a word space from each other, each box from `top` to `bottom`."""
    boxes: list[Box] = []
    for token in text.split():
        boxes.append((token, (x, top, x + 7.0 * len(token), bottom), confidence))
        x += 7.0 * len(token) + 5.0
    return boxes


# Review R10d (findings 3, 4, 6): a label is never part of a name, a joined row loses the office or the record's
# title as a heading's cell does, and a name of generic words or cut at a connective names no institution.
@pytest.mark.parametrize("heading", [
    pytest.param(words_at("Awarding Institution: The Academy", 60.0, 40.0, 50.0), id="a-label-over-a-bare-value"),
    pytest.param(words_at("Institution: College of", 60.0, 40.0, 50.0) + words_at("Fairhaven", 150.0, 58.0, 68.0),
                 id="a-label-over-a-value-wrapped-at-its-connective"),
    pytest.param(words_at("College of the", 220.0, 36.0, 51.0) + words_at("Northern Plains", 220.0, 58.0, 73.0),
                 id="a-heading-wrapped-after-of-the"),
    pytest.param(words_at("Community College", 220.0, 36.0, 51.0), id="only-generic-words"),
    pytest.param(words_at("The Graduate School", 220.0, 30.0, 45.0) + words_at("Marlow Institute", 220.0, 55.0, 70.0),
                 id="a-school-line-over-the-name"),
])
def test_a_name_a_person_cannot_check_is_flagged_never_glued_to_its_label(heading: list[Box]) -> None:
    item = degree(heading)
    assert ":" not in item.value["institution"]
    assert "degree.institution_incomplete" in item.reasons
    assert item.needs_review and item.confidence < REVIEW_THRESHOLD


KIND_ALONE: list[Box] = [("College", (240.0, 36.0, 296.0, 53.0), 0.96), ("rn", (252.0, 43.0, 260.0, 50.0), 0.4)]


@pytest.mark.parametrize(("heading", "name"), [
    pytest.param(KIND_ALONE + words_at("of Marrowdale Academic Transcript", 301.0, 41.0, 52.0, 0.93),
                 "College of Marrowdale", id="the-record-title-joined-on"),
    pytest.param(KIND_ALONE + words_at("of Marrowdale - University Registrar", 301.0, 41.0, 52.0, 0.93),
                 "College of Marrowdale", id="the-registrar-joined-on"),
    pytest.param(words_at("Tellmore", 180.0, 38.0, 50.0, 0.93) + [("ii", (236.0, 40.0, 246.0, 48.0), 0.4)]
                 + words_at("Technical College", 237.0, 34.0, 52.0, 0.96), "Tellmore Technical College",
                 id="generic-words-take-the-name-beside-them"),
    pytest.param(words_at("Westbrook University Office of the Registrar", 200.0, 38.0, 52.0),
                 "Westbrook University", id="an-office-written-on-without-a-comma"),
])
def test_the_name_joined_from_a_split_row_is_trimmed_like_a_heading(heading: list[Box], name: str) -> None:
    item = degree(heading)
    assert item.value["institution"] == name
    assert "degree.institution_incomplete" not in item.reasons


@pytest.mark.parametrize("name", [
    pytest.param("College of Saints Anne and Mark", id="a-connective-inside-the-name"),
    pytest.param("State University of Westhaven", id="generic-words-then-a-name"),
])
def test_a_name_with_generic_words_and_a_proper_name_is_not_bare(name: str) -> None:
    """Guard rows (pass before and after): generic words or a connective inside a whole name do not make it bare."""
    item = degree(words_at(name, 200.0, 38.0, 52.0))
    assert item.value["institution"] == name
    assert "degree.institution_incomplete" not in item.reasons


def text_layer(heading: list[tuple[str, float, float, float]]) -> transcript.Item:
    """A text-layer page: the heading's words (text, x, baseline's top, type size) over the record's body lines."""
    words = [Word(text=text, bbox=(x, top, x + 0.55 * size * len(text), top + size), confidence=1.0,
                  source="text_layer") for text, x, top, size in heading]
    for number, line in enumerate(BODY):
        x = 60.0
        for token in line.split():
            words.append(Word(text=token, bbox=(x, 120 + 18 * number, x + 5.5 * len(token), 130 + 18 * number),
                              confidence=1.0, source="text_layer"))
            x += 5.5 * len(token) + 3
    doc = build_text("doc", [Page(number=1, width=612, height=792, words=words, source="text_layer")])
    [item] = transcript.extract(doc, find_patterns(doc.text)).items
    return item


def test_a_caption_in_smaller_type_beside_a_stacked_letterhead_is_no_part_of_its_name() -> None:
    """Review R10d finding 5: "HALVERSON" over "COLLEGE" in large type, a small caption set to the right of the
    lower line: the caption is not the name's, so the name stays the kind alone and is flagged."""
    item = text_layer([("HALVERSON", 60.0, 40.0, 20.0), ("COLLEGE", 60.0, 64.0, 20.0),
                       ("Enrollment", 160.0, 70.0, 9.0), ("Services", 212.0, 70.0, 9.0)])
    assert item.value["institution"] == "COLLEGE"
    assert "degree.institution_incomplete" in item.reasons


Cell = tuple[str, float, float, float]


def cells(parts: list[str], top: float, size: float, gap: float, x: float = 60.0) -> list[Cell]:
    """One printed row of a text layer: each part's words a word space apart, the parts `gap` points apart."""
    row: list[Cell] = []
    for part in parts:
        for token in part.split():
            row.append((token, x, top, size))
            x += 0.55 * size * len(token) + 0.25 * size
        x += gap - 0.25 * size
    return row


# Review R10g (findings 3-5): a heading's or a field's cell that holds more than the name (the next field, a campus,
# a caption, a separated division), or a name of a kind and a subject only, is never a confident institution.
@pytest.mark.parametrize(("heading", "kept"), [
    (cells(["Institution: College of", "Member ID: 5521"], 40.0, 10.0, 13.0), "College of"),
    (cells(["Institution: Community College", "Branch No: 3"], 40.0, 10.0, 13.0), "Community College"),
    (cells(["Institution: College of", "Member ID 5521"], 40.0, 10.0, 15.0), "College of"),
    (cells(["Community College", "North Campus"], 40.0, 18.0, 26.0), "Community College"),
    (cells(["North Campus", "Community College"], 40.0, 18.0, 26.0), "Community College"),
    (cells(["State College", "Founded 1958"], 40.0, 18.0, 26.0), "State College"),
    (cells(["The Graduate School", "|", "Eastfield University"], 40.0, 18.0, 9.0), "The Graduate School"),
    (cells(["State College", "Student Records Office"], 40.0, 16.0, 24.0), "State College"),
    (cells(["Technical College", "Grade Report"], 40.0, 16.0, 24.0), "Technical College"),
    (cells(["Ashgrove"], 40.0, 18.0, 0.0) + cells(["Institute of Technology"], 64.0, 18.0, 0.0),
     "Institute of Technology"),
    (cells(["School of Nursing"], 40.0, 18.0, 0.0) + cells(["Ashgrove University"], 64.0, 11.0, 0.0),
     "School of Nursing"),
])
def test_a_cell_holding_more_than_the_name_or_a_part_name_is_flagged(heading: list[Cell], kept: str) -> None:
    item = text_layer(heading)
    assert item.value["institution"] == kept
    assert "degree.institution_incomplete" in item.reasons
    assert item.needs_review and item.confidence <= 0.7


@pytest.mark.parametrize("heading", [
    cells(["University of Ashgrove Registrar"], 40.0, 16.0, 0.0),
    cells(["University of Ashgrove Transcripts"], 40.0, 16.0, 0.0),
    cells(["University of Ashgrove;"], 40.0, 16.0, 0.0),
])
def test_a_registrar_or_transcripts_word_after_the_name_is_no_part_of_it(heading: list[Cell]) -> None:
    assert text_layer(heading).value["institution"] == "University of Ashgrove"


def test_a_letterhead_in_widely_spaced_type_is_one_name() -> None:
    """Guard row (passes before and after): words set evenly wide apart in a letterhead are one name, unflagged."""
    heading = [("Harlow", 100.0, 40.0, 18.0), ("State", 170.0, 40.0, 18.0), ("University", 232.0, 40.0, 18.0)]
    item = text_layer(heading)
    assert item.value["institution"] == "Harlow State University"
    assert "degree.institution_incomplete" not in item.reasons


# Review R11d (findings 3-7): a heading's name ends at any mark set between its parts (a square, a diamond, a
# ring, a tilde, a star; on a scan also the letter or sign OCR reads it as), at a gap a third wider than the line's
# word spaces, and before a street address after a comma; a campus after a dash stays on the name. Each is checked.
@pytest.mark.parametrize("mark", ["\u25aa", "\u25c6", "\u25e6", "\u2219", "~", "*", "\u00bb"])
def test_a_heading_name_ends_at_any_mark_between_its_parts(mark: str) -> None:
    item = text_layer(cells(["Pellham College", mark, "North Site"], 40.0, 18.0, 4.5))
    assert item.value["institution"] == "Pellham College"
    assert "degree.institution_incomplete" in item.reasons
    assert item.needs_review and item.confidence <= 0.7


@pytest.mark.parametrize("read_as", ["*", "+", "@", "e", "I", "l"])
def test_a_separating_mark_ocr_read_as_a_sign_or_a_letter_ends_the_name(read_as: str) -> None:
    heading = words_at("Pellham College", 180.0, 38.0, 52.0) + [(read_as, (288.0, 41.0, 294.0, 50.0), 0.6)]
    item = degree(heading + words_at("North Site", 299.0, 38.0, 52.0))
    assert item.value["institution"] == "Pellham College"
    assert "degree.institution_incomplete" in item.reasons
    assert item.needs_review and item.confidence <= 0.7


@pytest.mark.parametrize("gap", [6.75, 7.65])
def test_a_gap_a_half_wider_than_the_word_spaces_parts_the_name_from_the_next_cell(gap: float) -> None:
    item = text_layer(cells(["Pellham College", "North Site"], 40.0, 18.0, gap))
    assert item.value["institution"] == "Pellham College"
    assert "degree.institution_incomplete" in item.reasons


def test_a_street_address_after_a_comma_is_no_part_of_the_name() -> None:
    item = text_layer(cells(["Pellham College, 48 Orchard Street, Dunmore, PA"], 40.0, 16.0, 0.0))
    assert item.value["institution"] == "Pellham College"


def test_a_town_and_state_after_commas_are_checked() -> None:
    item = text_layer(cells(["Pellham College, Dunmore, PA"], 40.0, 16.0, 0.0))
    assert "degree.institution_incomplete" in item.reasons
    assert item.needs_review and item.confidence <= 0.7


@pytest.mark.parametrize(("dash", "campus"), [("-", "Riverside"), ("\u2013", "Lake Shore"), ("\u2014", "Eastgate")])
def test_a_campus_after_a_dash_stays_on_the_name_and_is_checked(dash: str, campus: str) -> None:
    item = text_layer(cells(["University of Dunmore", dash, campus], 40.0, 18.0, 4.5))
    assert item.value["institution"] == f"University of Dunmore {dash} {campus}"
    assert "degree.institution_incomplete" in item.reasons


@pytest.mark.parametrize(("heading", "name", "flagged"), [
    (cells(["Graduate School of Nursing", "-", "Pellham University"], 40.0, 18.0, 4.5), "Graduate School of Nursing",
     True),
    (cells(["Pellham College of Arts & Sciences"], 40.0, 18.0, 0.0), "Pellham College of Arts & Sciences", False),
    (cells(["Pellham College", "\u2022", "North Site"], 40.0, 18.0, 4.5), "Pellham College", True),
])
def test_a_division_after_a_dash_and_an_ampersand_in_a_name(heading: list[Cell], name: str, flagged: bool) -> None:
    """Guard rows (pass before and after): a dash before another institution's name still parts them, "&" is a
    name's word, and a bullet was a mark before."""
    item = text_layer(heading)
    assert item.value["institution"] == name
    assert ("degree.institution_incomplete" in item.reasons) is flagged


def test_a_scan_s_gap_a_half_wider_than_its_word_spaces_is_checked() -> None:
    """OCR boxes hug the letters, so a gap 1.6 times the others may be one name's or a cell's edge: checked."""
    heading = words_at("Pellham College", 180.0, 38.0, 52.0) + words_at("North Site", 291.0, 38.0, 52.0)
    item = degree(heading)
    assert item.value["institution"].startswith("Pellham College")
    assert "degree.institution_incomplete" in item.reasons
    assert item.needs_review and item.confidence <= 0.7


# Review R11j (findings 6-7): a town with its state code or ZIP after one comma is a place, cut off the name; a
# name's own "+" ("Art + Design") is no separating mark on a text layer.
@pytest.mark.parametrize("heading", ["Dunmore College, Easton PA 18042", "Dunmore College, Easton PA",
                                     "Dunmore College, Port Easton 18042"])
def test_a_town_and_state_after_one_comma_is_no_part_of_the_name(heading: str) -> None:
    item = text_layer(cells([heading], 40.0, 18.0, 18.0))
    assert item.value["institution"] == "Dunmore College"


def test_a_plus_inside_a_name_is_the_name_s_own_word() -> None:
    item = text_layer(cells(["Pellham Institute of Media + Film"], 40.0, 18.0, 18.0))
    assert item.value["institution"] == "Pellham Institute of Media + Film"
    assert not item.needs_review


def test_a_campus_after_one_comma_stays_on_the_name() -> None:
    """Guard row (passes before and after): a campus alone after the comma is the name's own ("..., Easton")."""
    item = text_layer(cells(["University of Dunmore, Easton"], 40.0, 18.0, 18.0))
    assert item.value["institution"] == "University of Dunmore, Easton"
