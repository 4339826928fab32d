"""Classifier benchmark: messages per second over the shared corpus, on one core.

Two figures: classification alone (every message parsed once beforehand) and parsing plus
classification from the raw bytes. Each figure repeats whole passes over the corpus until at
least ``--seconds`` of work is done, in several rounds, and prints the best and the median
round. Rates are per second of this process's CPU time (``time.process_time``): the work is
single-threaded, so that is the rate of one core, and other load on a shared machine does not
count against it. Wall-clock rates are printed beside them.

Usage, from the repository root:

    /work/venv/bin/python bench/classify.py [--corpus DIR] [--seconds 2] [--rounds 5] [--json]

The corpus defaults to ``../shared/corpus`` beside the repository ($MAILBOT_CORPUS overrides).
The language model is loaded before timing starts (it loads once per process, about 0.8 s).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mailbot.classify import classify
from mailbot.mail.parse import parse_message

_SKIPPED = {"MANIFEST.tsv", "README.md"}


def corpus_dir() -> Path:
    """The shared corpus: $MAILBOT_CORPUS, else ``shared/corpus`` beside the repository."""
    override = os.environ.get("MAILBOT_CORPUS")
    return Path(override) if override else Path(__file__).resolve().parents[2] / "shared/corpus"


def load(corpus: Path) -> list[bytes]:
    """Every message file of the corpus, licence texts left out."""
    files = sorted(
        path
        for path in corpus.rglob("*")
        if path.is_file() and path.name not in _SKIPPED and "LICENSES" not in path.parts
    )
    return [path.read_bytes() for path in files]


def rate(work: Callable[[], int], seconds: float, rounds: int) -> dict[str, float]:
    """Best and median messages/s (CPU and wall) over rounds of at least ``seconds`` CPU."""
    cpu_rates, wall_rates = [], []
    for _ in range(rounds):
        done = 0
        cpu_start, wall_start = time.process_time(), time.perf_counter()
        while (cpu := time.process_time() - cpu_start) < seconds:
            done += work()
        cpu_rates.append(done / cpu)
        wall_rates.append(done / (time.perf_counter() - wall_start))
    return {
        "best": max(cpu_rates),
        "median": statistics.median(cpu_rates),
        "wall_best": max(wall_rates),
        "wall_median": statistics.median(wall_rates),
    }


def main() -> int:
    """Time both figures and print them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=corpus_dir())
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 1
    raws = load(args.corpus)
    messages = [parse_message(raw) for raw in raws]
    for message in messages:  # warm up: language model, compiled lexicons
        classify(message)

    def classify_all() -> int:
        for message in messages:
            classify(message)
        return len(messages)

    def parse_and_classify_all() -> int:
        for raw in raws:
            classify(parse_message(raw))
        return len(raws)

    alone = rate(classify_all, args.seconds, args.rounds)
    parsed = rate(parse_and_classify_all, args.seconds, args.rounds)
    if args.json:
        figures = {"messages": len(raws), "classify": alone, "parse_and_classify": parsed}
        print(json.dumps(figures))
    else:
        print(f"corpus: {len(raws)} messages from {args.corpus}")
        for name, figure in (("classification alone", alone), ("parsing + classification", parsed)):
            wall = f"wall clock: best {figure['wall_best']:.0f}, median {figure['wall_median']:.0f}"
            print(
                f"{name:26s} best {figure['best']:6.0f} msg/s, "
                f"median {figure['median']:6.0f}  ({wall})"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
