"""A candidate's record: items from every document merged, reviewer decisions applied, checks run."""

from __future__ import annotations

from pipeline.models import CandidateInfo, CandidateRecord, DocumentResult, Flag, Item
from pipeline.store import DecisionRow


def merge_items(results: list[DocumentResult]) -> list[Item]:
    """Items of every document; an item with the same key in two documents counts once, with both sources."""
    merged: dict[str, Item] = {}
    for result in results:
        for item in result.items:
            known = merged.get(item.key)
            if known is None:
                merged[item.key] = item.model_copy(deep=True)
                continue
            best = item if item.confidence > known.confidence else known
            merged[item.key] = best.model_copy(deep=True, update={
                "provenance": known.provenance + [p for p in item.provenance if p not in known.provenance],
                "needs_review": known.needs_review and item.needs_review,
            })
    return list(merged.values())


def apply_decisions(items: list[Item], decisions: list[DecisionRow]) -> list[Item]:
    """The latest decision per (document, item key) wins: accepted, corrected (new value) or rejected."""
    latest: dict[str, DecisionRow] = {}
    for row in decisions:
        latest[f"{row.document_sha256}:{row.item_key}"] = row
    decided = []
    for item in items:
        keys = [f"{p.document}:{item.key}" for p in item.provenance]
        decision = next((latest[k] for k in keys if k in latest), None)
        if decision is None:
            decided.append(item)
        elif decision.action == "accept":
            decided.append(item.model_copy(update={"needs_review": False}))
        elif decision.action == "correct":
            value = {**item.value, **(decision.value or {})}
            decided.append(item.model_copy(update={"value": value, "needs_review": False}))
    return decided


def document_flags(results: list[DocumentResult]) -> list[Flag]:
    return [flag for result in results for flag in result.flags]


def assemble(candidate: str, info: CandidateInfo, results: list[DocumentResult],
             decisions: list[DecisionRow]) -> CandidateRecord:
    """The record before checks: who, which category, and the accepted-or-flagged items."""
    return CandidateRecord(
        candidate=candidate,
        name=info.name,
        category=info.category,
        applied_on=info.applied_on,
        items=apply_decisions(merge_items(results), decisions),
        flags=document_flags(results),
    )
