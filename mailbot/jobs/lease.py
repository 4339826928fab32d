"""Several daemons on one PostgreSQL database: one poller per mailbox, one runner per job.

A mailbox lease is a row in ``mailbox_leases``: the daemon that holds it polls the mailbox and
renews it every third of ``cluster.lease_seconds``; the others stand by and try to take it
over, which succeeds once it has expired — within ``lease_seconds`` of the holder dying.

The lease is also a fence. A holder that stalls (a long GC pause, a network partition) may
wake up after another daemon took over, still holding a fetched batch: as the last statement
of its batch transaction, ``check`` renews the lease only if it is still its own and
unexpired (locking the row until the commit), and otherwise refuses the commit. The batch
rolls back and is the new holder's to do: nothing is recorded twice, no mail queued twice.

Scheduled jobs (reminders, escalation, the digest, the purge) take a PostgreSQL advisory lock
for their transaction (``job_lock``): while one daemon runs a job, the others skip it. Each
job is also idempotent on its own (what it did is recorded in the same transaction), so a job
run again later finds nothing left to do.

With SQLite there is only ever one daemon (a lock file beside the database refuses a second),
so the leases and locks are not needed and ``NullLease`` stands in.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import and_, case, or_, text, update
from sqlalchemy.orm import Session, sessionmaker

from mailbot.tickets.models import MailboxLease as LeaseRow
from mailbot.tickets.store import insert_ignoring

Clock = Callable[[], datetime]


class LeaseLost(RuntimeError):
    """This daemon no longer holds the mailbox: its uncommitted work must not be kept."""


class Lease(Protocol):
    held: bool

    def acquire(self) -> bool: ...

    def release(self) -> None: ...

    def check(self, session: Session) -> None: ...


class NullLease:
    """The lease of a daemon that is alone (SQLite): always held."""

    held = True

    def acquire(self) -> bool:
        return True

    def release(self) -> None:
        return None

    def check(self, session: Session) -> None:
        return None


class MailboxLease:
    """The right to poll one mailbox, held in the database for a limited time."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        mailbox: str,
        holder: str,
        seconds: float,
        clock: Clock,
    ) -> None:
        self.sessions = sessions
        self.mailbox = mailbox
        self.holder = holder
        self.duration = timedelta(seconds=seconds)
        self.clock = clock
        self.held = False

    def acquire(self) -> bool:
        """Take the lease if it is free or expired, or renew it if ours; True while held."""
        now = self.clock()
        expires = now + self.duration
        with self.sessions.begin() as session:
            created = session.execute(
                insert_ignoring(session.connection(), LeaseRow)
                .values(
                    mailbox=self.mailbox, holder=self.holder, expires_at=expires, acquired_at=now
                )
                .on_conflict_do_nothing(index_elements=["mailbox"])
                .returning(LeaseRow.mailbox)
            ).first()
            if created is None:
                taken = session.execute(
                    update(LeaseRow)
                    .where(
                        LeaseRow.mailbox == self.mailbox,
                        or_(LeaseRow.holder == self.holder, LeaseRow.expires_at < now),
                    )
                    .values(
                        holder=self.holder,
                        expires_at=expires,
                        acquired_at=_acquired_at(self.holder, now),
                    )
                    .returning(LeaseRow.mailbox)
                ).first()
                created = taken
        self.held = created is not None
        return self.held

    def release(self) -> None:
        """Give the lease up at once (a clean stop), so another daemon need not wait."""
        if not self.held:
            return
        with self.sessions.begin() as session:
            session.execute(
                update(LeaseRow)
                .where(and_(LeaseRow.mailbox == self.mailbox, LeaseRow.holder == self.holder))
                .values(expires_at=self.clock() - timedelta(seconds=1))
            )
        self.held = False

    def check(self, session: Session) -> None:
        """The fence, inside the transaction about to commit mailbox work: still ours? Renew it.

        One UPDATE both locks the row until the commit and extends the lease, so a long
        backlog keeps its lease batch by batch; if the lease is gone, ``LeaseLost``.
        """
        now = self.clock()
        renewed = session.execute(
            update(LeaseRow)
            .where(
                LeaseRow.mailbox == self.mailbox,
                LeaseRow.holder == self.holder,
                LeaseRow.expires_at > now,
            )
            .values(expires_at=now + self.duration)
            .returning(LeaseRow.mailbox)
        ).first()
        if renewed is None:
            self.held = False
            raise LeaseLost(f"the lease on mailbox {self.mailbox} was lost (another daemon?)")


def _acquired_at(holder: str, now: datetime) -> Any:
    """Keep the time a renewing holder first took the lease; a new holder takes it now."""
    return case((LeaseRow.holder == holder, LeaseRow.acquired_at), else_=now)


def job_lock(session: Session, job: str) -> bool:
    """Take this cluster's lock on ``job`` for the transaction; False if another daemon has it."""
    if session.get_bind().dialect.name != "postgresql":
        return True
    key = zlib.crc32(f"mailbot.job.{job}".encode())
    locked = session.execute(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": key})
    return bool(locked.scalar())
