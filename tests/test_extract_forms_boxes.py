"""Boxed paper forms: each field a ruled box, its small caption in the top corner and the answer written under it.

A reference's boxes stand side by side (the rater's name beside a telephone box), so the cell right of a caption is
the next box's caption, never its value; a contact field is never the rater. The ethics statement's signer written
on a blank ("I, ____, have read"), and a scan's misread level numeral against the title beside it.
"""

from __future__ import annotations

from typing import Any

import pytest

from extractors import ethics, reference
from extractors.layout import DocText, build_text
from extractors.nlp import find_patterns
from pipeline.models import Item, Page, Word
from tests.test_extract_forms import CHAR_WIDTH, doc_of, lines, value_of
from tests.test_extract_forms_wordings import sized_doc

INTRO = (60.0, 9.0, [(90.0, "Fill in each box below in ink and mail the finished form back to our office.")])
APPLICANT = [(90.0, 6.5, [(76.0, "Applicant name")]), (100.0, 10.5, [(78.0, "Dana Moss")])]
SIGNED = [(262.0, 6.5, [(76.0, "Signature"), (380.0, "Date")]),
          (272.0, 12.0, [(78.0, "Rosa Lind"), (382.0, "03/14/2026")])]


def boxed_reference(name_caption: str, contact: tuple[str, str], level_caption: str, level: str,
                    extra: list[tuple[float, str]] | None = None) -> DocText:
    """A boxed reference form: the rater's name box beside a contact box, the level box beside 'Years known'."""
    return sized_doc(INTRO, *APPLICANT,
                     (130, 6.5, [(76, name_caption), (310, contact[0])]),
                     (140, 10.5, [(78, "Rosa Lind"), (312, contact[1])]),
                     (170, 6.5, [(76, "Your relationship to the applicant")]),
                     (180, 10.5, [(78, "Program supervisor")]),
                     (210, 6.5, [(76, level_caption), (404, "Years known")]),
                     (220, 10.5, [(78, level), (406, "5"), *(extra or [])]),
                     *SIGNED)


@pytest.mark.parametrize("name_caption", ["Referee's name", "Name of evaluator", "Recommender's full name"])
@pytest.mark.parametrize("contact", [("Telephone", "(555) 201-4477"), ("E-mail", "rosa.lind@example.org"),
                                     ("Work phone number", "555-201-4477"), ("Mailing address", "12 Elm Row")])
def test_a_name_box_beside_a_contact_box_reads_the_name_written_in_it(name_caption: str,
                                                                     contact: tuple[str, str]) -> None:
    doc = boxed_reference(name_caption, contact, "Endorsement held", "Infant Mental Health Specialist, Level III")
    assert value_of(reference.extract, doc) == {"rater": "Rosa Lind", "relationship": "program_supervisor",
                                                "rater_level": "III", "date": "2026-03-14"}


@pytest.mark.parametrize(("caption", "written", "level"), [
    ("Endorsement you currently hold", "Infant Family Specialist (Level II)", "II"),
    ("IMH-E you have, if any", "Level IV - Mentor", "IV"),
    ("Endorsement level that you hold (if any)", "None", None),
    ("Endorsement which you have earned", "Infant Mental Health Specialist, Level III", "III"),
])
def test_the_level_box_asking_what_endorsement_the_rater_holds(caption: str, written: str, level: str | None) -> None:
    item = _item(boxed_reference("Referee's name", ("Telephone", "(555) 201-4477"), caption, written))
    assert item.value["rater_level"] == level and not item.needs_review


def test_a_scanned_box_edge_read_as_a_mark_in_the_value_row_leaves_the_boxes_boxed() -> None:
    """A box's right edge a scan reads as '|' beside the last value stands under no caption: it is no cell."""
    doc = boxed_reference("Referee's name", ("Telephone", "(555) 201-4477"), "Endorsement you currently hold",
                          "Infant Mental Health Specialist, Level III", extra=[(520, "|")])
    assert value_of(reference.extract, doc)["rater_level"] == "III"


@pytest.mark.parametrize("lines_", [
    # a same-size label row: the telephone caption beside the name caption, the values in the row under them
    ((100, [(72, "Referee's name"), (300, "Telephone")]), (114, [(72, "Rosa Lind"), (300, "(555) 201-4477")])),
    ((100, [(72, "Completed by"), (300, "E-mail address")]), (114, [(72, "Rosa Lind"), (300, "rosa@example.org")])),
])
def test_a_contact_label_beside_the_rater_label_is_never_the_rater(lines_: Any) -> None:
    doc = doc_of(*lines_, (140, [(72, "Relationship: Colleague")]), (154, [(72, "Date: 03/14/2026")]))
    assert value_of(reference.extract, doc)["rater"] == "Rosa Lind"


@pytest.mark.parametrize("contact", ["(555) 201-4477", "rosa.lind@example.org", "Telephone"])
def test_a_contact_detail_in_the_rater_field_is_no_rater(contact: str) -> None:
    item = _item(lines(f"Completed by: {contact}", "Relationship: Colleague", "Date: 03/14/2026"))
    assert item.value["rater"] is None and "reference.rater_missing" in item.reasons


def ocr_doc(*rows: tuple[float, list[tuple[float, str, float]]]) -> DocText:
    """An OCR page from rows of (top, [(x0, word, confidence)]), each word set at CHAR_WIDTH a character."""
    words = [Word(text=text, bbox=(x0, top, x0 + CHAR_WIDTH * len(text), top + 10), confidence=conf, source="ocr")
             for top, cells in rows for x0, text, conf in cells]
    return build_text("doc", [Page(number=1, width=612, height=792, source="ocr", words=words)])


def scanned_level(numeral: str, confidence: float) -> DocText:
    return ocr_doc((100, [(72, "Rater", 0.96), (108, "name:", 0.96), (150, "Rosa", 0.96), (180, "Lind", 0.96)]),
                   (114, [(72, "Relationship:", 0.96), (156, "Colleague", 0.96)]),
                   (128, [(72, "Endorsement", 0.96), (144, "held:", 0.96), (180, "Infant", 0.96),
                          (222, "Family", 0.96), (264, "Specialist,", 0.96), (336, "Level", 0.96),
                          (372, numeral, confidence)]),
                   (142, [(72, "Date:", 0.96), (108, "03/14/2026", 0.96)]))


@pytest.mark.parametrize(("numeral", "confidence", "level"), [
    ("I", 0.81, "II"),      # a stroke of "II" lost: the title, read well, is offered
    ("III", 0.7, "II"),     # a speck read as a third stroke
    ("I", 0.97, None),      # guard: the numeral read as well as the title stands (Level I counts as None)
])
def test_a_scans_level_numeral_against_the_title_offers_the_better_read_for_a_person(
        numeral: str, confidence: float, level: str | None) -> None:
    item = _item(scanned_level(numeral, confidence))
    assert item.value["rater_level"] == level and "reference.level_conflict" in item.reasons and item.needs_review


@pytest.mark.parametrize(("doc", "signer", "signed"), [
    # the name written on the statement's blank, the comma ending the blank set apart from it
    (doc_of((100, [(72, "I,"), (96, "Mara Quill"), (290, ", have read the Code of Ethics and will abide by it.")]),
            (150, [(72, "Signature of applicant"), (380, "Date")]), (170, [(380, "05/02/2026")])), "Mara Quill", False),
    (lines("I, ____Mara Quill____, agree to follow the standards of practice above.", "Signature: ______",
           "Date: 05/02/2026"), "Mara Quill", False),
    # guard: the signature line typed, the statement's name agrees with it
    (doc_of((100, [(72, "I, Mara Quill"), (290, ", pledge to uphold these principles in my work.")]),
            (150, [(72, "Signature: /s/ Mara Quill")]), (164, [(72, "Date: 05/02/2026")])), "Mara Quill", True),
])
def test_the_signer_written_on_the_statements_blank(doc: DocText, signer: str, signed: bool) -> None:
    assert value_of(ethics.extract, doc) == {"signer": signer, "date": "2026-05-02", "signed": signed}


def _item(doc: DocText) -> Item:
    extraction = reference.extract(doc, find_patterns(doc.text))
    assert len(extraction.items) == 1
    return extraction.items[0]
