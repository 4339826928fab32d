"""Property tests (hypothesis) over the pure functions that meet hostile input first.

``parse_message`` and ``classify`` take arbitrary bytes and mutated MIME without raising and
return values the database and the workflow can use; ``compose_mail`` never lets a name, a
subject or a reference out of its header. Derandomized: CI runs the same examples every time.
"""

from __future__ import annotations

import base64
import quopri
import re
from datetime import UTC, datetime
from email import message_from_string, policy
from email.message import EmailMessage
from typing import get_args

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mailbot.classify import classify
from mailbot.classify.labels import CHANNELS, RIGHTS, Kind
from mailbot.mail.compose import Envelope, compose_mail, header_text
from mailbot.mail.message import Attachment, InboundMessage
from mailbot.mail.parse import parse_message
from mailbot.mail.render import RenderedMail
from mailbot.tickets.models import InboundMessageRow

KINDS = frozenset(get_args(Kind))
FUZZ = settings(
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Checks shared with tests/test_hostile.py


def _column_length(name: str) -> int:
    length = getattr(InboundMessageRow.__table__.c[name].type, "length", None)
    assert isinstance(length, int)
    return length


def _storable(value: str) -> bool:
    """PostgreSQL refuses NUL in text and JSON, and every driver refuses lone surrogates."""
    if "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def assert_storable(message: InboundMessage) -> None:
    """Sane types, and values every database backend takes into ``inbound_messages``."""
    assert isinstance(message, InboundMessage)
    texts = [message.subject, message.from_name, message.text, message.content_type]
    texts += [*message.to_addresses, *message.cc_addresses, *message.reply_to]
    texts += [*message.references, *message.notes, message.html or ""]
    texts += [part for header in message.headers for part in header]
    texts += [a.filename or "" for a in message.attachments]
    texts += [a.content_type for a in message.attachments]
    for value in (message.message_id, message.in_reply_to, message.from_address):
        texts.append(value or "")
    assert all(isinstance(value, str) and _storable(value) for value in texts)
    assert all(isinstance(a, Attachment) and a.size >= 0 for a in message.attachments)
    assert len(message.subject.splitlines()) <= 1 and len(message.from_name.splitlines()) <= 1
    if message.from_address is not None:
        local, at, domain = message.from_address.rpartition("@")
        assert local and at and domain and not re.search(r"[\s\x00-\x1f\x7f]", local + domain)
        assert len(message.from_address) <= _column_length("from_address")
    for msgid in (message.message_id, message.in_reply_to):
        assert msgid is None or len(msgid) <= _column_length("message_id")
    assert len(message.content_type) <= _column_length("content_type")
    assert message.date_at is None or message.date_at.tzinfo is not None
    assert message.size >= 0


_OUR_HEADERS = frozenset(
    {"mime-version", "content-type", "from", "to", "subject", "date", "message-id"}
    | {"reply-to", "in-reply-to", "references", "auto-submitted", "x-auto-response-suppress"}
    | {"x-mailbot-ticket", "content-language"}
)


def assert_safe_headers(payload: bytes, recipient: str) -> EmailMessage:
    """Only our own header fields, each once, CRLF line ends, one From and one To, no Bcc."""
    block = payload.split(b"\r\n\r\n", 1)[0]
    assert b"\r" not in block.replace(b"\r\n", b"") and b"\n" not in block.replace(b"\r\n", b"")
    assert b"\x00" not in block
    names = []
    for line in block.split(b"\r\n"):
        assert len(line) <= 998
        if line[:1] in (b" ", b"\t"):
            continue
        name, colon, _ = line.partition(b":")
        assert colon, line
        names.append(name.decode("ascii").lower())
    assert set(names) <= _OUR_HEADERS, names
    assert len(names) == len(set(names)), names
    assert {"from", "to", "subject"} <= set(names)
    parsed = message_from_string(payload.decode("utf-8"), policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    to = parsed["To"].addresses
    assert len(to) == 1 and to[0].addr_spec.lower() == recipient.lower(), (to, recipient)
    assert len(parsed["From"].addresses) == 1
    subject = str(parsed["Subject"])
    assert not re.search(r"[\x00-\x1f\x7f\x85\u2028\u2029]", subject), subject
    return parsed


# Parsing and classifying arbitrary bytes


def _check_parse_and_classify(raw: bytes) -> None:
    message = parse_message(raw)
    assert not any(note.startswith("parser failure") for note in message.notes), message.notes
    assert message.size == len(raw)
    assert_storable(message)
    label = classify(message)
    assert label.kind in KINDS
    assert isinstance(label.confidence, float) and 0.0 <= label.confidence <= 1.0
    assert set(label.rights) <= set(RIGHTS) and set(label.opt_out) <= set(CHANNELS)
    assert isinstance(label.language, str) and 0 < len(label.language) <= 8  # tickets.language
    assert all(isinstance(item, str) for item in label.evidence)


@settings(FUZZ, max_examples=1000)
@given(st.binary(max_size=3000))
def test_arbitrary_bytes(raw: bytes) -> None:
    _check_parse_and_classify(raw)


@settings(FUZZ, max_examples=300)
@given(
    st.lists(st.sampled_from([b"\r\n", b"\n", b"\r", b":", b" ", b"\t", b"=?", b"?=", b"--"])).map(
        b"".join
    )
)
def test_separator_soup(raw: bytes) -> None:
    _check_parse_and_classify(raw)


# Structured, then mutated, MIME

CHARSETS = [
    "utf-8", "UTF-8", "us-ascii", "iso-8859-1", "latin1", "windows-1252", "koi8-r",
    "shift_jis", "gb2312", "big5", "utf-16", "utf-16-le", "utf-32", "utf-7", "cp1026",
    "unicode-escape", "raw-unicode-escape", "idna", "punycode", "rot13", "base64", "zlib",
    "undefined", "x-unknown", "unknown-8bit", "bogus", "utf-8*en", "ks_c_5601-1987", '"utf-8"',
]  # fmt: skip
ENCODINGS = ["7bit", "8bit", "binary", "base64", "BASE64", "quoted-printable", "x-uuencode",
             "x-bogus", "", "base64; x=1", "quoted-printable\t"]  # fmt: skip
HEADER_NAMES = [
    "From", "To", "Cc", "Reply-To", "Subject", "Date", "Message-ID", "In-Reply-To",
    "References", "Auto-Submitted", "Precedence", "X-Autoreply", "Return-Path", "Sender",
    "List-Id", "X-Failed-Recipients", "Content-Disposition", "X-Mailer", "Received",
]  # fmt: skip
TRICKS = [
    "\x00", "\u2028", "\x85", "\ufeff", "é", "\U0001f600", "<script>alert(1)</script>",
    "{{ 7*7 }}", '"', "\\", "<", ">", ",", ";", ":", "@", "(", ")", "=?", "?=", " ", "\t",
    "=?utf-8?q?Eve=0D=0ABcc:_x@evil.example?=",
]  # fmt: skip
BREAKS = ["\r\nBcc: x@evil.example", "\r", "\n", "\r\n ", "\n\t"]
WORDS = ["Article 15", "GDPR", "erase my data", "unsubscribe", "out of office",
         "Delivery Status Notification", "mailer-daemon", "Auskunft", "supprimer", "x"]  # fmt: skip

_text = st.lists(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(WORDS),
        st.sampled_from(TRICKS),
        st.sampled_from(WORDS),
        st.characters(codec="utf-8"),
        st.sampled_from(TRICKS),
    ),
    max_size=12,
).map("".join)


def _encode_text(text: str, charset: str) -> bytes:
    try:
        return text.encode(charset.strip('"').split("*")[0])
    except (LookupError, UnicodeError, TypeError, ValueError):
        return text.encode("utf-8", "surrogatepass")


@st.composite
def encoded_words(draw: st.DrawFn) -> bytes:
    charset = draw(st.sampled_from(CHARSETS))
    text = draw(_text) + draw(st.sampled_from(["", "", *BREAKS]))
    data = _encode_text(text, charset)
    method = draw(st.sampled_from("QqBbX"))
    if method in "Bb":
        body = base64.b64encode(data)
        if draw(st.booleans()):
            body = body[: draw(st.integers(0, len(body)))]  # damaged padding
    elif method in "Qq":
        body = b"".join(
            bytes([byte]) if chr(byte).isalnum() and byte < 128 else b"=%02X" % byte
            for byte in data
        )
    else:
        body = data
    return (
        b"=?"
        + charset.encode("utf-8", "surrogatepass")
        + b"?"
        + method.encode()
        + b"?"
        + body
        + b"?="
    )


@st.composite
def header_values(draw: st.DrawFn) -> bytes:
    pieces = draw(
        st.lists(
            st.one_of(
                encoded_words(),
                _text.map(lambda t: t.encode("utf-8", "surrogatepass")),
                _text.map(lambda t: t.encode("latin-1", "replace")),
                st.sampled_from(
                    [
                        b"<a@example.org>",
                        b"Eve <eve@example.org>",
                        b"\r\n ",
                        b"\r\n\t",
                        b"; charset=",
                        b"; boundary=",
                        b'"',
                        b"(",
                        b")",
                        b"\\",
                    ]
                ),
            ),
            max_size=6,
        )
    )
    return b" ".join(pieces)


@st.composite
def mailboxes(draw: st.DrawFn) -> bytes:
    """``display <local@domain>``, each piece plain, encoded or hostile."""
    display = draw(st.one_of(st.just(b""), header_values(), encoded_words()))
    local = draw(
        st.one_of(
            st.sampled_from(
                [b"eve", b"j\xc3\xb6e", b"x.y+z", b'"a,b"', b"a\x00b", b"MAILER-DAEMON"]
            ),
            st.binary(max_size=8),
        )
    )
    domain = draw(
        st.sampled_from([b"example.org", b"EXAMPLE.org", b"ex\xc3\xa4mple.org", b"", b"a@b"])
    )
    if draw(st.booleans()):
        return display + b" <" + local + b"@" + domain + b">"
    return local + b"@" + domain + b" (" + display + b")"


@st.composite
def headers(draw: st.DrawFn) -> list[bytes]:
    """Mostly the fields a reader looks at, hostile inside, then a few odd ones."""
    fields = []
    for name in (b"From", b"To", b"Subject", b"Message-ID", b"Date", b"In-Reply-To"):
        if draw(st.integers(0, 4)):
            value = draw(mailboxes() if name in (b"From", b"To") else header_values())
            fields.append(name + b": " + value)
    names = st.one_of(
        st.sampled_from(HEADER_NAMES),
        st.sampled_from(HEADER_NAMES),
        st.sampled_from(HEADER_NAMES),
        st.text("abcXYZ-_:\x00é ", min_size=0, max_size=12),
    )
    extra = draw(st.lists(st.tuples(names, header_values()), max_size=3))
    fields += [name.encode("utf-8", "surrogatepass") + b": " + value for name, value in extra]
    if not draw(st.integers(0, 4)):  # a raw line break inside a field
        fields.append(
            b"Subject: a" + draw(st.sampled_from(BREAKS)).encode() + b"Bcc: x@evil.example"
        )
    return draw(st.permutations(fields))


def _body_bytes(draw: st.DrawFn, cte: str, charset: str) -> bytes:
    content = draw(
        st.one_of(
            st.binary(max_size=400),
            _text.map(lambda t: _encode_text(t, charset)),
            st.sampled_from(
                [
                    b"<html><body><p>Please erase my data</p><script>x</script>",
                    b"<p>" * 200,
                    b"<br>" * 50,
                    b"&lt;&#0;&#x110000;&#99999999;",
                    b"begin 644 x.txt\n#86)C\n`\nend\n",
                    b"=\r\n=4=ZZ=0D=0A",
                    b"A" * 5000,
                ]
            ),
        )
    )
    kind = cte.lower().split(";")[0].strip()
    if kind == "base64" and draw(st.booleans()):
        content = base64.encodebytes(content)
    elif kind == "quoted-printable" and draw(st.booleans()):
        content = quopri.encodestring(content)
    return content


CONTENT_TYPES = [
    "text/plain", "text/html", "text/plain", "text/html", "application/pdf", "message/rfc822",
    "message/delivery-status", "text/rfc822-headers", "image/png", "multipart/mixed", "text",
    "/", "x/y/z", "message/partial",
]  # fmt: skip


@st.composite
def leaf_parts(draw: st.DrawFn) -> bytes:
    ctype = draw(st.sampled_from(CONTENT_TYPES))
    charset = draw(st.sampled_from(CHARSETS))
    cte = draw(st.sampled_from(ENCODINGS))
    param = draw(st.sampled_from(["charset=", "charset=", "charset*=", "charset*0*="]))
    if "*" in param:  # RFC 2231: charset'language'value
        param += draw(st.sampled_from(["", "utf-8", "bogus", "a\x00b", "utf-7"])) + "''"
    lines = [f"Content-Type: {ctype}; {param}{charset}".encode("utf-8", "surrogatepass")]
    if cte:
        lines.append(f"Content-Transfer-Encoding: {cte}".encode())
    if not draw(st.integers(0, 3)):
        filename = draw(st.one_of(header_values(), st.sampled_from(RFC2231_FILENAMES)))
        lines.append(b"Content-Disposition: attachment; filename" + filename)
    return b"\r\n".join(lines) + b"\r\n\r\n" + _body_bytes(draw, cte, charset)


RFC2231_FILENAMES = [
    b"*=utf-8''%FF%00%E9.txt", b"*=a\x00b''x.txt", b"*=utf-7''+3P8-", b"*=bogus''%E9",
    b"*0*=utf-8''%C3; filename*1=x", b"*=''", b'="a\x00b.txt"',
]  # fmt: skip
SUBTYPES = ["mixed", "alternative", "related", "digest", "signed", "x-bogus",
            "report; report-type=delivery-status"]  # fmt: skip


def _boundaries() -> st.SearchStrategy[bytes]:
    return st.one_of(
        st.text("abc-_=+/:. '()?,", min_size=0, max_size=80).map(str.encode),
        st.sampled_from([b"", b"--", b'"', b" ", b"x" * 200, b"=_x", b"\xff\xfe"]),
    )


def _multipart(children: st.SearchStrategy[list[bytes]]) -> st.SearchStrategy[bytes]:
    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        subtype = draw(st.sampled_from(SUBTYPES))
        boundary = draw(_boundaries())
        declared = boundary if draw(st.integers(0, 4)) else draw(_boundaries())
        quote = draw(st.sampled_from([b'"', b""]))
        param = draw(st.sampled_from([b"boundary=", b"boundary=", b"boundary*=utf-8''"]))
        head = b"Content-Type: multipart/" + subtype.encode() + b"; " + param + quote + declared
        body = [head + quote, b"", draw(st.binary(max_size=20))]
        for child in draw(children):
            body += [b"--" + boundary, child]
        if draw(st.booleans()):
            body.append(b"--" + boundary + b"--")
        body.append(draw(st.binary(max_size=20)))
        return b"\r\n".join(body)

    return build()


def _message_rfc822(inner: st.SearchStrategy[bytes]) -> st.SearchStrategy[bytes]:
    return inner.map(lambda part: b"Content-Type: message/rfc822\r\n\r\nSubject: inner\r\n" + part)


_nested_parts = st.recursive(
    leaf_parts(),
    lambda inner: st.one_of(_multipart(st.lists(inner, max_size=4)), _message_rfc822(inner)),
    max_leaves=8,
)
mime_parts = st.one_of(_nested_parts, _multipart(st.lists(_nested_parts, max_size=4)))


@st.composite
def mutated_mime(draw: st.DrawFn) -> bytes:
    """A plausible message (headers, nested parts), then damaged like mail in the wild."""
    raw = b"".join(field + b"\r\n" for field in draw(headers()))
    raw += b"MIME-Version: 1.0\r\n" + draw(mime_parts)
    newline = draw(st.sampled_from([None, None, b"\n", b"\r"]))
    if newline is not None:
        raw = raw.replace(b"\r\n", newline)
    for _ in range(draw(st.sampled_from([0, 0, 1, 2, 3]))):
        at = draw(st.integers(0, len(raw)))
        action = draw(st.sampled_from(["truncate", "nul", "long", "cut", "copy", "byte"]))
        if action == "truncate":
            raw = raw[:at]
        elif action == "nul":
            raw = raw[:at] + b"\x00" + raw[at:]
        elif action == "long":
            raw = raw[:at] + draw(st.sampled_from([b"a", b"=", b"<", b" "])) * 20_000 + raw[at:]
        elif action == "cut":
            raw = raw[:at] + raw[at + draw(st.integers(1, 50)) :]
        elif action == "copy":
            raw = raw[:at] + raw[max(0, at - 200) : at] + raw[at:]
        else:
            raw = raw[:at] + bytes([draw(st.integers(0, 255))]) + raw[at + 1 :]
    return raw


@settings(FUZZ, max_examples=1000)
@given(mutated_mime())
def test_mutated_mime(raw: bytes) -> None:
    _check_parse_and_classify(raw)


# Pathological shapes, each once


def _nested(depth: int) -> bytes:
    head = b"From: a@example.org\r\nSubject: deep\r\n"
    opening = b"".join(
        b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i)
        for i in range(depth)
    )
    return head + opening + b"Content-Type: text/plain\r\n\r\nerase my data\r\n"


PATHOLOGICAL = {
    "nested multiparts": _nested(300),
    "nested messages": b"From: a@example.org\r\n"
    + b"Content-Type: message/rfc822\r\n\r\n" * 300
    + b"\r\nbody",
    "one long line": b"From: a@example.org\r\nSubject: " + b"x" * 300_000 + b"\r\n\r\nbody",
    "many headers": b"".join(b"X-H%d: =?utf-8?q?=C3=A9?=\r\n" % i for i in range(20_000))
    + b"\r\nbody",
    "many parts": b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
    + b"--b\r\nContent-Type: text/plain\r\n\r\nx\r\n" * 5000,
    "html nesting": b"Content-Type: text/html\r\n\r\n" + b"<div><b>" * 20_000 + b"x",
    "nul everywhere": bytes(
        byte for char in b"From: a@example.org\r\nSubject: s\r\n\r\nbody" for byte in (char, 0)
    ),
    "only a separator": b"\r\n\r\n",
    "nul in an RFC 2231 charset": b"Content-Type: text/plain; charset*=a\x00b''utf-8\r\n\r\nhi",
    "nul in an RFC 2231 filename": b"Content-Type: text/plain\r\n"
    b"Content-Disposition: attachment; filename*=a\x00b''x.txt\r\n\r\nhi",
    "nul in an RFC 2231 boundary": b"Content-Type: multipart/mixed; boundary*=a\x00b''x\r\n\r\n"
    b"--x\r\n\r\nhi\r\n--x--",
    "nul in an encoded word's charset": b"Subject: =?\x00utf-8?Q?0?=\r\n\r\nhi",
}


def test_pathological_shapes() -> None:
    for name, raw in PATHOLOGICAL.items():
        try:
            _check_parse_and_classify(raw)
        except AssertionError as exc:
            raise AssertionError(f"{name}: {exc}") from exc


# Composing mail from hostile names, subjects and references


LOOK_ALIKES = [
    "=?utf-8?q?Eve=0D=0ABcc:_x@evil.example?=",
    "=?utf-8?b?RXZlDQpCY2M6IHhAZXZpbC5leGFtcGxl?=",
    "=?utf-8?q?a?= =?utf-8?q?=0A?=",
    "=?",
    '"=?utf-8?q?=0D=0A?="',
]
_hostile_text = st.lists(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(["\r", "\n", "\r\n", "\x00", "\u2028", "\u2029", "\x85", "\t", "\x0b"]),
        st.sampled_from(["Bcc: x@evil.example", "\r\nBcc: x@evil.example", "<", ">", '"', ","]),
        st.sampled_from(LOOK_ALIKES),
    ),
    max_size=30,
).map("".join)
_message_ids = st.one_of(
    st.sampled_from(["<a@example.org>", "<b@example.org>"]),
    _hostile_text.map(lambda text: f"<{text}>"),
    _hostile_text,
)
_recipients = st.one_of(
    st.from_regex(
        r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,20}@[a-z0-9-]{1,20}\.example", fullmatch=True
    ),
    st.sampled_from(["jöe@example.org", "ann@exämple.org", "用户@例子.example"]),
)


@settings(FUZZ, max_examples=500)
@given(
    name=_hostile_text,
    sender_name=_hostile_text,
    subject=st.lists(_hostile_text, max_size=5).map("".join),
    recipient=_recipients,
    in_reply_to=st.one_of(st.none(), _message_ids),
    references=st.lists(_message_ids, max_size=25).map(tuple),
    reference=st.one_of(st.none(), _hostile_text),
)
def test_composed_headers_stay_in_place(
    name: str,
    sender_name: str,
    subject: str,
    recipient: str,
    in_reply_to: str | None,
    references: tuple[str, ...],
    reference: str | None,
) -> None:
    rendered = RenderedMail(subject=subject, text=subject, html="<p>x</p>", language="en")
    envelope = Envelope(
        sender="support@example.co.uk",
        sender_name=sender_name,
        recipient=recipient,
        recipient_name=name,
        in_reply_to=in_reply_to,
        references=references,
        reference=reference,
        reply_to="support@example.co.uk",
    )
    composed = compose_mail(rendered, envelope, datetime(2026, 9, 3, 10, 0, tzinfo=UTC))

    parsed = assert_safe_headers(composed.payload, recipient)
    assert str(parsed["Subject"]) == header_text(subject)
    assert parsed["To"].addresses[0].display_name == header_text(name, 100)
    assert composed.subject == header_text(subject)
    assert "\n" not in composed.subject and "\r" not in composed.subject
