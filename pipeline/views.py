"""What the CLI prints: rich tables and the record's JSON shape, built from pipeline values."""

from __future__ import annotations

from collections import Counter
from typing import Any

from rich.console import Group
from rich.table import Table
from sqlalchemy import select

from pipeline.models import CandidateRecord, DocumentResult, Status
from pipeline.store import CandidateRow, DocumentRow, Store

STATUS_STYLE = {Status.MET: "green", Status.NOT_MET: "red", Status.NEEDS_REVIEW: "yellow",
                Status.NOT_APPLICABLE: "dim"}


def record_json(record: CandidateRecord) -> dict[str, Any]:
    """The `endorse record --json` contract (DESIGN.md), plus the record's flags."""
    data = record.model_dump(mode="json")
    data["category"] = record.category.value if record.category else None
    return data


def requirements_table(record: CandidateRecord) -> Table:
    waiting = sum(item.needs_review for item in record.items)
    title = (f"{record.candidate} · {record.name or 'name unknown'} · "
             f"{record.category.value if record.category else 'category unknown'} · "
             f"{waiting} item(s) waiting for review")
    table = Table(title=title, title_justify="left", show_lines=False)
    table.add_column("requirement")
    table.add_column("status")
    table.add_column("why", overflow="fold")
    for result in record.requirements:
        style = STATUS_STYLE[result.status]
        table.add_row(result.id, f"[{style}]{result.status.value}[/{style}]", result.explanation)
    return table


def document_table(result: DocumentResult) -> Group:
    items = Table(title=f"{result.filename}: {result.kind.value}, {result.pages} page(s), {result.status.value}",
                  title_justify="left")
    for column in ("type", "value", "confidence", "review"):
        items.add_column(column, overflow="fold")
    for item in result.items:
        items.add_row(item.type, ", ".join(f"{k}={v}" for k, v in item.value.items()),
                      f"{item.confidence:.2f}", ", ".join(item.reasons))
    flags = Table(title="flags", title_justify="left")
    flags.add_column("code")
    flags.add_column("message", overflow="fold")
    for flag in result.flags:
        flags.add_row(flag.code, flag.message)
    return Group(items, flags) if result.flags else Group(items)


def status_tables(store: Store) -> Group:
    runs = Table(title="last runs", title_justify="left")
    for column in ("run", "flow", "status", "started", "summary"):
        runs.add_column(column, overflow="fold")
    for run in store.runs():
        runs.add_row(str(run.id), run.flow, run.status, f"{run.started_at:%Y-%m-%d %H:%M}",
                     ", ".join(f"{k}={v}" for k, v in (run.summary or {}).items() if not isinstance(v, dict)))
    documents = store.documents()
    counts = Counter(d.status for d in documents)
    states = Table(title="documents", title_justify="left")
    states.add_column("status")
    states.add_column("count")
    for state, count in sorted(counts.items()):
        states.add_row(state, str(count))
    return Group(runs, states, quarantine_table(store, documents))


QUARANTINE_NOTES = {"document.javascript", "document.embedded_file", "document.launch_action",
                    "document.duplicate_name", "document.shared_between_candidates", "document.truncated",
                    "document.repaired"}
"""Flags on a document that was read which still need a person's decision about the file itself."""


def quarantine_table(store: Store, documents: list[DocumentRow]) -> Table:
    """Every file held back or needing a decision about the file: candidate, file, code, what to do."""
    table = Table(title="quarantined", title_justify="left")
    for column in ("candidate", "file", "code", "reason"):
        table.add_column(column, overflow="fold")
    for candidate, problem in candidate_problems(store):
        code, _, reason = problem.partition(": ")
        table.add_row(candidate, "candidate.yaml", code if reason else "candidate.problem", reason or problem)
    for candidate, filename, code, reason in quarantined(documents):
        table.add_row(candidate, filename, code, reason)
    return table


def quarantined(documents: list[DocumentRow]) -> list[tuple[str, str, str, str]]:
    """(candidate, file, code, reason) for each failed document and each note on the file of one that was read."""
    rows = []
    for doc in documents:
        if doc.status == "failed":
            rows.append((doc.candidate_id, doc.filename, doc.error_code or "", doc.error_message or ""))
            continue
        for flag in (doc.result or {}).get("flags", []):
            if flag.get("code") in QUARANTINE_NOTES or str(flag.get("code", "")).startswith("page."):
                rows.append((doc.candidate_id, doc.filename, flag["code"], flag.get("message", "")))
    return rows


def candidate_problems(store: Store) -> list[tuple[str, str]]:
    with store.session() as s:
        return [(row.id, row.problem) for row in s.scalars(select(CandidateRow).where(CandidateRow.problem.is_not(None))
                                                         .order_by(CandidateRow.id)) if row.problem]


def run_line(summary: dict[str, Any]) -> str:
    """One line for a run's summary (`RunSummary.as_dict()`, which the intake flow also returns)."""
    return (f"intake {summary['status']}: {summary['received']} file(s) received, {summary['extracted']} extracted, "
            f"{summary['failed']} failed, {summary['candidates']} candidate(s) checked")
