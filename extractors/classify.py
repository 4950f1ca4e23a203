"""A document's kind from its first page's words, by rules kept as data (`kinds.yaml`).

Two kinds of evidence add up: `words`, stems of a kind's own vocabulary ("exam" also matches "examination"),
each counted once however often it appears, and `phrases`, exact wordings worth more. Both count again
in the title lines. Words carry the weight on layouts no rule was written for; phrases settle the close calls.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.layout import DocText
from extractors.vocab import kind_rules
from pipeline.models import DocumentKind

TITLE_LINES = 3
"""The first lines of the first page, where a document names itself."""
CLOSE_MARGIN = 2.0
"""A runner-up kind this close to the best one: the document reads like both, and a person should sort it."""


@lru_cache(maxsize=256)
def _stem(word: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(word)}")


def scores(doc: DocText) -> dict[str, float]:
    """Every kind's score on this document."""
    rules = kind_rules()
    first_page = [line for line in doc.lines if line.page == 1] or doc.lines
    body = " ".join(doc.slice(line.start, line.end) for line in first_page).lower()
    head = " ".join(doc.slice(line.start, line.end) for line in first_page[:TITLE_LINES]).lower()
    result: dict[str, float] = {}
    for rule in rules.kinds:
        score = sum(weight for phrase, weight in rule.phrases.items() if phrase in body)
        score += 3 * sum(1 for phrase in rule.title if phrase in head)
        score += sum(weight for word, weight in rule.words.items() if _stem(word).search(body))
        score += sum(weight for word, weight in rule.words.items() if _stem(word).search(head))
        result[rule.kind] = score
    return result


def classify(doc: DocText) -> tuple[DocumentKind, float]:
    """The best-scoring kind and its score; `unknown` when no kind reaches the minimum score."""
    scored = scores(doc)
    best = max(scored, key=lambda kind: scored[kind])
    if scored[best] < kind_rules().min_score:
        return DocumentKind.UNKNOWN, scored[best]
    return DocumentKind(best), scored[best]


def close_call(doc: DocText) -> str | None:
    """The runner-up kind when it scores within CLOSE_MARGIN of the best (a kind worth doubting), else None."""
    ranked = sorted(scores(doc).items(), key=lambda item: -item[1])
    if len(ranked) < 2 or ranked[0][1] < kind_rules().min_score or ranked[0][1] - ranked[1][1] >= CLOSE_MARGIN:
        return None
    return ranked[1][0]
