"""Training certificates by structure: a date written over its caption, hours whose sentence wrapped mid-amount.

Rows are written from how certificates are printed in general (a signature block's captions under their lines, a
sponsor's approval sentence set centred), never copied from a fixture; each wording has a distractor beside it.
"""

from __future__ import annotations

from typing import Any

import pytest

from extractors.layout import build_text
from extractors.nlp import find_patterns
from extractors.training import extract
from pipeline.models import Page, Word
from tests.test_extract_training import Row, doc_of

HEAD: list[Row] = ["Certificate of Completion", "awarded to", ("Dana Whitfield", 18.0), "for completing",
                   ("Reflective Supervision for Infant Mental Health", 14.0),
                   "Offered by: Lakeside Early Childhood Council", "Contact hours: 4.0"]


def items(rows: list[Row]) -> list[Any]:
    doc = doc_of(rows)
    return extract(doc, find_patterns(doc.text)).items


@pytest.mark.parametrize(("block", "date"), [
    ([("Maria Chen |  | June 8-11, 2022", 14.0), ("Maria Chen, Director |  | Program date", 8.0)], "2022-06-11"),
    ([("May 3, 2024 |  | Maria Chen", 12.0), ("Date of completion |  | Instructor", 8.0)], "2024-05-03"),
    ([("Maria Chen | 11/14/2023 | Lee Park", 12.0), ("Trainer | Completion Date | Coordinator", 8.0)],
     "2023-11-14"),
    ([("R. Osei |  | 2025-02-07", 12.0), ("Presenter |  | Date(s) of training", 8.0)], "2025-02-07"),
])
def test_a_date_over_its_caption_is_the_completion_date(block: list[Row], date: str) -> None:
    [item] = items([*HEAD, *block])
    assert item.value["date"] == date


def test_a_bare_date_caption_is_read_but_checked() -> None:
    """A signature line's "Date" may be the day the certificate was signed: read, and a person checks it."""
    [item] = items([*HEAD, ("Maria Chen |  | April 2, 2024", 12.0), ("Signature |  | Date", 8.0)])
    assert item.value["date"] == "2024-04-02"
    assert "training.date_generic" in item.reasons


@pytest.mark.parametrize("block", [
    [("Maria Chen |  | June 30, 2024", 12.0), ("Signature |  | Date issued", 8.0)],  # an issue date, no completion
    [("Maria Chen |  | Issued June 30, 2024", 12.0), ("Signature |  | Program date", 8.0)],  # words besides the date
    [("Maria Chen |  | June 30, 2024", 12.0), ("Signature |  | Program date", 8.0),
     ("Lee Park |  | July 2, 2024", 8.0)],  # a date under the caption too: a label over its value, perhaps
])
def test_no_date_is_taken_from_over_a_caption_that_does_not_vouch_for_it(block: list[Row]) -> None:
    [item] = items([*HEAD, *block])
    assert item.value["date"] is None
    assert "training.date_missing" in item.reasons


@pytest.mark.parametrize(("sentence", "hours"), [
    (["Participants who complete this program earn 3", "hours 15 minutes."], 3.25),
    (["This activity is approved for a total of 2", "hours and 30 minutes of continuing education."], 2.5),
    (["The sponsor awards 1", "hour 45 minutes of credit to each participant."], 1.75),
])
def test_hours_wrapped_between_figure_and_unit_are_read_whole(sentence: list[str], hours: float) -> None:
    rows = [row for row in HEAD if not (isinstance(row, str) and row.startswith("Contact hours"))]
    [item] = items([*rows, *sentence, "Date completed: May 1, 2024"])
    assert item.value["hours"] == hours


def test_a_figure_ending_a_table_row_is_not_joined_to_the_next_line() -> None:
    """Two cells on the line above: a table's row, whose last figure is no part of the next line's minutes."""
    rows = [row for row in HEAD if not (isinstance(row, str) and row.startswith("Contact hours"))]
    [item] = items([*rows, "Module | 3", "45 minutes of guided practice.", "Date completed: May 1, 2024"])
    assert item.value["hours"] == 0.75


def ocr_page(rows: list[tuple[float, list[tuple[str, float]]]]) -> Page:
    """An OCR page: each row (top, words) with each word's own box height, as tesseract hugs the letters."""
    words = []
    for top, row in rows:
        x = 120.0
        for text, height in row:
            words.append(Word(text=text, bbox=(x, top, x + 7.0 * len(text), top + height), confidence=0.93,
                              source="ocr"))
            x += 7.0 * len(text) + 5.0
    return Page(number=1, width=612, height=792, source="ocr", words=words)


def plain(top: float, text: str, height: float = 7.0) -> tuple[float, list[tuple[str, float]]]:
    return top, [(word, height) for word in text.split()]


@pytest.mark.parametrize("tallest", [12.0, 16.0])  # a word with a descender ("Supporting") stands taller
def test_a_title_wrapped_in_large_type_is_read_whole_on_a_scan(tallest: float) -> None:
    """OCR boxes are the letters' height: a 17-point title's two lines 24 points apart leave a 10-point gap."""
    rows = [plain(100, "Certificate of Completion"), plain(130, "has completed"),
            (160.0, [("Supporting", tallest), ("Early", 12.0), ("Relationships", 12.0), ("in", 12.0)]),
            (184.0, [("Child", 12.0), ("Welfare", 12.0)]),
            plain(230, "Provider: Lakeside Early Childhood Council"), plain(250, "Contact hours: 2.0"),
            plain(270, "Date completed: May 1, 2024")]
    doc = build_text("doc", [ocr_page(rows)])
    [item] = extract(doc, find_patterns(doc.text)).items
    assert item.value["title"] == "Supporting Early Relationships in Child Welfare"


def test_a_body_line_under_a_title_on_a_scan_is_no_part_of_it() -> None:
    """A smaller line under the title (the body's type) is not joined to it, however close."""
    rows = [plain(100, "Certificate of Completion"), plain(130, "has completed"),
            (160.0, [("Infant", 12.0), ("Feeding", 12.0), ("Basics", 12.0)]), plain(180, "a two-day course"),
            plain(230, "Provider: Lakeside Early Childhood Council"), plain(250, "Contact hours: 2.0"),
            plain(270, "Date completed: May 1, 2024")]
    doc = build_text("doc", [ocr_page(rows)])
    [item] = extract(doc, find_patterns(doc.text)).items
    assert item.value["title"] == "Infant Feeding Basics"


@pytest.mark.parametrize("block", [
    # a grid of captions over their values: the completion cell says the course is not done
    [("Participant | Date of birth", 8.0), ("Dana Whitfield | 01/17/1985", 11.0),
     ("Course format | Completion date", 8.0), ("Self-paced online | Pending", 11.0)],
    [("Participant | Date of birth", 8.0), ("Dana Whitfield | 01/17/1985", 11.0),
     ("Course format | Completion date", 8.0), ("Self-paced online", 11.0)],  # the completion cell left blank
    [("Date issued", 8.0), ("06/30/2024", 11.0), ("Date completed", 8.0), ("In progress", 11.0)],
    [("Issue date", 8.0), ("06/30/2024", 11.0), ("Course completion", 8.0), ("Status: Not completed", 11.0)],
    [("Registered | Date of completion", 8.0), ("March 2, 2024 | N/A", 11.0)],
])
def test_a_completion_caption_whose_own_value_is_no_date_takes_no_neighbour_s_date(block: list[Row]) -> None:
    [item] = items([*HEAD, *block])
    assert item.value["date"] is None
    assert "training.date_missing" in item.reasons


def test_a_neighbour_s_date_on_a_scanned_stack_of_labels_is_no_completion_date() -> None:
    rows = [plain(100, "Certificate of Completion"), plain(120, "awarded to"), plain(140, "Dana Whitfield"),
            plain(160, "for completing"), plain(180, "Reflective Supervision for Infant Mental Health"),
            plain(200, "Offered by: Lakeside Early Childhood Council"), plain(220, "Contact hours: 4.0"),
            plain(250, "Date issued"), plain(262, "06/30/2024"), plain(280, "Completion date"),
            plain(292, "In progress")]
    doc = build_text("doc", [ocr_page(rows)])
    [item] = extract(doc, find_patterns(doc.text)).items
    assert item.value["date"] is None


def test_a_date_over_a_caption_naming_no_date_is_checked() -> None:
    """"Course completion" may head a status as well as a day: a date over it is read for a person to check."""
    [item] = items([*HEAD, ("Maria Chen |  | 01/10/2024", 12.0), ("Enrolled by |  | Course completion", 8.0),
                    ("", 8.0), ("Status: Incomplete", 10.0)])
    assert "training.date_unsure" in item.reasons
    assert item.confidence < 0.8


@pytest.mark.parametrize("value", ["the 3rd day of May", "6/2024", "Spring 2024", "2024", "O5/03/2O24",
                                   "pending", "see attached transcript"])
def test_a_completion_label_whose_value_does_not_read_as_a_date_takes_no_other_date(value: str) -> None:
    """The page's bare "Date:" is the day it was signed, never the completion date the label leaves unread."""
    [item] = items([*HEAD, f"Date completed: {value}", "Date: 06/30/2024"])
    assert item.value["date"] is None
    assert "training.date_missing" in item.reasons


def test_a_completion_label_s_formal_day_of_month_date_is_the_completion_date() -> None:
    """"the 3rd day of May, 2024" is a whole date (extractors/dates.py), never the page's signing date."""
    [item] = items([*HEAD, "Date completed: the 3rd day of May, 2024", "Date: 06/30/2024"])
    assert item.value["date"] == "2024-05-03"


UNDER_TITLE = ["Certificate of Completion", "awarded to", ("Dana Whitfield", 18.0), "for completing",
               ("Reflective Supervision for Infant Mental Health", 14.0), "on May 3, 2024",
               "Offered by: Lakeside Early Childhood Council", "Contact hours: 4.0"]


@pytest.mark.parametrize("caption", ["Date of completion", "Completion", "Date", "Training date"])
def test_the_date_under_the_title_wins_over_a_signature_s_and_both_are_checked(caption: str) -> None:
    """A signature's date may be the day it was signed: the one said under the title is the training's."""
    [item] = items([*UNDER_TITLE, ("Maria Chen |  | June 30, 2024", 12.0), (f"Director |  | {caption}", 8.0)])
    assert item.value["date"] == "2024-05-03"
    assert "training.date_unsure" in item.reasons


def test_a_signature_s_date_agreeing_with_the_title_s_is_not_doubted() -> None:
    [item] = items([*UNDER_TITLE, ("Maria Chen |  | May 3, 2024", 12.0), ("Director |  | Date of completion", 8.0)])
    assert item.value["date"] == "2024-05-03"
    assert "training.date_unsure" not in item.reasons


def _scanned_title(under: tuple[float, list[tuple[str, float]]]) -> Any:
    rows = [plain(100, "Certificate of Completion"), plain(130, "has completed"),
            (160.0, [("Infant", 12.0), ("Feeding", 12.0), ("Basics", 12.0)]), under,
            plain(205, "Provider: Lakeside Early Childhood Council"), plain(230, "Contact hours: 2.0"),
            plain(250, "Date completed: May 1, 2024")]
    doc = build_text("doc", [ocr_page(rows)])
    [item] = extract(doc, find_patterns(doc.text)).items
    return item


@pytest.mark.parametrize("line", ["June 8, 2022", "on June 8, 2022", "Presented by Dr. Maria Chen",
                                  "Held at Riverside Hall", "Offered through Lakeside Council"])
def test_a_line_saying_when_who_or_where_under_a_scanned_title_is_no_part_of_it(line: str) -> None:
    item = _scanned_title((184.0, [(word, 12.0) for word in line.split()]))
    assert item.value["title"] == "Infant Feeding Basics"


@pytest.mark.parametrize("line", ["Portland, Oregon", "Dana Whitfield"])
def test_a_line_joined_to_a_scanned_title_by_loose_limits_only_is_checked(line: str) -> None:
    """OCR's heights and gaps vary: a place or a name set in the title's type cannot be told from its second line."""
    item = _scanned_title((182.0, [(word, 10.5) for word in line.split()]))
    assert item.confidence < 0.8


@pytest.mark.parametrize("sentence", [
    ["This certificate covers module 4", "hours 30 minutes of supervised practice."],
    ["See page 12", "hours 30 minutes total."],
    ["Approved for CE credits: 2", "hours 30 minutes of instruction were delivered."],
    ["Participants in session 3", "hours and 15 minutes of video review."],
])
def test_a_count_before_a_line_led_by_its_unit_is_no_amount_and_the_hours_are_checked(sentence: list[str]) -> None:
    """A figure after "module", "page" or "credits" counts something else: the wrapped line is doubted, not joined."""
    rows = [row for row in HEAD if not (isinstance(row, str) and row.startswith("Contact hours"))]
    [item] = items([*rows, *sentence, "Date completed: May 1, 2024"])
    assert item.confidence < 0.8


def test_a_figure_read_as_an_amount_by_no_word_before_it_is_joined_but_checked() -> None:
    rows = [row for row in HEAD if not (isinstance(row, str) and row.startswith("Contact hours"))]
    [item] = items([*rows, "The workshop ran 2", "hours 30 minutes in the morning.", "Date completed: May 1, 2024"])
    assert item.value["hours"] == 2.5
    assert item.confidence < 0.8


UNDER_TITLE_HEAD: list[Row] = ["Certificate of Completion", "awarded to", ("Dana Whitfield", 18.0), "for completing",
                               ("Reflective Supervision for Infant Mental Health", 14.0)]
PROVIDER_AND_HOURS: list[Row] = ["Offered by: Lakeside Early Childhood Council", "Contact hours: 4.0"]


@pytest.mark.parametrize(("when", "status"), [
    ("on June 5, 2024", "Date completed: In progress"),
    ("held May 1-2, 2024", "Completion date: 6/2024"),
    ("held on June 5, 2024", "Completion date: Pending"),
    ("presented March 12, 2024", "Date of completion: Not yet completed"),
    ("on June 5, 2024", "Completed: see attached transcript"),
])
def test_a_date_under_the_title_over_a_completion_label_that_says_not_done_is_checked(when: str, status: str) -> None:
    """The line right under the date is the completion label's own answer, no caption beside a signature's date."""
    [item] = items([*UNDER_TITLE_HEAD, when, status, *PROVIDER_AND_HOURS])
    assert item.value["date"] is None or "training.date_unsure" in item.reasons
    assert item.confidence < 0.8


@pytest.mark.parametrize("block", [
    [("06/30/2024 |  | Maria Chen", 12.0), ("Completion date | Pending | Instructor", 8.0)],
    [("06/30/2024 |  | Maria Chen", 12.0), ("Date of completion | Incomplete | Instructor", 8.0)],
])
def test_a_status_beside_a_completion_caption_with_nothing_over_it_is_its_answer(block: list[Row]) -> None:
    """A cell with no signature or date written over it is no caption of the row but the caption's value."""
    [item] = items([*HEAD, *block])
    assert item.value["date"] is None or "training.date_unsure" in item.reasons
    assert item.confidence < 0.8


def test_a_signature_s_caption_beside_the_completion_caption_does_not_answer_it() -> None:
    [item] = items([*HEAD, ("06/30/2024 |  | Maria Chen", 12.0), ("Completion date |  | Instructor", 8.0)])
    assert item.value["date"] == "2024-06-30"
    assert item.confidence >= 0.8


SIGNATURES: list[Row] = [("Maria Chen |  | June 30, 2024", 12.0), ("Director |  | Date of completion", 8.0)]
NO_HOURS = HEAD[:-1]


@pytest.mark.parametrize("rows", [
    [*HEAD, *SIGNATURES, ("This certificate is retained by the participant for licensing records.", 8.0)],
    [*HEAD, *SIGNATURES, ("Questions about this certificate may be sent to the training office.", 7.0)],
    [*NO_HOURS, ("This certificate is valid for continuing education credit", 10.0), *SIGNATURES],
    [*NO_HOURS, ("Sponsored by the Lakeside Council for Families and Children", 8.0), *SIGNATURES],
    [*NO_HOURS, ("Issued under the authority of the state licensing board", 8.0), *SIGNATURES],
])
def test_a_sentence_across_the_signature_columns_does_not_hide_the_date_over_its_caption(rows: list[Row]) -> None:
    """A footer under the captions or a body line over the signatures runs across the columns: no label of one."""
    [item] = items(rows)
    assert item.value["date"] == "2024-06-30"


def scanned(rows: list[tuple[float, list[tuple[str, float, float]]]]) -> Any:
    """The one item of an OCR page whose rows are (top, words), each word (text, box height, OCR confidence)."""
    words = []
    for top, row in rows:
        x = 120.0
        for text, height, confidence in row:
            words.append(Word(text=text, bbox=(x, top, x + 7.0 * len(text), top + height), confidence=confidence,
                              source="ocr"))
            x += 7.0 * len(text) + 5.0
    doc = build_text("doc", [Page(number=1, width=612, height=792, source="ocr", words=words)])
    [item] = extract(doc, find_patterns(doc.text)).items
    return item


def said(top: float, text: str, height: float = 11.0, confidence: float = 0.94) -> tuple[float, list[Any]]:
    return top, [(word, height, confidence) for word in text.split()]


def _quoted_certificate(title: tuple[float, list[Any]], under: str | tuple[str, float]) -> Any:
    """A scanned certificate whose title line stands under "in honour of attending" and over a line of its type
    (a line's text, or its text and its words' box height)."""
    text, height = under if isinstance(under, tuple) else (under, 11.5)
    return scanned([said(100, "Certificate of Attendance", 14.0), said(130, "awarded to"),
                    said(150, "Dana Whitfield", 16.0), said(175, "in recognition of attending"), title,
                    said(222, text, height), said(260, "Lakeside Early Childhood Council", 9.0)])


@pytest.mark.parametrize(("title", "under"), [
    (said(200, "\u201cNurturing Early Bonds\u201d", 12.0), "held 2024-03-05, for which the attendee earned 2 "
                                                            "contact hours."),
    (said(200, "\u201cNurturing Early Bonds\u201d", 12.0), "Lakeside Early Childhood Council, 2 contact hours"),
    (said(200, "Nurturing Early Bonds", 12.0), "on March 5, 2024, at Riverside Hall, for 2 contact hours."),
])
def test_a_scanned_title_ends_at_its_closing_quote_or_before_a_line_saying_when(title: Any, under: str) -> None:
    """A title closed by its quote mark is whole; a line opening with "held"/"on" and a date says when, no title."""
    item = _quoted_certificate(title, under)
    assert item.value["title"] == "Nurturing Early Bonds"


def test_the_date_said_under_a_scanned_quoted_title_is_read() -> None:
    item = _quoted_certificate(said(200, "\u201cNurturing Early Bonds\u201d", 12.0),
                               "held 2024-03-05, for which the attendee earned 2 contact hours.")
    assert item.value["date"] == "2024-03-05"


@pytest.mark.parametrize(("words", "title"), [
    ([("\u201cFeeding", 12.0, 0.94), ("and", 12.0, 0.95), ("Sleep", 12.0, 0.94), ("in", 12.0, 0.95),
      ("Infancy\u201d\u2019", 12.0, 0.8)], "Feeding and Sleep in Infancy"),  # a speck after the closing mark
    ([("\u201cFeeding.", 12.0, 0.05), ("and", 12.0, 0.95), ("Sleep", 12.0, 0.94), ("in", 12.0, 0.95),
      ("Infancy\u201d", 12.0, 0.9)], "Feeding and Sleep in Infancy"),  # a speck read as a stop, the word unsure
])
def test_a_scan_s_specks_around_a_quoted_title_are_no_part_of_it(words: list[Any], title: str) -> None:
    item = _quoted_certificate((200.0, words), "held 2024-03-05, for which the attendee earned 2 contact hours.")
    assert item.value["title"] == title


def test_a_stop_on_a_word_read_surely_stays_in_the_title() -> None:
    """Guard row (passes before and after): an abbreviation's stop read at a good confidence is the title's own."""
    item = _quoted_certificate(said(200, "\u201cIntro. to Infant Massage\u201d", 12.0),
                               "held 2024-03-05, for which the attendee earned 2 contact hours.")
    assert item.value["title"] == "Intro. to Infant Massage"


def _attended(title_rows: list[Row]) -> Any:
    """A text-layer certificate whose title stands, in its own type, under "for attending"."""
    [item] = items(["Certificate of Attendance", "presented to", ("Rowan Ellery", 18.0), "for attending", *title_rows,
                    "Offered by: Brookside Family Institute", "Contact hours: 3.0", "Date of training: April 9, 2024"])
    return item


# Review R10d (findings 1, 7), R10g (finding 1): a quoted phrase may lead a title whose words go on, in its very type,
# on the next line; the line may as well be a provider, a place, a trainer or the hours set in that type. The quote
# ends the title and a person checks it, never a confident cut nor a confident join.
@pytest.mark.parametrize(("title_rows", "kept"), [
    ([("\u201cFloor Time\u201d", 16.0), ("Play and Regulation in Toddlers", 16.0)], "Floor Time"),
    ([("\"Serve and Return\"", 15.0), ("Conversations with Young Infants", 15.0)], "Serve and Return"),
    ([("\u201cGrowing Together Infant Massage\u201d", 16.0), ("Instructor Certification", 16.0)],
     "Growing Together Infant Massage"),
    ([("\u201cColic and Crying\u201d", 16.0), ("Meadowbrook Parent Education Network", 16.0)], "Colic and Crying"),
    ([("\u201cColic and Crying\u201d", 16.0), ("Eugene, Oregon", 16.0)], "Colic and Crying"),
    ([("\u201cColic and Crying\u201d", 16.0), ("with Prof. Lena Ortiz", 16.0)], "Colic and Crying"),
    ([("\u201cColic and Crying\u201d", 16.0), ("at Greenfield Library Annex", 16.0)], "Colic and Crying"),
    ([("\u201cColic and Crying\u201d", 16.0), ("Three Contact Hours", 16.0)], "Colic and Crying"),
    ([("\u201cColic and Crying\u201d", 16.0), ("Session 2 of 4", 16.0)], "Colic and Crying"),
])
def test_a_line_in_its_type_under_a_quoted_title_is_checked_by_a_person(title_rows: list[Row], kept: str) -> None:
    item = _attended(title_rows)
    assert item.value["title"].startswith(kept)
    assert "training.title_unsure" in item.reasons
    assert item.needs_review and item.confidence <= 0.7


def test_a_line_closing_the_quote_goes_on_with_a_quoted_title() -> None:
    """Guard row (passes before and after): marks nested over two lines of a text layer make one title."""
    item = _attended([("\u201cThe \u201cGood Enough\u201d Parent", 16.0), ("Revisited for Home Visitors\u201d", 16.0)])
    assert "Revisited for Home Visitors" in item.value["title"]


def test_a_quoted_title_over_a_line_in_smaller_type_is_whole() -> None:
    """Guard row (passes before and after): the line under a quoted title in another type is not its wrap."""
    item = _attended([("\u201cFloor Time for Toddlers\u201d", 16.0), ("A half-day workshop for home visitors", 10.0)])
    assert item.value["title"] == "Floor Time for Toddlers"


# Review R10d (findings 1, 2): on a scan, a line under a quoted title that is in its type only by OCR's loose limits
# may be its wrap or a provider; one closing a quote says the marks above were nested. A person checks either.
@pytest.mark.parametrize(("title", "under", "kept"), [
    (said(200, "\u201cTummy Time\u201d", 12.0), "Motor Milestones in the First Year", "Tummy Time"),
    (said(200, "\u201cSleep Training and the Extinction Myth\u201d", 12.0), "Revisited for Home Visitors\u201d",
     "Revisited for Home Visitors"),
    # R10g (finding 2): a line whose words' boxes are the title's very height is no surer a wrap on a scan.
    (said(206, "\u201cColic and Crying\u201d", 12.0), ("Meadowbrook Parent Education Network", 12.0),
     "Colic and Crying"),
    (said(206, "\u201cColic and Crying\u201d", 12.0), ("by Prof. Lena Ortiz", 12.0), "Colic and Crying"),
])
def test_a_scanned_quoted_title_that_may_go_on_is_checked_by_a_person(title: Any, under: Any, kept: str) -> None:
    item = _quoted_certificate(title, under)
    assert kept in item.value["title"]
    assert "training.title_unsure" in item.reasons
    assert item.needs_review and item.confidence <= 0.7


# Review R11d (finding 1): a line under a quoted title that holds a pair of marks of its own (a second quoted title,
# a series or a programme named in quotes at its end) closes nothing above it: the quote ends the title, checked.
@pytest.mark.parametrize("under", [
    "\u201cSoothing the Fussy Baby\u201d",
    "\"Soothing the Fussy Baby\"",
    "Module Three of the \u201cCalm Beginnings\u201d Series",
    "presented with Prof. Noor Haddad of \u201cKind Hands\u201d",
    "Westbrook \u201cFamily Roots\u201d",
])
def test_a_line_with_its_own_quoted_name_under_a_quoted_title_is_no_part_of_it(under: str) -> None:
    item = _attended([("\u201cBedtime Routines\u201d", 16.0), (under, 16.0)])
    assert item.value["title"] == "Bedtime Routines"
    assert "training.title_unsure" in item.reasons
    assert item.needs_review and item.confidence <= 0.7


# Review R11d (finding 2): with no quote marks, or with marks a scan lost, a provider, a place, a trainer or the hours
# set in the title's type are as likely the certificate's next particular as the title's wrap: cut, and checked.
@pytest.mark.parametrize("under", ["Meadowbrook Parent Education Network", "Eau Claire, Wisconsin", "St. Cloud, MN",
                                   "Three Contact Hours", "with Dr. Ines Okafor"])
def test_a_particular_in_the_type_of_an_unquoted_title_ends_it_and_is_checked(under: str) -> None:
    item = _attended([("Bedtime Routines for Toddlers", 16.0), (under, 16.0)])
    assert item.value["title"] == "Bedtime Routines for Toddlers"
    assert "training.title_unsure" in item.reasons
    assert item.needs_review and item.confidence <= 0.7


def test_a_provider_in_the_box_height_of_a_scanned_title_that_lost_its_marks_ends_it_and_is_checked() -> None:
    item = _quoted_certificate(said(206, "Bedtime Routines for Toddlers", 12.0),
                               ("Meadowbrook Parent Education Network", 12.0))
    assert item.value["title"] == "Bedtime Routines for Toddlers"
    assert "training.title_unsure" in item.reasons
    assert item.needs_review and item.confidence <= 0.7


@pytest.mark.parametrize(("title_rows", "title"), [
    ([("Supporting Families in", 16.0), ("Child Welfare Services", 16.0)], "Supporting Families in Child Welfare "
                                                                            "Services"),
    ([("Attachment, Trauma and", 16.0), ("Early Intervention Practice", 16.0)], "Attachment, Trauma and Early "
                                                                                "Intervention Practice"),
    ([("Reflective Practice for", 16.0), ("Home Visiting Programs", 16.0)], "Reflective Practice for Home Visiting "
                                                                            "Programs"),
])
def test_an_unquoted_title_whose_first_line_must_go_on_is_read_whole(title_rows: list[Row], title: str) -> None:
    """Guard rows (pass before and after): a line ending on a joining word is finished by the line under it."""
    item = _attended(title_rows)
    assert item.value["title"] == title
    assert "training.title_unsure" not in item.reasons


def test_a_quoted_line_in_other_type_under_a_scanned_quoted_title_is_checked() -> None:
    """Guard row (passes before and after): a second part's quoted name under the title's, read looser by OCR."""
    item = _quoted_certificate(said(200, "\u201cPart One: Bonding\u201d", 14.0), ("\u201cPart Two: Play\u201d", 12.0))
    assert "training.title_unsure" in item.reasons
    assert item.needs_review and item.confidence <= 0.7
