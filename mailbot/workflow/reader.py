"""Reading a backlog on another core: parse + classify in a helper process, a batch ahead.

Parsing and classifying are pure CPU work, about a third of what one message costs, and a
Python process runs one thread at a time. While a mailbox has a backlog, a helper process
reads the next batch while the daemon records the current one. Everything that touches the
database, the mailbox or the outbox stays in the daemon, in the same order as before.

The helper is an accelerator, never a dependency: until it has started (a second or two), when
it dies, or when the classifier cannot be sent to it, the daemon reads the batch itself. It
starts when a poll cycle finds at least ``backlog`` messages waiting and stops when that cycle
ends, so a quiet mailbox costs no second process and no memory.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from mailbot.classify.classifier import warm_up
from mailbot.classify.labels import Classification
from mailbot.config import ReaderSettings
from mailbot.errors import described
from mailbot.logs import log_event
from mailbot.mail.message import InboundMessage
from mailbot.mail.parse import parse_message

log = logging.getLogger("mailbot.reader")
Classifier = Callable[[InboundMessage], Classification]


@dataclass(frozen=True, slots=True)
class Reading:
    """One message parsed and classified, or why that failed ("ValueError: …")."""

    message: InboundMessage | None = None
    classification: Classification | None = None
    failure: str = ""


def read(raw: bytes, classify: Classifier) -> Reading:
    """Parse and classify one message; never raises (the reading step's per-message net)."""
    try:
        message = parse_message(raw)
        return Reading(message, classify(message))
    except Exception as exc:  # quarantined with this reason by the ingest step
        return Reading(failure=described(exc))


def read_batch(raws: Sequence[bytes], classify: Classifier) -> list[Reading]:
    """What the helper process runs: one batch, in order."""
    return [read(raw, classify) for raw in raws]


def _prepare() -> None:
    """In the helper: load the classifier, and end with the daemon however it ends.

    A daemon killed outright (SIGKILL, OOM) runs no shutdown; the helper would wait for work
    forever, holding its memory. The parent's sentinel becomes readable when it is gone.
    """
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()
    warm_up()


def _exit_with(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


def _started() -> bool:
    return True


class Reader:
    """The helper process of one mailbox, while its backlog lasts."""

    def __init__(self, settings: ReaderSettings, classify: Classifier) -> None:
        self.settings = settings
        self.classify = classify
        self._pool: ProcessPoolExecutor | None = None
        self._started: Future[bool] | None = None

    @property
    def depth(self) -> int:
        """How many batches to fetch ahead of the one being recorded."""
        return self.settings.processes if self._pool is not None else 0

    def start(self, waiting: int) -> None:
        """Start the helper (without waiting for it) when ``waiting`` messages make it worth it."""
        if self._pool is not None or not self.settings.processes:
            return
        if waiting < self.settings.backlog:
            return
        context = multiprocessing.get_context("spawn")  # no fork of a process with threads
        try:
            self._pool = ProcessPoolExecutor(
                self.settings.processes, mp_context=context, initializer=_prepare
            )
            self._started = self._pool.submit(_started)  # spawns the processes
        except Exception as exc:  # none to be had (process limit, memory): read in-process
            _log_failure(exc)
            self.stop()
            return
        log_event(log, "reader.starting", processes=self.settings.processes, waiting=waiting)

    def submit(self, raws: Sequence[bytes]) -> Future[list[Reading]] | None:
        """Hand a batch to the helper; None when the daemon must read it itself."""
        if self._pool is None or self._started is None or not self._started.done():
            return None
        try:
            self._started.result()
            return self._pool.submit(read_batch, raws, self.classify)
        except Exception as exc:  # the pool broke (a process died) or was shut down
            self.fail(exc)
            return None

    def fail(self, exc: BaseException) -> None:
        """The helper failed: stop it; this cycle's remaining batches are read in-process."""
        if self._pool is None:
            return  # a later batch of the same failure
        _log_failure(exc)
        self.stop()

    def stop(self) -> None:
        """Stop the helper, if any; a batch it was reading is read again by the daemon."""
        pool, self._pool, self._started = self._pool, None, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
            log_event(log, "reader.stopped")


def _log_failure(exc: BaseException) -> None:
    log_event(log, "reader.failed", level="warning", error=described(exc))
