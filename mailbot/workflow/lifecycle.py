"""A ticket's life: opening, verification, the clock, replies, bounces, opt-outs, closing.

Every method runs inside the caller's transaction and records what it did on the audit
trail; mail goes through ``Outgoing`` (threaded, loop-safe) into the outbox of the same
transaction. Time and randomness come in from outside.

Decisions worth knowing:
- Rights that disclose, alter or delete data (access, rectification, erasure, restriction,
  portability, automated decisions) wait for identity verification; the statutory clock
  starts when the code comes back. Objection and information requests start the clock at once.
- A request the classifier is unsure of, or made for someone else, goes to triage: staff are
  told and the requester gets no automatic mail. Its clock runs from receipt meanwhile, so it
  escalates like any other; staff pause it (``#hold``) or send it on (``#resume``).
- A reply to a closed ticket is attached and staff are told; it does not reopen the ticket
  (a "thank you" should not), staff reopen it when it needs work.
- A reply from the requester to a ticket on hold is the clarification: the clock starts again
  from its arrival.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

import phonenumbers
from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from mailbot.classify.labels import TRIAGE_BELOW, Classification
from mailbot.config import Settings, clock_policy
from mailbot.mail.message import InboundMessage
from mailbot.tickets import store, verification
from mailbot.tickets.clock import deadlines, extension_allowed, opt_out_due_on
from mailbot.tickets.models import (
    OutboxMail,
    Suppression,
    Ticket,
    UndeliverableAddress,
)
from mailbot.tickets.states import CLOSED, IllegalTransition, State, transition
from mailbot.workflow.outgoing import Outgoing, format_date

log = logging.getLogger("mailbot.lifecycle")
ACTOR = "mailbot"
NEEDS_VERIFICATION = frozenset(
    {"access", "rectification", "erasure", "restriction", "portability", "automated_decision"}
)
RandomBytes = Callable[[int], bytes]


class Lifecycle:
    """The rules of a ticket's life, applied inside one transaction at a time."""

    def __init__(self, settings: Settings, outgoing: Outgoing, random_bytes: RandomBytes) -> None:
        self.settings = settings
        self.outgoing = outgoing
        self.random_bytes = random_bytes
        self.policy = clock_policy(settings)

    # -- state and clock --------------------------------------------------------------

    def move(
        self,
        session: Session,
        ticket: Ticket,
        target: State,
        now: datetime,
        *,
        actor: str = ACTOR,
        reason: str = "",
    ) -> None:
        """Change state through the state machine and write the audit event."""
        step = transition(ticket.state, target, actor=actor, at=now, reason=reason)
        store.add_event(
            session,
            ticket,
            at=now,
            actor=actor,
            event="state_changed",
            from_state=step.from_state.value,
            to_state=step.to_state.value,
            reason=reason,
        )
        ticket.state = step.to_state.value
        ticket.updated_at = now
        if step.to_state in CLOSED:
            ticket.closed_at = now

    def start_clock(
        self, session: Session, ticket: Ticket, started_at: datetime, now: datetime, why: str
    ) -> None:
        """Start (or restart) the statutory month; the due date is the earlier of the targets."""
        ticket.clock_started_at = started_at
        dates = deadlines(ticket.received_at, self.policy, clock_started_at=started_at)
        ticket.due_on = dates.due_on
        ticket.extended_due_on = None
        store.add_event(
            session,
            ticket,
            at=now,
            actor=ACTOR,
            event="clock_started",
            reason=why,
            clock_started_on=dates.clock_started_on.isoformat(),
            statutory_due_on=dates.statutory_due_on.isoformat(),
            due_on=dates.due_on.isoformat(),
        )

    def pause_clock(self, session: Session, ticket: Ticket, now: datetime, why: str) -> None:
        ticket.due_on = None
        store.add_event(session, ticket, at=now, actor=ACTOR, event="clock_paused", reason=why)

    # -- opening ----------------------------------------------------------------------

    def open(
        self,
        session: Session,
        ticket: Ticket,
        message: InboundMessage,
        label: Classification,
        now: datetime,
        *,
        may_reply: bool,
    ) -> None:
        """Route a new ticket: triage, opt-out, verification, or straight to work."""
        ticket.on_behalf = label.on_behalf
        ticket.confidence = label.confidence
        if "erasure" in ticket.rights or ticket.opt_out:
            self.suppress(session, ticket, message, now)
        if label.needs_triage or not may_reply:
            why = _triage_reason(label, may_reply)
            self.move(session, ticket, State.TRIAGE, now, reason=why)
            # The month runs from receipt while staff decide: triage must not hide a deadline.
            self.start_clock(session, ticket, ticket.received_at, now, "received; staff to triage")
            self.outgoing.to_staff(session, ticket, "Triage needed", why, now)
            return
        self.route(session, ticket, now, actor=ACTOR)
        detail = f"From {ticket.requester}: {ticket.subject}\nRights: {', '.join(ticket.rights)}"
        self.outgoing.to_staff(session, ticket, "New request", detail, now)

    def _open_opt_out(self, session: Session, ticket: Ticket, now: datetime) -> None:
        self.move(session, ticket, State.IN_PROGRESS, now, reason="opt-out registered")
        ticket.clock_started_at = ticket.received_at
        ticket.due_on = opt_out_due_on(ticket.received_at, self.policy)
        phones = [
            s.value
            for s in session.scalars(
                select(Suppression).where(
                    Suppression.ticket_id == ticket.id, Suppression.channel == "phone"
                )
            )
        ]
        self.outgoing.to_requester(
            session,
            ticket,
            "opt_out_confirmation",
            now,
            due_on=self._date(ticket, ticket.due_on, "opt_out_confirmation"),
            phones_text=", ".join(phones),
        )

    def _acknowledge(self, session: Session, ticket: Ticket, now: datetime) -> None:
        self.outgoing.to_requester(
            session,
            ticket,
            "acknowledgement",
            now,
            due_on=self._date(ticket, ticket.due_on, "acknowledgement"),
        )

    def _date(self, ticket: Ticket, day: date | None, template: str) -> str:
        """A date as the mail's language writes it."""
        language = self.outgoing.renderer.resolve_language(template, ticket.language)
        return format_date(day, language)

    # -- verification -----------------------------------------------------------------

    def request_verification(self, session: Session, ticket: Ticket, now: datetime) -> bool:
        """Ask the requester to confirm by replying with a one-time code; the clock waits.

        False if the mail was refused (a no-reply or bounced address: see the trail).
        """
        if ticket.state != State.AWAITING_VERIFICATION:
            self.move(
                session,
                ticket,
                State.AWAITING_VERIFICATION,
                now,
                reason="identity must be confirmed before disclosure or change",
            )
        code = self._new_code(ticket, now, keep_old=False)
        ticket.verification_requested_at = now
        ticket.verification_attempts = 0
        ticket.verification_reminded_at = None
        ticket.verification_expires_at = now + timedelta(
            days=self.settings.verification.code_ttl_days
        )
        self.pause_clock(session, ticket, now, "waiting for identity verification")
        sent = self.outgoing.to_requester(
            session,
            ticket,
            "verification_request",
            now,
            code=code,
            expires_on=self._date(
                ticket,
                self.outgoing.local_date(ticket.verification_expires_at),
                "verification_request",
            ),
        )
        return sent is not None

    def _new_code(self, ticket: Ticket, now: datetime, *, keep_old: bool) -> str:
        code = verification.new_code(self.random_bytes)
        hashed = verification.hash_code(code, verification.new_salt(self.random_bytes))
        old = (ticket.verification_hash or "").split() if keep_old else []
        ticket.verification_hash = " ".join([*old[-1:], hashed])
        return code

    def verify_reply(
        self, session: Session, ticket: Ticket, message: InboundMessage, now: datetime
    ) -> None:
        """A reply while verification is pending: accept the code, or say what is wrong."""
        sender = (message.from_address or "").lower()
        problem = self._verification_problem(ticket, message, sender, now)
        if problem is None:
            self._verified(session, ticket, now)
            return
        if problem != "wrong_sender":  # a stranger must not use up the requester's attempts
            ticket.verification_attempts += 1
        left = max(self.settings.verification.max_attempts - ticket.verification_attempts, 0)
        store.add_event(
            session,
            ticket,
            at=now,
            actor=sender or "unknown",
            event="verification_failed",
            problem=problem,
            attempts=ticket.verification_attempts,
        )
        self.outgoing.to_address(
            session,
            ticket,
            sender,
            "verification_failed",
            now,
            problem=problem,
            attempts_left=str(left),
        )
        if left == 0:
            self.move(
                session, ticket, State.TRIAGE, now, reason="too many failed verification attempts"
            )
            self.outgoing.to_staff(
                session,
                ticket,
                "Verification failed too many times",
                f"{ticket.verification_attempts} failed attempts; please verify by hand "
                "(#verify) or reject.",
                now,
            )
        elif problem == "expired":
            self.request_verification(session, ticket, now)

    def _verification_problem(
        self, ticket: Ticket, message: InboundMessage, sender: str, now: datetime
    ) -> str | None:
        if sender != ticket.requester.lower():
            return "wrong_sender"
        hashes = (ticket.verification_hash or "").split()
        if not verification.candidates(message.text + "\n" + message.subject):
            return "no_code"
        if not any(verification.matches(message.text + "\n" + message.subject, h) for h in hashes):
            return "wrong_code"
        expires = ticket.verification_expires_at
        if expires is not None and now > expires:
            return "expired"
        return None

    def _verified(self, session: Session, ticket: Ticket, now: datetime) -> None:
        ticket.verified_at = now
        ticket.verification_hash = None
        store.add_event(session, ticket, at=now, actor=ticket.requester, event="verified")
        self.move(session, ticket, State.IN_PROGRESS, now, reason="identity confirmed by email")
        self.start_clock(session, ticket, now, now, "identity confirmed")
        self.outgoing.to_requester(
            session,
            ticket,
            "verification_confirmed",
            now,
            due_on=self._date(ticket, ticket.due_on, "verification_confirmed"),
        )
        self.outgoing.to_staff(
            session, ticket, "Verified", f"Identity confirmed; due {ticket.due_on}", now
        )

    def mark_verified(self, session: Session, ticket: Ticket, actor: str, now: datetime) -> None:
        """Staff verified the requester by other means (``#verify``)."""
        store.add_event(session, ticket, at=now, actor=actor, event="verified_by_staff")
        ticket.verified_at = now
        ticket.verification_hash = None
        self.move(session, ticket, State.IN_PROGRESS, now, actor=actor, reason="verified by staff")
        self.start_clock(session, ticket, now, now, "identity confirmed by staff")
        self._acknowledge(session, ticket, now)

    # -- replies, bounces -------------------------------------------------------------

    def reply(
        self,
        session: Session,
        ticket: Ticket,
        message: InboundMessage,
        arrived_at: datetime,
        now: datetime,
    ) -> None:
        """A message in a ticket's thread: verification, clarification, or news for staff.

        Staff mail never comes here: it is routed to the staff desk (``workflow.staff``),
        which checks its authenticity before it may change anything.
        """
        sender = (message.from_address or "").lower()
        state = State(ticket.state)
        if state is State.AWAITING_VERIFICATION:
            self.verify_reply(session, ticket, message, now)
        elif state is State.ON_HOLD and sender == ticket.requester.lower():
            self.move(session, ticket, State.IN_PROGRESS, now, reason="clarification received")
            ticket.on_hold_since = None
            self.start_clock(session, ticket, arrived_at, now, "clarification received")
            self.outgoing.to_staff(session, ticket, "Clarification received", message.text, now)
        elif state in CLOSED:
            self.outgoing.to_staff(
                session,
                ticket,
                f"Reply to a {state.value} ticket",
                f"From {sender}:\n{message.text[:4000]}\n\nThe ticket stays closed; "
                "reply #resume to reopen it.",
                now,
            )
        else:
            self.outgoing.to_staff(
                session, ticket, "New message", f"From {sender}:\n{message.text[:4000]}", now
            )

    def bounce(
        self, session: Session, ticket: Ticket, mail: OutboxMail, reason: str, now: datetime
    ) -> None:
        """Our mail to this ticket bounced: the address is undeliverable from now on."""
        address = mail.recipient.lower()
        if session.get(UndeliverableAddress, address) is None:
            session.add(
                UndeliverableAddress(
                    address=address, since=now, reason=reason[:2000], ticket_id=ticket.id
                )
            )
        store.add_event(
            session,
            ticket,
            at=now,
            actor=ACTOR,
            event="mail_bounced",
            outbox_id=mail.id,
            recipient=mail.recipient,
            reason=reason[:500],
        )
        self.outgoing.to_staff(
            session,
            ticket,
            "Our mail bounced",
            f"Mail to {mail.recipient} ({mail.template}) bounced:\n{reason[:2000]}",
            now,
        )

    # -- staff actions (the #commands of the staff mailbox call these) ----------------

    def extend(
        self, session: Session, ticket: Ticket, reason: str, actor: str, now: datetime
    ) -> None:
        """Extend by two further months: needs a reason and must be told in month one."""
        if not reason.strip():
            raise IllegalTransition("an extension needs a reason")
        if ticket.clock_started_at is None or State(ticket.state) in CLOSED:
            raise IllegalTransition(f"no running clock to extend (state {ticket.state})")
        if ticket.extended_due_on is not None:
            raise IllegalTransition("the request has already been extended")
        start = ticket.clock_started_at
        if not extension_allowed(ticket.received_at, now, self.policy, clock_started_at=start):
            raise IllegalTransition("the first month has passed: an extension is no longer allowed")
        dates = deadlines(ticket.received_at, self.policy, clock_started_at=start)
        original = ticket.due_on
        ticket.extended_due_on = ticket.due_on = dates.extended_due_on
        ticket.extension_reason = reason
        store.add_event(
            session,
            ticket,
            at=now,
            actor=actor,
            event="extended",
            reason=reason,
            extended_due_on=dates.extended_due_on.isoformat(),
        )
        self.outgoing.to_requester(
            session,
            ticket,
            "extension_notice",
            now,
            reason=reason,
            extended_due_on=self._date(ticket, dates.extended_due_on, "extension_notice"),
            due_on=self._date(ticket, original, "extension_notice"),
        )

    def hold(
        self, session: Session, ticket: Ticket, question: str, actor: str, now: datetime
    ) -> None:
        """Ask the requester for clarification; the clock waits for the answer."""
        self.move(session, ticket, State.ON_HOLD, now, actor=actor, reason="clarification asked")
        ticket.on_hold_since = now
        self.pause_clock(session, ticket, now, "waiting for clarification")
        self.outgoing.to_requester(session, ticket, "clarification_request", now, question=question)

    def complete(
        self, session: Session, ticket: Ticket, outcome: str, actor: str, now: datetime
    ) -> None:
        self.move(session, ticket, State.COMPLETED, now, actor=actor, reason=outcome)
        self.outgoing.to_requester(session, ticket, "completion", now, outcome=outcome)

    def reject(
        self, session: Session, ticket: Ticket, reason: str, actor: str, now: datetime
    ) -> None:
        self.move(session, ticket, State.REJECTED, now, actor=actor, reason=reason)
        self.outgoing.to_requester(session, ticket, "rejection", now, reason=reason)

    def resume(self, session: Session, ticket: Ticket, actor: str, now: datetime) -> str:
        """``#resume``: carry on after a hold, reopen a closed ticket, or take one out of triage.

        After a hold the clock restarts now (the clarification came by other means); a
        reopened ticket keeps its due date; a ticket leaving triage is routed as a new one
        would be (verification first where the rights need it). Returns what was done.
        """
        state = State(ticket.state)
        if state is State.ON_HOLD:
            self.move(session, ticket, State.IN_PROGRESS, now, actor=actor, reason="resumed")
            ticket.on_hold_since = None
            self.start_clock(session, ticket, now, now, "resumed by staff")
            return f"resumed; due {ticket.due_on}"
        if state is State.CLOSED_UNVERIFIED:
            ticket.closed_at = None
            if self.request_verification(session, ticket, now):
                return "reopened; a new verification code was sent to the requester"
            return "reopened, but " + self._verification_refused(session, ticket, now)
        if state in CLOSED:
            self.move(session, ticket, State.IN_PROGRESS, now, actor=actor, reason="reopened")
            ticket.closed_at = None
            if ticket.due_on is None:
                self.start_clock(session, ticket, now, now, "reopened by staff")
            return f"reopened; due {ticket.due_on}"
        if state is State.TRIAGE:
            return self.route(session, ticket, now, actor=actor)
        raise IllegalTransition(f"nothing to resume: the ticket is {state.value}")

    def route(self, session: Session, ticket: Ticket, now: datetime, *, actor: str) -> str:
        """Send a ticket on its way: verification, or straight to work with the clock running."""
        if ticket.kind == "opt_out":
            self._open_opt_out(session, ticket, now)
            return f"opt-out in progress; due {ticket.due_on}"
        if NEEDS_VERIFICATION & set(ticket.rights) and ticket.verified_at is None:
            if self.request_verification(session, ticket, now):
                return "verification code sent to the requester (#verify if you checked by hand)"
            return self._verification_refused(session, ticket, now)
        why = "identity already confirmed" if ticket.verified_at else "no verification needed"
        self.move(session, ticket, State.IN_PROGRESS, now, actor=actor, reason=why)
        self.start_clock(session, ticket, ticket.received_at, now, "request received")
        self._acknowledge(session, ticket, now)
        return f"acknowledged; due {ticket.due_on}"

    def _verification_refused(self, session: Session, ticket: Ticket, now: datetime) -> str:
        """What staff are told when the verification mail could not be queued."""
        why = self.outgoing.refusal(session, ticket.requester, now) or "refused"
        return (
            f"NO verification code was sent to {ticket.requester or 'the requester'} ({why}): "
            "check their identity another way and #verify"
        )

    def assign(
        self, session: Session, ticket: Ticket, assignee: str, actor: str, now: datetime
    ) -> None:
        """``#assign``: the ticket's notices and escalations go to this person from now on."""
        previous = ticket.assignee
        ticket.assignee = assignee.lower()
        ticket.updated_at = now
        store.add_event(
            session,
            ticket,
            at=now,
            actor=actor,
            event="assigned",
            assignee=ticket.assignee,
            previous=previous,
        )
        self.outgoing.to_staff(
            session, ticket, "Assigned to you", f"{actor} assigned this ticket to you.", now
        )

    def note(self, session: Session, ticket: Ticket, text: str, actor: str, now: datetime) -> None:
        """``#note``: an internal note on the audit trail, never sent to the requester."""
        store.add_event(session, ticket, at=now, actor=actor, event="note", text=text[:4000])

    def reclassify(
        self, session: Session, ticket: Ticket, rights: tuple[str, ...], actor: str, now: datetime
    ) -> None:
        """``#reclassify``: correct the rights asked for; the state and clock stay as they are."""
        if ticket.kind == "opt_out":
            raise IllegalTransition("an opt-out has no rights to reclassify")
        if State(ticket.state) in CLOSED:
            raise IllegalTransition(f"the ticket is {ticket.state}; #resume it first")
        previous = list(ticket.rights)
        ticket.rights = list(rights)
        ticket.updated_at = now
        store.add_event(
            session,
            ticket,
            at=now,
            actor=actor,
            event="reclassified",
            rights=list(rights),
            previous=previous,
        )

    def open_logged(
        self,
        session: Session,
        rights: tuple[str, ...],
        requester: str,
        actor: str,
        received_at: datetime,
        now: datetime,
    ) -> tuple[Ticket, str]:
        """``#open <rights> for <address>``: a request received by phone or post; the ticket
        and what became of it (for the confirmation).

        The clock counts from when staff logged it (the mail's arrival). Identity is checked
        by email as for any request; staff who checked it on the phone follow with ``#verify``.
        """
        year = self.outgoing.local_date(received_at).year
        ticket = Ticket(
            reference=store.next_reference(session, "rights_request", year),
            kind="rights_request",
            rights=list(rights),
            opt_out=[],
            requester=requester.lower(),
            requester_name="",
            language="en",
            state=State.NEW.value,
            subject="",
            received_at=received_at,
            due_on=None,
            evidence=[f"logged by {actor}"],
            created_at=now,
            updated_at=now,
            source="staff",
        )
        session.add(ticket)
        session.flush()
        store.add_event(
            session,
            ticket,
            at=now,
            actor=actor,
            event="opened",
            to_state="new",
            rule="staff_open",
            rights=list(rights),
        )
        if "erasure" in rights:  # as for a request by email: the register is written at once
            _insert_suppression(session, "email", ticket.requester, "erasure", ticket.id, now)
            store.add_event(
                session,
                ticket,
                at=now,
                actor=ACTOR,
                event="suppressed",
                source="erasure",
                entries=[f"email:{ticket.requester}"],
            )
        return ticket, self.route(session, ticket, now, actor=actor)

    # -- scheduled work ---------------------------------------------------------------

    def remind_and_expire(self, session: Session, now: datetime) -> int:
        """Send verification reminders and close what stayed unverified too long."""
        settings = self.settings.verification
        remind_by = now - timedelta(days=settings.reminder_after_days)
        close_by = now - timedelta(days=settings.close_after_days)
        due = session.scalars(  # only the tickets with something due: not every one waiting
            select(Ticket).where(
                Ticket.state == State.AWAITING_VERIFICATION.value,
                Ticket.verification_requested_at.is_not(None),
                or_(
                    Ticket.verification_requested_at <= close_by,
                    and_(
                        Ticket.verification_reminded_at.is_(None),
                        Ticket.verification_requested_at <= remind_by,
                    ),
                ),
            )
        )
        changed = 0
        for ticket in list(due):
            asked = ticket.verification_requested_at
            if asked is None:
                continue
            if now >= asked + timedelta(days=settings.close_after_days):
                self._close_unverified(session, ticket, now)
                changed += 1
            elif ticket.verification_reminded_at is None and now >= asked + timedelta(
                days=settings.reminder_after_days
            ):
                self._remind(session, ticket, now)
                changed += 1
        return changed

    def _remind(self, session: Session, ticket: Ticket, now: datetime) -> None:
        code = self._new_code(ticket, now, keep_old=True)
        ticket.verification_reminded_at = now
        expires = ticket.verification_expires_at or now
        self.outgoing.to_requester(
            session,
            ticket,
            "verification_reminder",
            now,
            code=code,
            expires_on=self._date(
                ticket, self.outgoing.local_date(expires), "verification_reminder"
            ),
        )

    def _close_unverified(self, session: Session, ticket: Ticket, now: datetime) -> None:
        ticket.verification_hash = None
        self.move(
            session, ticket, State.CLOSED_UNVERIFIED, now, reason="identity not confirmed in time"
        )
        self.outgoing.to_requester(
            session,
            ticket,
            "closed_unverified",
            now,
            closed_on=self._date(ticket, self.outgoing.local_date(now), "closed_unverified"),
        )

    # -- the suppression register -----------------------------------------------------

    def suppress(
        self, session: Session, ticket: Ticket, message: InboundMessage, now: datetime
    ) -> list[str]:
        """Write do-not-contact entries at once: the address, and phone numbers in the text."""
        source = (
            "opt_out"
            if ticket.kind == "opt_out"
            else ("erasure" if "erasure" in ticket.rights else "objection")
        )
        channels = set(ticket.opt_out) or {"email", "phone"}
        entries: list[tuple[str, str]] = []
        if "email" in channels or source == "erasure":
            entries.append(("email", ticket.requester.strip().lower()))
        if "phone" in channels or source == "erasure":
            entries += [("phone", number) for number in self.phone_numbers(message.text)]
        for channel, value in entries:
            _insert_suppression(session, channel, value, source, ticket.id, now)
        store.add_event(
            session,
            ticket,
            at=now,
            actor=ACTOR,
            event="suppressed",
            source=source,
            entries=[f"{c}:{v}" for c, v in entries],
        )
        return [v for _, v in entries]

    def phone_numbers(self, text: str) -> list[str]:
        """Phone numbers written in the text, normalised to E.164."""
        found: dict[str, None] = {}
        region = self.settings.company.phone_region or None
        # POSSIBLE, not VALID: a number we cannot prove is in service is still not to be called.
        matcher = phonenumbers.PhoneNumberMatcher(
            text[:20000], region, leniency=phonenumbers.Leniency.POSSIBLE
        )
        for match in matcher:
            found.setdefault(
                phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
            )
        return list(found)


def _insert_suppression(
    session: Session, channel: str, value: str, source: str, ticket_id: int, now: datetime
) -> None:
    session.execute(
        store.insert_ignoring(session.connection(), Suppression)
        .values(channel=channel, value=value, source=source, ticket_id=ticket_id, created_at=now)
        .on_conflict_do_nothing(index_elements=["channel", "value"])
    )


def _triage_reason(label: Classification, may_reply: bool) -> str:
    reasons = []
    if label.on_behalf:
        reasons.append("made on someone else's behalf or about another address")
    if label.confidence < TRIAGE_BELOW:
        reasons.append(f"classifier unsure (confidence {label.confidence:.2f})")
    if not may_reply:
        reasons.append("the sender cannot take replies")
    if not reasons:
        reasons.append(f"language {label.language!r} is not read in full")
    return "; ".join(reasons) + ". Evidence: " + "; ".join(label.evidence)


def find_bounced_mail(session: Session, raw: bytes, support_domain: str) -> OutboxMail | None:
    """The mail of ours a bounce reports on: our Message-ID quoted anywhere in the bounce."""
    pattern = re.compile(rb"<([^<>\s@]{1,200}@" + re.escape(support_domain.encode()) + rb")>", re.I)
    ids = {"<" + m.group(1).decode("ascii", "replace") + ">" for m in pattern.finditer(raw)}
    if not ids:
        return None
    return session.scalar(select(OutboxMail).where(OutboxMail.message_id.in_(ids)).limit(1))
