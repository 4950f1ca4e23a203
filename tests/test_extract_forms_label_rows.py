"""Rows of labels and where their values stand: a scan's table of label and value cells, captions under their lines,
a question wrapped under its first line, and a name field that also gives a telephone number or an e-mail address.

A scan's word boxes hug the ink, so a word's box height says its letters (a descender, a capital) as much as its type
size; a plain table of labels beside values is no boxed form. A row of labels alone ("Referee name   Cell phone")
reads its value over or under it, whichever the form's other rows leave free. A questionnaire's first line is not
the whole question when the line under carries on.
"""

from __future__ import annotations

import pytest

from extractors import reference
from extractors.layout import DocText
from extractors.nlp import find_patterns
from pipeline.models import Item
from tests.test_extract_forms import doc_of, lines, value_of
from tests.test_extract_forms_wordings import sized_doc, survey_rows

CAP, X_HEIGHT, DESCENDER = 0.71, 0.52, 0.22
"""The ink of type on a scan, as shares of its size: capitals and ascenders, the x-height, what hangs below."""


def _ink(word: str, size: float) -> tuple[float, float]:
    """Where a scan's box hugging the ink of `word` starts under the cap line, and how high it is."""
    tall = any(ch.isupper() or ch.isdigit() or ch in "bdfhiklt()/" for ch in word)
    hangs = any(ch in "gjpqy(),;" for ch in word)
    top = 0.0 if tall else CAP - X_HEIGHT
    return top * size, (CAP - top + (DESCENDER if hangs else 0.0)) * size

LEVEL = "Endorsement held: Infant Family Specialist (Level II)"


def inked_scan(*rows: tuple[float, float, list[tuple[float, str]]]) -> DocText:
    """An OCR page from rows of (top, type size, [(x0, cell text)]), each word's box hugging its ink."""
    return sized_doc(*rows, source="ocr", ink=_ink)


def scanned_table(rater_row: tuple[str, str], next_row: tuple[str, str]) -> DocText:
    """A scanned reference printed as a table of label and value cells, one type size throughout."""
    rows = [(50, [(72, "Kindly fill in every line of this sheet and send it back to the endorsement office.")]),
            (80, [(72, "Applicant"), (260, "Form number")]), (94, [(72, "Theo Park"), (260, "2026-117")]),
            (112, [(72, rater_row[0]), (260, rater_row[1])]), (126, [(72, next_row[0]), (260, next_row[1])]),
            (140, [(72, "Relationship"), (260, "Colleague")]),
            (154, [(72, "Endorsement held"), (260, "Infant Family Specialist (Level II)")]),
            (184, [(72, "Signed"), (260, "Date")]), (198, [(72, "Ines Alder"), (260, "11/02/2025")])]
    return inked_scan(*[(top, 10.0, cells) for top, cells in rows])


@pytest.mark.parametrize(("rater_row", "next_row"), [
    # the next row's words hang under the line ("Length", "(approx.)"): taller boxes, the same type
    (("Referee", "Ines Alder"), ("Length of acquaintance", "4 years")),
    (("Name of evaluator", "Ines Alder"), ("Time known (approx.)", "6")),
    (("Recommender", "Ines Alder"), ("Supervising since", "2019")),
])
def test_a_scanned_table_of_labels_beside_values_is_no_boxed_form(rater_row: tuple[str, str],
                                                                  next_row: tuple[str, str]) -> None:
    assert value_of(reference.extract, scanned_table(rater_row, next_row)) == {
        "rater": "Ines Alder", "relationship": "colleague", "rater_level": "II", "date": "2025-11-02"}


def test_a_scanned_boxed_form_with_small_captions_is_still_read_box_by_box() -> None:
    """Guard (passes before too): 6.5-point captions over 10-point values, both hugging their ink on the scan."""
    doc = inked_scan((50, 9, [(72, "Kindly fill in every box and send the sheet back to the endorsement office.")]),
                     (70, 6.5, [(72, "Applicant name")]), (80, 10, [(74, "Theo Park")]),
                     (100, 6.5, [(72, "Referee name"), (300, "Telephone")]),
                     (110, 10, [(74, "Ines Alder"), (302, "555-310-2290")]),
                     (132, 6.5, [(72, "Relationship to applicant")]), (142, 10, [(74, "Colleague")]),
                     (164, 6.5, [(72, "Signature"), (300, "Date")]),
                     (174, 10, [(74, "Ines Alder"), (302, "11/02/2025")]))
    assert value_of(reference.extract, doc) == {"rater": "Ines Alder", "relationship": "colleague",
                                                "rater_level": None, "date": "2025-11-02"}


@pytest.mark.parametrize(("doc", "rater"), [
    # captions under their lines, a contact caption beside the name's; the line under is another field's
    (doc_of((46, [(72, LEVEL)]), (60, [(72, "Relationship: Former supervisee")]),
            (100, [(72, "Ines Alder"), (320, "555.310.2290")]),
            (114, [(72, "Referee name"), (320, "Cell phone")]),
            (134, [(72, "Signed on: 11/02/2025")])), "Ines Alder"),
    # a block of values over captions: the line under the name's captions is the value of the captions under it
    (doc_of((60, [(72, LEVEL)]),
            (100, [(72, "Ines Alder"), (320, "ines@alderconsult.net")]),
            (114, [(72, "Evaluator's name"), (320, "Email address")]),
            (140, [(72, "Home visiting program manager"), (320, "11/02/2025")]),
            (154, [(72, "Relationship to applicant"), (320, "Date")])), "Ines Alder"),
])
def test_a_row_of_labels_under_its_line_reads_the_line_over_it(doc: DocText, rater: str) -> None:
    item = _item(doc)
    assert item.value["rater"] == rater and not item.needs_review


def test_a_row_of_labels_between_two_free_lines_is_left_to_a_person() -> None:
    """A value line over the labels and another under them, neither claimed by other labels: either may be it."""
    doc = doc_of((80, [(72, LEVEL)]), (100, [(72, "Ines Alder"), (320, "555-310-2290")]),
                 (114, [(72, "Referee name"), (320, "Telephone")]),
                 (128, [(72, "Kit Moran"), (320, "555-310-7781")]),
                 (150, [(72, "Relationship: Colleague")]), (164, [(72, "Date: 11/02/2025")]))
    item = _item(doc)
    assert item.needs_review and item.confidence <= 0.7


@pytest.mark.parametrize(("doc", "level"), [
    # the first line alone reads as the rater's level question; the line under makes it the applicant's
    (survey_rows(("Referee", "Ines Alder"),
                 (["Endorsement level which you have", "advised for the candidate"], "Level II"),
                 (["Are you endorsed", "yourself?"], "No"), ("Date", "11/02/2025")), None),
    (survey_rows(("Referee", "Ines Alder"), (["Endorsement level that you have", "put forward for this candidate"],
                                             "Level II"),
                 (["Are you endorsed", "yourself?"], "Yes, Level IV"), ("Date", "11/02/2025")), "IV"),
    # guard (passes before too): a heading standing alone under the question, not carrying it on
    (doc_of((100, [(72, "Referee"), (300, "Ines Alder")]),
            (114, [(72, "Endorsement level which you have"), (300, "Level III")]),
            (128, [(72, "Comments")]), (142, [(72, "Date: 11/02/2025")])), "III"),
])
def test_a_level_question_wrapped_onto_the_line_under_is_read_whole(doc: DocText, level: str | None) -> None:
    assert value_of(reference.extract, doc)["rater_level"] == level


@pytest.mark.parametrize("written", ["Ines Alder, 555-310-2290", "Ines Alder - ines@alderconsult.net",
                                     "Ines Alder | tel. (555) 310-2290", "Ines Alder <ines@alderconsult.net>"])
def test_a_name_field_giving_a_contact_detail_too_reads_the_name_for_a_person(written: str) -> None:
    item = _item(lines(f"Referee name: {written}", "Relationship: Colleague", LEVEL, "Date: 11/02/2025"))
    assert item.value["rater"] == "Ines Alder" and item.needs_review and item.confidence <= 0.7


def test_a_name_field_with_a_credential_after_the_name_stays_whole() -> None:
    """Guard (passes before too): a credential after the comma is part of how the rater signs, not a contact."""
    item = _item(lines("Referee name: Ines Alder, LCSW", "Relationship: Colleague", LEVEL, "Date: 11/02/2025"))
    assert item.value["rater"] == "Ines Alder, LCSW" and not item.needs_review


def _item(doc: DocText) -> Item:
    extraction = reference.extract(doc, find_patterns(doc.text))
    assert len(extraction.items) == 1
    return extraction.items[0]


INTRO = "Fill in each box below and send this sheet back to the endorsement office by the deadline."


def _silent(item: Item, wrong: str) -> bool:
    """Whether the item gives `wrong` as the rater with no flag on it."""
    return item.value["rater"] == wrong and not item.needs_review


@pytest.mark.parametrize("doc", [
    # labels over their values; the rater left the name box blank, only the number filled
    doc_of((50, [(72, INTRO)]), (80, [(72, "Applicant name"), (320, "Date")]),
           (94, [(72, "Noor Halden"), (320, "05/20/2026")]), (120, [(72, "Referee name"), (320, "Cell phone")]),
           (134, [(320, "555-410-8812")]), (160, [(72, "Relationship to applicant")]),
           (174, [(72, "Direct supervisor")]),
           (200, [(72, LEVEL)])),
    # captions under their lines; the name line left blank, the applicant's block under it
    doc_of((50, [(72, LEVEL)]), (64, [(72, "Relationship: Direct supervisor")]),
           (114, [(72, "Referee name"), (320, "Email")]),
           (140, [(72, "Noor Halden"), (320, "05/20/2026")]), (154, [(72, "Applicant name"), (320, "Date")])),
    # the labels over the applicant's line hold a word of the form's own ("Site"), no caption word
    doc_of((50, [(72, INTRO)]), (80, [(72, "Applicant name"), (320, "Site")]),
           (94, [(72, "Noor Halden"), (320, "Riverbend Family Center")]),
           (120, [(72, "Referee name"), (320, "Cell phone")]), (134, [(72, "Ines Alder"), (320, "555-410-8812")]),
           (160, [(72, "Signature"), (320, "Title")]), (174, [(72, "Ines Alder"), (320, "Program lead")]),
           (200, [(72, "Relationship: Direct supervisor")]), (214, [(72, LEVEL)]), (228, [(72, "Date: 05/20/2026")])),
])
def test_a_labels_row_never_gives_the_applicant_as_the_rater_unflagged(doc: DocText) -> None:
    assert not _silent(_item(doc), "Noor Halden")


@pytest.mark.parametrize(("hint", "field"), [
    ("mm/dd/yyyy", "date"), ("please print", "rater"), ("if any", "rater_level"), ("to the applicant", "relationship"),
])
def test_a_lower_case_hint_under_a_label_leaves_the_label_its_value(hint: str, field: str) -> None:
    """A hint printed under a label is no wrapped question: the value beside the label stands, not a later one."""
    labels = {"date": "Date", "rater": "Referee name", "rater_level": "Endorsement held",
              "relationship": "Relationship"}
    values = {"date": "05/20/2026", "rater": "Ines Alder", "rater_level": "Infant Family Specialist (Level II)",
              "relationship": "Colleague"}
    rows, top = [], 80.0
    for key in ("rater", "relationship", "rater_level", "date"):
        rows.append((top, [(72, labels[key]), (300, values[key])]))
        top += 14
        if key == field:
            rows.append((top, [(72, hint)]))
            top += 14
    rows += [(top + 40, [(72, "For office use only")]), (top + 54, [(72, "Date: 06/30/2026")]),
             (top + 68, [(72, "Referee name: Kit Moran")])]
    expected = {"date": "2026-05-20", "rater": "Ines Alder", "rater_level": "II", "relationship": "colleague"}
    item = _item(doc_of(*rows))
    assert item.value[field] == expected[field] and not item.needs_review


@pytest.mark.parametrize(("held", "level"), [
    ("Level IV: Infant Mental Health Mentor", "IV"),
    ("Infant Mental Health Mentor, Level IV", "IV"),  # guard (passes before too): no colon in the value
])
def test_a_value_with_a_colon_after_a_numeral_is_read_under_its_header(held: str, level: str) -> None:
    doc = doc_of((50, [(72, INTRO)]), (100, [(72, "Referee name"), (320, "Endorsement held")]),
                 (114, [(72, "Ines Alder"), (320, held)]), (140, [(72, "Relationship"), (320, "Date")]),
                 (154, [(72, "Colleague"), (320, "05/20/2026")]))
    assert _item(doc).value["rater_level"] == level


def test_a_labels_row_under_a_paragraph_reads_its_line_under_it_surely() -> None:
    """Guard (passes before too): a row heading its block, nothing over it to label, names the line under it."""
    doc = doc_of((50, [(72, INTRO)]), (80, [(72, LEVEL)]), (94, [(72, "Relationship: Colleague")]),
                 (120, [(72, "Referee name"), (320, "Cell phone")]), (134, [(72, "Ines Alder"), (320, "555-410-8812")]),
                 (160, [(72, "Date: 05/20/2026")]))
    item = _item(doc)
    assert item.value["rater"] == "Ines Alder"
