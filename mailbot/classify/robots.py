"""Placeholder classifier: recognise robots by their headers; everything else is a request.

The real classifier replaces ``classify``; the header checks stay useful to it.
"""

from __future__ import annotations

import re

from mailbot.classify.labels import Classification
from mailbot.mail.message import InboundMessage

_ROBOT_SENDER = re.compile(r"^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@", re.I)
_BULK_PRECEDENCE = ("bulk", "junk", "list", "auto_reply")


def bounce_evidence(message: InboundMessage) -> str | None:
    """Why this message is a delivery-status notification, if it is one."""
    content_type = message.header("Content-Type") or ""
    if message.content_type == "multipart/report" and "delivery-status" in content_type.lower():
        return "Content-Type: multipart/report; report-type=delivery-status"
    sender = message.from_address or ""
    if _ROBOT_SENDER.match(sender):
        return f"From: {sender}"
    return_path = (message.header("Return-Path") or "").strip()
    if return_path == "<>" and message.header("X-Failed-Recipients"):
        return "X-Failed-Recipients with a null Return-Path"
    return None


def auto_reply_evidence(message: InboundMessage) -> str | None:
    """Why this message is an automatic reply (RFC 3834 and the common vendor headers)."""
    auto_submitted = (message.header("Auto-Submitted") or "").strip().lower()
    if auto_submitted and auto_submitted != "no":
        return f"Auto-Submitted: {auto_submitted}"
    for name in ("X-Autoreply", "X-Autorespond", "X-Autoresponder"):
        if message.header(name) is not None:
            return f"{name} header"
    suppress = (message.header("X-Auto-Response-Suppress") or "").lower()
    if any(token in suppress for token in ("all", "oof", "autoreply")):
        return f"X-Auto-Response-Suppress: {suppress}"
    precedence = (message.header("Precedence") or "").strip().lower()
    if precedence in _BULK_PRECEDENCE:
        return f"Precedence: {precedence}"
    return None


def classify(message: InboundMessage) -> Classification:
    """Robots by headers; every other message counts as a rights request of unknown rights."""
    bounce = bounce_evidence(message)
    if bounce:
        return Classification(kind="bounce", evidence=(bounce,))
    auto = auto_reply_evidence(message)
    if auto:
        return Classification(kind="auto_reply", evidence=(auto,))
    return Classification(
        kind="rights_request", confidence=0.0, evidence=("placeholder: not a robot",)
    )
