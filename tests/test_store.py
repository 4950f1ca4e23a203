"""The store's named operations, on SQLite and on PostgreSQL (the `database_url` fixture gives both)."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import update

from pipeline.models import (
    CandidateInfo,
    Category,
    DocumentKind,
    DocumentResult,
    DocumentStatus,
    Flag,
    RequirementResult,
    Status,
)
from pipeline.store import AuditRow, ClaimConflict, DecisionRow, DocumentRow, Store

LEASE = dt.timedelta(minutes=15)


def _result(sha256: str, version: str = "x1", status: DocumentStatus = DocumentStatus.SUCCESS) -> DocumentResult:
    flags = [Flag(code="pdf.unreadable", message="Not a PDF.")] if status is DocumentStatus.FAILURE else []
    return DocumentResult(document=sha256, filename=f"{sha256}.pdf", kind=DocumentKind.MEMBERSHIP, pages=1,
                          status=status, extractor_version=version, flags=flags)


@pytest.fixture
def store(database_url: str) -> Store:
    return Store(database_url)


def test_candidates_documents_and_results_round_trip(store: Store) -> None:
    store.upsert_candidate("c1", CandidateInfo(name="A. Mentor", category=Category.CLINICAL,
                                               applied_on=dt.date(2024, 5, 1)))
    store.register("c1", "a" * 64, "m.pdf", "/archive/a.pdf", 120)
    store.register("c1", "a" * 64, "again.pdf", "/archive/a.pdf", 120)  # the same bytes again keep one row
    assert store.candidates() == ["c1"]
    assert store.candidate_info("c1") == CandidateInfo(name="A. Mentor", category=Category.CLINICAL,
                                                       applied_on=dt.date(2024, 5, 1))
    [row] = store.documents("c1")
    assert (row.filename, row.status, row.size) == ("m.pdf", "waiting", 120)

    claimed = store.claim("c1", "a" * 64, "x1", "w1")
    assert claimed is not None and claimed.status == "processing" and claimed.claimed_by == "w1"
    store.save_result(claimed.id, _result("a" * 64))
    [row] = store.documents("c1")
    assert (row.status, row.kind, row.claimed_by, row.extractor_version) == ("done", "membership", None, "x1")
    assert store.document_results("c1") == [_result("a" * 64)]
    assert store.document("a" * 64).id == row.id  # type: ignore[union-attr]


def test_a_failed_result_keeps_its_code_and_sentence(store: Store) -> None:
    store.upsert_candidate("c1", CandidateInfo())
    store.register("c1", "f" * 64, "bad.pdf", "", 3)
    claimed = store.claim("c1", "f" * 64, "x1", "w1")
    assert claimed is not None
    store.save_result(claimed.id, _result("f" * 64, status=DocumentStatus.FAILURE))
    [row] = store.documents("c1")
    assert (row.status, row.error_code, row.error_message) == ("failed", "pdf.unreadable", "Not a PDF.")


def test_a_document_is_claimed_once_per_extractor_version(store: Store) -> None:
    store.upsert_candidate("c1", CandidateInfo())
    store.register("c1", "b" * 64, "b.pdf", "/archive/b.pdf", 1)
    first = store.claim("c1", "b" * 64, "x1", "w1")
    assert first is not None
    assert store.claim("c1", "b" * 64, "x1", "w2") is None, "held by a live claim"
    store.save_result(first.id, _result("b" * 64))
    assert store.claim("c1", "b" * 64, "x1", "w2") is None, "done with this extractor version"
    again = store.claim("c1", "b" * 64, "x2", "w2")
    assert again is not None and again.id == first.id, "a new extractor version reads it again"
    assert store.claim("c1", "unknown", "x2", "w2") is None


def test_an_expired_claim_is_taken_over(store: Store) -> None:
    store.upsert_candidate("c1", CandidateInfo())
    store.register("c1", "c" * 64, "c.pdf", "/archive/c.pdf", 1)
    assert store.claim("c1", "c" * 64, "x1", "dead") is not None
    with store.session() as s:
        s.execute(update(DocumentRow).values(claimed_at=dt.datetime(2000, 1, 1)))
    taken = store.claim("c1", "c" * 64, "x1", "alive", lease=dt.timedelta(minutes=30))
    assert taken is not None and taken.claimed_by == "alive"


def test_requirements_report_what_changed(store: Store) -> None:
    store.upsert_candidate("c1", CandidateInfo())
    met = RequirementResult(id="degree", status=Status.MET, explanation="MSW 2010.")
    assert store.save_requirements("c1", [met], "r1") == ["degree"]
    assert store.save_requirements("c1", [met], "r1") == []
    lapsed = met.model_copy(update={"status": Status.NOT_MET})
    assert store.save_requirements("c1", [lapsed], "r2") == ["degree"]
    assert store.requirements("c1") == [lapsed]


def test_runs_users_and_audit(store: Store) -> None:
    run = store.start_run("intake")
    store.finish_run(run, "success", {"documents": 3})
    [row] = store.runs()
    assert (row.flow, row.status, row.summary) == ("intake", "success", {"documents": 3})
    store.add_user("ana", "hash1", "reviewer")
    store.set_password_hash("ana", "hash2")
    assert store.user("ana").password_hash == "hash2"  # type: ignore[union-attr]
    for action in ["login", "decision.accept"]:
        store.add_audit(AuditRow(actor="ana", action=action, candidate_id="c1", new={"value": 1}))
    assert [a.action for a in store.audit_log()] == ["decision.accept", "login"]
    assert [a.action for a in store.audit_log(actions_like="decision.%")] == ["decision.accept"]


def test_a_decision_needs_the_claim_and_the_version_it_saw(store: Store) -> None:
    sha, key = "d" * 64, "exam:passed"
    held = store.claim_item(sha, key, "ana", LEASE)
    assert held.holder == "ana"
    assert store.claim_item(sha, key, "ben", LEASE).holder == "ana"

    def decision(reviewer: str) -> tuple[DecisionRow, AuditRow]:
        return (DecisionRow(document_sha256=sha, item_key=key, action="accept", reviewer=reviewer),
                AuditRow(actor=reviewer, action="decision.accept", document_sha256=sha, item_key=key))

    with pytest.raises(ClaimConflict) as refused:
        store.decide(*decision("ben"), LEASE, expected_version=0)
    assert refused.value.holder == "ana"
    assert store.decide(*decision("ana"), LEASE, expected_version=0) == 1
    with pytest.raises(ClaimConflict):
        store.decide(*decision("ben"), LEASE, expected_version=0)  # decided meanwhile
    assert [d.reviewer for d in store.decisions([sha])] == ["ana"]
    assert store.claims([sha])[(sha, key)].version == 1
    store.claim_item(sha, key, "ben", LEASE)
    store.release_item(sha, key, "ben")
    assert store.claims([sha])[(sha, key)].holder is None


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_sqlite_file_and_its_folder_are_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "new-home"
    store = Store(f"sqlite:///{folder / 'endorse.db'}")
    store.upsert_candidate("c1", CandidateInfo(name="Private Person"))
    assert _mode(folder) == 0o700
    for path in [folder / "endorse.db", folder / "endorse.db-wal"]:
        assert path.exists() and _mode(path) == 0o600, path


def test_an_existing_readable_sqlite_file_is_made_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "endorse.db"
    Store(f"sqlite:///{path}").engine.dispose()
    os.chmod(path, 0o644)
    Store(f"sqlite:///{path}")
    assert _mode(path) == 0o600


def test_an_in_memory_database_is_migrated_in_place() -> None:
    store = Store("sqlite://")
    store.upsert_candidate("c1", CandidateInfo())
    assert store.candidates() == ["c1"]
