"""Training values: one training's reading, and the date and hours parsers that certificates and records share.

A certificate's labelled line and a CE record's cell state a completion date or hours in the same ways (a range of
two dates, "3 CE hours", "CEUs: 0.6"), so both readers parse them here, into the one `Reading` an item is built from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.dates import ParsedDate, parse_date
from extractors.fields import Found
from extractors.hours import ParsedHours, parse_hours
from extractors.layout import DocText
from extractors.nlp import Evidence, find_patterns

LABEL_UNITS = ((re.compile(r"ceu|continuing\s+education\s+units?", re.I), "ceu"),
               (re.compile(r"minute", re.I), "minutes"), (re.compile(r"hour|hrs|pdh", re.I), "hours"))
"""The unit a label gives a bare number; "Continuing education hours" are hours, and "credits" name no unit."""
HOURS_QUALIFIER = re.compile(
    r"(?i)(?<=\d)\s+(?:ce|credit|continuing\s+education|instructional|approved|professional\s+development)"
    r"(?:\s+(?:contact|clock))?\s+(?=(?:hours?|hrs?)\b)")
"""What kind of hours a value says they are ("3 CE hours", "3.5 credit hours"): hours all the same."""
SPELLED_OUT = re.compile(r"(?i)\b(?:[a-z]+[\s-]+){0,3}[a-z]+\s*\((?P<number>\d{1,3}(?:\.\d{1,2})?)\)(?=\s*[a-z])")
"""A number written out and then in figures, as legal-minded providers do: "Six and one-half (6.5) hours"."""
RANGE_JOIN = re.compile(r"^\s*(?:[-\u2013\u2014]|to|through|until|thru)\s*$", re.I)


@dataclass
class Reading:
    """One training's values as read, with the ranges they came from and the reasons a person must look."""

    title: str | None = None
    provider: str | None = None
    date: ParsedDate | None = None
    hours: ParsedHours | None = None
    sources: list[Found] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


def completion_date(doc: DocText, start: int, end: int) -> tuple[ParsedDate | None, Found | None, list[str]]:
    """The date a range states; for a range of two dates joined by "-" or "to", the last day."""
    spans = spans_in(doc, start, end, "DATE")
    if not spans:
        return None, None, []
    chosen, reasons = spans[0], []
    if len(spans) >= 2 and RANGE_JOIN.match(doc.text[spans[0].end:spans[1].start]):
        chosen = spans[1]
        if len(spans) > 2:
            reasons.append("training.date_ambiguous")
    elif len(spans) >= 2:
        reasons.append("training.date_ambiguous")
    return parse_date(chosen.text), Found(chosen.start, chosen.end, chosen.rule, chosen.score), reasons


def hours_with_unit(value: str, label: str) -> tuple[ParsedHours | None, list[str]]:
    """Hours from a labelled value; a bare number takes its unit from the label ("CEUs: 0.6"), or is flagged."""
    value = SPELLED_OUT.sub(r"\g<number>", HOURS_QUALIFIER.sub(" ", value))
    parsed = parse_hours(value)
    if parsed is None:
        return _stated_twice(value)
    if parsed.form != "bare":
        return parsed, []
    unit = next((name for pattern, name in LABEL_UNITS if pattern.search(label)), None)
    if unit is None:
        return parsed, ["hours.unit_unclear"]
    return parse_hours(f"{value} {unit}"), []


def _stated_twice(value: str) -> tuple[ParsedHours | None, list[str]]:
    """A value giving the time in two units ("3.0 contact hours (0.3 CEUs)"): the clock hours when both agree."""
    amounts = [parsed for e in find_patterns(value) if e.label == "HOURS" and (parsed := parse_hours(e.text))]
    if len(amounts) < 2:
        return None, []
    if max(a.hours for a in amounts) - min(a.hours for a in amounts) > 0.05:
        return amounts[0], ["training.hours_ambiguous"]
    return min(amounts, key=lambda a: a.converted), []


def spans_in(doc: DocText, start: int, end: int, label: str) -> list[Evidence]:
    """Pattern spans of one label inside a range, found across its line breaks, with document offsets."""
    found = find_patterns(doc.text[start:end].replace("\n", " "))
    return [Evidence(e.label, e.rule, e.score, e.start + start, e.end + start, e.text) for e in found
            if e.label == label]


def clean(text: str) -> str:
    """A value as one line, without the punctuation a label or a list left at its ends."""
    return " ".join(text.split()).strip(" ,;:")
