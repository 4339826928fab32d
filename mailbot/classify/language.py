"""Which language a message is written in: script, then common words, then py3langid's model.

Greek, Japanese and Chinese are told by their characters. A text with enough words is told by
its most frequent function words: a few set intersections, decisive for a paragraph or more.
What is left (short or mixed texts) goes to py3langid's naive Bayes model, which ships inside
its wheel (no download), is deterministic and only chooses among the languages a support
mailbox in Europe meets. Very short texts ("STOP") go by the lexicon that matched them instead.

The model is not loaded through py3langid itself: with numpy it would cost the daemon about
90 MB. ``langmodel`` builds, once and in a child process, a compact copy of it for our
languages in the cache directory ($MAILBOT_CACHE_DIR, else ~/.cache/mailbot), and classifies
with that in plain Python (about 25 MB, 0.2 ms a sample), giving py3langid's answers.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Protocol

CANDIDATES = [
    "en",
    "de",
    "fr",
    "es",
    "it",
    "nl",
    "pl",
    "pt",
    "sv",
    "da",
    "no",
    "fi",
    "cs",
    "sk",
    "hr",
    "sl",
    "el",
    "bg",
    "ro",
    "lt",
    "lv",
    "et",
    "hu",
    "ru",
    "uk",
    "tr",
    "ja",
    "zh",
]
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_GREEK = re.compile(r"[\u0370-\u03ff]")
_SAMPLE = 240
_SURE = 0.5
_TOO_SHORT = 20
_DECISIVE = 4
_MARGIN = 1.5
# Frequent short words, folded (no accents), per language.
_FUNCTION_WORDS = {
    language: frozenset(words.split())
    for language, words in {
        "en": "the and to of in is that for you it with on this be are not have your my me we "
        "our was will please i can from at as by would if or",
        "de": "der die das und ist nicht ich sie mit den dem ein eine zu auf fur von mich mir "
        "bitte uber wir ihr ihre meine meiner sehr auch wenn oder noch haben wird",
        "fr": "le la les et des est pas je vous que qui une dans pour sur avec mes mon ne au aux "
        "du ce cette sont merci votre vos nous",
        "es": "el la los las y de que en es por para con no mi mis un una se lo del al su sus le "
        "usted gracias este esta",
        "it": "il la le di che e non per un una con mi miei sono del della dei al alla questo "
        "questa grazie vostro vostra",
        "nl": "de het een en van is niet ik u dat die op te met voor mijn zijn wij uw naar ook "
        "bij deze om graag",
        "pl": "i w nie sie na z ze do to jest o mnie moje moich prosze za od jak czy przez dla "
        "ktore tak",
        "pt": "o a os as e de que em um uma para com nao por meu meus minha se do da dos das ao "
        "sao obrigado voce",
        "sv": "och att det som en ett ar jag inte pa for med av till om mig mina min er ni den "
        "har vi kan eller inga ingen fler tack",
        "cs": "a je se na ze v do to jsem o pro ktere jako nebo bych vas me mych muj sve podle",
        "sk": "a je sa na ze v do to som o pre ktore ako alebo",
        "hr": "i je se na da u za su od ili kao sam moje mojih koji koje prema vas molim",
        "sl": "in je se na da v za so od ali kot sem",
        "ro": "si de la in cu nu ca sa pe este o un mea mele pentru care din sunt va",
        "lt": "ir kad yra su ne is i mano apie tai jei kaip del jus",
        "da": "og at det er en til som de med for ikke jeg har mig min",
        "no": "og at det er en til som de med for ikke jeg har meg min",
        "fi": "ja on ei se etta tai kuin mutta minun olen",
        "hu": "a az es hogy nem egy van meg is en",
    }.items()
}


class _Identifier(Protocol):
    """What this module needs of a language identifier."""

    def classify(self, text: str) -> tuple[str, float]:
        """Best language and its probability."""


@cache
def _identifier() -> _Identifier:
    """Load the model once (0.1 s; a few seconds more the first time, to build the cache
    file), on first use rather than at import: importing the classify package (as the
    workflow does for the labels) stays cheap."""
    from mailbot.classify.langmodel import load_identifier

    return load_identifier(CANDIDATES)


def detect_language(text: str, hint: str | None = None, words: frozenset[str] | None = None) -> str:
    """ISO 639-1 code of the text; ``hint`` (the lexicon that matched) settles unclear cases,
    ``words`` (the folded text's words) allows the quick function-word count."""
    sample = text[:_SAMPLE]
    by_script = _by_script(sample)
    if by_script:
        return by_script
    if len(sample.strip()) < _TOO_SHORT:
        return hint or "en"
    by_words = _by_function_words(words) if words else None
    if by_words:
        return by_words
    language, probability = _identifier().classify(sample)
    if probability < _SURE and hint:
        return hint
    return str(language)


def likely_languages(words: frozenset[str]) -> tuple[str, ...]:
    """Every language with at least one of its function words in the text, most first."""
    scores = [(len(words & common), language) for language, common in _FUNCTION_WORDS.items()]
    return tuple(language for score, language in sorted(scores, reverse=True) if score)


def _by_function_words(words: frozenset[str]) -> str | None:
    """The language whose function words clearly dominate, if one does."""
    scores = sorted(
        ((len(words & common), language) for language, common in _FUNCTION_WORDS.items()),
        reverse=True,
    )
    (best, language), (second, _) = scores[0], scores[1]
    return language if best >= _DECISIVE and best >= second * _MARGIN else None


def _by_script(sample: str) -> str | None:
    """Japanese and Chinese by their characters; Greek by its alphabet."""
    if _KANA.search(sample):
        return "ja"
    han = len(_HAN.findall(sample))
    if han > 5 and han * 4 > len(sample.strip()):
        return "zh"
    greek = len(_GREEK.findall(sample))
    if greek * 3 > len(sample.strip()) > 0:
        return "el"
    return None
