"""The whole shared corpus through Dovecot and the daemon: every message accounted for."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mailbot.tickets.models import InboundMessageRow, OutboxMail, Ticket
from tests.servers import ImapAccount, SmtpSink
from tests.support import CORPUS, Folders, append, make_app, run_once, settings_for


def corpus_dir() -> Path:
    path = Path(os.environ.get("MAILBOT_CORPUS", CORPUS))
    if not (path / "MANIFEST.tsv").is_file():
        pytest.skip(f"shared corpus not found at {path}")
    return path


def corpus_files(folder: str) -> list[Path]:
    return sorted(p for p in (corpus_dir() / folder).rglob("*") if p.is_file())


@pytest.mark.timeout(300)
async def test_every_corpus_message_is_recorded_and_settled(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    files = corpus_files("requests") + corpus_files("mime")
    raws = [path.read_bytes() for path in files]
    uids = append(imap_account, raws)
    assert len(uids) == len(raws)
    app = make_app(settings_for(imap_account, smtp_sink, sqlite_url))

    summary = await run_once(app)

    assert summary.errors == []
    assert summary.fetched == len(raws)
    with app.sessions() as session:
        recorded = session.scalar(select(func.count()).select_from(InboundMessageRow))
        unsettled = session.scalar(
            select(func.count()).where(InboundMessageRow.settled_at.is_(None))
        )
        request_tickets = session.scalar(
            select(func.count()).where(Ticket.requester.like("%@example.%"))
        )
        quarantined = list(
            session.scalars(
                select(InboundMessageRow).where(InboundMessageRow.disposition == "quarantined")
            )
        )
    assert recorded == len(raws), "every message has a record"
    assert unsettled == 0
    assert quarantined == [], [q.reason for q in quarantined]
    assert request_tickets is not None and request_tickets >= len(corpus_files("requests"))
    folders = Folders(imap_account)
    total = folders.count("INBOX") + folders.count("Mailbot/Processed")
    assert total + folders.count("Mailbot/Quarantine") == len(raws), "nothing lost"
    with app.sessions() as session:
        states = list(session.scalars(select(OutboxMail.state)))
    assert states and set(states) == {"sent"}, "every acknowledgement delivered"
    assert summary.sent == len(states) == len(smtp_sink.messages)
