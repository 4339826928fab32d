"""The real-server fixtures work: Dovecot via imapclient, SmtpSink via aiosmtplib, PostgreSQL."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import aiosmtplib
import pytest
import sqlalchemy as sa
from imapclient import IMAPClient

from tests.servers import (
    DovecotServer,
    ImapAccount,
    PostgresServer,
    SmtpSink,
    append_messages,
)


def _message(n: int) -> bytes:
    return (
        f"From: alice@example.test\r\nTo: support@example.test\r\n"
        f"Message-ID: <m{n}@example.test>\r\nSubject: request {n}\r\n\r\nbody {n}\r\n"
    ).encode()


def _append(account: ImapAccount, count: int, folder: str = "INBOX") -> list[int]:
    messages = (_message(n) for n in range(count))
    return append_messages(
        account.host, account.port, account.username, account.password, messages, folder
    )


@pytest.fixture
def client(imap_account: ImapAccount) -> Iterator[IMAPClient]:
    with IMAPClient(imap_account.host, port=imap_account.port, ssl=False, timeout=10) as imap:
        imap.login(imap_account.username, imap_account.password)
        yield imap


def test_append_search_and_peek_leaves_unseen(
    imap_account: ImapAccount, client: IMAPClient
) -> None:
    uids = _append(imap_account, 3)
    client.select_folder("INBOX")

    assert client.search("ALL") == uids
    fetched = client.fetch(uids, ["BODY.PEEK[]", "FLAGS"])
    assert [fetched[uid][b"BODY[]"] for uid in uids] == [_message(n) for n in range(3)]
    flags = client.get_flags(uids)
    assert all(b"\\Seen" not in flags[uid] for uid in uids)


def test_move_to_nested_folder(imap_account: ImapAccount, client: IMAPClient) -> None:
    uids = _append(imap_account, 3)
    client.create_folder("Mailbot/Processed")
    client.select_folder("INBOX")

    client.move(uids[:2], "Mailbot/Processed")

    assert client.search("ALL") == uids[2:]
    assert client.select_folder("Mailbot/Processed", readonly=True)[b"EXISTS"] == 2
    delimiters = {delimiter for _flags, delimiter, _name in client.list_folders()}
    assert delimiters == {b"/"}


def test_idle_sees_append_from_another_connection(
    imap_account: ImapAccount, client: IMAPClient
) -> None:
    client.select_folder("INBOX")
    client.idle()
    try:
        _append(imap_account, 1)
        deadline = time.monotonic() + 3
        events: list[tuple[object, ...]] = []
        while time.monotonic() < deadline and not any(b"EXISTS" in e for e in events):
            events += client.idle_check(timeout=0.2)
    finally:
        client.idle_done()
    assert (1, b"EXISTS") in events


def test_users_added_after_start_log_in_at_once(dovecot: DovecotServer) -> None:
    for _ in range(3):
        account = dovecot.new_account()
        assert _append(account, 1) == [1]


def test_restart_keeps_mail_and_ports(private_dovecot: DovecotServer) -> None:
    server = private_dovecot
    account = server.new_account()
    uids = _append(account, 2)
    port = server.port
    with IMAPClient(server.host, port=server.port, ssl=False, timeout=10) as connected:
        connected.login(account.username, account.password)
        connected.select_folder("INBOX")

        server.restart()

        with pytest.raises((OSError, IMAPClient.AbortError)):
            connected.fetch(uids, ["BODY.PEEK[]"])
    assert server.port == port
    with IMAPClient(server.host, port=server.port, ssl=False, timeout=10) as imap:
        imap.login(account.username, account.password)
        imap.select_folder("INBOX")
        assert imap.search("ALL") == uids


def test_implicit_tls_with_the_self_signed_cert(
    dovecot: DovecotServer, imap_account: ImapAccount
) -> None:
    assert dovecot.tls_port is not None and dovecot.cert_path is not None
    context = dovecot.ssl_context()
    with IMAPClient(dovecot.host, port=dovecot.tls_port, ssl_context=context, timeout=10) as imap:
        imap.socket().setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        imap.login(imap_account.username, imap_account.password)
        assert imap.select_folder("INBOX")[b"EXISTS"] == 0


async def test_smtp_sink_records_messages(smtp_sink: SmtpSink) -> None:
    await aiosmtplib.send(
        _message(1),
        sender="desk@example.test",
        recipients=["alice@example.test", "bob@example.test"],
        hostname=smtp_sink.host,
        port=smtp_sink.port,
    )

    [received] = await smtp_sink.wait_for_async(1, timeout=3)
    assert received.mail_from == "desk@example.test"
    assert received.rcpt_tos == ("alice@example.test", "bob@example.test")
    assert received.data == _message(1)
    assert received.message_id == "<m1@example.test>"


@pytest.mark.parametrize("code", [451, 554])
async def test_smtp_sink_fail_next(smtp_sink: SmtpSink, code: int) -> None:
    smtp_sink.fail_next(1, code=code)
    send = {"sender": "desk@example.test", "recipients": ["alice@example.test"]}
    server = {"hostname": smtp_sink.host, "port": smtp_sink.port}

    with pytest.raises(aiosmtplib.SMTPResponseException) as raised:
        await aiosmtplib.send(_message(1), **send, **server)
    await aiosmtplib.send(_message(2), **send, **server)

    assert raised.value.code == code
    assert [m.message_id for m in smtp_sink.messages] == ["<m2@example.test>"]


async def test_smtp_sink_rejects_recipient(smtp_sink: SmtpSink) -> None:
    smtp_sink.reject_recipient("gone@example.test", code=550)

    with pytest.raises(aiosmtplib.SMTPRecipientsRefused) as raised:
        await aiosmtplib.send(
            _message(1),
            sender="desk@example.test",
            recipients=["gone@example.test"],
            hostname=smtp_sink.host,
            port=smtp_sink.port,
        )

    assert [r.code for r in raised.value.recipients] == [550]
    assert smtp_sink.messages == []


def test_smtp_sink_wait_for_times_out(smtp_sink: SmtpSink) -> None:
    with pytest.raises(TimeoutError):
        smtp_sink.wait_for(1, timeout=0.05)


def test_postgres_database_is_usable(postgres: PostgresServer) -> None:
    url = postgres.create_database()
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            assert connection.execute(sa.text("select 1")).scalar_one() == 1
    finally:
        engine.dispose()
        postgres.drop_database(url)


def test_db_url_fixture(db_url: str) -> None:
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as connection:
            assert connection.execute(sa.text("select 1")).scalar_one() == 1
    finally:
        engine.dispose()
