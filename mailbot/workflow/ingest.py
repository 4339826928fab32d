"""Record fetched messages and act on them, a batch per database transaction.

parse → classify → look up what is known (same location, same Message-ID, thread, bounce of
ours) → decide → apply: the inbound rows, the tickets, their audit events, their outgoing
mail and the mailbox checkpoint are committed together. Only after that does the IMAP side
move the messages.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.exc import DataError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from mailbot.classify.labels import Classification
from mailbot.config import Settings
from mailbot.errors import described
from mailbot.logs import log_event
from mailbot.mail.message import InboundMessage, MessageRef
from mailbot.staff.auth import AuthResult
from mailbot.tickets import store
from mailbot.tickets.models import InboundMessageRow, OutboxMail, Ticket
from mailbot.workflow.decide import (
    Attach,
    Decision,
    Duplicate,
    Ignore,
    Known,
    OpenTicket,
    Policy,
    RecordBounce,
    SettleAction,
    StaffMail,
    decide,
    reference_tokens,
)
from mailbot.workflow.lifecycle import Lifecycle, find_bounced_mail
from mailbot.workflow.outgoing import note_answering
from mailbot.workflow.reader import Classifier, Reading, read
from mailbot.workflow.staff import StaffDesk

log = logging.getLogger("mailbot.ingest")
ACTOR = "mailbot"


@dataclass(frozen=True, slots=True)
class FetchedMessage:
    """Raw bytes from the mailbox with where they came from and when they arrived."""

    ref: MessageRef
    raw: bytes
    received_at: datetime
    truncated_from: int | None = None
    # (claimed staff sender, proof), checked before the transaction: DNS may be slow
    staff_proof: tuple[str, AuthResult] | None = None
    reading: Reading | None = None  # parsed and classified ahead, by the reader process


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What happened to one message, for the IMAP settle step and the log."""

    ref: MessageRef
    row_id: int
    disposition: str
    rule: str
    settle: SettleAction
    reference: str | None = None


class _MessageFailed(Exception):
    """A message raised in the fast pass: run the batch again, isolating each message."""


class _Unreadable(Exception):
    """Parsing or classifying the message raised; its text is the quarantine reason."""


class Ingestor:
    """Turns fetched messages into recorded rows, tickets and outbox mail."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        settings: Settings,
        lifecycle: Lifecycle,
        classify: Classifier,
        staff_desk: StaffDesk,
    ) -> None:
        self.sessions = sessions
        self.settings = settings
        self.lifecycle = lifecycle
        self.classify = classify
        self.staff_desk = staff_desk
        self.zone = ZoneInfo(settings.company.timezone)
        self.support_domain = settings.company.support_address.rpartition("@")[2]
        self.policy = Policy(own_addresses=settings.own_addresses, is_staff=settings.staff.is_staff)

    def ingest_batch(
        self,
        batch: Sequence[FetchedMessage],
        clock: Callable[[], datetime],
        on_message: Callable[[], None] = lambda: None,
        guard: Callable[[Session], None] | None = None,
    ) -> list[IngestResult]:
        """Record a batch in ONE transaction; a message that fails is quarantined alone.

        The first pass runs without savepoints (they cost a tenth of the time). If any message
        raises, that pass is rolled back and the batch runs again with each message in its own
        savepoint, so the failing one is quarantined with its reason and the others go
        through. Database outages are not a message's fault: they propagate, the batch rolls
        back, and it is fetched again once the database is back. A value the database refuses
        (``DataError``: too long, a NUL) is the message's fault: it is quarantined. ``guard``
        runs last in the transaction (the mailbox lease's fence) and may refuse the commit.
        """
        if not batch:
            return []
        batch = [self._prove_staff(fetched) for fetched in batch]
        try:
            results = self._record_batch(batch, clock, on_message, guard, isolated=False)
        except _MessageFailed:
            results = self._record_batch(batch, clock, on_message, guard, isolated=True)
        for result in results:
            log_event(
                log,
                "message.recorded",
                uid=result.ref.uid,
                disposition=result.disposition,
                rule=result.rule,
                ref=result.reference,
            )
        return results

    def _prove_staff(self, fetched: FetchedMessage) -> FetchedMessage:
        """Check staff authority (DKIM, DNS) now, outside the batch's database transaction.

        Only for mail whose From header names a staff address or domain; everything else
        passes untouched at the cost of one header scan.
        """
        sender = self.staff_desk.claimed_staff_sender(fetched.raw)
        if sender is None:
            return fetched
        return replace(fetched, staff_proof=(sender, self.staff_desk.prove(fetched.raw, sender)))

    def _record_batch(
        self,
        batch: Sequence[FetchedMessage],
        clock: Callable[[], datetime],
        on_message: Callable[[], None],
        guard: Callable[[Session], None] | None,
        *,
        isolated: bool,
    ) -> list[IngestResult]:
        results: list[IngestResult] = []
        with self.sessions.begin() as session:
            for fetched in batch:
                if isolated:
                    results.append(self._ingest_isolated(session, fetched, clock()))
                else:
                    results.append(self._ingest_plain(session, fetched, clock()))
                on_message()
            last = max(batch, key=lambda f: f.ref.uid)
            store.advance_checkpoint(session, last.ref, clock())
            if guard is not None:
                guard(session)
        return results

    def _ingest_plain(
        self, session: Session, fetched: FetchedMessage, now: datetime
    ) -> IngestResult:
        try:
            result = self._ingest(session, fetched, now)
            session.flush()  # later messages of the batch must see this one (no autoflush)
        except DataError as exc:  # a value this message carries that the database refuses
            raise _MessageFailed(fetched.ref.uid) from exc
        except DBAPIError:
            raise
        except Exception as exc:
            raise _MessageFailed(fetched.ref.uid) from exc
        return result

    def _ingest_isolated(
        self, session: Session, fetched: FetchedMessage, now: datetime
    ) -> IngestResult:
        try:
            with session.begin_nested():
                result = self._ingest(session, fetched, now)
                session.flush()
                return result
        except DBAPIError as exc:
            if not isinstance(exc, DataError):
                raise  # the database is down or busy: not this message's fault
            failure: Exception = exc
        except Exception as exc:  # the per-message safety net
            failure = exc
        log_event(log, "message.failed", uid=fetched.ref.uid, error=repr(failure), level="error")
        reason = str(failure) if isinstance(failure, _Unreadable) else described(failure)
        reason = reason.replace("\x00", "")
        with session.begin_nested():
            return self._quarantine(session, fetched, now, reason)

    def _ingest(self, session: Session, fetched: FetchedMessage, now: datetime) -> IngestResult:
        existing = store.find_at_location(session, fetched.ref)
        if existing is not None:
            return _result_of(existing, fetched.ref)
        reading = fetched.reading or read(fetched.raw, self.classify)
        if reading.message is None or reading.classification is None:
            raise _Unreadable(reading.failure)
        message, classification = reading.message, reading.classification
        fingerprint = hashlib.sha256(fetched.raw).hexdigest()
        known = self._known(session, message, fingerprint, classification, fetched.raw)
        decision = decide(message, known, classification, self.policy)
        ticket = self._ticket_for(session, fetched, message, decision, now)
        row = self._record(session, fetched, message, fingerprint, decision, now, ticket)
        if isinstance(decision, StaffMail):
            return self._staff(session, row, ticket, message, fetched, now)
        return self._apply(session, row, ticket, message, decision, now)

    def _staff(
        self,
        session: Session,
        row: InboundMessageRow,
        ticket: Ticket | None,
        message: InboundMessage,
        fetched: FetchedMessage,
        now: datetime,
    ) -> IngestResult:
        """Staff mail: the desk proves the sender and acts; the record says what came of it."""
        raw, proof = fetched.raw, fetched.staff_proof
        if ticket is not None:
            _attached(session, ticket, row, row.rule, now)
        outcome = self.staff_desk.handle(session, row, ticket, message, raw, now, proof)
        row.rule, row.reason, row.settle_action = outcome.rule, outcome.reason, outcome.settle
        if outcome.settle == "quarantine":
            row.disposition = "quarantined"
        if row.ticket_id is None and outcome.ticket_id is not None:
            row.ticket_id = outcome.ticket_id  # #open: the message belongs to the new ticket
        ref = MessageRef(row.mailbox, row.uidvalidity, row.uid)
        return _result_of(row, ref, outcome.reference)

    def _ticket_for(
        self,
        session: Session,
        fetched: FetchedMessage,
        message: InboundMessage,
        decision: Decision,
        now: datetime,
    ) -> Ticket | None:
        """The ticket this message belongs to: an existing one, or a new one it opens."""
        if isinstance(decision, Attach | RecordBounce):
            return self._ticket(session, decision.ticket_id)
        if isinstance(decision, StaffMail) and decision.ticket_id is not None:
            return self._ticket(session, decision.ticket_id)
        if isinstance(decision, OpenTicket):
            return self._open_ticket(session, fetched, message, decision, now)
        return None

    def _known(
        self,
        session: Session,
        message: InboundMessage,
        fingerprint: str,
        classification: Classification,
        raw: bytes,
    ) -> Known:
        original = store.find_original(session, message.message_id, fingerprint)
        duplicate_of = original.id if original else None
        duplicate_settle: SettleAction | None = None
        if original is not None:
            duplicate_settle = "leave" if original.settle_action == "leave" else "processed"
        if classification.kind == "bounce":
            bounced = find_bounced_mail(session, raw, self.support_domain)
            if bounced is not None and bounced.ticket_id is not None:
                return Known(
                    duplicate_of,
                    duplicate_settle,
                    bounced_mail_id=bounced.id,
                    bounced_ticket_id=bounced.ticket_id,
                )
        # A purged ticket (retention) takes no more mail: a late reply is read as new mail.
        for token in reference_tokens(message.subject):
            ticket = store.ticket_by_reference(session, token)
            if ticket is not None and ticket.purged_at is None:
                return Known(
                    duplicate_of,
                    duplicate_settle,
                    ticket.id,
                    ticket.reference,
                    "subject",
                    ticket.requester,
                )
        thread_ids = [*message.references, message.in_reply_to or ""]
        ticket = store.ticket_by_message_ids(session, thread_ids)
        if ticket is not None and ticket.purged_at is None:
            return Known(
                duplicate_of,
                duplicate_settle,
                ticket.id,
                ticket.reference,
                "headers",
                ticket.requester,
            )
        return Known(duplicate_of, duplicate_settle)

    def _record(
        self,
        session: Session,
        fetched: FetchedMessage,
        message: InboundMessage,
        fingerprint: str,
        decision: Decision,
        now: datetime,
        ticket: Ticket | None,
    ) -> InboundMessageRow:
        notes = list(message.notes)
        if fetched.truncated_from is not None:
            notes.append(f"message of {fetched.truncated_from} bytes fetched only in part")
        row = InboundMessageRow(
            mailbox=fetched.ref.mailbox,
            uidvalidity=fetched.ref.uidvalidity,
            uid=fetched.ref.uid,
            message_id=message.message_id,
            fingerprint=fingerprint,
            subject=message.subject,
            from_address=message.from_address,
            from_name=message.from_name,
            to_addresses=list(message.to_addresses),
            in_reply_to=message.in_reply_to,
            references=list(message.references),
            headers=_key_headers(message),
            text_body=message.text,
            content_type=message.content_type,
            size=fetched.truncated_from or message.size,
            attachments=[
                {"filename": a.filename, "content_type": a.content_type, "size": a.size}
                for a in message.attachments
            ],
            notes=notes,
            date_at=message.date_at,
            received_at=fetched.received_at,
            recorded_at=now,
            disposition=_disposition(decision),
            rule=decision.rule,
            reason=decision.reason,
            settle_action=decision.settle,
            settled_at=now if decision.settle == "leave" else None,
            duplicate_of_id=decision.original_id if isinstance(decision, Duplicate) else None,
            ticket_id=ticket.id if ticket is not None else None,
        )
        session.add(row)
        session.flush()
        if ticket is not None:
            self._note(session, ticket, row)
        return row

    def _apply(
        self,
        session: Session,
        row: InboundMessageRow,
        ticket: Ticket | None,
        message: InboundMessage,
        decision: Decision,
        now: datetime,
    ) -> IngestResult:
        ref = MessageRef(row.mailbox, row.uidvalidity, row.uid)
        if ticket is None:
            return _result_of(row, ref)
        if isinstance(decision, Attach):
            _attached(session, ticket, row, decision.rule, now)
            self.lifecycle.reply(session, ticket, message, row.received_at, now)
        elif isinstance(decision, RecordBounce):
            mail = session.get(OutboxMail, decision.mail_id)
            assert mail is not None
            self.lifecycle.bounce(session, ticket, mail, message.text[:2000], now)
        elif isinstance(decision, OpenTicket):
            label = decision.classification
            store.add_event(
                session,
                ticket,
                at=now,
                actor=ACTOR,
                event="opened",
                to_state="new",
                inbound_id=row.id,
                rule=decision.rule,
                reason=decision.reason,
                confidence=label.confidence,
            )
            self.lifecycle.open(session, ticket, message, label, now, may_reply=decision.may_reply)
        return _result_of(row, ref, ticket.reference)

    @staticmethod
    def _note(session: Session, ticket: Ticket, row: InboundMessageRow) -> None:
        if row.from_address:
            references = tuple(row.references)
            note_answering(session, ticket.id, row.from_address, row.message_id, references)

    @staticmethod
    def _ticket(session: Session, ticket_id: int) -> Ticket:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        return ticket

    def _open_ticket(
        self,
        session: Session,
        fetched: FetchedMessage,
        message: InboundMessage,
        decision: OpenTicket,
        now: datetime,
    ) -> Ticket:
        label = decision.classification
        kind = "opt_out" if label.kind == "opt_out" else "rights_request"
        year = fetched.received_at.astimezone(self.zone).year
        ticket = Ticket(
            reference=store.next_reference(session, kind, year),
            kind=kind,
            rights=list(label.rights),
            opt_out=list(label.opt_out),
            requester=message.from_address or "",
            requester_name=message.from_name,
            language=label.language,
            state="new",
            subject=message.subject,
            received_at=fetched.received_at,
            due_on=None,
            evidence=list(label.evidence),
            created_at=now,
            updated_at=now,
        )
        session.add(ticket)
        session.flush()
        return ticket

    def _quarantine(
        self, session: Session, fetched: FetchedMessage, now: datetime, reason: str
    ) -> IngestResult:
        """Record a message that could not be handled; it moves to the quarantine folder."""
        row = InboundMessageRow(
            mailbox=fetched.ref.mailbox,
            uidvalidity=fetched.ref.uidvalidity,
            uid=fetched.ref.uid,
            message_id=None,
            fingerprint=hashlib.sha256(fetched.raw).hexdigest(),
            size=len(fetched.raw),
            received_at=fetched.received_at,
            recorded_at=now,
            disposition="quarantined",
            rule="error",
            reason=reason[:2000],
            settle_action="quarantine",
        )
        session.add(row)
        session.flush()
        return _result_of(row, fetched.ref)


def _attached(
    session: Session, ticket: Ticket, row: InboundMessageRow, rule: str, now: datetime
) -> None:
    """The audit event of a message joining its ticket's thread."""
    store.add_event(
        session,
        ticket,
        at=now,
        actor=row.from_address or "unknown",
        event="message_attached",
        inbound_id=row.id,
        rule=rule,
    )


def _disposition(decision: Decision) -> str:
    if isinstance(decision, StaffMail):
        return "staff"
    if isinstance(decision, Duplicate):
        return "duplicate"
    if isinstance(decision, Ignore):
        return "ignored"
    if isinstance(decision, Attach | RecordBounce):
        return "attached"
    return "ticket"


def _result_of(
    row: InboundMessageRow, ref: MessageRef, reference: str | None = None
) -> IngestResult:
    settle: SettleAction = row.settle_action  # type: ignore[assignment]
    return IngestResult(
        ref=ref,
        row_id=row.id,
        disposition=row.disposition,
        rule=row.rule,
        settle=settle,
        reference=reference,
    )


_KEY_HEADERS = (
    "From",
    "To",
    "Cc",
    "Reply-To",
    "Subject",
    "Date",
    "Message-ID",
    "In-Reply-To",
    "Auto-Submitted",
    "Precedence",
    "List-Id",
    "Return-Path",
    "Content-Type",
    "Authentication-Results",
    "X-Autoreply",
    "X-Auto-Response-Suppress",
)


def _key_headers(message: InboundMessage) -> dict[str, str]:
    """The headers worth keeping with the record (the whole message stays in the mailbox)."""
    kept: dict[str, str] = {}
    for name in _KEY_HEADERS:
        value = message.header(name)
        if value is not None:
            kept[name] = value[:2000]
    return kept
