"""Text folding shared by every matcher: one spelling for "Löschung", "LOESCHUNG" and "loschung".

Patterns and messages go through the same ``fold``, so lexicons can be written with or without
accents and people who type without them still match.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_SPECIAL = {
    "ß": "ss",
    "ł": "l",
    "ø": "o",
    "æ": "ae",
    "œ": "oe",
    "đ": "d",
    "ı": "i",
    "’": "'",
    "‘": "'",
    "´": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "«": '"',
    "»": '"',
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\ufeff": "",
    "\u00ad": "",
    "\u00a0": " ",
    "–": "-",
    "—": "-",
}


_COMBINING = re.compile("[\u0300-\u036f]")
_SPECIALS = re.compile("[" + "".join(_SPECIAL) + "]")


def _strip_accents(text: str) -> str:
    """Decompose, drop the combining marks, and spell out the letters that do not decompose."""
    text = _COMBINING.sub("", unicodedata.normalize("NFD", text))
    return _SPECIALS.sub(lambda match: _SPECIAL[match[0]], text)


_PUNCTUATION = re.compile(
    "[" + re.escape("!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~…·•«»“”„‘’–—¡¿、。，：；（）「」") + "]"
)


_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_ASCII_PUNCTUATION = str.maketrans(dict.fromkeys("!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~", " "))


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded text and the set of its words, which gates the phrase patterns."""

    text: str
    words: frozenset[str]


def fold(text: str) -> str:
    """Lower case, no accents, typographic quotes made plain, whitespace runs as one space."""
    return " ".join(fold_lines(text).split())


def folded(text: str) -> Folded:
    """``fold`` plus the words of the result (split at anything that is not a letter or digit)."""
    flat = fold(text)
    spaced = flat.translate(_ASCII_PUNCTUATION) if flat.isascii() else _PUNCTUATION.sub(" ", flat)
    return Folded(flat, frozenset(spaced.split()))


def paragraphs(text: str, size: int = 1500) -> list[Folded]:
    """The text folded in paragraph-sized pieces, so a pattern scans only the pieces that
    contain its words. Short neighbours are merged to keep the pieces few."""
    pieces: list[str] = []
    for paragraph in _BLANK_LINE.split(text):
        if pieces and len(pieces[-1]) + len(paragraph) < size:
            pieces[-1] = f"{pieces[-1]}\n{paragraph}"
        else:
            pieces.append(paragraph)
    return [folded(piece) for piece in pieces if piece.strip()]


def words_of(text: str) -> list[str]:
    """The words of an already folded literal, split the way ``folded`` splits texts."""
    return _PUNCTUATION.sub(" ", text).split()


def fold_lines(text: str) -> str:
    """``fold`` without joining lines: for line-based reading such as quote stripping."""
    lowered = text.lower()
    return lowered if lowered.isascii() else _strip_accents(lowered)


def fold_pattern(pattern: str) -> str:
    """Strip the accents of a pattern; its case stays, so ``\\W`` keeps its meaning."""
    return pattern if pattern.isascii() else _strip_accents(pattern)


def clip(text: str, limit: int = 60) -> str:
    """A short quotation for evidence."""
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
