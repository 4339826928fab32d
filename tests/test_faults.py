"""Faults, each a test: servers restarting or gone for a while, a full disk, huge mail, a backlog.

Every test runs the real thing (Dovecot, aiosmtpd, SQLite or PostgreSQL on loopback) and
ends with the same question: did every request get exactly one ticket and one mail, and did
the mailbox end up settled? Faults are injected from outside the daemon (a server stopped,
a connection cut, SQLite's page limit), or at an exact step through the daemon's failpoints
with a test callback in place of the kill.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import logging
import socket
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import imapclient
import pytest
from sqlalchemy import Engine, event, func, select

from mailbot.classify.classifier import warm_up
from mailbot.daemon import App, Daemon
from mailbot.faults import Failpoints
from mailbot.tickets.models import InboundMessageRow, OutboxMail, Ticket
from tests.servers import HOST, DovecotServer, ImapAccount, PostgresServer, SmtpSink
from tests.support import (
    SUPPORT,
    Folders,
    append,
    close_apps,
    make_app,
    request_mail,
    run_once,
    settings_for,
)

PROCESSED = "Mailbot/Processed"
FAST_RETRY = {"retry_initial_seconds": 0.2, "retry_max_seconds": 1.0}
DISK_FULL = "database or disk is full"


# ---------------------------------------------------------------------------- helpers


class HookedFailpoints(Failpoints):
    """Failpoints that call the test back at one pass of one point instead of killing."""

    def __init__(self, point: str, count: int, action: Callable[[], None]) -> None:
        super().__init__()
        self.point, self.count, self.action = point, count, action
        self.fired = threading.Event()

    def hit(self, name: str) -> None:
        self.passes[name] += 1
        if name == self.point and self.passes[name] == self.count:
            self.action()
            self.fired.set()


def hooked(app: App, point: str, count: int, action: Callable[[], None]) -> HookedFailpoints:
    """Make `action` run at the `count`-th pass through `point` of daemons built on `app`."""
    failpoints = HookedFailpoints(point, count, action)
    app.failpoints = failpoints
    return failpoints


class FullDisk:
    """SQLite on a full disk: while ``full``, a write that needs a new page fails.

    Every checkout caps the database at its current size (``PRAGMA max_page_count``, which
    SQLite never sets below the size the file has), so writes fail exactly as on a full disk:
    "database or disk is full".
    """

    def __init__(self, engine: Engine) -> None:
        self.full = False
        event.listen(engine, "checkout", self._cap)
        engine.dispose()  # connections opened before this listener have no cap

    def _cap(self, dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA max_page_count = {1 if self.full else 1073741823}")
        cursor.close()


class CuttingProxy:
    """A TCP relay to the IMAP server that, once, stops in the middle of a server response.

    After ``cut_after`` bytes from the server on one connection it calls ``on_cut`` (the test
    restarts the server there) and hangs up both sides: the client sees its FETCH end half
    way. Later connections are relayed whole.
    """

    def __init__(self, port: int, cut_after: int, on_cut: Callable[[], None]) -> None:
        self.target = port
        self.cut_after = cut_after
        self.on_cut = on_cut
        self.cut = threading.Event()
        self._listener = socket.create_server((HOST, 0))
        self.port: int = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._threads = [threading.Thread(target=self._accept, daemon=True)]
        self._threads[0].start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            upstream = socket.create_connection((HOST, self.target))
            with self._lock:
                self._sockets += [client, upstream]
            for source, sink, count in ((client, upstream, False), (upstream, client, True)):
                thread = threading.Thread(
                    target=self._pump, args=(source, sink, count), daemon=True
                )
                self._threads.append(thread)
                thread.start()

    def _pump(self, source: socket.socket, sink: socket.socket, count: bool) -> None:
        relayed = 0
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                if count and not self.cut.is_set() and relayed + len(data) > self.cut_after:
                    sink.sendall(data[: self.cut_after - relayed])
                    self.cut.set()
                    self.on_cut()
                    break
                sink.sendall(data)
                relayed += len(data)
        for sock in (source, sink):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self._listener.close()
        with self._lock:
            for sock in self._sockets:
                sock.close()
        for thread in self._threads:
            thread.join(timeout=5)


def request_with_attachment(n: int, attachment: bytes) -> bytes:
    """A request mail with a binary attachment (base64), like a scanned ID."""
    return b"".join(request_in_parts(n, [attachment]))


def request_in_parts(n: int, attachment_chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The same mail as chunks: the attachment is encoded a chunk at a time (sizes % 57 == 0)."""
    yield (
        f"From: Person {n} <person{n}@example.org>\r\nTo: {SUPPORT}\r\n"
        f"Subject: Subject access request {n}\r\nMessage-ID: <request-{n}@example.org>\r\n"
        f"Date: Mon, 23 Nov 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\n"
        f'Content-Type: multipart/mixed; boundary="part"\r\n\r\n'
        f"--part\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        f"Please send me a copy of all personal data you hold about me (Article 15).\r\n"
        f"A copy of my passport is attached.\r\n\r\n"
        f"--part\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
        f'Content-Disposition: attachment; filename="passport-{n}.pdf"\r\n\r\n'
    ).encode()
    for chunk in attachment_chunks:
        yield base64.encodebytes(chunk).replace(b"\n", b"\r\n")
    yield b"\r\n--part--\r\n"


def large_request(n: int, *, megabytes: int) -> Iterator[bytes]:
    """A request of about `megabytes` MB (mostly its attachment), made a chunk at a time."""
    block = bytes(range(256)) * 228  # 58,368 bytes = 1,024 base64 lines of 57
    chunks = megabytes * 1024 * 1024 * 3 // 4 // len(block)
    return request_in_parts(n, (block for _ in range(chunks)))


async def wait_until(check: Callable[[], Awaitable[bool]], within: float, what: str) -> None:
    deadline = time.monotonic() + within
    while not await check():
        if time.monotonic() > deadline:
            raise TimeoutError(f"not within {within} s: {what}")
        await asyncio.sleep(0.1)


def outbox_states(app: App) -> Counter[str]:
    with app.sessions() as session:
        return Counter(session.scalars(select(OutboxMail.state)))


def count_rows(app: App, model: type[Any]) -> int:
    with app.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


async def drained(app: App, sink: SmtpSink, account: ImapAccount, n: int) -> bool:
    """All n requests answered, the outbox empty of pending mail, INBOX empty."""
    if len(sink.messages) < n:
        return False
    states = await asyncio.to_thread(outbox_states, app)
    if states.get("pending", 0) or sum(states.values()) < n:
        return False
    return await asyncio.to_thread(Folders(account).count) == 0


def assert_each_once(app: App, sink: SmtpSink, account: ImapAccount, n: int) -> None:
    """One ticket per request, its one mail sent and received once, the mailbox settled."""
    with app.sessions() as session:
        tickets = list(session.scalars(select(Ticket)))
        outbox = list(session.scalars(select(OutboxMail)))
        rows = list(session.scalars(select(InboundMessageRow)))
    requesters = Counter(t.requester for t in tickets)
    assert len(requesters) == n and set(requesters.values()) == {1}, "one ticket per request"
    assert len(outbox) == n and {m.state for m in outbox} == {"sent"}, Counter(
        m.state for m in outbox
    )
    assert len(rows) == n and all(r.settled_at is not None for r in rows)
    received = Counter(m.message_id for m in sink.messages)
    assert set(received) == {m.message_id for m in outbox}
    assert set(received.values()) == {1}, f"sent twice: {received.most_common(3)}"
    assert {m.rcpt_tos[0] for m in sink.messages} == set(requesters), "everyone answered"
    folders = Folders(account)
    assert (folders.count(), folders.count(PROCESSED)) == (0, n)


async def start(daemon: Daemon) -> asyncio.Task[None]:
    task = asyncio.create_task(daemon.run())
    await asyncio.sleep(0.3)
    return task


async def stop(daemon: Daemon, task: asyncio.Task[None]) -> None:
    daemon.stop()
    await asyncio.wait_for(task, timeout=15)


def errors_logged(caplog: pytest.LogCaptureFixture, event_name: str) -> list[str]:
    return [
        str(r.mailbot_fields.get("error", ""))  # type: ignore[attr-defined]
        for r in caplog.records
        if r.getMessage() == event_name
    ]


# ---------------------------------------------------------------------------- IMAP


@pytest.mark.parametrize("when", ["mid-fetch", "after-commit"])
async def test_imap_server_restarts_while_a_backlog_is_handled(
    private_dovecot: DovecotServer,
    smtp_sink: SmtpSink,
    sqlite_url: str,
    caplog: pytest.LogCaptureFixture,
    when: str,
) -> None:
    """Dovecot restarts half way through a FETCH, or between a batch's commit and its move.

    The daemon reconnects, moves what it had committed (leftovers), fetches the rest again:
    each request once, INBOX empty.
    """
    n, batch = 60, 20
    account = private_dovecot.new_account()
    attachment = bytes(range(256)) * 96  # ~33 KB a mail once encoded: a batch is ~660 KB
    private_dovecot.deliver(account, (request_with_attachment(i, attachment) for i in range(n)))
    proxy = CuttingProxy(
        account.port,
        cut_after=1_000_000 if when == "mid-fetch" else 1 << 40,  # in the 2nd batch's FETCH
        on_cut=private_dovecot.restart,
    )
    settings = settings_for(
        replace(account, port=proxy.port),
        smtp_sink,
        sqlite_url,
        imap={"batch_size": batch, "poll_interval_seconds": 600.0},
        outbox=FAST_RETRY,
    )
    app = make_app(settings)
    if when == "after-commit":
        hooked(app, "ingest.committed", 1, private_dovecot.restart)
    caplog.set_level(logging.INFO, logger="mailbot")
    daemon = Daemon(app)
    task = await start(daemon)
    try:
        await wait_until(lambda: drained(app, smtp_sink, account, n), 30, "all answered")
        await asyncio.sleep(0.5)  # time for anything sent twice to arrive
    finally:
        await stop(daemon, task)
        proxy.close()

    if when == "mid-fetch":
        assert proxy.cut.is_set()
        assert any(e.startswith("fetch:") for e in errors_logged(caplog, "mailbox.error"))
    else:
        assert isinstance(app.failpoints, HookedFailpoints) and app.failpoints.fired.is_set()
        assert any(e.startswith("move to") for e in errors_logged(caplog, "mailbox.error"))
        assert any(r.getMessage() == "mailbox.settle_leftovers" for r in caplog.records)
    assert_each_once(app, smtp_sink, account, n)


async def test_imap_server_down_for_a_while_during_idle(
    private_dovecot: DovecotServer,
    smtp_sink: SmtpSink,
    sqlite_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Dovecot dies under an IDLE and stays down for seconds; mail lands in the Maildir meanwhile.

    (test_daemon_run restarts it at once.) After it is back, the mail that arrived while it
    was down is answered at once, without waiting for a poll, and IDLE wakes the daemon again.
    """
    account = private_dovecot.new_account()
    settings = settings_for(
        account,
        smtp_sink,
        sqlite_url,
        imap={"poll_interval_seconds": 600.0, "idle_renew_seconds": 600.0},
    )
    caplog.set_level(logging.INFO, logger="mailbot")
    daemon = Daemon(make_app(settings))
    task = await start(daemon)
    try:
        await asyncio.to_thread(append, account, [request_mail(1)])
        await smtp_sink.wait_for_async(1, timeout=15)
        await asyncio.sleep(0.5)  # back in IDLE

        await asyncio.to_thread(private_dovecot.pause)
        private_dovecot.deliver(account, [request_mail(2)])
        await asyncio.sleep(2.5)  # several failed reconnects, backoff up to its cap (1 s)
        assert not task.done()
        failures = len(errors_logged(caplog, "mailbox.error"))
        assert failures >= 3, "the daemon keeps trying while the server is down"

        await asyncio.to_thread(private_dovecot.resume)
        resumed = time.monotonic()
        await smtp_sink.wait_for_async(2, timeout=15)
        assert time.monotonic() - resumed < 3, "answered soon after the server is back"

        await asyncio.sleep(0.5)
        appended = time.monotonic()
        await asyncio.to_thread(append, account, [request_mail(3)])
        await smtp_sink.wait_for_async(3, timeout=15)
        assert time.monotonic() - appended < 3, "IDLE wakes the daemon again"
    finally:
        await stop(daemon, task)
    assert sorted(m.rcpt_tos[0] for m in smtp_sink.messages) == [
        f"person{i}@example.org" for i in (1, 2, 3)
    ]


# ---------------------------------------------------------------------------- SMTP


async def test_smtp_server_down_for_a_while_then_the_outbox_drains(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    """The sink stops (open sessions dropped, new ones refused) while requests arrive.

    Tickets are opened and their mail waits in the outbox with a retry time; once the server
    listens again on the same port every mail goes out, once.
    """
    n = 6
    settings = settings_for(
        imap_account, smtp_sink, sqlite_url, outbox=FAST_RETRY, smtp={"connections": 2}
    )
    app = make_app(settings)
    daemon = Daemon(app)
    task = await start(daemon)
    try:
        await asyncio.to_thread(append, imap_account, [request_mail(0)])
        await smtp_sink.wait_for_async(1, timeout=15)  # a connection is open and reused

        smtp_sink.pause()
        await asyncio.to_thread(append, imap_account, [request_mail(i) for i in range(1, n)])

        async def all_waiting() -> bool:
            with app.sessions() as session:
                waiting = list(
                    session.scalars(select(OutboxMail).where(OutboxMail.state == "pending"))
                )
            return len(waiting) == n - 1 and all(m.attempts >= 2 for m in waiting)

        await wait_until(all_waiting, 10, "every new mail tried twice and still pending")
        assert count_rows(app, Ticket) == n
        with app.sessions() as session:
            waiting = list(session.scalars(select(OutboxMail).where(OutboxMail.state == "pending")))
        assert all(m.next_attempt_at is not None and m.last_error for m in waiting)
        assert len(smtp_sink.messages) == 1

        smtp_sink.resume()
        await wait_until(lambda: drained(app, smtp_sink, imap_account, n), 10, "outbox drained")
        await asyncio.sleep(1.5)  # longer than the longest retry delay: nothing comes twice
    finally:
        await stop(daemon, task)
    assert_each_once(app, smtp_sink, imap_account, n)


# ---------------------------------------------------------------------------- database


@pytest.fixture
def stoppable_postgres(postgres: PostgresServer) -> Iterator[PostgresServer]:
    """The session's throwaway cluster, or one of this test's own if that one is external."""
    if not postgres.external:
        yield postgres
        return
    with PostgresServer(url="") as own:  # "": a throwaway cluster despite MAILBOT_TEST_PG_URL
        yield own


@pytest.mark.parametrize(
    ("point", "count"),
    [
        ("ingest.recorded", 3),  # inside the first batch's transaction
        ("ingest.committed", 1),  # after the commit, before the IMAP move
        ("deliver.accepted", 2),  # after the server's 250, before the result is recorded
    ],
)
async def test_database_unreachable_for_a_while(
    postgres: PostgresServer,
    pg_url: str,
    imap_account: ImapAccount,
    smtp_sink: SmtpSink,
    caplog: pytest.LogCaptureFixture,
    point: str,
    count: int,
) -> None:
    """The database ends every session and refuses new ones for 2 s at an exact step.

    The daemon keeps running, retries, and afterwards everything is handled once: the
    transaction in flight is fetched again, the committed batch is moved, and a mail the
    SMTP server accepted is recorded as sent, not sent again when its claim runs out.
    """
    n = 10
    settings = settings_for(
        imap_account,
        smtp_sink,
        pg_url,
        imap={"batch_size": 5},
        outbox={**FAST_RETRY, "claim_seconds": 1.0},  # a mail left claimed soon goes again
    )
    app = make_app(settings)
    timers: list[threading.Timer] = []

    def outage() -> None:
        postgres.refuse_connections(pg_url)
        timer = threading.Timer(2.0, postgres.accept_connections, (pg_url,))
        timers.append(timer)
        timer.start()

    failpoints = hooked(app, point, count, outage)
    append(imap_account, [request_mail(i) for i in range(n)])
    caplog.set_level(logging.INFO, logger="mailbot")
    daemon = Daemon(app)
    task = await start(daemon)
    try:
        await wait_until(lambda: drained(app, smtp_sink, imap_account, n), 30, "all answered")
        await asyncio.sleep(1.0)  # anything sent twice arrives
        assert not task.done()
    finally:
        await stop(daemon, task)
        for timer in timers:
            timer.join()
    assert failpoints.fired.is_set()
    assert errors_logged(caplog, "mailbox.error") or errors_logged(caplog, "outbox.error")
    assert_each_once(app, smtp_sink, imap_account, n)


async def test_database_server_stopped_while_mail_arrives(
    stoppable_postgres: PostgresServer,
    imap_account: ImapAccount,
    smtp_sink: SmtpSink,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """PostgreSQL shut down for 3 s (sessions ended, connections refused) while mail arrives."""
    pg = stoppable_postgres
    url = pg.create_database()
    try:
        settings = settings_for(imap_account, smtp_sink, url, outbox=FAST_RETRY)
        app = make_app(settings)
        caplog.set_level(logging.INFO, logger="mailbot")
        daemon = Daemon(app)
        task = await start(daemon)
        try:
            await asyncio.to_thread(append, imap_account, [request_mail(0)])
            await smtp_sink.wait_for_async(1, timeout=15)
            await asyncio.to_thread(pg.pause)
            try:
                await asyncio.to_thread(append, imap_account, [request_mail(1), request_mail(2)])
                await asyncio.sleep(3.0)
                assert not task.done()
            finally:
                await asyncio.to_thread(pg.resume)
            await asyncio.to_thread(append, imap_account, [request_mail(3)])
            await wait_until(lambda: drained(app, smtp_sink, imap_account, 4), 30, "answered")
            await asyncio.sleep(0.5)
        finally:
            await stop(daemon, task)
        assert errors_logged(caplog, "mailbox.error"), "the outage was seen, and survived"
        assert_each_once(app, smtp_sink, imap_account, 4)
    finally:
        close_and_drop(pg, url)


def close_and_drop(pg: PostgresServer, url: str) -> None:
    close_apps()
    pg.drop_database(url)


async def test_sqlite_on_a_full_disk_loses_nothing(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    """Writes fail with "database or disk is full": a clear error, nothing moved or sent.

    The error names the condition and carries none of the mail's personal data (SQLAlchemy
    would put the row's values in it). Once there is room, the next run handles all, once.
    """
    n = 8
    append(imap_account, [request_mail(i) for i in range(n)])
    settings = settings_for(imap_account, smtp_sink, sqlite_url, imap={"batch_size": 3})
    app = make_app(settings)
    disk = FullDisk(app.engine)
    disk.full = True

    summary = await run_once(app)

    assert (summary.fetched, summary.tickets, summary.sent) == (0, 0, 0)
    (error,) = summary.errors
    assert DISK_FULL in error
    assert "person0@example.org" not in error and "access request" not in error
    assert Folders(imap_account).count() == n, "every message still in INBOX"
    assert Folders(imap_account).flags() == dict.fromkeys(range(1, n + 1), ()), "unread"
    assert count_rows(app, InboundMessageRow) == count_rows(app, Ticket) == 0
    assert smtp_sink.messages == []

    disk.full = False
    summary = await run_once(app)
    assert (summary.fetched, summary.tickets, summary.sent, summary.errors) == (n, n, n, [])
    assert_each_once(app, smtp_sink, imap_account, n)


async def test_sqlite_disk_full_after_the_first_batch(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    """The disk fills after the first batch's commit: that batch's mail cannot be recorded.

    `run --once` must still end with a summary whose error names the full disk; the batch
    in flight is not half recorded; with room again the next run handles the rest, and at
    most the one mail in flight (one SMTP connection) goes out twice, with its Message-ID.
    """
    n, batch = 9, 3
    append(imap_account, [request_mail(i) for i in range(n)])
    settings = settings_for(
        imap_account, smtp_sink, sqlite_url, imap={"batch_size": batch}, smtp={"connections": 1}
    )
    app = make_app(settings)
    disk = FullDisk(app.engine)
    hooked(app, "ingest.committed", 1, lambda: setattr(disk, "full", True))

    summary = await run_once(app)  # today: raises the DBAPIError of the outbox claim

    assert any(DISK_FULL in error for error in summary.errors)
    with app.sessions() as session:
        recorded = session.scalars(select(InboundMessageRow.uid)).all()
    assert sorted(recorded) == list(range(1, batch + 1)), "no half-recorded batch"
    disk.full = False
    summary = await run_once(make_app(settings))
    assert summary.errors == []
    received = Counter(m.message_id for m in smtp_sink.messages)
    assert len(received) == n and sum(received.values()) <= n + 1
    assert (Folders(imap_account).count(), Folders(imap_account).count(PROCESSED)) == (0, n)


# ---------------------------------------------------------------------------- size


def rss_mb(field: str) -> float:
    """VmRSS (now) or VmHWM (peak since the last reset_peak_rss) of this process, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    raise LookupError(field)


def reset_peak_rss() -> float:
    """Start measuring the peak afresh; returns the RSS now.

    getrusage's ru_maxrss cannot be reset, so after an earlier test's peak it would hide
    this one's; Linux resets VmHWM when "5" is written to clear_refs.
    """
    Path("/proc/self/clear_refs").write_text("5")
    return rss_mb("VmRSS")


async def test_a_50_mb_message(
    dovecot: DovecotServer, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    """Fetched only up to imap.max_message_bytes (25 MB): a ticket, a note, the whole
    message kept in Processed, and memory bounded."""
    account = dovecot.new_account()
    dovecot.deliver(account, [large_request(1, megabytes=50)])
    size = folder_sizes(account)
    assert len(size) == 1 and min(size.values()) > 50_000_000
    settings = settings_for(account, smtp_sink, sqlite_url)
    app = make_app(settings)
    await asyncio.to_thread(warm_up)
    before = reset_peak_rss()

    summary = await run_once(app)

    growth = rss_mb("VmHWM") - before
    assert (summary.fetched, summary.tickets, summary.sent, summary.errors) == (1, 1, 1, [])
    assert growth < 400, f"peak RSS grew by {growth:.0f} MB"
    with app.sessions() as session:
        (row,) = session.scalars(select(InboundMessageRow))
        (ticket,) = session.scalars(select(Ticket))
    assert row.size == min(size.values())
    assert f"message of {row.size} bytes fetched only in part" in row.notes
    assert (ticket.requester, ticket.rights) == ("person1@example.org", ["access"])
    assert smtp_sink.messages[0].rcpt_tos == ("person1@example.org",)
    assert folder_sizes(account, "INBOX") == {}
    assert list(folder_sizes(account, PROCESSED).values()) == list(size.values()), "kept whole"


async def test_a_batch_of_large_messages_keeps_memory_bounded(
    dovecot: DovecotServer, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    """16 requests of 12 MB each waiting at once: memory stays what one large one needs."""
    n = 16
    account = dovecot.new_account()
    dovecot.deliver(account, [large_request(i, megabytes=12) for i in range(n)])
    app = make_app(settings_for(account, smtp_sink, sqlite_url))
    await asyncio.to_thread(warm_up)
    before = reset_peak_rss()

    summary = await run_once(app)

    growth = rss_mb("VmHWM") - before
    assert (summary.fetched, summary.tickets, summary.sent, summary.errors) == (n, n, n, [])
    assert growth < 400, f"peak RSS grew by {growth:.0f} MB for {n} mails of 12 MB"


def folder_sizes(account: ImapAccount, folder: str = "INBOX") -> dict[int, int]:
    with imapclient.IMAPClient(account.host, port=account.port, ssl=False) as client:
        client.login(account.username, account.password)
        client.select_folder(folder, readonly=True)
        fetched = client.fetch(client.search(["ALL"]), ["RFC822.SIZE"])
        return {uid: int(data[b"RFC822.SIZE"]) for uid, data in fetched.items()}


@pytest.mark.timeout(300)
async def test_a_10000_message_backlog(
    dovecot: DovecotServer, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    """10,000 requests waiting (written to the Maildir: APPEND would take ~45 s) → one run."""
    n = 10_000
    account = dovecot.new_account()
    dovecot.deliver(account, (request_mail(i) for i in range(n)))
    app = make_app(settings_for(account, smtp_sink, sqlite_url))

    summary = await run_once(app)

    assert (summary.fetched, summary.tickets, summary.settled) == (n, n, n)
    assert (summary.sent, summary.retrying, summary.failed, summary.errors) == (n, 0, 0, [])
    assert_each_once(app, smtp_sink, account, n)
