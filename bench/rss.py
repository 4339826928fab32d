"""Memory benchmark: the peak RSS of ``mailbot run --once`` over a database of 100,000 tickets.

Steps (all servers private, on 127.0.0.1):

 1. Baseline: ``run --once`` on an empty database and an empty mailbox (staff configured, so
    the day's digest is built and sent) — the fixed cost of the process.
 2. Templates: ``run --once`` on 40 generated requests (bench/ingest.py's generator), so the
    seeded rows below carry what mailbot really writes (bodies, headers, evidence, audit
    details, MIME payloads of the verification request and the staff notice).
 3. Seed ``--tickets`` tickets with SQLAlchemy Core bulk INSERTs into a fresh SQLite file
    (schema from ``mailbot.db.upgrade``): the newest ``--open`` are open (received over the
    last 35 days: awaiting verification, in progress, on hold, triage), the rest closed over
    the ``--span-days`` before (completed, rejected, closed unverified), 15 % opt-outs. Each
    ticket has its request in ``inbound_messages`` (half also a reply), its audit trail
    (~8 events), two sent mails in ``outbox``, and suppressions for erasures and opt-outs.
    The escalation rungs a running daemon would have sent up to yesterday are recorded
    (``--no-history``: none, i.e. the first start after an import — the worst case).
 4. Append ``--new`` requests to the mailbox and time ``run --once`` with staff and a DPO
    configured: it ingests them, then runs every job over the whole database (verification
    reminders/expiry, escalation, the digest of all open tickets, retention), delivers, exits.
    Its peak RSS comes from its own rusage (``os.wait4``), so no other child can mask it.
 5. Where the memory goes: the same run replayed in a probe child (a copy of the database, the
    same mails) phase by phase, with VmRSS and the phase's own peak (VmHWM reset through
    /proc/self/clear_refs before each phase); RSS added by each package's import; and
    ``-X importtime`` (start-up time by package). ``--tracemalloc`` adds the top Python
    allocation sites of each phase (slower, and tracemalloc's own memory inflates RSS).

The digest alone with 10,000 open tickets is timed by bench/digest.py.

Usage, from the repository root:

    /work/venv/bin/python bench/rss.py [--tickets 100000] [--open 10000] [--new 200]
        [--span-days 700] [--no-history] [--no-breakdown] [--tracemalloc] [--seed 5] [--json]
"""

# Only the standard library at module level: the probe modes measure imports from scratch.
from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CHUNK = 2_000  # tickets per INSERT round
OPEN_DAYS = 35
ASSIGNEES = ("alice@example.co.uk", "bob@example.co.uk")
DPO = "dpo@example.co.uk"
# Third-party packages mailbot imports, in dependency order (shared dependencies are charged to
# the first that pulls them in).
PACKAGES = (
    "sqlalchemy",
    "alembic",
    "psycopg",
    "jinja2",
    "imapclient",
    "aiosmtplib",
    "apscheduler",
    "bs4",
    "charset_normalizer",
    "holidays",
    "phonenumbers",
    "dns",
    "dkim",
    "numpy",
    "py3langid",
)


# ---------------------------------------------------------------------------- /proc


def _status() -> dict[str, float]:
    values = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024
    return values


def _reset_peak() -> None:
    """Set VmHWM back to the current RSS (Linux ≥ 4.0), so the next phase shows its own peak."""
    with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
        refs.write("5")


# ---------------------------------------------------------------------------- probe children


@dataclass
class Phases:
    """VmRSS after each phase, the phase's own peak, its time and (optionally) Python allocs."""

    trace: bool
    rows: list[dict[str, Any]] = field(default_factory=list)
    snapshot: Any = None

    def start(self) -> float:
        _reset_peak()
        if self.trace:
            import tracemalloc

            if tracemalloc.is_tracing():
                self.snapshot = tracemalloc.take_snapshot()
                tracemalloc.reset_peak()
        return time.perf_counter()

    def done(self, name: str, started: float) -> None:
        seconds = time.perf_counter() - started
        status = _status()
        row: dict[str, Any] = {
            "phase": name,
            "seconds": round(seconds, 3),
            "rss_mb": round(status["VmRSS"], 1),
            "peak_mb": round(status["VmHWM"], 1),
        }
        if self.trace and self.snapshot is not None:
            import tracemalloc

            current, peak = tracemalloc.get_traced_memory()
            row["traced_mb"], row["traced_peak_mb"] = (
                round(current / 2**20, 1),
                round(peak / 2**20, 1),
            )
            grown = tracemalloc.take_snapshot().compare_to(self.snapshot, "lineno")[:6]
            row["top"] = [f"{s.size_diff / 2**20:+.1f} MB {s.traceback[0]}" for s in grown]
            self.snapshot = None
        self.rows.append(row)


async def _probe_run(config: str, phases: Phases) -> None:
    """``run --once`` phase by phase: the order of Daemon.run_once, each job on its own."""
    started = phases.start()
    from mailbot.classify.classifier import warm_up
    from mailbot.config import load_settings
    from mailbot.daemon import Daemon, build_app
    from mailbot.jobs.digest import send_digest_if_due
    from mailbot.jobs.retention import purge_closed

    phases.done("imports (mailbot.daemon and what it pulls in)", started)
    started = phases.start()
    app = build_app(load_settings(config))
    daemon = Daemon(app)
    phases.done("build_app + Daemon (engine, schema check, templates)", started)
    settings, outgoing = app.settings, daemon.lifecycle.outgoing
    started = phases.start()
    warm_up()
    phases.done("warm_up (language model, lexicons)", started)
    started = phases.start()
    await daemon.poller.open()
    report = await daemon.poller.cycle()
    phases.done(f"ingest {report.fetched} new mails (fetch, parse, classify, commit)", started)
    # Each job as Daemon.run_jobs runs it: a transaction of its own, escalation one per chunk.
    jobs: list[tuple[str, Callable[[], Any]]] = [
        (
            "job: verification reminders/expiry",
            lambda: daemon._in_transaction("verification", daemon.lifecycle.remind_and_expire),
        ),
        ("job: escalation", daemon._escalate),
        (
            "job: digest",
            lambda: daemon._in_transaction(
                "digest",
                lambda s, now: send_digest_if_due(s, settings, outgoing, now, daemon.owner),
            ),
        ),
        (
            "job: retention",
            lambda: daemon._in_transaction(
                "retention", lambda s, now: purge_closed(s, settings, now)
            ),
        ),
    ]
    for name, job in jobs:
        started = phases.start()
        done = job()
        phases.done(f"{name} → {int(done or 0)}", started)
    started = phases.start()
    delivered = await daemon.delivery.deliver_due()
    phases.done(f"deliver {delivered.sent} mails", started)
    await daemon.delivery.close()
    await daemon.poller.close()
    app.close()


def probe_run(config: str, trace: bool) -> int:
    """Child mode: print the phases of a ``run --once`` as JSON."""
    phases = Phases(trace)
    started = phases.start()
    phases.done("interpreter + the stdlib modules this script uses", started)
    if trace:
        import tracemalloc

        tracemalloc.start(1)
    asyncio.run(_probe_run(config, phases))
    print(json.dumps(phases.rows))
    return 0


def _roots() -> set[str]:
    """Top-level third-party packages loaded so far (those under site-packages)."""
    return {
        name
        for name, module in list(sys.modules.items())
        if "." not in name and "site-packages" in (getattr(module, "__file__", None) or "")
    }


def probe_modules() -> int:
    """Child mode: the top-level packages loaded at start-up, and those warm_up adds."""
    before = _roots()
    import mailbot.cli
    import mailbot.daemon  # noqa: F401

    startup = _roots()
    from mailbot.classify.classifier import warm_up

    warm_up()
    print(json.dumps({"startup": sorted(startup - before), "warm_up": sorted(_roots() - startup)}))
    return 0


def probe_imports(startup: list[str], warm: list[str]) -> int:
    """Child mode: RSS added by importing each package mailbot loads, then by warm_up."""
    import importlib

    rows = []
    before = _status()["VmRSS"]

    def step(name: str, action: Callable[[], object]) -> None:
        nonlocal before
        started = time.perf_counter()
        action()
        rss = _status()["VmRSS"]
        seconds = round(time.perf_counter() - started, 3)
        rows.append({"module": name, "added_mb": round(rss - before, 1), "seconds": seconds})
        before = rss

    first = [p for p in PACKAGES if p in startup] + sorted(set(startup) - set(PACKAGES))
    for name in [*first, "mailbot.cli", "mailbot.daemon"]:
        step(name, lambda name=name: importlib.import_module(name))
    for name in [p for p in PACKAGES if p in warm] + sorted(set(warm) - set(PACKAGES)):
        step(f"{name} (warm_up)", lambda name=name: importlib.import_module(name))
    from mailbot.classify.classifier import warm_up

    step("warm_up: model data, lexicons", warm_up)
    rows.append({"module": "(total RSS)", "added_mb": round(before, 1), "seconds": 0.0})
    print(json.dumps(rows))
    return 0


def import_times() -> list[tuple[str, float]]:
    """``python -X importtime``: seconds spent importing each top-level package (self times
    summed over its modules, so the figures add up to the whole import)."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import mailbot.cli, mailbot.daemon"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    totals: dict[str, float] = {}
    for line in proc.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) != 3 or not parts[0].strip().isdigit():
            continue
        root = parts[2].strip().split(".")[0]
        totals[root] = totals.get(root, 0.0) + int(parts[0]) / 1e6
    return sorted(totals.items(), key=lambda item: -item[1])


# ---------------------------------------------------------------------------- seeding


@dataclass
class Template:
    ticket: dict[str, Any]
    inbound: list[dict[str, Any]]
    events: list[dict[str, Any]]
    outbox: list[dict[str, Any]]


def load_templates(db_url: str) -> list[Template]:
    """The rows a real run wrote for each ticket, as plain dicts (Python values)."""
    from sqlalchemy import create_engine, select

    from mailbot.tickets.models import InboundMessageRow, OutboxMail, Ticket, TicketEvent

    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:

            def rows(model: Any) -> list[dict[str, Any]]:
                return [dict(r) for r in conn.execute(select(model.__table__)).mappings()]

            tickets = rows(Ticket)
            by_ticket: dict[str, dict[int, list[dict[str, Any]]]] = {}
            for name, model in (
                ("inbound", InboundMessageRow),
                ("events", TicketEvent),
                ("outbox", OutboxMail),
            ):
                grouped: dict[int, list[dict[str, Any]]] = {}
                for row in rows(model):
                    grouped.setdefault(row["ticket_id"], []).append(row)
                by_ticket[name] = grouped
    finally:
        engine.dispose()
    return [
        Template(
            t,
            by_ticket["inbound"].get(t["id"], []),
            by_ticket["events"].get(t["id"], []),
            by_ticket["outbox"].get(t["id"], []),
        )
        for t in tickets
    ]


@dataclass
class Plan:
    """One seeded ticket's shape."""

    index: int
    received: datetime
    state: str
    opt_out: bool
    template: Template


class Seeder:
    """Builds the rows of N tickets around real template rows and bulk-inserts them."""

    def __init__(self, args: argparse.Namespace, templates: list[Template], now: datetime):
        from mailbot.config import EscalationSettings

        self.args = args
        self.templates = templates
        self.now = now
        self.rng = random.Random(args.seed)
        self.ladder = EscalationSettings(dpo_address=DPO)
        self.counters: dict[tuple[str, int], int] = {}
        self.ids = {"inbound": 0, "outbox": 0}
        self.counts: dict[str, int] = {}

    # -- shape

    def plans(self) -> Iterator[Plan]:
        n, n_open = self.args.tickets, min(self.args.open, self.args.tickets)
        closed_span = max(self.args.span_days - OPEN_DAYS, 1) * 86400
        for i in range(n):
            if i < n - n_open:
                offset = OPEN_DAYS * 86400 + closed_span * (1 - i / max(n - n_open, 1))
            else:
                offset = OPEN_DAYS * 86400 * (1 - (i - (n - n_open)) / n_open) + 3600
            received = self.now - timedelta(seconds=offset)
            is_open = i >= n - n_open
            age = (self.now - received).days
            yield Plan(
                i,
                received,
                self._state(is_open, age),
                self.rng.random() < 0.15,
                self.templates[i % len(self.templates)],
            )

    def _state(self, is_open: bool, age: int) -> str:
        roll = self.rng.random()
        if not is_open:
            if roll < 0.8:
                return "completed"
            return "rejected" if roll < 0.9 else "closed_unverified"
        if age <= 14 and roll < 0.3:
            return "awaiting_verification"
        if roll < 0.35:
            return "triage"
        return "on_hold" if roll < 0.42 else "in_progress"

    # -- rows

    def ticket(self, plan: Plan) -> dict[str, Any]:
        row = dict(plan.template.ticket)
        prefix = "OPT" if plan.opt_out else "DSR"
        key = (prefix, plan.received.year)
        self.counters[key] = self.counters.get(key, 0) + 1
        received, state = plan.received, plan.state
        paused = state in ("awaiting_verification", "on_hold")
        due = received.date() + timedelta(days=14 if plan.opt_out else 30)
        domain = row["requester"].rpartition("@")[2]
        row.update(
            id=plan.index + 1,
            reference=f"{prefix}-{received.year}-{self.counters[key]:05d}",
            requester=f"person{plan.index}@{domain}",
            state=state,
            received_at=received,
            created_at=received,
            updated_at=received + timedelta(hours=2),
            due_on=None if paused else due,
            clock_started_at=None if paused else received,
            assignee=ASSIGNEES[plan.index % 2] if plan.index % 3 == 0 else None,
            on_hold_since=received + timedelta(days=3) if state == "on_hold" else None,
            closed_at=(
                received + timedelta(days=1 + plan.index % 29) if self._closed(state) else None
            ),
            verification_requested_at=received,
            verification_expires_at=received + timedelta(days=14),
            verification_reminded_at=(
                received + timedelta(days=7)
                if state == "awaiting_verification" and (self.now - received).days >= 7
                else None
            ),
            verified_at=None if state == "awaiting_verification" else received + timedelta(hours=5),
        )
        if state != "awaiting_verification":
            row["verification_hash"] = None
        if plan.opt_out:
            row.update(kind="opt_out", rights=[], opt_out=["email"])
        return row

    @staticmethod
    def _closed(state: str) -> bool:
        return state in ("completed", "rejected", "closed_unverified")

    def inbound(self, plan: Plan, ticket: dict[str, Any]) -> list[dict[str, Any]]:
        rows = []
        for k, source in enumerate(plan.template.inbound[:1] * (2 if plan.index % 2 else 1)):
            self.ids["inbound"] += 1
            at = plan.received + timedelta(days=k)
            row = dict(source)
            row.update(
                id=self.ids["inbound"],
                mailbox="INBOX",
                uidvalidity=1,
                uid=self.ids["inbound"],
                message_id=f"<seed.{plan.index}.{k}@{ticket['requester'].rpartition('@')[2]}>",
                fingerprint=hashlib.sha256(f"{plan.index}.{k}".encode()).hexdigest(),
                from_address=ticket["requester"],
                date_at=at,
                received_at=at,
                recorded_at=at,
                settled_at=at,
                ticket_id=ticket["id"],
                duplicate_of_id=None,
            )
            if k:
                reply = source["text_body"][:400]
                row.update(subject=f"Re: {ticket['reference']}", text_body=reply)
            rows.append(row)
        return rows

    def events(self, plan: Plan, ticket: dict[str, Any]) -> list[dict[str, Any]]:
        rows = []
        for k, source in enumerate(plan.template.events):
            row = {key: value for key, value in source.items() if key != "id"}
            row.update(ticket_id=ticket["id"], at=plan.received + timedelta(seconds=k))
            rows.append(row)
        if ticket["closed_at"] is not None:
            for step, (old, new) in enumerate(
                (("awaiting_verification", "in_progress"), ("in_progress", ticket["state"]))
            ):
                rows.append(
                    {
                        "ticket_id": ticket["id"],
                        "at": ticket["closed_at"] - timedelta(days=1 - step),
                        "actor": ASSIGNEES[0],
                        "event": "state_changed",
                        "from_state": old,
                        "to_state": new,
                        "detail": {"reason": "seeded"},
                    }
                )
        return rows

    def outbox(self, plan: Plan, ticket: dict[str, Any]) -> list[dict[str, Any]]:
        rows = []
        for source in plan.template.outbox:
            self.ids["outbox"] += 1
            sent = plan.received + timedelta(minutes=1)
            row = {key: value for key, value in source.items() if key != "id"}
            to_staff = source["template"] != "verification_request"
            row.update(
                id=self.ids["outbox"],
                ticket_id=ticket["id"],
                recipient=source["recipient"] if to_staff else ticket["requester"],
                message_id=f"<seed.{self.ids['outbox']}@example.co.uk>",
                state="sent",
                attempts=1,
                next_attempt_at=sent,
                claimed_until=None,
                claimed_by=None,
                created_at=sent,
                sent_at=sent,
            )
            rows.append(row)
        return rows

    def suppressions(self, ticket: dict[str, Any]) -> list[dict[str, Any]]:
        if ticket["kind"] != "opt_out" and "erasure" not in ticket["rights"]:
            return []
        return [
            {
                "channel": "email",
                "value": ticket["requester"],
                "source": "opt_out" if ticket["kind"] == "opt_out" else "erasure",
                "ticket_id": ticket["id"],
                "created_at": ticket["received_at"],
            }
        ]

    def escalations(self, ticket: dict[str, Any]) -> list[dict[str, Any]]:
        """The rungs a running daemon would have recorded up to yesterday."""
        from mailbot.tickets.ladder import due_steps

        if self.args.no_history or ticket["due_on"] is None or ticket["closed_at"] is not None:
            return []
        yesterday = self.now.date() - timedelta(days=1)
        steps = due_steps(ticket["due_on"], yesterday, self.ladder, ())
        sent_at = datetime.combine(yesterday, datetime.min.time(), UTC) + timedelta(hours=9)
        return [
            {
                "ticket_id": ticket["id"],
                "step": step.key,
                "due_on": step.due_on,
                "recipients": [DPO],
                "sent_at": sent_at,
            }
            for step in steps
        ]

    # -- writing

    def chunk_rows(self, plans: list[Plan]) -> dict[str, list[dict[str, Any]]]:
        rows: dict[str, list[dict[str, Any]]] = {
            name: [] for name in ("tickets", "inbound", "events", "outbox", "supp", "esc")
        }
        for plan in plans:
            ticket = self.ticket(plan)
            rows["tickets"].append(ticket)
            rows["inbound"] += self.inbound(plan, ticket)
            rows["events"] += self.events(plan, ticket)
            rows["outbox"] += self.outbox(plan, ticket)
            rows["supp"] += self.suppressions(ticket)
            rows["esc"] += self.escalations(ticket)
        return rows

    def seed(self, db_url: str) -> dict[str, int]:
        from sqlalchemy import insert

        from mailbot import db
        from mailbot.tickets import models as m

        tables = {
            "tickets": m.Ticket,
            "inbound": m.InboundMessageRow,
            "events": m.TicketEvent,
            "outbox": m.OutboxMail,
            "supp": m.Suppression,
            "esc": m.Escalation,
        }
        engine = db.make_engine(db_url)
        try:
            db.upgrade(engine)
            batch: list[Plan] = []
            for plan in self.plans():
                batch.append(plan)
                if len(batch) == CHUNK:
                    self._write(engine, tables, batch)
                    batch = []
            if batch:
                self._write(engine, tables, batch)
            with engine.begin() as conn:
                conn.execute(
                    insert(m.ReferenceCounter),
                    [{"prefix": p, "year": y, "value": v} for (p, y), v in self.counters.items()],
                )
        finally:
            engine.dispose()
        return self.counts

    def _write(self, engine: Any, tables: dict[str, Any], plans: list[Plan]) -> None:
        from sqlalchemy import insert

        rows = self.chunk_rows(plans)
        with engine.begin() as conn:
            for name, model in tables.items():
                if rows[name]:
                    conn.execute(insert(model), rows[name])
                    self.counts[name] = self.counts.get(name, 0) + len(rows[name])


# ---------------------------------------------------------------------------- the benchmark


@dataclass
class Servers:
    work: Path
    dovecot: Any
    sink: Any

    def config(self, db_url: str, requests: list[bytes]) -> Path:
        """A fresh mailbox holding ``requests``, and a config with staff and a DPO for it."""
        from bench._servers import STAFF, base_config, write_config
        from tests.servers import append_messages

        account = self.dovecot.new_account()
        if requests:
            append_messages(
                account.host, account.port, account.username, account.password, requests
            )
        config = base_config(account, self.sink, db_url, idle=False)
        config["staff"]["addresses"] = [STAFF]
        config["escalation"] = {"dpo_address": DPO}
        config["digest"] = {"time": "00:00"}
        path = self.work / f"{account.username}.toml"
        return write_config(path, config)

    def run_once(self, config: Path) -> dict[str, Any]:
        from bench._servers import mailbot_command, run_child

        result = run_child(mailbot_command(config, "run", "--once"), self.work)
        if result.returncode != 0:
            raise RuntimeError(f"run --once failed ({result.returncode}): {result.stderr[-2000:]}")
        return {
            "seconds": round(result.seconds, 2),
            "peak_rss_mb": round(result.peak_rss_mb, 1),
            "cpu_seconds": round(result.cpu_seconds, 2),
            "summary": result.summary(),
        }


def probe(args: list[str], scratch: Path) -> Any:
    from bench._servers import run_child

    result = run_child([sys.executable, str(Path(__file__).resolve()), *args], scratch)
    if result.returncode != 0:
        raise RuntimeError(f"probe {args} failed: {result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def db_size_mb(db_url: str) -> float:
    path = Path(db_url.removeprefix("sqlite:///"))
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 2**20


def run_bench(args: argparse.Namespace, servers: Servers) -> dict[str, Any]:
    from bench._servers import Requests

    work, result = servers.work, {}
    result["empty_run"] = servers.run_once(servers.config(f"sqlite:///{work / 'empty.db'}", []))
    template_url = f"sqlite:///{work / 'template.db'}"
    template_mails = [raw for _, raw in Requests(args.seed + 100).take(40)]
    result["template_run_40"] = servers.run_once(servers.config(template_url, template_mails))
    seeder = Seeder(args, load_templates(template_url), datetime.now(UTC))
    big_url = f"sqlite:///{work / 'big.db'}"
    started = time.perf_counter()
    result["seeded_rows"] = seeder.seed(big_url)
    result["seed_seconds"] = round(time.perf_counter() - started, 1)
    result["db_mb"] = round(db_size_mb(big_url), 1)
    new_mails = [raw for _, raw in Requests(args.seed).take(args.new)]
    if not args.no_breakdown:
        shutil.copy(work / "big.db", work / "probe.db")  # the same state for the probe
    result["big_run"] = servers.run_once(servers.config(big_url, new_mails))
    if not args.no_breakdown:
        probe_config = servers.config(f"sqlite:///{work / 'probe.db'}", new_mails)
        extra = ["--tracemalloc"] if args.tracemalloc else []
        result["phases"] = probe(["--probe-run", str(probe_config), *extra], work)
        modules = probe(["--probe-modules"], work)
        listing = [",".join(modules["startup"]), ",".join(modules["warm_up"])]
        result["imports"] = probe(["--probe-imports", *listing], work)
        result["import_seconds"] = [(k, round(v, 3)) for k, v in import_times()[:12]]
    return result


def bench(args: argparse.Namespace) -> dict[str, Any]:
    from bench._servers import TimedSink, machine
    from tests.servers import DovecotServer

    host = machine()
    work = Path(tempfile.mkdtemp(prefix="mailbot-rss-"))
    dovecot, sink = DovecotServer(), TimedSink(keep=False)
    try:
        dovecot.start()
        sink.start()
        result = run_bench(args, Servers(work, dovecot, sink))
    finally:
        sink.stop()
        dovecot.stop()
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    counts = {"tickets": args.tickets, "open": args.open, "new": args.new}
    return {**counts, **result, "child_env": args.child_env, "machine": host}


def _run_line(label: str, run: dict[str, Any]) -> str:
    summary = run["summary"]
    return (
        f"  {label:<34} peak RSS {run['peak_rss_mb']:6.1f} MB   {run['seconds']:6.2f} s, CPU "
        f"{run['cpu_seconds']:6.2f} s; fetched {summary.get('fetched')}, tickets "
        f"{summary.get('tickets')}, mails sent {summary.get('sent')}"
    )


def report(result: dict[str, Any]) -> None:
    rows = result["seeded_rows"]
    print(
        f"rss: run --once over {result['tickets']:,} tickets ({result['open']:,} open) + "
        f"{result['new']} new requests, staff and DPO configured, SQLite"
    )
    print(_run_line("empty database, empty mailbox:", result["empty_run"]))
    print(_run_line("40 requests, empty database:", result["template_run_40"]))
    print(_run_line(f"{result['new']} requests, {result['tickets']:,} tickets:", result["big_run"]))
    print(
        f"  seeded in {result['seed_seconds']:.0f} s: "
        + ", ".join(f"{k} {v:,}" for k, v in rows.items())
        + f"; database {result['db_mb']:.0f} MB"
    )
    if "phases" in result:
        print("  the same run phase by phase (probe child; RSS after, the phase's own peak):")
        for row in result["phases"]:
            print(
                f"    {row['phase']:<62} RSS {row['rss_mb']:6.1f}  peak {row['peak_mb']:6.1f} MB"
                f"  {row['seconds']:7.3f} s"
            )
            if "traced_mb" in row:
                print(
                    f"        Python allocations (tracemalloc): {row['traced_mb']} MB held, "
                    f"{row['traced_peak_mb']} MB at the phase's peak; grown most at:"
                )
            for line in row.get("top", [])[:4]:
                print(f"          {line}")
        imports = ", ".join(
            f"{r['module']} {r['added_mb']:.1f}" for r in result["imports"] if r["added_mb"] >= 0.5
        )
        print(f"  RSS added (MB, in this order; under 0.5 MB left out): {imports}")
        times = ", ".join(f"{name} {seconds:.2f}" for name, seconds in result["import_seconds"])
        print(f"  import time by top-level package (s, -X importtime): {times}")
    if result["child_env"]:
        print(f"  mailbot children's environment: {' '.join(result['child_env'])}")
    m = result["machine"]
    print(
        f"  machine: nproc {m['nproc']}, {m['implementation']} {m['python']}; load average "
        f"before {m['loadavg_1min_before']}"
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--open", type=int, default=10_000, help="open tickets among them")
    parser.add_argument("--new", type=int, default=200, help="new requests in the mailbox")
    parser.add_argument("--span-days", type=int, default=700, help="age of the oldest ticket")
    parser.add_argument(
        "--no-history", action="store_true", help="no escalations recorded before today"
    )
    parser.add_argument("--no-breakdown", action="store_true", help="skip the probe children")
    parser.add_argument("--tracemalloc", action="store_true", help="allocation sites per phase")
    parser.add_argument(
        "--child-env",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="extra environment for the mailbot children (e.g. MALLOC_ARENA_MAX=2)",
    )
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--probe-run", metavar="CONFIG", help=argparse.SUPPRESS)
    parser.add_argument("--probe-modules", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--probe-imports", nargs=2, metavar="LIST", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.tickets < 1 or not 0 < args.open <= args.tickets or args.new < 0:
        parser.error("need --tickets ≥ 1, 0 < --open ≤ --tickets, --new ≥ 0")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.probe_run:  # a probe child: the parent's --child-env is already in os.environ
        return probe_run(args.probe_run, args.tracemalloc)
    if args.probe_modules:
        return probe_modules()
    if args.probe_imports:
        startup, warm = (item.split(",") if item else [] for item in args.probe_imports)
        return probe_imports(startup, warm)
    from bench._servers import set_child_env

    set_child_env(args.child_env)
    result = bench(args)
    if args.json:
        print(json.dumps(result, default=str))
    else:
        report(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
