"""A candidate's record: items from every document merged, reviewer decisions applied, checks run."""

from __future__ import annotations

import hashlib

from pipeline.models import CandidateInfo, CandidateRecord, DocumentResult, Flag, Item, RequirementResult, Status
from pipeline.store import DecisionRow

DUPLICATE = "item.duplicate"
"""Information: the same item came from more than one document and is counted once."""
CONFLICT = "item.conflict"
"""Two documents give the same item different values: a person decides which holds."""
REVIEWER_VALUE_STANDS = "review.reviewer_value_stands"
"""An item whose new extraction differs from the value a reviewer confirmed: the reviewer's value is used."""
REQUIREMENT_EVIDENCE_CHANGED = "review.evidence_changed"
"""A requirement a person decided whose explanation has changed since: it goes back to a person."""


def merge_items(results: list[DocumentResult]) -> list[Item]:
    """Items of every document; an item with the same key in two documents counts once, with both sources.

    The merged item says so (`item.duplicate`); if the two readings disagree it needs a person
    (`item.conflict`), since counting either one silently could be wrong.
    """
    merged: dict[str, Item] = {}
    for result in results:
        for item in result.items:
            known = merged.get(item.key)
            merged[item.key] = item.model_copy(deep=True) if known is None else _merge(known, item)
    return list(merged.values())


def _merge(known: Item, item: Item) -> Item:
    """One item from two readings: the accepted (then the more confident) one, with both sources."""
    best = min((known, item), key=lambda i: (i.needs_review, -i.confidence))
    merged = best.model_copy(deep=True, update={
        "provenance": known.provenance + [p for p in item.provenance if p not in known.provenance],
    })
    if DUPLICATE not in merged.reasons:
        merged.reasons.append(DUPLICATE)
    if known.value != item.value:
        merged.flag(CONFLICT)
    return merged


def latest_decisions(decisions: list[DecisionRow]) -> dict[str, DecisionRow]:
    """The latest decision per `document:item key` (rows come oldest first)."""
    return {f"{row.document_sha256}:{row.item_key}": row for row in decisions}


def decision_for(item: Item, latest: dict[str, DecisionRow]) -> DecisionRow | None:
    """The decision on an item, under any of the documents it came from."""
    return next((latest[k] for k in (f"{p.document}:{item.key}" for p in item.provenance) if k in latest), None)


def decided_value(item: Item, decision: DecisionRow) -> Item:
    """The item with the reviewer's value; if extraction now reads something else, the item says so."""
    confirmed = {**item.value, **(decision.extracted or {}), **(decision.value or {})}
    reasons = list(item.reasons)
    if decision.extracted is not None and item.value != decision.extracted and REVIEWER_VALUE_STANDS not in reasons:
        reasons.append(REVIEWER_VALUE_STANDS)
    return item.model_copy(update={"value": confirmed, "needs_review": False, "reasons": reasons})


def apply_decisions(items: list[Item], decisions: list[DecisionRow]) -> list[Item]:
    """The latest decision per (document, item key) wins: accepted, corrected (new value) or rejected."""
    latest = latest_decisions(decisions)
    decided = []
    for item in items:
        decision = decision_for(item, latest)
        if decision is None:
            decided.append(item)
        elif decision.action in ("accept", "correct"):
            decided.append(decided_value(item, decision))
    return decided


def requirement_scope(candidate: str) -> str:
    """The stand-in for a document hash under which a candidate's requirement decisions are kept."""
    return hashlib.sha256(f"candidate:{candidate}".encode()).hexdigest()


def settle_requirements(candidate: str, results: list[RequirementResult],
                        decisions: list[DecisionRow]) -> list[RequirementResult]:
    """A person's decision on a `needs_review` result stands while the result's explanation is unchanged."""
    latest = latest_decisions(decisions)
    settled = []
    for result in results:
        decision = latest.get(f"{requirement_scope(candidate)}:requirement:{result.id}")
        if decision is None or result.status is not Status.NEEDS_REVIEW:
            settled.append(result)
        elif (decision.extracted or {}).get("explanation") != result.explanation:
            settled.append(result.model_copy(update={"reasons": [*result.reasons, REQUIREMENT_EVIDENCE_CHANGED]}))
        else:
            status = Status((decision.value or {}).get("status", "not_met" if decision.action == "reject" else "met"))
            note = f" {decision.reviewer} decided {status.value} on review" + (
                f": {decision.comment}" if decision.comment else ".")
            settled.append(result.model_copy(update={"status": status, "explanation": result.explanation + note,
                                                     "reasons": [*result.reasons, "review.decided"]}))
    return settled


def document_flags(results: list[DocumentResult]) -> list[Flag]:
    return [flag for result in results for flag in result.flags]


def duplicate_flags(items: list[Item]) -> list[Flag]:
    """One flag per item found in several documents: counted once, and a conflict when they disagree."""
    flags = []
    for item in items:
        if DUPLICATE not in item.reasons:
            continue
        documents = len({p.document for p in item.provenance})
        conflict = CONFLICT in item.reasons
        flags.append(Flag(code=CONFLICT if conflict else DUPLICATE, item=item.key, document=item.provenance[0].document,
                          message=f"The same {item.type.replace('_', ' ')} appears in {documents} documents"
                                  + (" with different values; a person must say which holds." if conflict
                                     else "; it is counted once.")))
    return flags


def decision_flags(items: list[Item]) -> list[Flag]:
    """One flag per item whose reviewer value stands against a different new extraction."""
    return [Flag(code=REVIEWER_VALUE_STANDS, item=item.key,
                 document=item.provenance[0].document if item.provenance else None,
                 message="The document now reads differently from the value a reviewer confirmed; "
                         "the reviewer's value is used.")
            for item in items if REVIEWER_VALUE_STANDS in item.reasons]


def assemble(candidate: str, info: CandidateInfo, results: list[DocumentResult],
             decisions: list[DecisionRow]) -> CandidateRecord:
    """The record before checks: who, which category, and the accepted-or-flagged items."""
    items = apply_decisions(merge_items(results), decisions)
    return CandidateRecord(
        candidate=candidate,
        name=info.name,
        category=info.category,
        applied_on=info.applied_on,
        items=items,
        flags=document_flags(results) + duplicate_flags(items) + decision_flags(items),
    )
