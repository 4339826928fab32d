"""The retention purge: closed tickets past ``retention.closed_ticket_months`` lose personal data.

What goes: the requester's address and name, the subject, the classifier's evidence and the
extension reason on the ticket; the bodies, headers, addresses and attachment names of its
messages (and of their duplicates); the payload, subject and recipient of its outgoing mail;
the free text of its audit trail and the address of its security events.
What stays: the anonymised record the regulator's report reads (reference, kind, rights,
states, every date), the trail's event names, times and non-personal details, the suppression
register (the point of an opt-out) and the undeliverable addresses.

Decisions made here:

- Calendar months back from now, the day clamped to the month's end (31 March minus one
  month is 28 or 29 February), on the UTC instant: a few hours either way do not matter here.
- The audit trail is append-only through the ORM; the purge is the one deliberate exception
  and rewrites it with Core statements: ``detail`` keeps a whitelist of keys, an ``actor``
  that was the requester becomes "requester", any other outside address "someone else".
- At most ``BATCH_SIZE`` tickets per call, so one transaction stays short; the daemon calls
  again every few minutes. Tickets are claimed ``FOR UPDATE SKIP LOCKED`` (PostgreSQL; SQLite
  has one writer at a time) and ``purged_at`` is set in the same transaction: a ticket is
  purged once, by one daemon, and a second run finds nothing to do.
- A mail to a purged ticket still pending (it cannot be sent without its payload) is failed.
- Records of no ticket go by their own age, on the same period: mail to staff that names
  requesters (the daily digest), ignored mail (auto-replies, mail that was not a request) and
  security events outside a thread. A digest names the tickets open or new on its day, so it
  goes within a day or two of the last of them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Table, bindparam, case, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from mailbot.config import Settings
from mailbot.logs import log_event
from mailbot.tickets import store
from mailbot.tickets.clock import add_months
from mailbot.tickets.models import (
    Base,
    InboundMessageRow,
    OutboxMail,
    SecurityEvent,
    Ticket,
    TicketEvent,
)
from mailbot.tickets.states import CLOSED

log = logging.getLogger("mailbot.retention")
ACTOR = "mailbot"
BATCH_SIZE = 500
REQUESTER = "requester"
SOMEONE_ELSE = "someone else"
CLOSED_STATES = sorted(state.value for state in CLOSED)
# Details of the audit trail that name no person: dates, rules, counts, ids, states, templates.
DETAIL_KEYS = frozenset(
    {
        "assignee",
        "attempts",
        "clock_started_on",
        "code",
        "confidence",
        "due_on",
        "extended_due_on",
        "from_state",
        "inbound_id",
        "kind",
        "opt_out",
        "outbox_id",
        "permanent",
        "problem",
        "rights",
        "rule",
        "source",
        "statutory_due_on",
        "step",
        "template",
        "to_state",
    }
)
_EVENTS: Table = Base.metadata.tables[TicketEvent.__tablename__]
_SECURITY: Table = Base.metadata.tables[SecurityEvent.__tablename__]
_REWRITE_SECURITY_EVENT = (
    update(_SECURITY)
    .where(_SECURITY.c.id == bindparam("row_id"))
    .values(address="", detail=bindparam("new_detail"))
)
_REWRITE_EVENT = (
    update(_EVENTS)
    .where(_EVENTS.c.id == bindparam("event_id"))
    .values(actor=bindparam("new_actor"), detail=bindparam("new_detail"))
)


def retention_cutoff(now: datetime, months: int) -> datetime:
    """``now`` minus calendar months, the day clamped to the end of a shorter month."""
    day = add_months(now.date(), -months)
    return now.replace(year=day.year, month=day.month, day=day.day)


def anonymous_detail(detail: Mapping[str, Any]) -> dict[str, Any]:
    """An event's detail without the keys that may name or quote a person."""
    return {key: value for key, value in detail.items() if key in DETAIL_KEYS}


def anonymous_actor(actor: str, requester: str, is_staff: Callable[[str], bool]) -> str:
    """Who acted, without the address of anyone but staff: "requester" or "someone else"."""
    lowered = actor.strip().lower()
    if requester and lowered == requester:
        return REQUESTER
    if "@" not in lowered or is_staff(lowered):
        return actor
    return SOMEONE_ELSE


def purge_closed(
    session: Session, settings: Settings, now: datetime, *, batch_size: int = BATCH_SIZE
) -> int:
    """Anonymise tickets closed longer than the retention period; returns how many."""
    months = settings.retention.closed_ticket_months
    cutoff = retention_cutoff(now, months)
    tickets = list(
        session.scalars(
            select(Ticket)
            .where(
                Ticket.state.in_(CLOSED_STATES),
                Ticket.closed_at <= cutoff,
                Ticket.purged_at.is_(None),
            )
            .order_by(Ticket.id)
            .limit(batch_size)
            .with_for_update(skip_locked=True)
        )
    )
    if tickets:
        _purge_tickets(session, tickets, settings, now, months)
    unlinked = _purge_unlinked(session, cutoff, batch_size)
    if tickets or unlinked:
        log_event(log, "retention.purged", tickets=len(tickets), unlinked=unlinked)
    return len(tickets)


def _purge_tickets(
    session: Session, tickets: Sequence[Ticket], settings: Settings, now: datetime, months: int
) -> None:
    ids = [ticket.id for ticket in tickets]
    _scrub_trail(session, {t.id: t.requester.strip().lower() for t in tickets}, settings)
    own_messages = select(InboundMessageRow.id).where(InboundMessageRow.ticket_id.in_(ids))
    _scrub_messages(
        session,
        or_(
            InboundMessageRow.ticket_id.in_(ids),
            InboundMessageRow.duplicate_of_id.in_(own_messages.scalar_subquery()),
        ),
    )
    _scrub_outbox(session, OutboxMail.ticket_id.in_(ids))
    _scrub_security_events(
        session,
        or_(
            _SECURITY.c.ticket_id.in_(ids),
            _SECURITY.c.inbound_id.in_(own_messages.scalar_subquery()),
        ),
    )
    for ticket in tickets:
        _scrub_ticket(ticket, now)
        store.add_event(
            session, ticket, at=now, actor=ACTOR, event="purged", retention_months=months
        )
    session.flush()


def _purge_unlinked(session: Session, cutoff: datetime, batch_size: int) -> int:
    """Records of no ticket (the staff digest, ignored mail) once as old as the period."""
    mails = _first_ids(
        session,
        OutboxMail.id,
        OutboxMail.ticket_id.is_(None),
        OutboxMail.created_at <= cutoff,
        OutboxMail.recipient != "",
        limit=batch_size,
    )
    if mails:
        _scrub_outbox(session, OutboxMail.id.in_(mails))
    messages = _first_ids(
        session,
        InboundMessageRow.id,
        InboundMessageRow.ticket_id.is_(None),
        InboundMessageRow.recorded_at <= cutoff,
        or_(
            InboundMessageRow.from_address.is_not(None),
            InboundMessageRow.subject != "",
            InboundMessageRow.text_body != "",
        ),
        limit=batch_size,
    )
    if messages:
        _scrub_messages(session, InboundMessageRow.id.in_(messages))
    alerts = _first_ids(
        session,
        _SECURITY.c.id,
        _SECURITY.c.ticket_id.is_(None),
        _SECURITY.c.at <= cutoff,
        _SECURITY.c.address != "",
        limit=batch_size,
    )
    if alerts:
        _scrub_security_events(session, _SECURITY.c.id.in_(alerts))
    return len(mails) + len(messages) + len(alerts)


def _first_ids(
    session: Session,
    column: ColumnElement[int] | InstrumentedAttribute[int],
    *where: ColumnElement[bool],
    limit: int,
) -> list[int]:
    return list(session.scalars(select(column).where(*where).order_by(column).limit(limit)))


def _scrub_ticket(ticket: Ticket, now: datetime) -> None:
    ticket.requester = ""
    ticket.requester_name = ""
    ticket.subject = ""
    ticket.evidence = []
    ticket.extension_reason = ""
    ticket.verification_hash = None
    ticket.purged_at = now


def _scrub_trail(session: Session, requesters: Mapping[int, str], settings: Settings) -> None:
    """Rewrite the tickets' audit events in place (Core: the ORM refuses, on purpose)."""
    own = {settings.company.support_address.lower(), settings.escalation.dpo_address.lower()}

    def is_staff(address: str) -> bool:
        return address in own or settings.staff.is_staff(address)

    rows = session.execute(
        select(_EVENTS.c.id, _EVENTS.c.ticket_id, _EVENTS.c.actor, _EVENTS.c.detail).where(
            _EVENTS.c.ticket_id.in_(list(requesters))
        )
    )
    changes = []
    for event_id, ticket_id, actor, detail in rows:
        new_actor = anonymous_actor(actor, requesters[ticket_id], is_staff)
        new_detail = anonymous_detail(detail or {})
        if new_actor != actor or new_detail != (detail or {}):
            changes.append({"event_id": event_id, "new_actor": new_actor, "new_detail": new_detail})
    if changes:
        session.connection().execute(_REWRITE_EVENT, changes)


def _scrub_messages(session: Session, where: ColumnElement[bool]) -> None:
    session.execute(
        update(InboundMessageRow)
        .where(where)
        .values(
            subject="",
            from_address=None,
            from_name="",
            to_addresses=[],
            headers={},
            text_body="",
            attachments=[],
            notes=[],
            reason="",
        )
        .execution_options(synchronize_session=False)
    )


def _scrub_outbox(session: Session, where: ColumnElement[bool]) -> None:
    """Mail loses payload, subject and recipient; one still pending can no longer be sent."""
    pending = OutboxMail.state == "pending"
    session.execute(
        update(OutboxMail)
        .where(where)
        .values(
            payload=b"",
            subject="",
            recipient="",
            last_error=case((pending, "purged before delivery"), else_=""),
            state=case((pending, "failed"), else_=OutboxMail.state),
        )
        .execution_options(synchronize_session=False)
    )


def _scrub_security_events(session: Session, where: ColumnElement[bool]) -> None:
    """The address and the free text of security events go; kind, time and rule stay."""
    rows = session.execute(select(_SECURITY.c.id, _SECURITY.c.detail).where(where)).all()
    if rows:
        session.connection().execute(
            _REWRITE_SECURITY_EVENT,
            [{"row_id": i, "new_detail": anonymous_detail(detail or {})} for i, detail in rows],
        )
