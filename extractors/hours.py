"""The one hours parser: "6.5 clock hours", "0.6 CEU", "90 min", "1:30", "2 hours 30 minutes" to clock hours."""

from __future__ import annotations

import re
from dataclasses import dataclass

CEU_HOURS = 10.0
"""1 CEU = 10 contact hours (requirements README)."""

_NUMBER = r"(\d{1,4}(?:\.\d{1,2})?|\.\d{1,2})"
_FORMS: list[tuple[str, re.Pattern[str]]] = [
    ("hours_minutes",
     re.compile(rf"^{_NUMBER}\s*(?:hours?|hrs?\.?|h)\s*(?:and\s*)?(\d{{1,2}})\s*(?:minutes?|mins?\.?|m)$")),
    ("ceu", re.compile(rf"^{_NUMBER}\s*(?:CEUs?|continuing education units?)$", re.I)),
    ("minutes", re.compile(rf"^{_NUMBER}\s*(?:minutes?|mins?\.?)$")),
    ("clock", re.compile(rf"^(?:contact\s+hours?|clock\s+hours?|hours?)\s*:?\s*{_NUMBER}$")),
    ("clock", re.compile(rf"^{_NUMBER}\s*(?:(?:clock|contact|training)\s+)?(?:hours?|hrs?\.?|h)$")),
    ("colon", re.compile(r"^(\d{1,2}):([0-5]\d)$")),
    ("bare", re.compile(rf"^{_NUMBER}$")),
]
MAX_HOURS = 2000.0


@dataclass(frozen=True)
class ParsedHours:
    """Clock hours, whether they came from a conversion, and which written form was read."""

    hours: float
    converted: bool
    form: str


def parse_hours(text: str) -> ParsedHours | None:
    """Clock hours a span states, or None when the text is not an amount of time."""
    cleaned = " ".join(text.lower().replace(",", ".").split()).strip(" .;:|()")
    for form, pattern in _FORMS:
        match = pattern.match(cleaned)
        if match:
            hours = _to_hours(form, match.groups())
            if hours is None or not 0 <= hours <= MAX_HOURS:
                return None
            return ParsedHours(hours=round(hours, 2), converted=form in {"ceu", "minutes", "hours_minutes", "colon"},
                               form=form)
    return None


def _to_hours(form: str, groups: tuple[str | None, ...]) -> float | None:
    numbers = [float(g) for g in groups if g is not None]
    if form == "ceu":
        return numbers[0] * CEU_HOURS
    if form == "minutes":
        return numbers[0] / 60.0
    if form in {"hours_minutes", "colon"}:
        return numbers[0] + numbers[1] / 60.0 if numbers[1] < 60 else None
    return numbers[0]
