"""Membership: how surely a date read under a grid's expiry column is that column's.

A member grid names its columns ("Member | Member Since | Expires") over one row of values a line. A date sure to
be the expiry has one shape: it stands under the expiry column's name (most of the narrower of the two lined up) and
under no other column's name, and it is no earlier than the document's own date (a print date, a letter's date).
A date set between two columns, or lying partly under another date column, may be that column's value; a row's date
before the page was printed is a past date (a member since, a renewal paid), not the running term's end.
"""

from __future__ import annotations

from extractors.dates import ParsedDate
from extractors.fields import Found
from extractors.form_layout import box_of, overlap
from extractors.form_letters import letter_date
from extractors.layout import DocText
from extractors.nlp import Evidence

UNDER_OWN_SHARE = 0.5
"""The share of the narrower of a value and its column name that lines up when the value sits under the name."""


def column_date_unsure(doc: DocText, column: Found | None, found: Found | None, through: ParsedDate | None,
                       evidence: list[Evidence]) -> bool:
    """Whether the date read, the cell under a grid's expiry column name, is doubtful (set apart, or too early)."""
    if (column is None or found is None or through is None
            or not column.start <= found.start < max(column.end, found.start + 1)):
        return False
    return not _under_own_name(doc, found) or _before_own_date(doc, through, evidence)


def _under_own_name(doc: DocText, found: Found) -> bool:
    """Whether the value lines up with exactly one name of the header row over it, and mostly so."""
    index = _line_index(doc, found.start)
    if index is None or index == 0:
        return False
    header = doc.lines[index - 1]
    names = [box for cell in header.cell_spans() if (box := box_of(doc, *cell)) is not None]
    box = box_of(doc, found.start, found.end)  # the date itself: a scan may run two cells into one
    if box is None:
        return False
    shares = [overlap(box, name) for name in names]
    return sum(share > 0 for share in shares) == 1 and max(shares) >= UNDER_OWN_SHARE


def _before_own_date(doc: DocText, through: ParsedDate, evidence: list[Evidence]) -> bool:
    """Whether the document's own date (a date alone on its line before any salutation) falls after the value."""
    own, _ = letter_date(doc, evidence, "membership.document_date.v1")
    return own is not None and own.date > through.date


def _line_index(doc: DocText, offset: int) -> int | None:
    """The index of the line holding a character offset."""
    return next((i for i, line in enumerate(doc.lines) if line.start <= offset <= line.end), None)
