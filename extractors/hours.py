"""The one hours parser: "6.5 clock hours", "0.6 CEU", "90 min", "1:30", "2 hours 30 minutes" to clock hours."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

CEU_HOURS = 10.0
"""1 CEU = 10 contact hours (requirements README)."""

_NUMBER = r"(\d{1,4}(?:\.\d{1,2})?|\.\d{1,2})"
_FORMS: list[tuple[str, re.Pattern[str]]] = [
    ("hours_minutes",
     re.compile(rf"^{_NUMBER}\s*(?:hours?|hrs?\.?|h)\s*(?:and\s*)?(?:(\d{{1,2}})\s*(?:minutes?|mins?\.?|m)|(\d{{2}}))$")),
    ("ceu", re.compile(rf"^{_NUMBER}\s*(?:CEUs?|continuing education units?)$", re.I)),
    ("minutes", re.compile(rf"^{_NUMBER}\s*(?:minutes?|mins?\.?)$")),
    ("clock", re.compile(rf"^(?:contact\s+hours?|clock\s+hours?|hours?)\s*:?\s*{_NUMBER}$")),
    ("clock", re.compile(rf"^{_NUMBER}\s*(?:(?:clock|contact|training)\s+)?(?:hours?|hrs?\.?|h)$")),
    ("colon", re.compile(r"^(\d{1,2}):([0-5]\d)$")),
    ("colon", re.compile(r"^(\d{1,2}):([0-5]\d)\s*\(?(?:hh?|hours?|hrs?)\s*:\s*(?:mm|minutes?|mins?)\)?$")),
    ("bare", re.compile(rf"^{_NUMBER}$")),
]
MAX_HOURS = 2000.0
FRACTION = re.compile(r"^(\d{1,3})\s+([13])/([24])(?=\s|$)|^(\d{1,3})?\s*([½¼¾])")
"""A whole number and a fraction of an hour ("1 1/2 hours", "1½ hrs", "½ hour"), written as a decimal before
parsing; a fraction alone ("1/2") may be a month and a day, and is left as it is."""
FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75}
STRAY_MARK = re.compile(r"(\d)\s*[;:,.'`]\s+(?=[a-z])")
"""A speck read as punctuation between a number and its unit on a scan ("1.5; hrs"); "1:30" has no space."""


@dataclass(frozen=True)
class ParsedHours:
    """Clock hours, whether they came from a conversion, and which written form was read."""

    hours: float
    converted: bool
    form: str


def parse_hours(text: str) -> ParsedHours | None:
    """Clock hours a span states, or None when the text is not an amount of time."""
    cleaned = " ".join(text.lower().replace(",", ".").split()).strip(" .;:|()")
    cleaned = FRACTION.sub(_decimal, STRAY_MARK.sub(r"\1 ", cleaned))
    for form, pattern in _FORMS:
        match = pattern.match(cleaned)
        if match:
            hours = _to_hours(form, match.groups())
            if hours is None or not 0 <= hours <= MAX_HOURS:
                return None
            return ParsedHours(hours=round(hours, 2), converted=form in {"ceu", "minutes", "hours_minutes", "colon"},
                               form=form)
    return None


def _decimal(match: re.Match[str]) -> str:
    """A whole number and a fraction as one decimal number ("1 1/2" to "1.5")."""
    if match[1] is not None:
        return f"{int(match[1]) + int(match[2]) / int(match[3]):g}"
    return f"{int(match[4] or 0) + FRACTIONS[match[5]]:g}"


def _to_hours(form: str, groups: tuple[str | None, ...]) -> float | None:
    numbers = [float(g) for g in groups if g is not None]
    if form == "ceu":
        return numbers[0] * CEU_HOURS
    if form == "minutes":
        return numbers[0] / 60.0
    if form in {"hours_minutes", "colon"}:
        return numbers[0] + numbers[1] / 60.0 if numbers[1] < 60 else None
    return numbers[0]


COLUMN_FORMS = {"decimal": re.compile(r"^\d{1,2}\.\d$"), "colon": re.compile(r"^\d{1,2}:[0-5]\d$")}
"""How a table's durations are written: "1.5" or "1:30" (a unit word after the number aside)."""
UNIT_WORD = re.compile(r"(?i)\s*(?:hours?|hrs?\.?|h)\s*$")
FORM_SHARE = 0.6


def written_form(text: str) -> str | None:
    """The form one duration cell is written in, or None when it is in neither."""
    number = UNIT_WORD.sub("", text.strip())
    return next((form for form, pattern in COLUMN_FORMS.items() if pattern.match(number)), None)


def column_form(cells: list[str]) -> str | None:
    """The one form a column's durations are written in: at least three cells in it, and most cells in any form."""
    votes = Counter(form for cell in cells if (form := written_form(cell)) is not None)
    if not votes:
        return None
    form, count = votes.most_common(1)[0]
    return form if count >= 3 and count >= FORM_SHARE * sum(votes.values()) else None


def repair_in_form(text: str, form: str) -> str | None:
    """A duration cell OCR garbled, rewritten in its column's form from its digits; None when that is a guess too far.

    OCR loses a decimal point or a colon, or reads it as a digit or a mark: "15", "125" or "22:0" in a column of
    "1.5"s is d.d from its first and last digit; "130" or "13:0" in a column of "1:30"s is d:dd, and "1730" there
    is the colon read as a digit between them.
    """
    number = UNIT_WORD.sub("", text.strip())
    if re.search(r"[A-Za-z]", number):
        return None
    digits = re.sub(r"\D", "", number)
    if form == "decimal" and 2 <= len(digits) <= 3:
        return f"{digits[0]}.{digits[-1]}"
    if form == "colon" and len(digits) == 3:
        return f"{digits[0]}:{digits[1:]}"
    if form == "colon" and len(digits) == 4 and ":" not in number and int(digits[2]) <= 5:
        return f"{digits[0]}:{digits[2:]}"
    return None
