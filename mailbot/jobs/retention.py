"""The retention purge (stub: being written)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from mailbot.config import Settings


def purge_closed(session: Session, settings: Settings, now: datetime) -> int:
    """Anonymise tickets closed longer than the retention period; returns how many."""
    return 0
