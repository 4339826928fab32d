"""Article citations ("Art. 17 DSGVO", "článku 15", "άρθρο 16", "第15条"): language-neutral cues.

Only the articles that grant a right count (15–18, 20, 21 and 22). Articles a letter cites in
passing (4, 6, 12, 19, 46) are ignored, and so are citations of other laws (LGPD, APPI, PIPL,
CCPA, the UK DPA) whose article numbers mean something else. An access letter lists Art. 22
among the information it asks for, so ``reading`` counts a citation of it only beside no
access request. The scan looks for the numbers first (digits are rare in prose) and then for
an article word just before them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from mailbot.classify.anchors import PhraseSet
from mailbot.classify.text import Folded, fold_pattern

_NUMBER = re.compile(r"(1[5-8]|2[0-2])(?![\d/])")
_ARTICLE_BEFORE = re.compile(
    fold_pattern(
        r"(?:\b(?:art(?:icle|ikel|iculo|icolo|igo|ykul|ykulu|ikla|iklu|iculul|icolul)?|artt?"
        r"|cl|clanek|clanku|clanka?|clanak|clankom|αρθρ(?:ο|ου)|член|чл|articolul(?:ui)?)"
        r"\.?\s*|第)$"
    )
)
_PARTS = re.compile(
    fold_pattern(
        r"(?:\.(?!\d))?((?:\s*(?:\(|abs\.?|para(?:graph|graphe|grafo|graaf|phe|gr\.)?\.?|alinea"
        r"|lid|ust\.?|odst\.?|stavk[aeu]m?|παραγραφος|ал\.?|alin\.?|n\.?º|nr\.?|,|\.)\s*\d?)"
        r"{0,3})"
    )
)
_AFTER_NUMBER = re.compile(r"\s*straipsn|条")
_GDPR = PhraseSet(
    [
        r"\bgdpr\b",
        r"\bdsgvo\b",
        r"\brgpd\b",
        r"\bavg\b",
        r"\brodo\b",
        r"\bbdar\b",
        r"\bkdg\b",
        r"\bdsg-ekd\b",
        r"γκπδ",
        r"орзд",
        r"2016/679",
        r"general data protection regulation",
        r"datenschutz-grundverordnung",
        r"obecneho narizeni",
        r"opce uredbe",
        r"reglement general",
        r"reglamento general",
        r"regolamento generale",
        r"algemene verordening",
        r"ogolnego rozporzadzenia",
        r"regulamento geral",
        r"dataskyddsforordning",
        r"regulamentul general",
        r"bendrojo duomenu apsaugos",
    ]
)
_GDPR_NEAR = re.compile(r"gdpr|dsgvo|rgpd|\bavg\b|rodo|bdar|γκπδ|орзд|2016/679|general data")
_OTHER_LAW = re.compile(r"\blgpd\b|\bappi\b|\bpipl\b|\bccpa\b|\bcpra\b|data protection act|\bdpa\b")
_RIGHTS = {
    "15": "access",
    "16": "rectification",
    "17": "erasure",
    "18": "restriction",
    "20": "portability",
    "21": "objection",
    "22": "automated_decision",
}
_BEFORE = 14
_NOT_BEFORE_NUMBER = frozenset("0123456789.,/")
_WINDOW = 40


@dataclass(frozen=True, slots=True)
class Citation:
    """One citation of a right-granting article."""

    right: str
    text: str
    direct_marketing: bool


def find_citations(texts: Iterable[Folded]) -> list[Citation]:
    """Every citation of articles 15–22 GDPR in the texts (only if they name the GDPR)."""
    chosen = list(texts)
    if not any(_GDPR.search(text) for text in chosen):
        return []
    found: list[Citation] = []
    for text in chosen:
        found.extend(_citations(text.text))
    return found


def _citations(folded: str) -> list[Citation]:
    """Article numbers 15-22 with an article word before them (after them in Lithuanian and CJK)."""
    found: list[Citation] = []
    for match in _NUMBER.finditer(folded):
        if match.start() and folded[match.start() - 1] in _NOT_BEFORE_NUMBER:
            continue
        number = match[1]
        article = _ARTICLE_BEFORE.search(folded[max(0, match.start() - _BEFORE) : match.start()])
        after = _AFTER_NUMBER.match(folded, match.end())
        if article is None and after is None:
            continue
        if _other_law_near(folded, match.start(), match.end()):
            continue
        parts = _PARTS.match(folded, match.end())
        rest = parts[1] if parts else ""
        marketing = number == "21" and bool(re.search(r"[23]", rest))
        words = article[0] if article else ""
        shown = f"{words}{number}{rest}" if article else f"{number}{after[0] if after else ''}"
        shown += ")" * (shown.count("(") - shown.count(")"))
        found.append(Citation(_RIGHTS.get(number, ""), shown.strip(" ,."), marketing))
    return [citation for citation in found if citation.right]


def _other_law_near(folded: str, start: int, end: int) -> bool:
    """A citation of another law, when no GDPR name stands closer to it."""
    window = folded[max(0, start - _WINDOW) : end + _WINDOW]
    return bool(_OTHER_LAW.search(window)) and not _GDPR_NEAR.search(window)
