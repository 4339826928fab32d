"""Gates for phrase patterns: the words (or literals) a regex cannot match without.

Python's regex engine tries every alternative at every position; with hundreds of phrase
patterns that is far too slow. A pattern whose source has a literal outside any optional part
(``access`` in ``\\bright (?:of|to) access\\b``), or a required group of plain alternatives
(``(?:object|objecting)``), cannot match a text that lacks one of them. Most such literals are
whole words, checked against the text's word set in one set intersection; the rest (word
fragments, Japanese and Chinese) fall back to a substring test. The gate is exact: it never
hides a match, it only skips hopeless scans.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from mailbot.classify.text import Folded, fold_pattern, words_of

_BREAKS = frozenset("[](){}.^$|?*+\\")
_OPTIONAL = frozenset("?*{")
_GOOD_LENGTH = 5
_WORD_CHAR = re.compile(r"\w")
# Words too common to tell texts apart: a gate made of them would open for every message.
_COMMON = frozenset(
    (  # noqa: SIM905
        "the and you your for with from that this all any not are was have has had our "
        "out off about can will would please der die das und sie ich mich mir mein meine "
        "ihre ihr les des que une mes vous pour par los las del por mis para una con per "
        "dei che een het van mij mijn och att som med mig nie dla sao nao dos uma com "
    ).split()
)

# Words that nearly every request letter contains: a gate on them opens for most letters.
_FREQUENT = frozenset(
    (  # noqa: SIM905
        "data personal information details info request requesting what which whether "
        "nicht mehr uber fur daten personenbezogenen donnees personnelles datos personales "
        "dati personali gegevens persoonsgegevens dane osobowe dados pessoais uppgifter "
        "processing process using article gdpr"
    ).split()
)


@dataclass(frozen=True, slots=True)
class Gate:
    """Any one of ``words`` (whole words) or of ``literals`` (substrings) lets the pattern run;
    with neither, it always runs."""

    words: frozenset[str] = frozenset()
    literals: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A literal, or a group of alternative literals, that every match contains."""

    texts: frozenset[str]
    bounded_before: bool
    bounded_after: bool
    words: frozenset[str] = frozenset()
    plain: bool = False


def gate(pattern: str) -> Gate:
    """The gate of a (folded) pattern: per branch, whole words if it has some, else literals."""
    words: set[str] = set()
    literals: set[str] = set()
    for branch in _split(pattern):
        candidates = _candidates(branch)
        keyed = [key for key in map(_word_keys, candidates) if _rare(key, 3)]
        useful = [c.texts for c in candidates if _rare(c.texts, 3)]
        if keyed:
            words |= max(keyed, key=_selective)
        elif useful:
            literals |= max(useful, key=_selective)
        else:
            return Gate()
    return Gate(frozenset(words), frozenset(literals))


def _selective(texts: AbstractSet[str]) -> tuple[bool, bool, int, int]:
    """Rank gate candidates: words that requests use everywhere last, then long enough to be
    rare, then few to test, then long."""
    shortest = _shortest(texts)
    frequent = any(text.strip() in _FREQUENT for text in texts)
    return not frequent, shortest >= _GOOD_LENGTH, -len(texts), shortest


def _shortest(texts: AbstractSet[str]) -> int:
    """Length of the shortest literal: the rarer, the better the gate."""
    return min(len(text) for text in texts)


def _rare(texts: frozenset[str], length: int) -> bool:
    """Long and uncommon enough to skip most texts (two ideographs count as long)."""
    return bool(texts) and all(
        (len(text.strip()) >= length or (len(text) >= 2 and not text.isascii()))
        and text.strip() not in _COMMON
        for text in texts
    )


def _word_keys(candidate: _Candidate) -> frozenset[str]:
    """One whole word per alternative that the text must contain, or nothing."""
    if candidate.words:
        return candidate.words
    keys: set[str] = set()
    for text in candidate.texts:
        word = _whole_word(text, candidate.bounded_before, candidate.bounded_after)
        if word is None:
            return frozenset()
        keys.add(word)
    return frozenset(keys)


def _whole_word(text: str, before: bool, after: bool) -> str | None:
    """The longest word of the literal that stands whole in any match (ASCII only)."""
    if not text.isascii() or not text:
        return None
    words = words_of(text)
    starts_clean = before or not _WORD_CHAR.match(text[0])
    ends_clean = after or not _WORD_CHAR.match(text[-1])
    whole = [
        word
        for number, word in enumerate(words)
        if (number > 0 or starts_clean) and (number < len(words) - 1 or ends_clean)
    ]
    whole = [word for word in whole if len(word) >= 3 and word not in _COMMON]
    return max(whole, key=len) if whole else None


def branches(pattern: str) -> list[str]:
    """The alternatives of a pattern: its ``|`` outside groups and character classes."""
    return _split(pattern)


def _split(pattern: str) -> list[str]:
    """Split on ``|`` outside groups and character classes."""
    branches: list[str] = []
    depth = start = index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "|" and depth == 0:
            branches.append(pattern[start:index])
            start = index + 1
        depth += (char == "(") - (char == ")")
        index = _next_index(pattern, index)
    branches.append(pattern[start:])
    return branches


def _candidates(branch: str) -> list[_Candidate]:
    """Literal runs outside groups, required groups of plain alternatives, and the words
    that adjacent runs and groups spell together (``rectif(?:y|ication)``)."""
    found: list[_Candidate] = []
    chain = _Chain()
    run_start = index = 0
    while index < len(branch):
        char = branch[index]
        end = _group_end(branch, index) if char == "(" else _next_index(branch, index)
        following = branch[end] if end < len(branch) else ""
        if char not in _BREAKS and following not in _OPTIONAL:
            index = end
            continue
        run = _run(branch, run_start, index)
        found.append(run)
        chain.extend(run_start, run.texts)
        group = _group(branch, index, end) if char == "(" and following not in _OPTIONAL else None
        if group is not None:
            found.append(group)
        if group is not None and group.plain:
            chain.extend(index, group.texts)
        else:
            found.append(chain.close(branch, index))
            chain = _Chain()
        run_start = index = end
    run = _run(branch, run_start, len(branch))
    found.append(run)
    chain.extend(run_start, run.texts)
    found.append(chain.close(branch, len(branch)))
    return [candidate for candidate in found if candidate.texts or candidate.words]


class _Chain:
    """Required pieces that follow each other with nothing optional in between."""

    _LIMIT = 32

    def __init__(self) -> None:
        self.start: int | None = None
        self.texts: set[str] = {""}

    def extend(self, start: int, options: frozenset[str]) -> None:
        """Append a piece (a run, or a group's alternatives) to every spelling so far."""
        if not options:
            return
        if self.start is None:
            self.start = start
        self.texts = {text + option for text in self.texts for option in options}

    def close(self, branch: str, end: int) -> _Candidate:
        """The chain as one candidate (nothing if it is empty or spells too many words)."""
        if self.start is None or len(self.texts) > self._LIMIT:
            return _Candidate(frozenset(), False, False)
        return _Candidate(frozenset(self.texts), *_bounds(branch, self.start, end))


def _run(branch: str, start: int, end: int) -> _Candidate:
    """A literal run of the branch as a candidate, with its word boundaries."""
    text = branch[start:end]
    return _Candidate(frozenset({text} if text else ()), *_bounds(branch, start, end))


def _group(branch: str, start: int, end: int) -> _Candidate:
    """A required group: its alternatives if plain, else what its own gate requires."""
    body = branch[start + 1 : end - 1].removeprefix("?:")
    bounds = _bounds(branch, start, end)
    if body.startswith("?"):
        return _Candidate(frozenset(), *bounds)
    options = _split(body)
    if all(option and not _BREAKS & set(option) for option in options):
        return _Candidate(frozenset(options), *bounds, plain=True)
    inner = gate(body)  # its literals are parts of the alternatives: no word boundary is known
    if inner.literals:  # some alternatives need a substring test: a word is a substring too
        return _Candidate(inner.literals | inner.words, False, False)
    return _Candidate(frozenset(), False, False, words=inner.words)


def _bounds(branch: str, start: int, end: int) -> tuple[bool, bool]:
    """Whether a word boundary is certain just before and just after ``branch[start:end]``."""
    before = branch[:start].endswith(("\\b", " "))
    return before, _bounded_at(branch, end)


def _bounded_at(branch: str, index: int) -> bool:
    """Whether whatever the pattern matches from ``index`` on starts with a word boundary:
    ``\\b``, a space or punctuation, or a group whose every alternative does (and, when the
    group is optional, what follows it too)."""
    rest = branch[index:]
    if rest.startswith(("\\b", "\\s", "\\.", "\\(", "\\W")):
        return True
    if not rest or rest[0] in "\\[.^$|)?*+{":
        return False
    if rest[0] != "(":
        return not _WORD_CHAR.match(rest[0])
    end = _group_end(branch, index)
    body = branch[index + 1 : end - 1].removeprefix("?:")
    if body.startswith("?") or not all(_bounded_at(option, 0) for option in _split(body)):
        return False
    optional = end < len(branch) and branch[end] in "?*{"
    return not optional or _bounded_at(branch, _next_index(branch, end))


def _group_end(pattern: str, index: int) -> int:
    """Index just past the ``)`` closing the group that opens at ``index``."""
    depth = 0
    while index < len(pattern):
        char = pattern[index]
        depth += (char == "(") - (char == ")")
        index = _next_index(pattern, index)
        if depth == 0:
            return index
    return index


def _next_index(pattern: str, index: int) -> int:
    """Step over one token: an escape, a character class or a counted repeat counts as one."""
    char = pattern[index]
    if char == "\\":
        return index + 2
    if char == "[":
        index += 1
        if index < len(pattern) and pattern[index] in "^]":
            index += 1
        while index < len(pattern) and pattern[index] != "]":
            index += 2 if pattern[index] == "\\" else 1
        return index + 1
    if char == "{":
        closing = pattern.find("}", index)
        return len(pattern) if closing < 0 else closing + 1
    return index + 1


class PhraseSet:
    """Many patterns searched as one, each run only when its gate opens.

    Each pattern is split into variants, one per top-level alternative and per alternative of
    a leading group (``\\b(?:delete|erase) my data`` becomes ``delete my data`` and ``erase my
    data``), and a leading ``\\b`` is checked here rather than by the regex engine. Both keep a
    literal at the start of every regex, so that the engine can use its fast prefix scan: a
    search over a letter is then about 20 times faster.
    """

    def __init__(self, patterns: Iterable[str]) -> None:
        self.sources: list[str] = []
        self.owners: list[int] = []
        self._regexes: list[tuple[re.Pattern[str], bool]] = []
        self._by_word: dict[str, list[int]] = {}
        self._by_literal: dict[str, list[int]] = {}
        self._always: list[int] = []
        for number, pattern in enumerate(patterns):
            for variant in _variants(fold_pattern(pattern)):
                self._add(len(self._regexes), gate(variant))
                source, boundary = _lift_boundary(variant)
                self._regexes.append((re.compile(source), boundary))
                self.sources.append(variant)
                self.owners.append(number)
        self._words = frozenset(self._by_word)
        self._literals = tuple(
            (literal, tuple(group)) for literal, group in self._by_literal.items()
        )

    def _add(self, variant: int, found: Gate) -> None:
        """Index one variant under the words or literals of its gate."""
        for word in found.words:
            self._by_word.setdefault(word, []).append(variant)
        for literal in found.literals:
            self._by_literal.setdefault(literal, []).append(variant)
        if not found.words and not found.literals:
            self._always.append(variant)

    def candidates(self, text: Folded) -> list[int]:
        """The variants whose gate the text opens, in the order their patterns were listed."""
        flat = text.text
        found = {
            variant for literal, group in self._literals if literal in flat for variant in group
        }
        for word in text.words & self._words:
            found.update(self._by_word[word])
        found.update(self._always)
        return sorted(found)

    def finditer(self, variant: int, text: str) -> Iterator[re.Match[str]]:
        """The matches of one variant, leading word boundary checked."""
        regex, boundary = self._regexes[variant]
        for match in regex.finditer(text):
            if not boundary or _at_boundary(text, match.start()):
                yield match

    def matches(self, text: Folded) -> Iterator[re.Match[str]]:
        """Every match of every variant whose gate opens, pattern by pattern as listed."""
        for variant in self.candidates(text):
            yield from self.finditer(variant, text.text)

    def search(self, text: Folded) -> re.Match[str] | None:
        """The first match of the earliest-listed pattern that matches, or None."""
        return next(self.matches(text), None)


_MAX_VARIANTS = 16


def _variants(pattern: str) -> list[str]:
    """The pattern as separate alternatives: its top-level branches, and each alternative of
    a plain group that opens a branch (regex semantics unchanged: any match of one is a
    match of the whole)."""
    variants: list[str] = []
    for branch in _split(pattern):
        boundary = "\\b" if branch.startswith("\\b") else ""
        body = branch[len(boundary) :]
        expanded = _expand_leading_group(body)
        variants.extend(f"{boundary}{option}" for option in expanded)
    return variants


def _expand_leading_group(body: str) -> list[str]:
    """One variant per alternative of an opening group, so each starts with a literal."""
    if not body.startswith("(?:"):
        return [body]
    end = _group_end(body, 0)
    if end < len(body) and body[end] in "?*+{":
        return [body]
    options = _split(body[3 : end - 1])
    if len(options) > _MAX_VARIANTS:
        return [body]
    return [f"{option}{body[end:]}" for option in options]


def _lift_boundary(pattern: str) -> tuple[str, bool]:
    """The pattern without the ``\\b`` that opens each of its branches, if they all have one."""
    branches = _split(pattern)
    if not all(branch.startswith("\\b") for branch in branches):
        return pattern, False
    return "|".join(branch[2:] for branch in branches), True


def _at_boundary(text: str, index: int) -> bool:
    """Whether ``\\b`` holds at ``index``."""
    before = index > 0 and _is_word(text[index - 1])
    after = index < len(text) and _is_word(text[index])
    return before != after


def _is_word(char: str) -> bool:
    """The characters that a regex word class matches."""
    return char.isalnum() or char == "_"
