"""Immutable values for mail as the pure core sees it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class MessageRef:
    """Where a message sits on the IMAP server: never a sequence number."""

    mailbox: str
    uidvalidity: int
    uid: int


@dataclass(frozen=True, slots=True)
class Attachment:
    """An attachment as recorded: its content stays in the mailbox."""

    filename: str | None
    content_type: str
    size: int


@dataclass(frozen=True, slots=True)
class InboundMessage:
    """One parsed inbound email. Built by ``parse_message``; never raises on bad input."""

    message_id: str | None
    subject: str
    from_address: str | None
    from_name: str
    to_addresses: tuple[str, ...]
    cc_addresses: tuple[str, ...]
    reply_to: tuple[str, ...]
    date_at: datetime | None
    in_reply_to: str | None
    references: tuple[str, ...]
    headers: tuple[tuple[str, str], ...]
    text: str
    html: str | None
    attachments: tuple[Attachment, ...]
    content_type: str
    size: int
    notes: tuple[str, ...] = field(default=())

    def header(self, name: str) -> str | None:
        """The first header of that name (case-insensitive), decoded, or None."""
        wanted = name.lower()
        for key, value in self.headers:
            if key.lower() == wanted:
                return value
        return None

    def header_all(self, name: str) -> tuple[str, ...]:
        """Every header of that name, in order."""
        wanted = name.lower()
        return tuple(value for key, value in self.headers if key.lower() == wanted)
