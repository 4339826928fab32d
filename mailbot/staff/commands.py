"""Read a staff reply: the ``#`` commands at its top and the words to relay to the requester.

Pure: no I/O, no database. A reply is read once into a ``StaffReply``; the workflow decides
what each command does. An unknown or malformed command is an error, never relayed text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from mailbot.classify.labels import RIGHTS
from mailbot.classify.quotes import own_words

_COMMAND_LINE = re.compile(r"^#(?P<name>[^\s:]*)\s*:?\s*(?P<argument>.*)$")
_ADDRESS = re.compile(
    r"^<?(?P<address>[^@\s<>,;\x00-\x1f\x7f]+@[^@\s<>,;\x00-\x1f\x7f]+"
    r"\.[^@\s<>,;.\x00-\x1f\x7f]+)>?$"
)
_OPEN = re.compile(r"^(?P<rights>.*?)\s+for\s+(?P<address>\S+)$", re.IGNORECASE)
_RIGHT_SEPARATORS = re.compile(r"[\s,]+")
_RIGHTS_HELP = ", ".join(RIGHTS)


@dataclass(frozen=True, slots=True)
class Command:
    """One command line: its name without ``#``, its argument, and the fields parsed from it."""

    name: str
    argument: str = ""
    rights: tuple[str, ...] = ()
    address: str | None = None


@dataclass(frozen=True, slots=True)
class StaffReply:
    """What a staff reply asks for, what went wrong reading it, and what to relay."""

    commands: tuple[Command, ...]
    errors: tuple[str, ...]
    relay_text: str


def _no_argument(name: str, argument: str) -> Command | str:
    return f"#{name} takes no argument" if argument else Command(name)


def _required(what: str) -> Callable[[str, str], Command | str]:
    def parse(name: str, argument: str) -> Command | str:
        return Command(name, argument) if argument else f"#{name} needs {what}"

    return parse


def _parse_address(text: str) -> str | None:
    match = _ADDRESS.match(text)
    return match["address"] if match else None


def _parse_rights(name: str, text: str) -> tuple[str, ...] | str:
    """The rights named in ``text`` in order, without repeats, or an error."""
    words = [word.lower().replace("-", "_") for word in _RIGHT_SEPARATORS.split(text) if word]
    if not words:
        return f"#{name} needs at least one right (rights: {_RIGHTS_HELP})"
    for word in words:
        if word not in RIGHTS:
            return f"#{name}: unknown right {word!r} (rights: {_RIGHTS_HELP})"
    return tuple(dict.fromkeys(words))


def _assign(name: str, argument: str) -> Command | str:
    if not argument:
        return f"#{name} needs an email address"
    address = _parse_address(argument)
    if address is None:
        return f"#{name}: {argument!r} is not an email address"
    return Command(name, argument, address=address)


def _reclassify(name: str, argument: str) -> Command | str:
    rights = _parse_rights(name, argument)
    return rights if isinstance(rights, str) else Command(name, argument, rights=rights)


def _open(name: str, argument: str) -> Command | str:
    match = _OPEN.match(argument)
    if match is None:
        return f'#{name} needs "<rights> for <address>"'
    rights = _parse_rights(name, match["rights"])
    if isinstance(rights, str):
        return rights
    address = _parse_address(match["address"])
    if address is None:
        return f"#{name}: {match['address']!r} is not an email address"
    return Command(name, argument, rights=rights, address=address)


_PARSERS: dict[str, Callable[[str, str], Command | str]] = {
    "verify": _no_argument,
    "extend": _required("a reason"),
    "hold": _required("a question for the requester"),
    "resume": _no_argument,
    "assign": _assign,
    "note": _required("some text"),
    "reclassify": _reclassify,
    "close": _required("an outcome"),
    "reject": _required("a reason"),
    "open": _open,
}
COMMAND_NAMES = tuple(_PARSERS)
_KNOWN_HELP = ", ".join(f"#{name}" for name in COMMAND_NAMES)


def parse_command(line: str) -> Command | str:
    """One command line (starting with ``#``) as a ``Command``, or an error message."""
    match = _COMMAND_LINE.match(line.strip())
    if match is None:
        return f"not a command: {line.strip()!r}"
    name = match["name"].lower()
    parser = _PARSERS.get(name)
    if parser is None:
        return f"unknown command #{match['name']} (known: {_KNOWN_HELP})"
    return parser(name, match["argument"].strip())


def parse_staff_reply(text: str) -> StaffReply:
    """Split a staff reply into its leading commands and the staff's own words to relay."""
    lines = text.splitlines()
    commands: list[Command] = []
    errors: list[str] = []
    body_start = len(lines)
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            body_start = number - 1
            break
        parsed = parse_command(stripped)
        if isinstance(parsed, Command):
            commands.append(parsed)
        else:
            errors.append(f"line {number}: {parsed}")
    relay_text = own_words("\n".join(lines[body_start:]), keep_footers=True)
    return StaffReply(tuple(commands), tuple(errors), relay_text)
