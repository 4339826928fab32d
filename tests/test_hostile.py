"""Hostile input, end to end: the whole MIME corpus, header injection, HTML and template text.

Every corpus file goes through Dovecot and the daemon and comes out recorded, with a rule and
a place (left, processed or quarantined with its reason). Requesters' names, subjects and
bodies crafted to break out of a header, an HTML part or a template reach the outgoing mail as
inert text.
"""

from __future__ import annotations

import base64
import os
import re
from email import message_from_string, policy
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path

import imapclient
import pytest
from sqlalchemy import select

from mailbot.classify import classify
from mailbot.classify.labels import CHANNELS, RIGHTS
from mailbot.mail.parse import parse_message
from mailbot.tickets.models import InboundMessageRow, OutboxMail, Ticket
from tests.servers import ImapAccount, ReceivedMessage, SmtpSink
from tests.support import (
    CORPUS,
    SUPPORT,
    Folders,
    make_app,
    run_once,
    settings_for,
)
from tests.test_fuzz import KINDS, PATHOLOGICAL, assert_safe_headers, assert_storable

STAFF = "dpo@example.co.uk"
OBJECTION = "Under Article 21 GDPR I object to the processing of my personal data."
ACCESS = "Under Article 15 GDPR I would like a copy of all personal data you hold about me."
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
IMG_ESCAPED = "&lt;img src=x onerror=alert(1)&gt;"
TEMPLATE_TRICKS = ("{{ 7*7 }}", "{% for x in range(3) %}x{% endfor %}", "{{ config }}")


def _corpus_root() -> Path | None:
    path = Path(os.environ.get("MAILBOT_CORPUS", CORPUS))
    return path if (path / "MANIFEST.tsv").is_file() else None


def _mime_files() -> list[str]:
    root = _corpus_root()
    if root is None:
        return []
    return sorted(str(p.relative_to(root)) for p in (root / "mime").rglob("*") if p.is_file())


MIME_FILES = _mime_files()


def _corpus_or_skip() -> Path:
    root = _corpus_root()
    if root is None:
        pytest.skip(f"shared corpus not found at {os.environ.get('MAILBOT_CORPUS', CORPUS)}")
    return root


# The corpus, pure


@pytest.mark.parametrize("relative", MIME_FILES or ["<no corpus>"])
def test_corpus_file_parses_and_classifies(relative: str) -> None:
    raw = (_corpus_or_skip() / relative).read_bytes()
    message = parse_message(raw)
    assert not any(note.startswith("parser failure") for note in message.notes), message.notes
    assert_storable(message)
    label = classify(message)
    assert label.kind in KINDS
    assert 0.0 <= label.confidence <= 1.0
    assert set(label.rights) <= set(RIGHTS) and set(label.opt_out) <= set(CHANNELS)


# The corpus, end to end


def _append_each(account: ImapAccount, raws: list[bytes]) -> tuple[list[int], list[int]]:
    """APPEND one by one: (UIDs, indexes of the messages the server refused)."""
    uids: list[int] = []
    refused: list[int] = []
    with imapclient.IMAPClient(account.host, port=account.port, ssl=False, timeout=30) as client:
        client.login(account.username, account.password)
        for index, raw in enumerate(raws):
            try:
                response = client.append("INBOX", raw)
            except imapclient.exceptions.IMAPClientError:
                refused.append(index)
                continue
            text = response.decode() if isinstance(response, bytes) else str(response)
            uids.append(int(text.split("APPENDUID", 1)[1].split()[1].rstrip("]")))
    return uids, refused


@pytest.mark.timeout(180)
async def test_every_mime_corpus_message_is_handled_or_quarantined(
    imap_account: ImapAccount, smtp_sink: SmtpSink, db_url: str
) -> None:
    root = _corpus_or_skip()
    raws = [(root / relative).read_bytes() for relative in MIME_FILES]
    uids, refused = _append_each(imap_account, raws)
    assert [MIME_FILES[i] for i in refused] == [], "Dovecot refused these corpus files"
    app = make_app(settings_for(imap_account, smtp_sink, db_url, staff={"addresses": [STAFF]}))

    summary = await run_once(app)

    assert summary.errors == []
    assert summary.fetched == len(uids)
    with app.sessions() as session:
        rows = list(session.scalars(select(InboundMessageRow)))
        outbox = list(session.scalars(select(OutboxMail)))
    assert sorted(row.uid for row in rows) == sorted(uids), "exactly one record per message"
    for row in rows:
        assert row.disposition and row.rule, (row.uid, row.disposition, row.rule)
        assert row.settled_at is not None, row.uid
        if row.settle_action == "quarantine" or row.disposition == "quarantined":
            assert row.settle_action == "quarantine" and row.reason.strip(), row.uid
    by_action = {
        action: {row.uid for row in rows if row.settle_action == action}
        for action in ("leave", "processed", "quarantine")
    }
    assert sum(map(len, by_action.values())) == len(rows), {row.settle_action for row in rows}
    folders = Folders(imap_account)
    assert set(folders.flags("INBOX")) == by_action["leave"], "INBOX holds only what was left"
    assert folders.count("Mailbot/Processed") == len(by_action["processed"])
    assert folders.count("Mailbot/Quarantine") == len(by_action["quarantine"])
    assert {mail.state for mail in outbox} <= {"sent"}
    for received in smtp_sink.messages:
        assert_safe_headers(received.data, received.rcpt_tos[0])


# Hostile shapes, end to end


def _plain(headers: str, body: bytes = b"Please erase my personal data.") -> bytes:
    return headers.replace("\n", "\r\n").encode("utf-8", "surrogatepass") + b"\r\n\r\n" + body


HOSTILE_BATCH = {
    **PATHOLOGICAL,
    "QP NUL in the body": _plain(
        "From: a@example.org\nContent-Transfer-Encoding: quoted-printable", b"erase=00 my data"
    ),
    "UTF-7 surrogate": _plain(
        "From: =?utf-7?Q?+3P8-?= <b@example.org>\nSubject: =?utf-7?Q?+3P8-?="
    ),
    "long Message-ID": _plain(f"From: c@example.org\nMessage-ID: <{'m' * 2000}@example.org>"),
    "long In-Reply-To": _plain(f"From: d@example.org\nIn-Reply-To: <{'r' * 1500}@x>"),
    "long address": _plain(f"From: {'e' * 400}@example.org"),
    "long content type": _plain(f"From: f@example.org\nContent-Type: text/{'x' * 300}"),
    "control character in the address": _plain("From: g\x01h@example.org"),
}


@pytest.mark.timeout(120)
async def test_hostile_shapes_are_recorded_on_every_backend(
    imap_account: ImapAccount, smtp_sink: SmtpSink, db_url: str
) -> None:
    names = list(HOSTILE_BATCH)
    uids, refused = _append_each(imap_account, list(HOSTILE_BATCH.values()))
    assert [names[i] for i in refused] == [], "Dovecot refused these"
    app = make_app(settings_for(imap_account, smtp_sink, db_url, staff={"addresses": [STAFF]}))

    summary = await run_once(app)

    assert summary.errors == [] and summary.fetched == len(uids)
    with app.sessions() as session:
        rows = list(session.scalars(select(InboundMessageRow)))
    assert sorted(row.uid for row in rows) == sorted(uids)
    assert [(row.uid, row.reason) for row in rows if row.disposition == "quarantined"] == []
    assert all(row.settled_at is not None and row.rule for row in rows)
    for received in smtp_sink.messages:
        assert_safe_headers(received.data, received.rcpt_tos[0])


# Header injection


def _b64_word(text: str) -> str:
    return "=?utf-8?b?" + base64.b64encode(text.encode()).decode() + "?="


def _raw(sender: str, subject: str, body: str, n: int, *, extra: str = "") -> bytes:
    return (
        f"From: {sender}\r\n"
        f"To: {SUPPORT}\r\n"
        f"Subject: {subject}\r\n"
        f"Date: Mon, 23 Nov 2026 09:{n:02d}:00 +0000\r\n"
        f"Message-ID: <hostile-{n}@example.org>\r\n"
        f"{extra}"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: 8bit\r\n"
        f"\r\n{body}\r\n"
    ).encode()


# (requester, raw message): each tries to smuggle a Bcc/Cc header into our reply to it.
INJECTIONS = [
    (
        "eve1@example.org",
        _raw(
            "=?utf-8?q?Eve=0D=0ABcc:_x@evil.example?= <eve1@example.org>",
            "=?utf-8?q?Objection=0D=0ABcc:_x@evil.example?=",
            OBJECTION,
            1,
        ),
    ),
    (
        "eve2@example.org",
        _raw(
            '"Eve\r\n Bcc: x@evil.example" <eve2@example.org>',
            "Objection\r\n Bcc: x@evil.example\r\n\tCc: y@evil.example",
            OBJECTION,
            2,
        ),
    ),
    (  # an encoded word that decodes to an encoded word; an internationalised address
        "jöe@example.org",
        _raw(
            _b64_word("=?utf-8?q?J=C3=B6e=0D=0ABcc:_x@evil.example?=") + " <jöe@example.org>",
            _b64_word("Objection =?utf-8?q?a=0D=0ABcc:_x@evil.example?="),
            OBJECTION,
            3,
        ),
    ),
    (
        "eve4@example.org",
        _raw(
            _b64_word("=?utf-8?q?Eve=0D=0ABcc:_x@evil.example?=") + " <eve4@example.org>",
            _b64_word("Access =?utf-8?q?a=0D=0ACc:_y@evil.example?= =?x?q?=0A?="),
            ACCESS,
            4,
        ),
    ),
    (
        "eve5@example.org",
        _raw(
            _b64_word("Eve\u2028Bcc: x\x00@evil.example\u0085Cc: y") + " <eve5@example.org>",
            _b64_word("Objection\u2028Bcc: x@evil.example\x00\rCc: y@evil.example"),
            OBJECTION,
            5,
        ),
    ),
    (
        "eve6@example.org",
        _raw(
            "Eve <eve6@example.org>",
            "Objection",
            OBJECTION,
            6,
            extra="Reply-To: =?utf-8?q?x=0D=0ABcc:_x@evil.example?= <eve6@example.org>\r\n",
        ),
    ),
]


def _parsed(mail: ReceivedMessage) -> EmailMessage:
    parsed = message_from_string(mail.data.decode("utf-8"), policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


async def test_crlf_in_names_and_subjects_never_reaches_an_outgoing_header(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    _append_each(imap_account, [raw for _, raw in INJECTIONS])
    app = make_app(settings_for(imap_account, smtp_sink, sqlite_url))

    summary = await run_once(app)

    assert summary.errors == [] and summary.fetched == len(INJECTIONS)
    requesters = [requester for requester, _ in INJECTIONS]
    with app.sessions() as session:
        assert sorted(session.scalars(select(Ticket.requester))) == sorted(requesters)
        rows = list(session.scalars(select(InboundMessageRow)))
    assert [row.reason for row in rows if row.disposition == "quarantined"] == []
    received = smtp_sink.messages
    assert {mail.rcpt_tos for mail in received} == {(r,) for r in requesters}
    for mail in received:
        assert_safe_headers(mail.data, mail.rcpt_tos[0])
        parsed = _parsed(mail)
        assert parsed["Bcc"] is None and parsed["Cc"] is None
        assert [a.addr_spec for a in parsed["To"].addresses] == list(mail.rcpt_tos)
        subject = str(parsed["Subject"])
        assert "\r" not in subject and "\n" not in subject and "\x00" not in subject


# HTML and template text from a requester


def _hostile_request() -> bytes:
    name = f"Eve {SCRIPT} {IMG} {TEMPLATE_TRICKS[0]}"
    subject = f"Objection {SCRIPT} {TEMPLATE_TRICKS[0]} {TEMPLATE_TRICKS[2]}"
    body = f"{OBJECTION}\n{SCRIPT}\n{IMG}\n" + "\n".join(TEMPLATE_TRICKS)
    return _raw(f"{_b64_word(name)} <eve@example.org>", _b64_word(subject), body, 10)


def _hostile_html_reply() -> bytes:
    """An HTML-only reply in the ticket's thread: markup, escaped markup, template text."""
    html = (
        "<html><head><script>alert(2)</script></head><body>"
        f"<p>More: &lt;script&gt;alert(1)&lt;/script&gt; {IMG}</p>"
        "<p>&lt;img src=x onerror=alert(1)&gt; <b onmouseover=alert(1)>bold</b></p>"
        f"<p>{'</p><p>'.join(TEMPLATE_TRICKS)}</p></body></html>"
    )
    return (
        "From: Eve <eve@example.org>\r\n"
        f"To: {SUPPORT}\r\n"
        "Subject: Re: my objection\r\n"
        "Message-ID: <hostile-11@example.org>\r\n"
        "In-Reply-To: <hostile-10@example.org>\r\n"
        "References: <hostile-10@example.org>\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/html; charset=utf-8\r\n"
        f"\r\n{html}\r\n"
    ).encode()


async def _hostile_thread(account: ImapAccount, sink: SmtpSink, db_url: str) -> list[EmailMessage]:
    """A hostile request, then a hostile HTML-only reply: every mail sent, parsed."""
    # The digest at midnight UTC, so it is due whatever the hour the test runs at (at 08:00
    # London, the default, it would not be before 8 in the morning).
    digest = {"time": "00:00", "timezone": "UTC"}
    app = make_app(settings_for(account, sink, db_url, staff={"addresses": [STAFF]}, digest=digest))
    _append_each(account, [_hostile_request()])
    first = await run_once(app)
    _append_each(account, [_hostile_html_reply()])
    second = await run_once(app)
    assert first.errors == second.errors == []
    with app.sessions() as session:
        rows = list(session.scalars(select(InboundMessageRow).order_by(InboundMessageRow.uid)))
        ticket = session.scalars(select(Ticket)).one()
    assert [(row.disposition, row.ticket_id) for row in rows] == [
        ("ticket", ticket.id),
        ("attached", ticket.id),
    ], [(row.disposition, row.rule, row.reason) for row in rows]
    return [_parsed(mail) for mail in sink.messages]


def _part(mail: EmailMessage, subtype: str) -> str:
    part = mail.get_body((subtype,))
    assert part is not None
    return str(part.get_content())  # type: ignore[attr-defined]


class _Tags(HTMLParser):
    """Every start tag and attribute name of an HTML document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)


def _tags(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


def _staff_mails(mails: list[EmailMessage]) -> dict[str, EmailMessage]:
    """Staff mail by event: ``New request``, ``New message`` and the ``digest``."""
    found = {}
    for mail in mails:
        if str(mail["To"]) == STAFF:
            subject = str(mail["Subject"])
            found["digest" if subject.startswith("Daily digest") else subject.split("] ")[1]] = mail
    return found


async def test_requester_html_reaches_staff_escaped(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    mails = await _hostile_thread(imap_account, smtp_sink, sqlite_url)

    to_staff = _staff_mails(mails)
    assert sorted(to_staff) == ["New message", "New request", "digest"]
    for mail in mails:
        found = _tags(_part(mail, "html"))
        assert not found.tags & {"script", "img", "iframe", "object", "embed", "svg"}, found.tags
        assert not {a for a in found.attributes if a.startswith("on")}, found.attributes
    for event, mail in to_staff.items():
        html = _part(mail, "html")
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, event  # name, subject, reply
        assert "&lt;img src=x onerror=alert(1)&gt;" in html, event
        assert "<script" not in html.lower() and "<img" not in html.lower(), event
    reply = _part(to_staff["New message"], "html")
    assert reply.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 3  # name, subject, text
    assert "alert(2)" not in reply  # the reply's own script element is dropped, not shown
    assert "onmouseover" not in reply and "<b " not in reply


async def test_template_syntax_from_a_requester_is_never_evaluated(
    imap_account: ImapAccount, smtp_sink: SmtpSink, sqlite_url: str
) -> None:
    mails = await _hostile_thread(imap_account, smtp_sink, sqlite_url)

    to_requester = [mail for mail in mails if str(mail["To"]).endswith("<eve@example.org>")]
    assert len(to_requester) == 1
    acknowledgement = to_requester[0]
    assert f"{TEMPLATE_TRICKS[0]} {TEMPLATE_TRICKS[2]}" in str(acknowledgement["Subject"])
    assert TEMPLATE_TRICKS[0] in str(acknowledgement["To"])
    for part in ("plain", "html"):
        assert f"{IMG_ESCAPED if part == 'html' else IMG} {TEMPLATE_TRICKS[0]}" in _part(
            acknowledgement, part
        )  # the name, in "Dear …"
    to_staff = _staff_mails(mails)
    for mail in to_staff.values():
        for part in ("plain", "html"):
            assert TEMPLATE_TRICKS[0] in _part(mail, part)
    for part in ("plain", "html"):  # the reply's text: every trick, verbatim
        text = _part(to_staff["New message"], part)
        assert all(trick in text for trick in TEMPLATE_TRICKS), text
    for mail in mails:
        for part in ("plain", "html"):
            text = _part(mail, part)
            assert not re.search(r"(alert\(1\)|&gt;|Objection|Eve)\s*49\b", text), text
            assert "xxx" not in text and "Config" not in text and "jinja2" not in text
