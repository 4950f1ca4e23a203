"""Exam results: passed or not, and the date the examination was taken.

A form or score report labels them (`Result: PASS`, `Outcome | Fail`, `Exam date`, `Test date`); a
results letter says them ("you sat the examination on <date>", "you passed"). Windows (date ranges),
report dates and letter dates are never the exam date.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from extractors.dates import ParsedDate
from extractors.exam_attempts import (
    close_dated_attempt,
    dated_or_scored,
    header_attempt,
    verdict_cell_text,
    verdict_said_elsewhere,
    words_after_verdict,
)
from extractors.exam_verdict import (
    NAMED_PASS,
    NEGATIVE,
    RESULT_LABEL,
    SENTENCE_PASS,
    read_verdict,
    tick_pair,
    verdict_cell,
    verdict_end,
)
from extractors.exam_when import WHEN_COLUMN, WHEN_DOUBT, when_doubt
from extractors.fields import Extraction, Found, build_item
from extractors.form_captions import caption_value, under_header
from extractors.form_layout import box_of, is_prose, overlap
from extractors.forms import (
    DATE_VALUE,
    column_value,
    date_after,
    dates_in,
    field,
    field_value,
    is_range,
    ocr_tolerant,
    parsed,
    value_under,
)
from extractors.layout import DocText, Line
from extractors.nlp import Evidence

EXAM_SITTING = r"exam(?:ination)?|test(?:ing)?|sitting|session|appointment|administration|attempt"
SITTING = rf"{EXAM_SITTING}|assessment"
"""What a score report calls the occasion the exam was taken: its date is the exam date. An "assessment" may
also be the eligibility review before the exam, so a date named for the exam itself comes first."""


def _date_label(sitting: str) -> str:
    """A label for the date the exam was taken, the occasion called any of `sitting`.

    However the report asks for it ("Examined on", "Test date", "Date of sitting"); never a date the report was
    generated, issued or mailed.
    """
    return (rf"date\s+(?:of\s+)?(?:the\s+)?(?:{sitting})\s+(?:taken|sat|held|written|administered)"
            rf"|(?:{sitting})\s+(?:date|day)|date\s+of\s+(?:the\s+|your\s+)?(?:{sitting})"
            r"|date\s+(?:tested|taken|sat|administered|examined|written)"
            rf"|(?:(?:{sitting})\s+)?(?:taken|sat|tested|administered|held|examined|written)\s+on"
            rf"|date\s+(?:you\s+)?(?:took|sat|wrote)\s+(?:the\s+)?(?:{sitting})")


DATE_LABEL = _date_label(SITTING)
EXAM_DATE_LABEL = _date_label(EXAM_SITTING)
UNREAD_RESULT_SCORE = 0.75
"""A letter's verdict sentence on a report whose labelled result could not be read: the two may not agree."""
RESULT_COLUMN_RULE = "exam.result_column.v1"
CAPTION_DATE_RULE = "exam.date_caption.v1"
REACH_SCORE = 0.9
"""A value standing off its column's name (centred in a wide column, set in a box): the column's reach, read by
the names' left edges rather than by the value lying under its name."""
DATE_START = r"(?=[\s:,]*(?:on\s+)?(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
EXAM = r"(?:exam(?:ination)?|test|assessment)"
NOT_THE_EXAM = (r"(?![^.?!]{0,80}?\b(?:(?:for|of|to\s+(?:determine|establish|confirm))\s+(?:your\s+|their\s+)?"
                r"eligibility|as\s+eligible|background\s+(?:check|screening)|clearance|fingerprint\w*))")
"""A sentence going on to say the sitting was for eligibility ("tested on April 2 for eligibility (background
check)"): that date is a check before the exam, not the exam's. Being eligible after it ("and are now eligible
for endorsement") is no such check."""
TAKEN = (r"(?:(?:sat|took|completed|taken|wrote|passed|failed|attempted)\s+(?:the\s+|your\s+)?(?:\w+\s+){0,4}?"
         rf"{EXAM}(?:\s+was\s+taken)?(?:\s+on)?{DATE_START}|date\s+taken"
         rf"|{EXAM}\s+(?:was\s+)?(?:taken|held|administered|given|sat|written)(?:\s+on)?"
         rf"|{EXAM}\b[^.?!]{{0,80}}?,?\s+(?:taken|sat|written|held|administered|given)\s+on"
         r"|\b(?:you|s?he|they|the\s+(?:candidate|applicant|examinee))\s+(?:was|were)\s+(?:examined|tested)\s+on)"
         rf"{NOT_THE_EXAM}")
"""The phrases right before the exam date; an exam named with what it is for, then ", taken on <date>", too.
"passed the examination" counts only with a date right after it, so "... you sat on <date>" is still seen. "You
were assessed on" is not: an assessment may be of eligibility, before the exam."""
CUT_SCORE_LABEL = (r"(?:minimum\s+|required\s+)?pass(?:ing)?\s+(?:score|mark|point|standard|threshold)|pass\s+mark"
                   r"|cut\s*-?\s*(?:off\s+)?score|score\s+(?:required|needed)\s+to\s+pass"
                   r"|minimum\s+score(?:\s+(?:required|needed))?(?:\s+to\s+pass)?")
SCALE_BOTTOM = r"min(?:imum|\.)?\s+(?:possible\s+)?score"
SCALE_TOP = r"max(?:imum|\.)?\s+(?:possible\s+)?score"
SCALE_ENDS = re.compile(rf"(?i)\b(?:{SCALE_BOTTOM}\b[^\n]*\b{SCALE_TOP}|{SCALE_TOP}\b[^\n]*\b{SCALE_BOTTOM})")
"""A report showing its scale's two ends on one line ("Minimum score | Maximum score", "Min. score 100   Max. score
500"): its bare "Minimum score" is the bottom of the scale, not the score needed to pass."""
BARE_MINIMUM = re.compile(r"(?i)\s*minimum\s+score\s*:?\s*")
COLUMNS = (rf"{RESULT_LABEL}|{DATE_LABEL}|exam(?:ination)?(?:\s+name)?|test(?:\s+name)?|score|scaled\s+score"
           r"|(?:passing|cut)\s+score|score\s*/\s*(?:required|passing|pass\s+mark)|candidate(?:\s+(?:no\.?|number|id))?"
           rf"|(?:test(?:ing)?\s+)?(?:location|site|cent(?:er|re))|attempt|level|seating(?:\s+offered)?|{CUT_SCORE_LABEL}"
           rf"|{WHEN_COLUMN}")
"""Column names of a results table, so its header row is seen as one: where the test was taken ("Test site",
"Testing center") and the passing score beside the candidate's among them."""
COLUMN_NAME = re.compile(rf"(?i)^[\s|]*(?:{ocr_tolerant(COLUMNS)})\s*:?\s*$")
CANDIDATE_SCORE_LABEL = (r"(?:your|candidate(?:['’]s)?)\s+(?:(?:scaled|raw|total|overall|final|exam(?:ination)?|test)"
                         r"\s+)?score|(?:scaled|raw|total)\s+score|(?m:^[ \t]*)score")
"""The candidate's own score: "Your score", "Candidate's raw score", "Scaled score", or a bare "Score" opening its
line; a "Maximum score", "National average score" or "A score of 70 is required" is someone else's number."""
SCORE_NUMBER = (r"\s*(?::|=|\.{3,}|\bof\b|\bwas\b|\bis\b)?\s*(?P<number>\d{1,4}(?:\.\d+)?)(?!\s*[-–]\s*\d|[\d,/]|\.\d)"
                r"(?P<percent>\s*%)?(?!\s*(?:points?\s+)?(?:maximum|max\b|possible|average|mean|median))")
NOT_THE_CANDIDATES = re.compile(r"(?i)\b(?:maximum|max|possible|average|mean|median|highest|lowest|range|national"
                                r"|state|cohort|group)\W*(?:\w+\W+)?$")
"""Words before a score label that make it another number than the candidate's ("Maximum total score")."""
SCORES = re.compile(rf"(?i)\b(?:(?P<cut>{CUT_SCORE_LABEL})|(?P<score>{CANDIDATE_SCORE_LABEL})){SCORE_NUMBER}")
"""A score report's two numbers: the candidate's score and the passing (cut) score, each after its label. The
cut-score wordings come first, so "Passing score: 70" is never read as the candidate's; a range ("Score range:
200-800") or a fraction is neither."""
CUT_AFTER = re.compile(r"(?i)(?<![\d.])(?:(?P<scored>\d{1,4}(?:\.\d+)?)\s*/\s*)?(?P<number>\d{1,4}(?:\.\d+)?)"
                       r"(?P<percent>\s*%)?\s+(?P<unit>(?:points?|marks?|correct(?:\s+(?:answers|items|responses))?)\s+)?"
                       r"(?P<required>(?:is\s+|are\s+)?(?:required|needed)\s+)?to\s+pass\b")
"""A passing score said after its number ("70 required to pass", "70 points to pass"), or a score over it in one
cell ("77 / 70 to pass"); a number with neither ("retake Part 2 to pass", "until June 30, 2027 to pass") is no
score."""
NUMBER_CELL = re.compile(r"^\s*(?P<number>\d{1,4}(?:\.\d+)?)(?P<percent>\s*%)?\s*$")
"""A table cell that is one score and nothing else ("455", "76 %")."""
SCORE_VERDICT_RULE = "exam.score_against_cut.v1"
SCORE_VERDICT_SCORE = 0.85
"""A verdict worked out from the two numbers rather than stated: read, but by a step the report does not show, so
under the confidence of a verdict the report states."""


def extract(doc: DocText, evidence: list[Evidence]) -> Extraction:
    """One exam item."""
    passed, result_found = _result(doc)
    dated, date_found, doubt = _date(doc, evidence)
    reasons = [] if passed is not None else ["exam.result_unclear"]
    compared = _score_verdict(doc)
    if compared is not None and passed is None:
        passed, result_found = compared[0], compared[1]
        reasons = []
    elif compared is not None and compared[0] != passed:
        reasons.append("exam.result_conflict")  # the stated verdict and the scores disagree: a person looks
    if dated is None:
        reasons.append("exam.date_missing")
    elif doubt is not None:
        reasons.append(doubt)  # a date over its caption and one under it, or a verb column's not sure: a person picks
    if result_found is not None and result_found.rule == RESULT_COLUMN_RULE and _another_attempt(doc, result_found):
        reasons.append("exam.several_attempts")
    if result_found is not None and passed is not None and result_found.rule in (RESULT_COLUMN_RULE, "exam.result.v2"):
        reasons += _verdict_doubts(doc, result_found, passed)
    value = {"passed": passed, "date": dated.iso() if dated else None}
    sources = [s for s in (result_found, date_found) if s is not None]
    return Extraction(items=[build_item(doc, "exam", "exam", value, sources, reasons)])


def _verdict_doubts(doc: DocText, found: Found, passed: bool) -> list[str]:
    """Why a labelled verdict is not sure: its cell says more than a verdict, or a line elsewhere says the other one."""
    doubts = []
    if words_after_verdict(verdict_cell_text(doc, found.start, found.end, read_verdict,
                                             lambda line: _header_row(doc, line)), verdict_end):
        doubts.append("exam.result_unclear")
    if verdict_said_elsewhere(doc, found.start, found.end, passed, lambda line: _header_row(doc, line)):
        doubts.append("exam.result_conflict")
    return doubts


def _another_attempt(doc: DocText, result: Found) -> bool:
    """A results table with a further row of results under the one read: which attempt counts is for a person.

    The rows under it (a wrapped name's second line between) and any later row shaped as one, however far down or
    on a later page, with a verdict under the result's column.
    """
    line, box = doc.line_at(result.start), box_of(doc, result.start, result.end)
    if line is None or box is None:
        return False
    middle = [other for cell in line.cell_spans()[1:]
              if (other := box_of(doc, *cell)) is not None and overlap(box, other) <= 0.2]
    if any(read_verdict(doc.slice(*cell)) is not None and (under := box_of(doc, *cell)) is not None
           and overlap(box, under) > 0.2
           for row in _rows_after(doc, line, box, verdict_cell,
                                  lambda far: _fills_any(doc, far, middle) or dated_or_scored(doc, far))
           for cell in row.cell_spans()):
        return True
    if close_dated_attempt(doc, line, _rows_after(doc, line)):
        return True
    if header_attempt(doc, line, RESULT_NAME, lambda row: _header_row(doc, row), read_verdict):
        return True
    return _shifted_attempt(doc, line, middle)


RESULT_NAME = re.compile(rf"(?i)^[\s|]*(?:{ocr_tolerant(RESULT_LABEL)})\s*:?\s*$")
"""A header cell naming a result column."""



def _shifted_attempt(doc: DocText, line: Line, middle: list[tuple[float, float, float, float]]) -> bool:
    """Whether a far row fills a date or score cell of the results row and states a verdict off its column.

    A retake set further down may shift its verdict under the score or between columns ("Second sitting |
    08/14/2023 | 436 | Pass"); its name cell is no verdict. Only rows past the table's close run count (past a
    note, on a later page), shaped as a row (`_row_shaped`: no label's figure, no page footer) with a filled cell
    under a value column of the row read; a breakdown's verdict alone ("Domain | Met") or a subscore is none.
    """
    close = {id(row) for row in _rows_after(doc, line)}

    def states(row: Line) -> bool:
        return any(read_verdict(doc.slice(*cell)) is not None for cell in row.cell_spans()[1:])

    return any(id(row) not in close
               for column in middle
               for row in _rows_after(doc, line, column, lambda text: bool(text.strip()), states))


def _fills_any(doc: DocText, row: Line, columns: list[tuple[float, float, float, float]]) -> bool:
    """Whether a row far under a results row fills a cell under any of its value columns (a date, a score).

    Another attempt fills in its date or its score as the first did; a breakdown set further down ("Infant
    development | Met", by content area) names its part and its verdict only. A results row with no value column
    but its name and its verdict leaves every row shaped as one counting.
    """
    if not columns:
        return True
    cells = [box for cell in row.cell_spans()[1:] if (box := box_of(doc, *cell)) is not None]
    return any(overlap(column, cell) > 0.2 for column in columns for cell in cells)


def _result(doc: DocText) -> tuple[bool | None, Found | None]:
    """A labelled result, else the letter's "you passed" / "you did not pass" (one verdict, or unclear)."""
    hit = field(doc, RESULT_LABEL, "exam.result.v2")
    found = (_column_value(doc, RESULT_LABEL, RESULT_COLUMN_RULE)
             or _in_column_reach(doc, RESULT_LABEL, RESULT_COLUMN_RULE)
             or ((hit.value or value_under(doc, hit)) if hit is not None else None))
    if found is not None:
        verdict = read_verdict(doc.slice(found.start, found.end))
        if verdict is not None:
            return verdict, found
    ticked = tick_pair(doc)
    if ticked is not None:
        return ticked
    verdicts = [(not NEGATIVE.search(m.group("word")), m)
                for pattern in (SENTENCE_PASS, NAMED_PASS) for m in pattern.finditer(doc.text)]
    if not verdicts or len({v for v, _ in verdicts}) > 1:
        return None, found
    verdict, match = verdicts[0]
    score = 0.93 if found is None else UNREAD_RESULT_SCORE
    return verdict, Found(match.start("word"), match.end("word"), "exam.letter_result.v2", score)


def _in_column_reach(doc: DocText, label: str, rule: str) -> Found | None:
    """The value of a results table's column that stands off the column's name, in the row right under the names.

    A score report sets its verdict large, centred in a wide column or in a shaded box, right of the small "Result"
    over it: each column reaches from its name's left edge to the next name's. The one cell of the row close under
    the header row that lies within the label's reach, and names no column itself, is its value.
    """
    whole = re.compile(rf"(?i)^[\s|]*(?:{ocr_tolerant(label)})\s*:?\s*$")
    for index, line in enumerate(doc.lines[:-1]):
        named = [i for i, cell in enumerate(line.cell_spans()) if whole.match(doc.slice(*cell))]
        if not named or not _header_row(doc, line) or _captions_under_lines(doc, index):
            continue
        inside = _within_reach(doc, index, named[0])
        if len(inside) == 1 and not COLUMN_NAME.match(doc.slice(*inside[0])):
            return Found(*inside[0], rule, REACH_SCORE)
        return None
    return None


CLOSER = 2 / 3
"""A caption row is a sign-off's, under its lines, when the values over it are nearer than this share of the gap to
the line under it: a scan's rows, spaced evenly, lie a point or two off."""
STACKED_DATE_SCORE = 0.7
"""A date over its caption with another date under the caption: either could be the exam's."""
ROW_SLACK = 1.25
"""A table's rows lie this share of its widest expected gap apart at most: a scan's rows lie a point or two off."""
ROW_REACH = 3.0
"""A roomy table's rows may stand this many line heights apart, however tight its names row sits over the first."""
NAMES_SLACK = 2.0
"""Points a scan may shift a grid's evenly spaced rows: names over values lie up to this much further off."""
def _column_value(doc: DocText, label: str, rule: str) -> Found | None:
    """The value under its column name in a results table; never under a sign-off's captions (see below)."""
    found = column_value(doc, label, COLUMNS, rule)
    line = doc.line_at(found.start) if found is not None else None
    if line is None or _captions_under_lines(doc, doc.lines.index(line) - 1):
        return None
    return found


def _captions_under_lines(doc: DocText, index: int) -> bool:
    """Whether a row of column names is a sign-off's captions, each under the line written over it.

    A certificate captions its lines underneath ("March 3, 2025" over "Date of examination", "Remote proctoring"
    over "Testing center"), and a second block of lines may stand under the captions. A caption goes with the line
    it sits clearly closer to: values right over two or more of the row's cells (each over one), nearer than
    `CLOSER` times the gap to the next line, make it captions under their lines, and what stands under it is not
    their value. Rows spaced evenly are a grid of names over values, read the usual way; a table's title over its
    header row is one line over one name.
    """
    gaps = _caption_gaps(doc, index)
    return gaps is not None and gaps[0] < CLOSER * gaps[1]


def _caption_gaps(doc: DocText, index: int) -> tuple[float, float] | None:
    """How far a row of names stands under values over two or more of its cells, and over the line under it.

    None when no such values stand over it; the gap below is infinite with no line under it on the page.
    """
    if index < 1 or doc.lines[index - 1].page != doc.lines[index].page:
        return None
    line, above = doc.lines[index], doc.lines[index - 1]
    names = [box for cell in line.cell_spans() if (box := box_of(doc, *cell)) is not None]
    row, over = box_of(doc, line.start, line.end), box_of(doc, above.start, above.end)
    if not names or row is None or over is None:
        return None
    named = set()
    for cell in above.cell_spans():
        box, text = box_of(doc, *cell), doc.slice(*cell)
        over_names = [i for i, name in enumerate(names) if box is not None and overlap(box, name) > 0.2]
        if len(over_names) == 1 and not COLUMN_NAME.match(text) and not is_prose(text):
            named.add(over_names[0])
    if len(named) < 2 or _names_over(doc, index - 1):
        return None
    below = doc.lines[index + 1] if index + 1 < len(doc.lines) else None
    under = box_of(doc, below.start, below.end) if below is not None and below.page == line.page else None
    return row[1] - over[3], under[1] - row[3] if under is not None else float("inf")


def _names_over(doc: DocText, index: int) -> bool:
    """Whether a row of values has its own row of names over it, a grid's header, rather than being a sign-off's lines.

    Two grids stacked (a candidate's "Candidate | Date of birth" over its values, then the results' names and
    values): the first grid's values stand over the second's names, but they are the first names' values. A row of
    two or more short cells of words (no digit, no sentence) each over one of the values, with no values over
    it in turn (a first block of captions under their lines), is such a header.
    """
    if index < 1 or doc.lines[index - 1].page != doc.lines[index].page:
        return False
    if not _close_over(doc, index):
        return False
    values = [box for cell in doc.lines[index].cell_spans() if (box := box_of(doc, *cell)) is not None]
    heads = 0
    for cell in doc.lines[index - 1].cell_spans():
        box, text = box_of(doc, *cell), doc.slice(*cell)
        if box is None or any(ch.isdigit() for ch in text) or is_prose(text):
            return False
        heads += sum(overlap(box, value) > 0.2 for value in values) == 1
    return heads >= 2 and _caption_gaps(doc, index - 1) is None


def _close_over(doc: DocText, index: int) -> bool:
    """Whether the line over a row of values stands as close over it as the values stand over the row under them.

    A grid's names sit over their values as tightly as the rows below follow one another; a title, a row of
    signature captions or section names set well above (the lines between them signed by hand) heads nothing. With
    no row under the values on the page, any line over them may be their names.
    """
    row, over = doc.lines[index], doc.lines[index - 1]
    below = doc.lines[index + 1] if index + 1 < len(doc.lines) else None
    own, above = box_of(doc, row.start, row.end), box_of(doc, over.start, over.end)
    under = box_of(doc, below.start, below.end) if below is not None and below.page == row.page else None
    if own is None or above is None or under is None:
        return True
    gap = under[1] - own[3]
    return own[1] - above[3] <= max(gap / CLOSER, gap + NAMES_SLACK)


def _over_caption(doc: DocText, label: str, rule: str) -> Found | None:
    """The value written on the line over its caption, in a sign-off's row of captions under their lines.

    Only a row clearly closer to the line over it than to the line under it (`_captions_under_lines`). Anything
    standing under the captions as a row of values (a second block, or a grid read the wrong way, whatever its
    date is written as or left blank) could hold the one: the value is kept at `STACKED_DATE_SCORE` for a person.
    """
    whole = re.compile(rf"(?i)^[\s|]*(?:{ocr_tolerant(label)})\s*:?\s*$")
    for index, line in enumerate(doc.lines):
        named = [i for i, cell in enumerate(line.cell_spans()) if whole.match(doc.slice(*cell))]
        if named and _captions_under_lines(doc, index):
            found = caption_value(doc, index, named[0], rule)
            if found is not None and (under_header(doc, index, named[0], rule) is not None
                                      or _values_under(doc, index, named[0])):
                found = Found(found.start, found.end, found.rule, min(found.score, STACKED_DATE_SCORE))
            return found
    return None


def _values_under(doc: DocText, index: int, own: int) -> bool:
    """Whether the line close under a row of captions stands as a row of values: a cell under any other caption.

    A grid read the wrong way has its values under the names; its date cell may be blank or set off its name, so
    the row is judged by the cells under the captions other than the date's own (`own`): one value under any of them
    ("Pass" under "Result", the date's cell left blank) is enough.
    """
    if index + 1 >= len(doc.lines) or doc.lines[index + 1].page != doc.lines[index].page:
        return False
    line, below = doc.lines[index], doc.lines[index + 1]
    row, under = box_of(doc, line.start, line.end), box_of(doc, below.start, below.end)
    if row is None or under is None or under[1] - row[3] > 2.5 * max(row[3] - row[1], under[3] - under[1]):
        return False
    captions = [box_of(doc, *cell) for cell in line.cell_spans()]
    cells = [box for cell in below.cell_spans() if (box := box_of(doc, *cell)) is not None]
    return any(caption is not None and position != own and any(overlap(cell, caption) > 0.2 for cell in cells)
               for position, caption in enumerate(captions))


def _header_row(doc: DocText, line: Line) -> bool:
    """A results table's header row: two or more column names, and no digit."""
    texts = [doc.slice(*cell) for cell in line.cell_spans()]
    return (sum(bool(COLUMN_NAME.match(text)) for text in texts) >= 2
            and not any(ch.isdigit() for text in texts for ch in text))


def _within_reach(doc: DocText, index: int, position: int) -> list[tuple[int, int]]:
    """The cells of the line under a header row that lie within one column's reach, close under it."""
    boxes = [box_of(doc, *cell) for cell in doc.lines[index].cell_spans()]
    own, below = boxes[position], doc.lines[index + 1]
    if own is None or below.page != doc.lines[index].page:
        return []
    after = boxes[position + 1] if position + 1 < len(boxes) else None
    left, right = own[0] - 3.0, after[0] if after is not None else float("inf")
    inside = []
    for cell in below.cell_spans():
        box = box_of(doc, *cell)
        if (box is not None and left <= box[0] and box[2] < right
                and box[1] - own[3] <= 2.5 * max(own[3] - own[1], box[3] - box[1])):
            inside.append(cell)
    return inside


def _score_verdict(doc: DocText) -> tuple[bool, Found] | None:
    """Passed or not from the report's own numbers: the candidate's score at or above the passing score.

    Only one score and one passing score (each possibly repeated) decide; several of either (sections, attempts)
    leave the verdict to the words, and so do several columns for the candidate's score. The source is the less
    confidently read of the two numbers.
    """
    if _several_score_columns(doc):
        return None
    numbers: dict[str, dict[tuple[float, bool], Found]] = {"cut": {}, "score": {}}

    def note(which: str, match: re.Match[str], group: str, offset: int = 0) -> None:
        key = (float(match.group(group)), bool(match.group("percent")))
        numbers[which][key] = Found(offset + match.start(group), offset + match.end(group), SCORE_VERDICT_RULE,
                                    SCORE_VERDICT_SCORE)

    scale_shown = bool(SCALE_ENDS.search(doc.text))
    for which, match in _numbers_after_labels(doc, scale_shown):
        note(which, match, "number")
    for match in CUT_AFTER.finditer(doc.text):
        if match.group("scored") or match.group("unit") or match.group("required"):
            note("cut", match, "number")
            if match.group("scored"):
                note("score", match, "scored")
    for which, label in (("cut", CUT_SCORE_LABEL), ("score", CANDIDATE_SCORE_LABEL)):
        cell = _number_in_column(doc, label, scale_shown)
        if cell is not None and (number := NUMBER_CELL.search(cell[0])):
            note(which, number, "number", cell[1])
    if len(numbers["cut"]) != 1 or len(numbers["score"]) != 1:
        return None
    ((cut, cut_percent), cut_found), = numbers["cut"].items()
    ((score, score_percent), score_found), = numbers["score"].items()
    if cut_percent != score_percent:
        return None  # a percentage against points: the two numbers are on different scales
    source = min((score_found, cut_found), key=lambda f: doc.confidence(f.start, f.end))
    return score >= cut, source


def _numbers_after_labels(doc: DocText, scale_shown: bool) -> list[tuple[str, re.Match[str]]]:
    """The report's numbers each after its label ("Your score: 412", "Passing score 300"), cut or candidate's.

    Not a column's name (its number stands under it), not someone else's number ("Maximum total score"), and not
    a bare "Minimum score" where the scale's two ends show.
    """
    numbers = []
    for match in SCORES.finditer(doc.text):
        line_before = doc.text[:match.start()].rsplit("\n", 1)[-1]
        if scale_shown and match.group("cut") and BARE_MINIMUM.fullmatch(match.group("cut")):
            continue  # the scale's bottom
        if (line := doc.line_at(match.start())) is not None and _header_row(doc, line):
            continue  # a column's name: its number stands under it, not after it on the next line
        if match.group("cut") or not NOT_THE_CANDIDATES.search(line_before):
            numbers.append(("cut" if match.group("cut") else "score", match))
    return numbers


def _several_score_columns(doc: DocText) -> bool:
    """Whether a results table names more than one column for the candidate's score (raw, scaled, total).

    Which of them the passing score is on, the table does not say: the scores decide nothing.
    """
    whole = re.compile(rf"(?i)^[\s|]*(?:{ocr_tolerant(CANDIDATE_SCORE_LABEL)})\s*:?\s*$")
    return any(_header_row(doc, line) and sum(bool(whole.match(doc.slice(*cell))) for cell in line.cell_spans()) > 1
               for line in doc.lines)


def _number_in_column(doc: DocText, label: str, scale_shown: bool = False) -> tuple[str, int] | None:
    """A score alone under its column name in a results table ("Scaled score" over "455"), and where it starts.

    Only a table of one row of scores: a number under the same column in any further row of the table (a section,
    an attempt, after a row whose name wrapped onto a second line) leaves the scores to the words.
    """
    found = _column_value(doc, label, SCORE_VERDICT_RULE)
    if found is None or not NUMBER_CELL.search(doc.slice(found.start, found.end)):
        return None
    if scale_shown and _under_bare_minimum(doc, found):
        return None  # the scale's bottom
    line, box = doc.line_at(found.start), box_of(doc, found.start, found.end)
    if line is None or box is None:
        return None
    for following in _rows_after(doc, line, box, _number_cell):
        for cell in following.cell_spans():
            under = box_of(doc, *cell)
            if under is not None and overlap(box, under) > 0.2 and NUMBER_CELL.search(doc.slice(*cell)):
                return None
    return doc.slice(found.start, found.end), found.start


def _under_bare_minimum(doc: DocText, found: Found) -> bool:
    """Whether a column's number stands under a bare "Minimum score" (read as a scale's bottom when both ends show)."""
    line = doc.line_at(found.start)
    box = box_of(doc, found.start, found.end)
    if line is None or box is None or (index := doc.lines.index(line)) < 1:
        return False
    for cell in doc.lines[index - 1].cell_spans():
        name = box_of(doc, *cell)
        if name is not None and overlap(box, name) > 0.2 and BARE_MINIMUM.fullmatch(doc.slice(*cell)):
            return True
    return False


def _rows_after(doc: DocText, line: Line, column: tuple[float, float, float, float] | None = None,
                holds: Callable[[str], bool] | None = None, far: Callable[[Line], bool] | None = None) -> list[Line]:
    """The lines of a table under one of its rows, and any later line shaped as one of its rows.

    A row whose name wraps runs onto a second line; the table's next row follows as closely. A roomy table spaces
    its rows as far apart as its names row stands over the first, or further (a header band set tight over the
    first row): lines count while each gap is no wider than the gap under the names row (or a line's height) by
    `ROW_SLACK`, or than `ROW_REACH` line heights, whichever is more. Past the first wider gap (a note, a page
    number), a line still counts when it is shaped as a row (`_row_shaped`): a roomy table's next attempt, however
    far down, past a note between, or continued on a later page, and that `far` also accepts.
    """
    rows: list[Line] = []
    index = doc.lines.index(line)
    last = box_of(doc, line.start, line.end)
    if last is None:
        return rows
    room = last[3] - last[1]
    names = doc.lines[index - 1] if index >= 1 else None
    over = box_of(doc, names.start, names.end) if names is not None and names.page == line.page else None
    if over is not None:
        room = max(room, last[1] - over[3])
    reach = max(ROW_SLACK * room, ROW_REACH * (last[3] - last[1]))
    close = True
    for following in doc.lines[index + 1:]:
        box = box_of(doc, following.start, following.end)
        close = close and following.page == line.page and box is not None and box[1] - last[3] <= reach
        if close or (_row_shaped(doc, following, column, holds) and (far is None or far(following))):
            rows.append(following)
        if close and box is not None:
            last = box
    return rows


def _number_cell(text: str) -> bool:
    """Whether a cell is one score and nothing else."""
    return NUMBER_CELL.search(text) is not None


PAGE_MARK = re.compile(r"(?i)^\s*(?:page|p\.)\s*\d+(?:\s*(?:of|/)\s*\d+)?\s*$")
"""A page's number ("Page 1 of 2"): the line holding it is the page's footer, no row of a table."""


def _row_shaped(doc: DocText, line: Line, column: tuple[float, float, float, float] | None,
                holds: Callable[[str], bool] | None) -> bool:
    """Whether a line is shaped as a table's row: two cells or more, one under the column that `holds` its value.

    A row may leave cells blank (a retake's passing score not repeated, its name left out), so it needs no more
    cells than two; a single label with its figure ("Sittings so far: | 1", two cells, the first ending in a colon) is
    a field, and a page's footer ("Page 1 of 1") no row. A row of more cells is a row whatever its first cell ends
    in ("Retake: | 08/14/2023 | 436 | Pass").
    """
    cells = line.cell_spans()
    if (column is None or holds is None or len(cells) < 2 or any(PAGE_MARK.match(doc.slice(*c)) for c in cells)
            or (len(cells) == 2 and doc.slice(*cells[0]).rstrip().endswith(":"))):
        return False
    return any((box := box_of(doc, *cell)) is not None and overlap(column, box) > 0.2 and holds(doc.slice(*cell))
               for cell in cells)


def _date(doc: DocText, evidence: list[Evidence]) -> tuple[ParsedDate | None, Found | None, str | None]:
    """The labelled exam date (never a range), else the letter's "sat the examination on", or a verb column's date.

    A date labelled for the exam itself ("Test date") comes before one labelled for an assessment, and both before
    the letter's sentence and a results table's column named by its verb alone ("Administered"); a sign-off's date is
    the one written over its caption. Third, why a person should look: a date stacked under the caption as well, or
    a verb column's date not surely the sitting's (`when_doubt`).
    """
    found = next((found for label in (EXAM_DATE_LABEL, DATE_LABEL)
                  if (found := _column_value(doc, label, "exam.date_column.v1")
                      or _over_caption(doc, label, CAPTION_DATE_RULE)
                      or field_value(doc, label, "exam.date.v2", bare=DATE_VALUE)) is not None), None)
    if found is not None:
        spans = [ev for ev in dates_in(found, evidence) if not is_range(ev)]
        if spans:
            stacked = found.rule == CAPTION_DATE_RULE and found.score <= STACKED_DATE_SCORE
            return (*parsed(spans[0], STACKED_DATE_SCORE if stacked else 1.0), "exam.date_stacked" if stacked else None)
    said, said_found = date_after(doc, TAKEN, evidence, "exam.letter_date_taken.v2", 0.95)
    column = _column_value(doc, WHEN_COLUMN, "exam.date_column.v1")
    spans = [ev for ev in dates_in(column, evidence) if not is_range(ev)] if column is not None else []
    if not spans:
        return said, said_found, None
    dated, dated_found = parsed(spans[0])
    if dated is None or not when_doubt(doc, spans[0], dated, said, evidence):
        return (dated, dated_found, None) if dated is not None else (said, said_found, None)
    if said is not None:
        return said, said_found, WHEN_DOUBT
    return dated, dated_found, WHEN_DOUBT
