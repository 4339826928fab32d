"""Several daemons on one PostgreSQL database and one mailbox; several mailboxes in one daemon.

Exactly one daemon polls a mailbox at a time (a lease in the database, fenced at every batch
commit), and it passes to another within ``cluster.lease_seconds`` when the holder dies;
scheduled jobs run in one daemon at a time; one daemon serves a list of mailboxes.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from mailbot import db
from mailbot.config import settings_from_mapping, validate
from mailbot.daemon import Daemon
from mailbot.errors import ConfigError
from mailbot.jobs.lease import LeaseLost, MailboxLease, job_lock
from mailbot.tickets.models import InboundMessageRow, OutboxMail, Ticket
from mailbot.tickets.models import MailboxLease as LeaseRow
from tests.servers import DovecotServer, ImapAccount, SmtpSink
from tests.support import (
    SUPPORT,
    Folders,
    SteppingClock,
    append,
    config_for,
    make_app,
    request_mail,
    run_once,
    settings_for,
)

ROOT = Path(__file__).resolve().parents[1]
START = datetime(2026, 9, 3, 9, 0, tzinfo=UTC)


def leases(url: str) -> list[tuple[str, str]]:
    engine = create_engine(url)
    try:
        with Session(engine) as session:
            return [(r.mailbox, r.holder) for r in session.scalars(select(LeaseRow))]
    finally:
        engine.dispose()


def test_a_lease_is_held_by_one_daemon_and_passes_on_when_it_expires(pg_url: str) -> None:
    engine = db.make_engine(pg_url)
    db.upgrade(engine)
    sessions = db.make_sessionmaker(engine)
    clock = SteppingClock(START)
    first = MailboxLease(sessions, "INBOX", "daemon-1", 30, clock)
    second = MailboxLease(sessions, "INBOX", "daemon-2", 30, clock)
    try:
        assert first.acquire() and not second.acquire()
        clock.advance(seconds=20)
        assert first.acquire(), "the holder renews"
        clock.advance(seconds=20)
        assert not second.acquire(), "renewed 20 s ago: still held"
        with sessions.begin() as session:
            first.check(session)  # the fence passes, and renews
        clock.advance(seconds=31)
        assert second.acquire(), "expired: taken over"
        with pytest.raises(LeaseLost), sessions.begin() as session:
            first.check(session)
        assert not first.held and not first.acquire()
        second.release()
        assert first.acquire(), "a clean stop hands over at once"
        assert leases(pg_url) == [("INBOX", "daemon-1")]
    finally:
        engine.dispose()


def test_a_job_runs_in_one_daemon_at_a_time(pg_url: str) -> None:
    engine = db.make_engine(pg_url)
    db.upgrade(engine)
    sessions = db.make_sessionmaker(engine)
    try:
        with sessions.begin() as holding:
            assert job_lock(holding, "digest")
            with sessions.begin() as other:
                assert not job_lock(other, "digest"), "taken by the first transaction"
                assert job_lock(other, "escalation"), "another job is free"
        with sessions.begin() as later:
            assert job_lock(later, "digest"), "released with the first transaction's end"
    finally:
        engine.dispose()


async def test_a_stale_holder_cannot_commit_a_batch(
    imap_account: ImapAccount, smtp_sink: SmtpSink, pg_url: str
) -> None:
    """A daemon that lost its lease mid-batch (a pause, a partition) keeps nothing."""
    clock = SteppingClock(START)
    app = make_app(settings_for(imap_account, smtp_sink, pg_url), clock)
    append(imap_account, [request_mail(n) for n in range(3)])
    stale = MailboxLease(app.sessions, "INBOX", "daemon-elsewhere", 30, clock)
    daemon = Daemon(app)
    poller = daemon.poller
    assert await asyncio.to_thread(poller.lease.acquire)
    clock.advance(seconds=31)  # our lease expires while we fetch...
    assert stale.acquire()  # ...and another daemon takes the mailbox
    await poller.open()
    with pytest.raises(LeaseLost):
        await poller.cycle()
    await daemon.poller.close()
    with app.sessions() as session:
        assert session.scalars(select(Ticket)).all() == []
        assert session.scalars(select(OutboxMail)).all() == []
        assert session.scalars(select(InboundMessageRow)).all() == []
    assert Folders(imap_account).count("INBOX") == 3, "nothing moved"

    summary = await run_once(app)  # the other daemon holds it: this one stands by
    assert summary.fetched == 0 and summary.errors == []


def write_config(path: Path, account: ImapAccount, sink: SmtpSink, db_url: str) -> Path:
    config = config_for(
        account,
        sink,
        db_url,
        imap={"batch_size": 5, "poll_interval_seconds": 0.5},
        smtp={"connections": 1},
        cluster={"lease_seconds": 3.0},
        outbox={"claim_seconds": 5.0},
    )
    lines = []
    for section, values in config.items():
        lines.append(f"[{section}]")
        lines.extend(f"{key} = {json.dumps(value)}" for key, value in values.items())
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def start_daemon(config: Path, log: Path, failpoints: str = "") -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MAILBOT_FAILPOINTS": failpoints}
    with log.open("wb") as stderr:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(
            [sys.executable, "-m", "mailbot", "--config", str(config), "run"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )


def wait_until(condition: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def test_three_daemons_one_mailbox_the_leader_killed_mid_batch(
    tmp_path: Path, imap_account: ImapAccount, smtp_sink: SmtpSink, pg_url: str
) -> None:
    messages = 12
    config = write_config(tmp_path / "mailbot.toml", imap_account, smtp_sink, pg_url)
    engine = db.make_engine(pg_url)
    db.upgrade(engine)
    engine.dispose()
    # The leader will kill itself half-way through its first batch, before it commits.
    leader = start_daemon(config, tmp_path / "leader.log", failpoints="ingest.recorded=3")
    daemons = [leader]
    try:
        wait_until(lambda: leases(pg_url), 30, "the first daemon to take the lease")
        ((_, holder),) = leases(pg_url)
        assert f":{leader.pid}:" in holder
        daemons += [start_daemon(config, tmp_path / f"standby{n}.log") for n in (1, 2)]
        time.sleep(1.0)  # both standbys up and refused the lease
        append(imap_account, [request_mail(n) for n in range(messages)])
        assert leader.wait(timeout=30) == -signal.SIGKILL, "the failpoint killed the leader"

        wait_until(lambda: len(smtp_sink.messages) >= messages, 60, "every request answered")
        time.sleep(1.0)  # anything sent twice would arrive now
        ((_, new_holder),) = leases(pg_url)
        standbys = {f":{d.pid}:" for d in daemons[1:]}
        assert any(pid in new_holder for pid in standbys), "a standby took over"

        # The new leader keeps the mailbox: later mail is answered too.
        append(imap_account, [request_mail(100)])
        wait_until(lambda: len(smtp_sink.messages) >= messages + 1, 30, "the late request")
    finally:
        for daemon in daemons[1:]:
            daemon.send_signal(signal.SIGTERM)
        for daemon in daemons:
            try:
                daemon.wait(timeout=20)
            except subprocess.TimeoutExpired:
                daemon.kill()
    engine = create_engine(pg_url)
    try:
        with Session(engine) as session:
            tickets = session.scalars(select(Ticket)).all()
            outbox = session.scalars(select(OutboxMail)).all()
    finally:
        engine.dispose()
    assert len(tickets) == messages + 1
    assert set(Counter(t.requester for t in tickets).values()) == {1}, "one ticket per message"
    assert {o.state for o in outbox} == {"sent"}
    received = Counter(m.message_id for m in smtp_sink.messages)
    assert set(received) == {o.message_id for o in outbox}
    assert set(received.values()) == {1}, f"mails received twice: {received}"
    folders = Folders(imap_account)
    assert folders.count("INBOX") == 0
    assert folders.count("Mailbot/Processed") == messages + 1


async def test_one_daemon_serves_several_mailboxes(
    dovecot: DovecotServer, smtp_sink: SmtpSink, db_url: str
) -> None:
    support, info = dovecot.new_account(), dovecot.new_account()
    config = config_for(support, smtp_sink, db_url)
    config["mailboxes"] = [
        {"name": "support", "username": support.username, "password": support.password},
        {"name": "info", "username": info.username, "password": info.password},
    ]
    settings = settings_from_mapping(config)
    assert [m.mailbox_name for m in settings.all_mailboxes] == ["support", "info"]
    app = make_app(settings, SteppingClock(START))
    append(support, [request_mail(1)])
    stop_calling = request_mail(
        2,
        subject="Unsubscribe",
        body="Please remove me from your marketing emails and stop calling me.",
    )
    append(info, [stop_calling, request_mail(3)])

    summary = await run_once(app)
    assert (summary.fetched, summary.tickets, summary.errors) == (3, 3, [])
    with app.sessions() as session:
        rows = session.scalars(select(InboundMessageRow).order_by(InboundMessageRow.id)).all()
        kinds = sorted(t.kind for t in session.scalars(select(Ticket)))
    assert [r.mailbox for r in rows] == ["support", "info", "info"]
    assert kinds == ["opt_out", "rights_request", "rights_request"]
    assert {m.mail_from for m in smtp_sink.messages} == {SUPPORT}
    for account in (support, info):
        assert Folders(account).count("INBOX") == 0
        assert Folders(account).count("Mailbot/Processed") >= 1

    # UIDs restart at 1 in every mailbox: each has its own checkpoint, nothing is skipped.
    append(support, [request_mail(4)])
    append(info, [request_mail(5)])
    summary = await run_once(app)
    assert (summary.fetched, summary.tickets) == (2, 2)


def test_mailboxes_inherit_imap_keys_and_need_distinct_names(tmp_path: Path) -> None:
    secret = tmp_path / "info.password"
    secret.write_text("s3cret\n", encoding="utf-8")
    base = {
        "imap": {"host": "imap.example.com", "security": "starttls", "batch_size": 20},
        "mailboxes": [
            {"name": "support", "username": "support@example.com", "password": "x"},
            {"username": "info@example.com", "password_file": str(secret), "folder": "Opt"},
        ],
    }
    settings = settings_from_mapping(base)
    validate(settings)
    support, info = settings.all_mailboxes
    assert (support.host, support.security, support.batch_size) == (
        "imap.example.com",
        "starttls",
        20,
    )
    assert (info.mailbox_name, info.folder, str(info.password)) == (
        "info@example.com/Opt",
        "Opt",
        "s3cret",
    )
    assert {"support@example.com", "info@example.com"} <= settings.own_addresses
    duplicate = {"mailboxes": [{"name": "a"}, {"name": "a"}]}
    with pytest.raises(ConfigError, match="repeated"):
        settings_from_mapping(duplicate)
    with pytest.raises(ConfigError, match="list of tables"):
        settings_from_mapping({"mailboxes": {"name": "a"}})
    insecure = {"mailboxes": [{"name": "a", "host": "imap.example.com", "security": "none"}]}
    with pytest.raises(ConfigError, match=r"mailboxes\[a\]"):
        validate(settings_from_mapping(insecure))
    assert settings_from_mapping({}).all_mailboxes[0].mailbox_name == "INBOX"
