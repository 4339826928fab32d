"""Queue templated mail for a ticket, threaded, in the ticket's language, never into a loop.

Every automatic mail to a requester passes ``refusal``: never to our own or a no-reply
address, never to an address that bounced, and at most ``limits.auto_mails_per_sender_per_hour``
per address per hour. A refused mail is not queued; the refusal goes on the audit trail.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, func, insert, select
from sqlalchemy.orm import Session

from mailbot.config import Settings
from mailbot.mail.compose import Envelope, compose_mail, header_text
from mailbot.mail.render import JinjaRenderer
from mailbot.tickets import store
from mailbot.tickets.models import InboundMessageRow, OutboxMail, Ticket, UndeliverableAddress
from mailbot.workflow.decide import is_no_reply_address

ACTOR = "mailbot"
_MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
}
_RIGHTS = {
    "en": {
        "access": "a copy of your personal data",
        "rectification": "correction of your data",
        "erasure": "erasure of your data",
        "restriction": "restriction of processing",
        "portability": "your data in a portable format",
        "objection": "your objection to processing",
        "automated_decision": "a review of an automated decision",
        "information": "information about how we process your data",
    },
    "de": {
        "access": "eine Kopie Ihrer personenbezogenen Daten",
        "rectification": "die Berichtigung Ihrer Daten",
        "erasure": "die Löschung Ihrer Daten",
        "restriction": "die Einschränkung der Verarbeitung",
        "portability": "Ihre Daten in einem übertragbaren Format",
        "objection": "Ihren Widerspruch gegen die Verarbeitung",
        "automated_decision": "die Überprüfung einer automatisierten Entscheidung",
        "information": "Informationen darüber, wie wir Ihre Daten verarbeiten",
    },
}
_CHANNELS = {
    "en": {"email": "email marketing", "phone": "telephone marketing", "and": " and "},
    "de": {"email": "Werbung per E-Mail", "phone": "Werbung per Telefon", "and": " und "},
}


def format_date(day: date | None, language: str) -> str:
    """``3 September 2026`` / ``3. September 2026``; empty for no date."""
    if day is None:
        return ""
    if language == "de":
        return f"{day.day}. {_MONTHS['de'][day.month - 1]} {day.year}"
    return f"{day.day} {_MONTHS['en'][day.month - 1]} {day.year}"


def _join(items: list[str], conjunction: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + conjunction + items[-1]


ANSWERING = "mailbot.answering"
_INSERT_OUTBOX = insert(OutboxMail)
_UNDELIVERABLE = select(UndeliverableAddress.address).where(
    UndeliverableAddress.address == bindparam("address")
)
_RECENT_AUTOMATIC = select(func.count()).where(
    OutboxMail.recipient == bindparam("recipient"),  # as written, so the index serves it
    OutboxMail.created_at > bindparam("since"),
    OutboxMail.automatic.is_(True),
)


def note_answering(
    session: Session,
    ticket_id: int,
    sender: str,
    message_id: str | None,
    references: tuple[str, ...],
) -> None:
    """Tell this transaction's mail which message of the sender it answers (saves a query)."""
    session.info.setdefault(ANSWERING, {})[(ticket_id, sender.lower())] = (message_id, references)


@dataclass
class Outgoing:
    """Builds and queues mail; one per daemon, shared by every step that writes mail."""

    settings: Settings
    renderer: JinjaRenderer

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.settings.company.timezone)

    def local_date(self, instant: datetime) -> date:
        return instant.astimezone(self.zone).date()

    def to_requester(
        self, session: Session, ticket: Ticket, template: str, now: datetime, **extra: Any
    ) -> str | None:
        """An automatic mail to the requester, threaded on their latest message."""
        return self.to_address(session, ticket, ticket.requester, template, now, **extra)

    def to_address(
        self,
        session: Session,
        ticket: Ticket,
        address: str,
        template: str,
        now: datetime,
        *,
        automatic: bool = True,
        **extra: Any,
    ) -> str | None:
        """A mail about the ticket to any address (loop-safe); its Message-ID, or None if refused.

        ``automatic`` mail is marked ``Auto-Submitted`` and rate-limited; a person's (a staff
        relay) is neither.
        """
        refused = self.refusal(session, address, now, automatic=automatic)
        if refused:
            store.add_event(
                session,
                ticket,
                at=now,
                actor=ACTOR,
                event="mail_not_sent",
                template=template,
                recipient=address,
                reason=refused,
            )
            return None
        language = self.renderer.resolve_language(template, ticket.language)
        context = self.context(ticket, language) | extra
        rendered = self.renderer.render(template, language, context)
        in_reply_to, references = self._last_message_from(session, ticket, address)
        envelope = Envelope(
            sender=self.settings.company.support_address,
            sender_name=self.settings.company.name,
            recipient=address,
            recipient_name=ticket.requester_name if address == ticket.requester else "",
            in_reply_to=in_reply_to,
            references=references,
            reference=ticket.reference,
            auto_submitted="auto-replied" if automatic else "",
        )
        return self._queue(session, ticket, template, envelope, rendered, now, automatic=automatic)

    def relay(self, session: Session, ticket: Ticket, text: str, now: datetime) -> str | None:
        """A staff member's words to the requester, from support@, threaded, in their language.

        Written by a person, so not ``Auto-Submitted`` and not rate-limited; still never to
        our own, a no-reply or a bounced address. Its Message-ID, or None if refused.
        """
        return self.to_address(
            session,
            ticket,
            ticket.requester,
            "staff_relay",
            now,
            automatic=False,
            relay_text=text,
        )

    def to_staff(
        self,
        session: Session,
        ticket: Ticket,
        event: str,
        detail: str,
        now: datetime,
        *,
        recipients: Sequence[str] | None = None,
    ) -> int:
        """A note to the assignee, or to every staff address; replies thread to the ticket."""
        if recipients is None:
            recipients = self.staff_recipients(ticket)
        context = self.context(ticket, "en") | {
            "event": event,
            "detail": detail,
            "state": ticket.state,
            "due_on": format_date(ticket.due_on, "en"),
        }
        return len(self.to_people(session, recipients, "staff_notice", context, now, ticket=ticket))

    def staff_recipients(self, ticket: Ticket | None) -> list[str]:
        """The ticket's assignee if it has one, else every configured staff address."""
        if ticket is not None and ticket.assignee:
            return [ticket.assignee]
        return list(self.settings.staff.addresses)

    def to_people(
        self,
        session: Session,
        recipients: Sequence[str],
        template: str,
        context: dict[str, Any],
        now: datetime,
        *,
        ticket: Ticket | None = None,
        in_reply_to: str | None = None,
        references: tuple[str, ...] = (),
    ) -> list[str]:
        """Mail to staff (notices, escalations, the digest): English, Reply-To support@.

        Not rate-limited (staff must hear about every ticket); marked ``auto-generated`` so
        their autoresponders stay quiet; replies come back to the support mailbox and thread
        by the reference in the subject. Returns the Message-IDs queued.
        """
        company = self.settings.company
        rendered = self.renderer.render(template, "en", context)
        queued = []
        for address in dict.fromkeys(a.strip() for a in recipients if a.strip()):
            envelope = Envelope(
                sender=company.support_address,
                sender_name=f"{company.name} mailbot",
                recipient=address,
                reference=ticket.reference if ticket is not None else None,
                auto_submitted="auto-generated",
                reply_to=company.support_address,
                in_reply_to=in_reply_to,
                references=references,
            )
            queued.append(
                self._queue(session, ticket, template, envelope, rendered, now, automatic=False)
            )
        return queued

    def refusal(
        self, session: Session, address: str, now: datetime, *, automatic: bool = True
    ) -> str | None:
        """Why no mail may go to this address now, or None (the rate limit: automatic only)."""
        lowered = address.lower()
        if not lowered or "@" not in lowered:
            return "no usable address"
        if lowered in self.settings.own_addresses:
            return "our own address"
        if is_no_reply_address(lowered):
            return "a no-reply or system address"
        connection = session.connection()
        if connection.execute(_UNDELIVERABLE, {"address": lowered}).first() is not None:
            return "the address bounced our mail before"
        if not automatic:
            return None
        params = {"recipient": address, "since": now - timedelta(hours=1)}
        sent = connection.execute(_RECENT_AUTOMATIC, params).scalar() or 0
        limit = self.settings.limits.auto_mails_per_sender_per_hour
        if sent >= limit:
            return f"rate limit: {sent} automatic mails to this address in the last hour"
        return None

    def context(self, ticket: Ticket, language: str) -> dict[str, Any]:
        """What every template may use."""
        rights = [_RIGHTS.get(language, _RIGHTS["en"]).get(r, r) for r in ticket.rights]
        words = _CHANNELS.get(language, _CHANNELS["en"])
        channels = [words[c] for c in ticket.opt_out if c in words]
        return {
            "reference": ticket.reference,
            "requester_name": header_text(ticket.requester_name, 80),
            "requester": ticket.requester,
            "company_name": self.settings.company.name,
            "support_address": self.settings.company.support_address,
            "language": language,
            "received_on": format_date(self.local_date(ticket.received_at), language),
            "original_subject": header_text(ticket.subject, 80),
            "rights_text": _join(rights, words["and"]),
            "channels_text": _join(channels, words["and"]),
        }

    def _last_message_from(
        self, session: Session, ticket: Ticket, address: str
    ) -> tuple[str | None, tuple[str, ...]]:
        """Message-ID and References of the sender's latest message on the ticket."""
        hint = session.info.get(ANSWERING, {}).get((ticket.id, address.lower()))
        if hint is not None:
            return hint  # type: ignore[no-any-return]
        row = session.scalar(
            select(InboundMessageRow)
            .where(
                InboundMessageRow.ticket_id == ticket.id,
                func.lower(InboundMessageRow.from_address) == address.lower(),
            )
            .order_by(InboundMessageRow.id.desc())
            .limit(1)
        )
        return (row.message_id, tuple(row.references)) if row else (None, ())

    def _queue(
        self,
        session: Session,
        ticket: Ticket | None,
        template: str,
        envelope: Envelope,
        rendered: Any,
        now: datetime,
        *,
        automatic: bool,
    ) -> str:
        """Write the mail to the outbox (a plain INSERT); returns its Message-ID."""
        mail = compose_mail(rendered, envelope, now)
        session.connection().execute(
            _INSERT_OUTBOX,
            {
                "ticket_id": ticket.id if ticket is not None else None,
                "template": template,
                "sender": mail.sender,
                "recipient": mail.recipient,
                "message_id": mail.message_id,
                "subject": mail.subject,
                "payload": mail.payload,
                "state": "pending",
                "automatic": automatic,
                "attempts": 0,
                "next_attempt_at": now,
                "claimed_until": None,
                "claimed_by": None,
                "last_error": "",
                "created_at": now,
                "sent_at": None,
            },
        )
        if ticket is None:
            return mail.message_id
        store.add_event(
            session,
            ticket,
            at=now,
            actor=ACTOR,
            event="mail_queued",
            template=template,
            recipient=mail.recipient,
            message_id=mail.message_id,
        )
        return mail.message_id
