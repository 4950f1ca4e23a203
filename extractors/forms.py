"""Reading forms and letters: labelled fields (colon, cell or label-underneath), dates after a phrase, letter parts.

The kind modules (reference, ethics, exam, membership, employment) build their items from these helpers and
import them all from here. This module reads a labelled field: `Label: value`, a label cell and the cell
after it, the line under a label, the text under a heading. The rest lives beside it: the shared line shapes
and boxes in `form_layout.py`, caption rows and column grids in `form_captions.py`, tick-box questions in
`form_ticks.py`, and letters, dates, names and levels in `form_letters.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.dates import ParsedDate
from extractors.fields import Found
from extractors.form_captions import (
    UNDERNEATH_SCORE,
    another_field,
    boxed_captions,
    caption_value,
    captions_over_values,
    column_value,
    heads_a_block,
    under_header,
)
from extractors.form_layout import (
    BLANK_MARK,
    BULLET,
    CAPTION,
    CONTACT_LABEL,
    DATE_ONLY,
    DATE_VALUE,
    LABELLED_LINE,
    NEXT_QUESTION,
    ORGANISATION,
    QUESTION_NUMBER,
    RULE_LINE,
    SEPARATOR,
    box_of,
    is_prose,
    ocr_tolerant,
)
from extractors.form_letters import (
    ARABIC,
    COUNTED_LEVELS,
    LEVEL,
    LEVEL_BY_TITLE,
    NO_ENDORSEMENT,
    PERSON_NAME,
    closing_name,
    date_after,
    dates_in,
    first_date,
    is_range,
    is_stamped,
    letter_date,
    level_of,
    misread_name,
    one_line,
    parsed,
    sentences,
)
from extractors.form_ticks import Ticked, ticked_options
from extractors.layout import DocText
from extractors.nlp import Evidence

__all__ = [
    "ARABIC", "COUNTED_LEVELS", "DATE_VALUE", "LEVEL", "LEVEL_BY_TITLE", "NO_ENDORSEMENT", "ORGANISATION",
    "PERSON_NAME",
    "FieldHit", "Ticked",
    "captions_over_values", "closing_name", "column_value", "continue_cell", "date_after", "dates_in", "field",
    "field_date", "field_value", "first_date", "is_range", "is_stamped", "letter_date", "level_of", "misread_name",
    "ocr_tolerant", "one_line", "parsed", "section_field", "sentences", "text_below", "ticked_options", "value_under",
]

FIELD_SCORE = 0.97
BESIDE_SCORE = 0.93
"""A value cell that the layout put on a line of its own next to its label (a tilted scan)."""
BELOW_LINES = 4
BELOW_SCORE = 0.9
"""A value read from the lines under a heading-like label standing alone ("JOB DESCRIPTION" over its text)."""
UNANSWERED_SCORE = 0.75
"""Text under an unnumbered question that is not answer-shaped: perhaps the answer, perhaps the next heading."""
ANSWER = re.compile(r"(?i)^\s*(?:yes|no|none|n/?a|not\s+applicable|level\s+\S+|(?:iv|iii|ii|i|[1-4])\s*$"
                    r"|\[|\(\s*[x✓✔ ]?\s*\)|[☐☒☑■□✓✔]|\d"
                    r"|(?:i|we)\s+(?:do\s+not|don['’]t|am|are|was|were|have|hold|work(?:ed)?)\b)")
"""How an answer under a question starts: yes / no / none, a level, a tick box, a number or a date, or the person
asked answering in the first person ("I do not hold one", "We are co-workers")."""
SELF_STATED = re.compile(r"(?i)\bI\s*(?:am|['’]m)\b")
"""A sentence in which the person asked says what they are ("... (I am the applicant's supervisee)")."""
ABOUT_APPLICANT = re.compile(r"(?i)^\s*(?:the\s+)?(?:applicant|candidate|endorsee)(?:['’]s)?\b")
"""A line that starts with the applicant is about the applicant (a heading, the next section), not the rater's
answer."""
GAP_TIE = 0.5
"""Gaps (points) this close are equal: a line standing midway between two rows of labels is neither's by spacing."""
WRAPPED_LINES = 3
"""How many lines a question in a left column may wrap onto under its first."""
HINT = re.compile(r"(?i)^\s*(?:\(.*\)\s*$|please\b|e\.\s?g\.|i\.\s?e\.|eg\b|optional\b|required\b"
                  r"|if\s+(?:any|applicable|known|different|none)\b|as\s+(?:signed|printed|shown|it\s+appears)\b"
                  r"|print(?:ed)?\b|(?:first|last|family|given)\s*(?:,|/|and)\s*(?:first|last|family|given)\b"
                  r"|[md]{1,2}\s*[/.-]\s*[md]{1,2}\s*[/.-]\s*y{2,4}\b|y{4}\s*[/.-]\s*m{1,2})")
"""A hint a form prints under a label, shaped as one whatever the label's words: "please print", "(as on your
licence)", "e.g. supervisor", "if any", "mm/dd/yyyy". It carries no question on."""
QUESTION_TURN = re.compile(r"(?i)\b(?:applicant|candidate|endorsee|recommend\w*|began|begin\w*|start\w*|since"
                           r"|first(?!\s*(?:name|,|/|and\s+(?:last|family|given)|or\s+(?:last|family|given))))\b")
"""Words in a hint that turn its question to another value: the applicant's, one recommended, when something
began or first happened ("please give the date supervision began", "(recommended for the candidate)")."""


SURE_HINT = re.compile(
    r"(?i)^\s*\(?\s*(?:(?:please\s+)?(?:(?:print|type|write)(?:\s+(?:clearly|legibly|neatly|(?:your\s+)?(?:full\s+)?name"
    r"|in\s+(?:block\s+|capital\s+)?(?:capitals|letters)))*|(?:use\s+|in\s+)(?:block\s+|capital\s+)?(?:capitals|letters))|if\s+(?:any|applicable|known|different|none)|optional|required"
    r"|(?:e\.\s?g\.|i\.\s?e\.|eg\b).*|as\s+(?:signed|printed|shown|it\s+appears)\b.*"
    r"|(?:first|last|family|given)\s*(?:,|/|and)\s*(?:first|last|family|given)(?:\s+names?)?"
    r"|[md]{1,2}[\s/.-]*[md]{1,2}[\s/.-]*y{2,4}|y{4}[\s/.-]*m{1,2}(?:[\s/.-]*d{1,2})?"
    r"|(?:month|day|year)(?:\s*[/.,-]?\s*(?:month|day|year))*)\s*\)?\s*$")
"""The hints that leave a label's question as it is: how to write the value ("please print", "mm/dd/yyyy", "Last,
First"), whether it may be empty ("if any"), an example ("e.g. colleague"). Any other hint ("(of your most recent
contact)", "(sought)") may turn the question, whatever its words."""


@dataclass(frozen=True)
class FieldHit:
    """A label found on the page and the value it labels (None when the field is blank)."""

    label: Found
    value: Found | None


def field(doc: DocText, label: str, rule: str, *, continued: bool = False,
          captions_above: bool = False, bare: str | None = None) -> FieldHit | None:
    """The first field whose label matches: `Label: value`, a label cell and the cell after it, or a caption under it.

    A label may stand behind a list's bullet ("• Position: Home Visitor"; a scan reads the dot as "e" or "¢").

    `label` is a regex for the whole label (no colon). With `continued`, lines that carry on at the value
    cell's left edge (a wrapped table cell) are part of the value. A caption row reads the value above it,
    or the one under it when the form puts its captions over their values (`captions_above`, see
    `captions_over_values`). With `bare` (a regex for how the value starts), the value may follow its label
    on the same cell with no colon ("Exam date 06/25/2026"): only a value of that shape, never another word.
    """
    separator = SEPARATOR if bare is None else rf"(?:{SEPARATOR}|\s(?=\s*(?:{bare})))"
    pattern = re.compile(rf"^[\s|¦]*(?:{BULLET})?(?P<head>)(?P<number>{QUESTION_NUMBER})?(?:{ocr_tolerant(label)})"
                         rf"(?P<asked>\s*\?)?\s*(?P<colon>{separator}\s*(?P<value>.*?))?\s*$", re.I)
    doubted: tuple[int, int, re.Match[str]] | None = None
    for index, line in enumerate(doc.lines):
        cells = line.cell_spans()
        for position, (start, end) in enumerate(cells):
            match = pattern.match(doc.slice(start, end))
            if match is None:
                match = _wrapped_question(doc, index, position, pattern)  # the whole question, not its first line
            elif not match.group("colon") and _runs_on(doc, index, position):
                joined = _wrapped_question(doc, index, position, pattern, whole_first=True)  # "Date" + "of birth"
                if joined is None and not QUESTION_TURN.search(_line_text(doc, index + 1)):
                    doubted = doubted or (index, position, match)  # a hint of no known shape, not another question
                match = joined
            elif not match.group("colon") and _changing_hint(doc, index, position):
                doubted, match = doubted or (index, position, match), None
            if not match:
                continue
            found_label = Found(start + match.start("head"), min(start + match.end(), end), rule, FIELD_SCORE)
            value = _value_of(doc, index, position, match, found_label, captions_above, bare)
            if value is not None and continued:
                value = continue_cell(doc, index, value)
                if match.group("value"):
                    value = _continue_prose(doc, index, found_label, value)
            if value is not None and BLANK_MARK.match(doc.slice(value.start, value.end)):
                value = None
            if value is not None and doubted is not None:  # an earlier label of these words may be the one asked
                value = Found(value.start, value.end, value.rule, min(value.score, UNANSWERED_SCORE))
            return FieldHit(found_label, value)
    return _doubted_field(doc, doubted, rule, captions_above, bare) if doubted else None


def _doubted_field(doc: DocText, doubted: tuple[int, int, re.Match[str]], rule: str, captions_above: bool,
                   bare: str | None) -> FieldHit:
    """The value of a label whose line under may turn its question, when no other label matches after it.

    A hint of no known shape ("dd mm yyyy") or one naming another value ("when supervision began"): the label's own
    value, at a score a person checks.
    """
    index, position, match = doubted
    start, end = doc.lines[index].cell_spans()[position]
    found_label = Found(start + match.start("head"), min(start + match.end(), end), rule, FIELD_SCORE)
    value = _value_of(doc, index, position, match, found_label, captions_above, bare)
    if value is not None and BLANK_MARK.match(doc.slice(value.start, value.end)):
        value = None
    if value is not None:
        value = Found(value.start, value.end, value.rule, min(value.score, UNANSWERED_SCORE))
    return FieldHit(found_label, value)


def _wrapped_question(doc: DocText, index: int, position: int, pattern: re.Pattern[str],
                      whole_first: bool = False) -> re.Match[str] | None:
    """A question wrapped in its left column, its answer in the cell right of the question's first line.

    Survey exports and questionnaires set "3. In what capacity do you know" over "the applicant?" with the
    answer beside the first line: the label is the question's lines joined. Only a first cell with a cell
    right of it, and only lines under it that start at its left edge, close under, left of the answer, count;
    a question that then carries its own value after a colon is not this shape. A first line that is a label on its
    own (`whole_first`: "Relationship" over "to the applicant") is this shape only when the lines joined are the
    label too; else the question is another one ("Relationship" over "length (years)").
    """
    cells = doc.lines[index].cell_spans()
    if position != 0 or len(cells) < 2 or (CAPTION.match(doc.slice(*cells[0])) and not whole_first):
        return None  # a label cell complete in itself ("Applicant | Ana Bell") is no question's first line
    question, answer = box_of(doc, *cells[0]), box_of(doc, *cells[1])
    if question is None or answer is None:
        return None
    parts, last = [doc.slice(*cells[0])], question
    for following in doc.lines[index + 1:index + 1 + WRAPPED_LINES]:
        if len(following.cell_spans()) != 1:  # the next question's row, or the answer wrapping beside the question
            return None
        start, end = following.start, following.end
        box = box_of(doc, start, end)
        if (following.page != doc.lines[index].page or box is None or abs(box[0] - question[0]) > 3.0
                or box[2] > answer[0] or box[1] - last[3] > (last[3] - last[1]) * 1.5
                or LABELLED_LINE.match(doc.slice(start, end)) or pattern.match(doc.slice(start, end))):
            break  # a label standing on its own ("Signature" under "Applicant | Ana Bell") is a field of its own
        parts.append(doc.slice(start, end))
        last = box
        match = pattern.match(" ".join(part.strip() for part in parts))
        if match and not match.group("value"):
            return match
    return None


def _line_text(doc: DocText, index: int) -> str:
    """The text of line `index`."""
    return doc.slice(doc.lines[index].start, doc.lines[index].end)


def _changing_hint(doc: DocText, index: int, position: int) -> bool:
    """Whether the hint under a question's first cell asks something else than its label does.

    A hint may narrow or turn the question ("Endorsement level" over "(the one you recommend for the candidate)",
    "Date" over "when supervision began"): one naming the applicant, a recommendation, or a start asks for a value
    the label's own words do not, and so may any hint not of a sure shape (`SURE_HINT`): the value beside it is for a
    person to check.
    """
    if not _under_first_cell(doc, index, position, wide=True):
        return False
    following = doc.lines[index + 1]
    text = doc.slice(following.start, following.end)
    hint = HINT.match(text) or text.lstrip()[:1].islower()  # small type running on under the answer too
    return bool(hint and (QUESTION_TURN.search(text) or not SURE_HINT.match(text)))


def _under_first_cell(doc: DocText, index: int, position: int, *, wide: bool = False) -> bool:
    """Whether the line under a question's first cell is one cell at its left edge, close under, left of the answer.

    A hint (`wide`) may run on under the answer too: printed in small type, it is no line of the answer's.
    """
    cells = doc.lines[index].cell_spans()
    if position != 0 or len(cells) < 2 or index + 1 >= len(doc.lines):
        return False
    following = doc.lines[index + 1]
    question, answer = box_of(doc, *cells[0]), box_of(doc, *cells[1])
    box = box_of(doc, following.start, following.end)
    return (question is not None and answer is not None and box is not None and following.page == doc.lines[index].page
            and len(following.cell_spans()) == 1 and abs(box[0] - question[0]) <= 3.0 and (wide or box[2] <= answer[0])
            and box[1] - question[3] <= (question[3] - question[1]) * 1.5)


def _runs_on(doc: DocText, index: int, position: int) -> bool:
    """Whether a question's first cell goes on in the line under it: the label is more than this line.

    A questionnaire wraps "Endorsement level that you have" onto "recommended for this applicant" beside its
    answer; the first line alone may read as another question, whatever its words ("Endorsement level", "Date"). A
    hint under a label ("please print", "mm/dd/yyyy", "e.g. colleague") carries nothing on. The line under carries on
    when it is one cell at the question's left edge, close under, left of the answer, starting in lower case as a
    sentence runs on.
    """
    if not _under_first_cell(doc, index, position):
        return False
    following = doc.lines[index + 1]
    text = doc.slice(following.start, following.end)
    return text.lstrip()[:1].islower() and not LABELLED_LINE.match(text) and not HINT.match(text)


def _value_of(doc: DocText, index: int, position: int, match: re.Match[str], label: Found,
              captions_above: bool, bare: str | None = None) -> Found | None:
    """The value a matched label cell labels: after its colon or leader, the next cell, a neighbour or caption line."""
    cells = doc.lines[index].cell_spans()
    start, end = cells[position]
    rule = label.rule
    captions = False
    value: Found | None = None
    if captions_above and not match.group("colon") and boxed_captions(doc, index):
        return under_header(doc, index, position, rule)  # a boxed form: the value is in the box, under its caption
    if match.group("value"):
        value = Found(start + match.start("value"), start + match.end("value"), rule, FIELD_SCORE)
    elif position + 1 < len(cells) and not _a_label(doc.slice(*cells[position + 1])):
        value = Found(cells[position + 1][0], cells[position + 1][1], rule, FIELD_SCORE)
    elif position + 1 == len(cells) and (value := _beside_value(doc, index, (start, end), rule)):
        pass
    elif not match.group("colon") and (captions := all(CAPTION.match(doc.slice(*cell)) for cell in cells)):
        value = _caption_read(doc, index, position, rule, captions_above)
    elif not match.group("colon") and len(cells) > 1 and (captions := all(
            _a_label(doc.slice(*cell)) for other, cell in enumerate(cells) if other != position)):
        value = _label_row(doc, index, position, rule, captions_above)
    if value is None and not match.group("colon") and len(cells) > 1 and not captions:
        value = under_header(doc, index, position, rule)
    if value is None and not match.group("colon") and (match.group("number") or match.group(0).rstrip().endswith("?")):
        value = text_below(doc, label, rule)  # a questionnaire: the answer under its question
        if value is not None and not match.group("number"):
            value = _answer_under(doc, value)
    if value is None and match.group("colon") and len(cells) == 1:
        value = _line_under(doc, index, rule)  # "Rater name:" ending its line, the value printed under it
    if value is None and bare is not None and len(cells) == 1:
        under = _line_under(doc, index, rule)  # "Exam date" over "06/25/2026": only a value of the field's shape
        text = doc.slice(under.start, under.end) if under else ""
        value = under if under and re.match(rf"(?i)\s*(?:{bare})", text) and DATE_ONLY.match(text) else None
    return value


def _a_label(text: str) -> bool:
    """A cell that is a label of its own (caption words, or a contact field's "Telephone"): never a value."""
    return bool(CAPTION.match(text) or CONTACT_LABEL.match(text))


def field_date(doc: DocText, found: Found | None, evidence: list[Evidence]) -> tuple[ParsedDate | None, Found | None]:
    """The first date in a field's value, the source scored no higher than the field's reading of it.

    A date read under a caption that may name the date above it instead stays at the field's lower score.
    """
    dated, source = first_date(doc, found, evidence)
    if found is not None and source is not None and found.score < source.score:
        source = Found(source.start, source.end, source.rule, found.score)
    return dated, source


def _caption_read(doc: DocText, index: int, position: int, rule: str, captions_above: bool) -> Found | None:
    """The value a caption names, read the way the form's caption rows go.

    A date both over and under the caption (stacked signature blocks) could be either's: it is kept at a score a
    person checks.
    """
    value = (under_header if captions_above else caption_value)(doc, index, position, rule)
    other = (caption_value if captions_above else under_header)(doc, index, position, rule)
    if value is not None and _nearer_beyond(doc, index, 1 if captions_above else -1):
        return Found(value.start, value.end, value.rule, min(value.score, UNANSWERED_SCORE))
    if value is None or other is None or not all(
            DATE_ONLY.match(doc.slice(found.start, found.end)) for found in (value, other)):
        return value
    return Found(value.start, value.end, value.rule, min(value.score, UNANSWERED_SCORE))


def _nearer_beyond(doc: DocText, index: int, step: int) -> bool:
    """Whether the value line next to a row of labels (`step` 1: under, -1: over) is nearer another row beyond it.

    Two signature blocks one above the other: a line signed between "Signature | Date" and "Supervisor's signature |
    Date" belongs to whichever captions it stands closer to, whatever way the form's other rows pair.
    """
    value, beyond = index + step, index + 2 * step
    if not _labels_row(doc, value, beyond, loose=True):
        return False
    own, other = _gap(doc, index, value), _gap(doc, value, beyond)
    return own is not None and other is not None and other < own


def _gap(doc: DocText, first: int, second: int) -> float | None:
    """The white space between two lines of one page (None when either has no box or they are on two pages)."""
    if not (0 <= first < len(doc.lines) and 0 <= second < len(doc.lines)):
        return None
    one, two = doc.lines[first], doc.lines[second]
    box, other = box_of(doc, one.start, one.end), box_of(doc, two.start, two.end)
    if one.page != two.page or box is None or other is None:
        return None
    return max(box[1] - other[3], other[1] - box[3])


def _label_row(doc: DocText, index: int, position: int, rule: str, captions_above: bool) -> Found | None:
    """A row of labels alone ("Name of rater   E-mail"): its value is the line over it or the line under it.

    A signature block sets such captions under their lines, a table or a boxed form over them. When only one way
    holds a value, that is it; when both do, the line that is the value of another row of labels next to it
    (a block alternating values and captions) is not this row's; else the form's way is taken, at a score a person
    checks.
    """
    over = caption_value(doc, index, position, rule)
    under = under_header(doc, index, position, rule)
    if over is None or under is None:
        return _one_way(doc, index, over, under, captions_above)
    if _labels_row(doc, index + 1, index + 2) and not _labels_row(doc, index - 1, index - 2, loose=True):
        return over  # the line under is the value of the captions under it
    if _labels_row(doc, index - 1, index - 2) and not _labels_row(doc, index + 1, index + 2, loose=True):
        return under  # the line over is the value of the captions over it
    value = under if captions_above else over
    return Found(value.start, value.end, value.rule, min(value.score, UNANSWERED_SCORE))


def _one_way(doc: DocText, index: int, over: Found | None, under: Found | None, captions_above: bool) -> Found | None:
    """A row of labels with a value line on one side only: the form's own side is its value.

    When the form's side is blank, a row heading its block (under a paragraph, nothing over it to label) labels the
    line under it, when that line stands nearer to it than to the line beyond (which would then be the line's own
    caption). Else the line on the other side is the value of a row of labels beyond it (a block alternating values
    and captions: this field was left blank); with none there, the line is kept at a score a person checks, since
    the form's way of pairing says it is not this row's.
    """
    own, other = (under, over) if captions_above else (over, under)
    if own is not None or other is None:
        return own
    step = -1 if other is over else 1
    if other is under and heads_a_block(doc, index):
        gap, beyond = _gap(doc, index, index + 1), _gap(doc, index + 1, index + 2)
        if gap is not None and (beyond is None or gap < beyond - GAP_TIE):
            return other  # as near the line beyond: whose value it is, the spacing does not say
    elif _labels_row(doc, index + step, index + 2 * step, loose=True):
        return None
    return Found(other.start, other.end, other.rule, min(other.score, UNANSWERED_SCORE))


def _labels_row(doc: DocText, value: int, labels: int, *, loose: bool = False) -> bool:
    """Whether line `labels` is a row of labels alone standing close next to the value line `value`, same page.

    `loose` asks whether it may be one: a row of two or more cells with a label among them ("Applicant name |
    Program": a form's own word for a field is no caption word, yet the row pairs with its values all the same).
    """
    gap = _gap(doc, labels, value)
    line = doc.lines[labels] if gap is not None else None
    box = box_of(doc, line.start, line.end) if line is not None else None
    if gap is None or line is None or box is None:
        return False
    cells = line.cell_spans()
    labels_in = [_a_label(doc.slice(*cell)) for cell in cells]
    return gap <= 2.5 * (box[3] - box[1]) and (all(labels_in) or (loose and len(cells) > 1 and any(labels_in)))


def _answer_under(doc: DocText, value: Found) -> Found | None:
    """Text under an unnumbered question, as far as its shape shows it answers the question.

    An unnumbered question left blank stands over whatever comes next: a line about the applicant is a heading
    or the next section, never an answer, unless the person asked says in it what they are ("The applicant is my
    supervisor (I am her supervisee)"); text not shaped like an answer (yes / no, a level, a tick box, a date, a
    person's name) is kept at a score a person checks.
    """
    text = doc.slice(value.start, value.end)
    first = text.strip().splitlines()[0] if text.strip() else ""
    if ANSWER.match(first) or PERSON_NAME.match(first):
        return value
    if SELF_STATED.search(first):
        return value
    if ABOUT_APPLICANT.match(first):
        return None
    return Found(value.start, value.end, value.rule, UNANSWERED_SCORE)


def _line_under(doc: DocText, index: int, rule: str) -> Found | None:
    """The one short line close under a `Label:` that ends its line, not starting left of it nor labelled itself."""
    if index + 1 >= len(doc.lines):
        return None
    line, below = doc.lines[index], doc.lines[index + 1]
    box, under = box_of(doc, line.start, line.end), box_of(doc, below.start, below.end)
    text = doc.slice(below.start, below.end)
    if below.page != line.page or box is None or under is None or len(below.cell_spans()) != 1:
        return None
    height = max(box[3] - box[1], under[3] - under[1])
    if (under[1] - box[3] > 1.5 * height or under[0] < box[0] - 3.0 or RULE_LINE.match(text)
            or LABELLED_LINE.match(text) or NEXT_QUESTION.match(text) or CAPTION.match(text) or is_prose(text)):
        return None
    return Found(below.start, below.end, rule, UNDERNEATH_SCORE)


def value_under(doc: DocText, hit: FieldHit) -> Found | None:
    """The line under a label that stands alone on its line with no value: a record printing values under labels."""
    line = doc.line_at(hit.label.start)
    if hit.value is not None or line is None or len(line.cell_spans()) != 1:
        return None
    index = doc.lines.index(line)
    return _line_under(doc, index, hit.label.rule) if index + 1 < len(doc.lines) else None


def field_value(doc: DocText, label: str, rule: str, *, continued: bool = False,
                captions_above: bool = False, bare: str | None = None) -> Found | None:
    """Only the value of `field` (None when the label is missing or the field blank)."""
    hit = field(doc, label, rule, continued=continued, captions_above=captions_above, bare=bare)
    return hit.value if hit else None


def section_field(doc: DocText, heading: str, label: str, rule: str, span: int = 4) -> Found | None:
    """A labelled value inside a form section: `label` on one of the `span` lines under a heading standing alone.

    Forms group fields under a heading ("EMPLOYER" then "NAME ..... Ridgeline Clinic", "ADDRESS ....."):
    the section's `Name` field names the section's subject.
    """
    alone = re.compile(rf"(?i)^\s*(?:{ocr_tolerant(heading)})\s*:?\s*$")
    pattern = re.compile(rf"(?i)^\s*(?:{ocr_tolerant(label)})\s*{SEPARATOR}\s*(?P<value>\S.*?)\s*$")
    for index, line in enumerate(doc.lines):
        if not alone.match(doc.slice(line.start, line.end)):
            continue
        for following in doc.lines[index + 1:index + 1 + span]:
            if following.page != line.page:
                break
            match = pattern.match(doc.slice(following.start, following.end))
            if match:
                return Found(following.start + match.start("value"), following.start + match.end("value"), rule,
                             FIELD_SCORE)
    return None


def text_below(doc: DocText, label: Found, rule: str) -> Found | None:
    """The text under a label that stands alone on its line (a heading over its paragraph), up to a rule or a field.

    Lines follow while they are close under the last one, on the same page, and are neither a ruled line nor
    another labelled field (a colon after a level's numeral, "Level II: Infant Family Specialist", is a value's).
    """
    line = doc.line_at(label.start)
    if line is None or doc.slice(line.start, line.end).strip() != doc.slice(label.start, label.end).strip():
        return None
    index = doc.lines.index(line)
    start = end = None
    last = box_of(doc, line.start, line.end)
    for following in doc.lines[index + 1:index + 1 + BELOW_LINES]:
        text = doc.slice(following.start, following.end)
        box = box_of(doc, following.start, following.end)
        if (following.page != line.page or box is None or last is None or RULE_LINE.match(text)
                or another_field(text) or NEXT_QUESTION.match(text)
                or box[1] - last[3] > (last[3] - last[1]) * 1.5):
            break
        start = following.start if start is None else start
        end, last = following.end, box
    return Found(start, end, rule, BELOW_SCORE) if start is not None and end is not None else None



def _beside_value(doc: DocText, index: int, label_cell: tuple[int, int], rule: str) -> Found | None:
    """A value cell the layout put on its own line (a tilted scan): just above or below the label, right of it.

    Only a neighbour line at almost the label's height counts.
    """
    label_box = box_of(doc, *label_cell)
    if label_box is None:
        return None
    height = label_box[3] - label_box[1]
    centre = (label_box[1] + label_box[3]) / 2
    for neighbour in doc.lines[max(index - 1, 0):index] + doc.lines[index + 1:index + 2]:
        cell = neighbour.cell_spans()[0]
        box = box_of(doc, *cell)
        if (box is not None and neighbour.page == doc.lines[index].page and box[0] > label_box[2] + height
                and abs((box[1] + box[3]) / 2 - centre) < 0.9 * height and not CAPTION.match(doc.slice(*cell))):
            return Found(cell[0], cell[1], rule, BESIDE_SCORE)
    return None


def continue_cell(doc: DocText, index: int, value: Found) -> Found:
    """Extend a cell value over the following lines that are one cell starting at the value's left edge."""
    first = box_of(doc, value.start, value.end)
    end = value.end
    for line in doc.lines[index + 1:]:
        cells = line.cell_spans()
        box = box_of(doc, line.start, line.end)
        if first is None or box is None or len(cells) != 1 or abs(box[0] - first[0]) > 3.0:
            break
        if box[1] - (box_of(doc, value.start, end) or first)[3] > (first[3] - first[1]) * 1.5:
            break
        end = line.end
    return Found(value.start, end, value.rule, value.score)



def _continue_prose(doc: DocText, index: int, label: Found, value: Found) -> Found:
    """A `Label: value` in prose wraps back to the label's left edge: take the following lines until the full stop.

    Only while the value has not ended (no full stop yet) and the next line is not another labelled field.
    """
    label_box = box_of(doc, label.start, label.end)
    end = value.end
    for line in doc.lines[index + 1:index + 4]:
        text = doc.slice(line.start, line.end)
        box = box_of(doc, line.start, line.end)
        if (label_box is None or box is None or doc.slice(value.start, end).rstrip().endswith(".")
                or abs(box[0] - label_box[0]) > 3.0 or re.match(r"^[^:]{1,40}:", text)
                or box[1] - (box_of(doc, value.start, end) or label_box)[3] > (label_box[3] - label_box[1]) * 1.5):
            break
        end = line.end
    return Found(value.start, end, value.rule, value.score)



_level = level_of
"""The name tests/test_parsers.py imports."""
