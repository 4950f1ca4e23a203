"""RS/C logs: one item per session row (date, hours, format, supervisor) and the log's stated total."""

from __future__ import annotations

import re

from extractors.dates import parse_date
from extractors.fields import Extraction, Found, build_item, labelled, missing, slug
from extractors.hours import parse_hours
from extractors.layout import DocText, Line
from extractors.nlp import Evidence

SUPERVISOR_LABEL = r"supervisor\s*/\s*consultant|supervisor|consultant"
TOTAL_LABEL = r"total\s+hours|total"
FORMAT = re.compile(r"\b(individual|group)\b", re.I)
TOLERANCE = 0.05
PLAUSIBLE_SESSION_HOURS = (0.25, 4.0)
"""A session outside this range is more likely a misread ("1.5" read as "15") than a real session."""


def extract(doc: DocText, evidence: list[Evidence]) -> Extraction:
    """Sessions from rows that start with a date; the stated total is checked against their sum."""
    result = Extraction()
    default_supervisor = labelled(doc, SUPERVISOR_LABEL, "log.supervisor.v1")
    seen: dict[str, int] = {}
    for line in doc.lines:
        date_ev = _leading_date(line, evidence)
        if date_ev is None:
            continue
        item = _session(doc, line, date_ev, default_supervisor, seen)
        if item is None:
            result.flags.append(missing(doc.document, "log.row_unreadable",
                                        f"A row on page {line.page} starting '{date_ev.text}' could not be read."))
            continue
        result.items.append(item)
    rows_sum = round(sum(i.value["hours"] for i in result.items), 2)
    total = _stated_total(doc, rows_sum)
    if total is not None:
        result.items.append(total)
        if "log.total_mismatch" in total.reasons:
            result.flags.append(missing(doc.document, "log.total_mismatch",
                                        f"The log states {total.value['stated_total']} h; its rows add up "
                                        f"to {rows_sum} h."))
    if not result.items:
        result.flags.append(missing(doc.document, "log.no_sessions", "No session rows could be read."))
    return result


def _leading_date(line: Line, evidence: list[Evidence]) -> Evidence | None:
    """The date evidence that opens a line's first cell, if any."""
    first_cell = line.cells[0]
    for ev in evidence:
        if ev.label == "DATE" and first_cell[0] <= ev.start < first_cell[1] and ev.start - line.start <= 2:
            return ev
    return None


def _session(doc: DocText, line: Line, date_ev: Evidence, default_supervisor: Found | None,
             seen: dict[str, int]):  # noqa: ANN202
    """A session item from a row's cells: date | format | hours | supervisor."""
    date = parse_date(date_ev.text)
    rest = [c for c in line.cells if c[0] >= date_ev.end]
    format_cell = next((c for c in rest if FORMAT.search(doc.slice(*c))), None)
    hours_cell = next((c for c in rest if parse_hours(doc.slice(*c)) is not None), None)
    if date is None or hours_cell is None:
        return None
    hours = parse_hours(doc.slice(*hours_cell))
    assert hours is not None
    after = [c for c in rest if c[0] > hours_cell[0] and c != format_cell]
    supervisor_cell = after[0] if after else None
    supervisor_found = (Found(*supervisor_cell, "log.supervisor_cell.v1", 0.95) if supervisor_cell
                        else default_supervisor)
    supervisor = doc.slice(supervisor_found.start, supervisor_found.end) if supervisor_found else None
    session_format = FORMAT.search(doc.slice(*format_cell)).group(1).lower() if format_cell else None  # type: ignore[union-attr]
    reasons = [] if session_format else ["log.format_missing"]
    if hours.converted:
        reasons.append("hours.converted")
    if not PLAUSIBLE_SESSION_HOURS[0] <= hours.hours <= PLAUSIBLE_SESSION_HOURS[1]:
        reasons.append("log.hours_implausible")
    value = {"date": date.iso(), "hours": hours.hours, "format": session_format, "supervisor": supervisor}
    base = f"supervision_session:{value['date']}:{session_format}:{slug(supervisor or 'unknown')}"
    seen[base] = seen.get(base, 0) + 1
    sources = [Found(date_ev.start, date_ev.end, date_ev.rule, date_ev.score),
               Found(*hours_cell, "log.hours_cell.v1", 0.96)]
    if format_cell:
        sources.append(Found(*format_cell, "log.format_cell.v1", 0.97))
    return build_item(doc, "supervision_session", f"{base}:{seen[base]}", value, sources, reasons)


def _stated_total(doc: DocText, rows_sum: float):  # noqa: ANN202
    """The log's own total as an item, flagged when it disagrees with the sum of its rows."""
    found = labelled(doc, TOTAL_LABEL, "log.total.v1")
    if found is None:
        return None
    stated = parse_hours(doc.slice(found.start, found.end))
    if stated is None:
        return build_item(doc, "supervision_total", "supervision_total",
                          {"stated_total": None, "rows_sum": rows_sum}, [found], ["log.total_unreadable"])
    reasons = [] if abs(stated.hours - rows_sum) <= TOLERANCE else ["log.total_mismatch"]
    return build_item(doc, "supervision_total", "supervision_total",
                      {"stated_total": stated.hours, "rows_sum": rows_sum}, [found], reasons)
