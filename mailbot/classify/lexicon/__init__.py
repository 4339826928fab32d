"""Phrase lexicons per language: the words people use to ask for each right or to opt out.

Each language module maps a cue name to regex patterns over folded text (see ``text.fold``).
Cue names are the rights of the contract, plus ``objection_weak`` (counted only when nothing
stronger is asked), ``marketing_objection`` (an objection that also stops all marketing),
``legal_basis`` (an information request that stands even beside an access request),
``optout_email``/``optout_phone``/``optout_all``, ``on_behalf`` and ``request`` (a data
request whose right is not named).
"""

from __future__ import annotations

from types import ModuleType

from mailbot.classify.lexicon import de, en, es, fr, it, nl, partial, pl, pt, sv

FULL: dict[str, ModuleType] = {
    "en": en,
    "de": de,
    "fr": fr,
    "es": es,
    "it": it,
    "nl": nl,
    "pl": pl,
    "pt": pt,
    "sv": sv,
}
PARTIAL = partial
