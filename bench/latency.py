"""Latency benchmark: a request's arrival in the mailbox → its acknowledgement at the SMTP server.

Starts a private Dovecot (IMAP with IDLE), an aiosmtpd sink and a ``mailbot run`` daemon as a
child process (IDLE on, SQLite, the same config file a deployment would have), lets a few
warm-up requests through, then sends N request mails one at a time: APPEND over IMAP, wait
until the reply to it (acknowledgement or verification code; matched by ``In-Reply-To``)
reaches the sink, pause a random 0–``--max-gap`` seconds (so arrivals do not fall into step
with the daemon's timers), next. The latency of one request is from just before its APPEND to
the sink's receipt of the reply, both on this process's clock.

Where the time goes: the daemon logs JSON at INFO into a file, with millisecond timestamps
(same machine clock), and each request is split into

  * append   – the APPEND command itself (this process; the mail is in the mailbox after it);
  * wake     – APPEND done → ``mailbox.fetched``: Dovecot telling the IDLE-ing daemon, the
               daemon leaving IDLE, SELECT, checkpoint, SEARCH and FETCH;
  * ingest   – fetched → ``message.recorded``: parse, classify, ticket, outbox row, commit;
  * settle   – recorded → ``mailbox.moved``: UID MOVE to Processed, marked in the database
               (the delivery loop is woken only after this);
  * deliver  – moved → the sink's receipt: the delivery loop wakes, claims, sends over SMTP.

With Dovecot, "wake" cannot go below 0.5 s: Dovecot holds back IDLE notifications for 500 ms to
group changes (``NOTIFY_DELAY_MSECS`` in src/lib-storage/mailbox-watch.c), whatever the client.

Usage, from the repository root:

    /work/venv/bin/python bench/latency.py [-n 200] [--warmup 5] [--max-gap 0.5] [--seed 7]
        [--timeout 30] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._servers import (
    Appender,
    DaemonProcess,
    Requests,
    TimedSink,
    base_config,
    machine,
    percentiles,
    write_config,
)
from mailbot import db
from tests.servers import DovecotServer

PHASES = ("append", "wake", "ingest", "settle", "deliver")


@dataclass
class Sample:
    message_id: str
    uid: int
    started_wall: float
    appended_wall: float
    arrived_wall: float
    latency_ms: float


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--messages", type=int, default=200, help="measured requests")
    parser.add_argument("--warmup", type=int, default=5, help="requests before measuring")
    parser.add_argument(
        "--max-gap", type=float, default=0.5, help="random pause 0..S s after each reply"
    )
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait per reply")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if args.messages < 1 or args.warmup < 0 or args.max_gap < 0:
        parser.error("-n must be positive, --warmup and --max-gap not negative")
    return args


def measure(
    args: argparse.Namespace, appender: Appender, sink: TimedSink, daemon: DaemonProcess
) -> list[Sample]:
    requests, rng = Requests(args.seed), random.Random(args.seed)
    warm = requests.take(args.warmup)
    for _message_id, raw in warm:
        appender.append(raw)
    sink.replies_to([m for m, _ in warm], stall=120.0)  # start-up, first jobs, warm caches
    samples = []
    for message_id, raw in requests.take(args.messages):
        daemon.check_alive()
        started_wall, started = time.time(), time.perf_counter()
        uid = appender.append(raw)
        appended_wall = time.time()
        arrival = sink.reply_to(message_id, args.timeout)
        latency_ms = (arrival.perf - started) * 1000
        samples.append(
            Sample(message_id, uid, started_wall, appended_wall, arrival.wall, latency_ms)
        )
        time.sleep(rng.uniform(0, args.max_gap))
    return samples


def _epoch(stamp: str) -> float:
    return datetime.fromisoformat(stamp).timestamp()


def read_events(log_path: Path) -> dict[str, list[dict[str, Any]]]:
    """The daemon's JSON log lines, by event name, each with ``t`` (epoch seconds)."""
    events: dict[str, list[dict[str, Any]]] = {}
    for line in log_path.read_text(errors="replace").splitlines():
        if not line.startswith("{"):
            continue
        try:
            record = json.loads(line)
        except ValueError:
            continue
        record["t"] = _epoch(record["ts"])
        events.setdefault(record.get("event", ""), []).append(record)
    return events


def phases_of(sample: Sample, events: dict[str, list[dict[str, Any]]]) -> dict[str, float] | None:
    """One request's time split by the daemon's log (ms); None if a line is missing."""
    fetched = next(
        (
            e["t"]
            for e in events.get("mailbox.fetched", [])
            if e["first_uid"] <= sample.uid <= e["last_uid"] and e["t"] >= sample.started_wall - 1
        ),
        None,
    )
    recorded = next(
        (
            e["t"]
            for e in events.get("message.recorded", [])
            if e["uid"] == sample.uid and e["t"] >= sample.started_wall - 1
        ),
        None,
    )
    if fetched is None or recorded is None:
        return None
    moved = next((e["t"] for e in events.get("mailbox.moved", []) if e["t"] >= recorded), None)
    if moved is None:
        return None
    marks = [sample.started_wall, sample.appended_wall, fetched, recorded, moved]
    marks.append(sample.arrived_wall)
    return {name: (marks[i + 1] - marks[i]) * 1000 for i, name in enumerate(PHASES)}


def breakdown(samples: list[Sample], log_path: Path) -> dict[str, Any]:
    events = read_events(log_path)
    split = [p for p in (phases_of(s, events) for s in samples) if p is not None]
    if not split:
        return {"matched": 0}
    total_mean = sum(s.latency_ms for s in samples) / len(samples)
    result: dict[str, Any] = {"matched": len(split)}
    for name in PHASES:
        stats = percentiles([p[name] for p in split])
        stats["share_of_mean"] = stats["mean"] / total_mean if total_mean else 0.0
        result[name] = {k: round(v, 3) for k, v in stats.items()}
    slowest = sorted(zip(samples, split, strict=False), key=lambda sp: -sp[0].latency_ms)
    result["slowest"] = [
        {"latency_ms": round(s.latency_ms, 1), **{k: round(v, 1) for k, v in p.items()}}
        for s, p in slowest[:5]
    ]
    return result


def bench(args: argparse.Namespace) -> dict[str, Any]:
    host = machine()
    work = Path(tempfile.mkdtemp(prefix="mailbot-latency-"))
    dovecot, sink = DovecotServer(), TimedSink()
    daemon: DaemonProcess | None = None
    try:
        dovecot.start()
        sink.start()
        account = dovecot.new_account()
        db_url = f"sqlite:///{work / 'mailbot.db'}"
        engine = db.make_engine(db_url)
        db.upgrade(engine)  # the schema beforehand, as a deployment's `mailbot db upgrade`
        engine.dispose()
        config = base_config(account, sink, db_url, idle=True, log_level="INFO")
        config["logging"]["format"] = "json"
        write_config(work / "mailbot.toml", config)
        daemon = DaemonProcess(work / "mailbot.toml", work / "daemon.log").start()
        with Appender(account) as appender:
            started = time.perf_counter()
            samples = measure(args, appender, sink, daemon)
            seconds = time.perf_counter() - started
        status = daemon.status()
        returncode = daemon.stop()
        split = breakdown(samples, daemon.log_path)
        errors = [line for line in daemon.errors_logged() if '"level": "error"' in line]
    finally:
        if daemon is not None:
            daemon.stop()
        sink.stop()
        dovecot.stop()
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    latency = percentiles([s.latency_ms for s in samples])
    return {
        "messages": len(samples),
        "warmup": args.warmup,
        "max_gap_seconds": args.max_gap,
        "seconds": round(seconds, 1),
        "latency_ms": {k: round(v, 1) for k, v in latency.items()},
        "breakdown_ms": split,
        "daemon_rss_mb": round(status["VmRSS"], 1),
        "daemon_peak_rss_mb": round(status["VmHWM"], 1),
        "daemon_exit": returncode,
        "errors_logged": errors[:5],
        "machine": host,
    }


def report(result: dict[str, Any]) -> None:
    lat, m = result["latency_ms"], result["machine"]
    print(
        f"latency (APPEND → reply at the SMTP sink), {result['messages']} requests one at a time, "
        f"IDLE, SQLite: p50 {lat['p50']:.0f} ms, p90 {lat['p90']:.0f} ms, "
        f"p99 {lat['p99']:.0f} ms, max {lat['max']:.0f} ms (min {lat['min']:.0f}, "
        f"mean {lat['mean']:.0f})"
    )
    split = result["breakdown_ms"]
    if split.get("matched"):
        print(f"  where it goes (from the daemon's log, {split['matched']} requests matched):")
        for name in PHASES:
            p = split[name]
            print(
                f"    {name:<8} p50 {p['p50']:7.1f}  p90 {p['p90']:7.1f}  p99 {p['p99']:7.1f}  "
                f"max {p['max']:7.1f} ms   {p['share_of_mean'] * 100:4.0f}% of the mean"
            )
        slow = ", ".join(
            f"{s['latency_ms']:.0f} ms (wake {s['wake']:.0f}, ingest {s['ingest']:.0f}, "
            f"deliver {s['deliver']:.0f})"
            for s in split["slowest"][:3]
        )
        print(f"    slowest: {slow}")
    print(
        f"  daemon RSS at the end {result['daemon_rss_mb']:.0f} MB, peak "
        f"{result['daemon_peak_rss_mb']:.0f} MB; exit status after SIGTERM "
        f"{result['daemon_exit']}; {result['seconds']:.0f} s in all"
    )
    print(
        f"  machine: nproc {m['nproc']}, {m['implementation']} {m['python']}; "
        f"load average before {m['loadavg_1min_before']}"
    )
    for line in result["errors_logged"]:
        print(f"  daemon logged: {line[:300]}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    result = bench(args)
    if args.json:
        print(json.dumps(result))
    else:
        report(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
