"""Staff reply reading: commands at the top, errors that say what to fix, clean relay text."""

from __future__ import annotations

import pytest

from mailbot.staff.commands import Command, parse_command, parse_staff_reply

KNOWN = "#verify, #extend, #hold, #resume, #assign, #note, #reclassify, #close, #reject, #open"
RIGHTS = "access, rectification, erasure, restriction, portability, objection, automated_decision"
RIGHTS += ", information"


@pytest.mark.parametrize(
    ("line", "command"),
    [
        ("#verify", Command("verify")),
        ("  #VERIFY  ", Command("verify")),
        (
            "#extend complex request, many systems",
            Command("extend", "complex request, many systems"),
        ),
        ("#Extend: complex", Command("extend", "complex")),
        ("#hold Which account number?", Command("hold", "Which account number?")),
        ("#resume", Command("resume")),
        (
            "#assign anna@staff.example.co.uk",
            Command("assign", "anna@staff.example.co.uk", address="anna@staff.example.co.uk"),
        ),
        (
            "#assign <anna@staff.example.co.uk>",
            Command("assign", "<anna@staff.example.co.uk>", address="anna@staff.example.co.uk"),
        ),
        ("#note called them back", Command("note", "called them back")),
        ("#reclassify access", Command("reclassify", "access", rights=("access",))),
        (
            "#reclassify Erasure, objection access erasure",
            Command(
                "reclassify",
                "Erasure, objection access erasure",
                rights=("erasure", "objection", "access"),
            ),
        ),
        (
            "#reclassify automated-decision",
            Command("reclassify", "automated-decision", rights=("automated_decision",)),
        ),
        ("#close data sent", Command("close", "data sent")),
        ("#reject identity not proven", Command("reject", "identity not proven")),
        (
            "#open access for jo@example.org",
            Command(
                "open", "access for jo@example.org", rights=("access",), address="jo@example.org"
            ),
        ),
        (
            "#open erasure, objection FOR <jo@example.org>",
            Command(
                "open",
                "erasure, objection FOR <jo@example.org>",
                rights=("erasure", "objection"),
                address="jo@example.org",
            ),
        ),
    ],
)
def test_valid_command(line: str, command: Command) -> None:
    reply = parse_staff_reply(line)
    assert reply == parse_staff_reply(line)
    assert reply.errors == ()
    assert reply.commands == (command,)
    assert reply.relay_text == ""


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ("#foo", f"unknown command #foo (known: {KNOWN})"),
        ("#", f"unknown command # (known: {KNOWN})"),
        ("#1 priority", f"unknown command #1 (known: {KNOWN})"),
        ("#verify now please", "#verify takes no argument"),
        ("#resume x", "#resume takes no argument"),
        ("#extend", "#extend needs a reason"),
        ("#extend:  ", "#extend needs a reason"),
        ("#hold", "#hold needs a question for the requester"),
        ("#note", "#note needs some text"),
        ("#close", "#close needs an outcome"),
        ("#reject", "#reject needs a reason"),
        ("#assign", "#assign needs an email address"),
        ("#assign anna", "#assign: 'anna' is not an email address"),
        ("#assign anna@localhost", "#assign: 'anna@localhost' is not an email address"),
        ("#reclassify", f"#reclassify needs at least one right (rights: {RIGHTS})"),
        ("#reclassify acces", f"#reclassify: unknown right 'acces' (rights: {RIGHTS})"),
        ("#reclassify access, email", f"#reclassify: unknown right 'email' (rights: {RIGHTS})"),
        ("#open", '#open needs "<rights> for <address>"'),
        ("#open access jo@example.org", '#open needs "<rights> for <address>"'),
        ("#open for jo@example.org", '#open needs "<rights> for <address>"'),
        ("#open acces for jo@example.org", f"#open: unknown right 'acces' (rights: {RIGHTS})"),
        ("#open access for jo", "#open: 'jo' is not an email address"),
    ],
)
def test_invalid_command(line: str, error: str) -> None:
    reply = parse_staff_reply(f"#verify\n{line}\nThanks for waiting.")
    assert reply.errors == (f"line 2: {error}",)
    assert reply.commands == (Command("verify"),)
    assert reply.relay_text == "Thanks for waiting."


def test_commands_only_at_the_top() -> None:
    text = "\n#verify\n\n  #note checked passport\nDear Jo,\n#extend not a command\nBest"
    reply = parse_staff_reply(text)
    assert reply.commands == (Command("verify"), Command("note", "checked passport"))
    assert reply.errors == ()
    assert reply.relay_text == "Dear Jo,\n#extend not a command\nBest"


@pytest.mark.parametrize(
    "text",
    [
        "We are on it #gdpr\n#verify",
        "Dear Jo, see #3 below.\n#foo",
        "Hi\n\n#hashtag at line start after prose",
    ],
)
def test_hashtags_in_prose_are_text(text: str) -> None:
    reply = parse_staff_reply(text)
    assert reply.commands == ()
    assert reply.errors == ()
    assert reply.relay_text == text.strip()


def test_unknown_command_is_never_relayed() -> None:
    reply = parse_staff_reply("#verfiy\nYour data is attached.")
    assert reply.commands == ()
    assert reply.errors[0].startswith("line 1: unknown command #verfiy")
    assert reply.relay_text == "Your data is attached."


QUOTE_STYLES = [
    "On Mon, 3 Mar 2025 at 10:00, Jo Bloggs <jo@example.org> wrote:\n> Please delete my data.",
    "On Mon, 3 Mar 2025 at 10:00, Jo Bloggs <jo@example.org>\nwrote:\n> Please delete my data.",
    "Am 03.03.2025 um 10:00 schrieb Jo Bloggs <jo@example.org>:\n> Bitte löschen.",
    "Le lun. 3 mars 2025 à 10:00, Jo <jo@example.org> a écrit :\n> Supprimez.",
    "From: Jo Bloggs <jo@example.org>\nSent: Monday, 3 March 2025 10:00\nTo: support\n\nDelete.",
    "Von: Jo Bloggs <jo@example.org>\nGesendet: Montag, 3. März 2025 10:00\n\nBitte löschen.",
    "-----Original Message-----\nFrom: jo@example.org\nPlease delete my data.",
    "> Please delete my data.\n> Thanks",
]


@pytest.mark.parametrize("quote", QUOTE_STYLES)
def test_relay_text_drops_quoted_text(quote: str) -> None:
    reply = parse_staff_reply(f"#close erased\n\nDear Jo,\n\nDone.\n\n{quote}\n")
    assert reply.commands == (Command("close", "erased"),)
    assert reply.relay_text == "Dear Jo,\n\nDone."


@pytest.mark.parametrize("separator", ["-- ", "--"])
def test_relay_text_drops_signature(separator: str) -> None:
    reply = parse_staff_reply(f"Dear Jo,\nDone.\n{separator}\nAnna Smith\nData Protection Team\n")
    assert reply.relay_text == "Dear Jo,\nDone."


def test_interleaved_quotes_keep_staff_words() -> None:
    reply = parse_staff_reply("> What do you hold?\nYour orders.\n> When?\nBy Friday.")
    assert reply.relay_text == "Your orders.\nBy Friday."


@pytest.mark.parametrize(
    "text",
    [
        "#verify",
        "#verify\n#note ok\n",
        "\n\n#verify\n\n",
        "#verify\n\nOn Mon, 3 Mar 2025, Jo <jo@example.org> wrote:\n> hi",
        "#verify\n-- \nAnna",
        "",
    ],
)
def test_only_commands_relay_nothing(text: str) -> None:
    assert parse_staff_reply(text).relay_text == ""


def test_crlf_input() -> None:
    text = "#hold Which address?\r\n\r\nDear Jo,\r\nwhich address?\r\n-- \r\nAnna\r\n"
    reply = parse_staff_reply(text)
    assert reply.commands == (Command("hold", "Which address?"),)
    assert reply.relay_text == "Dear Jo,\nwhich address?"


def test_relay_text_keeps_the_staffs_own_footer_like_lines() -> None:
    reply = parse_staff_reply(
        "Dear Jo,\nYou can unsubscribe at any time from our newsletter.\n-- \nAnna\n"
    )
    assert reply.relay_text == "Dear Jo,\nYou can unsubscribe at any time from our newsletter."


def test_an_address_with_control_characters_is_not_an_address() -> None:
    assert parse_command("#open access for a\x01b@example.org") == (
        "#open: 'a\\x01b@example.org' is not an email address"
    )
