"""A ticket's life end to end against Dovecot + aiosmtpd, with a controlled clock.

request → verification mail → reply with the code → verified with the right due date →
completion; wrong code; reminder and expiry; opt-out → suppression + confirmation; each
threading route; a bounce of our own mail; an auto-reply receiving nothing; rate limits.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, date, datetime
from email import message_from_bytes, policy

import pytest
from sqlalchemy import select

from mailbot.cli import main
from mailbot.daemon import App, Daemon
from mailbot.tickets.models import Suppression, Ticket, TicketEvent, UndeliverableAddress
from mailbot.tickets.states import IllegalTransition
from tests.servers import ImapAccount, ReceivedMessage, SmtpSink
from tests.support import (
    SteppingClock,
    append_at,
    make_app,
    reply_to,
    request_mail,
    run_once,
    settings_for,
)

STAFF = "dpo@example.co.uk"
WITH_STAFF = {"addresses": [STAFF]}
# Thursday 3 September 2026, 10:00 in London (BST): the ICO's own example date.
RECEIVED = datetime(2026, 9, 3, 9, 0, tzinfo=UTC)
ACCESS = "Under Article 15 GDPR I would like a copy of all personal data you hold about me."


def to(sink: SmtpSink, address: str) -> list[ReceivedMessage]:
    return [m for m in sink.messages if m.rcpt_tos == (address,)]


def text_of(mail: ReceivedMessage) -> str:
    parsed = message_from_bytes(mail.data, policy=policy.default)
    body = parsed.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def code_in(mail: ReceivedMessage) -> str:
    match = re.search(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b", text_of(mail))
    assert match, text_of(mail)
    return match.group(0)


def ticket(app: App) -> Ticket:
    with app.sessions() as session:
        return session.scalars(select(Ticket)).one()


def events(app: App) -> list[str]:
    with app.sessions() as session:
        return [e.event for e in session.scalars(select(TicketEvent).order_by(TicketEvent.id))]


OBJECTION = "Under Article 21 GDPR I object to the processing of my personal data."


async def open_access_request(
    app: App, imap_account: ImapAccount, smtp_sink: SmtpSink
) -> list[ReceivedMessage]:
    """An access request received on RECEIVED and handled; the mails its requester got."""
    append_at(imap_account, request_mail(1, body=ACCESS), RECEIVED)
    await run_once(app)
    return to(smtp_sink, "person1@example.org")


async def open_objection(app: App, imap_account: ImapAccount) -> Daemon:
    """An objection (no verification needed) received on RECEIVED; a daemon to act on it."""
    append_at(imap_account, request_mail(1, subject="Objection", body=OBJECTION), RECEIVED)
    await run_once(app)
    return Daemon(app)


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock(RECEIVED)


@pytest.fixture
def app(imap_account: ImapAccount, smtp_sink: SmtpSink, db_url: str, clock: SteppingClock) -> App:
    return make_app(settings_for(imap_account, smtp_sink, db_url, staff=WITH_STAFF), clock)


async def test_verified_request_runs_to_completion(
    app: App, imap_account: ImapAccount, smtp_sink: SmtpSink, clock: SteppingClock
) -> None:
    append_at(imap_account, request_mail(1, body=ACCESS), RECEIVED)
    await run_once(app)

    opened = ticket(app)
    assert (opened.state, opened.rights, opened.due_on) == (
        "awaiting_verification",
        ["access"],
        None,
    )
    (asked,) = to(smtp_sink, "person1@example.org")
    assert f"[{opened.reference}]" in str(message_from_bytes(asked.data)["Subject"])
    code = code_in(asked)
    assert opened.verification_hash and code not in opened.verification_hash

    # The code comes back a week later (Thursday 10 September): the month runs from then.
    arrival = datetime(2026, 9, 10, 15, 0, tzinfo=UTC)
    clock.now = arrival
    reply = reply_to(
        asked.data,
        sender="person1@example.org",
        body="Here you go",
        message_id="<reply-1@example.org>",
    )
    append_at(imap_account, reply, arrival)
    await run_once(app)

    verified = ticket(app)
    assert verified.state == "in_progress"
    assert verified.clock_started_at == arrival
    # 10 Oct 2026 is a Saturday → Monday 12 Oct; the 30-day target (10 Oct) is earlier
    # but the effective date is the EARLIER of target (10 Oct) and statutory (12 Oct).
    assert verified.due_on == date(2026, 10, 10)
    confirmed = to(smtp_sink, "person1@example.org")[-1]
    assert "10 October 2026" in text_of(confirmed)
    assert message_from_bytes(confirmed.data)["In-Reply-To"] == "<reply-1@example.org>"
    assert [e for e in events(app) if e in ("clock_paused", "verified", "clock_started")] == [
        "clock_paused",
        "verified",
        "clock_started",
    ]

    daemon = Daemon(app)
    with app.sessions.begin() as session:
        current = session.get(Ticket, verified.id)
        assert current is not None
        daemon.lifecycle.complete(session, current, "Data sent by secure link.", STAFF, clock())
    await daemon.run_once()
    done = ticket(app)
    assert done.state == "completed" and done.closed_at is not None
    assert "Data sent by secure link." in text_of(to(smtp_sink, "person1@example.org")[-1])


async def test_wrong_code_other_sender_and_too_many_attempts(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str, clock: SteppingClock
) -> None:
    app = make_app(
        settings_for(
            imap_account,
            smtp_sink,
            sqlite_url,
            verification={"max_attempts": 3},
            staff=WITH_STAFF,
        ),
        clock,
    )
    (asked,) = await open_access_request(app, imap_account, smtp_sink)

    wrong = reply_to(
        asked.data,
        sender="person1@example.org",
        body="code: AAAA-BBBB-CCCC",
        quote=False,
        message_id="<r1@example.org>",
    )
    stranger = reply_to(
        asked.data, sender="mallory@example.net", body="hi", message_id="<r2@example.org>"
    )
    append_at(imap_account, wrong, RECEIVED)
    append_at(imap_account, stranger, RECEIVED)
    await run_once(app)

    assert ticket(app).state == "awaiting_verification"
    assert ticket(app).verification_attempts == 1, "a stranger does not use up attempts"
    failed = to(smtp_sink, "person1@example.org")[-1]
    assert "[" + ticket(app).reference + "]" in str(message_from_bytes(failed.data)["Subject"])
    (told,) = to(smtp_sink, "mallory@example.net")
    assert "person1@example.org" not in told.data.decode(errors="replace")

    for n, body in enumerate(["what code?", "AAAA-BBBB-CCCD"]):
        again = reply_to(
            asked.data,
            sender="person1@example.org",
            body=body,
            quote=False,
            message_id=f"<r3{n}@example.org>",
        )
        append_at(imap_account, again, RECEIVED)
    await run_once(app)
    assert ticket(app).state == "triage"
    assert any(
        "Verification failed" in str(message_from_bytes(m.data)["Subject"])
        for m in to(smtp_sink, STAFF)
    )
    assert events(app).count("verification_failed") == 4


async def test_reminder_then_closed_unverified(
    app: App, imap_account: ImapAccount, smtp_sink: SmtpSink, clock: SteppingClock
) -> None:
    first_code = code_in((await open_access_request(app, imap_account, smtp_sink))[0])

    clock.advance(days=6)
    await run_once(app)
    assert len(to(smtp_sink, "person1@example.org")) == 1, "no reminder before 7 days"

    clock.advance(days=1)
    await run_once(app)
    reminder = to(smtp_sink, "person1@example.org")[-1]
    second_code = code_in(reminder)
    assert second_code != first_code
    await run_once(app)
    assert len(to(smtp_sink, "person1@example.org")) == 2, "the reminder is sent once"

    clock.advance(days=7)
    await run_once(app)
    closed = ticket(app)
    assert closed.state == "closed_unverified"
    assert len(to(smtp_sink, "person1@example.org")) == 3


async def test_reminder_code_and_first_code_both_work(
    app: App, imap_account: ImapAccount, smtp_sink: SmtpSink, clock: SteppingClock
) -> None:
    asked = (await open_access_request(app, imap_account, smtp_sink))[0]
    clock.advance(days=8)
    await run_once(app)
    reply = reply_to(
        asked.data,
        sender="person1@example.org",
        body="sorry for the delay",
        message_id="<late@example.org>",
    )
    append_at(imap_account, reply, clock())
    await run_once(app)
    assert ticket(app).state == "in_progress"


async def test_opt_out_writes_the_register_and_confirms(
    app: App,
    imap_account: ImapAccount,
    smtp_sink: SmtpSink,
    tmp_path: object,
    capsys: pytest.CaptureFixture[str],
    db_url: str,
) -> None:
    body = (
        "Your sales team keeps ringing me on 07700 900123. Stop calling me and take me "
        "off your marketing lists."
    )
    append_at(imap_account, request_mail(1, subject="stop calling me", body=body), RECEIVED)
    await run_once(app)

    opt_out = ticket(app)
    assert opt_out.reference.startswith("OPT-2026-")
    assert opt_out.state == "in_progress"
    assert "phone" in opt_out.opt_out
    # 10 business days from Thursday 3 Sep 2026 → Thursday 17 Sep
    assert opt_out.due_on == date(2026, 9, 17)
    with app.sessions() as session:
        entries = {(s.channel, s.value) for s in session.scalars(select(Suppression))}
    assert ("phone", "+447700900123") in entries
    (confirmation,) = to(smtp_sink, "person1@example.org")
    assert "+44 7700 900123" in text_of(confirmation) or "+447700900123" in text_of(confirmation)

    path = tmp_path / "export.toml"  # type: ignore[operator]
    path.write_text(f'[database]\nurl = "{db_url}"\n')
    assert main(["--config", str(path), "suppression", "export", "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {(r["channel"], r["value"]) for r in rows} == entries
    assert {r["reference"] for r in rows} == {opt_out.reference}
    assert main(["--config", str(path), "suppression", "export", "--since", "2027-01-01"]) == 0
    assert capsys.readouterr().out.strip() == "channel,value,created_at,source,reference"


async def test_bounce_of_our_mail_marks_the_address(
    app: App, imap_account: ImapAccount, smtp_sink: SmtpSink
) -> None:
    (ours,) = await open_access_request(app, imap_account, smtp_sink)
    bounce = (
        "From: MAILER-DAEMON@mx.example.org\r\nTo: support@example.co.uk\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <dsn-1@mx.example.org>\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"\r\n\r\n'
        "--b\r\nContent-Type: text/plain\r\n\r\n<person1@example.org>: 550 5.1.1 User unknown\r\n"
        "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx\r\n\r\n"
        "Final-Recipient: rfc822; person1@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n"
        "--b\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        f"Message-ID: {ours.message_id}\r\nSubject: x\r\n--b--\r\n"
    ).encode()
    append_at(imap_account, bounce, RECEIVED)
    await run_once(app)

    assert "mail_bounced" in events(app)
    with app.sessions() as session:
        assert session.get(UndeliverableAddress, "person1@example.org") is not None
    assert any(
        "bounced" in str(message_from_bytes(m.data)["Subject"]) for m in to(smtp_sink, STAFF)
    )
    # No more automatic mail to that address.
    reply = reply_to(
        ours.data,
        sender="person1@example.org",
        body="wrong",
        quote=False,
        message_id="<after-bounce@example.org>",
    )
    append_at(imap_account, reply, RECEIVED)
    await run_once(app)
    assert len(to(smtp_sink, "person1@example.org")) == 1
    assert "mail_not_sent" in events(app)


async def test_auto_reply_to_our_mail_gets_nothing(
    app: App, imap_account: ImapAccount, smtp_sink: SmtpSink
) -> None:
    (ours,) = await open_access_request(app, imap_account, smtp_sink)
    ooo = reply_to(
        ours.data,
        sender="person1@example.org",
        body="I am on holiday.",
        message_id="<ooo@example.org>",
    ).replace(b"Content-Type:", b"Auto-Submitted: auto-replied\r\nContent-Type:", 1)
    append_at(imap_account, ooo, RECEIVED)
    summary = await run_once(app)
    assert summary.sent == 0
    assert ticket(app).verification_attempts == 0, "a robot's reply is no verification attempt"


async def test_rate_limit_per_sender(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str, clock: SteppingClock
) -> None:
    app = make_app(
        settings_for(
            imap_account, smtp_sink, sqlite_url, limits={"auto_mails_per_sender_per_hour": 2}
        ),
        clock,
    )
    for n in range(4):
        append_at(
            imap_account,
            request_mail(n, sender="same@example.org", body=ACCESS, subject=f"request {n}"),
            RECEIVED,
        )
    await run_once(app)
    assert len(to(smtp_sink, "same@example.org")) == 2
    assert events(app).count("mail_not_sent") == 2


async def test_late_reply_to_a_closed_ticket_tells_staff(
    app: App, imap_account: ImapAccount, smtp_sink: SmtpSink, clock: SteppingClock
) -> None:
    objection = (
        "Under Article 21 GDPR I object to the processing of my personal data for profiling."
    )
    append_at(imap_account, request_mail(1, subject="Objection", body=objection), RECEIVED)
    await run_once(app)
    opened = ticket(app)
    assert opened.state == "in_progress" and opened.due_on is not None
    daemon = Daemon(app)
    with app.sessions.begin() as session:
        current = session.get(Ticket, opened.id)
        assert current is not None
        daemon.lifecycle.complete(session, current, "Profiling stopped.", STAFF, clock())
    await daemon.run_once()
    last = to(smtp_sink, "person1@example.org")[-1]
    late = reply_to(
        last.data, sender="person1@example.org", body="Thanks!", message_id="<thanks@example.org>"
    )
    append_at(imap_account, late, RECEIVED)
    await run_once(app)
    assert ticket(app).state == "completed"
    assert any(
        "Reply to a completed ticket" in str(message_from_bytes(m.data)["Subject"])
        for m in to(smtp_sink, STAFF)
    )


async def test_hold_pauses_and_the_answer_restarts_the_clock(
    app: App, imap_account: ImapAccount, smtp_sink: SmtpSink, clock: SteppingClock
) -> None:
    daemon = await open_objection(app, imap_account)
    with app.sessions.begin() as session:
        current = session.scalars(select(Ticket)).one()
        daemon.lifecycle.hold(session, current, "Which account do you mean?", STAFF, clock())
    await daemon.run_once()
    assert (ticket(app).state, ticket(app).due_on) == ("on_hold", None)
    question = to(smtp_sink, "person1@example.org")[-1]
    assert "Which account do you mean?" in text_of(question)

    answered = datetime(2026, 9, 21, 11, 0, tzinfo=UTC)
    clock.now = answered
    append_at(
        imap_account,
        reply_to(
            question.data,
            sender="person1@example.org",
            body="The one for person1.",
            message_id="<a@example.org>",
        ),
        answered,
    )
    await run_once(app)
    resumed = ticket(app)
    assert resumed.state == "in_progress"
    # From Monday 21 Sep: statutory 21 Oct (Wed), target 21 Oct → 21 Oct 2026
    assert resumed.due_on == date(2026, 10, 21)


async def test_extension_only_with_a_reason_and_within_the_first_month(
    app: App, imap_account: ImapAccount, smtp_sink: SmtpSink, clock: SteppingClock
) -> None:
    daemon = await open_objection(app, imap_account)
    with app.sessions.begin() as session:
        current = session.scalars(select(Ticket)).one()
        with pytest.raises(IllegalTransition, match="reason"):
            daemon.lifecycle.extend(session, current, "  ", STAFF, clock())
        daemon.lifecycle.extend(session, current, "Records held in three systems", STAFF, clock())
        assert current.due_on == date(2026, 12, 3)  # three months from 3 Sep (a Thursday)
    await daemon.run_once()
    notice = to(smtp_sink, "person1@example.org")[-1]
    assert "Records held in three systems" in text_of(notice)

    late = Daemon(app)
    clock.now = datetime(2026, 10, 6, 9, 0, tzinfo=UTC)  # after the first month (5 Oct)
    with app.sessions.begin() as session:
        current = session.scalars(select(Ticket)).one()
        current.extended_due_on = None
        with pytest.raises(IllegalTransition, match="first month"):
            late.lifecycle.extend(session, current, "too late", STAFF, clock())


async def test_request_for_someone_else_goes_to_triage_without_mail(
    app: App, imap_account: ImapAccount, smtp_sink: SmtpSink
) -> None:
    body = (
        "I am writing on behalf of my mother, Jane Doe (jane.doe@example.net). Please "
        "send us a copy of all personal data you hold about her under Article 15."
    )
    append_at(imap_account, request_mail(1, body=body), RECEIVED)
    await run_once(app)
    assert ticket(app).state == "triage"
    assert to(smtp_sink, "person1@example.org") == []
    assert any("Triage" in str(message_from_bytes(m.data)["Subject"]) for m in to(smtp_sink, STAFF))


async def test_erasure_request_adds_the_address_to_the_register(
    app: App, imap_account: ImapAccount, smtp_sink: SmtpSink
) -> None:
    body = "Under Article 17 GDPR please erase all personal data you hold about me."
    append_at(imap_account, request_mail(1, subject="Erasure request", body=body), RECEIVED)
    await run_once(app)
    erasure = ticket(app)
    assert erasure.rights == ["erasure"] and erasure.state == "awaiting_verification"
    with app.sessions() as session:
        entries = [(s.channel, s.value, s.source) for s in session.scalars(select(Suppression))]
    assert entries == [("email", "person1@example.org", "erasure")]


async def test_an_unproven_staff_reply_is_never_taken_for_the_requester(
    app: App, imap_account: ImapAccount, smtp_sink: SmtpSink
) -> None:
    """Unsigned mail from a staff address: refused as staff, and not the requester's either."""
    await open_access_request(app, imap_account, smtp_sink)
    notice = next(m for m in to(smtp_sink, STAFF) if b"New request" in m.data)
    staff_reply = reply_to(
        notice.data, sender=STAFF, body="I'll take this one.", message_id="<staff-1@example.co.uk>"
    )
    append_at(imap_account, staff_reply, RECEIVED)
    smtp_sink.clear()
    summary = await run_once(app)
    assert summary.sent == 1, "only the refusal notice to staff"
    assert [m.rcpt_tos for m in smtp_sink.messages] == [(STAFF,)]
    assert ticket(app).verification_attempts == 0
    assert "staff_claim_refused" in events(app)


async def test_mail_we_cannot_read_opens_a_triage_ticket(
    app: App, imap_account: ImapAccount, smtp_sink: SmtpSink
) -> None:
    body = "Dobrý den, prosím o informace, jaké osobní údaje o mně zpracováváte."
    append_at(imap_account, request_mail(1, subject="Dotaz", body=body), RECEIVED)
    await run_once(app)
    opened = ticket(app)
    assert opened.state == "triage" and opened.language == "cs"
    assert opened.due_on == date(2026, 10, 3), "the month runs from receipt during triage"
    assert to(smtp_sink, "person1@example.org") == [], "no automatic mail in a guessed language"
    assert any(b"Triage needed" in m.data for m in to(smtp_sink, STAFF))
