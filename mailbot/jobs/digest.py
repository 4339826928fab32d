"""The staff's daily digest: what is overdue, due soon or waiting, once a day at a local time.

Three parts, kept apart:

- ``digest_day`` and ``build_digest`` are pure: plain values in (``now``, row tuples, today's
  date), plain values out, tested from tables.
- ``load_rows`` is the one query: SQLAlchemy Core, only the columns the digest shows, no ORM
  objects (10,000 open tickets build in a few tens of milliseconds).
- The templates (``digest.subject.txt``, ``digest.txt``, ``digest.html``) render.

``send_digest_if_due`` claims the day in ``job_runs`` (INSERT … ON CONFLICT DO NOTHING) in
the same transaction as the outbox rows: a restart, a second daemon or a retry sends nothing
twice, and a rollback leaves the day unclaimed. A daemon started after the digest time sends
that day's digest at once; a day whose time has not come yet gets none, and a missed
yesterday is not sent late.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, or_, select, update
from sqlalchemy.orm import Session

from mailbot import db
from mailbot.config import Settings, digest_time
from mailbot.mail.compose import header_text
from mailbot.mail.render import JinjaRenderer, RenderedMail
from mailbot.tickets.models import JobRun, Ticket
from mailbot.tickets.states import OPEN, State
from mailbot.tickets.store import insert_ignoring
from mailbot.workflow.outgoing import Outgoing

JOB_NAME = "digest"
TEMPLATE = "digest"
MAX_ROWS_PER_SECTION = 50  # a mail, not a database dump: the counts stay complete
PAUSED_STATES = frozenset({State.AWAITING_VERIFICATION, State.ON_HOLD})


@dataclass(frozen=True, slots=True)
class DigestRow:
    """The columns of one ticket the digest needs, as the query returns them."""

    reference: str
    kind: str
    rights: tuple[str, ...]
    opt_out: tuple[str, ...]
    state: str
    requester: str
    requester_name: str
    subject: str
    due_on: date | None
    assignee: str | None
    created_at: datetime
    extended: bool = False  # the due date is the extended one (Art. 12(3))

    @property
    def is_open(self) -> bool:
        return self.state in OPEN


@dataclass(frozen=True, slots=True)
class Window:
    """What "today", "soon" and "new" mean for one digest."""

    today: date
    soon_until: date
    since: datetime


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of a section, every value already text (templates only lay it out)."""

    reference: str
    request: str
    state: str
    due: str
    days_left: int | None
    days_text: str
    urgency: str  # overdue | today | soon | later | none: the colour in the HTML
    assignee: str
    requester: str
    subject: str


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    short: str  # for the subject line: "2 overdue"; "{s}" marks a plural ending
    total: int
    entries: tuple[Entry, ...]  # the first MAX_ROWS_PER_SECTION, by due date

    @property
    def hidden(self) -> int:
        return self.total - len(self.entries)


@dataclass(frozen=True, slots=True)
class Digest:
    day: date
    since: datetime
    open_count: int
    sections: tuple[Section, ...]

    @property
    def headline(self) -> str:
        """``2 overdue, 3 due soon, 1 in triage`` — or that nothing needs attention."""
        parts = [
            f"{s.total} {s.short.format(s='' if s.total == 1 else 's')}"
            for s in self.sections
            if s.total
        ]
        return ", ".join(parts) if parts else "nothing needs attention"


Predicate = Callable[[DigestRow, Window], bool]


def _overdue(row: DigestRow, window: Window) -> bool:
    return row.is_open and row.due_on is not None and row.due_on < window.today


def _due_soon(row: DigestRow, window: Window) -> bool:
    if not row.is_open or row.due_on is None:
        return False
    return window.today <= row.due_on <= window.soon_until


def _in_state(state: State) -> Predicate:
    return lambda row, _window: row.state == state


def _new(row: DigestRow, window: Window) -> bool:
    return row.created_at > window.since


def _opt_out_pending(row: DigestRow, window: Window) -> bool:
    return row.is_open and row.kind == "opt_out"


# (key, title, short form for the subject line, who belongs there); a ticket may be in several.
SECTIONS: tuple[tuple[str, str, str, Predicate], ...] = (
    ("overdue", "Overdue", "overdue", _overdue),
    ("due_soon", "Due within {days} days", "due soon", _due_soon),
    (
        "awaiting_verification",
        "Awaiting verification",
        "awaiting verification",
        _in_state(State.AWAITING_VERIFICATION),
    ),
    ("on_hold", "On hold", "on hold", _in_state(State.ON_HOLD)),
    ("triage", "Triage", "in triage", _in_state(State.TRIAGE)),
    ("new", "New since the last digest", "new", _new),
    ("opt_outs", "Opt-outs pending", "opt-out{s} pending", _opt_out_pending),
)


def digest_day(now: datetime, zone: ZoneInfo, hour: int, minute: int) -> date | None:
    """The local date whose digest is due at ``now``, or None before today's digest time."""
    local = now.astimezone(zone)
    due_at = datetime.combine(local.date(), time(hour, minute), tzinfo=zone)
    return local.date() if now >= due_at else None


def build_digest(
    rows: Iterable[DigestRow], today: date, since: datetime, due_soon_days: int
) -> Digest:
    """Sort the tickets into sections, each by due date (undated last), with days left."""
    window = Window(today, today + timedelta(days=due_soon_days), since)
    members: list[list[DigestRow]] = [[] for _ in SECTIONS]
    open_count = 0
    for row in rows:
        if row.is_open:
            open_count += 1
        for index, (_key, _title, _short, belongs) in enumerate(SECTIONS):
            if belongs(row, window):
                members[index].append(row)
    sections = []
    for (key, title, short, _belongs), found in zip(SECTIONS, members, strict=True):
        found.sort(key=_by_due_date)
        entries = tuple(entry(row, today) for row in found[:MAX_ROWS_PER_SECTION])
        sections.append(Section(key, title.format(days=due_soon_days), short, len(found), entries))
    return Digest(today, since, open_count, tuple(sections))


def _by_due_date(row: DigestRow) -> tuple[bool, date, str]:
    return (row.due_on is None, row.due_on or date.max, row.reference)


def entry(row: DigestRow, today: date) -> Entry:
    """One ticket as the digest shows it."""
    days_left = (row.due_on - today).days if row.due_on is not None else None
    name = header_text(row.requester_name, 60)
    requester = f"{name} <{row.requester}>" if name else row.requester
    return Entry(
        reference=row.reference,
        request=describe_request(row.kind, row.rights, row.opt_out),
        state=row.state.replace("_", " ") + (", extended" if row.extended else ""),
        due=short_date(row.due_on) if row.due_on else "—",
        days_left=days_left,
        days_text=days_text(days_left, row.state),
        urgency=urgency(days_left) if row.is_open else "none",
        assignee=row.assignee or "unassigned",
        requester=header_text(requester, 70),
        subject=header_text(row.subject, 68),
    )


def days_text(days_left: int | None, state: str) -> str:
    """``3 days overdue``, ``due today``, ``1 day left``; or why there is no due date."""
    if days_left is None:
        return "clock paused" if state in PAUSED_STATES else "no due date"
    if days_left < 0:
        return f"{-days_left} day{'s' if days_left < -1 else ''} overdue"
    if days_left == 0:
        return "due today"
    return f"{days_left} day{'s' if days_left > 1 else ''} left"


def urgency(days_left: int | None) -> str:
    if days_left is None:
        return "none"
    if days_left < 0:
        return "overdue"
    if days_left == 0:
        return "today"
    return "soon" if days_left <= 2 else "later"


def describe_request(kind: str, rights: Sequence[str], opt_out: Sequence[str]) -> str:
    """``access, erasure; opt-out: email`` — what was asked, in a few words."""
    parts = []
    if rights:
        parts.append(", ".join(r.replace("_", " ") for r in rights))
    if opt_out:
        parts.append("opt-out: " + ", ".join(opt_out))
    if parts:
        return "; ".join(parts)
    return "opt-out" if kind == "opt_out" else "not yet classified"


def long_date(day: date) -> str:
    """``Thursday 3 September 2026`` (English names: Python never switches the C locale)."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(day: date) -> str:
    """``Thu 3 Sep 2026``."""
    return f"{day:%a} {day.day} {day:%b %Y}"


# --- the database -------------------------------------------------------------------------

_COLUMNS = (
    Ticket.reference,
    Ticket.kind,
    Ticket.rights,
    Ticket.opt_out,
    Ticket.state,
    Ticket.requester,
    Ticket.requester_name,
    Ticket.subject,
    Ticket.due_on,
    Ticket.assignee,
    Ticket.created_at,
    Ticket.extended_due_on,
)


def load_rows(connection: Connection, since: datetime) -> list[DigestRow]:
    """Every open ticket and every ticket created since ``since``: one Core query."""
    query = select(*_COLUMNS).where(
        or_(Ticket.state.in_(sorted(OPEN)), Ticket.created_at > since),
        Ticket.purged_at.is_(None),
    )
    return [
        DigestRow(
            reference,
            kind,
            tuple(rights or ()),
            tuple(opt_out or ()),
            state,
            requester,
            requester_name or "",
            subject or "",
            due_on,
            assignee,
            created_at,
            extended_due_on is not None,
        )
        for (
            reference,
            kind,
            rights,
            opt_out,
            state,
            requester,
            requester_name,
            subject,
            due_on,
            assignee,
            created_at,
            extended_due_on,
        ) in connection.execute(query).all()
    ]


def last_digest_at(connection: Connection, before_period: str | None) -> datetime | None:
    """When the latest digest went out (of a day before ``before_period``, if given)."""
    query = select(JobRun.ran_at).where(JobRun.name == JOB_NAME)
    if before_period is not None:
        query = query.where(JobRun.period < before_period)
    return connection.execute(query.order_by(JobRun.period.desc()).limit(1)).scalar()


def _claim_day(connection: Connection, period: str, owner: str, now: datetime) -> bool:
    """Record that this day's digest is being sent; False if someone already did."""
    result = connection.execute(
        insert_ignoring(connection, JobRun)
        .values(name=JOB_NAME, period=period, owner=owner, ran_at=now, detail={})
        .on_conflict_do_nothing(index_elements=["name", "period"])
        .returning(JobRun.name)  # rowcount is not reliable across drivers; RETURNING is
    )
    return result.first() is not None


def collect(connection: Connection, settings: Settings, day: date, now: datetime) -> Digest:
    """Today's digest from the database; "new" counts from the previous day's digest."""
    since = last_digest_at(connection, day.isoformat()) or now - timedelta(hours=24)
    rows = load_rows(connection, since)
    return build_digest(rows, day, since, settings.digest.due_soon_days)


def recipients(settings: Settings) -> list[str]:
    """``digest.recipients``, or every staff address when none are configured."""
    return list(settings.digest.recipients or settings.staff.addresses)


def context(settings: Settings, digest: Digest) -> dict[str, Any]:
    """What the digest templates use."""
    zone = ZoneInfo(settings.digest.timezone)
    since = digest.since.astimezone(zone)
    return {
        "sections": digest.sections,
        "day_text": long_date(digest.day),
        "since_text": f"{short_date(since.date())} {since:%H:%M}",
        "headline": digest.headline,
        "open_count": digest.open_count,
        "company_name": settings.company.name,
        "support_address": settings.company.support_address,
        "schedule": f"{settings.digest.time} {settings.digest.timezone}",
    }


# --- the jobs -----------------------------------------------------------------------------


def send_digest_if_due(
    session: Session, settings: Settings, outgoing: Outgoing, now: datetime, owner: str
) -> bool:
    """Queue today's digest if its time has come and no daemon has sent it yet."""
    people = recipients(settings)
    if not settings.digest.enabled or not people:
        return False
    day = digest_day(now, ZoneInfo(settings.digest.timezone), *digest_time(settings))
    if day is None:
        return False
    connection = session.connection()
    if not _claim_day(connection, day.isoformat(), owner, now):
        return False
    digest = collect(connection, settings, day, now)
    queued = outgoing.to_people(session, people, TEMPLATE, context(settings, digest), now)
    detail = {s.key: s.total for s in digest.sections} | {"recipients": len(queued)}
    connection.execute(
        update(JobRun)
        .where(JobRun.name == JOB_NAME, JobRun.period == day.isoformat())
        .values(detail=detail)
    )
    return True


def render_preview(settings: Settings, now: datetime) -> RenderedMail:
    """The digest as it would go out now, without recording or sending anything."""
    engine = db.make_engine(settings.database.url)
    try:
        db.upgrade(engine)
        with engine.connect() as connection:
            day = now.astimezone(ZoneInfo(settings.digest.timezone)).date()
            since = last_digest_at(connection, None) or now - timedelta(hours=24)
            rows = load_rows(connection, since)
    finally:
        engine.dispose()
    digest = build_digest(rows, day, since, settings.digest.due_soon_days)
    templates = Path(settings.templates_dir) if settings.templates_dir else None
    return JinjaRenderer(templates).render(TEMPLATE, "en", context(settings, digest))


def preview_command(settings: Settings, html_path: str, text_path: str | None) -> int:
    """``mailbot digest --preview FILE.html``."""
    mail = render_preview(settings, datetime.now(UTC))
    written = [(html_path, mail.html)] + ([(text_path, mail.text)] if text_path else [])
    for path, content in written:
        try:
            Path(path).write_text(content, encoding="utf-8")
        except OSError as exc:
            print(f"mailbot: cannot write {path}: {exc}", file=sys.stderr)
            return 1
    print(mail.subject)
    print("wrote " + " and ".join(path for path, _ in written))
    return 0
