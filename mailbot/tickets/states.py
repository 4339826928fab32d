"""The ticket state machine: which states exist, which moves are legal, and the audit record.

    new ──► awaiting_verification ──► in_progress ──► completed
     │            │    ▲                 │   ▲
     │            │    │                 ▼   │
     │            │    └── triage ◄──  on_hold
     ├──► triage ─┘                      (clarification asked; clock paused)
     └──► in_progress

    any open state ──► rejected; awaiting_verification ──► closed_unverified
    a closed ticket is reopened (to in_progress or triage) only by staff

"Extended" is a mark on an open ticket (a longer due date), not a state. Pure: no database,
no clock; the caller passes who and when, and writes the returned record to the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class State(StrEnum):
    NEW = "new"
    AWAITING_VERIFICATION = "awaiting_verification"
    IN_PROGRESS = "in_progress"
    ON_HOLD = "on_hold"
    TRIAGE = "triage"
    COMPLETED = "completed"
    REJECTED = "rejected"
    CLOSED_UNVERIFIED = "closed_unverified"


OPEN = frozenset(
    {State.NEW, State.AWAITING_VERIFICATION, State.IN_PROGRESS, State.ON_HOLD, State.TRIAGE}
)
CLOSED = frozenset({State.COMPLETED, State.REJECTED, State.CLOSED_UNVERIFIED})

TRANSITIONS: dict[State, frozenset[State]] = {
    State.NEW: frozenset(
        {State.AWAITING_VERIFICATION, State.IN_PROGRESS, State.TRIAGE, State.REJECTED}
    ),
    State.AWAITING_VERIFICATION: frozenset(
        {State.IN_PROGRESS, State.TRIAGE, State.REJECTED, State.CLOSED_UNVERIFIED}
    ),
    State.TRIAGE: frozenset(
        {
            State.AWAITING_VERIFICATION,
            State.IN_PROGRESS,
            State.ON_HOLD,
            State.REJECTED,
            State.COMPLETED,
            State.CLOSED_UNVERIFIED,
        }
    ),
    State.IN_PROGRESS: frozenset({State.ON_HOLD, State.COMPLETED, State.REJECTED, State.TRIAGE}),
    State.ON_HOLD: frozenset({State.IN_PROGRESS, State.COMPLETED, State.REJECTED, State.TRIAGE}),
    State.COMPLETED: frozenset({State.IN_PROGRESS, State.TRIAGE}),
    State.REJECTED: frozenset({State.IN_PROGRESS, State.TRIAGE}),
    State.CLOSED_UNVERIFIED: frozenset({State.AWAITING_VERIFICATION, State.TRIAGE}),
}


class IllegalTransition(ValueError):
    """A move the state machine does not allow; the message says which and what is allowed."""


@dataclass(frozen=True, slots=True)
class Transition:
    """One accepted move, ready for the audit trail."""

    from_state: State
    to_state: State
    actor: str
    at: datetime
    reason: str


def transition(current: str, target: str, *, actor: str, at: datetime, reason: str) -> Transition:
    """Check a move and describe it; raise ``IllegalTransition`` when it is not allowed."""
    try:
        source, goal = State(current), State(target)
    except ValueError as exc:
        raise IllegalTransition(f"unknown state in {current!r} → {target!r}") from exc
    if goal not in TRANSITIONS[source]:
        allowed = ", ".join(sorted(TRANSITIONS[source])) or "nothing"
        raise IllegalTransition(
            f"a ticket in state {source} cannot move to {goal} (allowed: {allowed})"
        )
    if at.tzinfo is None:
        raise ValueError("transition time must be an aware datetime")
    return Transition(source, goal, actor, at, reason)


def is_open(state: str) -> bool:
    return State(state) in OPEN
