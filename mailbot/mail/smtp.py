"""The SMTP edge: one reusable aiosmtplib connection, errors sorted into transient/permanent."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

import aiosmtplib

from mailbot.config import SmtpSettings
from mailbot.errors import PermanentDeliveryError, TransientDeliveryError
from mailbot.mail.imap import tls_context


class SmtpMailer:
    """Sends mails over one connection, reconnecting when the server has dropped it."""

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings
        self._client: aiosmtplib.SMTP | None = None

    def _new_client(self) -> aiosmtplib.SMTP:
        s = self.settings
        return aiosmtplib.SMTP(
            hostname=s.host,
            port=s.effective_port,
            use_tls=s.security == "tls",
            start_tls=s.security == "starttls",
            validate_certs=s.verify_certificate,
            tls_context=tls_context(s.verify_certificate, s.ca_file),
            timeout=s.timeout_seconds,
        )

    async def connect(self) -> None:
        """Open (or reopen) the connection, logging in when credentials are configured."""
        await self.close()
        client = self._new_client()
        try:
            async with translated_errors():
                await client.connect()
                if self.settings.username:
                    await client.login(self.settings.username, str(self.settings.password))
        except BaseException:
            await _hang_up(client)
            raise
        self._client = client

    async def send(self, sender: str, recipient: str, payload: bytes) -> str:
        """Hand one mail to the server; returns its reply (e.g. ``250 2.0.0 Ok: queued``)."""
        if self._client is None or not self._client.is_connected:
            await self.connect()
        assert self._client is not None
        options = [] if (sender + recipient).isascii() else ["SMTPUTF8"]
        try:
            async with translated_errors():
                _errors, response = await self._client.sendmail(
                    sender, [recipient], payload, mail_options=options
                )
        except TransientDeliveryError:
            await self.close()
            raise
        return response

    async def close(self) -> None:
        """Say QUIT if the connection is alive; never raises."""
        client, self._client = self._client, None
        if client is None or not client.is_connected:
            return
        transport = client.transport
        with suppress(aiosmtplib.SMTPException):  # the server is going away either way
            await client.quit()
        await _hang_up(client, transport)


async def _hang_up(client: aiosmtplib.SMTP, transport: asyncio.BaseTransport | None = None) -> None:
    """Drop the connection now. After QUIT (or a failed login) there is nothing left to say,
    and a TLS connection closed politely waits for the server's close_notify: a socket still
    closing when the event loop ends is left open."""
    transport = transport or client.transport
    if isinstance(transport, asyncio.Transport):
        transport.abort()  # also when already closing politely: cut it short
    client.close()  # aiosmtplib's own state, and its connect lock
    await asyncio.sleep(0)  # abort closes the socket on the loop's next turn


@asynccontextmanager
async def translated_errors() -> AsyncIterator[None]:
    """Sort aiosmtplib's exceptions by what the outbox should do next."""
    try:
        yield
    except aiosmtplib.SMTPRecipientsRefused as exc:
        refusal = exc.recipients[0] if exc.recipients else None
        code = refusal.code if refusal else 550
        raise _by_code(code, f"recipient refused: {refusal.message if refusal else exc}") from exc
    except aiosmtplib.SMTPAuthenticationError as exc:
        raise TransientDeliveryError(
            f"SMTP login refused (check smtp.username/password): {exc.code} {exc.message}",
            code=exc.code,
        ) from exc
    except (aiosmtplib.SMTPServerDisconnected, aiosmtplib.SMTPTimeoutError) as exc:
        raise TransientDeliveryError(f"connection lost: {exc}") from exc
    except aiosmtplib.SMTPConnectError as exc:
        raise TransientDeliveryError(f"cannot connect: {exc}") from exc
    except aiosmtplib.SMTPResponseException as exc:
        raise _by_code(exc.code, f"{exc.code} {exc.message}") from exc
    except aiosmtplib.SMTPNotSupported as exc:
        raise PermanentDeliveryError(f"the SMTP server cannot do this: {exc}") from exc
    except aiosmtplib.SMTPException as exc:
        raise TransientDeliveryError(f"SMTP error: {exc}") from exc
    except OSError as exc:
        raise TransientDeliveryError(f"network error: {exc}") from exc
    except ValueError as exc:  # aiosmtplib refusing an address with control characters
        raise PermanentDeliveryError(f"unusable address: {exc}") from exc


def _by_code(code: int, text: str) -> TransientDeliveryError | PermanentDeliveryError:
    if 500 <= code < 600:
        return PermanentDeliveryError(text, code=code)
    return TransientDeliveryError(text, code=code)
