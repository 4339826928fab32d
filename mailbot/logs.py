"""Structured logging: one line per event, ``key=value`` text or JSON, never a secret."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any

_LEVELS = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
    "error": logging.ERROR,
}


def log_event(logger: logging.Logger, event: str, *, level: str = "info", **fields: Any) -> None:
    """Log one event with its fields (message UID, ticket reference…) kept structured."""
    clean = {key: value for key, value in fields.items() if value is not None}
    logger.log(_LEVELS[level], event, extra={"mailbot_fields": clean})


class _Formatter(logging.Formatter):
    def __init__(self, as_json: bool) -> None:
        super().__init__()
        self.as_json = as_json

    def format(self, record: logging.LogRecord) -> str:
        fields: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
        }
        fields.update(getattr(record, "mailbot_fields", {}))
        if record.exc_info:
            fields["exc"] = self.formatException(record.exc_info)
        if self.as_json:
            return json.dumps(fields, default=str, ensure_ascii=False)
        return " ".join(f"{key}={_text(value)}" for key, value in fields.items())


def _text(value: Any) -> str:
    text = str(value)
    if not text or any(ch in text for ch in ' "=\n\t'):
        return json.dumps(text, ensure_ascii=False)
    return text


def setup_logging(level: str = "INFO", fmt: str = "text") -> None:
    """Send mailbot's events to stderr in the chosen format."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter(as_json=fmt == "json"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in ("imapclient", "aiosmtplib", "mail.log", "apscheduler", "alembic", "dkimpy"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
