"""Build the compact language model file that ``langmodel`` reads (run in a child process).

``python -m mailbot.classify.langbuild build PATH --languages en,de,…`` reads py3langid's model,
keeps our languages' columns, names every DFA state by its trie label, checks on every
transition that the labels reproduce the DFA's walk exactly, and writes the file atomically.
It needs numpy and peaks at about 150 MB, which is why the daemon runs it as a child: this
module is never imported by the daemon itself.
"""

from __future__ import annotations

import argparse
import json
import os
import struct
import tempfile
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mailbot.classify.langmodel import (
    FIELD_CODES,
    FORMAT_VERSION,
    MAGIC,
    checksum,
    py3langid_version,
)

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    _Ints = npt.NDArray[np.int64]

_CHUNK = 4096  # DFA states per numpy step: 4 MB of transitions at a time
_MODULE = "mailbot.classify.langbuild"


@dataclass(frozen=True)
class _Moves:
    """py3langid's DFA: distinct 256-entry rows of next states, and each state's row."""

    table: npt.NDArray[np.uint32]
    row_of: _Ints

    @property
    def states(self) -> int:
        return len(self.row_of)

    def targets(self, states: _Ints) -> _Ints:
        """The next state of each given state for each byte: shape (states, 256)."""
        return self.table[self.row_of[states]].astype("int64")

    def step(self, states: _Ints, letters: _Ints) -> _Ints:
        """The next state of each given state on its own byte."""
        return self.table[self.row_of[states], letters].astype("int64")


@dataclass(frozen=True)
class _Trie:
    """The DFA states as a trie: each state's parent, last byte and depth (label length)."""

    parent: _Ints
    byte: _Ints
    depth: _Ints
    levels: list[_Ints]


def build_model(path: Path, candidates: Sequence[str]) -> None:
    """Read py3langid's model, keep our languages' columns, name every DFA state by its trie
    label, check that the labels reproduce the walk exactly, and write the file atomically."""
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE  # type: ignore[import-untyped]
    from py3langid.modelio import load_model  # type: ignore[import-untyped]

    ptc, pc, classes, nextmove, row_of, out = load_model(MODEL_DIR / MODEL_FILE)
    columns = _candidate_columns(classes, candidates)
    lengths, labels = _dfa_labels(nextmove, row_of)
    del nextmove, row_of  # 40 MB less for what follows
    rows, used = _renumber(np.asarray(out, dtype="int64"))
    packed, packing = _pack(np.asarray(ptc)[np.ix_(used, np.asarray(columns))].astype("float64"))
    parts = [
        lengths.astype("u1").tobytes(),
        labels,
        rows.astype("<i4").tobytes(),
        packed,
        np.asarray(pc)[columns].astype("<f4").tobytes(),
    ]
    header = {
        "format": FORMAT_VERSION,
        "py3langid": py3langid_version(),
        "candidates": list(candidates),
        "classes": [classes[column] for column in columns],
        "states": len(lengths),
        "label_bytes": len(labels),
        "max_label": int(lengths.max()),
        "rows": len(used),
        **packing,
        "crc32": checksum(parts),
    }
    _write_atomically(path, [*_header_bytes(header), *parts])


def _dfa_labels(nextmove: array[int], row_of: array[int]) -> tuple[_Ints, bytes]:
    """Each DFA state's label length and the labels concatenated, once they are proven to
    stand for the states."""
    import numpy as np

    moves = _Moves(np.asarray(nextmove).reshape(-1, 256), np.asarray(row_of).astype("int64"))
    trie = _label_states(moves)
    _check_aho_corasick(moves, trie)
    return _labels(trie)


def _renumber(features: _Ints) -> tuple[_Ints, _Ints]:
    """Each state's feature as a row of the features some state uses, and those features."""
    import numpy as np

    used = np.unique(features[features >= 0])
    return np.where(features >= 0, np.searchsorted(used, features), -1), used


def _pack(ptc: npt.NDArray[np.float64]) -> tuple[bytes, dict[str, int]]:
    """The rows as PackedRows fields: the smallest scale that keeps every value exact (the
    model stores float16, so 2**24 always does), and the narrowest field that holds a sum of
    all rows, which is more than any text can have."""
    import numpy as np

    if not np.isfinite(ptc).all():
        raise ValueError("py3langid's model has infinite log-probabilities")
    scale = _exact_scale(ptc)
    fixed = (ptc * 2.0**scale).astype("int64")
    low = int(fixed.min())
    bits = int(fixed.max() - low).bit_length() + len(ptc).bit_length()
    wide_enough = [size for size in FIELD_CODES if size * 8 >= bits]
    if not wide_enough:
        raise ValueError(f"fields of {bits} bits do not fit the file format")
    field_bytes = min(wide_enough)
    packed = (fixed - low).astype(f"<u{field_bytes}").tobytes()
    return packed, {"scale": scale, "low": low, "field_bytes": field_bytes}


def _exact_scale(values: npt.NDArray[np.float64]) -> int:
    """The smallest s for which every value × 2**s is a whole number."""
    import numpy as np

    for scale in range(64):
        scaled = values * 2.0**scale
        if (scaled == np.round(scaled)).all():
            return scale
    raise ValueError("py3langid's log-probabilities are not fixed-point numbers")


def _candidate_columns(classes: Sequence[str], candidates: Sequence[str]) -> list[int]:
    """Our languages' columns in the model's order, as ``set_languages`` keeps them."""
    unknown = set(candidates) - set(classes)
    if unknown:
        raise ValueError(f"py3langid has no model for {sorted(unknown)}")
    return [index for index, name in enumerate(classes) if name in set(candidates)]


def _label_states(moves: _Moves) -> _Trie:
    """Breadth-first from state 0, a level at a time: the first (state, byte) reaching a new
    state is its trie parent, so its label is its parent's plus that byte."""
    import numpy as np

    trie = _Trie(
        parent=np.full(moves.states, -1, dtype="int64"),
        byte=np.zeros(moves.states, dtype="int64"),
        depth=np.full(moves.states, -1, dtype="int64"),
        levels=[np.zeros(1, dtype="int64")],
    )
    trie.depth[0] = 0
    while trie.levels[-1].size:
        found = [_discover(moves, sources, trie) for sources in _chunks(trie.levels[-1])]
        trie.levels.append(np.concatenate(found))
    trie.levels.pop()
    unreached = int((trie.depth < 0).sum())
    if unreached:
        raise ValueError(f"{unreached} DFA states cannot be reached from state 0")
    return trie


def _discover(moves: _Moves, sources: _Ints, trie: _Trie) -> _Ints:
    """The states first reached from ``sources`` (one level of the search), recorded in
    ``trie``; of several ways in, the first source and byte win."""
    import numpy as np

    targets = moves.targets(sources)
    source_at, byte_at = np.nonzero(trie.depth[targets] < 0)
    new, first = np.unique(targets[source_at, byte_at], return_index=True)
    trie.parent[new] = sources[source_at[first]]
    trie.byte[new] = byte_at[first]
    trie.depth[new] = len(trie.levels)
    return new


def _check_aho_corasick(moves: _Moves, trie: _Trie) -> None:
    """Check every transition: δ(s, b) is s's trie child by b if there is one, else
    δ(fail(s), b), and the root's own state otherwise. That is the Aho–Corasick automaton of
    the labels, whose state after any text is the longest suffix of it that is a label: the
    walk in ``_feature_counts``."""
    import numpy as np

    fail = _failure_links(moves, trie)
    every_byte = np.arange(256)
    for sources in _chunks(np.arange(moves.states)):
        targets = moves.targets(sources)
        child = (trie.parent[targets] == sources[:, None]) & (trie.byte[targets] == every_byte)
        fallback = moves.targets(fail[sources])
        fallback[sources == 0] = 0
        if not (child | (targets == fallback)).all():
            raise ValueError("py3langid's DFA is not the Aho–Corasick automaton of its labels")


def _failure_links(moves: _Moves, trie: _Trie) -> _Ints:
    """fail(c) of a state c = child(p, b): the root at depth 1, else δ(fail(p), b)."""
    import numpy as np

    fail = np.zeros(moves.states, dtype="int64")
    for states in trie.levels[2:]:
        fail[states] = moves.step(fail[trie.parent[states]], trie.byte[states])
    return fail


def _labels(trie: _Trie) -> tuple[_Ints, bytes]:
    """Each state's label length, and all labels concatenated in state order."""
    import numpy as np

    width = len(trie.levels) - 1
    if width > 255:
        raise ValueError(f"labels of {width} bytes do not fit the file format")
    matrix = np.zeros((len(trie.depth), width), dtype="u1")
    for level, states in enumerate(trie.levels[1:]):
        matrix[states] = matrix[trie.parent[states]]
        matrix[states, level] = trie.byte[states]
    return trie.depth, matrix[np.arange(width) < trie.depth[:, None]].tobytes()


def _chunks(states: _Ints) -> Iterator[_Ints]:
    """``states`` in slices small enough for their 256 transitions each to be cheap."""
    for start in range(0, len(states), _CHUNK):
        yield states[start : start + _CHUNK]


def _header_bytes(header: Mapping[str, Any]) -> list[bytes]:
    """Magic, size and JSON of the header."""
    encoded = json.dumps(header, sort_keys=True).encode()
    return [MAGIC, struct.pack("<I", len(encoded)), encoded]


def _write_atomically(path: Path, parts: Iterable[bytes]) -> None:
    """Write beside ``path`` and rename over it: a reader, or a second daemon building at the
    same time, sees the old file or the whole new one, never half of one."""
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            for part in parts:
                handle.write(part)
            handle.flush()
            os.fsync(handle.fileno())
            os.fchmod(handle.fileno(), 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def main(argv: Sequence[str] | None = None) -> None:
    """``build PATH --languages en,de,…``: write the compact model (the daemon runs this)."""
    parser = argparse.ArgumentParser(prog=f"python -m {_MODULE}", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="write the compact model file to PATH")
    build.add_argument("path", type=Path)
    build.add_argument("--languages", required=True, help="comma-separated ISO 639-1 codes")
    arguments = parser.parse_args(argv)
    build_model(arguments.path, arguments.languages.split(","))


if __name__ == "__main__":
    main()
