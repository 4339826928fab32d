"""The database schema (SQLAlchemy 2.x ORM). Alembic migrations in ``mailbot/migrations``.

Every instant is stored as aware UTC (``UtcDateTime``); dates that follow the statutory clock
(``due_on``) are plain local dates.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, Mapper, mapped_column
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite has no time zones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: JSON,
        list[Any]: JSON,
        datetime: UtcDateTime,
    }


class InboundMessageRow(Base):
    """Every message the bot has seen, once per (mailbox, UIDVALIDITY, UID)."""

    __tablename__ = "inbound_messages"
    __table_args__ = (
        UniqueConstraint("mailbox", "uidvalidity", "uid", name="uq_inbound_location"),
        Index("ix_inbound_message_id", "message_id"),
        Index("ix_inbound_fingerprint", "fingerprint"),
        Index("ix_inbound_unsettled", "mailbox", "settled_at"),
        Index("ix_inbound_disposition", "disposition", "rule"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mailbox: Mapped[str] = mapped_column(String(255))
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    uid: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[str | None] = mapped_column(String(998))
    fingerprint: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(Text, default="")
    from_address: Mapped[str | None] = mapped_column(String(320))
    from_name: Mapped[str] = mapped_column(Text, default="")
    to_addresses: Mapped[list[Any]] = mapped_column(default=list)
    in_reply_to: Mapped[str | None] = mapped_column(String(998))
    references: Mapped[list[Any]] = mapped_column(default=list)
    headers: Mapped[dict[str, Any]] = mapped_column(default=dict)
    text_body: Mapped[str] = mapped_column(Text, default="")
    content_type: Mapped[str] = mapped_column(String(255), default="")
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    attachments: Mapped[list[Any]] = mapped_column(default=list)
    notes: Mapped[list[Any]] = mapped_column(default=list)
    date_at: Mapped[datetime | None]
    received_at: Mapped[datetime]
    recorded_at: Mapped[datetime]
    disposition: Mapped[str] = mapped_column(String(32))
    rule: Mapped[str] = mapped_column(String(64), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    settle_action: Mapped[str] = mapped_column(String(32))
    settled_at: Mapped[datetime | None]
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("inbound_messages.id"))


class Ticket(Base):
    """A tracked request: one per rights request or opt-out."""

    __tablename__ = "tickets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    rights: Mapped[list[Any]] = mapped_column(default=list)
    opt_out: Mapped[list[Any]] = mapped_column(default=list)
    requester: Mapped[str] = mapped_column(String(320), index=True)
    requester_name: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(8), default="en")
    state: Mapped[str] = mapped_column(String(32), index=True)
    subject: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[datetime]
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    assignee: Mapped[str | None] = mapped_column(String(320))
    evidence: Mapped[list[Any]] = mapped_column(default=list)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    on_behalf: Mapped[bool] = mapped_column(default=False)
    confidence: Mapped[float] = mapped_column(default=1.0)
    # The statutory clock: starts at receipt, or when identity proof / clarification arrives.
    clock_started_at: Mapped[datetime | None]
    extended_due_on: Mapped[date | None] = mapped_column(Date)
    extension_reason: Mapped[str] = mapped_column(Text, default="")
    on_hold_since: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    # Identity verification by email (the code itself is never stored).
    verification_hash: Mapped[str | None] = mapped_column(Text)
    verification_requested_at: Mapped[datetime | None]
    verification_expires_at: Mapped[datetime | None]
    verification_attempts: Mapped[int] = mapped_column(Integer, default=0)
    verification_reminded_at: Mapped[datetime | None]
    verified_at: Mapped[datetime | None]
    # How the request reached us: "email", or "staff" for one logged by #open (phone, post).
    source: Mapped[str] = mapped_column(String(16), default="email")
    # Set when the retention purge removed the personal data; the anonymised record stays.
    purged_at: Mapped[datetime | None]


class TicketEvent(Base):
    """The append-only audit trail: who did what to which ticket, and when."""

    __tablename__ = "ticket_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(320))
    event: Mapped[str] = mapped_column(String(64))
    from_state: Mapped[str | None] = mapped_column(String(32))
    to_state: Mapped[str | None] = mapped_column(String(32))
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class OutboxMail(Base):
    """An outgoing mail, written in the same transaction as the change that caused it."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_due", "state", "next_attempt_at"),
        Index("ix_outbox_recipient_created", "recipient", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    template: Mapped[str] = mapped_column(String(64))
    sender: Mapped[str] = mapped_column(String(320))
    recipient: Mapped[str] = mapped_column(String(320))
    message_id: Mapped[str] = mapped_column(String(998), unique=True)
    subject: Mapped[str] = mapped_column(Text)
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    state: Mapped[str] = mapped_column(String(16))
    automatic: Mapped[bool] = mapped_column(default=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    claimed_until: Mapped[datetime | None]
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]


class Suppression(Base):
    """The do-not-contact register: one row per channel and normalised address or number."""

    __tablename__ = "suppressions"
    __table_args__ = (UniqueConstraint("channel", "value", name="uq_suppression"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(320))
    source: Mapped[str] = mapped_column(String(32))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    created_at: Mapped[datetime] = mapped_column(index=True)


class UndeliverableAddress(Base):
    """An address our mail bounced from: no more automatic mail goes there."""

    __tablename__ = "undeliverable_addresses"

    address: Mapped[str] = mapped_column(String(320), primary_key=True)
    since: Mapped[datetime]
    reason: Mapped[str] = mapped_column(Text, default="")
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))


class MailboxCheckpoint(Base):
    """How far the bot has read one IMAP folder, under one UIDVALIDITY."""

    __tablename__ = "mailbox_checkpoints"

    mailbox: Mapped[str] = mapped_column(String(255), primary_key=True)
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    last_uid: Mapped[int] = mapped_column(BigInteger, default=0)
    updated_at: Mapped[datetime]


class MailboxLease(Base):
    """Which daemon polls a mailbox, until when: several daemons, one poller per mailbox."""

    __tablename__ = "mailbox_leases"

    mailbox: Mapped[str] = mapped_column(String(255), primary_key=True)
    holder: Mapped[str] = mapped_column(String(128))
    expires_at: Mapped[datetime]
    acquired_at: Mapped[datetime]


class ReferenceCounter(Base):
    """The next ticket number per prefix and year; incremented atomically in the database."""

    __tablename__ = "reference_counters"

    prefix: Mapped[str] = mapped_column(String(8), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class Escalation(Base):
    """One rung of the escalation ladder sent for one ticket: never sent twice.

    ``step`` names the rung and the due date it counted from (``before-7:2027-01-04``,
    ``overdue:2027-01-05``), so an extension or a restarted clock starts a fresh ladder.
    """

    __tablename__ = "escalations"
    __table_args__ = (UniqueConstraint("ticket_id", "step", name="uq_escalation_step"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    step: Mapped[str] = mapped_column(String(64))
    due_on: Mapped[date] = mapped_column(Date)
    recipients: Mapped[list[Any]] = mapped_column(default=list)
    sent_at: Mapped[datetime]


class JobRun(Base):
    """A scheduled job that ran for a period (the digest of one day): once, cluster-wide."""

    __tablename__ = "job_runs"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    period: Mapped[str] = mapped_column(String(32), primary_key=True)
    owner: Mapped[str] = mapped_column(String(128), default="")
    ran_at: Mapped[datetime]
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class SecurityEvent(Base):
    """Something that claimed authority it could not prove, e.g. a forged staff message."""

    __tablename__ = "security_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(64))
    address: Mapped[str] = mapped_column(String(320), default="")
    message_id: Mapped[str | None] = mapped_column(String(998))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    inbound_id: Mapped[int | None] = mapped_column(ForeignKey("inbound_messages.id"))
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class AppendOnlyError(RuntimeError):
    """Raised when code tries to change or delete an audit event."""


@event.listens_for(TicketEvent, "before_update")
@event.listens_for(TicketEvent, "before_delete")
def _refuse_audit_change(mapper: Mapper[Any], connection: Any, target: TicketEvent) -> None:
    raise AppendOnlyError(f"audit event {target.id} is append-only")
