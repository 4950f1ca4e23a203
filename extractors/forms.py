"""Reading forms and letters: labelled fields (colon, cell or label-underneath), dates after a phrase, letter parts.

The kind modules (reference, ethics, exam, membership, employment) build their items from these helpers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.dates import ParsedDate, parse_date
from extractors.fields import Found
from extractors.layout import DocText
from extractors.nlp import Evidence

LEVEL = re.compile(r"\blevel\s+(IV|III|II|I|4|3|2|1)\b", re.I)
LEVEL_BY_TITLE = [  # the Endorsement titles; a plain "Specialist" is II or III, so it is not enough alone
    (re.compile(r"mental\s+health\s+mentor|\bmentor\b", re.I), "IV"),
    (re.compile(r"infant\s+mental\s+health\s+specialist", re.I), "III"),
    (re.compile(r"infant\s+family\s+specialist", re.I), "II"),
    (re.compile(r"infant\s+family\s+associate", re.I), "I"),
]
ARABIC = {"1": "I", "2": "II", "3": "III", "4": "IV"}
COUNTED_LEVELS = {"II", "III", "IV"}
"""DESIGN.md's `rater_level` vocabulary; a Level I rater is read (not a flag) but has no counted level."""
NO_ENDORSEMENT = re.compile(r"^\s*(none|n/?a|not\s+applicable|not\s+(?:currently\s+|yet\s+)?endorsed|no)\b", re.I)
STAMP_WORDS = re.compile(r"^(received|stamped|filed|logged|recd\.?|rec'd)$", re.I)
CLOSINGS = re.compile(r"^\s*(?:yours\s+)?(?:sincerely|truly|respectfully|faithfully)|^\s*(?:kind|warm|best)\s+regards"
                      r"|^\s*regards|^\s*with\s+(?:thanks|appreciation)", re.I)
PERSON_NAME = re.compile(r"^\s*(?:(?:Dr|Mr|Ms|Mrs)\.?\s+)?[A-Z][a-zA-Z'\-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-zA-Z'\-]+){1,3}"
                         r"(?:,\s*[A-Z][A-Za-z.\-]+)*\s*$")
SALUTATION = re.compile(r"^\s*(?:dear|to\s+whom|to\s+the|re\s*:)", re.I)
CAPTION = re.compile(
    r"(?i)^\s*(?:(?:applicant|candidate|member|employee|rater|witness|printed|print|typed|full|date|signature|signed"
    r"|name|title|position|office|use|only|for|of|the|received|staff|initials|form|issued|reviewed|by|please|person"
    r"|completing|completed|this|reference|referee|evaluator|recommender|\(|\)|/|-)"
    r"\s*)+:?\s*$")
"""A cell made only of label words (a caption row, or a label cell that is not another label's value)."""
BLANK_MARK = re.compile(r"^[\s_.\-–]*$")
FIELD_SCORE = 0.97
UNDERNEATH_SCORE = 0.9
"""A value read from the line above its label (a signature line with the caption underneath) is less certain."""
BESIDE_SCORE = 0.93
UNDER_HEADER_SCORE = 0.93
PROSE_WORDS = 8
"""A value read from the row under a table's header cell."""
"""A value cell that the layout put on a line of its own next to its label (a tilted scan)."""


QUESTION_NUMBER = r"(?:q(?:uestion)?\s*)?\d{1,2}[.)]\s+"
"""A questionnaire's numbering in front of a question ("1. Your full name", "Q4) ...")."""
SEPARATOR = r"(?::|\.{3,}(?=\s|$))"
"""What parts a label from its value on one line: a colon, or a leader of dots ("HIRE DATE ...... 2020-05-26")."""
RULE_LINE = re.compile(r"^\s*[=\-_*~.]{4,}\s*$")
LABELLED_LINE = re.compile(rf"^[^:.]{{1,40}}{SEPARATOR}")
NEXT_QUESTION = re.compile(rf"(?i)^\s*{QUESTION_NUMBER}\S|.*\?\s*$")
BELOW_LINES = 4
BELOW_SCORE = 0.9
"""A value read from the lines under a heading-like label standing alone ("JOB DESCRIPTION" over its text)."""


INLINE_FLAGS = re.compile(r"\(\?(?:P<\w+>|P=\w+\)|[:=!]|<[=!]|[aiLmsux-]+(?:\)|:))")


def ocr_tolerant(pattern: str) -> str:
    """A label or phrase regex that also matches its words split by a stray space ("throu gh", "membershi p").

    OCR (and a text layer's kerning) breaks words; an optional space goes between every two literal letters,
    never inside an escape, a character class, a group's flags or name, or a repeat count.
    """
    out: list[str] = []
    i, after_letter = 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            token = pattern[i:i + 2]
        elif ch == "[":
            token = pattern[i:pattern.index("]", i + 2) + 1]
        elif ch == "{":
            token = pattern[i:pattern.index("}", i) + 1]
        elif (flags := INLINE_FLAGS.match(pattern, i)) is not None:
            token = flags.group()
        else:
            token = ch
        if token.isalpha() and len(token) == 1:
            out.append(" ?" + token if after_letter else token)
            after_letter = True
        else:
            out.append(token)
            after_letter = False
        i += len(token)
    return "".join(out)


@dataclass(frozen=True)
class FieldHit:
    """A label found on the page and the value it labels (None when the field is blank)."""

    label: Found
    value: Found | None


def field(doc: DocText, label: str, rule: str, *, continued: bool = False,
          captions_above: bool = False) -> FieldHit | None:
    """The first field whose label matches: `Label: value`, a label cell and the cell after it, or a caption under it.

    `label` is a regex for the whole label (no colon). With `continued`, lines that carry on at the value
    cell's left edge (a wrapped table cell) are part of the value. A caption row reads the value above it,
    or the one under it when the form puts its captions over their values (`captions_above`, see
    `captions_over_values`).
    """
    pattern = re.compile(rf"^[\s|¦]*(?P<number>{QUESTION_NUMBER})?(?:{ocr_tolerant(label)})(?P<asked>\s*\?)?"
                         rf"\s*(?P<colon>{SEPARATOR}\s*(?P<value>.*?))?\s*$", re.I)
    for index, line in enumerate(doc.lines):
        cells = line.cell_spans()
        for position, (start, end) in enumerate(cells):
            match = pattern.match(doc.slice(start, end))
            if not match:
                continue
            found_label = Found(start + match.start(), start + match.end(), rule, FIELD_SCORE)
            value = _value_of(doc, index, position, match, found_label, captions_above)
            if value is not None and continued:
                value = continue_cell(doc, index, value)
                if match.group("value"):
                    value = _continue_prose(doc, index, found_label, value)
            if value is not None and BLANK_MARK.match(doc.slice(value.start, value.end)):
                value = None
            return FieldHit(found_label, value)
    return None


def _value_of(doc: DocText, index: int, position: int, match: re.Match[str], label: Found,
              captions_above: bool) -> Found | None:
    """The value a matched label cell labels: after its colon or leader, the next cell, a neighbour or caption line."""
    cells = doc.lines[index].cell_spans()
    start, end = cells[position]
    rule = label.rule
    captions = False
    value: Found | None = None
    if match.group("value"):
        value = Found(start + match.start("value"), start + match.end("value"), rule, FIELD_SCORE)
    elif position + 1 < len(cells) and not CAPTION.match(doc.slice(*cells[position + 1])):
        value = Found(cells[position + 1][0], cells[position + 1][1], rule, FIELD_SCORE)
    elif position + 1 == len(cells) and (value := _beside_value(doc, index, (start, end), rule)):
        pass
    elif not match.group("colon") and (captions := all(CAPTION.match(doc.slice(*cell)) for cell in cells)):
        value = (_under_header if captions_above else _caption_value)(doc, index, position, rule)
    if value is None and not match.group("colon") and len(cells) > 1 and not captions:
        value = _under_header(doc, index, position, rule)
    if value is None and not match.group("colon") and (match.group("number") or match.group("asked")):
        value = text_below(doc, label, rule)  # a questionnaire: the answer under its question
    if value is None and match.group("colon") and len(cells) == 1:
        value = _line_under(doc, index, rule)  # "Rater name:" ending its line, the value printed under it
    return value


def _line_under(doc: DocText, index: int, rule: str) -> Found | None:
    """The one short line close under a `Label:` that ends its line, not starting left of it nor labelled itself."""
    if index + 1 >= len(doc.lines):
        return None
    line, below = doc.lines[index], doc.lines[index + 1]
    box, under = _box(doc, line.start, line.end), _box(doc, below.start, below.end)
    text = doc.slice(below.start, below.end)
    if below.page != line.page or box is None or under is None or len(below.cell_spans()) != 1:
        return None
    height = max(box[3] - box[1], under[3] - under[1])
    if (under[1] - box[3] > 1.5 * height or under[0] < box[0] - 3.0 or RULE_LINE.match(text)
            or LABELLED_LINE.match(text) or NEXT_QUESTION.match(text) or CAPTION.match(text) or _is_prose(text)):
        return None
    return Found(below.start, below.end, rule, UNDERNEATH_SCORE)


def field_value(doc: DocText, label: str, rule: str, *, continued: bool = False,
                captions_above: bool = False) -> Found | None:
    """Only the value of `field` (None when the label is missing or the field blank)."""
    hit = field(doc, label, rule, continued=continued, captions_above=captions_above)
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
    another labelled field.
    """
    line = doc.line_at(label.start)
    if line is None or doc.slice(line.start, line.end).strip() != doc.slice(label.start, label.end).strip():
        return None
    index = doc.lines.index(line)
    start = end = None
    last = _box(doc, line.start, line.end)
    for following in doc.lines[index + 1:index + 1 + BELOW_LINES]:
        text = doc.slice(following.start, following.end)
        box = _box(doc, following.start, following.end)
        if (following.page != line.page or box is None or last is None or RULE_LINE.match(text)
                or LABELLED_LINE.match(text) or NEXT_QUESTION.match(text)
                or box[1] - last[3] > (last[3] - last[1]) * 1.5):
            break
        start = following.start if start is None else start
        end, last = following.end, box
    return Found(start, end, rule, BELOW_SCORE) if start is not None and end is not None else None


def _box(doc: DocText, start: int, end: int) -> tuple[float, float, float, float] | None:
    placed = doc.words_in(start, end)
    if not placed:
        return None
    boxes = [p.word.bbox for p in placed]
    return min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    """Horizontal overlap as a share of the narrower box."""
    shared = min(a[2], b[2]) - max(a[0], b[0])
    return max(shared, 0.0) / max(min(a[2] - a[0], b[2] - b[0]), 1.0)


def _caption_value(doc: DocText, index: int, position: int, rule: str) -> Found | None:
    """A caption row (labels under lines): the value cell directly above this label and no other label."""
    if index == 0:
        return None
    line, above = doc.lines[index], doc.lines[index - 1]
    captions = [_box(doc, *cell) for cell in line.cell_spans()]
    label_box = captions[position]
    if above.page != line.page or label_box is None:
        return None
    for start, end in above.cell_spans():
        box = _box(doc, start, end)
        if box is None:
            continue
        height = max(label_box[3] - label_box[1], box[3] - box[1])  # OCR boxes hug the glyphs: "Date" has no descender
        if (label_box[1] - box[3] > 2.5 * height or _is_prose(doc.slice(start, end))
                or LABELLED_LINE.match(doc.slice(start, end))):  # another field's `label: value`, not a value
            continue
        over = [i for i, other in enumerate(captions) if other is not None and _overlap(box, other) > 0.2]
        if over == [position]:
            return Found(start, end, rule, UNDERNEATH_SCORE)
    return None


def captions_over_values(doc: DocText) -> bool:
    """Whether the form's caption rows sit over their values rather than under them.

    A signature block alternates caption rows and value lines; which way they pair shows at its ends: the
    first caption row under a paragraph (nothing above it can be its value) and the last one with a value
    line close under it. Anything else (or no caption rows) reads the usual way, captions under the lines.
    """
    rows = [i for i, line in enumerate(doc.lines)
            if all(CAPTION.match(doc.slice(*cell)) for cell in line.cell_spans())]
    if not rows:
        return False
    return _heads_a_block(doc, rows[0]) and _value_under(doc, rows[-1])


def _heads_a_block(doc: DocText, index: int) -> bool:
    """A caption row with no value line above it: the first line of its page, or under a paragraph.

    Specks a scan reads as letters ("g  y": no two letters or digits together) are not a line.
    """
    above = index - 1
    while above >= 0 and not re.search(r"\w\w", doc.slice(doc.lines[above].start, doc.lines[above].end)):
        above -= 1
    if above < 0 or doc.lines[above].page != doc.lines[index].page:
        return True
    return _is_prose(doc.slice(doc.lines[above].start, doc.lines[above].end))


def _value_under(doc: DocText, index: int) -> bool:
    """A caption row with a short value line close under it (not another caption, not prose)."""
    if index + 1 >= len(doc.lines) or doc.lines[index + 1].page != doc.lines[index].page:
        return False
    line, below = doc.lines[index], doc.lines[index + 1]
    box, under = _box(doc, line.start, line.end), _box(doc, below.start, below.end)
    text = doc.slice(below.start, below.end)
    return (box is not None and under is not None and under[1] - box[3] <= 2.5 * (box[3] - box[1])
            and not CAPTION.match(text) and not _is_prose(text))


def _under_header(doc: DocText, index: int, position: int, rule: str) -> Found | None:
    """A table's header row: the cell of the next line that sits under this header cell and no other."""
    if index + 1 >= len(doc.lines):
        return None
    line, below = doc.lines[index], doc.lines[index + 1]
    headers = [_box(doc, *cell) for cell in line.cell_spans()]
    header_box = headers[position]
    if below.page != line.page or header_box is None:
        return None
    height = header_box[3] - header_box[1]
    cells = below.cell_spans()
    for start, end in cells:
        box = _box(doc, start, end)
        if box is None or box[1] - header_box[3] > 2.5 * height or CAPTION.match(doc.slice(start, end)):
            continue
        over = [i for i, other in enumerate(headers) if other is not None and _overlap(box, other) > 0.2]
        if over == [position]:
            if position == len(headers) - 1:  # the last column runs to the row's end ("1/1/26   12/31/26")
                end = cells[-1][1]
            return Found(start, end, rule, UNDER_HEADER_SCORE)
    return None


def _is_prose(text: str) -> bool:
    """A sentence of running text, never a field's value (the paragraph above a signature line)."""
    return len(text.split()) > PROSE_WORDS or (len(text.split()) > 3 and text.rstrip().endswith("."))


def _beside_value(doc: DocText, index: int, label_cell: tuple[int, int], rule: str) -> Found | None:
    """A value cell the layout put on its own line (a tilted scan): just above or below the label, right of it.

    Only a neighbour line at almost the label's height counts.
    """
    label_box = _box(doc, *label_cell)
    if label_box is None:
        return None
    height = label_box[3] - label_box[1]
    centre = (label_box[1] + label_box[3]) / 2
    for neighbour in doc.lines[max(index - 1, 0):index] + doc.lines[index + 1:index + 2]:
        cell = neighbour.cell_spans()[0]
        box = _box(doc, *cell)
        if (box is not None and neighbour.page == doc.lines[index].page and box[0] > label_box[2] + height
                and abs((box[1] + box[3]) / 2 - centre) < 0.9 * height and not CAPTION.match(doc.slice(*cell))):
            return Found(cell[0], cell[1], rule, BESIDE_SCORE)
    return None


def continue_cell(doc: DocText, index: int, value: Found) -> Found:
    """Extend a cell value over the following lines that are one cell starting at the value's left edge."""
    first = _box(doc, value.start, value.end)
    end = value.end
    for line in doc.lines[index + 1:]:
        cells = line.cell_spans()
        box = _box(doc, line.start, line.end)
        if first is None or box is None or len(cells) != 1 or abs(box[0] - first[0]) > 3.0:
            break
        if box[1] - (_box(doc, value.start, end) or first)[3] > (first[3] - first[1]) * 1.5:
            break
        end = line.end
    return Found(value.start, end, value.rule, value.score)


CHECK_MARK = re.compile(r"^\s*(?:\[\s*[xX✓✔]\s*\]|\(\s*[xX✓✔]\s*\)|[xX✓✔☒☑■](?=\s))\s*(?P<choice>\S.*?)\s*$")
EMPTY_BOX = re.compile(r"^\s*(?:\[\s*\]|\(\s*\)|[☐□])\s*")
BOX = r"\[\s*(?:[xX✓✔]\s*)?\]|\(\s*(?:[xX✓✔]\s*)?\)|[☐□☒☑■]"
BOXED_OPTION = re.compile(rf"(?:^|(?<=\s))(?P<box>{BOX})\s*(?P<choice>\S.*?)\s*(?=(?:{BOX})|$)")
"""One option of a line that offers several, each behind its own box ("[ ] Colleague  [X] Student")."""
TICKED_BOX = re.compile(r"[xX✓✔☒☑■]")
INSTRUCTION = re.compile(r"(?i)\((?:please\s+)?(?:check|tick|select|choose|circle|mark)\b")
"""A question's answering instruction ("(check one)", "(tick all that apply)"): a question line, never an option."""
OPTIONS_MAX = 12
TICK_SCORE = 0.93
"""A choice read from a tick mark in front of it (a mark is a small glyph, often misread on a scan)."""


@dataclass(frozen=True)
class Ticked:
    """A tick-box question: the ticked options (one, none or several) and the question's own place."""

    question: Found
    choices: list[Found]


def ticked_options(doc: DocText, question: str, rule: str) -> Ticked | None:
    """The options ticked under a question ("How do you know the applicant? (check one)"), one option a line.

    The options are the short lines after the question (numbered or not), up to the next question or labelled
    field; a ticked one starts with a mark (X, a check, a filled box). A line may offer several options in a
    grid, each behind its own box, and the question's own line may carry them after the question.
    """
    pattern = re.compile(rf"(?i)^\s*(?:{QUESTION_NUMBER})?(?:{question})\b")
    for index, line in enumerate(doc.lines):
        asked = pattern.match(doc.slice(line.start, line.end))
        if not asked:
            continue
        inline = list(BOXED_OPTION.finditer(doc.slice(line.start, line.end), asked.end()))
        choices = [Found(line.start + m.start("choice"), line.start + m.end("choice"), rule, TICK_SCORE)
                   for m in inline if len(inline) >= 2 and TICKED_BOX.search(m.group("box"))]
        for option in doc.lines[index + 1:index + 1 + OPTIONS_MAX]:
            text = doc.slice(option.start, option.end)
            boxed = _boxed_options(text)
            if option.page != line.page or (len(boxed) < 2 and _ends_options(text)):
                break
            if len(boxed) >= 2:
                choices += [Found(option.start + m.start("choice"), option.start + m.end("choice"), rule, TICK_SCORE)
                            for m in boxed if TICKED_BOX.search(m.group("box"))]
            elif mark := CHECK_MARK.match(text):
                choices.append(Found(option.start + mark.start("choice"), option.start + mark.end("choice"),
                                     rule, TICK_SCORE))
        return Ticked(Found(line.start, line.end, rule, TICK_SCORE), choices)
    return None


def _boxed_options(text: str) -> list[re.Match[str]]:
    """The boxed options of a line, when the whole line is made of them (text before the first box is not)."""
    options = list(BOXED_OPTION.finditer(text))
    return options if options and not text[:options[0].start()].strip() else []


def _ends_options(text: str) -> bool:
    """A line that is not one option of a list: another question, a labelled field, or prose."""
    bare = EMPTY_BOX.sub("", text)
    return (text.rstrip().endswith("?") or bool(INSTRUCTION.search(text)) or ":" in bare
            or len(bare.split()) > 8)


def _continue_prose(doc: DocText, index: int, label: Found, value: Found) -> Found:
    """A `Label: value` in prose wraps back to the label's left edge: take the following lines until the full stop.

    Only while the value has not ended (no full stop yet) and the next line is not another labelled field.
    """
    label_box = _box(doc, label.start, label.end)
    end = value.end
    for line in doc.lines[index + 1:index + 4]:
        text = doc.slice(line.start, line.end)
        box = _box(doc, line.start, line.end)
        if (label_box is None or box is None or doc.slice(value.start, end).rstrip().endswith(".")
                or abs(box[0] - label_box[0]) > 3.0 or re.match(r"^[^:]{1,40}:", text)
                or box[1] - (_box(doc, value.start, end) or label_box)[3] > (label_box[3] - label_box[1]) * 1.5):
            break
        end = line.end
    return Found(value.start, end, value.rule, value.score)


def dates_in(found: Found, evidence: list[Evidence]) -> list[Evidence]:
    """The DATE spans inside a found range."""
    return [ev for ev in evidence if ev.label == "DATE" and ev.start >= found.start and ev.end <= found.end]


def parsed(ev: Evidence | None, score: float = 1.0, years_ahead: int = 0) -> tuple[ParsedDate | None, Found | None]:
    """A date span's date, and the span as a source scored by its pattern times the rule's own score."""
    if ev is None:
        return None, None
    return parse_date(ev.text, years_ahead=years_ahead), Found(ev.start, ev.end, ev.rule, round(ev.score * score, 3))


def first_date(found: Found | None, evidence: list[Evidence], years_ahead: int = 0,
               ) -> tuple[ParsedDate | None, Found | None]:
    """The first date in a field's value (the value itself as the source when none is there)."""
    if found is None:
        return None, None
    spans = dates_in(found, evidence)
    return parsed(spans[0], years_ahead=years_ahead) if spans else (None, found)


def is_range(ev: Evidence) -> bool:
    """A span such as "April 8-20, 2025": a period, never one day's date."""
    return bool(re.search(r"\d\s*[-–]\s*(?:[A-Za-z]+\.?\s+)?\d", ev.text)) and not re.fullmatch(
        r"\d{4}\s?-[\d\s]{2,3}-[\d\s]{2,3}|\d{1,2}-[A-Za-z]{3,9}-\d{4}|[A-Za-z]+\.?\s+\d{1,2}\s*-\s*\d{4}",
        ev.text.strip())


def date_after(doc: DocText, phrase: str, evidence: list[Evidence], rule: str, score: float = 0.95,
               years_ahead: int = 0) -> tuple[ParsedDate | None, Found | None]:
    """The date that directly follows a phrase (across a line break): "active through <date>", "Expires <date>"."""
    for match in re.finditer(rf"(?i)\b(?:{ocr_tolerant(phrase)})(?P<gap>[\s:,]*(?:on\s+|of\s+)?)", doc.text):
        ev = next((e for e in evidence if e.label == "DATE" and e.start == match.end()), None)
        if ev is not None and not is_range(ev):
            date, source = parsed(ev, score, years_ahead)
            if source is not None:
                source = Found(source.start, source.end, rule, source.score)
            return date, source
    return None, None


def is_stamped(doc: DocText, ev: Evidence) -> bool:
    """A date under (or after) a "Received" / "Filed" stamp word: the office's date, never the document's."""
    box = _box(doc, ev.start, ev.end)
    line = doc.line_at(ev.start)
    if box is None or line is None:
        return False
    if re.search(r"(?i)\b(received|stamped|filed|logged)\b", doc.slice(line.start, ev.start)):
        return True
    height = box[3] - box[1]
    for placed in doc.words:
        word_box = placed.word.bbox
        if (placed.page == line.page and STAMP_WORDS.match(placed.word.text.strip(":"))
                and 0 <= box[1] - word_box[3] <= 3 * height and _overlap(word_box, box) > 0.3):
            return True
    return False


def letter_date(doc: DocText, evidence: list[Evidence], rule: str) -> tuple[ParsedDate | None, Found | None]:
    """A letter's own date: a date alone on its line (or after `Date:`) before the salutation, not a stamp."""
    for line in doc.lines:
        text = doc.slice(line.start, line.end)
        if SALUTATION.match(text):
            break
        for ev in dates_in(Found(line.start, line.end, rule, 1.0), evidence):
            rest = (doc.slice(line.start, ev.start) + doc.slice(ev.end, line.end)).strip()
            if re.fullmatch(r"(?i)(date\s*:)?", rest) and not is_stamped(doc, ev) and not is_range(ev):
                date, source = parsed(ev, 0.97)
                return date, Found(source.start, source.end, rule, source.score) if source else None
    return None, None


def closing_name(doc: DocText, rule: str) -> Found | None:
    """The signer of a letter: the name line after "Sincerely," and the like."""
    for index, line in enumerate(doc.lines[:-1]):
        if CLOSINGS.match(doc.slice(line.start, line.end)):
            following = doc.lines[index + 1]
            text = doc.slice(following.start, following.end)
            if PERSON_NAME.match(text):
                name_end = following.start + len(text.split(",")[0].rstrip())
                return Found(following.start, name_end, rule, 0.93)
            return None
    return None


def sentences(doc: DocText) -> list[tuple[int, int]]:
    """Character ranges of the prose's sentences (a full stop, question or exclamation mark ends one)."""
    ranges = []
    start = 0
    for match in re.finditer(r"[.!?](?=\s|$)|\n\n", doc.text):
        if doc.text[start:match.start()].strip():
            lead = len(doc.text[start:match.end()]) - len(doc.text[start:match.end()].lstrip())
            ranges.append((start + lead, match.end()))
        start = match.end()
    return ranges


NAME_CONNECTORS = frozenset({"of", "for", "and", "the", "in", "at", "on", "to", "de", "la", "du", "von", "&"})


def misread_name(doc: DocText, found: Found) -> bool:
    """An OCR'd proper name that reads oddly: a lower-case word among capitalised ones, or a split word.

    "Lakeshore state Association", "Association f or Infant": on a text layer a name is taken as printed.
    """
    if not any(p.word.source == "ocr" for p in doc.words_in(found.start, found.end)):
        return False
    words = doc.slice(found.start, found.end).split()
    capitalised = sum(w[:1].isupper() for w in words)
    odd = [w for w in words if w[:1].islower() and w.lower() not in NAME_CONNECTORS]
    return capitalised >= 2 and bool(odd)


def one_line(text: str) -> str:
    """Whitespace (line breaks of a wrapped value) collapsed to single spaces."""
    return " ".join(text.split())


def level_of(text: str) -> tuple[str | None, bool]:
    """The rater's endorsement level (II, III, IV or None) and whether the field could be read.

    An explicit "Level N" wins over a title; None with True means read and not endorsed at II-IV.
    """
    if NO_ENDORSEMENT.match(text):
        return None, True
    match = LEVEL.search(text)
    level = ARABIC.get(match.group(1), match.group(1).upper()) if match else None
    if level is None:
        level = next((lvl for pattern, lvl in LEVEL_BY_TITLE if pattern.search(text)), None)
    if level is None:
        return None, False
    return (level if level in COUNTED_LEVELS else None), True


_level = level_of
"""The name tests/test_parsers.py imports."""
