"""Review mends (R12c) for exam results: a retake row however it is set (a blank cell, a note between, the next
page, a wrapped row over it), a stacked grid whose results date cannot be read, a page's footer far below."""

from __future__ import annotations

import pytest

from extractors import exam
from extractors.fields import Item
from extractors.layout import DocText, build_text
from extractors.nlp import find_patterns
from pipeline.models import Page
from tests.test_extract_forms import doc_of, page_of

Row = tuple[float, list[tuple[float, str]]]

HEADS: Row = (132, [(72, "Sitting"), (170, "Exam date"), (280, "Scaled score"), (390, "Pass mark")])
FIRST: Row = (146, [(72, "First"), (170, "05/09/2023"), (280, "402"), (390, "420")])


def exam_item(doc: DocText) -> Item:
    return exam.extract(doc, find_patterns(doc.text)).items[0]


def score_table(*rows: Row) -> DocText:
    """A candidate's sittings, one row each, under a title; further rows as given."""
    return doc_of((60, [(72, "Certification Exam Results")]), HEADS, FIRST, *rows)


@pytest.mark.parametrize("rows", [
    # finding 1: the retake row far down leaves its pass mark blank ...
    [(212, [(72, "Second"), (170, "08/14/2023"), (280, "436")])],
    # ... or its sitting's name
    [(212, [(170, "08/14/2023"), (280, "436"), (390, "420")])],
    # finding 3: a note far under the first row, the retake far under the note
    [(196, [(72, "A second sitting was authorised by the board in June.")]),
     (250, [(72, "Second"), (170, "08/14/2023"), (280, "436"), (390, "420")])],
])
def test_exam_retake_row_set_apart_decides_nothing(rows: list[Row]) -> None:
    item = exam_item(score_table(*rows))
    assert item.value["passed"] is None and "exam.result_unclear" in item.reasons and item.needs_review


def test_exam_retake_row_on_the_next_page_decides_nothing() -> None:
    """Finding 4: the table runs on to a second page, its names row repeated over the retake."""
    first = page_of([(60, [(72, "Certification Exam Results")]), HEADS, FIRST])
    rest = page_of([(50, [(72, "Certification Exam Results, continued")]), (90, HEADS[1]),
                    (104, [(72, "Second"), (170, "08/14/2023"), (280, "436"), (390, "420")])])
    second = Page(number=2, width=rest.width, height=rest.height, source=rest.source, words=rest.words)
    item = exam_item(build_text("doc", [first, second]))
    assert item.value["passed"] is None and "exam.result_unclear" in item.reasons


def test_exam_verdict_column_with_a_wrapped_row_over_a_retake_is_for_a_person() -> None:
    """Finding 2: the first row's name runs onto a second line; the retake's verdict stands under it."""
    item = exam_item(doc_of((60, [(72, "Sitting History")]),
                            (100, [(72, "Test"), (240, "Date of exam"), (340, "Score"), (420, "Outcome")]),
                            (114, [(72, "Endorsement Exam"), (240, "05/09/2023"), (340, "402"), (420, "Not passed")]),
                            (125, [(72, "(online, proctored)")]),
                            (140, [(72, "Endorsement Exam"), (240, "08/14/2023"), (340, "436"), (420, "Passed")])))
    assert "exam.several_attempts" in item.reasons and item.needs_review and item.confidence <= 0.7


def test_exam_one_sitting_keeps_its_verdict_over_a_far_page_footer() -> None:
    """Finding L1: a footer holding a year under the score column and the page's number is no second sitting."""
    item = exam_item(score_table((745, [(72, "Notice EX-9"), (170, "Rev. B"), (280, "2023"),
                                           (390, "Page 2 of 2")])))
    assert item.value["passed"] is False and not item.needs_review


def test_exam_verdict_column_one_row_and_a_far_note_is_sure() -> None:
    """Guard (passes before and after): one row, a sentence far below: one attempt."""
    item = exam_item(doc_of((100, [(72, "Test"), (240, "Date of exam"), (340, "Score"), (420, "Outcome")]),
                            (114, [(72, "Endorsement Exam"), (240, "05/09/2023"), (340, "436"), (420, "Passed")]),
                            (200, [(72, "Keep this notice with your endorsement papers.")])))
    assert item.value == {"passed": True, "date": "2023-05-09"} and not item.needs_review


def stacked(when: str | None, at: float = 260) -> DocText:
    """A sign-in grid over a results grid, the first grid's names set well over its values."""
    last = [(80, "Practice exam")] + ([(at, when)] if when is not None else []) + [(420, "Pass")]
    return doc_of((50, [(80, "Session Sheet")]), (93, [(80, "Applicant"), (260, "Enrolled"), (420, "Room")]),
                  (110, [(80, "Sam Ortiz"), (260, "03/01/2024"), (420, "Room 4")]),
                  (124, [(80, "Sitting"), (260, "Test date"), (420, "Verdict")]), (146, last))


@pytest.mark.parametrize(("when", "at"), [
    # finding 5: the results date in a spelling the date finder does not read, OCR slips, a word, or blank
    ("2024 Mar 18", 260), ("18 Mar", 260), ("l8/03/2024", 260), ("18/O3/2024", 260), ("Pending", 260), (None, 260),
    # finding 6: the results date set left of its name
    ("18/03/2024", 200),
])
def test_exam_stacked_grid_enrolment_date_is_doubted(when: str | None, at: float) -> None:
    item = exam_item(stacked(when, at))
    assert item.value["date"] != "2024-03-18"
    assert "exam.date_stacked" in item.reasons and item.confidence <= 0.7
