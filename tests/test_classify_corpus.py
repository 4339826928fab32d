"""The classifier scored against the shared third-party corpus and its MANIFEST.tsv labels.

Run as a script (``python -m tests.test_classify_corpus``) to print the scores and the
kind × kind confusion matrix.
"""

from __future__ import annotations

import csv
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from mailbot.classify import classify
from mailbot.mail.parse import parse_message

KINDS = ("rights_request", "opt_out", "auto_reply", "bounce", "other")
ROBOTS = ("auto_reply", "bounce")


def corpus_dir() -> Path:
    """$MAILBOT_CORPUS, else ``shared/corpus`` beside the repository."""
    override = os.environ.get("MAILBOT_CORPUS")
    return Path(override) if override else Path(__file__).resolve().parents[2] / "shared/corpus"


@dataclass
class CorpusScore:
    """Counts from one pass over the corpus."""

    rows: int = 0
    kind_correct: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    robots_as_requests: list[str] = field(default_factory=list)
    mistakes: list[str] = field(default_factory=list)

    @property
    def kind_accuracy(self) -> float:
        return self.kind_correct / self.rows if self.rows else 0.0

    @property
    def rights_f1(self) -> float:
        """Micro-averaged F1 of the rights over the rows labelled rights_request."""
        found = self.true_positive + self.false_positive
        wanted = self.true_positive + self.false_negative
        if not found or not wanted:
            return 0.0
        precision, recall = self.true_positive / found, self.true_positive / wanted
        return 2 * precision * recall / (precision + recall)


def score_corpus(corpus: Path) -> CorpusScore:
    """Classify every labelled file of the corpus and count against MANIFEST.tsv."""
    score = CorpusScore()
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8", newline="") as manifest:
        rows = [row for row in csv.DictReader(manifest, delimiter="\t") if row["kind"]]
    for row in rows:
        result = classify(parse_message((corpus / row["path"]).read_bytes()))
        gold, got = row["kind"], result.kind
        score.rows += 1
        score.kind_correct += gold == got
        score.confusion[(gold, got)] += 1
        if gold != got:
            score.mistakes.append(f"{row['path']}: {gold} -> {got} {result.evidence[:1]}")
        if gold in ROBOTS and got in ("rights_request", "opt_out"):
            score.robots_as_requests.append(row["path"])
        if gold == "rights_request":
            wanted = set(filter(None, row["rights"].split(",")))
            found = set(result.rights)
            score.true_positive += len(wanted & found)
            score.false_positive += len(found - wanted)
            score.false_negative += len(wanted - found)
    return score


def confusion_matrix(score: CorpusScore) -> str:
    """The kind × kind confusion matrix as a plain-text table (rows: label, columns: result)."""
    width = max(map(len, KINDS)) + 2
    lines = ["label \\ result".ljust(width) + "".join(kind.rjust(width) for kind in KINDS)]
    for gold in KINDS:
        cells = "".join(str(score.confusion[(gold, got)]).rjust(width) for got in KINDS)
        lines.append(gold.ljust(width) + cells)
    return "\n".join(lines)


def report(score: CorpusScore) -> str:
    """Scores, the matrix and the mislabelled files, for a note or the test output."""
    return "\n".join(
        [
            f"{score.rows} labelled files: kind accuracy {score.kind_accuracy:.4f}, "
            f"rights micro-F1 {score.rights_f1:.4f}",
            confusion_matrix(score),
            *score.mistakes,
        ]
    )


@pytest.fixture(scope="module")
def score() -> CorpusScore:
    corpus = corpus_dir()
    if not (corpus / "MANIFEST.tsv").is_file():
        pytest.skip(f"no corpus at {corpus}")
    return score_corpus(corpus)


def test_kind_accuracy(score: CorpusScore, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        print("\n" + report(score))
    assert score.kind_accuracy >= 0.97


def test_rights_micro_f1(score: CorpusScore) -> None:
    assert score.rights_f1 >= 0.90


def test_no_robot_is_labelled_a_request(score: CorpusScore) -> None:
    assert score.robots_as_requests == []


def test_every_request_letter_is_a_request(score: CorpusScore) -> None:
    assert score.confusion[("rights_request", "rights_request")] == sum(
        score.confusion[("rights_request", got)] for got in KINDS
    )


if __name__ == "__main__":
    print(report(score_corpus(corpus_dir())))
