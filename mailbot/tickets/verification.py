"""One-time verification codes: made from injected randomness, stored only as salted hashes.

A code is 12 characters of Crockford base32 (60 bits), shown as ``K7QF-M2XD-9RTA``. Replies
are searched for anything shaped like a code (the quoted copy of our mail counts: only the
requester's mailbox received it); comparison is constant-time against the stored hash.
Attempts are limited per ticket, so 60 bits are far beyond guessing; the salt (the ticket
reference plus a per-code nonce) keeps equal codes from having equal hashes.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Callable

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
CODE_CHARS = 12
CODE_BITS = CODE_CHARS * 5
_CANDIDATE = re.compile(
    r"(?<![0-9A-Za-z])([0-9A-Za-z]{4})[- ]?([0-9A-Za-z]{4})[- ]?([0-9A-Za-z]{4})(?![0-9A-Za-z])"
)
_CONFUSABLE = str.maketrans({"I": "1", "L": "1", "O": "0"})

RandomBytes = Callable[[int], bytes]


def new_code(random_bytes: RandomBytes) -> str:
    """A fresh code from ``random_bytes`` (``secrets.token_bytes`` in production)."""
    value = int.from_bytes(random_bytes(8), "big") >> (64 - CODE_BITS)
    chars = [ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(CODE_CHARS))]
    return "-".join("".join(chars[i : i + 4]) for i in range(0, CODE_CHARS, 4))


def new_salt(random_bytes: RandomBytes) -> str:
    return random_bytes(8).hex()


def normalise(code: str) -> str:
    """Upper case, no separators, and the letters people confuse with digits mapped back."""
    return re.sub(r"[- ]", "", code).upper().translate(_CONFUSABLE)


def hash_code(code: str, salt: str) -> str:
    """The stored form: ``salt$sha256(salt:code)``."""
    digest = hashlib.sha256(f"{salt}:{normalise(code)}".encode()).hexdigest()
    return f"{salt}${digest}"


def candidates(text: str) -> list[str]:
    """Every code-shaped string in a reply, normalised, in order, without repeats."""
    seen: dict[str, None] = {}
    for match in _CANDIDATE.finditer(text):
        joined = normalise("".join(match.groups()))
        if all(ch in ALPHABET for ch in joined):
            seen.setdefault(joined, None)
    return list(seen)


def matches(text: str, stored: str) -> bool:
    """True when any code in ``text`` hashes to ``stored``."""
    salt, _, _digest = stored.partition("$")
    return any(hmac.compare_digest(hash_code(code, salt), stored) for code in candidates(text))
