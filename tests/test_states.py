"""The ticket state machine: every legal move accepted, every other refused with a reason."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import product

import pytest

from mailbot.tickets.states import (
    CLOSED,
    OPEN,
    TRANSITIONS,
    IllegalTransition,
    State,
    transition,
)

AT = datetime(2026, 9, 3, 10, 0, tzinfo=UTC)

LEGAL = [
    ("new", "awaiting_verification"),
    ("new", "in_progress"),
    ("new", "triage"),
    ("new", "rejected"),
    ("awaiting_verification", "in_progress"),
    ("awaiting_verification", "closed_unverified"),
    ("awaiting_verification", "triage"),
    ("triage", "awaiting_verification"),
    ("triage", "in_progress"),
    ("in_progress", "on_hold"),
    ("on_hold", "in_progress"),
    ("in_progress", "completed"),
    ("in_progress", "rejected"),
    ("completed", "in_progress"),
    ("closed_unverified", "awaiting_verification"),
]
ILLEGAL = [
    ("new", "completed"),  # nothing is completed before it is worked
    ("new", "closed_unverified"),
    ("awaiting_verification", "completed"),  # no disclosure before verification
    ("awaiting_verification", "on_hold"),
    ("completed", "rejected"),
    ("rejected", "completed"),
    ("closed_unverified", "in_progress"),  # must verify first
    ("in_progress", "new"),
    ("in_progress", "awaiting_verification"),
]


@pytest.mark.parametrize(("source", "target"), LEGAL)
def test_legal_moves(source: str, target: str) -> None:
    move = transition(source, target, actor="dpo@example.co.uk", at=AT, reason="test")
    assert (move.from_state, move.to_state, move.actor, move.at) == (
        State(source),
        State(target),
        "dpo@example.co.uk",
        AT,
    )


@pytest.mark.parametrize(("source", "target"), ILLEGAL)
def test_illegal_moves_are_refused_with_the_allowed_ones(source: str, target: str) -> None:
    with pytest.raises(IllegalTransition, match=f"{source} cannot move to {target}.*allowed"):
        transition(source, target, actor="x", at=AT, reason="")


def test_every_pair_is_either_legal_or_refused() -> None:
    for source, target in product(State, State):
        if target in TRANSITIONS[source]:
            transition(source, target, actor="x", at=AT, reason="")
        else:
            with pytest.raises(IllegalTransition):
                transition(source, target, actor="x", at=AT, reason="")


def test_unknown_state_and_naive_time() -> None:
    with pytest.raises(IllegalTransition, match="unknown state"):
        transition("limbo", "new", actor="x", at=AT, reason="")
    with pytest.raises(ValueError, match="aware"):
        transition("new", "triage", actor="x", at=datetime(2026, 1, 1), reason="")  # noqa: DTZ001


def test_open_and_closed_partition_the_states() -> None:
    assert set(State) == OPEN | CLOSED and not OPEN & CLOSED
    assert all(TRANSITIONS[s] for s in State), "no dead ends"
