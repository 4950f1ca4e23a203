"""Forms with labelled fields: reference ratings, ethics agreements, exam results, memberships, employment letters."""

from __future__ import annotations

import re

from extractors.dates import parse_date
from extractors.fields import Extraction, Found, build_item, date_in, labelled, missing, slug
from extractors.layout import DocText
from extractors.nlp import Evidence

RELATIONSHIPS = [
    ("rsc_provider", r"rs/?c|reflective\s+supervis|consultant"),
    ("program_supervisor", r"program\s+supervisor|supervisor|teacher|trainer"),
    ("department_chair", r"chair"),
    ("supervisee", r"supervisee|consultee"),
    ("student", r"student"),
    ("colleague", r"colleague|peer"),
]
LEVEL = re.compile(r"\blevel\s+(IV|III|II|I|4|3|2|1)\b", re.I)
LEVEL_BY_TITLE = [  # the Endorsement titles; a plain "Specialist" is II or III, so it is not enough alone
    (re.compile(r"mental\s+health\s+mentor|\bmentor\b", re.I), "IV"),
    (re.compile(r"infant\s+mental\s+health\s+specialist", re.I), "III"),
    (re.compile(r"infant\s+family\s+specialist", re.I), "II"),
    (re.compile(r"infant\s+family\s+associate", re.I), "I"),
]
ARABIC = {"1": "I", "2": "II", "3": "III", "4": "IV"}
COUNTED_LEVELS = {"II", "III", "IV"}
"""DESIGN.md's `rater_level` vocabulary; a Level I rater is read (not a flag) but has no counted level."""
NO_ENDORSEMENT = re.compile(r"^\s*(none|n/?a|not\s+endorsed|no)\b", re.I)
PASS = re.compile(r"^\s*(pass(ed)?|successful(ly)?|satisfactory)\b", re.I)
FAIL = re.compile(r"^\s*(did\s+not\s+pass|fail(ed)?|not\s+passed|unsuccessful|unsatisfactory)\b", re.I)
ORGANISATION = re.compile(r"\b(association|alliance|society|network|coalition)\b", re.I)
DATE_TEXT = (r"(?:[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}|"
             r"\d{1,2}-[A-Za-z]{3}-\d{4}|[A-Za-z]{3,9}\s+\d{4})")
EMPLOYED = re.compile(
    rf"employed\s+(?:by|at)\s+(?P<employer>[^,.]+?)\s+as\s+(?:an?\s+)?(?P<role>[^.]+?)\s+"
    rf"(?:from|since)\s+(?P<start>{DATE_TEXT})\s*(?:to|through|until|-)\s*(?P<end>present|current|{DATE_TEXT})",
    re.I)
EXAM_DATE_LABEL = r"exam(?:ination)?\s+date|date\s+of\s+exam(?:ination)?|date"
VALID_THROUGH_LABEL = r"(?:membership\s+)?valid\s+through|expires(?:\s+on)?|expiration(?:\s+date)?|valid\s+until"
DUTIES = re.compile(r"(?:duties|responsibilities)\s+(?:include|included)d?\s+(?P<duties>[^.]+)\.", re.I)


def reference(doc: DocText, evidence: list[Evidence]) -> Extraction:
    """Rater, relationship, the rater's endorsement level and the form's date."""
    rater = labelled(doc, r"rater(?:'s)?\s+name|rater|name\s+of\s+rater", "reference.rater.v1")
    relation = labelled(doc, r"relationship\s+to\s+(?:the\s+)?applicant|relationship", "reference.relationship.v1")
    level_found = labelled(doc, r"rater(?:'s)?\s+endorsement|endorsement\s+level|endorsement", "reference.level.v1")
    dated, date_found = date_in(doc, labelled(doc, r"date", "reference.date.v1"), evidence)
    relationship = _relationship(doc.slice(relation.start, relation.end)) if relation else None
    level, level_readable = _level(doc.slice(level_found.start, level_found.end)) if level_found else (None, False)
    reasons = [] if relationship else ["reference.relationship_unclear"]
    if not level_readable:
        reasons.append("reference.level_unreadable")
    value = {
        "rater": doc.slice(rater.start, rater.end) if rater else None,
        "relationship": relationship,
        "rater_level": level,
        "date": dated.iso() if dated else None,
    }
    sources = [s for s in (rater, relation, level_found, date_found) if s is not None]
    item = build_item(doc, "reference", f"reference:{slug(value['rater'] or 'unknown')}", value, sources, reasons)
    return Extraction(items=[item])


def signature(doc: DocText, evidence: list[Evidence]) -> Extraction:
    """Signer, date and whether the signature line is filled."""
    line = labelled(doc, r"signature|signed", "signature.line.v1")
    printed = labelled(doc, r"printed\s+name|name", "signature.printed_name.v1")
    dated, date_found = date_in(doc, labelled(doc, r"date", "signature.date.v1"), evidence)
    mark = doc.slice(line.start, line.end) if line else ""
    signed = bool(re.search(r"[A-Za-z]{2}", mark)) if line else None
    signer_text = re.sub(r"^/s/\s*", "", mark) if signed else None
    if printed:
        signer_text = doc.slice(printed.start, printed.end)
    reasons = [] if signed is not None else ["signature.unconfirmed"]
    if dated is None:
        reasons.append("signature.date_missing")
    value = {"signer": signer_text, "date": dated.iso() if dated else None, "signed": signed}
    sources = [s for s in (line, printed, date_found) if s is not None]
    return Extraction(items=[build_item(doc, "signature", "signature", value, sources, reasons)])


def exam(doc: DocText, evidence: list[Evidence]) -> Extraction:
    """Passed or not, and the exam date."""
    result_found = labelled(doc, r"result|outcome|status", "exam.result.v1")
    dated, date_found = date_in(doc, labelled(doc, EXAM_DATE_LABEL, "exam.date.v1"), evidence)
    wording = doc.slice(result_found.start, result_found.end) if result_found else ""
    passed = False if FAIL.match(wording) else True if PASS.match(wording) else None
    reasons = [] if passed is not None else ["exam.result_unclear"]
    value = {"passed": passed, "date": dated.iso() if dated else None}
    sources = [s for s in (result_found, date_found) if s is not None]
    return Extraction(items=[build_item(doc, "exam", "exam", value, sources, reasons)])


def membership(doc: DocText, evidence: list[Evidence]) -> Extraction:
    """The organisation and the date the membership is valid through."""
    organisation = next((Found(line.start, line.end, "membership.organisation_line.v1", 0.9)
                         for line in doc.lines[:8] if ORGANISATION.search(doc.slice(line.start, line.end))), None)
    through, through_found = date_in(doc, labelled(doc, VALID_THROUGH_LABEL, "membership.valid_through.v1"), evidence)
    reasons = [] if organisation else ["membership.organisation_missing"]
    if through is None:
        reasons.append("membership.expiry_missing")
    value = {"organization": doc.slice(organisation.start, organisation.end) if organisation else None,
             "valid_through": through.iso() if through else None}
    sources = [s for s in (organisation, through_found) if s is not None]
    return Extraction(items=[build_item(doc, "membership", "membership", value, sources, reasons)])


def employment(doc: DocText, evidence: list[Evidence]) -> Extraction:
    """Each "employed by X as Y from DATE to DATE|present" statement, with the letter's duties sentence."""
    prose = doc.text.replace("\n", " ")
    duties = DUTIES.search(prose)
    result = Extraction()
    for match in EMPLOYED.finditer(prose):
        start, end = parse_date(match.group("start")), parse_date(match.group("end"))
        present = match.group("end").lower() in {"present", "current"}
        reasons = [] if start else ["employment.start_missing"]
        if end is None and not present:
            reasons.append("employment.end_unreadable")
        value = {
            "employer": " ".join(match.group("employer").split()),
            "role": " ".join(match.group("role").split()),
            "start": start.iso() if start else None,
            "end": end.iso() if end else None,
            "duties": " ".join(duties.group("duties").split()) if duties else None,
        }
        sources = [Found(match.start("employer"), match.end("employer"), "employment.sentence.v1", 0.92),
                   Found(match.start("start"), match.end("end"), "employment.sentence.v1", 0.92)]
        key = f"employment:{slug(match.group('employer'))}:{value['start'] or 'undated'}"
        result.items.append(build_item(doc, "employment", key, value, sources, reasons))
    if not result.items:
        result.flags.append(missing(doc.document, "employment.no_period",
                                    "No period of employment (employer, role, from, to) could be read."))
    return result


def _relationship(text: str) -> str | None:
    for code, pattern in RELATIONSHIPS:
        if re.search(pattern, text, re.I):
            return code
    return None


def _level(text: str) -> tuple[str | None, bool]:
    """The rater's endorsement level (II, III, IV or None) and whether the field could be read.

    An explicit "Level N" wins over a title; None with True means read and not endorsed at II-IV.
    """
    if NO_ENDORSEMENT.match(text):
        return None, True
    match = LEVEL.search(text)
    level = ARABIC.get(match.group(1), match.group(1).upper()) if match else None
    if level is None:
        level = next((lvl for pattern, lvl in LEVEL_BY_TITLE if pattern.search(text)), None)
    if level is None:
        return None, False
    return (level if level in COUNTED_LEVELS else None), True
