"""The IMAP edge: imapclient driven from one worker thread (it is not thread-safe).

``ImapConnection`` is the blocking client with library errors translated into
``TransientMailboxError`` / ``PermanentMailboxError``; ``ImapMailbox`` runs it on a single
dedicated thread and offers the same operations as coroutines.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

import imapclient
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError, LoginError

from mailbot.config import ImapSettings
from mailbot.errors import PermanentMailboxError, TransientMailboxError

T = TypeVar("T")
MOVE_CHUNK = 500


@dataclass(frozen=True, slots=True)
class FolderState:
    uidvalidity: int
    uidnext: int
    exists: int


@dataclass(frozen=True, slots=True)
class RawMessage:
    uid: int
    raw: bytes
    received_at: datetime
    size: int
    truncated: bool


def tls_context(verify: bool, ca_file: str) -> ssl.SSLContext:
    """Certificate checks on by default; an extra CA file for private servers."""
    context = ssl.create_default_context(cafile=ca_file or None)
    if not verify:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


@contextmanager
def translated_errors(action: str) -> Iterator[None]:
    """Turn imapclient, socket and TLS exceptions into mailbot's mailbox errors."""
    try:
        yield
    except LoginError as exc:
        raise PermanentMailboxError(f"{action}: login refused (bad username or password)") from exc
    except ssl.SSLCertVerificationError as exc:
        raise PermanentMailboxError(f"{action}: TLS certificate not trusted: {exc}") from exc
    except ssl.SSLError as exc:
        raise TransientMailboxError(f"{action}: TLS failure: {exc}") from exc
    except IMAPClientAbortError as exc:
        raise TransientMailboxError(f"{action}: connection lost: {exc}") from exc
    except IMAPClientError as exc:
        raise TransientMailboxError(f"{action}: server said: {exc}") from exc
    except (OSError, EOFError) as exc:
        raise TransientMailboxError(f"{action}: network error: {exc}") from exc


class ImapConnection:
    """A blocking IMAP session on one folder. Call only from one thread."""

    def __init__(self, settings: ImapSettings, folder: str | None = None) -> None:
        self.settings = settings
        self.folder = folder or settings.folder
        self.client: imapclient.IMAPClient | None = None
        self.delimiter = "/"
        self.prefix = ""
        self.capabilities: frozenset[str] = frozenset()
        self._idling = False

    def connect(self) -> None:
        """Connect, secure, log in and learn the server's folder naming."""
        self.close()
        s = self.settings
        context = tls_context(s.verify_certificate, s.ca_file)
        with translated_errors(f"connect to {s.host}:{s.effective_port}"):
            client = imapclient.IMAPClient(
                s.host,
                port=s.effective_port,
                ssl=s.security == "tls",
                ssl_context=context,
                timeout=s.timeout_seconds,
            )
            self.client = client
            client.normalise_times = False
            _no_delay(client)
            if s.security == "starttls":
                client.starttls(context)
            client.login(s.username, str(s.password))
            self.capabilities = frozenset(c.decode().upper() for c in client.capabilities())
            self._learn_namespace(client)

    def _learn_namespace(self, client: imapclient.IMAPClient) -> None:
        """Folder prefix and delimiter from NAMESPACE, or from LIST where NAMESPACE is missing."""
        prefix: str | bytes = ""
        delimiter: str | bytes | None = None
        try:
            personal = client.namespace().personal
            if personal:
                prefix, delimiter = personal[0]
        except IMAPClientError:
            listed = client.list_folders(pattern="INBOX")
            delimiter = listed[0][1] if listed else None
        self.prefix = prefix if isinstance(prefix, str) else prefix.decode()
        if delimiter:
            self.delimiter = delimiter if isinstance(delimiter, str) else delimiter.decode()

    def server_name(self, folder: str) -> str:
        """``Mailbot/Processed`` in the server's own hierarchy (delimiter and prefix)."""
        if folder.upper() == "INBOX":
            return "INBOX"
        name = self.delimiter.join(folder.split("/"))
        if self.prefix and not name.startswith(self.prefix):
            name = self.prefix + name
        return name

    def ensure_folder(self, folder: str) -> str:
        """Create a folder (and its parents) if missing; returns its server name."""
        client = self._client()
        name = self.server_name(folder)
        with translated_errors(f"create folder {name}"):
            if not client.folder_exists(name):
                client.create_folder(name)
                client.subscribe_folder(name)
        return name

    def select(self) -> FolderState:
        """Open the watched folder and report its UIDVALIDITY and UIDNEXT."""
        client = self._client()
        name = self.server_name(self.folder)
        try:
            with translated_errors(f"select {name}"):
                info = client.select_folder(name)
        except TransientMailboxError as exc:
            if "exist" in str(exc).lower() or "nonexistent" in str(exc).lower():
                raise PermanentMailboxError(f"folder {name!r} does not exist") from exc
            raise
        return FolderState(
            uidvalidity=int(info[b"UIDVALIDITY"]),
            uidnext=int(info.get(b"UIDNEXT", 0)),
            exists=int(info.get(b"EXISTS", 0)),
        )

    def new_uids(self, after_uid: int) -> list[int]:
        """UIDs above the checkpoint (``N:*`` also returns the last UID, so filter it)."""
        with translated_errors("search"):
            uids = self._client().search(["UID", f"{after_uid + 1}:*"])
        return sorted(int(uid) for uid in uids if int(uid) > after_uid)

    def fetch(self, uids: Sequence[int]) -> list[RawMessage]:
        """Fetch whole messages without setting \\Seen; oversized ones only in part."""
        if not uids:
            return []
        client = self._client()
        limit = self.settings.max_message_bytes
        with translated_errors("fetch"):
            meta = client.fetch(list(uids), ["RFC822.SIZE", "INTERNALDATE"])
            small = [u for u in uids if int(meta.get(u, {}).get(b"RFC822.SIZE", 0)) <= limit]
            large = [u for u in uids if u in meta and u not in small]
            bodies = client.fetch(small, ["BODY.PEEK[]"]) if small else {}
            partial = client.fetch(large, [f"BODY.PEEK[]<0.{limit}>"]) if large else {}
        found: list[RawMessage] = []
        for uid in uids:
            if uid not in meta:
                continue
            data = bodies.get(uid) or partial.get(uid) or {}
            raw = _body_of(data)
            if raw is None:
                continue
            size = int(meta[uid].get(b"RFC822.SIZE", len(raw)))
            received = _aware(meta[uid].get(b"INTERNALDATE"))
            found.append(RawMessage(uid, raw, received, size, truncated=uid in large))
        return found

    def sizes(self, uids: Sequence[int]) -> dict[int, int]:
        """RFC822.SIZE of each message (those expunged meanwhile are missing)."""
        if not uids:
            return {}
        with translated_errors("fetch"):
            meta = self._client().fetch(list(uids), ["RFC822.SIZE"])
        return {uid: int(data.get(b"RFC822.SIZE", 0)) for uid, data in meta.items()}

    def move(self, uids: Sequence[int], folder: str) -> None:
        """UID MOVE where offered; else COPY, flag \\Deleted and expunge just those UIDs."""
        client = self._client()
        target = self.server_name(folder)
        for start in range(0, len(uids), MOVE_CHUNK):
            chunk = list(uids[start : start + MOVE_CHUNK])
            with translated_errors(f"move to {target}"):
                if "MOVE" in self.capabilities:
                    client.move(chunk, target)
                    continue
                client.copy(chunk, target)
                client.add_flags(chunk, [imapclient.DELETED])
                if "UIDPLUS" in self.capabilities:
                    client.uid_expunge(chunk)
                else:
                    client.expunge()

    @property
    def has_idle(self) -> bool:
        return "IDLE" in self.capabilities

    def idle_start(self) -> None:
        with translated_errors("idle"):
            self._client().idle()
        self._idling = True

    def idle_check(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds in IDLE; True when the folder changed.

        imapclient hides a closed connection here (it reads EOF as "no responses"), so an
        early empty return is treated as a dropped connection.
        """
        started = time.monotonic()
        with translated_errors("idle"):
            responses = self._client().idle_check(timeout=timeout)
        if not responses and time.monotonic() - started < timeout / 2:
            raise TransientMailboxError("idle: connection closed by the server")
        return any(_is_change(item) for item in responses)

    def idle_done(self) -> None:
        if not self._idling:
            return
        self._idling = False
        with translated_errors("idle done"):
            self._client().idle_done()

    def noop(self) -> None:
        with translated_errors("noop"):
            self._client().noop()

    def close(self) -> None:
        """Log out politely if possible; never raises."""
        client, self.client = self.client, None
        self._idling = False
        if client is None:
            return
        try:
            client.logout()
        except Exception:
            with suppress(Exception):
                client.shutdown()

    def _client(self) -> imapclient.IMAPClient:
        if self.client is None:
            raise TransientMailboxError("not connected")
        return self.client


def _no_delay(client: imapclient.IMAPClient) -> None:
    with suppress(OSError, AttributeError):
        client.socket().setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def _body_of(data: dict[bytes, Any]) -> bytes | None:
    for key, value in data.items():
        if key.startswith(b"BODY[") and isinstance(value, bytes):
            return value
    return None


def _aware(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return datetime.now(UTC)


def _is_change(item: Any) -> bool:
    return isinstance(item, tuple) and len(item) >= 2 and item[1] in (b"EXISTS", b"RECENT")


class ImapMailbox:
    """The async face of one ``ImapConnection``: every call runs on its own single thread."""

    def __init__(self, connection: ImapConnection) -> None:
        self.connection = connection
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="imap")

    async def call(self, fn: Callable[..., T], *args: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._thread, fn, *args)

    async def aclose(self) -> None:
        await self.call(self.connection.close)
        self._thread.shutdown(wait=True)
