"""The regulator's report: pure tables for the computation, and a year of real tickets.

``build_year`` runs six requests end to end (Dovecot, aiosmtpd, a stepping clock): an
opt-out, an erasure verified by email, an extended objection, an objection put on hold and
answered, an access request closed unverified, and an objection still open. The retention
tests purge the same year and check that its report does not change.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from mailbot.cli import main
from mailbot.daemon import App, Daemon
from mailbot.report import (
    CSV_COLUMNS,
    ReportLine,
    RequestFacts,
    Totals,
    TrailEvent,
    count_pauses,
    effective_due_on,
    load_requests,
    on_time,
    report_command,
    report_line,
    report_text,
    summarise,
)
from mailbot.tickets.clock import ClockPolicy
from mailbot.tickets.models import Ticket
from tests.servers import ImapAccount, ReceivedMessage, SmtpSink
from tests.support import SUPPORT, SteppingClock, append_at, make_app, reply_to, settings_for

POLICY = ClockPolicy()
ZONE = POLICY.zone
STAFF = "dpo@example.co.uk"
PHRASE = "Marmalade Lane"
PHONE = "900123"
# Who sent each request: a name and a house number in Marmalade Lane of their own.
PEOPLE = {
    "optout": ("Ottoline Quennell", 17),
    "erasure": ("Barnaby Thistlewood", 23),
    "extended": ("Clementine Hargreave", 31),
    "hold": ("Desmond Ravenscroft", 42),
    "unverified": ("Evangeline Mortlake", 56),
    "open": ("Fitzwilliam Pargeter", 68),
}
REPORT_AT = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
BODIES = {
    "optout": "Your sales team keeps ringing me on 07700 900123. Stop calling me and take me "
    "off your marketing lists.",
    "erasure": "Under Article 17 GDPR please erase all personal data you hold about me.",
    "extended": "Under Article 21 GDPR I object to the processing of my personal data.",
    "hold": "Under Article 21 GDPR I object to the processing of my personal data.",
    "unverified": "Under Article 15 GDPR I would like a copy of all personal data you hold "
    "about me.",
    "open": "Under Article 21 GDPR I object to the processing of my personal data for marketing.",
}


def at(day: str, hour: int = 9) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC)


# -- pure: pauses, due dates, on time -------------------------------------------------------


def paused(day: str, hour: int = 9) -> TrailEvent:
    return TrailEvent(at(day, hour), "clock_paused")


def started(day: str, *, due: str | None = None, on: str | None = None) -> TrailEvent:
    return TrailEvent(
        at(day),
        "clock_started",
        due_on=date.fromisoformat(due) if due else None,
        started_on=date.fromisoformat(on) if on else None,
    )


@pytest.mark.parametrize(
    ("trail", "until", "expected"),
    [
        ((), "2026-10-01", (0, 0, False)),
        ((started("2026-09-03"),), "2026-10-01", (0, 0, False)),
        ((paused("2026-09-03"), started("2026-09-10")), "2026-10-01", (1, 7, False)),
        # the restart counts from the date the clarification arrived, not the event's
        (
            (paused("2026-09-07"), started("2026-09-22", on="2026-09-21")),
            "2026-10-01",
            (1, 14, False),
        ),
        # a second request for proof while still paused is the same pause
        (
            (paused("2026-09-03"), paused("2026-09-17"), started("2026-09-20")),
            "2026-10-01",
            (1, 17, False),
        ),
        ((paused("2026-09-03"),), "2026-09-17", (1, 14, True)),
        (
            (
                paused("2026-09-03"),
                started("2026-09-05"),
                paused("2026-09-10"),
                started("2026-09-15"),
            ),
            "2026-10-01",
            (2, 7, False),
        ),
        # 23:00 UTC on 31 August is 1 September in London (BST); in winter (GMT) it is not
        ((paused("2026-08-31", 23), started("2026-09-02")), "2026-10-01", (1, 1, False)),
        ((paused("2026-11-30", 23), started("2026-12-02")), "2027-01-01", (1, 2, False)),
    ],
)
def test_count_pauses(
    trail: tuple[TrailEvent, ...], until: str, expected: tuple[int, int, bool]
) -> None:
    assert count_pauses(trail, ZONE, date.fromisoformat(until)) == expected


@pytest.mark.parametrize(
    ("state", "closed_on", "due_on", "is_paused", "expected"),
    [
        ("completed", "2026-10-09", "2026-10-10", False, "yes"),
        ("completed", "2026-10-10", "2026-10-10", False, "yes"),
        ("rejected", "2026-10-11", "2026-10-10", False, "no"),
        ("completed", "2026-10-11", None, False, "n/a"),
        ("closed_unverified", "2026-09-17", None, True, "n/a"),
        ("in_progress", None, "2026-12-02", False, "open"),
        ("in_progress", None, "2026-11-27", False, "open, overdue"),
        ("in_progress", None, "2026-11-28", False, "open"),
        ("on_hold", None, "2026-11-01", True, "open"),
        ("awaiting_verification", None, None, True, "open"),
    ],
)
def test_on_time(
    state: str, closed_on: str | None, due_on: str | None, is_paused: bool, expected: str
) -> None:
    closed = date.fromisoformat(closed_on) if closed_on else None
    due = date.fromisoformat(due_on) if due_on else None
    assert on_time(state, closed, due, date(2026, 11, 28), paused=is_paused) == expected


def facts(
    *,
    kind: str = "rights_request",
    rights: tuple[str, ...] = ("access",),
    state: str = "in_progress",
    received: str = "2026-09-03",
    due_on: str | None = None,
    closed: str | None = None,
    trail: tuple[TrailEvent, ...] = (),
    asked: bool = False,
    verified: str | None = None,
    reference: str = "DSR-2026-00001",
) -> RequestFacts:
    return RequestFacts(
        reference=reference,
        kind=kind,
        rights=rights if kind == "rights_request" else (),
        opt_out=("email",) if kind == "opt_out" else (),
        source="email",
        state=state,
        received_at=at(received),
        due_on=date.fromisoformat(due_on) if due_on else None,
        verification_requested_at=at(received) if asked else None,
        verified_at=at(verified, 15) if verified else None,
        closed_at=at(closed, 12) if closed else None,
        trail=trail,
    )


@pytest.mark.parametrize(
    ("ticket", "expected"),
    [
        (facts(due_on="2026-10-03"), date(2026, 10, 3)),
        # on hold: the last due date the trail recorded
        (
            facts(
                state="on_hold",
                trail=(started("2026-09-03", due="2026-10-03"), paused("2026-09-07")),
            ),
            date(2026, 10, 3),
        ),
        (
            facts(
                trail=(
                    started("2026-09-03", due="2026-10-03"),
                    TrailEvent(at("2026-09-20"), "extended", due_on=date(2026, 12, 3)),
                )
            ),
            date(2026, 12, 3),
        ),
        # waiting for identity proof from the start: no due date yet
        (facts(state="awaiting_verification", trail=(paused("2026-09-03"),)), None),
        # triage, the clock never stopped: one month from receipt (3 Oct 2026 is a Saturday;
        # the 30-day target, 3 Oct, is the earlier)
        (facts(state="triage"), date(2026, 10, 3)),
        # an opt-out: ten business days
        (facts(kind="opt_out"), date(2026, 9, 17)),
    ],
)
def test_effective_due_on(ticket: RequestFacts, expected: date | None) -> None:
    assert effective_due_on(ticket, POLICY) == expected


def test_report_line_of_a_verified_request() -> None:
    ticket = facts(
        rights=("access", "erasure"),
        state="completed",
        due_on="2026-10-10",
        closed="2026-10-08",
        asked=True,
        verified="2026-09-10",
        trail=(
            paused("2026-09-03"),
            started("2026-09-10", due="2026-10-10", on="2026-09-10"),
            TrailEvent(at("2026-09-10"), "mail_queued", template="verification_confirmed"),
        ),
    )
    line = report_line(ticket, POLICY, date(2026, 11, 28))
    assert line == ReportLine(
        reference="DSR-2026-00001",
        kind="rights_request",
        rights=("access", "erasure"),
        opt_out=(),
        source="email",
        received_on=date(2026, 9, 3),
        verified="2026-09-10",
        pauses=1,
        paused_days=7,
        extended_on=None,
        extension_notice_on=None,
        due_on=date(2026, 10, 10),
        closed_on=date(2026, 10, 8),
        state="completed",
        days_to_close=35,
        on_time="yes",
    )
    assert line.groups == ("access", "erasure")


@pytest.mark.parametrize(
    ("ticket", "verified", "notice", "extended"),
    [
        (facts(), "not needed", None, None),
        (facts(asked=True, state="awaiting_verification"), "", None, None),
        (facts(asked=True, verified="2026-09-04"), "2026-09-04", None, None),
        (
            facts(
                trail=(
                    TrailEvent(at("2026-09-20"), "extended"),
                    TrailEvent(at("2026-09-20", 10), "mail_queued", template="staff_notice"),
                    TrailEvent(at("2026-09-21"), "mail_queued", template="extension_notice"),
                )
            ),
            "not needed",
            date(2026, 9, 21),
            date(2026, 9, 20),
        ),
        # extended, but the notice could not be queued (a bounced address)
        (
            facts(trail=(TrailEvent(at("2026-09-20"), "extended"),)),
            "not needed",
            None,
            date(2026, 9, 20),
        ),
    ],
)
def test_verified_and_extension_columns(
    ticket: RequestFacts, verified: str, notice: date | None, extended: date | None
) -> None:
    line = report_line(ticket, POLICY, date(2026, 11, 28))
    assert (line.verified, line.extension_notice_on, line.extended_on) == (
        verified,
        notice,
        extended,
    )


def test_a_reopened_ticket_is_open_whatever_its_old_close() -> None:
    line = report_line(
        facts(state="in_progress", due_on="2026-10-03", closed="2026-09-20"),
        POLICY,
        date(2026, 11, 28),
    )
    assert (line.closed_on, line.days_to_close, line.on_time) == (None, None, "open, overdue")


def line(
    rights: tuple[str, ...], state: str, on_time: str, days: int | None, kind: str = "rights"
) -> ReportLine:
    return ReportLine(
        reference="DSR-2026-00001",
        kind="opt_out" if kind == "opt_out" else "rights_request",
        rights=rights,
        opt_out=("email",) if kind == "opt_out" else (),
        source="email",
        received_on=date(2026, 9, 3),
        verified="not needed",
        pauses=0,
        paused_days=0,
        extended_on=None,
        extension_notice_on=None,
        due_on=None,
        closed_on=None,
        state=state,
        days_to_close=days,
        on_time=on_time,
    )


def test_totals_by_right_count_a_ticket_under_each_of_its_rights() -> None:
    lines = [
        line(("access", "erasure"), "completed", "yes", 20),
        line(("access",), "completed", "no", 40),
        line(("access",), "rejected", "yes", 10),
        line(("erasure",), "closed_unverified", "n/a", 14),
        line(("erasure",), "in_progress", "open, overdue", None),
        line((), "triage", "open", None),
        line((), "completed", "yes", 7, kind="opt_out"),
    ]
    totals = {t.label: t for t in summarise(lines)}
    assert list(totals) == ["access", "erasure", "opt_out", "unspecified", "all"]
    assert totals["access"] == Totals("access", 3, 2, 1, 0, 0, 2, 1, 20)
    assert totals["access"].share_on_time == pytest.approx(2 / 3)
    assert totals["erasure"] == Totals("erasure", 3, 1, 0, 1, 1, 1, 0, 20)
    assert totals["unspecified"] == Totals("unspecified", 1, 0, 0, 0, 1, 0, 0, None)
    assert totals["unspecified"].share_on_time is None
    assert totals["all"] == Totals("all", 7, 3, 1, 1, 2, 3, 1, 15)  # median of 7, 10, 20, 40


def test_empty_year() -> None:
    assert summarise([]) == [Totals("all", 0, 0, 0, 0, 0, 0, 0, None)]
    text = report_text(2025, [], date(2026, 11, 28), "Europe/London")
    assert text.endswith("no requests")


# -- a year of real requests ----------------------------------------------------------------


def to(sink: SmtpSink, address: str) -> list[ReceivedMessage]:
    return [m for m in sink.messages if m.rcpt_tos == (address,)]


def text_of(mail: ReceivedMessage) -> str:
    body = message_from_bytes(mail.data, policy=policy.default).get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def address_of(key: str) -> str:
    return f"ottoline.{key}@example.org"


def request(key: str) -> bytes:
    """A request signed with the requester's name, mentioning where they live."""
    name, house = PEOPLE[key]
    return (
        f"From: {name} <{address_of(key)}>\r\nTo: {SUPPORT}\r\n"
        f"Subject: My request about {PHRASE}\r\nMessage-ID: <req-{key}@example.org>\r\n"
        "Date: Thu, 03 Sep 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        f"{BODIES[key]}\r\n\r\nI live at {house} {PHRASE}.\r\n\r\n{name}\r\n"
    ).encode()


@dataclass
class Year:
    """The six requests of 2026 and the app that handled them."""

    app: App
    clock: SteppingClock
    references: dict[str, str]

    def ticket(self, session: Session, key: str) -> Ticket:
        found = session.scalar(select(Ticket).where(Ticket.reference == self.references[key]))
        assert found is not None
        return found


async def act(year: Year, key: str, when: datetime, action: str, text: str) -> None:
    """A staff action on one ticket at a given time, then the mail it queued is delivered."""
    year.clock.now = when
    daemon = Daemon(year.app)
    with year.app.sessions.begin() as session:
        getattr(daemon.lifecycle, action)(session, year.ticket(session, key), text, STAFF, when)
    await daemon.run_once()


async def answer(
    year: Year, account: ImapAccount, sink: SmtpSink, key: str, when: datetime, body: str
) -> None:
    """The requester replies to the last mail they got, at `when`."""
    year.clock.now = when
    last = to(sink, address_of(key))[-1]
    reply = reply_to(
        last.data, sender=address_of(key), body=body, message_id=f"<re-{key}@example.org>"
    )
    append_at(account, reply, when)
    await Daemon(year.app).run_once()


async def build_year(account: ImapAccount, sink: SmtpSink, db_url: str) -> Year:
    """Six requests received in 2026, handled over three months (see the module docstring)."""
    clock = SteppingClock(at("2026-09-03"))
    settings = settings_for(account, sink, db_url, staff={"addresses": [STAFF]})
    app = make_app(settings, clock)
    for key in ("optout", "erasure", "extended", "hold", "unverified"):
        append_at(account, request(key), clock())
    await Daemon(app).run_once()
    with app.sessions() as session:
        references = {
            key: ticket.reference
            for ticket in session.scalars(select(Ticket).order_by(Ticket.id))
            for key in BODIES
            if ticket.requester == address_of(key)
        }
    year = Year(app, clock, references)

    await act(year, "hold", at("2026-09-07", 10), "hold", "Which account do you mean?")
    await act(year, "optout", at("2026-09-10"), "complete", "Removed from the call list.")
    (asked,) = [m for m in to(sink, address_of("erasure")) if "code" in text_of(m).lower()][:1]
    code = re.search(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b", text_of(asked))
    assert code is not None
    await answer(year, account, sink, "erasure", at("2026-09-10", 15), f"Code: {code.group(0)}")
    clock.now = at("2026-09-17", 10)
    await Daemon(app).run_once()  # the access request has waited 14 days for its code
    await act(year, "extended", at("2026-09-20", 10), "extend", "Records held in three systems")
    await answer(year, account, sink, "hold", at("2026-09-21", 11), "The one for my old shop.")
    await act(year, "erasure", at("2026-10-08", 12), "complete", "Erased.")
    await act(year, "hold", at("2026-10-26", 12), "complete", "Processing stopped.")
    clock.now = at("2026-11-02")
    append_at(account, request("open"), clock())
    await Daemon(app).run_once()
    with app.sessions() as session:
        opened = session.scalar(select(Ticket).where(Ticket.requester == address_of("open")))
        assert opened is not None
        year.references["open"] = opened.reference
    await act(year, "extended", at("2026-11-20", 12), "complete", "Processing stopped.")
    return year


EXPECTED_LINES = {
    # verified | pauses | paused_days | extended_on | extension_notice_on | due_on | closed_on |
    # state | days_to_close | on_time
    "optout": "not needed|0|0|||2026-09-17|2026-09-10|completed|7|yes",
    "erasure": "2026-09-10|1|7|||2026-10-10|2026-10-08|completed|35|yes",
    "extended": "not needed|0|0|2026-09-20|2026-09-20|2026-12-03|2026-11-20|completed|78|yes",
    "hold": "not needed|1|14|||2026-10-21|2026-10-26|completed|53|no",
    "unverified": "|1|14||||2026-09-17|closed_unverified|14|n/a",
    "open": "not needed|0|0|||2026-12-02||in_progress||open",
}
DETAIL_COLUMNS = CSV_COLUMNS[6:]


def report_csv(year: Year) -> str:
    out = io.StringIO()
    assert report_command(year.app.settings, 2026, as_csv=True, out=out, now=REPORT_AT) == 0
    return out.getvalue()


def check_report(year: Year, text: str) -> None:
    """The CSV has the expected line for each request, in order of receipt."""
    rows = list(csv.DictReader(io.StringIO(text)))
    by_reference = {row["reference"]: row for row in rows}
    assert [row["reference"] for row in rows] == [year.references[k] for k in EXPECTED_LINES]
    for key, expected in EXPECTED_LINES.items():
        row = by_reference[year.references[key]]
        assert "|".join(row[c] for c in DETAIL_COLUMNS) == expected, key
    optout = by_reference[year.references["optout"]]
    assert (optout["kind"], optout["rights"], optout["opt_out"]) == ("opt_out", "", "email;phone")
    erasure = by_reference[year.references["erasure"]]
    assert (erasure["kind"], erasure["rights"], erasure["source"]) == (
        "rights_request",
        "erasure",
        "email",
    )
    assert {row["received_on"] for row in rows} == {"2026-09-03", "2026-11-02"}


async def test_the_report_of_a_year(
    imap_account: ImapAccount,
    smtp_sink: SmtpSink,
    db_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    year = await build_year(imap_account, smtp_sink, db_url)
    report = report_csv(year)
    check_report(year, report)
    assert report.splitlines()[0] == ",".join(CSV_COLUMNS)
    assert address_of("erasure") not in report and "Barnaby" not in report and PHRASE not in report

    with year.app.sessions() as session:
        lines = [
            report_line(f, POLICY, REPORT_AT.date()) for f in load_requests(session, 2026, ZONE)
        ]
    totals = {t.label: t for t in summarise(lines)}
    assert totals["all"] == Totals("all", 6, 4, 0, 1, 1, 3, 1, 44)  # median of 7, 35, 53, 78
    assert totals["all"].share_on_time == 0.75
    assert totals["objection"] == Totals("objection", 3, 2, 0, 0, 1, 1, 1, 65.5)
    assert totals["erasure"] == Totals("erasure", 1, 1, 0, 0, 0, 1, 0, 35)
    assert totals["access"] == Totals("access", 1, 0, 0, 1, 0, 0, 0, None)
    assert totals["opt_out"] == Totals("opt_out", 1, 1, 0, 0, 0, 1, 0, 7)

    config = tmp_path / "report.toml"
    config.write_text(f'[database]\nurl = "{db_url}"\n')
    capsys.readouterr()
    assert main(["--config", str(config), "report", "--year", "2026"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Requests received in 2026 (Europe/London), as of ")
    hold_line = next(row for row in text.splitlines() if row.startswith(year.references["hold"]))
    assert " ".join(hold_line.split()[5:]) == (
        "not needed 1 (14 d) - 2026-10-21 2026-10-26 completed 53 no"
    )
    extended = next(row for row in text.splitlines() if row.startswith(year.references["extended"]))
    assert " ".join(extended.split()[5:]) == (
        "not needed - 2026-09-20 2026-12-03 2026-11-20 completed 78 yes"
    )
    all_line = next(row for row in text.splitlines() if row.startswith("all "))
    assert all_line.split() == ["all", "6", "4", "0", "1", "1", "3", "1", "75%", "44"]

    assert main(["--config", str(config), "report", "--year", "2026", "--csv"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 7
    assert main(["--config", str(config), "report", "--year", "2025", "--csv"]) == 0
    assert capsys.readouterr().out.strip() == ",".join(CSV_COLUMNS)


async def test_the_year_is_the_local_year(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    """Received 00:30 UTC on 1 January 2026: 2026 in London, still 2025 in New York."""
    for zone, expected in (("Europe/London", ["2026"]), ("America/New_York", ["2025"])):
        settings = settings_for(imap_account, smtp_sink, sqlite_url, company={"timezone": zone})
        app = make_app(settings, SteppingClock(datetime(2026, 1, 1, 0, 30, tzinfo=UTC)))
        if zone == "Europe/London":
            append_at(imap_account, request("open"), datetime(2026, 1, 1, 0, 30, tzinfo=UTC))
            await Daemon(app).run_once()
        years = []
        for year in (2025, 2026):
            out = io.StringIO()
            report_command(settings, year, as_csv=True, out=out, now=REPORT_AT)
            years += [str(year)] * (len(out.getvalue().splitlines()) - 1)
        assert years == expected, zone
