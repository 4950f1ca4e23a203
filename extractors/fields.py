"""Shared tools of the kind extractors: labelled values on lines, and items built from spans with provenance."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from extractors.dates import ParsedDate, parse_date
from extractors.layout import DocText, Line
from extractors.nlp import Evidence
from pipeline.models import Flag, Item, Provenance

REVIEW_THRESHOLD = 0.8
"""Items under this confidence need a person (DESIGN.md: `needs_review`)."""
LOW_OCR_CONFIDENCE = 0.75
POLICY_REASONS = frozenset({
    "hours.converted", "transcript.unofficial", "log.total_mismatch", "training.total_mismatch",
    "training.relevance_unclear",
})
"""Reasons the standard's README sends to a person however well the value was read (a CEU conversion, an
unofficial copy, a total that disagrees, a topic not clearly relationship-based): facts, not doubts."""
DOUBTED_CONFIDENCE = 0.7
"""The most an item can claim when a rule doubts its reading (a missing part, a repair, low OCR confidence):
its confidence says how likely the value is right, and a doubted value is not likely enough to count."""
VOUCHED_WORD_CONFIDENCE = 0.9
"""The word confidence a vouched reading counts as at least: an independent cross-check (a total equal to its rows'
sum, a word of a closed vocabulary read whole, a name read confidently elsewhere in the document) confirms the text
better than tesseract's score for the word, which is often low on short words that are right."""


@dataclass(frozen=True)
class Found:
    """A character range that gave a value, and the rule (with its score) that found it."""

    start: int
    end: int
    rule: str
    score: float
    vouched: bool = False
    """A cross-check confirms the text, so a low OCR word confidence does not make it doubtful."""


@dataclass
class Extraction:
    """What a kind extractor returns: items, flags, and for transcripts whether the copy is official."""

    items: list[Item] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    official: bool | None = None


def slug(text: str) -> str:
    """A key-safe form of a title or name: lower case, words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "none"


def labelled(doc: DocText, label: str, rule: str, lines: list[Line] | None = None) -> Found | None:
    """The value after `label:` on the first line that starts with it (the label is a regex, the colon required)."""
    pattern = re.compile(rf"^\s*(?:{label})\s*:\s*(?P<value>\S.*?)\s*$", re.I)
    for line in lines if lines is not None else doc.lines:
        match = pattern.match(doc.slice(line.start, line.end))
        if match:
            start = line.start + match.start("value")
            return Found(start, line.start + match.end("value"), rule, 0.97)
    return None


DISPUTED_SCORE = 0.75
"""Two labels of one field name different values on the same page: the stronger label's value, for a person."""


def strongest(doc: DocText, hits: list[tuple[int, Found]], *, rivals: bool = True,
              same: Callable[[str], object] | None = None) -> Found | None:
    """The value of the strongest label among `(rank, value)` pairs (rank 0 strongest; the first given wins ties).

    A form may label one field more than one way ("Clinical supervisor" and "RS/C provider", "Date taken" and
    "Date completed"): the more specific label says what the field is, wherever it stands on the page, and with
    `rivals` a weaker label that names something else makes the reading doubtful (a person picks), never silently
    overruled. Without `rivals` a weaker label names something else by nature (a specialty beside a major). `same`
    says what two values are compared by (a date's day, however written); by default their words.
    """
    if not hits:
        return None
    form = same or _same_form
    _, best = min(hits, key=lambda hit: hit[0])
    text = form(doc.slice(best.start, best.end))
    if rivals and any(form(doc.slice(f.start, f.end)) != text for _, f in hits):
        return replace(best, score=min(best.score, DISPUTED_SCORE))
    return best


def by_strength(doc: DocText, tiers: tuple[str, ...], read: Callable[[str], Found | None],
                same: Callable[[str], object] | None = None) -> Found | None:
    """The value of the strongest of a field's label tiers (strongest first) that `read` finds, as `strongest`."""
    return strongest(doc, [(rank, found) for rank, tier in enumerate(tiers) if (found := read(tier)) is not None],
                     same=same)


def same_day(text: str) -> object:
    """What two date values are compared by: the day they state, else their words."""
    parsed = parse_date(text)
    return parsed.date if parsed is not None else _same_form(text)


def _same_form(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" .,;:")


def evidence_in(found: Found, evidence: list[Evidence], label: str) -> Evidence | None:
    """The first pattern evidence of a label inside a found range."""
    for ev in evidence:
        if ev.label == label and ev.start >= found.start and ev.end <= found.end:
            return ev
    return None


def date_in(doc: DocText, found: Found | None, evidence: list[Evidence]) -> tuple[ParsedDate | None, Found | None]:
    """Parse the date span inside a labelled value (never search the rest of the page)."""
    if found is None:
        return None, None
    ev = evidence_in(found, evidence, "DATE")
    if ev is None:
        return None, found
    parsed = parse_date(ev.text)
    return parsed, Found(ev.start, ev.end, ev.rule, ev.score)


def build_item(doc: DocText, item_type: str, key: str, value: dict[str, Any], sources: list[Found],
               reasons: list[str] | None = None) -> Item:
    """An item whose confidence is its weakest source's rule score times that source's word confidence."""
    provenance: list[Provenance] = []
    confidence = 1.0
    ocr_low = False
    for source in sources:
        word_confidence = doc.confidence(source.start, source.end)
        if source.vouched:
            word_confidence = max(word_confidence, VOUCHED_WORD_CONFIDENCE)
        ocr_low = ocr_low or word_confidence < LOW_OCR_CONFIDENCE
        confidence = min(confidence, source.score * word_confidence)
        provenance.append(doc.provenance(source.start, source.end, source.rule))
    value = {k: " ".join(v.split()) if isinstance(v, str) else v for k, v in value.items()}  # no line breaks
    item = Item(type=item_type, key=key, value=value, confidence=round(confidence, 3),
                provenance=provenance)
    for code in reasons or []:
        item.flag(code)
    if ocr_low:
        item.flag("ocr.low_confidence")
    elif confidence < REVIEW_THRESHOLD:
        item.flag("item.low_confidence")
    if not set(item.reasons) <= POLICY_REASONS:
        item.confidence = min(item.confidence, DOUBTED_CONFIDENCE)
    return item


def missing(document: str, code: str, message: str) -> Flag:
    """A flag for an expected value that could not be read: an omission is never silent."""
    return Flag(code=code, message=message, document=document)
