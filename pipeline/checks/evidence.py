"""What the predicates share: reading item values, counting duplicates once, and concluding a result."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Hashable, Iterable, Sequence

from pipeline.checks.registry import CheckContext
from pipeline.models import Item, ItemRef, RequirementResult, Status

PENDING = "item.needs_review"
CATEGORY_UNKNOWN = "category.unknown"

RANK = {Status.MET: 0, Status.NEEDS_REVIEW: 1, Status.NOT_MET: 2, Status.NOT_APPLICABLE: 3}

Judged = tuple[Status, list[str], Item]
"""One item's bearing on a requirement: the status it alone would give and the reason codes."""


def value_date(item: Item, key: str) -> dt.date | None:
    """The ISO date under `key`, or None when absent; a malformed date raises ValueError."""
    raw = item.value.get(key)
    if raw is None or raw == "":
        return None
    if isinstance(raw, dt.date):
        return raw
    return dt.date.fromisoformat(str(raw))


def value_hours(item: Item, key: str = "hours") -> float | None:
    """The clock hours under `key`, or None when absent."""
    raw = item.value.get(key)
    return None if raw is None else float(raw)


def total_hours(items: Iterable[Item]) -> float:
    """The sum of the items' hours; an item without hours adds nothing."""
    return sum(value_hours(item) or 0.0 for item in items)


def normalise(text: object) -> str:
    """Lower-case words without punctuation, for comparing names and titles."""
    return " ".join(re.findall(r"[^\W_]+", str(text or "").casefold()))


def hours_text(hours: float) -> str:
    """Hours as the explanations write them: `52.5 h`."""
    return f"{hours:.1f} h"


def plural(count: int, noun: str) -> str:
    """`1 certificate`, `2 certificates`."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def span_text(days: int) -> str:
    """A span as a reader says it: days under two months, months after."""
    return plural(days, "day") if days < 60 else plural(round(days / 30.44), "month")


def years_text(days: int) -> str:
    """A number of days as whole years when it is one (365 or 731 days), else as days."""
    years = days / 365.25
    return plural(round(years), "year") if abs(years - round(years)) < 0.01 else plural(days, "day")


def dedupe(items: Iterable[Item], key: Callable[[Item], Hashable]) -> tuple[list[Item], list[Item]]:
    """Keep one item per key (an accepted one when there is one); return the kept and the dropped."""
    chosen: dict[Hashable, Item] = {}
    everything = list(items)
    for item in everything:
        kept = chosen.get(key(item))
        if kept is None or (kept.needs_review and not item.needs_review):
            chosen[key(item)] = item
    kept_ids = {id(item) for item in chosen.values()}
    return list(chosen.values()), [item for item in everything if id(item) not in kept_ids]


def best(judged: Iterable[Judged]) -> Judged:
    """The most favourable judgement, preferring an accepted item among equals."""
    return min(judged, key=lambda entry: (RANK[entry[0]], entry[2].needs_review))


def unique(codes: Iterable[str]) -> list[str]:
    """Codes in first-seen order, each once."""
    return list(dict.fromkeys(codes))


def conclude(
    ctx: CheckContext,
    status: Status,
    explanation: str,
    used: Sequence[Item],
    reasons: Iterable[str] = (),
) -> RequirementResult:
    """Build a result; a `met` resting on an item that awaits review becomes `needs_review`."""
    codes = list(reasons)
    used = list({id(item): item for item in used}.values())
    pending = [item for item in used if item.needs_review]
    if pending and status in (Status.MET, Status.NEEDS_REVIEW):
        if status is Status.MET:
            status = Status.NEEDS_REVIEW
            explanation = (
                f"{explanation.rstrip('.')}, but {plural(len(pending), 'item')} it rests on await review."
            )
        codes += [PENDING, *(code for item in pending for code in item.reasons)]
    return RequirementResult(
        id=ctx.requirement_id,
        status=status,
        explanation=explanation,
        items=[ItemRef.of(item) for item in used],
        reasons=unique(codes),
    )


def amend(
    result: RequirementResult,
    clause: str,
    reasons: Iterable[str] = (),
    status: Status | None = None,
    items: Iterable[Item] = (),
) -> RequirementResult:
    """Add a clause, codes, items and possibly a new status to a result, keeping one sentence."""
    return result.model_copy(
        update={
            "status": status or result.status,
            "explanation": f"{result.explanation.rstrip('.')}; {clause}.",
            "reasons": unique([*result.reasons, *reasons]),
            "items": [*result.items, *(ItemRef.of(item) for item in items)],
        }
    )


def mid_sentence(text: str) -> str:
    """`No employment` becomes `no employment` for use mid-sentence; `RS/C` and numbers stay."""
    return text[0].lower() + text[1:] if text[:2].istitle() and text[:2].isalpha() else text


def category_unknown(result: RequirementResult, why: str) -> RequirementResult:
    """A category-dependent result for a candidate whose category is not known: a person decides."""
    return result.model_copy(
        update={
            "status": Status.NEEDS_REVIEW,
            "explanation": f"The category is unknown ({why}), so a person must decide; "
            f"{mid_sentence(result.explanation)}",
            "reasons": unique([CATEGORY_UNKNOWN, *result.reasons]),
        }
    )
