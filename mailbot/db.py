"""Database engine, SQLite pragmas, the single-daemon lock, and Alembic upgrades."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from mailbot.errors import ConfigError, DatabaseLockedError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def make_engine(url: str, *, echo: bool = False, read_only: bool = False) -> Engine:
    """An engine for the URL; SQLite gets WAL, a busy timeout and foreign keys.

    A database error's text names the statement but never its values (unless ``echo`` is
    on for debugging): the values are mail, addresses and names, and the text is logged.

    ``read_only`` (SQLite) is for readers beside the daemon, such as a metrics scrape: its
    transactions are deferred WAL snapshots that neither wait for a writer nor hold one up,
    and the connection refuses writes.
    """
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise ConfigError(f"database.url is not a valid database URL: {exc}") from exc
    hide_parameters = not echo
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(
            url, echo=echo, hide_parameters=hide_parameters, connect_args={"timeout": 30}
        )
        event.listen(engine, "connect", _sqlite_reader if read_only else _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin_deferred if read_only else _sqlite_begin)
        return engine
    return create_engine(url, echo=echo, hide_parameters=hide_parameters, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL, and transactions under SQLAlchemy's control (pysqlite's own break SAVEPOINT).

    ``synchronous=FULL``: a commit is on disk before we act on it (move the message out of
    INBOX, send the mail). With NORMAL, WAL mode may lose the last commits to a power cut or
    a kernel crash, and a message moved to Processed after a lost commit would never be
    seen again. It costs one fsync per commit (about 0.3 ms here).
    """
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_reader(dbapi_connection: Any, _record: Any) -> None:
    """A reader's connection: no writes, and it waits for a busy database like the writer."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    """BEGIN IMMEDIATE: take the write lock up front, so two writers wait instead of failing."""
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _sqlite_begin_deferred(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded values after commit (the daemon hands them on).

    No autoflush: the workflow flushes where it needs database ids, and each message's
    savepoint flushes on release; autoflushing before every query cost more than half of
    the ingest time.
    """
    return sessionmaker(engine, expire_on_commit=False, autoflush=False)


def alembic_config(engine: Engine) -> Config:
    """An Alembic config pointing at the migrations shipped inside the package."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


def head_revision() -> str:
    """The newest migration shipped (revisions are numbered ``0001``, ``0002``… in order)."""
    return max(path.name[:4] for path in (MIGRATIONS_DIR / "versions").glob("[0-9]*.py"))


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Create or upgrade the schema to the newest migration.

    A database already at the newest revision is left alone without loading Alembic (its
    import costs about 11 MB and a few hundred milliseconds at every start).
    """
    if revision == "head" and _stored_revision(engine) == head_revision():
        return
    from alembic import command

    config = alembic_config(engine)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    except SQLAlchemyError as exc:
        raise ConfigError(f"cannot upgrade the database schema: {exc}") from exc


def _stored_revision(engine: Engine) -> str | None:
    """The revision in ``alembic_version``, read with plain SQL; None if there is none yet."""
    try:
        with engine.connect() as connection:
            row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    except SQLAlchemyError:
        return None  # no schema yet (or unreadable): Alembic will say what is wrong
    return str(row[0]) if row is not None else None


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at (None when it has none)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def sqlite_path(engine: Engine) -> Path | None:
    """The database file of a SQLite engine, or None for other backends and memory."""
    if engine.url.get_backend_name() != "sqlite":
        return None
    database = engine.url.database
    if not database or database == ":memory:":
        return None
    return Path(database).resolve()


@contextmanager
def exclusive_sqlite_lock(engine: Engine) -> Iterator[None]:
    """Hold a lock file beside a SQLite database so only one daemon uses it at a time.

    PostgreSQL deployments coordinate through the database instead; for them this is a no-op.
    """
    path = sqlite_path(engine)
    if path is None:
        yield
        return
    lock_path = path.with_name(path.name + ".lock")
    handle: IO[str] = lock_path.open("a+")
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise DatabaseLockedError(
                f"another mailbot process is using {path} (lock file {lock_path})"
            ) from exc
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield
    finally:
        handle.close()
