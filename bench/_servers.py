"""Plumbing shared by the daemon benchmarks (latency.py, rss.py, soak.py).

Not a benchmark itself. The servers come from ``tests/servers.py`` (a private Dovecot and an
aiosmtpd sink on 127.0.0.1), the request mails from ``bench/ingest.py`` (``make_request``);
this module adds what a long-running ``mailbot run`` child needs around them:

* ``write_config``: a TOML file for the child (values written as JSON, which TOML accepts);
* ``TimedSink``: the SMTP sink, noting when each reply arrived and which request it answers
  (its ``In-Reply-To``), optionally without keeping the mail itself (long soaks);
* ``Appender``: one IMAP connection that APPENDs mails one at a time and returns their UIDs;
* ``DaemonProcess``: ``python -m mailbot --config FILE run`` as a child, with its RSS, peak RSS
  (VmHWM), threads and CPU read from /proc;
* ``run_child``: a child run to completion with its own rusage (``os.wait4``), so the peak
  RSS of one run is exact however many other children this process has had;
* ``Requests``: distinct, realistic request mails, generated a chunk at a time.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from imapclient import IMAPClient  # noqa: E402

from bench.ingest import SUPPORT, machine, make_request  # noqa: E402
from tests.servers import ImapAccount, SmtpSink  # noqa: E402

STAFF = "dpo@example.co.uk"
PROCESSED = "Mailbot/Processed"
_APPENDUID = re.compile(rb"\[APPENDUID \d+ (\d+)\]")
_HEADERS = email.parser.BytesParser(policy=email.policy.compat32)

__all__ = [
    "PROCESSED",
    "ROOT",
    "STAFF",
    "SUPPORT",
    "Appender",
    "ChildResult",
    "DaemonProcess",
    "Requests",
    "TimedSink",
    "base_config",
    "child_env",
    "header",
    "linear_slope",
    "machine",
    "mailbot_command",
    "percentiles",
    "proc_cpu_seconds",
    "proc_status",
    "run_child",
    "set_child_env",
    "write_config",
]


# ---------------------------------------------------------------------------- configuration


def base_config(
    account: ImapAccount,
    sink: SmtpSink,
    db_url: str,
    *,
    idle: bool = True,
    log_level: str = "WARNING",
    log_format: str = "text",
) -> dict[str, dict[str, Any]]:
    """Sections of a config for the loopback servers; change or add sections before writing."""
    return {
        "database": {"url": db_url},
        "imap": {
            "host": account.host,
            "port": account.port,
            "security": "none",
            "username": account.username,
            "password": account.password,
            "batch_size": 100,
            "idle": idle,
            "poll_interval_seconds": 60.0,
            "timeout_seconds": 60.0,
            "reconnect_initial_seconds": 0.5,
            "reconnect_max_seconds": 5.0,
        },
        "smtp": {
            "host": sink.host,
            "port": sink.port,
            "security": "none",
            "timeout_seconds": 60.0,
            "connections": 2,
        },
        "company": {"name": "Example Trading Ltd", "support_address": SUPPORT},
        "staff": {"addresses": []},
        "logging": {"level": log_level, "format": log_format},
    }


def write_config(path: Path, sections: dict[str, dict[str, Any]]) -> Path:
    lines: list[str] = []
    for section, values in sections.items():
        lines.append(f"[{section}]")
        lines.extend(f"{key} = {json.dumps(value)}" for key, value in values.items())
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


# Set by a script's --child-env KEY=VALUE: e.g. MALLOC_ARENA_MAX=2, as a systemd unit could.
EXTRA_ENV: dict[str, str] = {}


def child_env() -> dict[str, str]:
    """This environment without MAILBOT_* overrides, with the checkout on PYTHONPATH, plus
    ``EXTRA_ENV``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAILBOT_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env | EXTRA_ENV


def set_child_env(pairs: Sequence[str]) -> None:
    """``KEY=VALUE`` strings into ``EXTRA_ENV``."""
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise SystemExit(f"--child-env wants KEY=VALUE, not {pair!r}")
        EXTRA_ENV[key] = value


def mailbot_command(config: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "mailbot", "--config", str(config), *args]


# ---------------------------------------------------------------------------- mail


def header(raw: bytes, name: str) -> str | None:
    value = _HEADERS.parsebytes(raw, headersonly=True).get(name)
    return str(value).strip() if value is not None else None


class Requests:
    """Distinct request mails from bench/ingest.py's generator, a chunk at a time."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)
        self._start = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
        self._next = 0

    def take(self, count: int) -> list[tuple[str, bytes]]:
        """``count`` mails as (Message-ID, raw bytes)."""
        mails = []
        for _ in range(count):
            raw = make_request(self._next, self._rng, self._start)
            self._next += 1
            message_id = header(raw, "Message-ID")
            assert message_id is not None
            mails.append((message_id, raw))
        return mails


class Appender:
    """One IMAP connection (TCP_NODELAY) that APPENDs to INBOX and returns APPENDUIDs."""

    def __init__(self, account: ImapAccount) -> None:
        self.account = account
        self.client: IMAPClient | None = None

    def __enter__(self) -> Self:
        client = IMAPClient(self.account.host, port=self.account.port, ssl=False, timeout=60)
        client.socket().setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        client.login(self.account.username, self.account.password)
        self.client = client
        return self

    def __exit__(self, *exc: object) -> None:
        if self.client is not None:
            try:
                self.client.logout()
            except Exception:  # closing a benchmark connection: any failure will do
                self.client.shutdown()
            self.client = None

    def append(self, raw: bytes) -> int:
        assert self.client is not None, "use Appender as a context manager"
        response = self.client.append("INBOX", raw)
        data = response if isinstance(response, bytes) else str(response).encode()
        match = _APPENDUID.search(data)
        if match is None:
            raise RuntimeError(f"APPEND gave no APPENDUID: {data!r}")
        return int(match.group(1))


# ---------------------------------------------------------------------------- SMTP sink


@dataclass(frozen=True, slots=True)
class Arrival:
    """A mail the sink accepted: when (both clocks), what it answers, its own Message-ID."""

    perf: float  # time.perf_counter() in this process
    wall: float  # time.time()
    in_reply_to: str | None
    message_id: str | None
    recipients: tuple[str, ...]


class TimedSink(SmtpSink):
    """The test SMTP sink, noting each mail's arrival time and In-Reply-To.

    ``keep=False`` forgets the mail bodies (the arrivals stay), for soaks of many thousands.
    """

    def __init__(self, *, keep: bool = True) -> None:
        super().__init__()
        self.keep = keep
        self._arrived = threading.Condition()
        self._by_reply: dict[str, Arrival] = {}
        self.total = 0

    def _record(self, mail_from: str, rcpt_tos: tuple[str, ...], data: bytes) -> None:
        perf, wall = time.perf_counter(), time.time()
        if self.keep:
            super()._record(mail_from, rcpt_tos, data)
        headers = _HEADERS.parsebytes(data, headersonly=True)
        reply_to, own_id = headers.get("In-Reply-To"), headers.get("Message-ID")
        arrival = Arrival(
            perf,
            wall,
            str(reply_to).strip() if reply_to else None,
            str(own_id).strip() if own_id else None,
            rcpt_tos,
        )
        with self._arrived:
            self.total += 1
            if arrival.in_reply_to and arrival.in_reply_to not in self._by_reply:
                self._by_reply[arrival.in_reply_to] = arrival
            self._arrived.notify_all()

    def reply_to(self, message_id: str, timeout: float) -> Arrival:
        """Block until a mail answering ``message_id`` arrived; TimeoutError otherwise."""
        with self._arrived:
            if not self._arrived.wait_for(lambda: message_id in self._by_reply, timeout):
                raise TimeoutError(f"no reply to {message_id} within {timeout} s")
            return self._by_reply[message_id]

    def replies_to(self, message_ids: Iterable[str], stall: float) -> dict[str, Arrival]:
        """Wait for replies to all of ``message_ids``; give up after ``stall`` seconds without
        a new one. Returns those that arrived."""
        wanted = set(message_ids)
        with self._arrived:
            while True:
                found = {m: self._by_reply[m] for m in wanted if m in self._by_reply}
                if len(found) == len(wanted):
                    return found
                if not self._arrived.wait_for(lambda seen=self.total: self.total > seen, stall):
                    return found

    def forget(self) -> None:
        """Drop what was recorded so far (arrivals and kept mails)."""
        with self._arrived:
            self._by_reply.clear()
        self.clear()


# ---------------------------------------------------------------------------- children


def proc_status(pid: int) -> dict[str, float]:
    """VmRSS, VmHWM (peak RSS) in MB and the thread count of a live process."""
    values: dict[str, float] = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024
            elif key == "Threads":
                values[key] = int(rest)
    return values


def proc_cpu_seconds(pid: int) -> float:
    """User + system CPU of a live process (all its threads)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class DaemonProcess:
    """``mailbot run`` (the daemon) as a child process, its stderr in ``log_path``."""

    def __init__(self, config: Path, log_path: Path) -> None:
        self.config = config
        self.log_path = log_path
        self.proc: subprocess.Popen[bytes] | None = None
        self.started_at = 0.0  # time.perf_counter() at start

    def start(self) -> Self:
        self.started_at = time.perf_counter()
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(
                mailbot_command(self.config, "run"),
                cwd=ROOT,
                env=child_env(),
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        return self

    @property
    def pid(self) -> int:
        assert self.proc is not None, "not started"
        return self.proc.pid

    def check_alive(self) -> None:
        assert self.proc is not None, "not started"
        if self.proc.poll() is not None:
            raise RuntimeError(f"the daemon exited with {self.proc.returncode}:\n{self.log_tail()}")

    def status(self) -> dict[str, float]:
        self.check_alive()
        return proc_status(self.pid)

    def cpu_seconds(self) -> float:
        self.check_alive()
        return proc_cpu_seconds(self.pid)

    def stop(self, timeout: float = 30.0) -> int | None:
        """SIGTERM (the daemon finishes what it has in hand), SIGKILL after ``timeout``."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode

    def log_tail(self, lines: int = 20) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])

    def errors_logged(self) -> list[str]:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return []
        return [line for line in text.splitlines() if "error" in line.lower()]


@dataclass
class ChildResult:
    returncode: int
    seconds: float
    stdout: str
    stderr: str
    peak_rss_mb: float  # ru_maxrss of this child alone
    cpu_seconds: float

    def summary(self) -> dict[str, Any]:
        """The JSON line ``run --once`` prints last."""
        for line in reversed(self.stdout.splitlines()):
            if line.startswith("{"):
                try:
                    value: dict[str, Any] = json.loads(line)
                except ValueError:
                    continue
                return value
        return {}


def run_child(command: Sequence[str], scratch: Path, timeout: float = 3600.0) -> ChildResult:
    """Run ``command`` to completion (cwd = the checkout); its own rusage via ``os.wait4``."""
    out_path, err_path = scratch / "child.out", scratch / "child.err"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(command, cwd=ROOT, env=child_env(), stdout=out, stderr=err)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
            time.sleep(0.02)
        seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)  # wait4 reaped it: tell Popen
    return ChildResult(
        returncode=proc.returncode,
        seconds=seconds,
        stdout=out_path.read_text(errors="replace"),
        stderr=err_path.read_text(errors="replace"),
        peak_rss_mb=usage.ru_maxrss / 1024,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
    )


# ---------------------------------------------------------------------------- statistics


def percentiles(values: Sequence[float]) -> dict[str, float]:
    """min, p50, p90, p99, max and mean (linear interpolation between order statistics)."""
    if not values:
        return {}
    if len(values) == 1:
        cuts = [values[0]] * 99
    else:
        cuts = statistics.quantiles(values, n=100, method="inclusive")
    return {
        "min": min(values),
        "p50": cuts[49],
        "p90": cuts[89],
        "p99": cuts[98],
        "max": max(values),
        "mean": statistics.fmean(values),
    }


def linear_slope(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Least-squares slope of ys over xs (None with fewer than two distinct xs)."""
    if len(xs) < 2 or len(set(xs)) < 2:
        return None
    slope, _intercept = statistics.linear_regression(xs, ys)
    return slope
