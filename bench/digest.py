"""Digest benchmark: N open tickets in a fresh database → today's digest built and rendered.

Fills a throwaway SQLite database (or ``--db-url``) with N open tickets spread over every open
state, with due dates from 40 days overdue to 40 days ahead, then times, best of ``--repeat``:

  * query: ``load_rows`` (one SQLAlchemy Core SELECT of the columns the digest shows);
  * build: ``build_digest`` (sections, sorting, days left: pure Python);
  * render: the subject, text and HTML parts (jinja2, autoescaped);
  * send: the whole ``send_digest_if_due`` for two recipients in one transaction (claim the
    day, query, build, render, compose two MIME mails, two outbox INSERTs), rolled back so
    every repeat sends again.

Usage, from the repository root:

    /work/venv/bin/python bench/digest.py [-n 10000] [--repeat 5] [--db-url URL] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert
from sqlalchemy.orm import Session

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mailbot import db
from mailbot.config import settings_from_mapping
from mailbot.jobs import digest
from mailbot.mail.render import JinjaRenderer
from mailbot.tickets.models import Ticket
from mailbot.tickets.states import OPEN
from mailbot.workflow.outgoing import Outgoing

NOW = datetime(2026, 9, 3, 9, 0, tzinfo=UTC)  # 10:00 in London, after the digest time
RIGHTS = (["access"], ["erasure"], ["access", "erasure"], ["rectification"], [])


def fill(engine: Engine, count: int) -> None:
    """N open tickets, a few created in the last day, every open state, varied due dates."""
    states = sorted(OPEN)
    rows: list[dict[str, Any]] = []
    for n in range(count):
        state = states[n % len(states)]
        paused = state in ("awaiting_verification", "on_hold")
        opt_out = n % 7 == 0
        created = NOW - timedelta(hours=(n * 7) % (24 * 60))
        rows.append(
            {
                "reference": f"{'OPT' if opt_out else 'DSR'}-2026-{n:05d}",
                "kind": "opt_out" if opt_out else "rights_request",
                "rights": [] if opt_out else RIGHTS[n % len(RIGHTS)],
                "opt_out": ["email"] if opt_out else [],
                "requester": f"person{n}@example.org",
                "requester_name": f"Person {n}",
                "language": "en",
                "state": state,
                "subject": f"Subject access request number {n}",
                "received_at": created,
                "due_on": None if paused else (NOW + timedelta(days=n % 81 - 40)).date(),
                "assignee": "dpo@example.co.uk" if n % 3 == 0 else None,
                "evidence": [],
                "created_at": created,
                "updated_at": created,
            }
        )
    with engine.begin() as connection:
        connection.execute(insert(Ticket), rows)


def best_of(repeat: int, action: Callable[[], Any]) -> float:
    """The fastest of ``repeat`` runs, in milliseconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000, help="open tickets (default 10000)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db-url", help="an empty database (default: a temporary SQLite file)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        url = args.db_url or f"sqlite:///{Path(scratch) / 'bench.db'}"
        settings = settings_from_mapping(
            {
                "database": {"url": url},
                "company": {"support_address": "support@example.co.uk"},
                "staff": {"addresses": ["dpo@example.co.uk", "helpdesk@example.co.uk"]},
            }
        )
        engine = db.make_engine(url)
        db.upgrade(engine)
        fill(engine, args.n)
        renderer = JinjaRenderer()
        outgoing = Outgoing(settings, renderer)
        day = NOW.date()
        with engine.connect() as connection:
            rows = digest.load_rows(connection, NOW - timedelta(hours=24))
            built = digest.build_digest(rows, day, NOW - timedelta(hours=24), 7)
            context = digest.context(settings, built)
            query_ms = best_of(
                args.repeat, lambda: digest.load_rows(connection, NOW - timedelta(hours=24))
            )
        build_ms = best_of(
            args.repeat, lambda: digest.build_digest(rows, day, NOW - timedelta(hours=24), 7)
        )
        render_ms = best_of(args.repeat, lambda: renderer.render("digest", "en", context))
        mail = renderer.render("digest", "en", context)

        def send() -> None:
            with Session(engine) as session:
                assert digest.send_digest_if_due(session, settings, outgoing, NOW, "bench")
                session.rollback()

        send_ms = best_of(args.repeat, send)
        engine.dispose()

    result = {
        "tickets": args.n,
        "rows_loaded": len(rows),
        "sections": {s.key: s.total for s in built.sections},
        "query_ms": round(query_ms, 1),
        "build_ms": round(build_ms, 1),
        "render_ms": round(render_ms, 1),
        "query_build_render_ms": round(query_ms + build_ms + render_ms, 1),
        "send_digest_if_due_ms": round(send_ms, 1),
        "html_bytes": len(mail.html.encode()),
        "text_bytes": len(mail.text.encode()),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:>24}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
