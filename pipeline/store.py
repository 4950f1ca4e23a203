"""Everything persists here: SQLAlchemy 2 on SQLite by default, PostgreSQL by URL; the schema by Alembic."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    String,
    UniqueConstraint,
    and_,
    create_engine,
    event,
    make_url,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from pipeline.models import CandidateInfo, DocumentResult, RequirementResult


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class CandidateRow(Base):
    __tablename__ = "candidates"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str | None]
    category: Mapped[str | None] = mapped_column(String(40))
    applied_on: Mapped[str | None] = mapped_column(String(10))
    problem: Mapped[str | None]
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=now, onupdate=now)


class DocumentRow(Base):
    """One file of one candidate; the same bytes in two folders are two rows with one hash."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("candidate_id", "sha256"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[str] = mapped_column(ForeignKey("candidates.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str]
    archive_path: Mapped[str]
    size: Mapped[int]
    status: Mapped[str] = mapped_column(String(20), default="waiting")
    kind: Mapped[str | None] = mapped_column(String(40))
    pages: Mapped[int | None]
    official: Mapped[bool | None]
    extractor_version: Mapped[str | None] = mapped_column(String(20))
    error_code: Mapped[str | None] = mapped_column(String(60))
    error_message: Mapped[str | None]
    result: Mapped[dict[str, Any] | None]
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    claimed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    processed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    received_at: Mapped[dt.datetime] = mapped_column(DateTime, default=now)


class RequirementRow(Base):
    __tablename__ = "requirement_results"
    __table_args__ = (UniqueConstraint("candidate_id", "requirement"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[str] = mapped_column(ForeignKey("candidates.id"), index=True)
    requirement: Mapped[str] = mapped_column(String(60))
    status: Mapped[str] = mapped_column(String(20))
    result: Mapped[dict[str, Any]]
    rules_version: Mapped[str] = mapped_column(String(40))
    checked_at: Mapped[dt.datetime] = mapped_column(DateTime, default=now)


class DecisionRow(Base):
    """A reviewer's decision on an item, keyed by document hash + item key so it survives re-extraction."""

    __tablename__ = "decisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_sha256: Mapped[str] = mapped_column(String(64), index=True)
    item_key: Mapped[str] = mapped_column(String(300))
    action: Mapped[str] = mapped_column(String(20))
    value: Mapped[dict[str, Any] | None]
    reviewer: Mapped[str] = mapped_column(String(100))
    comment: Mapped[str | None]
    decided_at: Mapped[dt.datetime] = mapped_column(DateTime, default=now)
    extracted: Mapped[dict[str, Any] | None]
    """The value as the reviewer saw it; a later extraction that differs from it is reported, not obeyed."""


class ClaimRow(Base):
    """Who is looking at an item, until when, and how many decisions it has had (the optimistic lock)."""

    __tablename__ = "claims"
    __table_args__ = (UniqueConstraint("document_sha256", "item_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_sha256: Mapped[str] = mapped_column(String(64))
    item_key: Mapped[str] = mapped_column(String(300))
    holder: Mapped[str | None] = mapped_column(String(100))
    claimed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(default=0)


class UserRow(Base):
    """A reviewers' web page account: an argon2 hash, never a password, and a role."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str]
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=now)


class AuditRow(Base):
    """One thing a person did (a decision, a login, an account made), with the old and new value."""

    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=now, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    candidate_id: Mapped[str | None] = mapped_column(String(200), index=True)
    document_sha256: Mapped[str | None] = mapped_column(String(64))
    item_key: Mapped[str | None] = mapped_column(String(300))
    old: Mapped[dict[str, Any] | None]
    new: Mapped[dict[str, Any] | None]
    comment: Mapped[str | None]


class ClaimConflict(Exception):
    """A decision that would overwrite another person's: the item is held by, or was just decided by, someone else."""

    def __init__(self, holder: str | None, version: int) -> None:
        self.holder, self.version = holder, version
        super().__init__(f"held by {holder}" if holder else f"decided meanwhile (version {version})")


class RunRow(Base):
    __tablename__ = "runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    flow: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20))
    started_at: Mapped[dt.datetime] = mapped_column(DateTime, default=now)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    summary: Mapped[dict[str, Any] | None]


class Store:
    """The pipeline's database: a thin layer of named operations over SQLAlchemy sessions."""

    def __init__(self, url: str) -> None:
        from pipeline import migrations

        private_sqlite_file(url)
        self.engine: Engine = create_engine(url)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        migrations.upgrade(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back on any error."""
        with self._sessions.begin() as session:
            yield session

    def upsert_candidate(self, candidate: str, info: CandidateInfo, problem: str | None = None) -> None:
        with self.session() as s:
            row = s.get(CandidateRow, candidate) or CandidateRow(id=candidate)
            row.name, row.category = info.name, info.category.value if info.category else None
            row.applied_on = info.applied_on.isoformat() if info.applied_on else None
            row.problem = problem
            s.add(row)

    def candidate_info(self, candidate: str) -> CandidateInfo | None:
        with self.session() as s:
            row = s.get(CandidateRow, candidate)
            if row is None:
                return None
            return CandidateInfo(name=row.name, category=row.category, applied_on=row.applied_on)  # type: ignore[arg-type]

    def candidates(self) -> list[str]:
        with self.session() as s:
            return list(s.scalars(select(CandidateRow.id).order_by(CandidateRow.id)))

    def register(self, candidate: str, sha256: str, filename: str, archive_path: str, size: int) -> None:
        """Record a received file once; a file seen before keeps its row and state."""
        with self.session() as s:
            found = s.scalar(select(DocumentRow).where(DocumentRow.candidate_id == candidate,
                                                       DocumentRow.sha256 == sha256))
            if found is None:
                s.add(DocumentRow(candidate_id=candidate, sha256=sha256, filename=filename,
                                  archive_path=archive_path, size=size))

    def claim(self, candidate: str, sha256: str, extractor_version: str, worker: str,
              lease: dt.timedelta = dt.timedelta(minutes=30)) -> DocumentRow | None:
        """Take a document for extraction unless it is done with this extractor version or claimed by another.

        Whether it may be taken is decided inside the statement that takes it, so two workers never take one
        document: on PostgreSQL the row is locked with SELECT ... FOR UPDATE SKIP LOCKED (a racer skips it
        instead of waiting), on SQLite one conditional UPDATE does it under the database's write lock.
        """
        where = _claimable(candidate, sha256, extractor_version, now() - lease)
        with self.session() as s:
            if self.engine.dialect.name == "postgresql":
                row_id = s.scalar(select(DocumentRow.id).where(where).with_for_update(skip_locked=True))
                if row_id is None:
                    return None
                where = DocumentRow.id == row_id
            taken = s.execute(update(DocumentRow).where(where)
                              .values(claimed_by=worker, claimed_at=now(), status="processing"))
            if taken.rowcount != 1:  # type: ignore[attr-defined]
                return None
            return s.scalars(select(DocumentRow).where(DocumentRow.candidate_id == candidate,
                                                       DocumentRow.sha256 == sha256)).one()

    def save_result(self, row_id: int, result: DocumentResult) -> None:
        """Store a document's extraction and release its claim, in one transaction."""
        status = {"success": "done", "partial": "partial", "failure": "failed"}[result.status.value]
        error = result.flags[0] if result.status.value == "failure" and result.flags else None
        with self.session() as s:
            row = s.get_one(DocumentRow, row_id)
            row.status, row.kind, row.pages = status, result.kind.value, result.pages
            row.official, row.extractor_version = result.official, result.extractor_version
            row.result = result.model_dump(mode="json")
            row.error_code = error.code if error else None
            row.error_message = error.message if error else None
            row.claimed_by = row.claimed_at = None
            row.processed_at = now()

    def document_results(self, candidate: str) -> list[DocumentResult]:
        """The stored extraction of every document of a candidate that has one."""
        with self.session() as s:
            rows = s.scalars(select(DocumentRow).where(DocumentRow.candidate_id == candidate,
                                                       DocumentRow.result.is_not(None)).order_by(DocumentRow.id))
            return [DocumentResult.model_validate(r.result) for r in rows]

    def documents(self, candidate: str | None = None) -> list[DocumentRow]:
        with self.session() as s:
            query = select(DocumentRow).order_by(DocumentRow.candidate_id, DocumentRow.id)
            if candidate:
                query = query.where(DocumentRow.candidate_id == candidate)
            return list(s.scalars(query))

    def decisions(self, documents: list[str]) -> list[DecisionRow]:
        with self.session() as s:
            query = select(DecisionRow).where(DecisionRow.document_sha256.in_(documents)).order_by(DecisionRow.id)
            return list(s.scalars(query))

    def save_requirements(self, candidate: str, results: list[RequirementResult], rules_version: str) -> list[str]:
        """Replace a candidate's requirement results; returns the ids whose status changed."""
        changed = []
        with self.session() as s:
            for result in results:
                row = s.scalar(select(RequirementRow).where(RequirementRow.candidate_id == candidate,
                                                            RequirementRow.requirement == result.id))
                if row is None:
                    row = RequirementRow(candidate_id=candidate, requirement=result.id)
                    s.add(row)
                if row.status != result.status.value:
                    changed.append(result.id)
                row.status, row.result = result.status.value, result.model_dump(mode="json")
                row.rules_version, row.checked_at = rules_version, now()
        return changed

    def requirements(self, candidate: str) -> list[RequirementResult]:
        with self.session() as s:
            rows = s.scalars(select(RequirementRow).where(RequirementRow.candidate_id == candidate)
                             .order_by(RequirementRow.id))
            return [RequirementResult.model_validate(r.result) for r in rows]

    def start_run(self, flow: str) -> int:
        with self.session() as s:
            run = RunRow(flow=flow, status="running")
            s.add(run)
            s.flush()
            return run.id

    def finish_run(self, run_id: int, status: str, summary: dict[str, Any]) -> None:
        with self.session() as s:
            run = s.get_one(RunRow, run_id)
            run.status, run.summary, run.finished_at = status, summary, now()

    def runs(self, limit: int = 10) -> list[RunRow]:
        with self.session() as s:
            return list(s.scalars(select(RunRow).order_by(RunRow.id.desc()).limit(limit)))

    def document(self, sha256: str) -> DocumentRow | None:
        """One stored copy of a document (any candidate's: the archive keeps one file per hash)."""
        with self.session() as s:
            return s.scalar(select(DocumentRow).where(DocumentRow.sha256 == sha256).order_by(DocumentRow.id))

    # reviewers: accounts, claims, decisions and the audit log

    def add_user(self, name: str, password_hash: str, role: str) -> None:
        """Create an account, or replace the hash and role of an existing one."""
        with self.session() as s:
            row = s.scalar(select(UserRow).where(UserRow.name == name)) or UserRow(name=name)
            row.password_hash, row.role, row.active = password_hash, role, True
            s.add(row)

    def user(self, name: str) -> UserRow | None:
        with self.session() as s:
            return s.scalar(select(UserRow).where(UserRow.name == name, UserRow.active.is_(True)))

    def set_password_hash(self, name: str, password_hash: str) -> None:
        with self.session() as s:
            s.execute(update(UserRow).where(UserRow.name == name).values(password_hash=password_hash))

    def claims(self, documents: list[str]) -> dict[tuple[str, str], ClaimRow]:
        """The claim rows of the items of these documents, by (document hash, item key)."""
        with self.session() as s:
            rows = s.scalars(select(ClaimRow).where(ClaimRow.document_sha256.in_(documents)))
            return {(r.document_sha256, r.item_key): r for r in rows}

    def _claim_row(self, sha256: str, key: str) -> None:
        """Make the item's claim row if it has none; a concurrent maker winning the race is fine."""
        try:
            with self.session() as s:
                if s.scalar(select(ClaimRow.id).where(ClaimRow.document_sha256 == sha256,
                                                      ClaimRow.item_key == key)) is None:
                    s.add(ClaimRow(document_sha256=sha256, item_key=key))
        except IntegrityError:
            pass

    def _current_claim(self, s: Session, sha256: str, key: str) -> ClaimRow:
        return s.scalars(select(ClaimRow).where(ClaimRow.document_sha256 == sha256,
                                                ClaimRow.item_key == key)).one()

    def claim_item(self, sha256: str, key: str, holder: str, lease: dt.timedelta) -> ClaimRow:
        """Take the item for `holder` unless another holds an unexpired claim; returns the claim as it stands."""
        self._claim_row(sha256, key)
        with self.session() as s:
            s.execute(update(ClaimRow)
                      .where(ClaimRow.document_sha256 == sha256, ClaimRow.item_key == key)
                      .where(_free_for(holder, now() - lease))
                      .values(holder=holder, claimed_at=now()))
            return self._current_claim(s, sha256, key)

    def release_item(self, sha256: str, key: str, holder: str) -> None:
        with self.session() as s:
            s.execute(update(ClaimRow).where(ClaimRow.document_sha256 == sha256, ClaimRow.item_key == key,
                                             ClaimRow.holder == holder).values(holder=None, claimed_at=None))

    def decide(self, decision: DecisionRow, audit: AuditRow, lease: dt.timedelta,
               expected_version: int | None = None) -> int:
        """Record a decision and its audit entry in one transaction; returns the item's new version.

        The conditional UPDATE on the claim row is the lock: it succeeds only when nobody else holds a
        live claim and (when given) nobody decided since `expected_version`. Raises ClaimConflict otherwise.
        """
        sha256, key, reviewer = decision.document_sha256, decision.item_key, decision.reviewer
        self._claim_row(sha256, key)
        with self.session() as s:
            query = (update(ClaimRow).where(ClaimRow.document_sha256 == sha256, ClaimRow.item_key == key)
                     .where(_free_for(reviewer, now() - lease)))
            if expected_version is not None:
                query = query.where(ClaimRow.version == expected_version)
            done = s.execute(query.values(version=ClaimRow.version + 1, holder=None, claimed_at=None))
            current = self._current_claim(s, sha256, key)
            if done.rowcount != 1:  # type: ignore[attr-defined]
                live = current.holder if current.holder not in (None, reviewer) else None
                raise ClaimConflict(live, current.version)
            s.add(decision)
            s.add(audit)
            return current.version

    def add_audit(self, entry: AuditRow) -> None:
        with self.session() as s:
            s.add(entry)

    def audit_log(self, limit: int = 500, candidate: str | None = None,
                  item: tuple[str, str] | None = None, actions_like: str | None = None) -> list[AuditRow]:
        """The newest audit entries first, optionally of one candidate, one item or one kind of action."""
        with self.session() as s:
            query = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
            if candidate is not None:
                query = query.where(AuditRow.candidate_id == candidate)
            if item is not None:
                query = query.where(AuditRow.document_sha256 == item[0], AuditRow.item_key == item[1])
            if actions_like is not None:
                query = query.where(AuditRow.action.like(actions_like))
            return list(s.scalars(query))


def _claimable(candidate: str, sha256: str, extractor_version: str, stale_before: dt.datetime) -> Any:
    """The document is not yet read by this extractor version and nobody holds a live claim on it."""
    not_done = or_(DocumentRow.status.not_in(["done", "partial", "failed"]),
                   DocumentRow.extractor_version.is_(None), DocumentRow.extractor_version != extractor_version)
    free = or_(DocumentRow.claimed_by.is_(None), DocumentRow.claimed_at < stale_before)
    return and_(DocumentRow.candidate_id == candidate, DocumentRow.sha256 == sha256, not_done, free)


def private_sqlite_file(url: str) -> None:
    """Make a SQLite database's folder (if missing) and file owner-only before SQLite opens it.

    SQLite gives its -wal and -shm files the database file's mode, so they stay private too.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return
    path = Path(parsed.database)
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700)
        path.parent.chmod(0o700)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    path.chmod(0o600)


BUSY_SECONDS = 30.0
"""How long a SQLite connection waits for another one's lock before it gives up."""
WAL_RETRY_SECONDS = 0.05


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    """WAL lets the web page read while a run writes; a busy timeout lets two runs wait instead of fail."""
    cursor = connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_SECONDS * 1000)}")
    _switch_to_wal(cursor)
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _switch_to_wal(cursor: Any) -> None:
    """Put the database in WAL mode, waiting for the connection that is doing it already.

    Workers opening a new database together race to switch it; SQLite answers a loser "database is locked" at
    once, without its busy wait (waiting could deadlock two connections that each hold a read lock), so the loser
    tries again until the switch is done or `BUSY_SECONDS` have passed (a fresh-clone CI run failed on this).
    """
    deadline = time.monotonic() + BUSY_SECONDS
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() >= deadline:
                raise
            time.sleep(WAL_RETRY_SECONDS)


def _free_for(holder: str, stale_before: dt.datetime) -> Any:
    """The claim is free for `holder`: nobody holds it, `holder` does, or the holder's lease ran out."""
    return or_(ClaimRow.holder.is_(None), ClaimRow.holder == holder, ClaimRow.claimed_at < stale_before)


@lru_cache(maxsize=8)
def open_store(url: str) -> Store:
    """One Store (and engine) per database URL per process."""
    return Store(url)
