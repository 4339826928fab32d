"""py3langid's model, compacted for the daemon: the same answers without numpy in memory.

py3langid keeps its naive Bayes model in numpy arrays. Importing numpy and holding the model
cost the daemon about 90 MB, most of it a byte-level DFA with 9.8 million transitions and the
columns of 114 languages we never ask about. This module builds once a copy restricted to our
candidate languages, and classifies with it in plain Python, giving py3langid's answers.

The DFA can go because it is the Aho–Corasick automaton of the model's byte n-grams: each
state is named by its trie label (the shortest byte string reaching it), and after any text
the automaton sits in the state whose label is the longest suffix of that text that is a
label. So a dict ``label -> feature row`` does the DFA's work; the builder checks that
property on every one of the DFA's transitions before it writes anything.

The build (``langbuild``) needs numpy and peaks at about 150 MB, so it runs in a child
process (``python -m mailbot.classify.langbuild build PATH --languages en,de,…``). The file
goes into $MAILBOT_CACHE_DIR, else $XDG_CACHE_HOME/mailbot, else ~/.cache/mailbot; its name
carries the format version, py3langid's version and a hash of the languages, so an upgrade
builds a new one.

File layout, little-endian, no pickle::

    b"MBLANGID", uint32 header size, JSON header (counts, languages, packing, CRC-32 of the rest)
    uint8[states]            each DFA state's label length
    bytes[label_bytes]       the labels, concatenated
    int32[states]            each state's feature row, -1 for none
    uint[rows, classes]      log P(feature | language) in fixed point (see PackedRows), only
                             the rows some state uses
    float32[classes]         log P(language)
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import unicodedata
import zlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, BinaryIO

from mailbot.errors import MailbotError

FORMAT_VERSION = 1
MAGIC = b"MBLANGID"
_MAX_HEADER = 1 << 16
_BUILD_TIMEOUT = 300.0
_ABANDONED_AFTER = 3600.0  # seconds
_BUILDER = "mailbot.classify.langbuild"
FIELD_CODES = {1: "B", 2: "H", 4: "I", 8: "Q"}  # struct codes by field width in bytes
log = logging.getLogger("mailbot.langmodel")

Build = Callable[[Path, Sequence[str]], None]


class LanguageModelError(MailbotError):
    """The compact language model can neither be read nor built."""


class CorruptModelFile(LanguageModelError):
    """A model file that is short, altered or not ours: it is built again once."""


class CompactIdentifier:
    """py3langid's ``classify`` with ``norm_probs=True`` and ``set_languages(candidates)``."""

    def __init__(
        self, classes: Sequence[str], labels: dict[bytes, int], ptc: PackedRows, pc: Sequence[float]
    ) -> None:
        self.classes = tuple(classes)
        self._labels = labels
        self._ptc = ptc
        self._pc = list(pc)
        self._aliases = _alias_pairs(self.classes)

    def classify(self, text: str) -> tuple[str, float]:
        """Best language and its probability, as py3langid computes them."""
        data = _encode(text)
        counts = _feature_counts(self._labels, data)
        scores = self._scores(counts) if counts else [0.0] * len(self.classes)
        probabilities = _softmax(scores, 1.0 / math.sqrt(len(data) or 1))
        _fold_aliases(probabilities, self._aliases)
        best = max(range(len(probabilities)), key=probabilities.__getitem__)  # first of equals
        return self.classes[best], probabilities[best]

    def _scores(self, counts: Mapping[int, int]) -> list[float]:
        """log P(language) + Σ log1p(count) · log P(feature | language): features with the same
        count share one weight, so their rows are summed before they are weighed."""
        totals = list(self._pc)
        for count, rows in _rows_by_count(counts).items():
            weight = math.log1p(count)
            sums = self._ptc.sums(rows)
            totals = [total + weight * part for total, part in zip(totals, sums, strict=True)]
        return totals


@dataclass(frozen=True)
class PackedRows:
    """log P(feature | language), one row per feature, as fixed-point integers packed in one
    bytes object, no bigger than float32 would be. A row read with ``int.from_bytes`` is one
    Python int whose fields are the languages, so summing rows is adding ints: about 45 µs
    for the 150 rows of a sample, where adding 28 floats per row takes 120 µs. Field i holds
    ``log P × 2**scale - low``: the model's values are float16, multiples of 2**-scale, so the
    sums are exact; fields are wide enough that no sum of distinct rows carries into the next.
    """

    data: bytes
    row_format: struct.Struct  # a row, or a sum of rows, as its fields
    scale: int
    low: int

    @classmethod
    def create(cls, data: bytes, width: int, packing: Mapping[str, int]) -> PackedRows:
        """Rows of ``width`` fields packed as ``_pack`` describes them."""
        code = FIELD_CODES[packing["field_bytes"]]
        return cls(data, struct.Struct(f"<{width}{code}"), packing["scale"], packing["low"])

    def sums(self, rows: Sequence[int]) -> list[float]:
        """Per language, the sum of the given (distinct) rows."""
        size = self.row_format.size
        data = self.data
        total = 0
        for row in rows:
            total += int.from_bytes(data[row * size : row * size + size], "little")
        fields = self.row_format.unpack(total.to_bytes(size, "little"))
        offset = len(rows) * self.low
        unit = 2.0**-self.scale
        return [(field + offset) * unit for field in fields]


def _encode(text: str) -> bytes:
    """py3langid's ``_encode``: an all-capitals text is lower-cased, then NFC, then UTF-8 that
    keeps lone surrogates."""
    if text.isupper():
        text = text.lower()
    return unicodedata.normalize("NFC", text).encode("utf-8", errors="surrogatepass")


def _feature_counts(labels: Mapping[bytes, int], data: bytes) -> Counter[int]:
    """py3langid's DFA walk without the DFA. After each byte the state is the longest suffix
    read so far that is a label (the root's label is b"", so there always is one); it is at
    most one byte longer than the state before, so only those suffixes are tried, longest
    first: about two dict look-ups per byte."""
    get = labels.get
    found: list[int] = []
    depth = 0
    for end in range(1, len(data) + 1):
        begin = end - depth - 1
        row = get(data[begin:end])
        while row is None:
            begin += 1
            row = get(data[begin:end])
        depth = end - begin
        if row >= 0:
            found.append(row)
    return Counter(found)


def _rows_by_count(counts: Mapping[int, int]) -> dict[int, list[int]]:
    """Feature rows grouped by how often they occur."""
    groups: dict[int, list[int]] = {}
    for row, count in counts.items():
        groups.setdefault(count, []).append(row)
    return groups


def _softmax(scores: Sequence[float], scale: float) -> list[float]:
    """Probabilities from scores scaled by 1/sqrt(bytes), as py3langid calibrates them."""
    scaled = [score * scale for score in scores]
    top = max(scaled)
    powers = [math.exp(score - top) for score in scaled]
    total = sum(powers)
    return [power / total for power in powers]


def _alias_pairs(classes: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """(first, repeat) columns of a language the model has twice (py3langid's sr and uz)."""
    first: dict[str, int] = {}
    pairs = []
    for index, name in enumerate(classes):
        if name in first:
            pairs.append((first[name], index))
        else:
            first[name] = index
    return tuple(pairs)


def _fold_aliases(probabilities: list[float], pairs: Iterable[tuple[int, int]]) -> None:
    """Add a repeated column's probability to the language's first column, as py3langid does."""
    for kept, repeat in pairs:
        probabilities[kept] += probabilities[repeat]
        probabilities[repeat] = 0.0


# Where the file lives, and loading it.


def cache_dir(environ: Mapping[str, str]) -> Path | None:
    """$MAILBOT_CACHE_DIR, else $XDG_CACHE_HOME/mailbot (if absolute, as the XDG spec asks),
    else ~/.cache/mailbot; None for a user with no home (a container's bare UID)."""
    explicit = environ.get("MAILBOT_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    xdg = environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return Path(xdg) / "mailbot"
    home = environ.get("HOME")
    if not home:
        try:
            home = str(Path.home())
        except (RuntimeError, KeyError):  # no $HOME and no passwd entry
            return None
    return Path(home) / ".cache" / "mailbot"


def model_file_name(candidates: Sequence[str], version: str) -> str:
    """A name that changes with the file format, py3langid's version and the languages."""
    digest = f"{zlib.crc32(','.join(candidates).encode()):08x}"
    safe_version = re.sub(r"[^0-9A-Za-z.]+", "_", version)
    return f"langid-v{FORMAT_VERSION}-py3langid-{safe_version}-{digest}.bin"


def build_in_subprocess(path: Path, candidates: Sequence[str]) -> None:
    """Run the builder in a child process, so numpy and its 130 MB peak never enter ours."""
    command = [sys.executable, "-m", _BUILDER, "build", str(path)]
    command += ["--languages", ",".join(candidates)]
    try:
        subprocess.run(
            command, check=True, capture_output=True, timeout=_BUILD_TIMEOUT, env=_child_env()
        )
    except subprocess.CalledProcessError as error:
        detail = error.stderr.decode(errors="replace").strip().splitlines()[-1:]
        raise LanguageModelError(f"building {path} failed: {' '.join(detail)}") from error
    except subprocess.TimeoutExpired as error:
        raise LanguageModelError(f"building {path} took over {_BUILD_TIMEOUT:.0f} s") from error


def _child_env() -> dict[str, str]:
    """Our environment, with this checkout first on PYTHONPATH so the child imports the same
    mailbot, installed or not."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])
    inherited = env.get("PYTHONPATH")
    env["PYTHONPATH"] = f"{root}{os.pathsep}{inherited}" if inherited else root
    return env


def load_identifier(
    candidates: Sequence[str],
    environ: Mapping[str, str] | None = None,
    build: Build = build_in_subprocess,
) -> CompactIdentifier:
    """The identifier from the cache file, built first if it is missing. Where the cache
    directory is not writable, the file is built in a temporary one, removed once read."""
    directory = cache_dir(os.environ if environ is None else environ)
    if directory is not None and _writable(directory):
        return _load_or_build(directory, candidates, build)
    fallback = Path(tempfile.mkdtemp(prefix="mailbot-langid-"))
    log.warning(
        "cache directory %s is not writable: the language model is built in %s, and again at "
        "every start (set MAILBOT_CACHE_DIR to keep it)",
        directory,
        fallback,
    )
    try:
        return _load_or_build(fallback, candidates, build)
    finally:
        shutil.rmtree(fallback, ignore_errors=True)


def _load_or_build(directory: Path, candidates: Sequence[str], build: Build) -> CompactIdentifier:
    """Read the file, built first if it is missing. A file that cannot be read is built again
    once; if that does not help either, the error says why."""
    version = py3langid_version()
    path = directory / model_file_name(candidates, version)
    if not path.exists():
        _build_logged(build, path, candidates)
    try:
        return read_model(path, candidates, version)
    except CorruptModelFile as error:
        log.warning("language model %s is unreadable (%s): building it again", path, error)
    _build_logged(build, path, candidates)
    try:
        return read_model(path, candidates, version)
    except CorruptModelFile as error:
        raise LanguageModelError(f"{path} is unreadable even after a rebuild: {error}") from error


def py3langid_version() -> str:
    """The installed py3langid's version, read without importing it (it imports numpy)."""
    try:
        return metadata.version("py3langid")
    except metadata.PackageNotFoundError as error:
        raise LanguageModelError("py3langid is not installed: no language model") from error


def _writable(directory: Path) -> bool:
    """Whether we can create ``directory`` and files in it (tried, not guessed from modes)."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=directory):
            pass
    except OSError as error:
        log.debug("cannot write to %s: %s", directory, error)
        return False
    return True


def _build_logged(build: Build, path: Path, candidates: Sequence[str]) -> None:
    """Build, saying so: it happens once per py3langid version and takes a few seconds."""
    _remove_abandoned(path)
    log.info("building the compact language model %s from py3langid's (once)", path)
    started = time.monotonic()
    build(path, candidates)
    log.info("built the language model in %.1f s", time.monotonic() - started)


def _remove_abandoned(path: Path, now: float | None = None) -> None:
    """Temporary files of builds killed part-way (12 MB each), once an hour old: a build
    takes seconds, so an older one is nobody's work in progress."""
    cutoff = (time.time() if now is None else now) - _ABANDONED_AFTER
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        try:
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()
        except OSError as error:  # gone already, or not ours to remove
            log.debug("cannot remove %s: %s", leftover, error)


# Reading the file.

_COUNTS = ("states", "label_bytes", "max_label", "rows", "scale", "crc32")


@dataclass(frozen=True)
class _Sections:
    """The parts of a model file, as read."""

    lengths: bytes
    labels: bytes
    rows: array[int]
    ptc: bytes
    pc: array[float]


def read_model(path: Path, candidates: Sequence[str], version: str) -> CompactIdentifier:
    """The identifier in ``path``; CorruptModelFile unless the file is whole and ours."""
    try:
        with path.open("rb") as handle:
            header = _read_header(handle)
            _check_header(header, candidates, version)
            sections = _read_sections(handle, header)
    except (OSError, EOFError, ValueError, TypeError) as error:
        raise CorruptModelFile(f"{path}: {error}") from error
    classes = header["classes"]
    ptc = PackedRows.create(sections.ptc, len(classes), header)
    return CompactIdentifier(classes, _label_table(header, sections), ptc, sections.pc.tolist())


def _read_header(handle: BinaryIO) -> dict[str, Any]:
    """The JSON header after the magic bytes and its size."""
    if handle.read(len(MAGIC)) != MAGIC:
        raise CorruptModelFile("not a mailbot language model")
    (size,) = struct.unpack("<I", _read_exact(handle, 4))
    if size > _MAX_HEADER:
        raise CorruptModelFile(f"header of {size} bytes")
    header = json.loads(_read_exact(handle, size))
    if not isinstance(header, dict):
        raise CorruptModelFile("header is not a JSON object")
    return header


def _check_header(header: Mapping[str, Any], candidates: Sequence[str], version: str) -> None:
    """The header is this format's, for these languages, and its numbers are numbers."""
    expected = {"format": FORMAT_VERSION, "py3langid": version, "candidates": list(candidates)}
    for key, value in expected.items():
        if header.get(key) != value:
            raise CorruptModelFile(f"header {key} is {header.get(key)!r}, not {value!r}")
    for key in _COUNTS:
        if not isinstance(header.get(key), int) or header[key] < 0:
            raise CorruptModelFile(f"header {key} is {header.get(key)!r}")
    if header.get("field_bytes") not in FIELD_CODES or not isinstance(header.get("low"), int):
        raise CorruptModelFile("header field_bytes or low is missing")
    classes = header.get("classes")
    if not isinstance(classes, list) or not classes or not set(classes) <= set(candidates):
        raise CorruptModelFile(f"header classes are {classes!r}")


def _read_sections(handle: BinaryIO, header: Mapping[str, Any]) -> _Sections:
    """The parts, after checking that the file has exactly the size the header announces
    (so that a damaged count cannot make us allocate gigabytes)."""
    states, width = header["states"], len(header["classes"])
    ptc_size = header["rows"] * width * header["field_bytes"]
    expected = handle.tell() + 5 * states + header["label_bytes"] + ptc_size + 4 * width
    size = os.fstat(handle.fileno()).st_size
    if size != expected:
        raise CorruptModelFile(f"{size} bytes where the header announces {expected}")
    sections = _Sections(
        lengths=_read_exact(handle, states),
        labels=_read_exact(handle, header["label_bytes"]),
        rows=_read_array(handle, "i", states),
        ptc=_read_exact(handle, ptc_size),
        pc=_read_array(handle, "f", width),
    )
    parts = (sections.lengths, sections.labels, sections.rows, sections.ptc, sections.pc)
    if checksum(parts) != header["crc32"]:
        raise CorruptModelFile("checksum mismatch")
    if sys.byteorder == "big":
        sections.rows.byteswap()
        sections.pc.byteswap()
    return sections


def _read_exact(handle: BinaryIO, size: int) -> bytes:
    """``size`` bytes, or CorruptModelFile."""
    data = handle.read(size)
    if len(data) != size:
        raise CorruptModelFile(f"file ends {size - len(data)} bytes early")
    return data


def _read_array(handle: BinaryIO, typecode: str, count: int) -> array[Any]:
    """``count`` 4-byte numbers straight from the file (no intermediate bytes object)."""
    numbers = array(typecode)
    numbers.fromfile(handle, count)
    return numbers


def _label_table(header: Mapping[str, Any], sections: _Sections) -> dict[bytes, int]:
    """label -> feature row for every DFA state, after checking that the parts agree."""
    lengths, labels, rows = sections.lengths, sections.labels, sections.rows
    if sum(lengths) != len(labels) or max(lengths, default=0) != header["max_label"]:
        raise CorruptModelFile("label lengths do not add up")
    if rows and (min(rows) < -1 or max(rows) >= header["rows"]):
        raise CorruptModelFile("a feature row out of range")
    table: dict[bytes, int] = {}
    offset = 0
    for length, row in zip(lengths, rows, strict=True):
        table[labels[offset : offset + length]] = row
        offset += length
    if len(table) != len(lengths) or b"" not in table:
        raise CorruptModelFile("a label appears twice, or the root's is missing")
    return table


def checksum(parts: Iterable[bytes | array[Any]]) -> int:
    """The CRC-32 of the parts, in order."""
    crc = 0
    for part in parts:
        crc = zlib.crc32(part, crc)
    return crc
