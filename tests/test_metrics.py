"""Observability: /metrics read from the database after real mail went through the daemon,
/healthz following the poll loop's reports, and a server that stays on loopback."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import time
import urllib.error
import urllib.request
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from prometheus_client import CONTENT_TYPE_LATEST
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import Table, insert, select, text

from mailbot.config import Settings, load_settings, settings_from_mapping
from mailbot.daemon import App
from mailbot.errors import ConfigError
from mailbot.metrics import (
    Health,
    ObservabilityServer,
    PollHealth,
    read_facts,
    reading_engine,
    start_observability,
)
from mailbot.tickets.models import InboundMessageRow, OutboxMail, Ticket
from tests.servers import ImapAccount, SmtpSink, free_port
from tests.support import (
    SUPPORT,
    SteppingClock,
    append,
    append_at,
    make_app,
    request_mail,
    run_once,
    settings_for,
)

START = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
LONDON = ZoneInfo("Europe/London")
STAFF = "anna@example.co.uk"
Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def mail(sender: str, subject: str, message_id: str, body: str, headers: str = "") -> bytes:
    return (
        f"From: {sender}\r\nTo: {SUPPORT}\r\nSubject: {subject}\r\n"
        f"Date: Mon, 23 Nov 2026 09:00:00 +0000\r\nMessage-ID: {message_id}\r\n{headers}"
        f"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    ).encode()


OUT_OF_OFFICE = mail(
    "Priya <priya@example.net>",
    "Automatic reply: hello",
    "<ooo-1@example.net>",
    "I am out of the office until Monday.",
    "Auto-Submitted: auto-replied\r\n",
)
FORGED_STAFF = mail(  # from a staff address, without a DKIM signature: proves nothing
    f"Anna <{STAFF}>", "Phone request", "<forged-1@example.co.uk>", "#open access for x@y.org"
)
OPT_OUT = mail(
    "Dave <dave@example.com>",
    "stop calling me",
    "<stop-1@example.com>",
    "Your sales team rang me on 07700 900123. Please stop calling me.",
)


@contextlib.asynccontextmanager
async def serving(
    settings: Settings, app: App, health: PollHealth, clock: SteppingClock
) -> AsyncIterator[ObservabilityServer]:
    server = await start_observability(settings, app.engine, health, clock)
    assert server is not None
    try:
        yield server
    finally:
        await server.close()


async def fetch(
    port: int, path: str, method: str = "GET", host: str = "127.0.0.1"
) -> tuple[int, str, bytes]:
    """Status, content type and body, from a real HTTP client (in a thread)."""

    def get() -> tuple[int, str, bytes]:
        request = urllib.request.Request(f"http://{host}:{port}{path}", method=method)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.headers["Content-Type"], response.read()
        except urllib.error.HTTPError as error:
            with error:
                return error.code, error.headers["Content-Type"], error.read()

    return await asyncio.to_thread(get)


async def scrape(port: int) -> Samples:
    status, content_type, body = await fetch(port, "/metrics")
    assert (status, content_type) == (200, CONTENT_TYPE_LATEST)
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(body.decode())
        for sample in family.samples
    }


def pick(samples: Samples, name: str) -> dict[tuple[tuple[str, str], ...], float]:
    """Every series of one metric, by its labels."""
    return {labels: value for (n, labels), value in samples.items() if n == name}


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples[(name, tuple(sorted(labels.items())))]


async def healthz(port: int) -> tuple[int, dict[str, Any]]:
    status, content_type, body = await fetch(port, "/healthz")
    assert content_type == "application/json"
    return status, json.loads(body)


def db_only_settings(db_url: str, **observability: Any) -> Settings:
    return settings_from_mapping(
        {"database": {"url": db_url}, "observability": {"port": free_port(), **observability}}
    )


def at_london(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON).astimezone(UTC)


# -- /metrics after real mail -----------------------------------------------------------------


async def test_metrics_count_what_went_through_the_daemon(
    imap_account: ImapAccount, smtp_sink: SmtpSink, db_url: str
) -> None:
    clock = SteppingClock(START)
    port = free_port()
    settings = settings_for(
        imap_account,
        smtp_sink,
        db_url,
        staff={"addresses": [STAFF]},
        observability={"port": port},
    )
    append(imap_account, [request_mail(1), request_mail(2), request_mail(1)])  # 3rd: a copy
    append(imap_account, [OUT_OF_OFFICE, FORGED_STAFF])
    append_at(imap_account, OPT_OUT, START)
    smtp_sink.reject_recipient("person2@example.org", code=550)
    app = make_app(settings, clock)
    summary = await run_once(app)
    assert (summary.fetched, summary.tickets, summary.failed) == (6, 3, 1)
    health = PollHealth(START)
    health.polled(clock.now, "INBOX")

    async with serving(settings, app, health, clock) as server:
        samples = await scrape(server.port)

        assert pick(samples, "mailbot_messages_total") == {
            (("disposition", "ticket"), ("rule", "rights_request")): 2,
            (("disposition", "ticket"), ("rule", "opt_out")): 1,
            (("disposition", "duplicate"), ("rule", "duplicate")): 1,
            (("disposition", "ignored"), ("rule", "auto_reply")): 1,
            (("disposition", "quarantined"), ("rule", "staff_unauthenticated")): 1,
        }
        tickets = pick(samples, "mailbot_tickets")
        assert len(tickets) == 8 * 2, "every state of both kinds, zeros included"
        assert {labels: n for labels, n in tickets.items() if n} == {
            (("kind", "rights_request"), ("state", "awaiting_verification")): 2,
            (("kind", "opt_out"), ("state", "in_progress")): 1,
        }
        assert value(samples, "mailbot_quarantined_messages") == 1
        assert value(samples, "mailbot_security_events_total", kind="staff_unauthenticated") == 1
        assert value(samples, "mailbot_outbox_pending") == 0
        assert value(samples, "mailbot_outbox_oldest_pending_age_seconds") == 0
        assert value(samples, "mailbot_outbox_failed") == 1
        assert value(samples, "mailbot_tickets_overdue") == 0
        assert value(samples, "mailbot_database_up") == 1
        assert value(samples, "mailbot_poll_healthy") == 1
        assert (
            value(samples, "mailbot_last_successful_poll_timestamp_seconds", mailbox="INBOX")
            == START.timestamp()
        )
        assert value(samples, "process_resident_memory_bytes") > 0

        # The opt-out is due in 10 business days; overdue from the next local day on.
        with app.sessions() as session:
            due_on = session.scalars(select(Ticket.due_on).where(Ticket.kind == "opt_out")).one()
        assert due_on is not None
        clock.now = at_london(due_on, 23, 59)
        assert value(await scrape(server.port), "mailbot_tickets_overdue") == 0
        clock.now = at_london(due_on + timedelta(days=1), 0, 1)
        assert value(await scrape(server.port), "mailbot_tickets_overdue") == 1


async def test_outbox_backlog_while_smtp_is_down(imap_account: ImapAccount, db_url: str) -> None:
    clock = SteppingClock(START)
    port = free_port()
    down = settings_for(imap_account, None, db_url, observability={"port": port})  # SMTP: port 1
    append(imap_account, [request_mail(1), request_mail(2)])
    app = make_app(down, clock)
    summary = await run_once(app)
    assert (summary.tickets, summary.sent, summary.retrying) == (2, 0, 2)
    clock.advance(seconds=20)  # before the retry (30 s)
    append(imap_account, [request_mail(3)])
    assert (await run_once(make_app(down, clock))).retrying == 1, "the first two are not due"

    async with serving(down, app, PollHealth(START), clock) as server:
        clock.advance(minutes=5)
        samples = await scrape(server.port)
    assert value(samples, "mailbot_outbox_pending") == 3
    assert value(samples, "mailbot_outbox_oldest_pending_age_seconds") == 20 + 5 * 60
    assert value(samples, "mailbot_outbox_failed") == 0


# -- /healthz ---------------------------------------------------------------------------------


async def test_healthz_follows_the_poll_loop(sqlite_url: str) -> None:
    clock = SteppingClock(START)
    settings = db_only_settings(sqlite_url, unhealthy_after_seconds=300)
    app = make_app(settings, clock)
    health = PollHealth(START)
    async with serving(settings, app, health, clock) as server:
        status, document = await healthz(server.port)
        assert (status, document["status"]) == (200, "ok")
        assert document["reason"] == "starting: no poll has completed yet"

        health.polled(clock.now, "INBOX")
        clock.advance(minutes=20)  # a long IDLE between good cycles is fine
        assert (await healthz(server.port))[0] == 200

        health.failed(clock.now, "connection refused", "INBOX")
        failing_since = clock.now
        clock.advance(seconds=300)
        health.failed(clock.now, "connection refused", "INBOX")
        assert (await healthz(server.port))[0] == 200, "not beyond the threshold yet"

        clock.advance(seconds=1)
        status, document = await healthz(server.port)
        assert (status, document["status"]) == (503, "unhealthy")
        assert document["reason"] == (
            "polling INBOX has failed for 301 s (last success: 1501 s ago): connection refused"
        )
        assert document["mailboxes"]["INBOX"] == {
            "last_success_at": START.isoformat(),
            "failing_since": failing_since.isoformat(),
            "last_error": "connection refused",
            "standby": False,
        }
        assert value(await scrape(server.port), "mailbot_poll_healthy") == 0

        health.polled(clock.now, "INBOX")
        assert (await healthz(server.port))[0] == 200
        assert value(await scrape(server.port), "mailbot_poll_healthy") == 1


HOUR = timedelta(hours=1)


@pytest.mark.parametrize(
    ("reports", "at", "healthy", "reason"),
    [
        ([], HOUR - timedelta(seconds=1), True, "starting: no poll has completed yet"),
        ([], HOUR, True, "starting: no poll has completed yet"),
        ([], HOUR + timedelta(seconds=1), False, "no successful poll since the start 3601 s ago"),
        (
            [("failed", timedelta(0), "bad password")],
            HOUR + timedelta(seconds=1),
            False,
            "polling has failed for 3601 s (last success: never): bad password",
        ),
        ([("polled", timedelta(0), "")], 10 * HOUR, True, "ok"),
        (
            [("polled", timedelta(0), ""), ("failed", 2 * HOUR, "timeout")],
            3 * HOUR,
            True,
            "ok",
        ),
        (
            [("polled", timedelta(0), ""), ("failed", 2 * HOUR, "a"), ("failed", 3 * HOUR, "b")],
            3 * HOUR + timedelta(seconds=1),
            False,
            "polling has failed for 3601 s (last success: 10801 s ago): b",
        ),
        (
            [("failed", timedelta(0), "a"), ("polled", HOUR, ""), ("failed", 2 * HOUR, "b")],
            2 * HOUR + timedelta(minutes=59),
            True,
            "ok",
        ),
    ],
)
def test_poll_health_table(
    reports: list[tuple[str, timedelta, str]], at: timedelta, healthy: bool, reason: str
) -> None:
    health = PollHealth(START)
    for kind, offset, error in reports:
        if kind == "polled":
            health.polled(START + offset)
        else:
            health.failed(START + offset, error)
    verdict = health.state(START + at, HOUR)
    assert (verdict.healthy, verdict.reason) == (healthy, reason)


def test_a_daemon_standing_by_is_healthy() -> None:
    health = PollHealth(START)
    health.failed(START, "lease: database unavailable", "support")
    health.standing_by("support")  # another daemon holds the lease
    assert health.state(START + 2 * HOUR, HOUR) == Health(True, "ok")
    health.failed(START + 2 * HOUR, "connection refused", "support")
    verdict = health.state(START + 3 * HOUR + timedelta(seconds=1), HOUR)
    assert not verdict.healthy
    assert verdict.reason.startswith("polling support has failed for 3601 s")


def test_one_failing_mailbox_makes_the_daemon_unhealthy() -> None:
    health = PollHealth(START)
    health.polled(START, "support")
    health.failed(START, "folder missing", "sales")
    health.polled(START + 2 * HOUR, "support")
    verdict = health.state(START + 2 * HOUR, HOUR)
    assert not verdict.healthy
    assert verdict.reason.startswith("polling sales has failed for 7200 s (last success: never)")


# -- The server -------------------------------------------------------------------------------


async def raw_request(port: int, request: bytes) -> bytes:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(request)
    await writer.drain()
    answer = await asyncio.wait_for(reader.read(), timeout=10)
    writer.close()
    await writer.wait_closed()
    return answer


async def test_routes_methods_and_bad_requests(sqlite_url: str) -> None:
    clock = SteppingClock(START)
    settings = db_only_settings(sqlite_url)
    app = make_app(settings, clock)
    async with serving(settings, app, PollHealth(START), clock) as server:
        port = server.port
        assert (await fetch(port, "/"))[0] == 404
        assert (await fetch(port, "/metricsx"))[0] == 404
        assert (await fetch(port, "/metrics?name[]=x"))[0] == 200, "the query is ignored"
        status, _, body = await fetch(port, "/metrics", method="HEAD")
        assert (status, body) == (200, b"")
        assert (await fetch(port, "/healthz", method="POST"))[0] == 405
        answer = await raw_request(port, b"nonsense\r\n\r\n")
        assert answer.startswith(b"HTTP/1.0 400 Bad Request\r\n")
        answer = await raw_request(port, b"GET /healthz\r\n\r\n")  # HTTP/0.9 style, answered
        assert answer.startswith(b"HTTP/1.0 200 OK\r\n")
        answer = await raw_request(port, b"GET /healthz HTTP/1.1\r\n" + b"X: y\r\n" * 100)
        assert answer.startswith(b"HTTP/1.0 400 Bad Request\r\n")
        assert answer.endswith(b"\r\n\r\ntoo many header lines\n")


def outbound_address() -> str | None:
    """This machine's address on its default route (no packet is sent), if not loopback."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))
        except OSError:
            return None
        address = str(probe.getsockname()[0])
    return None if address.startswith("127.") else address


async def test_binds_to_loopback_only_and_close_frees_the_port(sqlite_url: str) -> None:
    clock = SteppingClock(START)
    settings = db_only_settings(sqlite_url)
    port = settings.observability.port
    app = make_app(settings, clock)
    server = await start_observability(settings, app.engine, PollHealth(START), clock)
    assert server is not None
    try:
        assert server.addresses == [("127.0.0.1", port)]
        other = outbound_address()
        if other is not None:
            with pytest.raises(ConnectionRefusedError):
                await asyncio.open_connection(other, port)
        with pytest.raises(ConfigError, match=f"cannot listen on 127.0.0.1:{port}"):
            await start_observability(settings, app.engine, PollHealth(START), clock)
    finally:
        await server.close()
    with pytest.raises(ConnectionRefusedError):
        await asyncio.open_connection("127.0.0.1", port)
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))  # free again
    again = await start_observability(settings, app.engine, PollHealth(START), clock)
    assert again is not None
    await again.close()
    await again.close()  # twice is harmless


async def test_port_zero_means_off(sqlite_url: str) -> None:
    settings = settings_from_mapping({"database": {"url": sqlite_url}})
    app = make_app(settings)
    assert settings.observability.port == 0
    assert await start_observability(settings, app.engine, PollHealth(START), app.clock) is None


async def test_close_drops_a_connection_that_sends_nothing(sqlite_url: str) -> None:
    clock = SteppingClock(START)
    settings = db_only_settings(sqlite_url)
    app = make_app(settings, clock)
    server = await start_observability(settings, app.engine, PollHealth(START), clock)
    assert server is not None
    reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
    await asyncio.sleep(0.05)
    await asyncio.wait_for(server.close(), timeout=5)
    assert await asyncio.wait_for(reader.read(), timeout=5) == b""
    writer.close()
    await writer.wait_closed()


# -- The database side ------------------------------------------------------------------------


async def test_a_scrape_does_not_wait_for_sqlites_write_lock(sqlite_url: str) -> None:
    clock = SteppingClock(START)
    settings = db_only_settings(sqlite_url)
    app = make_app(settings, clock)
    async with serving(settings, app, PollHealth(START), clock) as server:
        with app.sessions.begin() as session:  # BEGIN IMMEDIATE: the daemon is writing
            session.execute(text("UPDATE reference_counters SET value = value"))
            started = time.monotonic()
            samples = await scrape(server.port)
            assert time.monotonic() - started < 5, "the scrape waited for the writer"
    assert value(samples, "mailbot_database_up") == 1


async def test_an_unreadable_database_is_reported_not_fatal(sqlite_url: str, tmp_path: Any) -> None:
    clock = SteppingClock(START)
    settings = db_only_settings(sqlite_url)
    app = make_app(settings, clock)
    empty = settings_from_mapping({"database": {"url": f"sqlite:///{tmp_path / 'empty.db'}"}})
    from mailbot import db

    engine = db.make_engine(empty.database.url)  # no schema: every query fails
    try:
        health = PollHealth(START)
        health.polled(START, "INBOX")
        server = await start_observability(settings, engine, health, clock)
        assert server is not None
        try:
            samples = await scrape(server.port)
        finally:
            await server.close()
    finally:
        engine.dispose()
    assert value(samples, "mailbot_database_up") == 0
    assert value(samples, "mailbot_poll_healthy") == 1
    assert not pick(samples, "mailbot_tickets")
    assert app.engine is not engine


def copies(table: Table, count: int, varying: dict[str, str]) -> str:
    """SQLite: ``count`` copies of the table's first row, some columns computed from ``i``."""
    columns = [c.name for c in table.columns if c.name != "id"]
    names = ", ".join(f'"{c}"' for c in columns)
    values = ", ".join(varying.get(c, f't."{c}"') for c in columns)
    return (
        f"WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < {count}) "
        f"INSERT INTO {table.name} ({names}) "
        f"SELECT {values} FROM n, {table.name} AS t WHERE t.id = 1"
    )


STATES = ["new", "awaiting_verification", "in_progress", "triage", "completed", "rejected"]


def fill(app: App, tickets: int, messages: int, mails: int) -> None:
    """A large database, fast: one row each through SQLAlchemy, then copies made in SQL."""
    state = "CASE i % 6 " + " ".join(f"WHEN {n} THEN '{s}'" for n, s in enumerate(STATES))
    with app.engine.begin() as connection:
        connection.execute(
            insert(Ticket),
            [
                {
                    "reference": "DSR-1",
                    "kind": "rights_request",
                    "requester": "person1@example.org",
                    "state": STATES[1],
                    "subject": "Subject access request " * 4,
                    "evidence": [{"rule": "rights_request", "text": "x" * 300}],
                    "received_at": START,
                    "due_on": date(2026, 11, 2),
                    "created_at": START,
                    "updated_at": START,
                }
            ],
        )
        connection.execute(
            insert(InboundMessageRow),
            [
                {
                    "mailbox": "INBOX",
                    "uidvalidity": 1,
                    "uid": 1,
                    "fingerprint": "0" * 64,
                    "text_body": "Please send me my data. " * 80,
                    "received_at": START,
                    "recorded_at": START,
                    "disposition": "ticket",
                    "rule": "rights_request",
                    "settle_action": "processed",
                }
            ],
        )
        connection.execute(
            insert(OutboxMail),
            [
                {
                    "template": "acknowledgement",
                    "sender": SUPPORT,
                    "recipient": "person1@example.org",
                    "message_id": "<out-1@example.co.uk>",
                    "subject": "Your request",
                    "payload": b"x" * 4000,
                    "state": "pending",
                    "next_attempt_at": START,
                    "created_at": START,
                }
            ],
        )
        for sql in (
            copies(
                Ticket.__table__,  # type: ignore[arg-type]
                tickets,
                {
                    "reference": "'DSR-' || i",
                    "kind": "CASE WHEN i % 4 = 0 THEN 'opt_out' ELSE 'rights_request' END",
                    "state": state + " END",
                    "due_on": "date('2026-11-01', '+' || (i % 60) || ' days')",
                },
            ),
            copies(
                InboundMessageRow.__table__,  # type: ignore[arg-type]
                messages,
                {
                    "uid": "i",
                    "fingerprint": "printf('%064d', i)",
                    "disposition": "CASE WHEN i % 3 = 0 THEN 'ignored' ELSE 'ticket' END",
                    "rule": "CASE WHEN i % 3 = 0 THEN 'auto_reply' ELSE 'rights_request' END",
                },
            ),
            copies(
                OutboxMail.__table__,  # type: ignore[arg-type]
                mails,
                {
                    "message_id": "'<out-' || i || '@example.co.uk>'",
                    "state": "CASE WHEN i <= 10 THEN 'pending' ELSE 'sent' END",
                    "created_at": "datetime('2026-11-23 10:00:00', '-' || i || ' minutes')",
                },
            ),
        ):
            connection.exec_driver_sql(sql)


def test_a_scrape_stays_fast_with_100000_tickets(sqlite_url: str) -> None:
    app = make_app(settings_from_mapping({"database": {"url": sqlite_url}}))
    fill(app, tickets=100_000, messages=20_000, mails=20_000)
    reader = reading_engine(app.engine)
    try:
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            with reader.begin() as connection:
                facts = read_facts(connection, date(2026, 11, 23))
            timings.append(time.perf_counter() - started)
    finally:
        reader.dispose()
    due = {i: date(2026, 11, 1) + timedelta(days=i % 60) for i in range(2, 100_001)}
    due[1] = date(2026, 11, 2)
    open_states = ("new", "awaiting_verification", "in_progress", "triage")
    late = [i for i, day in due.items() if day < date(2026, 11, 23)]
    assert facts.overdue == sum(1 for i in late if i == 1 or STATES[i % 6] in open_states)
    assert sum(n for _, _, n in facts.tickets) == 100_000
    assert sum(n for _, _, n in facts.messages) == 20_000
    assert (facts.outbox_pending, facts.outbox_oldest_pending_at) == (
        10,
        START - timedelta(minutes=10),
    )
    assert min(timings) < 1.5, f"a scrape took {min(timings):.2f} s"


# -- Configuration ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "error"),
    [
        ({"MAILBOT_OBSERVABILITY__PORT": "70000"}, "observability.port must be between"),
        ({"MAILBOT_OBSERVABILITY__PORT": "-1"}, "observability.port must be between"),
        (
            {"MAILBOT_OBSERVABILITY__PORT": "9187", "MAILBOT_OBSERVABILITY__HOST": "0.0.0.0"},
            "allow_remote = true",
        ),
        (
            {"MAILBOT_OBSERVABILITY__UNHEALTHY_AFTER_SECONDS": "0"},
            "unhealthy_after_seconds must be more than 0",
        ),
    ],
)
def test_configuration_is_checked(
    environ: dict[str, str], error: str, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match=error):
        load_settings(None, environ)


def test_configuration_defaults_and_remote_opt_in(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    defaults = load_settings(None, {}).observability
    assert (defaults.port, defaults.host, defaults.allow_remote) == (0, "127.0.0.1", False)
    assert defaults.unhealthy_after_seconds == 600.0
    remote = {
        "MAILBOT_OBSERVABILITY__PORT": "9187",
        "MAILBOT_OBSERVABILITY__HOST": "0.0.0.0",
        "MAILBOT_OBSERVABILITY__ALLOW_REMOTE": "true",
    }
    assert load_settings(None, remote).observability.host == "0.0.0.0"
    local = {"MAILBOT_OBSERVABILITY__PORT": "9187", "MAILBOT_OBSERVABILITY__HOST": "::1"}
    assert load_settings(None, local).observability.port == 9187
