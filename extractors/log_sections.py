"""An RS/C log kept in sections: a heading line above each section's table names its sessions' type and provider.

A log kept provider by provider (or type by type) heads each section with a line such as "Individual consultation
with Ann Lee" or "Group RS/C led by Hal Moss (continued)", and its rows have no format or supervisor cell of their
own: each row under the heading takes them from it. A section ends at the next heading, at a total line (its
subtotal, or the log's total) and at the end of its page (a sheet that goes on with it says so again); a row outside
every section reads only its own cells and is flagged as before.

The rows themselves are read in `extractors.log_rows`; `extractors.supervision` says which section each row is in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extractors.fields import Found
from extractors.layout import Placed
from extractors.log_columns import RULE_MARKS, Row, cell_span, cell_text, header_columns
from extractors.nlp import Evidence

NAMED_BY = re.compile(r"^(?:with|by)$", re.I)
"""The word before the provider's name in a heading: "supervision with Ann Lee", "led by Ann Lee"."""
SUPERVISION_WORD = re.compile(r"^(?:led|facilitated|provided|supervised|given|delivered|offered|moderated"
                              r"|supervision|consultation|rs\s*/\s*c|rsc|sessions?|meetings?|contacts?"
                              r"|individual|group|dyadic|one-(?:to|on)-one)[,:]?$", re.I)
"""What "with" or "by" must follow to name the sessions' provider: a verb of leading them ("led by", "facilitated by")
or a word for the sessions ("consultation with", "RS/C with", "sessions with"). After any other word it names who
kept, signed or attended the log ("log kept by", "sessions attended by") or how the sessions were held ("held by
telephone")."""
HONORIFIC = re.compile(r"^(?:dr|mr|mrs|ms|mx|prof|rev|revd)\.?$", re.I)
"""A courtesy title before a name ("Dr. Ann Lee"): not a word of the name."""
CREDENTIAL_OR_ROLE = re.compile(
    r"^\(?(?:LCSW|LICSW|LMSW|LMFT|LPC|LPCC|LCPC|LMHC|LP|LLP|PhD|PsyD|EdD|MD|MA|MS|MSW|MEd|MSEd|BCBA|RN|NP|OTR(?:/L)?"
    r"|(?:CCC-)?SLP|IMH-E\S*|IECMH-E\S*|RPT|(?:Clinical\s*)?(?:Supervisor|Consultant|Facilitator|Mentor|Provider"
    r"|Clinician|Director|Coordinator|Therapist|Specialist|Manager))\)?[.,;:]?$")
"""A credential or role written with a name but no comma ("Ann Lee LCSW", "Supervisor Ann Lee", "Ann Lee
Facilitator", "Ann Lee (IMH-E)"): not a word of the name."""
CONTINUED = re.compile(r"^[(\[]?(?:continued|cont(?:'?d)?\.?|contd\.?)[)\]]?[.:]?$", re.I)
"""A heading restated on a later sheet: "(continued)", "(cont'd)", "contd."."""
PERSON_WORD = re.compile(r"^[A-Z][A-Za-z.'-]*[,:]?$")
"""A word of a person's name in a heading: capitalised (a comma may end the name before a credential, a colon
before a subtotal's hours)."""
NOT_A_PERSON = re.compile(r"(?i)&|\b(?:and|services?|cent(?:er|re)|teams?|program(?:me)?|agency|clinic|department"
                          r"|group|staff|famil(?:y|ies)|network|institute|association|board|committee|partners?"
                          r"|supervisors|consultants|providers|facilitators|peers|colleagues|clinicians"
                          r"|video|conference|telephone|phone|call|zoom|webex|virtual|online|person|remote)\b")
"""Words that make what follows "with" or "by" a body or several people, or the way the sessions were held ("by
Video Conference", "by Telephone Call"), not the one provider."""
SECTION_END = re.compile(r"^\s*(?:(?:sub|section|page|grand|overall)[\s-]*)?totals?\b", re.I)
"""A total line ("Subtotal with Ann Lee: 12.0 hrs", "Total of all sessions"): the end of the section above it."""
HEADING_WORDS = 12
"""At most this many words: a heading names a type and a person; a longer line is a sentence or a note."""
TYPES = {"FORMAT_INDIVIDUAL": "individual", "FORMAT_GROUP": "group"}
NAME_UNSURE = "log.section_name_unsure"
"""The heading's provider is not of a sure name's shape (`_name`): a person reads the heading."""
SECTION_SCORE = 0.92
"""A format or supervisor read from the heading of the section a row sits in, not from a cell of its own."""


@dataclass(frozen=True)
class Section:
    """What a section's heading says of every session under it: their type and their provider, each where read."""

    format: str | None
    format_found: Found | None
    supervisor: str
    supervisor_found: Found
    page: int
    doubt: str | None = None
    """Why the heading's provider is in doubt: the section's total line names another, or the name is not of a sure
    name's shape (`_name`)."""

    def same(self, other: Section | None) -> bool:
        """Whether another heading goes on with this section (the same type and provider, "continued" or not)."""
        return other is not None and (other.format, other.supervisor.casefold()) == (
            self.format, self.supervisor.casefold())


def section_heading(row: Row, evidence: list[Evidence], not_provider: frozenset[str] = frozenset()) -> Section | None:
    """The type and provider a heading line names: "<type> ... with|by <Name>", with nothing after the name.

    "with" or "by" follows a word of leading or of the sessions (`SUPERVISION_WORD`). The name is two to four
    capitalised words (a courtesy title, a credential or a role beside it dropped); a body ("with the Family Team"),
    two people ("with Ann Lee and Hal Moss"), a way of meeting ("by Video Conference") or a person who is no provider
    (`not_provider`: the applicant) is none. The type is the one session type the words before it name; a heading
    that names none or both gives the provider alone.
    """
    words = [p for p in row.words if not set(p.word.text) <= RULE_MARKS]
    if not words or len(words) > HEADING_WORDS or any(ch.isdigit() for ch in row.text) or header_columns(row):
        return None
    while words and (CONTINUED.match(words[-1].word.text) or not any(c.isalnum() for c in words[-1].word.text)):
        words = words[:-1]  # "(continued )": OCR may part a bracket from its word
    marks = [n for n, p in enumerate(words) if NAMED_BY.match(p.word.text)]
    if not marks or marks[-1] == 0 or not SUPERVISION_WORD.match(words[marks[-1] - 1].word.text):
        return None
    name_words, unsure = _name(words[marks[-1] + 1:])
    name = name_text(name_words)
    if not 2 <= len(name_words) <= 4 or NOT_A_PERSON.search(name) or _named(name, not_provider):
        return None
    start, end = cell_span(words[:marks[-1]])
    named = {ev.label: ev for ev in evidence if ev.label in TYPES and ev.start >= start and ev.end <= end}
    kind = next(iter(named.values())) if len(named) == 1 else None
    return Section(format=TYPES[kind.label] if kind else None,
                   format_found=Found(kind.start, kind.end, "log.format_section_heading.v1", SECTION_SCORE)
                   if kind else None,
                   supervisor=name,
                   supervisor_found=Found(*cell_span(name_words), "log.supervisor_section_heading.v1", SECTION_SCORE),
                   page=row.page, doubt=NAME_UNSURE if unsure else None)


NAME_UNREAD = "log.section_name_unread"
"""A heading's provider is not read as a name ("with Ann van der Berg", "with Okafor, Ann"): the rows under it take
what it says as written, for a person to read."""


def unread_heading(row: Row, evidence: list[Evidence], not_provider: frozenset[str] = frozenset()) -> Section | None:
    """A heading "<sessions word> with|by <Someone>" whose provider `section_heading` cannot read as a name.

    A short line with no figures naming sessions, then "with" or "by", then a capitalised word ("Consultation
    sessions with Ann van der Berg", "Sessions with Okafor, Ann", "RS/C with Ann Lee (via Zoom)") heads a section of
    its own whatever the name's shape: the section above ends there. The rows under it take its words after "with"
    or "by" (up to a bracket) as their provider, flagged (`NAME_UNREAD`); words naming a body, several people or a
    way of meeting give no provider, and the applicant is none.
    """
    words = [p for p in row.words if not set(p.word.text) <= RULE_MARKS]
    if not words or len(words) > HEADING_WORDS or any(ch.isdigit() for ch in row.text) or header_columns(row):
        return None
    mark = next((n for n, p in enumerate(words) if n and NAMED_BY.match(p.word.text)
                 and SUPERVISION_WORD.match(words[n - 1].word.text)), None)
    if mark is None or mark + 1 >= len(words) or not words[mark + 1].word.text[:1].isupper():
        return None
    rest = words[mark + 1:]
    rest = rest[:next((n for n, p in enumerate(rest) if p.word.text.startswith(("(", "["))), len(rest))]
    name = cell_text(rest).strip(" .,;:")
    start, end = cell_span(words[:mark])
    named = {ev.label: ev for ev in evidence if ev.label in TYPES and ev.start >= start and ev.end <= end}
    kind = next(iter(named.values())) if len(named) == 1 else None
    if not rest or NOT_A_PERSON.search(name) or _named(name, not_provider):
        return None
    return Section(format=TYPES[kind.label] if kind else None,
                   format_found=Found(kind.start, kind.end, "log.format_section_heading.v1", SECTION_SCORE)
                   if kind else None,
                   supervisor=name,
                   supervisor_found=Found(*cell_span(rest), "log.supervisor_section_heading.v1", SECTION_SCORE),
                   page=row.page, doubt=NAME_UNREAD)


def _named(name: str, values: frozenset[str]) -> bool:
    """Whether a name is the one a label's value starts with ("Jane Doe" in "Applicant: Jane Doe  Period: 2024")."""
    name = " ".join(name.casefold().split())
    return any(value == name or value.startswith((f"{name} ", f"{name},")) for value in values)


CREDENTIAL_SHAPE = re.compile(r"^\(?(?:[A-Z]{2,}(?:[-/][A-Z]{1,4})*|(?:[A-Z][a-z]?\.)+[A-Z][a-z]?\.?)\)?[.,;:]?$")
"""A word shaped as a credential after a name: capitals only ("MFT", "LCSW-C", "LPC-S") or dotted initials ("Ph.D.",
"M.S.W.", "Ed.D" with no final dot). After two name words it is no word of the name; one not on the list
(`CREDENTIAL_OR_ROLE`) may be a surname written in capitals ("Ann Marie LEE"), so the name is then doubted."""
INITIAL = re.compile(r"^[A-Z]\.?$")
"""A middle initial ("Ann B. Lee")."""
SUFFIX = re.compile(r"^(?:Jr|Sr)\.?[,:]?$")
"""A generational suffix after a name ("Ann Lee Jr."): a part of the name, kept with its dot."""


def _name(words: list[Placed]) -> tuple[list[Placed], bool]:
    """A heading's name words (every one capitalised, cut after a comma or a colon; else none), and whether unsure.

    A courtesy title or a role before the name ("Dr. Ann Lee", "Supervisor Ann Lee") and a credential or role after
    it with no comma ("Ann Lee LCSW", "Ann Lee Facilitator") are not its words. A sure name has the shape of one: two
    words, or three with an initial between ("Ann B. Lee"). Capitalised words between a name's two words and a role
    after them ("Ann Lee Clinical Supervisor", "Ann Lee Lead Facilitator") are the role's, cut, and the name doubted
    (they might be a third name word); so is any other name of three or four words (a role word no list has: "Ann
    Lee Practice Lead") and one cut at a word in capitals no list has.
    """
    kept: list[Placed] = []
    unsure = False
    for n, p in enumerate(words):
        text = p.word.text
        shaped = len(kept) >= 2 and CREDENTIAL_SHAPE.match(text) and not all(
            q.word.text.isupper() for q in kept)  # a heading in capitals: its name is in capitals too
        if (not kept and HONORIFIC.match(text)) or CREDENTIAL_OR_ROLE.match(text) or shaped:
            if kept and text.endswith((",", ":")) or kept and all(
                    CREDENTIAL_OR_ROLE.match(q.word.text) or CREDENTIAL_SHAPE.match(q.word.text) for q in words[n:]):
                unsure = unsure or not (CREDENTIAL_OR_ROLE.match(text) or text.count(".") >= 2)
                if len(kept) > 2 and not CREDENTIAL_SHAPE.match(text):  # "Ann Lee Clinical Supervisor"
                    kept, unsure = kept[:2], True
                break  # the credentials after the name end it
            if kept:
                return [], False  # a credential between words: no plain name
            continue
        if not PERSON_WORD.match(text):
            return [], False
        if len(kept) >= 2 and SUFFIX.match(text):
            return kept + [p], unsure or not _sure(kept)
        kept.append(p)
        if text.endswith((",", ":")):
            break
    return kept, unsure or not _sure(kept)


def _sure(kept: list[Placed]) -> bool:
    """A sure name's shape: two words, or three with an initial between ("Ann B. Lee")."""
    return len(kept) == 2 or len(kept) == 3 and bool(INITIAL.match(kept[1].word.text.rstrip(",:")))


def name_text(name_words: list[Placed]) -> str:
    """A heading name's text without the punctuation around it; a suffix keeps its dot ("Ann Lee Jr.")."""
    name = cell_text(name_words).strip(" ,;:")
    return name if name_words and SUFFIX.match(name_words[-1].word.text.rstrip(",:")) else name.rstrip(".")


def _total_name(row: Row) -> str | None:
    """The person a section's total line names ("Subtotal with Ann Lee: 12.0 hrs"), or None when it names none."""
    words = list(row.words)
    marks = [n for n, p in enumerate(words) if NAMED_BY.match(p.word.text)]
    if not marks:
        return None
    after = words[marks[0] + 1:]
    cut = next((n + 1 for n, p in enumerate(after) if p.word.text.endswith((",", ":"))), len(after))
    name_words = _name(after[:cut])[0]
    return name_text(name_words) if 2 <= len(name_words) <= 4 else None


def row_sections(rows: list[Row], evidence: list[Evidence], cells: dict[int, int] | None = None,
                 not_provider: frozenset[str] = frozenset()) -> dict[int, Section]:
    """The section each row sits in (by the row's id): from its heading down to the section's end.

    A heading counts only when the line right under it is the section's header row or a row of its own table (a row
    of two or more cells under a header, `cells`: a row's id to its filled cells); a line "... by <Name>" over a
    note, a period or a date line is a note or a signature. A section ends at a total line, the next heading, the
    end of its page, the next header row after its own (another table) and a line that names a session type but no
    provider ("Group sessions": a table of its own, its provider unsaid).
    """
    sections: dict[int, Section] = {}
    current: Section | None = None
    own_header = -1
    for n, row in enumerate(rows):
        heading = section_heading(row, evidence, not_provider)
        below = rows[n + 1] if n + 1 < len(rows) else None
        if current is not None and _note_in_table(row, heading, current, below, cells):
            continue
        if heading is not None and below is not None and below.page == row.page and (
                header_columns(below) or _table_row(below, cells)):
            current, own_header = heading, n + 1
            continue
        unread = None if heading is not None or _heading_shaped(row) else unread_heading(row, evidence, not_provider)
        if unread is not None:  # a heading whose name does not read: its own section, doubted
            current, own_header = unread, n + 1
            continue
        ended = SECTION_END.match(row.text) or (heading is None and _heading_shaped(row))
        if current is not None and SECTION_END.match(row.text):
            _check_total(row, current, sections)
        if current is not None and (row.page != current.page or ended or _other_table(row, n, own_header, evidence)):
            current = None
        if current is not None and _names_another(row, current, below, cells):
            current = _doubt_section(current, sections, NOTE_NAMES_OTHER)
        if current is not None:
            sections[id(row)] = current
    return sections


NOTE_NAMES_OTHER = "log.section_note_names_other"
"""A note line between a section's rows names someone other than its heading's provider ("Session 3 led by Hal
Moss (cover)", "Hal Moss covered the sessions below"): who led which session is a person's question."""


DATED = re.compile(r"\d{1,4}\s*[/.\-]\s*\d{1,2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d",
                   re.I)
"""A date in a line: a session's row (its own cells say who led it), not a note between rows."""


def _names_another(row: Row, current: Section, below: Row | None, cells: dict[int, int] | None) -> bool:
    """A note line inside a section's table (undated, a row of the table right under it) naming another person.

    A person is two or more capitalised words in a row (an initial among them: "T. Moss"); a line naming only the
    section's provider, or no one, says nothing against the heading.
    """
    if below is None or below.page != row.page or header_columns(row) or DATED.search(row.text) or not (
            _table_row(below, cells)):
        return False
    runs: list[list[str]] = [[]]
    for p in row.words:
        text = p.word.text.strip(" ,;:()[]")
        if PERSON_WORD.match(text) and not HONORIFIC.match(text):
            runs[-1].append(text)
        elif runs[-1]:
            runs.append([])
    provider = current.supervisor.casefold()
    return any(len(run) >= 2 and " ".join(run).casefold() not in provider and provider not in " ".join(run).casefold()
               for run in runs)


def _doubt_section(current: Section, sections: dict[int, Section], doubt: str) -> Section:
    """A section doubted from its heading down: the rows read so far and those still to come."""
    for key, section in list(sections.items()):
        if section.same(current):
            sections[key] = replace(section, doubt=doubt)
    return replace(current, doubt=doubt)


def _table_row(row: Row, cells: dict[int, int] | None) -> bool:
    """A row of a table's body: two or more filled cells under a header (or, with no cells known, a figure)."""
    return cells.get(id(row), 0) >= 2 if cells is not None else any(ch.isdigit() for ch in row.text)


def _note_in_table(row: Row, heading: Section | None, current: Section, below: Row | None,
                   cells: dict[int, int] | None) -> bool:
    """A note line between rows of a section's table that names the section's own provider and no other type.

    "Rescheduled by Ann Lee", "Make-up session with Ann Lee" between two rows of Ann Lee's section, a row of the same
    table right under it (no header row): the section goes on. A line naming anyone else, another type, or over a
    header row ends it (`row_sections`).
    """
    if below is None or below.page != row.page or row.page != current.page or header_columns(below) or not (
            _table_row(below, cells)):
        return False
    if heading is not None:
        named: str | None = heading.supervisor if heading.format in (None, current.format) else None
    else:
        named = _total_name(row) if _heading_shaped(row) else None
    return named is not None and named.casefold() == current.supervisor.casefold()


def _heading_shaped(row: Row) -> bool:
    """A line shaped as a section's heading ("<words> with|by <Name>", short, no figures) though not read as one.

    Whatever its words ("Mentoring with Ann Lee", "Sessions hosted by Hal Moss"), the rows below it are not the
    section above's: that section ends there, and its rows read their own cells.
    """
    words = [p for p in row.words if not set(p.word.text) <= RULE_MARKS]
    if not words or len(words) > HEADING_WORDS or any(ch.isdigit() for ch in row.text) or header_columns(row):
        return False
    marks = [n for n, p in enumerate(words) if NAMED_BY.match(p.word.text)]
    return bool(marks) and marks[-1] > 0 and 2 <= len(_name(words[marks[-1] + 1:])[0]) <= 4


def _other_table(row: Row, n: int, own_header: int, evidence: list[Evidence]) -> bool:
    """A line that starts another table: a header row other than the section's own, or an untitled type heading.

    "Group RS/C (reflective circle)" over a table names its sessions' type but no provider: what follows is not the
    section above's.
    """
    if header_columns(row):
        return n != own_header
    if any(ch.isdigit() for ch in row.text) or len(row.words) > HEADING_WORDS:
        return False
    start, end = cell_span(list(row.words))
    return any(ev.label in TYPES and ev.start >= start and ev.end <= end for ev in evidence)


def _check_total(row: Row, current: Section, sections: dict[int, Section]) -> None:
    """A section's total line that names another provider than its heading doubts every row of the section.

    One of the two is misread (a scan) or misplaced, and the rows' provider is a person's question.
    """
    named = _total_name(row)
    if named is None or named.casefold() == current.supervisor.casefold():
        return
    for key, section in list(sections.items()):
        if section.same(current):
            sections[key] = replace(section, doubt="log.section_total_disagrees")


FORMAT_DOUBTS = ("log.format_missing", "log.format_unreadable")
SUPERVISOR_DOUBTS = ("log.supervisor_missing", "log.supervisor_unclear")


def in_section(section: Section, session_format: str | None, format_found: Found | None, supervisor: str | None,
               supervisor_found: Found | None, reasons: list[str]) -> tuple[str | None, Found | None, str | None,
                                                                             Found | None]:
    """A row's format and supervisor given its section's heading (`reasons` amended in place).

    A row's own cell that names a type or a person keeps it, and is flagged when the heading names another (the row
    or the heading is misplaced). A row with none takes the heading's: a cell that names no type ("Video", "In
    person": the setting) says nothing against it. A supervisor taken from the log's one named supervisor gives way
    to the section's: the heading is nearer the row.
    """
    if session_format is None and section.format is not None:
        session_format, format_found = section.format, section.format_found
        reasons[:] = [r for r in reasons if r not in FORMAT_DOUBTS]
    elif session_format is not None and section.format is not None and session_format != section.format:
        reasons.append("log.format_disagrees_section")
    if section.doubt is not None and section.doubt != NAME_UNSURE:
        reasons.append(section.doubt)
    own = supervisor_found is not None and supervisor_found.rule in ("log.supervisor_cell.v1",
                                                                      "log.supervisor_in_description.v1")
    differs = supervisor is not None and supervisor.casefold() != section.supervisor.casefold()
    if own or (differs and supervisor_found is not None):
        if differs:
            reasons.append("log.supervisor_disagrees_section")
    else:
        supervisor, supervisor_found = section.supervisor, section.supervisor_found
        reasons[:] = [r for r in reasons if r not in SUPERVISOR_DOUBTS] + (
            [NAME_UNSURE] if section.doubt == NAME_UNSURE else [])
    return session_format, format_found, supervisor, supervisor_found
