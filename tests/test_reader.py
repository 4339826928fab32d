"""The reader process: a backlog parsed and classified on another core, ahead of the database.

Pure reading first, then a real helper process (spawned, as in the daemon), then the daemon
against Dovecot and aiosmtpd with the helper reading, dying, or killed along with the daemon.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import multiprocessing.spawn
import os
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from mailbot.classify import classify
from mailbot.classify.labels import Classification
from mailbot.config import ReaderSettings, settings_from_mapping, validate
from mailbot.daemon import App, Daemon
from mailbot.errors import ConfigError
from mailbot.mail.message import InboundMessage
from mailbot.tickets.models import Ticket
from mailbot.workflow.reader import Classifier, Reader, Reading, read, read_batch
from tests.servers import DovecotServer, ImapAccount, SmtpSink
from tests.support import CORPUS, append, make_app, request_mail, settings_for
from tests.test_crash import mailbot, write_config
from tests.test_faults import assert_each_once

READ_AHEAD = "read by the reader process"
CRASH = "CRASH-THE-READER"
ROOT = Path(__file__).resolve().parents[1]


def classify_noting_the_reader(message: InboundMessage) -> Classification:
    """The real classifier; the evidence says when a reader process did the work."""
    label = classify(message)
    if multiprocessing.parent_process() is None:
        return label
    return replace(label, evidence=(*label.evidence, READ_AHEAD))


def classify_dying_on_a_marker(message: InboundMessage) -> Classification:
    """As above, but a reader process that meets the marker dies on the spot."""
    if CRASH in message.subject and multiprocessing.parent_process() is not None:
        os._exit(1)
    return classify_noting_the_reader(message)


def failing_classifier(message: InboundMessage) -> Classification:
    raise ValueError(f"cannot read {message.subject!r}")


def sample_mail() -> list[bytes]:
    """Requests, ordinary mail and (where the corpus is here) every broken MIME file."""
    mails = [request_mail(n) for n in range(20)]
    mails.append(request_mail(99, body="Where is my parcel? Order 4411 has not arrived."))
    mails.append(b"\xff\xfe not a message at all \x00\r\n\r\n")
    mime = CORPUS / "mime"
    if mime.is_dir():
        mails += [p.read_bytes() for p in sorted(mime.rglob("*")) if p.is_file()][:120]
    return mails


def wait_until_reading(reader: Reader) -> None:
    """A reader process has started (spawn + warm-up take a second or two)."""
    deadline = time.monotonic() + 60
    while reader.submit([]) is None:
        assert time.monotonic() < deadline, "the reader process did not start"
        time.sleep(0.05)


# Pure reading


def test_reading_never_raises_and_says_why() -> None:
    reading = read(request_mail(1), failing_classifier)
    assert reading == Reading(failure="ValueError: cannot read 'Subject access request 1'")


def test_reading_a_message_is_parsing_and_classifying_it() -> None:
    reading = read(request_mail(1), classify)
    assert reading.message is not None and reading.classification is not None
    assert reading.message.subject == "Subject access request 1"
    assert reading.classification == classify(reading.message)
    assert reading.classification.rights == ("access",)
    assert reading.failure == ""


# The helper process


def test_no_reader_process_below_the_backlog_or_when_turned_off() -> None:
    reader = Reader(ReaderSettings(processes=1, backlog=50), classify)
    reader.start(waiting=49)
    assert (reader.depth, reader.submit([b"x"])) == (0, None)
    off = Reader(ReaderSettings(processes=0, backlog=1), classify)
    off.start(waiting=10_000)
    assert (off.depth, off.submit([b"x"])) == (0, None)


async def test_the_reader_process_reads_exactly_as_the_daemon_would() -> None:
    mails = sample_mail()
    reader = Reader(ReaderSettings(processes=1, backlog=10), classify)
    reader.start(waiting=10)
    try:
        assert reader.depth == 1
        await asyncio.to_thread(wait_until_reading, reader)
        future = reader.submit(mails)
        assert future is not None
        readings = await asyncio.wrap_future(future)
    finally:
        await asyncio.to_thread(reader.stop)
    assert readings == read_batch(mails, classify)
    assert len(readings) == len(mails)
    assert any(r.classification and r.classification.kind == "other" for r in readings)
    assert (reader.depth, reader.submit(mails)) == (0, None)


async def test_a_classifier_that_cannot_reach_the_process_falls_back_in_process() -> None:
    reader = Reader(ReaderSettings(processes=1, backlog=1), lambda m: classify(m))
    reader.start(waiting=1)
    try:
        await asyncio.to_thread(wait_until_reading, reader)
        future = reader.submit([request_mail(1)])
        assert future is not None
        with pytest.raises(Exception, match="pickle"):
            await asyncio.wrap_future(future)
    finally:
        await asyncio.to_thread(reader.stop)


def test_when_no_process_can_be_started_the_daemon_reads_in_process(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    missing = "/nonexistent/python3"
    as_set = (
        os.fsencode(missing)
        if isinstance(multiprocessing.spawn.get_executable(), bytes)
        else missing
    )
    monkeypatch.setattr(multiprocessing.spawn, "_python_exe", as_set)
    caplog.set_level(logging.INFO, logger="mailbot")
    reader = Reader(ReaderSettings(processes=1, backlog=1), classify)
    reader.start(waiting=10)  # fails at once, or once the pool notices (no resource tracker)
    deadline = time.monotonic() + 30
    while reader.depth:
        assert reader.submit([request_mail(1)]) is None, "no process, so no batch handed on"
        assert time.monotonic() < deadline, "the failure was never noticed"
        time.sleep(0.05)
    assert reader.submit([request_mail(1)]) is None
    failures = [r for r in caplog.records if r.getMessage() == "reader.failed"]
    assert len(failures) == 1
    assert failures[0].mailbot_fields["error"]  # BrokenPipeError, or BrokenProcessPool


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"processes": -1}, "reader.processes must be between 0 and 8"),
        ({"processes": 9}, "reader.processes must be between 0 and 8"),
        ({"backlog": 0}, "reader.backlog must be at least 1"),
    ],
)
def test_reader_settings_are_checked(values: dict[str, int], message: str) -> None:
    settings = settings_from_mapping({"reader": values})
    with pytest.raises(ConfigError, match=message):
        validate(settings)


# The daemon with a reader process, against Dovecot and aiosmtpd


async def reading_ahead(app: App, classifier: Classifier) -> Daemon:
    """A daemon whose reader process has started before its poll, so it reads every batch."""
    daemon = Daemon(app, classifier=classifier)
    daemon.poller.reader.start(waiting=app.settings.reader.backlog)  # as the cycle would
    await asyncio.to_thread(wait_until_reading, daemon.poller.reader)
    return daemon


def reader_evidence(app: App) -> tuple[int, int]:
    """(tickets whose message the reader process read, all tickets)."""
    with app.sessions() as session:
        tickets = list(session.scalars(select(Ticket)))
    return sum(READ_AHEAD in t.evidence for t in tickets), len(tickets)


async def test_a_backlog_read_by_the_reader_process_gives_one_ticket_and_mail_each(
    dovecot: DovecotServer, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    n = 150
    account = dovecot.new_account()
    dovecot.deliver(account, (request_mail(i) for i in range(n)))
    settings = settings_for(
        account,
        smtp_sink,
        sqlite_url,
        imap={"batch_size": 20},
        reader={"processes": 1, "backlog": 100},
    )
    app = make_app(settings)
    daemon = await reading_ahead(app, classify_noting_the_reader)

    summary = await daemon.run_once()

    assert (summary.fetched, summary.tickets, summary.sent, summary.errors) == (n, n, n, [])
    assert_each_once(app, smtp_sink, account, n)
    assert reader_evidence(app) == (n, n)
    assert daemon.poller.reader.depth == 0, "the reader process stops with the backlog"


async def test_a_small_poll_starts_no_reader_process(
    dovecot: DovecotServer, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    n = 30
    account = dovecot.new_account()
    dovecot.deliver(account, (request_mail(i) for i in range(n)))
    settings = settings_for(account, smtp_sink, sqlite_url, reader={"backlog": n + 1})
    app = make_app(settings)

    summary = await Daemon(app, classifier=classify_noting_the_reader).run_once()

    assert (summary.fetched, summary.tickets, summary.sent) == (n, n, n)
    assert reader_evidence(app) == (0, n)


async def test_when_the_reader_process_dies_the_daemon_reads_the_rest_itself(
    dovecot: DovecotServer,
    smtp_sink: SmtpSink,
    sqlite_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    n = 100
    account = dovecot.new_account()
    mails = [request_mail(i) for i in range(n)]
    mails[47] = request_mail(47, subject=f"Subject access request {CRASH}")
    dovecot.deliver(account, mails)
    settings = settings_for(
        account, smtp_sink, sqlite_url, imap={"batch_size": 10}, reader={"backlog": 50}
    )
    app = make_app(settings)
    daemon = await reading_ahead(app, classify_dying_on_a_marker)
    caplog.set_level(logging.INFO, logger="mailbot")

    summary = await daemon.run_once()

    assert (summary.fetched, summary.tickets, summary.sent, summary.errors) == (n, n, n, [])
    assert_each_once(app, smtp_sink, account, n)
    read_ahead, tickets = reader_evidence(app)
    assert (read_ahead, tickets) == (40, n), "the four batches before the crash, then none"
    failures = [r for r in caplog.records if r.getMessage() == "reader.failed"]
    assert len(failures) == 1
    assert failures[0].mailbot_fields["error"].startswith("BrokenProcessPool")


def _processes_with(tag: str, command: str = "") -> list[int]:
    """Processes whose environment carries ``tag`` (the daemon and anything it started)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if tag.encode() in environ and command.encode() in cmdline:
            found.append(int(entry.name))
    return found


def test_a_killed_daemon_leaves_no_reader_process_behind(
    tmp_path: Path, imap_account: ImapAccount, smtp_sink: SmtpSink
) -> None:
    """SIGKILL mid-backlog while the reader process runs; it goes too, and a rerun finishes."""
    n = 400
    db_url = f"sqlite:///{tmp_path / 'mailbot.db'}"
    config = write_config(tmp_path / "mailbot.toml", imap_account, smtp_sink, db_url)
    with config.open("a", encoding="utf-8") as file:
        file.write("[reader]\nprocesses = 1\nbacklog = 10\n")
    append(imap_account, [request_mail(i) for i in range(n)])
    tag = f"MAILBOT_TEST_TAG={uuid.uuid4().hex}"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MAILBOT_FAILPOINTS": ""}
    env[tag.partition("=")[0]] = tag.partition("=")[2]
    daemon = subprocess.Popen(
        [sys.executable, "-m", "mailbot", "--config", str(config), "run"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not _processes_with(tag, "spawn_main"):  # the reader process
            assert time.monotonic() < deadline, "no reader process started"
            time.sleep(0.05)
    finally:
        daemon.send_signal(signal.SIGKILL)
        daemon.wait(timeout=10)
    deadline = time.monotonic() + 15
    while _processes_with(tag):
        assert time.monotonic() < deadline, f"left behind: {_processes_with(tag)}"
        time.sleep(0.1)

    assert mailbot(config, "run", "--once", timeout=120) == 0
    engine = create_engine(db_url)
    try:
        with Session(engine) as session:
            requesters = list(session.scalars(select(Ticket.requester)))
    finally:
        engine.dispose()
    assert len(requesters) == len(set(requesters)) == n
