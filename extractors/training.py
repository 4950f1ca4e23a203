"""Training certificates: title, clock hours (after conversion), completion date, provider, relevance."""

from __future__ import annotations

import re

from extractors.fields import Extraction, Found, build_item, date_in, labelled, missing, slug
from extractors.hours import parse_hours
from extractors.layout import DocText
from extractors.nlp import Evidence

TITLE_LABEL = r"title|course|training|workshop|program"
PROVIDER_LABEL = r"provider|presented\s+by|sponsored\s+by|offered\s+by"
DATE_LABEL = r"date\s+completed|completion\s+date|completed\s+on|completed|date\s+of\s+training|date"
TITLE_AFTER = re.compile(r"^\s*(has\s+)?(successfully\s+)?(completed|attended|participated\s+in)\s*:?\s*$", re.I)
RELEVANT = re.compile(
    r"infant|toddler|attachment|parent|relationship|reflective|social[- ]emotional|early\s+childhood|"
    r"perinatal|child-parent|dyadic|mental\s+health", re.I)


def extract(doc: DocText, evidence: list[Evidence]) -> Extraction:
    """One training item per certificate; missing hours or title are flagged, never silently dropped."""
    result = Extraction()
    title = _title(doc)
    provider = labelled(doc, PROVIDER_LABEL, "training.provider.v1")
    completed, date_found = date_in(doc, labelled(doc, DATE_LABEL, "training.date.v1"), evidence)
    hours_ev = next((e for e in evidence if e.label == "HOURS"), None)
    hours = parse_hours(hours_ev.text) if hours_ev else None
    reasons = []
    title_text = doc.slice(title.start, title.end) if title else None
    relevant = bool(RELEVANT.search(title_text)) if title_text else None
    if relevant is not True:
        reasons.append("training.relevance_unclear")
        relevant = None
    if hours is None:
        reasons.append("training.hours_missing")
        result.flags.append(missing(doc.document, "training.hours_missing",
                                    "No clock hours, contact hours, CEUs or minutes could be read."))
    elif hours.converted:
        reasons.append("hours.converted")
    if completed is None:
        reasons.append("training.date_missing")
    value = {
        "title": title_text,
        "hours": hours.hours if hours else None,
        "date": completed.iso() if completed else None,
        "provider": doc.slice(provider.start, provider.end) if provider else None,
        "relevant": relevant,
        "converted": hours.converted if hours else False,
    }
    sources = [s for s in (title, date_found, provider) if s is not None]
    if hours_ev is not None:
        sources.insert(1, Found(hours_ev.start, hours_ev.end, hours_ev.rule, hours_ev.score))
    key = f"training:{value['date'] or 'undated'}:{slug(title_text or 'untitled')}"
    result.items.append(build_item(doc, "training", key, value, sources, reasons))
    return result


def _title(doc: DocText) -> Found | None:
    """The labelled title, or the line after "has completed"."""
    found = labelled(doc, TITLE_LABEL, "training.title.v1")
    if found:
        return found
    for index, line in enumerate(doc.lines[:-1]):
        if TITLE_AFTER.match(doc.slice(line.start, line.end)):
            following = doc.lines[index + 1]
            return Found(following.start, following.end, "training.title_after_completed.v1", 0.93)
    return None

