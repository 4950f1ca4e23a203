"""Exam results: the date under a results table's column named by the sitting's verb ("Administered", "Held").

Such a date is the sitting's only in the one row of a table of the exam, with no other day said anywhere after
its header nor in a sentence above it; anything else leaves the date to a person.
"""

from __future__ import annotations

import re

from extractors.dates import ParsedDate, parse_date
from extractors.exam_verdict import RESULT_LABEL
from extractors.form_layout import box_of, is_prose, overlap
from extractors.forms import is_range, ocr_tolerant
from extractors.layout import DocText, Line
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
EXAM_NAME = r"exam(?:ination)?(?:\s+name)?|test(?:\s+name)?"
NAME_COLUMN = re.compile(rf"(?i)^[\s|]*(?:{ocr_tolerant(EXAM_NAME)})\s*:?\s*$")
"""A column naming the exam itself: the cell under it in the sitting's row is the exam's name."""
TITLE_WORD = r"(?:[A-Z][\w'’.&®™-]*|[IVX]+|\d+[A-Za-z]?|of|and|the|in|for|on|to|&|[-–—/:]|\([A-Z0-9&®™-]+\))"
EXAM_TITLE = re.compile(rf"^\s*{TITLE_WORD}(?:[\s,]+{TITLE_WORD})*[\s,]*$")
"""An exam's name alone: words of a title (capitalised, numerals, small joining words, an acronym in brackets)
("Endorsement Exam, Level III", "Infant Mental Health, Level IV"); a lowercase word or an aside ("(retake)",
"Registration received") says something more about the row."""
NAMES_AN_EXAM = re.compile(r"(?i)\b(?:exam(?:ination)?s?|tests?|assessments?|endorsement|level|part|section|module)\b")
"""What an exam's title is a title of: an exam, an endorsement, its level or part ("Seat Reservation" is none)."""
SITTING_NAME = re.compile(r"(?i)\b(?:re-?takes?|re-?sits?|re-?sat|retook|re-?scheduled?|re-?booked|bookings?"
                          r"|registrations?|registered|reservations?|reserved|appointments?)\b")
"""A word naming a sitting, a booking or an enrolment rather than the exam ("Endorsement Exam (RETAKE)", "Exam
Registration"): a name cell holding one, in any case, is no exam's name alone."""
SITTING = r"exam(?:ination)?s?|tests?|sittings?|re-?takes?|re-?sits?|seats?|sessions?|appointments?"
FUTURE_SITTING = re.compile(
    r"(?i)^(?=.*\b(?:booked|scheduled|upcoming|reserved|registered\s+for|to\s+be\s+(?:held|taken|sat))\b)"
    rf"(?=.*\b(?:{SITTING})\b)"
    r"|\b(?:will|shall)\s+(?:not\s+)?(?:(?:now|also|then|next|need\s+to|have\s+to|be\s+able\s+to)\s+)?"
    r"(?:sit|take|re-?sit|re-?take|attend|be\s+(?:sitting|taking|held|taken|sat|administered|re-?scheduled))\b"
    r"|\b(?:re-?takes?|re-?sits?|sittings?|seats?|sessions?|appointments?|bookings?|registrations?)\b"
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:is|are|has\s+been|have\s+been|was|were|now)\s+(?:now\s+)?confirmed\b")
"""A sentence speaking of a sitting still to come: one booked, scheduled, reserved or upcoming beside a sitting's
word ("Your retake is booked below"), "will" governing the sitting ("You will sit the examination", "the exam will
be held ..."; "Your certificate will be mailed once the examination board meets" is none), or a sitting confirmed
("Your retake is confirmed"): a date in the table may be that sitting's, not the one taken."""


def when_doubt(doc: DocText, span: Evidence, dated: ParsedDate, said: ParsedDate | None,
              evidence: list[Evidence]) -> bool:
    """Whether a date under a verb-named column is not surely the sitting's.

    A sure one is the one row of a table of the exam: its header names the exam, its result or its score beside the
    verb ("Examination | Administered | Test site"), no other day stands anywhere after the header (a second row, a
    schedule of later sittings, a sentence naming another day; a period, a window, is no day), and neither the
    letter's "you sat the examination on" nor any sentence above names another day ("which you took on ..."; a
    letter's or report's own date, alone or after its label in its cell, is no sentence). Anything else (a table of
    something else, several rows, another day said, a row whose name cell is more than the exam's name, a sentence
    speaking of a sitting to come: `_names_the_exam`, `_future_sitting`) leaves the sitting's date to a person.
    """
    line = doc.line_at(span.start)
    if line is None or (index := doc.lines.index(line)) < 1:
        return True
    header = doc.lines[index - 1]
    if not any(RESULTS_TABLE.match(doc.slice(*cell)) for cell in header.cell_spans()):
        return True
    if said is not None and said.date != dated.date:
        return True
    if not _names_the_exam(doc, header, line, span) or _future_sitting(doc):
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


def _names_the_exam(doc: DocText, header: Line, row: Line, date: Evidence) -> bool:
    """Whether the sitting's row names the exam alone under the header's exam column (none named: nothing to check).

    A booking or registration row in a table of the same columns names something else in that cell ("Endorsement
    Exam (retake)", "Endorsement Exam (RESIT)", "Exam Registration", "Seat reservation": `SITTING_NAME`); a cell
    missing under the column is no name. A name cell run together with the date's (cells set close, a scan) is
    judged without the date.
    """
    columns = [box for cell in header.cell_spans()
               if NAME_COLUMN.match(doc.slice(*cell)) and (box := box_of(doc, *cell)) is not None]
    if not columns:
        return True
    names = [(doc.slice(cell[0], date.start) + " " + doc.slice(date.end, cell[1])
              if cell[0] <= date.start and date.end <= cell[1] else doc.slice(*cell))
             for cell in row.cell_spans()
             if (box := box_of(doc, *cell)) is not None and any(overlap(column, box) > 0.2 for column in columns)]
    return (len(names) == 1 and EXAM_TITLE.match(names[0]) is not None and NAMES_AN_EXAM.search(names[0]) is not None
            and not SITTING_NAME.search(names[0]))


def _future_sitting(doc: DocText) -> bool:
    """Whether a sentence of the page speaks of a sitting still to come (booked, scheduled, "will sit")."""
    return any(is_prose(text := doc.slice(line.start, line.end)) and FUTURE_SITTING.search(text)
               for line in doc.lines)
