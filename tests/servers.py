"""Real servers on 127.0.0.1 for tests and benchmarks: Dovecot (IMAP), PostgreSQL, an SMTP sink.

No pytest in here: bench scripts import this module too. Errors:

    ServerError            a server failed to start (the message carries its log tail)
    └── ServerNotInstalled its binary or system user is missing on this machine
"""

from __future__ import annotations

import asyncio
import contextlib
import email.parser
import email.policy
import glob
import grp
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import threading
import time
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import psycopg
from aiosmtpd.controller import Controller
from imapclient import IMAPClient
from psycopg import sql
from sqlalchemy.engine import URL, make_url

HOST = "127.0.0.1"
PG_URL_ENV = "MAILBOT_TEST_PG_URL"
_TEST_DB_PREFIX = "mailbot_test_"
_USER_NAME = re.compile(r"[A-Za-z0-9_+@-][A-Za-z0-9_.+@-]*")


class ServerError(RuntimeError):
    """A test server failed to start; the message says why."""


class ServerNotInstalled(ServerError):
    """The server's binary (or its system user) is missing, so callers may skip."""


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def _log_tail(path: Path, lines: int = 20) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _make_temp_dir(prefix: str) -> Path:
    """A world-traversable dir under /tmp: pytest's tmp_path is 0700 and locks daemons out."""
    path = Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp"))
    path.chmod(0o755)
    return path


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


class _Server:
    """A test server usable as ``with Server() as server:``: started, then stopped."""

    def start(self) -> Self:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


# ---------------------------------------------------------------------------- Dovecot


@dataclass(frozen=True)
class ImapAccount:
    """Where and as whom to log in to a test IMAP server."""

    host: str
    port: int
    username: str
    password: str


def _mail_ids() -> tuple[int, int]:
    """Mail processes must not run as root: use the `mail` system user, else `nobody`."""
    if os.geteuid() != 0:
        return os.getuid(), os.getgid()
    for name in ("mail", "nobody"):
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            continue
        return entry.pw_uid, entry.pw_gid
    raise ServerError("no 'mail' or 'nobody' user to run Dovecot's mail processes as")


def _make_cert(directory: Path) -> tuple[Path, Path]:
    """Self-signed cert for 127.0.0.1/localhost; a client trusts it by loading cert_path."""
    openssl = shutil.which("openssl")
    if openssl is None:
        raise ServerNotInstalled("openssl not found on PATH (needed for the TLS listener)")
    cert, key = directory / "cert.pem", directory / "key.pem"
    command = [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"]
    command += ["-nodes", "-keyout", str(key), "-out", str(cert), "-days", "7"]
    command += ["-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"]
    subprocess.run(command, check=True, capture_output=True)
    return cert, key


class DovecotServer(_Server):
    """A private Dovecot IMAP instance with its own config, users, ports and Maildirs."""

    def __init__(self, *, tls: bool = False, binary: str | None = None) -> None:
        self.host = HOST
        self.tls = tls
        self._binary = binary
        self.directory: Path | None = None
        self.port = 0
        self.tls_port: int | None = None
        self.cert_path: Path | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._finalizer: weakref.finalize[Any, Any] | None = None  # kills the process group
        self._remove_dir: weakref.finalize[Any, Any] | None = None

    @property
    def log_path(self) -> Path:
        return self._dir / "dovecot.log"

    @property
    def _dir(self) -> Path:
        if self.directory is None:
            raise ServerError("DovecotServer is not started")
        return self.directory

    def start(self) -> Self:
        """Create the instance (first call) and start it; ready in ~15 ms."""
        if self._proc is not None:
            raise ServerError("DovecotServer is already running")
        try:
            if self.directory is None:
                self._create()
            self._launch()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """Kill the whole process group and delete all mail and config."""
        self._kill()
        if self._remove_dir is not None:
            self._remove_dir()
            self._remove_dir = None
        self.directory = None

    def restart(self) -> None:
        """Kill and start again on the same ports with the same users and mail."""
        self._kill()
        self._launch()

    def pause(self) -> None:
        """Kill the server but keep its users and mail, for ``resume``."""
        self._kill()

    def resume(self) -> None:
        """Start again after ``pause`` on the same ports."""
        self._launch()

    def add_user(self, name: str, password: str) -> None:
        """Add a login that works at once, while the server runs.

        One passwd-file per user: Dovecot re-reads a changed passwd-file at most once a
        second, so a user appended to a shared file can fail to log in for up to 1 s.
        (Dovecot's auth process keeps one fd open per user that has logged in.)
        """
        if not _USER_NAME.fullmatch(name) or any(ch in password for ch in ":\r\n"):
            raise ValueError(f"bad user {name!r}: use [A-Za-z0-9_.@+-], no ':' in the password")
        temp = self._dir / "passwd.d" / f".{name}.tmp"
        temp.write_text(f"{name}:{{PLAIN}}{password}::::::\n")
        temp.chmod(0o644)
        temp.replace(temp.with_name(name))

    def new_account(self) -> ImapAccount:
        """Add a user with a random name and password, i.e. a fresh, empty mailbox."""
        account = ImapAccount(
            self.host, self.port, f"user{secrets.token_hex(5)}", secrets.token_urlsafe(12)
        )
        self.add_user(account.username, account.password)
        return account

    def deliver(self, account: ImapAccount, messages: Iterable[bytes | Iterable[bytes]]) -> int:
        """Write mail straight into the account's INBOX Maildir, as a delivery agent would.

        Much faster than APPEND (~220/s) for a big backlog, and works while the server is
        down; Dovecot numbers the new files when it next looks at the folder. A message may
        be given as chunks, so a huge one never sits in memory. Returns how many were written.
        """
        uid, gid = _mail_ids()
        maildir = self._dir / "home" / account.username / "Maildir"
        for path in (maildir.parent, maildir, maildir / "cur", maildir / "new", maildir / "tmp"):
            if not path.exists():
                path.mkdir()
                os.chown(path, uid, gid)
        stamp = f"{int(time.time())}.M{secrets.token_hex(4)}P{os.getpid()}Q"
        count = 0
        for count, message in enumerate(messages, start=1):
            name = f"{stamp}{count}.mailbot-test"
            temp = maildir / "tmp" / name
            with temp.open("wb") as file:
                for chunk in [message] if isinstance(message, bytes) else message:
                    file.write(chunk)
            os.chown(temp, uid, gid)
            temp.rename(maildir / "new" / name)
        return count

    def ssl_context(self) -> ssl.SSLContext:
        """A client context that trusts this server's self-signed certificate."""
        if self.cert_path is None:
            raise ServerError("DovecotServer was created without tls=True")
        return ssl.create_default_context(cafile=str(self.cert_path))

    def _find_binary(self) -> str:
        binary = self._binary or shutil.which("dovecot") or "/usr/sbin/dovecot"
        if not os.access(binary, os.X_OK):
            raise ServerNotInstalled("dovecot not found (apt-get install dovecot-imapd)")
        return binary

    def _create(self) -> None:
        self._find_binary()
        directory = _make_temp_dir("mailbot-dovecot-")
        self.directory = directory
        self._remove_dir = weakref.finalize(self, shutil.rmtree, directory, ignore_errors=True)
        self.port = free_port()
        if self.tls:
            self.tls_port = free_port()
            self.cert_path, _key_path = _make_cert(directory)
        uid, gid = _mail_ids()
        (directory / "home").mkdir()
        os.chown(directory / "home", uid, gid)
        (directory / "passwd.d").mkdir()
        config = _dovecot_config(directory, self.port, self.tls_port, uid, gid)
        (directory / "dovecot.conf").write_text(config)

    def _launch(self) -> None:
        directory = self._dir
        command = [self._find_binary(), "-F", "-c", str(directory / "dovecot.conf")]
        with (directory / "dovecot.stderr").open("ab") as stderr:
            self._proc = subprocess.Popen(
                command, stdout=stderr, stderr=subprocess.STDOUT, start_new_session=True
            )
        self._finalizer = weakref.finalize(self, _kill_group, self._proc)
        try:
            self._wait_until_ready()
        except BaseException:
            self._kill()
            raise

    def _wait_until_ready(self) -> None:
        assert self._proc is not None
        deadline = time.monotonic() + 5.0
        ports = [port for port in (self.port, self.tls_port) if port]
        while ports:
            if self._proc.poll() is not None:
                raise ServerError(f"dovecot exited with {self._proc.returncode}:\n{self._logs()}")
            if time.monotonic() > deadline:
                raise ServerError(f"dovecot did not listen within 5 s:\n{self._logs()}")
            try:
                socket.create_connection((self.host, ports[0]), timeout=0.5).close()
                ports.pop(0)
            except OSError:
                time.sleep(0.01)

    def _logs(self) -> str:
        return _log_tail(self._dir / "dovecot.stderr") + "\n" + _log_tail(self.log_path)

    def _kill(self) -> None:
        if self._finalizer is not None:
            self._finalizer()
            self._finalizer = None
        self._proc = None


def _dovecot_config(directory: Path, port: int, tls_port: int | None, uid: int, gid: int) -> str:
    if tls_port:
        tls = f"ssl = yes\nssl_cert = <{directory}/cert.pem\nssl_key = <{directory}/key.pem\n"
    else:
        tls = "ssl = no\n"
    users = f"first_valid_uid = {uid}\nfirst_valid_gid = {gid}\n"
    userdb_ids, chroot = f"uid={uid} gid={gid} ", ""
    if os.geteuid() != 0:  # unprivileged: every service runs as the invoking user, no chroot
        me, group = pwd.getpwuid(os.getuid()).pw_name, grp.getgrgid(os.getgid()).gr_name
        users += f"default_internal_user = {me}\ndefault_internal_group = {group}\n"
        users += f"default_login_user = {me}\n"
        userdb_ids, chroot = "", "  chroot =\n"
    return f"""\
base_dir = {directory}/run
state_dir = {directory}/state
log_path = {directory}/dovecot.log
protocols = imap
listen = {HOST}
{tls}disable_plaintext_auth = no
auth_mechanisms = plain login
auth_verbose = yes
auth_failure_delay = 0
{users}mail_location = maildir:~/Maildir
mail_fsync = never
mailbox_idle_check_interval = 1 secs
default_process_limit = 200
service imap-login {{
{chroot}  inet_listener imap {{
    port = {port}
  }}
  inet_listener imaps {{
    port = {tls_port or 0}
    ssl = yes
  }}
}}
service anvil {{
{chroot}  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
protocol imap {{
  mail_max_userip_connections = 200
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {directory}/passwd.d/%u
}}
userdb {{
  driver = static
  args = {userdb_ids}home={directory}/home/%u
}}
namespace inbox {{
  inbox = yes
  separator = /
  prefix =
}}
"""


def append_messages(
    host: str,
    port: int,
    user: str,
    password: str,
    messages: Iterable[bytes],
    folder: str = "INBOX",
) -> list[int]:
    """APPEND raw messages (creating `folder` if needed) and return their UIDs from APPENDUID."""
    uids: list[int] = []
    with IMAPClient(host, port=port, ssl=False, timeout=30) as client:
        client.socket().setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        client.login(user, password)
        if folder.upper() != "INBOX" and not client.folder_exists(folder):
            client.create_folder(folder)
        for message in messages:
            response = client.append(folder, message)
            text = response.decode() if isinstance(response, bytes) else str(response)
            match = re.search(r"\[APPENDUID \d+ (\d+)\]", text)
            if match is None:
                raise ServerError(f"APPEND gave no APPENDUID: {text!r}")
            uids.append(int(match.group(1)))
    return uids


# ---------------------------------------------------------------------------- PostgreSQL


def _find_pg_bin() -> Path:
    initdb = shutil.which("initdb")
    if initdb is not None:
        return Path(initdb).resolve().parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda path: int(Path(path).parent.parent.name),
    )
    if not candidates:
        raise ServerNotInstalled("PostgreSQL's initdb not found (apt-get install postgresql)")
    return Path(candidates[-1]).parent


def _as_postgres() -> list[str]:
    """Command prefix: initdb and postgres refuse to run as root."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        raise ServerNotInstalled("no 'postgres' system user (apt-get install postgresql)") from None
    return [shutil.which("runuser") or "/usr/sbin/runuser", "-u", "postgres", "--"]


def _connect(url: URL) -> psycopg.Connection[Any]:
    return psycopg.connect(
        host=url.host,
        port=url.port,
        user=url.username,
        password=url.password,
        dbname=url.database,
        autocommit=True,
        connect_timeout=10,
    )


class PostgresServer(_Server):
    """$MAILBOT_TEST_PG_URL if set, else a throwaway cluster; hands out fresh databases."""

    def __init__(self, url: str | None = None) -> None:
        external = url if url is not None else os.environ.get(PG_URL_ENV)
        self.external = bool(external)
        self.admin_url: URL | None = make_url(external) if external else None
        self.directory: Path | None = None
        self._finalizer: weakref.finalize[Any, Any] | None = None
        self._pg_ctl: list[str] = []  # the throwaway cluster's pg_ctl, for pause/resume

    def start(self) -> Self:
        """Start a cluster (~1 s) unless an external server was given; check we can connect."""
        if self.admin_url is None:
            self._start_cluster()
        try:
            with _connect(self._admin()) as conn:
                conn.execute("select 1")
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        if self._finalizer is not None:
            self._finalizer()
            self._finalizer = None
        if not self.external:
            self.admin_url = None
            self.directory = None
            self._pg_ctl = []

    def create_database(self) -> str:
        """Create an empty, uniquely named database; return its SQLAlchemy (psycopg) URL."""
        admin = self._admin()
        name = _TEST_DB_PREFIX + secrets.token_hex(6)
        with _connect(admin) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        url = admin.set(drivername="postgresql+psycopg", database=name)
        return url.render_as_string(hide_password=False)

    def drop_database(self, url: str) -> None:
        """Drop a database made by create_database, even if connections are still open."""
        name = make_url(url).database or ""
        if not name.startswith(_TEST_DB_PREFIX):
            raise ValueError(f"refusing to drop {name!r}: not made by create_database()")
        with _connect(self._admin()) as conn:
            statement = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
            conn.execute(statement.format(sql.Identifier(name)))

    def pause(self) -> None:
        """Stop the throwaway cluster, keeping its data: sessions end, new ones are refused.

        A clean ("fast") shutdown: the cluster runs with fsync and synchronous_commit off, so
        an "immediate" one would lose the last commits, which no real server does.
        """
        if not self._pg_ctl or self.directory is None:
            raise ServerError("only a running throwaway cluster can be paused")
        log = self.directory / "postgres.log"
        _run([*self._pg_ctl, "-m", "fast", "-w", "stop"], self.directory, log)

    def resume(self) -> None:
        """Start the cluster again after ``pause``, on the same port."""
        if not self._pg_ctl or self.directory is None:
            raise ServerError("only a paused throwaway cluster can be resumed")
        log = self.directory / "postgres.log"
        _run([*self._pg_ctl, "-w", "-t", "30", "start"], self.directory, log)

    def refuse_connections(self, url: str) -> None:
        """Cut off one database: end its sessions and refuse new ones (works on any server)."""
        name = make_url(url).database or ""
        with _connect(self._admin()) as conn:
            statement = sql.SQL("ALTER DATABASE {} WITH ALLOW_CONNECTIONS false")
            conn.execute(statement.format(sql.Identifier(name)))
            conn.execute(
                "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity"
                " WHERE datname = %s AND pid <> pg_backend_pid()",
                (name,),
            )

    def accept_connections(self, url: str) -> None:
        """Undo ``refuse_connections``."""
        name = make_url(url).database or ""
        with _connect(self._admin()) as conn:
            statement = sql.SQL("ALTER DATABASE {} WITH ALLOW_CONNECTIONS true")
            conn.execute(statement.format(sql.Identifier(name)))

    def _admin(self) -> URL:
        if self.admin_url is None:
            raise ServerError("PostgresServer is not started")
        return self.admin_url

    def _start_cluster(self) -> None:
        bin_dir, prefix = _find_pg_bin(), _as_postgres()
        directory = _make_temp_dir("mailbot-pg-")
        if prefix:
            pg_user = pwd.getpwnam("postgres")
            os.chown(directory, pg_user.pw_uid, pg_user.pw_gid)
        data, log, port = directory / "data", directory / "postgres.log", free_port()
        options = f"-c listen_addresses={HOST} -p {port} -k {directory} -c fsync=off"
        options += " -c synchronous_commit=off -c full_page_writes=off"
        initdb = [str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"]
        initdb += ["-E", "UTF8", "--no-locale", "--no-sync"]
        pg_ctl = [str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options]
        try:
            _run([*prefix, *initdb], directory, log)
            _run([*prefix, *pg_ctl, "-w", "-t", "30", "start"], directory, log)
        except BaseException:
            shutil.rmtree(directory, ignore_errors=True)
            raise
        stop = [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]
        self._finalizer = weakref.finalize(self, _stop_cluster, stop, directory)
        self._pg_ctl = [*prefix, *pg_ctl]
        self.directory = directory
        self.admin_url = URL.create(
            "postgresql+psycopg", username="postgres", host=HOST, port=port, database="postgres"
        )


def _run(command: list[str], cwd: Path, log: Path) -> None:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise ServerError(
            f"{' '.join(command)} failed ({result.returncode}):\n"
            f"{result.stdout}{result.stderr}\n{_log_tail(log)}"
        )


def _stop_cluster(command: list[str], directory: Path) -> None:
    subprocess.run(command, cwd=directory, capture_output=True, check=False)
    shutil.rmtree(directory, ignore_errors=True)


# ---------------------------------------------------------------------------- SMTP


@dataclass(frozen=True)
class ReceivedMessage:
    """One message the sink accepted."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    data: bytes
    message_id: str | None
    received_at: datetime


@dataclass(frozen=True)
class Rejection:
    """One command the sink refused on purpose (see fail_next / reject_recipient)."""

    stage: str  # "RCPT" or "DATA"
    code: int
    mail_from: str
    rcpt_tos: tuple[str, ...]


def _reply(code: int) -> str:
    if 400 <= code < 500:
        return f"{code} 4.3.0 Temporary failure (SmtpSink)"
    if 500 <= code < 600:
        return f"{code} 5.7.1 Rejected (SmtpSink)"
    raise ValueError(f"not an SMTP failure code: {code}")


def _message_id(data: bytes) -> str | None:
    headers = email.parser.BytesParser(policy=email.policy.compat32).parsebytes(
        data, headersonly=True
    )
    value = headers.get("Message-ID")
    return str(value).strip() if value is not None else None


class _SinkHandler:
    """aiosmtpd handler; runs on the Controller's own thread and loop."""

    def __init__(self, sink: SmtpSink) -> None:
        self._sink = sink

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        code = self._sink._recipient_failure(address, envelope.mail_from)
        if code is not None:
            return _reply(code)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        data = envelope.original_content or envelope.content
        if isinstance(data, str):
            data = data.encode()
        code = self._sink._data_failure(envelope.mail_from, tuple(envelope.rcpt_tos))
        if code is not None:
            return _reply(code)
        self._sink._record(envelope.mail_from, tuple(envelope.rcpt_tos), data)
        return "250 OK: queued by SmtpSink"


class SmtpSink(_Server):
    """An SMTP server on 127.0.0.1 that records what it accepts and fails on request."""

    def __init__(self) -> None:
        self.host = HOST
        self.port = 0
        self._controller: Controller | None = None
        self._cond = threading.Condition()
        self._messages: list[ReceivedMessage] = []
        self._rejections: list[Rejection] = []
        self._fail_next: list[int] = []
        self._bad_recipients: dict[str, tuple[int, int | None]] = {}

    def start(self) -> Self:
        """Start listening (~5 ms); safe to call from inside a running event loop."""
        if self._controller is not None:
            raise ServerError("SmtpSink is already running")
        for _ in range(5):
            port = free_port()
            controller = self._controller_on(port)
            try:
                controller.start()
            except OSError:  # the port was taken between free_port() and bind
                continue
            self._controller, self.port = controller, port
            return self
        raise ServerError("SmtpSink could not bind a port")

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def pause(self) -> None:
        """Stop listening and drop open sessions (clients are refused); ``resume`` undoes it."""
        self.stop()

    def resume(self) -> None:
        """Listen again on the same port after ``pause``; what was recorded is kept."""
        if self._controller is not None:
            raise ServerError("SmtpSink is already running")
        controller = self._controller_on(self.port)
        controller.start()
        self._controller = controller

    def _controller_on(self, port: int) -> Controller:
        return Controller(
            _SinkHandler(self),
            hostname=HOST,
            port=port,
            server_hostname="smtp-sink.test",
            enable_SMTPUTF8=True,
        )

    @property
    def messages(self) -> list[ReceivedMessage]:
        with self._cond:
            return list(self._messages)

    @property
    def rejections(self) -> list[Rejection]:
        with self._cond:
            return list(self._rejections)

    def fail_next(self, count: int = 1, code: int = 451) -> None:
        """Answer DATA of the next `count` messages with `code` (4xx temporary, 5xx permanent)."""
        _reply(code)
        with self._cond:
            self._fail_next.extend([code] * count)

    def reject_recipient(self, address: str, code: int = 550, times: int | None = None) -> None:
        """Refuse RCPT TO `address` with `code`, `times` times or (None) until clear_failures()."""
        _reply(code)
        with self._cond:
            self._bad_recipients[address.lower()] = (code, times)

    def clear_failures(self) -> None:
        with self._cond:
            self._fail_next.clear()
            self._bad_recipients.clear()

    def clear(self) -> None:
        """Forget recorded messages and rejections."""
        with self._cond:
            self._messages.clear()
            self._rejections.clear()

    def wait_for(self, count: int, timeout: float = 5.0) -> list[ReceivedMessage]:
        """Block until at least `count` messages arrived; TimeoutError otherwise.

        Blocks the calling thread: inside a test whose event loop does the sending, use
        `await sink.wait_for_async(...)` instead.
        """
        with self._cond:
            if not self._cond.wait_for(lambda: len(self._messages) >= count, timeout):
                raise TimeoutError(self._timeout_text(count, timeout))
            return list(self._messages)

    async def wait_for_async(
        self,
        count: int,
        timeout: float = 5.0,  # noqa: ASYNC109 - same signature as wait_for
    ) -> list[ReceivedMessage]:
        """Like wait_for, but lets the caller's event loop keep running."""
        deadline = time.monotonic() + timeout
        while len(messages := self.messages) < count:
            if time.monotonic() > deadline:
                raise TimeoutError(self._timeout_text(count, timeout))
            await asyncio.sleep(0.01)
        return messages

    def _timeout_text(self, count: int, timeout: float) -> str:
        return f"SmtpSink got {len(self._messages)} of {count} messages within {timeout} s"

    def _recipient_failure(self, address: str, mail_from: str) -> int | None:
        with self._cond:
            entry = self._bad_recipients.get(address.lower())
            if entry is None:
                return None
            code, times = entry
            if times is not None:
                if times <= 1:
                    del self._bad_recipients[address.lower()]
                else:
                    self._bad_recipients[address.lower()] = (code, times - 1)
            self._rejections.append(Rejection("RCPT", code, mail_from, (address,)))
            return code

    def _data_failure(self, mail_from: str, rcpt_tos: tuple[str, ...]) -> int | None:
        with self._cond:
            if not self._fail_next:
                return None
            code = self._fail_next.pop(0)
            self._rejections.append(Rejection("DATA", code, mail_from, rcpt_tos))
            return code

    def _record(self, mail_from: str, rcpt_tos: tuple[str, ...], data: bytes) -> None:
        message = ReceivedMessage(mail_from, rcpt_tos, data, _message_id(data), datetime.now(UTC))
        with self._cond:
            self._messages.append(message)
            self._cond.notify_all()
