"""The errors mailbot raises, translated from library exceptions at the edges.

    MailbotError
    ├── ConfigError              the configuration is unusable; the message says which key and why
    ├── BadMessage               one inbound message cannot be handled; it goes to quarantine
    ├── MailboxError             the IMAP side failed
    │   ├── TransientMailboxError    network or server trouble: reconnect with backoff
    │   └── PermanentMailboxError    bad credentials, missing folder: needs an operator
    ├── DeliveryError            the SMTP side failed
    │   ├── TransientDeliveryError   4xx or a connection problem: retry with backoff
    │   └── PermanentDeliveryError   5xx: recorded on the ticket, not retried
    └── DatabaseLockedError      another mailbot already owns this SQLite database

Expected outcomes ("not a request", "duplicate") are values, never exceptions.
"""


class MailbotError(Exception):
    """Base of every error mailbot raises on purpose."""


class ConfigError(MailbotError):
    """The configuration cannot be used as it is."""


class BadMessage(MailbotError):
    """One inbound message cannot be handled and must be quarantined."""


class MailboxError(MailbotError):
    """The IMAP server or the connection to it failed."""


class TransientMailboxError(MailboxError):
    """A network or server failure that a reconnect may cure."""


class PermanentMailboxError(MailboxError):
    """A failure that needs an operator: bad credentials, a missing folder, TLS refused."""


class DeliveryError(MailbotError):
    """Sending one outgoing mail failed."""

    def __init__(self, message: str, *, code: int | None = None) -> None:
        super().__init__(message)
        self.code = code


class TransientDeliveryError(DeliveryError):
    """A temporary SMTP failure (4xx, connection lost): try again later."""


class PermanentDeliveryError(DeliveryError):
    """A permanent SMTP failure (5xx): do not try again."""


class DatabaseLockedError(MailbotError):
    """Another mailbot process already runs against this SQLite database."""


def described(exc: BaseException) -> str:
    """An exception as a record or a log shows it: ``ValueError: bad header``."""
    return f"{type(exc).__name__}: {exc}"
