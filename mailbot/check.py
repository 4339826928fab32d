"""``mailbot check``: try the database, each IMAP mailbox and the SMTP server; say what fails."""

from __future__ import annotations

import asyncio

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from mailbot import db
from mailbot.config import ImapSettings, Settings
from mailbot.errors import DeliveryError, MailbotError, MailboxError
from mailbot.mail.imap import ImapConnection
from mailbot.mail.smtp import SmtpMailer


def run_checks(settings: Settings) -> bool:
    """Print one ok/FAIL line per check; True when everything passed."""
    results = [check_database(settings)]
    results += [
        check_imap(mailbox, len(settings.mailboxes) > 0) for mailbox in settings.all_mailboxes
    ]
    results.append(check_smtp(settings))
    return all(results)


def _report(ok: bool, what: str, detail: str) -> bool:
    print(f"{'ok  ' if ok else 'FAIL'} {what}: {detail}")
    return ok


def check_database(settings: Settings) -> bool:
    try:
        engine = db.make_engine(settings.database.url)
    except MailbotError as exc:
        return _report(False, "database", str(exc))
    try:
        with engine.connect() as connection:
            connection.execute(text("select 1"))
        revision = db.current_revision(engine)
    except SQLAlchemyError as exc:
        return _report(False, "database", f"{settings.database.url.split('@')[-1]}: {exc}")
    finally:
        engine.dispose()
    return _report(True, "database", f"reachable, schema revision {revision or '(not created)'}")


def check_imap(imap: ImapSettings, named: bool = False) -> bool:
    """Log in to one mailbox and select its folder; ``named`` labels it by its name."""
    label = f"imap {imap.mailbox_name}" if named else "imap"
    where = f"{imap.username}@{imap.host}:{imap.effective_port} ({imap.security})"
    connection = ImapConnection(imap)
    try:
        connection.connect()
        state = connection.select()
        missing = [
            f
            for f in (imap.processed_folder, imap.quarantine_folder)
            if not connection.client
            or not connection.client.folder_exists(connection.server_name(f))
        ]
    except MailboxError as exc:
        return _report(False, label, f"{where}: {exc}")
    finally:
        connection.close()
    note = f"; will create {', '.join(missing)}" if missing else ""
    idle = "IDLE" if connection.has_idle else "no IDLE (polling)"
    return _report(
        True,
        label,
        f"{where}: folder {imap.folder} has {state.exists} messages, {idle}{note}",
    )


def check_smtp(settings: Settings) -> bool:
    smtp = settings.smtp
    where = f"{smtp.host}:{smtp.effective_port} ({smtp.security})"

    async def attempt() -> None:
        mailer = SmtpMailer(smtp)
        try:
            await mailer.connect()
        finally:
            await mailer.close()

    try:
        asyncio.run(attempt())
    except DeliveryError as exc:
        return _report(False, "smtp", f"{where}: {exc}")
    login = f", logged in as {smtp.username}" if smtp.username else ""
    return _report(True, "smtp", f"{where}: connected{login}")
