"""The recipe: the stages in order, as plain functions that run with or without Prefect."""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
from dataclasses import dataclass, field
from pathlib import Path

from extractors import EXTRACTOR_VERSION
from extractors.document import extract_document, failed_result
from pipeline import checks
from pipeline.intake import CandidateFolder, archive, candidate_folders, discover
from pipeline.models import CandidateRecord, DocumentResult
from pipeline.record import assemble, requirement_scope, settle_requirements
from pipeline.settings import Settings
from pipeline.store import Store, open_store

log = logging.getLogger(__name__)


@dataclass
class Claimed:
    """A document taken for extraction by this run."""

    row_id: int
    candidate: str
    sha256: str
    filename: str
    archive_path: Path
    size: int = 0


@dataclass
class RunSummary:
    """What one intake run did; its status is success, partial (some documents failed) or failure."""

    received: int = 0
    extracted: int = 0
    failed: list[str] = field(default_factory=list)
    candidates: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def status(self) -> str:
        return "partial" if self.failed else "success"

    def as_dict(self) -> dict[str, object]:
        return {"status": self.status, "received": self.received, "extracted": self.extracted,
                "failed": len(self.failed), "candidates": len(self.candidates)}


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def receive(folder: CandidateFolder, settings: Settings, store: Store) -> list[str]:
    """Register a candidate and archive each settled file (verified copy first); returns the hashes seen."""
    store.upsert_candidate(folder.candidate, folder.info, folder.problem)
    seen = []
    for submission in discover(folder, settings.stable_seconds):
        try:
            kept = archive(submission, settings.archive)
        except OSError as exc:
            log.error("could not archive a file of candidate %s: %s", folder.candidate, type(exc).__name__)
            continue
        store.register(folder.candidate, submission.sha256, submission.path.name, str(kept), submission.size)
        seen.append(submission.sha256)
    return seen


def claim_all(candidate: str, hashes: list[str], store: Store) -> list[Claimed]:
    """Claim every document not yet extracted by this extractor version."""
    claimed = []
    for sha256 in hashes:
        row = store.claim(candidate, sha256, EXTRACTOR_VERSION, worker_name())
        if row is not None:
            claimed.append(Claimed(row.id, candidate, sha256, row.filename, Path(row.archive_path), row.size))
    return claimed


def extract(claimed: Claimed, settings: Settings) -> DocumentResult:
    """Extract one claimed document from its archived copy (the intake file is never touched).

    An unexpected error in an extractor fails this document only, as data, never the run.
    """
    if claimed.size > settings.max_file_bytes:
        result = failed_result(claimed.archive_path, claimed.sha256, "document.too_large",
                               f"The file is {claimed.size / 2**20:.0f} MiB, over the limit of "
                               f"{settings.max_file_bytes / 2**20:.0f} MiB; it is kept in the archive, not read.")
        return result.model_copy(update={"filename": claimed.filename})
    try:
        result = extract_document(claimed.archive_path, claimed.sha256, ocr_workers=settings.ocr_workers,
                                  max_pages=settings.max_pages)
    except Exception as exc:  # a bug in one extractor must not lose the other documents
        log.exception("extractor error on a document of candidate %s", claimed.candidate)
        result = failed_result(claimed.archive_path, claimed.sha256, "document.extractor_error",
                               f"The extractor failed on this document ({type(exc).__name__}).")
    return result.model_copy(update={"filename": claimed.filename})


def check_candidate(candidate: str, store: Store, settings: Settings, today: dt.date | None = None) -> CandidateRecord:
    """Assemble a candidate's record from the store, run the requirement checks, store the results."""
    info = store.candidate_info(candidate)
    if info is None:
        raise KeyError(f"unknown candidate {candidate!r}")
    results = store.document_results(candidate)
    decisions = store.decisions([r.document for r in results] + [requirement_scope(candidate)])
    record = assemble(candidate, info, results, decisions)
    standard = checks.default_standard()
    record.requirements = settle_requirements(candidate, checks.run_checks(
        record, standard, today, approved_supervisors=approved_supervisors(settings)), decisions)
    store.save_requirements(candidate, record.requirements, f"{standard.standard}@{standard.version}")
    return record


def approved_supervisors(settings: Settings) -> list[str] | None:
    """The staff's approved RS/C supervisors, or None when they keep no list here."""
    path = settings.approved_supervisors_file
    if not path.exists():
        return None
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def process_intake(intake: Path, settings: Settings, store: Store | None = None) -> RunSummary:
    """The whole intake, in order: receive and archive, claim, extract, store, check each candidate."""
    settings.prepare()
    store = store or open_store(settings.url)
    run = store.start_run("intake")
    summary = RunSummary()
    for folder in candidate_folders(intake):
        hashes = receive(folder, settings, store)
        summary.received += len(hashes)
        for claimed in claim_all(folder.candidate, hashes, store):
            result = extract(claimed, settings)
            store.save_result(claimed.row_id, result)
            summary.extracted += 1
            if result.status.value == "failure":
                summary.failed.append(f"{folder.candidate}/{result.filename}")
        record = check_candidate(folder.candidate, store, settings)
        summary.candidates[folder.candidate] = {r.id: r.status.value for r in record.requirements}
    store.finish_run(run, summary.status, summary.as_dict())
    return summary
