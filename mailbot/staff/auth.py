"""Prove that a message claiming a staff address really comes from a staff domain.

A From header proves nothing: anyone can write one. Staff authority needs either

- a DKIM signature that verifies (dkimpy), made by the From domain itself, which must be a
  configured staff domain; dkimpy refuses signatures that do not cover From, and a second From
  header added above a signed message breaks the signature; or
- an ``Authentication-Results`` header (RFC 8601) from a configured trusted authserv-id saying
  ``dkim=pass`` for the From domain.

Authentication-Results is only as good as the server that writes it: any sender can put such
a header in their message, with any authserv-id. The trusted server must therefore remove or
rename incoming Authentication-Results headers carrying its own authserv-id (Postfix with
OpenDKIM/OpenDMARC, Exchange Online and Gmail do). On top of that, only the topmost run of
trusted headers is read: the trusted server adds its headers above everything the sender wrote.

A DKIM signature must also cover Subject, Date and Message-ID (``SIGNED_HEADERS_REQUIRED``):
the subject names the ticket a command acts on, and the other two are what replay protection
checks. Mainstream signers (Gmail, Microsoft 365, OpenDKIM's defaults) cover all of them.

Neither check stops a replay: a validly signed staff message sent again still verifies.
Replay protection is the caller's job (deduplicate by Message-ID, and accept commands only in
the ticket's own thread).

Errors: nothing here raises on bad input. dkimpy's exceptions (``dkim.DKIMException`` and the
parse errors it lets through) and DNS failures become ``AuthResult(ok=False, reason=...)``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from email import policy
from email.parser import BytesHeaderParser
from email.utils import getaddresses
from typing import Literal

import dkim
from dkim.asn1 import ASN1FormatError
from dkim.crypto import DigestTooLargeError, UnparsableKeyError
from dkim.util import InvalidTagValueList, parse_tag_value

Method = Literal["dkim", "authentication-results", "none"]
DnsLookup = Callable[[bytes], bytes | None]
"""Return the TXT record text for a name such as ``b"s1._domainkey.example.com."``."""

# What dkimpy lets escape on malformed signatures or keys, besides its own DKIMException.
_DKIM_ERRORS = (
    dkim.DKIMException,
    ASN1FormatError,
    DigestTooLargeError,
    UnparsableKeyError,
    InvalidTagValueList,
    KeyError,
    ValueError,
    IndexError,
    TypeError,
)
# Headers a staff signature must cover: who, which ticket, and when/which message (replays).
SIGNED_HEADERS_REQUIRED = ("from", "subject", "date", "message-id")
_COMMENT = re.compile(r"\([^()]*\)")
_RESULT = re.compile(r"^\s*(?P<method>[\w.-]+)\s*(?:/\s*\d+\s*)?=\s*(?P<result>[\w-]+)")
_PROPERTY = re.compile(r"(?P<key>[\w-]+\.[\w-]+)\s*=\s*\"?(?P<value>[^\s;\"]*)\"?")


@dataclass(frozen=True, slots=True)
class AuthResult:
    """Whether the sender proved staff authority, how, and why not when it did not."""

    ok: bool
    method: Method
    reason: str


class DnsLookupError(Exception):
    """The pluggable DNS lookup failed; raise it (or OSError) from a custom ``dns_lookup``."""


class StaffAuthenticator:
    """Checks staff authority of raw messages against configured staff domains."""

    def __init__(
        self,
        staff_domains: frozenset[str],
        trusted_authserv_ids: frozenset[str],
        dns_lookup: DnsLookup | None = None,
    ) -> None:
        self._staff_domains = frozenset(_normal_domain(domain) for domain in staff_domains)
        self._trusted_ids = frozenset(server.lower() for server in trusted_authserv_ids)
        self._dnsfunc = dkim.get_txt if dns_lookup is None else _dkimpy_dnsfunc(dns_lookup)

    def check(self, raw: bytes, claimed_from: str) -> AuthResult:
        """Whether ``raw``, claiming to be from ``claimed_from``, proves staff authority."""
        domain = _domain_of(claimed_from)
        if domain is None:
            return AuthResult(False, "none", f"not an email address: {claimed_from!r}")
        if domain not in self._staff_domains:
            return AuthResult(False, "none", "not a staff domain")
        headers = _read_headers(raw)
        problem = _from_problem(headers, claimed_from)
        if problem is not None:
            return AuthResult(False, "none", problem)
        results = _authentication_results(headers, self._trusted_ids, domain)
        if results.ok:
            return results
        signature = self._verify_dkim(raw, domain)
        if signature.ok:
            return signature
        return AuthResult(False, "none", f"{signature.reason}; {results.reason}")

    def _verify_dkim(self, raw: bytes, domain: str) -> AuthResult:
        """A DKIM signature by ``domain`` that verifies, trying each signature in turn."""
        try:
            verifier = dkim.DKIM(raw)
        except _DKIM_ERRORS as exc:
            return AuthResult(False, "none", f"unreadable message: {exc}")
        signatures = [
            value for name, value in verifier.headers if name.lower() == b"dkim-signature"
        ]
        if not signatures:
            return AuthResult(False, "none", "no DKIM signature")
        reasons = []
        for index, value in enumerate(signatures):
            signer = _signing_domain(value)
            if signer != domain:
                reasons.append(f"DKIM signature by {signer or 'no domain'}, not {domain}")
                continue
            reason = self._verify_one(raw, index) or _uncovered(value)
            if reason is None:
                return AuthResult(True, "dkim", f"DKIM signature by {domain} verified")
            reasons.append(reason)
        return AuthResult(False, "none", "; ".join(reasons))

    def _verify_one(self, raw: bytes, index: int) -> str | None:
        """None when signature ``index`` verifies, else why not."""
        try:
            ok = dkim.DKIM(raw).verify(idx=index, dnsfunc=self._dnsfunc)
        except (DnsLookupError, OSError) as exc:
            return f"DNS lookup failed: {exc}"
        except _DKIM_ERRORS as exc:
            return f"DKIM signature invalid: {exc or type(exc).__name__}"
        return None if ok else "DKIM signature does not verify"


def _uncovered(signature: bytes) -> str | None:
    """Why a verified signature still proves too little, or None.

    The ticket a command acts on comes from the Subject (or the threading headers), the
    replay checks from Message-ID and Date: a signature that leaves them out would let anyone
    re-send a signed staff message with a new subject, aimed at another ticket.
    """
    try:
        signed = {
            name.strip().lower()
            for name in parse_tag_value(signature)
            .get(b"h", b"")
            .decode("ascii", "replace")
            .split(":")
        }
    except _DKIM_ERRORS:
        return "DKIM signature unreadable"
    missing = [name for name in SIGNED_HEADERS_REQUIRED if name not in signed]
    if missing:
        return f"DKIM signature does not cover {', '.join(missing)}"
    return None


def _dkimpy_dnsfunc(lookup: DnsLookup) -> Callable[..., bytes | None]:
    """The pluggable lookup with the signature dkimpy calls: ``dnsfunc(name, timeout=5)``."""

    def dnsfunc(name: bytes, timeout: float = 5) -> bytes | None:
        return lookup(name)

    return dnsfunc


def _normal_domain(domain: str) -> str:
    return domain.strip().rstrip(".").lower()


def _domain_of(address: str) -> str | None:
    local, at, domain = address.strip().rpartition("@")
    return _normal_domain(domain) if at and local and domain.strip(".") else None


def _read_headers(raw: bytes) -> list[tuple[str, str]]:
    """The header fields of ``raw``, top to bottom, unfolded."""
    message = BytesHeaderParser(policy=policy.compat32).parsebytes(raw)
    return [(name, " ".join(str(value).split())) for name, value in message.items()]


def _from_problem(headers: list[tuple[str, str]], claimed_from: str) -> str | None:
    """Why the message's From header does not back the claimed sender, or None."""
    values = [value for name, value in headers if name.lower() == "from"]
    if len(values) != 1:
        return f"expected one From header, found {len(values)}"
    addresses = [address for _, address in getaddresses(values) if address]
    if [address.lower() for address in addresses] != [claimed_from.strip().lower()]:
        return "the From header does not match the claimed sender"
    return None


def _signing_domain(signature: bytes) -> str | None:
    """The ``d=`` domain of a DKIM-Signature header value, or None when unreadable."""
    try:
        tags = parse_tag_value(signature)
    except _DKIM_ERRORS:
        return None
    domain = tags.get(b"d")
    return _normal_domain(domain.decode("ascii", "replace")) if domain else None


def _authentication_results(
    headers: list[tuple[str, str]], trusted_ids: frozenset[str], domain: str
) -> AuthResult:
    """A ``dkim=pass`` for ``domain`` in the topmost trusted Authentication-Results headers."""
    found = [value for name, value in headers if name.lower() == "authentication-results"]
    trusted: list[str] = []
    for value in found:
        if _authserv_id(value) not in trusted_ids:
            break
        trusted.append(value)
    if not trusted:
        return AuthResult(False, "none", "no Authentication-Results from a trusted server")
    for value in trusted:
        if _says_dkim_pass(value, domain):
            return AuthResult(True, "authentication-results", f"{_authserv_id(value)}: dkim=pass")
    return AuthResult(
        False, "none", f"trusted Authentication-Results show no dkim=pass for {domain}"
    )


def _authserv_id(value: str) -> str:
    """The authserv-id: the first token of the header, before any version number."""
    head = _COMMENT.sub(" ", value).split(";", 1)[0].split()
    return head[0].lower() if head else ""


def _says_dkim_pass(value: str, domain: str) -> bool:
    """Whether one Authentication-Results value reports a DKIM pass for ``domain``."""
    text = value
    while _COMMENT.search(text):
        text = _COMMENT.sub(" ", text)
    for resinfo in text.split(";")[1:]:
        match = _RESULT.match(resinfo)
        if match is None or match["method"].lower() != "dkim":
            continue
        if match["result"].lower() != "pass":
            continue
        properties = {found["key"].lower(): found["value"] for found in _PROPERTY.finditer(resinfo)}
        signer = properties.get("header.d") or properties.get("header.i", "").rpartition("@")[2]
        if signer and _normal_domain(signer) == domain:
            return True
    return False
