"""Outbox delivery against aiosmtpd: retries on 4xx, gives up on 5xx, reuses connections."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from mailbot.config import OutboxSettings
from mailbot.daemon import Daemon
from mailbot.jobs.deliver import retry_delay
from mailbot.tickets.models import OutboxMail, TicketEvent
from tests.servers import ImapAccount, SmtpSink
from tests.support import SteppingClock, append, make_app, request_mail, run_once, settings_for


def outbox(app):  # type: ignore[no-untyped-def]
    with app.sessions() as session:
        return list(session.scalars(select(OutboxMail).order_by(OutboxMail.id)))


async def test_temporary_failure_is_retried_with_backoff(
    imap_account: ImapAccount, smtp_sink: SmtpSink, db_url: str
) -> None:
    clock = SteppingClock()
    settings = settings_for(imap_account, smtp_sink, db_url)
    append(imap_account, [request_mail(1)])
    smtp_sink.fail_next(1, code=451)

    first = await run_once(make_app(settings, clock))

    assert (first.tickets, first.sent, first.retrying) == (1, 0, 1)
    (mail,) = outbox(make_app(settings, clock))
    assert (mail.state, mail.attempts) == ("pending", 1)
    assert "451" in mail.last_error
    assert mail.next_attempt_at == clock.now + timedelta(seconds=30)

    too_early = await run_once(make_app(settings, clock))
    assert too_early.sent == 0, "not before the backoff has passed"

    clock.advance(seconds=31)
    again = await run_once(make_app(settings, clock))
    assert again.sent == 1
    (mail,) = outbox(make_app(settings, clock))
    assert (mail.state, mail.attempts) == ("sent", 2)
    assert [m.message_id for m in smtp_sink.messages] == [mail.message_id]


async def test_permanent_failure_is_recorded_on_the_ticket(
    imap_account: ImapAccount, smtp_sink: SmtpSink, db_url: str
) -> None:
    settings = settings_for(imap_account, smtp_sink, db_url)
    append(imap_account, [request_mail(1), request_mail(2)])
    smtp_sink.reject_recipient("person1@example.org", code=550)

    summary = await run_once(make_app(settings))

    assert (summary.sent, summary.failed) == (1, 1)
    app = make_app(settings)
    failed = [m for m in outbox(app) if m.state == "failed"]
    assert [m.recipient for m in failed] == ["person1@example.org"]
    with app.sessions() as session:
        event = session.scalars(
            select(TicketEvent).where(TicketEvent.event == "delivery_failed")
        ).one()
        assert event.ticket_id == failed[0].ticket_id
        assert event.detail["code"] == 550 and event.detail["permanent"] is True
    again = await run_once(make_app(settings))
    assert again.sent == 0 and again.failed == 0, "a permanent failure is not retried"


async def test_smtp_server_down_then_back(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    clock = SteppingClock()
    down = settings_for(imap_account, None, sqlite_url)  # port 1: connection refused
    append(imap_account, [request_mail(1), request_mail(2)])
    summary = await run_once(make_app(down, clock))
    assert (summary.tickets, summary.sent, summary.retrying) == (2, 0, 2)

    clock.advance(minutes=5)
    up = settings_for(imap_account, smtp_sink, sqlite_url)
    summary = await run_once(make_app(up, clock))
    assert summary.sent == 2
    assert len(smtp_sink.messages) == 2


async def test_gives_up_after_max_attempts(imap_account: ImapAccount, sqlite_url: str) -> None:
    clock = SteppingClock()
    settings = settings_for(imap_account, None, sqlite_url, outbox={"max_attempts": 2})
    append(imap_account, [request_mail(1)])
    await run_once(make_app(settings, clock))
    clock.advance(hours=1)
    summary = await run_once(make_app(settings, clock))
    assert summary.failed == 1
    (mail,) = outbox(make_app(settings, clock))
    assert (mail.state, mail.attempts) == ("failed", 2)


async def test_many_mails_over_reused_connections(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    settings = settings_for(imap_account, smtp_sink, sqlite_url, smtp={"connections": 3})
    append(imap_account, [request_mail(n) for n in range(30)])
    summary = await run_once(make_app(settings))
    assert summary.sent == 30
    assert len({m.message_id for m in smtp_sink.messages}) == 30


@pytest.mark.parametrize(
    ("attempts", "seconds"), [(1, 60), (2, 120), (3, 240), (10, 21600), (40, 21600)]
)
def test_retry_delay_doubles_up_to_a_cap(attempts: int, seconds: int) -> None:
    assert retry_delay(attempts, OutboxSettings()) == timedelta(seconds=seconds)


async def test_an_unusable_address_fails_that_mail_and_delivery_goes_on(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    """aiosmtplib refuses control characters in an address: that mail fails, no other."""
    settings = settings_for(imap_account, smtp_sink, sqlite_url)
    append(imap_account, [request_mail(1), request_mail(2)])
    app = make_app(settings)
    daemon = Daemon(app)
    await daemon.poller.open()
    await daemon.poller.cycle()
    with app.sessions.begin() as session:
        first = session.scalars(select(OutboxMail).order_by(OutboxMail.id)).first()
        assert first is not None
        first.recipient = "person\x011@example.org"
    delivered = await daemon.delivery.deliver_due()
    await daemon.delivery.close()
    await daemon.poller.close()
    assert (delivered.sent, delivered.failed) == (1, 1)
    failed = [m for m in outbox(app) if m.state == "failed"]
    assert len(failed) == 1 and "unusable address" in failed[0].last_error
