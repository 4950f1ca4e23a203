"""Exam review mend (r13b): other attempts and other verdicts beside a labelled verdict make it doubtful."""

from __future__ import annotations

import pytest

from extractors import exam
from extractors.fields import Item
from extractors.layout import DocText, build_text
from extractors.nlp import find_patterns
from pipeline.models import Page
from tests.test_extract_forms import doc_of, page_of

Row = tuple[int, list[tuple[int, str]]]
TITLE: Row = (60, [(72, "Candidate Score Notice")])
HEADER: Row = (100, [(72, "Examination"), (240, "Date tested"), (340, "Score"), (430, "Result")])
FAILED: Row = (114, [(72, "Level III written exam"), (240, "09/14/2023"), (340, "401"), (430, "Fail")])
PASSED: Row = (114, [(72, "Level III written exam"), (240, "09/14/2023"), (340, "461"), (430, "Pass")])


def exam_item(doc: DocText) -> Item:
    return exam.extract(doc, find_patterns(doc.text)).items[0]


def two_pages(first: list[Row], second: list[Row]) -> DocText:
    one, two = page_of(first), page_of(second)
    two = Page(number=2, width=two.width, height=two.height, source=two.source, words=two.words)
    return build_text("doc", [one, two])


FAR_DATED_RETAKES = {  # finding 1: the retake's date or score in its name or verdict cell, far below
    "date in the name cell": doc_of(TITLE, HEADER, FAILED, (170, [(72, "Resit approved by the board.")]),
                                    (230, [(72, "Resit (01/19/2024)"), (430, "Pass")])),
    "date beside the verdict": doc_of(TITLE, HEADER, FAILED, (170, [(72, "Resit approved by the board.")]),
                                      (230, [(72, "Resit sitting"), (430, "Pass on 01/19/2024")])),
    "score in the name cell": doc_of(TITLE, HEADER, FAILED, (240, [(72, "Resit, scored 452"), (430, "Passed")])),
}


@pytest.mark.parametrize("name", FAR_DATED_RETAKES)
def test_far_retake_dated_in_its_name_or_verdict_cell_is_another_attempt(name: str) -> None:
    item = exam_item(FAR_DATED_RETAKES[name])
    assert item.needs_review and "exam.several_attempts" in item.reasons


SAID_OTHERWISE = {  # finding 3: a verdict in words that disagrees with the column's
    "a sentence under the table": doc_of(TITLE, HEADER, FAILED, (170, [(72, "She sat the exam again on 01/19/2024, "
                                                                            "and this time she passed it.")])),
    "a one-cell line": doc_of(TITLE, HEADER, FAILED, (170, [(72, "Resit 01/19/2024: passed")])),
    "a letter on page 2": two_pages([TITLE, HEADER, FAILED],
                                    [(60, [(72, "We write to confirm you have now successfully passed the exam.")])]),
    "a failure said under a Pass": doc_of(TITLE, HEADER, PASSED,
                                          (170, [(72, "On review the board found the attempt unsuccessful.")])),
}


@pytest.mark.parametrize("name", SAID_OTHERWISE)
def test_a_verdict_said_in_words_against_the_column_is_a_conflict(name: str) -> None:
    item = exam_item(SAID_OTHERWISE[name])
    assert item.needs_review and "exam.result_conflict" in item.reasons


def test_a_later_table_in_its_own_column_order_is_another_attempt() -> None:
    """Finding 2: page 2's table leads with its result column; it is read by its own header."""
    doc = two_pages([TITLE, HEADER, FAILED],
                    [(60, [(72, "Second sitting")]),
                     (90, [(72, "Outcome"), (170, "Score"), (250, "Test date"), (350, "Attempt")]),
                     (104, [(72, "Pass"), (170, "455"), (250, "01/19/2024"), (350, "2")])])
    item = exam_item(doc)
    assert item.needs_review and "exam.several_attempts" in item.reasons


CLOSE_RETAKES = {  # finding 5: a close row with a date is another sitting, its verdict wherever it stands
    "verdict under the score": doc_of(TITLE, HEADER, FAILED,
                                      (128, [(72, "Resit"), (240, "01/19/2024"), (340, "Pass")])),
    "cells run together": doc_of(TITLE, HEADER, FAILED, (128, [(72, "Resit 01/19/2024 452 Pass")])),
}


@pytest.mark.parametrize("name", CLOSE_RETAKES)
def test_close_dated_row_is_another_attempt(name: str) -> None:
    item = exam_item(CLOSE_RETAKES[name])
    assert item.needs_review and "exam.several_attempts" in item.reasons


@pytest.mark.parametrize("cell", ["Pass threshold not met", "Passed - no", "Pass (subject to appeal)"])
def test_a_verdict_cell_saying_more_than_a_verdict_is_unclear(cell: str) -> None:
    """Finding 6: words after the verdict that are no figures and no second agreeing verdict."""
    row: Row = (114, [(72, "Level III written exam"), (240, "09/14/2023"), (340, "401"), (430, cell)])
    item = exam_item(doc_of(TITLE, HEADER, row))
    assert item.needs_review and "exam.result_unclear" in item.reasons


@pytest.mark.parametrize("cell,passed", [("Met standard", True), ("Completed - Passed", True), ("Pass 461", True),
                                         ("Unsuccessful attempt", False), ("SUCCESSFUL - passed", True)])
def test_guard_a_verdict_alone_or_with_figures_stays_sure(cell: str, passed: bool) -> None:
    row: Row = (114, [(72, "Level III written exam"), (240, "09/14/2023"), (340, "461"), (430, cell)])
    item = exam_item(doc_of(TITLE, HEADER, row, (170, [(72, "Candidates who fail may sit a later window.")])))
    assert item.value["passed"] is passed and not item.needs_review, item.reasons
