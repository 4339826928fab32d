"""Deliver the outbox: claim due mails, send them over reused connections, record the result.

Each mail's result is committed right after the server's reply, so a crash loses nothing and
re-sends at most the one mail whose "250 OK" arrived in the instant before the crash (with the
same Message-ID, which receivers use to drop duplicates). Claims expire, so a mail claimed by
a daemon that died is picked up again.

When the database fails instead, the process lives on and knows what the server accepted: it
keeps those results in memory, sends nothing more, and records them before anything else once
the database answers again, so a database outage never makes a mail go out twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, bindparam, func, insert, or_, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from mailbot.config import OutboxSettings
from mailbot.errors import DeliveryError, PermanentDeliveryError
from mailbot.faults import Failpoints
from mailbot.logs import log_event
from mailbot.mail.smtp import SmtpMailer
from mailbot.tickets import store
from mailbot.tickets.models import OutboxMail, Ticket, TicketEvent

log = logging.getLogger("mailbot.deliver")
Clock = Callable[[], datetime]


@dataclass(frozen=True, slots=True)
class ClaimedMail:
    id: int
    sender: str
    recipient: str
    payload: bytes
    attempts: int
    ticket_id: int | None
    message_id: str


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0


def retry_delay(attempts: int, settings: OutboxSettings) -> timedelta:
    """Exponential backoff after the n-th failed attempt, capped."""
    seconds = settings.retry_initial_seconds * (2 ** max(attempts - 1, 0))
    return timedelta(seconds=min(seconds, settings.retry_max_seconds))


def claim_due(
    session: Session, now: datetime, owner: str, settings: OutboxSettings
) -> list[ClaimedMail]:
    """Claim pending mails that are due and not claimed by a live daemon."""
    query = (
        select(OutboxMail)
        .where(
            OutboxMail.state == "pending",
            OutboxMail.next_attempt_at <= now,
            or_(OutboxMail.claimed_until.is_(None), OutboxMail.claimed_until < now),
        )
        .order_by(OutboxMail.id)
        .limit(settings.batch_size)
        .with_for_update(skip_locked=True)
    )
    rows = list(session.scalars(query))
    until = now + timedelta(seconds=settings.claim_seconds)
    for row in rows:
        row.claimed_until = until
        row.claimed_by = owner
    return [
        ClaimedMail(r.id, r.sender, r.recipient, r.payload, r.attempts, r.ticket_id, r.message_id)
        for r in rows
    ]


def release_claims(session: Session, owner: str | None = None) -> int:
    """Give back claims (all of them, or one owner's) so they are sent without waiting."""
    query = update(OutboxMail).where(OutboxMail.state == "pending")
    if owner is not None:
        query = query.where(OutboxMail.claimed_by == owner)
    result = session.execute(query.values(claimed_until=None, claimed_by=None))
    return int(getattr(result, "rowcount", 0) or 0)


def next_due_at(session: Session) -> datetime | None:
    """When the earliest pending mail becomes due."""
    return session.scalar(
        select(func.min(OutboxMail.next_attempt_at)).where(OutboxMail.state == "pending")
    )


def pending_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).where(OutboxMail.state == "pending")) or 0)


_MARK_SENT = (
    update(OutboxMail)
    .where(OutboxMail.id == bindparam("mail_id"), OutboxMail.state == "pending")
    .values(
        state="sent",
        sent_at=bindparam("now"),
        attempts=bindparam("attempts"),
        last_error="",
        claimed_until=None,
    )
)
_INSERT_EVENT = insert(TicketEvent)


def record_sent(connection: Connection, mail: ClaimedMail, now: datetime, response: str) -> None:
    """Mark one mail sent and note it on its ticket: two prebuilt statements, no ORM.

    Safe to repeat (a commit whose answer was lost): a mail already marked gets no second note.
    """
    marked = connection.execute(
        _MARK_SENT, {"mail_id": mail.id, "now": now, "attempts": mail.attempts + 1}
    )
    if marked.rowcount and mail.ticket_id is not None:
        connection.execute(
            _INSERT_EVENT,
            {
                "ticket_id": mail.ticket_id,
                "at": now,
                "actor": "mailbot",
                "event": "mail_sent",
                "from_state": None,
                "to_state": None,
                "detail": {
                    "outbox_id": mail.id,
                    "message_id": mail.message_id,
                    "recipient": mail.recipient,
                    "response": response[:500],
                },
            },
        )


def record_failure(
    session: Session,
    mail: ClaimedMail,
    now: datetime,
    error: DeliveryError,
    settings: OutboxSettings,
) -> str:
    """Schedule a retry, or give up (5xx, or too many attempts) and note it on the ticket."""
    row = session.get(OutboxMail, mail.id)
    assert row is not None
    row.attempts = mail.attempts + 1
    row.last_error = str(error)[:2000]
    row.claimed_until = None
    permanent = isinstance(error, PermanentDeliveryError)
    if not permanent and row.attempts < settings.max_attempts:
        row.next_attempt_at = now + retry_delay(row.attempts, settings)
        return "retrying"
    row.state = "failed"
    if row.ticket_id is not None:
        ticket = session.get(Ticket, row.ticket_id)
        assert ticket is not None
        store.add_event(
            session,
            ticket,
            at=now,
            actor="mailbot",
            event="delivery_failed",
            outbox_id=row.id,
            recipient=row.recipient,
            error=row.last_error,
            code=error.code,
            permanent=permanent,
            attempts=row.attempts,
        )
    return "failed"


class OutboxDelivery:
    """Sends what the outbox holds over ``connections`` reused SMTP sessions."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        mailers: Sequence[SmtpMailer],
        settings: OutboxSettings,
        clock: Clock,
        owner: str,
        failpoints: Failpoints,
    ) -> None:
        self.sessions = sessions
        self.mailers = list(mailers)
        self.settings = settings
        self.clock = clock
        self.owner = owner
        self.failpoints = failpoints
        self.stopping = False
        # Accepted by the server, not yet recorded (the database failed): (mail, when, reply).
        self._unrecorded: list[tuple[ClaimedMail, datetime, str]] = []
        self._database_error: DBAPIError | None = None  # set by a worker: stop sending
        self._stale_claims = False  # our claims on mail we never got to send

    async def deliver_due(self) -> DeliveryReport:
        """Claim and send everything due now; returns how it went.

        Raises ``DBAPIError`` when the database fails; call again later. Results it could not
        record are recorded first then, and our claims left over are given back.
        """
        await asyncio.to_thread(self._recover)
        totals = {"sent": 0, "retrying": 0, "failed": 0}
        while not self.stopping:
            claimed = await asyncio.to_thread(self._claim)
            if not claimed:
                break
            queue: asyncio.Queue[ClaimedMail] = asyncio.Queue()
            for mail in claimed:
                queue.put_nowait(mail)
            results = await asyncio.gather(
                *(self._worker(m, queue) for m in self.mailers), return_exceptions=True
            )
            for outcome in results:
                if isinstance(outcome, BaseException):
                    self._stale_claims = True
                    raise outcome
                for key, value in outcome.items():
                    totals[key] += value
            if self._database_error is not None:
                error, self._database_error = self._database_error, None
                self._stale_claims = True
                raise error
            if len(claimed) < self.settings.batch_size:
                break
        return DeliveryReport(**totals)

    def _recover(self) -> None:
        """After a database failure: record what the server accepted, free our claims."""
        while self._unrecorded:
            mail, accepted_at, response = self._unrecorded[0]
            self._record_sent(mail, response, accepted_at)
            self._unrecorded.pop(0)
            _log_sent(mail)
        if self._stale_claims:
            with self.sessions.begin() as session:
                release_claims(session, self.owner)
            self._stale_claims = False

    def _claim(self) -> list[ClaimedMail]:
        with self.sessions.begin() as session:
            return claim_due(session, self.clock(), self.owner, self.settings)

    async def _worker(
        self, mailer: SmtpMailer, queue: asyncio.Queue[ClaimedMail]
    ) -> dict[str, int]:
        counts = {"sent": 0, "retrying": 0, "failed": 0}
        while not self.stopping and self._database_error is None and not queue.empty():
            mail = queue.get_nowait()
            counts[await self._send_one(mailer, mail)] += 1
        return counts

    async def _send_one(self, mailer: SmtpMailer, mail: ClaimedMail) -> str:
        try:
            response = await mailer.send(mail.sender, mail.recipient, mail.payload)
        except DeliveryError as error:
            try:
                outcome = await asyncio.to_thread(self._record_failure, mail, error)
            except DBAPIError as exc:  # still pending and claimed: tried again later
                self._database_error = exc
                return "retrying"
            log_event(
                log,
                "mail.retry" if outcome == "retrying" else "mail.failed",
                level="warning",
                outbox_id=mail.id,
                recipient=mail.recipient,
                error=str(error),
            )
            return outcome
        accepted_at = self.clock()
        self.failpoints.hit("deliver.accepted")
        try:
            await asyncio.to_thread(self._record_sent, mail, response, accepted_at)
        except DBAPIError as exc:
            self._database_error = exc
            self._unrecorded.append((mail, accepted_at, response))
            _log_unrecorded(mail, str(exc))
            return "sent"
        self.failpoints.hit("deliver.recorded")
        _log_sent(mail)
        return "sent"

    def _record_sent(self, mail: ClaimedMail, response: str, accepted_at: datetime) -> None:
        engine = self.sessions.kw["bind"]
        with engine.begin() as connection:
            record_sent(connection, mail, accepted_at, response)

    def _record_failure(self, mail: ClaimedMail, error: DeliveryError) -> str:
        with self.sessions.begin() as session:
            return record_failure(session, mail, self.clock(), error, self.settings)

    async def close(self) -> None:
        """Hang up; a last try at recording results the database refused before."""
        for mailer in self.mailers:
            await mailer.close()
        with contextlib.suppress(DBAPIError):
            await asyncio.to_thread(self._recover)
        for mail, _at, _response in self._unrecorded:  # sent again after a restart
            _log_unrecorded(
                mail, "not recorded before exit: it goes out again, with the same Message-ID"
            )


def _log_sent(mail: ClaimedMail) -> None:
    log_event(
        log, "mail.sent", outbox_id=mail.id, message_id=mail.message_id, recipient=mail.recipient
    )


def _log_unrecorded(mail: ClaimedMail, error: str) -> None:
    """The server accepted the mail, but the database did not take the record of it."""
    log_event(
        log,
        "mail.unrecorded",
        level="error",
        outbox_id=mail.id,
        message_id=mail.message_id,
        error=error,
    )
