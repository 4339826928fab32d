"""The daily digest: the pure sectioning and schedule (tables), the templates, once a day end to
end on Dovecot + aiosmtpd + SQLite/PostgreSQL, a race between two daemons, and what a reader
sees of ``mailbot digest --preview`` in headless Chromium.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import threading
import zlib
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from email import message_from_bytes, policy
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, func, insert, select
from sqlalchemy.orm import Session

from mailbot import db
from mailbot.cli import main
from mailbot.config import Settings, settings_from_mapping
from mailbot.daemon import App
from mailbot.jobs import digest
from mailbot.jobs.digest import DigestRow, build_digest, days_text, describe_request, digest_day
from mailbot.mail.render import JinjaRenderer
from mailbot.tickets.models import JobRun, OutboxMail, Ticket
from mailbot.workflow.outgoing import Outgoing
from tests.conftest import REQUIRE_SERVERS_ENV
from tests.servers import ImapAccount, ReceivedMessage, SmtpSink
from tests.support import SteppingClock, append_at, make_app, request_mail, run_once, settings_for

LONDON = ZoneInfo("Europe/London")
TODAY = date(2026, 9, 3)  # a Thursday
NOW = datetime(2026, 9, 3, 7, 0, tzinfo=UTC)  # 08:00 in London (BST)
SINCE = NOW - timedelta(hours=24)
DPO, HELPDESK = "dpo@example.co.uk", "helpdesk@example.co.uk"
STAFF = {"addresses": [DPO, HELPDESK]}
HOSTILE = "<script>alert(1)</script> <b>Bold</b>"
REFERENCE = re.compile(r"^  ([A-Z]+-\d{4}-\d+)", re.MULTILINE)
OBJECTION = "Under Article 21 GDPR I object to the processing of my personal data."
ACCESS = "Under Article 15 GDPR I would like a copy of all personal data you hold about me."
STOP_CALLING = "Stop calling me on 07700 900123 and take me off your marketing lists."


def row(reference: str, **fields: Any) -> DigestRow:
    """An open rights request due in 20 days, created two days ago, unless told otherwise."""
    values: dict[str, Any] = {
        "reference": reference,
        "kind": "rights_request",
        "rights": ("access",),
        "opt_out": (),
        "state": "in_progress",
        "requester": "ann@example.org",
        "requester_name": "Ann Example",
        "subject": "My data",
        "due_on": TODAY + timedelta(days=20),
        "assignee": None,
        "created_at": NOW - timedelta(days=2),
    }
    values.update(fields)
    return DigestRow(**values)


def refs(built: digest.Digest, key: str) -> tuple[digest.Entry, ...]:
    """The entries of one section."""
    return next(s.entries for s in built.sections if s.key == key)


def keys(rows: list[DigestRow]) -> dict[str, list[str]]:
    """Section key → references in the order shown."""
    built = build_digest(rows, TODAY, SINCE, 7)
    return {s.key: [e.reference for e in s.entries] for s in built.sections}


# --- the pure part ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "zone", "at", "expected"),
    [
        # winter (GMT = UTC)
        (datetime(2026, 1, 15, 7, 59, tzinfo=UTC), "Europe/London", (8, 0), None),
        (datetime(2026, 1, 15, 8, 0, tzinfo=UTC), "Europe/London", (8, 0), date(2026, 1, 15)),
        # summer (BST = UTC+1): 08:00 in London is 07:00 UTC
        (datetime(2026, 7, 15, 6, 59, tzinfo=UTC), "Europe/London", (8, 0), None),
        (datetime(2026, 7, 15, 7, 0, tzinfo=UTC), "Europe/London", (8, 0), date(2026, 7, 15)),
        (datetime(2026, 7, 15, 22, 59, tzinfo=UTC), "Europe/London", (8, 0), date(2026, 7, 15)),
        # 23:30 UTC is already 00:30 tomorrow in London: tomorrow's digest is not due yet,
        # and today's is not sent again as "yesterday's"
        (datetime(2026, 7, 15, 23, 30, tzinfo=UTC), "Europe/London", (8, 0), None),
        # the days the clocks change (29 March and 25 October 2026)
        (datetime(2026, 3, 29, 6, 59, tzinfo=UTC), "Europe/London", (8, 0), None),
        (datetime(2026, 3, 29, 7, 0, tzinfo=UTC), "Europe/London", (8, 0), date(2026, 3, 29)),
        (datetime(2026, 10, 25, 7, 59, tzinfo=UTC), "Europe/London", (8, 0), None),
        (datetime(2026, 10, 25, 8, 0, tzinfo=UTC), "Europe/London", (8, 0), date(2026, 10, 25)),
        # just before midnight, another zone, another time
        (datetime(2026, 1, 15, 23, 58, tzinfo=UTC), "Europe/London", (23, 59), None),
        (datetime(2026, 1, 15, 23, 59, tzinfo=UTC), "Europe/London", (23, 59), date(2026, 1, 15)),
        (datetime(2026, 7, 15, 11, 59, tzinfo=UTC), "America/New_York", (8, 0), None),
        (datetime(2026, 7, 15, 12, 0, tzinfo=UTC), "America/New_York", (8, 0), date(2026, 7, 15)),
        (datetime(2026, 7, 14, 23, 0, tzinfo=UTC), "Asia/Tokyo", (8, 1), None),
        (datetime(2026, 7, 14, 23, 0, tzinfo=UTC), "Asia/Tokyo", (8, 0), date(2026, 7, 15)),
    ],
)
def test_digest_day(now: datetime, zone: str, at: tuple[int, int], expected: date | None) -> None:
    assert digest_day(now, ZoneInfo(zone), *at) == expected


@pytest.mark.parametrize(
    ("days_left", "state", "text"),
    [
        (-10, "in_progress", "10 days overdue"),
        (-1, "triage", "1 day overdue"),
        (0, "in_progress", "due today"),
        (1, "in_progress", "1 day left"),
        (7, "new", "7 days left"),
        (None, "awaiting_verification", "clock paused"),
        (None, "on_hold", "clock paused"),
        (None, "triage", "no due date"),
    ],
)
def test_days_text(days_left: int | None, state: str, text: str) -> None:
    assert days_text(days_left, state) == text


@pytest.mark.parametrize(
    ("kind", "rights", "opt_out", "text"),
    [
        ("rights_request", ("access",), (), "access"),
        ("rights_request", ("erasure", "automated_decision"), (), "erasure, automated decision"),
        ("rights_request", ("erasure",), ("email",), "erasure; opt-out: email"),
        ("opt_out", (), ("email", "phone"), "opt-out: email, phone"),
        ("opt_out", (), (), "opt-out"),
        ("rights_request", (), (), "not yet classified"),
    ],
)
def test_describe_request(
    kind: str, rights: tuple[str, ...], opt_out: tuple[str, ...], text: str
) -> None:
    assert describe_request(kind, rights, opt_out) == text


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param([], {}, id="nothing"),
        pytest.param(
            [
                row("DSR-3", due_on=TODAY - timedelta(days=1)),
                row("DSR-1", due_on=TODAY - timedelta(days=30)),
                row("DSR-2", due_on=TODAY - timedelta(days=1)),
            ],
            {"overdue": ["DSR-1", "DSR-2", "DSR-3"]},
            id="overdue by due date, then reference",
        ),
        pytest.param(
            [
                row("DSR-8", due_on=TODAY + timedelta(days=8)),
                row("DSR-7", due_on=TODAY + timedelta(days=7)),
                row("DSR-0", due_on=TODAY),
                row("DSR-9", due_on=TODAY - timedelta(days=1)),
            ],
            {"overdue": ["DSR-9"], "due_soon": ["DSR-0", "DSR-7"]},
            id="due today and on the 7th day are due soon, the 8th is not",
        ),
        pytest.param(
            [
                row("DSR-1", state="awaiting_verification", due_on=None),
                row("DSR-2", state="on_hold", due_on=None),
                row("DSR-3", state="triage", due_on=None, rights=()),
                row("DSR-4", state="triage", due_on=TODAY - timedelta(days=2)),
            ],
            {
                "awaiting_verification": ["DSR-1"],
                "on_hold": ["DSR-2"],
                "triage": ["DSR-4", "DSR-3"],
                "overdue": ["DSR-4"],
            },
            id="queues by state; undated last; an overdue triage ticket is in both",
        ),
        pytest.param(
            [
                row("OPT-1", kind="opt_out", rights=(), opt_out=("email",)),
                row("OPT-2", kind="opt_out", rights=(), opt_out=("phone",), state="completed"),
                row("DSR-1", state="completed", due_on=TODAY - timedelta(days=5)),
            ],
            {"opt_outs": ["OPT-1"]},
            id="closed tickets are neither pending nor overdue",
        ),
        pytest.param(
            [
                row("DSR-1", created_at=SINCE + timedelta(seconds=1)),
                row("DSR-2", created_at=SINCE),
                row("DSR-3", created_at=NOW, state="completed", due_on=None),
            ],
            {"new": ["DSR-1", "DSR-3"]},
            id="new: created after the last digest, whatever the state",
        ),
    ],
)
def test_sections(rows: list[DigestRow], expected: dict[str, list[str]]) -> None:
    shown = {key: refs for key, refs in keys(rows).items() if refs}
    assert shown == expected


def test_entries_say_how_many_days_are_left() -> None:
    built = build_digest(
        [
            row("DSR-1", due_on=TODAY - timedelta(days=3), assignee="bob@example.co.uk"),
            row("DSR-2", due_on=TODAY + timedelta(days=1), rights=("erasure",)),
            row("OPT-1", kind="opt_out", rights=(), opt_out=("email", "phone"), due_on=TODAY),
        ],
        TODAY,
        SINCE,
        7,
    )
    sections = {s.key: s for s in built.sections}
    (overdue,) = sections["overdue"].entries
    assert (overdue.days_left, overdue.days_text, overdue.urgency) == (
        -3,
        "3 days overdue",
        "overdue",
    )
    assert (overdue.due, overdue.assignee) == ("Mon 31 Aug 2026", "bob@example.co.uk")
    today, tomorrow = sections["due_soon"].entries
    assert (today.reference, today.days_text, today.request) == (
        "OPT-1",
        "due today",
        "opt-out: email, phone",
    )
    assert (tomorrow.days_left, tomorrow.days_text, tomorrow.assignee) == (
        1,
        "1 day left",
        "unassigned",
    )
    assert tomorrow.requester == "Ann Example <ann@example.org>"
    assert built.open_count == 3
    assert built.headline == "1 overdue, 2 due soon, 1 opt-out pending"


def test_an_extended_deadline_says_so() -> None:
    extended = row("DSR-1", due_on=TODAY + timedelta(days=3), extended=True)
    (shown,) = refs(build_digest([extended], TODAY, SINCE, 7), "due_soon")
    assert (shown.state, shown.days_text) == ("in progress, extended", "3 days left")


def test_untrusted_text_is_one_short_line() -> None:
    hostile = row(
        "DSR-1",
        requester_name="Eve\r\nBcc: all@example.com",
        subject="x" * 500,
        due_on=TODAY - timedelta(days=1),
    )
    (entry,) = refs(build_digest([hostile], TODAY, SINCE, 7), "overdue")
    assert "\n" not in entry.requester and "\r" not in entry.requester
    assert entry.requester.startswith("Eve Bcc: all@example.com <")
    assert len(entry.subject) <= 68


def test_long_sections_are_cut_but_counted() -> None:
    many = [row(f"DSR-{n:04d}", due_on=TODAY - timedelta(days=n)) for n in range(1, 131)]
    (overdue,) = [s for s in build_digest(many, TODAY, SINCE, 7).sections if s.key == "overdue"]
    assert overdue.total == 130
    assert len(overdue.entries) == digest.MAX_ROWS_PER_SECTION
    assert overdue.hidden == 130 - digest.MAX_ROWS_PER_SECTION
    assert overdue.entries[0].reference == "DSR-0130", "the most overdue first"


def test_nothing_to_report_says_so() -> None:
    built = build_digest([], TODAY, SINCE, 7)
    assert built.headline == "nothing needs attention"
    assert [s.total for s in built.sections] == [0] * len(digest.SECTIONS)


# --- the templates ------------------------------------------------------------------------


def rendered(rows: list[DigestRow], **settings: Any) -> Any:
    configured = settings_from_mapping({"staff": STAFF, **settings})
    built = build_digest(rows, TODAY, SINCE, configured.digest.due_soon_days)
    return JinjaRenderer().render("digest", "en", digest.context(configured, built))


SAMPLE = [
    row("DSR-2026-00001", due_on=TODAY - timedelta(days=2), requester_name=HOSTILE),
    row("DSR-2026-00002", due_on=TODAY + timedelta(days=3), subject="<img src=http://x/y.png>"),
    row("DSR-2026-00003", state="awaiting_verification", due_on=None),
    row("OPT-2026-00001", kind="opt_out", rights=(), opt_out=("email",), created_at=NOW),
]


def test_html_escapes_and_has_no_external_assets() -> None:
    mail = rendered(SAMPLE)
    assert "<script" not in mail.html and "<b>Bold" not in mail.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;Bold&lt;/b&gt;" in mail.html
    assert "<img" not in mail.html and "&lt;img src=http://x/y.png&gt;" in mail.html
    for forbidden in ("<style", "<link", "url(", "@import", "class="):
        assert forbidden not in mail.html
    assert not re.search(r"<[^>]*\s(src|href|background)=", mail.html), "no assets, no links"
    assert mail.html.count("<table") >= 4  # the frame, the summary, one per non-empty section
    for reference in ("DSR-2026-00001", "DSR-2026-00002", "DSR-2026-00003", "OPT-2026-00001"):
        assert reference in mail.html and reference in mail.text


def test_subject_and_text_part() -> None:
    mail = rendered(SAMPLE)
    assert mail.subject == (
        "Daily digest Thursday 3 September 2026: 1 overdue, 1 due soon, "
        "1 awaiting verification, 1 new, 1 opt-out pending"
    )
    assert HOSTILE in mail.text, "plain text shows the name as it is"
    assert not [line for line in mail.text.splitlines() if len(line) > 78]
    assert "\n\n\n" not in mail.text
    assert "  DSR-2026-00001   in progress           Tue 1 Sep 2026   2 days overdue" in mail.text
    assert "ON HOLD (0)\n  Nothing here." in mail.text
    assert "DUE WITHIN 7 DAYS (1)" in mail.text


def test_due_soon_days_is_configurable() -> None:
    mail = rendered(SAMPLE, digest={"due_soon_days": 14})
    assert "DUE WITHIN 14 DAYS (1)" in mail.text and "Due within 14 days" in mail.html


# --- the job, on a database -----------------------------------------------------------------


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    made = db.make_engine(db_url)
    db.upgrade(made)
    try:
        yield made
    finally:
        made.dispose()


def plain_settings(db_url: str, **sections: Any) -> Settings:
    return settings_from_mapping(
        {
            "database": {"url": db_url},
            "company": {"name": "Example Trading Ltd", "support_address": "support@example.co.uk"},
            **sections,
        }
    )


def add_ticket(engine: Engine, reference: str, **fields: Any) -> None:
    """A ticket written straight into the table (what ingest would have written)."""
    values: dict[str, Any] = {
        "reference": reference,
        "kind": "rights_request",
        "rights": ["access"],
        "opt_out": [],
        "requester": "ann@example.org",
        "requester_name": "Ann Example",
        "language": "en",
        "state": "in_progress",
        "subject": "My data",
        "received_at": NOW - timedelta(days=20),
        "due_on": TODAY + timedelta(days=10),
        "evidence": [],
        "created_at": NOW - timedelta(days=20),
        "updated_at": NOW - timedelta(days=20),
    }
    values.update(fields)
    with engine.begin() as connection:
        connection.execute(insert(Ticket), [values])


def send(engine: Engine, settings: Settings, now: datetime, owner: str = "test") -> bool:
    with Session(engine) as session, session.begin():
        outgoing = Outgoing(settings, JinjaRenderer())
        return digest.send_digest_if_due(session, settings, outgoing, now, owner)


def digests_queued(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        query = select(OutboxMail.recipient).where(OutboxMail.template == "digest")
        return sorted(connection.execute(query).scalars())


def job_runs(engine: Engine) -> list[tuple[str, str, dict[str, Any]]]:
    with engine.connect() as connection:
        query = select(JobRun.period, JobRun.owner, JobRun.detail).order_by(JobRun.period)
        return [(r.period, r.owner, r.detail) for r in connection.execute(query)]


def test_no_recipients_no_digest_and_no_record(engine: Engine, db_url: str) -> None:
    settings = plain_settings(db_url)
    assert not send(engine, settings, NOW)
    assert digests_queued(engine) == [] and job_runs(engine) == []
    disabled = plain_settings(db_url, staff=STAFF, digest={"enabled": False})
    assert not send(engine, disabled, NOW)
    assert digests_queued(engine) == [] and job_runs(engine) == []


def test_configured_recipients_win_and_the_day_is_recorded(engine: Engine, db_url: str) -> None:
    add_ticket(engine, "DSR-2026-00001", due_on=TODAY - timedelta(days=1))
    settings = plain_settings(db_url, staff=STAFF, digest={"recipients": ["boss@example.co.uk"]})
    assert not send(engine, settings, NOW - timedelta(minutes=1))
    assert send(engine, settings, NOW, owner="host:1:abc")
    assert not send(engine, settings, NOW + timedelta(hours=3))
    assert digests_queued(engine) == ["boss@example.co.uk"]
    ((period, owner, detail),) = job_runs(engine)
    assert (period, owner) == ("2026-09-03", "host:1:abc")
    assert detail["overdue"] == 1 and detail["recipients"] == 1


def test_a_rollback_leaves_the_day_unclaimed(engine: Engine, db_url: str) -> None:
    settings = plain_settings(db_url, staff=STAFF)
    with Session(engine) as session:
        outgoing = Outgoing(settings, JinjaRenderer())
        assert digest.send_digest_if_due(session, settings, outgoing, NOW, "a")
        session.rollback()
    assert job_runs(engine) == [] and digests_queued(engine) == []
    assert send(engine, settings, NOW)


def test_two_daemons_racing_send_one_digest(engine: Engine, db_url: str) -> None:
    """The second transaction waits on the first's claim of the day, then finds it taken."""
    settings = plain_settings(db_url, staff=STAFF)
    outgoing = Outgoing(settings, JinjaRenderer())
    results: dict[str, bool] = {}

    def second() -> None:
        results["b"] = send(engine, settings, NOW + timedelta(seconds=1), owner="b")

    with Session(engine) as first:
        results["a"] = digest.send_digest_if_due(first, settings, outgoing, NOW, "a")
        racer = threading.Thread(target=second)
        racer.start()
        racer.join(timeout=1.0)
        assert racer.is_alive(), "the second daemon must wait for the first's transaction"
        first.commit()
    racer.join(timeout=30)
    assert not racer.is_alive()
    assert results == {"a": True, "b": False}
    assert digests_queued(engine) == [DPO, HELPDESK]
    assert [(period, owner) for period, owner, _ in job_runs(engine)] == [("2026-09-03", "a")]


def test_new_counts_from_the_previous_digest(engine: Engine, db_url: str) -> None:
    settings = plain_settings(db_url, staff=STAFF)
    add_ticket(engine, "DSR-2026-00001", created_at=NOW - timedelta(hours=30))
    add_ticket(engine, "DSR-2026-00002", created_at=NOW - timedelta(hours=2))
    with engine.connect() as connection:
        first = digest.collect(connection, settings, TODAY, NOW)
    assert [e.reference for e in refs(first, "new")] == ["DSR-2026-00002"]  # the last 24 h
    assert send(engine, settings, NOW)
    add_ticket(engine, "DSR-2026-00003", created_at=NOW + timedelta(hours=5))
    tomorrow = NOW + timedelta(days=1)
    with engine.connect() as connection:
        second = digest.collect(connection, settings, TODAY + timedelta(days=1), tomorrow)
    assert second.since == NOW
    assert [e.reference for e in refs(second, "new")] == ["DSR-2026-00003"]


# --- end to end: IMAP in, SMTP out, a controlled clock -----------------------------------------


def subject_of(mail: ReceivedMessage) -> str:
    return str(message_from_bytes(mail.data, policy=policy.default)["Subject"])


def part(mail: ReceivedMessage, kind: str) -> str:
    parsed = message_from_bytes(mail.data, policy=policy.default)
    body = parsed.get_body((kind,))
    assert body is not None
    return str(body.get_content()).replace("\r\n", "\n")


def digests(sink: SmtpSink) -> list[ReceivedMessage]:
    return [m for m in sink.messages if subject_of(m).startswith("Daily digest")]


def section(text: str, title: str) -> list[str]:
    """The references listed under one heading of the text part."""
    blocks = [b for b in text.split("\n\n") if b.startswith(title.upper() + " (")]
    assert len(blocks) == 1, f"no section {title!r} in\n{text}"
    block = blocks[0]
    return REFERENCE.findall(block)


def tickets_by_requester(app: App) -> dict[str, Ticket]:
    with app.sessions() as session:
        return {t.requester: t for t in session.scalars(select(Ticket))}


def hostile_request(n: int, body: str) -> bytes:
    mail = request_mail(n, body=body)
    return mail.replace(f"From: Person {n} <".encode(), f'From: "{HOSTILE}" <'.encode())


async def test_one_digest_a_day_to_each_staff_member(
    imap_account: ImapAccount, smtp_sink: SmtpSink, db_url: str
) -> None:
    clock = SteppingClock(datetime(2026, 9, 3, 6, 30, tzinfo=UTC))  # 07:30 in London
    app = make_app(settings_for(imap_account, smtp_sink, db_url, staff=STAFF), clock)
    day_one = [  # (mail, arrival in UTC)
        (request_mail(1, subject="Objection", body=OBJECTION), (2026, 7, 27, 9)),
        (request_mail(2, subject="Objection", body=OBJECTION), (2026, 8, 8, 9)),
        (hostile_request(3, ACCESS), (2026, 9, 3, 6)),
        (request_mail(4, subject="stop calling me", body=STOP_CALLING), (2026, 9, 2, 9)),
    ]
    for mail, arrival in day_one:
        append_at(imap_account, mail, datetime(*arrival, tzinfo=UTC))
    await run_once(app)
    assert digests(smtp_sink) == [], "not before 08:00 in London"

    tickets = tickets_by_requester(app)
    overdue, soon, unverified, opt_out = (tickets[f"person{n}@example.org"] for n in (1, 2, 3, 4))
    assert overdue.due_on is not None and overdue.due_on < TODAY
    assert soon.due_on is not None and TODAY <= soon.due_on <= TODAY + timedelta(days=7)
    assert (unverified.state, unverified.requester_name) == ("awaiting_verification", HOSTILE)
    assert opt_out.kind == "opt_out"

    clock.now = NOW  # 08:00 BST
    await run_once(app)
    first = digests(smtp_sink)
    assert sorted(m.rcpt_tos for m in first) == [(DPO,), (HELPDESK,)]
    text, html = part(first[0], "plain"), part(first[0], "html")
    assert section(text, "Overdue") == [overdue.reference]
    assert section(text, "Due within 7 days") == [soon.reference]
    assert section(text, "Awaiting verification") == [unverified.reference]
    assert section(text, "On hold") == section(text, "Triage") == []
    assert sorted(section(text, "New since the last digest")) == sorted(
        t.reference for t in tickets.values()
    )
    assert section(text, "Opt-outs pending") == [opt_out.reference]
    late = (TODAY - overdue.due_on).days
    assert f"{late} day{'s' if late > 1 else ''} overdue" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script" not in html
    message = message_from_bytes(first[0].data, policy=policy.default)
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["Reply-To"] == "support@example.co.uk"
    assert "script" not in str(message["Subject"])

    clock.advance(minutes=30)
    await run_once(app)
    assert len(digests(smtp_sink)) == 2, "once a day"

    # The next morning: a new request overnight; nothing before 08:00, then the new digest.
    clock.now = datetime(2026, 9, 4, 5, 0, tzinfo=UTC)
    append_at(imap_account, request_mail(5, body=ACCESS), clock.now)
    await run_once(app)
    clock.now = datetime(2026, 9, 4, 6, 59, tzinfo=UTC)
    await run_once(app)
    assert len(digests(smtp_sink)) == 2
    clock.now = datetime(2026, 9, 4, 7, 0, tzinfo=UTC)
    await run_once(app)
    second = digests(smtp_sink)[2:]
    assert sorted(m.rcpt_tos for m in second) == [(DPO,), (HELPDESK,)]
    newest = tickets_by_requester(app)["person5@example.org"].reference
    assert section(part(second[0], "plain"), "New since the last digest") == [newest]
    assert "Friday 4 September 2026" in subject_of(second[0])
    with app.sessions() as session:
        assert session.scalar(select(func.count()).select_from(JobRun)) == 2


async def test_a_daemon_started_after_the_time_sends_at_once(
    imap_account: ImapAccount, smtp_sink: SmtpSink, db_url: str
) -> None:
    clock = SteppingClock(datetime(2026, 9, 3, 9, 0, tzinfo=UTC))  # 10:00 in London
    app = make_app(settings_for(imap_account, smtp_sink, db_url, staff=STAFF), clock)
    append_at(imap_account, request_mail(1, body=ACCESS), clock.now)
    await run_once(app)
    assert sorted(m.rcpt_tos for m in digests(smtp_sink)) == [(DPO,), (HELPDESK,)]
    await run_once(app)
    assert len(digests(smtp_sink)) == 2


async def test_summer_time_and_no_stale_digest(
    imap_account: ImapAccount, smtp_sink: SmtpSink, db_url: str
) -> None:
    """In July 08:00 in London is 07:00 UTC; yesterday's missed digest is never sent late."""
    clock = SteppingClock(datetime(2026, 7, 15, 6, 59, tzinfo=UTC))
    app = make_app(settings_for(imap_account, smtp_sink, db_url, staff=STAFF), clock)
    await run_once(app)
    assert digests(smtp_sink) == []
    clock.now = datetime(2026, 7, 15, 7, 0, tzinfo=UTC)
    await run_once(app)
    (sent, _) = digests(smtp_sink)
    assert "Wednesday 15 July 2026: nothing needs attention" in subject_of(sent)
    with app.sessions() as session:
        assert session.scalars(select(JobRun.period)).all() == ["2026-07-15"]


# --- what a reader sees: the preview in headless Chromium -----------------------------------


def chromium() -> str:
    """The browser binary; skips (fails under MAILBOT_REQUIRE_SERVERS=1) when missing."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    reason = "chromium is not installed (Debian: apt-get install chromium)"
    if os.environ.get(REQUIRE_SERVERS_ENV) == "1":
        pytest.fail(f"{reason} ({REQUIRE_SERVERS_ENV}=1)", pytrace=False)
    pytest.skip(reason)


def run_chromium(browser: str, profile: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--no-first-run",
        f"--user-data-dir={profile}",
        *arguments,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)


def png_pixels(data: bytes, rows: int) -> tuple[int, int, set[bytes]]:
    """Width, height and the distinct RGB colours of the first ``rows`` rows of an 8-bit PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, header, compressed = 8, b"", []
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            compressed.append(body)
        position += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert (depth, interlace) == (8, 0) and colour in (2, 6), "an 8-bit RGB(A) PNG"
    step = 4 if colour == 6 else 3
    raw = zlib.decompress(b"".join(compressed))
    stride = width * step
    previous = bytearray(stride)
    colours: set[bytes] = set()
    for y in range(min(rows, height)):
        start = y * (stride + 1)
        line = bytearray(raw[start + 1 : start + 1 + stride])
        _unfilter(raw[start], line, previous, step)
        colours.update(bytes(line[x : x + 3]) for x in range(0, stride, step))
        previous = line
    return width, height, colours


def _unfilter(kind: int, line: bytearray, previous: bytearray, step: int) -> None:
    """Undo one scanline's PNG filter in place (RFC 2083, 6.6): Sub, Up, Average, Paeth."""
    if kind == 2:
        line[:] = bytes((a + b) & 255 for a, b in zip(line, previous, strict=True))
        return
    for i in range(len(line)):
        left = line[i - step] if i >= step else 0
        if kind == 1:
            line[i] = (line[i] + left) & 255
        elif kind == 3:
            line[i] = (line[i] + ((left + previous[i]) >> 1)) & 255
        elif kind == 4:
            up, corner = previous[i], previous[i - step] if i >= step else 0
            guess = left + up - corner
            far_left, far_up = abs(guess - left), abs(guess - up)
            if far_left <= far_up and far_left <= abs(guess - corner):
                line[i] = (line[i] + left) & 255
            elif far_up <= abs(guess - corner):
                line[i] = (line[i] + up) & 255
            else:
                line[i] = (line[i] + corner) & 255


class VisibleText(HTMLParser):
    """The text a reader sees in a DOM (no head, no script)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.elements: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(tag)
        self._hidden += tag in ("head", "script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("head", "script", "style")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


@pytest.mark.timeout(180)
def test_preview_reads_well_in_a_browser(sqlite_url: str, tmp_path: Path) -> None:
    browser = chromium()
    engine = db.make_engine(sqlite_url)
    db.upgrade(engine)
    today = datetime.now(UTC).astimezone(LONDON).date()
    add_ticket(engine, "DSR-2026-00001", due_on=today - timedelta(days=3), requester_name=HOSTILE)
    add_ticket(engine, "DSR-2026-00002", due_on=today + timedelta(days=2), assignee=DPO)
    add_ticket(engine, "DSR-2026-00003", state="on_hold", due_on=None, subject="<i>tilt</i>")
    add_ticket(
        engine,
        "OPT-2026-00001",
        kind="opt_out",
        rights=[],
        opt_out=["email"],
        due_on=today + timedelta(days=9),
    )
    engine.dispose()
    config = tmp_path / "mailbot.toml"
    config.write_text(
        f'[database]\nurl = "{sqlite_url}"\n[staff]\naddresses = ["{DPO}"]\n', encoding="utf-8"
    )
    page, text_file = tmp_path / "digest.html", tmp_path / "digest.txt"

    assert (
        main(["--config", str(config), "digest", "--preview", str(page), "--text", str(text_file)])
        == 0
    )

    html = page.read_text(encoding="utf-8")
    for forbidden in ('src="http', "<link", "<script", "<style", "<img"):
        assert forbidden not in html
    assert "DSR-2026-00001" in text_file.read_text(encoding="utf-8")
    shot = tmp_path / "shot.png"
    run_chromium(
        browser,
        tmp_path / "profile",
        f"--screenshot={shot}",
        "--window-size=1024,1400",
        page.as_uri(),
    )
    width, height, colours = png_pixels(shot.read_bytes(), rows=700)
    assert (width, height) == (1024, 1400)
    assert len(colours) > 20, "a blank or single-colour screenshot"
    assert {b"\xff\xff\xff", b"\xf4\xf4\xf4"} <= colours, "the white card on the grey page"
    assert b"\xb3\x26\x1e" in colours, "overdue shows in red"

    dom = run_chromium(browser, tmp_path / "profile", "--dump-dom", page.as_uri()).stdout
    reader = VisibleText()
    reader.feed(dom)
    seen = reader.text
    for words in (
        "Daily digest",
        "Overdue (1)",
        "Due within 7 days (1)",
        "On hold (1)",
        "Opt-outs pending (1)",
        "Awaiting verification (0)",
        "Nothing here.",
        "DSR-2026-00001",
        "DSR-2026-00002",
        "DSR-2026-00003",
        "OPT-2026-00001",
        "3 days overdue",
        "2 days left",
        "clock paused",
        HOSTILE,
        "<i>tilt</i>",
    ):
        assert words in seen, words
    assert not {"script", "i", "img", "link", "style"} & set(reader.elements)
    assert "<script" not in dom


def test_preview_of_an_unwritable_file_fails_cleanly(sqlite_url: str, tmp_path: Path) -> None:
    config = tmp_path / "mailbot.toml"
    config.write_text(f'[database]\nurl = "{sqlite_url}"\n', encoding="utf-8")
    target = tmp_path / "missing" / "digest.html"
    assert main(["--config", str(config), "digest", "--preview", str(target)]) == 1


def test_preview_changes_nothing(sqlite_url: str, tmp_path: Path) -> None:
    settings = plain_settings(sqlite_url, staff=STAFF)
    engine = db.make_engine(sqlite_url)
    db.upgrade(engine)
    add_ticket(engine, "DSR-2026-00001", due_on=TODAY - timedelta(days=1))
    mail = digest.render_preview(settings, NOW)
    assert "DSR-2026-00001" in mail.text
    assert digests_queued(engine) == [] and job_runs(engine) == []
    engine.dispose()
