"""Transcripts: each degree (abbreviation, name, field, institution, conferral date); is the copy official."""

from __future__ import annotations

import re

from extractors.fields import Extraction, Found, build_item, date_in, labelled, missing, slug
from extractors.layout import DocText, Line
from extractors.nlp import Evidence
from extractors.vocab import degrees
from pipeline.models import Item

DEGREE_LABEL = r"degree\s+awarded|degree\s+conferred|degree"
FIELD_LABEL = r"major|field\s+of\s+study|program|concentration"
CONFERRED_LABEL = r"date\s+conferred|conferral\s+date|conferred|degree\s+date|date\s+awarded"
UNOFFICIAL = re.compile(r"\bunofficial\b|\bstudent\s+copy\b|\bnot\s+official\b|\bissued\s+to\s+student\b", re.I)
OFFICIAL = re.compile(r"\bofficial\b", re.I)
INSTITUTION = re.compile(r"\b(university|college|institute|school)\b", re.I)


def extract(doc: DocText, evidence: list[Evidence]) -> Extraction:
    """Degrees from `Degree Awarded:` blocks, each with the field and conferral date that follow it."""
    result = Extraction(official=officialness(doc.text))
    institution = _institution(doc)
    blocks = _degree_blocks(doc)
    for number, (head, block) in enumerate(blocks, start=1):
        result.items.append(_degree_item(doc, evidence, head, block, institution, result.official, number))
    if not blocks:
        result.flags.append(missing(doc.document, "transcript.no_degree",
                                    "No awarded degree could be read on this transcript."))
    if result.official is None:
        result.flags.append(missing(doc.document, "transcript.officialness_unknown",
                                    "The transcript does not say whether it is official."))
    return result


def officialness(text: str) -> bool | None:
    """False for unofficial or student copies, True when the copy says official, None when silent."""
    if UNOFFICIAL.search(text):
        return False
    return True if OFFICIAL.search(text) else None


def _degree_blocks(doc: DocText) -> list[tuple[Found, list[Line]]]:
    """Each degree line with the lines after it, up to the next degree line."""
    starts = []
    for index, line in enumerate(doc.lines):
        found = labelled(doc, DEGREE_LABEL, "transcript.degree.v1", [line])
        if found:
            starts.append((index, found))
    blocks = []
    for n, (index, found) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(doc.lines)
        blocks.append((found, doc.lines[index + 1:end]))
    return blocks


def _degree_item(doc: DocText, evidence: list[Evidence], head: Found, block: list[Line],
                 institution: Found | None, official: bool | None, number: int) -> Item:
    reasons: list[str] = []
    degree_ev = [e for e in evidence if e.label == "DEGREE" and head.start <= e.start < head.end]
    abbreviation, name, rule, score = _identify(doc.slice(head.start, head.end), degree_ev)
    if rule == "degree.unrecognised.v1":
        reasons.append("degree.unrecognised")
    field = labelled(doc, FIELD_LABEL, "transcript.field.v1", block)
    conferral = labelled(doc, CONFERRED_LABEL, "transcript.conferred.v1", block)
    conferred, conferred_found = date_in(doc, conferral, evidence)
    if conferred is None:
        reasons.append("degree.conferral_date_missing")
    if official is False:
        reasons.append("transcript.unofficial")
    value = {
        "abbreviation": abbreviation,
        "name": name,
        "field": doc.slice(field.start, field.end) if field else None,
        "institution": doc.slice(institution.start, institution.end) if institution else None,
        "conferred": conferred.iso() if conferred else None,
        "official": official,
    }
    sources = [Found(head.start, head.end, rule, score)]
    sources += [s for s in (conferred_found, field) if s is not None]
    key = f"degree:{slug(abbreviation)}:{value['conferred'] or f'undated-{number}'}"
    return build_item(doc, "degree", key, value, sources, reasons)


def _identify(text: str, found: list[Evidence]) -> tuple[str, str, str, float]:
    """Abbreviation, full name, rule and score of the degree written in a span; the span itself when unknown."""
    vocabulary = {d.abbreviation: d for d in degrees().degrees}
    for ev in sorted(found, key=lambda e: -e.score):
        abbreviation = ev.rule.split(".")[2]
        if abbreviation in vocabulary:
            return abbreviation, vocabulary[abbreviation].names[0], ev.rule, ev.score
    return text.strip(), text.strip(), "degree.unrecognised.v1", 0.5


def _institution(doc: DocText) -> Found | None:
    """The first line on page one naming a university, college, institute or school."""
    for line in doc.lines[:6]:
        text = doc.slice(line.start, line.end)
        if INSTITUTION.search(text) and ":" not in text:
            return Found(line.start, line.end, "transcript.institution.v1", 0.9)
    return None
