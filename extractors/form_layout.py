"""What every form reader shares: OCR-tolerant label regexes, the shapes of a form's lines, and text boxes.

Labelled fields (`forms.py`), caption rows and column grids (`form_captions.py`), tick-box questions
(`form_ticks.py`) and letters (`form_letters.py`) all tell a value from a label, a question, a ruled line or
a paragraph the same way, and place text by the same boxes; those shared pieces live here, below them all.
"""

from __future__ import annotations

import re

from extractors.dates import MONTH_SLIPS
from extractors.layout import DocText

QUESTION_NUMBER = r"(?:q(?:uestion)?\s*)?\d{1,2}[.)]\s+"
"""A questionnaire's numbering in front of a question ("1. Your full name", "Q4) ...")."""
BULLET = r"(?:[•·▪◦●■□○►▸*–-]|(?-i:[e¢©o]))\s+"
"""A list's bullet before a label ("• Position: ..."), or what a scan reads the dot as ("e", "¢", "©", "o")."""
SEPARATOR = r"(?::|\.{3,}(?=\s|$))"
"""What parts a label from its value on one line: a colon, or a leader of dots ("HIRE DATE ...... 2020-05-26")."""
DATE_VALUE = (r"(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d)")
"""How a date value starts (a digit, or a month's name and a digit): what may follow a date's label with no colon."""
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
SLIPPED_MONTH = "|".join(MONTH_SLIPS.values())
"""A month's three letters as OCR slips on them ("Dee", "0ct"): the date it starts is read at a score for a person."""
DATE_ONLY = re.compile(rf"(?i)^\s*(?:\d{{1,4}}[/.\-]\d{{1,2}}[/.\-]\d{{2,4}}|(?:\d{{1,2}}\s+)?{MONTH}\s+\d{{4}}"
                       rf"|(?:{MONTH}|(?:{SLIPPED_MONTH})\.?)\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})\s*$")
"""A line that is one date and nothing else ("06/25/2026", "June 25, 2026", "25 June 2026"): a date field's value,
never a footer or a sentence that happens to start with a year ("2024 Code of Ethics, revised 03/01/2024")."""
ORGANISATION = re.compile(
    r"(?i)\b(?:association|society|council|alliance|network|foundation|institute|university|college|school|academy"
    r"|department|dept\.?|agency|services|program(?:me)?|center|centre|clinic|hospital|head\s+start|office|inc\.?"
    r"|llc|ltd\.?|corp(?:oration)?\.?|company|co\.|group|county|state\s+of|partners(?:hip)?|collaborative|cooperative"
    r"|consortium|coalition|federation|initiative|commission|committee|ministry|league)(?=\W|$)")
"""Words that name an organisation, never a person: a name field holding one is an agency's, not a signer's."""
RULE_LINE = re.compile(r"^\s*[=\-_*~.]{4,}\s*$")
LABELLED_LINE = re.compile(rf"^[^:.]{{1,40}}{SEPARATOR}")
NEXT_QUESTION = re.compile(rf"(?i)^\s*{QUESTION_NUMBER}\S|.*\?\s*$")
CAPTION = re.compile(
    r"(?i)^\s*(?:(?:applicant|candidate|member|employee|rater|witness|printed|print|typed|full|date|signature|signed"
    r"|name|title|position|office|use|only|for|of|the|received|staff|initials|form|issued|reviewed|by|please|person"
    r"|completing|completed|this|reference|referee|evaluator|recommender|rating|application|number|acknowledged"
    r"|accepted|agreed|in|relationship(?:\s+to)?|endorsement(?:\s+level)?|level\s+of|held|no\.|\(|\)|/|-)"
    r"\s*)+:?\s*$")
"""A cell made only of label words (a caption row, or a label cell that is not another label's value)."""
CONTACT_LABEL = re.compile(
    r"(?i)^\s*(?:(?:work|home|mobile|cell|office|business|daytime|contact|direct)\s+)?(?:(?:tele)?phone|tel\.?|cell"
    r"|mobile|fax|e-?mail|(?:mailing\s+|street\s+|postal\s+)?address|city|zip(?:\s+code)?|postal\s+code)"
    r"(?:\s+(?:number|no\.?|#|address))?\s*:?\s*$")
"""A contact field's label (telephone, e-mail, address): a field of its own, never the value of the label beside it."""
BLANK_MARK = re.compile(r"^[\s_.\-–]*$")
PROSE_WORDS = 8

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


def is_prose(text: str) -> bool:
    """A sentence of running text, never a field's value (the paragraph above a signature line)."""
    return len(text.split()) > PROSE_WORDS or (len(text.split()) > 3 and text.rstrip().endswith("."))


def box_of(doc: DocText, start: int, end: int) -> tuple[float, float, float, float] | None:
    """The box around the words of a text range (None when no placed word lies in it)."""
    placed = doc.words_in(start, end)
    if not placed:
        return None
    boxes = [p.word.bbox for p in placed]
    return min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)


def overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    """Horizontal overlap as a share of the narrower box."""
    shared = min(a[2], b[2]) - max(a[0], b[0])
    return max(shared, 0.0) / max(min(a[2] - a[0], b[2] - b[0]), 1.0)
