"""Training record: the items of a continuing-education record, one a table row, checked against its stated total.

`training_table.py` finds the table and its rows; this module turns each row's cells into a `Reading` and lets the
record's total vouch for, or fill in, the rows' hours.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractors.dates import parse_date
from extractors.fields import Found
from extractors.hours import ParsedHours
from extractors.layout import DocText, Placed
from extractors.nlp import find_patterns
from extractors.training_table import Table, TableRow
from extractors.training_values import Reading, clean, hours_with_unit


def row_reading(doc: DocText, table: Table, row: TableRow, issuer: Found | None = None) -> Reading:
    """One table row: each column's words, the hours unit taken from the hours column's header.

    A table without a provider column (a provider's own statement of credit) takes the statement's issuer.
    """
    reading = Reading()
    if row.cells.get("title"):
        reading.title = row.text("title")
        reading.sources.extend(_runs(row.cells["title"], "training.table.title.v1", 0.95))
    if row.cells.get("provider"):
        reading.provider = row.text("provider")
        reading.sources.extend(_runs(row.cells["provider"], "training.table.provider.v1", 0.95))
    elif issuer is not None:
        reading.provider = clean(doc.slice(issuer.start, issuer.end))
        reading.sources.append(issuer)
    if row.cells.get("date"):
        words = row.cells["date"]
        spans = [e for e in find_patterns(row.text("date")) if e.label == "DATE"]
        if len(spans) == 1:
            reading.date = parse_date(spans[0].text)
            reading.sources.extend(_runs(words, spans[0].rule, spans[0].score))
        elif spans:
            reading.reasons.append("training.date_ambiguous")
    if row.cells.get("hours"):
        unit_header = " ".join(p.word.text for p in table.header["hours"])
        parsed, reasons = hours_with_unit(row.text("hours"), unit_header)
        reading.hours, reading.reasons = parsed, reading.reasons + reasons
        reading.sources.extend(_runs(row.cells["hours"], "training.table.hours.v1", 0.95))
        reading.sources.extend(_runs(table.header["hours"], "training.table.hours_unit.v1", 0.95))
    return reading


def check_total(table: Table, readings: list[Reading]) -> None:
    """A record's stated total must equal the sum of its rows (same unit); otherwise every row needs a look."""
    if table.total_line is None:
        return
    text = table.total_line.text()
    number = re.search(r"(\d+(?:\.\d+)?)\s*$", text)
    label = text[:number.start()] if number else ""
    stated = hours_with_unit(number.group(1), label)[0] if number else None
    rows = [r.hours.hours for r in readings if r.hours is not None]
    if stated is not None and len(rows) == len(readings) - 1 and len(readings) > 1:
        _hours_from_total(readings, round(stated.hours - sum(rows), 2), stated.converted)
        return
    if stated is None or len(rows) != len(readings) or abs(sum(rows) - stated.hours) > 0.05:
        for reading in readings:
            reading.reasons.append("training.total_mismatch")
        return
    for reading in readings:  # a misread figure would not add up to the total: the total vouches for each
        reading.sources = [replace(s, vouched=True) if s.rule == "training.table.hours.v1" else s
                           for s in reading.sources]


def _hours_from_total(readings: list[Reading], remainder: float, converted: bool) -> None:
    """The one row whose hours could not be read takes what the stated total leaves, flagged as worked out."""
    unread = next(r for r in readings if r.hours is None)
    if remainder <= 0:
        for reading in readings:
            reading.reasons.append("training.total_mismatch")
        return
    unread.hours = ParsedHours(hours=remainder, converted=converted, form="from_total")
    unread.reasons.append("training.hours_from_total")


def _runs(words: list[Placed], rule: str, score: float) -> list[Found]:
    """Character ranges of the runs of consecutive words (a wrapped cell gives one range a line)."""
    ordered = sorted(words, key=lambda p: p.start)
    runs: list[Found] = []
    for p in ordered:
        if runs and p.start == runs[-1].end + 1:
            runs[-1] = Found(runs[-1].start, p.end, rule, score)
        else:
            runs.append(Found(p.start, p.end, rule, score))
    return runs
