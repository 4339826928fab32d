"""The escalation ladder (stub: being written)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from mailbot.config import Settings
from mailbot.workflow.outgoing import Outgoing


def escalate(session: Session, settings: Settings, outgoing: Outgoing, now: datetime) -> int:
    """Queue every escalation step that is due now and not yet sent; returns how many."""
    return 0
