"""An RS/C log's "Date and time" column: a session's date with its start and end times in the one cell.

A log may write "03/11/25 2:00-3:30" under "Date and time" (or "Date / Time", "When"). The date reads from the
cell's first words; its times are the session's span, which checks the hours cell as a "Time" column's would
(`extractors.log_rows._time_span`). A cell with one time ("03/11/25 2:00 pm") states no span and checks nothing.
"""

from __future__ import annotations

import re

from extractors.log_columns import Cells, Column, cell_text
from extractors.log_rows import TIME_RANGE, _clock_time

SPAN_ROLES = ("times", "start", "end")
"""The cells a row's span may already come from: a "Time" column, or start and end columns."""
TIME_WORD = re.compile(r"^times?[.:]?$", re.I)
"""The word naming the times in a date's header cell ("Date and time", "Date / Time"): its column is no "Time"
column of its own (`extractors.log_columns.TIMES_CELL`), but what it holds is the session's span."""


def _span(text: str) -> bool:
    """Whether a text is a session's start and end, both clock times ("2:00-3:30", "9.00 to 10.30")."""
    ranged = TIME_RANGE.match(text)
    return ranged is not None and _clock_time(ranged[1]) is not None and _clock_time(ranged[2]) is not None


def times_from_date(cells: Cells, columns: list[Column] | None) -> Cells:
    """A row's cells with the time span a "Date and time" column holds moved to its own "times" cell.

    Only when the row has no time cell of its own: the span is the end of the date cell after a first word holding
    a digit (the date), or the whole of the row's other cells under a header whose time word shares the date's
    cell; both its ends read as clock times ("2:00-3:30", "2:00 pm - 3:30 pm", "9.00 to 10.30").
    """
    words = cells.get("date", [])
    if any(cells.get(role) for role in SPAN_ROLES) or not words:
        return cells
    others = cells.get("other", [])
    if others and any(c.role == "other" and TIME_WORD.match(c.name or "") for c in columns or []) and _span(
            cell_text(others)):
        return {**cells, "other": [], "times": others}
    for k in range(1, len(words)):
        if any(ch.isdigit() for ch in cell_text(words[:k])) and _span(cell_text(words[k:])):
            return {**cells, "date": words[:k], "times": words[k:]}
    return cells
