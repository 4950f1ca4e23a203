"""A session row's notes against its type: a note naming the other type, or others present at a one-to-one session.

A row under a section heading takes its type from the heading ("Individual consultation with Ann Lee"); a note in
the row ("held as group this week") may say otherwise, and no type cell of its own was there to compare it with
(`extractors.log_rows` compares a row's own type cell). A note speaking of other people present ("with two
colleagues", "joined by peers", "with the team") beside an individual session makes its type a question too.
Either is flagged for a person, the value left as read.
"""

from __future__ import annotations

import re

from extractors.log_columns import Cells, cell_text
from extractors.log_rows import Session
from extractors.log_sections import TYPES
from extractors.nlp import Evidence

READ_ROLES = ("date", "hours", "format", "individual", "group", "supervisor", "running", "times", "start", "end",
              "minutes")
"""A row's cells whose words are its date, duration, type and provider: what is left are its notes and the like."""
OTHERS_PRESENT = re.compile(
    r"\b(?:with|joined\s+by|alongside|plus|among|attended\s+by)\s+(?:(?:the|my|our|her|his|their|other|some)\s+)?"
    r"(?:(?-i:[a-z]+)\s+)?(?:\d+|two|three|four|five|six|several|many|a\s+few|few|other|others|team|group|staff|cohort|"
    r"(?-i:[a-z]{3,}s))\b", re.I)
"""A note's words for more people than the two of a one-to-one session: "with" (or "joined by" ...) then a number,
a plural or a body of people, a word of its own between ("with two colleagues", "with the whole team"). A
capitalised name after "with" ("with Ann Lee", "with Chris") is one person, not matched."""
DISAGREES = "log.format_disagrees_note"


def check_note_type(session: Session, cells: Cells, evidence: list[Evidence]) -> None:
    """Flag a session whose note cells name the other type, or others present beside an individual session."""
    words = [p for role, cell in cells.items() if role not in READ_ROLES for p in cell]
    if not words or session.value["format"] is None:
        return
    named = {TYPES[e.label] for e in evidence if e.label in TYPES and any(p.start <= e.start < p.end for p in words)}
    others = session.value["format"] == "individual" and OTHERS_PRESENT.search(cell_text(words)) is not None
    if (named - {session.value["format"]} or others) and not any(r.startswith("log.format_disagrees")
                                                                 for r in session.reasons):
        session.reasons.append(DISAGREES)
