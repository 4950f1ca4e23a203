"""A document's kind from its first page's words, by phrase rules kept as data (`kinds.yaml`)."""

from __future__ import annotations

from extractors.layout import DocText
from extractors.vocab import kind_rules
from pipeline.models import DocumentKind

TITLE_LINES = 8


def classify(doc: DocText) -> tuple[DocumentKind, float]:
    """The best-scoring kind and its score; `unknown` when no kind reaches the minimum score."""
    rules = kind_rules()
    first_page = [line for line in doc.lines if line.page == 1] or doc.lines
    body = " ".join(doc.slice(line.start, line.end) for line in first_page).lower()
    head = " ".join(doc.slice(line.start, line.end) for line in first_page[:TITLE_LINES]).lower()
    scores: dict[str, float] = {}
    for rule in rules.kinds:
        score = sum(weight for phrase, weight in rule.phrases.items() if phrase in body)
        score += 3 * sum(1 for phrase in rule.title if phrase in head)
        scores[rule.kind] = score
    best = max(scores, key=lambda kind: scores[kind])
    if scores[best] < rules.min_score:
        return DocumentKind.UNKNOWN, scores[best]
    return DocumentKind(best), scores[best]
