"""Exam review mend (r13n findings 2, 3, 4, 6): a sure verdict cell and a sure verb-column date, by their shapes."""

from __future__ import annotations

import pytest

from extractors import exam
from extractors.fields import Item
from extractors.layout import DocText
from extractors.nlp import find_patterns
from tests.test_extract_forms import doc_of

Row = tuple[int, list[tuple[int, str]]]
HEADER: Row = (100, [(72, "Examination"), (250, "Date sat"), (350, "Scaled score"), (440, "Outcome")])


def exam_item(doc: DocText) -> Item:
    return exam.extract(doc, find_patterns(doc.text)).items[0]


def report(verdict: str, *under: Row) -> DocText:
    """A one-row score report whose outcome cell holds `verdict`, with lines under the row."""
    return doc_of((60, [(72, "Candidate Score Notice")]), HEADER,
                  (114, [(72, "IMH Endorsement Examination"), (250, "11/04/2024"), (350, "512"), (440, verdict)]),
                  *under)


def verb_table(name: str, *over: Row) -> DocText:
    """A one-row table whose date column is named by the sitting's verb, the exam's name cell holding `name`."""
    return doc_of(*over, (100, [(72, "Exam"), (330, "Taken"), (450, "Site")]),
                  (116, [(72, name), (330, "05/12/2025"), (450, "Detroit")]))


UNSURE_VERDICT = {  # fail before: the outcome cell says more than a verdict and figures
    "an asterisk mark": report("Passed*", (300, [(72, "* Pending verification of identity documents.")])),
    "a dagger mark": report("Pass †"),
    "a query mark": report("Pass ?"),
    "a wrapped second line": report("Passed -", (124, [(440, "on hold")])),
}


@pytest.mark.parametrize("name", UNSURE_VERDICT)
def test_a_verdict_cell_beyond_verdict_and_figures_goes_to_a_person(name: str) -> None:
    item = exam_item(UNSURE_VERDICT[name])
    assert "exam.result_unclear" in item.reasons and item.confidence <= 0.7


SURE_VERDICT = {  # guards (pass before and after): a verdict with figures only, a score's marks, a next row dated
    "a percentage after it": report("Pass - 86%"),
    "figures in brackets": report("Pass (512/800)"),
}


@pytest.mark.parametrize("name", SURE_VERDICT)
def test_a_verdict_with_figures_only_stays_sure(name: str) -> None:
    item = exam_item(SURE_VERDICT[name])
    assert item.value == {"passed": True, "date": "2024-11-04"} and not item.needs_review


SITTING_ROWS = {  # fail before: the name cell names a sitting or booking, or a sentence confirms one to come
    "a capital aside naming a resit": verb_table("Endorsement Examination (RESIT)",
                                                 (60, [(72, "Overall result: Pass")])),
    "a title naming a retake": verb_table("Endorsement Exam Retake", (60, [(72, "Overall result: Pass")])),
    "a sitting confirmed": verb_table("Endorsement Examination",
                                      (60, [(72, "Sadly you did not pass. Your new sitting has been confirmed.")])),
}


@pytest.mark.parametrize("name", SITTING_ROWS)
def test_a_sitting_row_or_a_confirmed_sitting_leaves_the_date_to_a_person(name: str) -> None:
    item = exam_item(SITTING_ROWS[name])
    assert "exam.date_column_unsure" in item.reasons and item.confidence <= 0.7


SURE_SITTING = {  # fail before (LOSS): 'will' of something else than the sitting
    "a certificate to be mailed": verb_table("Endorsement Examination, Level IV",
                                             (60, [(72, "Congratulations, you passed the examination.")]),
                                             (74, [(72, "A certificate will be posted after the exam panel meets.")])),
}


@pytest.mark.parametrize("name", SURE_SITTING)
def test_will_of_something_else_leaves_the_sitting_sure(name: str) -> None:
    item = exam_item(SURE_SITTING[name])
    assert item.value == {"passed": True, "date": "2025-05-12"} and not item.needs_review
