"""Staff mail: prove who sent it, then carry out its ``#commands`` and relay its words.

A From header proves nothing, so nothing here acts before ``StaffAuthenticator`` has seen a
DKIM signature (or a trusted ``Authentication-Results``) for a staff domain. A message that
claims a staff address without proof changes nothing: it is recorded as a security event,
quarantined, and staff are told (once an hour per claimed address, so a flood of forgeries
cannot flood the staff).

An authenticated message is all or nothing:

- a command that cannot be read (unknown, malformed) → nothing is done, nothing is relayed,
  and the sender gets the precise errors back;
- the commands run in order inside one savepoint; if one is refused (``#extend`` after month
  one, ``#close`` on a closed ticket…) they are all rolled back, nothing is relayed, and the
  sender is told which one and why;
- otherwise the staff member's own words (no command lines, quoted text or signature) go to
  the requester from the support address, threaded, and the sender gets one confirmation
  listing what each command did (a plain relay needs none: the audit trail records it).

Replays: the same message again is a duplicate (Message-ID) and never reaches this module; a
signed message older than ``staff.max_command_age_days`` is refused as well.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import getaddresses

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mailbot.config import Settings
from mailbot.logs import log_event
from mailbot.mail.message import InboundMessage
from mailbot.staff.auth import AuthResult, StaffAuthenticator
from mailbot.staff.commands import Command, StaffReply, parse_staff_reply
from mailbot.tickets import store
from mailbot.tickets.models import InboundMessageRow, SecurityEvent, Ticket
from mailbot.tickets.states import IllegalTransition
from mailbot.workflow.decide import SettleAction
from mailbot.workflow.lifecycle import Lifecycle
from mailbot.workflow.outgoing import format_date

log = logging.getLogger("mailbot.staff")
FORGERY_NOTICE_EVERY = timedelta(hours=1)
MAX_CLOCK_SKEW = timedelta(days=1)
_FROM = re.compile(rb"^From:[ \t]*(.*(?:\r?\n[ \t].*)*)", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True, slots=True)
class StaffOutcome:
    """How the inbound record of a staff message reads, and where the message goes."""

    rule: str
    reason: str
    settle: SettleAction = "processed"
    ticket_id: int | None = None
    reference: str | None = None


class _Refused(Exception):
    """A command the ticket's state or the law does not allow; nothing is kept."""

    def __init__(self, command: Command, reason: str) -> None:
        super().__init__(reason)
        self.command = command
        self.reason = reason


class StaffDesk:
    """Handles one staff message inside the ingest transaction."""

    def __init__(
        self, settings: Settings, lifecycle: Lifecycle, authenticator: StaffAuthenticator
    ) -> None:
        self.settings = settings
        self.lifecycle = lifecycle
        self.outgoing = lifecycle.outgoing
        self.authenticator = authenticator

    def handle(
        self,
        session: Session,
        row: InboundMessageRow,
        ticket: Ticket | None,
        message: InboundMessage,
        raw: bytes,
        now: datetime,
        checked: tuple[str, AuthResult] | None = None,
    ) -> StaffOutcome:
        """Act on one staff message; ``checked`` is (sender, proof) found before, if it was."""
        sender = (message.from_address or "").lower()
        if checked is not None and checked[0] == sender:
            proof = checked[1]
        else:
            proof = self.prove(raw, sender)
        if not proof.ok:
            self._forged(session, row, ticket, message, sender, proof.reason, now)
            return StaffOutcome(
                "staff_unauthenticated", f"staff authority not proven: {proof.reason}", "quarantine"
            )
        reply = parse_staff_reply(message.text)
        problems = list(reply.errors)
        stale = self._stale(message, now)
        if stale:
            problems.insert(0, stale)
        if not problems:
            problems += _placement_problems(reply, in_thread=ticket is not None)
        if problems:
            lines = [
                *problems,
                "Nothing was changed and nothing was sent to the requester. "
                "Correct the commands and send the message again.",
            ]
            title = "Not done: errors in your commands"
            self._not_done(session, ticket, message, sender, title, problems, lines, now)
            return StaffOutcome("staff_refused", "; ".join(problems)[:2000])
        try:
            with session.begin_nested():
                ticket, results = self._run_commands(session, ticket, reply, sender, row, now)
        except _Refused as refused:
            error = f"#{refused.command.name}: {refused.reason}"
            lines = [
                f"#{refused.command.name} was refused: {refused.reason}",
                "None of the commands in your message were carried out and nothing was sent "
                "to the requester.",
            ]
            title = f"Not done: #{refused.command.name} refused"
            self._not_done(session, ticket, message, sender, title, [error], lines, now)
            return StaffOutcome("staff_refused", f"#{refused.command.name}: {refused.reason}")
        assert ticket is not None  # outside a thread, #open made one
        relayed = self._relay(session, ticket, reply, sender, row, now, results)
        if reply.commands or (not relayed and reply.relay_text):
            self._confirm(session, ticket, message, sender, results, now)
        if not reply.commands and not reply.relay_text:
            store.add_event(
                session,
                ticket,
                at=now,
                actor=sender,
                event="staff_message_recorded",
                inbound_id=row.id,
                note="no commands and nothing to relay",
            )
        done = ", ".join(f"#{c.name}" for c in reply.commands) or "no commands"
        return StaffOutcome(
            "staff",
            f"{done}; {'relayed' if relayed else 'nothing relayed'}",
            "processed",
            ticket.id,
            ticket.reference,
        )

    # -- authenticity -----------------------------------------------------------------

    def claimed_staff_sender(self, raw: bytes) -> str | None:
        """The staff address a message's From header claims, or None (a cheap header scan)."""
        header_end = raw.find(b"\r\n\r\n")
        if header_end < 0:
            header_end = raw.find(b"\n\n")
        match = _FROM.search(raw[: header_end if header_end >= 0 else len(raw)])
        if match is None:
            return None
        addresses = [a for _, a in getaddresses([match.group(1).decode("utf-8", "replace")])]
        if len(addresses) != 1 or not self.settings.staff.is_staff(addresses[0]):
            return None
        return addresses[0].lower()

    def prove(self, raw: bytes, sender: str) -> AuthResult:
        """Whether ``raw`` proves it comes from staff (DKIM or trusted Authentication-Results)."""
        return self.authenticator.check(raw, sender)

    def _forged(
        self,
        session: Session,
        row: InboundMessageRow,
        ticket: Ticket | None,
        message: InboundMessage,
        sender: str,
        reason: str,
        now: datetime,
    ) -> None:
        recent = session.scalar(
            select(func.count()).where(
                SecurityEvent.kind == "staff_unauthenticated",
                SecurityEvent.address == sender,
                SecurityEvent.at > now - FORGERY_NOTICE_EVERY,
            )
        )
        session.add(
            SecurityEvent(
                at=now,
                kind="staff_unauthenticated",
                address=sender,
                message_id=message.message_id,
                ticket_id=ticket.id if ticket is not None else None,
                inbound_id=row.id,
                detail={"reason": reason[:1000], "subject": message.subject[:300]},
            )
        )
        if ticket is not None:
            store.add_event(
                session,
                ticket,
                at=now,
                actor=sender,
                event="staff_claim_refused",
                inbound_id=row.id,
                reason=reason[:1000],
            )
        log_event(
            log,
            "security.staff_unauthenticated",
            level="warning",
            sender=sender,
            message_id=message.message_id,
            reason=reason,
        )
        if recent:
            return  # staff were told within the hour; the record is enough
        lines = [
            f"A message claiming to be from {sender} could not be proven to come from staff, "
            "so nothing was changed and nothing was sent to the requester.",
            f"Why: {reason}",
            "The message is in the quarantine folder. If it was yours, check that your mail "
            "is DKIM-signed for your domain; further such messages from this address in the "
            "next hour are recorded without another mail.",
        ]
        self._to_staff(
            session,
            ticket,
            list(self.settings.staff.addresses),
            "Refused: unproven staff mail",
            lines,
            f"Subject: {message.subject[:300]}",
            now,
        )

    def _stale(self, message: InboundMessage, now: datetime) -> str | None:
        written = message.date_at
        if written is None:
            return None
        limit = timedelta(days=self.settings.staff.max_command_age_days)
        if written < now - limit:
            return f"the message is dated {written:%Y-%m-%d}, older than {limit.days} days"
        if written > now + MAX_CLOCK_SKEW:
            return f"the message is dated {written:%Y-%m-%d}, in the future"
        return None

    # -- commands ---------------------------------------------------------------------

    def _run_commands(
        self,
        session: Session,
        ticket: Ticket | None,
        reply: StaffReply,
        actor: str,
        row: InboundMessageRow,
        now: datetime,
    ) -> tuple[Ticket | None, list[str]]:
        results: list[str] = []
        for command in sorted(reply.commands, key=lambda c: c.name != "open"):
            try:
                if command.name == "open":
                    ticket, routed = self._open(session, command, actor, row, now)
                    results.append(
                        f"#open: opened {ticket.reference} for {ticket.requester}; {routed}"
                    )
                    continue
                assert ticket is not None
                results.append(
                    f"#{command.name}: {self._apply(session, ticket, command, actor, now)}"
                )
            except IllegalTransition as exc:
                raise _Refused(command, str(exc)) from exc
        return ticket, results

    def _open(
        self, session: Session, command: Command, actor: str, row: InboundMessageRow, now: datetime
    ) -> tuple[Ticket, str]:
        address = (command.address or "").lower()
        if self.settings.staff.is_staff(address) or address in self.settings.own_addresses:
            raise IllegalTransition(f"{address} is a staff or our own address, not a requester")
        return self.lifecycle.open_logged(
            session, command.rights, address, actor, row.received_at, now
        )

    def _apply(
        self, session: Session, ticket: Ticket, command: Command, actor: str, now: datetime
    ) -> str:
        """Carry out one command on the ticket; a short line saying what was done."""
        life = self.lifecycle
        match command.name:
            case "verify":
                life.mark_verified(session, ticket, actor, now)
                return f"identity marked as verified; acknowledged, due {_day(ticket)}"
            case "extend":
                life.extend(session, ticket, command.argument, actor, now)
                return f"extended to {_day(ticket)}; the requester was told why"
            case "hold":
                life.hold(session, ticket, command.argument, actor, now)
                return "on hold; the question was sent and the clock is paused"
            case "resume":
                return life.resume(session, ticket, actor, now)
            case "assign":
                return self._assign(
                    session, ticket, command.address or command.argument, actor, now
                )
            case "note":
                life.note(session, ticket, command.argument, actor, now)
                return "note added (internal)"
            case "reclassify":
                life.reclassify(session, ticket, command.rights, actor, now)
                return f"rights now {', '.join(command.rights)}"
            case "close":
                life.complete(session, ticket, command.argument, actor, now)
                return "completed; the outcome was sent to the requester"
            case "reject":
                life.reject(session, ticket, command.argument, actor, now)
                return "rejected; the reason was sent to the requester"
        raise IllegalTransition(f"#{command.name} cannot be used here")  # pragma: no cover

    def _assign(
        self, session: Session, ticket: Ticket, assignee: str, actor: str, now: datetime
    ) -> str:
        if not self.settings.staff.is_staff(assignee):
            # Notices carry the requester's data: never to an outside address by a typo.
            raise IllegalTransition(
                f"{assignee} is not a staff address (staff.addresses or staff.domains)"
            )
        self.lifecycle.assign(session, ticket, assignee, actor, now)
        return f"assigned to {ticket.assignee}"

    # -- relay and answers ------------------------------------------------------------

    def _relay(
        self,
        session: Session,
        ticket: Ticket,
        reply: StaffReply,
        actor: str,
        row: InboundMessageRow,
        now: datetime,
        results: list[str],
    ) -> bool:
        if not reply.relay_text:
            return False
        if any(c.name == "open" for c in reply.commands):
            self.lifecycle.note(session, ticket, reply.relay_text, actor, now)
            results.append("the rest of your message was kept as an internal note")
            return False
        message_id = self.outgoing.relay(session, ticket, reply.relay_text, now)
        if message_id is None:
            results.append("your text was NOT sent to the requester (see the ticket's trail)")
            return False
        store.add_event(
            session,
            ticket,
            at=now,
            actor=actor,
            event="relayed",
            inbound_id=row.id,
            message_id=message_id,
        )
        return True

    def _confirm(
        self,
        session: Session,
        ticket: Ticket,
        message: InboundMessage,
        sender: str,
        results: list[str],
        now: datetime,
    ) -> None:
        self._to_staff(session, ticket, [sender], "Done", results, "", now, answering=message)

    def _not_done(
        self,
        session: Session,
        ticket: Ticket | None,
        message: InboundMessage,
        sender: str,
        title: str,
        errors: list[str],
        lines: list[str],
        now: datetime,
    ) -> None:
        """Nothing was done: the trail says why, and so does the answer to the sender."""
        if ticket is not None:
            store.add_event(
                session,
                ticket,
                at=now,
                actor=sender,
                event="staff_commands_refused",
                errors=errors,
            )
        self._to_staff(session, ticket, [sender], title, lines, "", now, answering=message)

    def _to_staff(
        self,
        session: Session,
        ticket: Ticket | None,
        recipients: list[str],
        title: str,
        lines: list[str],
        detail: str,
        now: datetime,
        *,
        answering: InboundMessage | None = None,
    ) -> None:
        company = self.settings.company
        context = {
            "title": title,
            "result_lines": lines,
            "detail": detail,
            "reference": ticket.reference if ticket is not None else "",
            "state": ticket.state if ticket is not None else "",
            "due_on": format_date(ticket.due_on, "en") if ticket is not None else "",
            "company_name": company.name,
            "support_address": company.support_address,
        }
        self.outgoing.to_people(
            session,
            recipients,
            "staff_result",
            context,
            now,
            ticket=ticket,
            in_reply_to=answering.message_id if answering is not None else None,
            references=tuple(answering.references) if answering is not None else (),
        )


def _placement_problems(reply: StaffReply, *, in_thread: bool) -> list[str]:
    """``#open`` starts a new mail (other commands may follow it for the new ticket); every
    other command answers a ticket's mail."""
    opens = [c for c in reply.commands if c.name == "open"]
    if in_thread:
        if opens:
            return [
                "#open logs a new request: write it in a new mail to the support address, "
                "not in a reply about another ticket"
            ]
        return []
    if len(opens) == 1:
        return []
    if len(opens) > 1:
        return ["one #open per message, please"]
    names = ", ".join(f"#{c.name}" for c in reply.commands)
    return [
        f"{names or 'these commands'}: not in a ticket's thread. Reply to a mail about the "
        "ticket (its reference in the subject), or log a new request with "
        "#open <rights> for <address>."
    ]


def _day(ticket: Ticket) -> str:
    return format_date(ticket.due_on, "en") or "not set"
