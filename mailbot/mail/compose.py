"""Compose outgoing ``EmailMessage``s: threading headers, RFC 3834 marks, safe header text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP, SMTPUTF8
from email.utils import format_datetime, make_msgid

from mailbot.mail.render import RenderedMail

_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
MAX_REFERENCES = 20
MAX_SUBJECT_CHARS = 200


def header_text(value: str, limit: int = MAX_SUBJECT_CHARS) -> str:
    """One line of header text: control characters (CR, LF, NUL…) become spaces, then trimmed."""
    cleaned = " ".join(_CONTROL.sub(" ", value).split())
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1].rstrip() + "…"


def new_message_id(sender: str) -> str:
    """A fresh globally unique Message-ID in the sender's domain."""
    domain = sender.rpartition("@")[2] or "mailbot.invalid"
    return make_msgid(domain=domain)


@dataclass(frozen=True, slots=True)
class Envelope:
    """Who a mail goes to and what it answers."""

    sender: str
    sender_name: str
    recipient: str
    recipient_name: str = ""
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    auto_submitted: str = "auto-replied"
    reference: str | None = None


def compose(
    mail: RenderedMail, envelope: Envelope, *, message_id: str, date_at: datetime
) -> EmailMessage:
    """A multipart/alternative mail (text, then HTML) with every header mailbot promises."""
    message = EmailMessage()
    message["From"] = _address(envelope.sender_name, envelope.sender)
    message["To"] = _address(envelope.recipient_name, envelope.recipient)
    message["Subject"] = header_text(mail.subject)
    message["Date"] = format_datetime(date_at)
    message["Message-ID"] = message_id
    if envelope.in_reply_to:
        message["In-Reply-To"] = envelope.in_reply_to
    chain = _references(envelope.references, envelope.in_reply_to)
    if chain:
        message["References"] = " ".join(chain)
    if envelope.auto_submitted:
        message["Auto-Submitted"] = envelope.auto_submitted
        message["X-Auto-Response-Suppress"] = "All"
    if envelope.reference:
        message["X-Mailbot-Ticket"] = envelope.reference
    message["Content-Language"] = mail.language
    message.set_content(mail.text)
    message.add_alternative(mail.html, subtype="html")
    return message


@dataclass(frozen=True, slots=True)
class ComposedMail:
    """A serialised mail with the facts the outbox keeps beside it."""

    message_id: str
    sender: str
    recipient: str
    subject: str
    payload: bytes


def compose_mail(mail: RenderedMail, envelope: Envelope, date_at: datetime) -> ComposedMail:
    """Compose with a fresh Message-ID and serialise for SMTP (CRLF line ends).

    An internationalised address (``jdöe@mächine.example``, RFC 6532) is written in UTF-8;
    the mailer then asks the server for SMTPUTF8.
    """
    message_id = new_message_id(envelope.sender)
    message = compose(mail, envelope, message_id=message_id, date_at=date_at)
    international = not (envelope.sender + envelope.recipient).isascii()
    return ComposedMail(
        message_id=message_id,
        sender=envelope.sender,
        recipient=envelope.recipient,
        subject=str(message["Subject"]),
        payload=message.as_bytes(policy=SMTPUTF8 if international else SMTP),
    )


def _address(name: str, addr_spec: str) -> Address:
    """An Address from parts, so internationalised local parts (RFC 6532) are accepted."""
    username, _, domain = addr_spec.rpartition("@")
    try:
        return Address(header_text(name, 100), username=username, domain=domain)
    except (ValueError, IndexError):
        return Address(username=username, domain=domain)


def _references(references: tuple[str, ...], in_reply_to: str | None) -> list[str]:
    """RFC 5322 References: the thread so far plus the message answered, trimmed to a size."""
    chain = [ref for ref in references if _is_msgid(ref)]
    if in_reply_to and _is_msgid(in_reply_to) and in_reply_to not in chain:
        chain.append(in_reply_to)
    if len(chain) > MAX_REFERENCES:
        chain = chain[:1] + chain[-(MAX_REFERENCES - 1) :]
    return chain


def _is_msgid(value: str) -> bool:
    return value.startswith("<") and value.endswith(">") and not _CONTROL.search(value)
