"""Ceiling benchmark: the CPU that the unavoidable parts of one backlog message cost here.

``bench/ingest.py`` times the whole product. This script times only the parts no design can
leave out, each on its own over the same N request mails, and adds them up into an upper
bound on backlog throughput for this machine:

  * parse + classify: ``parse_message`` and ``classify`` on the raw bytes, in this process;
  * IMAP: FETCH ``BODY.PEEK[]`` in batches of 100 and MOVE each batch to another folder,
    against a private Dovecot (imapclient in this process, Dovecot in its own);
  * SMTP: one mail of the same size per message over one aiosmtplib connection to an aiosmtpd
    server in a child process that keeps nothing;
  * database: three bare rows per message (inbound record, ticket, outbox mail) with sqlite3
    ``executemany``, one transaction per 100 messages, WAL and synchronous=FULL.

Not counted, so the bound is generous: templates, MIME composition of the acknowledgement,
the audit trail, dedupe and threading look-ups, SQLAlchemy, and every IMAP or SMTP round trip
beyond the ones above.

For each part it prints the CPU of this process and of the whole machine (from /proc/stat,
which includes Dovecot, the SMTP server and anything else running) per message. Two bounds
follow: one core's worth (everything in one interpreter, as mailbot runs) and two cores'
worth (perfectly shared, no coordination cost).

Usage, from the repository root:

    /work/venv/bin/python bench/ceiling.py [-n 2000] [--seed 1] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aiosmtplib
from imapclient import IMAPClient

from bench.ingest import machine, make_requests
from mailbot.classify import classify
from mailbot.classify.classifier import warm_up
from mailbot.mail.parse import parse_message
from tests.servers import DovecotServer, append_messages, free_port

BATCH = 100
SINK = textwrap.dedent(
    """
    import asyncio, sys
    from aiosmtpd.controller import Controller

    class Discard:
        async def handle_DATA(self, server, session, envelope):
            return "250 OK"

    controller = Controller(Discard(), hostname="127.0.0.1", port=int(sys.argv[1]))
    controller.start()
    print("ready", flush=True)
    sys.stdin.read()
    controller.stop()
    """
)


@dataclass
class Part:
    """One part's cost over the whole run."""

    name: str
    wall: float
    own_cpu: float
    machine_cpu: float

    def per_message(self, n: int) -> dict[str, float]:
        return {
            "wall_ms": round(self.wall / n * 1000, 3),
            "own_cpu_ms": round(self.own_cpu / n * 1000, 3),
            "machine_cpu_ms": round(self.machine_cpu / n * 1000, 3),
        }


def _machine_busy() -> float:
    """Seconds of CPU the whole machine has spent outside idle and iowait since boot."""
    with open("/proc/stat", encoding="ascii") as stat:
        fields = [int(value) for value in stat.readline().split()[1:]]
    idle = fields[3] + fields[4]
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


@contextmanager
def measured(name: str, parts: list[Part]) -> Iterator[None]:
    wall, own, busy = time.perf_counter(), time.process_time(), _machine_busy()
    yield
    parts.append(
        Part(
            name,
            time.perf_counter() - wall,
            time.process_time() - own,
            _machine_busy() - busy,
        )
    )


def parse_and_classify(requests: list[bytes], parts: list[Part]) -> None:
    warm_up()
    with measured("parse + classify", parts):
        for raw in requests:
            classify(parse_message(raw))


def imap(requests: list[bytes], parts: list[Part]) -> None:
    with DovecotServer() as dovecot:
        account = dovecot.new_account()
        uids = append_messages(
            account.host, account.port, account.username, account.password, requests
        )
        with IMAPClient(account.host, port=account.port, ssl=False, timeout=30) as client:
            client.login(account.username, account.password)
            client.create_folder("Done")
            client.select_folder("INBOX")
            with measured("IMAP fetch + move", parts):
                for start in range(0, len(uids), BATCH):
                    batch = uids[start : start + BATCH]
                    fetched = client.fetch(batch, [b"BODY.PEEK[]"])
                    if len(fetched) != len(batch):
                        raise RuntimeError(f"fetched {len(fetched)} of {len(batch)}")
                    client.move(batch, "Done")


def smtp(requests: list[bytes], parts: list[Part]) -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", SINK, str(port)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        if server.stdout.readline().strip() != "ready":
            raise RuntimeError("the SMTP server did not start")

        async def send_all() -> None:
            client = aiosmtplib.SMTP(hostname="127.0.0.1", port=port, start_tls=False)
            await client.connect()
            try:
                for index, raw in enumerate(requests):
                    await client.sendmail(
                        "support@example.co.uk", [f"requester{index}@example.net"], raw
                    )
            finally:
                await client.quit()

        with measured("SMTP send (client + server)", parts):
            asyncio.run(send_all())
    finally:
        if server.stdin is not None:
            server.stdin.close()
        server.wait(timeout=10)


def database(requests: list[bytes], parts: list[Part]) -> None:
    with tempfile.TemporaryDirectory(prefix="mailbot-ceiling-") as work:
        connection = sqlite3.connect(Path(work) / "floor.db", isolation_level=None)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        for table in ("inbound", "tickets", "outbox"):
            connection.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, a TEXT, b TEXT)")
        rows = [
            (f"<{index}@example.net>", raw[:2000].decode("latin-1"))
            for index, raw in enumerate(requests)
        ]
        with measured("database (bare sqlite3 rows)", parts):
            for start in range(0, len(rows), BATCH):
                batch = rows[start : start + BATCH]
                connection.execute("BEGIN")
                for table in ("inbound", "tickets", "outbox"):
                    connection.executemany(f"INSERT INTO {table} (a, b) VALUES (?, ?)", batch)
                connection.execute("COMMIT")
        connection.close()


STEPS: tuple[Callable[[list[bytes], list[Part]], None], ...] = (
    parse_and_classify,
    imap,
    smtp,
    database,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--messages", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    host = machine()
    requests = make_requests(args.messages, args.seed)
    parts: list[Part] = []
    for step in STEPS:
        step(requests, parts)
    n = args.messages
    own = sum(part.own_cpu for part in parts) / n
    everything = sum(part.machine_cpu for part in parts) / n
    cores = os.cpu_count() or 1
    result = {
        "messages": n,
        "parts": {part.name: part.per_message(n) for part in parts},
        "own_cpu_ms_per_message": round(own * 1000, 3),
        "machine_cpu_ms_per_message": round(everything * 1000, 3),
        "one_interpreter_ceiling_msgs_per_s": round(1 / own, 1),
        "all_cores_ceiling_msgs_per_s": round(cores / everything, 1),
        "cores": cores,
        "machine": host,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"ceiling over {n} request mails (CPU per message; machine = every process here)")
    for part in parts:
        figures = part.per_message(n)
        print(
            f"  {part.name:32} own {figures['own_cpu_ms']:6.3f} ms   machine "
            f"{figures['machine_cpu_ms']:6.3f} ms   wall {figures['wall_ms']:6.3f} ms"
        )
    print(
        f"  sum: own {own * 1000:.3f} ms, machine {everything * 1000:.3f} ms per message\n"
        f"  ceiling in one interpreter (as mailbot runs): {1 / own:.0f} msgs/s\n"
        f"  ceiling on all {cores} cores, perfectly shared: {cores / everything:.0f} msgs/s\n"
        f"  machine: load average before {host['loadavg_1min_before']}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
