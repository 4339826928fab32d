"""Soak benchmark: the daemon's memory across many messages (does it leak?).

Starts a private Dovecot, an aiosmtpd sink (keeping only arrival times, not the mail) and a
``mailbot run`` daemon as a child process (IDLE on, SQLite), lets a few warm-up requests
through, then feeds ``--messages`` request mails in chunks of ``--chunk``: APPEND the chunk
over one IMAP connection (the daemon, woken by IDLE, ingests while it arrives), wait until
every request of the chunk is answered at the sink (or nothing new arrived for ``--stall``
seconds), then sample the daemon's VmRSS, VmHWM and threads from /proc/<pid>/status.

Printed: the series (messages so far, RSS, peak, chunk throughput, the daemon's CPU per
message) and the least-squares slope of RSS over messages after the first ``--warmup-chunks``
chunks, in MB per 1,000 messages. The daemon's scheduled jobs run at start and every 5 minutes
over the whole database, and its worker threads are started as needed (each with its own malloc
arena): the chunks where either happened are marked, the one-off RSS steps they cause are
listed apart, and the slope is taken within the stretches between them (also for the second
half alone). A flat line (well under 0.1 MB per 1,000) means no leak; allocator noise moves
single samples by a few MB either way.

Usage, from the repository root:

    /work/venv/bin/python bench/soak.py [--messages 20000] [--chunk 500] [--warmup-chunks 2]
        [--stall 60] [--seed 3] [--py-spy FILE] [--json]

``--py-spy FILE`` attaches ``py-spy record`` (all threads, raw collapsed stacks) to the daemon
for the whole feed (``pip install py-spy``; needs ptrace rights, e.g. root).
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._servers import (
    Appender,
    DaemonProcess,
    Requests,
    TimedSink,
    base_config,
    linear_slope,
    machine,
    set_child_env,
    write_config,
)
from mailbot import db
from tests.servers import DovecotServer

LEAK_MB_PER_1000 = 0.1
JOBS_INTERVAL_SECONDS = 300.0  # mailbot.daemon.JOBS_INTERVAL_SECONDS


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=20_000, help="requests in all")
    parser.add_argument("--chunk", type=int, default=500, help="requests per chunk")
    parser.add_argument("--warmup-chunks", type=int, default=2, help="chunks left out of the slope")
    parser.add_argument(
        "--stall", type=float, default=60.0, help="give up a chunk after S s without a reply"
    )
    parser.add_argument(
        "--child-env",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="extra environment for the mailbot children (e.g. MALLOC_ARENA_MAX=2)",
    )
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--py-spy", metavar="FILE", help="sample the daemon with py-spy")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if args.messages < 1 or args.chunk < 1 or args.warmup_chunks < 0:
        parser.error("--messages and --chunk must be positive")
    return args


def jobs_ran(since_start: tuple[float, float]) -> bool:
    """Did the daemon's scheduled jobs (at start, then every JOBS_INTERVAL_SECONDS) run in
    this interval of seconds since the daemon started? (Start-up takes a few seconds, so a
    run just after a boundary may fall in the next chunk: both are marked.)"""
    low, high = since_start
    return int(high // JOBS_INTERVAL_SECONDS) > int(max(low - 10, 0) // JOBS_INTERVAL_SECONDS)


def feed(
    args: argparse.Namespace, appender: Appender, sink: TimedSink, daemon: DaemonProcess
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The warm-up, then every chunk; returns the state after warm-up and one row per chunk."""
    requests = Requests(args.seed)
    warm = requests.take(5)
    for _message_id, raw in warm:
        appender.append(raw)
    sink.replies_to([m for m, _ in warm], stall=120.0)
    sink.forget()
    status = daemon.status()
    start = {"rss_mb": status["VmRSS"], "peak_mb": status["VmHWM"], "cpu": daemon.cpu_seconds()}
    series: list[dict[str, Any]] = []
    done = 0
    while done < args.messages:
        size = min(args.chunk, args.messages - done)
        chunk = requests.take(size)
        cpu_before, started = daemon.cpu_seconds(), time.perf_counter()
        since = started - daemon.started_at
        for _message_id, raw in chunk:
            appender.append(raw)
        answered = sink.replies_to([m for m, _ in chunk], stall=args.stall)
        seconds = time.perf_counter() - started
        done += size
        status = daemon.status()
        cpu = daemon.cpu_seconds() - cpu_before
        series.append(
            {
                "messages": done,
                "answered": len(answered),
                "rss_mb": round(status["VmRSS"], 1),
                "peak_mb": round(status["VmHWM"], 1),
                "threads": int(status["Threads"]),
                "seconds": round(seconds, 2),
                "msgs_per_second": round(size / seconds, 1),
                "cpu_ms_per_message": round(cpu * 1000 / size, 2),
                "since_start_s": round(since + seconds, 1),
                "jobs_ran": jobs_ran((since, since + seconds)),
            }
        )
        sink.forget()
        if not args.json:
            row = series[-1]
            print(
                f"  {row['messages']:>6} msgs  RSS {row['rss_mb']:6.1f} MB  peak "
                f"{row['peak_mb']:6.1f} MB  threads {row['threads']:>2}  "
                f"{row['msgs_per_second']:6.1f} msgs/s  CPU {row['cpu_ms_per_message']:5.1f} "
                f"ms/msg  answered {row['answered']}/{size}"
                + ("  (scheduled jobs ran)" if row["jobs_ran"] else ""),
                flush=True,
            )
    return start, series


def attach_py_spy(path: str, pid: int) -> subprocess.Popen[bytes]:
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    command = [spy, "record", "--pid", str(pid), "--format", "raw", "-r", "100", "-o", path]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def bench(args: argparse.Namespace) -> dict[str, Any]:
    host = machine()
    work = Path(tempfile.mkdtemp(prefix="mailbot-soak-"))
    dovecot, sink = DovecotServer(), TimedSink(keep=False)
    daemon: DaemonProcess | None = None
    try:
        dovecot.start()
        sink.start()
        account = dovecot.new_account()
        db_url = f"sqlite:///{work / 'mailbot.db'}"
        engine = db.make_engine(db_url)
        db.upgrade(engine)
        engine.dispose()
        write_config(work / "mailbot.toml", base_config(account, sink, db_url, idle=True))
        daemon = DaemonProcess(work / "mailbot.toml", work / "daemon.log").start()
        started = time.perf_counter()
        spy = attach_py_spy(args.py_spy, daemon.pid) if args.py_spy else None
        try:
            with Appender(account) as appender:
                start, series = feed(args, appender, sink, daemon)
        finally:
            if spy is not None:
                spy.send_signal(signal.SIGINT)  # py-spy writes its file on SIGINT
                spy.wait(60)
        seconds = time.perf_counter() - started
        returncode = daemon.stop()
        db_mb = sum(p.stat().st_size for p in work.glob("mailbot.db*")) / 2**20
        errors = [line for line in daemon.errors_logged() if "level=error" in line]
    finally:
        if daemon is not None:
            daemon.stop()
        sink.stop()
        dovecot.stop()
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return summarise(args, host, start, series, seconds, returncode, db_mb, errors)


def _is_step(before: dict[str, Any], now: dict[str, Any]) -> bool:
    """RSS may step up where the scheduled jobs ran or a worker thread (and its malloc arena)
    was added: one-off rises, not growth per message."""
    return bool(now["jobs_ran"]) or now["threads"] != before["threads"]


def slope_within_segments(rows: list[dict[str, Any]]) -> float | None:
    """RSS per message within the stretches between steps (a common slope, each stretch
    with its own level), i.e. the growth that messages themselves cause."""
    segments: list[list[dict[str, Any]]] = [rows[:1]]
    for before, now in itertools.pairwise(rows):
        if _is_step(before, now):
            segments.append([])
        segments[-1].append(now)
    numerator = denominator = 0.0
    for segment in segments:
        if len(segment) < 2:
            continue
        xs, ys = [r["messages"] for r in segment], [r["rss_mb"] for r in segment]
        mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
        numerator += sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
        denominator += sum((x - mean_x) ** 2 for x in xs)
    return numerator / denominator if denominator else None


def verdict(whole: float | None, late: float | None) -> str | None:
    if whole is None:
        return None
    if abs(whole) < LEAK_MB_PER_1000:
        return "flat (no leak seen)"
    if late is not None and abs(late) < LEAK_MB_PER_1000:
        return "grew early, flat in the second half (caches filling, no leak seen)"
    if late is not None and late < whole / 2:
        return "grows, slowing down (run longer to tell caches from a leak)"
    return (
        "grows steadily: bounded caches (SQLite's page cache is up to 2 MB per pooled "
        "connection) or a leak — run longer to tell"
    )


def summarise(
    args: argparse.Namespace,
    host: dict[str, Any],
    start: dict[str, Any],
    series: list[dict[str, Any]],
    seconds: float,
    returncode: int | None,
    db_mb: float,
    errors: list[str],
) -> dict[str, Any]:
    steady = series[args.warmup_chunks :] or series
    slope = linear_slope([r["messages"] for r in steady], [r["rss_mb"] for r in steady])
    within = slope_within_segments(steady)
    per_1000 = None if within is None else round(within * 1000, 4)
    total = series[-1]["messages"] if series else 0
    late = slope_within_segments([r for r in steady if r["messages"] > total / 2])
    late_1000 = None if late is None else round(late * 1000, 4)
    rss = [r["rss_mb"] for r in steady]
    steps = [
        {"messages": now["messages"], "mb": round(now["rss_mb"] - before["rss_mb"], 1)}
        for before, now in itertools.pairwise(steady)
        if _is_step(before, now)
    ]
    return {
        "messages": total,
        "answered": sum(r["answered"] for r in series),
        "chunk": args.chunk,
        "warmup_chunks": args.warmup_chunks,
        "seconds": round(seconds, 1),
        "msgs_per_second": round(total / seconds, 1) if seconds else None,
        "rss_after_warmup_mb": round(start["rss_mb"], 1),
        "rss_final_mb": series[-1]["rss_mb"] if series else None,
        "peak_rss_mb": max((r["peak_mb"] for r in series), default=None),
        "steady_rss_range_mb": [min(rss), max(rss)] if rss else None,
        "slope_overall_mb_per_1000_messages": None if slope is None else round(slope * 1000, 4),
        "slope_mb_per_1000_messages": per_1000,
        "slope_second_half_mb_per_1000_messages": late_1000,
        "steps": steps,
        "verdict": verdict(per_1000, late_1000),
        "db_mb": round(db_mb, 1),
        "series": series,
        "daemon_exit": returncode,
        "errors_logged": errors[:5],
        "child_env": args.child_env,
        "machine": host,
    }


def report(result: dict[str, Any]) -> None:
    m = result["machine"]
    print(
        f"soak: {result['messages']} requests ({result['answered']} answered) in "
        f"{result['seconds']:.0f} s = {result['msgs_per_second']} msgs/s, chunks of "
        f"{result['chunk']}; SQLite {result['db_mb']:.0f} MB at the end"
    )
    low, high = result["steady_rss_range_mb"] or (0, 0)
    print(
        f"  RSS after warm-up {result['rss_after_warmup_mb']:.0f} MB; after chunk "
        f"{result['warmup_chunks'] + 1}..end {low:.0f}–{high:.0f} MB; final "
        f"{result['rss_final_mb']:.0f} MB; peak (VmHWM) {result['peak_rss_mb']:.0f} MB"
    )
    steps = ", ".join(f"{s['mb']:+.1f} MB at {s['messages']}" for s in result["steps"])
    print(
        f"  after {result['warmup_chunks']} warm-up chunks: RSS grows "
        f"{result['slope_mb_per_1000_messages']} MB per 1,000 messages between the steps "
        f"({result['slope_second_half_mb_per_1000_messages']} in the second half; overall, "
        f"steps included: {result['slope_overall_mb_per_1000_messages']}) → "
        f"{result['verdict']}; steps where the 5-minute jobs ran or a thread was added: "
        f"{steps or 'none'}"
    )
    if result["child_env"]:
        print(f"  daemon environment: {' '.join(result['child_env'])}")
    print(
        f"  daemon exit status after SIGTERM {result['daemon_exit']}; machine: nproc "
        f"{m['nproc']}, {m['implementation']} {m['python']}; load average before "
        f"{m['loadavg_1min_before']}"
    )
    for line in result["errors_logged"]:
        print(f"  daemon logged: {line[:300]}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    set_child_env(args.child_env)
    result = bench(args)
    if args.json:
        print(json.dumps(result))
    else:
        report(result)
    return 0 if result["answered"] == result["messages"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
