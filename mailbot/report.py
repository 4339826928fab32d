"""The regulator's report (stub: being written)."""

from __future__ import annotations

from mailbot.config import Settings


def report_command(settings: Settings, year: int, *, as_csv: bool) -> int:
    """``mailbot report --year YYYY [--csv]``."""
    return 0
