"""The escalation ladder's decision, pure: which rungs a ticket has reached today.

A rung is a number of days before the due date (``escalation.days_before_due``, default 7 and
2) or, once overdue, one reminder every ``overdue_every_days`` counted from the day after the
due date. A step key names the rung and the due date it counts from (``before-7:2027-01-04``)
or the overdue slot (``overdue:2027-01-05``): a new due date (an extension, a restarted clock)
starts a fresh ladder, and no due date (a paused clock) reaches nothing.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date, timedelta

from mailbot.config import EscalationSettings

BEFORE, OVERDUE = "before", "overdue"


@dataclass(frozen=True, slots=True)
class Step:
    """One rung for one due date: sent now, or only recorded because it passed unseen."""

    key: str
    rung: str
    days: int  # days left before the due date, or days overdue
    due_on: date
    send: bool = True

    @property
    def headline(self) -> str:
        """What the mail's subject says: ``Due in 2 days``, ``Overdue by 3 days``."""
        plural = "" if self.days == 1 else "s"
        if self.rung == OVERDUE:
            return f"Overdue by {self.days} day{plural}"
        if self.days == 0:
            return "Due today"
        return "Due tomorrow" if self.days == 1 else f"Due in {self.days} days"


def due_steps(
    due_on: date | None, today: date, ladder: EscalationSettings, sent: Collection[str]
) -> list[Step]:
    """The rungs to record today, least urgent first; only the most urgent one is sent.

    Rungs whose day passed before the ticket was first seen (or while the daemon was down)
    come back with ``send=False``: recorded, so they never fire late, but not mailed.
    """
    if due_on is None:
        return []
    reached = _reached(due_on, today, ladder)
    if not reached:
        return []
    *passed, current = reached
    steps = [replace(step, send=False) for step in passed if step.key not in sent]
    if current.key not in sent:
        steps.append(current)
    return steps


def _reached(due_on: date, today: date, ladder: EscalationSettings) -> list[Step]:
    """Every rung whose day has come for this due date, least urgent first."""
    left = (due_on - today).days
    rungs = [
        Step(f"{BEFORE}-{days}:{due_on.isoformat()}", BEFORE, left, due_on)
        for days in sorted(set(ladder.days_before_due), reverse=True)
        if left <= days
    ]
    if left < 0:
        overdue, every = -left, ladder.overdue_every_days
        slot = due_on + timedelta(days=1 + (overdue - 1) // every * every)
        rungs.append(Step(f"{OVERDUE}:{slot.isoformat()}", OVERDUE, overdue, due_on))
    return rungs
