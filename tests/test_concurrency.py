"""Racing workers, on SQLite and PostgreSQL: a document is extracted once, an item decided by one reviewer.

Each racer has its own Store (its own engine and connections), as separate machines would; a barrier
lines them up so the claims really overlap.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import random
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

import pipeline.store as store_module
from pipeline.models import CandidateInfo, DocumentKind, DocumentResult
from pipeline.store import AuditRow, ClaimConflict, DecisionRow, Store

DOCUMENTS = 30
WORKERS = 3
LEASE = dt.timedelta(minutes=15)


def _register(url: str) -> list[tuple[str, str]]:
    store = Store(url)
    documents = [(f"c{n % 3}", f"{n:064x}") for n in range(DOCUMENTS)]
    for candidate in {c for c, _ in documents}:
        store.upsert_candidate(candidate, CandidateInfo())
    for candidate, sha256 in documents:
        store.register(candidate, sha256, f"{sha256[-4:]}.pdf", f"/archive/{sha256}.pdf", 1)
    store.engine.dispose()
    return documents


def extract_all(url: str, worker: str, documents: list[tuple[str, str]], start: Any) -> list[tuple[str, str]]:
    """A worker: claim every document it can and store a result at once (so a late racer sees it done)."""
    store = Store(url)
    order = list(documents)
    random.Random(worker).shuffle(order)
    start.wait()
    taken = []
    for candidate, sha256 in order:
        row = store.claim(candidate, sha256, "x1", worker)
        if row is not None:
            taken.append((candidate, sha256))
            store.save_result(row.id, DocumentResult(document=sha256, filename=row.filename, pages=1,
                                                     kind=DocumentKind.UNKNOWN, extractor_version="x1"))
    store.engine.dispose()
    return taken


def _process_worker(url: str, worker: str, documents: list[tuple[str, str]], start: Any, out: Any) -> None:
    out.put((worker, extract_all(url, worker, documents, start)))


def _assert_each_once(documents: list[tuple[str, str]], taken: dict[str, list[tuple[str, str]]], url: str) -> None:
    counts = Counter(d for by_worker in taken.values() for d in by_worker)
    assert sorted(counts) == sorted(documents), "every document claimed"
    assert max(counts.values()) == 1, f"claimed twice: {[d for d, n in counts.items() if n > 1]}"
    assert {d.status for d in Store(url).documents()} == {"done"}


def test_processes_claim_each_document_exactly_once(database_url: str) -> None:
    documents = _register(database_url)
    spawn = multiprocessing.get_context("spawn")
    start, out = spawn.Barrier(WORKERS), spawn.Queue()
    workers = [spawn.Process(target=_process_worker, args=(database_url, f"w{n}", documents, start, out))
               for n in range(WORKERS)]
    for process in workers:
        process.start()
    taken = dict(out.get(timeout=120) for _ in workers)
    for process in workers:
        process.join(timeout=30)
        assert process.exitcode == 0
    _assert_each_once(documents, taken, database_url)


def test_threads_claim_each_document_exactly_once(database_url: str) -> None:
    documents = _register(database_url)
    start = threading.Barrier(WORKERS)
    with ThreadPoolExecutor(WORKERS) as pool:
        futures = {f"t{n}": pool.submit(extract_all, database_url, f"t{n}", documents, start) for n in range(WORKERS)}
        taken = {worker: future.result(timeout=120) for worker, future in futures.items()}
    _assert_each_once(documents, taken, database_url)


def _race(url: str, attempt: Callable[[Store, str, str], bool], rounds: int) -> list[list[str]]:
    """Two reviewers, each with their own Store, try the same item at the same moment; each round's winners."""
    stores = {name: Store(url) for name in ["ana", "ben"]}
    winners = []
    for n in range(rounds):
        start = threading.Barrier(len(stores))

        def go(name: str, key: str = f"item:{n}", start: threading.Barrier = start) -> bool:
            start.wait()
            return attempt(stores[name], name, key)

        with ThreadPoolExecutor(len(stores)) as pool:
            results = dict(zip(stores, pool.map(go, stores), strict=True))
        winners.append([name for name, won in results.items() if won])
    return winners


def test_two_reviewers_opening_an_item_one_holds_it(database_url: str) -> None:
    def claim(store: Store, name: str, key: str) -> bool:
        return store.claim_item("d" * 64, key, name, LEASE).holder == name

    winners = _race(database_url, claim, rounds=10)
    assert all(len(won) == 1 for won in winners), winners


def test_two_reviewers_deciding_one_item_one_wins(database_url: str) -> None:
    def decide(store: Store, name: str, key: str) -> bool:
        decision = DecisionRow(document_sha256="e" * 64, item_key=key, action="accept", reviewer=name)
        audit = AuditRow(actor=name, action="decision.accept", document_sha256="e" * 64, item_key=key)
        try:
            store.decide(decision, audit, LEASE, expected_version=0)
        except ClaimConflict:
            return False
        return True

    winners = _race(database_url, decide, rounds=10)
    assert all(len(won) == 1 for won in winners), winners
    store = Store(database_url)
    decided = store.decisions(["e" * 64])
    assert len(decided) == 10 and len({d.item_key for d in decided}) == 10
    assert len(store.audit_log(actions_like="decision.%")) == 10


class _LockedAtFirst:
    """A cursor whose first switch to WAL finds the database locked, as a worker that loses the race does."""

    def __init__(self, failures: int, message: str = "database is locked") -> None:
        self.failures, self.message, self.run = failures, message, []

    def execute(self, sql: str) -> None:
        if "journal_mode" in sql and self.failures:
            self.failures -= 1
            raise sqlite3.OperationalError(self.message)
        self.run.append(sql)


def test_a_connection_that_finds_the_wal_switch_locked_tries_again() -> None:
    cursor = _LockedAtFirst(failures=3)
    store_module._switch_to_wal(cursor)
    assert cursor.run == ["PRAGMA journal_mode=WAL"]


def test_another_sqlite_error_during_the_wal_switch_is_not_retried() -> None:
    cursor = _LockedAtFirst(failures=1, message="disk I/O error")
    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        store_module._switch_to_wal(cursor)


def test_stores_opened_at_once_on_an_empty_database_all_start(database_url: str) -> None:
    """Workers starting together on a new database: one migrates, the others wait and find it done."""
    start = threading.Barrier(WORKERS)

    def open_store() -> Store:
        start.wait()
        return Store(database_url)

    with ThreadPoolExecutor(WORKERS) as pool:
        stores = list(pool.map(lambda _: open_store(), range(WORKERS)))
    stores[0].add_user("ana", "hash", "admin")
    assert all(s.user("ana") is not None for s in stores)

