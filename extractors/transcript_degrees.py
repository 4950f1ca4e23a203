"""Transcripts: degrees read from labelled blocks (`Degree:` with `Major:`, `Date Conferred:`) and degree tables.

These are the most structured contexts, read first: a block pairs a degree with the field and conferral labels
around it; a table places each row's cells under a header that names a degree column and a date column.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractors.fields import Found, same_day, strongest
from extractors.layout import RULE_MARKS, DocText, Line
from extractors.nlp import Evidence
from extractors.transcript_labels import (
    DATE_WORDS,
    DEGREE_NOUN,
    EFFECTIVE_RANK,
    conferral_rank,
    field_rank,
    is_conferral_label,
    is_degree_label,
    is_field_label,
    label_segments,
    subject_code,
)
from extractors.transcript_values import DegreeRead, evidence_inside, field_after, field_value, holds_degree, x_range

BEFORE_SCORE = 0.9
"""A label read before its degree's own label pairs by nearness alone: a little less sure than one after it."""
BARE_DATE_SCORE = 0.75
"""A degree block's "Date:" or "Year:" with no conferral word: perhaps the conferral, perhaps a date printed or
signed on the record, so a person checks it."""


def labelled_degrees(doc: DocText, degree_ev: list[Evidence],
                     evidence: list[Evidence]) -> tuple[list[DegreeRead], set[int]]:
    """Degrees from `Degree:` labels, each with the field and conferral labels of its block.

    A block is the head's line and up to four lines after it; a conferral or field label on the two lines before
    the head that no earlier block took ("Graduated: 6/1/90" over "Degree: B.A.") belongs to it too, after the
    block's own labels.
    """
    reads: list[DegreeRead] = []
    used: set[int] = set()
    block: list[tuple[str, Found]] = []
    before: list[tuple[int, str, Found]] = []
    earlier: list[tuple[str, Found]] = []
    head_line = -1
    for index, line in enumerate(doc.lines):
        for label, value in label_segments(doc, line):
            is_date = not holds_degree(degree_ev, value) and any(
                e.label == "DATE" for e in evidence_inside(evidence, value))
            bare = value.rule == "transcript.label_cell.v1"  # a colonless label cell heads only a degree it names
            if is_degree_label(label) and value.end > value.start and not is_date and (
                    not bare or holds_degree(degree_ev, value)):
                if block:
                    reads.append(_block_read(doc, block + earlier, degree_ev, evidence))
                near = [(n, lab, v) for n, lab, v in before if index - n <= 2 and doc.lines[n].page == line.page]
                block, head_line, before = [("degree", value)], index, []
                earlier = [(lab, replace(v, score=min(v.score, BEFORE_SCORE))) for _n, lab, v in near]
                used |= {n for n, _lab, _v in near} | {index}
            elif block and index - head_line <= 4:
                block.append(("date" if is_degree_label(label) else label, value))
                used.add(index)
            elif is_conferral_label(label, worded=True) or is_field_label(label):
                before.append((index, label, value))
    if block:
        reads.append(_block_read(doc, block + earlier, degree_ev, evidence))
    return reads, used


def _bare_date(label: str) -> bool:
    """A label of date words only ("Date", "Year", "Date on"), no word of a conferral ("Date of Award" has one)."""
    return set(re.findall(r"[a-z]+", label.lower())) <= DATE_WORDS


def _block_read(doc: DocText, block: list[tuple[str, Found]], degree_ev: list[Evidence],
                evidence: list[Evidence]) -> DegreeRead:
    """The degree, field and conferral of one labelled block (the first of each label)."""
    head = block[0][1]
    mentions = [e for e in degree_ev if head.start <= e.start < head.end]
    head = Found(head.start, mentions[-1].end if mentions else head.end, "transcript.degree.v1", head.score)
    field = strongest(doc, [(field_rank(label), v) for label, v in block[1:] if is_field_label(label)
                            and not subject_code(label, doc.slice(v.start, v.end))], rivals=False)
    conferral = strongest(doc, _conferral_hits(block, evidence), same=same_day)
    if conferral is None:  # "Degree: Master of Arts in Counseling, 5 May 2012": the date in the value itself
        conferral = next((Found(e.start, e.end, e.rule, e.score) for e in evidence_inside(evidence, block[0][1])
                          if e.label == "DATE"), None)
    if field is not None:
        field = field_value(doc, degree_ev, Found(field.start, field.end, "transcript.field.v1", field.score))
    else:
        field = field_after(doc, head.end, block[0][1].end, "transcript.field_in_name.v1")
    return DegreeRead(head, field, conferral)


def _conferral_hits(block: list[tuple[str, Found]], evidence: list[Evidence]) -> list[tuple[int, Found]]:
    """The block's conferral labels by rank: those with a date, and an "Effective date" only when nothing else.

    Two conferral labels that name different days are a question for a person (requirements "Completed" in
    December, the degree dated in May). A label with no date after it is a column's header ("Earned" over the
    grades) and an "Effective date" beside a stronger label perhaps a program's start: neither is a rival.
    """
    hits = [(conferral_rank(label), _conferral_score(label, v)) for label, v in block[1:] if is_conferral_label(label)]
    hits = [hit for hit in hits if any(e.label == "DATE" for e in evidence_inside(evidence, hit[1]))] or hits
    stronger = [hit for hit in hits if hit[0] < EFFECTIVE_RANK]
    return stronger or hits


def _conferral_score(label: str, value: Found) -> Found:
    """A conferral under a bare date label or "Effective date" alone is perhaps another date: a person checks it."""
    if _bare_date(label) or conferral_rank(label) == EFFECTIVE_RANK:
        return replace(value, score=min(value.score, BARE_DATE_SCORE))
    return value


def table_degrees(doc: DocText, degree_ev: list[Evidence],
                  evidence: list[Evidence]) -> tuple[list[DegreeRead], set[int]]:
    """Rows of a table whose header has a degree column and a date column (a field column optional)."""
    reads: list[DegreeRead] = []
    used: set[int] = set()
    for index, line in enumerate(doc.lines):
        columns = _header_columns(doc, line)
        if columns is None:
            continue
        for row_index in range(index + 1, len(doc.lines)):
            row = doc.lines[row_index]
            read = _table_row(doc, row, line, columns, degree_ev, evidence) if row.page == line.page else None
            if read is None:
                break
            reads.append(read)
            used.add(row_index)
    return reads, used


def _header_columns(doc: DocText, line: Line) -> dict[str, int] | None:
    """Which cell of a header line is the degree, field and date column; None when it is no degree table."""
    names = [doc.slice(*_unruled(doc, s, e)).strip() for s, e in line.cell_spans()]
    columns: dict[str, int] = {}
    for number, name in enumerate(names):
        if is_degree_label(name) and DEGREE_NOUN.search(name):
            columns.setdefault("degree", number)
        elif is_field_label(name) or re.fullmatch(r"(?:academic\s+)?(?:program|major|field)s?", name, re.I):
            columns.setdefault("field", number)
        elif is_conferral_label(name):
            columns.setdefault("date", number)
            if number != columns["date"] and (is_conferral_label(name, worded=True) or DEGREE_NOUN.search(name)):
                columns.setdefault("rival_date", number)
    if "degree" not in columns and "field" in columns:  # "Program | Award Date": the program names the degree
        columns["degree"] = columns.pop("field")
    return columns if len(names) >= 2 and {"degree", "date"} <= set(columns) else None


def _table_row(doc: DocText, row: Line, header: Line, columns: dict[str, int],
               degree_ev: list[Evidence], evidence: list[Evidence]) -> DegreeRead | None:
    """One degree row, its cells placed under the header's columns by position; None at the table's end."""
    cells: dict[int, Found] = {}
    for start, end in (_unruled(doc, s, e) for s, e in row.cell_spans()):
        if start >= end:
            continue
        column = _column_of(doc, header, start, end)
        found = cells.get(column)
        cells[column] = Found(found.start if found else start, end, "transcript.table.v1", 0.95)
    degree_cell, date_cell = cells.get(columns["degree"]), cells.get(columns["date"])
    has_degree = degree_cell is not None and holds_degree(degree_ev, degree_cell)
    has_date = date_cell is not None and any(e.label == "DATE" for e in evidence_inside(evidence, date_cell))
    if degree_cell is None or len(row.cell_spans()) < 2 or not (has_degree or has_date):
        return None
    mentions = [e for e in degree_ev if degree_cell.start <= e.start < degree_cell.end]
    head = Found(degree_cell.start, mentions[-1].end if mentions else degree_cell.end, "transcript.table.v1", 0.95)
    field = cells.get(columns["field"]) if "field" in columns else None
    if field is None:
        field = field_after(doc, head.end, degree_cell.end, "transcript.field_in_name.v1")
    else:
        field = field_value(doc, degree_ev, field)
    return DegreeRead(head, field, date_cell, _rival_date(doc, evidence, cells, columns, date_cell))


def _rival_date(doc: DocText, evidence: list[Evidence], cells: dict[int, Found], columns: dict[str, int],
                date_cell: Found | None) -> tuple[str, ...]:
    """A reason to check a row whose second conferral-worded column ("Degree Date | Awarded") holds another day."""
    rival = cells.get(columns["rival_date"]) if "rival_date" in columns else None
    if rival is None or date_cell is None:
        return ()
    days = {same_day(e.text) for cell in (date_cell, rival) for e in evidence_inside(evidence, cell)
            if e.label == "DATE"}
    return ("degree.dates_disagree",) if len(days) > 1 else ()


def _unruled(doc: DocText, start: int, end: int) -> tuple[int, int]:
    """A cell without the table's ruling that a scan reads at its edges as characters ("| Major", "[ Degree")."""
    text = doc.slice(start, end)
    edges = "".join(RULE_MARKS) + " \n"
    left = len(text) - len(text.lstrip(edges))
    return start + left, start + max(left, len(text.rstrip(edges)))


def _column_of(doc: DocText, header: Line, start: int, end: int) -> int:
    """The header column a cell sits under: the one it overlaps most, else the nearest left edge."""
    x0, x1 = x_range(doc, start, end)
    spans = [x_range(doc, s, e) for s, e in header.cell_spans()]
    overlaps = [min(x1, h1) - max(x0, h0) for h0, h1 in spans]
    best = max(range(len(spans)), key=lambda n: overlaps[n])
    if overlaps[best] > 0:
        return best
    return min(range(len(spans)), key=lambda n: abs(spans[n][0] - x0))
