"""Review mends (R11h) for exam results: a roomy score table's far rows, a stacked grid's results date in any
spelling."""

from __future__ import annotations

import pytest

from extractors import exam
from extractors.fields import Item
from extractors.layout import DocText
from extractors.nlp import find_patterns
from tests.test_extract_forms import doc_of

Row = tuple[float, list[tuple[float, str]]]


def exam_item(doc: DocText) -> Item:
    return exam.extract(doc, find_patterns(doc.text)).items[0]


def roomy_scores(first: str, *rows: Row) -> DocText:
    """A score report whose names row sits tight over its first row, the next rows set far apart."""
    return doc_of((58, [(72, "Candidate Score Notice")]), (84, [(72, "Sat on: 11/04/2024")]),
                  (130, [(72, "Try"), (230, "Scaled score"), (360, "Cut score")]),
                  (144, [(72, "Attempt 1"), (230, first), (360, "300")]), *rows)


@pytest.mark.parametrize(("first", "second", "second_at"), [
    ("288", "317", 190.0), ("317", "288", 190.0), ("288", "317", 230.0), ("317", "288", 230.0),
])
def test_exam_second_attempt_far_under_the_first_decides_nothing(first: str, second: str, second_at: float) -> None:
    doc = roomy_scores(first, (second_at, [(72, "Attempt 2"), (230, second), (360, "300")]))
    item = exam_item(doc)
    assert item.value["passed"] is None and "exam.result_unclear" in item.reasons


@pytest.mark.parametrize("far", [(240, [(72, "Retakes remaining:"), (230, "2")]), (700, [(300, "1")])])
def test_exam_one_attempt_with_a_figure_far_below_decides(far: Row) -> None:
    """Guards (pass before and after): a label with its figure or a page number far below is no attempt."""
    item = exam_item(roomy_scores("317", far))
    assert item.value["passed"] is True and not item.needs_review


# "14-Feb-2025" fails before; the other spellings are guards (flagged as stacked before and after)
@pytest.mark.parametrize("when", ["14-Feb-2025", "14 Feb 2025", "2025/02/14", "Feb 14 2025"])
def test_exam_stacked_grids_never_give_the_registration_date_unchecked(when: str) -> None:
    doc = doc_of((50, [(80, "Sitting Record")]), (93, [(80, "Candidate"), (260, "Registered"), (420, "Seat")]),
                 (110, [(80, "Lee Chan"), (260, "01/06/2025"), (420, "Seat 12")]),
                 (124, [(80, "Assessment"), (260, "Exam date"), (420, "Outcome")]),
                 (146, [(80, "Endorsement exam"), (260, when), (420, "Pass")]))
    item = exam_item(doc)
    assert item.value["date"] == "2025-02-14" or (item.needs_review and item.confidence <= 0.7)
