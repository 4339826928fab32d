"""The compact language model gives py3langid's answers, lives in the cache directory, is built
again when damaged, and keeps numpy out of the daemon's process."""

from __future__ import annotations

import email
import logging
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from array import array
from collections.abc import Iterator, Sequence
from email.message import Message
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from mailbot.classify import langbuild, langmodel
from mailbot.classify.langmodel import (
    CompactIdentifier,
    CorruptModelFile,
    LanguageModelError,
    PackedRows,
    load_identifier,
    model_file_name,
    py3langid_version,
    read_model,
)
from mailbot.classify.language import CANDIDATES

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = 240  # what detect_language gives the model
WINDOWS = 3  # samples per text part: its first 240 characters, then the next ones
CLOSE = 1e-4
WORDS = {
    "en": "the request personal data please copy account delete my your we would like",
    "de": "bitte meine Daten Auskunft gemäß löschen über Kündigung Grüße freundlichen",
    "fr": "je voudrais données personnelles copie merci votre compte supprimer être à",
    "es": "solicito mis datos personales copia gracias cuenta borrar según señores",
    "it": "vorrei una copia dei miei dati personali grazie cancellare però città",
    "pl": "proszę o kopię moich danych osobowych dziękuję usunięcie konta żądanie",
    "cs": "žádám o kopii mých osobních údajů děkuji smazání účtu podle článku",
    "sv": "jag begär en kopia av mina personuppgifter tack radera kontot även",
    "ru": "прошу предоставить копию моих персональных данных спасибо удалить",
    "uk": "прошу надати копію моїх персональних даних дякую видалити рахунок",
    "bg": "моля предоставете копие на личните ми данни благодаря изтриване",
    "el": "παρακαλώ στείλτε αντίγραφο των προσωπικών μου δεδομένων ευχαριστώ",
    "tr": "kişisel verilerimin bir kopyasını rica ediyorum teşekkürler silme",
    "hu": "kérem személyes adataim másolatát köszönöm törlés fiókom szerint",
    "ja": "個人データ の 開示 を 請求 します よろしく お願い いたします",
    "zh": "我 要求 查阅 我的 个人 数据 谢谢 删除 账户",
}
ODDITIES = [
    "",
    " ",
    "12345 67890",
    "0",
    "!!!",
    "STOP",
    "UNSUBSCRIBE ME FROM THIS LIST NOW",
    "ÄNDERUNG MEINER DATEN",
    "😀😀😀 👍",
    "Merci 😀 beaucoup",
    "a\ud800b",
    "\udcff\udcfe",
    "Grüße \udc80 aus Köln",
    "e\u0301te\u0301",  # decomposed: NFC composes it
    "\x00\x01\x02 tab\tnew\nline",
    "Ελληνικά and English мешанина 中文",
    "https://example.org/privacy?id=42&lang=de",
    "support@example.co.uk",
]


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache directory holding a model built the real way, in a child process."""
    directory = tmp_path_factory.mktemp("langmodel-cache")
    load_identifier(CANDIDATES, {"MAILBOT_CACHE_DIR": str(directory)})
    return directory


@pytest.fixture(scope="module")
def model_path(cache: Path) -> Path:
    return cache / model_file_name(CANDIDATES, py3langid_version())


@pytest.fixture(scope="module")
def compact(model_path: Path) -> CompactIdentifier:
    return read_model(model_path, CANDIDATES, py3langid_version())


@pytest.fixture(scope="module")
def reference() -> LanguageIdentifier:
    """py3langid itself, set up as language.py used to."""
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(CANDIDATES)
    return identifier


# Agreement with py3langid.


def corpus_dir() -> Path:
    """$MAILBOT_CORPUS, else ``shared/corpus`` beside the repository."""
    override = os.environ.get("MAILBOT_CORPUS")
    return Path(override) if override else ROOT.parent / "shared" / "corpus"


def corpus_samples(corpus: Path) -> list[str]:
    """Samples of every text/plain part of every message in the corpus."""
    samples: set[str] = set()
    for path in sorted(corpus.rglob("*")):
        if not path.is_file() or path.name == "MANIFEST.tsv" or path.suffix == ".md":
            continue
        message = email.message_from_bytes(path.read_bytes())
        for text in _plain_texts(message):
            samples.update(_windows(text))
    return sorted(samples)


def _plain_texts(message: Message) -> Iterator[str]:
    """The decoded text/plain parts; an unknown charset is read as UTF-8."""
    for part in message.walk():
        payload = part.get_payload(decode=True)
        if part.get_content_type() != "text/plain" or not isinstance(payload, bytes):
            continue
        charset = part.get_content_charset() or "utf-8"
        try:
            yield payload.decode(charset, errors="replace")
        except LookupError:
            yield payload.decode("utf-8", errors="replace")


def _windows(text: str) -> list[str]:
    """The text's first samples, as detect_language would cut one."""
    return [text[start : start + SAMPLE] for start in range(0, len(text), SAMPLE)][:WINDOWS]


def synthetic_samples() -> list[str]:
    """Random words of one or several languages, in several cases, plus odd inputs."""
    chooser = random.Random(20240515)
    vocabulary = {language: words.split() for language, words in WORDS.items()}
    samples = list(ODDITIES)
    for index in range(400):
        languages = chooser.sample(sorted(vocabulary), k=1 if index % 3 else 2)
        pool = [word for language in languages for word in vocabulary[language]]
        text = " ".join(chooser.choices(pool, k=chooser.randint(1, 40)))
        samples.append(_dressed(text, index, chooser)[:SAMPLE])
    return samples


def _dressed(text: str, index: int, chooser: random.Random) -> str:
    """Upper-case some texts, add digits, emoji or a lone surrogate to others."""
    if index % 5 == 0:
        return text.upper()
    if index % 7 == 0:
        return f"{text} {chooser.randint(0, 10**6)} 😀"
    if index % 11 == 0:
        return f"{text}\udc8f{text[:5]}"
    return text


def _disagreement(text: str, compact: CompactIdentifier, reference: Any) -> str | None:
    """Why our answer is not py3langid's, or None; a different language is allowed only where
    py3langid's top two are within 1e-4 of each other."""
    language, probability = compact.classify(text)
    expected, expected_probability = reference.classify(text)
    (_, first), (_, second) = reference.rank(text)[:2]
    if abs(probability - expected_probability) >= CLOSE:
        return f"{text!r}: probability {probability} != {expected_probability}"
    if language != expected and first - second > CLOSE:
        return f"{text!r}: {language} != {expected}"
    return None


def _check_agreement(samples: Sequence[str], compact: CompactIdentifier, reference: Any) -> None:
    failures = []
    for text in samples:
        reason = _disagreement(text, compact, reference)
        if reason:
            failures.append(reason)
    assert not failures, f"{len(failures)} of {len(samples)}: " + "\n".join(failures[:10])


def test_agrees_with_py3langid_on_the_corpus(
    compact: CompactIdentifier, reference: LanguageIdentifier
) -> None:
    corpus = corpus_dir()
    if not corpus.is_dir():
        pytest.skip(f"no corpus at {corpus}")
    samples = corpus_samples(corpus)
    assert len(samples) > 500
    _check_agreement(samples, compact, reference)
    assert len({compact.classify(text)[0] for text in samples}) >= 15


def test_agrees_with_py3langid_on_synthetic_texts(
    compact: CompactIdentifier, reference: LanguageIdentifier
) -> None:
    _check_agreement(synthetic_samples(), compact, reference)


def test_a_text_without_features_gets_py3langids_uniform_answer(
    compact: CompactIdentifier, reference: LanguageIdentifier
) -> None:
    language, probability = compact.classify("")
    assert language == reference.classify("")[0] == compact.classes[0]
    assert probability == pytest.approx(1 / len(CANDIDATES))


def test_repeated_languages_are_folded_as_py3langid_folds_them() -> None:
    """A model with a language twice (py3langid has sr and uz twice) over a one-feature DFA."""
    classes = ["sr", "en", "sr"]
    ptc = np.array([[-1.5, -2.0, -1.0], [-3.0, -2.5, -3.5]], dtype=np.float16)
    pc = np.array([0.5, 1.0, 0.25], dtype=np.float32)
    nextmove = array("I", [0] * 256)  # one row for all three states: the last byte decides
    nextmove[ord("a")] = 1
    nextmove[ord("b")] = 2
    reference = LanguageIdentifier(
        ptc, pc, classes, nextmove, [-1, 0, 1], norm_probs=True, tk_row=array("H", [0, 0, 0])
    )
    packed, packing = langbuild._pack(ptc.astype("float64"))
    compact = CompactIdentifier(
        classes, {b"": -1, b"a": 0, b"b": 1}, PackedRows.create(packed, 3, packing), pc.tolist()
    )
    for text in ["a", "b", "aab", "ab ba bb", "xyz", "", "aaaaaaab"]:
        language, probability = compact.classify(text)
        expected, expected_probability = reference.classify(text)
        assert (language, probability) == (expected, pytest.approx(expected_probability, abs=1e-6))


# The builder's proof that labels can replace the DFA.


def test_the_builder_refuses_a_dfa_that_is_not_aho_corasick() -> None:
    """States: root, "a", "ab"; after "ab" an "a" should lead to "a", but this DFA goes home."""
    table = np.zeros((3, 256), dtype=np.uint32)
    table[0, ord("a")] = 1
    table[1, ord("a")] = 1
    table[1, ord("b")] = 2
    moves = langbuild._Moves(table, np.arange(3, dtype=np.int64))
    trie = langbuild._label_states(moves)
    assert trie.depth.tolist() == [0, 1, 2]
    with pytest.raises(ValueError, match="Aho–Corasick"):
        langbuild._check_aho_corasick(moves, trie)
    table[2, ord("a")] = 1
    langbuild._check_aho_corasick(moves, trie)


# The cache file.


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"MAILBOT_CACHE_DIR": "/srv/cache", "XDG_CACHE_HOME": "/x", "HOME": "/h"}, "/srv/cache"),
        ({"MAILBOT_CACHE_DIR": "", "XDG_CACHE_HOME": "/x", "HOME": "/h"}, "/x/mailbot"),
        ({"XDG_CACHE_HOME": "relative", "HOME": "/h"}, "/h/.cache/mailbot"),
        ({"HOME": "/h"}, "/h/.cache/mailbot"),
    ],
)
def test_cache_dir(environ: dict[str, str], expected: str) -> None:
    assert langmodel.cache_dir(environ) == Path(expected)


def _no_home() -> Path:
    raise RuntimeError("Could not determine home directory.")


def test_a_user_without_a_home_has_no_cache_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    """A container's bare UID: no $HOME, no passwd entry. Path.home() raises then."""
    monkeypatch.setattr(Path, "home", staticmethod(_no_home))
    assert langmodel.cache_dir({}) is None


def test_the_file_name_changes_with_format_version_and_languages() -> None:
    name = model_file_name(CANDIDATES, "0.4.0")
    assert f"v{langmodel.FORMAT_VERSION}" in name
    assert "0.4.0" in name
    assert model_file_name(CANDIDATES, "0.4.1") != name
    assert model_file_name([*CANDIDATES, "is"], "0.4.0") != name


def test_mailbot_cache_dir_is_honoured(
    cache: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("MAILBOT_CACHE_DIR", str(cache))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    identifier = load_identifier(CANDIDATES, build=_refuse)
    assert identifier.classify("Ich möchte eine Kopie meiner Daten, bitte.")[0] == "de"
    assert list(tmp_path.iterdir()) == []


def test_a_missing_file_is_built_once(
    model_path: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    builds: list[Path] = []
    environ = {"MAILBOT_CACHE_DIR": str(tmp_path)}
    with caplog.at_level(logging.INFO, logger="mailbot.langmodel"):
        load_identifier(CANDIDATES, environ, _copier(model_path, builds))
        load_identifier(CANDIDATES, environ, _refuse)
    assert builds == [tmp_path / model_path.name]
    assert "building the compact language model" in caplog.text


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: data + b"\0", id="trailing byte"),
        pytest.param(lambda data: b"NOTOURS!" + data[8:], id="magic"),
        pytest.param(lambda data: data[:12] + b"[" + data[13:], id="header json"),
        pytest.param(lambda data: data[:-5] + bytes([data[-5] ^ 1]) + data[-4:], id="bit flip"),
        pytest.param(lambda data: data.replace(b'"states": ', b'"states": 1'), id="counts"),
    ],
)
def test_a_damaged_file_is_rebuilt(model_path: Path, tmp_path: Path, damage: Any) -> None:
    target = tmp_path / model_path.name
    target.write_bytes(damage(model_path.read_bytes()))
    with pytest.raises(CorruptModelFile):
        read_model(target, CANDIDATES, py3langid_version())
    builds: list[Path] = []
    identifier = load_identifier(
        CANDIDATES, {"MAILBOT_CACHE_DIR": str(tmp_path)}, _copier(model_path, builds)
    )
    assert builds == [target]
    assert identifier.classify("Je voudrais une copie de mes données, merci.")[0] == "fr"
    assert target.read_bytes() == model_path.read_bytes()


def test_a_file_for_another_py3langid_is_not_read(model_path: Path) -> None:
    with pytest.raises(CorruptModelFile, match="py3langid"):
        read_model(model_path, CANDIDATES, "0.0.1")


def test_a_rebuild_that_does_not_help_is_a_clear_error(tmp_path: Path) -> None:
    def scribble(path: Path, candidates: Sequence[str]) -> None:
        path.write_bytes(b"nonsense")

    with pytest.raises(LanguageModelError, match="even after a rebuild"):
        load_identifier(CANDIDATES, {"MAILBOT_CACHE_DIR": str(tmp_path)}, scribble)


def test_an_unwritable_cache_dir_falls_back_to_a_temporary_one(
    model_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    builds: list[Path] = []
    identifier = load_identifier(
        CANDIDATES, {"MAILBOT_CACHE_DIR": str(blocker / "cache")}, _copier(model_path, builds)
    )
    assert identifier.classify("Please send me a copy of my personal data.")[0] == "en"
    [built] = builds
    assert built.parent.parent == tmp_path / "tmp"
    assert not built.parent.exists()


def test_without_a_cache_dir_the_model_is_built_in_a_temporary_one(
    model_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Path, "home", staticmethod(_no_home))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    builds: list[Path] = []
    identifier = load_identifier(CANDIDATES, {}, _copier(model_path, builds))
    assert identifier.classify("Please send me a copy of my personal data.")[0] == "en"
    [built] = builds
    assert built.parent.parent == tmp_path and not built.parent.exists()


def test_a_build_removes_temporary_files_of_builds_killed_long_ago(
    model_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / model_path.name
    abandoned = tmp_path / f".{target.name}.x1y2z3.tmp"
    in_progress = tmp_path / f".{target.name}.a4b5c6.tmp"
    unrelated = tmp_path / ".other.x1y2z3.tmp"
    for leftover in (abandoned, in_progress, unrelated):
        leftover.write_bytes(b"half a model")
    two_hours_ago = time.time() - 7200
    for old in (abandoned, unrelated):
        os.utime(old, (two_hours_ago, two_hours_ago))

    load_identifier(CANDIDATES, {"MAILBOT_CACHE_DIR": str(tmp_path)}, _copier(model_path, []))

    assert not abandoned.exists()
    assert in_progress.exists(), "another daemon may be building right now"
    assert unrelated.exists()


def test_the_file_is_written_atomically(tmp_path: Path) -> None:
    target = tmp_path / "model.bin"
    target.write_bytes(b"old")

    def interrupted() -> Iterator[bytes]:
        yield b"new, half of it"
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        langbuild._write_atomically(target, interrupted())
    assert target.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["model.bin"]
    langbuild._write_atomically(target, [b"new", b" file"])
    assert target.read_bytes() == b"new file"
    assert [path.name for path in tmp_path.iterdir()] == ["model.bin"]


def test_a_failed_build_says_why(tmp_path: Path) -> None:
    with pytest.raises(LanguageModelError, match="no model for"):
        langmodel.build_in_subprocess(tmp_path / "model.bin", ["en", "xx"])
    assert list(tmp_path.iterdir()) == []


# The daemon's process.


def test_the_daemon_never_imports_numpy(cache: Path) -> None:
    code = (
        "import mailbot.classify.language as L; "
        "L.detect_language('Bonjour, je voudrais une copie de mes données personnelles, "
        "s’il vous plaît'); import sys; print('numpy' in sys.modules)"
    )
    env = {**os.environ, "MAILBOT_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert result.stdout.strip() == "False"


def _copier(source: Path, builds: list[Path]) -> langmodel.Build:
    """A builder that copies a model built earlier, and notes where."""

    def build(path: Path, candidates: Sequence[str]) -> None:
        builds.append(path)
        shutil.copyfile(source, path)

    return build


def _refuse(path: Path, candidates: Sequence[str]) -> None:
    raise AssertionError(f"{path} should not have been built")
