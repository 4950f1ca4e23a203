"""Exam review mends (r12k): a verb-named date column tied to the sitting, retake rows, stacked grids, breakdowns."""

from __future__ import annotations

import pytest

from extractors import exam
from extractors.fields import Item
from extractors.layout import DocText, build_text
from extractors.nlp import find_patterns
from pipeline.models import Page
from tests.test_extract_forms import doc_of, page_of


def exam_item(doc: DocText) -> Item:
    return exam.extract(doc, find_patterns(doc.text)).items[0]


def on_two_pages(first: list, second: list) -> DocText:
    one, two = page_of(first), page_of(second)
    two = Page(number=2, width=two.width, height=two.height, source=two.source, words=two.words)
    return build_text("doc", [one, two])


UNSURE = "exam.date_column_unsure"

VERB_COLUMN_IN_DOUBT = {
    "letter date, then a booking list of later sittings": doc_of(
        (60, [(72, "Dear Mr. Okafor,")]),
        (80, [(72, "You took the examination on 10 March 2025 and did not reach the passing mark.")]),
        (110, [(72, "Dates you can book next:")]),
        (130, [(72, "Examination"), (250, "Written"), (380, "Venue")]),
        (144, [(72, "Endorsement Examination"), (250, "June 9, 2025"), (380, "Grand Rapids")]),
        (158, [(72, "Endorsement Examination"), (250, "September 8, 2025"), (380, "Online")]),
    ),
    "sentence above names another day, one-row table of the next sitting": doc_of(
        (60, [(72, "Your attempt of 4 February 2025 has now been graded and you passed it.")]),
        (100, [(72, "Next offering")]),
        (120, [(72, "Test"), (250, "Administered"), (380, "Centre")]),
        (134, [(72, "Endorsement Test"), (250, "04/19/2025"), (380, "Flint")]),
    ),
    "sentence below names another day": doc_of(
        (60, [(72, "Score Notice")]),
        (100, [(72, "Exam"), (250, "Held"), (380, "Location")]),
        (114, [(72, "Endorsement Exam"), (250, "02/11/2025"), (380, "Online")]),
        (150, [(72, "Overall result: Pass")]),
        (170, [(72, "Your certificate will be mailed to you on 03/01/2025.")]),
    ),
    "table of modules, not of the exam": doc_of(
        (60, [(72, "Your examination of 05/06/2025 has been marked.")]),
        (80, [(72, "Overall result: Pass")]),
        (100, [(72, "Module"), (250, "Level"), (380, "Written")]),
        (114, [(72, "Reflective practice unit"), (250, "III"), (380, "02/20/2025")]),
    ),
    "a held seat, and the person tested on another day": doc_of(
        (60, [(72, "Registration and results")]),
        (90, [(72, "Test"), (250, "Held"), (380, "Room")]),
        (104, [(72, "Seat hold"), (250, "01/05/2025"), (380, "Room 3")]),
        (140, [(72, "The applicant was tested on 01/20/2025.")]),
        (160, [(72, "Overall result: Pass")]),
    ),
}


@pytest.mark.parametrize("name", list(VERB_COLUMN_IN_DOUBT))
def test_exam_verb_column_date_not_tied_to_the_sitting_is_doubted(name: str) -> None:
    item = exam_item(VERB_COLUMN_IN_DOUBT[name])
    assert item.needs_review and UNSURE in item.reasons and item.confidence <= 0.7


def test_exam_letter_sentence_wins_over_a_later_sittings_table() -> None:
    item = exam_item(VERB_COLUMN_IN_DOUBT["letter date, then a booking list of later sittings"])
    assert item.value["date"] == "2025-03-10"


def test_exam_tested_sentence_wins_over_a_held_seat() -> None:
    item = exam_item(VERB_COLUMN_IN_DOUBT["a held seat, and the person tested on another day"])
    assert item.value["date"] == "2025-01-20"


def test_exam_verb_column_one_row_with_report_date_and_window_stays_sure() -> None:
    """Guard (passes before and after): the report's own date over the table and a window under it are no other day."""
    item = exam_item(doc_of(
        (50, [(72, "Assessment Office"), (380, "Issued: 09/30/2025")]),
        (100, [(72, "Examination"), (250, "Taken"), (380, "Site")]),
        (114, [(72, "Endorsement Examination, Level II"), (250, "09/12/2025"), (380, "Online")]),
        (140, [(72, "Scaled score: 81")]),
        (154, [(72, "Result: Pass")]),
        (180, [(72, "The testing period ran September 8-19, 2025.")]),
    ))
    assert item.value == {"passed": True, "date": "2025-09-12"} and not item.needs_review


def attempts(name_cell: str) -> DocText:
    """A results table of one sitting, and a further sitting's row set far below it."""
    return doc_of((60, [(72, "Results Statement")]),
                  (100, [(72, "Attempt"), (240, "Exam date"), (340, "Score"), (420, "Result")]),
                  (114, [(72, "Attempt 1"), (240, "01/11/2024"), (340, "380"), (420, "Not passed")]),
                  (190, [(72, name_cell), (240, "04/02/2024"), (340, "455"), (420, "Passed")]))


@pytest.mark.parametrize("name_cell", ["Resit:", "Second try:"])
def test_exam_far_row_whose_name_ends_in_a_colon_is_another_attempt(name_cell: str) -> None:
    item = exam_item(attempts(name_cell))
    assert "exam.several_attempts" in item.reasons and item.confidence <= 0.7


def test_exam_far_row_without_colon_is_another_attempt() -> None:
    """Guard (passes before and after)."""
    assert "exam.several_attempts" in exam_item(attempts("Attempt 2")).reasons


def stacked_grid(last: list) -> DocText:
    """A sign-in grid over a results grid read the wrong way, its date cell left blank or set off."""
    return doc_of((50, [(80, "Sitting Record")]), (93, [(80, "Examinee"), (260, "Registered"), (420, "Seat")]),
                  (110, [(80, "Lee Park"), (260, "02/02/2024"), (420, "Seat 9")]),
                  (124, [(260, "Exam date"), (420, "Outcome")]), (146, last))


@pytest.mark.parametrize("last", [[(420, "Passed")], [(420, "Not passed")]])
def test_exam_stacked_grid_with_a_blank_date_cell_is_not_sure(last: list) -> None:
    item = exam_item(stacked_grid(last))
    assert item.value["date"] != "2024-02-02" or item.needs_review


BREAKDOWNS = {
    "same page, far below": doc_of(
        (60, [(72, "Score Report")]),
        (100, [(72, "Exam"), (240, "Test date"), (340, "Score"), (420, "Result")]),
        (114, [(72, "Endorsement Exam"), (240, "11/03/2024"), (340, "441"), (420, "Pass")]),
        (196, [(72, "Results by domain")]),
        (216, [(72, "Ethics and law"), (420, "Met")]),
        (230, [(72, "Attachment theory"), (420, "Not met")]),
    ),
    "second page": on_two_pages(
        [(60, [(72, "Score Report")]),
         (100, [(72, "Exam"), (240, "Test date"), (340, "Score"), (420, "Result")]),
         (114, [(72, "Endorsement Exam"), (240, "11/03/2024"), (340, "441"), (420, "Pass")])],
        [(60, [(72, "Domain feedback")]),
         (90, [(72, "Domain"), (420, "Rating")]),
         (104, [(72, "Ethics and law"), (420, "Satisfactory")]),
         (118, [(72, "Attachment theory"), (420, "Unsatisfactory")])],
    ),
}


@pytest.mark.parametrize("name", list(BREAKDOWNS))
def test_exam_breakdown_by_domain_is_no_further_attempt(name: str) -> None:
    item = exam_item(BREAKDOWNS[name])
    assert item.value == {"passed": True, "date": "2024-11-03"} and not item.needs_review
