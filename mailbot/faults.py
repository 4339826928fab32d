"""Failpoints: named places where a test may have the process kill itself (crash tests).

Off unless ``MAILBOT_FAILPOINTS`` names them, e.g. ``ingest.committed=5,deliver.recorded=2``:
the process sends itself SIGKILL on the 5th pass through ``ingest.committed``.
"""

from __future__ import annotations

import os
import signal
from collections import Counter
from collections.abc import Mapping


class Failpoints:
    """Counts passes through named points and kills the process at the configured one."""

    def __init__(self, targets: Mapping[str, int] | None = None) -> None:
        self.targets = dict(targets or {})
        self.passes: Counter[str] = Counter()

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Failpoints:
        spec = environ.get("MAILBOT_FAILPOINTS", "")
        targets: dict[str, int] = {}
        for item in filter(None, (part.strip() for part in spec.split(","))):
            name, _, count = item.partition("=")
            targets[name] = int(count or "1")
        return cls(targets)

    def hit(self, name: str) -> None:
        """Pass through a point; die here if this is the configured pass."""
        if not self.targets:
            return
        self.passes[name] += 1
        if self.targets.get(name) == self.passes[name]:
            os.kill(os.getpid(), signal.SIGKILL)
