"""Transcripts: what every degree reader shares, the `DegreeRead` and the ranges and fields it is built from.

A reader (labelled block, table, list or sentence) finds a degree's mention, then its field and conferral ranges;
the field is read the same way whatever the context: written after the degree's name ("Master of Arts in
Counseling"), or a field label's value without the plan type a records system adds ("Psychology Major").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.fields import Found
from extractors.layout import DocText
from extractors.nlp import Evidence

FIELD_LEAD = re.compile(r"^[\s)]*(?:degree\s+(?=in\b))?(?:in\b|[,:(\-\u2013\u2014])\s*", re.I)
"""What joins a field to its degree's name: "in", a comma, a colon, a bracket or a dash ("MSW degree in ...")."""
TITLE_WORDS = re.compile(r"[A-Z][\w&'\-]*(?:(?:\s+(?:(?:and|of|in|for|the|&)\s+)*|\s*/\s*)[A-Z][\w&'\-]*)*")
"""A field's capitalised words inside a sentence, joined by and/of/in/for or a slash ("Child/Family Studies")."""
PLAN_TYPE = re.compile(r"(?:^\s*(?:major|minor|concentration)\s*(?:in|:|-)\s+)|"
                       r"(?:[\s,(-]+(?:major|minor|concentration|emphasis|track|specialization|option)\)?\s*$)", re.I)
"""A student-records system prints a plan with its type ("Psychology Major", "Major in Social Work"): the type
word is not the field."""
NON_FIELD = re.compile(r"(?:(?:under)?graduate|doctoral|post-?baccalaureate|non-?degree(?:\s+seeking)?|"
                       r"(?:non-?)?thesis|undeclared|undecided|exploratory)"
                       r"(?:\s+(?:level|option|track|plan|program|studies))?", re.I)
"""A program's level or plan, no field of study ("Program: Graduate", "Plan: Non-Thesis", "Major: Undeclared")."""
MINOR = re.compile(r"\bminors?\b", re.I)
"""A minor's plan ("Minor in Music", "Psychology, Minor in Music", "Music Minor"): never the degree's field, and
with it in one cell which words are the field is not told."""
NOT_A_SUBJECT = re.compile(r"\b(?:(?:schools?|colleges?)(?=\s+of\b|\s*$)|universit(?:y|ies)|institutes?|academy|"
                           r"seminary|conservatory|polytechnic|department|dept|faculty|division|honou?rs|distinction|"
                           r"merit|laude|dean'?s|(?:first|second|third|upper|lower)[\s-]+(?:class|second|division)|"
                           r"class(?:\s+(?:i{1,3}|one|two|three|upper|lower|\d))?\s*$|"
                           r"(?:full|part|half)[\s-]*time|minors?)\b", re.I)
"""Words of a cell that names no subject: a school, department or college (perhaps another institution: "School of
Social Work", "Graduate School", "Lakeshore Community College"), an honour or a degree's class ("Dean's List",
"Second Class Upper", "Upper Second", "Class II"), an enrolment status ("Full Time") or a minor. A school or a class
word leading a subject's words names the subject ("School Psychology", "Class Piano", "Upper Elementary")."""
INSTITUTION_KIND = re.compile(r"\b(?:universit(?:y|ies)|colleges?|institutes?|academy|seminary|conservatory|"
                              r"polytechnic)\b", re.I)
"""A kind of institution: a cell naming one on a degree's row may say another institution awarded it."""


@dataclass
class DegreeRead:
    """Where one degree was read: its mention, the field and conferral ranges, and the rule that found them."""

    head: Found
    field: Found | None
    conferral: Found | None
    reasons: tuple[str, ...] = ()


def field_after(doc: DocText, start: int, end: int, rule: str, *, titled: bool = False) -> Found | None:
    """A field written into the degree's name ("Master of Arts in Counseling", "MSW - Social Work")."""
    lead = FIELD_LEAD.match(doc.slice(start, end))
    if lead is None:
        return None
    if titled:
        return titled_field(doc, start + lead.end(), end, rule)
    value = re.match(r"[^\d()]*", doc.slice(start + lead.end(), end))
    found = Found(start + lead.end(), start + lead.end() + (value.end() if value else 0), rule, 0.9)
    found = trimmed(doc, found)
    return found if re.search(r"[A-Za-z]{3}", doc.slice(found.start, found.end)) else None


def titled_field(doc: DocText, start: int, end: int, rule: str) -> Found | None:
    """Capitalised words (joined by and/of/in/for) at `start`: a field named inside a sentence."""
    text = doc.slice(start, end)
    match = TITLE_WORDS.match(text)
    if match and re.match(r"\s*/", text[match.end():]):
        return None  # a slash on to words of no title's shape ("Child/family studies"): where it ends is unsure
    return Found(start, start + match.end(), rule, 0.9) if match else None


def field_value(doc: DocText, degree_ev: list[Evidence], found: Found) -> Found | None:
    """A field label's value without its plan type; only the field inside a degree name it holds (or None).

    "Program: Master of Arts in Counseling" gives "Counseling"; "Program: Master of Social Work" gives no field
    (the degree is not its field, and a person should look), nor does a level or plan ("Program: Graduate").
    """
    inside = [e for e in degree_ev if found.start <= e.start < found.end]
    if inside:
        return field_after(doc, inside[-1].end, found.end, found.rule)
    if MINOR.search(doc.slice(found.start, found.end)):
        return None  # a minor is not the degree's field; a person reads it
    field = _without_plan_type(doc, found)
    return None if NON_FIELD.fullmatch(doc.slice(field.start, field.end).strip()) else field


def subject_like(text: str) -> bool:
    """Whether an unlabelled cell beside a degree may name its subject: none of `NOT_A_SUBJECT`'s words."""
    return not NOT_A_SUBJECT.search(text)


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


def trimmed(doc: DocText, found: Found) -> Found:
    """The same range without surrounding spaces and punctuation."""
    text = doc.slice(found.start, found.end)
    left = len(text) - len(text.lstrip(" \n,;:-"))
    right = len(text.rstrip(" \n,;:-"))
    return Found(found.start + left, found.start + max(left, right), found.rule, found.score)


def evidence_inside(evidence: list[Evidence], found: Found) -> list[Evidence]:
    """The evidence wholly inside a range."""
    return [e for e in evidence if found.start <= e.start and e.end <= found.end]


def holds_degree(degree_ev: list[Evidence], found: Found) -> bool:
    """Whether a range holds degree evidence."""
    return any(found.start <= e.start < found.end for e in degree_ev)


def line_index(doc: DocText, offset: int) -> int:
    """The index of the line holding an offset, -1 if none."""
    return next((n for n, line in enumerate(doc.lines) if line.start <= offset <= line.end), -1)


def x_range(doc: DocText, start: int, end: int) -> tuple[float, float]:
    """The left and right edges of the words in a range."""
    placed = doc.words_in(start, end)
    return min(p.word.bbox[0] for p in placed), max(p.word.bbox[2] for p in placed)
