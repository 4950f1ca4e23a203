"""RS/C logs: one item per session row (date, hours, format, supervisor) and the log's stated total.

A log is a table. Its header row names the columns (Date, Format, Hours or Duration, Supervisor or Led by,
in any order and among others); each later row's words are given to the column whose span they share
most, after undoing the page's tilt, so a row reads the same whether its cells are far apart (a ruled
table), one space apart (a fixed-width export) or on a scan tilted by a degree or two. A log without a
recognisable header is read cell by cell from rows that start with a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from statistics import median
from typing import Any

from extractors.dates import ParsedDate, parse_date, parse_month_day, repair_digits
from extractors.fields import LOW_OCR_CONFIDENCE, Extraction, Found, build_item, labelled, missing, slug
from extractors.forms import one_line
from extractors.hours import ParsedHours, column_form, parse_hours, repair_in_form, written_form
from extractors.layout import CELL_GAP_EM, DocText, Placed, page_tilt
from extractors.nlp import Evidence
from pipeline.models import Flag, Item

OPTION_ABBREVIATIONS = {"individual": r"i|ind|indiv|individual", "group": r"g|grp|group"}
"""How a log abbreviates the two session types, in a format column's header or its cells."""
_OPTION = "|".join(OPTION_ABBREVIATIONS.values())
FORMAT_PAIR = rf"(?:{_OPTION})\.?(?:\s*[/&]\s*|\s+or\s+)(?:{_OPTION})\.?"
"""A format column's header naming the two types by their abbreviations ("I/G"): its cells may be the initials."""
SUPERVISOR_LABEL = r"(?:primary\s+|lead\s+)?(?:supervisor\s*/\s*consultant|supervisor|consultant)|rs\s*/\s*c\s+provider"
COLUMN_NAMES = {
    "running": r"(?:cumulative|running|accumulated)(?:\s+(?:total|hours|hrs\.?))?|(?:hours|total)\s+to\s+date|balance",
    "date": (r"(?:(?:session|meeting|contact|supervision|consultation)\s+)?date"
             r"(?:\s+of\s+(?:session|meeting|contact|supervision|consultation))?"),
    "format": (rf"(?:session\s+|supervision\s+)?(?:format|fmt|type|modality|setting|mode)|{FORMAT_PAIR}"
               r"|session(?!\s*(?:hours|hrs|date|length|duration|minutes|mins|#|no\b|number))"),
    "hours": (r"(?:clock\s+|contact\s+|session\s+|no\.?\s+of\s+)?"
              r"(?:hours|hrs\.?|duration|length|minutes|mins\.?|time\s+spent|time(?=\s*\())"
              r"(?:\s*\((?:min(?:utes|s)?|hrs?|hours|h:mm|hh:mm)\.?\))?"),
    "supervisor": (r"(?:name\s+of\s+)?(?:rs\s*/\s*c\s+|reflective\s+)?(?:supervisor|consultant|facilitator|provider)"
                   r"(?:\s*/\s*consultant)?(?:'s)?(?:\s+name)?|(?:led|supervised|conducted|facilitated)\s+by"),
    "start": r"(?:start|begin)(?:\s+time)?(?!\s+date)|time\s+in",
    "end": r"(?:end|finish)(?:\s+time)?(?!\s+date)|time\s+out",
    "individual": r"individual|one[\s-]+on[\s-]+one|1\s*:\s*1",
    "group": r"group",
}
"""Column header names by role; a running total ("Cumulative hrs") is a column of its own that no session reads.
A session's start and end times check its duration, or give it when the log has no duration column.
A format column may be named by its two options' abbreviations ("I/G", "Ind/Grp", "Individual or group").
`individual` and `group` are tick columns: a form that has the session's type marked with an X under one of them."""
TICK_ROLES = ("individual", "group")
HEADING_NAMES = ("duration", "session", "supervisor", "consultant", "facilitator", "provider", "individual",
                 "minutes", "format", "modality")
"""Long column names a scanned header word may be one letter off."""
TICK = re.compile(r"^(?:[xX]{1,2}|[✓✔☒☑■*+]|><|\[[xX]\])$")
"""A mark in a tick column: an X (which OCR often reads doubled, "Xx"), a check, a filled box."""
HEADER = re.compile("|".join(rf"(?P<{role}>\b(?:{names})(?![\w/]))" for role, names in COLUMN_NAMES.items()), re.I)
MINUTES_COLUMN = re.compile(r"\bmin", re.I)
YEAR_HEADING = re.compile(r"^(?:(?:sessions?|year|calendar\s+year|month)\b[^\d]{0,24})?((?:19|20)\d{2})\s*:?$", re.I)
NOT_A_SESSION = re.compile(r"^\s*[A-Za-z][A-Za-z /'-]{0,30}:|\bpage\s+\d+(?:\s+of\s+\d+)?\s*$", re.I)
"""A labelled line ("Month: July 2023", "Hours this month: 2.0") or a page footer between a log's rows: never a row."""
TOTAL_LINE = re.compile(r"^(?:\d{1,4}\s+)?(?:grand\s+)?total\b(?P<label>[^:\d]*?)\s*:?\s*(?P<value>\d.*)?$", re.I)
"""A log's total row; its value may be unreadable on a scan (the row is then an unreadable total, not nothing)."""
BARE_MINUTES = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")
SUBTOTAL = re.compile(r"\b(?:page|sub)", re.I)
LEGEND = re.compile(r"(?<![\w.])([A-Za-z][\w.]{0,6})\s*[=:–-]\s*(individual|group)\b", re.I)
LEGEND_AFTER = re.compile(r"\b(individual|group)\s*\(([A-Za-z][\w.]{0,6})\)", re.I)
"""A log's legend for its format abbreviations: "I = Individual", "G - group", "Individual (I)"."""
NAME = re.compile(r"^[A-Z][\w.'-]*(?:\s+[A-Za-z][\w.'-]*)*$")
RULE_MARKS = set("|[]_!")
STROKE = re.compile(r"^[|l1!\]\[]$")
"""A lone vertical stroke: a table's rule, or on a scan an initial I (under a format column's name, not at its edge)."""
STROKE_PAIR = re.compile(r"^(?:[|l1!]/|V)G\.?$")
"""A scanned "I/G" header whose I was read as another stroke, or whose "I/" ran together into a V."""
TOLERANCE = 0.05
PLAUSIBLE_SESSION_HOURS = (0.25, 4.0)
"""A session outside this range is more likely a misread ("1.5" read as "15") than a real session."""
REPAIRS = [(re.compile(r"^(\d):(\d)$"), r"\1.\2"), (re.compile(r"^(\d)(\d{1,2})$"), r"\1.\2"),
           (re.compile(r"^[lIt!](\s*h\s*[0-5]\d\s*m)$"), r"1\1")]
"""Lost decimal points: "1:5" and "15" (or "150") for "1.5"; a 1 read as a letter before its h: "th 30m", "lh 00m"."""
CLOCK_TIME = re.compile(r"^(\d{1,2})[:.]([0-5]\d)\s*(?:([ap])\.?\s*m\.?)?$", re.I)
"""A time of day in a start or end cell: "3:30 PM", "10.30 a.m.", "15:30"."""
HOURS_DOUBTS = ("log.hours_repaired", "log.hours_from_times", "log.hours_disagree_times")
"""Reasons to doubt a row's hours that a stated total equal to the rows' sum settles."""
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


Cells = dict[str, list[Placed]]
TableRow = tuple[Row, Cells, list[Column] | None, int | None]
"""A row that may be a session: its cells, the header columns (of its table) it sits under, its year heading."""


@dataclass(frozen=True)
class Session:
    """A read session row, made into an item once the log's total has confirmed (or not) the rows' hours."""

    key: str
    value: dict[str, Any]
    sources: list[Found]
    hours_found: Found
    reasons: list[str]

    def item(self, doc: DocText, hours_confirmed: bool) -> Item:
        """The item; when the stated total equals the rows' sum, the hours need not rest on their OCR alone.

        A misread duration would break that sum, so an agreeing total vouches for every row's hours
        (and for a restored decimal point), and the hours cell's word confidence no longer lowers the item's.
        """
        if not hours_confirmed:
            return build_item(doc, "supervision_session", self.key, self.value,
                              [self.sources[0], self.hours_found, *self.sources[1:]], self.reasons)
        reasons = [r for r in self.reasons if r not in HOURS_DOUBTS]
        item = build_item(doc, "supervision_session", self.key, self.value, self.sources, reasons)
        item.provenance.insert(1, doc.provenance(self.hours_found.start, self.hours_found.end,
                                                 self.hours_found.rule))
        return item


def extract(doc: DocText, evidence: list[Evidence]) -> Extraction:
    """Sessions from the rows under a header (or rows led by a date); the stated total checked against them."""
    result = Extraction()
    rows = visual_rows(doc)
    default_supervisor = labelled(doc, SUPERVISOR_LABEL, "log.supervisor.v1")
    table = _table_rows(rows, evidence)
    pairs = LEGEND.findall(doc.text) + [(abbr, full) for full, abbr in LEGEND_AFTER.findall(doc.text)]
    legend = {abbr.lower().rstrip("."): full.lower() for abbr, full in pairs}
    legend = _header_legend([c for _, _, columns, _ in table for c in columns or []]) | legend
    reader = _SessionReader(doc, evidence, default_supervisor, legend)
    reader.hours_form = column_form([_text(cells.get("hours", [])) for _, cells, _, _ in table])
    for row, cells, columns, year in table:
        reader.year = year
        reader.read(row, cells, columns)
    reader.sessions = _vouch_names(doc, reader.sessions, default_supervisor)
    rows_sum = round(sum(s.value["hours"] for s in reader.sessions), 2)
    minutes_log = any(c.minutes for _, _, columns, _ in table for c in columns or [] if c.role == "hours")
    total = _stated_total(doc, rows, rows_sum, minutes_log)
    agrees = total is not None and not total.needs_review
    result.items, result.flags = [s.item(doc, hours_confirmed=agrees) for s in reader.sessions], reader.flags
    if total is not None:
        result.items.append(total)
        if "log.total_mismatch" in total.reasons:
            result.flags.append(missing(doc.document, "log.total_mismatch",
                                        f"The log states {total.value['stated_total']} h; its rows add up "
                                        f"to {rows_sum} h."))
    if not reader.sessions:
        result.flags.append(missing(doc.document, "log.no_sessions", "No session rows could be read."))
    return result


def _table_rows(rows: list[Row], evidence: list[Evidence]) -> list[TableRow]:
    """The rows that may be sessions, each with its cells, the header it sits under and the year heading above it.

    Under a header that names its columns twice (two tables side by side), the left table's rows come first.
    """
    table: list[TableRow] = []
    section: list[list[TableRow]] = []
    columns: list[Column] | None = None
    year: int | None = None
    header_seen = any(_header(row) for row in rows)
    for row in rows:
        text = row.text.strip()
        header = _header(row)
        if header:
            table += [entry for block in section for entry in block]
            columns, section = header, [[] for _ in _blocks(header)]
            continue
        heading = YEAR_HEADING.match(text)
        if heading:
            year = int(heading.group(1))
            continue
        if TOTAL_LINE.match(text) or NOT_A_SESSION.search(text):
            continue
        if columns is not None:
            for block, entries, cells in zip(_blocks(columns), section, _assign(row, columns), strict=True):
                entries.append((row, cells, block, year))
        elif not header_seen:
            table.append((row, _cells_by_content(row, evidence), None, year))
    return table + [entry for block in section for entry in block]


def _header_legend(columns: list[Column]) -> dict[str, str]:
    """The options' initials, when a format column is named by its two options ("I/G", "Individual or group")."""
    if any(c.role == "format" and re.fullmatch(FORMAT_PAIR, c.name, re.I) for c in columns):
        return {option[0]: option for option in OPTION_ABBREVIATIONS}
    return {}


def _blocks(columns: list[Column]) -> list[list[Column]]:
    """The header's columns as one block per table: a role named again starts the next table to the right.

    Only when every block names a whole log ("Type of session" names a format twice, but is one column).
    """
    blocks: list[list[Column]] = [[]]
    for column in columns:
        if column.role != "other" and any(c.role == column.role for c in blocks[-1]):
            blocks.append([])
        blocks[-1].append(column)
    return blocks if all(_names_a_log(block) for block in blocks) else [columns]


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


def _header(row: Row) -> list[Column] | None:
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
        for match in HEADER.finditer(" ".join(texts)):
            role = match.lastgroup or ""
            indices = [cell[n] for n, (s, e) in enumerate(offsets) if s < match.end() and e > match.start()]
            claimed.update(indices)
            columns.append(Column(role, row.xs[indices[0]][0], row.xs[indices[-1]][1],
                                  minutes=role == "hours" and bool(MINUTES_COLUMN.search(match.group())),
                                  name=match.group()))
    if not _names_a_log(columns) or len(row.words) > 3 * len(columns):
        return None
    for i, (x0, x1) in enumerate(row.xs):
        if i not in claimed and not set(row.words[i].word.text) <= RULE_MARKS:
            columns.append(Column("other", x0, x1))
    return sorted(columns, key=lambda c: c.x0)


def _names_a_log(columns: list[Column]) -> bool:
    """A log header names a date, a duration (or start and end times), and a session type or supervisor."""
    roles = {c.role for c in columns}
    timed = "hours" in roles or {"start", "end"} <= roles
    return "date" in roles and timed and bool(roles & {"format", "supervisor", *TICK_ROLES})


def _heading_word(p: Placed) -> str:
    """A scanned header word one letter off a column name ("puration", "Supervlsor") read as that name, or "I/G".

    Only long words (six letters or more), so a short word never turns into another; the row must still name
    a date, a duration and a type or supervisor column to be a header.
    """
    text = p.word.text
    if p.word.source == "ocr" and STROKE_PAIR.match(text):
        return "I/G"
    if p.word.source != "ocr" or len(text) < 6 or not text.isalpha():
        return text
    return next((name.capitalize() for name in HEADING_NAMES if _one_letter_off(text.lower(), name)), text)


def _one_letter_off(a: str, b: str) -> bool:
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


def _assign(row: Row, columns: list[Column]) -> list[Cells]:
    """Each word to the column whose span (from its header's left edge to the next header's) it overlaps most.

    One set of cells per block of columns (per table, when tables stand side by side under one header row). A rule
    mark is no word, unless it is a stroke standing under a format column's name: there it is an initial I.
    """
    blocks = _blocks(columns)
    block_of = {id(c): n for n, block in enumerate(blocks) for c in block}
    cells: list[Cells] = [{} for _ in blocks]
    edges = [c.x0 for c in columns[1:]]
    for p, (x0, x1) in zip(row.words, row.xs, strict=True):
        spans = zip([float("-inf"), *edges], [*edges, float("inf")], strict=True)
        overlaps = [min(x1, hi) - max(x0, lo) for lo, hi in spans]
        column = columns[overlaps.index(max(overlaps))]
        under_name = column.role == "format" and column.x0 <= (x0 + x1) / 2 <= column.x1
        if set(p.word.text) <= RULE_MARKS and not (under_name and STROKE.match(p.word.text)):
            continue
        cells[block_of[id(column)]].setdefault(column.role, []).append(p)
    return cells


def _cells_by_content(row: Row, evidence: list[Evidence]) -> Cells:
    """Without a header: a row led by a date, then format, hours and the supervisor's name in any order."""
    words = [p for p in row.words if not set(p.word.text) <= RULE_MARKS]
    lead = next((ev for ev in evidence if words and ev.label == "DATE" and ev.start == words[0].start), None)
    if lead is None:
        return {}
    cells: Cells = {"date": [p for p in words if p.start < lead.end]}
    rest = [p for p in words if p.start >= lead.end]
    cells["format"] = [p for p in rest if _in(p, evidence, ("FORMAT_INDIVIDUAL", "FORMAT_GROUP"))]
    rest = [p for p in rest if p not in cells["format"]]
    for i, p in enumerate(rest):
        if any(ch.isdigit() for ch in p.word.text):
            pair = rest[i:i + 2]
            cells["hours"] = pair if len(pair) == 2 and parse_hours(_text(pair)) else [p]
            cells["supervisor"] = [q for q in rest[i + len(cells["hours"]):]]
            break
    return cells


def _text(words: list[Placed]) -> str:
    return " ".join(p.word.text for p in words)


def _span(words: list[Placed]) -> tuple[int, int]:
    return min(p.start for p in words), max(p.end for p in words)


def _in(p: Placed, evidence: list[Evidence], labels: tuple[str, ...]) -> Evidence | None:
    return next((ev for ev in evidence if ev.label in labels and ev.start < p.end and ev.end > p.start), None)


class _SessionReader:
    """Turns row cells into session items, flagging what a person must check and every row it cannot read."""

    def __init__(self, doc: DocText, evidence: list[Evidence], default_supervisor: Found | None,
                 legend: dict[str, str]) -> None:
        self.doc, self.evidence, self.legend = doc, evidence, legend
        self.default_supervisor = default_supervisor
        self.year: int | None = None
        self.hours_form: str | None = None
        self.sessions: list[Session] = []
        self.flags: list[Flag] = []
        self.seen: dict[str, int] = {}
        self.last_date: ParsedDate | None = None

    def read(self, row: Row, cells: Cells, columns: list[Column] | None) -> None:
        """One session from a row's cells, a document flag when the row looks like a session but does not read."""
        date_words, hours_words = cells.get("date", []), cells.get("hours", [])
        if not any(ch.isdigit() for ch in _text(date_words)) and not (
                hours_words and parse_hours(_text(hours_words)) and cells.get("format")):
            return
        date, date_found, date_reasons = self._date(date_words)
        minutes = any(c.minutes for c in columns or [] if c.role == "hours")
        hours, hours_found, hours_reasons = self._duration(cells, minutes)
        if date is None or date_found is None or hours is None or hours_found is None:
            self.flags.append(missing(self.doc.document, "log.row_unreadable",
                                      f"A session row on page {row.page} ('{row.text[:60]}') could not be read."))
            return
        reasons = date_reasons + hours_reasons
        session_format, format_found = self._format(cells.get("format", []), reasons, cells)
        supervisor, supervisor_found = self._supervisor(cells.get("supervisor", []), columns, reasons)
        if not PLAUSIBLE_SESSION_HOURS[0] <= hours.hours <= PLAUSIBLE_SESSION_HOURS[1]:
            reasons.append("log.hours_implausible")
        if self.last_date is not None and date.date < self.last_date.date:
            reasons.append("log.date_out_of_order")
        self.last_date = date
        value = {"date": date.iso(), "hours": hours.hours, "format": session_format, "supervisor": supervisor}
        base = f"supervision_session:{value['date']}:{session_format}:{slug(supervisor or 'unknown')}"
        self.seen[base] = self.seen.get(base, 0) + 1
        sources = [date_found] + [f for f in (format_found, supervisor_found) if f is not None]
        self.sessions.append(Session(f"{base}:{self.seen[base]}", value, sources, hours_found, reasons))

    def _duration(self, cells: Cells, minutes: bool) -> tuple[ParsedHours | None, Found | None, list[str]]:
        """The hours cell, checked against the row's start and end times when the log has them.

        Times that span the cell's duration vouch for it (and for a restored decimal point). A cell that is missing,
        does not read, reads implausibly or only by a repair gives way to the times' span; a readable cell the times
        contradict is kept (a break may explain it). Both are flagged unless the log's total confirms the rows.
        """
        words = cells.get("hours", [])
        hours, repaired = _session_hours(_text(words), minutes, self.hours_form) if words else (None, False)
        found = Found(*_span(words), "log.hours_cell.v1", 0.96) if words else None
        timed = _time_span(cells)
        if timed is None:
            return hours, found, ["log.hours_repaired"] if repaired else []
        if hours is not None and found is not None and abs(hours.hours - timed[0].hours) <= TOLERANCE:
            return hours, replace(found, vouched=True), []
        if hours is None or repaired or not _plausible(hours):
            return *timed, ["log.hours_from_times"]
        return hours, found, ["log.hours_disagree_times"]

    def _date(self, words: list[Placed]) -> tuple[ParsedDate | None, Found | None, list[str]]:
        """A full date in the date cell, or a month/day completed by the year heading above it.

        A cell with no date span whose digit look-alikes make one ("1/il") is read that way and flagged.
        """
        start, end = _span(words) if words else (0, 0)
        inside = [ev for ev in self.evidence if ev.start >= start and ev.end <= end]
        full = next((ev for ev in inside if ev.label == "DATE"), None)
        if full is not None:
            return parse_date(full.text), Found(full.start, full.end, full.rule, full.score), []
        partial = next((ev for ev in inside if ev.label == "MONTH_DAY"), None)
        if partial is not None and self.year is not None:
            return (parse_month_day(partial.text, self.year),
                    Found(partial.start, partial.end, partial.rule, partial.score), [])
        repaired = repair_digits(_text(words)) if words and partial is None else None
        if repaired is None:
            return None, None, []
        date = parse_date(repaired) if repaired.count("/") == 2 or "-" in repaired else (
            parse_month_day(repaired, self.year) if self.year is not None else None)
        return date, Found(start, end, "log.date_lookalikes.v1", 0.9), ["log.date_repaired"]

    def _format(self, words: list[Placed], reasons: list[str], cells: Cells | None = None,
                ) -> tuple[str | None, Found | None]:
        """Individual or group, from the cell's words, an abbreviation the log's legend defines, or a tick column."""
        if not words and cells is not None and any(role in cells for role in TICK_ROLES):
            return self._ticked(cells, reasons)
        if words:
            start, end = _span(words)
            ev = next((e for e in self.evidence if e.label in ("FORMAT_INDIVIDUAL", "FORMAT_GROUP")
                       and e.start >= start and e.end <= end), None)
            if ev is not None:  # the cell is the option word and nothing else: a closed vocabulary read whole
                whole = self.doc.slice(start, end).strip(" .,;:|[]_") == ev.text.strip(" .")
                return ev.label.split("_")[1].lower(), Found(ev.start, ev.end, ev.rule, ev.score, vouched=whole)
            defined = self.legend.get(_text(words).lower().rstrip("."))
            if defined:  # the cell is one of the legend's abbreviations, read whole
                return defined, Found(start, end, "log.format_legend.v1", 0.95, vouched=True)
            if STROKE.match(_text(words)) and self.legend.get("i") == "individual":
                reasons.append("log.format_repaired")
                return "individual", Found(start, end, "log.format_stroke_initial.v1", 0.85)
        reasons.append("log.format_missing" if not words else "log.format_unreadable")
        return None, None

    def _ticked(self, cells: Cells, reasons: list[str]) -> tuple[str | None, Found | None]:
        """The one tick column marked in this row; none, both or a cell that is not a mark is a person's question."""
        marked = {role: cells[role] for role in TICK_ROLES if cells.get(role)}
        if len(marked) == 1:
            role, words = next(iter(marked.items()))
            if all(TICK.match(p.word.text) for p in words):  # the column says which; the glyph only that it is a mark
                return role, Found(*_span(words), "log.format_tick.v1", 0.93, vouched=True)
        reasons.append("log.format_unreadable" if marked else "log.format_missing")
        return None, None

    def _supervisor(self, words: list[Placed], columns: list[Column] | None,
                    reasons: list[str]) -> tuple[str | None, Found | None]:
        """The row's supervisor cell; the log's named supervisor when the table has no such column."""
        while len(words) > 1 and words[0].word.text.isdigit():  # a spreadsheet's row number run into the name
            words = words[1:]
        if words:
            name = _text(words).strip(" |[]_")
            if not NAME.match(name):
                reasons.append("log.supervisor_unclear")
            return name, Found(*_span(words), "log.supervisor_cell.v1", 0.95)
        has_column = columns is None or any(c.role == "supervisor" for c in columns)
        if has_column or self.default_supervisor is None:
            reasons.append("log.supervisor_missing")
        found = self.default_supervisor
        return (self.doc.slice(found.start, found.end) if found else None), found


def _hours(text: str, minutes: bool) -> ParsedHours | None:
    """A duration cell; a bare number under a minutes heading is minutes (a total may be thousands of them)."""
    bare = BARE_MINUTES.fullmatch(text.strip()) if minutes else None
    if bare is not None:
        return ParsedHours(hours=round(float(bare[0].replace(",", "")) / 60.0, 2), converted=True, form="minutes")
    parsed = parse_hours(text)
    if parsed is not None and minutes and parsed.form == "bare":
        return ParsedHours(hours=round(parsed.hours / 60.0, 2), converted=True, form="minutes")
    return parsed


def _plausible(hours: ParsedHours | None) -> bool:
    return hours is not None and PLAUSIBLE_SESSION_HOURS[0] <= hours.hours <= PLAUSIBLE_SESSION_HOURS[1]


def _session_hours(text: str, minutes: bool, form: str | None = None) -> tuple[ParsedHours | None, bool]:
    """A session's duration, and whether it was read by restoring a decimal point OCR lost or turned into a colon.

    "15" or "1:5" in a session row is "1.5" read badly: no session lasts 15 hours, and a clock time has two
    digits of minutes. In a column whose durations share one form ("1.5", or "1:30"), a cell out of that form
    is rewritten in it. The repaired value is kept only when it is a plausible session, and is flagged.
    """
    parsed = _hours(text, minutes)
    if minutes:
        return parsed, False
    out_of_form = form is not None and (written_form(text) != form or not _plausible(parsed))
    if form is not None and out_of_form and (in_form := repair_in_form(text, form)) is not None:
        repaired = _hours(in_form, minutes)
        if _plausible(repaired):
            return repaired, True
    if _plausible(parsed):
        return parsed, False
    cleaned = text.strip(" .;:|()")
    for pattern, replacement in REPAIRS:
        repaired = _hours(pattern.sub(replacement, cleaned), minutes) if pattern.match(cleaned) else None
        if _plausible(repaired):
            return repaired, True
    return parsed, False


def _time_span(cells: Cells) -> tuple[ParsedHours, Found] | None:
    """The hours from a row's start to its end time, when both read and the span is a plausible session."""
    start_words, end_words = cells.get("start", []), cells.get("end", [])
    start, end = _clock_time(_text(start_words)), _clock_time(_text(end_words))
    if start is None or end is None:
        return None
    hours = ParsedHours(hours=round((end - start) / 60, 2), converted=False, form="times")
    if not _plausible(hours):
        return None
    return hours, Found(*_span(start_words + end_words), "log.hours_from_times.v1", 0.9)


def _clock_time(text: str) -> int | None:
    """Minutes after midnight of a time of day, 12- or 24-hour."""
    match = CLOCK_TIME.match(text.strip())
    if match is None or int(match[1]) > 23:
        return None
    hour = int(match[1]) % 12 + (12 if match[3].lower() == "p" else 0) if match[3] else int(match[1])
    return hour * 60 + int(match[2])


def _vouch_names(doc: DocText, sessions: list[Session], named: Found | None) -> list[Session]:
    """Supervisor cells whose name was read confidently elsewhere (another row, the log's named supervisor) are vouched.

    Tesseract often scores a short right word (a first name) low, or loses a capital; the same name read with
    confidence in another place of the same log confirms it, in that place's spelling. A name read only once, or
    only doubtfully, keeps its own confidence.
    """
    confident: dict[str, str] = {}
    cells = [s.sources[-1] if s.sources[-1].rule == "log.supervisor_cell.v1" else None for s in sessions]
    for found in [*cells, named]:
        if found is not None and doc.confidence(found.start, found.end) >= LOW_OCR_CONFIDENCE:
            text = one_line(doc.slice(found.start, found.end)).strip(" |[]_")
            if NAME.match(text):
                confident.setdefault(text.casefold(), text)
    vouched = []
    for session, cell in zip(sessions, cells, strict=True):
        spelling = confident.get((session.value["supervisor"] or "").casefold())
        if cell is not None and spelling is not None:  # the same name; OCR may have lost a capital ("vesna")
            cell = Found(cell.start, cell.end, cell.rule, cell.score, vouched=True)
            reasons = [r for r in session.reasons if r != "log.supervisor_unclear"]
            session = replace(session, sources=[*session.sources[:-1], cell], reasons=reasons,
                              value={**session.value, "supervisor": spelling})
        vouched.append(session)
    return vouched


def _stated_total(doc: DocText, rows: list[Row], rows_sum: float, minutes_log: bool = False):  # noqa: ANN202
    """The log's own total (its last `Total ...` row), flagged when it disagrees with the sum of its rows.

    A total that names no unit is in the unit of the log's duration column ("TOTAL 1410" under "Duration (min)").
    """
    totals = [(row, m) for row in rows if (m := TOTAL_LINE.match(row.text.strip())) and not SUBTOTAL.search(m["label"])]
    if not totals:
        return None
    row, match = totals[-1]
    value = match["value"] or ""
    value_words = [p for p in row.words if p.word.text in value.split()] or list(row.words)
    found = Found(*_span(value_words), "log.total.v1", 0.97)
    label = match["label"]
    minutes = bool(MINUTES_COLUMN.search(label)) or (minutes_log and not re.search(r"(?i)\bh(?:ou)?rs?\b", label))
    stated = _hours(value, minutes) if value else None
    if stated is None:
        return build_item(doc, "supervision_total", "supervision_total",
                          {"stated_total": None, "rows_sum": rows_sum}, [found], ["log.total_unreadable"])
    agrees = abs(stated.hours - rows_sum) <= TOLERANCE  # a misread total would not equal the rows' sum
    found = Found(found.start, found.end, found.rule, found.score, vouched=agrees)
    return build_item(doc, "supervision_total", "supervision_total",
                      {"stated_total": stated.hours, "rows_sum": rows_sum}, [found],
                      [] if agrees else ["log.total_mismatch"])
