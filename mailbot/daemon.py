"""The composition root and the daemon's two loops: poll the mailbox, deliver the outbox.

``build_app`` is the one place that turns settings into real objects (engine, IMAP, SMTP,
renderer, classifier); tests build the same ``Daemon`` around real servers on loopback.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from mailbot import db
from mailbot.classify import classify
from mailbot.classify.classifier import warm_up
from mailbot.config import ImapSettings, Settings, digest_time
from mailbot.errors import MailboxError, PermanentMailboxError
from mailbot.faults import Failpoints
from mailbot.jobs.deliver import OutboxDelivery, next_due_at, release_claims
from mailbot.jobs.digest import send_digest_if_due
from mailbot.jobs.escalate import Progress, escalate_chunk, in_chunks
from mailbot.jobs.lease import Lease, LeaseLost, MailboxLease, NullLease, job_lock
from mailbot.jobs.retention import purge_closed
from mailbot.logs import log_event
from mailbot.mail.imap import ImapConnection, ImapMailbox
from mailbot.mail.render import JinjaRenderer
from mailbot.mail.smtp import SmtpMailer
from mailbot.metrics import PollHealth, start_observability
from mailbot.staff.auth import DnsLookup, StaffAuthenticator
from mailbot.workflow.ingest import Ingestor
from mailbot.workflow.lifecycle import Lifecycle
from mailbot.workflow.outgoing import Outgoing
from mailbot.workflow.poll import MailboxPoller
from mailbot.workflow.reader import Classifier, Reader
from mailbot.workflow.staff import StaffDesk

log = logging.getLogger("mailbot.daemon")
T = TypeVar("T")
Clock = Callable[[], datetime]
IDLE_DELIVERY_CHECK_SECONDS = 30.0
JOBS_INTERVAL_SECONDS = 300.0


def system_clock() -> datetime:
    """The real time, aware UTC."""
    return datetime.now(UTC)


@dataclass
class RunSummary:
    """What one ``run --once`` did, for the CLI and the demo."""

    fetched: int = 0
    tickets: int = 0
    settled: int = 0
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class App:
    """Everything the daemon needs, built once."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    renderer: JinjaRenderer
    clock: Clock
    failpoints: Failpoints
    random_bytes: Callable[[int], bytes] = secrets.token_bytes
    dns_lookup: DnsLookup | None = None  # DKIM keys; None = real DNS (tests plug their own)

    def close(self) -> None:
        """Close the database connections."""
        self.engine.dispose()


def build_app(
    settings: Settings, *, clock: Clock = system_clock, failpoints: Failpoints | None = None
) -> App:
    """Connect the database (upgrading its schema) and load the templates."""
    engine = db.make_engine(settings.database.url, echo=settings.database.echo)
    db.upgrade(engine)
    templates = Path(settings.templates_dir) if settings.templates_dir else None
    return App(
        settings=settings,
        engine=engine,
        sessions=db.make_sessionmaker(engine),
        renderer=JinjaRenderer(templates),
        clock=clock,
        failpoints=failpoints or Failpoints.from_env(os.environ),
    )


class Daemon:
    """Polls the mailbox and delivers the outbox until stopped."""

    def __init__(self, app: App, *, classifier: Classifier = classify) -> None:
        self.app = app
        settings = app.settings
        self.owner = f"{os.uname().nodename}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.stop_event = asyncio.Event()
        self.health = PollHealth(app.clock())
        self.wake_delivery = asyncio.Event()
        self.lifecycle = Lifecycle(settings, Outgoing(settings, app.renderer), app.random_bytes)
        staff = settings.staff
        authenticator = StaffAuthenticator(
            staff.signing_domains(), frozenset(staff.trusted_authserv_ids), app.dns_lookup
        )
        desk = StaffDesk(settings, self.lifecycle, authenticator)
        ingestor = Ingestor(app.sessions, settings, self.lifecycle, classifier, desk)
        self.alone = app.engine.url.get_backend_name() == "sqlite"  # the lock file sees to it
        self.pollers = [
            self._poller(mailbox, ingestor, Reader(settings.reader, classifier))
            for mailbox in settings.all_mailboxes
        ]
        self.poller = self.pollers[0]
        self.delivery = OutboxDelivery(
            app.sessions,
            [SmtpMailer(settings.smtp) for _ in range(settings.smtp.connections)],
            settings.outbox,
            app.clock,
            self.owner,
            app.failpoints,
        )

    def _poller(self, mailbox: ImapSettings, ingestor: Ingestor, reader: Reader) -> MailboxPoller:
        """A poller for one mailbox, with its lease when other daemons may share the database."""
        app = self.app
        lease: Lease = (
            NullLease()
            if self.alone
            else MailboxLease(
                app.sessions,
                mailbox.mailbox_name,
                self.owner,
                app.settings.cluster.lease_seconds,
                app.clock,
            )
        )
        poller = MailboxPoller(
            ImapMailbox(ImapConnection(mailbox)),
            mailbox,
            app.sessions,
            ingestor,
            app.clock,
            app.failpoints,
            reader,
            lease,
        )
        poller.on_batch = self.wake_delivery.set
        return poller

    def stop(self) -> None:
        """Finish the message and the SMTP transaction in hand, then return from ``run``."""
        log_event(log, "daemon.stopping")
        for poller in self.pollers:
            poller.stopping = True
        self.delivery.stopping = True
        self.stop_event.set()
        self.wake_delivery.set()

    async def run(self) -> None:
        """Run both loops and the scheduled jobs until ``stop``."""
        await self._prepare()
        names = ",".join(p.name for p in self.pollers)
        log_event(log, "daemon.started", owner=self.owner, mailboxes=names)
        app = self.app
        observability = await start_observability(app.settings, app.engine, self.health, app.clock)
        scheduler = self.build_scheduler()
        scheduler.start()
        try:
            await asyncio.gather(
                *(self._poll_forever(poller) for poller in self.pollers), self._deliver_forever()
            )
        finally:
            scheduler.shutdown(wait=False)
            if observability is not None:
                await observability.close()
            await self._close()
        log_event(log, "daemon.stopped")

    def build_scheduler(self) -> AsyncIOScheduler:
        """APScheduler 3: every job at start and every 5 minutes, and the digest on the minute.

        Nothing depends on the scheduler's own memory: each job looks in the database for
        what is due and records what it did, so a restart (or another daemon) neither repeats
        nor skips anything; the run at start is the catch-up after downtime.
        """
        scheduler = AsyncIOScheduler(timezone=self.app.settings.company.timezone)
        scheduler.add_job(
            self._scheduled_jobs,
            "interval",
            seconds=JOBS_INTERVAL_SECONDS,
            next_run_time=datetime.now(UTC),
            max_instances=1,
            coalesce=True,
            id="jobs",
        )
        if self.app.settings.digest.enabled:
            hour, minute = digest_time(self.app.settings)
            scheduler.add_job(
                self._scheduled_jobs,
                CronTrigger(hour=hour, minute=minute, timezone=self.app.settings.digest.timezone),
                max_instances=1,
                coalesce=True,
                misfire_grace_time=None,
                id="digest",
            )
        return scheduler

    async def run_jobs(self) -> int:
        """The scheduled work due now; returns how many tickets, steps or digests it did.

        Verification reminders and expiry, the escalation ladder, the daily digest (once a
        day, caught up on start) and the retention purge, each in its own transaction so one
        failing does not hold back the others. Each is safe to run again and from several
        daemons: what was done is recorded in the same transaction as the mail it queued.
        """
        settings, outgoing = self.app.settings, self.lifecycle.outgoing
        jobs: dict[str, Callable[[], int | None]] = {
            "verification": lambda: self._in_transaction(
                "verification", self.lifecycle.remind_and_expire
            ),
            "escalation": self._escalate,
            "digest": lambda: self._in_transaction(
                "digest",
                lambda session, now: int(
                    send_digest_if_due(session, settings, outgoing, now, self.owner)
                ),
            ),
            "retention": lambda: self._in_transaction(
                "retention", lambda session, now: purge_closed(session, settings, now)
            ),
        }
        total = 0
        for name, job in jobs.items():
            try:
                done = await asyncio.to_thread(job) or 0
            except DBAPIError as exc:
                log_event(log, "jobs.error", level="error", job=name, error=str(exc))
                continue
            if done:
                log_event(log, "jobs.done", job=name, count=done)
            total += done
        if total:
            self.wake_delivery.set()
        return total

    def _in_transaction(self, name: str, job: Callable[[Session, datetime], T]) -> T | None:
        """``job`` in a transaction of its own; None if another daemon is running it."""
        with self.app.sessions.begin() as session:
            if not job_lock(session, name):
                return None
            return job(session, self.app.clock())

    def _escalate(self) -> int:
        """The ladder, a transaction per chunk of tickets: one long transaction would hold
        up ingest (SQLite has one writer) and keep every queued mail in memory."""
        settings, outgoing = self.app.settings, self.lifecycle.outgoing

        def chunk(after: int) -> Progress | None:
            return self._in_transaction(
                "escalation",
                lambda session, now: escalate_chunk(session, settings, outgoing, now, after),
            )

        return in_chunks(chunk)

    async def _scheduled_jobs(self) -> None:
        try:
            await self.run_jobs()
        except DBAPIError as exc:
            log_event(log, "jobs.error", level="error", error=str(exc))

    async def run_once(self) -> RunSummary:
        """Handle everything in the mailbox now, deliver what is due, and return.

        Errors (a mailbox, the database, a full disk) end up in ``summary.errors`` with what
        was done before them; nothing half-done is kept, and the next run carries on.
        """
        summary = RunSummary()
        try:
            await self._prepare()
        except DBAPIError as exc:
            return self._failed(summary, "database", exc)
        for poller in self.pollers:
            try:
                if not await asyncio.to_thread(poller.lease.acquire):
                    log_event(log, "mailbox.standby", mailbox=poller.name)
                    continue
                await poller.open()
                await poller.cycle()
            except (MailboxError, DBAPIError, LeaseLost) as exc:
                self._failed(summary, poller.name, exc, event="mailbox.error")
            finally:
                summary.fetched += poller.progress.fetched
                summary.tickets += poller.progress.tickets
                summary.settled += poller.progress.settled
        try:
            await self.run_jobs()
            delivered = await self.delivery.deliver_due()
            summary.sent, summary.retrying = delivered.sent, delivered.retrying
            summary.failed = delivered.failed
        except DBAPIError as exc:
            self._failed(summary, "database", exc)
        finally:
            await self._close()
        return summary

    @staticmethod
    def _failed(
        summary: RunSummary, where: str, exc: Exception, *, event: str = "run.error"
    ) -> RunSummary:
        summary.errors.append(f"{where}: {exc}")
        log_event(log, event, level="error", where=where, error=str(exc))
        return summary

    async def _prepare(self) -> None:
        """Load the classifier's models before the first message, then free stale claims."""
        await asyncio.to_thread(warm_up)
        await self._release_own_claims()

    async def _release_own_claims(self) -> None:
        """With SQLite this daemon is alone (lock file), so stale claims can be freed now."""
        if self.app.engine.url.get_backend_name() != "sqlite":
            return

        def release() -> int:
            with self.app.sessions.begin() as session:
                return release_claims(session)

        released = await asyncio.to_thread(release)
        if released:
            log_event(log, "outbox.claims_released", count=released)

    async def _poll_forever(self, poller: MailboxPoller) -> None:
        """Poll one mailbox while this daemon holds its lease; stand by while another does."""
        failures = 0
        renew = None if self.alone else self.app.settings.cluster.lease_seconds / 3
        while not self.stop_event.is_set():
            try:
                if not await asyncio.to_thread(poller.lease.acquire):
                    self.health.standing_by(poller.name)
                    await self._stand_by(poller, renew or 1.0)
                    continue
                if poller.mailbox.connection.client is None:
                    await poller.open()
                    log_event(log, "mailbox.polling", mailbox=poller.name, owner=self.owner)
                await poller.cycle()
                self.health.polled(self.app.clock(), poller.name)
                failures = 0
                await poller.wait_for_mail(self.stop_event, max_seconds=renew)
            except LeaseLost as exc:
                log_event(log, "mailbox.lease_lost", level="warning", error=str(exc))
                await poller.mailbox.call(poller.mailbox.connection.close)
            except (MailboxError, DBAPIError) as exc:
                self.health.failed(self.app.clock(), str(exc), poller.name)
                failures += 1
                delay = self._backoff(failures, permanent=isinstance(exc, PermanentMailboxError))
                log_event(
                    log,
                    "mailbox.error",
                    level="error",
                    mailbox=poller.name,
                    error=str(exc),
                    retry_in=round(delay, 1),
                )
                await poller.mailbox.call(poller.mailbox.connection.close)
                await self._sleep(delay)

    async def _stand_by(self, poller: MailboxPoller, seconds: float) -> None:
        """Another daemon polls this mailbox: hang up and try for the lease again later."""
        if poller.mailbox.connection.client is not None:
            log_event(log, "mailbox.standby", mailbox=poller.name, owner=self.owner)
            await poller.mailbox.call(poller.mailbox.connection.close)
        await self._sleep(seconds)

    def _backoff(self, failures: int, *, permanent: bool) -> float:
        imap = self.app.settings.imap
        if permanent:
            return imap.reconnect_max_seconds
        delay = min(
            imap.reconnect_max_seconds, imap.reconnect_initial_seconds * 2 ** (failures - 1)
        )
        return float(delay * random.uniform(0.9, 1.1))

    async def _deliver_forever(self) -> None:
        while not self.stop_event.is_set():
            self.wake_delivery.clear()  # before delivering: a wake-up meanwhile is not lost
            try:
                await self.delivery.deliver_due()
                wait = await asyncio.to_thread(self._seconds_until_next_due)
            except DBAPIError as exc:
                log_event(log, "outbox.error", level="error", error=str(exc))
                wait = 5.0
            if self.stop_event.is_set():
                break
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wake_delivery.wait(), timeout=wait)

    def _seconds_until_next_due(self) -> float:
        with self.app.sessions.begin() as session:
            due = next_due_at(session)
        if due is None:
            return IDLE_DELIVERY_CHECK_SECONDS
        seconds = (due - self.app.clock()).total_seconds()
        return min(max(seconds, 0.05), IDLE_DELIVERY_CHECK_SECONDS)

    async def _sleep(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.stop_event.wait(), timeout=seconds)

    async def _close(self) -> None:
        await self.delivery.close()
        for poller in self.pollers:
            await poller.close()
            with contextlib.suppress(DBAPIError):
                await asyncio.to_thread(poller.lease.release)
