"""The store's schema, versioned with Alembic: any database is brought to the newest revision when opened.

Shipped inside the package so an installed `endorse` migrates its own database; `versions/` holds one
file a revision. Several processes may open one database at once: the upgrade runs under a lock (a
PostgreSQL advisory lock; SQLite's write lock, taken with BEGIN IMMEDIATE) and in one transaction, so
the second process waits and then finds nothing to do.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.operations import Operations
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.pool import NullPool

from pipeline.migrations import baseline

BASELINE = "0001"
_LOCK = 0x656E646F72736531
"""The advisory lock's key on PostgreSQL (any constant that other software on the server does not use)."""


def config(connection: Connection | None = None) -> Config:
    """An Alembic configuration pointing at this package, migrating `connection` when given."""
    settings = Config()
    settings.set_main_option("script_location", str(Path(__file__).parent))
    settings.attributes["connection"] = connection
    return settings


def head() -> str | None:
    return ScriptDirectory.from_config(config()).get_current_head()


def current(connection: Connection) -> str | None:
    """The revision the database is at; None for an empty database or one made before migrations."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to `revision`, adopting one made by the store before migrations existed."""
    if revision == "head":
        with engine.connect() as connection:
            if current(connection) == head():
                return
    with _locked(engine) as connection:
        if current(connection) is None and _has_tables(connection):
            _adopt(connection)
        command.upgrade(config(connection), revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Step the schema back to `revision` ("base": nothing left); the data of what is dropped goes with it."""
    with _locked(engine) as connection:
        command.downgrade(config(connection), revision)


def _has_tables(connection: Connection) -> bool:
    return bool(set(inspect(connection).get_table_names()) & set(baseline.metadata().tables))


def _adopt(connection: Connection) -> None:
    """Complete a pre-migration database to the baseline (missing tables, nullable columns), then stamp it.

    The earlier code made its tables with create_all and added late columns by hand, so an old database
    may lack a table or a column that came after it was last opened; its rows are left as they are.
    """
    tables = baseline.metadata()
    tables.create_all(connection, checkfirst=True)
    operations = Operations(MigrationContext.configure(connection))
    inspector = inspect(connection)
    for table in tables.sorted_tables:
        present = {c["name"] for c in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name not in present:
                operations.add_column(table.name, Column(column.name, column.type, nullable=True))
    command.stamp(config(connection), BASELINE)


@contextmanager
def _locked(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that holds the database's migration lock until it commits."""
    if engine.dialect.name == "sqlite" and engine.url.database in (None, "", ":memory:"):
        with engine.begin() as connection:  # private to this process: nobody to wait for
            yield connection
        return
    own = create_engine(engine.url, poolclass=NullPool)
    if own.dialect.name == "sqlite":
        event.listen(own, "connect", _sqlite_manual_transactions)
        event.listen(own, "begin", lambda connection: connection.exec_driver_sql("BEGIN IMMEDIATE"))
    try:
        with own.begin() as connection:
            if own.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK})
            yield connection
    finally:
        own.dispose()


def _sqlite_manual_transactions(connection: Any, _record: Any) -> None:
    """Let SQLAlchemy issue BEGIN itself (the driver's own would come too late, after a read), and wait when busy."""
    connection.isolation_level = None
    connection.execute("PRAGMA busy_timeout=30000")
