"""The escalation ladder: reminders to staff as a ticket's due date nears, then while overdue.

``mailbot.tickets.ladder.due_steps`` is the pure decision (which rungs to record today).
``escalate`` reads the open tickets that have a due date within reach, asks it, and writes. A
rung is recorded in ``escalations`` (UNIQUE ticket, step) by an INSERT … ON CONFLICT DO
NOTHING in the same transaction as its mail, and the mail is queued only if that row went in:
each rung goes out once, across restarts and however many daemons share the database.

The daemon runs it in chunks of ``CHUNK`` tickets, a transaction each (``escalate_chunk``): the
first run over a large import may owe thousands of rungs, and one transaction for all of them
would hold SQLite's write lock (and every queued mail in memory) for seconds.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from mailbot.config import Settings
from mailbot.logs import log_event
from mailbot.tickets import store
from mailbot.tickets.ladder import OVERDUE, Step, due_steps
from mailbot.tickets.models import Escalation, Ticket
from mailbot.tickets.states import OPEN
from mailbot.tickets.store import insert_ignoring
from mailbot.workflow.outgoing import ACTOR, Outgoing, format_date

log = logging.getLogger("mailbot.jobs.escalate")
TEMPLATE = "escalation"
CHUNK = 200


@dataclass(frozen=True, slots=True)
class Progress:
    """What one chunk did, and the ticket id to go on after (None: the end was reached)."""

    escalated: int
    after: int | None


def escalate(session: Session, settings: Settings, outgoing: Outgoing, now: datetime) -> int:
    """Queue every escalation step that is due now and not yet sent; returns how many.

    All in the caller's one transaction; the daemon gives each chunk its own instead.
    """
    return in_chunks(lambda after: escalate_chunk(session, settings, outgoing, now, after))


def in_chunks(chunk: Callable[[int], Progress | None]) -> int:
    """Run ``chunk(after)`` from the start until the end is reached; returns how many tickets
    were escalated. ``chunk`` returns None to stop early (another daemon has the job)."""
    escalated, after = 0, 0
    while True:
        progress = chunk(after)
        if progress is None:
            return escalated
        escalated += progress.escalated
        if progress.after is None:
            return escalated
        after = progress.after


def escalate_chunk(
    session: Session,
    settings: Settings,
    outgoing: Outgoing,
    now: datetime,
    after: int = 0,
    limit: int = CHUNK,
) -> Progress:
    """The steps due for the next ``limit`` tickets within reach whose id is above ``after``."""
    ladder = settings.escalation
    today = outgoing.local_date(now)
    within = _within_reach(today + timedelta(days=max(ladder.days_before_due, default=0)))
    tickets = session.scalars(
        select(Ticket).where(*within, Ticket.id > after).order_by(Ticket.id).limit(limit)
    ).all()
    if not tickets:
        return Progress(0, None)
    sent = _sent_steps(session, [ticket.id for ticket in tickets])
    escalated = 0
    for ticket in tickets:
        steps = due_steps(ticket.due_on, today, ladder, sent.get(ticket.id, frozenset()))
        if steps and _climb(session, outgoing, ticket, steps, now):
            escalated += 1
    return Progress(escalated, tickets[-1].id if len(tickets) == limit else None)


def _within_reach(horizon: date) -> list[ColumnElement[bool]]:
    """Open tickets whose clock runs and whose first rung has come (by ``horizon``)."""
    return [
        Ticket.state.in_([state.value for state in OPEN]),
        Ticket.due_on.is_not(None),
        Ticket.due_on <= horizon,
    ]


def _sent_steps(session: Session, ticket_ids: Sequence[int]) -> dict[int, set[str]]:
    """The steps recorded for each ticket's current due date, in one query."""
    rows = session.execute(
        select(Escalation.ticket_id, Escalation.step)
        .join(Ticket, Ticket.id == Escalation.ticket_id)
        .where(Ticket.id.in_(ticket_ids), Escalation.due_on == Ticket.due_on)
    )
    sent: dict[int, set[str]] = {}
    for ticket_id, step in rows:
        sent.setdefault(ticket_id, set()).add(step)
    return sent


def _climb(
    session: Session, outgoing: Outgoing, ticket: Ticket, steps: list[Step], now: datetime
) -> bool:
    """Record the steps and mail the one to send; False if another daemon was first."""
    to_send = next((step for step in steps if step.send), None)
    recipients = _recipients(outgoing, ticket, to_send) if to_send else []
    if to_send is not None and not recipients:
        return False  # nobody to tell: try again when staff or a DPO are configured
    skipped = [
        step.key for step in steps if not step.send and _record(session, ticket, step, [], now)
    ]
    if to_send is None or not _record(session, ticket, to_send, recipients, now):
        return False
    outgoing.to_people(
        session, recipients, TEMPLATE, _context(outgoing, ticket, to_send), now, ticket=ticket
    )
    store.add_event(
        session,
        ticket,
        at=now,
        actor=ACTOR,
        event="escalated",
        step=to_send.key,
        recipients=recipients,
        skipped=skipped,
    )
    log_event(log, "escalation.queued", ticket=ticket.reference, step=to_send.key)
    return True


def _recipients(outgoing: Outgoing, ticket: Ticket, step: Step) -> list[str]:
    """The assignee (or every staff address); once overdue, the DPO as well."""
    people = outgoing.staff_recipients(ticket)
    dpo = outgoing.settings.escalation.dpo_address.strip()
    if step.rung == OVERDUE and dpo:
        people = [dpo, *people]
    return list({address.strip().lower(): address.strip() for address in people}.values())


def _record(
    session: Session, ticket: Ticket, step: Step, recipients: Sequence[str], now: datetime
) -> bool:
    """Insert the step's row unless it exists; True if this transaction inserted it."""
    inserted = session.execute(
        insert_ignoring(session.connection(), Escalation)
        .values(
            ticket_id=ticket.id,
            step=step.key,
            due_on=step.due_on,
            recipients=list(recipients),
            sent_at=now,
        )
        .on_conflict_do_nothing(index_elements=["ticket_id", "step"])
        .returning(Escalation.id)
    ).first()
    return inserted is not None


def _context(outgoing: Outgoing, ticket: Ticket, step: Step) -> dict[str, Any]:
    extended = bool(ticket.extended_due_on and ticket.extension_reason)
    return outgoing.context(ticket, "en") | {
        "event": step.headline,
        "state": ticket.state,
        "due_on": format_date(step.due_on, "en"),
        "detail": ticket.extension_reason if extended else "",
    }
