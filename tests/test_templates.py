"""Every mail template renders in every language with the full context, safely and completely."""

from __future__ import annotations

import re

import jinja2
import pytest

from mailbot.mail.render import JinjaRenderer

REFERENCE = "DSR-2026-00042"
CODE = "K7QF-M2XD-9RTA"
EXPIRES_ON = "17 September 2026"
PROBLEMS = ("wrong_code", "expired", "wrong_sender", "no_code")
ENGLISH_ONLY = {"staff_notice", "staff_result", "escalation", "digest"}
# Staff-facing mail (and the staff's own words relayed): no greeting by the bot.
NO_GREETING = {"staff_notice", "staff_result", "staff_relay", "escalation"}
# Mail about many tickets, not one: tests/test_digest.py renders it with its own context.
NOT_ABOUT_ONE_TICKET = {"digest"}
TEMPLATES = {
    "acknowledgement",
    "verification_request",
    "verification_reminder",
    "verification_confirmed",
    "verification_failed",
    "closed_unverified",
    "extension_notice",
    "clarification_request",
    "completion",
    "rejection",
    "opt_out_confirmation",
    "staff_notice",
    "staff_relay",
    "staff_result",
}

CONTEXT: dict[str, str] = {
    # common to every template
    "reference": REFERENCE,
    "requester_name": "<script>x</script>",
    "requester": "ann@example.org",
    "company_name": "Example Trading Ltd",
    "support_address": "support@example.co.uk",
    "language": "en",
    "received_on": "3 September 2026",
    "original_subject": "Subject access request",
    "rights_text": "a copy of your personal data and its erasure",
    "channels_text": "email and telephone marketing",
    # per template
    "due_on": "5 October 2026",
    "code": CODE,
    "expires_on": EXPIRES_ON,
    "problem": "wrong_code",
    "attempts_left": "2",
    "closed_on": "18 September 2026",
    "reason": "Your request covers ten years of records\nheld in three separate systems.",
    "extended_due_on": "5 December 2026",
    "question": "Which of our services did you use?\nPlease give your account number.",
    "outcome": "We have deleted your account.\n\nWe keep invoices for six years.",
    "phones_text": "+44 7700 900123",
    "event": "Verification failed too many times",
    "detail": "Three wrong codes in a row.\nLast attempt from ann@example.org.",
    "state": "awaiting_verification",
    "relay_text": "Dear Ann,\n\nWe have <script>x</script> done it.\nLine two.\n\nKind regards",
    "title": "Done",
    "result_lines": ["#note: note added (internal)", "#open: opened <script>x</script>"],
}
RENDERER = JinjaRenderer()
PAIRS = [
    (lang, name)
    for lang in RENDERER.languages()
    for name in RENDERER.template_names(lang)
    if name not in NOT_ABOUT_ONE_TICKET
]
LEFTOVER = re.compile(r"\{\{|\{%|\}\}|%\}")


def flat(text: str) -> str:
    """The text with its line wrapping undone, to search for phrases that may span lines."""
    return " ".join(text.split())


def test_templates_are_found() -> None:
    assert {"en", "de"} <= set(RENDERER.languages())
    assert set(RENDERER.template_names("en")) >= TEMPLATES
    assert set(RENDERER.template_names("de")) >= TEMPLATES - ENGLISH_ONLY


@pytest.mark.parametrize(("language", "name"), PAIRS)
def test_every_template_renders_completely_and_safely(language: str, name: str) -> None:
    mail = RENDERER.render(name, language, {**CONTEXT, "language": language})
    assert mail.language == language
    assert "\n" not in mail.subject
    assert mail.subject.startswith(f"[{REFERENCE}]")
    assert REFERENCE in mail.text
    assert REFERENCE in mail.html
    assert "<script>" not in mail.html, "HTML must be autoescaped"
    assert "&lt;script&gt;" in mail.html
    for part in (mail.subject, mail.text, mail.html):
        assert not LEFTOVER.search(part), "template syntax left in the output"


@pytest.mark.parametrize(("language", "name"), PAIRS)
def test_optional_variables_may_be_empty(language: str, name: str) -> None:
    empty = dict.fromkeys(
        ("requester_name", "original_subject", "rights_text", "channels_text", "phones_text"), ""
    )
    mail = RENDERER.render(name, language, {**CONTEXT, **empty, "language": language})
    assert REFERENCE in mail.subject and REFERENCE in mail.text
    assert "\n\n\n" not in mail.text
    if name not in NO_GREETING:
        greeting = mail.text.splitlines()[0]
        assert greeting in ("Dear Sir or Madam,", "Sehr geehrte Damen und Herren,")


@pytest.mark.parametrize(("language", "name"), PAIRS)
def test_text_part_is_wrapped(language: str, name: str) -> None:
    mail = RENDERER.render(name, language, {**CONTEXT, "requester_name": "Ann Example"})
    long_lines = [line for line in mail.text.splitlines() if len(line) > 78]
    assert not long_lines


def test_every_english_template_has_a_german_counterpart() -> None:
    english = set(RENDERER.template_names("en"))
    german = set(RENDERER.template_names("de"))
    assert english - german == ENGLISH_ONLY
    assert german <= english


def test_staff_notice_falls_back_to_english() -> None:
    mail = RENDERER.render("staff_notice", "de", {**CONTEXT, "language": "de"})
    assert mail.language == "en"
    assert mail.subject == f"[{REFERENCE}] Verification failed too many times"
    assert "#verify" in mail.text


@pytest.mark.parametrize("language", ["en", "de"])
def test_verification_request_carries_code_and_expiry(language: str) -> None:
    mail = RENDERER.render("verification_request", language, CONTEXT)
    assert CODE in mail.text and CODE in mail.html
    assert EXPIRES_ON in flat(mail.text) and EXPIRES_ON in flat(mail.html)


def test_rejection_mentions_the_ico_and_the_courts() -> None:
    mail = RENDERER.render("rejection", "en", CONTEXT)
    for part in (mail.text, mail.html):
        assert "Information Commissioner" in part
        assert "ico.org.uk" in part
        assert "court" in part


def test_german_rejection_mentions_the_supervisory_authority() -> None:
    mail = RENDERER.render("rejection", "de", CONTEXT)
    assert "zuständigen Datenschutzaufsichtsbehörde" in mail.text
    assert "gerichtlichen Rechtsbehelf" in mail.text


def _failure_paragraph(language: str, problem: str, attempts_left: str = "2") -> str:
    context = {**CONTEXT, "problem": problem, "attempts_left": attempts_left}
    text = RENDERER.render("verification_failed", language, context).text
    return " ".join(text.split("\n\n")[1].split())  # the paragraph after the greeting


@pytest.mark.parametrize("language", ["en", "de"])
def test_verification_failed_explains_each_problem_differently(language: str) -> None:
    sentences = {problem: _failure_paragraph(language, problem) for problem in PROBLEMS}
    assert len(set(sentences.values())) == len(PROBLEMS)
    unexplained = _failure_paragraph(language, "something_else")
    assert all(len(sentence) > len(unexplained) for sentence in sentences.values())


@pytest.mark.parametrize("language", ["en", "de"])
def test_wrong_sender_learns_neither_the_requesters_address_nor_name(language: str) -> None:
    """That mail goes to whoever replied, who may not be the requester."""
    context = {**CONTEXT, "problem": "wrong_sender", "requester_name": "Ann Example"}
    mail = RENDERER.render("verification_failed", language, context)
    for part in (mail.subject, mail.text, mail.html):
        assert "ann@example.org" not in part
        assert "Ann Example" not in part
    right_sender = {**context, "problem": "wrong_code"}
    assert "Ann Example" in RENDERER.render("verification_failed", language, right_sender).text


def _failure_text(attempts_left: str) -> str:
    context = {**CONTEXT, "attempts_left": attempts_left}
    return flat(RENDERER.render("verification_failed", "en", context).text)


def test_verification_failed_hands_over_to_staff_when_no_attempts_are_left() -> None:
    last, one, more = _failure_text("0"), _failure_text("1"), _failure_text("2")
    assert "member of our staff will now check your request by hand" in last
    assert "try again" not in last
    assert "You have 2 attempts left." in more and "member of our staff" not in more
    assert "You have 1 attempt left." in one


def test_dates_are_stated() -> None:
    acknowledgement = flat(RENDERER.render("acknowledgement", "en", CONTEXT).text)
    assert "answer by 5 October 2026 at the latest" in acknowledgement
    extension = flat(RENDERER.render("extension_notice", "en", CONTEXT).text)
    assert "5 December 2026" in extension and "5 October 2026" in extension
    assert "12(3)" in extension


def test_missing_variable_is_an_error_not_a_blank() -> None:
    context = {key: value for key, value in CONTEXT.items() if key != "due_on"}
    with pytest.raises(jinja2.UndefinedError):
        RENDERER.render("acknowledgement", "en", context)
    with pytest.raises(jinja2.UndefinedError):
        RENDERER.render("verification_request", "de", {"reference": REFERENCE})
