"""What to do with one inbound message: a pure function of the message and what is known.

The steps run in order and the first that decides wins; each decision names its rule, so the
record shows why a message was handled the way it was:

    duplicate → bounce of ours → robot → own address → no sender → staff → thread match →
    mailing list → not a request → open ticket

Staff mail is only *routed* here; whether it proves staff authority (DKIM) is checked when it
is applied, since that needs the raw message and DNS.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from mailbot.classify.labels import Classification
from mailbot.mail.message import InboundMessage

SettleAction = Literal["processed", "quarantine", "leave"]

REFERENCE_TOKEN = re.compile(r"\[((?:DSR|OPT)-\d{4}-\d{5,})\]")
_COMMAND_START = re.compile(r"^\s*#[A-Za-z]")
_NO_REPLY_LOCAL = re.compile(
    r"^(no-?reply|do-?not-?reply|donotreply|noreply-.*|bounces?|mailer-daemon|postmaster)"
    r"(\+.*)?$",
    re.I,
)


def is_no_reply_address(address: str) -> bool:
    """no-reply@, mailer-daemon@, bounces+…@ and friends: addresses no person reads."""
    return bool(_NO_REPLY_LOCAL.match(address.rpartition("@")[0]))


@dataclass(frozen=True, slots=True)
class Known:
    """What the store already knows that bears on this message."""

    duplicate_of: int | None = None
    duplicate_settle: SettleAction | None = None
    thread_ticket_id: int | None = None
    thread_reference: str | None = None
    thread_rule: str = ""
    thread_requester: str | None = None
    bounced_mail_id: int | None = None
    bounced_ticket_id: int | None = None


@dataclass(frozen=True, slots=True)
class Duplicate:
    original_id: int
    settle: SettleAction
    rule: str = "duplicate"
    reason: str = "seen before"


@dataclass(frozen=True, slots=True)
class Ignore:
    rule: str
    reason: str
    settle: SettleAction = "leave"


@dataclass(frozen=True, slots=True)
class Attach:
    ticket_id: int
    reference: str
    rule: str
    reason: str
    settle: SettleAction = "processed"


@dataclass(frozen=True, slots=True)
class OpenTicket:
    classification: Classification
    may_reply: bool
    rule: str
    reason: str
    settle: SettleAction = "processed"


@dataclass(frozen=True, slots=True)
class RecordBounce:
    ticket_id: int
    mail_id: int
    rule: str = "bounce_of_ours"
    reason: str = "a bounce of our own mail"
    settle: SettleAction = "processed"


@dataclass(frozen=True, slots=True)
class StaffMail:
    """Mail from a staff address: a reply in a ticket's thread, or ``#open`` outside one."""

    ticket_id: int | None
    reference: str | None
    rule: str = "staff"
    reason: str = "from a staff address"
    settle: SettleAction = "processed"


Decision = Duplicate | Ignore | Attach | OpenTicket | RecordBounce | StaffMail


def _nobody(_address: str) -> bool:
    return False


@dataclass(frozen=True, slots=True)
class Policy:
    """The configuration the decision needs: our own addresses, who counts as staff
    (``StaffSettings.is_staff``: configured addresses and domains)."""

    own_addresses: frozenset[str]
    is_staff: Callable[[str], bool] = _nobody


Step = Callable[[InboundMessage, Known, Classification, Policy], Decision | None]


def decide(
    message: InboundMessage, known: Known, classification: Classification, policy: Policy
) -> Decision:
    """Run the steps in order; the first one with an answer decides."""
    for step in STEPS:
        decision = step(message, known, classification, policy)
        if decision is not None:
            return decision
    raise AssertionError("the last step always decides")  # pragma: no cover


def check_duplicate(
    message: InboundMessage, known: Known, _c: Classification, _p: Policy
) -> Decision | None:
    """The same message seen again (new UID, same Message-ID) is settled like the first copy."""
    if known.duplicate_of is None:
        return None
    settle = known.duplicate_settle or "processed"
    return Duplicate(
        original_id=known.duplicate_of,
        settle="leave" if settle == "leave" else "processed",
        reason=f"same message as #{known.duplicate_of} ({message.message_id or 'same content'})",
    )


def check_bounce_of_ours(
    _m: InboundMessage, known: Known, classification: Classification, _p: Policy
) -> Decision | None:
    """A bounce of a mail we sent belongs to that mail's ticket: the address is undeliverable."""
    if classification.kind != "bounce" or known.bounced_mail_id is None:
        return None
    if known.bounced_ticket_id is None:
        return None
    return RecordBounce(ticket_id=known.bounced_ticket_id, mail_id=known.bounced_mail_id)


def check_robot(
    _m: InboundMessage, _k: Known, classification: Classification, _p: Policy
) -> Decision | None:
    """Auto-replies and bounces never open a ticket nor get an answer."""
    if not classification.is_robot:
        return None
    return Ignore(rule=classification.kind, reason="; ".join(classification.evidence))


def check_own_address(
    message: InboundMessage, _k: Known, _c: Classification, policy: Policy
) -> Decision | None:
    """Mail from our own address is a loop in the making."""
    sender = (message.from_address or "").lower()
    if sender and sender in policy.own_addresses:
        return Ignore(rule="own_address", reason=f"sent from our own address {sender}")
    return None


def check_sender(
    message: InboundMessage, _k: Known, _c: Classification, _p: Policy
) -> Decision | None:
    """Without a usable From address nobody can be answered: leave it for a human."""
    if message.from_address and "@" in message.from_address:
        return None
    return Ignore(rule="no_sender", reason="no usable From address")


def check_staff(
    message: InboundMessage, known: Known, _c: Classification, policy: Policy
) -> Decision | None:
    """Staff replying in a ticket's thread, or writing commands (``#open …``) outside one.

    A staff member who is the requester of the ticket (an employee's own request) is treated
    as the requester; a staff address writing without commands outside any thread is read
    like anyone else's mail.
    """
    sender = (message.from_address or "").lower()
    if not policy.is_staff(sender):
        return None
    if known.thread_ticket_id is not None and known.thread_reference is not None:
        if known.thread_requester is not None and known.thread_requester.lower() == sender:
            return None
        return StaffMail(
            known.thread_ticket_id,
            known.thread_reference,
            reason=f"staff reply in the thread of {known.thread_reference}",
        )
    first_line = next((line for line in message.text.splitlines() if line.strip()), "")
    if _COMMAND_START.match(first_line):
        return StaffMail(None, None, reason="staff commands outside a ticket thread")
    return None


def check_thread(
    _m: InboundMessage, known: Known, _c: Classification, _p: Policy
) -> Decision | None:
    """A message in the thread of an existing ticket belongs to that ticket."""
    if known.thread_ticket_id is None or known.thread_reference is None:
        return None
    return Attach(
        ticket_id=known.thread_ticket_id,
        reference=known.thread_reference,
        rule=known.thread_rule or "thread",
        reason=f"reply in the thread of {known.thread_reference}",
    )


def check_list(
    message: InboundMessage, _k: Known, _c: Classification, _p: Policy
) -> Decision | None:
    """Mailing-list traffic is not a personal request."""
    list_id = message.header("List-Id")
    if list_id:
        return Ignore(rule="mailing_list", reason=f"List-Id: {list_id}")
    return None


def check_not_a_request(
    _m: InboundMessage, _k: Known, classification: Classification, _p: Policy
) -> Decision | None:
    """Ordinary support mail is recorded and left, unread, for the human helpdesk.

    Mail the classifier cannot read, or that touches on personal data without a request it
    recognises, is not ordinary: it opens a ticket in triage, so a person decides.
    """
    if classification.kind in ("rights_request", "opt_out") or classification.needs_triage:
        return None
    return Ignore(rule="not_a_request", reason="; ".join(classification.evidence) or "other")


def open_ticket(
    message: InboundMessage, _k: Known, classification: Classification, _p: Policy
) -> Decision:
    """A request: open a ticket; a sender that cannot take replies goes to staff instead."""
    may_reply = not is_no_reply_address(message.from_address or "")
    return OpenTicket(
        classification=classification,
        may_reply=may_reply,
        rule=classification.kind,
        reason="; ".join(classification.evidence)
        + ("" if may_reply else "; the sender is a no-reply address"),
    )


STEPS: Sequence[Step] = (
    check_duplicate,
    check_bounce_of_ours,
    check_robot,
    check_own_address,
    check_sender,
    check_staff,
    check_thread,
    check_list,
    check_not_a_request,
    open_ticket,
)


def reference_tokens(subject: str) -> list[str]:
    """Ticket references written in a subject as ``[DSR-2026-00001]``."""
    return REFERENCE_TOKEN.findall(subject)
