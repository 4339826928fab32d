"""Deliver the outbox: claim due mails, send them over reused connections, record the result.

Each mail's result is committed right after the server's reply, so a crash loses nothing and
re-sends at most the one mail whose "250 OK" arrived in the instant before the crash (with the
same Message-ID, which receivers use to drop duplicates). Claims expire, so a mail claimed by
a daemon that died is picked up again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, bindparam, func, insert, or_, select, update
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
    .where(OutboxMail.id == bindparam("mail_id"))
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
    """Mark one mail sent and note it on its ticket: two prebuilt statements, no ORM."""
    connection.execute(_MARK_SENT, {"mail_id": mail.id, "now": now, "attempts": mail.attempts + 1})
    if mail.ticket_id is not None:
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

    async def deliver_due(self) -> DeliveryReport:
        """Claim and send everything due now; returns how it went."""
        totals = {"sent": 0, "retrying": 0, "failed": 0}
        while not self.stopping:
            claimed = await asyncio.to_thread(self._claim)
            if not claimed:
                break
            queue: asyncio.Queue[ClaimedMail] = asyncio.Queue()
            for mail in claimed:
                queue.put_nowait(mail)
            results = await asyncio.gather(*(self._worker(m, queue) for m in self.mailers))
            for outcome in results:
                for key, value in outcome.items():
                    totals[key] += value
            if len(claimed) < self.settings.batch_size:
                break
        return DeliveryReport(**totals)

    def _claim(self) -> list[ClaimedMail]:
        with self.sessions.begin() as session:
            return claim_due(session, self.clock(), self.owner, self.settings)

    async def _worker(
        self, mailer: SmtpMailer, queue: asyncio.Queue[ClaimedMail]
    ) -> dict[str, int]:
        counts = {"sent": 0, "retrying": 0, "failed": 0}
        while not self.stopping and not queue.empty():
            mail = queue.get_nowait()
            counts[await self._send_one(mailer, mail)] += 1
        return counts

    async def _send_one(self, mailer: SmtpMailer, mail: ClaimedMail) -> str:
        try:
            response = await mailer.send(mail.sender, mail.recipient, mail.payload)
        except DeliveryError as error:
            outcome = await asyncio.to_thread(self._record_failure, mail, error)
            log_event(
                log,
                "mail.retry" if outcome == "retrying" else "mail.failed",
                level="warning",
                outbox_id=mail.id,
                recipient=mail.recipient,
                error=str(error),
            )
            return outcome
        self.failpoints.hit("deliver.accepted")
        await asyncio.to_thread(self._record_sent, mail, response)
        self.failpoints.hit("deliver.recorded")
        log_event(
            log,
            "mail.sent",
            outbox_id=mail.id,
            message_id=mail.message_id,
            recipient=mail.recipient,
        )
        return "sent"

    def _record_sent(self, mail: ClaimedMail, response: str) -> None:
        engine = self.sessions.kw["bind"]
        with engine.begin() as connection:
            record_sent(connection, mail, self.clock(), response)

    def _record_failure(self, mail: ClaimedMail, error: DeliveryError) -> str:
        with self.sessions.begin() as session:
            return record_failure(session, mail, self.clock(), error, self.settings)

    async def close(self) -> None:
        for mailer in self.mailers:
            await mailer.close()
