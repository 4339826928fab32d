"""Staff authority: real DKIM signatures made with a key generated here, and trusted A-R headers."""

from __future__ import annotations

import dkim
import pytest

from mailbot.staff.auth import DnsLookupError, StaffAuthenticator
from tests.support import DkimKey as Key

STAFF = "staff.example.co.uk"
ATTACKER = "attacker.example"
TRUSTED = "mx.staff.example.co.uk"
SIGNED = [b"from", b"to", b"subject", b"date", b"message-id"]


@pytest.fixture(scope="module")
def staff_key() -> Key:
    return Key()


@pytest.fixture(scope="module")
def attacker_key() -> Key:
    return Key()


@pytest.fixture
def asked() -> list[bytes]:
    return []


@pytest.fixture
def authenticator(staff_key: Key, attacker_key: Key, asked: list[bytes]) -> StaffAuthenticator:
    records = {
        f"s1._domainkey.{STAFF}.".encode(): staff_key.record,
        f"s1._domainkey.{ATTACKER}.".encode(): attacker_key.record,
    }

    def lookup(name: bytes) -> bytes | None:
        asked.append(name)
        return records.get(name)

    return StaffAuthenticator(frozenset({STAFF}), frozenset({TRUSTED}), dns_lookup=lookup)


def message(sender: str = f"anna@{STAFF}", *, top: str = "", body: str = "#verify\n") -> bytes:
    text = (
        f"{top}From: Anna <{sender}>\r\nTo: support@shop.example\r\n"
        "Subject: Re: [REQ-1234] Your request\r\nDate: Mon, 03 Mar 2025 10:00:00 +0000\r\n"
        f"Message-ID: <1@{STAFF}>\r\n\r\n{body.replace(chr(10), chr(13) + chr(10))}"
    )
    return text.encode()


def sign(raw: bytes, key: Key, domain: str = STAFF, headers: list[bytes] | None = None) -> bytes:
    signature: bytes = dkim.sign(
        raw,
        selector=b"s1",
        domain=domain.encode(),
        privkey=key.private,
        include_headers=headers or SIGNED,
    )
    return signature + raw


@pytest.mark.parametrize("left_out", [b"subject", b"date", b"message-id"])
def test_a_signature_must_cover_subject_date_and_message_id(
    authenticator: StaffAuthenticator, staff_key: Key, left_out: bytes
) -> None:
    """Else a signed staff message could be re-sent with a new subject, at another ticket."""
    raw = sign(message(), staff_key, headers=[h for h in SIGNED if h != left_out])
    result = authenticator.check(raw, f"anna@{STAFF}")
    assert not result.ok
    assert f"does not cover {left_out.decode()}" in result.reason


def test_valid_signature(
    authenticator: StaffAuthenticator, staff_key: Key, asked: list[bytes]
) -> None:
    result = authenticator.check(sign(message(), staff_key), f"anna@{STAFF}")
    assert (result.ok, result.method) == (True, "dkim")
    assert asked == [f"s1._domainkey.{STAFF}.".encode()]


def test_claimed_address_is_compared_without_case(
    authenticator: StaffAuthenticator, staff_key: Key
) -> None:
    raw = sign(message(f"Anna@{STAFF.upper()}"), staff_key)
    assert authenticator.check(raw, f"anna@{STAFF}").ok


def test_forged_from_without_signature(authenticator: StaffAuthenticator) -> None:
    result = authenticator.check(message(), f"anna@{STAFF}")
    assert (result.ok, result.method) == (False, "none")
    assert "no DKIM signature" in result.reason


def test_signature_by_another_domain(
    authenticator: StaffAuthenticator, attacker_key: Key, asked: list[bytes]
) -> None:
    raw = sign(message(), attacker_key, domain=ATTACKER)
    result = authenticator.check(raw, f"anna@{STAFF}")
    assert not result.ok
    assert f"DKIM signature by {ATTACKER}, not {STAFF}" in result.reason
    assert asked == [], "a foreign signature costs no DNS lookup"


def test_staff_signature_with_attacker_key(
    authenticator: StaffAuthenticator, attacker_key: Key
) -> None:
    result = authenticator.check(sign(message(), attacker_key), f"anna@{STAFF}")
    assert not result.ok
    assert "DKIM signature" in result.reason


def test_body_tampered_after_signing(authenticator: StaffAuthenticator, staff_key: Key) -> None:
    raw = sign(message(), staff_key).replace(b"#verify", b"#close erased everything")
    result = authenticator.check(raw, f"anna@{STAFF}")
    assert not result.ok
    assert "body hash mismatch" in result.reason


def test_second_from_header_added_above_signed_message(
    authenticator: StaffAuthenticator, staff_key: Key
) -> None:
    raw = f"From: boss@{STAFF}\r\n".encode() + sign(message(), staff_key)
    assert authenticator.check(raw, f"boss@{STAFF}").reason == "expected one From header, found 2"


def test_claimed_sender_must_be_the_from_header(
    authenticator: StaffAuthenticator, staff_key: Key
) -> None:
    result = authenticator.check(sign(message(), staff_key), f"boss@{STAFF}")
    assert result == result.__class__(
        False, "none", "the From header does not match the claimed sender"
    )


def test_replayed_message_still_verifies(authenticator: StaffAuthenticator, staff_key: Key) -> None:
    """Crypto cannot see a replay: the caller dedupes by Message-ID and thread."""
    raw = sign(message(), staff_key)
    assert authenticator.check(raw, f"anna@{STAFF}").ok
    assert authenticator.check(raw, f"anna@{STAFF}").ok


@pytest.mark.parametrize("claimed", [f"anna@{ATTACKER}", "anna@sub.staff.example.co.uk"])
def test_not_a_staff_domain(authenticator: StaffAuthenticator, claimed: str) -> None:
    result = authenticator.check(message(claimed), claimed)
    assert (result.ok, result.reason) == (False, "not a staff domain")


@pytest.mark.parametrize("claimed", ["", "anna", "@staff.example.co.uk", "anna@"])
def test_not_an_address(authenticator: StaffAuthenticator, claimed: str) -> None:
    result = authenticator.check(message(), claimed)
    assert not result.ok
    assert result.reason.startswith("not an email address")


BAD_SIG = f"DKIM-Signature: v=1; a=rsa-sha256; d={STAFF}; "


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"garbage without headers",
        b"\xff\xfe\x00\x01",
        message(top=f"{BAD_SIG}broken\r\n"),
        message(top=f"{BAD_SIG}s=s1; h=to; bh=x; b=y\r\n"),
        message(top=f"{BAD_SIG}s=s1; h=from; bh=x; b=y\r\n"),
        message(
            top="DKIM-Signature: v=1; a=nope; d=staff.example.co.uk; s=s1; h=from; bh=x; b=y\r\n"
        ),
        message(top="DKIM-Signature: \r\n"),
        message(top="DKIM-Signature: d=\xe4.staff\r\n"),
    ],
)
def test_bad_input_never_raises(authenticator: StaffAuthenticator, raw: bytes) -> None:
    assert not authenticator.check(raw, f"anna@{STAFF}").ok


@pytest.mark.parametrize(
    "record", [b"v=DKIM1; k=rsa; p=", b"v=DKIM1; k=rsa; p=bm90IGEga2V5", b"", None]
)
def test_bad_or_missing_key_record(staff_key: Key, record: bytes | None) -> None:
    checker = StaffAuthenticator(frozenset({STAFF}), frozenset(), dns_lookup=lambda _: record)
    result = checker.check(sign(message(), staff_key), f"anna@{STAFF}")
    assert not result.ok
    assert result.reason.startswith("DKIM signature")


@pytest.mark.parametrize("error", [DnsLookupError("SERVFAIL"), OSError("network down")])
def test_dns_failure(staff_key: Key, error: Exception) -> None:
    def lookup(name: bytes) -> bytes:
        raise error

    checker = StaffAuthenticator(frozenset({STAFF}), frozenset(), dns_lookup=lookup)
    result = checker.check(sign(message(), staff_key), f"anna@{STAFF}")
    assert not result.ok
    assert "DNS lookup failed" in result.reason


def results(value: str) -> str:
    return f"Authentication-Results: {value}\r\n"


PASS = f"{TRUSTED}; dkim=pass (2048-bit key) header.d={STAFF} header.s=s1; spf=pass"


@pytest.mark.parametrize(
    "top",
    [
        results(PASS),
        results(f"{TRUSTED.upper()} 1; spf=pass; dkim=pass header.i=@{STAFF}"),
        results(f'{TRUSTED}; dkim=pass header.i="anna@{STAFF}" header.b=abc'),
        results(f"{TRUSTED}; dmarc=pass") + results(PASS),
        results(f"{TRUSTED}; dkim=fail header.d={STAFF}; dkim=pass header.d={STAFF}"),
        results(PASS) + results(f"{ATTACKER}; dkim=fail"),
        f"Received: from mx by {TRUSTED}\r\n" + results(PASS),
    ],
)
def test_trusted_authentication_results_pass(
    authenticator: StaffAuthenticator, top: str, asked: list[bytes]
) -> None:
    result = authenticator.check(message(top=top), f"anna@{STAFF}")
    assert (result.ok, result.method) == (True, "authentication-results")
    assert asked == []


@pytest.mark.parametrize(
    "top",
    [
        pytest.param(results(PASS.replace(TRUSTED, ATTACKER)), id="untrusted-id"),
        pytest.param(results(PASS.replace(TRUSTED, f"{TRUSTED}.{ATTACKER}")), id="lookalike-id"),
        pytest.param(results(PASS.replace("dkim=pass", "dkim=fail")), id="dkim-fail"),
        pytest.param(results(PASS.replace(f"d={STAFF}", f"d={ATTACKER}")), id="other-domain"),
        pytest.param(results(PASS.replace(f"d={STAFF}", f"d=x.{STAFF}")), id="subdomain"),
        pytest.param(results(f"{TRUSTED}; dkim=pass"), id="no-domain"),
        pytest.param(results(f"{TRUSTED}; spf=pass smtp.mailfrom={STAFF}"), id="spf-only"),
        pytest.param(results(f"{TRUSTED}; none"), id="none"),
        pytest.param(results(f"{TRUSTED}; dkim=pass (header.d={STAFF})"), id="in-comment"),
        pytest.param(results(f"{TRUSTED}; x-dkim=pass header.d={STAFF}"), id="other-method"),
        pytest.param(results(f"{ATTACKER}; dkim=none") + results(PASS), id="below-untrusted"),
    ],
)
def test_authentication_results_refused(authenticator: StaffAuthenticator, top: str) -> None:
    result = authenticator.check(message(top=top), f"anna@{STAFF}")
    assert (result.ok, result.method) == (False, "none")


def test_failure_reason_names_both_checks(authenticator: StaffAuthenticator) -> None:
    result = authenticator.check(message(top=results(f"{ATTACKER}; dkim=pass")), f"anna@{STAFF}")
    assert result.reason == ("no DKIM signature; no Authentication-Results from a trusted server")
