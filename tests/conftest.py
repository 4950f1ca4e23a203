"""Shared fixtures: one generated corpus per test run (the project's own generator, a fixed seed)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from fixtures.generate import generate

    out = tmp_path_factory.mktemp("corpus")
    generate(out, seed=7)
    return out


@pytest.fixture(scope="session")
def golden(corpus: Path) -> Path:
    return corpus / "golden"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database: a SQLite file, and a new PostgreSQL database (dropped after) on the server
    ENDORSE_TEST_POSTGRES_URL names; without it the PostgreSQL case skips, or fails when ENDORSE_REQUIRE_POSTGRES=1.
    """
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'endorse.db'}"
        return
    server = os.environ.get("ENDORSE_TEST_POSTGRES_URL")
    if not server:
        reason = "ENDORSE_TEST_POSTGRES_URL is not set (scripts/postgres.sh start prints one)"
        if os.environ.get("ENDORSE_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"ENDORSE_REQUIRE_POSTGRES=1 but {reason}")
        pytest.skip(reason)
    from uuid import uuid4

    from sqlalchemy import create_engine, make_url, text

    name = f"endorse_test_{uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
