"""Find the phrases that ask for a right or an opt-out, in the lexicons of the given languages.

Each pattern is compiled once with the literals it requires (``anchors``); it is run only on
texts that contain one of them. Two guards drop hits that only look like requests: a negation
just before ("I do not want you to delete my data") and a mention of the right rather than a
use of it ("the existence of the right to request rectification", "access, rectification or
erasure requests from your data subjects").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from mailbot.classify.anchors import PhraseSet
from mailbot.classify.lexicon import FULL, PARTIAL
from mailbot.classify.text import Folded, clip, fold_pattern

# A negation governs the next few words, not a clause that "and" or "but" starts after it
# ("I'm not happy and I object to ...", "nicht einverstanden und widerspreche ...").
_NEGATION = re.compile(
    r"(?:\b(?:not|never|nicht|kein\w*|ne|pas|no|non|niet|nie|nao|inte|ej|ikke)|n't)"
    r"(?:\s+(?!(?:and|but|so|und|aber|daher|et|mais|donc|y|pero|e|ma|en|maar|i|ale|mas|och"
    r"|men)\b)\w+){0,3}\s*$"
)
_MENTION = re.compile(
    fold_pattern(
        r"(?:existence|existencia|esistenza|bestehen\w*|bestaan|istnieni\w*|förekomst\w*"
        r"|existenta|informed (?:about|of)|inform me (?:about|of)|about (?:my|your|their) rights?"
        r"|(?:your|their) rights? (?:of|to)"
        r"|über (?:mein|das) recht|sur (?:mon|le) droit|sul diritto"
        r"|sobre (?:mi|el|o meu|o) (?:derecho|direito)"
        r"|over (?:mijn|het) recht|o (?:moim )?prawie|om (?:min )?rätt)\W+(?:\w+\W+){0,9}$"
    )
)
# Rights named as kinds of request in a list: "handle access, rectification or erasure
# requests from your data subjects" is a vendor's notice, not a request ...
_CATEGORY = re.compile(
    r"(?:\s*(?:,|/|&|or|and|und|oder|et|ou|y|o|e|of|en|lub|albo|i|och|eller)\s*[a-z-]+){1,3}\s+"
    r"(?:requests|anfragen|antrage|demandes|solicitudes|richieste|verzoeken|wnioski|zadania"
    r"|pedidos|solicitacoes|begaran|forfragningar)\b"
)
# ... or named after the kind: "solicitudes de acceso o supresión de datos", "requests for
# access or erasure" (plural, and a list).
_CATEGORY_BEFORE = re.compile(
    r"\b(?:requests|anfragen|antrage|demandes|solicitudes|richieste|verzoeken|wnioski|pedidos"
    r"|solicitacoes|begaran|forfragningar) (?:for|of|to|de|d'|di|auf|om|o|tot|na|do) "
    r"(?:[\w-]+ ){1,2}(?:or|and|o|y|e|ou|et|oder|und|of|en|lub|i|eller|och|,)\s*$"
)
# ... or told of as one received: "after a client sent us a subject access request".
_RECEIVED = re.compile(
    r"\b(?:sent us|we (?:received|got|had)|handling|dealing with) (?:an? |the |any |such |these "
    r"|those )?$"
    # ... or made by other people to the writer's business: "one of their employees makes a …"
    r"|\b(?:employees|customers|clients|users|members|people|someone|somebody|applicants|tenants"
    r"|patients) (?:\w+ )?(?:makes?|made|submits?|submitted|sends?|raises?|raised|files?|filed) "
    r"(?:an? |the |such |any )?$"
)
# ... or a consequence asked about: "will that wipe all my history?".
_WHAT_IF = re.compile(r"\b(?:will|would|does|did|could|won't) (?:that|it|this|a reset) $")
_LOOK_BACK = 70
_NEGATION_BACK = 30
_AFTER = 40
_BEFORE = 60
_UNGUARDED = frozenset({"optout_email", "optout_phone", "optout_all"})
# "Sent from my iPhone" after a bare "STOP": the phone's line, not the sender's words.
_DEVICE_SIGNATURE = re.compile(
    r"[\s.!]*(?:sent from my|get outlook for|enviado desde mi|envoye de mon|envoye depuis mon"
    r"|von meinem|inviato da|verzonden (?:vanaf|met) mijn|wyslane z|enviado do meu|skickat fran"
    r" min)\b[^.!?]{0,40}$"
)


@dataclass(frozen=True, slots=True)
class Hit:
    """A phrase that asks for something: which cue, the words, and where they stood."""

    cue: str
    text: str
    language: str
    in_subject: bool
    after: str = ""
    before: str = ""

    def evidence(self) -> str:
        """How the hit reads in the classification's evidence."""
        where = " (subject)" if self.in_subject else ""
        return f'{self.cue}{where}: "{clip(self.text)}"'


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """One language's patterns as a gated set, with each pattern's cue."""

    phrases: PhraseSet
    cues: tuple[str, ...]


def _modules() -> dict[str, ModuleType]:
    """Every lexicon module by name, the keyword lists under 'partial'."""
    return {**FULL, "partial": PARTIAL}


@cache
def _lexicon(language: str) -> _Lexicon:
    """Compile one language's lexicon once."""
    sources: list[str] = []
    cues: list[str] = []
    for cue, patterns in _modules()[language].CUES.items():
        sources.extend(patterns)
        cues.extend(cue for _ in patterns)
    return _Lexicon(PhraseSet(sources), tuple(cues))


def lexicon_phrases() -> dict[str, PhraseSet]:
    """Every lexicon's patterns, by language (for tests and tools)."""
    return {language: _lexicon(language).phrases for language in languages()}


def languages() -> tuple[str, ...]:
    """Every lexicon's name: the fully read languages, then "partial"."""
    return tuple(_modules())


@cache
def _stop_words() -> dict[str, str]:
    """Whole-message opt-out replies ("STOP", "abmelden") and their language."""
    words = {word: language for language, module in FULL.items() for word in module.STOP_WORDS}
    return {"stop": "en", **words}


def find_hits(text: Folded, chosen: tuple[str, ...], *, subject_length: int = 0) -> list[Hit]:
    """Every guarded hit of the chosen languages' lexicons in a folded text; hits that start
    within the first ``subject_length`` characters come from the subject."""
    hits: list[Hit] = []
    for language in chosen:
        lexicon = _lexicon(language)
        for variant in lexicon.phrases.candidates(text):
            cue = lexicon.cues[lexicon.phrases.owners[variant]]
            for match in lexicon.phrases.finditer(variant, text.text):
                if not _guarded(text.text, match.start(), match.end(), cue):
                    after = text.text[match.end() : match.end() + _AFTER]
                    before = text.text[max(0, match.start() - _BEFORE) : match.start()]
                    in_subject = match.start() < subject_length
                    hits.append(Hit(cue, match[0], language, in_subject, after, before))
    return hits


def _guarded(folded: str, start: int, end: int, cue: str) -> bool:
    """Negated, merely mentioned or named as a kind of request: not a request."""
    if cue in _UNGUARDED:
        return False
    if _CATEGORY.match(folded, end):
        return True
    before = folded[max(0, start - _LOOK_BACK) : start]
    if _CATEGORY_BEFORE.search(before) or _RECEIVED.search(before) or _WHAT_IF.search(before):
        return True
    if _NEGATION.search(before[-_NEGATION_BACK:]):
        return True
    return bool(_MENTION.search(before))


def stop_reply(folded: str) -> str | None:
    """The language of a bare opt-out reply such as "STOP" or "Unsubscribe please"."""
    words = _DEVICE_SIGNATURE.sub("", folded).strip(" .!?-*\"'").strip()
    return _stop_words().get(words)
