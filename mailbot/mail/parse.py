"""Turn the raw bytes of one RFC 5322 message into an ``InboundMessage``, whatever they hold.

The stdlib parser runs with the compat32 policy: header access never raises there and it is
several times faster than ``policy.default``. RFC 2047 words, raw 8-bit headers, transfer
encodings and charsets are decoded here instead, so that every guess lands in ``notes``.
"""

from __future__ import annotations

import binascii
import codecs
import enum
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime
from email import policy
from email.message import Message
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from html import unescape
from typing import Any

import charset_normalizer
from bs4 import (
    BeautifulSoup,
    MarkupResemblesLocatorWarning,
    ParserRejectedMarkup,
    XMLParsedAsHTMLWarning,
)
from bs4.element import NavigableString, Tag

from mailbot.mail.message import Attachment, InboundMessage

_FOLD = re.compile(r"\r\n(?=[ \t])|[\r\n](?=[ \t])")
_NEWLINES = re.compile(r"\r\n|[\r\n]")
_LINE_ENDS = re.compile(r"\r\n?")
_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([QqBb])\?([^?]*)\?=")
_NOT_BASE64 = re.compile(r"[^A-Za-z0-9+/]")
_LONE_CR = re.compile(rb"\r(?!\n)")
_MESSAGE_ID = re.compile(r"<([^<>]*)>")
_ADDR_SPEC = re.compile(r"[^@\s\x00-\x1f\x7f]+@[^@\s\x00-\x1f\x7f]+")
_MAX_ADDRESS = 254  # RFC 5321 4.5.3.1.3: a path is at most 256 octets with its brackets
_MAX_MESSAGE_ID = 998  # RFC 5322 2.1.1: a line, and the width of the message_id column
_MAX_CONTENT_TYPE = 255
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_QUOTED_STRING = re.compile(r'"(?:[^"\\]|\\.)*"?')
_ADDRESS_SPECIALS = frozenset('()<>@,;:\\".[]')
_HTML_SPACE = re.compile(r"[ \t\r\n\f]+")
_BLANK_RUNS = re.compile(r"\n{3,}")
_TAG = re.compile(r"<[^>]*>")
# bs4's html.parser builder remembers every void tag not written as <br/> in a list that it
# scans at each end tag: quadratic time. Writing them self-closed avoids that.
_VOID_TAG = re.compile(
    r"<(area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)\b([^<>]*?)/?>",
    re.IGNORECASE,
)

_UNDECLARED = frozenset(
    {"unknown-8bit", "x-unknown", "unknown", "x-user-defined", "default", "none"}
)
_ALIASES = {
    "ks_c_5601-1987": "cp949",
    "ks_c_5601": "cp949",
    "x-sjis": "shift_jis",
    "x-euc-jp": "euc_jp",
    "x-mac-roman": "mac_roman",
    "macintosh": "mac_roman",
    "iso-8859-8-i": "iso8859-8",
    "windows-874": "cp874",
    "cp-850": "cp850",
    "x-gbk": "gbk",
}
# Labels that mailers use for a wider charset than they name (as browsers also assume).
_SUPERSETS = {
    "iso8859-1": ("cp1252", "iso8859-1"),
    "gb2312": ("gb18030",),
    "gbk": ("gb18030",),
    "euc_kr": ("cp949",),
    "shift_jis": ("cp932",),
}
_REFUSED_CODECS = frozenset(
    {"unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined"}
)
_ASCII_BYTES = bytes(range(128))
_SNIFF_MIN_8BIT = 16
_UTF8_GOOD_PER_BAD = 3
_PLAIN_CTE = frozenset({"", "7bit", "8bit", "binary"})
_UU_CTE = frozenset({"x-uuencode", "uuencode", "uue", "x-uue"})
_BODY_TYPES = frozenset({"text/plain", "text/html"})
_DROPPED_TAGS = frozenset({"script", "style", "head", "title", "noscript", "template"})
_BLOCK_TAGS = frozenset(
    {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol"}
    | {"blockquote", "pre", "hr", "section", "article", "header", "footer", "dt", "dd"}
    | {"address", "center", "form", "fieldset", "figure", "main", "nav", "aside"}
)


_FIELDS = tuple(spec.name for spec in fields(InboundMessage))


class _Mark(enum.Enum):
    """Stack markers for the HTML walk: where a block or a <pre> ends."""

    BLOCK_END = enum.auto()
    PRE_END = enum.auto()


@dataclass
class _Body:
    """What the walk over the MIME tree has found so far."""

    text: str | None = None
    html: str | None = None
    attachments: list[Attachment] = field(default_factory=list)


def parse_message(raw: bytes, *, max_text_chars: int = 1_000_000) -> InboundMessage:
    """Parse one raw message; problems become ``notes``, never exceptions."""
    data = bytes(raw)
    try:
        return _storable(_parse(data, max_text_chars))
    except Exception as exc:  # the contract is "never raises": the last resort keeps the bytes
        if b"\x00" in data:
            return _parse_without_nul(data, max_text_chars, exc)
        return _empty_message(len(data), f"parser failure: {type(exc).__name__}: {exc}")


def _parse_without_nul(data: bytes, max_text_chars: int, first: Exception) -> InboundMessage:
    """Parse again without NUL bytes: the stdlib raises ValueError on a NUL in a charset name
    (``charset*=a%00b''…``, ``filename*=…``, ``boundary*=…``), which no rule here can catch."""
    try:
        message = _parse(data.replace(b"\x00", b""), max_text_chars)
    except Exception as exc:  # still the last resort of parse_message
        return _empty_message(len(data), f"parser failure: {type(exc).__name__}: {exc}")
    note = f"NUL bytes removed after {type(first).__name__}: {first}"
    return _storable(replace(message, size=len(data), notes=(*message.notes, note)))


def _parse(raw: bytes, max_text_chars: int) -> InboundMessage:
    notes: list[str] = []
    msg = BytesParser(policy=policy.compat32).parsebytes(raw)
    _resolve_headers(msg, "header", notes)
    raw_fields, headers = _read_headers(msg, notes)
    sender = _addresses(raw_fields, "from", notes)
    body = _read_body(msg, notes)
    text = _body_text(body, notes)
    if len(text) > max_text_chars:
        notes.append(f"text truncated from {len(text)} to {max_text_chars} characters")
        text = text[:max_text_chars]
    return InboundMessage(
        message_id=_message_id(_first(raw_fields, "message-id")),
        subject=" ".join((_first(headers, "subject") or "").splitlines())
        .replace("\t", " ")
        .strip(),
        from_address=sender[0][1] if sender else None,
        from_name=sender[0][0] if sender else "",
        to_addresses=tuple(addr for _, addr in _addresses(raw_fields, "to", notes)),
        cc_addresses=tuple(addr for _, addr in _addresses(raw_fields, "cc", notes)),
        reply_to=tuple(addr for _, addr in _addresses(raw_fields, "reply-to", notes)),
        date_at=_date(_first(raw_fields, "date"), notes),
        in_reply_to=_message_id(_first(raw_fields, "in-reply-to")),
        references=_references(raw_fields),
        headers=tuple(headers),
        text=text,
        html=body.html,
        attachments=tuple(body.attachments),
        content_type=msg.get_content_type()[:_MAX_CONTENT_TYPE],
        size=len(raw),
        notes=tuple(dict.fromkeys(notes)),
    )


def _storable(message: InboundMessage) -> InboundMessage:
    """The message without NUL characters (a QP ``=00``, a stray byte) and with lone
    surrogates (UTF-7 decodes to them) replaced: neither means anything to a reader, and
    PostgreSQL refuses a NUL, every driver a surrogate, which would stop the whole batch."""
    joined = "\n".join(_texts(message))
    if "\x00" not in joined and (joined.isascii() or _SURROGATE.search(joined) is None):
        return message  # the usual case, checked in one pass
    changed: dict[str, Any] = {}
    for name in _FIELDS:
        value = getattr(message, name)
        cleaned = _storable_value(value)
        if cleaned is not value:
            changed[name] = cleaned
    return replace(message, **changed) if changed else message


def _texts(message: InboundMessage) -> list[str]:
    """Every string the message holds."""
    texts: list[str] = []
    for name in _FIELDS:
        value = getattr(message, name)
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, tuple):
            for item in value:
                if isinstance(item, str):
                    texts.append(item)
                elif isinstance(item, tuple):
                    texts.extend(item)
                elif isinstance(item, Attachment):
                    texts += (item.filename or "", item.content_type)
    return texts


def _storable_value(value: object) -> object:
    """``value`` itself when it is fine, else a cleaned copy."""
    if isinstance(value, str):
        return _storable_text(value)
    if isinstance(value, Attachment):
        name = value.filename and _storable_text(value.filename)
        ctype = _storable_text(value.content_type)
        if name is value.filename and ctype is value.content_type:
            return value
        return Attachment(name, ctype, value.size)
    if isinstance(value, tuple):
        items = [_storable_value(item) for item in value]
        if all(new is old for new, old in zip(items, value, strict=True)):
            return value
        return tuple(items)
    return value


def _storable_text(text: str) -> str:
    if _UNSTORABLE.search(text) is None:
        return text
    return _UNSTORABLE.sub(lambda found: "" if found[0] == "\x00" else "\ufffd", text)


def _empty_message(size: int, note: str) -> InboundMessage:
    return InboundMessage(
        message_id=None,
        subject="",
        from_address=None,
        from_name="",
        to_addresses=(),
        cc_addresses=(),
        reply_to=(),
        date_at=None,
        in_reply_to=None,
        references=(),
        headers=(),
        text="",
        html=None,
        attachments=(),
        content_type="text/plain",
        size=size,
        notes=(note,),
    )


# Headers


def _read_headers(
    msg: Message, notes: list[str]
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Every header twice: unfolded (for structured fields) and RFC 2047 decoded (for people)."""
    raw_fields: list[tuple[str, str]] = []
    decoded: list[tuple[str, str]] = []
    for name, value in msg.raw_items():
        where = f"header {name}"
        unfolded = _FOLD.sub("", str(value))
        unfolded = _NEWLINES.sub(" ", unfolded)
        raw_fields.append((name, unfolded))
        decoded.append((name, _NEWLINES.sub(" ", _decode_words(unfolded, where, notes))))
    return raw_fields, decoded


def _first(fields: list[tuple[str, str]], name: str) -> str | None:
    return next((value for key, value in fields if key.lower() == name), None)


def _resolve_headers(part: Message, where: str, notes: list[str]) -> None:
    """Decode raw 8-bit header bytes in place, so that later lookups see text, not surrogates."""
    items = [(name, str(value)) for name, value in part.raw_items()]
    if all(value.isascii() for _, value in items):
        return
    for name in {name for name, _ in items}:
        del part[name]
    for name, value in items:
        part.set_raw(name, _resolve_8bit(value, f"{where} {name}", notes))


def _resolve_8bit(value: str, where: str, notes: list[str]) -> str:
    """Raw 8-bit header bytes arrive as surrogate escapes: decode them as UTF-8 or cp1252."""
    if value.isascii() or not any("\udc80" <= char <= "\udcff" for char in value):
        return value
    data = value.encode("utf-8", "surrogateescape")
    try:
        return data.decode("utf-8")  # allowed in headers by RFC 6532: not worth a note
    except UnicodeDecodeError:
        return _decode_bytes(data, None, where, notes, sniff=False)


def _decode_words(value: str, where: str, notes: list[str]) -> str:
    """Decode RFC 2047 words, joining adjacent words so split multibyte characters survive."""
    if "=?" not in value:
        return value
    out: list[str] = []
    pending = bytearray()
    pending_charset = ""
    pos = 0
    for match in _ENCODED_WORD.finditer(value):
        gap = value[pos : match.start()]
        charset = match[1].split("*", 1)[0].lower()
        adjacent = pos > 0 and not gap.strip()
        if pending and (not adjacent or charset != pending_charset):
            out.append(_decode_bytes(bytes(pending), pending_charset, where, notes, sniff=False))
            pending.clear()
        if not adjacent:
            out.append(gap)
        pending += _word_bytes(match[2], match[3])
        pending_charset = charset
        pos = match.end()
    if pending:
        out.append(_decode_bytes(bytes(pending), pending_charset, where, notes, sniff=False))
    out.append(value[pos:])
    return "".join(out)


def _word_bytes(encoding: str, text: str) -> bytes:
    data = text.encode("utf-8", "surrogateescape")
    if encoding in "Qq":
        return binascii.a2b_qp(data, header=True)
    return _b64decode(data)[0]


def _b64decode(data: bytes) -> tuple[bytes, bool]:
    """Base64 that tolerates junk characters and bad padding; also says if there was any."""
    compact = data.translate(None, b" \t\r\n")
    try:
        return binascii.a2b_base64(compact, strict_mode=True), True
    except binascii.Error:
        pass
    text = data.decode("ascii", "replace")
    clean = _NOT_BASE64.sub("", text)
    if len(clean) % 4 == 1:
        clean = clean[:-1]
    return binascii.a2b_base64(clean + "=" * (-len(clean) % 4)), False


def _addresses(
    raw_fields: list[tuple[str, str]], name: str, notes: list[str]
) -> list[tuple[str, str]]:
    """(decoded display name, addr-spec with lowercased domain) for every usable address."""
    values = [_quote_words(value) for key, value in raw_fields if key.lower() == name]
    found: list[tuple[str, str]] = []
    for display, addr in getaddresses(values):
        local, at, domain = addr.strip().rpartition("@")
        if not at or not _ADDR_SPEC.fullmatch(addr.strip()) or len(addr.strip()) > _MAX_ADDRESS:
            if addr or display:
                notes.append(f"unparseable address in {name.title()}: {addr or display!r}")
            continue
        shown = " ".join(_decode_words(display, f"header {name}", notes).splitlines()).strip()
        found.append((shown, f"{local}@{domain.lower()}"))
    return found


def _quote_words(value: str) -> str:
    """Encoded words outside quotes put in quotes when they hold ``:``, ``@``, ``<``…: the
    address parser would otherwise read ``=?utf-8?q?Eve_x@evil.example?= <eve@…>`` as a group
    with another address (RFC 2047 forbids such words in a phrase, but they occur)."""
    if "=?" not in value:
        return value
    out: list[str] = []
    pos = 0
    for quoted in _QUOTED_STRING.finditer(value):
        out.append(_ENCODED_WORD.sub(_quoted_word, value[pos : quoted.start()]))
        out.append(quoted[0])
        pos = quoted.end()
    out.append(_ENCODED_WORD.sub(_quoted_word, value[pos:]))
    return "".join(out)


def _quoted_word(word: re.Match[str]) -> str:
    if _ADDRESS_SPECIALS.isdisjoint(word[0]):
        return word[0]
    return '"' + word[0].replace("\\", "\\\\").replace('"', '\\"') + '"'


def _message_id(value: str | None) -> str | None:
    """The first ``<...>`` token without inner whitespace; a bare ``x@y`` gets its brackets."""
    if value is None:
        return None
    match = _MESSAGE_ID.search(value)
    if match is not None:
        inner = "".join(match[1].split())
        return f"<{inner}>" if inner and len(inner) < _MAX_MESSAGE_ID - 1 else None
    bare = value.strip()
    if "@" in bare and not any(char.isspace() for char in bare):
        return f"<{bare}>" if len(bare) < _MAX_MESSAGE_ID - 1 else None
    return None


def _references(raw_fields: list[tuple[str, str]]) -> tuple[str, ...]:
    ids: dict[str, None] = {}
    for key, value in raw_fields:
        if key.lower() == "references":
            for match in _MESSAGE_ID.finditer(value):
                inner = "".join(match[1].split())
                if inner and len(inner) < _MAX_MESSAGE_ID - 1:
                    ids[f"<{inner}>"] = None
    return tuple(ids)


def _date(value: str | None, notes: list[str]) -> datetime | None:
    """An aware instant; a date without a zone (or ``-0000``) is taken as UTC."""
    if value is None or not value.strip():
        return None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, OverflowError, IndexError):
        notes.append(f"unparseable Date: {value!r}")
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


# Body


def _walk(msg: Message) -> Iterator[tuple[Message, str]]:
    """Every part depth-first with its IMAP part number; iterative, so deep nesting is safe."""
    stack: list[tuple[Message, str]] = [(msg, "")]
    while stack:
        part, number = stack.pop()
        yield part, number
        if _is_container(part):
            prefix = f"{number}." if number else ""
            children = part.get_payload()
            stack.extend(
                (child, f"{prefix}{i}") for i, child in reversed(list(enumerate(children, 1)))
            )


def _is_container(part: Message) -> bool:
    return part.get_content_maintype() == "multipart" and part.is_multipart()


def _read_body(msg: Message, notes: list[str]) -> _Body:
    body = _Body()
    for part, number in _walk(msg):
        if number:
            _resolve_headers(part, f"part {number} header", notes)
        if not _is_container(part):
            _take_part(part, number or "1", body, notes)
        where = f"part {number}" if number else "the message"
        notes.extend(f"MIME defect in {where}: {type(d).__name__}" for d in part.defects)
    return body


def _take_part(part: Message, number: str, body: _Body, notes: list[str]) -> None:
    """Record one leaf (or enclosed message) as body text, HTML or an attachment."""
    content_type = part.get_content_type()
    filename = _filename(part, number, notes)
    body_like = content_type in _BODY_TYPES or part.get_content_maintype() == "multipart"
    if part.is_multipart() or filename is not None or not body_like or _is_attached(part):
        size = _message_size(part, number, notes) if part.is_multipart() else None
        if size is None:
            size = len(_payload_bytes(part, number, notes))
        body.attachments.append(Attachment(filename, content_type, size))
    elif content_type == "text/html":
        if body.html is None:
            body.html = _part_text(part, number, notes)
    elif body.text is None:
        if content_type != "text/plain":
            notes.append(f"{content_type} without parts in part {number}; read as text")
        body.text = _part_text(part, number, notes)


def _is_attached(part: Message) -> bool:
    return part.get_content_disposition() == "attachment"


def _filename(part: Message, number: str, notes: list[str]) -> str | None:
    """The filename (RFC 2231 and, though not allowed there, RFC 2047 decoded), or None."""
    name = part.get_filename()
    if name is None:
        return None
    where = f"filename of part {number}"
    return _decode_words(str(name), where, notes).strip() or None


def _message_size(part: Message, number: str, notes: list[str]) -> int:
    """The size of enclosed message/* parts as re-serialised by the stdlib."""
    total = 0
    for sub in part.get_payload():
        if not isinstance(sub, Message):
            continue
        try:
            total += len(sub.as_bytes())
        except (LookupError, TypeError, ValueError, RecursionError) as exc:
            notes.append(f"cannot measure part {number}: {type(exc).__name__}")
    return total


def _payload_bytes(part: Message, number: str, notes: list[str]) -> bytes:
    """The payload with its transfer encoding undone, tolerating odd spellings and damage."""
    cte = str(part.get("content-transfer-encoding", "")).strip().lower().split(";")[0].strip()
    if cte in _UU_CTE:
        data = part.get_payload(decode=True)
        return data if isinstance(data, bytes) else b""
    raw = _raw_payload(part)
    if cte == "base64":
        data, clean = _b64decode(raw)
        if not clean:
            notes.append(f"damaged base64 in part {number}")
        return data
    if cte == "quoted-printable":
        return binascii.a2b_qp(_LONE_CR.sub(b"\r\n", raw))
    if cte not in _PLAIN_CTE:
        notes.append(f"unknown transfer encoding {cte!r} in part {number}; kept as is")
    return raw


def _raw_payload(part: Message) -> bytes:
    """The undecoded bytes, read from the private ``_payload``: every public accessor either
    undoes the transfer encoding its own way or decodes 8-bit text with a guessed charset."""
    payload = vars(part).get("_payload")
    if isinstance(payload, bytes):
        return payload
    if isinstance(payload, str):
        return payload.encode("utf-8", "surrogateescape")
    return b""


def _part_text(part: Message, number: str, notes: list[str]) -> str:
    data = _payload_bytes(part, number, notes)
    text = _decode_bytes(data, part.get_content_charset(), f"part {number}", notes, sniff=True)
    return _LINE_ENDS.sub("\n", text)


def _body_text(body: _Body, notes: list[str]) -> str:
    if body.text is not None and (body.text.strip() or body.html is None):
        return body.text
    if body.html is None:
        return ""
    return _html_to_text(body.html, notes)


# Charsets


def _decode_bytes(
    data: bytes, charset: str | None, where: str, notes: list[str], *, sniff: bool
) -> str:
    """Declared charset strictly, then UTF-8, then (if sniffing) a guess, then cp1252."""
    candidates = _codecs_for(charset)
    for name in candidates:
        try:
            return data.decode(name)
        except (UnicodeError, LookupError):
            continue
    if data.isascii():
        if charset and not candidates and charset not in _UNDECLARED:
            notes.append(f"unknown charset {charset!r} in {where}; decoded as ascii")
        return data.decode("ascii")
    text, used = _guess(data, sniff=sniff)
    if candidates:
        problem = f"undecodable charset {charset!r}"
    elif charset and charset not in _UNDECLARED:
        problem = f"unknown charset {charset!r}"
    else:
        problem = "8-bit text without a charset"
    notes.append(f"{problem} in {where}; decoded as {used}")
    return text


def _codecs_for(charset: str | None) -> tuple[str, ...]:
    """The codecs to try for a declared charset; empty when the name means nothing usable."""
    if not charset:
        return ()
    label = charset.strip().strip("\"'").lower()
    if label in _UNDECLARED:
        return ()
    try:
        name = codecs.lookup(_ALIASES.get(label, label)).name
    except (LookupError, ValueError):  # ValueError: a NUL in the name
        return ()
    if name in _REFUSED_CODECS:
        return ()
    return _SUPERSETS.get(name, (name,))


def _guess(data: bytes, *, sniff: bool) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # UTF-8 with a few stray bytes (cut off mid-character, one pasted cp1252 quote) stays UTF-8.
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    if bad * _UTF8_GOOD_PER_BAD <= good:
        return text, f"utf-8 with {bad} bad sequence(s) replaced"
    # The detector guesses wildly on a few stray bytes, where cp1252 is the likelier answer;
    # and without NUL bytes the text cannot be UTF-16/32, though it proposes them.
    if sniff and len(data.translate(None, _ASCII_BYTES)) >= _SNIFF_MIN_8BIT:
        wide_ok = b"\x00" in data
        for match in charset_normalizer.from_bytes(data):
            if wide_ok or not match.encoding.startswith(("utf_16", "utf_32")):
                return str(match), match.encoding
    return data.decode("cp1252", "replace"), "cp1252"


# HTML


_MAX_HTML_TO_PARSE = 500_000
_BREAKING_TAGS = re.compile(r"<(?:br|/p|/div|/li|/tr|/h[1-6])\b[^>]*>", re.I)
_DROPPED_BLOCKS = re.compile(r"<(script|style|head)\b.*?</\1\s*>", re.I | re.S)


def _html_to_text(html: str, notes: list[str]) -> str:
    """Readable text from HTML: blocks and <br> become line breaks, markup and scripts go.

    Huge HTML (over ``_MAX_HTML_TO_PARSE`` characters) is only stripped of tags: the tree
    builder needs seconds per megabyte, and the words are what the classifier needs.
    """
    if len(html) > _MAX_HTML_TO_PARSE:
        notes.append(f"HTML of {len(html)} characters: tags stripped without parsing")
        text = _DROPPED_BLOCKS.sub(" ", html)
        text = unescape(_TAG.sub(" ", _BREAKING_TAGS.sub("\n", text)))
        lines = [line.strip() for line in _LINE_ENDS.sub("\n", text).split("\n")]
        return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
            warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
            soup = BeautifulSoup(_VOID_TAG.sub(r"<\1\2/>", html), "html.parser")
        text = _soup_text(soup)
    except (ParserRejectedMarkup, AssertionError, RecursionError) as exc:
        notes.append(f"HTML not parseable ({type(exc).__name__}); tags stripped")
        text = unescape(_TAG.sub(" ", html))
    lines = [line.strip() for line in _LINE_ENDS.sub("\n", text).split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")


def _soup_text(soup: BeautifulSoup) -> str:
    """Walk the tree once with an explicit stack: editing it in place is quadratic in bs4."""
    out: list[str] = []
    in_pre = 0
    stack: list[object] = [soup]
    while stack:
        node = stack.pop()
        if node is _Mark.BLOCK_END:
            out.append("\n")
        elif node is _Mark.PRE_END:
            in_pre -= 1
        elif type(node) is NavigableString:
            out.append(str(node) if in_pre else _HTML_SPACE.sub(" ", node).replace("\xa0", " "))
        elif isinstance(node, Tag) and node.name not in _DROPPED_TAGS:
            if node.name == "br":
                out.append("\n")
            elif node.name in _BLOCK_TAGS:
                out.append("\n")
                stack.append(_Mark.BLOCK_END)
            if node.name == "pre":
                in_pre += 1
                stack.append(_Mark.PRE_END)
            stack.extend(reversed(node.contents))
    return "".join(out)
