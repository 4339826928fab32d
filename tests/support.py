"""Helpers shared by the integration tests: settings for real servers, IMAP inspection."""

from __future__ import annotations

import base64
import socket
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import imapclient

from mailbot.config import Settings, settings_from_mapping
from mailbot.daemon import App, Daemon, RunSummary, build_app
from mailbot.faults import Failpoints
from tests.servers import ImapAccount, SmtpSink

SUPPORT = "support@example.co.uk"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def config_for(
    account: ImapAccount, sink: SmtpSink | None, db_url: str, **sections: dict[str, Any]
) -> dict[str, Any]:
    """A configuration mapping pointing at test servers on loopback."""
    config: dict[str, Any] = {
        "database": {"url": db_url},
        "imap": {
            "host": account.host,
            "port": account.port,
            "security": "none",
            "username": account.username,
            "password": account.password,
            "poll_interval_seconds": 0.5,
            "reconnect_initial_seconds": 0.1,
            "reconnect_max_seconds": 1.0,
            "timeout_seconds": 10.0,
        },
        "smtp": {
            "host": "127.0.0.1",
            "port": sink.port if sink else 1,
            "security": "none",
            "timeout_seconds": 10.0,
        },
        "company": {"name": "Example Trading Ltd", "support_address": SUPPORT},
        "staff": {"addresses": []},
        "outbox": {"retry_initial_seconds": 30.0},
    }
    for name, values in sections.items():
        config.setdefault(name, {}).update(values)
    return config


def settings_for(
    account: ImapAccount, sink: SmtpSink | None, db_url: str, **sections: dict[str, Any]
) -> Settings:
    return settings_from_mapping(config_for(account, sink, db_url, **sections))


class DkimKey:
    """An RSA key pair: the private key dkimpy signs with, the TXT record DNS publishes."""

    def __init__(self) -> None:
        self.private = subprocess.run(
            ["openssl", "genrsa", "-traditional", "2048"], capture_output=True, check=True
        ).stdout
        der = subprocess.run(
            ["openssl", "rsa", "-pubout", "-outform", "DER"],
            input=self.private,
            capture_output=True,
            check=True,
        ).stdout
        self.record = b"v=DKIM1; k=rsa; p=" + base64.b64encode(der)


class SteppingClock:
    """A controllable clock: starts at a fixed instant, moves only when told."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


_APPS: list[App] = []


def make_app(settings: Settings, clock: Callable[[], datetime] | None = None) -> App:
    """Build an app; its database connections are closed after the test (see conftest)."""
    if clock is None:
        app = build_app(settings, failpoints=Failpoints())
    else:
        app = build_app(settings, clock=clock, failpoints=Failpoints())
    _APPS.append(app)
    return app


def close_apps() -> None:
    while _APPS:
        _APPS.pop().close()


async def run_once(app: App, **kwargs: Any) -> RunSummary:
    return await Daemon(app, **kwargs).run_once()


def request_mail(
    n: int,
    *,
    sender: str | None = None,
    subject: str | None = None,
    body: str = "Please send me a copy of all personal data you hold about me (Article 15).",
    extra_headers: str = "",
    message_id: str | None = None,
) -> bytes:
    """A plain request email from a person."""
    sender = sender or f"person{n}@example.org"
    subject = subject or f"Subject access request {n}"
    message_id = message_id or f"<request-{n}@example.org>"
    return (
        f"From: Person {n} <{sender}>\r\n"
        f"To: {SUPPORT}\r\n"
        f"Subject: {subject}\r\n"
        f"Date: Mon, 23 Nov 2026 09:{n % 60:02d}:00 +0000\r\n"
        f"Message-ID: {message_id}\r\n"
        f"MIME-Version: 1.0\r\n"
        f'Content-Type: text/plain; charset="utf-8"\r\n'
        f"{extra_headers}"
        f"\r\n{body}\r\n"
    ).encode()


@dataclass
class Folders:
    """Read-only view of a test mailbox over a second IMAP connection."""

    account: ImapAccount

    def _client(self) -> imapclient.IMAPClient:
        client = imapclient.IMAPClient(self.account.host, port=self.account.port, ssl=False)
        client.socket().setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        client.login(self.account.username, self.account.password)
        return client

    def flags(self, folder: str = "INBOX") -> dict[int, tuple[bytes, ...]]:
        """UID → flags of every message in the folder (empty if the folder is missing)."""
        client = self._client()
        try:
            if not client.folder_exists(folder):
                return {}
            client.select_folder(folder, readonly=True)
            uids = client.search(["ALL"])
            fetched = client.fetch(uids, ["FLAGS"]) if uids else {}
            return {uid: tuple(data[b"FLAGS"]) for uid, data in fetched.items()}
        finally:
            client.logout()

    def count(self, folder: str = "INBOX") -> int:
        return len(self.flags(folder))

    def message_ids(self, folder: str = "INBOX") -> list[str]:
        client = self._client()
        try:
            if not client.folder_exists(folder):
                return []
            client.select_folder(folder, readonly=True)
            uids = client.search(["ALL"])
            fetched = client.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"]) if uids else {}
            ids = []
            for data in fetched.values():
                raw = next(v for k, v in data.items() if k.startswith(b"BODY"))
                ids.append(raw.decode().split(":", 1)[-1].strip())
            return ids
        finally:
            client.logout()


def append(account: ImapAccount, messages: Iterable[bytes], folder: str = "INBOX") -> list[int]:
    from tests.servers import append_messages

    return append_messages(
        account.host, account.port, account.username, account.password, messages, folder=folder
    )


def append_at(account: ImapAccount, message: bytes, at: datetime, folder: str = "INBOX") -> None:
    """APPEND with a chosen INTERNALDATE: the arrival time the statutory clock counts from."""
    client = imapclient.IMAPClient(account.host, port=account.port, ssl=False)
    try:
        client.login(account.username, account.password)
        client.append(folder, message, msg_time=at)
    finally:
        client.logout()


def reply_to(mail: bytes, *, sender: str, body: str, quote: bool = True, message_id: str) -> bytes:
    """A person pressing Reply on one of our mails: Re: subject, threading headers, quote."""
    from email import message_from_bytes
    from email import policy as email_policy

    original = message_from_bytes(mail, policy=email_policy.default)
    text = original.get_body(("plain",))
    quoted = ""
    if quote and text is not None:
        quoted = "\r\n".join("> " + line for line in text.get_content().splitlines())
    return (
        f"From: {sender}\r\nTo: {SUPPORT}\r\n"
        f"Subject: Re: {' '.join(str(original['Subject']).split())}\r\n"
        f"Message-ID: {message_id}\r\n"
        f"In-Reply-To: {original['Message-ID']}\r\n"
        f"References: {original['Message-ID']}\r\n"
        f"Content-Type: text/plain; charset=utf-8\r\n\r\n"
        f"{body}\r\n\r\n{quoted}\r\n"
    ).encode()
