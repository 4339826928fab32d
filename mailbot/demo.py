"""``mailbot demo``: the whole job on loopback servers, for a newcomer with only the package.

Starts pymap (in-memory IMAP) and aiosmtpd (SMTP sink) on 127.0.0.1, drops sample mail into
the mailbox, runs the daemon until the mailbox is handled, and prints what happened.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import email.utils
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.header import decode_header, make_header
from pathlib import Path
from typing import Any

import imapclient
from aiosmtpd.controller import Controller

from mailbot.config import settings_from_mapping
from mailbot.errors import ConfigError

DEMO_USER = "support@demo.example"
DEMO_PASSWORD = "demo-password"
DEMO_DPO = "dpo@demo.example"
DEMO_MX = "mx.demo.example"  # the company's mail server, trusted for Authentication-Results


@dataclass
class RecordingHandler:
    """An aiosmtpd handler that keeps every mail it accepts."""

    mails: list[tuple[str, list[str], bytes]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            self.mails.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 2.0.0 Message accepted"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def samples_dir() -> Path:
    """Sample mail shipped in the wheel, or the checkout's ``config/demo/mail``."""
    package_dir = Path(__file__).resolve().parent
    for candidate in (package_dir / "config", package_dir.parent / "config"):
        if (candidate / "demo" / "mail").is_dir():
            return candidate / "demo" / "mail"
    raise ConfigError("demo sample mail not found (config/demo/mail)")


@contextmanager
def pymap_server(port: int) -> Iterator[None]:
    """pymap's in-memory backend in a child process, on loopback only."""
    command = [
        sys.executable,
        "-c",
        "import sys; from pymap.main import main; sys.exit(main())",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--no-tls",
        "dict",
        "--demo-user",
        DEMO_USER,
        "--demo-password",
        DEMO_PASSWORD,
    ]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        _wait_for_port(port, process)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_for_port(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = process.stderr.read().decode(errors="replace") if process.stderr else ""
            raise ConfigError(f"the demo IMAP server (pymap) did not start: {error[-500:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise ConfigError("the demo IMAP server (pymap) did not start within 15 s")


def append_raw(port: int, raw: bytes) -> None:
    client = imapclient.IMAPClient("127.0.0.1", port=port, ssl=False, timeout=10)
    try:
        client.socket().setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        client.login(DEMO_USER, DEMO_PASSWORD)
        client.append("INBOX", raw)
    finally:
        client.logout()


def _press_reply(mails: list[tuple[str, list[str], bytes]], requester: str) -> bytes | None:
    """What a mail client sends when the requester presses Reply: Re:, threading, a quote."""
    for _sender, recipients, data in mails:
        if recipients != [requester]:
            continue
        original = email.message_from_bytes(data, policy=email.policy.default)
        body = original.get_body(("plain",))
        text = str(body.get_content()) if body is not None else ""
        quoted = "".join(f"> {line}\r\n" for line in text.splitlines())
        return (
            f"From: Margaret Holloway <{requester}>\r\nTo: {DEMO_USER}\r\n"
            f"Subject: Re: {' '.join(str(original['Subject']).split())}\r\n"
            f"Message-ID: <reply-{abs(hash(data))}@example.org>\r\n"
            f"In-Reply-To: {original['Message-ID']}\r\nReferences: {original['Message-ID']}\r\n"
            f"Content-Type: text/plain; charset=utf-8\r\n\r\nYes, this was me.\r\n\r\n{quoted}"
        ).encode()
    return None


def _staff_closes(mails: list[tuple[str, list[str], bytes]]) -> bytes | None:
    """The DPO pressing Reply on the "Verified" notice: ``#close`` and a line for the requester.

    Staff authority needs proof: here the ``Authentication-Results`` header the company's own
    mail server (``staff.trusted_authserv_ids``) adds after checking the DPO's DKIM signature.
    """
    for _sender, recipients, data in mails:
        subject = " ".join(str(email.message_from_bytes(data)["Subject"]).split())
        if recipients != [DEMO_DPO] or "Verified" not in subject:
            continue
        original = email.message_from_bytes(data)
        return (
            f"Authentication-Results: {DEMO_MX}; dkim=pass header.d=demo.example\r\n"
            f"From: Data Protection Officer <{DEMO_DPO}>\r\nTo: {DEMO_USER}\r\n"
            f"Subject: Re: {subject}\r\n"
            f"Date: {email.utils.format_datetime(datetime.now(UTC))}\r\n"
            f"Message-ID: <dpo-{abs(hash(data))}@demo.example>\r\n"
            f"In-Reply-To: {original['Message-ID']}\r\nReferences: {original['Message-ID']}\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            "#close We have sent you a copy of your data by recorded post.\r\n\r\n"
            "Dear Ms Holloway,\r\n\r\nYour parcel left us today; it should reach you within"
            " two days.\r\n\r\n"
            "-- \r\nThe DPO\r\n"
        ).encode()
    return None


def append_samples(port: int, folder: Path) -> list[Path]:
    """APPEND every sample .eml to the demo INBOX; returns the files in order."""
    files = sorted(folder.glob("*.eml"))
    client = imapclient.IMAPClient("127.0.0.1", port=port, ssl=False, timeout=10)
    try:
        client.socket().setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        client.login(DEMO_USER, DEMO_PASSWORD)
        for path in files:
            client.append(
                "INBOX", path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
            )
    finally:
        client.logout()
    return files


def _header(raw: bytes, name: str) -> str:
    value = email.message_from_bytes(raw)[name]
    return " ".join(str(make_header(decode_header(value))).split()) if value else ""


def run_demo(*, keep: bool = False) -> int:
    """Run the demo end to end and print a report; returns the exit status."""
    from mailbot.daemon import Daemon, build_app
    from mailbot.logs import setup_logging
    from mailbot.tickets.store import list_tickets

    setup_logging("WARNING")
    workdir = Path(tempfile.mkdtemp(prefix="mailbot-demo-"))
    imap_port, handler = free_port(), RecordingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        with pymap_server(imap_port):
            files = append_samples(imap_port, samples_dir())
            print(f"Demo mailbox {DEMO_USER} on 127.0.0.1:{imap_port} (pymap, in memory)")
            print(f"SMTP sink on 127.0.0.1:{controller.port} (aiosmtpd)")
            print(f"Dropped {len(files)} sample mails into INBOX:")
            for path in files:
                print(f"  {path.name:32} {_header(path.read_bytes(), 'Subject')}")
            settings = settings_from_mapping(_demo_config(imap_port, controller.port, workdir))
            app = build_app(settings)
            summary = asyncio.run(Daemon(app).run_once())
            with app.sessions() as session:
                _print_report(summary, list_tickets(session), handler.mails)
            seen = len(handler.mails)
            reply = _press_reply(handler.mails, "m.holloway@example.org")
            if reply is not None:
                print("\nMargaret Holloway presses Reply on the confirmation mail (the code is")
                print("in the quoted text) and the daemon runs again:")
                append_raw(imap_port, reply)
                summary = asyncio.run(Daemon(app).run_once())
                with app.sessions() as session:
                    _print_report(summary, list_tickets(session), handler.mails[seen:])
                staff_reply = _staff_closes(handler.mails[seen:])
                if staff_reply is not None:
                    seen = len(handler.mails)
                    print("\nThe DPO replies to the 'Verified' notice with a command and a line")
                    print("for Margaret (proven by the Authentication-Results header that the")
                    print(f"company's mail server {DEMO_MX} adds) and the daemon runs again:")
                    append_raw(imap_port, staff_reply)
                    summary = asyncio.run(Daemon(app).run_once())
                    with app.sessions() as session:
                        _print_report(summary, list_tickets(session), handler.mails[seen:])
            app.close()
            print(
                "\nThe out-of-office reply and the bounce stay unread in INBOX (robots get no"
                " answer);\nthe re-sent copy of the first request was recognised by its"
                " Message-ID."
            )
        return 0 if not summary.errors else 1
    finally:
        controller.stop()
        if keep:
            print(f"\nDemo database kept at {workdir / 'demo.db'}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def _demo_config(imap_port: int, smtp_port: int, workdir: Path) -> dict[str, Any]:
    return {
        "database": {"url": f"sqlite:///{workdir / 'demo.db'}"},
        "imap": {
            "host": "127.0.0.1",
            "port": imap_port,
            "security": "none",
            "username": DEMO_USER,
            "password": DEMO_PASSWORD,
            "idle": False,
        },
        "smtp": {"host": "127.0.0.1", "port": smtp_port, "security": "none"},
        "company": {"name": "Example Trading Ltd", "support_address": DEMO_USER},
        "staff": {"addresses": [DEMO_DPO], "trusted_authserv_ids": [DEMO_MX]},
        # The digest is due from midnight, so the demo shows it whatever the time of day.
        "digest": {"time": "00:00"},
    }


def _print_report(
    summary: Any, tickets: list[Any], mails: list[tuple[str, list[str], bytes]]
) -> None:
    print(
        f"\nThe daemon fetched {summary.fetched} messages, opened {summary.tickets} tickets, "
        f"moved {summary.settled} to Mailbot/Processed and sent {summary.sent} mails."
    )
    print("\nTickets:")
    for ticket in tickets:
        due = f"due {ticket.due_on}" if ticket.due_on else "clock not running"
        print(f"  {ticket.reference}  {ticket.state:<22} {due:<18} {ticket.requester}")
    print("\nMail received by the SMTP server:")
    for _sender, recipients, data in mails:
        print(f"  to {', '.join(recipients):<28} {_header(data, 'Subject')}")
    for error in summary.errors:
        print(f"ERROR: {error}")
