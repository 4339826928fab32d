"""Turn the hits found in a person's message into rights, opt-out channels and a confidence.

The rules that are not plain phrase matches live here:
- ``information`` about purposes, sources or recipients is part of an access request, so it
  counts only without one; a question about the legal basis or consent always counts.
- a withdrawn consent counts as an objection only when nothing stronger is asked.
- an objection to direct marketing stops marketing on every channel unless one is named.
- a citation of Art. 22 (automated decisions), or an automated decision told in ordinary
  words, counts only without an access request, which asks about automated decisions too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from mailbot.classify.citations import Citation
from mailbot.classify.combos import COMBINED
from mailbot.classify.labels import CHANNELS, RIGHTS
from mailbot.classify.rights import Hit
from mailbot.classify.text import fold_pattern

_EMAIL_WORDS = re.compile(
    fold_pattern(
        r"e-?mail|newsletter|mailing|unsubscri|spam|courriel|correo|nieuwsbrief|mejl|e-?post"
        r"|\bmails?\b|\bmailem\b|\bmail(?:i|ow)\b|boletin|diffusion"
    )
)
_PHONE_WORDS = re.compile(
    fold_pattern(
        r"\b(?:call|calls|calling|phon\w*|telephon\w*|ring\w*|texts?|texting|sms|telemarketing"
        r"|mobile|anruf\w*|telefon\w*|appel\w*|llamad\w*|chiamat\w*|bellen|dzwon\w*|ligac\w*"
        r"|samtal|whatsapps?|chamad\w*)\b"
    )
)
_OPT_OUT_CUES = {"optout_email": "email", "optout_phone": "phone"}
_ANY_CHANNEL = ("optout_all", "marketing_objection")
_BASE = 0.62
_PER_SIGNAL = 0.08
_FORMAL_BONUS = 0.03
_WEAK_ONLY = 0.55
_GENERIC_ONLY = 0.45
_STOP_REPLY = 0.8
_CAP = 0.97


@dataclass
class Reading:
    """What a person asked for, and why we think so."""

    rights: set[str] = field(default_factory=set)
    channels: set[str] = field(default_factory=set)
    evidence: list[str] = field(default_factory=list)
    signals: int = 0
    formal: bool = False
    generic: bool = False
    weak: bool = False
    stop: bool = False

    def add(self, right: str, evidence: str) -> None:
        """Record a right and the words that asked for it."""
        self.rights.add(right)
        self.note(evidence)

    def note(self, evidence: str) -> None:
        """Record evidence once; each distinct piece is one more signal."""
        if evidence not in self.evidence:
            self.evidence.append(evidence)
            self.signals += 1

    @property
    def asks(self) -> bool:
        """Whether anything at all was asked for."""
        return bool(self.rights or self.channels)

    def confidence(self) -> float:
        """More independent signals (and formal ones: a subject, a citation) mean more certainty."""
        if not self.asks:
            return _GENERIC_ONLY if self.generic else 0.0
        if self.weak:  # only weak cues asked (they count when nothing else did), however often
            return _WEAK_ONLY
        if self.stop:
            return _STOP_REPLY
        score = _BASE + _PER_SIGNAL * min(self.signals, 4)
        return min(_CAP, score + (_FORMAL_BONUS if self.formal else 0.0))

    def sorted_rights(self) -> tuple[str, ...]:
        """Rights in the contract's order."""
        return tuple(right for right in RIGHTS if right in self.rights)

    def sorted_channels(self) -> tuple[str, ...]:
        """Channels in the contract's order."""
        return tuple(channel for channel in CHANNELS if channel in self.channels)


def read(hits: list[Hit], citations: list[Citation]) -> Reading:
    """Rights and channels from the hits and citations of one message."""
    reading = Reading()
    # Read only beside no access request, which asks about automated decisions too.
    told = [hit for hit in hits if hit.cue == "automated_decision" and hit.language == COMBINED]
    article_22 = [citation for citation in citations if citation.right == "automated_decision"]
    _read_rights(reading, [hit for hit in hits if hit not in told])
    _read_citations(reading, [citation for citation in citations if citation not in article_22])
    if "access" not in reading.rights:
        _read_citations(reading, article_22)
        _read_rights(reading, told)
    _read_channels(reading, hits)
    _read_leftovers(reading, hits)
    return reading


def _read_rights(reading: Reading, hits: Iterable[Hit]) -> None:
    """Rights asked in words; a direct-marketing objection is an objection too."""
    for hit in hits:
        if hit.cue in RIGHTS and hit.cue != "information":
            reading.add(hit.cue, hit.evidence())
            reading.formal = reading.formal or hit.in_subject
        elif hit.cue == "legal_basis":
            reading.add("information", hit.evidence())
        elif hit.cue == "marketing_objection":
            reading.add("objection", hit.evidence())


def _read_citations(reading: Reading, citations: Iterable[Citation]) -> None:
    """Rights cited by article; Art. 21(2)/(3) also stops marketing on every channel."""
    for citation in citations:
        reading.add(citation.right, f'{citation.right}: "{citation.text}"')
        reading.formal = True
        if citation.direct_marketing:
            reading.channels.update(CHANNELS)


def _read_channels(reading: Reading, hits: Iterable[Hit]) -> None:
    """Opt-out channels: the cue's own, narrowed or widened by the channels it names."""
    for hit in hits:
        channel = _OPT_OUT_CUES.get(hit.cue)
        if channel is not None:
            reading.channels.add(channel)
            reading.channels.update(_named_channels(hit.text))
            reading.note(hit.evidence())
        elif hit.cue in _ANY_CHANNEL:
            reading.channels.update(_named_channels(hit.text + hit.after) or CHANNELS)
            reading.note(hit.evidence())


def _named_channels(text: str) -> set[str]:
    """The channels a phrase names (e-mail words, phone words)."""
    named = set()
    if _EMAIL_WORDS.search(text):
        named.add("email")
    if _PHONE_WORDS.search(text):
        named.add("phone")
    return named


def _read_leftovers(reading: Reading, hits: list[Hit]) -> None:
    """Cues that count only when nothing stronger was found."""
    if "access" not in reading.rights:
        for hit in hits:
            if hit.cue == "information":
                reading.add("information", hit.evidence())
    if not reading.asks:
        for hit in hits:
            if hit.cue == "objection_weak":
                reading.add("objection", hit.evidence())
                reading.weak = True
    for hit in hits:
        if hit.cue == "request" and not reading.asks:
            reading.generic = True
            reading.note(hit.evidence())
