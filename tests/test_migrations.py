"""Schema migrations: any database comes to head when opened, and an old one keeps every row (issue 8)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, MetaData, create_engine, insert, inspect, select, text

from pipeline import migrations
from pipeline.migrations import baseline
from pipeline.store import Base, Store

SHA = "5" * 64
WHEN = dt.datetime(2024, 3, 1, 9, 30)


def _differences(engine: Engine) -> list[Any]:
    """What separates the database's schema from the store's models (empty when they agree)."""
    with engine.connect() as connection:
        return list(compare_metadata(MigrationContext.configure(connection), Base.metadata))


def _revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return migrations.current(connection)


def _rows(engine: Engine, tables: MetaData) -> dict[str, list[dict[str, Any]]]:
    with engine.connect() as connection:
        return {name: [dict(r._mapping) for r in connection.execute(select(table).order_by(*table.primary_key))]
                for name, table in tables.tables.items() if inspect(connection).has_table(name)}


def _old_database(url: str, older_still: bool) -> tuple[Engine, MetaData]:
    """A database as the store made it before migrations: its tables by create_all, no alembic_version.

    `older_still`: as code from before the review tables and the decisions' `extracted` column made it.
    """
    engine = create_engine(url)
    tables = baseline.metadata()
    tables.create_all(engine)
    if older_still:
        with engine.begin() as connection:
            for name in ["audit", "claims", "users"]:
                tables.tables[name].drop(connection)
                tables.remove(tables.tables[name])
            connection.execute(text("ALTER TABLE decisions DROP COLUMN extracted"))
        tables = MetaData()
        tables.reflect(engine)
    _fill(engine, tables)
    return engine, tables


def _fill(engine: Engine, tables: MetaData) -> None:
    """A candidate with a processed document, a requirement result, a reviewer decision and its audit trail."""
    t = tables.tables
    with engine.begin() as c:
        c.execute(insert(t["candidates"]).values(id="c7", name="A. Mentor", category="clinical", updated_at=WHEN))
        c.execute(insert(t["documents"]).values(
            candidate_id="c7", sha256=SHA, filename="exam.pdf", archive_path=f"/archive/{SHA}.pdf", size=2048,
            status="done", kind="exam_result", pages=1, official=None, extractor_version="x1",
            result={"document": SHA, "items": [{"key": "exam:passed", "value": {"passed": True}}]},
            processed_at=WHEN, received_at=WHEN))
        c.execute(insert(t["requirement_results"]).values(
            candidate_id="c7", requirement="exam", status="met", result={"id": "exam", "status": "met"},
            rules_version="r1", checked_at=WHEN))
        c.execute(insert(t["decisions"]).values(
            document_sha256=SHA, item_key="exam:passed", action="correct", value={"passed": False},
            reviewer="ana", comment="Score below the line.", decided_at=WHEN))
        c.execute(insert(t["runs"]).values(flow="intake", status="success", started_at=WHEN, summary={"done": 1}))
        if "audit" in t:
            c.execute(insert(t["users"]).values(name="ana", password_hash="$argon2id$x", role="admin", active=True,
                                                created_at=WHEN))
            c.execute(insert(t["claims"]).values(document_sha256=SHA, item_key="exam:passed", version=1))
            for action, old, new in [("login", None, None),
                                     ("decision.correct", {"passed": True}, {"passed": False})]:
                c.execute(insert(t["audit"]).values(at=WHEN, actor="ana", action=action, candidate_id="c7",
                                                    document_sha256=SHA, item_key="exam:passed", old=old, new=new))


@pytest.mark.parametrize("older_still", [False, True], ids=["pre-migration", "older-still"])
def test_an_old_database_is_adopted_with_every_row(database_url: str, older_still: bool) -> None:
    engine, tables = _old_database(database_url, older_still)
    before = _rows(engine, tables)
    assert _revision(engine) is None and before["decisions"] and before["documents"]

    store = Store(database_url)

    assert _revision(engine) == migrations.head()
    assert _differences(engine) == []
    after = _rows(engine, tables)
    if older_still:  # the added column is empty for the rows that were there
        assert all(row.pop("extracted") is None for row in _rows(engine, baseline.metadata())["decisions"])
    assert after == before
    [decision] = store.decisions([SHA])
    assert (decision.reviewer, decision.value, decision.comment) == ("ana", {"passed": False}, "Score below the line.")
    assert [d.filename for d in store.documents("c7")] == ["exam.pdf"]
    if not older_still:
        assert [a.action for a in store.audit_log(candidate="c7")] == ["decision.correct", "login"]
        assert store.user("ana") is not None
    engine.dispose()


def test_an_empty_database_goes_up_down_and_up_again(database_url: str) -> None:
    engine = create_engine(database_url)
    migrations.upgrade(engine)
    assert _revision(engine) == migrations.head() and _differences(engine) == []

    migrations.downgrade(engine, "base")
    assert _revision(engine) is None
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}

    migrations.upgrade(engine)
    assert _revision(engine) == migrations.head() and _differences(engine) == []
    engine.dispose()


def test_opening_a_database_at_head_changes_nothing(database_url: str) -> None:
    store = Store(database_url)
    store.add_user("ana", "hash", "admin")
    Store(database_url)
    assert store.user("ana") is not None and _revision(store.engine) == migrations.head()

