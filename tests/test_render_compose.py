"""Templates render in every language, and composed mail carries every promised header."""

from __future__ import annotations

from datetime import UTC, datetime
from email import message_from_bytes, policy

import pytest

from mailbot.mail.compose import Envelope, compose, compose_mail, header_text
from mailbot.mail.render import JinjaRenderer, RenderedMail

CONTEXT = {
    "reference": "DSR-2026-00001",
    "requester_name": "Ann <script>alert(1)</script>",
    "company_name": "Example Trading Ltd",
    "support_address": "support@example.co.uk",
    "received_on": "3 September 2026",
    "original_subject": "Subject access request",
    "language": "en",
    "requester": "ann@example.org",
    "rights_text": "a copy of your personal data",
    "channels_text": "",
    "due_on": "3 October 2026",
}
RENDERER = JinjaRenderer()


def test_missing_variable_is_an_error_not_a_blank() -> None:
    import jinja2

    with pytest.raises(jinja2.UndefinedError):
        RENDERER.render("acknowledgement", "en", {"reference": "X"})


def test_unknown_language_falls_back_to_english() -> None:
    assert RENDERER.render("acknowledgement", "xx", CONTEXT).language == "en"


def test_compose_headers_and_threading() -> None:
    mail = RenderedMail(
        subject="[DSR-2026-00001] Hello", text="Hi\n", html="<p>Hi</p>", language="en"
    )
    envelope = Envelope(
        sender="support@example.co.uk",
        sender_name="Example Trading Ltd",
        recipient="ann@example.org",
        recipient_name="Ann Example",
        in_reply_to="<m2@example.org>",
        references=("<m0@example.org>", "<m1@example.org>"),
        reference="DSR-2026-00001",
    )
    composed = compose_mail(mail, envelope, datetime(2026, 9, 3, 10, 0, tzinfo=UTC))
    parsed = message_from_bytes(composed.payload, policy=policy.default)
    assert parsed["Message-ID"] == composed.message_id
    assert composed.message_id.endswith("@example.co.uk>")
    assert parsed["In-Reply-To"] == "<m2@example.org>"
    assert parsed["References"] == "<m0@example.org> <m1@example.org> <m2@example.org>"
    assert parsed["Auto-Submitted"] == "auto-replied"
    assert "[DSR-2026-00001]" in parsed["Subject"]
    assert parsed.get_content_type() == "multipart/alternative"
    kinds = [part.get_content_type() for part in parsed.iter_parts()]
    assert kinds == ["text/plain", "text/html"]
    assert b"\r\n" in composed.payload


@pytest.mark.parametrize(
    "evil",
    ["Hello\r\nBcc: victim@example.org", "Hello\nX-Injected: 1", "a\x00b\rc"],
)
def test_no_header_injection(evil: str) -> None:
    mail = RenderedMail(subject=evil, text="x", html="x", language="en")
    envelope = Envelope(
        sender="support@example.co.uk",
        sender_name="Support\r\nBcc: x@y.z",
        recipient="ann@example.org",
        recipient_name=evil,
    )
    message = compose(mail, envelope, message_id="<a@b>", date_at=datetime.now(UTC))
    parsed = message_from_bytes(message.as_bytes())
    assert parsed["Bcc"] is None
    assert parsed["X-Injected"] is None
    assert "\n" not in str(parsed["Subject"]).replace("\n ", "")


def test_header_text_clips_and_flattens() -> None:
    assert header_text("a\r\nb\tc") == "a b c"
    assert len(header_text("x" * 500)) == 200
