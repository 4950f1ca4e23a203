"""Reading an RS/C log's session rows: the date, duration, format and supervisor cells of each row.

A duration cell is checked against the row's start and end times, repaired when OCR lost its decimal point, and
read as minutes under a minutes heading; a format cell may be an option word, a legend's abbreviation or a tick.
The cells come from `extractors.log_columns`; `extractors.supervision` runs the reader over a log's rows and
checks its stated total.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from statistics import median
from typing import Any

from extractors.dates import ParsedDate, parse_date, parse_in_order, parse_month_day, repair_digits
from extractors.fields import LOW_OCR_CONFIDENCE, Found, build_item, missing, slug
from extractors.hours import ParsedHours, parse_hours, repair_in_form, written_form
from extractors.layout import CELL_GAP_EM, DocText, Placed
from extractors.log_columns import (
    STROKE,
    TICK_ROLES,
    WORD_GAP_EM,
    Cells,
    Column,
    Row,
    cell_span,
    cell_text,
    one_letter_off,
)
from extractors.log_sections import TYPES, Section, in_section
from extractors.nlp import Evidence
from pipeline.models import Flag, Item

TICK = re.compile(r"^(?:[xX]{1,3}|[✓✔☒☑■*+]|><|\[[xX]\])$")
"""A mark in a tick column: an X (which OCR often reads doubled or tripled, "Xx", "XxX"), a check, a filled box."""
BARE_MINUTES = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")
NAME = re.compile(r"^[A-Z][\w.'-]*(?:\s+[A-Za-z][\w.'-]*)*$")
TOLERANCE = 0.05
PLAUSIBLE_SESSION_HOURS = (0.25, 4.0)
"""A session outside this range is more likely a misread ("1.5" read as "15") than a real session."""
REPAIRS = [(re.compile(r"^(\d):(\d)$"), r"\1.\2"), (re.compile(r"^(\d)(\d{1,2})$"), r"\1.\2"),
           (re.compile(r"^[lIt!](\s*h\s*[0-5]\d\s*m)$"), r"1\1")]
"""Lost decimal points: "1:5" and "15" (or "150") for "1.5"; a 1 read as a letter before its h: "th 30m", "lh 00m"."""
CLOCK_TIME = re.compile(r"^(\d{1,2})[:.]([0-5]\d)\s*(?:([ap])\.?\s*m\.?)?$", re.I)
"""A time of day in a start or end cell: "3:30 PM", "10.30 a.m.", "15:30"."""
TIME_RANGE = re.compile(r"^\s*(\S+(?:\s*[ap]\.?\s*m\.?)?)\s*(?:-|–|—|to)\s*(\S+(?:\s*[ap]\.?\s*m\.?)?)\s*$", re.I)
"""A time column's cell holding a session's start and end ("2:30 PM - 4:00 PM", "9:00-10:30", "1.30 to 3.00")."""
NAMED_BY = re.compile(r"^(?:with|by)$", re.I)
"""The word before the supervisor's name in a session's description: "supervision with Ann Lee", "led by Ann Lee"."""
NOT_A_PERSON = re.compile(r"(?i)&|\b(?:and|services?|cent(?:er|re)|start|team|program(?:me)?|agency|clinic|department"
                          r"|group|staff|famil(?:y|ies)|network|institute|association|board|committee|partners?)\b")
"""Words that make what follows "with" or "by" a body or several people, not the one supervisor."""
SERVICE_SHAPE = re.compile(r"(?i)^(?:(?:individual|indiv|ind|group|grp|one[\s-](?:on|to)[\s-]one"
                           r"|1[\s-]?(?:on|to|:)[\s-]?1|dyadic)\.?|reflective|rs\s*/\s*c|supervision|consultation"
                           r"|session|meeting|[\s,/-])+$")
"""A service cell that is only its type and words naming the meeting ("Individual consultation", "Group RS/C
session"): sure of its type. A word beyond that shape ("Group dynamics training") is a question."""
ORDER_AMBIGUOUS = frozenset({"date.numeric_dash_ambiguous.v1", "date.numeric_dotted_ambiguous.v1"})
"""Rules of a dashed or dotted date whose parts could be day or month (05-06-2023): the log's other dates may say."""
COLUMN_ORDER_SCORE = 0.9
"""Such a date read in the order another date of its log shows (21-04-2023 above it: day first)."""
DESCRIBED_SCORE = 0.92
"""A format or supervisor read from a description's words, not from a cell of its own."""
LONE_TIMED_SCORE = 0.75
"""A format read from the one column of durations named with a type, the other type having none of its own."""
RATE = re.compile(r"^[$€£]?(\d{1,4}(?:\.\d{1,2})?)\s*/\s*(?:h|hr|hour)\.?$", re.I)
AMOUNT = re.compile(r"^[$€£](\d{1,3}(?:,\d{3})*(?:\.\d{2})?|\d+(?:\.\d{2})?)$")
"""A statement row's hourly rate ("$90/h") and the amount it bills ("$135.00"): the rate times the time."""
CHECKS = {"log.hours_from_times.v1": ("log.hours_from_times", "log.hours_disagree_times"),
          "log.hours_from_amount.v1": ("log.hours_from_amount", "log.hours_disagree_amount"),
          "log.hours_from_running.v1": ("log.hours_from_running", "log.hours_disagree_running")}
"""A duration's cross-checks (start and end times; a billed amount over its rate; the running total's step from the
row above), with their two doubts."""
RUNNING_VALUE = re.compile(r"^\d{1,4}(?:[.:]\d{1,2})?$")
"""A running total's cell: a number of hours, decimal or h:mm ("17.5", "26:30")."""
HOURS_LOOKALIKES = str.maketrans({"L": "1", "l": "1", "I": "1", "|": "1", "!": "1", "S": "5", "s": "5", "O": "0",
                                  "o": "0"})
"""Letters OCR reads for the digits of a short duration cell ("LS" for 15, "L.5" for 1.5): read back, and flagged."""
LOOKALIKE_CELL = re.compile(r"^[\dLlI|!SsOo]{1,2}(?:[.:][\dLlI|!SsOo]{1,2})?$")
"""A duration cell of at most four characters, a digit's look-alike letters among them."""
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
LETTER_LOOKALIKES = str.maketrans({"0": "o", "1": "l", "|": "l", "5": "s"})
"""Digits OCR may read for a month name's letters ("0ctober", "Ju1y")."""
MONTH_DATE_PARTS = re.compile(r"^([A-Za-z0][A-Za-z015|]{2,8})\.?\s*(\d{1,2})[\s,;:.'`~-]*((?:19|20)\d{2})$")
"""A month-name date as OCR may garble it: the day run into the month ("April9"), marks before the year ("9,;-2025")."""
RUNNING_GUESS = "log.hours_from_running"
HOURS_DOUBTS = tuple(reason for reason in ("log.hours_repaired", *(r for pair in CHECKS.values() for r in pair))
                     if reason != RUNNING_GUESS)
"""Reasons to doubt a row's hours that a stated total equal to the rows' sum settles. Never a duration taken from a
running total's step: the steps of a running total always add up to its last value, which the log's total repeats,
so an agreeing total says nothing of a misread running cell (it moves one step's hours into the next)."""
OTHER_FORM_MARK = {"colon": ".", "decimal": ":"}
"""The mark of the other form in a column of h:mm or of decimal hours: in a running total's cell, a misread one."""
DITTO = re.compile(r"""^(?:["'`“”″〃]{1,2}|,,|-\s*["”]\s*-|-?\s*do\.?\s*-?|ditto|same(?:\s+day)?)$""",
                   re.I)
"""A date cell that repeats the one above it: a ditto mark (OCR reads it as one or two quotes), "do.", "ditto"."""
CARRIED = re.compile(r"\b(?:(?:brought|carried|balance)\s+(?:forward|over)|b\s*/\s*f"
                     r"|from\s+(?:the\s+)?(?:previous|prior|last)\s+(?:sheet|page|log|month|period))\b", re.I)
"""A line that carries hours forward from an earlier sheet ("Hours brought forward: 12.5", "B/F 12.5")."""
DITTO_SCORE = 0.7
"""A date taken from the row above a ditto mark: a person checks the mark was one."""


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


class SessionReader:
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
        self.date_order: str | None = None
        """The order the log's dashed or dotted dates are written in, when one of them says (`written_order`)."""
        self.last_running: float | None = 0.0
        """The running total of the row above, read well (0 before a log's first row, or the hours a line above the
        log carries forward); None when it did not read."""
        self.running_form: str | None = None
        """The form the log's running totals are written in ("decimal" or "colon"), when most of its cells say."""
        self.running_counts = False
        """The running column counts sessions (`counts_sessions`): its steps are no hours and check none."""
        self.tally_odd: set[int] = set()
        """Rows (by id) whose hours equal their step on a column that counts sessions, unlike most (`log_tally`)."""
        self.running_vouches = True
        """A running step equal to a cell vouches for it; not when the column may count sessions though headed as
        hours (1, 2, 3 under "Hours to date"): its steps still give or doubt a duration, but confirm none."""
        self.section: Section | None = None
        """The section of the log the row sits in, whose heading names its type and provider (`log_sections`)."""

    def read(self, row: Row, cells: Cells, columns: list[Column] | None) -> None:
        """One session from a row's cells, a document flag when the row looks like a session but does not read."""
        date_words, hours_words = cells.get("date", []), cells.get("hours", [])
        ditto = bool(DITTO.match(cell_text(date_words).strip())) and self.last_date is not None
        if not ditto and not any(ch.isdigit() for ch in cell_text(date_words)) and not (
                hours_words and parse_hours(cell_text(hours_words)) and cells.get("format")):
            self._undated(row, cells)
            return
        date, date_found, date_reasons = self._ditto(date_words) if ditto else self._date(date_words)
        minutes = any(c.minutes for c in columns or [] if c.role == "hours" or (c.timed and cells.get(c.role)))
        split = any(c.role == "minutes" for c in columns or [])
        running, self.last_running = self.last_running, self._running_total(cells.get("running", []))
        hours, hours_found, hours_reasons = self._duration(cells, minutes, split, running)
        if date is None or date_found is None or hours is None or hours_found is None:
            self.flags.append(missing(self.doc.document, "log.row_unreadable",
                                      f"A session row on page {row.page} ('{row.text[:60]}') could not be read."))
            return
        reasons = date_reasons + hours_reasons + (["log.hours_equal_tally_step"] if id(row) in self.tally_odd else [])
        if WHOLE_NUMBER.match(cell_text(cells.get("unsure_part", [])).strip(" .")):
            reasons.append("log.hours_unsure")  # a number beside the duration may be a part of it left unread
        elif _not_a_time_range(cells.get("times", [])):
            reasons.append("log.hours_unsure")  # a "Time" column of numbers may hold the duration's hours part
        session_format, format_found, supervisor, supervisor_found = self._type_and_supervisor(cells, columns, reasons)
        if self.section is not None:
            session_format, format_found, supervisor, supervisor_found = in_section(
                self.section, session_format, format_found, supervisor, supervisor_found, reasons)
        if _cut(row, cells.get("supervisor", [])):
            reasons.append("log.cell_split")
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

    def _undated(self, row: Row, cells: Cells) -> None:
        """A row without a date that states hours or a running total: flagged, its running total kept for the next.

        A second session the same day may leave its date blank; a faint date may not read at all. Its hours are no
        less in the log's total, and the next row's running step must start from this row's total, not the one above.
        A row carrying hours forward from an earlier sheet starts the running total, and is no session.
        """
        hours_words, running_words = cells.get("hours", []), cells.get("running", [])
        if running_words:
            self.last_running = self._running_total(running_words)
        if _carry_row(cells):  # the hours an earlier sheet carries into the running total: no session
            return
        if (hours_words and parse_hours(cell_text(hours_words))) or (running_words and self.last_running is not None):
            self.flags.append(missing(self.doc.document, "log.row_unreadable",
                                      f"A row on page {row.page} ('{row.text[:60]}') states hours but no date."))

    def _ditto(self, words: list[Placed]) -> tuple[ParsedDate | None, Found | None, list[str]]:
        """The date of the row above, for a date cell that is a ditto mark: flagged, the mark may be a speck."""
        return self.last_date, Found(*cell_span(words), "log.date_ditto.v1", DITTO_SCORE), ["log.date_ditto"]

    def _running_total(self, words: list[Placed]) -> float | None:
        """The hours a row's running-total cell states, when it reads as a number with a good OCR confidence.

        A cell in the other form than its column's ("3.30" among "2:00", "4:30": a colon read as a point) is
        not read: 3.3 hours is not what was written.
        """
        text = cell_text(words).strip(" |")
        if not words or self.running_counts or not RUNNING_VALUE.match(text):
            return None
        if self.running_form is not None and OTHER_FORM_MARK[self.running_form] in text:
            return None
        parsed = parse_hours(text)
        start, end = cell_span(words)
        return parsed.hours if parsed is not None and self.doc.confidence(start, end) >= LOW_OCR_CONFIDENCE else None

    def _duration(self, cells: Cells, minutes: bool, split: bool = False,
                  running: float | None = None) -> tuple[ParsedHours | None, Found | None, list[str]]:
        """The hours cell, checked against the row's start and end times when the log has them.

        Times that span the cell's duration vouch for it (and for a restored decimal point), as does a statement's
        amount over its hourly rate, or a running total's step from the row above (`running`, that row's total). A
        cell that is missing, does not read, reads implausibly, only by a repair or with a low OCR confidence gives way
        to the check's hours; a cell read well that the check contradicts is kept (a break or a discount may explain
        it). Both are flagged unless the log's total confirms the rows.
        """
        words = cells.get("hours", [])
        if split:  # a length in an hours and a minutes column: the two cells together are the duration
            hours, repaired, words = _split_cells(cells)
            found = Found(*cell_span(words), "log.hours_split_cells.v1", 0.96) if words else None
        else:
            hours, repaired = session_hours(cell_text(words), minutes, self.hours_form) if words else (None, False)
            found = Found(*cell_span(words), "log.hours_cell.v1", 0.96) if words else None
        timed = _time_span(cells) or _billed_span(cells) or _running_step(cells, running, self.last_running)
        if timed is None:
            return hours, found, ["log.hours_repaired"] if repaired else []
        taken, disagree = CHECKS[timed[1].rule]
        if hours is not None and found is not None and abs(hours.hours - timed[0].hours) <= TOLERANCE:
            vouched = self.running_vouches or timed[1].rule != "log.hours_from_running.v1"
            return hours, replace(found, vouched=vouched), []
        if hours is None or found is None or repaired or not _plausible(hours) or (
                self.doc.confidence(found.start, found.end) < LOW_OCR_CONFIDENCE):
            return *timed, [taken]
        return hours, found, [disagree]

    def _date(self, words: list[Placed]) -> tuple[ParsedDate | None, Found | None, list[str]]:
        """A full date in the date cell, or a month/day completed by the year heading above it.

        A cell with no date span (or one that does not parse) whose digit look-alikes make one ("1/il"), or whose
        month name OCR garbled ("duly 9, 2025"), is read that way and flagged.
        """
        start, end = cell_span(words) if words else (0, 0)
        inside = [ev for ev in self.evidence if ev.start >= start and ev.end <= end]
        full = next((ev for ev in inside if ev.label == "DATE"), None)
        if full is not None and full.rule in ORDER_AMBIGUOUS and self.date_order is not None:
            return (parse_in_order(full.text, self.date_order),
                    Found(full.start, full.end, "log.date_in_column_order.v1", COLUMN_ORDER_SCORE), [])
        parsed = parse_date(full.text) if full is not None else None
        if full is not None and parsed is not None:  # a span shaped like a date that does not parse may be repaired
            return parsed, Found(full.start, full.end, full.rule, full.score), []
        partial = next((ev for ev in inside if ev.label == "MONTH_DAY"), None)
        if partial is not None and self.year is not None:
            return (parse_month_day(partial.text, self.year),
                    Found(partial.start, partial.end, partial.rule, partial.score), [])
        text = cell_text(words)
        digits = repair_digits(text) if words else None
        month = repair_month_date(text) if words and digits is None else None
        if month is not None:
            return parse_date(month), Found(start, end, "log.date_month_repaired.v1", 0.9), ["log.date_repaired"]
        if digits is None:
            return None, None, []
        date = parse_date(digits) if digits.count("/") == 2 or "-" in digits else (
            parse_month_day(digits, self.year) if self.year is not None else None)
        return date, Found(start, end, "log.date_lookalikes.v1", 0.9), ["log.date_repaired"]

    def _format(self, words: list[Placed], reasons: list[str], cells: Cells | None = None,
                columns: list[Column] | None = None) -> tuple[str | None, Found | None]:
        """Individual or group, from the cell's words, an abbreviation the log's legend defines, or a tick column."""
        if not words and cells is not None and any(role in cells for role in TICK_ROLES):
            return self._ticked(cells, reasons, columns or [])
        if words:
            start, end = cell_span(words)
            ev = next((e for e in self.evidence if e.label in ("FORMAT_INDIVIDUAL", "FORMAT_GROUP")
                       and e.start >= start and e.end <= end), None)
            if ev is not None:  # the cell is the option word and nothing else: a closed vocabulary read whole
                whole = self.doc.slice(start, end).strip(" .,;:|[]_") == ev.text.strip(" .")
                return ev.label.split("_")[1].lower(), Found(ev.start, ev.end, ev.rule, ev.score, vouched=whole)
            defined = self.legend.get(cell_text(words).lower().rstrip("."))
            if defined:  # the cell is one of the legend's abbreviations, read whole: read, not guessed from a shape
                read = self.doc.confidence(start, end) >= LOW_OCR_CONFIDENCE
                return defined, Found(start, end, "log.format_legend.v1", 0.95, vouched=read)
            if STROKE.match(cell_text(words)) and self.legend.get("i") == "individual":
                reasons.append("log.format_repaired")
                return "individual", Found(start, end, "log.format_stroke_initial.v1", 0.85)
        reasons.append("log.format_missing" if not words else "log.format_unreadable")
        return None, None

    def _described_format(self, words: list[Placed], reasons: list[str],
                          sure_shape: bool = False) -> tuple[str | None, Found | None]:
        """Individual or group, the one option word a session's description names; both or neither is a question.

        With `sure_shape` (a service column beside a supervisor column of its own), the cell is sure only when it is
        the option word and words naming the meeting ("Individual consultation", "Group RS/C session"); any other
        word ("Group dynamics training") may make the option word something else than the session's type.
        """
        start, end = cell_span(words)
        named = [e for e in self.evidence if e.label in ("FORMAT_INDIVIDUAL", "FORMAT_GROUP")
                 and e.start >= start and e.end <= end]
        if len({e.label for e in named}) != 1:
            reasons.append("log.format_unreadable" if named else "log.format_missing")
            return None, None
        if sure_shape and not SERVICE_SHAPE.match(cell_text(words).strip(" .,;:|[]_")):
            reasons.append("log.format_in_service_unsure")
        return named[0].label.split("_")[1].lower(), Found(named[0].start, named[0].end,
                                                           "log.format_in_description.v1", DESCRIBED_SCORE)

    def _type_and_supervisor(self, cells: Cells, columns: list[Column] | None, reasons: list[str]
                             ) -> tuple[str | None, Found | None, str | None, Found | None]:
        """A row's session type and supervisor, from its description, service cell or format and supervisor cells.

        Whichever its log has; a type another cell of the row contradicts is a question.
        """
        described = _described(cells, columns)
        if described:
            session_format, format_found = self._described_format(described, reasons)
            return (session_format, format_found, *self._described_supervisor(described, reasons))
        if serviced := _service_cell(cells, columns):
            session_format, format_found = self._described_format(serviced, reasons, sure_shape=True)
            if self._named_elsewhere(session_format, cells, "description"):
                reasons.append("log.format_disagrees_row")
        else:
            session_format, format_found = self._format(cells.get("format", []), reasons, cells, columns)
            if _disagrees_with_column(session_format, cells, columns):
                reasons.append("log.format_disagrees_column")
            elif self._named_elsewhere(session_format, cells, "format"):
                reasons.append("log.format_disagrees_row")
        return (session_format, format_found, *self._supervisor(cells.get("supervisor", []), columns, reasons))

    def _named_elsewhere(self, session_format: str | None, cells: Cells, read_role: str) -> bool:
        """Whether another cell of the row names the other session type than the one its type cell says.

        A service or format cell says the session's type; a category, note or any other cell of the same row
        naming the other type ("Group" beside "Individual consultation", a note "held as group") makes it a question.
        """
        words = [p for role, cell in cells.items() if role != read_role for p in cell]
        named = {TYPES[e.label] for e in self.evidence if e.label in TYPES
                 and any(p.start <= e.start < p.end for p in words)}
        return session_format is not None and bool(named - {session_format})

    def _described_supervisor(self, words: list[Placed], reasons: list[str]) -> tuple[str | None, Found | None]:
        """The name that ends a session's description after "with" or "by"; else the log's named one, flagged."""
        marks = [n for n, p in enumerate(words) if NAMED_BY.match(p.word.text)]
        name_words = words[marks[-1] + 1:] if marks else []
        name = cell_text(name_words).strip(" .,;")
        capitalised = name[:1].upper() + name[1:]
        if (2 <= len(name_words) <= 4 and name_words[-1].word.text[:1].isupper() and NAME.match(capitalised)
                and not NOT_A_PERSON.search(name)):
            if not all(p.word.text[:1].isupper() for p in name_words):
                reasons.append("log.supervisor_unclear")  # a capital OCR lost ("vesna Lee"), or not a name at all
            return name, Found(*cell_span(name_words), "log.supervisor_in_description.v1", DESCRIBED_SCORE)
        return self._supervisor([], None, reasons)  # flagged: the log's named supervisor, if any, is only a guess

    def _ticked(self, cells: Cells, reasons: list[str], columns: list[Column]) -> tuple[str | None, Found | None]:
        """The one tick column marked in this row; none, both or a cell that is not a mark is a person's question.

        In a column of durations ("Individual (min)") the mark is the row's duration, read as one. That says the
        type only when the other type has a column of durations too: beside a tick column, or no column at all, the
        one typed column may be a misread header or hold every session's time, so a person checks.
        """
        marked = {role: cells[role] for role in TICK_ROLES if cells.get(role)}
        timed = {c.role for c in columns if c.timed}
        if len(marked) == 1:
            role, words = next(iter(marked.items()))
            if role in timed and parse_hours(cell_text(words)) and timed >= set(TICK_ROLES):
                return role, Found(*cell_span(words), "log.format_by_column.v1", 0.95, vouched=True)
            if role in timed and parse_hours(cell_text(words)):  # the column its duration sits in is its only cue
                reasons.append("log.format_by_column_alone")
                return role, Found(*cell_span(words), "log.format_by_column.v1", LONE_TIMED_SCORE)
            if all(TICK.match(p.word.text) for p in words):  # the column says which; the glyph only that it is a mark
                return role, Found(*cell_span(words), "log.format_tick.v1", 0.93, vouched=True)
        reasons.append("log.format_unreadable" if marked else "log.format_missing")
        return None, None

    def _supervisor(self, words: list[Placed], columns: list[Column] | None,
                    reasons: list[str]) -> tuple[str | None, Found | None]:
        """The row's supervisor cell; the log's named supervisor when the table has no such column."""
        while len(words) > 1 and words[0].word.text.isdigit():  # a spreadsheet's row number run into the name
            words = words[1:]
        kept = _without_specks(words, self.doc)
        if len(kept) < len(words):  # a mark taken for a speck may be a letter of the name: a person checks
            reasons.append("log.supervisor_speck_dropped")
        words = kept
        if words:
            name = cell_text(words).strip(" |[]_")
            if not NAME.match(name):
                reasons.append("log.supervisor_unclear")
            return name, Found(*cell_span(words), "log.supervisor_cell.v1", 0.95)
        has_column = columns is None or any(c.role == "supervisor" for c in columns)
        if has_column or self.default_supervisor is None:
            reasons.append("log.supervisor_missing")
        found = self.default_supervisor
        return (self.doc.slice(found.start, found.end) if found else None), found


SPECK_LENGTH = 2
"""At most this many characters: a mark OCR read as a letter ("a", "'."), not a word of a name."""


def _without_specks(words: list[Placed], doc: DocText) -> list[Placed]:
    """A name cell without the specks after it (`_speck`): a mark far right of the name, in the table's margin.

    Never down to one word: a short surname a wide gap after the first name ("Mei   Wu") is read faintly too.
    """
    while len(words) > 2 and _speck(words[-1], words[-2], doc):
        words = words[:-1]
    return words


def _speck(p: Placed, before: Placed, doc: DocText) -> bool:
    """A short, doubtful word a wide gap past a name's last word: a speck or stroke on the paper, no part of it."""
    height = max(before.word.bbox[3] - before.word.bbox[1], 1.0)
    return (len(p.word.text) <= SPECK_LENGTH and doc.confidence(p.start, p.end) < LOW_OCR_CONFIDENCE
            and p.word.bbox[0] - before.word.bbox[2] > CELL_GAP_EM * height)


def _disagrees_with_column(session_format: str | None, cells: Cells, columns: list[Column] | None) -> bool:
    """Whether a format cell names one type while the row's duration sits in the other type's column."""
    typed = {c.role for c in columns or [] if c.timed and cells.get(c.role)}
    return session_format is not None and bool(typed) and session_format not in typed


def _service_cell(cells: Cells, columns: list[Column] | None) -> list[Placed]:
    """A session's service cell ("Individual consultation"), when its log has a supervisor column but no format one.

    With no format or tick column, the service a row names says the session's type.
    """
    roles = {c.role for c in columns or []}
    return [] if roles & {"format", *TICK_ROLES} or "supervisor" not in roles else cells.get("description", [])


def _described(cells: Cells, columns: list[Column] | None) -> list[Placed]:
    """A session's description words, when its log has neither a format nor a supervisor column to read instead."""
    roles = {c.role for c in columns or []}
    return [] if roles & {"format", "supervisor", *TICK_ROLES} else cells.get("description", [])


def _cut(row: Row, words: list[Placed]) -> bool:
    """Whether a column edge cut this cell's phrase, so that the value read is only part of what is written.

    A word of another column is a single space from the cell's first or last word, as words of one phrase
    are ("Nadia | Brackwell" under a header that gave the surname a column of its own): a person checks it.
    Columns of a fixed-width export stand two spaces apart or more.
    """
    if not words:
        return False
    inside = {id(p) for p in words}
    index = [n for n, p in enumerate(row.words) if id(p) in inside]
    height = median(max(p.word.bbox[3] - p.word.bbox[1], 1.0) for p in words)
    before, after = index[0] - 1, index[-1] + 1
    return (before >= 0 and row.xs[index[0]][0] - row.xs[before][1] <= WORD_GAP_EM * height) or (
        after < len(row.words) and row.xs[after][0] - row.xs[index[-1]][1] <= WORD_GAP_EM * height)


def cell_hours(text: str, minutes: bool) -> ParsedHours | None:
    """A duration cell; a bare number under a minutes heading is minutes (a total may be thousands of them)."""
    bare = BARE_MINUTES.fullmatch(text.strip()) if minutes else None
    if bare is not None:
        return ParsedHours(hours=round(float(bare[0].replace(",", "")) / 60.0, 2), converted=True, form="minutes")
    parsed = parse_hours(text)
    if parsed is not None and minutes and parsed.form == "bare":
        return ParsedHours(hours=round(parsed.hours / 60.0, 2), converted=True, form="minutes")
    return parsed


DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "i": "1", "|": "1", "!": "1"})
"""Letters OCR reads for the digits of a short number cell ("i 00", "1 3O"): read back, and flagged."""
WHOLE_NUMBER = re.compile(r"^\d{1,4}$")
RULE_BESIDE_DIGITS = re.compile(r"^\|\s*(?=\d)|(?<=\d)\s*\|$")
"""A stroke at a number's edge ("1 |", "| 30"): a table's rule OCR read with the cell, no digit."""
BLANK_PART = re.compile(r"^(?:[-–—_]+|)$")
"""An hours or minutes cell left empty or dashed: none of that unit ("2 | –" is two hours). On a scan only a dash
says so: an empty cell may be a digit OCR lost, or a 1 it took for a table's rule."""


def split_hours(hour_text: str, minute_text: str) -> ParsedHours | None:
    """A length written in two cells, whole hours and minutes ("1" and "30", "0" and "45"); else None.

    An empty or dashed cell is none of its unit; minutes of 60 or more, a fraction or a word is no such length,
    and neither is a row with both cells empty. A stroke beside a digit ("1 |") is a table's rule; a stroke
    standing alone in its cell is no blank: it may be a scanned 1.
    """
    parts = [_rule_off(text.strip(" .")) for text in (hour_text, minute_text)]
    if all(BLANK_PART.match(part) for part in parts):
        return None
    if not all(WHOLE_NUMBER.match(part) or BLANK_PART.match(part) for part in parts):
        return None
    hours, minutes = (int(part) if WHOLE_NUMBER.match(part) else 0 for part in parts)
    if minutes >= 60:
        return None
    return ParsedHours(hours=round(hours + minutes / 60, 2), converted=False, form="split")


def _rule_off(text: str) -> str:
    """A cell's text without a table's rule read beside its digits ("1 |", "| 30")."""
    return RULE_BESIDE_DIGITS.sub("", text).strip(" .")


def _split_cells(cells: Cells) -> tuple[ParsedHours | None, bool, list[Placed]]:
    """A row's hours and minutes cells read as one duration; whether only by reading letters as digits; their words.

    OCR reads a short number cell's 1 or 0 as a letter ("i 00", "1 3O"): read back only when the cells do not read
    as written, and flagged.
    """
    texts = cell_text(cells.get("hours", [])), cell_text(cells.get("minutes", []))
    words = cells.get("hours", []) + cells.get("minutes", [])
    hours = split_hours(*texts)
    if hours is not None:  # an empty cell on a scan may be a digit lost: read as none of its unit, and flagged
        scanned = any(p.word.source == "ocr" for p in words)
        return hours, scanned and any(not text.strip() for text in texts), words
    hours = split_hours(*(text.translate(DIGIT_LOOKALIKES) for text in texts))
    return hours, hours is not None, words


def repair_month_date(text: str) -> str | None:
    """A date cell whose month name OCR garbled, written out again ("duly 9, 2025" to "July 9, 2025"); else None.

    The month is the one month name the word begins, or the one it is a letter off (a word of four letters or
    more); a word a letter off two months ("Juny") is no month. Only for a log's date column, and flagged.
    """
    match = MONTH_DATE_PARTS.match(" ".join(text.split()))
    if match is None:
        return None
    word = match[1].lower().translate(LETTER_LOOKALIKES)
    months = [m for m in MONTHS if m.startswith(word) or (len(word) >= 4 and one_letter_off(word, m))]
    if len(months) != 1:
        return None
    return f"{months[0].capitalize()} {int(match[2])}, {match[3]}"


def _plausible(hours: ParsedHours | None) -> bool:
    return hours is not None and PLAUSIBLE_SESSION_HOURS[0] <= hours.hours <= PLAUSIBLE_SESSION_HOURS[1]


def session_hours(text: str, minutes: bool, form: str | None = None) -> tuple[ParsedHours | None, bool]:
    """A session's duration, and whether it was read by restoring a decimal point OCR lost or turned into a colon.

    "15" or "1:5" in a session row is "1.5" read badly: no session lasts 15 hours, and a clock time has two
    digits of minutes. In a column whose durations share one form ("1.5", or "1:30"), a cell out of that form
    is rewritten in it. The repaired value is kept only when it is a plausible session, and is flagged.
    """
    parsed = cell_hours(text, minutes)
    if minutes:
        return parsed, False
    out_of_form = form is not None and (written_form(text) != form or not _plausible(parsed))
    if form is not None and out_of_form and (in_form := repair_in_form(text, form)) is not None:
        repaired = cell_hours(in_form, minutes)
        if _plausible(repaired):
            return repaired, True
    if _plausible(parsed):
        return parsed, False
    cleaned = text.strip(" .;:|()")
    if LOOKALIKE_CELL.match(cleaned) and not cleaned.replace(".", "").replace(":", "").isdigit():
        cleaned = cleaned.translate(HOURS_LOOKALIKES)  # "LS", "L.5": a 1 and a 5 read as letters
        read = cell_hours(cleaned, minutes)
        if form is not None and (in_form := repair_in_form(cleaned, form)) is not None:
            read = cell_hours(in_form, minutes)
        if _plausible(read):
            return read, True
    for pattern, replacement in REPAIRS:
        repaired = cell_hours(pattern.sub(replacement, cleaned), minutes) if pattern.match(cleaned) else None
        if _plausible(repaired):
            return repaired, True
    return parsed, False


CARRY_CELLS = ("date", "description", "format", *TICK_ROLES)
"""The cells a carry row names itself in ("Brought forward" under the date or the description): not a note's."""


CARRY_LEAD = re.compile(r"^[\s|]*(?:(?:total|hours?|hrs\.?|time|balance)\s+)*$", re.I)
"""What may stand before a carry row's phrase: "Hours brought forward", "Total b/f"; a note's words may not."""


def _carry_row(cells: Cells) -> bool:
    """A row that carries an earlier sheet's hours into the running total or its hours column: no session.

    Its leading cells start with the carry ("Brought forward", "Hours b/f"), its hours in either column. A note
    that only mentions a carry ("Goals carried over") names no carry row: the row is a session of its own.
    """
    text = " ".join(cell_text(cells.get(role, [])) for role in CARRY_CELLS)
    carry = CARRIED.search(text)
    return carry is not None and bool(CARRY_LEAD.match(text[:carry.start()]))


def counts_sessions(texts: list[str]) -> bool:
    """A running column that may count sessions, whatever its header says: whole numbers, most going up by 1.

    A tally ("Running tally", "Total to date": 1, 2, 3) steps by one session a row; read as hours, each step would
    vouch for any hours cell misread as 1. Hours whose every session lasts one hour look the same. A tally is still
    one when OCR misreads a number in it (1, 2, 8, 4), a no-show row repeats the count (2, 2) or each monthly sheet
    starts it again at 1: most of its numbers still follow the one before (`_tally_step`). A cell in parts of an
    hour makes the column hours.
    """
    cells = [text.strip(" |") for text in texts]
    if any(RUNNING_VALUE.match(text) and not text.isdigit() for text in cells):
        return False  # a step in parts of an hour: hours
    numbers = [(n, int(text)) for n, text in enumerate(cells) if text.isdigit()]
    steps = [_tally_step(numbers[max(k - 2, 0):k], *numbers[k]) for k in range(1, len(numbers))]
    return len(numbers) >= 2 and 2 * sum(steps) > len(steps)


def _tally_step(before: list[tuple[int, int]], row: int, number: int) -> bool:
    """A number that goes on a tally after the (row, number)s above it.

    One more a row than the last (rows whose cell did not read between them), the same (a row that is no session),
    1 (a new sheet's count), or as many more than the one before the last as rows lie between them (that one misread).
    """
    (last_row, last), (first_row, first) = before[-1], before[0]
    return number - last in (0, row - last_row) or number == 1 or (
        len(before) == 2 and number - first == row - first_row)


def _not_a_time_range(words: list[Placed]) -> bool:
    """Whether a time column's cell holds a number that is no span of two times: maybe a part of the duration.

    A clock time alone ("10:00 AM", "14:30", "9.30") is the session's start, no part of its length.
    """
    text = cell_text(words)
    return any(ch.isdigit() for ch in text) and not TIME_RANGE.match(text) and not CLOCK_TIME.match(text.strip())


def _time_span(cells: Cells) -> tuple[ParsedHours, Found] | None:
    """The hours from a row's start to its end time, when both read and the span is a plausible session."""
    start_words, end_words = cells.get("start", []), cells.get("end", [])
    start, end = _clock_time(cell_text(start_words)), _clock_time(cell_text(end_words))
    if not start_words and not end_words and (ranged := TIME_RANGE.match(cell_text(cells.get("times", [])))):
        start, end = _clock_time(ranged[1]), _clock_time(ranged[2])
        start_words = cells["times"]
    if start is None or end is None:
        return None
    hours = ParsedHours(hours=round((end - start) / 60, 2), converted=False, form="times")
    if not _plausible(hours):
        return None
    return hours, Found(*cell_span(start_words + end_words), "log.hours_from_times.v1", 0.9)


def _running_step(cells: Cells, before: float | None, now: float | None) -> tuple[ParsedHours, Found] | None:
    """The hours a running-total column adds on this row: its total less the row above's, both read well.

    A log that keeps a running total beside each session's hours ("Hours | Running") states every duration twice.
    """
    if before is None or now is None:
        return None
    hours = ParsedHours(hours=round(now - before, 2), converted=False, form="running")
    if not _plausible(hours):
        return None
    return hours, Found(*cell_span(cells["running"]), "log.hours_from_running.v1", 0.9)


def _billed_span(cells: Cells) -> tuple[ParsedHours, Found] | None:
    """The hours a statement row bills: its one amount over its one hourly rate, when that is a plausible session."""
    words = [p for role_words in cells.values() for p in role_words]
    rates = [(p, float(m[1])) for p in words if (m := RATE.match(p.word.text))]
    amounts = [(p, float(m[1].replace(",", ""))) for p in words if (m := AMOUNT.match(p.word.text))]
    if len(rates) != 1 or len(amounts) != 1 or not rates[0][1]:
        return None
    hours = ParsedHours(hours=round(amounts[0][1] / rates[0][1], 2), converted=False, form="billed")
    if not _plausible(hours):
        return None
    return hours, Found(*cell_span([rates[0][0], amounts[0][0]]), "log.hours_from_amount.v1", 0.9)


def _clock_time(text: str) -> int | None:
    """Minutes after midnight of a time of day, 12- or 24-hour."""
    match = CLOCK_TIME.match(text.strip())
    if match is None or int(match[1]) > 23:
        return None
    hour = int(match[1]) % 12 + (12 if match[3].lower() == "p" else 0) if match[3] else int(match[1])
    return hour * 60 + int(match[2])
