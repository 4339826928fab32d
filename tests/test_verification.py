"""Verification codes: entropy, hashing, finding them in replies."""

from __future__ import annotations

import secrets

import pytest

from mailbot.tickets.verification import (
    CODE_BITS,
    candidates,
    hash_code,
    matches,
    new_code,
    new_salt,
)


def fixed(value: bytes):  # type: ignore[no-untyped-def]
    return lambda n: (value * n)[:n]


def test_code_shape_and_entropy() -> None:
    assert CODE_BITS >= 40
    code = new_code(secrets.token_bytes)
    assert len(code) == 14 and code[4] == code[9] == "-"
    codes = {new_code(secrets.token_bytes) for _ in range(2000)}
    assert len(codes) == 2000


def test_codes_depend_only_on_the_randomness_given() -> None:
    assert new_code(fixed(b"\x00")) == "0000-0000-0000"
    assert new_code(fixed(b"\xff")) == "ZZZZ-ZZZZ-ZZZZ"


def test_hash_is_salted_and_never_contains_the_code() -> None:
    code = "K7QF-M2XD-9RTA"
    first, second = hash_code(code, new_salt(secrets.token_bytes)), hash_code(code, "abcd")
    assert first != second
    assert "K7QF" not in first and "K7QFM2XD9RTA" not in first


@pytest.mark.parametrize(
    "reply",
    [
        "K7QF-M2XD-9RTA",
        "my code is k7qf-m2xd-9rta thanks",
        "K7QF M2XD 9RTA",
        "K7QFM2XD9RTA",
        "> Your code: K7QF-M2XD-9RTA\n> Reply to this email",  # pressing Reply is enough
        "KTQF".replace("T", "7") + "-M2XD-9RTA",
        "K7QF-M2XD-9RTA\r\n",
    ],
)
def test_code_is_found_in_a_reply(reply: str) -> None:
    stored = hash_code("K7QF-M2XD-9RTA", "salt")
    assert matches(reply, stored)


@pytest.mark.parametrize(
    "reply",
    ["K7QF-M2XD-9RTB", "", "K7QF-M2XD", "XK7QF-M2XD-9RTA", "K7QF-M2XD-9RTAX", "no code here"],
)
def test_wrong_or_partial_codes_do_not_match(reply: str) -> None:
    assert not matches(reply, hash_code("K7QF-M2XD-9RTA", "salt"))


def test_confusable_letters_are_read_as_digits() -> None:
    stored = hash_code("10QF-M2XD-9RTA", "s")
    assert matches("IOQF-M2XD-9RTA", stored)


def test_candidates_are_unique_and_ordered() -> None:
    text = "AAAA-BBBB-CCCC and aaaa-bbbb-cccc and 1234-5678-9ABC"
    assert candidates(text) == ["AAAABBBBCCCC", "123456789ABC"]
