"""Alembic's entry: migrate the connection `pipeline.migrations` hands over, or the configured database."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine
from sqlalchemy.pool import NullPool

from pipeline.store import Base, private_sqlite_file


def run_on(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=Base.metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    """From `open_store` the connection is given (locked, in a transaction); from the alembic CLI, the URL."""
    given = context.config.attributes.get("connection")
    if given is not None:
        run_on(given)
        return
    from pipeline.settings import Settings

    url = context.config.get_main_option("sqlalchemy.url") or Settings().url
    private_sqlite_file(url)
    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as connection:
        run_on(connection)
        connection.commit()
    engine.dispose()


run()
