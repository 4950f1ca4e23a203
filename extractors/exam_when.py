"""Exam results: the date under a results table's column named by the sitting's verb ("Administered", "Held").

Such a date is the sitting's only in the one row of a table of the exam, with no other day said anywhere after
its header nor in a sentence above it; anything else leaves the date to a person.
"""

from __future__ import annotations

import re

from extractors.dates import ParsedDate, parse_date
from extractors.exam_verdict import RESULT_LABEL
from extractors.form_layout import is_prose
from extractors.forms import is_range, ocr_tolerant
from extractors.layout import DocText
from extractors.nlp import Evidence

WHEN_COLUMN = r"(?:administered|taken|tested|sat|held|written)(?:\s+on)?"
"""A results table's column named by the sitting's verb alone ("Examination | Administered | Test site"): the
table is of the exam, so the date under the verb is when it was taken. Only as a column's name in a header row,
never as a label in running text."""
WHEN_DOUBT = "exam.date_column_unsure"
"""A date under a verb-named column ("Held", "Taken") that is not surely the sitting's: a person checks."""
OF_THE_EXAM = rf"exam(?:ination)?(?:\s+name)?|test(?:\s+name)?|(?:scaled\s+|your\s+)?score|{RESULT_LABEL}"
RESULTS_TABLE = re.compile(rf"(?i)^[\s|]*(?:{ocr_tolerant(OF_THE_EXAM)})\s*:?\s*$")
"""A column naming the exam itself, its result or its score: a table holding one is a table of the exam."""


def when_doubt(doc: DocText, span: Evidence, dated: ParsedDate, said: ParsedDate | None,
              evidence: list[Evidence]) -> bool:
    """Whether a date under a verb-named column is not surely the sitting's.

    A sure one is the one row of a table of the exam: its header names the exam, its result or its score beside the
    verb ("Examination | Administered | Test site"), no other day stands anywhere after the header (a second row, a
    schedule of later sittings, a sentence naming another day; a period, a window, is no day), and neither the
    letter's "you sat the examination on" nor any sentence above names another day ("which you took on ..."; a
    letter's or report's own date, alone or after its label in its cell, is no sentence). Anything else (a table of
    something else, several rows, another day said) leaves the sitting's date to a person.
    """
    line = doc.line_at(span.start)
    if line is None or (index := doc.lines.index(line)) < 1:
        return True
    header = doc.lines[index - 1]
    if not any(RESULTS_TABLE.match(doc.slice(*cell)) for cell in header.cell_spans()):
        return True
    if said is not None and said.date != dated.date:
        return True
    for ev in evidence:
        if (ev.label != "DATE" or (ev.start < span.end and ev.end > span.start) or is_range(ev)
                or (ev.start < header.start and not in_sentence(doc, ev))):
            continue
        other = parse_date(ev.text)
        if other is None or other.date != dated.date:
            return True
    return False


def in_sentence(doc: DocText, ev: Evidence) -> bool:
    """Whether a date stands in a sentence of running text, not alone or after a label in its own cell."""
    line = doc.line_at(ev.start)
    cell = next((c for c in line.cell_spans() if c[0] <= ev.start < c[1]), None) if line is not None else None
    return cell is not None and is_prose(doc.slice(*cell))
