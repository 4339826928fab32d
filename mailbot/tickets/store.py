"""Queries and writes over the ORM models, each inside a caller's Session (one transaction).

Nothing here commits: the workflow decides where a transaction starts and ends, so a ticket,
its audit events and its outgoing mail are written together or not at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from mailbot.mail.message import MessageRef
from mailbot.tickets.models import (
    InboundMessageRow,
    MailboxCheckpoint,
    OutboxMail,
    ReferenceCounter,
    Ticket,
    TicketEvent,
)

PREFIXES = {"rights_request": "DSR", "opt_out": "OPT"}

# The statements of the per-message hot path are built once: building a statement costs
# more than running it.
_AT_LOCATION = select(InboundMessageRow).where(
    InboundMessageRow.mailbox == bindparam("mailbox"),
    InboundMessageRow.uidvalidity == bindparam("uidvalidity"),
    InboundMessageRow.uid == bindparam("uid"),
)
_BY_MESSAGE_ID = (
    select(InboundMessageRow)
    .where(InboundMessageRow.message_id == bindparam("message_id"))
    .order_by(InboundMessageRow.id)
    .limit(1)
)
_BY_FINGERPRINT = (
    select(InboundMessageRow)
    .where(
        InboundMessageRow.fingerprint == bindparam("fingerprint"),
        InboundMessageRow.message_id.is_(None),
    )
    .order_by(InboundMessageRow.id)
    .limit(1)
)
_INSERT_EVENT = insert(TicketEvent)
_INCREMENT = (
    update(ReferenceCounter)
    .where(
        ReferenceCounter.prefix == bindparam("p_prefix"),
        ReferenceCounter.year == bindparam("p_year"),
    )
    .values(value=ReferenceCounter.value + 1)
    .returning(ReferenceCounter.value)
    .execution_options(synchronize_session=False)
)


def find_at_location(session: Session, ref: MessageRef) -> InboundMessageRow | None:
    """The row already recorded for this exact (mailbox, UIDVALIDITY, UID), if any."""
    params = {"mailbox": ref.mailbox, "uidvalidity": ref.uidvalidity, "uid": ref.uid}
    return session.scalar(_AT_LOCATION, params)


def find_original(
    session: Session, message_id: str | None, fingerprint: str
) -> InboundMessageRow | None:
    """The first recorded copy of the same message: same Message-ID, or same bytes without one."""
    if message_id:
        return session.scalar(_BY_MESSAGE_ID, {"message_id": message_id})
    return session.scalar(_BY_FINGERPRINT, {"fingerprint": fingerprint})


def ticket_by_reference(session: Session, reference: str) -> Ticket | None:
    return session.scalar(select(Ticket).where(Ticket.reference == reference))


def ticket_by_message_ids(session: Session, message_ids: Sequence[str]) -> Ticket | None:
    """The ticket that any of these Message-IDs belongs to: theirs or ours."""
    ids = [m for m in message_ids if m]
    if not ids:
        return None
    inbound = select(InboundMessageRow.ticket_id).where(
        InboundMessageRow.message_id.in_(ids), InboundMessageRow.ticket_id.is_not(None)
    )
    outbound = select(OutboxMail.ticket_id).where(
        OutboxMail.message_id.in_(ids), OutboxMail.ticket_id.is_not(None)
    )
    ticket_id = session.scalar(inbound.limit(1)) or session.scalar(outbound.limit(1))
    return session.get(Ticket, ticket_id) if ticket_id else None


def next_reference(session: Session, kind: str, year: int) -> str:
    """``DSR-2026-00042``: numbered per prefix and year by an atomic database increment.

    The UPDATE … RETURNING takes the row lock, so concurrent daemons on PostgreSQL get
    distinct numbers; the counter row is created on first use of a prefix and year.
    """
    prefix = PREFIXES.get(kind, "DSR")
    params = {"p_prefix": prefix, "p_year": year}
    connection = session.connection()
    value = connection.execute(_INCREMENT, params).scalar()
    if value is None:
        session.execute(
            insert_ignoring(session.connection(), ReferenceCounter)
            .values(prefix=prefix, year=year, value=0)
            .on_conflict_do_nothing(index_elements=["prefix", "year"])
        )
        value = connection.execute(_INCREMENT, params).scalar()
    assert value is not None
    return f"{prefix}-{year}-{value:05d}"


def insert_ignoring(connection: Connection, model: type[Any]) -> Any:
    """``INSERT`` for this database that can ``ON CONFLICT DO NOTHING`` (PostgreSQL or SQLite).

    Add ``.on_conflict_do_nothing(index_elements=[...])`` and ``.returning(...)``: a row back
    means this transaction inserted it (``rowcount`` is not reliable across drivers).
    """
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    return dialect.insert(model)


def add_event(
    session: Session,
    ticket: Ticket,
    *,
    at: datetime,
    actor: str,
    event: str,
    from_state: str | None = None,
    to_state: str | None = None,
    **detail: Any,
) -> None:
    """Append one audit event to a ticket's trail (a plain INSERT: the trail is never read back
    in the same transaction, and the ORM's unit of work costs more than the row)."""
    assert ticket.id is not None, "flush the ticket before writing its trail"
    session.connection().execute(
        _INSERT_EVENT,
        {
            "ticket_id": ticket.id,
            "at": at,
            "actor": actor,
            "event": event,
            "from_state": from_state,
            "to_state": to_state,
            "detail": detail,
        },
    )


def events_of(session: Session, ticket_id: int) -> list[TicketEvent]:
    return list(
        session.scalars(
            select(TicketEvent).where(TicketEvent.ticket_id == ticket_id).order_by(TicketEvent.id)
        )
    )


def checkpoint(session: Session, mailbox: str) -> MailboxCheckpoint | None:
    return session.get(MailboxCheckpoint, mailbox)


def reset_checkpoint(session: Session, mailbox: str, uidvalidity: int, now: datetime) -> None:
    """Start reading a folder from the beginning under a new UIDVALIDITY."""
    row = session.get(MailboxCheckpoint, mailbox)
    if row is None:
        session.add(MailboxCheckpoint(mailbox=mailbox, uidvalidity=uidvalidity, updated_at=now))
        return
    row.uidvalidity = uidvalidity
    row.last_uid = 0
    row.updated_at = now


def advance_checkpoint(session: Session, ref: MessageRef, now: datetime) -> None:
    """Remember that every UID up to this one has been recorded."""
    session.execute(
        update(MailboxCheckpoint)
        .where(
            MailboxCheckpoint.mailbox == ref.mailbox,
            MailboxCheckpoint.uidvalidity == ref.uidvalidity,
            MailboxCheckpoint.last_uid < ref.uid,
        )
        .values(last_uid=ref.uid, updated_at=now)
        .execution_options(synchronize_session=False)
    )


def unsettled(session: Session, mailbox: str) -> list[InboundMessageRow]:
    """Recorded messages whose IMAP move has not happened yet."""
    return list(
        session.scalars(
            select(InboundMessageRow)
            .where(InboundMessageRow.mailbox == mailbox, InboundMessageRow.settled_at.is_(None))
            .order_by(InboundMessageRow.uid)
        )
    )


def mark_settled(session: Session, row_ids: Sequence[int], now: datetime) -> None:
    if row_ids:
        session.execute(
            update(InboundMessageRow)
            .where(InboundMessageRow.id.in_(list(row_ids)))
            .values(settled_at=now)
        )


def list_tickets(session: Session, state: str | None = None) -> list[Ticket]:
    query = select(Ticket).order_by(Ticket.id)
    if state:
        query = query.where(Ticket.state == state)
    return list(session.scalars(query))


def messages_of(session: Session, ticket_id: int) -> list[InboundMessageRow]:
    return list(
        session.scalars(
            select(InboundMessageRow)
            .where(InboundMessageRow.ticket_id == ticket_id)
            .order_by(InboundMessageRow.id)
        )
    )


def outbox_of(session: Session, ticket_id: int) -> list[OutboxMail]:
    return list(
        session.scalars(
            select(OutboxMail).where(OutboxMail.ticket_id == ticket_id).order_by(OutboxMail.id)
        )
    )
