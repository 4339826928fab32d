"""The pure routing decision: a table of messages and what must happen to them."""

from __future__ import annotations

import pytest

from mailbot.classify import classify
from mailbot.config import StaffSettings
from mailbot.mail.parse import parse_message
from mailbot.workflow.decide import (
    Attach,
    Duplicate,
    Ignore,
    Known,
    OpenTicket,
    Policy,
    StaffMail,
    decide,
    reference_tokens,
)

POLICY = Policy(own_addresses=frozenset({"support@example.co.uk"}))


def message(headers: str, body: str = "Please send me a copy of my data.") -> bytes:
    base = "To: support@example.co.uk\r\nSubject: Request\r\nMessage-ID: <m1@example.org>\r\n"
    return (base + headers + "\r\n" + body).encode()


def decide_raw(raw: bytes, known: Known | None = None):  # type: ignore[no-untyped-def]
    parsed = parse_message(raw)
    return decide(parsed, known or Known(), classify(parsed), POLICY)


@pytest.mark.parametrize(
    ("headers", "rule"),
    [
        ("From: a@example.org\r\nAuto-Submitted: auto-replied\r\n", "auto_reply"),
        ("From: a@example.org\r\nAuto-Submitted: auto-generated\r\n", "auto_reply"),
        ("From: a@example.org\r\nX-Autoreply: yes\r\n", "auto_reply"),
        ("From: a@example.org\r\nPrecedence: bulk\r\n", "auto_reply"),
        ("From: a@example.org\r\nPrecedence: junk\r\n", "auto_reply"),
        ("From: a@example.org\r\nX-Auto-Response-Suppress: OOF\r\n", "auto_reply"),
        ("From: MAILER-DAEMON@mx.example.org\r\n", "bounce"),
        ("From: postmaster@mx.example.org\r\n", "bounce"),
        (
            "From: a@example.org\r\nContent-Type: multipart/report; "
            'report-type=delivery-status; boundary="x"\r\n',
            "bounce",
        ),
        ("From: Support <SUPPORT@example.co.uk>\r\n", "own_address"),
        ("From: nobody\r\n", "no_sender"),
        ("", "no_sender"),
        ("From: a@example.org\r\nList-Id: <news.example.org>\r\n", "mailing_list"),
    ],
)
def test_robots_and_loops_are_left_alone(headers: str, rule: str) -> None:
    decision = decide_raw(message(headers))
    assert isinstance(decision, Ignore)
    assert decision.rule == rule
    assert decision.settle == "leave"


def test_auto_submitted_no_is_a_person() -> None:
    decision = decide_raw(message("From: a@example.org\r\nAuto-Submitted: no\r\n"))
    assert isinstance(decision, OpenTicket)


def test_person_opens_ticket_with_acknowledgement() -> None:
    decision = decide_raw(message("From: Ann <ann@example.org>\r\n"))
    assert isinstance(decision, OpenTicket)
    assert decision.may_reply is True
    assert decision.settle == "processed"


@pytest.mark.parametrize("sender", ["noreply@shop.example", "no-reply@x.example", "donotreply@y"])
def test_no_reply_sender_gets_a_ticket_but_no_reply(sender: str) -> None:
    decision = decide_raw(message(f"From: {sender}\r\n"))
    assert isinstance(decision, OpenTicket)
    assert decision.may_reply is False


def test_duplicate_wins_and_follows_the_original() -> None:
    raw = message("From: ann@example.org\r\n")
    decision = decide_raw(raw, Known(duplicate_of=7, duplicate_settle="processed"))
    assert decision == Duplicate(original_id=7, settle="processed", reason=decision.reason)
    left = decide_raw(raw, Known(duplicate_of=7, duplicate_settle="leave"))
    assert isinstance(left, Duplicate) and left.settle == "leave"


def test_duplicate_robot_stays_where_it_is() -> None:
    raw = message("From: a@example.org\r\nAuto-Submitted: auto-replied\r\n")
    decision = decide_raw(raw, Known(duplicate_of=3, duplicate_settle="leave"))
    assert isinstance(decision, Duplicate) and decision.settle == "leave"


def test_thread_reply_attaches() -> None:
    known = Known(thread_ticket_id=5, thread_reference="DSR-2026-00005", thread_rule="subject")
    decision = decide_raw(message("From: ann@example.org\r\n"), known)
    assert isinstance(decision, Attach)
    assert (decision.ticket_id, decision.rule, decision.settle) == (5, "subject", "processed")


def test_robot_in_thread_is_still_a_robot() -> None:
    known = Known(thread_ticket_id=5, thread_reference="DSR-2026-00005")
    raw = message("From: a@example.org\r\nAuto-Submitted: auto-replied\r\n")
    assert isinstance(decide_raw(raw, known), Ignore)


@pytest.mark.parametrize(
    ("subject", "tokens"),
    [
        ("Re: [DSR-2026-00042] We have received your request", ["DSR-2026-00042"]),
        ("AW: AW: [OPT-2027-00001]", ["OPT-2027-00001"]),
        ("DSR-2026-00042 without brackets", []),
        ("[DSR-26-1]", []),
        ("[DSR-2026-123456] long numbers", ["DSR-2026-123456"]),
    ],
)
def test_reference_tokens(subject: str, tokens: list[str]) -> None:
    assert reference_tokens(subject) == tokens


@pytest.mark.parametrize(
    ("body", "opens"),
    [
        ("Where is my order 1234? It was due on Monday.", False),
        ("Dobrý den, kdy dorazí moje objednávka číslo 1234? Děkuji.", True),  # read only in part
        ("你好，我的订单什么时候到？", True),  # a language we cannot read
        ("I am worried about what happens to my personal data with you.", True),  # unsure
    ],
)
def test_mail_we_cannot_read_goes_to_a_person(body: str, opens: bool) -> None:
    raw = message("From: ann@example.org\r\nContent-Type: text/plain; charset=utf-8\r\n", body)
    decision = decide_raw(raw)
    if opens:
        assert isinstance(decision, OpenTicket)
        assert decision.classification.needs_triage
    else:
        assert isinstance(decision, Ignore) and decision.rule == "not_a_request"


STAFF_POLICY = Policy(
    own_addresses=frozenset({"support@example.co.uk"}),
    is_staff=StaffSettings(
        addresses=("anna@example.co.uk",), domains=("staff.example.co.uk",)
    ).is_staff,
)
THREAD = Known(
    thread_ticket_id=7,
    thread_reference="DSR-2026-00007",
    thread_rule="subject",
    thread_requester="person@example.org",
)


def decide_staff(sender: str, body: str, known: Known) -> object:
    parsed = parse_message(message(f"From: {sender}\r\n", body))
    return decide(parsed, known, classify(parsed), STAFF_POLICY)


@pytest.mark.parametrize(
    ("sender", "body", "known", "expected"),
    [
        # a staff reply in a ticket's thread goes to the staff desk, commands or not
        ("anna@example.co.uk", "Dear Jo, done.", THREAD, StaffMail(7, "DSR-2026-00007")),
        ("Bob@Staff.Example.co.uk", "#verify", THREAD, StaffMail(7, "DSR-2026-00007")),
        # commands outside a thread (#open) go to the desk too
        ("anna@example.co.uk", "\n  #open access for a@b.example", Known(), StaffMail(None, None)),
        # a staff member writing without commands outside a thread is read like anyone
        ("anna@example.co.uk", "Please send me a copy of my data.", Known(), OpenTicket),
        # ... and in the thread of their own request they are its requester
        (
            "anna@example.co.uk",
            "Here is my code",
            Known(
                thread_ticket_id=8,
                thread_reference="DSR-2026-00008",
                thread_requester="ANNA@example.co.uk",
            ),
            Attach,
        ),
        # a look-alike domain is not staff
        ("eve@example.co.uk.evil.example", "#verify", THREAD, Attach),
    ],
)
def test_staff_mail_is_routed_to_the_desk(
    sender: str, body: str, known: Known, expected: object
) -> None:
    decision = decide_staff(sender, body, known)
    if isinstance(expected, type):
        assert isinstance(decision, expected)
    else:
        assert isinstance(decision, StaffMail)
        assert isinstance(expected, StaffMail)
        assert (decision.ticket_id, decision.reference) == (expected.ticket_id, expected.reference)


def test_a_staff_auto_reply_is_still_a_robot() -> None:
    raw = message("From: anna@example.co.uk\r\nAuto-Submitted: auto-replied\r\n", "Out of office")
    parsed = parse_message(raw)
    decision = decide(parsed, THREAD, classify(parsed), STAFF_POLICY)
    assert isinstance(decision, Ignore) and decision.rule == "auto_reply"
