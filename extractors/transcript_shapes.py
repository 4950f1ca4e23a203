"""Transcripts: the sure shapes of a degree entry's lines and cells; anything beyond a shape is doubted.

Each rule here says what a harmless line or cell looks like (a figures line of completed totals, a student's
particular in a cell of its own, a footer at the foot of its page, a field of subject words) rather than listing
the words that make one doubtful: a wording nobody listed still falls outside the shape and is checked by a person.
"""

from __future__ import annotations

import re

from extractors.fields import DOUBTED_CONFIDENCE, POLICY_REASONS, Found
from extractors.layout import DocText
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


FIELD_WORD = re.compile(r"[A-Z][\w'\-]*|and|of|in|for|the|&|[,/\-\u2013]")
"""A sure field's words: capitalised subject words, their connectives and marks ("Child and Family Studies",
"Counseling, School Psychology", "Child/Family Studies")."""


def field_doubts(text: str) -> tuple[str, ...]:
    """A reason to check a field with words beyond a sure field's shape, or naming a kind of institution.

    "Early Childhood, offered jointly with Lakeshore State" or "(joint degree with Lakeshore University)" may say
    another institution shares the degree, or that it stands otherwise; a person reads it.
    """
    words = re.findall(r"[^\s,/()\[\]]+|[,/]", text)
    if INSTITUTION_KIND.search(text) or any(not FIELD_WORD.fullmatch(word) for word in words):
        return ("degree.field_unclear",)
    return ()


def same_degree_once(items: list[Item]) -> list[Item]:
    """The degree items with one item for a degree read twice (a summary list and its detail block).

    Two items of the same degree and field (or both without one) on the same date are one degree: the surer is
    kept, with the other's reasons. On different dates the record disagrees with itself: both are checked
    (degree.dates_disagree).
    """
    groups: dict[tuple[object, str], list[Item]] = {}
    for item in items:
        field = item.value.get("field")
        groups.setdefault((item.value.get("abbreviation"), " ".join(str(field).lower().split())), []).append(item)
    kept: list[Item] = []
    for item in items:
        group = groups[(item.value.get("abbreviation"), " ".join(str(item.value.get("field")).lower().split()))]
        same = [other for other in group if other.value.get("conferred") == item.value.get("conferred")]
        if len({other.value.get("conferred") for other in group}) > 1:
            _doubt(item, "degree.dates_disagree")
        best = max(same, key=lambda other: other.confidence)
        if best is not item:
            continue
        for other in same:
            for code in other.reasons if other is not item else ():
                _doubt(item, code)
        kept.append(item)
    return kept


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
