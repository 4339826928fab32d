"""The ``mailbot`` command line against real servers: check, db, run --once, tickets, demo."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from mailbot import db
from mailbot.cli import main
from mailbot.tickets.models import Base
from tests.servers import DovecotServer, ImapAccount, SmtpSink
from tests.support import append, config_for, request_mail

ROOT = Path(__file__).resolve().parents[1]


def write_config(path: Path, config: dict[str, dict[str, object]]) -> str:
    lines = []
    for section, values in config.items():
        lines.append(f"[{section}]")
        lines.extend(f"{key} = {json.dumps(value)}" for key, value in values.items())
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def config_file(
    tmp_path: Path, imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> str:
    return write_config(tmp_path / "mailbot.toml", config_for(imap_account, smtp_sink, sqlite_url))


def test_run_once_then_list_and_show(
    config_file: str,
    imap_account: ImapAccount,
    smtp_sink: SmtpSink,
    capsys: pytest.CaptureFixture[str],
) -> None:
    append(imap_account, [request_mail(1), request_mail(2)])
    assert main(["--config", config_file, "run", "--once"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["tickets"], summary["sent"]) == (2, 2)

    assert main(["--config", config_file, "tickets", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [t["requester"] for t in listed] == ["person1@example.org", "person2@example.org"]
    first = listed[0]
    assert set(first) >= {
        "reference",
        "requester",
        "kind",
        "rights",
        "opt_out",
        "state",
        "received_at",
        "due_on",
    }
    assert first["kind"] == "rights_request" and first["state"] == "awaiting_verification"
    assert first["due_on"] is None and first["rights"] == ["access"] and first["opt_out"] == []

    assert main(["--config", config_file, "tickets", "list"]) == 0
    table = capsys.readouterr().out
    assert first["reference"] in table and "REFERENCE" in table

    assert main(["--config", config_file, "tickets", "show", first["reference"]]) == 0
    shown = capsys.readouterr().out
    assert "Subject access request 1" in shown and "verification_request" in shown
    assert "opened" in shown and "mail_sent" in shown

    assert main(["--config", config_file, "tickets", "show", "DSR-1999-00001"]) == 1
    assert "no ticket" in capsys.readouterr().err


def test_check_reports_each_server(
    tmp_path: Path,
    dovecot: DovecotServer,
    imap_account: ImapAccount,
    smtp_sink: SmtpSink,
    sqlite_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    good = config_for(imap_account, smtp_sink, sqlite_url)
    assert main(["--config", write_config(tmp_path / "good.toml", good), "check"]) == 0
    out = capsys.readouterr().out
    assert out.count("ok  ") == 4 and "FAIL" not in out

    cases = {
        "bad username or password": {"imap": {"password": "wrong"}},
        "does not exist": {"imap": {"folder": "Nope"}},
        "certificate not trusted": {
            "imap": {"security": "tls", "port": dovecot.tls_port, "host": "127.0.0.1"}
        },
        "cannot connect": {"smtp": {"port": 1}},
    }
    for expected, override in cases.items():
        config = config_for(imap_account, smtp_sink, sqlite_url, **override)
        path = write_config(tmp_path / "bad.toml", config)
        assert main(["--config", path, "check"]) == 1
        out = capsys.readouterr().out
        assert "FAIL" in out and expected in out, out


def test_check_tries_every_mailbox(
    tmp_path: Path,
    dovecot: DovecotServer,
    smtp_sink: SmtpSink,
    sqlite_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    support, info = dovecot.new_account(), dovecot.new_account()
    config = config_for(support, smtp_sink, sqlite_url)
    path = Path(write_config(tmp_path / "mailboxes.toml", config))
    with path.open("a", encoding="utf-8") as toml:
        for name, account, password in (
            ("support", support, support.password),
            ("info", info, "wrong"),
        ):
            toml.write(
                f'\n[[mailboxes]]\nname = "{name}"\nusername = "{account.username}"\n'
                f'password = "{password}"\n'
            )
    assert main(["--config", str(path), "check"]) == 1
    out = capsys.readouterr().out
    assert "ok   imap support:" in out
    assert "FAIL imap info:" in out and "bad username or password" in out


def test_check_reports_a_bad_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("[imap]\nsecurity = 'maybe'\n")
    assert main(["--config", str(path), "check"]) == 1
    assert "imap.security must be one of" in capsys.readouterr().out


def test_secrets_stay_out_of_the_output(
    config_file: str, imap_account: ImapAccount, capsys: pytest.CaptureFixture[str]
) -> None:
    append(imap_account, [request_mail(1)])
    main(["--config", config_file, "check"])
    main(["--config", config_file, "run", "--once"])
    captured = capsys.readouterr()
    assert imap_account.password not in captured.out + captured.err


def test_db_upgrade_and_migrations_match_the_models(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "db.toml"
    path.write_text(f"[database]\nurl = {json.dumps(db_url)}\n")
    assert main(["--config", str(path), "db", "upgrade"]) == 0
    assert "revision 0005" in capsys.readouterr().out
    assert main(["--config", str(path), "db", "upgrade"]) == 0, "upgrading twice is harmless"
    engine = db.make_engine(db_url)
    try:
        with engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        assert diff == [], f"models and migrations differ: {diff}"
    finally:
        engine.dispose()


def test_an_up_to_date_schema_is_not_upgraded_again(db_url: str) -> None:
    """Starting on a current database costs no Alembic import (about 11 MB, 0.2 s)."""
    engine = db.make_engine(db_url)
    db.upgrade(engine)
    engine.dispose()
    code = (
        "import sys; from mailbot import db\n"
        f"engine = db.make_engine({db_url!r}); db.upgrade(engine); engine.dispose()\n"
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.strip()
    assert out == "False"


def test_second_daemon_on_the_same_sqlite_file_is_refused(
    config_file: str, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = db.make_engine(sqlite_url)
    try:
        with db.exclusive_sqlite_lock(engine):
            assert main(["--config", config_file, "run", "--once"]) == 1
            assert "another mailbot process" in capsys.readouterr().err
    finally:
        engine.dispose()


def test_demo_runs_end_to_end(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mailbot", "demo"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "opened 3 tickets" in out and "sent 7 mails" in out
    assert "to dpo@demo.example             Daily digest" in out
    assert re.search(r"\[DSR-\d{4}-00001\] Please confirm your request", out)
    assert "Bitte bestätigen Sie Ihre Anfrage" in out, "the German request is answered in German"
    assert "Your marketing opt-out is confirmed" in out
    assert "Thank you, your request is confirmed" in out
    assert "in_progress" in out and "recognised by its Message-ID" in out
    # The DPO closes the ticket by email: the outcome and their words reach the requester.
    assert re.search(r"DSR-\d{4}-00001  completed", out)
    assert re.search(r"\[DSR-\d{4}-00001\] Re: Subject access request", out)
    assert re.search(r"to dpo@demo.example +\[DSR-\d{4}-00001\] Done", out)
    assert not list(tmp_path.iterdir()), "the demo leaves nothing behind"


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        # ICO's example: received 3 September, due 3 October (a Saturday in 2026 → Monday 5th)
        ("2026-09-03", {"received_on": "2026-09-03", "due_on": "2026-10-05"}),
        # 1 Feb: statutory 1 Mar 2026 is a Sunday → 2 Mar; the 30-day target (3 Mar) is later
        (
            "2026-02-01",
            {
                "due_on": "2026-03-02",
                "target_on": "2026-03-03",
                "effective_due_on": "2026-03-02",
                "extended_due_on": "2026-05-01",
            },
        ),
        # 23:30 UTC on 30 June is 00:30 BST on 1 July: received on 1 July
        ("2026-06-30T23:30:00Z", {"received_on": "2026-07-01", "due_on": "2026-08-03"}),
    ],
)
def test_deadline_command(
    when: str,
    expected: dict[str, str],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["deadline", when, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {
        "received_on",
        "due_on",
        "extended_due_on",
        "target_on",
        "effective_due_on",
    }
    assert {key: report[key] for key in expected} == expected
    assert main(["deadline", when]) == 0
    assert "due_on" in capsys.readouterr().out


def test_deadline_command_rejects_nonsense(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "next tuesday"]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_upgrade_from_the_first_schema_keeps_the_data(db_url: str) -> None:
    """0001 → head on a database that already holds a ticket and a mail."""
    from datetime import UTC, datetime

    from sqlalchemy import text

    engine = db.make_engine(db_url)
    try:
        db.upgrade(engine, "0001")
        now = datetime(2026, 9, 3, 9, 0, tzinfo=UTC).replace(tzinfo=None)
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO tickets (reference, kind, rights, opt_out, requester, "
                    "requester_name, language, state, subject, received_at, evidence, "
                    "created_at, updated_at) VALUES ('DSR-2026-00001', 'rights_request', '[]', "
                    "'[]', 'a@example.org', '', 'en', 'new', 's', :now, '[]', :now, :now)"
                ),
                {"now": now},
            )
        db.upgrade(engine)
        assert db.current_revision(engine) == "0005"
        with engine.connect() as connection:
            row = connection.execute(
                text("SELECT reference, verification_attempts, on_behalf FROM tickets")
            ).one()
        assert row[0] == "DSR-2026-00001" and row[1] == 0 and not row[2]
    finally:
        engine.dispose()


def test_classify_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    samples = ROOT / "config" / "demo" / "mail"
    files = [str(samples / "01-access-request.eml"), str(samples / "04-out-of-office.eml")]
    assert main(["classify", "--json", *files]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["file"] for r in rows] == files
    assert rows[0]["kind"] == "rights_request" and rows[0]["rights"] == ["access"]
    assert rows[1]["kind"] == "auto_reply" and rows[1]["evidence"]
    assert set(rows[0]) >= {
        "file",
        "kind",
        "rights",
        "opt_out",
        "language",
        "confidence",
        "evidence",
    }
    assert main(["classify", files[0]]) == 0
    table = capsys.readouterr().out
    assert "rights_request" in table and "access" in table
    assert main(["classify", str(tmp_path / "missing.eml")]) == 1


def test_classify_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    raw = b"From: a@example.org\r\nSubject: stop calling me\r\n\r\nPlease stop calling me.\r\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw)))
    assert main(["classify", "--json", "-"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["file"] == "-" and row["kind"] == "opt_out" and "phone" in row["opt_out"]
