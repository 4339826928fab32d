"""The escalation ladder: the pure decision as tables, the job against SQLite and PostgreSQL,
and the mails end to end (Dovecot + aiosmtpd, a stepped clock, restarts, two daemons).
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from email import message_from_bytes, policy
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, event, func, select

from mailbot.config import EscalationSettings, Settings, settings_from_mapping
from mailbot.daemon import App, Daemon
from mailbot.jobs.escalate import Progress, escalate, escalate_chunk
from mailbot.tickets.ladder import Step, due_steps
from mailbot.tickets.models import Escalation, OutboxMail, Ticket, TicketEvent
from mailbot.workflow.outgoing import Outgoing
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

LONDON = ZoneInfo("Europe/London")
STAFF = "staff@example.co.uk"
DPO = "dpo@example.co.uk"
D = date(2027, 1, 4)  # a Monday: the due date of the tables


def days(n: int) -> date:
    return D + timedelta(days=n)


def before(n: int, due: date = D) -> str:
    return f"before-{n}:{due.isoformat()}"


def overdue(on: date) -> str:
    return f"overdue:{on.isoformat()}"


# --- the pure decision ------------------------------------------------------------------

DEFAULT = EscalationSettings()
EVERY_2 = EscalationSettings(overdue_every_days=2)
BOTH = {before(7), before(2)}

# (case, due_on, today, ladder, already sent, [(key, send, days)])
TABLE: list[tuple[str, date | None, date, EscalationSettings, set[str], list[Any]]] = [
    ("far off", D, days(-30), DEFAULT, set(), []),
    ("the day before the first rung", D, days(-8), DEFAULT, set(), []),
    ("exactly 7 days before", D, days(-7), DEFAULT, set(), [(before(7), True, 7)]),
    ("7-day rung already sent", D, days(-6), DEFAULT, {before(7)}, []),
    ("first seen 6 days before", D, days(-6), DEFAULT, set(), [(before(7), True, 6)]),
    ("exactly 2 days before", D, days(-2), DEFAULT, {before(7)}, [(before(2), True, 2)]),
    (
        "both passed at first sight",
        D,
        days(-1),
        DEFAULT,
        set(),
        [(before(7), False, 1), (before(2), True, 1)],
    ),
    ("the day before, all sent", D, days(-1), DEFAULT, BOTH, []),
    ("the due day itself, all sent", D, D, DEFAULT, BOTH, []),
    (
        "first seen on the due day",
        D,
        D,
        DEFAULT,
        set(),
        [(before(7), False, 0), (before(2), True, 0)],
    ),
    ("first overdue day", D, days(1), DEFAULT, BOTH, [(overdue(days(1)), True, 1)]),
    (
        "second overdue day",
        D,
        days(2),
        DEFAULT,
        BOTH | {overdue(days(1))},
        [(overdue(days(2)), True, 2)],
    ),
    (
        "third overdue day",
        D,
        days(3),
        DEFAULT,
        BOTH | {overdue(days(1)), overdue(days(2))},
        [(overdue(days(3)), True, 3)],
    ),
    ("today's reminder sent", D, days(3), DEFAULT, BOTH | {overdue(days(3))}, []),
    ("every 2: first overdue day", D, days(1), EVERY_2, BOTH, [(overdue(days(1)), True, 1)]),
    ("every 2: second overdue day", D, days(2), EVERY_2, BOTH | {overdue(days(1))}, []),
    (
        "every 2: third overdue day",
        D,
        days(3),
        EVERY_2,
        BOTH | {overdue(days(1))},
        [(overdue(days(3)), True, 3)],
    ),
    (
        "every 2: down on the third day, caught up on the fourth",
        D,
        days(4),
        EVERY_2,
        BOTH | {overdue(days(1))},
        [(overdue(days(3)), True, 4)],
    ),
    (
        "every 2: the fifth day after a catch-up",
        D,
        days(5),
        EVERY_2,
        BOTH | {overdue(days(1)), overdue(days(3))},
        [(overdue(days(5)), True, 5)],
    ),
    (
        "first seen long overdue: only today's reminder",
        D,
        days(9),
        DEFAULT,
        set(),
        [(before(7), False, -9), (before(2), False, -9), (overdue(days(9)), True, 9)],
    ),
    (
        "month end: 2 days before 1 March",
        date(2027, 3, 1),
        date(2027, 2, 27),
        DEFAULT,
        {before(7, date(2027, 3, 1))},
        [(before(2, date(2027, 3, 1)), True, 2)],
    ),
    (
        "leap year: 29 February counts",
        date(2028, 3, 1),
        date(2028, 2, 28),
        DEFAULT,
        {before(7, date(2028, 3, 1))},
        [(before(2, date(2028, 3, 1)), True, 2)],
    ),
    (
        "month end: overdue into February",
        date(2027, 1, 31),
        date(2027, 2, 1),
        DEFAULT,
        {before(7, date(2027, 1, 31)), before(2, date(2027, 1, 31))},
        [("overdue:2027-02-01", True, 1)],
    ),
    (
        "year end: 7 days before 4 January",
        D,
        date(2026, 12, 28),
        DEFAULT,
        set(),
        [(before(7), True, 7)],
    ),
    (
        "year end: overdue on New Year's Day",
        date(2026, 12, 31),
        date(2027, 1, 1),
        DEFAULT,
        {before(7, date(2026, 12, 31)), before(2, date(2026, 12, 31))},
        [("overdue:2027-01-01", True, 1)],
    ),
    (
        "extension: the old ladder does not count for the new date",
        date(2027, 3, 4),
        date(2027, 2, 25),
        DEFAULT,
        BOTH,
        [(before(7, date(2027, 3, 4)), True, 7)],
    ),
    (
        "extension: nothing before the new date comes near",
        date(2027, 3, 4),
        days(1),
        DEFAULT,
        BOTH,
        [],
    ),
    ("on hold: no due date", None, days(1), DEFAULT, set(), []),
    (
        "three rungs, first seen between the last two",
        D,
        days(-5),
        EscalationSettings(days_before_due=(2, 14, 7)),
        set(),
        [(before(14), False, 5), (before(7), True, 5)],
    ),
    ("no rungs before: nothing until overdue", D, days(-1), EscalationSettings((), 1), set(), []),
    (
        "no rungs before: overdue still sent",
        D,
        days(1),
        EscalationSettings((), 1),
        set(),
        [(overdue(days(1)), True, 1)],
    ),
    (
        "a rung added later is recorded, not sent late",
        D,
        days(-1),
        DEFAULT,
        {before(2)},
        [(before(7), False, 1)],
    ),
]


@pytest.mark.parametrize(
    ("due_on", "today", "ladder", "sent", "expected"),
    [case[1:] for case in TABLE],
    ids=[case[0] for case in TABLE],
)
def test_due_steps(
    due_on: date | None,
    today: date,
    ladder: EscalationSettings,
    sent: set[str],
    expected: list[tuple[str, bool, int]],
) -> None:
    steps = due_steps(due_on, today, ladder, frozenset(sent))
    assert [(s.key, s.send, s.days) for s in steps] == expected
    assert sum(s.send for s in steps) <= 1, "at most one mail per ticket and day"


def test_every_rung_fires_once_walking_day_by_day() -> None:
    """Feeding the recorded keys back in, as the job does: the whole ladder, nothing twice."""
    sent: set[str] = set()
    mailed: dict[date, str] = {}
    for offset in range(-40, 6):
        today = days(offset)
        for step in due_steps(D, today, DEFAULT, frozenset(sent)):
            assert step.key not in sent
            sent.add(step.key)
            if step.send:
                mailed[today] = step.headline
    assert mailed == {
        days(-7): "Due in 7 days",
        days(-2): "Due in 2 days",
        days(1): "Overdue by 1 day",
        days(2): "Overdue by 2 days",
        days(3): "Overdue by 3 days",
        days(4): "Overdue by 4 days",
        days(5): "Overdue by 5 days",
    }


@pytest.mark.parametrize(
    ("rung", "n", "headline"),
    [
        ("before", 7, "Due in 7 days"),
        ("before", 1, "Due tomorrow"),
        ("before", 0, "Due today"),
        ("overdue", 1, "Overdue by 1 day"),
        ("overdue", 12, "Overdue by 12 days"),
    ],
)
def test_headline(rung: str, n: int, headline: str) -> None:
    assert Step("k", rung, n, D).headline == headline


# --- the job against each database ------------------------------------------------------

NOW = datetime(2027, 1, 2, 9, 0, tzinfo=UTC)  # two days before D


def db_settings(db_url: str, **sections: dict[str, Any]) -> Settings:
    config: dict[str, Any] = {
        "database": {"url": db_url},
        "company": {"name": "Example Trading Ltd", "support_address": "support@example.co.uk"},
        "staff": {"addresses": [STAFF]},
    }
    for name, values in sections.items():
        config.setdefault(name, {}).update(values)
    return settings_from_mapping(config)


def add_ticket(app: App, n: int, *, due_on: date | None = D, **fields: Any) -> int:
    with app.sessions.begin() as session:
        values: dict[str, Any] = {
            "reference": f"DSR-2026-{n:05d}",
            "kind": "rights_request",
            "rights": ["objection"],
            "requester": f"person{n}@example.org",
            "state": "in_progress",
            "received_at": NOW - timedelta(days=28),
            "created_at": NOW - timedelta(days=28),
            "updated_at": NOW - timedelta(days=28),
            "due_on": due_on,
        }
        ticket = Ticket(**(values | fields))
        session.add(ticket)
        session.flush()
        return ticket.id


def run_escalate(app: App, now: datetime = NOW) -> int:
    outgoing = Outgoing(app.settings, app.renderer)
    with app.sessions.begin() as session:
        return escalate(session, app.settings, outgoing, now)


def outbox(app: App) -> list[tuple[str, str]]:
    with app.sessions() as session:
        rows = session.scalars(select(OutboxMail).order_by(OutboxMail.id))
        return [(row.recipient, row.subject) for row in rows]


def recorded(app: App) -> list[tuple[str, list[str]]]:
    with app.sessions() as session:
        rows = session.scalars(select(Escalation).order_by(Escalation.id))
        return [(row.step, row.recipients) for row in rows]


async def test_the_job_sends_the_most_urgent_rung_and_records_the_rest(db_url: str) -> None:
    app = make_app(db_settings(db_url, escalation={"dpo_address": DPO}))
    ticket_id = add_ticket(app, 1)
    assert run_escalate(app) == 1
    assert outbox(app) == [(STAFF, "[DSR-2026-00001] Due in 2 days")]
    assert recorded(app) == [(before(7), []), (before(2), [STAFF])]
    with app.sessions() as session:
        (escalated,) = session.scalars(
            select(TicketEvent).where(
                TicketEvent.ticket_id == ticket_id, TicketEvent.event == "escalated"
            )
        )
    assert escalated.actor == "mailbot"
    assert escalated.detail == {
        "step": before(2),
        "recipients": [STAFF],
        "skipped": [before(7)],
    }
    assert run_escalate(app) == 0, "the same day again: nothing"
    assert run_escalate(app, NOW + timedelta(hours=10)) == 0, "later that day: nothing"

    overdue_at = NOW + timedelta(days=3)
    assert run_escalate(app, overdue_at) == 1
    assert outbox(app)[1:] == [
        (DPO, "[DSR-2026-00001] Overdue by 1 day"),
        (STAFF, "[DSR-2026-00001] Overdue by 1 day"),
    ]
    assert run_escalate(app, overdue_at) == 0


async def test_only_open_tickets_with_a_running_clock(db_url: str) -> None:
    app = make_app(db_settings(db_url))
    add_ticket(app, 1, state="completed")
    add_ticket(app, 2, state="rejected")
    add_ticket(app, 3, state="on_hold", due_on=None)
    add_ticket(app, 4, state="awaiting_verification", due_on=None)
    add_ticket(app, 5, due_on=D + timedelta(days=8))  # not within reach yet
    add_ticket(app, 6, state="triage")
    assert run_escalate(app) == 1
    assert outbox(app) == [(STAFF, "[DSR-2026-00006] Due in 2 days")]


async def test_the_assignee_rather_than_every_staff_address(db_url: str) -> None:
    app = make_app(db_settings(db_url, staff={"addresses": [STAFF, "other@example.co.uk"]}))
    add_ticket(app, 1, assignee="ann@example.co.uk")
    add_ticket(app, 2)
    assert run_escalate(app) == 2
    assert sorted(outbox(app)) == [
        ("ann@example.co.uk", "[DSR-2026-00001] Due in 2 days"),
        ("other@example.co.uk", "[DSR-2026-00002] Due in 2 days"),
        (STAFF, "[DSR-2026-00002] Due in 2 days"),
    ]


async def test_nobody_to_tell_records_nothing(db_url: str) -> None:
    app = make_app(db_settings(db_url, staff={"addresses": []}))
    add_ticket(app, 1)
    assert run_escalate(app) == 0
    assert outbox(app) == [] and recorded(app) == []
    # Once overdue, a DPO alone is enough; the rungs before are recorded as passed.
    dpo_app = make_app(
        db_settings(db_url, staff={"addresses": []}, escalation={"dpo_address": DPO})
    )
    assert run_escalate(dpo_app) == 0
    assert run_escalate(dpo_app, NOW + timedelta(days=3)) == 1
    assert outbox(dpo_app) == [(DPO, "[DSR-2026-00001] Overdue by 1 day")]
    assert recorded(dpo_app) == [(before(7), []), (before(2), []), (overdue(days(1)), [DPO])]


async def test_the_dpo_is_told_once_when_also_staff(db_url: str) -> None:
    app = make_app(db_settings(db_url, escalation={"dpo_address": STAFF.upper()}))
    add_ticket(app, 1)
    assert run_escalate(app, NOW + timedelta(days=3)) == 1
    assert len(outbox(app)) == 1


@contextmanager
def counting_selects(engine: Engine) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


async def test_two_queries_however_many_tickets(db_url: str) -> None:
    """No N+1: one query for the tickets, one for the steps already recorded."""
    app = make_app(db_settings(db_url))
    for n in range(1, 13):
        add_ticket(app, n, due_on=D + timedelta(days=n % 4 - 1))
    with counting_selects(app.engine) as selects:
        assert run_escalate(app) == 12
    assert len(selects) == 2
    with counting_selects(app.engine) as selects:
        assert run_escalate(app) == 0
    assert len(selects) == 2


async def test_an_extension_starts_a_fresh_ladder(db_url: str) -> None:
    app = make_app(db_settings(db_url))
    ticket_id = add_ticket(app, 1)
    assert run_escalate(app) == 1
    extended = date(2027, 3, 4)
    with app.sessions.begin() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        ticket.due_on = ticket.extended_due_on = extended
        ticket.extension_reason = "Records held in three systems"
    assert run_escalate(app, NOW + timedelta(days=3)) == 0, "not overdue any more"
    on = datetime.combine(extended - timedelta(days=7), time(9), tzinfo=UTC)
    assert run_escalate(app, on) == 1
    assert outbox(app)[-1] == (STAFF, "[DSR-2026-00001] Due in 7 days")
    with app.sessions() as session:
        mail = session.scalars(select(OutboxMail).order_by(OutboxMail.id.desc())).first()
        assert mail is not None
        text = body_text(mail.payload)
    assert "4 March 2027" in text and "Records held in three systems" in text


async def test_local_dates_decide_not_utc(sqlite_url: str) -> None:
    """23:30 UTC on 28 June is already 29 June in London (BST): the 7-day rung of 6 July."""
    app = make_app(db_settings(sqlite_url))
    add_ticket(app, 1, due_on=date(2027, 7, 6))
    assert run_escalate(app, datetime(2027, 6, 28, 22, 30, tzinfo=UTC)) == 0  # 23:30 BST
    assert run_escalate(app, datetime(2027, 6, 28, 23, 30, tzinfo=UTC)) == 1  # 00:30 BST


# --- end to end: Dovecot, aiosmtpd, the daemon --------------------------------------------

# Thursday 3 September 2026, 10:00 in London: an objection (no verification), so the clock
# starts at once and the request is due on Saturday 3 October (30-day target, earlier than
# the statutory Monday 5 October).
RECEIVED = datetime(2026, 9, 3, 9, 0, tzinfo=UTC)
DUE = date(2026, 10, 3)
OBJECTION = "Under Article 21 GDPR I object to the processing of my personal data."
ESCALATION = re.compile(r"^\[DSR-\d{4}-\d{5}\] (Due|Overdue)\b")


def body_text(raw: bytes) -> str:
    body = message_from_bytes(raw, policy=policy.default).get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def subject_of(mail: ReceivedMessage) -> str:
    return " ".join(str(message_from_bytes(mail.data, policy=policy.default)["Subject"]).split())


def escalations(messages: list[ReceivedMessage]) -> list[tuple[str, str]]:
    """(recipient, subject) of the escalation mails among these, in order."""
    return [
        (mail.rcpt_tos[0], subject_of(mail))
        for mail in messages
        if ESCALATION.match(subject_of(mail))
    ]


def at_ten(day: date) -> datetime:
    """10:00 local time on a day, as the daemon's clock gives it (aware UTC)."""
    return datetime.combine(day, time(10), tzinfo=LONDON).astimezone(UTC)


async def open_objection(app: App, imap_account: ImapAccount, n: int = 1) -> None:
    message = request_mail(n, subject=f"Objection {n}", body=OBJECTION)
    append_at(imap_account, message, RECEIVED)
    await run_once(app)


def the_ticket(app: App) -> Ticket:
    with app.sessions() as session:
        return session.scalars(select(Ticket)).one()


async def walk(
    apps: list[App], clock: SteppingClock, sink: SmtpSink, first: date, last: date
) -> dict[date, list[tuple[str, str]]]:
    """Each day at 10:00 run every app in turn (a restart each time); the escalations sent."""
    sent: dict[date, list[tuple[str, str]]] = {}
    day = first
    while day <= last:
        clock.now = at_ten(day)
        seen = len(sink.messages)
        for app in apps:
            await run_once(app)
        new = sorted(escalations(sink.messages[seen:]))
        if new:
            sent[day] = new
        day += timedelta(days=1)
    return sent


def e2e_settings(
    imap_account: ImapAccount, smtp_sink: SmtpSink, db_url: str, **escalation: Any
) -> Settings:
    return settings_for(
        imap_account,
        smtp_sink,
        db_url,
        staff={"addresses": [STAFF]},
        escalation={"dpo_address": DPO, **escalation},
    )


async def test_the_ladder_end_to_end_across_restarts(
    imap_account: ImapAccount, smtp_sink: SmtpSink, db_url: str
) -> None:
    clock = SteppingClock(RECEIVED)
    settings = e2e_settings(imap_account, smtp_sink, db_url)
    app = make_app(settings, clock)
    await open_objection(app, imap_account)
    assert (the_ticket(app).state, the_ticket(app).due_on) == ("in_progress", DUE)
    ref = the_ticket(app).reference

    # Every day the daemon runs, then a second one starts on the same database ("restart").
    restarted = make_app(settings, clock)
    sent = await walk([app, restarted], clock, smtp_sink, date(2026, 9, 4), DUE + timedelta(3))
    assert sent == {
        date(2026, 9, 26): [(STAFF, f"[{ref}] Due in 7 days")],
        date(2026, 10, 1): [(STAFF, f"[{ref}] Due in 2 days")],
        date(2026, 10, 4): [
            (DPO, f"[{ref}] Overdue by 1 day"),
            (STAFF, f"[{ref}] Overdue by 1 day"),
        ],
        date(2026, 10, 5): [
            (DPO, f"[{ref}] Overdue by 2 days"),
            (STAFF, f"[{ref}] Overdue by 2 days"),
        ],
        date(2026, 10, 6): [
            (DPO, f"[{ref}] Overdue by 3 days"),
            (STAFF, f"[{ref}] Overdue by 3 days"),
        ],
    }
    seven = next(m for m in smtp_sink.messages if subject_of(m) == f"[{ref}] Due in 7 days")
    headers = message_from_bytes(seven.data, policy=policy.default)
    assert headers["Reply-To"] == "support@example.co.uk"
    assert headers["Auto-Submitted"] == "auto-generated"
    text = body_text(seven.data)
    assert "3 October 2026" in text and "person1@example.org" in text and "#extend" in text

    # Closed: the ladder stops.
    daemon = Daemon(app)
    with app.sessions.begin() as session:
        ticket = session.scalars(select(Ticket)).one()
        daemon.lifecycle.complete(session, ticket, "Processing stopped.", STAFF, clock())
    assert await walk([app], clock, smtp_sink, DUE + timedelta(4), DUE + timedelta(6)) == {}


async def test_on_hold_sends_nothing_and_the_answer_starts_a_fresh_ladder(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    clock = SteppingClock(RECEIVED)
    app = make_app(e2e_settings(imap_account, smtp_sink, sqlite_url), clock)
    await open_objection(app, imap_account)
    ref = the_ticket(app).reference
    clock.now = at_ten(date(2026, 9, 28))  # first run in 5 days: the 7-day rung, late
    await run_once(app)
    assert escalations(smtp_sink.messages) == [(STAFF, f"[{ref}] Due in 5 days")]

    daemon = Daemon(app)
    with app.sessions.begin() as session:
        ticket = session.scalars(select(Ticket)).one()
        daemon.lifecycle.hold(session, ticket, "Which account do you mean?", STAFF, clock())
    await daemon.run_once()
    question = smtp_sink.messages[-1]
    assert "Which account do you mean?" in body_text(question.data)
    seen = len(smtp_sink.messages)
    held = await walk([app], clock, smtp_sink, date(2026, 9, 29), date(2026, 10, 12))
    assert held == {}, "on hold: the clock is paused, nothing escalates"
    assert escalations(smtp_sink.messages[seen:]) == []

    answered = at_ten(date(2026, 10, 13))
    clock.now = answered
    reply = reply_to(
        question.data, sender="person1@example.org", body="The one for person1.", message_id="<a@x>"
    )
    append_at(imap_account, reply, answered)
    await run_once(app)
    resumed = the_ticket(app)
    assert resumed.state == "in_progress" and resumed.due_on is not None
    new_due = resumed.due_on
    assert new_due > DUE
    sent = await walk([app], clock, smtp_sink, new_due - timedelta(8), new_due + timedelta(1))
    assert sent == {
        new_due - timedelta(7): [(STAFF, f"[{ref}] Due in 7 days")],
        new_due - timedelta(2): [(STAFF, f"[{ref}] Due in 2 days")],
        new_due + timedelta(1): [
            (DPO, f"[{ref}] Overdue by 1 day"),
            (STAFF, f"[{ref}] Overdue by 1 day"),
        ],
    }


async def test_an_extension_restarts_the_ladder_for_the_new_date(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    clock = SteppingClock(RECEIVED)
    app = make_app(e2e_settings(imap_account, smtp_sink, sqlite_url), clock)
    await open_objection(app, imap_account)
    ref = the_ticket(app).reference
    assert await walk([app], clock, smtp_sink, date(2026, 9, 26), date(2026, 9, 26)) == {
        date(2026, 9, 26): [(STAFF, f"[{ref}] Due in 7 days")]
    }
    daemon = Daemon(app)
    with app.sessions.begin() as session:
        ticket = session.scalars(select(Ticket)).one()
        daemon.lifecycle.extend(session, ticket, "Records held in three systems", STAFF, clock())
    extended = the_ticket(app).due_on
    assert extended == date(2026, 12, 3)
    assert await walk([app], clock, smtp_sink, date(2026, 9, 27), date(2026, 10, 10)) == {}
    sent = await walk([app], clock, smtp_sink, date(2026, 11, 25), date(2026, 12, 4))
    assert sent == {
        date(2026, 11, 26): [(STAFF, f"[{ref}] Due in 7 days")],
        date(2026, 12, 1): [(STAFF, f"[{ref}] Due in 2 days")],
        date(2026, 12, 4): [
            (DPO, f"[{ref}] Overdue by 1 day"),
            (STAFF, f"[{ref}] Overdue by 1 day"),
        ],
    }
    last_seven = [m for m in smtp_sink.messages if subject_of(m) == f"[{ref}] Due in 7 days"][-1]
    text = body_text(last_seven.data)
    assert "3 December 2026" in text and "Records held in three systems" in text


async def test_two_daemons_send_each_step_once(
    imap_account: ImapAccount, smtp_sink: SmtpSink, pg_url: str
) -> None:
    clock = SteppingClock(RECEIVED)
    settings = e2e_settings(imap_account, smtp_sink, pg_url)
    first, second = make_app(settings, clock), make_app(settings, clock)
    for n in range(1, 7):
        append_at(imap_account, request_mail(n, subject=f"Objection {n}", body=OBJECTION), RECEIVED)
    await run_once(first)
    with first.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Ticket)) == 6

    seen = len(smtp_sink.messages)
    for day in (date(2026, 9, 26), date(2026, 10, 1), date(2026, 10, 4), date(2026, 10, 5)):
        clock.now = at_ten(day)
        for _ in range(3):
            await asyncio.gather(Daemon(first).run_jobs(), Daemon(second).run_jobs())
    await run_once(second)  # deliver
    sent = escalations(smtp_sink.messages[seen:])
    # Per ticket: 7 days, 2 days (staff); overdue by 1 and 2 days (DPO and staff).
    assert len(sent) == len(set(sent)) == 6 * 6
    with first.sessions() as session:
        steps = session.execute(select(Escalation.ticket_id, Escalation.step)).all()
        mails = session.scalar(
            select(func.count()).select_from(OutboxMail).where(OutboxMail.template == "escalation")
        )
    assert len(steps) == len(set(steps)) == 6 * 4
    assert mails == 6 * 6


async def test_chunks_commit_on_their_own_and_together_do_everything(db_url: str) -> None:
    """The daemon escalates ``CHUNK`` tickets per transaction: a first run over a large import
    must not hold the write lock (or every queued mail) for the whole ladder at once."""
    app = make_app(db_settings(db_url))
    ids = [add_ticket(app, n, due_on=D + timedelta(days=n % 4 - 1)) for n in range(1, 13)]
    outgoing = Outgoing(app.settings, app.renderer)
    seen: list[Progress] = []
    after: int | None = 0
    while after is not None:
        with app.sessions.begin() as session:
            progress = escalate_chunk(session, app.settings, outgoing, NOW, after, limit=5)
        seen.append(progress)
        after = progress.after
        assert len(outbox(app)) == sum(p.escalated for p in seen), "each chunk is committed"
    assert seen == [Progress(5, ids[4]), Progress(5, ids[9]), Progress(2, None)]
    assert run_escalate(app) == 0, "nothing left for a run over everything"
