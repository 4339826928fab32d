"""Tickets as plain data and text for the CLI (``tickets list``, ``tickets show``)."""

from __future__ import annotations

import csv
from datetime import datetime
from typing import Any, TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from mailbot.tickets import store
from mailbot.tickets.models import Suppression, Ticket

SUPPRESSION_COLUMNS = ("channel", "value", "created_at", "source", "reference")


def ticket_summary(ticket: Ticket) -> dict[str, Any]:
    """The fields of ``tickets list --json``."""
    return {
        "reference": ticket.reference,
        "requester": ticket.requester,
        "kind": ticket.kind,
        "rights": list(ticket.rights),
        "opt_out": list(ticket.opt_out),
        "state": ticket.state,
        "received_at": ticket.received_at.isoformat(),
        "due_on": ticket.due_on.isoformat() if ticket.due_on else None,
        "subject": ticket.subject,
    }


def tickets_table(rows: list[dict[str, Any]]) -> str:
    """A readable table of ticket summaries."""
    if not rows:
        return "no tickets"
    header = ("REFERENCE", "STATE", "KIND", "RECEIVED", "DUE", "REQUESTER", "SUBJECT")
    lines = [header] + [
        (
            r["reference"],
            r["state"],
            r["kind"],
            r["received_at"][:16].replace("T", " "),
            r["due_on"] or "-",
            r["requester"],
            _clip(r["subject"], 40),
        )
        for r in rows
    ]
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(header) - 1)]
    return "\n".join(
        "  ".join(str(value).ljust(width) for value, width in zip(line, widths, strict=False))
        + "  "
        + str(line[-1])
        for line in lines
    )


def ticket_detail(session: Session, reference: str) -> dict[str, Any] | None:
    """One ticket with its messages, audit trail and outgoing mail."""
    ticket = store.ticket_by_reference(session, reference)
    if ticket is None:
        return None
    detail = ticket_summary(ticket)
    detail.update(
        requester_name=ticket.requester_name,
        language=ticket.language,
        assignee=ticket.assignee,
        evidence=list(ticket.evidence),
        messages=[
            {
                "uid": m.uid,
                "mailbox": m.mailbox,
                "message_id": m.message_id,
                "from": m.from_address,
                "subject": m.subject,
                "received_at": m.received_at.isoformat(),
                "disposition": m.disposition,
                "rule": m.rule,
                "attachments": m.attachments,
                "notes": m.notes,
                "text": m.text_body,
            }
            for m in store.messages_of(session, ticket.id)
        ],
        events=[
            {
                "at": e.at.isoformat(),
                "actor": e.actor,
                "event": e.event,
                "from_state": e.from_state,
                "to_state": e.to_state,
                "detail": e.detail,
            }
            for e in store.events_of(session, ticket.id)
        ],
        outbox=[
            {
                "template": o.template,
                "recipient": o.recipient,
                "message_id": o.message_id,
                "subject": o.subject,
                "state": o.state,
                "attempts": o.attempts,
                "sent_at": o.sent_at.isoformat() if o.sent_at else None,
                "last_error": o.last_error,
            }
            for o in store.outbox_of(session, ticket.id)
        ],
    )
    return detail


def ticket_text(detail: dict[str, Any]) -> str:
    """``tickets show`` for people."""
    lines = [
        f"{detail['reference']}  {detail['state']}  ({detail['kind']})",
        f"  requester: {detail['requester_name']} <{detail['requester']}>",
        f"  subject:   {detail['subject']}",
        f"  received:  {detail['received_at']}   due: {detail['due_on'] or '-'}",
        f"  rights:    {', '.join(detail['rights']) or '-'}"
        f"   opt-out: {', '.join(detail['opt_out']) or '-'}",
        f"  evidence:  {'; '.join(detail['evidence']) or '-'}",
        "",
        "Messages:",
    ]
    for m in detail["messages"]:
        lines.append(f"  {m['received_at'][:19]}  uid {m['uid']}  {m['from']}  {m['subject']}")
        lines.extend(f"      | {line}" for line in m["text"].splitlines()[:12])
    lines += ["", "Mail sent:"]
    lines += [
        f"  {o['state']:<8} {o['template']:<16} to {o['recipient']}  {o['message_id']}"
        + (f"  ({o['last_error']})" if o["last_error"] else "")
        for o in detail["outbox"]
    ]
    lines += ["", "Audit trail:"]
    lines += [
        f"  {e['at'][:19]}  {e['actor']:<24} {e['event']}"
        + (f"  {e['from_state'] or ''}→{e['to_state']}" if e["to_state"] else "")
        for e in detail["events"]
    ]
    return "\n".join(lines)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def suppression_rows(session: Session, since: datetime | None) -> list[dict[str, Any]]:
    """The register for the CRM: what not to contact, on which channel, since when, why."""
    query = (
        select(Suppression, Ticket.reference)
        .outerjoin(Ticket, Ticket.id == Suppression.ticket_id)
        .order_by(Suppression.created_at, Suppression.id)
    )
    if since is not None:
        query = query.where(Suppression.created_at >= since)
    return [
        {
            "channel": row.channel,
            "value": row.value,
            "created_at": row.created_at.isoformat(),
            "source": row.source,
            "reference": reference or "",
        }
        for row, reference in session.execute(query)
    ]


def write_csv(out: TextIO, rows: list[dict[str, Any]]) -> None:
    writer = csv.DictWriter(out, fieldnames=SUPPRESSION_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
