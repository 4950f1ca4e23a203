"""Membership proof: the organisation and the date the membership is valid through.

A certificate labels it (`Membership valid through:`), a card says `Expires 6/30/27`, a renewal letter
"Your membership is active through September 30, 2026.", a table may give the term as a range (its end
counts). Member-since, payment and year-begins dates are never taken.
"""

from __future__ import annotations

import re

from extractors.dates import ParsedDate
from extractors.fields import Extraction, Found, build_item
from extractors.forms import (
    date_after,
    dates_in,
    field_value,
    first_date,
    is_range,
    misread_name,
    one_line,
    parsed,
)
from extractors.layout import DocText
from extractors.nlp import Evidence

ORGANISATION = re.compile(r"\b(association|alliance|society|network|coalition|academy|council)\b", re.I)
THROUGH_LABEL = (r"(?:membership\s+)?(?:valid|active|good|paid)\s+(?:through|thru|until)|expires(?:\s+on)?"
                 r"|expiration(?:\s+date)?|expiry(?:\s+date)?|exp\.?\s+date|(?:membership\s+)?end\s+date")
THROUGH_PHRASE = (r"(?:valid|active|current|good|paid(?:\s+up)?|in\s+good\s+standing)\s+(?:through|thru|until)"
                  r"|expires(?:\s+on)?|expiration\s+date|expiring(?:\s+on)?")
EXPIRY_YEARS_AHEAD = 10
"""A membership runs a year or a few; "6/30/27" on a card is 2027, not 1927."""
TERM_LABEL = r"(?:membership\s+)?(?:term|period)|member(?:ship)?\s+dates|coverage"


def extract(doc: DocText, evidence: list[Evidence]) -> Extraction:
    """One membership item."""
    organisation = _organisation(doc)
    through, through_found = _valid_through(doc, evidence)
    reasons = [] if organisation else ["membership.organisation_missing"]
    if organisation is not None and misread_name(doc, organisation):
        reasons.append("membership.organisation_misread")
    if through is None:
        reasons.append("membership.expiry_missing")
    value = {"organization": one_line(doc.slice(organisation.start, organisation.end)) if organisation else None,
             "valid_through": through.iso() if through else None}
    sources = [s for s in (organisation, through_found) if s is not None]
    return Extraction(items=[build_item(doc, "membership", "membership", value, sources, reasons)])


def _organisation(doc: DocText) -> Found | None:
    """A labelled organisation, else the first heading line that names an association."""
    labelled = field_value(doc, r"organi[sz]ation|association|issuing\s+organi[sz]ation", "membership.organisation.v2")
    if labelled is not None and ORGANISATION.search(doc.slice(labelled.start, labelled.end)):
        return labelled
    for line in doc.lines[:8]:
        for start, end in line.cell_spans():
            text = doc.slice(start, end)
            if ORGANISATION.search(text) and not re.search(r"(?i)\b(member(ship)?\s+in|renewing|dear)\b", text):
                return Found(start, end, "membership.organisation_line.v2", 0.93)
    return None


def _valid_through(doc: DocText, evidence: list[Evidence]) -> tuple[ParsedDate | None, Found | None]:
    """A labelled expiry date, else the end of a labelled term, else the date after "active through"."""
    through = field_value(doc, THROUGH_LABEL, "membership.valid_through.v2")
    if through is not None:
        dated, found = first_date(through, evidence, EXPIRY_YEARS_AHEAD)
        if dated is not None:
            return dated, found
    term = field_value(doc, TERM_LABEL, "membership.term.v1")
    if term is not None:
        spans = dates_in(term, evidence)
        if len(spans) >= 2 or (len(spans) == 1 and is_range(spans[0])):
            return parsed(spans[-1], 0.97, EXPIRY_YEARS_AHEAD)
    return date_after(doc, THROUGH_PHRASE, evidence, "membership.valid_through_phrase.v1", 0.96,
                      EXPIRY_YEARS_AHEAD)
