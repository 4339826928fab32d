"""Crash tests: SIGKILL the daemon process at points of a batch, restart, count the results.

The daemon runs as a real subprocess (``python -m mailbot run``) against Dovecot, aiosmtpd
and a SQLite file; failpoints (``MAILBOT_FAILPOINTS``) make it kill itself at an exact step.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from mailbot.tickets.models import InboundMessageRow, OutboxMail, Ticket
from tests.servers import ImapAccount, SmtpSink
from tests.support import Folders, append, config_for, request_mail

ROOT = Path(__file__).resolve().parents[1]
MESSAGES = 12


def write_config(
    path: Path, account: ImapAccount, sink: SmtpSink, db_url: str, connections: int = 1
) -> Path:
    """One SMTP connection by default: a kill then has at most one mail in flight, and the
    failpoints decide exactly where that is."""
    config = config_for(
        account, sink, db_url, imap={"batch_size": 5}, smtp={"connections": connections}
    )
    lines = []
    for section, values in config.items():
        lines.append(f"[{section}]")
        lines.extend(f"{key} = {json.dumps(value)}" for key, value in values.items())
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def mailbot(config: Path, *args: str, failpoints: str = "", timeout: float = 60) -> int:
    env = {**os.environ, "MAILBOT_FAILPOINTS": failpoints, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "mailbot", "--config", str(config), *args],
        env=env,
        capture_output=True,
        timeout=timeout,
        check=False,
    )
    return result.returncode


def start_daemon(config: Path, *, stderr: int) -> subprocess.Popen[bytes]:
    """``mailbot run`` as a long-running child process, no failpoints."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MAILBOT_FAILPOINTS": ""}
    return subprocess.Popen(
        [sys.executable, "-m", "mailbot", "--config", str(config), "run"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=stderr,
    )


def assert_exactly_once(db_url: str, sink: SmtpSink, account: ImapAccount) -> None:
    """One ticket per message, every queued mail sent, and received exactly once."""
    engine = create_engine(db_url)
    try:
        with Session(engine) as session:
            tickets = list(session.scalars(select(Ticket)))
            requesters = Counter(t.requester for t in tickets)
            assert len(tickets) == MESSAGES
            assert set(requesters.values()) == {1}, "one ticket per message"
            outbox = list(session.scalars(select(OutboxMail)))
            assert {o.state for o in outbox} == {"sent"}
            assert len(outbox) >= MESSAGES
            rows = list(session.scalars(select(InboundMessageRow)))
            assert all(r.settled_at is not None for r in rows)
    finally:
        engine.dispose()
    received = Counter(m.message_id for m in sink.messages)
    assert set(received) == {o.message_id for o in outbox}
    assert set(received.values()) == {1}, f"mails received twice: {received}"
    assert len({m.rcpt_tos[0] for m in sink.messages}) == MESSAGES, "every requester answered"
    folders = Folders(account)
    assert folders.count("INBOX") == 0
    assert folders.count("Mailbot/Processed") == MESSAGES


@pytest.mark.parametrize(
    "failpoints",
    [
        "ingest.recorded=3",  # mid-way through the first batch, before its commit
        "ingest.committed=1",  # after the first batch's commit, before any IMAP move
        "ingest.committed=2",  # after the second batch's commit
        "settle.moved=1",  # after the IMAP move, before it is marked in the database
        "settle.moved=2",
        "deliver.recorded=1",  # after the first mail is sent and recorded
        "deliver.recorded=5",
        "ingest.recorded=8,deliver.recorded=2",  # two crashes across two restarts
    ],
)
def test_sigkill_at_each_step_loses_nothing_and_sends_nothing_twice(
    tmp_path: Path, imap_account: ImapAccount, smtp_sink: SmtpSink, failpoints: str
) -> None:
    db_url = f"sqlite:///{tmp_path / 'mailbot.db'}"
    config = write_config(tmp_path / "mailbot.toml", imap_account, smtp_sink, db_url)
    append(imap_account, [request_mail(n) for n in range(MESSAGES)])

    crashes = 0
    for point in failpoints.split(","):
        code = mailbot(config, "run", "--once", failpoints=point)
        assert code == -signal.SIGKILL, f"the failpoint {point} did not fire (exit {code})"
        crashes += 1
    assert mailbot(config, "run", "--once") == 0

    assert crashes == len(failpoints.split(","))
    assert_exactly_once(db_url, smtp_sink, imap_account)


def test_crash_after_smtp_accepted_resends_the_same_message_id(
    tmp_path: Path, imap_account: ImapAccount, smtp_sink: SmtpSink
) -> None:
    """The one window no protocol closes: the server said 250, the commit did not happen.

    The mail is sent again with the SAME Message-ID (receivers drop the copy); no other
    mail is repeated and nothing is lost.
    """
    db_url = f"sqlite:///{tmp_path / 'mailbot.db'}"
    config = write_config(tmp_path / "mailbot.toml", imap_account, smtp_sink, db_url)
    append(imap_account, [request_mail(n) for n in range(MESSAGES)])

    assert mailbot(config, "run", "--once", failpoints="deliver.accepted=3") == -signal.SIGKILL
    assert mailbot(config, "run", "--once") == 0

    ids = Counter(m.message_id for m in smtp_sink.messages)
    assert len(ids) >= MESSAGES
    assert sorted(ids.values()) == [1] * (len(ids) - 1) + [2]


def test_sigkill_of_the_running_daemon_then_restart(
    tmp_path: Path, imap_account: ImapAccount, smtp_sink: SmtpSink
) -> None:
    """The long-running daemon killed from outside mid-work; a restart finishes the job."""
    db_url = f"sqlite:///{tmp_path / 'mailbot.db'}"
    config = write_config(tmp_path / "mailbot.toml", imap_account, smtp_sink, db_url, connections=2)
    daemon = start_daemon(config, stderr=subprocess.DEVNULL)
    try:
        append(imap_account, [request_mail(n) for n in range(MESSAGES)])
        smtp_sink.wait_for(3, timeout=30)
    finally:
        daemon.send_signal(signal.SIGKILL)
        daemon.wait(timeout=10)
    assert mailbot(config, "run", "--once") == 0

    engine = create_engine(db_url)
    try:
        with Session(engine) as session:
            tickets = list(session.scalars(select(Ticket)))
    finally:
        engine.dispose()
    assert len(tickets) == MESSAGES
    assert len({t.requester for t in tickets}) == MESSAGES
    ids = Counter(m.message_id for m in smtp_sink.messages)
    assert len({m.rcpt_tos[0] for m in smtp_sink.messages}) == MESSAGES, "everyone answered"
    assert sum(ids.values()) - len(ids) <= 2, "at most the mails in flight (one per connection)"


def test_sigterm_finishes_the_work_in_hand(
    tmp_path: Path, imap_account: ImapAccount, smtp_sink: SmtpSink
) -> None:
    db_url = f"sqlite:///{tmp_path / 'mailbot.db'}"
    config = write_config(tmp_path / "mailbot.toml", imap_account, smtp_sink, db_url)
    daemon = start_daemon(config, stderr=subprocess.PIPE)
    try:
        append(imap_account, [request_mail(n) for n in range(MESSAGES)])
        smtp_sink.wait_for(1, timeout=30)
        started = time.monotonic()
        daemon.send_signal(signal.SIGTERM)
        assert daemon.wait(timeout=15) == 0
        assert time.monotonic() - started < 10
        _, stderr = daemon.communicate()
        assert "daemon.stopped" in stderr.decode()
    finally:
        if daemon.poll() is None:
            daemon.kill()
            daemon.communicate()
    assert mailbot(config, "run", "--once") == 0
    assert_exactly_once(db_url, smtp_sink, imap_account)
