"""Transcripts: the sure shapes of a degree entry's lines and cells; anything beyond a shape is doubted.

Each rule here says what a harmless line or cell looks like (a figures line of completed totals, a student's
particular in a cell of its own, a footer at the foot of its page, a field of subject words) rather than listing
the words that make one doubtful: a wording nobody listed still falls outside the shape and is checked by a person.
"""

from __future__ import annotations

import re

from extractors.fields import DOUBTED_CONFIDENCE, POLICY_REASONS, Found
from extractors.layout import DocText
from extractors.transcript_labels import DEGREE_STATUS
from extractors.transcript_values import INSTITUTION_KIND
from pipeline.models import Item

FIGURE_LABEL = (r"(?:gpa|g\.p\.a\.|credits?|(?:credit\s+|semester\s+|quarter\s+)?(?:hours|units)|"
                r"(?:quality|grade)\s+points)")
"""What a figure on an entry's figures line counts: a grade point average, credits, hours or points."""
TOTAL_WORD = r"(?:cumulative|overall|total|earned|degree|program|career|institutional|graduate|undergraduate|major)"
"""The words that make a figure's label one of a completed total ("Cumulative GPA", "Total Credits Earned")."""
FIGURES_LINE = re.compile(rf"(?:\s*(?:{TOTAL_WORD}\s+){{0,3}}{FIGURE_LABEL}(?:\s+{TOTAL_WORD}){{0,2}}"
                          r"\s*:?\s*\d{1,3}(?:\.\d{1,3})?[\s,;]*)+", re.I)
"""An entry's figures alone, each a completed total's label and its number ("Cumulative GPA: 3.85", "Total Credits
Earned: 60", "Degree GPA 3.91 Credits 60.0"): nothing about the row's date. A label with any other word ("Credits
Remaining", "Hours Required", "Credits Attempted") is no such line: it may say the degree is unfinished."""

FIGURE = re.compile(rf"(?P<label>(?:{TOTAL_WORD}\s+){{0,3}}{FIGURE_LABEL}(?:\s+{TOTAL_WORD}){{0,2}})\s*:?\s*"
                    r"(?P<number>\d{1,3}(?:\.\d{1,3})?)", re.I)
"""One figure of a figures line, its label and its number."""


def figures_unfinished(text: str) -> bool:
    """Whether an entry's figures say its degree is unfinished: a count of nothing, or two counts that differ.

    A finished degree's figures give each count once ("Total Credits Earned: 60", "Cumulative GPA 3.85"). Two
    figures of one unit that differ ("Program Credits: 60  Credits Earned: 42": earned short of the programme's
    total) or a count of 0 ("Credits Earned: 0") say the degree may not be conferred. A grade point average is no
    count.
    """
    counts: dict[str, set[float]] = {}
    for figure in FIGURE.finditer(text):
        unit = re.search(r"credit|hour|unit|point|gpa|g\.p\.a\.", figure.group("label"), re.I)
        kind = unit.group().lower() if unit else "?"
        if kind in ("gpa", "g.p.a."):
            continue
        counts.setdefault(kind, set()).add(float(figure.group("number")))
    return any(len(numbers) > 1 or 0.0 in numbers for numbers in counts.values())


PARTICULAR_CELL = re.compile(r"\s*(?:(?:student|learner|record|campus)\s+)?(?:id|i\.d\.|no\.?|number|#)\s*(?:no\.?)?"
                             r"\s*:\s*[A-Za-z]{0,3}[\-\s]?\d[\d\-\s]*|"
                             r"\s*(?:(?:student|learner)\s+)?name\s*:\s*[A-Z][A-Za-z.'\-]*(?:,?\s+[A-Z][A-Za-z.'\-]*){0,3}"
                             r"\s*|"
                             r"\s*(?:(?:student|learner|record|campus)\s+)?(?:id|i\.d\.|no\.?|number|#|name)\s*:\s*",
                             re.I)
"""A cell of a student's particular beside a degree row: an ID label and its number ("Student ID: 0412", "No.:
A-20419"), a name label and a person's name ("Name: Dana K. Lowe"), or such a label alone (its value in the next
cell). Any other label cell ("Transfer:", "Awarded by: ...", "Second Major: ...") may say where or how the degree
stands."""


def particular_cell(text: str) -> bool:
    """Whether a cell on a degree's row is a student's particular (`PARTICULAR_CELL`), naming no institution."""
    return bool(PARTICULAR_CELL.fullmatch(text)) and not INSTITUTION_KIND.search(text)


FRAME = r"[\s*=_\-#.]*"
RECORD_END = re.compile(rf"{FRAME}end\s+of\s+(?:the\s+)?(?:official\s+|student\s+)?(?:academic\s+)?"
                        rf"(?:transcript|record|document){FRAME}", re.I)
"""A line that closes the record ("*** End of Transcript ***"): nothing after it is a degree entry's."""
PAGE_END = re.compile(rf"{FRAME}(?:page\s+\d+(?:\s+of\s+\d+)?|(?:transcript\s+|record\s+)?continued"
                      rf"(?:\s+on\s+(?:the\s+)?(?:next|following)\s+page)?){FRAME}", re.I)
"""A page's footer ("Page 2 of 2", "Continued on next page")."""


def entry_ends(doc: DocText, index: int, text: str) -> bool:
    """Whether a line under a degree closes its entry: the record's end, or a page's footer as the page's last line.

    A footer with more of the page under it ("Page 1 of 2" over "Status: In Progress") ends nothing: it is a line
    of no sure shape, and the lines under it are still read as the entry's.
    """
    return bool(RECORD_END.fullmatch(text) or PAGE_END.fullmatch(text) and last_on_page(doc, index))


def last_on_page(doc: DocText, index: int) -> bool:
    """Whether a line is the last of its page: a footer ("Page 1 of 2", "Continued") ends an entry only there."""
    following = doc.lines[index + 1] if index + 1 < len(doc.lines) else None
    return following is None or following.page != doc.lines[index].page


RULE_MARK = "|[]{}_"
OPENER = {"]": "[", "}": "{"}


def without_rule_marks(doc: DocText, field: Found) -> Found | None:
    """A field's range without the table rules a scan read as marks standing at its ends; None for marks alone.

    "| Psychology" gives "Psychology". A closing bracket whose opener stays in the field is the field's own
    ("Psychology [ Clinical ]"), kept; a field of marks only ("_____", "| |") is a blank fill-in line: no field.
    A mark against a word's letter is the word reader's to weigh, not this.
    """
    text = doc.slice(field.start, field.end)
    lead = re.match(r"(?:[|\[\]{}_]+\s+)*", text)
    start = lead.end() if lead else 0
    end = len(text)
    for mark in reversed(list(re.finditer(r"\s+([|\[\]{}_]+)$", text[:end]))):
        if any(OPENER.get(c, "") and OPENER[c] in text[start:mark.start()] for c in mark.group(1)):
            break
        end = mark.start()
    if not re.search(r"[^\W_]", text[start:end]):
        return None
    return Found(field.start + start, field.start + end, field.rule, field.score)


FIELD_WORD = re.compile(r"[A-Z][\w'\-]*|and|of|in|for|the|&|/")
"""A sure field's words: capitalised subject words, their connectives and a slash ("Child and Family Studies",
"Child/Family Studies")."""
SUBJECT_PHRASE = re.compile(r"[^\W\d_][\w'&/\-]*(?:\s+[^\W\d_][\w'&/\-]*|\s+&)*")
"""A field's sure shape: one subject phrase of words alone. A bracket, a comma or a dash opens a further part
("Social Work (Pending)", "Education, Harbor Campus", "Counseling - Off Campus") that may say where, how or whether
the degree was earned."""
PLACE_WORD = re.compile(r"\b(?:campus|online|off[\s-]*site|site|center|centre|branch|extension)\b", re.I)
"""Words naming where a programme is taught ("Harbor Campus"): no subject's words."""
STATUS_IN_FIELD = re.compile(rf"{DEGREE_STATUS.pattern}|\b(?:rescinded|revoked|annulled|suspended|conferred|awarded|"
                             r"granted|complete[d]?|transfer(?:red)?)\b", re.I)
"""A status in a field's further part ("(Pending)", "- In Progress", ", Not Conferred", "(Rescinded)"): the degree
itself is in doubt, not only its field. A further part naming no place or institution is read so too: it may be a
status no list names ("(Awaiting Conferral)")."""


def field_doubts(text: str) -> tuple[str, ...]:
    """Reasons to check a field beyond one subject phrase's shape, or naming a kind of institution or a place.

    "Early Childhood, offered jointly with Lakeshore State" or "(joint degree with Lakeshore University)" may say
    another institution shares the degree; "Social Work (Pending)" says the degree may not be conferred
    (degree.status_unclear as well); a person reads it.
    """
    stripped = text.strip()
    words = re.findall(r"[^\s,/()\[\]]+|/", stripped)
    if (INSTITUTION_KIND.search(stripped) or PLACE_WORD.search(stripped) or not SUBJECT_PHRASE.fullmatch(stripped)
            or any(not FIELD_WORD.fullmatch(word) for word in words)):
        head = SUBJECT_PHRASE.match(stripped)
        rest = stripped[head.end():] if head else stripped
        place = INSTITUTION_KIND.search(rest) or PLACE_WORD.search(rest)
        status = STATUS_IN_FIELD.search(rest) or re.search(r"[^\W\d_]", rest) and not place
        return ("degree.field_unclear", *(("degree.status_unclear",) if status else ()))
    return ()


def same_degree_once(items: list[Item]) -> list[Item]:
    """The degree items with one item for a degree read twice (a summary list and its detail block).

    Two items of the same degree and field (or both without one) on the same date are one degree: the surer is
    kept, with the other's reasons. The same degree (`_same_degree`: its abbreviation, and one field empty or
    within the other) on different dates means the record disagrees with itself: both are checked
    (degree.dates_disagree).
    """
    for item in items:
        if any(_same_degree(item, other) and other.value.get("conferred") != item.value.get("conferred")
               for other in items):
            _doubt(item, "degree.dates_disagree")
    groups: dict[tuple[object, str], list[Item]] = {}
    for item in items:
        groups.setdefault(_key(item), []).append(item)
    kept: list[Item] = []
    for item in items:
        same = [other for other in groups[_key(item)] if other.value.get("conferred") == item.value.get("conferred")]
        best = max(same, key=lambda other: other.confidence)
        if best is not item:
            continue
        for other in same:
            for code in other.reasons if other is not item else ():
                _doubt(item, code)
        kept.append(item)
    return kept


def _field_words(item: Item) -> str:
    """A degree item's field, lower-cased with single spaces ("" without one)."""
    field = item.value.get("field")
    return " ".join(str(field).lower().split()) if field else ""


def _key(item: Item) -> tuple[object, str]:
    """A degree item's abbreviation and field: two items with one key on one date are one degree."""
    return item.value.get("abbreviation"), _field_words(item)


def _same_degree(item: Item, other: Item) -> bool:
    """Whether two items may be one degree: one abbreviation, and a field empty or within the other's words.

    "Early Childhood" and "Early Childhood Education", or a summary's bare "Master of Education" and its detail's
    field, are the same degree read twice.
    """
    if item is other or item.value.get("abbreviation") != other.value.get("abbreviation"):
        return False
    one, two = _field_words(item), _field_words(other)
    return not one or not two or f" {one} " in f" {two} " or f" {two} " in f" {one} "


def _doubt(item: Item, code: str) -> None:
    """Flag an item with a reason (once), its confidence capped as the project's doubt mechanism does."""
    if code not in item.reasons:
        item.flag(code)
    if not set(item.reasons) <= POLICY_REASONS:
        item.confidence = min(item.confidence, DOUBTED_CONFIDENCE)


def words_after_field(doc: DocText, field: Found | None, limit: int) -> tuple[str, ...]:
    """A reason to check a degree cell's field when words follow it in the cell.

    "... Early Childhood (joint degree with Lakeshore University)": a sure cell ends with its field, or with its
    conferral label and date.
    """
    if field is None or not re.search(r"[A-Za-z]{2}", doc.slice(field.end, limit)):
        return ()
    return ("degree.field_unclear",)


FURTHER_PART = re.compile(r"\s*(?:\((?P<round>[^()]*)\)?|\[(?P<square>[^\[\]]*)\]?|"
                          r"\s*[-\u2013\u2014]+\s*(?P<dash>[^,;()\[\]]*)|,\s*(?P<comma>[^,;()\[\]]*))")
"""A part a sentence sets after a degree's field: in brackets, or after a dash or a comma, up to the next mark."""
CONFERRAL_CLAUSE = re.compile(r"(?:(?:which|that)\s+(?:was|were|has\s+been|had\s+been)\s+)?"
                              r"(?:conferred|awarded|granted|earned|received|completed|on|effective|dated)\b.*",
                              re.I | re.S)
"""The sure shape of a part after a field in a sentence: the sentence's own conferral clause ("..., conferred
06/02/2006", "..., which was awarded on ...")."""


def further_part_doubts(doc: DocText, field: Found | None, limit: int) -> tuple[str, ...]:
    """Reasons to check a sentence's degree when its field goes on in brackets, or after a dash or a comma.

    "The Master of Arts in Social Work (Pending), conferred 06/02/2006" reads the field's capitalised words only;
    the part after them is judged as a field's further part (`field_doubts`): a status, or words naming no place or
    institution, put the degree in doubt. A comma opening the conferral clause itself, or a part of no letters (an
    empty bracket, a date beyond `limit`), is the sentence's sure shape.
    """
    if field is None or field.end >= limit:
        return ()
    part = FURTHER_PART.match(doc.slice(field.end, limit))
    if part is None:
        return ()
    words = next(text for text in part.groups() if text is not None)
    if not re.search(r"[^\W\d_]", words) or part.group("comma") is not None and CONFERRAL_CLAUSE.fullmatch(words):
        return ()
    return field_doubts(f"{doc.slice(field.start, field.end)} ({words.strip()})") or ("degree.field_unclear",)
