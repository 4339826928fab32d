"""The regulator's report: every request received in a year, and how fast it was answered.

``mailbot report --year YYYY [--csv]`` is the accountability record (UK GDPR Art. 5(2)): one
line per request (received, verified, pauses of the clock, extension notice, due, closed,
on time?) and totals by right. One query loads the year's tickets, one more their clock
events; the rest is pure (facts in, lines and totals out), so it is tested from tables.

Decisions made here:

- A request belongs to the year of its local receipt date (``company.timezone``).
- Only fields the retention purge keeps are read (no address, name, subject or text), so the
  report of a year is the same before and after its tickets are anonymised.
- A pause runs from ``clock_paused`` to the next ``clock_started`` (to the date the clock
  restarted from); one still running ends at the close, or today for an open ticket.
- The due date is the ticket's; while the clock is paused, the last one the trail recorded;
  where the clock was never paused nor started (triage), one month from receipt.
- On time: closed (completed or rejected) on or before the due date; "n/a" for a ticket closed
  unverified (the clock never ran) or without any due date; "open" or "open, overdue".
- A ticket with two rights counts under each in the totals; "all" counts it once. The share
  on time is of the decided requests (completed or rejected with a due date); the median days
  run from receipt to close over completed and rejected requests.
"""

from __future__ import annotations

import csv
import statistics
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from mailbot import db
from mailbot.config import Settings, clock_policy
from mailbot.tickets.clock import ClockPolicy, deadlines, opt_out_due_on
from mailbot.tickets.models import Ticket, TicketEvent
from mailbot.tickets.states import CLOSED, State

CLOCK_EVENTS = ("clock_paused", "clock_started", "extended", "mail_queued")
DECIDED = frozenset({State.COMPLETED.value, State.REJECTED.value})  # answered, on time or not
CLOSED_STATES = frozenset(state.value for state in CLOSED)
CSV_COLUMNS = (
    "reference",
    "kind",
    "rights",
    "opt_out",
    "source",
    "received_on",
    "verified",
    "pauses",
    "paused_days",
    "extended_on",
    "extension_notice_on",
    "due_on",
    "closed_on",
    "state",
    "days_to_close",
    "on_time",
)


@dataclass(frozen=True, slots=True)
class TrailEvent:
    """One clock event of a ticket's audit trail, as much of it as the report reads."""

    at: datetime
    event: str
    template: str | None = None  # mail_queued: which mail
    due_on: date | None = None  # clock_started, extended: the due date it set
    started_on: date | None = None  # clock_started: the date the month runs from


@dataclass(frozen=True, slots=True)
class RequestFacts:
    """The non-personal fields of one ticket: all that the report needs, all the purge keeps."""

    reference: str
    kind: str
    rights: tuple[str, ...]
    opt_out: tuple[str, ...]
    source: str
    state: str
    received_at: datetime
    due_on: date | None
    verification_requested_at: datetime | None
    verified_at: datetime | None
    closed_at: datetime | None
    trail: tuple[TrailEvent, ...] = ()


@dataclass(frozen=True, slots=True)
class ReportLine:
    """One request in the report."""

    reference: str
    kind: str
    rights: tuple[str, ...]
    opt_out: tuple[str, ...]
    source: str
    received_on: date
    verified: str  # the date, "" (asked, never confirmed) or "not needed"
    pauses: int
    paused_days: int
    extended_on: date | None
    extension_notice_on: date | None
    due_on: date | None
    closed_on: date | None
    state: str
    days_to_close: int | None
    on_time: str  # "yes", "no", "n/a", "open", "open, overdue"

    @property
    def groups(self) -> tuple[str, ...]:
        """The totals this line counts under."""
        if self.kind == "opt_out":
            return ("opt_out",)
        return self.rights or ("unspecified",)


@dataclass(frozen=True, slots=True)
class Totals:
    """The counts of one right (or of all requests)."""

    label: str
    requests: int
    completed: int
    rejected: int
    closed_unverified: int
    open: int
    on_time: int
    late: int
    median_days: float | None

    @property
    def share_on_time(self) -> float | None:
        decided = self.on_time + self.late
        return self.on_time / decided if decided else None


# -- the pure part --------------------------------------------------------------------------


def report_line(facts: RequestFacts, policy: ClockPolicy, today: date) -> ReportLine:
    """One ticket's line: its dates as local dates, its pauses, and whether it was on time."""
    zone = policy.zone
    closed = facts.closed_at if facts.state in CLOSED_STATES else None
    closed_on = _local(closed, zone) if closed is not None else None
    received_on = _local(facts.received_at, zone)
    pauses, paused_days, paused_now = count_pauses(facts.trail, zone, closed_on or today)
    due_on = effective_due_on(facts, policy)
    return ReportLine(
        reference=facts.reference,
        kind=facts.kind,
        rights=facts.rights,
        opt_out=facts.opt_out,
        source=facts.source,
        received_on=received_on,
        verified=_verified(facts, zone),
        pauses=pauses,
        paused_days=paused_days,
        extended_on=_last_on(facts.trail, zone, "extended"),
        extension_notice_on=_last_on(facts.trail, zone, "mail_queued", "extension_notice"),
        due_on=due_on,
        closed_on=closed_on,
        state=facts.state,
        days_to_close=(closed_on - received_on).days if closed_on else None,
        on_time=on_time(facts.state, closed_on, due_on, today, paused=paused_now),
    )


def count_pauses(trail: Iterable[TrailEvent], zone: ZoneInfo, until: date) -> tuple[int, int, bool]:
    """How often the clock stopped, for how many calendar days, and whether it still is."""
    count = days = 0
    paused_on: date | None = None
    for event in trail:
        if event.event == "clock_paused" and paused_on is None:
            paused_on = _local(event.at, zone)
            count += 1
        elif event.event == "clock_started" and paused_on is not None:
            resumed_on = event.started_on or _local(event.at, zone)
            days += max((resumed_on - paused_on).days, 0)
            paused_on = None
    if paused_on is not None:
        days += max((until - paused_on).days, 0)
    return count, days, paused_on is not None


def effective_due_on(facts: RequestFacts, policy: ClockPolicy) -> date | None:
    """The ticket's due date; while paused, the last one recorded; never paused, from receipt."""
    if facts.due_on is not None:
        return facts.due_on
    recorded = [e.due_on for e in facts.trail if e.due_on is not None]
    if recorded:
        return recorded[-1]
    if any(e.event == "clock_paused" for e in facts.trail):
        return None  # waiting for identity proof from the start: the month has not begun
    if facts.kind == "opt_out":
        return opt_out_due_on(facts.received_at, policy)
    return deadlines(facts.received_at, policy).due_on


def on_time(
    state: str, closed_on: date | None, due_on: date | None, today: date, *, paused: bool
) -> str:
    """Whether a request was answered in time: yes, no, open, "open, overdue" or n/a."""
    if state in DECIDED and closed_on is not None:
        if due_on is None:
            return "n/a"
        return "yes" if closed_on <= due_on else "no"
    if state in CLOSED_STATES:
        return "n/a"
    if not paused and due_on is not None and today > due_on:
        return "open, overdue"
    return "open"


def summarise(lines: Sequence[ReportLine]) -> list[Totals]:
    """Totals per right (a ticket under each of its rights), then for all requests."""
    groups: dict[str, list[ReportLine]] = defaultdict(list)
    for line in lines:
        for group in line.groups:
            groups[group].append(line)
    return [_totals(name, groups[name]) for name in sorted(groups)] + [_totals("all", lines)]


def _totals(label: str, lines: Sequence[ReportLine]) -> Totals:
    days = [line.days_to_close for line in lines if line.state in DECIDED]
    states = [line.state for line in lines]
    return Totals(
        label=label,
        requests=len(lines),
        completed=states.count("completed"),
        rejected=states.count("rejected"),
        closed_unverified=states.count("closed_unverified"),
        open=sum(1 for s in states if s not in CLOSED_STATES),
        on_time=sum(1 for line in lines if line.on_time == "yes"),
        late=sum(1 for line in lines if line.on_time == "no"),
        median_days=statistics.median(d for d in days if d is not None) if days else None,
    )


def _verified(facts: RequestFacts, zone: ZoneInfo) -> str:
    if facts.verified_at is not None:
        return _local(facts.verified_at, zone).isoformat()
    return "" if facts.verification_requested_at is not None else "not needed"


def _last_on(
    trail: Iterable[TrailEvent], zone: ZoneInfo, event: str, template: str | None = None
) -> date | None:
    found = [
        e.at for e in trail if e.event == event and (template is None or e.template == template)
    ]
    return _local(found[-1], zone) if found else None


def _local(instant: datetime, zone: ZoneInfo) -> date:
    return instant.astimezone(zone).date()


# -- output ---------------------------------------------------------------------------------


def csv_row(line: ReportLine) -> dict[str, str]:
    """A line as the CSV writes it: dates ISO, lists joined by ";", empty for none."""
    return {
        "reference": line.reference,
        "kind": line.kind,
        "rights": ";".join(line.rights),
        "opt_out": ";".join(line.opt_out),
        "source": line.source,
        "received_on": line.received_on.isoformat(),
        "verified": line.verified,
        "pauses": str(line.pauses),
        "paused_days": str(line.paused_days),
        "extended_on": _iso(line.extended_on),
        "extension_notice_on": _iso(line.extension_notice_on),
        "due_on": _iso(line.due_on),
        "closed_on": _iso(line.closed_on),
        "state": line.state,
        "days_to_close": "" if line.days_to_close is None else str(line.days_to_close),
        "on_time": line.on_time,
    }


def write_csv(out: TextIO, lines: Iterable[ReportLine]) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(csv_row(line) for line in lines)


def report_text(year: int, lines: Sequence[ReportLine], today: date, timezone: str) -> str:
    """The report for a terminal: the requests, then the totals."""
    title = f"Requests received in {year} ({timezone}), as of {today.isoformat()}"
    if not lines:
        return f"{title}\n\nno requests"
    header = (
        "REFERENCE",
        "KIND",
        "RIGHTS / OPT-OUT",
        "SOURCE",
        "RECEIVED",
        "VERIFIED",
        "PAUSES",
        "EXT. NOTICE",
        "DUE",
        "CLOSED",
        "STATE",
        "DAYS",
        "ON TIME",
    )
    rows = [header] + [_text_row(line) for line in lines]
    totals_header = (
        "RIGHT",
        "REQUESTS",
        "COMPLETED",
        "REJECTED",
        "UNVERIFIED",
        "OPEN",
        "ON TIME",
        "LATE",
        "SHARE ON TIME",
        "MEDIAN DAYS",
    )
    totals = [totals_header] + [_totals_row(t) for t in summarise(lines)]
    return "\n".join([title, "", _table(rows), "", "Totals", _table(totals)])


def _text_row(line: ReportLine) -> tuple[str, ...]:
    labels = list(line.rights) + (["opt-out:" + "+".join(line.opt_out)] if line.opt_out else [])
    notice = _iso(line.extension_notice_on) or ("not sent" if line.extended_on else "-")
    return (
        line.reference,
        "opt-out" if line.kind == "opt_out" else "rights",
        ",".join(labels) or "-",
        line.source,
        line.received_on.isoformat(),
        line.verified or "-",
        f"{line.pauses} ({line.paused_days} d)" if line.pauses else "-",
        notice,
        _iso(line.due_on) or "-",
        _iso(line.closed_on) or "-",
        line.state,
        "-" if line.days_to_close is None else str(line.days_to_close),
        line.on_time,
    )


def _totals_row(totals: Totals) -> tuple[str, ...]:
    share = totals.share_on_time
    return (
        totals.label,
        str(totals.requests),
        str(totals.completed),
        str(totals.rejected),
        str(totals.closed_unverified),
        str(totals.open),
        str(totals.on_time),
        str(totals.late),
        "-" if share is None else f"{share:.0%}",
        "-" if totals.median_days is None else f"{totals.median_days:g}",
    )


def _table(rows: Sequence[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(value.ljust(width) for value, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


def _iso(day: date | None) -> str:
    return day.isoformat() if day is not None else ""


# -- the query ------------------------------------------------------------------------------


def load_requests(session: Session, year: int, zone: ZoneInfo) -> list[RequestFacts]:
    """The tickets received in the local year with their clock events: two queries in all."""
    start = datetime(year, 1, 1, tzinfo=zone).astimezone(UTC)
    end = datetime(year + 1, 1, 1, tzinfo=zone).astimezone(UTC)
    in_year = (Ticket.received_at >= start, Ticket.received_at < end)
    trails: dict[int, list[TrailEvent]] = defaultdict(list)
    events = session.execute(
        select(TicketEvent.ticket_id, TicketEvent.at, TicketEvent.event, TicketEvent.detail)
        .join(Ticket, Ticket.id == TicketEvent.ticket_id)
        .where(*in_year, TicketEvent.event.in_(CLOCK_EVENTS))
        .order_by(TicketEvent.ticket_id, TicketEvent.id)
    )
    for ticket_id, at, event, detail in events:
        trails[ticket_id].append(_trail_event(at, event, detail or {}))
    tickets = session.execute(
        select(
            Ticket.id,
            Ticket.reference,
            Ticket.kind,
            Ticket.rights,
            Ticket.opt_out,
            Ticket.source,
            Ticket.state,
            Ticket.received_at,
            Ticket.due_on,
            Ticket.verification_requested_at,
            Ticket.verified_at,
            Ticket.closed_at,
        )
        .where(*in_year)
        .order_by(Ticket.received_at, Ticket.id)
    )
    return [
        RequestFacts(
            reference=row.reference,
            kind=row.kind,
            rights=tuple(row.rights or ()),
            opt_out=tuple(row.opt_out or ()),
            source=row.source,
            state=row.state,
            received_at=row.received_at,
            due_on=row.due_on,
            verification_requested_at=row.verification_requested_at,
            verified_at=row.verified_at,
            closed_at=row.closed_at,
            trail=tuple(trails.get(row.id, ())),
        )
        for row in tickets
    ]


def _trail_event(at: datetime, event: str, detail: dict[str, Any]) -> TrailEvent:
    due = detail.get("extended_due_on") if event == "extended" else detail.get("due_on")
    return TrailEvent(
        at=at,
        event=event,
        template=detail.get("template"),
        due_on=_date(due),
        started_on=_date(detail.get("clock_started_on")),
    )


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def report_command(
    settings: Settings,
    year: int,
    *,
    as_csv: bool,
    out: TextIO | None = None,
    now: datetime | None = None,
) -> int:
    """``mailbot report --year YYYY [--csv]``."""
    policy = clock_policy(settings)
    today = (now or datetime.now(UTC)).astimezone(policy.zone).date()
    engine = db.make_engine(settings.database.url)
    try:
        db.upgrade(engine)
        with Session(engine) as session:
            facts = load_requests(session, year, policy.zone)
    finally:
        engine.dispose()
    lines = [report_line(f, policy, today) for f in facts]
    stream = out or sys.stdout
    if as_csv:
        write_csv(stream, lines)
    else:
        print(report_text(year, lines, today, policy.timezone), file=stream)
    return 0
