"""End to end against Dovecot + aiosmtpd + SQLite/PostgreSQL: mail in, tickets, mail out."""

from __future__ import annotations

from email import message_from_bytes, policy

import pytest
from sqlalchemy import select

from mailbot.classify.labels import Classification
from mailbot.mail.message import InboundMessage
from mailbot.tickets.models import InboundMessageRow, OutboxMail, Ticket, TicketEvent
from tests.servers import DovecotServer, ImapAccount, SmtpSink
from tests.support import (
    SUPPORT,
    Folders,
    append,
    make_app,
    request_mail,
    run_once,
    settings_for,
)

AUTO_REPLY = (
    b"From: Away <away@example.org>\r\nTo: support@example.co.uk\r\n"
    b"Subject: Out of office\r\nMessage-ID: <ooo-1@example.org>\r\n"
    b"Auto-Submitted: auto-replied\r\n\r\nI am away until Monday.\r\n"
)
BOUNCE = (
    b"From: MAILER-DAEMON@mx.example.org\r\nTo: support@example.co.uk\r\n"
    b"Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <bounce-1@mx.example.org>\r\n"
    b'Content-Type: multipart/report; report-type=delivery-status; boundary="b"\r\n\r\n'
    b"--b\r\nContent-Type: text/plain\r\n\r\nUser unknown\r\n--b--\r\n"
)


def tickets_of(app) -> list[Ticket]:  # type: ignore[no-untyped-def]
    with app.sessions() as session:
        return list(session.scalars(select(Ticket).order_by(Ticket.id)))


async def test_requests_become_tickets_and_acknowledgements(
    imap_account: ImapAccount, smtp_sink: SmtpSink, db_url: str
) -> None:
    append(imap_account, [request_mail(1), request_mail(2), AUTO_REPLY, BOUNCE, request_mail(3)])
    app = make_app(settings_for(imap_account, smtp_sink, db_url))

    summary = await run_once(app)

    assert (summary.fetched, summary.tickets, summary.sent, summary.errors) == (5, 3, 3, [])
    tickets = tickets_of(app)
    assert [t.reference[-5:] for t in tickets] == ["00001", "00002", "00003"]
    assert all(t.reference.startswith("DSR-20") for t in tickets)
    assert {t.state for t in tickets} == {"awaiting_verification"}, "access needs verification"
    assert [t.requester for t in tickets] == [f"person{n}@example.org" for n in (1, 2, 3)]

    mails = smtp_sink.messages
    assert len(mails) == 3
    by_recipient = {m.rcpt_tos[0]: m for m in mails}
    for n, ticket in zip((1, 2, 3), tickets, strict=True):
        mail = by_recipient[f"person{n}@example.org"]
        parsed = message_from_bytes(mail.data, policy=policy.default)
        assert mail.mail_from == SUPPORT
        assert f"[{ticket.reference}]" in parsed["Subject"]
        assert parsed["In-Reply-To"] == f"<request-{n}@example.org>"
        assert f"<request-{n}@example.org>" in parsed["References"]
        assert parsed["Auto-Submitted"] == "auto-replied"
        assert parsed["Message-ID"] and parsed["Message-ID"] != f"<request-{n}@example.org>"
        assert parsed.get_body(("plain",)) is not None and parsed.get_body(("html",)) is not None

    folders = Folders(imap_account)
    inbox = folders.flags("INBOX")
    assert len(inbox) == 2, "the auto-reply and the bounce stay in INBOX"
    assert all(b"\\Seen" not in flags for flags in inbox.values()), "and stay unread"
    assert folders.count("Mailbot/Processed") == 3
    assert folders.count("Mailbot/Quarantine") == 0

    with app.sessions() as session:
        rows = list(session.scalars(select(InboundMessageRow).order_by(InboundMessageRow.uid)))
        assert [r.disposition for r in rows] == ["ticket", "ticket", "ignored", "ignored", "ticket"]
        assert [r.rule for r in rows][2:4] == ["auto_reply", "bounce"]
        assert all(r.settled_at is not None for r in rows)
        outbox = list(session.scalars(select(OutboxMail)))
        assert {o.state for o in outbox} == {"sent"}
        assert {o.message_id for o in outbox} == {m.message_id for m in mails}
        events = [e.event for e in session.scalars(select(TicketEvent).order_by(TicketEvent.id))]
        assert events.count("opened") == 3 and events.count("mail_sent") == 3


async def test_running_again_changes_nothing(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    append(imap_account, [request_mail(1), AUTO_REPLY])
    settings = settings_for(imap_account, smtp_sink, sqlite_url)
    await run_once(make_app(settings))
    second = await run_once(make_app(settings))
    assert (second.fetched, second.tickets, second.sent) == (0, 0, 0)
    assert len(smtp_sink.messages) == 1
    assert len(tickets_of(make_app(settings))) == 1


async def test_same_message_id_appended_again_is_a_duplicate(
    imap_account: ImapAccount, smtp_sink: SmtpSink, db_url: str
) -> None:
    settings = settings_for(imap_account, smtp_sink, db_url)
    append(imap_account, [request_mail(1), AUTO_REPLY])
    await run_once(make_app(settings))
    append(imap_account, [request_mail(1), AUTO_REPLY])

    summary = await run_once(make_app(settings))

    assert (summary.fetched, summary.tickets, summary.sent) == (2, 0, 0)
    assert len(tickets_of(make_app(settings))) == 1
    assert len(smtp_sink.messages) == 1
    folders = Folders(imap_account)
    assert folders.count("Mailbot/Processed") == 2, "the copy of the request is moved too"
    assert folders.count("INBOX") == 2, "the copy of the auto-reply stays like the first"
    with make_app(settings).sessions() as session:
        rows = list(session.scalars(select(InboundMessageRow).order_by(InboundMessageRow.id)))
        assert [r.disposition for r in rows] == ["ticket", "ignored", "duplicate", "duplicate"]
        assert rows[2].duplicate_of_id == rows[0].id


async def test_messages_without_message_id_dedupe_by_content(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    raw = request_mail(1).replace(b"Message-ID: <request-1@example.org>\r\n", b"")
    settings = settings_for(imap_account, smtp_sink, sqlite_url)
    append(imap_account, [raw])
    await run_once(make_app(settings))
    append(imap_account, [raw])
    await run_once(make_app(settings))
    assert len(tickets_of(make_app(settings))) == 1
    assert len(smtp_sink.messages) == 1


async def test_replies_attach_to_their_ticket(
    imap_account: ImapAccount, smtp_sink: SmtpSink, db_url: str
) -> None:
    settings = settings_for(imap_account, smtp_sink, db_url)
    append(imap_account, [request_mail(1)])
    await run_once(make_app(settings))
    (ticket,) = tickets_of(make_app(settings))
    ack_id = smtp_sink.messages[0].message_id
    by_headers = request_mail(
        2,
        sender="person1@example.org",
        subject="Re: thanks",
        message_id="<reply-1@example.org>",
        extra_headers=f"In-Reply-To: {ack_id}\r\nReferences: <request-1@example.org> {ack_id}\r\n",
    )
    by_subject = request_mail(
        3,
        sender="person1@example.org",
        subject=f"Re: [{ticket.reference}] more",
        message_id="<reply-2@example.org>",
    )
    by_their_own_thread = request_mail(
        4,
        sender="person1@example.org",
        subject="one more thing",
        message_id="<reply-3@example.org>",
        extra_headers="In-Reply-To: <request-1@example.org>\r\n",
    )
    append(imap_account, [by_headers, by_subject, by_their_own_thread])

    summary = await run_once(make_app(settings))

    assert summary.tickets == 0, "no new ticket"
    # Each reply, made while the ticket waits for the code, is answered as a failed attempt.
    templates = [m.data for m in smtp_sink.messages[1:]]
    assert len(templates) == 3 and all(
        b"[" + ticket.reference.encode() + b"]" in t for t in templates
    )
    with make_app(settings).sessions() as session:
        rows = list(session.scalars(select(InboundMessageRow).order_by(InboundMessageRow.id)))
        assert [r.disposition for r in rows] == ["ticket", "attached", "attached", "attached"]
        assert {r.ticket_id for r in rows} == {ticket.id}
        assert [r.rule for r in rows[1:]] == ["headers", "subject", "headers"]
    assert Folders(imap_account).count("Mailbot/Processed") == 4


async def test_unknown_reference_token_opens_a_new_ticket(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    append(imap_account, [request_mail(1, subject="Re: [DSR-2020-99999] hello")])
    app = make_app(settings_for(imap_account, smtp_sink, sqlite_url))
    summary = await run_once(app)
    assert summary.tickets == 1


async def test_a_message_that_breaks_the_pipeline_is_quarantined(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    def fragile(message: InboundMessage) -> Classification:
        if "poison" in message.subject:
            raise ValueError("classifier cannot cope")
        return Classification(kind="rights_request")

    append(imap_account, [request_mail(1), request_mail(2, subject="poison pill"), request_mail(3)])
    app = make_app(settings_for(imap_account, smtp_sink, sqlite_url))

    summary = await run_once(app, classifier=fragile)

    assert (summary.tickets, summary.sent) == (2, 2)
    folders = Folders(imap_account)
    assert folders.count("Mailbot/Quarantine") == 1
    assert folders.count("Mailbot/Processed") == 2
    assert folders.count("INBOX") == 0
    with app.sessions() as session:
        row = session.scalars(
            select(InboundMessageRow).where(InboundMessageRow.disposition == "quarantined")
        ).one()
        assert row.uid == 2
        assert "ValueError: classifier cannot cope" in row.reason


async def test_a_value_the_database_refuses_quarantines_only_that_message(
    imap_account: ImapAccount, smtp_sink: SmtpSink, pg_url: str
) -> None:
    """PostgreSQL refusing a value (too long for its column) is the message's fault, not an
    outage: the message is quarantined with the reason and the rest of the batch goes on."""

    def overlong(message: InboundMessage) -> Classification:
        language = "x" * 40 if "poison" in message.subject else "en"  # tickets.language: 8
        return Classification(kind="rights_request", rights=("access",), language=language)

    append(imap_account, [request_mail(1), request_mail(2, subject="poison pill"), request_mail(3)])
    app = make_app(settings_for(imap_account, smtp_sink, pg_url))

    summary = await run_once(app, classifier=overlong)

    assert (summary.tickets, summary.errors) == (2, [])
    assert Folders(imap_account).count("Mailbot/Quarantine") == 1
    with app.sessions() as session:
        row = session.scalars(
            select(InboundMessageRow).where(InboundMessageRow.disposition == "quarantined")
        ).one()
    assert row.uid == 2 and "DataError" in row.reason and "too long" in row.reason


async def test_uidvalidity_change_rescans_without_duplicates(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    settings = settings_for(imap_account, smtp_sink, sqlite_url, imap={"folder": "Requests"})
    append(imap_account, [request_mail(1), AUTO_REPLY], folder="Requests")
    await run_once(make_app(settings))

    folders = Folders(imap_account)
    client = folders._client()
    before = client.folder_status("Requests", ["UIDVALIDITY"])[b"UIDVALIDITY"]
    client.delete_folder("Requests")
    client.logout()
    append(imap_account, [AUTO_REPLY, request_mail(1), request_mail(2)], folder="Requests")
    client = folders._client()
    after = client.folder_status("Requests", ["UIDVALIDITY"])[b"UIDVALIDITY"]
    client.logout()
    assert after != before

    summary = await run_once(make_app(settings))

    assert (summary.fetched, summary.tickets, summary.sent) == (3, 1, 1)
    assert [t.requester for t in tickets_of(make_app(settings))] == [
        "person1@example.org",
        "person2@example.org",
    ]
    assert len(smtp_sink.messages) == 2
    assert folders.count("Requests") == 1, "the auto-reply is still left alone"


async def test_oversized_message_is_fetched_in_part(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    big = request_mail(1, body="Please delete my data.\r\n" + "x" * 200 + "\r\n" * 20000)
    append(imap_account, [big])
    app = make_app(
        settings_for(imap_account, smtp_sink, sqlite_url, imap={"max_message_bytes": 4096})
    )
    summary = await run_once(app)
    assert summary.tickets == 1
    with app.sessions() as session:
        row = session.scalars(select(InboundMessageRow)).one()
        assert row.size == len(big)
        assert any("fetched only in part" in note for note in row.notes)
        assert row.text_body.startswith("Please delete my data.")


async def test_move_fallback_without_move_capability(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    from mailbot.mail.imap import ImapConnection

    append(imap_account, [request_mail(1), request_mail(2), AUTO_REPLY])
    settings = settings_for(imap_account, smtp_sink, sqlite_url)
    connection = ImapConnection(settings.imap)
    connection.connect()
    connection.capabilities = connection.capabilities - {"MOVE"}
    connection.ensure_folder("Mailbot/Processed")
    connection.select()
    connection.move([1, 2], "Mailbot/Processed")
    connection.close()
    folders = Folders(imap_account)
    assert folders.count("Mailbot/Processed") == 2
    inbox = folders.flags("INBOX")
    assert list(inbox) == [3] and b"\\Deleted" not in inbox[3]


async def test_permanent_mailbox_errors_are_reported(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    from dataclasses import replace

    from mailbot.config import Secret

    settings = settings_for(imap_account, smtp_sink, sqlite_url)
    wrong = replace(settings, imap=replace(settings.imap, password=Secret("wrong")))
    summary = await run_once(make_app(wrong))
    assert summary.errors and "bad username or password" in summary.errors[0]
    missing = replace(settings, imap=replace(settings.imap, folder="NoSuchFolder"))
    summary = await run_once(make_app(missing))
    assert summary.errors and "does not exist" in summary.errors[0]


@pytest.mark.parametrize("security", ["tls"])
async def test_tls_login_verifies_the_certificate(
    dovecot: DovecotServer,
    imap_account: ImapAccount,
    smtp_sink: SmtpSink,
    sqlite_url: str,
    security: str,
) -> None:
    append(imap_account, [request_mail(1)])
    imap = {"port": dovecot.tls_port, "security": security, "host": "127.0.0.1"}
    untrusted = settings_for(imap_account, smtp_sink, sqlite_url, imap=imap)
    summary = await run_once(make_app(untrusted))
    assert summary.errors and "certificate" in summary.errors[0]
    trusted = settings_for(
        imap_account,
        smtp_sink,
        sqlite_url,
        imap={**imap, "ca_file": str(dovecot.cert_path)},
    )
    summary = await run_once(make_app(trusted))
    assert (summary.errors, summary.tickets) == ([], 1)
