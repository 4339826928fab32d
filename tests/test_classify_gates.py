"""The gates that skip phrase patterns must never hide a match: checked on every text we have."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from mailbot.classify import citations, classifier, rights, robot_lexicon
from mailbot.classify.anchors import PhraseSet, gate
from mailbot.classify.quotes import own_words
from mailbot.classify.text import Folded, folded
from mailbot.mail.parse import parse_message
from tests.test_classify import TABLES, make
from tests.test_classify_corpus import corpus_dir

_TEXT_LIMIT = 3000


def phrase_sets() -> dict[str, PhraseSet]:
    sets = {f"lexicon {name}": value for name, value in rights.lexicon_phrases().items()}
    sets |= {
        name: value for name, value in vars(robot_lexicon).items() if isinstance(value, PhraseSet)
    }
    sets["citations.GDPR"] = citations._GDPR
    sets["classifier.PRIVACY"] = classifier._PRIVACY
    return sets


def texts() -> Iterator[Folded]:
    for case in TABLES.values():
        message = make(case.body, case.subject)
        yield folded(message.text)
        yield folded(message.subject)
    corpus = corpus_dir()
    for path in sorted(corpus.rglob("*")):
        if path.is_file() and path.suffix not in (".tsv", ".md") and "LICENSES" not in path.parts:
            message = parse_message(path.read_bytes())
            yield folded(message.text[:_TEXT_LIMIT])
            yield folded(own_words(message.text[:_TEXT_LIMIT]))
            yield folded(message.subject)


@pytest.fixture(scope="module")
def samples() -> list[Folded]:
    return list(texts())


@pytest.mark.parametrize("name", list(phrase_sets()))
def test_gates_never_hide_a_match(name: str, samples: list[Folded]) -> None:
    phrases = phrase_sets()[name]
    for text in samples:
        opened = set(phrases.candidates(text))
        for number in range(len(phrases.sources)):
            if number in opened:
                continue
            hidden = next(phrases.finditer(number, text.text), None)
            assert hidden is None, (phrases.sources[number], hidden)


@pytest.mark.parametrize("name", list(phrase_sets()))
def test_lifted_word_boundary_matches_like_the_regex(name: str) -> None:
    phrases = phrase_sets()[name]
    short = [folded(case.body) for case in TABLES.values()]
    for number, source in enumerate(phrases.sources):
        regex = re.compile(source)
        for text in short:
            expected = [match.span() for match in regex.finditer(text.text)]
            found = [match.span() for match in phrases.finditer(number, text.text)]
            assert found == expected, source


@pytest.mark.parametrize(
    ("pattern", "words", "literals"),
    [
        (r"\bright (?:of|to) access\b", {"access"}, set()),
        (r"\b(?:object|objecting) to\b", {"object", "objecting"}, set()),
        (r"\bstop (?:sending|e-?mailing) me\b", {"stop"}, set()),
        (r"\brectif(?:y|ication)\b", {"rectify", "rectification"}, set()),
        (r"\b(?:delete|get rid of|anonymi[sz]e) my data\b", {"data"}, set()),
        (r"\b(?:get rid of|anonymi[sz]e) my\b", set(), {"anonymi", "rid"}),
        (r"\bd?sars?\b", set(), {"sar"}),
        (r"a|bcd", set(), set()),
        (r"個人情報|开示", set(), {"個人情報", "开示"}),
        (r"個人情報|開示請求", set(), {"個人情報", "開示請求"}),
    ],
)
def test_gate_extraction(pattern: str, words: set[str], literals: set[str]) -> None:
    found = gate(pattern)
    assert (set(found.words), set(found.literals)) == (words, literals)
