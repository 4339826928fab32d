"""Staff work by email, end to end on Dovecot + aiosmtpd with a controlled clock.

Staff mail here is DKIM-signed with a key made for the test and published through the
daemon's pluggable DNS lookup, exactly as dkimpy checks real mail: a valid signature is
obeyed; a forged From, a signature of the wrong domain, a stale or replayed message is not.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.utils import format_datetime

import dkim
import pytest
from sqlalchemy import select

from mailbot.daemon import App, Daemon
from mailbot.tickets.models import (
    InboundMessageRow,
    SecurityEvent,
    Suppression,
    Ticket,
    TicketEvent,
)
from tests.servers import ImapAccount, ReceivedMessage, SmtpSink
from tests.support import (
    SUPPORT,
    Folders,
    SteppingClock,
    append_at,
    make_app,
    request_mail,
    run_once,
    settings_for,
)
from tests.support import (
    DkimKey as Key,
)

DOMAIN = "example.co.uk"
ANNA = f"anna@{DOMAIN}"
BEN = f"ben@{DOMAIN}"
REQUESTER = "person1@example.org"
TRUSTED_MX = "mx.example.co.uk"
# Thursday 3 September 2026, 10:00 in London.
RECEIVED = datetime(2026, 9, 3, 9, 0, tzinfo=UTC)
ACCESS = "Under Article 15 GDPR I would like a copy of all personal data you hold about me."
OBJECTION = "Under Article 21 GDPR I object to the processing of my personal data."
SIGNED_HEADERS = [b"from", b"to", b"subject", b"date", b"message-id", b"in-reply-to"]


@pytest.fixture(scope="module")
def keys() -> dict[str, Key]:
    return {DOMAIN: Key(), "attacker.example": Key()}


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock(RECEIVED)


def make_staff_app(
    imap_account: ImapAccount,
    smtp_sink: SmtpSink,
    db_url: str,
    clock: SteppingClock,
    keys: dict[str, Key],
    **staff: object,
) -> App:
    settings = settings_for(
        imap_account,
        smtp_sink,
        db_url,
        staff={"addresses": [ANNA, BEN], **staff},
        digest={"enabled": False},  # tests/test_digest.py covers it; here it would interleave
    )
    app = make_app(settings, clock)
    records = {f"s1._domainkey.{domain}.".encode(): key.record for domain, key in keys.items()}
    app.dns_lookup = records.get
    return app


@pytest.fixture
def app(
    imap_account: ImapAccount,
    smtp_sink: SmtpSink,
    db_url: str,
    clock: SteppingClock,
    keys: dict[str, Key],
) -> App:
    return make_staff_app(imap_account, smtp_sink, db_url, clock, keys)


def to(sink: SmtpSink, address: str) -> list[ReceivedMessage]:
    return [m for m in sink.messages if m.rcpt_tos == (address,)]


def answer(sink: SmtpSink) -> ReceivedMessage:
    """The latest answer to a staff message (not a notice or an escalation)."""
    answers = [m for m in to(sink, ANNA) if header(m, "In-Reply-To").endswith(f"@{DOMAIN}>")]
    assert answers, "no answer to a staff message"
    return answers[-1]


def header(mail: ReceivedMessage, name: str) -> str:
    return " ".join(str(message_from_bytes(mail.data, policy=policy.default)[name] or "").split())


def text_of(mail: ReceivedMessage) -> str:
    body = message_from_bytes(mail.data, policy=policy.default).get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def staff_mail(
    body: str,
    *,
    subject: str,
    message_id: str,
    written: datetime,
    in_reply_to: str | None = None,
    sender: str = ANNA,
    sign_with: tuple[str, Key] | None = None,
    top: str = "",
) -> bytes:
    """A mail from staff, DKIM-signed by ``sign_with`` (domain, key) when given."""
    lines = [
        f"From: Anna Staff <{sender}>",
        f"To: {SUPPORT}",
        f"Subject: {subject}",
        f"Date: {format_datetime(written)}",
        f"Message-ID: {message_id}",
    ]
    if in_reply_to:
        lines += [f"In-Reply-To: {in_reply_to}", f"References: {in_reply_to}"]
    lines += ["MIME-Version: 1.0", 'Content-Type: text/plain; charset="utf-8"']
    raw = ("\r\n".join(lines) + "\r\n\r\n" + body.replace("\n", "\r\n") + "\r\n").encode()
    if sign_with is not None:
        domain, key = sign_with
        raw = (
            dkim.sign(
                raw,
                selector=b"s1",
                domain=domain.encode(),
                privkey=key.private,
                include_headers=SIGNED_HEADERS,
            )
            + raw
        )
    return top.encode() + raw


class Desk:
    """A ticket opened by a request, and a staff member answering its notices."""

    def __init__(
        self,
        app: App,
        imap_account: ImapAccount,
        smtp_sink: SmtpSink,
        clock: SteppingClock,
        keys: dict[str, Key],
    ) -> None:
        self.app, self.account, self.sink, self.clock, self.keys = (
            app,
            imap_account,
            smtp_sink,
            clock,
            keys,
        )
        self.sent = 0

    async def request(self, body: str = OBJECTION, subject: str = "My data") -> Ticket:
        append_at(self.account, request_mail(1, subject=subject, body=body), self.clock.now)
        await run_once(self.app)
        return self.ticket()

    def ticket(self, reference: str | None = None) -> Ticket:
        with self.app.sessions() as session:
            query = select(Ticket).order_by(Ticket.id)
            if reference:
                query = query.where(Ticket.reference == reference)
            return session.scalars(query).first()  # type: ignore[return-value]

    def events(self, name: str | None = None) -> list[TicketEvent]:
        with self.app.sessions() as session:
            found = session.scalars(select(TicketEvent).order_by(TicketEvent.id)).all()
        return [e for e in found if name is None or e.event == name]

    async def reply(
        self,
        body: str,
        *,
        sender: str = ANNA,
        signed: bool = True,
        sign_domain: str = DOMAIN,
        written: datetime | None = None,
        top: str = "",
        to_notice: ReceivedMessage | None = None,
    ) -> bytes:
        """Staff press Reply on the latest notice they got, and the daemon runs once."""
        notice = to_notice or to(self.sink, ANNA)[-1]
        self.sent += 1
        raw = staff_mail(
            body,
            subject="Re: " + header(notice, "Subject"),
            message_id=f"<staff-{self.sent}@{DOMAIN}>",
            written=written or self.clock.now,
            in_reply_to=header(notice, "Message-ID"),
            sender=sender,
            sign_with=(sign_domain, self.keys[sign_domain]) if signed else None,
            top=top,
        )
        await self.deliver(raw)
        return raw

    async def write(self, body: str, *, subject: str, message_id: str) -> None:
        """Staff write a new, signed mail to the support address (not a reply)."""
        raw = staff_mail(
            body,
            subject=subject,
            message_id=message_id,
            written=self.clock.now,
            sign_with=(DOMAIN, self.keys[DOMAIN]),
        )
        await self.deliver(raw)

    async def deliver(self, raw: bytes) -> None:
        append_at(self.account, raw, self.clock.now)
        await run_once(self.app)


@pytest.fixture
def desk(
    app: App,
    imap_account: ImapAccount,
    smtp_sink: SmtpSink,
    clock: SteppingClock,
    keys: dict[str, Key],
) -> Desk:
    return Desk(app, imap_account, smtp_sink, clock, keys)


async def test_staff_are_told_of_a_new_ticket_with_reply_to_and_reference(
    desk: Desk, smtp_sink: SmtpSink
) -> None:
    ticket = await desk.request()
    for address in (ANNA, BEN):
        (notice,) = to(smtp_sink, address)
        assert f"[{ticket.reference}]" in header(notice, "Subject")
        assert "New request" in header(notice, "Subject")
        assert header(notice, "Reply-To") == SUPPORT
        assert header(notice, "Auto-Submitted") == "auto-generated"


async def test_signed_reply_is_relayed_without_commands_quotes_or_signature(
    desk: Desk, smtp_sink: SmtpSink
) -> None:
    ticket = await desk.request()
    (acknowledgement,) = to(smtp_sink, REQUESTER)
    notice = to(smtp_sink, ANNA)[-1]
    quoted = "\n".join("> " + line for line in text_of(notice).splitlines())
    await desk.reply(
        "#note spoke to marketing\n\nDear Person,\n\nWe have stopped all processing for "
        "marketing.\nYou can unsubscribe at any time, too.\n\n-- \nAnna Staff\nData Protection"
        f"\n\nOn Thu, 3 Sep 2026 at 10:00, mailbot <{SUPPORT}> wrote:\n{quoted}\n"
    )

    relayed = to(smtp_sink, REQUESTER)[-1]
    assert relayed is not acknowledgement
    text = text_of(relayed)
    assert "We have stopped all processing for marketing." in text
    assert "You can unsubscribe at any time, too." in text  # staff words are kept whole
    for left_out in ("#note", "spoke to marketing", "Anna Staff", "> ", "wrote:"):
        assert left_out not in text
    assert f"[{ticket.reference}]" in header(relayed, "Subject")
    assert header(relayed, "From").endswith(f"<{SUPPORT}>")
    assert header(relayed, "In-Reply-To") == "<request-1@example.org>"
    assert header(relayed, "Auto-Submitted") == ""  # a person wrote it

    note = desk.events("note")[-1]
    assert (note.actor, note.detail["text"]) == (ANNA, "spoke to marketing")
    assert desk.events("relayed")[-1].actor == ANNA
    done = answer(smtp_sink)
    assert "Done" in header(done, "Subject")
    assert "#note: note added (internal)" in text_of(done)
    assert header(done, "In-Reply-To") == "<staff-1@example.co.uk>"
    assert to(smtp_sink, BEN)[-1] is not done  # the confirmation goes to the sender only
    with desk.app.sessions() as session:
        row = session.scalars(
            select(InboundMessageRow).where(InboundMessageRow.from_address == ANNA)
        ).one()
    assert (row.disposition, row.rule, row.ticket_id) == ("staff", "staff", ticket.id)


async def test_every_command_works_and_is_confirmed(
    desk: Desk, smtp_sink: SmtpSink, clock: SteppingClock
) -> None:
    ticket = await desk.request(body=ACCESS)
    assert ticket.state == "awaiting_verification"

    def last_result() -> str:
        return text_of(answer(smtp_sink))

    def requester_templates() -> list[str]:
        with desk.app.sessions() as session:
            return [
                e.detail["template"]
                for e in session.scalars(
                    select(TicketEvent)
                    .where(TicketEvent.event == "mail_queued")
                    .order_by(TicketEvent.id)
                )
                if e.detail.get("recipient") == REQUESTER
            ]

    clock.advance(hours=2)
    await desk.reply("#verify")
    current = desk.ticket()
    assert (current.state, current.verified_at) == ("in_progress", clock.now)
    assert "#verify: identity marked as verified" in last_result()
    assert requester_templates()[-1] == "acknowledgement"

    clock.advance(days=1)
    await desk.reply("#extend records in three separate systems")
    current = desk.ticket()
    assert current.extended_due_on is not None and current.due_on == current.extended_due_on
    assert "#extend: extended to" in last_result()
    assert requester_templates()[-1] == "extension_notice"

    clock.advance(days=1)
    await desk.reply("#hold Which of our shops did you buy from?")
    current = desk.ticket()
    assert (current.state, current.due_on) == ("on_hold", None)
    assert requester_templates()[-1] == "clarification_request"
    assert "Which of our shops" in text_of(to(smtp_sink, REQUESTER)[-1])

    clock.advance(days=1)
    await desk.reply("#resume")
    current = desk.ticket()
    assert current.state == "in_progress" and current.due_on is not None
    assert "#resume: resumed; due" in last_result()

    await desk.reply(f"#assign {BEN}")
    assert desk.ticket().assignee == BEN
    assert "Assigned to you" in header(to(smtp_sink, BEN)[-1], "Subject")
    assert f"#assign: assigned to {BEN}" in last_result()

    await desk.reply("#reclassify access, erasure")
    assert desk.ticket().rights == ["access", "erasure"]
    assert "#reclassify: rights now access, erasure" in last_result()

    await desk.reply("#close We sent your data by recorded post and erased your account.")
    assert desk.ticket().state == "completed"
    assert requester_templates()[-1] == "completion"
    assert "recorded post" in text_of(to(smtp_sink, REQUESTER)[-1])

    await desk.reply("#resume")
    assert desk.ticket().state == "in_progress"
    assert "#resume: reopened" in last_result()

    await desk.reply("#reject The request is manifestly unfounded.")
    assert desk.ticket().state == "rejected"
    assert requester_templates()[-1] == "rejection"
    assert [e.actor for e in desk.events("state_changed")][-1] == ANNA


async def test_an_unknown_command_is_an_error_and_nothing_is_relayed(
    desk: Desk, smtp_sink: SmtpSink
) -> None:
    await desk.request()
    to_requester = len(to(smtp_sink, REQUESTER))
    await desk.reply("#clsoe done\n#extend\n\nDear Person, all done.")

    result = answer(smtp_sink)
    assert "Not done" in header(result, "Subject")
    text = " ".join(text_of(result).split())
    assert "line 1: unknown command #clsoe" in text
    assert "line 2: #extend needs a reason" in text
    assert "Nothing was changed and nothing was sent to the requester" in text
    assert len(to(smtp_sink, REQUESTER)) == to_requester
    assert desk.ticket().state == "in_progress"
    assert desk.events("staff_commands_refused")


async def test_a_ticket_is_assigned_only_to_staff(desk: Desk, smtp_sink: SmtpSink) -> None:
    await desk.request()
    await desk.reply("#assign anna@exmaple.co.uk")  # a typo must not send data outside
    assert desk.ticket().assignee is None
    assert "not a staff address" in " ".join(text_of(answer(smtp_sink)).split())
    assert to(smtp_sink, "anna@exmaple.co.uk") == []


async def test_a_refused_command_undoes_the_others_and_withholds_the_text(
    desk: Desk, smtp_sink: SmtpSink, clock: SteppingClock
) -> None:
    await desk.request()
    to_requester = len(to(smtp_sink, REQUESTER))
    clock.advance(days=40)  # past the first month: no extension any more
    await desk.reply("#note trying to extend\n#extend lots of data\n\nWe need more time.")

    result = answer(smtp_sink)
    assert "#extend refused" in header(result, "Subject")
    assert "first month has passed" in " ".join(text_of(result).split())
    assert not desk.events("note")  # rolled back with the failed #extend
    assert not desk.events("relayed")
    assert len(to(smtp_sink, REQUESTER)) == to_requester
    assert desk.ticket().extended_due_on is None


async def test_open_logs_a_request_received_by_phone(
    desk: Desk, smtp_sink: SmtpSink, clock: SteppingClock
) -> None:
    await desk.write(
        f"#open access erasure for Caller@Example.org\n#assign {BEN}\n\n"
        "Caller phoned on 3 September; wants everything deleted.\n\n-- \nAnna",
        subject="Phone request",
        message_id="<open-1@example.co.uk>",
    )

    ticket = desk.ticket()
    assert (ticket.source, ticket.rights, ticket.requester, ticket.assignee) == (
        "staff",
        ["access", "erasure"],
        "caller@example.org",
        BEN,
    )
    assert ticket.state == "awaiting_verification"
    assert ticket.received_at == clock.now
    (verification,) = to(smtp_sink, "caller@example.org")
    assert f"[{ticket.reference}]" in header(verification, "Subject")
    with desk.app.sessions() as session:
        suppressed = session.scalars(select(Suppression.value)).all()
        row = session.scalars(select(InboundMessageRow)).one()
    assert suppressed == ["caller@example.org"]
    assert row.ticket_id == ticket.id and row.disposition == "staff"
    done = text_of(answer(smtp_sink))
    assert f"#open: opened {ticket.reference} for caller@example.org" in done
    assert "verification code sent to the requester" in " ".join(done.split())
    assert "kept as an internal note" in " ".join(done.split())
    assert "phoned on 3 September" in desk.events("note")[-1].detail["text"]


async def test_open_says_so_when_the_verification_mail_is_refused(
    desk: Desk, smtp_sink: SmtpSink
) -> None:
    """Staff must not believe a code went out when the address takes no mail."""
    await desk.write(
        "#open access for noreply@example.org",
        subject="Letter received",
        message_id="<open-refused@example.co.uk>",
    )

    ticket = desk.ticket()
    assert ticket.state == "awaiting_verification"
    assert not to(smtp_sink, "noreply@example.org")
    done = " ".join(text_of(answer(smtp_sink)).split())
    assert f"#open: opened {ticket.reference} for noreply@example.org" in done
    assert "NO verification code was sent to noreply@example.org" in done
    assert "a no-reply or system address" in done and "#verify" in done
    assert "verification code sent to the requester" not in done
    assert [e.detail["template"] for e in desk.events("mail_not_sent")] == ["verification_request"]


async def test_commands_outside_a_thread_other_than_open_are_refused(
    desk: Desk, smtp_sink: SmtpSink
) -> None:
    await desk.write(
        "#close done",
        subject="Closing",
        message_id="<loose-1@example.co.uk>",
    )
    assert desk.ticket() is None
    result = text_of(answer(smtp_sink))
    assert "not in a ticket's thread" in " ".join(result.split())


async def test_forged_staff_mail_changes_nothing_and_staff_are_told(
    desk: Desk, smtp_sink: SmtpSink, imap_account: ImapAccount
) -> None:
    ticket = await desk.request()
    to_requester = len(to(smtp_sink, REQUESTER))
    await desk.reply("#close done\n\nAll done!", signed=False)

    assert desk.ticket().state == "in_progress"
    assert len(to(smtp_sink, REQUESTER)) == to_requester
    with desk.app.sessions() as session:
        (security,) = session.scalars(select(SecurityEvent)).all()
        row = session.scalars(
            select(InboundMessageRow).where(InboundMessageRow.from_address == ANNA)
        ).one()
    assert (security.kind, security.address, security.ticket_id) == (
        "staff_unauthenticated",
        ANNA,
        ticket.id,
    )
    assert "no DKIM signature" in security.detail["reason"]
    assert (row.disposition, row.rule, row.settle_action) == (
        "quarantined",
        "staff_unauthenticated",
        "quarantine",
    )
    assert Folders(imap_account).count("Mailbot/Quarantine") == 1
    for address in (ANNA, BEN):
        assert "Refused: unproven staff mail" in header(to(smtp_sink, address)[-1], "Subject")
    assert desk.events("staff_claim_refused")

    # A flood of forgeries is recorded, but staff are told once an hour.
    told = len(smtp_sink.messages)
    await desk.reply("#reject spam", signed=False)
    with desk.app.sessions() as session:
        assert len(session.scalars(select(SecurityEvent)).all()) == 2
    assert len(smtp_sink.messages) == told
    assert desk.ticket().state == "in_progress"


async def test_a_signature_of_another_domain_proves_nothing(desk: Desk) -> None:
    await desk.request()
    await desk.reply("#close done", sign_domain="attacker.example")
    assert desk.ticket().state == "in_progress"
    with desk.app.sessions() as session:
        (security,) = session.scalars(select(SecurityEvent)).all()
    assert "DKIM signature by attacker.example, not example.co.uk" in security.detail["reason"]


async def test_a_tampered_signed_message_proves_nothing(desk: Desk, smtp_sink: SmtpSink) -> None:
    await desk.request()
    notice = to(smtp_sink, ANNA)[-1]
    raw = staff_mail(
        "#note harmless",
        subject="Re: " + header(notice, "Subject"),
        message_id="<tamper-1@example.co.uk>",
        written=desk.clock.now,
        in_reply_to=header(notice, "Message-ID"),
        sign_with=(DOMAIN, desk.keys[DOMAIN]),
    )
    await desk.deliver(raw.replace(b"#note harmless", b"#close done!!!"))
    assert desk.ticket().state == "in_progress"
    assert not desk.events("note")


async def test_a_replayed_message_is_not_obeyed_twice(
    desk: Desk, smtp_sink: SmtpSink, clock: SteppingClock
) -> None:
    await desk.request()
    raw = await desk.reply("Dear Person, we are on it.")
    relayed = len(to(smtp_sink, REQUESTER))
    clock.advance(hours=1)
    await desk.deliver(raw)  # the same signed message again
    assert len(to(smtp_sink, REQUESTER)) == relayed
    assert len(desk.events("relayed")) == 1


async def test_an_old_signed_message_is_refused(
    desk: Desk, smtp_sink: SmtpSink, clock: SteppingClock
) -> None:
    await desk.request()
    to_requester = len(to(smtp_sink, REQUESTER))
    await desk.reply("#close done\n\nDone.", written=clock.now - timedelta(days=10))
    assert desk.ticket().state == "in_progress"
    assert len(to(smtp_sink, REQUESTER)) == to_requester
    assert "older than 7 days" in " ".join(text_of(answer(smtp_sink)).split())


async def test_a_trusted_authentication_results_header_is_proof(
    imap_account: ImapAccount,
    smtp_sink: SmtpSink,
    sqlite_url: str,
    clock: SteppingClock,
    keys: dict[str, Key],
) -> None:
    app = make_staff_app(
        imap_account, smtp_sink, sqlite_url, clock, keys, trusted_authserv_ids=[TRUSTED_MX]
    )
    desk = Desk(app, imap_account, smtp_sink, clock, keys)
    await desk.request()
    passed = f"Authentication-Results: {TRUSTED_MX}; dkim=pass header.d={DOMAIN}\r\n"
    await desk.reply("#note checked", signed=False, top=passed)
    assert desk.events("note")[-1].detail["text"] == "checked"

    forged = f"Authentication-Results: mx.attacker.example; dkim=pass header.d={DOMAIN}\r\n"
    await desk.reply("#note forged", signed=False, top=forged)
    assert desk.events("note")[-1].detail["text"] == "checked"


async def test_a_staff_member_asking_about_their_own_data_is_a_requester(desk: Desk) -> None:
    await desk.write(
        ACCESS,
        subject="My own data",
        message_id="<own-1@example.co.uk>",
    )
    ticket = desk.ticket()
    assert (ticket.requester, ticket.state) == (ANNA, "awaiting_verification")


async def test_dkim_is_checked_once_and_outside_the_database_transaction(
    imap_account: ImapAccount,
    smtp_sink: SmtpSink,
    sqlite_url: str,
    clock: SteppingClock,
    keys: dict[str, Key],
) -> None:
    """DNS may take seconds: the batch's write transaction must not wait on it."""
    app = make_staff_app(imap_account, smtp_sink, sqlite_url, clock, keys)
    desk = Desk(app, imap_account, smtp_sink, clock, keys)
    await desk.request()
    records = {f"s1._domainkey.{DOMAIN}.".encode(): keys[DOMAIN].record}
    database = sqlite_url.removeprefix("sqlite:///")
    writable: list[bool] = []

    def lookup(name: bytes) -> bytes | None:
        probe = sqlite3.connect(database, timeout=0)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.rollback()
            writable.append(True)
        except sqlite3.OperationalError:
            writable.append(False)
        finally:
            probe.close()
        return records.get(name)

    app.dns_lookup = lookup
    await desk.reply("#note checked outside")
    assert writable == [True]
    assert desk.events("note")[-1].detail["text"] == "checked outside"


def test_the_claimed_staff_sender_is_read_from_the_header_alone(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    settings = settings_for(
        imap_account,
        smtp_sink,
        sqlite_url,
        staff={"addresses": [ANNA], "domains": ["staff.example"]},
    )
    desk = Daemon(make_app(settings)).poller.ingestor.staff_desk
    assert desk.claimed_staff_sender(b"From: Anna <ANNA@example.co.uk>\r\n\r\nx") == ANNA
    folded = b"Subject: x\r\nFrom: =?utf-8?q?J=C3=B6?=\r\n <jo@Staff.Example>\r\n\r\nFrom: a@b.c"
    assert desk.claimed_staff_sender(folded) == "jo@staff.example"
    assert (
        desk.claimed_staff_sender(b"From: eve@example.org\r\n\r\nFrom: anna@example.co.uk") is None
    )
    assert desk.claimed_staff_sender(b"From: anna@example.co.uk, eve@example.org\r\n\r\n") is None
    assert desk.claimed_staff_sender(b"no headers at all") is None
