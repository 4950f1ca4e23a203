"""Exam review mend (r13b finding 4): a verb column's date is the sitting's only in a row naming the exam alone."""

from __future__ import annotations

import pytest

from extractors import exam
from extractors.fields import Item
from extractors.layout import DocText
from extractors.nlp import find_patterns
from tests.test_extract_forms import doc_of

Row = tuple[int, list[tuple[int, str]]]


def exam_item(doc: DocText) -> Item:
    return exam.extract(doc, find_patterns(doc.text)).items[0]


def verb_table(header: list[str], row: list[str], *around: Row) -> DocText:
    """A one-row table whose date column is named by the sitting's verb, with lines over or under it."""
    over = [line for line in around if line[0] < 100]
    under = [line for line in around if line[0] > 130]
    return doc_of(*over, (100, list(zip((72, 330, 450), header, strict=True))),
                  (116, list(zip((72, 330, 450), row, strict=True))), *under)


NOT_THE_SITTING = {  # fail before: the row or the page says the date is not (surely) the one the exam was taken on
    "an aside in the name cell": verb_table(["Exam", "Held", "Location"],
                                            ["Endorsement Exam (re-sit)", "07/02/2025", "Remote"],
                                            (60, [(72, "We regret you were not successful; a new seat is reserved.")])),
    "an application row": verb_table(["Examination", "Sat", "Result"], ["Application accepted", "02/14/2025", "Pass"]),
    "a title naming no exam": verb_table(["Exam", "Taken", "Status"], ["Seat Hold", "02/14/2025", "Confirmed"],
                                         (150, [(72, "Overall result: Pass")])),
    "a sentence of a sitting to come": verb_table(["Examination", "Administered", "Venue"],
                                                  ["IMH Endorsement Examination", "09/03/2025", "Remote"],
                                                  (60, [(72, "Your next sitting has been scheduled as shown here.")]),
                                                  (150, [(72, "Previous outcome: Did not pass")])),
}


@pytest.mark.parametrize("name", NOT_THE_SITTING)
def test_a_verb_column_date_not_surely_the_sitting_goes_to_a_person(name: str) -> None:
    item = exam_item(NOT_THE_SITTING[name])
    assert "exam.date_column_unsure" in item.reasons and item.confidence <= 0.7


SURE_SITTINGS = {  # guards (pass before and after): the row names the exam alone, the page speaks of no later sitting
    "an exam with its part": verb_table(["Examination", "Administered", "Venue"],
                                        ["Infant Family Specialist Exam, Part 2", "04/18/2025", "Remote"],
                                        (150, [(72, "Overall result: Pass")])),
    "an acronym in brackets": verb_table(["Exam", "Taken", "Location"],
                                         ["Infant Mental Health Examination (IMH-E)", "04/18/2025", "Lansing"],
                                         (150, [(72, "Overall result: Pass")])),
}


@pytest.mark.parametrize("name", SURE_SITTINGS)
def test_a_verb_column_date_in_a_row_naming_the_exam_alone_is_sure(name: str) -> None:
    item = exam_item(SURE_SITTINGS[name])
    assert item.value == {"passed": True, "date": "2025-04-18"} and not item.needs_review
