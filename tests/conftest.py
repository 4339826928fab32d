"""Fixtures that start real servers on 127.0.0.1 (see tests/servers.py).

A server whose binary is missing skips its tests, unless MAILBOT_REQUIRE_SERVERS=1 (CI): then
it fails them, and any skipped test at all turns the run red.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from tests.servers import (
    DovecotServer,
    ImapAccount,
    PostgresServer,
    ServerNotInstalled,
    SmtpSink,
)

REQUIRE_SERVERS_ENV = "MAILBOT_REQUIRE_SERVERS"
_SKIPPED: list[str] = []  # node ids of skipped tests in this session
_Server = TypeVar("_Server", DovecotServer, PostgresServer)


def _servers_required() -> bool:
    return os.environ.get(REQUIRE_SERVERS_ENV) == "1"


def _start(server: _Server) -> _Server:
    """Start `server`; skip the test if it is not installed (fail under REQUIRE_SERVERS)."""
    try:
        return server.start()
    except ServerNotInstalled as error:
        reason = f"test server unavailable: {error}"
    if _servers_required():
        pytest.fail(f"{reason} ({REQUIRE_SERVERS_ENV}=1)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def dovecot() -> Iterator[DovecotServer]:
    """One Dovecot for the session, with an implicit-TLS listener too (tls_port, cert_path)."""
    server = _start(DovecotServer(tls=True))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def private_dovecot() -> Iterator[DovecotServer]:
    """A Dovecot of the test's own (no TLS), to restart or break without disturbing others."""
    server = _start(DovecotServer())
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def imap_account(dovecot: DovecotServer) -> ImapAccount:
    """A new user with an empty mailbox on the session Dovecot."""
    return dovecot.new_account()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """$MAILBOT_TEST_PG_URL, or a throwaway PostgreSQL cluster for the session."""
    server = _start(PostgresServer())
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(postgres: PostgresServer) -> Iterator[str]:
    """SQLAlchemy URL of a fresh, empty database, dropped after the test."""
    url = postgres.create_database()
    try:
        yield url
    finally:
        postgres.drop_database(url)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'mailbot.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest) -> str:
    """Each test using this runs once per database backend."""
    name = "sqlite_url" if request.param == "sqlite" else "pg_url"
    url: str = request.getfixturevalue(name)
    return url


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    """``mailbot.cli.main`` installs a stderr handler; take it away after the test."""
    import logging

    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.fixture(autouse=True)
def _close_apps() -> Iterator[None]:
    """Dispose of every app's engine a test built, so no connection outlives its test."""
    yield
    from tests.support import close_apps

    close_apps()


@pytest.fixture
def smtp_sink() -> Iterator[SmtpSink]:
    with SmtpSink() as sink:
        yield sink


def pytest_sessionstart(session: pytest.Session) -> None:
    _SKIPPED.clear()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and not hasattr(report, "wasxfail"):
        _SKIPPED.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Under MAILBOT_REQUIRE_SERVERS=1 a skipped test means something was not tested: fail."""
    if _servers_required() and _SKIPPED and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _servers_required() and _SKIPPED:
        terminalreporter.section(f"{REQUIRE_SERVERS_ENV}=1 but tests were skipped", red=True)
        for nodeid in _SKIPPED:
            terminalreporter.write_line(f"SKIPPED {nodeid}", red=True)
        terminalreporter.write_line(
            "Every test must run in CI: the run fails.", red=True, bold=True
        )
