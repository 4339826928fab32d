"""The pure core imports no I/O library: a subprocess proves it."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = [
    "mailbot.workflow.decide",
    "mailbot.classify.robots",
    "mailbot.classify.labels",
    "mailbot.mail.parse",
    "mailbot.mail.message",
    "mailbot.faults",
    "mailbot.staff.commands",
    "mailbot.tickets.states",
    "mailbot.tickets.verification",
    "mailbot.tickets.clock",
    "mailbot.tickets.ladder",
]
IO_LIBRARIES = ["sqlalchemy", "imapclient", "aiosmtplib", "jinja2", "alembic", "aiosmtpd"]


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_no_io_library(module: str) -> None:
    code = f"import sys, {module}; print(','.join(m for m in {IO_LIBRARIES!r} if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"{module} pulls in {out}"
