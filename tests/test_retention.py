"""The retention purge: pure tables for its parts, then a real year of tickets purged.

The year comes from ``tests.test_report.build_year``: after 24 months the tickets closed by
then lose every trace of their requester (searched for in every column of every table, the
suppression register and undeliverable addresses apart), the report of the year does not
change, the open and recently closed tickets stay as they were, and a second run does nothing.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, MetaData, select
from sqlalchemy.orm import Session

from mailbot.cli import main
from mailbot.daemon import Daemon
from mailbot.jobs.retention import (
    anonymous_actor,
    anonymous_detail,
    purge_closed,
    retention_cutoff,
)
from mailbot.tickets import store
from mailbot.tickets.models import (
    InboundMessageRow,
    OutboxMail,
    SecurityEvent,
    Suppression,
    Ticket,
    TicketEvent,
)
from tests.servers import ImapAccount, SmtpSink
from tests.support import append_at, request_mail, run_once
from tests.test_report import (
    PEOPLE,
    PHONE,
    PHRASE,
    STAFF,
    Year,
    address_of,
    build_year,
    check_report,
    report_csv,
)

KEPT_TABLES = {"suppressions", "undeliverable_addresses", "alembic_version"}
FIRST_PURGE = datetime(2028, 10, 30, 12, 0, tzinfo=UTC)  # 24 months after 30 Oct 2026 12:00
PURGED_FIRST = ("optout", "erasure", "hold", "unverified")  # closed 10 Sep … 26 Oct 2026


@pytest.mark.parametrize(
    ("now", "months", "expected"),
    [
        ("2026-11-28T20:15:00", 24, "2024-11-28T20:15:00"),
        ("2026-03-31T10:00:00", 1, "2026-02-28T10:00:00"),
        ("2028-03-31T10:00:00", 1, "2028-02-29T10:00:00"),  # a leap year
        ("2028-02-29T10:00:00", 24, "2026-02-28T10:00:00"),
        ("2028-02-29T10:00:00", 48, "2024-02-29T10:00:00"),
        ("2026-01-15T00:00:00", 1, "2025-12-15T00:00:00"),  # across a year
        ("2026-05-31T23:59:59", 3, "2026-02-28T23:59:59"),
        ("2026-07-31T12:00:00", 1, "2026-06-30T12:00:00"),
        ("2026-12-31T12:00:00", 12, "2025-12-31T12:00:00"),
        ("2026-12-31T12:00:00", 10, "2026-02-28T12:00:00"),
    ],
)
def test_retention_cutoff_counts_calendar_months(now: str, months: int, expected: str) -> None:
    instant = datetime.fromisoformat(now).replace(tzinfo=UTC)
    assert retention_cutoff(instant, months) == datetime.fromisoformat(expected).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("detail", "expected"),
    [
        ({}, {}),
        (
            {"template": "acknowledgement", "recipient": "a@example.org", "message_id": "<x@y>"},
            {"template": "acknowledgement"},
        ),
        (
            {
                "reason": "identity confirmed",
                "clock_started_on": "2026-09-10",
                "due_on": "2026-10-10",
            },
            {"clock_started_on": "2026-09-10", "due_on": "2026-10-10"},
        ),
        ({"source": "opt_out", "entries": ["email:a@example.org"]}, {"source": "opt_out"}),
        ({"problem": "wrong_code", "attempts": 2}, {"problem": "wrong_code", "attempts": 2}),
        (
            {"inbound_id": 7, "rule": "subject", "reason": "quoted text", "confidence": 0.8},
            {"inbound_id": 7, "rule": "subject", "confidence": 0.8},
        ),
        (
            {"outbox_id": 3, "error": "550 <a@example.org> unknown", "code": 550},
            {"outbox_id": 3, "code": 550},
        ),
        ({"note": "call back on 07700 900123"}, {}),
        (
            {"reason": "Records held in three systems", "extended_due_on": "2026-12-03"},
            {"extended_due_on": "2026-12-03"},
        ),
    ],
)
def test_anonymous_detail_keeps_only_the_whitelist(
    detail: dict[str, Any], expected: dict[str, Any]
) -> None:
    assert anonymous_detail(detail) == expected


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("mailbot", "mailbot"),
        ("unknown", "unknown"),
        ("ann@example.org", "requester"),
        ("Ann@Example.ORG", "requester"),
        ("dpo@example.co.uk", "dpo@example.co.uk"),  # staff stay
        ("someone@staff.example.co.uk", "someone@staff.example.co.uk"),  # a staff domain
        ("mallory@example.net", "someone else"),
    ],
)
def test_anonymous_actor(actor: str, expected: str) -> None:
    staff = {"dpo@example.co.uk"}

    def is_staff(address: str) -> bool:
        return address in staff or address.endswith("@staff.example.co.uk")

    assert anonymous_actor(actor, "ann@example.org", is_staff) == expected


# -- a year purged --------------------------------------------------------------------------


def needles(*keys: str) -> list[str]:
    """What would identify the requesters: address, name, where they live (and a phone)."""
    found = []
    for key in keys:
        name, house = PEOPLE[key]
        found += [address_of(key), name, f"{house} {PHRASE}"]
    return found + ([PHONE] if "optout" in keys else [])


def traces(engine: Engine, words: list[str]) -> set[str]:
    """``table.column: word`` for every value (text, JSON, bytes) holding any of the words."""
    metadata = MetaData()
    metadata.reflect(engine)
    found = set()
    with engine.connect() as connection:
        for table in metadata.sorted_tables:
            if table.name in KEPT_TABLES:
                continue
            for row in connection.execute(select(table)):
                for column, value in row._mapping.items():
                    text = _as_text(value).lower()
                    found |= {f"{table.name}.{column}: {w}" for w in words if w.lower() in text}
    return found


def _as_text(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def snapshot(session: Session, ticket_id: int) -> dict[str, list[dict[str, Any]]]:
    """Every row of one ticket, for comparing before and after."""

    def rows(model: Any, *where: Any) -> list[dict[str, Any]]:
        items = session.scalars(select(model).where(*where).order_by(model.id))
        return [{c.key: getattr(r, c.key) for c in model.__table__.columns} for r in items]

    return {
        "ticket": rows(Ticket, Ticket.id == ticket_id),
        "messages": rows(InboundMessageRow, InboundMessageRow.ticket_id == ticket_id),
        "outbox": rows(OutboxMail, OutboxMail.ticket_id == ticket_id),
        "events": rows(TicketEvent, TicketEvent.ticket_id == ticket_id),
    }


def unchanged(
    before: dict[str, list[dict[str, Any]]], after: dict[str, list[dict[str, Any]]]
) -> bool:
    """Every row there before is there, the same (jobs may have added mail and events since)."""
    return all(after[part][: len(rows)] == rows for part, rows in before.items())


def purge(year: Year, now: datetime, **kwargs: Any) -> int:
    with year.app.sessions.begin() as session:
        return purge_closed(session, year.app.settings, now, **kwargs)


def ticket_ids(year: Year) -> dict[str, int]:
    with year.app.sessions() as session:
        return {key: year.ticket(session, key).id for key in year.references}


def register(year: Year) -> set[tuple[str, str, int | None]]:
    with year.app.sessions() as session:
        return {(s.channel, s.value, s.ticket_id) for s in session.scalars(select(Suppression))}


async def test_purge_anonymises_old_closed_tickets_and_keeps_the_record(
    imap_account: ImapAccount,
    smtp_sink: SmtpSink,
    db_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    year = await build_year(imap_account, smtp_sink, db_url)
    engine = year.app.engine
    ids = ticket_ids(year)
    report_before = report_csv(year)
    personal = needles(*PURGED_FIRST)
    before = traces(engine, personal)
    for table in ("tickets", "inbound_messages", "outbox", "ticket_events"):
        assert any(t.startswith(table) for t in before), f"the search finds nothing in {table}"
    entries = register(year)
    assert ("phone", "+447700900123", ids["optout"]) in entries
    assert ("email", address_of("erasure"), ids["erasure"]) in entries
    with year.app.sessions() as session:
        kept = {key: snapshot(session, ids[key]) for key in ("extended", "open")}

    # On 25 Oct 2028 three tickets have been closed for 24 months: purged two at a time.
    early = datetime(2028, 10, 25, 12, 0, tzinfo=UTC)
    assert purge(year, early, batch_size=2) == 2
    assert purge(year, early, batch_size=2) == 1
    assert purge(year, early, batch_size=2) == 0
    year.clock.now = FIRST_PURGE
    await Daemon(year.app).run_jobs()  # the scheduled job: the hold request's turn
    assert purge(year, FIRST_PURGE) == 0, "a second run purges nothing"

    assert traces(engine, personal) == set()
    assert register(year) == entries
    with year.app.sessions() as session:
        purged = {key: year.ticket(session, key) for key in PURGED_FIRST}
        assert {key: t.purged_at for key, t in purged.items()} == {
            "optout": early,
            "erasure": early,
            "unverified": early,
            "hold": FIRST_PURGE,
        }
        assert {(t.requester, t.requester_name, t.subject) for t in purged.values()} == {
            ("", "", "")
        }
        assert [(t.state, t.rights) for t in purged.values()] == [
            ("completed", []),
            ("completed", ["erasure"]),
            ("completed", ["objection"]),
            ("closed_unverified", ["access"]),
        ]
        trail = store.events_of(session, ids["erasure"])
        assert trail[-1].event == "purged"
        assert "requester" in {e.actor for e in trail}, "the verification is still the requester's"
        assert STAFF in {e.actor for e in trail}, "staff stay named"
        assert {e.event for e in trail} >= {"opened", "clock_paused", "verified", "clock_started"}
        assert all(unchanged(rows, snapshot(session, ids[key])) for key, rows in kept.items()), (
            "open and recently closed tickets are untouched"
        )
    assert report_csv(year) == report_before

    config = tmp_path / "show.toml"
    config.write_text(f'[database]\nurl = "{db_url}"\n')
    capsys.readouterr()
    for extra in ([], ["--json"]):
        reference = year.references["erasure"]
        assert main(["--config", str(config), "tickets", "show", reference, *extra]) == 0
        shown = capsys.readouterr().out
        assert reference in shown and "purged" in shown
        assert not [w for w in needles("erasure") if w in shown]

    # A month later the extended request (closed 20 Nov 2026) goes too; the open one never.
    later = datetime(2028, 12, 1, tzinfo=UTC)
    assert purge(year, later) == 1
    assert purge(year, later) == 0
    assert traces(engine, needles(*PURGED_FIRST, "extended")) == set()
    assert {t.split(".")[0] for t in traces(engine, needles("open"))} >= {
        "tickets",
        "inbound_messages",
        "outbox",
    }, "the open request keeps its data"
    check_report(year, report_csv(year))
    assert report_csv(year) == report_before


def copy_row(row: Any, **changes: Any) -> Any:
    """A new row of the same model with the same values but for `changes` (and a new id)."""
    values = {c.key: getattr(row, c.key) for c in type(row).__table__.columns}
    return type(row)(**values | {"id": None} | changes)


async def test_duplicates_security_events_and_pending_mail_of_a_purged_ticket(
    imap_account: ImapAccount, smtp_sink: SmtpSink, db_url: str
) -> None:
    year = await build_year(imap_account, smtp_sink, db_url)
    ids = ticket_ids(year)
    with year.app.sessions.begin() as session:
        original = session.scalars(
            select(InboundMessageRow).where(InboundMessageRow.ticket_id == ids["erasure"])
        ).first()
        mail = session.scalars(
            select(OutboxMail).where(OutboxMail.ticket_id == ids["erasure"])
        ).first()
        assert original is not None and mail is not None
        session.add(
            copy_row(
                original,
                uid=original.uid + 1000,
                ticket_id=None,
                duplicate_of_id=original.id,
                disposition="duplicate",
            )
        )
        session.add(
            copy_row(mail, message_id="<late@example.co.uk>", state="pending", sent_at=None)
        )
        session.add(
            SecurityEvent(
                at=year.clock(),
                kind="staff_unauthenticated",
                address=address_of("erasure"),
                ticket_id=ids["erasure"],
                detail={"reason": f"claimed by {address_of('erasure')}", "rule": "dkim"},
            )
        )
    assert purge(year, FIRST_PURGE) == 4
    assert traces(year.app.engine, needles("erasure")) == set()
    with year.app.sessions() as session:
        event = session.scalars(select(SecurityEvent)).one()
        assert (event.kind, event.address, event.detail) == (
            "staff_unauthenticated",
            "",
            {"rule": "dkim"},
        )
        late = session.scalars(
            select(OutboxMail).where(OutboxMail.message_id == "<late@example.co.uk>")
        ).one()
        assert (late.state, late.last_error, late.payload) == (
            "failed",
            "purged before delivery",
            b"",
        )


async def test_records_of_no_ticket_go_by_their_own_age(
    imap_account: ImapAccount, smtp_sink: SmtpSink, db_url: str
) -> None:
    """The staff digest names requesters; ignored mail and stray alerts hold addresses too."""
    year = await build_year(imap_account, smtp_sink, db_url)
    ids = ticket_ids(year)
    with year.app.sessions.begin() as session:
        original = session.scalars(
            select(InboundMessageRow).where(InboundMessageRow.ticket_id == ids["open"])
        ).one()
        for n, recorded in enumerate((datetime(2026, 10, 1, tzinfo=UTC), year.clock())):
            session.add(
                copy_row(
                    original,
                    uid=original.uid + 1000 + n,
                    ticket_id=None,
                    disposition="ignored",
                    recorded_at=recorded,
                )
            )
            session.add(
                SecurityEvent(
                    at=recorded,
                    kind="staff_unauthenticated",
                    address=address_of("open"),
                    detail={"subject": PHRASE},
                )
            )
        digests = session.scalars(
            select(OutboxMail.created_at).where(OutboxMail.template == "digest")
        ).all()
    cutoff = datetime(2026, 10, 30, 12, tzinfo=UTC)
    assert min(digests) <= cutoff < max(digests), "a digest each day the daemon ran"

    assert purge(year, FIRST_PURGE) == 4
    with year.app.sessions() as session:
        mails = session.scalars(select(OutboxMail).where(OutboxMail.ticket_id.is_(None))).all()
        assert [(m.recipient == "", m.payload == b"") for m in mails] == [
            (m.created_at <= cutoff, m.created_at <= cutoff) for m in mails
        ]
        ignored = session.scalars(
            select(InboundMessageRow)
            .where(InboundMessageRow.disposition == "ignored")
            .order_by(InboundMessageRow.recorded_at)
        ).all()
        assert [(m.from_address, m.text_body == "") for m in ignored] == [
            (None, True),
            (address_of("open"), False),
        ]
        alerts = session.scalars(select(SecurityEvent).order_by(SecurityEvent.at)).all()
        assert [(a.address, a.detail) for a in alerts] == [
            ("", {}),
            (address_of("open"), {"subject": PHRASE}),
        ]
    assert purge(year, FIRST_PURGE) == 0
    assert purge(year, datetime(2028, 12, 1, tzinfo=UTC)) == 1
    assert traces(year.app.engine, needles(*PURGED_FIRST, "extended")) == set()


async def test_a_late_reply_to_a_purged_ticket_is_read_as_new_mail(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    """A purged ticket takes no more mail: a reply two years on must not re-fill it."""
    year = await build_year(imap_account, smtp_sink, sqlite_url)
    purge(year, FIRST_PURGE)
    reference = year.references["erasure"]
    year.clock.now = FIRST_PURGE
    late = request_mail(
        77,
        sender=address_of("erasure"),
        subject=f"Re: [{reference}] Your request",
        body="Thank you again for your help back then.",
        message_id="<late-thanks@example.org>",
    )
    append_at(imap_account, late, FIRST_PURGE)
    await run_once(year.app)
    with year.app.sessions() as session:
        row = session.scalars(
            select(InboundMessageRow).where(
                InboundMessageRow.message_id == "<late-thanks@example.org>"
            )
        ).one()
        purged = year.ticket(session, "erasure")
    assert row.ticket_id is None and row.rule == "not_a_request"
    assert purged.requester == "" and purged.purged_at is not None
