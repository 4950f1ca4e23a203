"""Transcripts: degrees read from their mention alone, without a label or a table header.

A letter's sentence ("The degree of ... was conferred on ...") or a registrar's list ("Master of Education" over
"Conferred 12/22/10"): the date is taken only when a conferral word or a degrees heading vouches for it, so a
term date or a date of birth beside a degree's name is never read as its conferral.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extractors.fields import Found
from extractors.layout import DocText, Line
from extractors.nlp import Evidence, find_patterns
from extractors.transcript_carry import carried_status
from extractors.transcript_conferral import conferral_atop_next_column, conferral_below, conferral_in
from extractors.transcript_labels import (
    CONFERRAL_WORDS,
    DEGREE_LABEL,
    DEGREE_NOUN,
    DEGREE_STATUS,
    bare_label,
    conferral_line,
    ends_with_conferral_label,
    field_rank,
    is_conferral_label,
    is_field_label,
    label_segments,
)
from extractors.transcript_shapes import (
    FIGURES_LINE,
    entry_ends,
    figures_unfinished,
    further_part_doubts,
    particular_cell,
    words_after_field,
)
from extractors.transcript_values import (
    INSTITUTION_KIND,
    DegreeRead,
    field_after,
    field_value,
    holds_degree,
    line_index,
    subject_like,
    titled_field,
    trimmed,
    x_range,
)

CONFERRAL_VERB = re.compile(r"\b(?:conferred|awarded|granted|earned|received|completed|graduated|fulfilled|"
                            r"satisfied|admitted\s+to)\b")
DATE_LEAD = re.compile(r"\b(?:on|conferred|awarded|granted|earned|received|completed|effective|as\s+of)\s+"
                       r"(?:the\s+)?$", re.I)
MAJOR_PHRASE = re.compile(r"\b(?:major(?:ing)?|concentration|specialization|emphasis)(?:\s+in|\s*:)?\s+", re.I)
ARTICLE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he|of|her|his|their)\s+$")


def sentence_degrees(doc: DocText, degree_ev: list[Evidence], evidence: list[Evidence]) -> list[DegreeRead]:
    """Degrees named in a letter's sentences that say they were conferred, each with the date "on" it."""
    reads: list[DegreeRead] = []
    mentions = degree_mentions(doc, degree_ev)
    for number, (start, end, abbreviation_only) in enumerate(mentions):
        first, last = _sentence(doc, start, evidence)
        if not _in_prose(doc, start) or not CONFERRAL_VERB.search(doc.slice(first, last)):
            continue
        after = mentions[number + 1][0] if number + 1 < len(mentions) else last
        before = mentions[number - 1][1] if number else first
        conferral = _sentence_date(doc, evidence, max(first, before), start, end, min(last, after))
        if abbreviation_only and (conferral is None or not (ARTICLE_BEFORE.search(doc.slice(first, start))
                                                            or re.match(r"\s+degree\b", doc.slice(end, last)))):
            continue
        limit = min([last, after] + [e.start for e in evidence if e.label == "DATE" and e.start >= end])
        field = field_after(doc, end, limit, "transcript.sentence_field.v1", titled=True)
        major = MAJOR_PHRASE.search(doc.slice(end, min(last, after)))
        if field is None and major:
            field = titled_field(doc, end + major.end(), min(last, after), "transcript.sentence_major.v1")
        upper = limit if field is None or field.end <= limit else min(last, after)
        reads.append(DegreeRead(Found(start, end, "transcript.sentence.v1", 0.93), field, conferral,
                                further_part_doubts(doc, field, upper)))
    return reads


def _in_prose(doc: DocText, offset: int) -> bool:
    """Whether an offset sits on a line of running text (one cell), not in a table row."""
    line = doc.line_at(offset)
    return line is not None and len(line.cell_spans()) == 1


def degree_mentions(doc: DocText, degree_ev: list[Evidence]) -> list[tuple[int, int, bool]]:
    """Degree evidence grouped into mentions ("Bachelor of Science (BS)" is one): start, end, abbreviation only.

    A name and its abbreviation side by side are one mention; two names side by side (two columns of degrees, their
    gap read as a space) are two.
    """
    mentions: list[tuple[int, int, bool]] = []
    for ev in degree_ev:
        short = ".abbreviation." in ev.rule
        if mentions and (short or mentions[-1][2]) and re.fullmatch(r"[\s()]*", doc.slice(mentions[-1][1], ev.start)):
            start, _end, was_short = mentions[-1]
            mentions[-1] = (start, ev.end, was_short and short)
        else:
            mentions.append((ev.start, ev.end, short))
    return mentions


def _sentence(doc: DocText, offset: int, evidence: list[Evidence]) -> tuple[int, int]:
    """The sentence around an offset, bounded by a full stop (not in a degree or date), a line-end colon or a gap."""
    protected = [(e.start, e.end) for e in evidence if e.label in ("DEGREE", "DATE")]
    boundaries = [m.end() for m in re.finditer(r"[.!?](?=\s|$)|:\n|\n\n", doc.text)
                  if not any(s <= m.start() < e for s, e in protected)]
    first = max((b for b in boundaries if b <= offset), default=0)
    last = min((b for b in boundaries if b > offset), default=len(doc.text))
    return first, last


def _sentence_date(doc: DocText, evidence: list[Evidence], lower: int, start: int, end: int,
                   upper: int) -> Found | None:
    """The conferral date of a mention: a date led by "on" (or a conferral verb), after it, else before it."""
    dates = [e for e in evidence if e.label == "DATE" and lower <= e.start and e.end <= upper
             and DATE_LEAD.search(doc.slice(max(lower, e.start - 30), e.start))]
    chosen = next((e for e in dates if e.start >= end), None) or next(
        (e for e in reversed(dates) if e.end <= start), None)
    return Found(chosen.start, chosen.end, "transcript.sentence_date.v1", 0.93) if chosen else None


def listed_degrees(doc: DocText, degree_ev: list[Evidence], evidence: list[Evidence]) -> list[DegreeRead]:
    """Degrees listed one a cell, the conferral beside or just below: a registrar's "Degrees Earned" section.

    "Master of Education in Early Childhood Education" over "Conferred 12/22/10", in any column.

    Only a full degree name that starts its cell counts (never an abbreviation alone, never a course title's
    words), and only with a conferral date found there, so a term date or a date of birth is never taken.
    """
    reads = []
    for start, end, abbreviation_only in degree_mentions(doc, degree_ev):
        cell = _cell_at(doc, start)
        if cell is None or doc.slice(cell[0], start).strip() or (abbreviation_only and not _under_degree_heading(
                doc, degree_ev, line_index(doc, cell[0]))) or _not_conferred(doc, degree_ev, end) \
                or _course_row(doc, cell, end, abbreviation_only):
            continue
        conferral = (conferral_in(doc, evidence, end, cell[1]) or conferral_below(doc, evidence, cell)
                     or conferral_atop_next_column(doc, evidence, degree_ev, cell))
        row = _section_row(doc, evidence, degree_ev, cell, end) if conferral is None else None
        if row is not None:
            conferral = row.conferral
        if conferral is None:
            continue
        entry = _entry_below(doc, degree_ev, cell)
        labelled = _labelled(doc, conferral) or entry.conferred
        if entry.status and not labelled:
            continue  # the entry says it stands otherwise than conferred: left unread, the document flagged
        limit = min([cell[1]] + [e.start for e in evidence if e.label == "DATE" and end <= e.start < cell[1]])
        in_cell = field_after(doc, end, _before_conferral_label(doc, end, limit), "transcript.list_field.v1")
        field = in_cell or (row.field if row else None) or _field_below(doc, degree_ev, cell)
        reasons = (*(row.reasons if row else _listed_row_doubts(doc, evidence, degree_ev, cell)),
                   *_row_doubts(doc, cell, end, conferral, abbreviation_only),
                   *(("degree.field_unclear",) if field and _conferral_word_in(doc.slice(field.start, field.end))
                     else words_after_field(doc, in_cell, _before_conferral_label(doc, end, limit))),
                   *(("degree.status_unclear",) if entry.unclear or entry.status and entry.status_word
                     or entry.after_gap and not labelled else ()))
        reads.append(DegreeRead(Found(start, end, "transcript.list.v1", 0.93), field, conferral, reasons))
    return reads


def _before_conferral_label(doc: DocText, start: int, limit: int) -> int:
    """Where a degree's cell stops naming its field: at a conferral label before its date ("..., conferred")."""
    text = doc.slice(start, limit)
    for word in re.finditer(r"[A-Za-z]+", text):
        rest = re.sub(r"\b(?:on|the|of)\b", " ", text[word.start():], flags=re.I)
        if is_conferral_label(rest.strip(" :,;-"), worded=True):
            return start + word.start()
    return limit


def _conferral_word_in(text: str) -> bool:
    """Whether a field read from a degree's cell holds a conferral word: a sure field names a subject alone."""
    return any(word in CONFERRAL_WORDS for word in re.findall(r"[a-z]+", text.lower()))


def _labelled(doc: DocText, conferral: Found) -> bool:
    """Whether a conferral date is led by a conferral label in its cell ("Conferred 05/07/2012", "Date Awarded:")."""
    cell = _cell_at(doc, conferral.start)
    return cell is not None and ends_with_conferral_label(doc.slice(cell[0], conferral.start))


def _row_doubts(doc: DocText, cell: tuple[int, int], mention_end: int, conferral: Found,
                abbreviation_only: bool) -> tuple[str, ...]:
    """What a degree's row holds that a sure degree row does not: a reason a person checks it, for each.

    A year after the degree's name that is not its conferral's ("BA 2009" over a 2011 date); for letters alone, a
    figure cell with no grade ("BA | Psychology | 05/10/2009 | 3.62": a GPA, or a course's credits).
    """
    reasons = []
    year = YEAR_AFTER.match(doc.slice(mention_end, cell[1]))
    if year and year.group(1) not in doc.slice(conferral.start, conferral.end):
        reasons.append("degree.year_disagrees")
    line = doc.line_at(cell[0])
    if abbreviation_only and line is not None and any(
            FIGURE_CELL.fullmatch(doc.slice(*c)) for c in line.cell_spans() if c[0] >= cell[1]):
        reasons.append("degree.course_row_possible")
    return tuple(reasons)


def _not_conferred(doc: DocText, degree_ev: list[Evidence], mention_end: int) -> bool:
    """Whether the degree's row, up to the next degree on it, says it was not conferred ("In Progress", "Pending").

    Such a degree is left unread, so the document is flagged for a person, and no date of its row is taken.
    """
    line = doc.line_at(mention_end)
    if line is None:
        return False
    upto = min([e.start for e in degree_ev if mention_end <= e.start < line.end] + [line.end])
    return bool(DEGREE_STATUS.search(doc.slice(mention_end, upto)))


STATUS_WORDS = r"(?:(?:degree|program|academic|enroll?ment|student)\s+)?status\b[\s:\-]*"
STATUS_CONFERRED = re.compile(rf"\s*{STATUS_WORDS}(?:degree\s+)?(?:conferred|awarded|granted|completed?|graduated|"
                              r"earned)(?:\s+degree)?[\s.]*", re.I)
"""A status line of the sure conferred shape: the status label and a conferral word alone ("Status: Awarded",
"Status: Degree Awarded", "Degree Status: Complete")."""
STATUS_LINE = re.compile(rf"\s*{STATUS_WORDS}\w", re.I)
"""Any other status line ("Status: In Progress", "Academic Status: Good Standing"): the degree stands otherwise than
conferred, or the line is not the degree's; a date on the degree's row is then perhaps no conferral."""
STARTED_LINE = re.compile(r"\s*(?:admit(?:ted)?|admission|matriculat\w*|(?:program\s+)?start)\b", re.I)
"""A line saying when the study began ("Admit Term: Fall 2024", "Program Start Date"): beside a conferral label it
is the entry's history; without one the row's date is perhaps that start."""
STATUS_LINES = 4
"""How many detail lines under a degree's row may still belong to its entry."""
ENTRY_GAP = 1.5
"""A gap over a line, in the height of the line above, that ends the entry: a new block of the page."""


@dataclass(frozen=True)
class EntryBelow:
    """What a degree's detail lines say: conferred (a conferral label), a status, or words of no sure shape."""

    conferred: bool = False
    status: bool = False
    status_word: bool = False
    """The status is a status line (not only a start): beside a conferral label it still makes the row doubtful."""
    unclear: bool = False
    after_gap: bool = False
    """The first line past the gap that ends the entry is a status, a start or a degree's state ("Status: In
    Progress", "Admit Term: Fall 2023", "Degree Candidate"): the row's date is perhaps no conferral."""


def _entry_below(doc: DocText, degree_ev: list[Evidence], cell: tuple[int, int]) -> EntryBelow:
    """The detail lines under a degree's row, up to the next degree, a gap or a new page, read by their shape.

    A sure detail line is a conferral line ("Conferred 05/07/2012", "Status: Degree Awarded"), a detail of the
    entry ("Major: Psychology", "Honors: Cum Laude"), a status ("Status: Active") or a start ("Admit Term: Fall
    2010"). Any other line ("Expected Graduation: 05/2025", "Degree Candidate") is of no sure shape: it may say the
    row's date is no conferral, so a person checks the degree (`unclear`) rather than the degree being dropped.
    Only the cells in the degree's column count: another column's lines are no part of its entry.
    """
    index = line_index(doc, cell[0])
    column = _own_column(doc, degree_ev, cell)
    entry = EntryBelow()
    previous = doc.lines[index]
    figures: list[str] = []
    for number, whole in enumerate(doc.lines[index + 1:index + 1 + STATUS_LINES], start=index + 1):
        if whole.page != previous.page:
            entry = carried_status(doc, degree_ev, number, "", entry, _state_line)
            break
        line = _column_part(doc, whole, column)
        if line is None:
            continue  # only another column's cells on this line
        if line.page != previous.page or holds_degree(degree_ev, Found(line.start, line.end, "", 0.0)):
            break
        text = doc.slice(line.start, line.end)
        if _gap_above(line, previous) > ENTRY_GAP:
            entry = replace(entry, after_gap=_state_line(text))
            break
        if entry_ends(doc, number, text):
            entry = carried_status(doc, degree_ev, number + 1, text, entry, _state_line)
            break
        if STATUS_CONFERRED.fullmatch(text) or _conferral_detail(text):
            entry = replace(entry, conferred=True)
        elif STATUS_LINE.match(text) or DEGREE_STATUS.fullmatch(text.strip()):
            entry = replace(entry, status=True, status_word=True)
        elif STARTED_LINE.match(text):
            entry = replace(entry, status=True)
        elif FIGURES_LINE.fullmatch(text) and not DEGREE_STATUS.search(text):
            figures.append(text)
        elif not HONOURS_LINE.fullmatch(text) and not _plain_details(doc, line):
            entry = replace(entry, unclear=True)
        previous = line
    return replace(entry, unclear=True) if figures_unfinished(" ".join(figures)) else entry


def _state_line(text: str) -> bool:
    """Whether a line says how a degree stands other than conferred, or when its study began (see `after_gap`)."""
    return bool(STATUS_LINE.match(text) and not STATUS_CONFERRED.fullmatch(text) or STARTED_LINE.match(text)
                or DEGREE_STATUS.search(text))


HONOURS_LINE = re.compile(r"\s*(?:graduated\s+)?(?:(?:(?:summa|magna)\s+)?cum\s+laude|(?:with\s+)?"
                          r"(?:high(?:est)?\s+)?(?:honou?rs|distinction|merit))\s*|\s*(?:dean|president)'?s\s+"
                          r"(?:honou?r\s+)?list\s*", re.I)
"""A distinction alone on its line under the degree ("Magna Cum Laude", "With Honors", "Graduated with Honors",
"Dean's List")."""


def _plain_details(doc: DocText, line: Line) -> bool:
    """A detail line of the entry other than a date's ("Major: Psychology").

    A conferral label without its date ("Graduation Date: TBD") is no sure line.
    """
    details = _details(doc, line)
    return bool(details) and not any(is_conferral_label(label, worded=True) for label, _value in details)


def _gap_above(line: Line, previous: Line) -> float:
    """The blank between two lines, in the height of the upper one (0 when either has no words)."""
    if not line.words or not previous.words:
        return 0.0
    top = min(p.word.bbox[1] for p in line.words)
    bottom = max(p.word.bbox[3] for p in previous.words)
    height = max(p.word.bbox[3] - p.word.bbox[1] for p in previous.words)
    return (top - bottom) / height if height > 0 else 0.0


COURSE_NUMBER = re.compile(r"\s*(?!(?:19|20)\d\d\b)\d{3,4}[A-Z]?\b")
"""A course's number after its subject's letters ("MSW 501", "MA 540"): a course code, never a degree's name. A
year is no course number ("Master of Education 2012")."""
YEAR_AFTER = re.compile(r"\s*((?:19|20)\d\d)\b")
"""A year written after the degree's name in its cell ("BA 2009"): the year it was awarded."""
COURSE_GRADE = re.compile(r"\s*(?:[A-D][+\-]?|F|P|NP|CR|IP)\s*")
"""A course row's grade cell ("A-", "P")."""
FIGURE_CELL = re.compile(r"\s*\d{1,2}\.\d{1,2}\s*")
"""A figure cell: a course's credits ("3.00") or a degree's GPA ("3.62")."""


def _course_row(doc: DocText, cell: tuple[int, int], mention_end: int, abbreviation_only: bool) -> bool:
    """Whether a degree's mention is a course's, not a degree's.

    A course number right after it in its cell ("MSW 501"), or for letters alone ("MS | Lab Techniques | B+") a row
    with a grade cell. A figure alone ("3.62") may be the degree's GPA: such a row is read, doubted (`_row_doubts`).
    """
    if COURSE_NUMBER.match(doc.slice(mention_end, cell[1])):
        return True
    line = doc.line_at(cell[0])
    return abbreviation_only and line is not None and any(
        COURSE_GRADE.fullmatch(doc.slice(*c)) for c in line.cell_spans() if c[0] >= cell[1])


SECTION_ROW_SCORE = 0.88
"""A row under a degrees heading says nothing of its date but where it stands: less sure than a labelled date."""
BARE_ROW_DATE_SCORE = 0.75
"""A bare date on a row with words besides the degree and its field: the words may say the date is no conferral
("Deferred", "Leave of absence"), so a person checks it."""


def _section_row(doc: DocText, evidence: list[Evidence], degree_ev: list[Evidence],
                 cell: tuple[int, int], mention_end: int) -> DegreeRead | None:
    """A degree row under a "Degrees Awarded" heading with no column header: its date (and field) beside it.

    "Master of Social Work | Social Work | 05/07/2012" or "M.S.W., Social Work, 05/07/2012": the first date after
    the degree in its cell, else the first later cell holding a date alone or after a conferral word, is the
    conferral; a cell of words between them is the field. Every line between the heading and the row names a
    degree too, so a course list under the section is never read this way.
    """
    index = line_index(doc, cell[0])
    if not _under_degree_heading(doc, degree_ev, index):
        return None
    read = _section_row_read(doc, evidence, degree_ev, cell, mention_end)
    if read is None or read.conferral is None:
        return read
    if _other_bare_date(doc, evidence, doc.lines[index], read.conferral):
        read = replace(read, conferral=replace(read.conferral, score=min(read.conferral.score, BARE_ROW_DATE_SCORE)))
    return replace(read, reasons=(*read.reasons, *_row_context_doubts(doc, evidence, degree_ev, cell)))


def _listed_row_doubts(doc: DocText, evidence: list[Evidence], degree_ev: list[Evidence],
                       cell: tuple[int, int]) -> tuple[str, ...]:
    """A listed degree's row doubts (`_row_context_doubts`), and words in a cell after its own.

    Under a degrees heading, a listed degree's row is sure holding its cell alone (its conferral in it or under
    it): a later cell of words ("Lakeshore State", "Transfer") may name another school or say how it stands;
    another column's degree and a student's particular ("Student ID: 0412") are no part of it.
    """
    index = line_index(doc, cell[0])
    if not _under_degree_heading(doc, degree_ev, index):
        return ()  # a degree beside a label column ("Outcome of program | Master of ...") is that label's value
    line = doc.lines[index]
    after = [(s, e) for s, e in line.cell_spans() if s >= cell[1] and re.search(r"[A-Za-z]{2}", doc.slice(s, e))
             and not holds_degree(degree_ev, Found(s, e, "", 0.0)) and not particular_cell(doc.slice(s, e))
             and not _conferral_detail(doc.slice(s, e))]
    return (*_row_context_doubts(doc, evidence, degree_ev, cell), *(("degree.row_words_after",) if after else ()))


def _row_context_doubts(doc: DocText, evidence: list[Evidence], degree_ev: list[Evidence],
                        cell: tuple[int, int]) -> tuple[str, ...]:
    """What a degree's row holds beside the degree that a sure row does not.

    Another institution's name after it, or words before it (`_words_before`), wherever its conferral was read (on
    the row, in its cell, below it).
    """
    line = doc.lines[line_index(doc, cell[0])]
    other = [c for c in line.cell_spans() if c[0] >= cell[1] and INSTITUTION_KIND.search(doc.slice(*c))]
    return (("degree.institution_other",) if other else ()) + (
        ("degree.row_words_before",) if _words_before(doc, evidence, line, cell, degree_ev) else ())


def _words_before(doc: DocText, evidence: list[Evidence], line: Line, cell: tuple[int, int],
                  degree_ev: list[Evidence]) -> bool:
    """Whether a degree's row holds words in a cell before the degree's, other than its date (and conferral label).

    A sure degree row leads with the degree, or with its date alone: words before it ("Lakeshore State | Bachelor
    of Arts | ...") may name another institution, a term or a status, which the row does not say.
    """
    for start, end in line.cell_spans():
        if end > cell[0]:
            break
        if holds_degree(degree_ev, Found(start, end, "", 0.0)) or particular_cell(doc.slice(start, end)):
            continue  # another column's degree, or a particular of the student ("Student ID: 0412"): not this row's
        dates = [e for e in evidence if e.label == "DATE" and start <= e.start and e.end <= end]
        rest = doc.slice(start, end) if not dates else doc.slice(start, dates[0].start) + doc.slice(dates[-1].end, end)
        if re.search(r"[A-Za-z]{2}", rest) and not (dates and conferral_line(rest)):
            return True
    return False


def _section_row_read(doc: DocText, evidence: list[Evidence], degree_ev: list[Evidence],
                      cell: tuple[int, int], mention_end: int) -> DegreeRead | None:
    """A section row's date and field (see `_section_row`), before the row's other cells are weighed."""
    index = line_index(doc, cell[0])
    in_cell = [e for e in evidence if e.label == "DATE" and mention_end <= e.start and e.end <= cell[1]]
    if in_cell:
        conferral = _one_date(in_cell, SECTION_ROW_SCORE)
        return DegreeRead(Found(cell[0], cell[1], "", 0.0), None, conferral)
    field, cells = None, [c for c in doc.lines[index].cell_spans() if c[0] >= cell[1]]
    for start, end in cells:
        dates = [e for e in evidence if e.label == "DATE" and start <= e.start and e.end <= end]
        lead = doc.slice(start, dates[0].start) if dates else ""
        if dates and conferral_line(lead):
            words = [c for c in cells if (c[1] <= start or c[0] >= end) and re.search(r"[A-Za-z]{2}", doc.slice(*c))]
            score = SECTION_ROW_SCORE if lead.strip() or len(words) <= (field is not None) else BARE_ROW_DATE_SCORE
            return DegreeRead(Found(cell[0], cell[1], "", 0.0), field, _one_date(dates, score))
        text = doc.slice(start, end)
        if (field is None and re.fullmatch(r"\s*[A-Za-z][A-Za-z&,' \-]*[A-Za-z]\s*", text) and not bare_label(text)
                and subject_like(text)):
            field = field_value(doc, degree_ev, trimmed(doc, Found(start, end, "transcript.section_field.v1",
                                                                   SECTION_ROW_SCORE)))
    return _date_first_row(doc, evidence, degree_ev, cell, field)


RANGE_SCORE = 0.7
"""Two dates in one cell ("08/28/2010 - 05/07/2012"): a span of study, whose end is perhaps the conferral."""


def _one_date(dates: list[Evidence], score: float) -> Found:
    """The conferral of a cell's dates: its one date; of a range, its end, doubted (`RANGE_SCORE`)."""
    if len(dates) > 1:
        return Found(dates[-1].start, dates[-1].end, "transcript.section_row_range.v1", min(score, RANGE_SCORE))
    return Found(dates[0].start, dates[0].end, "transcript.section_row.v1", score)


def _other_bare_date(doc: DocText, evidence: list[Evidence], line: Line, conferral: Found) -> bool:
    """Whether a degree's row holds another date alone in its cell ("05/07/2012 | ... | 09/01/2010").

    Which of two bare dates is the conferral (the other a start or an entry date) the row does not say.
    """
    for start, end in line.cell_spans():
        dates = [e for e in evidence if e.label == "DATE" and start <= e.start and e.end <= end
                 and not (e.start <= conferral.start < e.end)]
        if dates and RANGE_MARKS.fullmatch(doc.slice(start, dates[0].start)) and RANGE_MARKS.fullmatch(
                doc.slice(dates[0].end, end)):
            return True
    return False


RANGE_MARKS = re.compile(r"[\s\-\u2013\u2014~]*(?:(?:to|through|thru|until)[\s\-\u2013\u2014~]*)?", re.I)
"""What may stand beside a date alone in its cell: nothing, or a range's dash or word ("- 05/07/2012")."""


def _date_first_row(doc: DocText, evidence: list[Evidence], degree_ev: list[Evidence], cell: tuple[int, int],
                    field: Found | None) -> DegreeRead | None:
    """A degree row under a degrees heading that leads with its date: "5/17/16 | Bachelor of Arts | Major: Art".

    The date must be the row's first cell and alone in it (or after a conferral word), right before the degree's
    cell. The field is an unlabelled words cell after the degree (`field`) or a field label's cell ("Major: Art").
    Words cells besides the degree and its field may say the date is no conferral, so a person checks it then.
    """
    line = doc.lines[line_index(doc, cell[0])]
    before = [c for c in line.cell_spans() if c[1] <= cell[0]]
    if len(before) != 1:
        return None
    start, end = before[0]
    dates = [e for e in evidence if e.label == "DATE" and start <= e.start and e.end <= end]
    if not dates or doc.slice(dates[0].end, end).strip() or not conferral_line(doc.slice(start, dates[0].start)):
        return None
    if field is None:
        labelled = [value for label, value in label_segments(doc, line)
                    if value.start >= cell[1] and is_field_label(label)]
        field = field_value(doc, degree_ev, trimmed(doc, replace(labelled[0], rule="transcript.section_field.v1",
                                                                   score=SECTION_ROW_SCORE))) if labelled else None
    after = [c for c in line.cell_spans() if c[0] >= cell[1] and re.search(r"[A-Za-z]{2}", doc.slice(*c))]
    score = SECTION_ROW_SCORE if len(after) <= (field is not None) else BARE_ROW_DATE_SCORE
    conferral = Found(dates[0].start, dates[0].end, "transcript.section_row.v1", score)
    return DegreeRead(Found(cell[0], cell[1], "", 0.0), field, conferral)


DETAIL_LABEL = re.compile(r"minors?|(?:latin\s+)?honou?rs|distinctions?|thesis(?:\s+title)?|dissertation(?:\s+title)?|"
                          r"options?|tracks?|(?:degree\s+)?emphasis|certificates?", re.I)
"""A degree entry's own detail lines besides its field: what the registrar prints under the degree's name."""
DETAIL_PHRASE = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z ]{2,30}?)\s+in\s+(?=[A-Z])")
"""A detail line written without a colon: "Major in Child Development", "Concentration in Play Therapy"."""
ENTRY_LINES = 12
"""How far up a degree row may stand from its degrees heading: a few degrees, each with a line or two of detail."""


def _under_degree_heading(doc: DocText, degree_ev: list[Evidence], index: int) -> bool:
    """Whether a line follows a degrees heading ("Degrees Awarded", "DEGREE(S) CONFERRED"), only degree entries between.

    An entry is a degree's row and the detail lines under it ("Major: Psychology", "Conferred: 5/2/05"); any other
    line (a course, a term) between the heading and the row ends the section.
    """
    for above in range(index - 1, max(index - ENTRY_LINES, -1), -1):
        line = doc.lines[above]
        text = re.sub(r"[():]|\(s\)", "", doc.slice(line.start, line.end)).strip()
        if line.page != doc.lines[index].page:
            return False
        if DEGREE_LABEL.fullmatch(text) and DEGREE_NOUN.search(text) and len(line.cell_spans()) == 1:
            return True
        if not holds_degree(degree_ev, Found(line.start, line.end, "", 0.0)) and not _details(doc, line):
            return False
    return False


def _details(doc: DocText, line: Line) -> list[tuple[str, Found]]:
    """A degree entry's detail line as its label and value ("Major: Psychology"); empty for any other line."""
    text = doc.slice(line.start, line.end)
    phrase = DETAIL_PHRASE.match(text)
    if phrase and _detail_label(phrase.group("label")):
        return [(phrase.group("label"), trimmed(doc, Found(line.start + phrase.end(), line.end, "", 0.0)))]
    segments = label_segments(doc, line)
    if not segments or not re.fullmatch(rf"\s*{re.escape(segments[0][0])}\s*:?\s*",
                                        doc.slice(line.start, segments[0][1].start)):
        return []  # the line starts with its label: "Major: ..." or a "Major" cell, never a sentence's colon
    return segments if all(_detail_label(label) for label, _value in segments) else []


def _detail_label(label: str) -> bool:
    """A label of a degree's entry: its field, its conferral date ("Date Conferred") or another detail of it."""
    return (is_field_label(label) or is_conferral_label(label, worded=True)
            or bool(DETAIL_LABEL.fullmatch(label.strip())))


FIELD_BELOW_SCORE = 0.9


NOT_A_FIELD_VALUE = re.compile(r"\d|\b(?:gpa|grade|credits?|hours?|units?|points?)\b", re.I)
"""A detail's value with a figure or a grade's word ("GPA 3.51", "Credits 60") is no field of study."""


def _field_below(doc: DocText, degree_ev: list[Evidence], cell: tuple[int, int]) -> Found | None:
    """The field on the detail lines under a listed degree, before the next degree ("Major: Child Development").

    Only the lines right under the degree that are all detail labels count: the first other line ends its entry,
    and so does a certificate's line (a major under it may be the certificate's). Only the details in the degree's
    own column count (from its left edge to the next degree on its line), each value ending at its own cell.
    """
    index = line_index(doc, cell[0])
    column = _own_column(doc, degree_ev, cell)
    fields: list[tuple[int, Found]] = []
    for whole in doc.lines[index + 1:index + 5]:
        line = _column_part(doc, whole, column) if whole.page == doc.lines[index].page else None
        if line is not None and not holds_degree(degree_ev, Found(line.start, line.end, "", 0.0)) \
                and _conferral_detail(doc.slice(line.start, line.end)):
            continue
        details = _details(doc, line) if line is not None else []
        if (line is None or not details or holds_degree(degree_ev, Found(line.start, line.end, "", 0.0))
                or any(re.fullmatch(r"certificates?", label.strip(), re.I) for label, _value in details)):
            break
        values = [(label, _in_own_cell(doc, line, value)) for label, value in details
                  if is_field_label(label) and column[0] <= _cell_left(doc, line, value) < column[1]]
        if any(value is None for _label, value in values):
            break  # an empty or non-field value ("Major:" beside "GPA 3.51"): the entry says no more of its field
        fields += [(field_rank(label), value) for label, value in values if value is not None]
    if not fields:
        return None
    value = min(fields, key=lambda ranked: ranked[0])[1]
    return field_value(doc, degree_ev, Found(value.start, value.end, "transcript.list_field_below.v1",
                                            FIELD_BELOW_SCORE))


def _column_part(doc: DocText, line: Line, column: tuple[float, float]) -> Line | None:
    """The cells of a line that start in a degree's column; None when it has none there.

    A registrar may print the student's particulars beside the degrees ("Birth date: 01/17/1985" left of
    "Conferred 05/04/2005"): the other column's cells are no part of the degree's entry.
    """
    cells = tuple(c for c in line.cell_spans() if column[0] <= x_range(doc, *c)[0] < column[1])
    if not cells:
        return None
    words = tuple(p for p in line.words if cells[0][0] <= p.start < cells[-1][1])
    return Line(line.page, cells[0][0], cells[-1][1], words, cells)


def _conferral_detail(text: str) -> bool:
    """An entry's conferral line without a colon ("Conferred 05/04/2005", "Awarded May 2008"): the field may follow.

    One date, led only by a conferral word, nothing after it.
    """
    dates = [e for e in find_patterns(text) if e.label == "DATE"]
    return (len(dates) == 1 and bool(text[:dates[0].start].strip()) and conferral_line(text[:dates[0].start])
            and not text[dates[0].end:].strip(" .,;"))


def _own_column(doc: DocText, degree_ev: list[Evidence], cell: tuple[int, int]) -> tuple[float, float]:
    """The x range of a degree's column: from its cell's left edge to the next degree mention on its line."""
    line = doc.line_at(cell[0])
    later = [e.start for e in degree_ev if line is not None and cell[1] <= e.start < line.end]
    right = x_range(doc, later[0], later[0] + 1)[0] if later else float("inf")
    return x_range(doc, *cell)[0] - 2.0, right


def _cell_left(doc: DocText, line: Line, value: Found) -> float:
    """The left edge of the cell a detail's value starts in (its label's cell for an empty value)."""
    spans = line.cell_spans()
    start = next(((s, e) for s, e in spans if s <= value.start < e), None) or next(
        ((s, e) for s, e in reversed(spans) if s <= value.start), spans[0])
    return x_range(doc, *start)[0]


def _in_own_cell(doc: DocText, line: Line, value: Found) -> Found | None:
    """A detail's value up to the end of the cell it starts in; None when empty or no field (see NOT_A_FIELD_VALUE)."""
    end = next((e for s, e in line.cell_spans() if s <= value.start < e), value.end)
    found = trimmed(doc, Found(value.start, min(end, value.end), value.rule, value.score))
    text = doc.slice(found.start, found.end)
    return found if found.end > found.start and not NOT_A_FIELD_VALUE.search(text) else None


def _cell_at(doc: DocText, offset: int) -> tuple[int, int] | None:
    """The cell of its line that holds an offset."""
    line = doc.line_at(offset)
    return next(((s, e) for s, e in line.cell_spans() if s <= offset < e), None) if line else None
