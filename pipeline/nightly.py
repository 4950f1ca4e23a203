"""The nightly run without Prefect: the previous night's snapshot, the re-checks, and the store's facts.

`run_nightly` is the plain recipe the nightly flow wraps (the same steps, the re-checks as Prefect tasks); the
comparison and the rendering are the pure functions of `pipeline.report`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass

from sqlalchemy import or_, select

from pipeline import checks, recipe
from pipeline.models import CandidateRecord
from pipeline.record import requirement_scope, settle_requirements
from pipeline.report import (
    FLOW,
    Checked,
    Decided,
    Facts,
    NewDocument,
    Night,
    NightlyReport,
    Rechecked,
    build_report,
    parse_day,
    summary,
    write_html,
)
from pipeline.settings import Settings
from pipeline.store import CandidateRow, DecisionRow, DocumentRow, RunRow, Store, now, open_store

log = logging.getLogger(__name__)


def current_rules() -> str:
    """The rules version every result is stored with: `standard@version`."""
    standard = checks.default_standard()
    return f"{standard.standard}@{standard.version}"


def supervisors_digest(settings: Settings) -> str | None:
    """A fingerprint of the approved-supervisors list, so a change to it can be named as a cause."""
    path = settings.approved_supervisors_file
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def previous_night(store: Store) -> Night | None:
    """The latest finished nightly run that left a snapshot."""
    with store.session() as s:
        runs = s.scalars(select(RunRow).where(RunRow.flow == FLOW, RunRow.finished_at.is_not(None))
                         .order_by(RunRow.id.desc()))
        for run in runs:
            summary = run.summary or {}
            if "snapshot" in summary:
                return Night(run.started_at, dt.date.fromisoformat(summary["today"]), summary["rules"],
                             summary.get("supervisors"),
                             {c: Checked.from_json(v) for c, v in summary["snapshot"].items()})
    return None


def recheck(candidate: str, store: Store, settings: Settings, today: dt.date, before: Checked | None = None,
            previous_day: dt.date | None = None) -> Rechecked:
    """Re-check a candidate from its stored extractions (nothing is re-read).

    When a status moved since `before` and the previous night judged by another date, the same evidence is
    also judged on `previous_day`, so the report can tell a move by the calendar from one by the evidence.
    """
    checked_at = now()
    record = recipe.check_candidate(candidate, store, settings, today)
    rechecked = Rechecked(record.requirements, checked_at)
    if before and previous_day and previous_day != today and before.statuses != rechecked.statuses:
        rechecked.on_previous_day = statuses_on(record, previous_day, store, settings)
    return rechecked


def statuses_on(record: CandidateRecord, day: dt.date, store: Store, settings: Settings) -> dict[str, str]:
    """The statuses the same evidence, decisions and rules give on another day (nothing is stored)."""
    results = checks.run_checks(record, checks.default_standard(), day,
                                approved_supervisors=recipe.approved_supervisors(settings))
    decisions = store.decisions([requirement_scope(record.candidate)])
    return {r.id: r.status.value for r in settle_requirements(record.candidate, results, decisions)}


def gather_facts(store: Store, night: Night | None, candidates: list[str]) -> dict[str, Facts]:
    """Per candidate, the documents, decisions and detail changes since its previous nightly check."""
    known = night.candidates if night else {}
    since = night.started_at if night else None
    fresh = [c for c in candidates if c not in known]
    facts = {c: Facts() for c in candidates}

    def after_check(candidate: str, at: dt.datetime) -> bool:
        return candidate in facts and (candidate not in known or at > known[candidate].checked_at)

    for document in _documents_since(store, since, fresh):
        if after_check(document.candidate, document.processed_at):
            facts[document.candidate].documents.append(document)
    for decision in _decisions_since(store, since):
        if after_check(decision.candidate, decision.decided_at):
            facts[decision.candidate].decisions.append(decision)
    with store.session() as s:
        query = select(CandidateRow.id, CandidateRow.updated_at)
        if since is not None:
            query = query.where(CandidateRow.updated_at > since)
        for candidate, updated_at in s.execute(query):
            if candidate in known and after_check(candidate, updated_at):
                facts[candidate].details_changed = True
    return facts


def _documents_since(store: Store, since: dt.datetime | None, fresh: list[str]) -> list[NewDocument]:
    with store.session() as s:
        query = select(DocumentRow).where(DocumentRow.processed_at.is_not(None))
        if since is not None:
            query = query.where(or_(DocumentRow.processed_at > since, DocumentRow.candidate_id.in_(fresh)))
        rows = s.scalars(query.order_by(DocumentRow.candidate_id, DocumentRow.id))
        return [NewDocument(r.candidate_id, r.sha256, r.filename, r.kind, r.status, r.error_code, r.error_message,
                            r.processed_at) for r in rows if r.processed_at is not None]


def _decisions_since(store: Store, since: dt.datetime | None) -> list[Decided]:
    """Decisions since `since`, once for each candidate they concern (the same file may be two candidates')."""
    with store.session() as s:
        query = select(DecisionRow).order_by(DecisionRow.id)
        decisions = list(s.scalars(query if since is None else query.where(DecisionRow.decided_at > since)))
        hashes = {d.document_sha256 for d in decisions}
        owners: dict[str, set[str]] = {}
        for candidate, sha256 in s.execute(select(DocumentRow.candidate_id, DocumentRow.sha256)
                                           .where(DocumentRow.sha256.in_(hashes))):
            owners.setdefault(sha256, set()).add(candidate)
        for candidate in s.scalars(select(CandidateRow.id)):
            owners.setdefault(requirement_scope(candidate), set()).add(candidate)
    return [Decided(c, d.reviewer, d.action, d.item_key, d.comment, d.decided_at)
            for d in decisions for c in sorted(owners.get(d.document_sha256, ()))]


@dataclass(frozen=True)
class Tonight:
    """A nightly run under way: its run row, the date it judges by, the rules, and the night before."""

    run: int
    day: dt.date
    rules: str
    supervisors: str | None
    night: Night | None

    def before(self, candidate: str) -> Checked | None:
        """What the previous night knew of a candidate."""
        return self.night.candidates.get(candidate) if self.night else None

    @property
    def previous_day(self) -> dt.date | None:
        """The date the previous night judged by."""
        return self.night.today if self.night else None


def start_night(store: Store, settings: Settings, today: str | dt.date | None = None) -> Tonight:
    """Open a nightly run: find the previous night's snapshot before this run's row exists."""
    day, night = parse_day(today), previous_night(store)
    return Tonight(store.start_run(FLOW), day, current_rules(), supervisors_digest(settings), night)


def finish_night(store: Store, settings: Settings, tonight: Tonight, rechecked: dict[str, Rechecked],
                 errors: dict[str, str]) -> NightlyReport:
    """Compare, write the HTML page, and close the run with the snapshot the next night compares with."""
    night = tonight.night
    report = build_report(tonight.day, tonight.rules, night, rechecked, gather_facts(store, night, list(rechecked)),
                          supervisors=tonight.supervisors, check_errors=errors)
    write_html(report, settings.home)
    run_summary = summary(report, night, rechecked, tonight.supervisors)
    store.finish_run(tonight.run, run_summary["status"], run_summary)
    return report


def run_nightly(settings: Settings, today: str | dt.date | None = None, store: Store | None = None) -> NightlyReport:
    """The nightly run without Prefect: re-check everyone (nothing is re-read), compare, report, remember."""
    settings.prepare()
    store = store or open_store(settings.url)
    tonight = start_night(store, settings, today)
    rechecked, errors = {}, {}
    for candidate in store.candidates():
        try:
            rechecked[candidate] = recheck(candidate, store, settings, tonight.day, tonight.before(candidate),
                                           tonight.previous_day)
        except Exception as exc:  # one candidate's failed check must not lose the others' report
            log.exception("nightly check failed for candidate %s", candidate)
            errors[candidate] = type(exc).__name__
    return finish_night(store, settings, tonight, rechecked, errors)
