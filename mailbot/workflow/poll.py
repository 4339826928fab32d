"""One mailbox, polled: select → settle leftovers → fetch new UIDs in batches → ingest → settle.

The IMAP work runs on the mailbox's own thread, the database work on worker threads, and a
backlog's parsing and classifying in the reader process; the asyncio side only sequences
them. Settling (moving to Processed/Quarantine) happens strictly after the database commit;
a crash in between leaves rows marked unsettled, and the next cycle moves them.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from mailbot.config import ImapSettings
from mailbot.errors import MailboxError
from mailbot.faults import Failpoints
from mailbot.jobs.lease import Lease, NullLease
from mailbot.logs import log_event
from mailbot.mail.imap import FolderState, ImapMailbox, RawMessage
from mailbot.mail.message import MessageRef
from mailbot.tickets import store
from mailbot.workflow.ingest import FetchedMessage, Ingestor, IngestResult
from mailbot.workflow.reader import Reader, Reading

log = logging.getLogger("mailbot.poll")
Clock = Callable[[], datetime]


@dataclass(frozen=True, slots=True)
class _Batch:
    """Fetched mail, and the reader process's parse + classify of it when one is running."""

    raws: Sequence[RawMessage]
    readings: Future[list[Reading]] | None


@dataclass(frozen=True, slots=True)
class CycleReport:
    fetched: int = 0
    tickets: int = 0
    settled: int = 0


class MailboxPoller:
    """Reads one IMAP folder into the database and settles what it handled."""

    def __init__(
        self,
        mailbox: ImapMailbox,
        settings: ImapSettings,
        sessions: sessionmaker[Session],
        ingestor: Ingestor,
        clock: Clock,
        failpoints: Failpoints,
        reader: Reader,
        lease: Lease | None = None,
    ) -> None:
        self.mailbox = mailbox
        self.reader = reader
        self.lease: Lease = lease or NullLease()
        self.settings = settings
        self.sessions = sessions
        self.ingestor = ingestor
        self.clock = clock
        self.failpoints = failpoints
        self.name = settings.mailbox_name
        self.stopping = False
        self.on_batch: Callable[[], None] = lambda: None
        self.progress = CycleReport()  # the current cycle so far, for a cycle cut short

    async def open(self) -> None:
        """Connect, make sure our folders exist."""
        conn = self.mailbox.connection
        await self.mailbox.call(conn.connect)
        for folder in (self.settings.processed_folder, self.settings.quarantine_folder):
            await self.mailbox.call(conn.ensure_folder, folder)

    async def cycle(self) -> CycleReport:
        """Handle everything new in the folder now; returns counts.

        With a backlog the reader process parses and classifies up to ``reader.depth``
        batches ahead of the one being recorded; batches are still recorded, committed and
        settled one at a time, in UID order.
        """
        self.progress = CycleReport()
        state = await self.mailbox.call(self.mailbox.connection.select)
        last_uid = await asyncio.to_thread(self._checkpoint, state)
        self.progress = CycleReport(settled=await self.settle_leftovers(state.uidvalidity))
        try:
            while not self.stopping:
                uids = await self.mailbox.call(self.mailbox.connection.new_uids, last_uid)
                if not uids:
                    break
                self.reader.start(waiting=len(uids))
                ahead: deque[_Batch] = deque()
                for start in range(0, len(uids), self.settings.batch_size):
                    chunk = uids[start : start + self.settings.batch_size]
                    for batch in await self._by_size(chunk):
                        if self.stopping:
                            break
                        ahead.append(await self._fetch(batch))
                        while len(ahead) > self.reader.depth:
                            await self._handle_batch(state.uidvalidity, ahead.popleft())
                while ahead and not self.stopping:
                    await self._handle_batch(state.uidvalidity, ahead.popleft())
                last_uid = uids[-1]
        finally:
            await asyncio.to_thread(self.reader.stop)
        return self.progress

    async def _by_size(self, uids: Sequence[int]) -> list[Sequence[int]]:
        """Split a batch so the mail held in memory at once stays near ``max_message_bytes``.

        A batch's bodies are fetched together and kept until its commit: a hundred 20 MB
        mails must not be. Each message counts as much of it as is fetched (at most
        ``max_message_bytes``); a batch always takes at least one message.
        """
        limit = self.settings.max_message_bytes
        sizes = await self.mailbox.call(self.mailbox.connection.sizes, uids)
        batches: list[list[int]] = [[]]
        held = 0
        for uid in uids:
            size = min(sizes.get(uid, 0), limit)
            if batches[-1] and held + size > limit:
                batches.append([])
                held = 0
            batches[-1].append(uid)
            held += size
        return [batch for batch in batches if batch]

    def _checkpoint(self, state: FolderState) -> int:
        """The last UID recorded; a new UIDVALIDITY restarts the scan (dedupe keeps it safe)."""
        with self.sessions.begin() as session:
            checkpoint = store.checkpoint(session, self.name)
            if checkpoint is not None and checkpoint.uidvalidity == state.uidvalidity:
                return checkpoint.last_uid
            if checkpoint is not None:
                log_event(
                    log,
                    "mailbox.uidvalidity_changed",
                    level="warning",
                    mailbox=self.name,
                    old=checkpoint.uidvalidity,
                    new=state.uidvalidity,
                )
            store.reset_checkpoint(session, self.name, state.uidvalidity, self.clock())
            return 0

    async def _fetch(self, uids: Sequence[int]) -> _Batch:
        """Fetch a batch and hand it to the reader process, if one is running."""
        raws = await self.mailbox.call(self.mailbox.connection.fetch, uids)
        log_event(
            log,
            "mailbox.fetched",
            mailbox=self.name,
            count=len(raws),
            first_uid=uids[0],
            last_uid=uids[-1],
        )
        return _Batch(raws, self.reader.submit([raw.raw for raw in raws]))

    async def _handle_batch(self, uidvalidity: int, batch: _Batch) -> None:
        """Record a fetched batch (one transaction), then settle it in the mailbox."""
        results = await asyncio.to_thread(self._ingest_all, uidvalidity, batch)
        settled = await self.settle(results)
        done = self.progress
        self.progress = CycleReport(
            fetched=done.fetched + len(results),
            tickets=done.tickets + sum(1 for r in results if r.disposition == "ticket"),
            settled=done.settled + settled,
        )
        self.on_batch()

    def _ingest_all(self, uidvalidity: int, batch: _Batch) -> list[IngestResult]:
        readings = self._readings(batch)
        messages = [
            FetchedMessage(
                ref=MessageRef(self.name, uidvalidity, raw.uid),
                raw=raw.raw,
                received_at=raw.received_at,
                truncated_from=raw.size if raw.truncated else None,
                reading=readings[index] if readings else None,
            )
            for index, raw in enumerate(batch.raws)
        ]
        results = self.ingestor.ingest_batch(
            messages,
            self.clock,
            on_message=lambda: self.failpoints.hit("ingest.recorded"),
            guard=self.lease.check,
        )
        self.failpoints.hit("ingest.committed")
        return results

    def _readings(self, batch: _Batch) -> list[Reading] | None:
        """The reader process's work on this batch; None (read it here) if it failed."""
        if batch.readings is None:
            return None
        try:
            return batch.readings.result()
        except Exception as exc:  # the process died, or was stopped: nothing is lost
            self.reader.fail(exc)
            return None

    async def settle(self, results: Sequence[IngestResult]) -> int:
        """Move handled messages to Processed and failures to Quarantine, then mark them."""
        groups: dict[str, list[IngestResult]] = defaultdict(list)
        for result in results:
            if result.settle != "leave":
                groups[result.settle].append(result)
        settled = 0
        for action, members in groups.items():
            folder = (
                self.settings.processed_folder
                if action == "processed"
                else self.settings.quarantine_folder
            )
            uids = [m.ref.uid for m in members]
            await self.mailbox.call(self.mailbox.connection.move, uids, folder)
            self.failpoints.hit("settle.moved")
            await asyncio.to_thread(self._mark_settled, [m.row_id for m in members])
            settled += len(members)
            log_event(log, "mailbox.moved", mailbox=self.name, folder=folder, count=len(uids))
        return settled

    def _mark_settled(self, row_ids: Sequence[int]) -> None:
        with self.sessions.begin() as session:
            store.mark_settled(session, row_ids, self.clock())

    async def settle_leftovers(self, uidvalidity: int) -> int:
        """Finish moves that a crash or an IMAP error interrupted after the commit."""
        rows = await asyncio.to_thread(self._unsettled)
        current = [r for r in rows if r.ref.uidvalidity == uidvalidity]
        stale = [r.row_id for r in rows if r.ref.uidvalidity != uidvalidity]
        if stale:
            await asyncio.to_thread(self._mark_settled, stale)
        if current:
            log_event(log, "mailbox.settle_leftovers", mailbox=self.name, count=len(current))
        return await self.settle(current)

    def _unsettled(self) -> list[IngestResult]:
        with self.sessions.begin() as session:
            return [
                IngestResult(
                    ref=MessageRef(r.mailbox, r.uidvalidity, r.uid),
                    row_id=r.id,
                    disposition=r.disposition,
                    rule=r.rule,
                    settle="quarantine" if r.settle_action == "quarantine" else "processed",
                )
                for r in store.unsettled(session, self.name)
            ]

    async def wait_for_mail(self, stop: asyncio.Event, max_seconds: float | None = None) -> None:
        """IDLE until the folder changes (renewed before the server's timeout), or poll.

        ``max_seconds`` returns sooner without a change (the mailbox lease wants renewing).
        """
        conn = self.mailbox.connection
        limit = self.settings.idle_renew_seconds
        if max_seconds is not None:
            limit = min(limit, max_seconds)
        if not (self.settings.idle and conn.has_idle):
            interval = self.settings.poll_interval_seconds
            await _sleep_or_stop(stop, interval if max_seconds is None else min(interval, limit))
            return
        await self.mailbox.call(conn.idle_start)
        started = asyncio.get_running_loop().time()
        try:
            while not stop.is_set():
                if await self.mailbox.call(conn.idle_check, 1.0):
                    return
                if asyncio.get_running_loop().time() - started > limit:
                    return
        finally:
            await self.mailbox.call(conn.idle_done)

    async def close(self) -> None:
        await self.mailbox.aclose()


async def _sleep_or_stop(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)


__all__ = ["CycleReport", "MailboxError", "MailboxPoller"]
