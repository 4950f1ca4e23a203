"""An RS/C log's table: its words regrouped into deskewed rows, its header's columns, each row's cells.

A log's header row names its columns (Date, Format, Hours or Duration, Supervisor or Led by, in any order and
among others); each later row's words go to the column whose span they share most. This is the table's geometry
and vocabulary, apart from reading the cells (`extractors.log_rows`) and the kind's entry point
(`extractors.supervision`), so a header name or a cell boundary can be changed without reading session logic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from statistics import median

from extractors.hours import parse_hours
from extractors.layout import CELL_GAP_EM, RULE_MARKS, DocText, Placed, page_tilt

OPTION_ABBREVIATIONS = {"individual": r"i|ind|indiv|individual", "group": r"g|grp|group"}
"""How a log abbreviates the two session types, in a format column's header or its cells."""
_OPTION = "|".join(OPTION_ABBREVIATIONS.values())
FORMAT_PAIR = rf"(?:{_OPTION})\.?(?:\s*[/&]\s*|\s+or\s+)(?:{_OPTION})\.?"
"""A format column's header naming the two types by their abbreviations ("I/G"): its cells may be the initials."""
_MEETING = r"(?:session|meeting|contact|supervision|consultation|service|visit)"
"""What a log calls one of its sessions, in the names of its columns ("Date of contact", "Consultation type")."""
COLUMN_NAMES = {
    "running": (r"(?:cumulative|running|accumulated)(?!\s+(?:total\s+)?(?:sessions?|meetings?|visits?|contacts?|count"
                r"|no\b|number|#))(?:\s+(?:total|hours|hrs\.?))?|(?:hours|total)\s+to\s+date|balance"),
    "description": (r"(?:service|activity|session)\s+description|services?(?:\s+provided)?(?!\s+date)|description"
                    r"|activity(?!\s+date)"),
    "date": (rf"(?:{_MEETING}\s+)?date(?:\s+of\s+{_MEETING}|\s+(?:held|met|seen))?"),
    "format": (rf"(?:type|kind)\s+of\s+{_MEETING}|(?:{_MEETING}\s+)?(?:format|fmt|type|modality|setting|mode)"
               rf"|{FORMAT_PAIR}|session(?!\s*(?:hours|hrs|date|length|duration|minutes|mins|#|no\b|number))"),
    "hours": (r"(?:(?:clock|contact|session|supervision|consultation|rs\s*/\s*c)\s+|(?:no\.?|number)\s+of\s+)?"
              r"(?:hours(?:\s+(?:earned|credited|logged|claimed))?|hrs?\.?|hh(?=\s*$)|duration|length|minutes|mins?\.?"
              r"|time\s+spent|time\s+in\s+(?:minutes|hours)|time(?=\s*\())"
              r"(?:\s*\((?:min(?:utes|s)?|hrs?|hours|h:mm|hh:mm)\.?\))?"),
    "supervisor": (r"(?:name\s+of\s+)?(?:rs\s*/\s*c\s+|reflective\s+|clinical\s+|primary\s+|lead\s+)?"
                   r"(?:supervisor|consultant|facilitator|provider|mentor)"
                   r"(?:\s*/\s*consultant)?(?:'s)?(?:\s+name)?"
                   r"|(?:led|supervised|conducted|facilitated|provided|given|delivered)\s+by"),
    "start": r"(?:start|begin)(?:\s+time)?(?!\s+date)|time\s+in",
    "end": r"(?:end|finish)(?:\s+time)?(?!\s+date)|time\s+out",
    "individual": r"individual|indiv\.?|one[\s-]+(?:on|to)[\s-]+one|1[\s-]+(?:on|to)[\s-]+1|1\s*:\s*1|dyadic",
    "group": r"group",
    "times": r"(?:appointment\s+)?times?(?:\s+of\s+day)?",
}
"""Column header names by role; a running total ("Cumulative hrs") is a column of its own that no session reads.
A running count of sessions ("Cumulative sessions", "Running no.") is no running total: its steps are not hours.
A session's start and end times check its duration, or give it when the log has no duration column; so do the
two times of one "Time" column ("2:30 PM - 4:00 PM").
A billing statement describes each session in words ("Individual supervision with Ann Lee"): a log without a
format or supervisor column reads them from that description.
A format column may be named by its two options' abbreviations ("I/G", "Ind/Grp", "Individual or group").
`individual` and `group` are tick columns: a form that has the session's type marked with an X under one of them."""
TIMES_CELL = re.compile(r"^(?:(?:appointment|session|start)\s+)?times?(?:\s+of\s+day)?$", re.I)
"""A "Time" column's whole header cell: "Time", "Times", "Appointment time", "Session time", "Time of day". A cell
with any other word ("Date & Time", "Travel time", "Prep time", "Time zone") names another column: none of its
numbers is a part of the session's duration."""
TICK_ROLES = ("individual", "group")
MINUTE_PART = re.compile(r"^(?:(?:and|plus|\+)\s*)?(?:(?:time|duration|length)\s+)?\(?(?:min|mins|minutes|min\(s\))"
                         r"\.?\)?:?(?:\s*\(\s*0\s*[-–]\s*59\s*\))?$", re.I)
"""A column's whole header that is only a minutes unit ("Min", "Minutes", "Time (min)", "Min(s)", "+ Minutes",
"Mins (0-59)"): beside an hours column, the minutes of a length the log splits into two columns ("Hrs | Min",
"Hours | and minutes"). A header with any other word ("Break (min)", "Travel mins", "Minutes ref.") is a column of
its own."""
MINUTE_LIKE = re.compile(r"^\W*m(?:[a-z]{0,6}|in(?:ute)?\(s\))\W*$", re.I)
"""A header that may abbreviate minutes ("M", "Mn", "Mts", "Minute(s)") though it is no minutes part."""
MINUTE_LETTER = re.compile(r"^\(?mm?\.?\)?:?$", re.I)
HOUR_LETTER = re.compile(r"(?:^|\s)\(?hh?\.?\)?:?$", re.I)
"""A bare "m" or "(m)" is a minutes part only beside an hours column that names its unit by its letter too
("Duration (h) | (m)"): an "M" beside "Hours" may stand for anything (miles, a mark)."""
SUPERVISION_HOURS = re.compile(r"\b(?:supervision|consultation|rs\s*/\s*c|reflective)\b", re.I)
"""The one hours column a log of several ("Direct hours | Indirect hours | Supervision hours") keeps for its
sessions: the one that names supervision, when each other one names another activity (`OTHER_ACTIVITY`)."""
OTHER_ACTIVITY = re.compile(r"\b(?:direct|indirect|client|patient|admin(?:istrative)?|clinical|therapy|treatment"
                            r"|assessment|practicum|teaching|research|didactic|training|travel)\b", re.I)
"""Hours of work other than supervision ("Direct hours", "Client contact hours", "Admin hours")."""
AGGREGATE_HOURS = re.compile(r"\bto[\s-]+date\b|\bytd\b|\b(?:cumulative|running|accumulated|remaining|needed"
                             r"|required|balance|outstanding|left)\b|\b(?:brought|carried)\s+forward\b"
                             r"|\bprevious(?:ly)?\b", re.I)
"""An hours column over more than one session ("Supervision hours to date", "Consultation hours YTD", "Cumulative
RS/C hours", "Hours remaining"): never a session's length. "Total" is one too, but only beside another hours
column: a log's only "Total hours" column is each row's length (its end less its start)."""
TOTAL_WORD = re.compile(r"\btotal\b", re.I)
OTHER_PARTY = re.compile(r"^(?:clients?|patients?|referring|referral|supervisees?|trainees?|students?|interns?"
                         r"|famil(?:y|ies)|child(?:ren)?|parents?|caregivers?)'?s?$", re.I)
"""Words that make a provider or consultant column another party's ("Referring provider", "Supervisee provided by",
"Consultant trainee"): such a header names no supervisor column."""
HEADING_NAMES = ("duration", "session", "supervisor", "consultant", "facilitator", "provider", "individual",
                 "minutes", "format", "modality")
"""Long column names a scanned header word may be one letter off."""
NEAR_NAMES = ("provided",)
"""Header words one letter off a column name that are words of their own ("Services provided"): never rewritten."""
HEADER = re.compile("|".join(rf"(?P<{role}>\b(?:{names})(?![\w/]))" for role, names in COLUMN_NAMES.items()), re.I)
MINUTES_COLUMN = re.compile(r"\bmin", re.I)
UNIT_QUALIFIER = re.compile(r"^\((?:min(?:ute)?s?|hrs?|hours?|h:mm|hh:mm)\.?\)$", re.I)
"""A column name's unit in brackets: "(min)", "(hrs)", "(h:mm)"."""
UNIT_NAME = re.compile(r"\b(?:hours?|hrs\.?|minutes|mins\.?|time)(?:\s*\([^)]*\))?$", re.I)
"""A duration column's name ending in a unit word ("Hours", "Supervision hours", "Hours (min)") that, right after
"Individual" or "Group" as the next word of one name, makes it a column of that type's durations."""
WORD_GAP_EM = 0.8
"""At most this many word heights between two words of one phrase: a space (0.3 em; 0.6 em in Courier)."""
NO_DURATION = re.compile(r"^(?:[-–—_]+|n\.?/?a\.?|none|nil)$", re.I)
"""A cell that says no time was spent: a dash, "N/A", "None" (or a zero, read as a duration)."""
TYPE_QUALIFIER = re.compile(r"^\((individual|group)\)$", re.I)
"""A duration column's bracketed type: "Hours (individual)" is a column of individual sessions' durations."""
LEGEND = re.compile(r"(?<![\w.])([A-Za-z][\w.]{0,6})\s*[=:–-]\s*(individual|group)\b", re.I)
LEGEND_AFTER = re.compile(r"\b(individual|group)\s*\(([A-Za-z][\w.]{0,6})\)", re.I)
"""A log's legend for its format abbreviations: "I = Individual", "G - group", "Individual (I)"."""
STROKE = re.compile(r"^[|l1!\]\[]$")
"""A lone vertical stroke: a table's rule, or on a scan an initial I (under a format column's name, not at its edge)."""
STROKE_PAIR = re.compile(r"^(?:[|l1!]/|V)G\.?$")
"""A scanned "I/G" header whose I was read as another stroke, or whose "I/" ran together into a V."""
MONEY = re.compile(r"[$€£]|\b(?:USD|EUR|GBP)\b|/\s*(?:h|hr|hour)\b|\bper\s+(?:h|hr|hour|session)\b", re.I)
"""A money amount or a rate ("$80.00", "$90/h", "120 USD"): never a session's duration, however it parses."""
CHARGE = re.compile(r"\b(?:amount|billed|fees?|charges?|costs?|paid|due|rate)\b", re.I)
"""A label of money ("Total amount billed", "Total fees"): a total so named is no total of hours."""
ROW_GAP = 0.45
"""Words whose deskewed centres differ by more than this many word heights are on different rows."""


@dataclass(frozen=True)
class Row:
    """One visual row of a page: its words left to right, with their deskewed horizontal spans."""

    page: int
    words: tuple[Placed, ...]
    xs: tuple[tuple[float, float], ...]

    @property
    def text(self) -> str:
        return " ".join(p.word.text for p in self.words)


@dataclass(frozen=True)
class Column:
    role: str
    x0: float
    x1: float
    minutes: bool = False
    name: str = ""
    timed: bool = False
    """An Individual or a Group column that holds the session's duration: the column its hours sit in is its type."""
    heading: str = ""
    """The header's words the column spans, its name's qualifiers included ("Break (min)")."""
    cell: str = ""
    """The whole header cell the column is named in ("Cumulative RS/C hours", naming a running and an hours column)."""


Cells = dict[str, list[Placed]]


def visual_rows(doc: DocText) -> list[Row]:
    """The document's words regrouped into rows after undoing each page's tilt (estimated from its lines)."""
    rows: list[Row] = []
    for page in sorted({p.page for p in doc.words}):
        placed = [p for p in doc.words if p.page == page and p.word.text.strip()]
        slope = page_tilt(doc, page)
        height = median(max(p.word.bbox[3] - p.word.bbox[1], 1.0) for p in placed)

        def level(p: Placed, s: float = slope) -> float:
            return (p.word.bbox[1] + p.word.bbox[3]) / 2 - s * (p.word.bbox[0] + p.word.bbox[2]) / 2

        group: list[Placed] = []
        for p in sorted(placed, key=level):
            if group and level(p) - median(level(g) for g in group) > ROW_GAP * height:
                rows.append(_row(page, group, slope))
                group = []
            group.append(p)
        if group:
            rows.append(_row(page, group, slope))
    return rows


def _row(page: int, group: list[Placed], slope: float) -> Row:
    def shifted(p: Placed) -> tuple[float, float]:
        drift = slope * (p.word.bbox[1] + p.word.bbox[3]) / 2
        return p.word.bbox[0] + drift, p.word.bbox[2] + drift

    ordered = sorted(group, key=lambda p: shifted(p)[0])
    return Row(page=page, words=tuple(ordered), xs=tuple(shifted(p) for p in ordered))


def header_columns(row: Row) -> list[Column] | None:
    """The columns a header row names (unnamed ones as `other`), or None when the row is not a log header.

    Names are matched within each header cell (words closer than a wide gap), so two cells side by side
    ("Session", "Hours") are never read as one name ("Session Hours").
    """
    columns: list[Column] = []
    claimed: set[int] = set()
    for cell in _header_cells(row):
        offsets, position = [], 0
        texts = [_heading_word(row.words[i]) for i in cell]
        for text in texts:
            offsets.append((position, position + len(text)))
            position += len(text) + 1
        named: list[Column] = []
        for match in HEADER.finditer(" ".join(texts)):
            role = match.lastgroup or ""
            indices = [cell[n] for n, (s, e) in enumerate(offsets) if s < match.end() and e > match.start()]
            if set(indices) <= claimed:  # a word of a column's qualifier ("Individual (hours)") names no column
                continue
            qualifier = _qualifier(row, cell, indices[-1], claimed)
            unit = " ".join(row.words[i].word.text for i in qualifier)
            timed = role in TICK_ROLES and bool(UNIT_QUALIFIER.match(unit))
            if role == "hours" and (typed := TYPE_QUALIFIER.match(unit)):
                role, timed, unit = typed[1].lower(), True, ""
            claimed.update(indices + qualifier)
            indices += qualifier
            minutes = (role == "hours" or timed) and bool(MINUTES_COLUMN.search(f"{match.group()} {unit}"))
            named.append(Column(role, row.xs[indices[0]][0], row.xs[indices[-1]][1], minutes=minutes,
                                name=match.group(), timed=timed))
        whole = " ".join(row.words[i].word.text for i in cell)
        named = [c if c.role != "times" or TIMES_CELL.match(whole.strip(" .:|")) else replace(c, role="other")
                 for c in named]
        columns += [replace(c, cell=whole) for c in _whole_cell(row, cell, _timed_by_unit_word(named, _word_gap(row)),
                                                                   claimed)]
    if not _names_a_log(columns) or len(row.words) > 3 * len(columns):
        return None
    for i, (x0, x1) in enumerate(row.xs):
        if i not in claimed and not set(row.words[i].word.text) <= RULE_MARKS:
            columns.append(Column("other", x0, x1, name=row.words[i].word.text))
    return _split_duration(sorted(columns, key=lambda c: c.x0))


def _split_duration(columns: list[Column]) -> list[Column]:
    """A length written in two columns, hours then minutes ("Hrs | Min"): the second is the `minutes` column.

    Only a column whose whole header is a minutes unit (perhaps after "Time", "Duration" or "Length"), right after a
    column of hours that names no minutes: "Break (min)" beside "Hours" is a column of its own, and a lone
    "Minutes" column is a duration in minutes.
    """
    split = _supervision_hours(list(columns))
    for n in range(1, len(split)):
        before, column = split[n - 1], split[n]
        if before.role == "hours" and not before.minutes and _minutes_part(column.heading or column.name, before):
            split[n] = Column("minutes", column.x0, column.x1, minutes=True, name=column.name, heading=column.heading)
    return _unsure_parts(split)


def _unsure_parts(columns: list[Column]) -> list[Column]:
    """An unnamed column beside the duration that may hold part of it: the `unsure_part` column, read for a doubt.

    The column after an hours column under a header that reads like a minutes unit ("M", "Mn", "Minute(s)"), or the
    one before a duration in minutes ("Time | Min"): a number in it may be the length's other part, never dropped
    silently.
    """
    if any(c.role == "minutes" for c in columns):
        return columns
    marked = list(columns)
    for n in range(1, len(columns)):
        before, column = columns[n - 1], columns[n]
        if before.role == "hours" and not before.minutes and column.role == "other" and MINUTE_LIKE.match(
                column.heading or column.name):
            marked[n] = replace(column, role="unsure_part")
        elif column.role == "hours" and column.minutes and before.role == "other":
            marked[n - 1] = replace(before, role="unsure_part")
    return marked


def _minutes_part(heading: str, hours: Column) -> bool:
    """Whether a header is only a minutes unit, as the minutes part of the hours column before it."""
    text = " ".join(heading.split())
    return bool(MINUTE_PART.match(text) or (
        MINUTE_LETTER.match(text) and HOUR_LETTER.search(hours.heading or hours.name)))


def _supervision_hours(columns: list[Column]) -> list[Column]:
    """Of several hours columns, the session's: never one over many sessions, else the one that names supervision.

    A column to date, cumulative or remaining (or a total, beside another) is no session's column; of the rest the
    one naming supervision is kept only when each other one names another activity ("Direct hours") or is its
    minutes part. Any other mix ("Session hours | Supervision hours") leaves no hours column: its rows are flagged.
    """
    hours = [c for c in columns if c.role == "hours" and not c.minutes]
    aggregate = [c for c in hours if AGGREGATE_HOURS.search(_header_text(c))
                 or (len(hours) > 1 and TOTAL_WORD.search(_header_text(c)))]
    left = [c for c in hours if c not in aggregate]
    named = [c for c in left if SUPERVISION_HOURS.search(_header_text(c))]
    if len(left) <= 1:
        dropped = aggregate
    elif len(named) == 1 and all(OTHER_ACTIVITY.search(_header_text(c)) for c in left if c is not named[0]):
        dropped = [c for c in hours if c is not named[0]]
    elif len(named) == 1:
        dropped = hours
    else:
        dropped = aggregate
    return [_no_column(c) if c in dropped else c for c in columns]


def _header_text(column: Column) -> str:
    return f"{column.heading or column.name} {column.cell}"


def _no_column(column: Column) -> Column:
    """A header's column that no session reads ("Hours to date"), under its own name."""
    return Column("other", column.x0, column.x1, name=column.name, heading=column.heading, cell=column.cell)


def _whole_cell(row: Row, cell: list[int], named: list[Column], claimed: set[int]) -> list[Column]:
    """A header cell's one column name with the words a space from it: one heading ("RS/C provided by").

    The words of its cell before the name qualify it ("RS/C provided by", "Session conducted by", set a little
    apart on a scan), as do words a space after it ("Supervisor signature"); left as columns of their own they
    would take the first or last word of each row's name. A word after it farther off is a column of its own
    ("Time (min)" then "Rate"), and so is a minutes unit after an hours column's name ("Duration (h) (m)"). A cell
    that names two columns is left alone.
    """
    if len(named) != 1:
        return named
    column, gap = named[0], _word_gap(row)
    inside = [i for i in cell if column.x0 <= row.xs[i][0] and row.xs[i][1] <= column.x1]
    if not inside:
        return named
    first, last = inside[0], inside[-1]
    while first - 1 in cell and _joins(row, first - 1, 0.0, gap, claimed):  # a qualifier before: its whole cell
        first -= 1
    while last + 1 in cell and _joins(row, last + 1, row.xs[last + 1][0] - row.xs[last][1], gap, claimed) and not (
            column.role == "hours" and _minutes_part(row.words[last + 1].word.text, column)):
        last += 1
    claimed.update(range(first, last + 1))
    heading = " ".join(row.words[i].word.text for i in range(first, last + 1))
    role = column.role
    if role == "supervisor" and any(OTHER_PARTY.match(row.words[i].word.text.strip("/,")) for i in cell):
        role = "other"  # "Referring provider", "Supervisee provided by": another party's column
    return [Column(role, row.xs[first][0], row.xs[last][1], minutes=column.minutes, name=column.name,
                   timed=column.timed, heading=heading)]


def _joins(row: Row, i: int, distance: float, gap: float, claimed: set[int]) -> bool:
    """Whether the header word `i`, this far from a column's name, is a word of that name's phrase."""
    return i not in claimed and distance <= gap and not set(row.words[i].word.text) <= RULE_MARKS


def _timed_by_unit_word(named: list[Column], word_gap: float) -> list[Column]:
    """One header cell's columns, "Individual hours" or "Group minutes" read as one column of that type's durations.

    A cell that names a session type then a plain unit word, one space apart as words of one name are, and nothing
    else, is a column whose cells are durations (a log that gives each type its own hours column). A header cell
    is only words closer than a column gap: a "Group" and an "Hours" farther apart than a space, or an "Hours"
    before the type, are two columns side by side (a tick column and the durations), and a "Duration" or "Length"
    beside the type stays a column of its own.
    """
    ticks = [c for c in named if c.role in TICK_ROLES and not c.timed]
    units = [c for c in named if c.role == "hours" and UNIT_NAME.search(c.name)]
    if len(named) != 2 or len(ticks) != 1 or len(units) != 1 or not 0 <= units[0].x0 - ticks[0].x1 <= word_gap:
        return named
    tick, unit = ticks[0], units[0]
    return [Column(tick.role, min(tick.x0, unit.x0), max(tick.x1, unit.x1), minutes=unit.minutes,
                   name=f"{tick.name} {unit.name}", timed=True)]


def _word_gap(row: Row) -> float:
    """The widest gap between two words of one phrase on this row: a space, in its words' height."""
    return WORD_GAP_EM * median(max(p.word.bbox[3] - p.word.bbox[1], 1.0) for p in row.words)


def _qualifier(row: Row, cell: list[int], last: int, claimed: set[int]) -> list[int]:
    """The words of a parenthesis right after a column's name in its header cell: part of that name.

    "Provider (print)", "Hours (if group)": the parenthesis qualifies the column, it is no column of its own.
    """
    after = [i for i in cell if i > last and i not in claimed]
    if not after or not row.words[after[0]].word.text.startswith("("):
        return []
    for n, i in enumerate(after):
        if row.words[i].word.text.endswith(")"):
            return after[:n + 1]
    return []


def _names_a_log(columns: list[Column]) -> bool:
    """A log header names a date, a duration (or start and end times), and a type, supervisor or description.

    A running total ("Cumulative hours") names a log too: a header whose only hours run over many sessions is a
    log's whose lengths do not read, never rows to read by their content.
    """
    roles = {c.role for c in columns}
    timed = bool(roles & {"hours", "running"}) or {"start", "end"} <= roles or any(c.timed for c in columns)
    return "date" in roles and timed and bool(roles & {"format", "supervisor", "description", *TICK_ROLES})


def _heading_word(p: Placed) -> str:
    """A scanned header word one letter off a column name ("puration"), or marks run into it ("mjConsultant").

    Either is read as that name; a stroke pair as "I/G". Only long words (six letters or more), so a short word
    never turns into another; the row must still name a date, a duration and a type or supervisor column to be a
    header.
    """
    text = p.word.text
    if p.word.source == "ocr" and STROKE_PAIR.match(text):
        return "I/G"
    if p.word.source != "ocr" or len(text) < 6 or text.lower() in NEAR_NAMES:
        return text
    run_into = _run_into(text)
    if run_into != text or not text.isalpha():
        return run_into
    return next((name.capitalize() for name in HEADING_NAMES if one_letter_off(text.lower(), name)), text)


RUN_INTO = 3
"""Marks at most this many that OCR ran into the start of a long header name ("mjConsultant": the "mm)" before it)."""


def _run_into(text: str) -> str:
    """A scanned header word that ends in a long column name after a few stray marks, read as that name."""
    lowered = text.lower()
    return next((name.capitalize() for name in HEADING_NAMES
                 if lowered.endswith(name) and 0 < len(lowered) - len(name) <= RUN_INTO), text)


def one_letter_off(a: str, b: str) -> bool:
    """Equal but for one letter changed, dropped or added."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _header_cells(row: Row) -> list[list[int]]:
    """The header row's words (by index) grouped into cells where the horizontal gap is wide."""
    height = median(max(p.word.bbox[3] - p.word.bbox[1], 1.0) for p in row.words)
    cells: list[list[int]] = []
    for i, (x0, _x1) in enumerate(row.xs):
        if cells and x0 - row.xs[cells[-1][-1]][1] <= CELL_GAP_EM * height:
            cells[-1].append(i)
        else:
            cells.append([i])
    return cells


def table_blocks(columns: list[Column]) -> list[list[Column]]:
    """The header's columns as one block per table: a role named again starts the next table to the right.

    Only when every block names a whole log ("Session / Format" names a format twice, but is one column).
    """
    blocks: list[list[Column]] = [[]]
    for column in columns:
        if column.role != "other" and any(c.role == column.role for c in blocks[-1]):
            blocks.append([])
        blocks[-1].append(column)
    return blocks if all(_names_a_log(block) for block in blocks) else [columns]


def assign_cells(row: Row, columns: list[Column]) -> list[Cells]:
    """Each word to the column whose span (from its header's left edge to the next header's) it overlaps most.

    One set of cells per block of columns (per table, when tables stand side by side under one header row). A rule
    mark is no word, unless it is a stroke standing under a format column's name (there it is an initial I) or under
    the hours column's name of a length split into hours and minutes (there it may be a 1, read as a look-alike).
    """
    blocks = table_blocks(columns)
    split = any(c.role == "minutes" for c in columns)
    block_of = {id(c): n for n, block in enumerate(blocks) for c in block}
    cells: list[Cells] = [{} for _ in blocks]
    edges = [c.x0 for c in columns[1:]]
    for p, (x0, x1) in zip(row.words, row.xs, strict=True):
        spans = zip([float("-inf"), *edges], [*edges, float("inf")], strict=True)
        overlaps = [min(x1, hi) - max(x0, lo) for lo, hi in spans]
        column = columns[overlaps.index(max(overlaps))]
        under_name = (column.role == "format" or (split and column.role == "hours")) and (
            column.x0 <= (x0 + x1) / 2 <= column.x1)
        if set(p.word.text) <= RULE_MARKS and not (under_name and STROKE.match(p.word.text)):
            continue
        cells[block_of[id(column)]].setdefault(column.role, []).append(p)
    return cells


def duration_by_type(cells: Cells, columns: list[Column]) -> Cells:
    """A row's cells with its duration taken from the one Individual or Group column of durations it fills.

    Under such a header the column a duration sits in is the session's type; a row that fills both, or neither,
    has no duration cell, and is a row that does not read. A zero, a dash or "N/A" in the other type's column
    says no time of that type: that cell is empty.
    """
    blank = {c.role for c in columns if c.timed and cells.get(c.role) and _no_duration(cell_text(cells[c.role]))}
    cells = {role: words for role, words in cells.items() if role not in blank}
    filled = [c for c in columns if c.timed and cells.get(c.role)]
    if "hours" in cells or len(filled) != 1:
        return cells
    return {**cells, "hours": cells[filled[0].role]}


def _no_duration(text: str) -> bool:
    """Whether a duration cell says no time was spent: "0", "0:00", a dash, "N/A"."""
    parsed = parse_hours(text)
    return bool(NO_DURATION.match(text.strip())) or (parsed is not None and parsed.hours == 0)


def format_legend(text: str, columns: list[Column]) -> dict[str, str]:
    """A log's format abbreviations: those its legend writes out, over the initials an "I/G" header implies."""
    pairs = LEGEND.findall(text) + [(abbr, full) for full, abbr in LEGEND_AFTER.findall(text)]
    legend = {abbr.lower().rstrip("."): full.lower() for abbr, full in pairs}
    return _header_legend(columns) | legend


def _header_legend(columns: list[Column]) -> dict[str, str]:
    """The options' initials, when a format column is named by its two options ("I/G", "Individual or group")."""
    if any(c.role == "format" and re.fullmatch(FORMAT_PAIR, c.name, re.I) for c in columns):
        return {option[0]: option for option in OPTION_ABBREVIATIONS}
    return {}


def cell_text(words: list[Placed]) -> str:
    return " ".join(p.word.text for p in words)


def cell_span(words: list[Placed]) -> tuple[int, int]:
    return min(p.start for p in words), max(p.end for p in words)
