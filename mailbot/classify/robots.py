"""Machine mail, recognised first by headers and MIME structure, then by how machines write.

Order matters: a failure report often also carries ``Auto-Submitted: auto-replied`` (Postfix,
Exim), so bounces are checked before auto-replies; reports that are neither (abuse feedback,
"delivered" notices, newsletters and list mail) come out as ``other`` so that they never open
a ticket and never count as opt-outs because of their footers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from mailbot.classify import robot_lexicon as lex
from mailbot.classify.labels import Kind
from mailbot.classify.text import Folded, clip, fold, folded
from mailbot.mail.message import InboundMessage

_BULK_PRECEDENCE = ("bulk", "junk", "list", "auto_reply")
_AUTO_HEADERS = (
    "X-Autoreply",
    "X-Autorespond",
    "X-Autoresponder",
    "X-AutoReply-From",
    "X-Mail-Autoreply",
    "X-Vacation",
)
_LIST_HEADERS = ("List-Id", "List-Unsubscribe", "List-Post", "Mailing-List", "X-Mailman-Version")
_BODY_HEAD = 1000
_AUTO_HEAD = 400
_AUTO_MAX_CHARS = 8000


@dataclass(frozen=True, slots=True)
class Robot:
    """A machine's message: what kind, and the headers or phrases that show it."""

    kind: Kind
    evidence: str
    confidence: float = 0.99
    words: frozenset[str] = frozenset()
    by_text: bool = False  # only a phrase of the body says so ("I'm on holiday")


@dataclass(frozen=True, slots=True)
class _Facts:
    """What the checks read, computed once per message."""

    message: InboundMessage
    headers: dict[str, list[str]]
    subject: Folded
    body: Folded
    own: Folded
    sender: str
    daemon: bool
    machine: bool

    def header(self, name: str) -> str | None:
        """The first header of that name (case-insensitive), or None."""
        values = self.headers.get(name.lower())
        return values[0] if values else None

    def header_all(self, name: str) -> list[str]:
        """Every header of that name."""
        return self.headers.get(name.lower(), [])


Check = Callable[[_Facts], Robot | None]


def detect_robot(message: InboundMessage, own_words: str) -> Robot | None:
    """The first check that recognises a machine decides; people get None."""
    facts = _facts(message, own_words)
    for check in CHECKS:
        robot = check(facts)
        if robot is not None:
            return replace(robot, words=facts.own.words)
    return None


def _facts(message: InboundMessage, own_words: str) -> _Facts:
    """Fold and look up once what several checks read."""
    headers: dict[str, list[str]] = {}
    for name, value in message.headers:
        headers.setdefault(name.lower(), []).append(value)
    raw_from = headers.get("from", [""])[0].lower().strip()
    sender = (message.from_address or "").lower()
    null_from = not sender and "<>" in raw_from
    daemon = bool(
        lex.DAEMON_SENDER.search(sender)
        or lex.DAEMON_DISPLAY.search(raw_from)
        or lex.DAEMON_SENDER.search(raw_from.strip("<> "))
        or null_from
    )
    return _Facts(
        message=message,
        headers=headers,
        subject=folded(message.subject),
        body=folded(message.text[:_BODY_HEAD]),
        own=folded(own_words[:_AUTO_HEAD]),
        sender=sender,
        daemon=daemon,
        machine=daemon
        or bool(lex.MACHINE_SENDER.search(sender))
        or _null_return_path(headers.get("return-path", [])),
    )


def _null_return_path(values: list[str]) -> bool:
    """An empty envelope sender: only machines send with one."""
    return any(value.strip() in ("<>", "") for value in values)


def _report_type(facts: _Facts) -> str:
    """The ``report-type`` of a multipart/report, or of a report part inside the message."""
    message = facts.message
    content_type = (facts.header("Content-Type") or "").lower()
    if message.content_type == "multipart/report":
        for kind in ("delivery-status", "feedback-report", "disposition-notification"):
            if kind in content_type:
                return kind
    parts = {attachment.content_type for attachment in message.attachments}
    if message.content_type == "message/delivery-status" or "message/delivery-status" in parts:
        return "delivery-status"
    if "message/feedback-report" in parts:
        return "feedback-report"
    if "message/disposition-notification" in parts:
        return "disposition-notification"
    return ""


def check_delivered(facts: _Facts) -> Robot | None:
    """A report that the mail arrived (or was read, or was reported as spam) is no failure."""
    report = _report_type(facts)
    if report in ("feedback-report", "disposition-notification"):
        return Robot("other", f"Content-Type: multipart/report; report-type={report}", 0.95)
    feedback = lex.FEEDBACK_TEXT.search(facts.body)
    if feedback:
        return Robot("other", f'feedback report: "{clip(feedback[0])}"', 0.9)
    delivered = lex.DELIVERED_SUBJECT.search(facts.subject)
    if delivered and (facts.machine or report):
        return Robot("other", f'delivery notice: subject "{clip(facts.message.subject)}"', 0.9)
    text = lex.DELIVERED_TEXT.search(facts.body)
    if text and (facts.machine or report):
        return Robot("other", f'delivery notice: "{clip(text[0])}"', 0.9)
    return None


def check_bounce_structure(facts: _Facts) -> Robot | None:
    """RFC 3464 reports, failure headers and mailer-daemon senders."""
    if _report_type(facts) == "delivery-status":
        return Robot("bounce", "Content-Type: multipart/report; report-type=delivery-status")
    failed = facts.header("X-Failed-Recipients")
    if failed:
        return Robot("bounce", f"header X-Failed-Recipients: {clip(failed, 40)}")
    if lex.SES_BOUNCE.search(facts.body):
        return Robot("bounce", 'Amazon SES notification "notificationType": "Bounce"')
    if facts.daemon:
        shown = facts.sender or fold(facts.header("From") or "") or "(none)"
        return Robot("bounce", f"sender {clip(shown, 50)}", 0.97)
    return None


def check_bounce_text(facts: _Facts) -> Robot | None:
    """Failure subjects and the boilerplate of the common mail servers."""
    subject = lex.BOUNCE_SUBJECT.search(facts.subject)
    if subject:
        return Robot("bounce", f'bounce subject "{clip(facts.message.subject)}"', 0.95)
    body = lex.MTA_TEXT.search(facts.body)
    if body:
        return Robot("bounce", f'mail server text "{clip(body[0])}"', 0.95)
    if not facts.machine:
        return None
    weak = lex.WEAK_BOUNCE_SUBJECT.search(facts.subject) or lex.FAILURE_TEXT.search(facts.body)
    if weak:
        return Robot("bounce", f'machine sender and failure text "{clip(weak[0])}"', 0.85)
    return None


def check_list(facts: _Facts) -> Robot | None:
    """Newsletters and mailing-list traffic: not personal mail, and their footers mean nothing."""
    present = [name for name in _LIST_HEADERS if facts.header(name)]
    owner = (facts.header("Sender") or "").lower()
    if not present and (owner.startswith("owner-") or "-request@" in owner):
        present.append(f"Sender: {clip(owner, 40)}")
    precedence = (facts.header("Precedence") or "").strip().lower()
    if present and (precedence in _BULK_PRECEDENCE or "List-Unsubscribe" in present or owner):
        shown = ", ".join(present)
        tail = f" + Precedence: {precedence}" if precedence else ""
        return Robot("other", f"newsletter or list mail: header {shown}{tail}", 0.9)
    return None


def check_auto_headers(facts: _Facts) -> Robot | None:
    """RFC 3834 and the vendors' autoresponder headers."""
    auto_submitted = (facts.header("Auto-Submitted") or "").strip().lower()
    if auto_submitted and not auto_submitted.startswith("no"):
        return Robot("auto_reply", f"header Auto-Submitted: {clip(auto_submitted, 40)}")
    for name in _AUTO_HEADERS:
        value = facts.header(name)
        if value is not None:
            return Robot("auto_reply", f"header {name}: {clip(value, 30)}")
    suppress = (facts.header("X-Auto-Response-Suppress") or "").lower()
    if any(token in suppress for token in ("all", "oof", "autoreply")):
        return Robot("auto_reply", f"header X-Auto-Response-Suppress: {clip(suppress, 40)}")
    precedence = (facts.header("Precedence") or "").strip().lower()
    if precedence in _BULK_PRECEDENCE:
        return Robot("auto_reply", f"header Precedence: {precedence}", 0.9)
    if _null_return_path(facts.header_all("Return-Path")):
        return Robot("auto_reply", "header Return-Path: <> (null sender)", 0.9)
    return None


def check_auto_text(facts: _Facts) -> Robot | None:
    """Out-of-office and ticket-receipt texts sent without any header saying so; an absence
    alone ("I'm on holiday") only when the text asks no question."""
    if not lex.REPLY_PREFIX.search(facts.subject.text):
        subject = lex.AUTO_SUBJECT.search(facts.subject)
        if subject:
            return Robot("auto_reply", f'auto-reply subject "{clip(facts.message.subject)}"', 0.9)
    if len(facts.message.text) > _AUTO_MAX_CHARS:
        return None
    body = lex.AUTO_TEXT.search(facts.own)
    if body is None and "?" not in facts.own.text:  # an absence told with a question is a person
        body = lex.AWAY_TEXT.search(facts.own)
    if body:
        return Robot("auto_reply", f'auto-reply text "{clip(body[0])}"', 0.85, by_text=True)
    return None


CHECKS: tuple[Check, ...] = (
    check_delivered,
    check_bounce_structure,
    check_bounce_text,
    check_list,
    check_auto_headers,
    check_auto_text,
)
