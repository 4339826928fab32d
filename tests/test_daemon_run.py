"""The long-running daemon: IDLE wake-ups, polling, reconnects after a server restart, stop."""

from __future__ import annotations

import asyncio
import logging
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from email import message_from_bytes
from zoneinfo import ZoneInfo

import pytest
from prometheus_client.parser import text_string_to_metric_families

from mailbot.daemon import Daemon
from tests.servers import DovecotServer, ImapAccount, SmtpSink, free_port
from tests.support import append, make_app, request_mail, settings_for


async def run_daemon(daemon: Daemon) -> asyncio.Task[None]:
    task = asyncio.create_task(daemon.run())
    await asyncio.sleep(0.3)
    return task


async def stop(daemon: Daemon, task: asyncio.Task[None]) -> None:
    daemon.stop()
    await asyncio.wait_for(task, timeout=10)


async def append_async(account: ImapAccount, messages: list[bytes]) -> None:
    await asyncio.to_thread(append, account, messages)


async def test_idle_acknowledges_new_mail_within_seconds(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    settings = settings_for(
        imap_account, smtp_sink, sqlite_url, imap={"poll_interval_seconds": 600.0}
    )
    daemon = Daemon(make_app(settings))
    task = await run_daemon(daemon)
    try:
        for n in range(3):
            started = time.monotonic()
            await append_async(imap_account, [request_mail(n)])
            await smtp_sink.wait_for_async(n + 1, timeout=15)
            assert time.monotonic() - started < 5, "IDLE must wake the daemon, not the poll"
    finally:
        await stop(daemon, task)


async def test_polling_without_idle(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    settings = settings_for(
        imap_account, smtp_sink, sqlite_url, imap={"idle": False, "poll_interval_seconds": 0.3}
    )
    daemon = Daemon(make_app(settings))
    task = await run_daemon(daemon)
    try:
        await append_async(imap_account, [request_mail(1)])
        await smtp_sink.wait_for_async(1, timeout=15)
    finally:
        await stop(daemon, task)


async def test_reconnects_after_the_imap_server_restarts(
    private_dovecot: DovecotServer,
    smtp_sink: SmtpSink,
    sqlite_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    account = private_dovecot.new_account()
    settings = settings_for(account, smtp_sink, sqlite_url)
    daemon = Daemon(make_app(settings))
    caplog.set_level(logging.INFO, logger="mailbot")
    task = await run_daemon(daemon)
    try:
        await append_async(account, [request_mail(1)])
        await smtp_sink.wait_for_async(1, timeout=15)
        await asyncio.to_thread(private_dovecot.restart)
        await append_async(account, [request_mail(2)])
        await smtp_sink.wait_for_async(2, timeout=15)
    finally:
        await stop(daemon, task)
    assert any(r.getMessage() == "mailbox.error" for r in caplog.records)


async def test_waits_for_the_imap_server_to_come_up(
    private_dovecot: DovecotServer, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    account = private_dovecot.new_account()
    append(account, [request_mail(1)])
    private_dovecot.pause()
    daemon = Daemon(make_app(settings_for(account, smtp_sink, sqlite_url)))
    task = await run_daemon(daemon)
    try:
        await asyncio.sleep(1.0)
        assert smtp_sink.messages == []
        await asyncio.to_thread(private_dovecot.resume)
        await smtp_sink.wait_for_async(1, timeout=15)
    finally:
        await stop(daemon, task)


async def test_stop_returns_promptly_from_idle(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    daemon = Daemon(make_app(settings_for(imap_account, smtp_sink, sqlite_url)))
    task = await run_daemon(daemon)
    started = time.monotonic()
    await stop(daemon, task)
    assert time.monotonic() - started < 3


async def test_log_lines_carry_uid_and_reference(
    imap_account: ImapAccount,
    smtp_sink: SmtpSink,
    sqlite_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from tests.support import run_once

    caplog.set_level(logging.INFO, logger="mailbot")
    append(imap_account, [request_mail(1)])
    await run_once(make_app(settings_for(imap_account, smtp_sink, sqlite_url)))
    recorded = [r for r in caplog.records if r.getMessage() == "message.recorded"]
    assert len(recorded) == 1
    fields = recorded[0].mailbot_fields  # type: ignore[attr-defined]
    assert fields["uid"] == 1 and fields["ref"].startswith("DSR-")
    assert fields["disposition"] == "ticket"
    assert any(r.getMessage() == "mail.sent" for r in caplog.records)


async def test_idle_is_renewed_and_keeps_working(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    """IDLE is re-issued well before a server would drop it; mail still wakes the daemon."""
    settings = settings_for(
        imap_account,
        smtp_sink,
        sqlite_url,
        imap={"idle_renew_seconds": 0.4, "poll_interval_seconds": 600.0},
    )
    daemon = Daemon(make_app(settings))
    task = await run_daemon(daemon)
    try:
        await asyncio.sleep(2.0)  # several renewals
        await append_async(imap_account, [request_mail(1)])
        await smtp_sink.wait_for_async(1, timeout=15)
    finally:
        await stop(daemon, task)


async def test_scheduled_jobs_run_at_start_under_apscheduler(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    """The daemon catches up at start: a digest due earlier today goes out without waiting."""
    settings = settings_for(
        imap_account,
        smtp_sink,
        sqlite_url,
        staff={"addresses": ["dpo@example.co.uk"]},
        digest={"time": "00:00"},
    )
    daemon = Daemon(make_app(settings))
    task = await run_daemon(daemon)
    try:
        (digest,) = await smtp_sink.wait_for_async(1, timeout=10)
    finally:
        await stop(daemon, task)
    assert digest.rcpt_tos == ("dpo@example.co.uk",)
    assert str(message_from_bytes(digest.data)["Subject"]).startswith("Daily digest")


def test_the_digest_is_scheduled_at_its_local_time(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    settings = settings_for(
        imap_account, smtp_sink, sqlite_url, digest={"time": "07:45", "timezone": "Europe/Berlin"}
    )
    scheduler = Daemon(make_app(settings)).build_scheduler()
    trigger = scheduler.get_job("digest").trigger
    berlin = ZoneInfo("Europe/Berlin")
    # Across the change to summer time (29 March 2026): 07:45 in Berlin, whatever UTC says.
    for now in (datetime(2026, 3, 28, 12, 0, tzinfo=UTC), datetime(2026, 3, 29, 12, 0, tzinfo=UTC)):
        fire = trigger.get_next_fire_time(None, now.astimezone(berlin)).astimezone(berlin)
        assert (fire.hour, fire.minute, fire.date()) == (7, 45, now.date().replace(day=now.day + 1))
    disabled = settings_for(imap_account, smtp_sink, sqlite_url, digest={"enabled": False})
    assert Daemon(make_app(disabled)).build_scheduler().get_job("digest") is None


async def test_metrics_and_health_while_the_daemon_runs(
    private_dovecot: DovecotServer, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    """/metrics counts what the running daemon did; /healthz turns 503 when polling fails."""
    account = private_dovecot.new_account()
    port = free_port()
    settings = settings_for(
        account,
        smtp_sink,
        sqlite_url,
        imap={"idle": False, "poll_interval_seconds": 0.2},
        observability={"port": port, "unhealthy_after_seconds": 1.0},
    )
    daemon = Daemon(make_app(settings))
    task = await run_daemon(daemon)
    try:
        await append_async(account, [request_mail(1)])
        await smtp_sink.wait_for_async(1, timeout=10)
        status, body = await asyncio.to_thread(http_get, port, "/metrics")
        assert status == 200
        families = {f.name: f for f in text_string_to_metric_families(body)}
        tickets = {
            s.labels["state"]: s.value
            for s in families["mailbot_tickets"].samples
            if s.labels.get("kind") == "rights_request"
        }
        assert tickets["awaiting_verification"] == 1
        assert (await asyncio.to_thread(http_get, port, "/healthz"))[0] == 200

        await asyncio.to_thread(private_dovecot.stop)
        deadline = time.monotonic() + 15
        while (await asyncio.to_thread(http_get, port, "/healthz"))[0] != 503:
            assert time.monotonic() < deadline, "health never turned bad"
            await asyncio.sleep(0.3)
        status, body = await asyncio.to_thread(http_get, port, "/healthz")
        assert "polling" in body and "failed" in body
    finally:
        await stop(daemon, task)
    with pytest.raises(OSError):
        http_get(port, "/healthz")


def http_get(port: int, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.read().decode()
