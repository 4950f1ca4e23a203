"""Training labels: the words a certificate uses to name each value, and how a label gives its value.

Certificates label their lines many ways ("Activity title", "Presented by", "Date(s) of activity", "CE credits"),
with or without a colon, in a grid or in a row of captions. The vocabulary and `field_value`, which reads the value a
label gives, live here so that every part of the training reader (certificate, provider) finds labels the same way.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractors.fields import Found
from extractors.forms import continue_cell
from extractors.layout import DocText
from extractors.training_table import EVENT, caption_row, value_under

TITLE_WORD = r"tit?le"
"""'Title', or the 'tile' OCR reads when it loses the second t of a small-type label."""
TITLE_LABEL = (rf"(?:{TITLE_WORD}|name|topic)\s+of\s+(?:the\s+)?{EVENT}|{EVENT}(?:\s+(?:{TITLE_WORD}|name|topic))?|"
               rf"{TITLE_WORD}|topic")
"""A title's label, longest wording first so that a label without a colon is never cut short ("Title | of ...")."""
PROVIDER_TIERS = (
    r"name\s+of\s+(?:the\s+)?(?:provider|sponsor|sponsoring\s+organi[sz]ation)|"
    rf"(?:provider|sponsor)\s+of\s+(?:the\s+)?{EVENT}|"
    r"(?:sponsoring|provider|training|hosting|host)\s+(?:organi[sz]ation|agency)|"
    rf"(?:(?:{EVENT}|approved|accredited|ce|(?:continuing\s+)?education)\s+)?(?:provider|sponsor)"
    r"(?:\s+name)?|(?:presented|sponsored|offered|hosted|provided|delivered|conducted|organi[sz]ed)\s+by|"
    r"offered\s+through",
    r"host|organi[sz]er|awarded\s+by",
)
"""A provider's labels, the surest first: "Provider", "Training Sponsor", "Sponsoring organization", "Presented by",
"Offered through" ...; then "Host", "Organizer", "Awarded by", which often name a person (`PERSON_PRONE`). Never a
bare "Organization" or "Agency", which on an attendance form is the attendee's."""
PROVIDER_LABEL = "|".join(PROVIDER_TIERS)
PERSON_PRONE = 1
"""The tier of provider labels whose value counts only when it names an organisation."""
DATE_TIERS = (
    r"date(?:s|\(s\))?\s+(?:completed|earned|finished|passed)|(?:course\s+)?completion(?:\s+date)?|"
    r"(?:completed|finished)(?:\s+on)?|date(?:s|\(s\))?\s+of\s+(?:the\s+)?completion",
    r"date(?:s|\(s\))?\s+(?:attended|held|delivered)|(?:attended|held|delivered|took\s+place)(?:\s+on)?|"
    rf"date(?:s|\(s\))?\s+of\s+(?:the\s+)?(?:{EVENT}|attendance|participation)|"
    rf"(?:{EVENT}|attendance|participation|delivery)\s+(?:end\s+)?date(?:s|\(s\))?",
    r"date(?:s|\(s\))?\s+(?:presented|taken)|presented(?:\s+on)?|end\s+date",
)
"""A completion date's labels, the surest first: "Date completed", "Completion date"; then "Attended", "Date(s) of
activity", "Training date(s)", "Attendance date"; then "Date taken", "Presented on", "End date" (of a training's
days), which may name a pre-test's or a presentation's day. Never a date the certificate was printed, issued or
expires on."""
DATE_LABEL = "|".join(DATE_TIERS)
END_DATE = re.compile(r"end\s+date", re.I)
GENERIC_DATE_LABEL = r"date(?:s|\(s\))?"
TYPE_STEP = 0.75
"""Points of type size between a label and its value that tell them apart (a 9-point label, a 10-point value)."""
TYPE_APART_SCORE = 0.93
UNDER_CAPTION_SCORE = 0.93
"""A value read under its caption: the columns must line up, so it is a shade less sure than `Label: value`."""
HOURS_LABEL = (rf"(?:duration|length|time\s+(?:attended|spent|completed)|{EVENT}\s+(?:length|duration)|"
               rf"length\s+of\s+(?:the\s+)?{EVENT}|number\s+of\s+(?:(?:clock|contact|ce|credit)\s+)?hours|"
               r"number\s+of\s+(?:ce\s+)?credits|"
               r"(?:(?:total|(?:(?!non-|not-|un-)\w+-\s?)?approved|accredited)\s+)?"
               r"(?:(?:clock|contact|credit|training|ce|instructional|professional\s+development|pd|cpd|in-?service)\s+)?"
               r"hours(?:\s+(?:awarded|earned|completed|attended|approved|granted|of\s+(?:credit|instruction|training)))?"
               r"|hrs|pdhs?|ces|ceus?(?:\s+(?:awarded|earned))?|"
               r"continuing\s+education\s+(?:units?|credits?|hours)(?:\s+awarded)?|"
               r"(?:(?:ce|(?:(?!non-|not-|un-)\w+-\s?)?approved)\s+)?credits?"
               r"(?:\s+(?:awarded|earned|hours|issued|granted))?)(?:\s*\([^)]{1,16}\))?")
"""An hours label, with the unit it may add in brackets: "Duration (h:mm)", "Session length", "CE credits",
"Continuing Education Units (CEUs)", "Board-approved credit", "PD hours", "Hours approved"; never "Non-approved
hours", which a total follows."""
IDENTIFIER_LABEL = (r"(?:[\w-]+\s+){0,2}?(?:id|identifier|number|no\.?|#|code)(?:\s*\(.{1,16}\))?")
"""An identifier's label ("Registry ID", "Event number", "Course code", "Approval No."): its value is a code, never a
title, a provider or a date, and it sits among the certificate's labels in a row of captions."""
RECORDED_LABEL = (r"(?:date\s+)?(?:entered|recorded|posted|logged|issued|printed|verified)"
                  r"(?:\s+(?:on|in|into)(?:\s+(?:the\s+)?[\w-]+)?)?|expir(?:es|y|ation)(?:\s+date)?|valid\s+(?:through|until)")
"""A date a record was entered, issued or runs out on ("Entered in registry", "Date issued"): not a completion."""
ANY_LABEL = re.compile(
    rf"^\s*(?:{TITLE_LABEL}|{PROVIDER_LABEL}|{DATE_LABEL}|{GENERIC_DATE_LABEL}|{HOURS_LABEL}|{IDENTIFIER_LABEL}|"
    rf"{RECORDED_LABEL}|name|learner|participant)"
    r"\s*:?\s*$", re.I)


def field_value(doc: DocText, label: str, rule: str, *, continued: bool = False,
                colonless: bool = True) -> tuple[Found | None, str]:
    """The value a label gives, and the label as written: `Label: value` in a line or cell, or a grid's next cell.

    With `continued`, a grid cell wrapped onto the next lines at its left edge is read whole. A row of captions
    reads each value from the row under it (`caption_row`). A label set in
    smaller (or larger) type than its value needs no colon, when no label of the document has one (`_colonless`);
    without `colonless`, only a colon or a grid says where a value starts. A cell that is a label as a whole
    ("Session length") is never split into a label and a value.
    """
    inline = re.compile(rf"^\s*(?P<label>{label})\s*:\s*(?P<value>\S.*?)\s*$", re.I)
    alone = re.compile(rf"^\s*(?P<label>{label})\s*:?\s*$", re.I)
    typed = re.compile(rf"^\s*(?P<label>{label})\s+(?P<value>\S.*?)\s*$", re.I)
    fallback: tuple[Found, str] | None = None
    for number, line in enumerate(doc.lines):
        cells = line.cell_spans()
        for index, (start, end) in enumerate(cells):
            text = doc.slice(start, end)
            match = inline.match(text)
            if match:
                return Found(start + match.start("value"), start + match.end("value"), rule, 0.97), match["label"]
            match = alone.match(text)
            if match and caption_row(doc, number, _is_label):
                if (under := value_under(doc, number, (start, end))) is not None:
                    return Found(*under, rule, UNDER_CAPTION_SCORE), match["label"]
            elif match and index + 1 < len(cells) and not ANY_LABEL.match(doc.slice(*cells[index + 1])):
                value = Found(*cells[index + 1], rule, 0.95)
                return (continue_cell(doc, number, value) if continued else value), match["label"]
            match = typed.match(text)
            if match and colonless and fallback is None and not ANY_LABEL.match(text):
                fallback = _colonless(doc, start, match, rule)
    return fallback if fallback is not None else (None, "")


NAME_WORD = re.compile(r"^[^\W\d_]{3,}(?:['-][^\W\d_]+)*$")
"""A word of a name: three letters or more, no digit ("Institute", "Child-Parent", "AAP")."""


def named_value(doc: DocText, label: str, rule: str, **options: bool) -> Found | None:
    """A label's value when it is a name (a title, an organisation), never a code or a number.

    A grid or a caption row can put an identifier's value beside a title's or a provider's label: no name at all.
    """
    found = field_value(doc, label, rule, **options)[0]
    return found if found is not None and _has_name_word(doc.slice(found.start, found.end)) else None


def _has_name_word(text: str) -> bool:
    """A code ("RID-20259488", "CE 2231-B", "#0412") has no word a name has."""
    return any(NAME_WORD.match(word.strip(".,;:()\"'")) for word in text.split())


def _is_label(text: str) -> bool:
    return bool(ANY_LABEL.match(text))


def _colonless(doc: DocText, start: int, match: re.Match[str], rule: str) -> tuple[Found, str] | None:
    """A label and its value with no colon between them, read only where the form shows that is its way.

    On a text layer, a label in other type than its value is sure. On a scan, where OCR boxes cannot tell type
    sizes, a value that starts like a value (a capital or a digit) on a form whose lines start with several
    different labels is read, but at a score a person checks: a misread label ("Activity tile") could have split
    the wrong way.
    """
    label_end, end = start + match.end("label"), start + match.end()
    value = Found(start + match.start("value"), start + match.end("value"), rule, TYPE_APART_SCORE)
    if _set_apart(doc, start + match.start("label"), label_end, end):
        return value, match["label"]
    if (re.match(r"[A-Z0-9]", match["value"]) and all(p.word.source == "ocr" for p in doc.words_in(start, end))
            and _label_column(doc)):
        return replace(value, score=COLONLESS_SCAN_SCORE), match["label"]
    return None


LEADING_LABEL = re.compile(rf"^\s*(?:{TITLE_LABEL}|{PROVIDER_LABEL}|{DATE_LABEL}|{HOURS_LABEL})\s+[A-Z0-9(]", re.I)
LABEL_COLUMN_LINES = 3
COLONLESS_SCAN_SCORE = 0.8


def _label_column(doc: DocText) -> bool:
    """A form whose lines start with its labels and no colon: at least three lines led by different known labels.

    The label and its value share the line's first cell; a row of captions ("DATE(S) OF ACTIVITY  SESSION LENGTH")
    is a cell a label.
    """
    labels = set()
    for line in doc.lines:
        text = doc.slice(line.start, line.end)
        first = doc.slice(*line.cell_spans()[0])
        if ":" not in text and (match := LEADING_LABEL.match(first)):
            labels.add(" ".join(match.group().lower().split()[:-1]))
    return len(labels) >= LABEL_COLUMN_LINES


def _set_apart(doc: DocText, start: int, label_end: int, end: int) -> bool:
    """A label printed in other type than the value right after it, with no colon ("Activity title  Infant ...").

    Only a text layer's type sizes are exact; OCR boxes follow the letters' shapes, so a scan never reads this way.
    """
    label = doc.words_in(start, label_end)
    value = [p for p in doc.words_in(label_end, end) if p.start >= label_end]
    if not label or not value or any(p.word.source != "text_layer" for p in [*label, *value]):
        return False
    sizes = [{round(p.word.bbox[3] - p.word.bbox[1], 1) for p in words} for words in (label, value)]
    return len(sizes[0]) == 1 and len(sizes[1]) == 1 and abs(sizes[0].pop() - sizes[1].pop()) >= TYPE_STEP
