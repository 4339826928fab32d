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
# Below this confidence a person decides: a wrong automatic reply costs more than a short wait.
TRIAGE_BELOW = 0.7
# The languages whose phrasing the classifier reads in full; elsewhere it only spots citations
# and a few keywords, so a person checks the result.
READ_LANGUAGES = frozenset({"en", "de", "fr", "es", "it", "nl", "pl", "pt", "sv"})


@dataclass(frozen=True, slots=True)
class Classification:
    """What a message is, how sure we are, and the phrases or headers that decided it."""

    kind: Kind
    rights: tuple[str, ...] = ()
    opt_out: tuple[str, ...] = ()
    language: str = "en"
    confidence: float = 1.0
    evidence: tuple[str, ...] = field(default=())
    on_behalf: bool = False

    @property
    def is_robot(self) -> bool:
        """Auto-replies and bounces never open a ticket nor receive mail."""
        return self.kind in ("auto_reply", "bounce")

    @property
    def needs_triage(self) -> bool:
        """A person, not the bot, answers: unsure, for someone else, or in a language we skim."""
        if self.is_robot:
            return False
        return (
            self.confidence < TRIAGE_BELOW or self.on_behalf or self.language not in READ_LANGUAGES
        )
