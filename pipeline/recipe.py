"""The recipe: the stages in order, as plain functions that run with or without Prefect."""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from sqlalchemy import delete, select, update

from extractors import EXTRACTOR_VERSION
from extractors.document import extract_document, failed_result
from extractors.ocr import OcrLimits
from pipeline import checks
from pipeline.intake import (
    CandidateFolder,
    ChangedWhileCopied,
    Rejected,
    Submission,
    archive,
    candidate_folders,
    evidence_files,
    move_verified,
    process_alive,
    record_key,
    remove_partial_copies,
    survey_folder,
)
from pipeline.models import CandidateRecord, DocumentKind, DocumentResult, DocumentStatus, Flag
from pipeline.record import assemble, requirement_scope, settle_requirements
from pipeline.settings import Settings
from pipeline.store import DocumentRow, Store, open_store

SHARED = "document.shared_between_candidates"

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
    shared_with: tuple[str, ...] = ()
    """Other candidates whose folders hold the same bytes: a person must say whose document it is."""


@dataclass
class Received:
    """What receiving one candidate's folder did: hashes archived, files refused, files left for the next run."""

    hashes: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    waiting: int = 0


@dataclass
class RunSummary:
    """What one intake run did; its status is success, partial (some documents failed) or failure."""

    received: int = 0
    extracted: int = 0
    failed: list[str] = field(default_factory=list)
    candidates: dict[str, dict[str, str]] = field(default_factory=dict)
    waiting: int = 0
    """Files still being written, left for the next run."""

    @property
    def status(self) -> str:
        return "partial" if self.failed else "success"

    def as_dict(self) -> dict[str, object]:
        return {"status": self.status, "received": self.received, "extracted": self.extracted,
                "failed": len(self.failed), "candidates": len(self.candidates), "waiting": self.waiting}


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def receive(folder: CandidateFolder, settings: Settings, store: Store) -> list[str]:
    """Register a candidate and archive each settled file (verified copy first); returns the hashes seen."""
    return receive_folder(folder, settings, store).hashes


def receive_folder(folder: CandidateFolder, settings: Settings, store: Store) -> Received:
    """Archive every settled file of a folder, and record what cannot be archived or is a second name."""
    store.upsert_candidate(folder.candidate, folder.info, folder.problem)
    remove_partial_copies(settings.archive)
    found = survey_folder(folder, settings.stable_seconds)
    received = Received(waiting=len(found.unsettled))
    known = {row.sha256: row.filename for row in store.documents(folder.candidate)}
    for submission in _primary_first(found.submissions, known):
        try:
            kept = archive(submission, settings.archive)
        except ChangedWhileCopied:
            received.waiting += 1
            continue
        except OSError as exc:
            log.error("could not archive a file of candidate %s: %s", folder.candidate, type(exc).__name__)
            received.refused.append(submission.name)
            continue
        if submission.sha256 in received.hashes:
            _record_unread(store, submission.candidate, record_key("duplicate", submission.candidate, submission.name),
                           _duplicate_result(submission, known.get(submission.sha256, "")), kept)
            continue
        store.register(folder.candidate, submission.sha256, submission.name, str(kept), submission.size)
        known.setdefault(submission.sha256, submission.name)
        _forget(store, folder.candidate, record_key("rejected", folder.candidate, submission.name))
        received.hashes.append(submission.sha256)
    for rejected in found.rejected:
        _record_unread(store, rejected.candidate, rejected.key, _rejected_result(rejected))
        received.refused.append(rejected.name)
    return received


def _primary_first(submissions: list[Submission], known: dict[str, str]) -> list[Submission]:
    """Files in name order, except that a file keeps the name it was first recorded under as its primary."""
    return sorted(submissions, key=lambda s: (known.get(s.sha256) != s.name, s.name))


def _duplicate_result(submission: Submission, first_name: str) -> DocumentResult:
    return DocumentResult(
        document=submission.sha256, filename=submission.name, kind=DocumentKind.UNKNOWN, pages=0,
        status=DocumentStatus.PARTIAL, extractor_version=EXTRACTOR_VERSION,
        flags=[Flag(code="document.duplicate_name", document=submission.sha256,
                    message=f"The same bytes as {first_name!r} in this folder: read once and counted once. "
                            "Nothing to do unless one of them should have been another document.")])


def _rejected_result(rejected: Rejected) -> DocumentResult:
    result = failed_result(rejected.path, rejected.key, rejected.code, rejected.message)
    return result.model_copy(update={"filename": rejected.name})


def _record_unread(store: Store, candidate: str, key: str, result: DocumentResult, kept: Path | None = None) -> None:
    """Record a file that is not read (refused, or a second name) so that `endorse status` lists it."""
    store.register(candidate, key, result.filename, str(kept or ""), 0)
    row = store.claim(candidate, key, EXTRACTOR_VERSION, worker_name())
    if row is not None:
        store.save_result(row.id, result)


def _forget(store: Store, candidate: str, key: str) -> None:
    """Drop the record of a refusal once the same file name has been archived after all."""
    with store.session() as s:
        s.execute(delete(DocumentRow).where(DocumentRow.candidate_id == candidate, DocumentRow.sha256 == key))


def claim_all(candidate: str, hashes: list[str], store: Store) -> list[Claimed]:
    """Claim every document not yet extracted by this extractor version (taking over a dead worker's claims)."""
    claimed = []
    for sha256 in hashes:
        shared_with = _mark_shared(store, candidate, sha256)
        row = store.claim(candidate, sha256, EXTRACTOR_VERSION, worker_name())
        if row is None and _release_dead_claim(store, candidate, sha256):
            row = store.claim(candidate, sha256, EXTRACTOR_VERSION, worker_name())
        if row is not None:
            claimed.append(Claimed(row.id, candidate, sha256, row.filename, Path(row.archive_path), row.size,
                                   shared_with))
    return claimed


def _release_dead_claim(store: Store, candidate: str, sha256: str) -> bool:
    """Free a claim held by a process of this machine that no longer runs (killed mid-extraction)."""
    with store.session() as s:
        holder = s.scalar(select(DocumentRow.claimed_by).where(DocumentRow.candidate_id == candidate,
                                                               DocumentRow.sha256 == sha256))
        host, _, pid = (holder or "").rpartition(":")
        if host != socket.gethostname() or not pid.isdigit() or process_alive(int(pid)):
            return False
        done = s.execute(update(DocumentRow).where(DocumentRow.candidate_id == candidate,
                                                   DocumentRow.sha256 == sha256, DocumentRow.claimed_by == holder)
                         .values(claimed_by=None, claimed_at=None))
        return bool(done.rowcount)  # type: ignore[attr-defined]


def _mark_shared(store: Store, candidate: str, sha256: str) -> tuple[str, ...]:
    """Candidates other than this one holding the same bytes; their stored results get the flag too.

    The flag is written into the stored result as it stands (not a new extraction: processed_at is kept).
    """
    with store.session() as s:
        rows = list(s.scalars(select(DocumentRow).where(DocumentRow.sha256 == sha256)))
        others = tuple(sorted(r.candidate_id for r in rows if r.candidate_id != candidate))
        for row in rows:
            if not others or row.result is None or row.claimed_by is not None:
                continue
            result = DocumentResult.model_validate(row.result)
            if not any(f.code == SHARED for f in result.flags):
                owners = tuple(sorted(r.candidate_id for r in rows if r.candidate_id != row.candidate_id))
                flagged = with_shared_flag(result, owners)
                status = {"success": "done", "partial": "partial", "failure": "failed"}[flagged.status.value]
                s.execute(update(DocumentRow).where(DocumentRow.id == row.id, DocumentRow.claimed_by.is_(None))
                          .values(result=flagged.model_dump(mode="json"), status=status))
    return others


def with_shared_flag(result: DocumentResult, others: tuple[str, ...]) -> DocumentResult:
    """The result with a flag asking which candidate the document belongs to."""
    flag = Flag(code=SHARED, document=result.document,
                message=f"The same file is also in the folder of {', '.join(others)}: say which candidate it "
                        "belongs to (its items count for each until then).")
    status = DocumentStatus.PARTIAL if result.status is DocumentStatus.SUCCESS else result.status
    return result.model_copy(update={"flags": [*result.flags, flag], "status": status})


def extract(claimed: Claimed, settings: Settings, pool: Executor | None = None) -> DocumentResult:
    """Extract one claimed document from its archived copy (the intake file is never touched).

    An unexpected error in an extractor fails this document only, as data, never the run. `pool` OCRs its
    pages (a Dask cluster's executor, from the intake flow's task runner); otherwise threads.
    """
    if claimed.size > settings.max_file_bytes:
        result = failed_result(claimed.archive_path, claimed.sha256, "document.too_large",
                               f"The file is {claimed.size / 2**20:.1f} MiB, over the limit of "
                               f"{settings.max_file_bytes / 2**20:.1f} MiB; it is kept in the archive, not read. "
                               "Ask for a smaller copy (fewer pages, lower resolution).")
    else:
        try:
            result = extract_document(claimed.archive_path, claimed.sha256, ocr_workers=settings.ocr_workers,
                                      max_pages=settings.max_pages, limits=ocr_limits(settings), pool=pool)
        except Exception as exc:  # a bug in one extractor must not lose the other documents
            log.exception("extractor error on a document of candidate %s", claimed.candidate)
            result = failed_result(claimed.archive_path, claimed.sha256, "document.extractor_error",
                                   f"The extractor failed on this document ({type(exc).__name__}); "
                                   "a developer must look: the file is kept in the archive.")
    if claimed.shared_with:
        result = with_shared_flag(result, claimed.shared_with)
    return named(result, claimed.archive_path.name, claimed.filename)


def ocr_limits(settings: Settings) -> OcrLimits:
    """The settings' pixel and time limits, as the extractors take them."""
    return OcrLimits(settings.max_page_pixels, settings.ocr_page_seconds, settings.ocr_document_seconds)


def named(result: DocumentResult, archive_name: str, filename: str) -> DocumentResult:
    """The result under the file's own name, in its flags' sentences too (they were written about the copy)."""
    flags = [flag.model_copy(update={"message": flag.message.replace(archive_name, repr(filename))})
             for flag in result.flags]
    return result.model_copy(update={"filename": filename, "flags": flags})


def move_processed(folder: CandidateFolder, settings: Settings, store: Store) -> list[Path]:
    """Move the files read (done or partial) out of the intake folder, each after its archive copy is verified.

    Failed files stay where staff will see them; links and files still being written are never moved.
    """
    archived = {row.sha256: Path(row.archive_path) for row in store.documents(folder.candidate)
                if row.status in {"done", "partial"} and row.archive_path}
    target_dir = (settings.processed_dir or folder.folder.parent.parent / "processed") / folder.candidate
    moved = []
    for path in evidence_files(folder.folder):
        try:
            target = move_verified(path, archived, target_dir)
        except OSError as exc:
            log.error("could not move a processed file of candidate %s: %s", folder.candidate, type(exc).__name__)
            continue
        if target is not None:
            moved.append(target)
    return moved


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


class Progress(Protocol):
    """Told what a run does as it goes (the CLI's progress bar); the recipe works the same without one."""

    def claimed(self, documents: int) -> None: ...

    def extracted(self, result: DocumentResult) -> None: ...


def process_intake(intake: Path, settings: Settings, store: Store | None = None,
                   progress: Progress | None = None) -> RunSummary:
    """The whole intake, in order: receive and archive, claim, extract, store, check each candidate."""
    settings.prepare()
    store = store or open_store(settings.url)
    run = store.start_run("intake")
    summary = RunSummary()
    for folder in candidate_folders(intake):
        received = receive_folder(folder, settings, store)
        summary.received += len(received.hashes)
        summary.waiting += received.waiting
        summary.failed += [f"{folder.candidate}/{name}" for name in received.refused]
        claims = claim_all(folder.candidate, received.hashes, store)
        if progress:
            progress.claimed(len(claims))
        for claimed in claims:
            result = extract(claimed, settings)
            store.save_result(claimed.row_id, result)
            if progress:
                progress.extracted(result)
            summary.extracted += 1
            if result.status.value == "failure":
                summary.failed.append(f"{folder.candidate}/{result.filename}")
        if settings.move_processed:
            move_processed(folder, settings, store)
        record = check_candidate(folder.candidate, store, settings)
        summary.candidates[folder.candidate] = {r.id: r.status.value for r in record.requirements}
    store.finish_run(run, summary.status, summary.as_dict())
    return summary
