"""Training values: one training's reading, and the date and hours parsers that certificates and records share.

A certificate's labelled line and a CE record's cell state a completion date or hours in the same ways (a range of
two dates, "3 CE hours", "CEUs: 0.6"), so both readers parse them here, into the one `Reading` an item is built from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

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
LENGTH_KINDS = r"instructional|instruction|contact|clock|seat|total|viewing|run"
"""Words that make a "time" a length of time ("contact time", "seat time")."""
EVENT_KINDS = r"program(?:me)?|course|session|class(?:room)?|training|learning"
"""An event's name: "session time of 9:30" or "a session of 9:30" may be when it starts as well as how long."""
CLOCK_DURATION = re.compile(
    rf"(?i)(?P<lead>\b(?:(?:an?|the)\s+(?:total\s+)?(?:(?P<event>{EVENT_KINDS})|duration|length|total)\s+of|"
    rf"(?:(?:{LENGTH_KINDS})\s+time|(?:(?:{LENGTH_KINDS}|{EVENT_KINDS})\s+)?(?:duration|length)|"
    rf"(?P<event_time>{EVENT_KINDS})\s+time)\s+of|(?:a\s+)?total\s+(?:time\s+)?of|totall?ing|lasting)"
    r"\s+)?(?<![\d:/.])(?P<hours>\d{1,2}):(?P<minutes>[0-5]\d)(?![\d:])"
    rf"(?P<unit>\s*\(?\s*(?:hh?\s*:\s*mm|hours?\s*(?::|and)\s*minutes?|"
    rf"(?:(?:{LENGTH_KINDS}|{EVENT_KINDS})\s+)?(?:time|duration)|hours?|hrs?)\b\s*\)?)?"
    r"(?P<after>\s*(?:[ap]\.?m\b|[-\u2013\u2014]|to\b|until\b|\(?\s*mm\s*:\s*ss|min(?:ute)?s?\b|sec|"
    r"(?:eastern|central|pacific|mountain|[ecmp][sd]?t|utc|gmt)\b))?")
"""A time spent written as a clock reading, "a program of 6:30 (instructional time)", "3:15 (hh:mm)", "a total
of 1:45": only with a word before or after it saying it is a length of time, never a time of day ("at 9:30 am",
"9:00 - 4:30", "a start time of 9:00", "6:30 Eastern") nor a run time in minutes ("45:00 (mm:ss)")."""
RECORDING = re.compile(r"(?i)\b(?:video|recording|recorded|audio|podcast|clip|film)\b")
"""A recording's length is given in minutes and seconds ("a video length of 52:30"): no hours."""
MAX_CLOCK_HOURS = 12
"""More than a long day's training is no one event's length: minutes and seconds, or a time of day."""
CLOCK_DURATION_SCORE = 0.85
"""A length of time known by the words around it, not by a label or a unit of its own: a shade less sure."""
EVENT_CLOCK_SCORE = 0.7
"""A clock reading said only to be an event's ("a session of 6:30"): perhaps its start, so a person checks it."""


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


def clock_duration(doc: DocText, start: int, end: int) -> tuple[ParsedHours, Found] | None:
    """The first time spent written as h:mm in a range, said to be one by the words around it (see CLOCK_DURATION)."""
    text = doc.text[start:end].replace("\n", " ")
    for match in CLOCK_DURATION.finditer(text):
        if (match.group("after") or not (match.group("lead") or match.group("unit"))
                or RECORDING.search(text[max(match.start() - 60, 0):match.start("hours")])):
            continue
        parsed = parse_hours(f"{match.group('hours')}:{match.group('minutes')}")
        if parsed is not None and 0 < parsed.hours <= MAX_CLOCK_HOURS:
            event_only = (match.group("event") or match.group("event_time")) and not match.group("unit")
            found = Found(start + match.start("hours"), start + match.end("minutes"), "training.clock_duration.v1",
                          EVENT_CLOCK_SCORE if event_only else CLOCK_DURATION_SCORE)
            return parsed, found
    return None


WRAPPED_FIGURE = re.compile(r"(?<![\d.,:/-])\d{1,3}(?:[.,]\d{1,2})?\s*$")
"""A figure ending a line, whose unit a sentence wrapped onto the next line ("... earn 3" over "hours 15 minutes")."""
AMOUNT_BEFORE = re.compile(
    r"\b(?:earn(?:s|ed)?|receive[sd]?|award(?:s|ed)?|grant(?:s|ed)?|approved\s+for|worth|equals?|totals?|"
    r"total(?:ing|ling)?\s+of|for|of|carr(?:y|ies)|provides?)\s*$", re.I)
"""The words before a figure that make it an amount ("earn 3", "a total of 2", "approved for 1")."""
COUNT_BEFORE = re.compile(
    r"\b(?:module|page|session|part|unit|chapter|section|lesson|week|day|cohort|level|step|room|no\.?|number|#|"
    r"credits?|ceus?)\s*:?\s*$", re.I)
"""The words before a figure that make it a count or a number of something else ("module 4", "page 12", "CE
credits: 2"): no amount of time, whatever the next line starts with."""
UNSURE_JOIN_SCORE = 0.75
"""Hours whose line starts with its unit after a figure that reads as no amount: a person reads the sentence."""


UNIT_LEAD = re.compile(r"\s*(?:(?:clock|contact|ce)\s+)?(?:hours?|hrs?)?\s*(?:and\s+)?", re.I)
"""What may stand before the span on its line: the wrapped figure's own unit ("hours" of "3 | hours 15 minutes")."""


def rejoined(doc: DocText, ev: Evidence) -> Evidence:
    """An hours span at the start of a line of running text, with the figure the line above ended on when they join.

    A sentence wrapped between a figure and its unit ("earn 3" over "hours 15 minutes.") leaves the next line's
    span without its hours; only one-cell lines (prose, never a table's row) are joined, and only when the
    figure and the span read as one amount. A figure the words before it make an amount ("earn", "a total of") is
    joined; when the span's line starts with the unit, one they make a count ("module 4", "page 12") is not, and the
    span is doubted, and any other is joined and doubted.
    """
    line = doc.line_at(ev.start)
    if line is None or not UNIT_LEAD.fullmatch(doc.slice(line.start, ev.start)) or len(line.cells) != 1:
        return ev
    number = doc.lines.index(line)
    above = doc.lines[number - 1] if number else None
    if above is None or above.page != line.page or len(above.cells) != 1:
        return ev
    text = doc.slice(above.start, above.end)
    figure = WRAPPED_FIGURE.search(text)
    if figure is None:
        return ev
    unit_first = bool(doc.slice(line.start, ev.start).strip())
    if unit_first and COUNT_BEFORE.search(text[:figure.start()]):
        return replace(ev, score=min(ev.score, UNSURE_JOIN_SCORE))
    start = above.start + figure.start()
    joined = [e for e in spans_in(doc, start, ev.end, "HOURS") if e.start == start and e.end == ev.end]
    if not joined:
        return ev
    if unit_first and not AMOUNT_BEFORE.search(text[:figure.start()]):
        return replace(joined[0], score=min(joined[0].score, UNSURE_JOIN_SCORE))
    return joined[0]


def spans_in(doc: DocText, start: int, end: int, label: str) -> list[Evidence]:
    """Pattern spans of one label inside a range, found across its line breaks, with document offsets."""
    found = find_patterns(doc.text[start:end].replace("\n", " "))
    return [Evidence(e.label, e.rule, e.score, e.start + start, e.end + start, e.text) for e in found
            if e.label == label]


def clean(text: str) -> str:
    """A value as one line, without the punctuation a label or a list left at its ends."""
    return " ".join(text.split()).strip(" ,;:")
