"""Exam results: the shapes of a sure verdict and of another attempt beside the results row read.

A sure column verdict is the one verdict of the report: its cell holds the verdict alone (or a second verdict
agreeing, or figures), no later row states a result dated or scored as another sitting, and no line elsewhere
states the other verdict. Anything beyond those shapes leaves the verdict to a person.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from extractors.form_layout import box_of, overlap
from extractors.layout import DocText, Line
from extractors.nlp import find_patterns

SAID_VERDICT = re.compile(r"(?i)\b(?P<word>passed|failed|(?:un)?successful(?:ly)?)\b"
                          r"|\b(?P<bare>pass|fail)\b")
"""A verdict stated in words: a past tense or an adjective anywhere; a bare "pass"/"fail" only in a line that also
dates it (a bare verb is as often a rule, "candidates who fail may ...")."""
NEGATED = re.compile(r"(?i)\b(?:not|never|no)\s+(?:\w+\s+){0,2}$|n['’]t\s+(?:\w+\s+){0,2}$")
"""A negation right before a verdict word ("did not pass", "has never passed")."""
IN_CONDITION = re.compile(r"(?i)\b(?:if|once|unless)\s+(?:you|they|he|she|the\s+candidate|candidates)\s+"
                          r"(?:(?:have|has|had|do|does|did)\s+(?:not\s+)?)?$")
"""A verdict word as the verb of a condition's own clause ("Once you have passed both parts ...", "If you passed,
..."): with a modal elsewhere in the line (RULE_MODAL) a rule of the programme, no verdict stated about the
candidate. A condition word earlier in another clause ("once your appeal was granted and passed it") or a past
statement ("until you passed the retake") is no rule."""
RULE_MODAL = re.compile(r"(?i)\b(?:will|may|can|must|should|would)\b")
FIGURES = re.compile(r"^[\s\d/.%:,\-–—]*(?:[(\[][\s\d/.%:,\-–—]*\d[\s\d/.%:,\-–—]*[)\]][\s\d/.%:,\-–—]*)*$")
"""What may follow a verdict in its cell and leave it sure: figures and the marks a score or a date is written
with ("Pass 447", "Pass - 82%", "Pass (03/10/2024)"), brackets only around figures. A footnote mark or a query
("Pass*", "Pass ?", "Pass †") refers the verdict to something else, and a person reads it."""
OF_WHAT = re.compile(r"(?i)^\s*(?:the\s+)?(?:passing\s+)?(?:standard|requirements?|attempt)\s*[.!]?\s*$")
"""What a verdict may name as its object and stay one verdict ("Met standard", "Unsuccessful attempt")."""
TWO_DIGITS = re.compile(r"\d{2,}")


def has_date(text: str) -> bool:
    """Whether a text names a day (a date, not a period)."""
    return any(ev.label == "DATE" for ev in find_patterns(text))


def dated_or_scored(doc: DocText, row: Line) -> bool:
    """Whether a row names a day or a score anywhere, its name and verdict cells too ("Retake (06/10/2024) | Pass").

    A part's or domain's number alone ("Part 2") is no score: it needs two digits or more.
    """
    text = doc.slice(row.start, row.end)
    return has_date(text) or TWO_DIGITS.search(text) is not None


def _polarity(line_text: str, match: re.Match[str]) -> bool:
    """The verdict a verdict word states, a negation before it turning it round."""
    word = (match.group("word") or match.group("bare")).lower()
    positive = not (word.startswith("fail") or word.startswith("un"))
    return positive != bool(NEGATED.search(line_text[:match.start()]))


def verdict_said_elsewhere(doc: DocText, start: int, end: int, verdict: bool,
                           is_header: Callable[[Line], bool]) -> bool:
    """Whether any line outside the verdict read (start..end) states the other verdict in words.

    A retake told in a sentence or a one-cell line ("retook the examination on ... and passed", "Resit 06/10/2024 -
    Passed") under a table's "Fail": which verdict counts is for a person. Header rows name columns, no verdict.
    """
    for line in doc.lines:
        if is_header(line):
            continue
        text = doc.slice(line.start, line.end)
        dated = has_date(text)
        for match in SAID_VERDICT.finditer(text):
            at = line.start + match.start()
            if start <= at < end or (match.group("bare") and not dated):
                continue
            if IN_CONDITION.search(text[:match.start()]) and RULE_MODAL.search(text):
                continue
            if _polarity(text, match) != verdict:
                return True
    return False


def verdict_cell_text(doc: DocText, start: int, end: int, verdict: Callable[[str], bool | None],
                      is_header: Callable[[Line], bool]) -> str:
    """A verdict cell's whole text: its first line and the lines it wraps onto under it in the same column.

    A narrow result column of a table row wraps "Pass -" over "withheld": the line under it, close and on the same
    page, holding a text that starts within the verdict's column and neither a date nor a score anywhere (another
    row would fill one), goes on the cell. A verdict under it is another row's, left to the attempt checks; a row
    of captions under it (a grid of stacked label rows) begins another field.
    """
    line, box = doc.line_at(start), box_of(doc, start, end)
    text = doc.slice(start, end)
    if line is None or box is None or len(line.cell_spans()) < 2:
        return text
    bottom, height = box[3], box[3] - box[1]
    for below in doc.lines[doc.lines.index(line) + 1:doc.lines.index(line) + 3]:
        whole = box_of(doc, below.start, below.end)
        if (below.page != line.page or whole is None or whole[1] - bottom > height or dated_or_scored(doc, below)
                or is_header(below)):
            break
        cells = [doc.slice(*cell) for cell in below.cell_spans()
                 if (under := box_of(doc, *cell)) is not None and overlap(box, under) > 0.2
                 and under[0] >= box[0] - height]
        if not cells or any(verdict(cell) is not None for cell in cells):
            break
        text += " " + " ".join(cells)
        bottom = whole[3]
    return text


def words_after_verdict(text: str, verdict_end: Callable[[str], tuple[bool, int] | None]) -> bool:
    """Whether a verdict cell holds more than a verdict: words after it that are neither figures nor the same verdict.

    "Pass", "Completed - Passed", "SUCCESSFUL - passed", "Pass 447" are sure; "Pass mark not reached", "Passed: No",
    "Pass - pending review" say something more about it, and a person reads them.
    """
    first = verdict_end(text)
    if first is None:
        return False
    rest = text[first[1]:]
    if FIGURES.match(rest) or OF_WHAT.match(rest):
        return False
    again = rest.lstrip(" \t-–—:;,/|(")
    second = verdict_end(again)
    return second is None or second[0] != first[0] or not FIGURES.match(again[second[1]:])


def header_attempt(doc: DocText, after: Line, result_name: re.Pattern[str],
                   is_header: Callable[[Line], bool], verdict: Callable[[str], bool | None]) -> bool:
    """Whether a later table under its own header row states a verdict under its own result column.

    A retake's table on a later page may order its columns otherwise ("Result | Score | Date | Sitting"): it is
    judged by its own header, whatever the first table's column positions.
    """
    index = doc.lines.index(after)
    for position, line in enumerate(doc.lines[index + 1:-1], start=index + 1):
        if not is_header(line):
            continue
        names = [box for cell in line.cell_spans()
                 if result_name.match(doc.slice(*cell)) and (box := box_of(doc, *cell)) is not None]
        below = doc.lines[position + 1]
        if not names or below.page != line.page:
            continue
        for cell in below.cell_spans():
            box = box_of(doc, *cell)
            under = box is not None and any(overlap(name, box) > 0.2 for name in names)
            if under and verdict(doc.slice(*cell)) is not None:
                return True
    return False


def close_dated_attempt(doc: DocText, row: Line, rows: list[Line]) -> bool:
    """Whether a row close under the results row is another sitting.

    A date under the row's date, or a date and a verdict word in one line (a retake's row whose cells ran together,
    its verdict shifted under the score).
    """
    dates = [box for cell in row.cell_spans()
             if has_date(doc.slice(*cell)) and (box := box_of(doc, *cell)) is not None]
    for other in rows:
        text = doc.slice(other.start, other.end)
        if not has_date(text):
            continue
        if SAID_VERDICT.search(text):
            return True
        for cell in other.cell_spans():
            box = box_of(doc, *cell)
            if box is not None and has_date(doc.slice(*cell)) and any(overlap(d, box) > 0.2 for d in dates):
                return True
    return False
