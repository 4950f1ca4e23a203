"""Transcripts: each degree (abbreviation, name, field, institution, conferral date); is the copy official.

A degree is read from one of three contexts, the most structured first: a labelled block
(`Degree Awarded:` / `DEGREE:` with `Major:` and `Date Conferred:`), a table whose header names a degree
column and a date column, or a sentence of a letter ("The degree of ... was conferred on ...").
Each degree's date comes from its own context only, so birth, printed and term dates are never taken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from extractors.fields import Extraction, Found, build_item, date_in, missing, slug
from extractors.forms import ocr_tolerant
from extractors.layout import DocText, Line
from extractors.nlp import Evidence
from extractors.vocab import degrees
from pipeline.models import Item

DEGREE_LABEL = re.compile(r"(?:(?:academic|conferred|awarded|earned)\s+)?"
                          r"(?:degree|award|credential|diploma|qualification)s?"
                          r"(?:\s+(?:awarded|conferred|granted|earned|received|title|name|type|held))?|awarded|"
                          r"(?:title|name)\s+of\s+(?:the\s+)?(?:degree|award)", re.I)
FIELD_LABEL = re.compile(r"(?:primary\s+|first\s+)?major(?:\s+field)?(?:\s+of\s+study)?s?|"
                         r"field(?:\s+of\s+study)?|(?:academic\s+)?program(?:\s+of\s+study|\s+name)?|"
                         r"course\s+of\s+study|concentration|speciali[sz]ation|discipline|"
                         r"(?:area|subject)(?:\s+of\s+(?:study|concentration|specialization))?|emphasis|"
                         r"(?:academic\s+)?plan", re.I)
DEGREE_NOUN = re.compile(r"degree|award\b|credential|diploma|qualification", re.I)
"""A degree column's header names the thing ("Degree Awarded"); "Awarded" alone heads the dates."""
CONFERRAL_WORDS = frozenset({"conferred", "conferral", "confer", "conf", "awarded", "award", "granted", "grant",
                             "graduation", "graduated", "completion", "completed", "earned", "degree"})
"""Words a conferral date's label is made of ("Date Conferred", "Degree Date", "Graduation Date", "Date of Award")."""
DATE_WORDS = frozenset({"date", "dt", "year", "on", "of", "the"})
CONFERRAL_CUES = frozenset({"conferred", "conferral", "confer", "conf", "awarded", "granted", "graduation",
                            "graduated", "completion", "completed", "earned", "date", "dt", "year"})
"""A conferral label has one of these; any other word ("birth", "printed", "issued", "entered", "expected") makes it
another date's label."""
LABEL_CELL = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z ./']{0,30}?)\s*:\s*")
UNOFFICIAL = re.compile(r"\bunofficial\b|\b(?:student|advising|personal|informational)\s+copy\b|"
                        r"\bnot\s+(?:an?\s+)?official\b|\bissued\s+to\s+(?:the\s+)?student\b|"
                        r"\bcopy\s+for\s+(?:the\s+)?student\b|\bfor\s+advising\s+(?:purposes\s+)?only\b|"
                        r"\bnot\s+for\s+(?:official|external)\s+use\b", re.I)
OFFICIAL = re.compile(r"\bofficial\b|\b(?:bears|bearing|under)\s+the\s+(?:\w+\s+)?seal\b", re.I)
INSTITUTION = re.compile(r"\b(university|college|institute|school|academy|seminary|conservatory|polytechnic)\b",
                         re.I)
INSTITUTION_LABEL = re.compile(r"(?:(?:awarding|granting|degree[\s-]granting)\s+)?(?:institution|school|college|"
                               r"university)(?:\s+name)?|name\s+of\s+(?:the\s+)?(?:institution|school)", re.I)
RECORD_TITLE = re.compile(r"^\s*(?:(?:un)?official\s+)?(?:academic\s+)?(?:transcript|record)\s*"
                          r"(?:of|from|[-\u2013:|])\s*|"
                          r"\s*[-\u2013:|]?\s*(?:(?:un)?official\s+)?(?:academic\s+)?(?:transcript|record)\b.*$", re.I)
"""A heading's document title around the institution ("Ridgeline University Official Transcript")."""
COVER_PAGE = re.compile(r"\bcover\s+(?:page|sheet)\b|\bnot\s+part\s+of\s+the\s+(?:official\s+)?transcript\b", re.I)
OFFICE_SUFFIX = re.compile(r"\s*[,\-\u2013]\s*(?:(?:the\s+)?office\s+of\s+(?:the\s+)?(?:university\s+)?registrar|"
                           r"registrar'?s?\s+office|(?:university\s+)?registrar)\b.*$", re.I)
CONFERRAL_VERB = re.compile(r"\b(?:conferred|awarded|granted|earned|received|completed|graduated|fulfilled|"
                            r"satisfied|admitted\s+to)\b")
DATE_LEAD = re.compile(r"\b(?:on|conferred|awarded|granted|earned|received|completed|effective|as\s+of)\s+"
                       r"(?:the\s+)?$", re.I)
FIELD_LEAD = re.compile(r"^[\s)]*(?:degree\s+(?=in\b))?(?:in\b|[,:(\-\u2013\u2014])\s*", re.I)
"""What joins a field to its degree's name: "in", a comma, a colon, a bracket or a dash ("MSW degree in ...")."""
MAJOR_PHRASE = re.compile(r"\b(?:major(?:ing)?|concentration|specialization|emphasis)(?:\s+in|\s*:)?\s+", re.I)
TITLE_WORDS = re.compile(r"[A-Z][\w&'\-]*(?:\s+(?:(?:and|of|in|for|the|&)\s+)*[A-Z][\w&'\-]*)*")
HONOURS = re.compile(r"\s*(?:(?:summa|magna)\s+)?cum\s+laude|(?:with\s+)?(?:high(?:est)?\s+)?(?:honou?rs|distinction|"
                     r"merit)|first[\s-]class(?:\s+honou?rs)?\s*", re.I)
ARTICLE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he|of|her|his|their)\s+$")


@dataclass
class DegreeRead:
    """Where one degree was read: its mention, the field and conferral ranges, and the rule that found them."""

    head: Found
    field: Found | None
    conferral: Found | None
    reasons: tuple[str, ...] = ()


def extract(doc: DocText, evidence: list[Evidence]) -> Extraction:
    """Every degree on the transcript, from labelled blocks, a degree table or letter sentences."""
    result = Extraction(official=officialness(doc.text))
    institution = _institution(doc)
    evidence = sorted(evidence + _loose_degrees(doc, evidence), key=lambda e: e.start)
    degree_ev = [e for e in evidence if e.label == "DEGREE"]
    reads, used = _labelled_degrees(doc, degree_ev, evidence)
    table_reads, table_used = _table_degrees(doc, degree_ev, evidence)
    reads += table_reads
    used |= table_used
    reads += _sentence_degrees(doc, [e for e in degree_ev if _line_index(doc, e.start) not in used], evidence)
    taken = [(read.head.start, read.head.end) for read in reads]
    reads += _listed_degrees(doc, [e for e in degree_ev if not any(s <= e.start < e_ for s, e_ in taken)], evidence)
    for number, read in enumerate(reads, start=1):
        result.items.append(_degree_item(doc, evidence, read, institution, result.official, number))
    unread = [doc.slice(start, end) for start, end, short in _mentions(doc, degree_ev) if not short
              and not any(read.head.start <= start < read.head.end for read in reads)]
    if reads and unread:
        result.flags.append(missing(doc.document, "transcript.degree_unread",
                                    f"{len(unread)} more degree name(s) appear on the transcript but were not read "
                                    "as awarded degrees; a person should check whether one was conferred."))
    if not reads:
        result.flags.append(missing(doc.document, "transcript.no_degree",
                                    "No awarded degree could be read on this transcript."))
    if result.official is None:
        result.flags.append(missing(doc.document, "transcript.officialness_unknown",
                                    "The transcript does not say whether it is official."))
    return result


def officialness(text: str) -> bool | None:
    """False for unofficial or student copies, True when the copy says official (or sealed), None when silent."""
    if UNOFFICIAL.search(text):
        return False
    return True if OFFICIAL.search(text) else None


def is_degree_label(label: str) -> bool:
    """Whether a label names the degree; one of the names joined by a slash is enough ("Degree/Certificate")."""
    return any(DEGREE_LABEL.fullmatch(part.strip()) for part in label.split("/"))


def is_field_label(label: str) -> bool:
    """Whether a label names the field of study; one of the names joined by a slash is enough ("Major/Program")."""
    return any(FIELD_LABEL.fullmatch(part.strip()) for part in label.split("/"))


def is_conferral_label(label: str, *, worded: bool = False) -> bool:
    """Whether a label or column header names a conferral date, by its words (a bracketed format aside).

    `worded`: a date word alone ("Date", "Year") is not enough; the label must say conferred, awarded, ...
    A long word one letter off a label word is that word (a scan's "Conterred").
    """
    words = {_label_word(w) for w in re.findall(r"[a-z]+", re.sub(r"\(.*?\)", " ", label.lower()))}
    cues = CONFERRAL_CUES - DATE_WORDS if worded else CONFERRAL_CUES
    return bool(words & cues) and words <= CONFERRAL_WORDS | DATE_WORDS


LOOSE_LEVEL = {"Master": r"Master(?:'?s)?", "Bachelor": r"Bachelor(?:'?s)?", "Doctor": r"Doctor(?:ate)?"}
"""How writers bend a degree's level word: "Masters of", "Master's of", "Doctorate of"."""


@lru_cache(maxsize=1)
def _loose_names() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each vocabulary name spelled loosely: the level word bent, "in" for its "of", a word split by a stray space."""
    loose = []
    for degree in degrees().degrees:
        for name in degree.names:
            level, *rest = name.split()
            if level not in LOOSE_LEVEL or not rest or rest[0] != "of":
                continue
            words = r"[^\S\n]+".join(ocr_tolerant(re.escape(word)) for word in rest[1:])
            loose.append((degree.abbreviation,
                          re.compile(rf"(?i)\b{LOOSE_LEVEL[level]}[^\S\n]+(?:of|in)[^\S\n]+{words}\b")))
    return tuple(loose)


def _loose_degrees(doc: DocText, evidence: list[Evidence]) -> list[Evidence]:
    """Degree names the vocabulary's exact spelling missed, at a lower score (the reading is less certain)."""
    taken = [(e.start, e.end) for e in evidence if e.label == "DEGREE"]
    found: list[Evidence] = []
    for abbreviation, pattern in _loose_names():
        for match in pattern.finditer(doc.text):
            if not any(s < match.end() and match.start() < e for s, e in taken):
                found.append(Evidence("DEGREE", f"degree.name.{abbreviation}.loose.v1", 0.88, match.start(),
                                      match.end(), match.group()))
                taken.append((match.start(), match.end()))
    return found


# --- labelled blocks -------------------------------------------------------------------------------------


def _label_word(word: str) -> str:
    """The conferral label word a word of six letters or more is one letter off from, else the word itself."""
    if len(word) < 6 or word in CONFERRAL_WORDS:
        return word
    near = [known for known in CONFERRAL_WORDS if len(known) == len(word)
            and sum(a != b for a, b in zip(known, word, strict=True)) == 1]
    return near[0] if len(near) == 1 else word


def ends_with_conferral_label(text: str) -> bool:
    """Whether text ends in a conferral label, colon or not ("..., conferred", "... Degree Date:")."""
    words = re.findall(r"[A-Za-z]+", re.split(r"[,;(\-\u2013|]", text)[-1])
    return any(is_conferral_label(" ".join(words[-n:]), worded=True) for n in range(1, min(len(words), 4) + 1))


def _conferral_line(lead: str) -> bool:
    """Whether the text before a date in its cell is nothing, or only a conferral label."""
    return not lead.strip() or is_conferral_label(lead.strip().rstrip(":"), worded=True)


def _segments(doc: DocText, line: Line) -> list[tuple[str, Found]]:
    """A line's `Label: value` pairs; a value runs over the following unlabelled cells.

    A cell that is a transcript label without a colon ("Degree Awarded", "Conferral Date") labels the cells after
    it, unless the next cell is a label too (a table's header row).
    """
    segments: list[tuple[str, Found]] = []
    cells = [(start, end, doc.slice(start, end)) for start, end in line.cell_spans()]
    for number, (start, end, text) in enumerate(cells):
        match = LABEL_CELL.match(text)
        following = cells[number + 1][2] if number + 1 < len(cells) else ""
        if match:
            value_start = start + match.end()
            segments.append((match.group("label").strip(), Found(value_start, end, "transcript.label.v1", 0.97)))
        elif _bare_label(text) and following and not _bare_label(following) and not LABEL_CELL.match(following):
            segments.append((text.strip(), Found(end, end, "transcript.label_cell.v1", 0.93)))
        elif segments:
            label, found = segments[-1]
            segments[-1] = (label, Found(found.start, end, found.rule, found.score))
    return [(label, _trimmed(doc, found)) for label, found in segments]


def _bare_label(text: str) -> bool:
    """A cell that is only a degree, field or conferral label (a bare "Date" names too many dates to count)."""
    label = text.strip()
    return (bool(is_degree_label(label) or is_field_label(label) or is_conferral_label(label))
            and label.lower() != "date")


BEFORE_SCORE = 0.9
"""A label read before its degree's own label pairs by nearness alone: a little less sure than one after it."""


def _labelled_degrees(doc: DocText, degree_ev: list[Evidence],
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
        for label, value in _segments(doc, line):
            is_date = not _has(degree_ev, value) and any(e.label == "DATE" for e in _inside(evidence, value))
            bare = value.rule == "transcript.label_cell.v1"  # a colonless label cell heads only a degree it names
            if is_degree_label(label) and value.end > value.start and not is_date and (
                    not bare or _has(degree_ev, value)):
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


def _block_read(doc: DocText, block: list[tuple[str, Found]], degree_ev: list[Evidence],
                evidence: list[Evidence]) -> DegreeRead:
    """The degree, field and conferral of one labelled block (the first of each label)."""
    head = block[0][1]
    mentions = [e for e in degree_ev if head.start <= e.start < head.end]
    head = Found(head.start, mentions[-1].end if mentions else head.end, "transcript.degree.v1", head.score)
    field = next((v for label, v in block[1:] if is_field_label(label)), None)
    conferral = next((v for label, v in block[1:] if is_conferral_label(label)), None)
    if conferral is None:  # "Degree: Master of Arts in Counseling, 5 May 2012": the date in the value itself
        conferral = next((Found(e.start, e.end, e.rule, e.score) for e in _inside(evidence, block[0][1])
                          if e.label == "DATE"), None)
    if field is not None:
        field = _field_value(doc, degree_ev, Found(field.start, field.end, "transcript.field.v1", field.score))
    else:
        field = _field_after(doc, head.end, block[0][1].end, "transcript.field_in_name.v1")
    return DegreeRead(head, field, conferral)


# --- degree tables ---------------------------------------------------------------------------------------


def _table_degrees(doc: DocText, degree_ev: list[Evidence],
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
    names = [doc.slice(s, e).strip() for s, e in line.cell_spans()]
    columns: dict[str, int] = {}
    for number, name in enumerate(names):
        if is_degree_label(name) and DEGREE_NOUN.search(name):
            columns.setdefault("degree", number)
        elif is_field_label(name) or re.fullmatch(r"(?:academic\s+)?(?:program|major|field)s?", name, re.I):
            columns.setdefault("field", number)
        elif is_conferral_label(name):
            columns.setdefault("date", number)
    if "degree" not in columns and "field" in columns:  # "Program | Award Date": the program names the degree
        columns["degree"] = columns.pop("field")
    return columns if len(names) >= 2 and {"degree", "date"} <= set(columns) else None


def _table_row(doc: DocText, row: Line, header: Line, columns: dict[str, int],
               degree_ev: list[Evidence], evidence: list[Evidence]) -> DegreeRead | None:
    """One degree row, its cells placed under the header's columns by position; None at the table's end."""
    cells: dict[int, Found] = {}
    for start, end in row.cell_spans():
        column = _column_of(doc, header, start, end)
        found = cells.get(column)
        cells[column] = Found(found.start if found else start, end, "transcript.table.v1", 0.95)
    degree_cell, date_cell = cells.get(columns["degree"]), cells.get(columns["date"])
    has_degree = degree_cell is not None and _has(degree_ev, degree_cell)
    has_date = date_cell is not None and any(e.label == "DATE" for e in _inside(evidence, date_cell))
    if degree_cell is None or len(row.cell_spans()) < 2 or not (has_degree or has_date):
        return None
    mentions = [e for e in degree_ev if degree_cell.start <= e.start < degree_cell.end]
    head = Found(degree_cell.start, mentions[-1].end if mentions else degree_cell.end, "transcript.table.v1", 0.95)
    field = cells.get(columns["field"]) if "field" in columns else None
    if field is None:
        field = _field_after(doc, head.end, degree_cell.end, "transcript.field_in_name.v1")
    else:
        field = _field_value(doc, degree_ev, field)
    return DegreeRead(head, field, date_cell)


def _column_of(doc: DocText, header: Line, start: int, end: int) -> int:
    """The header column a cell sits under: the one it overlaps most, else the nearest left edge."""
    x0, x1 = _x_range(doc, start, end)
    spans = [_x_range(doc, s, e) for s, e in header.cell_spans()]
    overlaps = [min(x1, h1) - max(x0, h0) for h0, h1 in spans]
    best = max(range(len(spans)), key=lambda n: overlaps[n])
    if overlaps[best] > 0:
        return best
    return min(range(len(spans)), key=lambda n: abs(spans[n][0] - x0))


def _x_range(doc: DocText, start: int, end: int) -> tuple[float, float]:
    placed = doc.words_in(start, end)
    return min(p.word.bbox[0] for p in placed), max(p.word.bbox[2] for p in placed)


# --- sentences -------------------------------------------------------------------------------------------


def _sentence_degrees(doc: DocText, degree_ev: list[Evidence], evidence: list[Evidence]) -> list[DegreeRead]:
    """Degrees named in a letter's sentences that say they were conferred, each with the date "on" it."""
    reads: list[DegreeRead] = []
    mentions = _mentions(doc, degree_ev)
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
        field = _field_after(doc, end, limit, "transcript.sentence_field.v1", titled=True)
        major = MAJOR_PHRASE.search(doc.slice(end, min(last, after)))
        if field is None and major:
            field = _titled(doc, end + major.end(), min(last, after), "transcript.sentence_major.v1")
        reads.append(DegreeRead(Found(start, end, "transcript.sentence.v1", 0.93), field, conferral))
    return reads


def _in_prose(doc: DocText, offset: int) -> bool:
    """Whether an offset sits on a line of running text (one cell), not in a table row."""
    line = doc.line_at(offset)
    return line is not None and len(line.cell_spans()) == 1


def _mentions(doc: DocText, degree_ev: list[Evidence]) -> list[tuple[int, int, bool]]:
    """Degree evidence grouped into mentions ("Bachelor of Science (BS)" is one): start, end, abbreviation only."""
    mentions: list[tuple[int, int, bool]] = []
    for ev in degree_ev:
        short = ".abbreviation." in ev.rule
        if mentions and re.fullmatch(r"[\s()]*", doc.slice(mentions[-1][1], ev.start)):
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


# --- degree lists ----------------------------------------------------------------------------------------


def _listed_degrees(doc: DocText, degree_ev: list[Evidence], evidence: list[Evidence]) -> list[DegreeRead]:
    """Degrees listed one a cell, the conferral beside or just below: a registrar's "Degrees Earned" section.

    "Master of Education in Early Childhood Education" over "Conferred 12/22/10", in any column.

    Only a full degree name that starts its cell counts (never an abbreviation alone, never a course title's
    words), and only with a conferral date found there, so a term date or a date of birth is never taken.
    """
    reads = []
    for start, end, abbreviation_only in _mentions(doc, degree_ev):
        cell = _cell_at(doc, start)
        if cell is None or doc.slice(cell[0], start).strip() or (abbreviation_only and not _under_degree_heading(
                doc, degree_ev, _line_index(doc, cell[0]))):
            continue
        conferral = (_conferral_in(doc, evidence, end, cell[1]) or _conferral_below(doc, evidence, cell)
                     or _conferral_atop_next_column(doc, evidence, degree_ev, cell))
        row = _section_row(doc, evidence, degree_ev, cell, end) if conferral is None else None
        if row is not None:
            conferral = row.conferral
        if conferral is None:
            continue
        limit = min([cell[1]] + [e.start for e in evidence if e.label == "DATE" and end <= e.start < cell[1]])
        field = _field_after(doc, end, limit, "transcript.list_field.v1") or (row.field if row else None)
        reads.append(DegreeRead(Found(start, end, "transcript.list.v1", 0.93), field, conferral))
    return reads


SECTION_ROW_SCORE = 0.88
"""A row under a degrees heading says nothing of its date but where it stands: less sure than a labelled date."""


def _section_row(doc: DocText, evidence: list[Evidence], degree_ev: list[Evidence],
                 cell: tuple[int, int], mention_end: int) -> DegreeRead | None:
    """A degree row under a "Degrees Awarded" heading with no column header: its date (and field) beside it.

    "Master of Social Work | Social Work | 05/07/2012" or "M.S.W., Social Work, 05/07/2012": the first date after
    the degree in its cell, else the first later cell holding a date alone or after a conferral word, is the
    conferral; a cell of words between them is the field. Every line between the heading and the row names a
    degree too, so a course list under the section is never read this way.
    """
    index = _line_index(doc, cell[0])
    if not _under_degree_heading(doc, degree_ev, index):
        return None
    in_cell = [e for e in evidence if e.label == "DATE" and mention_end <= e.start and e.end <= cell[1]]
    if in_cell:
        conferral = Found(in_cell[0].start, in_cell[0].end, "transcript.section_row.v1", SECTION_ROW_SCORE)
        return DegreeRead(Found(cell[0], cell[1], "", 0.0), None, conferral)
    field = None
    for start, end in [c for c in doc.lines[index].cell_spans() if c[0] >= cell[1]]:
        dates = [e for e in evidence if e.label == "DATE" and start <= e.start and e.end <= end]
        if dates and _conferral_line(doc.slice(start, dates[0].start)):
            conferral = Found(dates[0].start, dates[0].end, "transcript.section_row.v1", SECTION_ROW_SCORE)
            return DegreeRead(Found(cell[0], cell[1], "", 0.0), field, conferral)
        text = doc.slice(start, end)
        if field is None and re.fullmatch(r"\s*[A-Za-z][A-Za-z&,' \-]*[A-Za-z]\s*", text) and not _bare_label(text):
            field = _trimmed(doc, Found(start, end, "transcript.section_field.v1", SECTION_ROW_SCORE))
    return None


def _under_degree_heading(doc: DocText, degree_ev: list[Evidence], index: int) -> bool:
    """Whether a line follows a degrees heading ("Degrees Awarded", "DEGREE(S) CONFERRED"), only degree rows between."""
    for above in range(index - 1, max(index - 5, -1), -1):
        line = doc.lines[above]
        text = re.sub(r"[():]|\(s\)", "", doc.slice(line.start, line.end)).strip()
        if line.page != doc.lines[index].page:
            return False
        if DEGREE_LABEL.fullmatch(text) and DEGREE_NOUN.search(text) and len(line.cell_spans()) == 1:
            return True
        if not _has(degree_ev, Found(line.start, line.end, "", 0.0)):
            return False
    return False


def _cell_at(doc: DocText, offset: int) -> tuple[int, int] | None:
    line = doc.line_at(offset)
    return next(((s, e) for s, e in line.cell_spans() if s <= offset < e), None) if line else None


def _conferral_in(doc: DocText, evidence: list[Evidence], start: int, end: int) -> Found | None:
    """A date in the range led by a conferral word ("..., conferred May 10, 2014")."""
    for ev in evidence:
        if ev.label == "DATE" and start <= ev.start and ev.end <= end and ends_with_conferral_label(
                doc.slice(start, ev.start)):
            return Found(ev.start, ev.end, "transcript.list_date.v1", 0.93)
    return None


def _conferral_below(doc: DocText, evidence: list[Evidence], cell: tuple[int, int]) -> Found | None:
    """The date of the cell under a degree's cell (same column, within two lines) that is a conferral line."""
    index = _line_index(doc, cell[0])
    x0, x1 = _x_range(doc, *cell)
    for line in doc.lines[index + 1:index + 3]:
        if line.page != doc.lines[index].page:
            break
        for start, end in line.cell_spans():
            c0, c1 = _x_range(doc, start, end)
            if min(x1, c1) - max(x0, c0) <= 0.3 * min(x1 - x0, c1 - c0):
                continue
            dates = [e for e in evidence if e.label == "DATE" and start <= e.start and e.end <= end]
            if dates and _conferral_line(doc.slice(start, dates[0].start)):
                return Found(dates[0].start, dates[0].end, "transcript.list_date.v1", 0.93)
    return None


def _conferral_atop_next_column(doc: DocText, evidence: list[Evidence], degree_ev: list[Evidence],
                                cell: tuple[int, int]) -> Found | None:
    """A conferral line at the head of the next column, for a degree at the foot of its own: the list ran on.

    Only when nothing follows the degree in its column, and the conferral line (led by its word: "Conferred ...")
    has no degree over it in its own column; the topmost such line right of the degree, above it on the page.
    """
    index = _line_index(doc, cell[0])
    page = doc.lines[index].page
    x0, x1 = _x_range(doc, *cell)
    if any(_overlapping(doc, line, x0, x1) for line in doc.lines[index + 1:] if line.page == page):
        return None
    for number, line in enumerate(doc.lines[:index]):
        for start, end in line.cell_spans() if line.page == page else []:
            dates = [e for e in evidence if e.label == "DATE" and start <= e.start and e.end <= end]
            lead = doc.slice(start, dates[0].start) if dates else ""
            if (not dates or not lead.strip() or not _conferral_line(lead)
                    or _x_range(doc, start, end)[0] <= x1):
                continue
            above = [cell_ for line_ in doc.lines[max(number - 2, 0):number] if line_.page == page
                     for cell_ in _overlapping(doc, line_, *_x_range(doc, start, end))]
            if not any(_has(degree_ev, Found(s_, e_, "", 0.0)) for s_, e_ in above):
                return Found(dates[0].start, dates[0].end, "transcript.list_next_column.v1", 0.85)
    return None


def _overlapping(doc: DocText, line: Line, x0: float, x1: float) -> list[tuple[int, int]]:
    """The cells of a line that share most of their width with the range x0-x1 (the same column)."""
    cells = []
    for start, end in line.cell_spans():
        c0, c1 = _x_range(doc, start, end)
        if min(x1, c1) - max(x0, c0) > 0.3 * min(x1 - x0, c1 - c0):
            cells.append((start, end))
    return cells


# --- values ----------------------------------------------------------------------------------------------


def _field_after(doc: DocText, start: int, end: int, rule: str, *, titled: bool = False) -> Found | None:
    """A field written into the degree's name ("Master of Arts in Counseling", "MSW - Social Work")."""
    lead = FIELD_LEAD.match(doc.slice(start, end))
    if lead is None:
        return None
    if titled:
        return _titled(doc, start + lead.end(), end, rule)
    value = re.match(r"[^\d()]*", doc.slice(start + lead.end(), end))
    found = Found(start + lead.end(), start + lead.end() + (value.end() if value else 0), rule, 0.9)
    found = _trimmed(doc, found)
    return found if re.search(r"[A-Za-z]{3}", doc.slice(found.start, found.end)) else None


def _titled(doc: DocText, start: int, end: int, rule: str) -> Found | None:
    """Capitalised words (joined by and/of/in/for) at `start`: a field named inside a sentence."""
    match = TITLE_WORDS.match(doc.slice(start, end))
    return Found(start, start + match.end(), rule, 0.9) if match else None


PLAN_TYPE = re.compile(r"(?:^\s*(?:major|minor|concentration)\s*(?:in|:|-)\s+)|"
                       r"(?:[\s,(-]+(?:major|minor|concentration|emphasis|track|specialization|option)\)?\s*$)", re.I)
"""A student-records system prints a plan with its type ("Psychology Major", "Major in Social Work"): the type
word is not the field."""


def _field_value(doc: DocText, degree_ev: list[Evidence], found: Found) -> Found | None:
    """A field label's value without its plan type; only the field inside a degree name it holds (or None).

    "Program: Master of Arts in Counseling" gives "Counseling"; "Program: Master of Social Work" gives no field
    (the degree is not its field, and a person should look).
    """
    inside = [e for e in degree_ev if found.start <= e.start < found.end]
    if inside:
        return _field_after(doc, inside[-1].end, found.end, found.rule)
    return _without_plan_type(doc, found)


def _without_plan_type(doc: DocText, found: Found) -> Found:
    """The field without the plan type a records system writes before or after it."""
    text = doc.slice(found.start, found.end)
    start, end = 0, len(text)
    for match in PLAN_TYPE.finditer(text):
        if match.start() == 0 and match.end() < len(text):
            start = match.end()
        elif match.end() == len(text) and match.start() > start:
            end = match.start()
    return Found(found.start + start, found.start + end, found.rule, found.score)


def _trimmed(doc: DocText, found: Found) -> Found:
    """The same range without surrounding spaces and punctuation."""
    text = doc.slice(found.start, found.end)
    left = len(text) - len(text.lstrip(" \n,;:-"))
    right = len(text.rstrip(" \n,;:-"))
    return Found(found.start + left, found.start + max(left, right), found.rule, found.score)


def _inside(evidence: list[Evidence], found: Found) -> list[Evidence]:
    return [e for e in evidence if found.start <= e.start and e.end <= found.end]


def _has(degree_ev: list[Evidence], found: Found) -> bool:
    """Whether a range holds degree evidence."""
    return any(found.start <= e.start < found.end for e in degree_ev)


def _line_index(doc: DocText, offset: int) -> int:
    return next((n for n, line in enumerate(doc.lines) if line.start <= offset <= line.end), -1)


def _degree_item(doc: DocText, evidence: list[Evidence], read: DegreeRead, institution: Found | None,
                 official: bool | None, number: int) -> Item:
    """One degree item with its provenance and the reasons a person should look at it."""
    reasons = list(read.reasons)
    found = [e for e in evidence if e.label == "DEGREE" and read.head.start <= e.start < read.head.end]
    abbreviation, name, rule, score, agree = _identify(doc.slice(read.head.start, read.head.end), found)
    reasons += [] if agree else ["degree.name_abbreviation_disagree"]
    if rule == "degree.unrecognised.v1":
        reasons.append("degree.unrecognised")
    conferred, conferred_found = date_in(doc, read.conferral, evidence)
    if conferred_found is not None and read.conferral is not None:  # the date's span, scored by the rule that chose it
        conferred_found = replace(conferred_found, score=min(conferred_found.score, read.conferral.score))
    if read.field is not None and HONOURS.fullmatch(doc.slice(read.field.start, read.field.end)):
        read = replace(read, field=None)  # "Bachelor of Arts, cum laude": a distinction, not the field
    checks = {"degree.conferral_date_missing": conferred is None,
              "degree.conferral_date_imprecise": conferred is not None and conferred.precision != "day",
              "degree.field_missing": read.field is None,
              "degree.institution_missing": institution is None, "transcript.unofficial": official is False}
    reasons += [code for code, failed in checks.items() if failed]
    value = {
        "abbreviation": abbreviation,
        "name": name,
        "field": doc.slice(read.field.start, read.field.end) if read.field else None,
        "institution": doc.slice(institution.start, institution.end) if institution else None,
        "conferred": conferred.iso() if conferred else None,
        "official": official,
    }
    sources = [Found(read.head.start, read.head.end, rule, min(score, read.head.score))]
    sources += [s for s in (conferred_found, read.field) if s is not None]
    key = f"degree:{slug(abbreviation)}:{value['conferred'] or f'undated-{number}'}"
    return build_item(doc, "degree", key, value, sources, reasons)


def _identify(text: str, found: list[Evidence]) -> tuple[str, str, str, float, bool]:
    """Abbreviation, name, rule and score of a span's degree (the span itself if unknown); do its spellings agree."""
    vocabulary = {d.abbreviation: d for d in degrees().degrees}
    known = [e for e in sorted(found, key=lambda e: -e.score) if e.rule.split(".")[2] in vocabulary]
    if not known:
        return text.strip(), text.strip(), "degree.unrecognised.v1", 0.5, True
    abbreviation = known[0].rule.split(".")[2]
    agree = all(e.rule.split(".")[2] == abbreviation for e in known)
    return abbreviation, vocabulary[abbreviation].names[0], known[0].rule, known[0].score, agree


def _institution(doc: DocText) -> Found | None:
    """The first cell near the top of the record's first page naming a university, college, institute or school.

    A delivery service's cover page ("This cover page is not part of the transcript") is skipped, and an office
    after the name ("..., Office of the Registrar") or the record's title ("... Official Transcript") is not part
    of it; a street address ("12 University Ave") is not a name. Without such a heading, an `Institution:` field.
    """
    covers = {line.page for line in doc.lines if COVER_PAGE.search(doc.slice(line.start, line.end))}
    record = [line for line in doc.lines if line.page not in covers]
    for line in record[:6]:
        for start, end in line.cell_spans():
            text = doc.slice(start, end)
            if (INSTITUTION.search(text) and ":" not in text and not re.match(r"\s*(?:office\b|\d)", text, re.I)):
                return _name_only(doc, start, end, "transcript.institution.v1", 0.9)
    for line in record:
        for label, value in _segments(doc, line):
            if INSTITUTION_LABEL.fullmatch(label) and INSTITUTION.search(doc.slice(value.start, value.end)):
                return _name_only(doc, value.start, value.end, "transcript.institution_field.v1", 0.93)
    return None


def _name_only(doc: DocText, start: int, end: int, rule: str, score: float) -> Found:
    """An institution's cell without the office or the record title written beside the name."""
    text = doc.slice(start, end)
    office = OFFICE_SUFFIX.search(text)
    text = text[:office.start()] if office else text
    for title in RECORD_TITLE.finditer(text):
        if title.end() < len(text) and title.start() == 0 and INSTITUTION.search(text[title.end():]):
            start, text = start + title.end(), text[title.end():]
        elif title.start() > 0 and INSTITUTION.search(text[:title.start()]):
            text = text[:title.start()]
    return Found(start, start + len(text), rule, score)
