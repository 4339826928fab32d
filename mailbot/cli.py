"""The ``mailbot`` command: run, demo, classify, check, deadline, suppression, db, digest,
report, tickets."""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from mailbot import db
from mailbot.config import Settings, load_settings
from mailbot.errors import MailbotError
from mailbot.logs import setup_logging


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        result: int = args.handler(args)
        return result
    except MailbotError as exc:
        print(f"mailbot: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mailbot", description=__doc__)
    parser.add_argument(
        "--config", help="TOML file (default: $MAILBOT_CONFIG or config/mailbot.toml)"
    )
    commands = parser.add_subparsers(dest="command")

    run = commands.add_parser("run", help="run the daemon until SIGTERM/SIGINT")
    run.add_argument("--once", action="store_true", help="handle the mailbox now, deliver, exit")
    run.set_defaults(handler=cmd_run)

    demo = commands.add_parser("demo", help="run on embedded IMAP + SMTP servers with sample mail")
    demo.add_argument("--keep", action="store_true", help="keep the demo database afterwards")
    demo.set_defaults(handler=cmd_demo)

    classify = commands.add_parser("classify", help="how the classifier reads mail files")
    classify.add_argument("files", nargs="+", metavar="FILE", help="RFC 5322 files; - for stdin")
    classify.add_argument("--json", action="store_true", help="one JSON object per line")
    classify.set_defaults(handler=cmd_classify)

    check = commands.add_parser(
        "check", help="validate the configuration and try the database, every mailbox and SMTP"
    )
    check.set_defaults(handler=cmd_check)

    deadline = commands.add_parser("deadline", help="the statutory dates for a receipt time")
    deadline.add_argument("when", help="a date (2026-09-03) or an ISO timestamp (…T23:30:00Z)")
    deadline.add_argument("--json", action="store_true")
    deadline.set_defaults(handler=cmd_deadline)

    suppression = commands.add_parser("suppression", help="the do-not-contact register")
    suppression_commands = suppression.add_subparsers(dest="suppression_command", required=True)
    export = suppression_commands.add_parser("export", help="entries for the CRM")
    export.add_argument("--since", help="only entries written on or after this date (UTC)")
    export.add_argument("--csv", action="store_true", help="CSV (the default; JSON with --json)")
    export.add_argument("--json", action="store_true")
    export.set_defaults(handler=cmd_suppression_export)

    database = commands.add_parser("db", help="database schema")
    database_commands = database.add_subparsers(dest="db_command", required=True)
    database_commands.add_parser("upgrade", help="create or upgrade the schema").set_defaults(
        handler=cmd_db_upgrade
    )
    database_commands.add_parser("current", help="show the schema revision").set_defaults(
        handler=cmd_db_current
    )

    digest = commands.add_parser("digest", help="the staff's daily digest")
    digest.add_argument(
        "--preview", metavar="FILE.html", required=True, help="write today's digest as HTML"
    )
    digest.add_argument("--text", metavar="FILE.txt", help="also write its text part")
    digest.set_defaults(handler=cmd_digest)

    report = commands.add_parser("report", help="the year's record of requests, for a regulator")
    report.add_argument("--year", type=int, required=True, help="requests received that year")
    report.add_argument("--csv", action="store_true", help="one CSV line per request")
    report.set_defaults(handler=cmd_report)

    tickets = commands.add_parser("tickets", help="list and show tickets")
    ticket_commands = tickets.add_subparsers(dest="tickets_command", required=True)
    listing = ticket_commands.add_parser("list", help="list tickets")
    listing.add_argument("--json", action="store_true", help="one JSON array")
    listing.add_argument("--state", help="only tickets in this state")
    listing.set_defaults(handler=cmd_tickets_list)
    show = ticket_commands.add_parser("show", help="one ticket with its messages and trail")
    show.add_argument("reference")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_tickets_show)
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    settings = load_settings(args.config)
    setup_logging(settings.logging.level, settings.logging.format)
    return settings


def cmd_run(args: argparse.Namespace) -> int:
    from mailbot.daemon import Daemon, build_app

    settings = _settings(args)
    app = build_app(settings)
    try:
        with db.exclusive_sqlite_lock(app.engine):
            daemon = Daemon(app)
            if args.once:
                summary = asyncio.run(daemon.run_once())
                print(json.dumps(summary.__dict__))
                return 1 if summary.errors else 0
            asyncio.run(_run_until_signal(daemon))
    finally:
        app.close()
    return 0


async def _run_until_signal(daemon: Any) -> None:
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, daemon.stop)
    await daemon.run()


def cmd_demo(args: argparse.Namespace) -> int:
    from mailbot.demo import run_demo

    return run_demo(keep=args.keep)


def cmd_classify(args: argparse.Namespace) -> int:
    from mailbot.classify import classify
    from mailbot.mail.parse import parse_message

    status = 0
    rows = []
    for name in args.files:
        try:
            raw = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        except OSError as exc:
            print(f"mailbot: {name}: {exc.strerror or exc}", file=sys.stderr)
            status = 1
            continue
        label = classify(parse_message(raw))
        row = {
            "file": name,
            "kind": label.kind,
            "rights": list(label.rights),
            "opt_out": list(label.opt_out),
            "language": label.language,
            "confidence": round(label.confidence, 3),
            "on_behalf": label.on_behalf,
            "needs_triage": label.needs_triage,
            "evidence": list(label.evidence),
        }
        if args.json:
            print(json.dumps(row, ensure_ascii=False))
        else:
            rows.append(row)
    if rows:
        print(classification_table(rows))
    return status


def classification_table(rows: list[dict[str, Any]]) -> str:
    """The readable form of ``mailbot classify``."""
    lines = []
    for row in rows:
        labels = ",".join(row["rights"] + [f"opt-out:{c}" for c in row["opt_out"]]) or "-"
        flag = "  → triage" if row["needs_triage"] else ""
        lines.append(
            f"{row['file']}\n  {row['kind']:<15} {labels:<32} {row['language']}  "
            f"{row['confidence']:.2f}{flag}"
        )
        lines.extend(f"    · {item}" for item in row["evidence"][:6])
    return "\n".join(lines)


def cmd_check(args: argparse.Namespace) -> int:
    from mailbot.check import run_checks

    try:
        settings = load_settings(args.config)
    except MailbotError as exc:
        print(f"FAIL configuration: {exc}")
        return 1
    print(f"ok   configuration: {settings.source}")
    return 0 if run_checks(settings) else 1


def cmd_deadline(args: argparse.Namespace) -> int:
    from mailbot.config import clock_policy
    from mailbot.tickets.clock import deadline_report

    settings = load_settings(args.config)
    try:
        report = deadline_report(args.when, clock_policy(settings))
    except ValueError as exc:
        print(f"mailbot: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report))
    else:
        width = max(len(key) for key in report)
        print("\n".join(f"{key:<{width}}  {value}" for key, value in report.items()))
    return 0


def cmd_suppression_export(args: argparse.Namespace) -> int:
    from mailbot.views import suppression_rows, write_csv

    since = None
    if args.since:
        try:
            since = datetime.fromisoformat(args.since)
        except ValueError:
            print(f"mailbot: --since {args.since!r} is not a date (2026-09-03)", file=sys.stderr)
            return 2
        since = since if since.tzinfo else since.replace(tzinfo=UTC)
    with _engine(_settings(args), upgrade=True) as engine, Session(engine) as session:
        rows = suppression_rows(session, since)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        write_csv(sys.stdout, rows)
    return 0


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    with _engine(_settings(args), upgrade=True) as engine:
        print(f"database at revision {db.current_revision(engine)}")
    return 0


def cmd_db_current(args: argparse.Namespace) -> int:
    with _engine(_settings(args), upgrade=False) as engine:
        print(db.current_revision(engine) or "(empty)")
    return 0


def cmd_tickets_list(args: argparse.Namespace) -> int:
    from mailbot.tickets.store import list_tickets
    from mailbot.views import ticket_summary, tickets_table

    with _engine(_settings(args), upgrade=True) as engine, Session(engine) as session:
        rows = [ticket_summary(t) for t in list_tickets(session, args.state)]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print(tickets_table(rows))
    return 0


def cmd_tickets_show(args: argparse.Namespace) -> int:
    from mailbot.views import ticket_detail, ticket_text

    with _engine(_settings(args), upgrade=True) as engine, Session(engine) as session:
        detail = ticket_detail(session, args.reference)
    if detail is None:
        print(f"mailbot: no ticket {args.reference}", file=sys.stderr)
        return 1
    print(json.dumps(detail, ensure_ascii=False, indent=2) if args.json else ticket_text(detail))
    return 0


def cmd_digest(args: argparse.Namespace) -> int:
    from mailbot.jobs.digest import preview_command

    return preview_command(_settings(args), args.preview, args.text)


def cmd_report(args: argparse.Namespace) -> int:
    from mailbot.report import report_command

    return report_command(_settings(args), args.year, as_csv=args.csv)


@contextmanager
def _engine(settings: Settings, *, upgrade: bool) -> Iterator[Engine]:
    """An engine for one command, schema upgraded if asked, disposed afterwards."""
    engine = db.make_engine(settings.database.url)
    try:
        if upgrade:
            db.upgrade(engine)
        yield engine
    finally:
        engine.dispose()
