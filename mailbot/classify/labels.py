"""The classification contract shared by the classifier and the workflow."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["rights_request", "opt_out", "auto_reply", "bounce", "other"]
RIGHTS = (
    "access",
    "rectification",
    "erasure",
    "restriction",
    "portability",
    "objection",
    "automated_decision",
    "information",
)
CHANNELS = ("email", "phone")


@dataclass(frozen=True, slots=True)
class Classification:
    """What a message is, how sure we are, and the phrases or headers that decided it."""

    kind: Kind
    rights: tuple[str, ...] = ()
    opt_out: tuple[str, ...] = ()
    language: str = "en"
    confidence: float = 1.0
    evidence: tuple[str, ...] = field(default=())

    @property
    def is_robot(self) -> bool:
        """Auto-replies and bounces never open a ticket nor receive mail."""
        return self.kind in ("auto_reply", "bounce")
