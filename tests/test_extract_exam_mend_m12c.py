"""Exam review mend (m12c2's finding): a far retake row whose verdict sits off the result column still counts."""

from __future__ import annotations

import pytest

from extractors import exam
from extractors.fields import Item
from extractors.layout import DocText
from extractors.nlp import find_patterns
from tests.test_extract_forms import doc_of


def exam_item(doc: DocText) -> Item:
    return exam.extract(doc, find_patterns(doc.text)).items[0]


SHIFTED_RETAKES = {
    "verdict under the score column, past a note": doc_of(
        (60, [(72, "Score Report")]),
        (100, [(72, "Sitting"), (240, "Test date"), (340, "Score"), (420, "Result")]),
        (114, [(72, "First sitting"), (240, "05/09/2023"), (340, "402"), (420, "Fail")]),
        (180, [(72, "Note: retake approved; results below.")]),
        (220, [(72, "Second sitting"), (240, "08/14/2023"), (340, "436"), (380, "Pass")]),
    ),
    "verdict shifted into the score cell, score left out": doc_of(
        (60, [(72, "Score Report")]),
        (100, [(72, "Sitting"), (240, "Test date"), (340, "Score"), (420, "Result")]),
        (114, [(72, "First sitting"), (240, "05/09/2023"), (340, "402"), (420, "Fail")]),
        (220, [(72, "Second sitting"), (240, "08/14/2023"), (340, "Pass")]),
    ),
    "date only and a verdict left of the result column": doc_of(
        (60, [(72, "Score Report")]),
        (100, [(72, "Sitting"), (240, "Test date"), (340, "Score"), (460, "Result")]),
        (114, [(72, "First sitting"), (240, "05/09/2023"), (340, "402"), (460, "Fail")]),
        (200, [(72, "Retake"), (240, "08/14/2023"), (380, "Passed")]),
    ),
}


@pytest.mark.parametrize("name", SHIFTED_RETAKES)
def test_far_retake_with_a_verdict_off_the_result_column_is_another_attempt(name: str) -> None:
    item = exam_item(SHIFTED_RETAKES[name])
    assert item.needs_review and "exam.several_attempts" in item.reasons, (item.value, item.reasons)


NO_ATTEMPT = {
    "subscores under the score column, no verdict": doc_of(
        (60, [(72, "Score Report")]),
        (100, [(72, "Exam"), (240, "Test date"), (340, "Score"), (420, "Result")]),
        (114, [(72, "Endorsement Exam"), (240, "05/09/2023"), (340, "436"), (420, "Pass")]),
        (200, [(72, "Subscores by domain")]),
        (220, [(72, "Infant development"), (340, "88")]),
        (234, [(72, "Reflective practice"), (340, "71")]),
    ),
    "breakdown with its verdict under the result column only": doc_of(
        (60, [(72, "Score Report")]),
        (100, [(72, "Exam"), (240, "Test date"), (340, "Score"), (420, "Result")]),
        (114, [(72, "Endorsement Exam"), (240, "05/09/2023"), (340, "436"), (420, "Pass")]),
        (200, [(72, "Performance by content area")]),
        (220, [(72, "Infant development"), (420, "Met")]),
        (234, [(72, "Relationship-based practice"), (420, "Met")]),
    ),
    "a label and its figure far below": doc_of(
        (60, [(72, "Score Report")]),
        (100, [(72, "Exam"), (240, "Test date"), (340, "Score"), (420, "Result")]),
        (114, [(72, "Endorsement Exam"), (240, "05/09/2023"), (340, "436"), (420, "Pass")]),
        (200, [(72, "Passing score:"), (340, "420")]),
    ),
}


@pytest.mark.parametrize("name", NO_ATTEMPT)
def test_far_row_without_a_verdict_or_value_cell_is_no_attempt(name: str) -> None:
    item = exam_item(NO_ATTEMPT[name])
    assert item.value["passed"] is True and not item.needs_review, (item.value, item.reasons)
