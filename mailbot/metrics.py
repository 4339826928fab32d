"""Observability: ``GET /metrics`` (Prometheus text format) and ``GET /healthz`` on loopback.

    PollHealth            what the poll loop reports; pure (no I/O), the caller passes ``now``
    read_facts            a handful of aggregate queries, read in one snapshot at each scrape
    MailbotCollector      facts and poll health as Prometheus metric families
    ObservabilityServer   a tiny asyncio HTTP/1.0 server; scrapes run on a worker thread

Every value is read from the database at scrape time, so the numbers are the same whichever
daemon is asked and survive restarts; nothing is counted in memory except the poll health,
which belongs to this process.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.metrics_core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.process_collector import ProcessCollector
from sqlalchemy import Connection, Engine, case, func, select
from sqlalchemy.exc import SQLAlchemyError

from mailbot import db
from mailbot.config import Settings, clock_policy
from mailbot.errors import ConfigError
from mailbot.logs import log_event
from mailbot.tickets.clock import ClockPolicy, received_on
from mailbot.tickets.models import InboundMessageRow, OutboxMail, SecurityEvent, Ticket
from mailbot.tickets.states import OPEN, State

log = logging.getLogger("mailbot.metrics")
Clock = Callable[[], datetime]
TICKET_KINDS = ("rights_request", "opt_out")
REQUEST_TIMEOUT_SECONDS = 10.0
MAX_HEADER_LINES = 100
MAX_ERROR_CHARS = 500
DATABASE_UP = (
    "1 when this scrape could read the database (0: the other mailbot_ metrics are missing)."
)
_REASONS = {
    200: "OK",
    400: "Bad Request",
    404: "Not Found",
    405: "Method Not Allowed",
    503: "Service Unavailable",
}


# -- Poll health ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MailboxPolls:
    """One mailbox's polling record: the last success, and since when it has been failing."""

    last_success_at: datetime | None = None
    failing_since: datetime | None = None
    last_error: str = ""
    standby: bool = False  # another daemon holds the mailbox's lease and polls it


@dataclass(frozen=True, slots=True)
class Health:
    healthy: bool
    reason: str


class PollHealth:
    """What the poll loop reports: ``polled`` after each good cycle, ``failed`` on an error.

    Unhealthy when a mailbox has been failing (no success since) for longer than the
    threshold, or when no mailbox has had a successful poll in the threshold after the start
    (a daemon standing by for mailboxes another one polls is healthy). A long IDLE between
    two good cycles is healthy: only failures make a record go stale. The records are
    replaced whole on each report, so a scrape thread always reads a consistent set.
    """

    def __init__(self, started_at: datetime) -> None:
        self.started_at = started_at
        self._mailboxes: Mapping[str, MailboxPolls] = {}

    @property
    def mailboxes(self) -> Mapping[str, MailboxPolls]:
        return self._mailboxes

    def polled(self, now: datetime, mailbox: str = "") -> None:
        """A poll cycle of ``mailbox`` succeeded at ``now``."""
        self._mailboxes = {**self._mailboxes, mailbox: MailboxPolls(last_success_at=now)}

    def standing_by(self, mailbox: str = "") -> None:
        """Another daemon holds ``mailbox``'s lease: nothing to poll here, nothing failing."""
        current = self._mailboxes.get(mailbox, MailboxPolls())
        waiting = MailboxPolls(last_success_at=current.last_success_at, standby=True)
        self._mailboxes = {**self._mailboxes, mailbox: waiting}

    def failed(self, now: datetime, error: str, mailbox: str = "") -> None:
        """A poll cycle of ``mailbox`` failed; the first failure in a row starts the count."""
        current = self._mailboxes.get(mailbox, MailboxPolls())
        since = current.failing_since or now
        failing = replace(
            current, failing_since=since, last_error=error[:MAX_ERROR_CHARS], standby=False
        )
        self._mailboxes = {**self._mailboxes, mailbox: failing}

    def state(self, now: datetime, threshold: timedelta) -> Health:
        """Healthy or not at ``now``, with the reason a person can act on."""
        records = self._mailboxes
        for name, record in sorted(records.items()):
            if record.failing_since is not None and now - record.failing_since > threshold:
                last = _ago(now, record.last_success_at)
                return Health(
                    False,
                    f"polling{_named(name)} has failed for {_seconds(now - record.failing_since)}"
                    f" (last success: {last}): {record.last_error}",
                )
        if not any(r.last_success_at or r.standby for r in records.values()):
            if now - self.started_at > threshold:
                errors = "; ".join(r.last_error for r in records.values() if r.last_error)
                return Health(
                    False,
                    f"no successful poll since the start {_seconds(now - self.started_at)} ago"
                    + (f": {errors}" if errors else ""),
                )
            return Health(True, "starting: no poll has completed yet")
        return Health(True, "ok")


def _named(mailbox: str) -> str:
    return f" {mailbox}" if mailbox else ""


def _seconds(delta: timedelta) -> str:
    return f"{round(delta.total_seconds())} s"


def _ago(now: datetime, then: datetime | None) -> str:
    return "never" if then is None else f"{_seconds(now - then)} ago"


def health_document(health: PollHealth, now: datetime, threshold: timedelta) -> dict[str, Any]:
    """What ``/healthz`` answers, as JSON-ready data."""
    verdict = health.state(now, threshold)

    def stamp(value: datetime | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "status": "ok" if verdict.healthy else "unhealthy",
        "reason": verdict.reason,
        "checked_at": now.isoformat(),
        "started_at": health.started_at.isoformat(),
        "mailboxes": {
            name: {
                "last_success_at": stamp(record.last_success_at),
                "failing_since": stamp(record.failing_since),
                "last_error": record.last_error,
                "standby": record.standby,
            }
            for name, record in sorted(health.mailboxes.items())
        },
    }


# -- What the database says --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DatabaseFacts:
    """The aggregates one scrape reads, in one snapshot."""

    messages: tuple[tuple[str, str, int], ...]  # disposition, rule, count
    tickets: tuple[tuple[str, str, int], ...]  # state, kind, count
    overdue: int
    outbox_pending: int
    outbox_oldest_pending_at: datetime | None
    outbox_failed: int
    security_events: tuple[tuple[str, int], ...]  # kind, count


def read_facts(connection: Connection, today: date) -> DatabaseFacts:
    """Five aggregate queries; the outbox ones read only its (state, next_attempt_at) index.

    Tickets are grouped by kind first: the state index cannot serve that order, so the
    database scans the table once instead of visiting every row through the index, and the
    overdue count comes from the same pass.
    """
    msg, ticket, outbox, security = InboundMessageRow, Ticket, OutboxMail, SecurityEvent
    messages = connection.execute(
        select(msg.disposition, msg.rule, func.count()).group_by(msg.disposition, msg.rule)
    ).all()
    late = func.sum(case((ticket.due_on < today, 1), else_=0))
    tickets = connection.execute(
        select(ticket.kind, ticket.state, func.count(), late).group_by(ticket.kind, ticket.state)
    ).all()
    pending, oldest = connection.execute(
        select(func.count(), func.min(outbox.created_at)).where(outbox.state == "pending")
    ).one()
    failed = connection.scalar(select(func.count()).where(outbox.state == "failed"))
    events = connection.execute(select(security.kind, func.count()).group_by(security.kind)).all()
    return DatabaseFacts(
        messages=tuple((str(d), str(r), int(n)) for d, r, n in messages),
        tickets=tuple((str(state), str(kind), int(n)) for kind, state, n, _ in tickets),
        overdue=sum(int(late or 0) for _, state, _, late in tickets if state in OPEN),
        outbox_pending=int(pending or 0),
        outbox_oldest_pending_at=oldest,
        outbox_failed=int(failed or 0),
        security_events=tuple((str(k), int(n)) for k, n in events),
    )


def fact_metrics(facts: DatabaseFacts, now: datetime) -> Iterator[Metric]:
    """The database's aggregates as metric families (pure)."""
    messages = CounterMetricFamily(
        "mailbot_messages",
        "Inbound messages recorded, by disposition and the rule that decided.",
        labels=["disposition", "rule"],
    )
    quarantined = 0
    for disposition, rule, count in facts.messages:
        messages.add_metric([disposition, rule], count)
        quarantined += count if disposition == "quarantined" else 0
    yield messages
    yield _gauge("mailbot_quarantined_messages", "Messages sent to quarantine.", quarantined)
    yield _tickets(facts)
    yield _gauge(
        "mailbot_tickets_overdue", "Open tickets past their due date (local date).", facts.overdue
    )
    yield _gauge("mailbot_outbox_pending", "Mails waiting to be sent.", facts.outbox_pending)
    oldest = facts.outbox_oldest_pending_at
    age = max((now - oldest).total_seconds(), 0.0) if oldest else 0.0
    yield _gauge(
        "mailbot_outbox_oldest_pending_age_seconds",
        "Age of the oldest mail waiting to be sent (0 when none waits).",
        age,
    )
    yield _gauge(
        "mailbot_outbox_failed", "Mails given up on (5xx or attempts spent).", facts.outbox_failed
    )
    events = CounterMetricFamily(
        "mailbot_security_events",
        "Claims of authority that could not be proven, e.g. forged staff mail.",
        labels=["kind"],
    )
    for kind, count in facts.security_events:
        events.add_metric([kind], count)
    yield events


def _tickets(facts: DatabaseFacts) -> Metric:
    """Every state of every kind, zero included, so a state that empties shows as 0."""
    counts = {(state, kind): count for state, kind, count in facts.tickets}
    kinds = sorted(set(TICKET_KINDS) | {kind for _, kind in counts})
    states = [str(s) for s in State] + sorted({s for s, _ in counts} - set(State))
    family = GaugeMetricFamily(
        "mailbot_tickets", "Tickets by state and kind.", labels=["state", "kind"]
    )
    for state in states:
        for kind in kinds:
            family.add_metric([state, kind], counts.get((state, kind), 0))
    return family


def _gauge(name: str, documentation: str, value: float) -> GaugeMetricFamily:
    return GaugeMetricFamily(name, documentation, value=value)


def poll_metrics(health: PollHealth, now: datetime, threshold: timedelta) -> Iterator[Metric]:
    """The poll loop's record as metric families (pure)."""
    last = GaugeMetricFamily(
        "mailbot_last_successful_poll_timestamp_seconds",
        "Unix time of the last successful poll cycle (0 = none since the start).",
        labels=["mailbox"],
    )
    for name, record in sorted(health.mailboxes.items()):
        at = record.last_success_at
        last.add_metric([name], at.timestamp() if at else 0.0)
    yield last
    healthy = health.state(now, threshold).healthy
    yield _gauge("mailbot_poll_healthy", "1 while polling works (see /healthz).", int(healthy))


# -- The collector and its database connection ------------------------------------------------


class MailbotCollector:
    """A Prometheus collector that reads the database at each scrape (call it off the loop)."""

    def __init__(
        self,
        engine: Engine,
        health: PollHealth,
        clock: Clock,
        *,
        policy: ClockPolicy,
        unhealthy_after: timedelta,
    ) -> None:
        self.engine = engine
        self.health = health
        self.clock = clock
        self.policy = policy
        self.unhealthy_after = unhealthy_after

    def describe(self) -> list[Metric]:
        """Nothing to declare up front: registering must not query the database."""
        return []

    def collect(self) -> Iterator[Metric]:
        now = self.clock()
        yield from poll_metrics(self.health, now, self.unhealthy_after)
        try:
            with self.engine.begin() as connection:
                facts = read_facts(connection, received_on(now, self.policy))
        except SQLAlchemyError as exc:
            log_event(log, "metrics.database_error", level="warning", error=str(exc))
            yield _gauge("mailbot_database_up", DATABASE_UP, 0)
            return
        yield _gauge("mailbot_database_up", DATABASE_UP, 1)
        yield from fact_metrics(facts, now)


def reading_engine(engine: Engine) -> Engine:
    """An engine for scrapes that never takes SQLite's write lock (others: the same engine).

    The daemon's SQLite engine begins every transaction IMMEDIATE, as it writes. A scrape only
    reads, so it gets its own read-only engine (``db.make_engine(read_only=True)``).
    """
    url = engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return engine
    return db.make_engine(url.render_as_string(hide_password=False), read_only=True)


# -- The HTTP server --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    content_type: str
    body: bytes

    def encode(self, *, head_only: bool = False) -> bytes:
        lines = [
            f"HTTP/1.0 {self.status} {_REASONS.get(self.status, 'Error')}",
            f"Content-Type: {self.content_type}",
            f"Content-Length: {len(self.body)}",
            "Cache-Control: no-store",
            "Connection: close",
        ]
        if self.status == 405:
            lines.append("Allow: GET, HEAD")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")
        return head if head_only else head + self.body


class BadRequest(Exception):
    """The request line or headers could not be read as HTTP (answered 400, never raised on)."""


class ObservabilityServer:
    """``/metrics`` and ``/healthz`` over HTTP/1.0, one request per connection."""

    def __init__(
        self,
        registry: CollectorRegistry,
        health: PollHealth,
        clock: Clock,
        unhealthy_after: timedelta,
        reader: Engine | None = None,
    ) -> None:
        self.registry = registry
        self.health = health
        self.clock = clock
        self.unhealthy_after = unhealthy_after
        self._reader = reader  # disposed on close: the scrapes' own SQLite engine
        self._server: asyncio.Server | None = None
        self._handlers: set[asyncio.Task[Any]] = set()

    async def listen(self, host: str, port: int) -> None:
        try:
            self._server = await asyncio.start_server(self._serve, host, port)
        except OSError as exc:
            raise ConfigError(
                f"observability: cannot listen on {host}:{port}: {exc.strerror or exc}"
            ) from exc
        log_event(log, "observability.listening", host=host, port=self.port)

    @property
    def addresses(self) -> list[tuple[str, int]]:
        """The (host, port) of every bound socket."""
        sockets = self._server.sockets if self._server else ()
        names = [s.getsockname() for s in sockets]
        return [(str(name[0]), int(name[1])) for name in names]

    @property
    def port(self) -> int:
        return self.addresses[0][1]

    async def close(self) -> None:
        """Stop listening, drop requests in hand, free the port and the scrapes' engine."""
        if self._server is not None:
            self._server.close()
            for task in list(self._handlers):
                task.cancel()
            await asyncio.gather(*self._handlers, return_exceptions=True)
            await self._server.wait_closed()
            self._server = None
        if self._reader is not None:
            self._reader.dispose()
            self._reader = None

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._handlers.add(task)
        try:
            try:
                async with asyncio.timeout(REQUEST_TIMEOUT_SECONDS):
                    method, path = await read_request(reader)
            except BadRequest as exc:
                method, response = "GET", Response(400, "text/plain; charset=utf-8", _text(exc))
            else:
                response = await self.respond(method, path)
            writer.write(response.encode(head_only=method == "HEAD"))
            await writer.drain()
        except (TimeoutError, ConnectionError):
            pass
        finally:
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()
            if task is not None:
                self._handlers.discard(task)

    async def respond(self, method: str, path: str) -> Response:
        """Route one request."""
        if path not in ("/metrics", "/healthz"):
            return Response(404, "text/plain; charset=utf-8", b"not found\n")
        if method not in ("GET", "HEAD"):
            return Response(405, "text/plain; charset=utf-8", b"GET or HEAD only\n")
        if path == "/metrics":
            body = await asyncio.to_thread(generate_latest, self.registry)
            return Response(200, CONTENT_TYPE_LATEST, body)
        document = health_document(self.health, self.clock(), self.unhealthy_after)
        status = 200 if document["status"] == "ok" else 503
        body = (json.dumps(document, ensure_ascii=False) + "\n").encode()
        return Response(status, "application/json", body)


async def read_request(reader: asyncio.StreamReader) -> tuple[str, str]:
    """The method and path of one HTTP request; the headers are read and ignored."""
    try:
        line = await reader.readline()
        for _ in range(MAX_HEADER_LINES):
            if await reader.readline() in (b"\r\n", b"\n", b""):
                break
        else:
            raise BadRequest("too many header lines")
    except ValueError as exc:  # a line longer than the stream's limit
        raise BadRequest("request line or header too long") from exc
    parts = line.decode("latin-1").split()
    if len(parts) not in (2, 3) or not parts[1].startswith("/"):
        raise BadRequest(f"not an HTTP request line: {line[:80]!r}")
    return parts[0].upper(), urlsplit(parts[1]).path


def _text(exc: Exception) -> bytes:
    return (str(exc) + "\n").encode()


async def start_observability(
    settings: Settings, engine: Engine, health: PollHealth, clock: Clock
) -> ObservabilityServer | None:
    """Serve /metrics and /healthz on ``observability.host:port``; None when the port is 0."""
    obs = settings.observability
    if not obs.port:
        return None
    threshold = timedelta(seconds=obs.unhealthy_after_seconds)
    reader = reading_engine(engine)
    registry = CollectorRegistry()
    registry.register(
        MailbotCollector(
            reader, health, clock, policy=clock_policy(settings), unhealthy_after=threshold
        )
    )
    ProcessCollector(registry=registry)
    server = ObservabilityServer(
        registry, health, clock, threshold, reader if reader is not engine else None
    )
    try:
        await server.listen(obs.host, obs.port)
    except ConfigError:
        await server.close()
        raise
    return server
