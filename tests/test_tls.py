"""TLS on both sides: IMAP STARTTLS and implicit TLS (Dovecot), SMTP STARTTLS/TLS with AUTH."""

from __future__ import annotations

import ssl
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from mailbot.config import SmtpSettings, settings_from_mapping
from mailbot.errors import TransientDeliveryError
from mailbot.mail.imap import ImapConnection
from mailbot.mail.smtp import SmtpMailer
from tests.servers import DovecotServer, ImapAccount, _make_cert, free_port
from tests.support import append, config_for, make_app, request_mail, run_once

# aiosmtpd warns when AUTH is required without STARTTLS, even where the whole session is TLS.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")


@dataclass
class Recorder:
    mails: list[bytes] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.mails.append(envelope.original_content or envelope.content)
        return "250 OK"


def _authenticator(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (b"bot", b"s3cret")
    return AuthResult(success=ok)


@dataclass
class TlsSmtp:
    port: int
    cert: Path
    recorder: Recorder


@pytest.fixture(params=["starttls", "tls"])
def tls_smtp(request: pytest.FixtureRequest) -> Iterator[TlsSmtp]:
    directory = Path(tempfile.mkdtemp(dir="/tmp"))
    cert, key = _make_cert(directory)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    recorder, port = Recorder(), free_port()
    kwargs: dict[str, Any] = {"authenticator": _authenticator, "auth_required": True}
    if request.param == "tls":
        # aiosmtpd does not see implicit TLS as TLS when deciding whether to offer AUTH
        kwargs.update(ssl_context=context, auth_require_tls=False)
    else:
        kwargs.update(tls_context=context, require_starttls=True)
    controller = Controller(recorder, hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    try:
        yield TlsSmtp(port, cert, recorder)
    finally:
        controller.stop()


def test_imap_starttls_with_a_private_ca(dovecot: DovecotServer, imap_account: ImapAccount) -> None:
    settings = settings_from_mapping(
        config_for(
            imap_account,
            None,
            "sqlite://",
            imap={"security": "starttls", "ca_file": str(dovecot.cert_path)},
        )
    )
    connection = ImapConnection(settings.imap)
    connection.connect()
    try:
        assert connection.select().exists == 0
        assert connection.client is not None and connection.client._starttls_done
    finally:
        connection.close()


async def test_smtp_over_tls_with_login(tls_smtp: TlsSmtp, request: pytest.FixtureRequest) -> None:
    security = request.node.callspec.params["tls_smtp"]
    settings = SmtpSettings(
        host="127.0.0.1",
        port=tls_smtp.port,
        security=security,
        ca_file=str(tls_smtp.cert),
        username="bot",
        password="s3cret",  # type: ignore[arg-type]
    )
    mailer = SmtpMailer(settings)
    try:
        await mailer.send("support@example.co.uk", "ann@example.org", b"Subject: hi\r\n\r\nhi\r\n")
    finally:
        await mailer.close()
    assert len(tls_smtp.recorder.mails) == 1


async def test_smtp_refuses_an_untrusted_certificate(tls_smtp: TlsSmtp) -> None:
    settings = SmtpSettings(
        host="127.0.0.1",
        port=tls_smtp.port,
        security="tls",
        username="bot",
        password="s3cret",  # type: ignore[arg-type]
    )
    mailer = SmtpMailer(settings)
    with pytest.raises(TransientDeliveryError):
        await mailer.send("support@example.co.uk", "ann@example.org", b"Subject: x\r\n\r\nx\r\n")
    await mailer.close()
    assert tls_smtp.recorder.mails == []


async def test_smtp_wrong_password_keeps_the_mail_for_later(
    tls_smtp: TlsSmtp,
    imap_account: ImapAccount,
    sqlite_url: str,
    request: pytest.FixtureRequest,
) -> None:
    security = request.node.callspec.params["tls_smtp"]
    append(imap_account, [request_mail(1)])
    config = config_for(
        imap_account,
        None,
        sqlite_url,
        smtp={
            "port": tls_smtp.port,
            "security": security,
            "ca_file": str(tls_smtp.cert),
            "username": "bot",
            "password": "wrong",
            "timeout_seconds": 2.0,
        },
    )
    summary = await run_once(make_app(settings_from_mapping(config)))
    assert (summary.tickets, summary.sent, summary.retrying) == (1, 0, 1)
