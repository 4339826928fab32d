"""Alembic environment: runs against the connection mailbot hands over, or the config URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from mailbot.tickets.models import Base

target_metadata = Base.metadata


def run_migrations() -> None:
    """Run online migrations; mailbot always passes a live connection."""
    connection = context.config.attributes.get("connection")
    if connection is None:
        url = context.config.get_main_option("sqlalchemy.url")
        assert url, "sqlalchemy.url is required"
        with create_engine(url).begin() as own_connection:
            _run(own_connection)
        return
    _run(connection)


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
