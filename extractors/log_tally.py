"""A running column of whole numbers on an RS/C log: a tally of sessions, or hours to date, by most of its rows.

A column going 1, 2, 3 beside each session's hours may count the sessions ("Sessions to date", or a tally under
"Hours to date") or add up sessions of an hour each. Its steps alone cannot say: the rows' hours do. When most of the
well-read hours differ from their row's step (sessions of 1.5 h beside a step of 1), the column counts sessions and
checks no hours; a row whose hours do equal its step is then the odd one (a misread "1.5" as "1.0", or a true
one-hour session) and is flagged for a person, since the tally vouches for nothing. When most agree, the column adds
up hours and checks every row (`extractors.log_rows`).
"""

from __future__ import annotations

from extractors.fields import LOW_OCR_CONFIDENCE
from extractors.layout import DocText
from extractors.log_columns import Cells, Column, Row, cell_span, cell_text
from extractors.log_rows import TOLERANCE, cell_hours

TALLY_ODD = "log.hours_equal_tally_step"
"""A row's hours equal its step on a column that counts sessions, unlike most rows: maybe a misread cell."""
TableRow = tuple[Row, Cells, list[Column] | None, int | None]


def tally_rows(doc: DocText, table: list[TableRow], start: float | None) -> tuple[bool, set[int]]:
    """Whether a running column of whole numbers counts sessions, and the rows (by id) whose hours equal its step.

    Only steps whose row's hours read well count (two at least). The column counts sessions when fewer than half of
    them equal their row's hours; a tie or more is hours (a log of one-hour sessions with a misread cell or two):
    read as hours, they check every row. Without hours a carry line states, the first row's total may go on from an
    earlier sheet (11, 12, 13): it is a step from 0 only when it is no more than the row's hours.
    """
    last = start if start else None
    steps: list[tuple[int, bool]] = []
    for row, cells, columns, _ in table:
        text = cell_text(cells.get("running", [])).strip(" |")
        if not text.isdigit():
            continue
        minutes = any(c.role == "hours" and c.minutes for c in columns or [])
        words = cells.get("hours", [])
        parsed = cell_hours(cell_text(words), minutes) if words else None
        if parsed is not None and doc.confidence(*cell_span(words)) >= LOW_OCR_CONFIDENCE and (
                last is not None or int(text) <= parsed.hours + TOLERANCE):
            steps.append((id(row), abs(int(text) - (last or 0.0) - parsed.hours) <= TOLERANCE))
        last = float(text)
    agree = [key for key, same in steps if same]
    if len(steps) < 2 or 2 * len(agree) >= len(steps):
        return False, set()
    return True, set(agree)
