"""RS/C logs: one item per session row (date, hours, format, supervisor) and the log's stated total.

A log is a table. Its header row names the columns (Date, Format, Hours or Duration, Supervisor or Led by,
in any order and among others); each later row's words are given to the column whose span they share
most, after undoing the page's tilt, so a row reads the same whether its cells are far apart (a ruled
table), one space apart (a fixed-width export) or on a scan tilted by a degree or two. A log without a
recognisable header is read cell by cell from rows that start with a date.

The table's rows and columns are found in `extractors.log_columns`, the session rows read in
`extractors.log_rows`; this module is the kind's entry point: it puts the log's rows under their headers and
year headings, reads them, and checks the log's stated total against their sum.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from extractors.dates import written_order
from extractors.fields import (
    DISPUTED_SCORE,
    LOW_OCR_CONFIDENCE,
    Extraction,
    Found,
    build_item,
    by_strength,
    labelled,
    missing,
)
from extractors.forms import one_line
from extractors.hours import ParsedHours, column_form, parse_hours, written_form
from extractors.layout import DocText, Placed
from extractors.log_columns import (
    CHARGE,
    MINUTES_COLUMN,
    MONEY,
    RULE_MARKS,
    Cells,
    Column,
    Row,
    assign_cells,
    cell_span,
    cell_text,
    duration_by_type,
    format_legend,
    header_columns,
    table_blocks,
    visual_rows,
)
from extractors.log_datetime import times_from_date
from extractors.log_rows import (
    CARRIED,
    NAME,
    NOT_A_PERSON,
    TOLERANCE,
    Session,
    SessionReader,
    cell_hours,
    counts_sessions,
    session_hours,
    split_hours,
)
from extractors.log_rows import PLAUSIBLE_SESSION_HOURS as PLAUSIBLE_SESSION_HOURS
from extractors.log_sections import row_sections
from extractors.log_tally import tally_rows
from extractors.log_type_notes import check_note_type
from extractors.nlp import Evidence

SUPERVISOR_TIERS = (
    r"rs\s*/\s*c\s+provider|(?:name\s+of\s+(?:the\s+)?)?(?:reflective|rs\s*/\s*c)\s+"
    r"(?:supervisor\s*/\s*consultant|consultant\s*/\s*supervisor|supervisor|consultant)(?:'s)?(?:\s+name)?",
    r"(?:name\s+of\s+(?:the\s+)?)?(?:primary\s+|lead\s+)?"
    r"(?:supervisor\s*/\s*consultant|consultant\s*/\s*supervisor|supervisor|consultant)(?:'s)?(?:\s+name)?",
    r"clinical\s+(?:supervisor|consultant)(?:'s)?(?:\s+name)?|mentor(?:'s)?"
    r"(?:\s+name)?|(?:supervised|provided|facilitated|led)\s+by|facilitator",
)
"""The labels of the log's one named supervisor, the most specific first: the RS/C provider or reflective
supervisor, then a supervisor or consultant, then a clinical supervisor, a mentor, a facilitator or "Supervised by",
who may lead other work. Never an "Agency supervisor", who oversees the job and not the reflective work."""
TITLE_TAIL = re.compile(r"\s*,.*$")
"""A name's credential or job title after a comma ("Ann Lee, LCSW", "Hal Moss, Program Director"): not the name."""
YEAR_HEADING = re.compile(r"^(?:(?:sessions?|year|calendar\s+year|month)\b[^\d]{0,24})?((?:19|20)\d{2})\s*:?$", re.I)
NOT_A_SESSION = re.compile(r"^\s*[A-Za-z][A-Za-z /'-]{0,30}:|\bpage\s+\d+(?:\s+of\s+\d+)?\s*$", re.I)
"""A labelled line ("Month: July 2023", "Hours this month: 2.0") or a page footer between a log's rows: never a row."""
TOTAL_LINE = re.compile(r"^(?:\d{1,4}\s+)?(?:(?:grand|overall|log|cumulative)\s+|(?:hours|hrs|time)\s+)?"
                        r"(?:totals?|sum|combined(?=\s+(?:hours|hrs|time)\b))\b"
                        r"(?P<label>(?:[^:\d(]|\([^)]*\))*?)\s*:?\s*(?P<value>\d.*)?$", re.I)
"""A log's total row, its unit perhaps in brackets ("Total time (h:mm): 40:00", "Sum of contact time: 18.5 hours",
"Hours total: 40", "Combined hours: 40", a foot row "Totals"); its value may be unreadable on a scan (the row is then
an unreadable total, not nothing)."""
NAME_CELLS = ("log.supervisor_cell.v1", "log.supervisor_in_description.v1", "log.supervisor_section_heading.v1")
"""Rules that read a row's supervisor name (a cell of its own, the end of the session's description, or the heading
of its section)."""
SUBTOTAL = re.compile(r"\b(?:page|sub)", re.I)
OTHER_TOTAL = re.compile(r"\bto[\s-]+date\b|\bytd\b|\ball\s+logs\b"
                         r"|\btotal\s+(?:(?:number|no\.?)\s+of\s+)?sessions?\b(?!\s*\(?(?:hours|hrs|time|length))"
                         r"|\b(?:brought|carried)\s+forward\b|\bprevious(?:ly)?\b", re.I)
"""A total that is not the log's own: hours over all logs so far ("Total to date", "Year-to-date total",
"Total of all logs", "Brought forward"), or a count of sessions ("Total sessions: 2", "Total number of sessions").
A total over "all sheets", "all pages" or "all sessions" is the log's own, and so are its session hours ("Total
session hours"). A "Cumulative total" at a log's foot is most often the log's own, and a sum it does not equal is
flagged."""
TableRow = tuple[Row, Cells, list[Column] | None, int | None]
"""A row that may be a session: its cells, the header columns (of its table) it sits under, its year heading."""


_hours, _session_hours = cell_hours, session_hours
"""The duration readers under the names this module gave them before the split (the tests read them here)."""


def extract(doc: DocText, evidence: list[Evidence]) -> Extraction:
    """Sessions from the rows under a header (or rows led by a date); the stated total checked against them."""
    result = Extraction()
    rows = visual_rows(doc)
    default_supervisor = _named_supervisor(doc)
    table = _table_rows(rows, evidence)
    legend = format_legend(doc.text, [c for _, _, columns, _ in table for c in columns or []])
    reader = SessionReader(doc, evidence, default_supervisor, legend)
    reader.hours_form = column_form([cell_text(cells.get("hours", [])) for _, cells, _, _ in table])
    reader.date_order = written_order([cell_text(cells.get("date", [])) for _, cells, _, _ in table])
    running_cells = [cell_text(cells.get("running", [])) for _, cells, _, _ in table if cells.get("running")]
    reader.running_form = _running_form(running_cells, reader.hours_form)
    tally = counts_sessions(running_cells)
    reader.last_running = _carried_forward(rows, table)
    reader.running_counts, reader.tally_odd = tally_rows(doc, table, reader.last_running) if tally else (False, set())
    reader.running_vouches = not tally
    filled = {id(row): sum(1 for words in cells.values() if words) for row, cells, columns, _ in table if columns}
    sections = row_sections(rows, evidence, filled, _applicants(doc))
    firsts: list[int] = []
    for row, cells, columns, year in table:
        reader.year = year
        section = sections.get(id(row))
        if section is not None and not section.same(reader.section):  # dates run in order within a section
            reader.last_date = None
            firsts.append(len(reader.sessions))
        reader.section = section
        read = len(reader.sessions)
        reader.read(row, times_from_date(cells, columns), columns)  # "03/11/25 2:00-3:30": its span checks the hours
        if len(reader.sessions) > read:  # a note in the row may say another type than its cell's or heading's
            check_note_type(reader.sessions[-1], cells, evidence)
    reader.sessions = _outside_log(_vouch_names(doc, reader.sessions, default_supervisor), firsts)
    rows_sum = round(sum(s.value["hours"] for s in reader.sessions), 2)
    minutes_log = any(c.minutes for _, _, columns, _ in table for c in columns or [] if c.role == "hours" or c.timed)
    split = any(c.role == "minutes" for _, _, columns, _ in table for c in columns or [])
    total = _stated_total(doc, rows, rows_sum, minutes_log, split)
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
    elif total is None:  # a log's total cross-checks its rows: when none is read, a person sees the check is missing
        result.flags.append(missing(doc.document, "log.total_missing",
                                    f"No stated total was read, so the rows' sum ({rows_sum} h) is unchecked."))
    return result


APPLICANT_LABEL = (r"(?:name\s+of\s+(?:the\s+)?)?(?:applicant|supervisee|candidate|endorsee|consultee)(?:['’]s)?"
                   r"(?:\s+name)?")
"""The label of the person the log is for ("Applicant: Jane Doe", "Supervisee's name: Jane Doe"): never a provider."""


def _applicants(doc: DocText) -> frozenset[str]:
    """The labelled applicant's name as the label's line gives it (other values may follow on the line), casefolded."""
    found = labelled(doc, APPLICANT_LABEL, "log.applicant.v1")
    return frozenset() if found is None else frozenset({" ".join(doc.slice(found.start, found.end).casefold().split())})


DATE_SLACK_DAYS = 183
"""How far before or after all of a log's other sessions, or before its own section's next one, a section's first
session may fall and still be in it."""


def _outside_log(sessions: list[Session], firsts: list[int]) -> list[Session]:
    """A section's first session (and the log's) dated well apart from the sessions after it is flagged.

    A section's dates run from its own first one, which no row above it checks: a year misread there ("2023" in a
    log of 2024) would pass. More than half a year before or after every other session of the log, or after its own
    section's next session or more than half a year before it, is a date a person checks (the next row's date out of
    order may be the first's misread, not its own).
    """
    dates = [date.fromisoformat(s.value["date"]) for s in sessions]
    checked = list(sessions)
    starts = sorted({0, *firsts})
    slack = timedelta(days=DATE_SLACK_DAYS)
    for n in starts:
        others = dates[:n] + dates[n + 1:]
        if n >= len(sessions) or not others:
            continue
        apart = dates[n] < min(others) - slack or dates[n] > max(others) + slack
        if n + 1 < len(sessions) and n + 1 not in starts:  # its own section's next session
            apart = apart or not dates[n + 1] - slack <= dates[n] <= dates[n + 1]
        if apart:
            checked[n] = replace(sessions[n], reasons=[*sessions[n].reasons, "log.date_outside_log"])
    return checked


def _running_form(cells: list[str], hours_form: str | None) -> str | None:
    """The form a running column is written in: its own cells', or else the hours column's when one of its own shows it.

    With too few cells to say (`column_form`), the hours column's form holds when one running cell is written that
    way too ("1:30" then "3.30": a colon read as a point).
    A running column of whole and decimal hours beside an h:mm hours column ("1", "3", "5.5" by "2:00") shows no
    h:mm of its own: its decimals are read as written.
    """
    own = column_form(cells)
    if own is not None:
        return own
    if hours_form == "colon" and _minutes_after_point(cells):
        return "colon"  # "3.30", "4.15" beside "2:00": h.mm, never 3.3 h; a bare "2" says no form
    return hours_form if hours_form is not None and hours_form in {written_form(cell) for cell in cells} else None


LEADER = r"(?:_{2,}|\.{3,}|…+)"
"""A printed blank or dot leaders on a form's line ("______", "......")."""
CARRIED_BLANK = re.compile(rf"^\s*(?:(?:of\s+)?(?:hours|hrs\.?)\s*)?[:=\-–]?\s*{LEADER}(?=\s|$)(?!\s*\d)", re.I)
"""A carry line's printed blank left empty ("Hours brought forward: ______"): a first sheet, nothing carried. A
blank or leaders with a number after them lead to the hours carried ("Balance forward ........ 2.5")."""
CARRIED_VALUE = re.compile(r"^\s*(?:(?:of\s+)?(?:hours|hrs\.?)\s*)?(?:from\s+(?:page|sheet|p\.)\s*\d{1,3}\s*)?"
                           rf"[:=\-–]?\s*(?:{LEADER}\s*)?(\d{{1,4}}(?:[.:]\d{{1,2}})?)(?![\d/.:])"
                           r"(?!\s*(?:sessions?|meetings?|visits?|contacts?|entries|rows?)\b)", re.I)
"""The hours right after a carry line's phrase, its colon or its leaders ("... forward: 12.5", "B/F from page 1 -
3:30 hrs"): a number further on is something else ("Sheet 1", "on line 1"), and so is a count of sessions ("B/F 2
sessions, 2.5 hrs": the first sheet's hours are then unchecked)."""


def _minutes_after_point(cells: list[str]) -> bool:
    """Running cells whose parts after a point are all two digits under 60 ("3.30", "4.15"): as likely minutes.

    A point read for a colon (or written for one) beside h:mm durations: the cells may be h.mm, not decimal hours.
    """
    parts = [text.strip(" |").partition(".")[2] for text in cells if "." in text]
    return bool(parts) and all(len(part) == 2 and part.isdigit() and int(part) < 60 for part in parts)


def _carried_forward(rows: list[Row], table: list[TableRow]) -> float | None:
    """Where a log's running total starts: 0, or the hours a line above its first row carries forward.

    A sheet that continues an earlier one starts its running total from the hours carried over, so its first
    row's step is that total less them. A carry line whose hours do not read leaves the first row unchecked (None).
    A carry line below the rows ("Carried forward to next sheet") is the sheet's end, not its start.
    """
    first = next((n for n, row in enumerate(rows) for entry in table[:1] if row is entry[0]), len(rows))
    carried = [row for row in rows[:first] if CARRIED.search(row.text)]
    if not carried:
        return 0.0
    phrase = ([None] + list(CARRIED.finditer(carried[-1].text)))[-1]  # "carried forward from last sheet: 12.5"
    rest = carried[-1].text[phrase.end():] if phrase else ""
    if CARRIED_BLANK.match(rest):
        return 0.0
    value = CARRIED_VALUE.match(rest) if phrase else None
    hours = parse_hours(value[1]) if value else None
    return hours.hours if hours is not None else None


def _named_supervisor(doc: DocText) -> Found | None:
    """The log's named supervisor: the strongest label's person, without a title after a comma; a body is no one.

    A single word before the comma ("Lee, Ann") may be a surname written first: the whole is read, for a person.
    """
    found = by_strength(doc, SUPERVISOR_TIERS, lambda label: labelled(doc, label, "log.supervisor.v1"),
                        lambda text: " ".join(TITLE_TAIL.sub("", text).casefold().split()))  # one person, titled or not
    if found is None:
        return None
    text = doc.slice(found.start, found.end)
    name = TITLE_TAIL.sub("", text)
    if NOT_A_PERSON.search(name) or not name.strip():
        return None
    if name != text and len(name.split()) < 2:  # "Lee, Ann": a surname first, or a name cut short: a person reads it
        return replace(found, score=min(found.score, DISPUTED_SCORE))
    return replace(found, end=found.start + len(name))


def _table_rows(rows: list[Row], evidence: list[Evidence]) -> list[TableRow]:
    """The rows that may be sessions, each with its cells, the header it sits under and the year heading above it.

    Under a header that names its columns twice (two tables side by side), the left table's rows come first.
    """
    table: list[TableRow] = []
    section: list[list[TableRow]] = []
    columns: list[Column] | None = None
    year: int | None = None
    header_seen = any(header_columns(row) for row in rows)
    for row in rows:
        text = row.text.strip()
        header = header_columns(row)
        if header:
            table += [entry for block in section for entry in block]
            columns, section = header, [[] for _ in table_blocks(header)]
            continue
        heading = YEAR_HEADING.match(text)
        if heading:
            year = int(heading.group(1))
            continue
        if TOTAL_LINE.match(text) or NOT_A_SESSION.search(text):
            continue
        if columns is not None:
            for block, entries, cells in zip(table_blocks(columns), section, assign_cells(row, columns), strict=True):
                entries.append((row, duration_by_type(cells, block), block, year))
        elif not header_seen:
            table.append((row, _cells_by_content(row, evidence), None, year))
    return table + [entry for block in section for entry in block]


def _cells_by_content(row: Row, evidence: list[Evidence]) -> Cells:
    """Without a header: a row led by a date, then format, hours and the supervisor's name in any order.

    A number right after the hours ("1 30") may be the length's minutes: it is kept apart, for a doubt.

    Money (a statement's rate and amount) is none of them: "120 $40/h $80.00" is 120 and nothing else.
    """
    words = [p for p in row.words if not set(p.word.text) <= RULE_MARKS]
    lead = next((ev for ev in evidence if words and ev.label == "DATE" and ev.start == words[0].start), None)
    if lead is None:
        return {}
    cells: Cells = {"date": [p for p in words if p.start < lead.end]}
    rest = [p for p in words if p.start >= lead.end]
    cells["format"] = [p for p in rest if _in(p, evidence, ("FORMAT_INDIVIDUAL", "FORMAT_GROUP"))]
    rest = [p for p in rest if p not in cells["format"] and not MONEY.search(p.word.text)]  # a fee is no cell
    for i, p in enumerate(rest):
        if any(ch.isdigit() for ch in p.word.text):
            pair = rest[i:i + 2]
            cells["hours"] = pair if len(pair) == 2 and parse_hours(cell_text(pair)) else [p]
            after = rest[i + len(cells["hours"]):]
            if after and any(ch.isdigit() for ch in after[0].word.text):  # "1 30": perhaps hours then minutes
                cells["unsure_part"], after = after[:1], after[1:]
            cells["supervisor"] = after
            break
    return cells


def _in(p: Placed, evidence: list[Evidence], labels: tuple[str, ...]) -> Evidence | None:
    return next((ev for ev in evidence if ev.label in labels and ev.start < p.end and ev.end > p.start), None)


def _vouch_names(doc: DocText, sessions: list[Session], named: Found | None) -> list[Session]:
    """Supervisor cells whose name was read confidently elsewhere (another row, the log's named supervisor) are vouched.

    Tesseract often scores a short right word (a first name) low, or loses a capital; the same name read with
    confidence in another place of the same log confirms it, in that place's spelling. A name read only once, or
    only doubtfully, keeps its own confidence.
    """
    confident: dict[str, str] = {}
    cells = [s.sources[-1] if s.sources[-1].rule in NAME_CELLS else None for s in sessions]
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


def _stated_total(doc: DocText, rows: list[Row], rows_sum: float, minutes_log: bool = False,  # noqa: ANN202
                  split: bool = False):
    """The log's own total (its last `Total ...` row), flagged when it disagrees with the sum of its rows.

    A total that names no unit is in the unit of the log's duration column ("TOTAL 1410" under "Duration (min)");
    under an hours and a minutes column, two bare numbers are the total's hours and minutes ("TOTAL 52 30").
    A total of money (a statement's "Total billed: $2,530.00", beside its total time) is no total of hours.
    """
    totals = [(row, m) for row in rows if (text := _total_text(row)) and (m := TOTAL_LINE.match(text))
              and not SUBTOTAL.search(m["label"]) and not MONEY.search(text) and not CHARGE.search(m["label"])
              and not OTHER_TOTAL.search(text[:m.start("value")] if m["value"] else text)]
    if not totals:
        return None
    row, match = totals[-1]
    value = match["value"] or ""
    value_words = [p for p in row.words if p.word.text in value.split()] or list(row.words)
    found = Found(*cell_span(value_words), "log.total.v1", 0.97)
    label = match["label"]
    minutes = bool(MINUTES_COLUMN.search(label)) or (minutes_log and not re.search(r"(?i)\bh(?:ou)?rs?\b", label))
    stated = _split_total(value) if split else None
    stated = stated or (cell_hours(value, minutes) if value else None)
    if stated is None:
        return build_item(doc, "supervision_total", "supervision_total",
                          {"stated_total": None, "rows_sum": rows_sum}, [found], ["log.total_unreadable"])
    agrees = abs(stated.hours - rows_sum) <= TOLERANCE  # a misread total would not equal the rows' sum
    found = Found(found.start, found.end, found.rule, found.score, vouched=agrees)
    return build_item(doc, "supervision_total", "supervision_total",
                      {"stated_total": stated.hours, "rows_sum": rows_sum}, [found],
                      [] if agrees else ["log.total_mismatch"])


def _total_text(row: Row) -> str:
    """A row's text from where its total starts: the whole row, or the field after labelled fields beside it.

    A report's foot may set its fields side by side ("Appointments listed: 17      Total duration: 28.0"): the
    total is a later field when each field before it is a label and its one short value.
    """
    text = row.text.strip()
    rest = text
    while not TOTAL_LINE.match(rest) and (field := LABELLED_FIELD.match(rest)):
        rest = rest[field.end():]
    return rest if TOTAL_LINE.match(rest) else text


LABELLED_FIELD = re.compile(r"^[A-Za-z][A-Za-z /'#.-]{0,40}:\s*[^\s:]+\s+")
"""A label and its one-word value ("Sessions: 17", "Appointments listed: 17") before another field on its line."""


SPLIT_TOTAL = re.compile(r"^(\d{1,4})\s+(\d{1,2})$")
"""A total row's value under an hours and a minutes column: its hours, then its minutes."""


def _split_total(value: str) -> ParsedHours | None:
    """The hours of a total written in a log's hours and minutes columns ("52 30"); else None."""
    match = SPLIT_TOTAL.match(value.strip())
    return split_hours(match[1], match[2]) if match else None
