"""``parse_message``: hand-made edge cases, then every file of the shared corpus."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from mailbot.mail.message import Attachment, InboundMessage
from mailbot.mail.parse import parse_message


def _mail(*headers: str, body: bytes = b"", raw_headers: bytes = b"") -> bytes:
    """A message with CRLF line ends from header lines and a body."""
    head = b"".join(line.encode() + b"\r\n" for line in headers)
    return head + raw_headers + b"\r\n" + body


def _plain(
    body: bytes, content_type: str = "text/plain; charset=utf-8", cte: str = "8bit"
) -> bytes:
    return _mail(
        "From: a@example.org",
        f"Content-Type: {content_type}",
        f"Content-Transfer-Encoding: {cte}",
        body=body,
    )


# Headers


@pytest.mark.parametrize(
    ("subject", "from_header", "want_subject", "want_name"),
    [
        (
            "=?utf-8?q?Gr=C3=BC=C3=9Fe_aus_M=C3=BCnchen?=",
            "=?utf-8?q?J=C3=B6rg_M=C3=BCller?= <Joerg.Mueller@Example.ORG>",
            "Grüße aus München",
            "Jörg Müller",
        ),
        (
            "=?iso-8859-1?b?R3L832UgYXVzIEv2bG4=?=",
            "=?ISO-8859-1?B?SvZyZw==?= <Joerg.Mueller@Example.ORG>",
            "Grüße aus Köln",
            "Jörg",
        ),
        (
            # one UTF-8 character split over two words, and the folding between them dropped
            "=?utf-8?b?w7w=?=\r\n =?utf-8?b?w7w=?= und =?utf-8?q?=C3?= =?utf-8?q?=BC?=",
            '"=?utf-8?q?M=C3=BCller=2C_J=C3=B6rg?=" <Joerg.Mueller@Example.ORG>',
            "üü und ü",
            "Müller, Jörg",
        ),
        (
            "=?utf-8?q?unterminated and =?x-nonsense?q?caf=E9?= =?utf-8?b?!!!?=",
            "Joerg.Mueller@Example.ORG",
            "=?utf-8?q?unterminated and café",
            "",
        ),
    ],
    ids=["utf8-q", "latin1-b", "split-words", "broken-words"],
)
def test_rfc2047_subject_and_sender(
    subject: str, from_header: str, want_subject: str, want_name: str
) -> None:
    msg = parse_message(_mail(f"Subject: {subject}", f"From: {from_header}", body=b"hi\r\n"))
    assert msg.subject == want_subject
    assert msg.from_name == want_name
    assert msg.from_address == "Joerg.Mueller@example.org"


@pytest.mark.parametrize(
    ("raw_value", "want", "noted"),
    [
        ("Grüße".encode(), "Grüße", False),
        ("Grüße".encode("latin-1"), "Grüße", True),
    ],
    ids=["utf8", "latin1"],
)
def test_raw_8bit_header(raw_value: bytes, want: str, noted: bool) -> None:
    msg = parse_message(
        _mail("From: a@example.org", raw_headers=b"Subject: " + raw_value + b"\r\n")
    )
    assert msg.subject == want
    assert msg.header("subject") == want
    assert any("header Subject" in note for note in msg.notes) is noted


def test_headers_kept_in_order_and_unfolded() -> None:
    msg = parse_message(
        _mail(
            "Received: from a\r\n\tby b",
            "X-Thing: one",
            "Subject: a long\r\n subject",
            "X-Thing: two",
            body=b"x",
        )
    )
    assert msg.headers == (
        ("Received", "from a\tby b"),
        ("X-Thing", "one"),
        ("Subject", "a long subject"),
        ("X-Thing", "two"),
    )
    assert msg.header_all("x-thing") == ("one", "two")
    assert msg.subject == "a long subject"


def test_addresses() -> None:
    msg = parse_message(
        _mail(
            'From: "Doe, Jane" <Jane.Doe@EXAMPLE.org>',
            "To: support@Example.CO.UK, Bob <bob@example.net>",
            "To: third@example.com",
            "Cc: undisclosed-recipients:;",
            "Reply-To: =?utf-8?q?J=C3=B6rg?= <J@Example.com>",
        )
    )
    assert msg.from_address == "Jane.Doe@example.org"
    assert msg.from_name == "Doe, Jane"
    assert msg.to_addresses == ("support@example.co.uk", "bob@example.net", "third@example.com")
    assert msg.cc_addresses == ()
    assert msg.reply_to == ("J@example.com",)


@pytest.mark.parametrize(
    "from_header", [None, "", "MAILER-DAEMON", "<>", "no at sign here"], ids=repr
)
def test_unusable_from(from_header: str | None) -> None:
    headers = ["Subject: x"] if from_header is None else [f"From: {from_header}"]
    msg = parse_message(_mail(*headers, body=b"x"))
    assert msg.from_address is None
    assert msg.from_name == ""


@pytest.mark.parametrize(
    ("header", "want"),
    [
        (None, None),
        ("Tue, 19 Aug 2025 09:24:00 +0200", datetime(2025, 8, 19, 7, 24, tzinfo=UTC)),
        ("19 Aug 2025 09:24:00 -0000", datetime(2025, 8, 19, 9, 24, tzinfo=UTC)),
        ("Tue, 19 Aug 2025 09:24:00", datetime(2025, 8, 19, 9, 24, tzinfo=UTC)),
        ("yesterday, around tea time", None),
        ("", None),
        ("Mon, 99 Foo 99999 99:99:99 +9999", None),
    ],
    ids=["missing", "offset", "minus-zero", "naive", "garbage", "empty", "out-of-range"],
)
def test_date(header: str | None, want: datetime | None) -> None:
    headers = [] if header is None else [f"Date: {header}"]
    msg = parse_message(_mail(*headers, body=b"x"))
    assert msg.date_at == want
    if msg.date_at is not None:
        assert msg.date_at.tzinfo is not None


def test_date_keeps_its_offset() -> None:
    msg = parse_message(_mail("Date: Tue, 19 Aug 2025 09:24:00 +0200"))
    assert msg.date_at is not None
    assert msg.date_at.utcoffset() == timedelta(hours=2)
    assert msg.date_at.tzinfo == timezone(timedelta(hours=2))


@pytest.mark.parametrize(
    ("header", "want"),
    [
        ("<abc@example.org>", "<abc@example.org>"),
        ("  <abc@\r\n example.org>  (comment)", "<abc@example.org>"),
        ("abc@example.org", "<abc@example.org>"),
        ("not an id", None),
        ("<>", None),
    ],
    ids=["plain", "folded", "bare", "junk", "empty"],
)
def test_message_id_and_in_reply_to(header: str, want: str | None) -> None:
    msg = parse_message(_mail(f"Message-ID: {header}", f"In-Reply-To: {header}"))
    assert msg.message_id == want
    assert msg.in_reply_to == want


def test_missing_ids() -> None:
    msg = parse_message(_mail("Subject: x"))
    assert (msg.message_id, msg.in_reply_to, msg.references) == (None, None, ())


def test_references() -> None:
    msg = parse_message(
        _mail("References: <a@x.org> <b@x.org>\r\n\t<c@\r\n x.org>, junk <a@x.org> <d@x.org>")
    )
    assert msg.references == ("<a@x.org>", "<b@x.org>", "<c@x.org>", "<d@x.org>")


# Charsets and transfer encodings


RUSSIAN = "Прошу удалить мои персональные данные. С уважением, Иван\n"
GERMAN = "Sehr geehrte Damen und Herren, bitte löschen Sie meine Daten. Grüße, Jörg\n"


@pytest.mark.parametrize(
    ("raw", "want", "note"),
    [
        (_plain(GERMAN.encode()), GERMAN, None),
        (_plain(GERMAN.encode("latin-1")), GERMAN, "undecodable charset 'utf-8' in part 1"),
        (_plain("Grüße\n".encode("latin-1")), "Grüße\n", "undecodable charset 'utf-8'"),
        (_plain(GERMAN.encode(), "text/plain"), GERMAN, "8-bit text without a charset"),
        (
            _plain(GERMAN.encode("cp1252"), "text/plain"),
            GERMAN,
            "8-bit text without a charset in part 1; decoded as",
        ),
        (
            _plain("Grüße\n".encode("latin-1"), "text/plain; charset=x-foo"),
            "Grüße\n",
            "unknown charset 'x-foo' in part 1; decoded as cp1252",
        ),
        (_plain(b"plain ascii\n", "text/plain; charset=x-foo"), "plain ascii\n", "x-foo"),
        (_plain("€ 5\n".encode("cp1252"), "text/plain; charset=iso-8859-1"), "€ 5\n", None),
        (_plain("Привет\n".encode("koi8-r"), 'text/plain; charset="KOI8-R"'), "Привет\n", None),
        (
            _plain(GERMAN.encode() + b"Preis \x80 5\n"),
            GERMAN + "Preis \ufffd 5\n",
            "undecodable charset 'utf-8' in part 1; decoded as utf-8 with 1 bad sequence(s)",
        ),
        (
            _plain(RUSSIAN.encode("cp1251")),
            RUSSIAN,
            "undecodable charset 'utf-8' in part 1; decoded as cp1251",
        ),
    ],
    ids=[
        "utf8",
        "latin1-labelled-utf8",
        "short-latin1-labelled-utf8",
        "utf8-no-charset",
        "cp1252-no-charset",
        "unknown-charset",
        "unknown-charset-ascii",
        "latin1-means-cp1252",
        "koi8r",
        "utf8-with-stray-bytes",
        "cp1251-labelled-utf8",
    ],
)
def test_body_charsets(raw: bytes, want: str, note: str | None) -> None:
    msg = parse_message(raw)
    assert msg.text == want
    if note is None:
        assert not msg.notes
    else:
        assert any(note in n for n in msg.notes), msg.notes


@pytest.mark.parametrize(
    "charset",
    ["utf8", "latin1", "ks_c_5601-1987", "unknown-8bit", "x-unknown", "base64", "", '""', "ü"],
)
def test_charset_aliases_never_raise(charset: str) -> None:
    msg = parse_message(_plain("Grüße\n".encode(), f"text/plain; charset={charset}"))
    assert isinstance(msg, InboundMessage)
    assert msg.text.startswith("Gr")


@pytest.mark.parametrize(
    ("cte", "body", "want"),
    [
        (
            "quoted-printable",
            b"C:\\Users\\j=C3=B6rg and a very long line that is =\r\nsoft-broken=3D here\r\n",
            "C:\\Users\\jörg and a very long line that is soft-broken= here\n",
        ),
        ("Quoted-Printable ", b"caf=C3=A9=\rbar\r", "cafébar\n"),
        ("base64", b"R3LDvMOfZQ==\r\n", "Grüße"),
        ("base64", b"R3LDvMOfZQ\r\n", "Grüße"),
        ("base64", b"R3LD\r\nvMOfZQ=\r\n", "Grüße"),
        ("BASE64", b"R3LDvM*OfZQ", "Grüße"),
        ("7bit", b"seven\r\n", "seven\n"),
        ("binary", b"bin\xc3\xa4r\r\n", "binär\n"),
        ("x-made-up", b"kept\r\n", "kept\n"),
    ],
    ids=[
        "qp-soft-breaks",
        "qp-cr-only",
        "b64",
        "b64-no-padding",
        "b64-short-padding",
        "b64-junk",
        "7bit",
        "binary",
        "unknown-cte",
    ],
)
def test_transfer_encodings(cte: str, body: bytes, want: str) -> None:
    assert parse_message(_plain(body, cte=cte)).text == want


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("C:\\Users\\jörg\n".encode(), "C:\\Users\\jörg\n"),
        (
            b"match \\d+ and \\n and \\\\server\\share\r\n",
            "match \\d+ and \\n and \\\\server\\share\n",
        ),
        (b"tabs\tand   spaces  \r\n  indented\r\n", "tabs\tand   spaces  \n  indented\n"),
        (b"crlf\r\nlines\r\n\r\nend", "crlf\nlines\n\nend"),
        (b"cr\ronly\r\rend\r", "cr\nonly\n\nend\n"),
        (b"mixed\r\nends\rhere\n", "mixed\nends\nhere\n"),
    ],
    ids=["windows-path", "regex", "whitespace", "crlf", "cr-only", "mixed"],
)
def test_text_is_byte_exact(body: bytes, want: str) -> None:
    msg = parse_message(_plain(body))
    assert msg.text == want
    assert not msg.notes


def test_cr_only_message() -> None:
    raw = b"From: a@example.org\rSubject: old mac\rContent-Type: text/plain\r\rline one\rline two\r"
    msg = parse_message(raw)
    assert (msg.subject, msg.from_address) == ("old mac", "a@example.org")
    assert msg.text == "line one\nline two\n"


def test_truncation() -> None:
    msg = parse_message(_plain(b"x" * 50), max_text_chars=10)
    assert msg.text == "x" * 10
    assert "text truncated from 50 to 10 characters" in msg.notes


# Structure


HTML_ONLY = _mail(
    "From: a@example.org",
    "Content-Type: text/html; charset=utf-8",
    body=(
        b"<html><head><title>Title</title><style>p {color: red}</style></head><body>"
        b"<script>alert('x')</script><h1>Hello</h1><p>Caf&eacute; &amp; cr&egrave;me &lt;b&gt;"
        b"&#8364;&nbsp;5</p><div>line one<br>line   two<br/>line\nthree</div><p></p><p></p>"
        b"<ul><li>first</li><li>second</li></ul><table><tr><td>a</td><td>b</td></tr>"
        b"<tr><td>c</td></tr></table><!-- hidden --></body></html>"
    ),
)


def test_html_only_body() -> None:
    msg = parse_message(HTML_ONLY)
    assert msg.text == (
        "Hello\n\nCafé & crème <b>€ 5\n\nline one\nline two\nline three"
        "\n\nfirst\n\nsecond\n\nab\n\nc"
    )
    assert msg.html is not None
    assert msg.html.startswith("<html><head><title>")
    assert "alert" not in msg.text
    assert "hidden" not in msg.text


@pytest.mark.parametrize(
    ("html", "want"),
    [
        ("a<br>b<BR>c<br/>d<br />e<br clear='all'>f", "a\nb\nc\nd\ne\nf"),
        ('x<img src="a/b.png" alt="pic">y<hr>z', "xy\n\nz"),
        ("<pre>  keep\n  two   spaces</pre>after", "keep\ntwo   spaces\nafter"),
        ("<p>one</p>\n\n\n<p>two</p>", "one\n\ntwo"),
        ("<h2>Title</h2>text<!-- comment -->more", "Title\ntextmore"),
        (
            "<noscript>n</noscript><template>t</template>&lt;tag&gt; &quot;q&quot; &#x263A;",
            '<tag> "q" ☺',
        ),
        ("<p>unclosed <div>nested <b>bold", "unclosed\nnested bold"),
        ("<br>" * 3000 + "end", "end"),
    ],
    ids=[
        "br-forms",
        "void-tags",
        "pre",
        "blank-runs",
        "heading-comment",
        "entities",
        "unclosed",
        "many-br",
    ],
)
def test_html_to_text(html: str, want: str) -> None:
    raw = _plain(html.encode(), "text/html; charset=utf-8")
    assert parse_message(raw).text == want


def test_html_that_looks_like_a_url() -> None:
    raw = _plain(b"https://example.org/unsubscribe", "text/html")
    assert parse_message(raw).text == "https://example.org/unsubscribe"


NESTED = b"""From: Jane <jane@example.org>\r
Subject: nested\r
MIME-Version: 1.0\r
Content-Type: multipart/mixed; boundary="outer"\r
\r
preamble\r
--outer\r
Content-Type: multipart/alternative; boundary="inner"\r
\r
--inner\r
Content-Type: text/plain; charset=utf-8\r
Content-Transfer-Encoding: quoted-printable\r
\r
Gr=C3=BC=C3=9Fe\r
--inner\r
Content-Type: text/html; charset=utf-8\r
\r
<p>Gr\xc3\xbc\xc3\x9fe <b>html</b></p>\r
--inner--\r
--outer\r
Content-Type: application/pdf; name="request.pdf"\r
Content-Disposition: attachment; filename="request.pdf"\r
Content-Transfer-Encoding: base64\r
\r
JVBERi0xLjQKJcOkw7w=\r
--outer\r
Content-Type: application/octet-stream\r
Content-Disposition: attachment; filename*=utf-8''Ausk%C3%BCnfte%20J%C3%B6rg.txt\r
\r
0123456789\r
--outer\r
Content-Type: image/png; name="=?utf-8?q?bild_=C3=A4.png?="\r
Content-Transfer-Encoding: base64\r
\r
iVBORw0KGgo=\r
--outer\r
Content-Type: message/rfc822\r
\r
From: inner@example.org\r
Subject: forwarded\r
\r
inner body\r
--outer--\r
"""


def test_nested_multipart() -> None:
    msg = parse_message(NESTED)
    assert msg.content_type == "multipart/mixed"
    assert msg.text == "Grüße"
    assert msg.html == "<p>Grüße <b>html</b></p>"
    assert msg.attachments[:3] == (
        Attachment("request.pdf", "application/pdf", 14),
        Attachment("Auskünfte Jörg.txt", "application/octet-stream", 10),
        Attachment("bild ä.png", "image/png", 8),
    )
    enclosed = msg.attachments[3]
    assert (enclosed.filename, enclosed.content_type) == (None, "message/rfc822")
    assert enclosed.size > 0
    assert len(msg.attachments) == 4
    assert msg.size == len(NESTED)
    assert not msg.notes


def test_truncated_multipart() -> None:
    raw = NESTED[: NESTED.index(b"--outer\r\nContent-Type: application/pdf") + 60]
    msg = parse_message(raw)
    assert msg.text == "Grüße"
    assert any("CloseBoundaryNotFoundDefect" in note for note in msg.notes)


def test_multipart_without_boundary_is_read_as_text() -> None:
    msg = parse_message(_plain(b"just text\r\n", "multipart/mixed"))
    assert msg.text == "just text\n"
    assert msg.notes


def test_html_used_when_plain_part_is_blank() -> None:
    raw = NESTED.replace(b"Gr=C3=BC=C3=9Fe\r\n", b"  \r\n")
    assert parse_message(raw).text == "Grüße html"


def test_inline_text_with_filename_is_an_attachment() -> None:
    raw = _mail(
        "Content-Type: multipart/mixed; boundary=b",
        body=(
            b"--b\r\nContent-Type: text/plain\r\n\r\nbody\r\n"
            b'--b\r\nContent-Type: text/plain; name="notes.txt"\r\n\r\nfile\r\n--b--\r\n'
        ),
    )
    msg = parse_message(raw)
    assert msg.text == "body"
    assert msg.attachments == (Attachment("notes.txt", "text/plain", 4),)


# Junk never raises


def _valid_empty(msg: InboundMessage) -> None:
    assert isinstance(msg, InboundMessage)
    assert isinstance(msg.subject, str)
    assert isinstance(msg.text, str)
    assert isinstance(msg.to_addresses, tuple)


def test_empty_bytes() -> None:
    msg = parse_message(b"")
    _valid_empty(msg)
    assert (msg.subject, msg.text, msg.headers, msg.size) == ("", "", (), 0)
    assert (msg.from_address, msg.date_at, msg.message_id) == (None, None, None)
    assert msg.content_type == "text/plain"


def test_no_headers() -> None:
    msg = parse_message(b"\r\nJust a body, C:\\Users\\j\xc3\xb6rg\r\n")
    assert msg.headers == ()
    assert msg.text == "Just a body, C:\\Users\\jörg\n"
    assert msg.subject == ""


@pytest.mark.parametrize("seed", range(20))
def test_random_bytes(seed: int) -> None:
    raw = random.Random(seed).randbytes(2000 + seed * 50)
    msg = parse_message(raw)
    _valid_empty(msg)
    assert msg.size == len(raw)


@pytest.mark.parametrize(
    "raw",
    [
        b"\x00\x01\x02",
        b"Subject: =?utf-8?b?",
        b"Content-Type: multipart/mixed; boundary=\r\n\r\n--\r\n--\r\n",
        b"Content-Type: multipart/mixed; boundary=x\r\n\r\n" + b"--x\r\n" * 500,
        b"Content-Type: " + b"multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: " * 300,
        b"Content-Type: text/plain; charset*=nonsense''%ZZ\r\n\r\nx",
        b"Content-Disposition: attachment; filename*0*=utf-8''%E2%82; filename*1=%AC\r\n\r\nx",
        b"Content-Type: message/rfc822\r\n\r\n\xff\xfe\x00garbage",
        b"Content-Type: text/html\r\n\r\n<<<>>></p></div><br/<script>",
        b"From: " + b"<" * 5000 + b"\r\n\r\n",
        b"Date: " + b"9" * 400 + b"\r\n\r\n",
    ],
    ids=[
        "control-bytes",
        "cut-encoded-word",
        "empty-boundary",
        "many-boundaries",
        "deep-nesting",
        "bad-rfc2231-charset",
        "split-rfc2231",
        "rfc822-garbage",
        "broken-html",
        "angle-brackets",
        "huge-date",
    ],
)
def test_junk(raw: bytes) -> None:
    _valid_empty(parse_message(raw))


# The corpus


def _corpus_root() -> Path | None:
    default = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    for candidate in (default, Path(os.environ.get("MAILBOT_CORPUS", default))):
        if candidate.is_dir():
            return candidate
    return None


CORPUS = _corpus_root()


def _corpus_files(folder: str, pattern: str) -> list[str]:
    if CORPUS is None:
        return []
    return sorted(
        str(path.relative_to(CORPUS)) for path in (CORPUS / folder).rglob(pattern) if path.is_file()
    )


MIME_FILES = _corpus_files("mime", "*")
REQUEST_FILES = _corpus_files("requests", "*.eml")


def _read(relative: str) -> bytes:
    if CORPUS is None:
        pytest.skip("corpus not found; set MAILBOT_CORPUS")
    return (CORPUS / relative).read_bytes()


@pytest.mark.parametrize("relative", MIME_FILES or ["<no corpus>"])
def test_corpus_mime(relative: str) -> None:
    raw = _read(relative)
    msg = parse_message(raw)
    assert isinstance(msg, InboundMessage)
    assert msg.size == len(raw)
    assert not any(note.startswith("parser failure") for note in msg.notes), msg.notes


@pytest.mark.parametrize("relative", REQUEST_FILES or ["<no corpus>"])
def test_corpus_requests(relative: str) -> None:
    msg = parse_message(_read(relative))
    assert isinstance(msg, InboundMessage)
    assert msg.text.strip()
    assert msg.from_address is not None
    assert msg.subject
    assert "=?" not in msg.subject
    assert msg.to_addresses == ("support@example.co.uk",)
    assert msg.message_id is not None
    assert msg.date_at is not None
    assert "\r" not in msg.text
    assert not msg.notes


def test_corpus_present_when_expected() -> None:
    if CORPUS is None:
        pytest.skip("corpus not found; set MAILBOT_CORPUS")
    assert len(MIME_FILES) > 250
    assert len(REQUEST_FILES) > 100


# Purity


def test_parse_imports_no_edge_libraries() -> None:
    code = (
        "import sys, mailbot.mail.parse; "
        "print(','.join(sorted(m for m in ('sqlalchemy', 'imapclient', 'aiosmtplib', 'jinja2') "
        "if m in sys.modules)))"
    )
    root = str(Path(__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([root, os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert result.stdout.strip() == ""


def test_huge_html_is_stripped_without_the_tree_builder() -> None:
    html = "<style>p{}</style>" + "<p>Hello &amp; world<br>line</p>" * 20_000
    raw = b"From: a@example.org\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html.encode()
    message = parse_message(raw)
    assert any("tags stripped without parsing" in note for note in message.notes)
    assert message.text.startswith("Hello & world\nline\nHello & world")
    assert "p{}" not in message.text
