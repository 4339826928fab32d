"""The daily digest (stub: being written)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from mailbot.config import Settings
from mailbot.workflow.outgoing import Outgoing


def send_digest_if_due(
    session: Session, settings: Settings, outgoing: Outgoing, now: datetime, owner: str
) -> bool:
    """Queue today's digest if its time has come and no daemon has sent it yet."""
    return False


def preview_command(settings: Settings, html_path: str, text_path: str | None) -> int:
    """``mailbot digest --preview FILE.html``."""
    return 0
