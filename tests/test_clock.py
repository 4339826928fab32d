"""The statutory clock, as tables of real cases worked out by hand (weekdays checked).

Bank holidays, England & Wales (ENG) unless a row says otherwise:
2026: Fri 3 Apr, Mon 6 Apr, Mon 4 May, Mon 25 May, Mon 31 Aug, Fri 25 Dec, Sat 26 Dec → Mon 28 Dec.
2027: Fri 1 Jan, Fri 26 Mar, Mon 29 Mar, Mon 3 May, Mon 31 May, Mon 30 Aug,
      Sat 25 Dec → Mon 27 Dec, Sun 26 Dec → Tue 28 Dec.
2028: Sat 1 Jan → Mon 3 Jan.
Scotland (SCT) differs: 2 January, no Easter Monday, summer holiday on the FIRST Monday of August.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import holidays
import pytest

from mailbot.tickets import clock
from mailbot.tickets.clock import (
    ClockPolicy,
    Deadlines,
    WorkingCalendar,
    add_months,
    deadline_report,
    deadlines,
    extension_allowed,
    opt_out_due_on,
    parse_when,
    received_on,
    working_calendar,
)

ENGLAND = ClockPolicy()
SCOTLAND = ClockPolicy(holiday_subdivision="SCT")
NORTHERN_IRELAND = ClockPolicy(holiday_subdivision="NIR")
BERLIN = ClockPolicy(timezone="Europe/Berlin", holiday_country="DE", holiday_subdivision="BE")


def d(text: str) -> date:
    return date.fromisoformat(text)


def at(text: str) -> datetime:
    """An aware instant from an ISO timestamp with an offset or Z."""
    instant = datetime.fromisoformat(text)
    assert instant.tzinfo is not None
    return instant


def local_noon(day: str, policy: ClockPolicy = ENGLAND) -> datetime:
    """Noon on `day` in the policy's zone, as an aware UTC instant."""
    return datetime.combine(d(day), time(12), tzinfo=ZoneInfo(policy.timezone)).astimezone(UTC)


# --- the calendar month ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        ("2026-09-03", 1, "2026-10-03"),  # the ICO's example: the corresponding date
        ("2026-01-31", 1, "2026-02-28"),  # no 31 Feb; 2026 is not a leap year
        ("2028-01-31", 1, "2028-02-29"),  # leap year
        ("2028-02-29", 12, "2029-02-28"),  # leap day, a year on: no 29 Feb 2029
        ("2026-03-31", 1, "2026-04-30"),  # April has 30 days
        ("2026-08-31", 1, "2026-09-30"),  # September has 30 days
        ("2026-12-31", 1, "2027-01-31"),  # across the year end
        ("2026-12-15", 1, "2027-01-15"),  # across the year end, mid-month
        ("2026-11-30", 3, "2027-02-28"),  # three months, clamped to February
        ("2026-10-31", 3, "2027-01-31"),  # three months across the year end
        ("2026-05-17", 0, "2026-05-17"),  # nothing added
        ("2026-03-31", -1, "2026-02-28"),  # backwards, clamped too
    ],
)
def test_add_months_clamps_to_the_last_day(start: str, months: int, expected: str) -> None:
    assert add_months(d(start), months) == d(expected)


STATUTORY_ENGLAND = [
    # received (local date, its weekday), the statutory due date (its weekday)
    ("2025-09-03", "2025-10-03"),  # Wed → Fri 3 Oct: the ICO's example, no roll
    ("2026-09-03", "2026-10-05"),  # Thu → 3 Oct is a Saturday → Mon 5 Oct
    ("2026-01-31", "2026-03-02"),  # Sat → 28 Feb (Sat, clamped) → Mon 2 Mar
    ("2028-01-31", "2028-02-29"),  # Mon → Tue 29 Feb (leap year, clamped)
    ("2028-01-30", "2028-02-29"),  # Sun → Tue 29 Feb (leap year, clamped)
    ("2028-01-29", "2028-02-29"),  # Sat → Tue 29 Feb (leap year, exact date)
    ("2027-01-30", "2027-03-01"),  # Sat → 28 Feb (Sun, clamped) → Mon 1 Mar
    ("2027-01-29", "2027-03-01"),  # Fri → 28 Feb (Sun, clamped) → Mon 1 Mar
    ("2026-03-31", "2026-04-30"),  # Tue → Thu 30 Apr
    ("2026-08-31", "2026-09-30"),  # Mon (a bank holiday, still counts) → Wed 30 Sep
    ("2026-12-31", "2027-02-01"),  # Thu → 31 Jan (Sun) → Mon 1 Feb
    ("2026-12-15", "2027-01-15"),  # Tue → Fri 15 Jan
    ("2026-05-31", "2026-06-30"),  # Sun receipt counts from that day → Tue 30 Jun
    ("2026-11-25", "2026-12-29"),  # → Fri 25 Dec Christmas, Sat, Sun, Mon 28 substitute → Tue 29
    ("2026-11-26", "2026-12-29"),  # → Sat 26 Dec Boxing Day, Sun, Mon 28 substitute → Tue 29
    ("2026-11-28", "2026-12-29"),  # → Mon 28 Dec, the Boxing Day substitute → Tue 29
    ("2026-12-01", "2027-01-04"),  # → Fri 1 Jan 2027 New Year's Day, weekend → Mon 4 Jan
    ("2027-02-26", "2027-03-30"),  # → Good Friday 26 Mar, weekend, Easter Mon 29 → Tue 30 Mar
    ("2027-02-28", "2027-03-30"),  # Sun → 28 Mar (Sun), Easter Mon 29 Mar → Tue 30 Mar
    ("2027-04-03", "2027-05-04"),  # → Mon 3 May, early May bank holiday → Tue 4 May
    ("2027-04-30", "2027-06-01"),  # → 30 May (Sun), Mon 31 May spring bank holiday → Tue 1 Jun
    ("2027-07-30", "2027-08-31"),  # → Mon 30 Aug, summer bank holiday (E&W) → Tue 31 Aug
    ("2027-07-02", "2027-08-02"),  # → Mon 2 Aug: an ordinary day in England
    ("2027-11-25", "2027-12-29"),  # → Sat 25 Dec, Sun, Mon 27 + Tue 28 substitutes → Wed 29
    ("2027-12-01", "2028-01-04"),  # → Sat 1 Jan 2028, Sun, Mon 3 Jan substitute → Tue 4 Jan
]


@pytest.mark.parametrize(("received", "expected"), STATUTORY_ENGLAND)
def test_statutory_due_date_in_england(received: str, expected: str) -> None:
    assert deadlines(local_noon(received), ENGLAND).statutory_due_on == d(expected)


@pytest.mark.parametrize(
    ("policy", "received", "expected"),
    [
        (SCOTLAND, "2027-07-02", "2027-08-03"),  # → Mon 2 Aug, Scotland's summer holiday → Tue 3
        (SCOTLAND, "2027-07-30", "2027-08-30"),  # → Mon 30 Aug: a working day in Scotland
        (SCOTLAND, "2027-02-28", "2027-03-29"),  # → 28 Mar (Sun); no Easter Monday → Mon 29 Mar
        (SCOTLAND, "2026-12-01", "2027-01-05"),  # → Fri 1 Jan, Sat 2 Jan → Mon 4 substitute → Tue 5
        (NORTHERN_IRELAND, "2027-02-17", "2027-03-18"),  # → Wed 17 Mar, St Patrick's → Thu 18
        (ENGLAND, "2027-02-17", "2027-03-17"),  # → Wed 17 Mar: a working day in England
        (BERLIN, "2027-02-08", "2027-03-09"),  # → Mon 8 Mar, Women's Day in Berlin → Tue 9 Mar
        (BERLIN, "2026-11-25", "2026-12-28"),  # → Fri 25 Dec, Sat 26 (no substitute) → Mon 28
    ],
)
def test_statutory_due_date_in_other_regions(
    policy: ClockPolicy, received: str, expected: str
) -> None:
    assert deadlines(local_noon(received, policy), policy).statutory_due_on == d(expected)


@pytest.mark.parametrize(
    ("day", "subdivision", "listed"),
    [
        ("2026-12-26", "ENG", True),  # Sat: Boxing Day itself is listed, on a weekend
        ("2026-12-28", "ENG", True),  # Mon: Boxing Day (observed)
        ("2027-03-29", "ENG", True),  # Mon: Easter Monday
        ("2027-03-29", "SCT", False),  # no Easter Monday in Scotland
        ("2027-05-03", "ENG", True),  # Mon: early May bank holiday
        ("2027-05-31", "ENG", True),  # Mon: spring bank holiday
        ("2027-08-30", "ENG", True),  # Mon: summer bank holiday, last Monday of August
        ("2027-08-30", "SCT", False),  # not in Scotland…
        ("2027-08-02", "SCT", True),  # …whose summer holiday is the first Monday of August
        ("2027-08-02", "ENG", False),
        ("2027-01-01", "ENG", True),  # Fri: New Year's Day
        ("2028-01-03", "ENG", True),  # Mon: New Year's Day (observed), 1 Jan 2028 is a Saturday
    ],
)
def test_the_tables_agree_with_the_holidays_package(
    day: str, subdivision: str, listed: bool
) -> None:
    table = holidays.country_holidays("GB", subdiv=subdivision, years=d(day).year)
    assert (d(day) in table) is listed


# --- working days ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("policy", "day", "working"),
    [
        (ENGLAND, "2026-09-03", True),  # Thu
        (ENGLAND, "2026-10-03", False),  # Sat
        (ENGLAND, "2026-10-04", False),  # Sun
        (ENGLAND, "2026-12-25", False),  # Fri, Christmas Day
        (ENGLAND, "2026-12-28", False),  # Mon, Boxing Day substitute
        (ENGLAND, "2026-12-29", True),  # Tue
        (ENGLAND, "2026-01-02", True),  # Fri: a working day in England…
        (SCOTLAND, "2026-01-02", False),  # …but not in Scotland (2 January)
        (BERLIN, "2026-10-03", False),  # Sat, German Unity Day
    ],
)
def test_is_working_day(policy: ClockPolicy, day: str, working: bool) -> None:
    assert WorkingCalendar(policy).is_working_day(d(day)) is working


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2026-09-03", "2026-09-03"),  # Thu: already a working day
        ("2026-10-03", "2026-10-05"),  # Sat → Mon
        ("2026-12-24", "2026-12-24"),  # Thu, Christmas Eve: a working day
        ("2026-12-25", "2026-12-29"),  # Fri Christmas, weekend, Mon substitute → Tue
        ("2027-12-24", "2027-12-24"),  # Fri: a working day
        ("2027-12-25", "2027-12-29"),  # Sat, Sun, Mon + Tue substitutes → Wed
    ],
)
def test_next_working_day(day: str, expected: str) -> None:
    assert WorkingCalendar(ENGLAND).next_working_day(d(day)) == d(expected)


@pytest.mark.parametrize(
    ("day", "count", "expected"),
    [
        ("2026-10-03", 0, "2026-10-03"),  # nothing added: the day itself, even a Saturday
        ("2026-09-03", 1, "2026-09-04"),  # Thu → Fri
        ("2026-09-04", 1, "2026-09-07"),  # Fri → Mon
        ("2026-12-24", 1, "2026-12-29"),  # Thu → over Christmas and the substitute → Tue
        ("2026-06-01", 10, "2026-06-15"),  # Mon → two plain weeks → Mon
    ],
)
def test_add_business_days(day: str, count: int, expected: str) -> None:
    assert WorkingCalendar(ENGLAND).add_business_days(d(day), count) == d(expected)


def test_add_business_days_refuses_a_negative_count() -> None:
    with pytest.raises(ValueError, match="negative"):
        WorkingCalendar(ENGLAND).add_business_days(d("2026-09-03"), -1)


def test_one_calendar_per_policy_is_shared() -> None:
    assert working_calendar(ClockPolicy()) is working_calendar(ENGLAND)
    assert working_calendar(SCOTLAND) is not working_calendar(ENGLAND)


# --- local dates: DST and just before midnight -------------------------------------------------


@pytest.mark.parametrize(
    ("policy", "instant", "expected"),
    [
        (ENGLAND, "2026-03-28T23:59:59Z", "2026-03-28"),  # 23:59:59 GMT, the eve of the change
        (ENGLAND, "2026-03-29T00:30:00Z", "2026-03-29"),  # 00:30 GMT, before 01:00 UTC change
        (ENGLAND, "2026-03-29T01:30:00Z", "2026-03-29"),  # 02:30 BST, just after the change
        (ENGLAND, "2026-03-29T22:59:59Z", "2026-03-29"),  # 23:59:59 BST
        (ENGLAND, "2026-03-29T23:30:00Z", "2026-03-30"),  # 00:30 BST the next day
        (ENGLAND, "2026-06-30T22:59:59Z", "2026-06-30"),  # 23:59:59 BST
        (ENGLAND, "2026-06-30T23:30:00Z", "2026-07-01"),  # 00:30 BST on 1 July
        (ENGLAND, "2026-07-01T00:30:00+01:00", "2026-07-01"),  # the same instant, offset given
        (ENGLAND, "2026-10-24T22:59:59Z", "2026-10-24"),  # 23:59:59 BST
        (ENGLAND, "2026-10-24T23:30:00Z", "2026-10-25"),  # 00:30 BST on the day clocks go back
        (ENGLAND, "2026-10-25T00:30:00Z", "2026-10-25"),  # 01:30 BST, the first 01:30
        (ENGLAND, "2026-10-25T01:30:00Z", "2026-10-25"),  # 01:30 GMT, the second 01:30
        (ENGLAND, "2026-10-25T23:59:59Z", "2026-10-25"),  # 23:59:59 GMT: still the 25th
        (ENGLAND, "2026-12-31T23:59:59Z", "2026-12-31"),  # GMT = UTC: still 31 December
        (BERLIN, "2026-12-31T23:30:00Z", "2027-01-01"),  # 00:30 CET: already New Year in Berlin
        (BERLIN, "2026-06-30T22:30:00Z", "2026-07-01"),  # 00:30 CEST
    ],
)
def test_received_on_is_the_local_date(policy: ClockPolicy, instant: str, expected: str) -> None:
    assert received_on(at(instant), policy) == d(expected)


def test_a_naive_instant_is_refused() -> None:
    naive = datetime(2026, 9, 3, 12, 0)  # noqa: DTZ001 - the mistake under test
    with pytest.raises(ValueError, match="naive"):
        received_on(naive, ENGLAND)
    with pytest.raises(ValueError, match="naive"):
        deadlines(at("2026-09-03T09:00:00Z"), ENGLAND, clock_started_at=naive)


@pytest.mark.parametrize(
    ("instant", "received", "statutory"),
    [
        ("2026-06-30T23:30:00Z", "2026-07-01", "2026-08-03"),  # 1 Jul BST → 1 Aug (Sat) → Mon 3
        ("2026-06-30T22:59:59Z", "2026-06-30", "2026-07-30"),  # still 30 Jun BST → Thu 30 Jul
        ("2026-01-31T23:30:00Z", "2026-01-31", "2026-03-02"),  # 31 Jan GMT → 28 Feb Sat → 2 Mar
        ("2026-12-31T23:59:59Z", "2026-12-31", "2027-02-01"),  # 31 Dec GMT → 31 Jan Sun → 1 Feb
        ("2026-10-24T23:30:00Z", "2026-10-25", "2026-11-25"),  # 25 Oct BST → Wed 25 Nov
        ("2026-03-29T00:30:00Z", "2026-03-29", "2026-04-29"),  # 29 Mar GMT → Wed 29 Apr
    ],
)
def test_deadlines_count_from_the_local_date(instant: str, received: str, statutory: str) -> None:
    found = deadlines(at(instant), ENGLAND)
    assert (found.received_on, found.statutory_due_on) == (d(received), d(statutory))


# --- the company target, the clock pause, the extension ----------------------------------------


@pytest.mark.parametrize(
    ("policy", "received", "target", "statutory", "due"),
    [
        # 1 Feb + 30 days = Tue 3 Mar; the law says 1 Mar (Sun) → Mon 2 Mar: the law wins
        (ENGLAND, "2026-02-01", "2026-03-03", "2026-03-02", "2026-03-02"),
        # March has 31 days: target Tue 31 Mar beats Wed 1 Apr
        (ENGLAND, "2026-03-01", "2026-03-31", "2026-04-01", "2026-03-31"),
        # July has 31 days: target Fri 31 Jul beats 1 Aug (Sat) → Mon 3 Aug
        (ENGLAND, "2026-07-01", "2026-07-31", "2026-08-03", "2026-07-31"),
        # the target is not rolled: Mon 31 Aug is a bank holiday, still the target (Tue 1 Sep law)
        (ENGLAND, "2026-08-01", "2026-08-31", "2026-09-01", "2026-08-31"),
        # a 20-day target: Thu 3 Sep + 20 = Wed 23 Sep, well before Mon 5 Oct
        (ClockPolicy(target_days=20), "2026-09-03", "2026-09-23", "2026-10-05", "2026-09-23"),
    ],
)
def test_effective_due_date_is_the_earlier(
    policy: ClockPolicy, received: str, target: str, statutory: str, due: str
) -> None:
    found = deadlines(local_noon(received), policy)
    assert (found.target_on, found.statutory_due_on, found.due_on) == (
        d(target),
        d(statutory),
        d(due),
    )


def test_the_clock_runs_from_the_identity_proof() -> None:
    # received Thu 3 Sep; the ID proof arrives Thu 10 Sep: 10 Oct is a Saturday → Mon 12 Oct
    found = deadlines(
        at("2026-09-03T09:00:00Z"), ENGLAND, clock_started_at=at("2026-09-10T15:00:00Z")
    )
    assert found == Deadlines(
        received_on=d("2026-09-03"),  # the real receipt is still reported
        clock_started_on=d("2026-09-10"),
        statutory_due_on=d("2026-10-12"),
        extended_due_on=d("2026-12-10"),  # Thu, three months from the start
        target_on=d("2026-10-10"),  # Sat: 30 calendar days, not rolled
        due_on=d("2026-10-10"),
        extension_notice_by=d("2026-10-12"),
    )


def test_the_clock_cannot_start_before_receipt() -> None:
    with pytest.raises(ValueError, match="before receipt"):
        deadlines(at("2026-09-10T09:00:00Z"), ENGLAND, clock_started_at=at("2026-09-03T09:00:00Z"))


@pytest.mark.parametrize(
    ("received", "extended"),
    [
        ("2026-09-03", "2026-12-03"),  # Thu → Thu 3 Dec
        ("2026-11-30", "2027-03-01"),  # → 28 Feb 2027 (clamped, Sun) → Mon 1 Mar
        ("2026-09-26", "2026-12-29"),  # → Sat 26 Dec, Sun, Mon 28 substitute → Tue 29 Dec
        ("2027-11-29", "2028-02-29"),  # → Tue 29 Feb 2028, leap year
        ("2026-02-01", "2026-05-01"),  # → Fri 1 May (the bank holiday is Mon 4 May)
        ("2026-10-31", "2027-02-01"),  # → 31 Jan 2027 (Sun) → Mon 1 Feb
    ],
)
def test_extended_due_date_is_three_months(received: str, extended: str) -> None:
    assert deadlines(local_noon(received), ENGLAND).extended_due_on == d(extended)


@pytest.mark.parametrize(
    ("received", "started", "now", "allowed"),
    [
        # received Thu 3 Sep 2026 (BST): the first month ends 3 Oct (Sat) → Mon 5 Oct
        ("2026-09-03T09:00:00Z", None, "2026-09-03T09:00:00Z", True),  # at once
        ("2026-09-03T09:00:00Z", None, "2026-10-03T12:00:00Z", True),  # the calendar date
        ("2026-09-03T09:00:00Z", None, "2026-10-05T22:59:59Z", True),  # 23:59:59 BST, last day
        ("2026-09-03T09:00:00Z", None, "2026-10-05T23:00:00Z", False),  # 00:00 BST, 6 Oct
        ("2026-09-03T09:00:00Z", None, "2026-10-06T09:00:00Z", False),  # the day after
        # ID proof on 10 Sep: the first month runs to 10 Oct (Sat) → Mon 12 Oct
        ("2026-09-03T09:00:00Z", "2026-09-10T15:00:00Z", "2026-10-08T09:00:00Z", True),
        ("2026-09-03T09:00:00Z", "2026-09-10T15:00:00Z", "2026-10-12T22:59:59Z", True),
        ("2026-09-03T09:00:00Z", "2026-09-10T15:00:00Z", "2026-10-12T23:00:00Z", False),
        # winter, GMT = UTC: received Mon 30 Nov → Wed 30 Dec
        ("2026-11-30T10:00:00Z", None, "2026-12-30T23:59:59Z", True),
        ("2026-11-30T10:00:00Z", None, "2026-12-31T00:00:00Z", False),
    ],
)
def test_extension_notice_only_within_the_first_month(
    received: str, started: str | None, now: str, allowed: bool
) -> None:
    start = None if started is None else at(started)
    assert extension_allowed(at(received), at(now), ENGLAND, clock_started_at=start) is allowed


# --- opt-outs ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("policy", "received", "expected"),
    [
        # Fri 18 Dec: 21–24 Dec (4), skip 25, 28 Dec; 29–31 Dec (7), skip 1 Jan; 4–6 Jan (10)
        (ENGLAND, "2026-12-18T10:00:00Z", "2027-01-06"),
        # Fri 27 Mar: 30 Mar–2 Apr (4), skip Good Fri 3 + Easter Mon 6; 7–10 Apr (8), 13–14 (10)
        (ENGLAND, "2026-03-27T10:00:00Z", "2026-04-14"),
        (ENGLAND, "2026-06-01T09:00:00Z", "2026-06-15"),  # Mon: two plain weeks → Mon
        (ENGLAND, "2026-06-06T09:00:00Z", "2026-06-19"),  # Sat: Mon 8 is day 1 → Fri 19
        # 00:30 BST Sat 23 May; Mon 25 May spring bank holiday; 26–29 May (4), 1–5 Jun (9), 8 Jun
        (ENGLAND, "2026-05-22T23:30:00Z", "2026-06-08"),
        (ENGLAND, "2026-07-31T09:00:00Z", "2026-08-14"),  # Fri: two plain weeks in England
        (SCOTLAND, "2026-07-31T09:00:00Z", "2026-08-17"),  # Mon 3 Aug is Scotland's holiday
        (ClockPolicy(opt_out_business_days=0), "2026-06-06T09:00:00Z", "2026-06-06"),  # at once
    ],
)
def test_opt_out_due_in_business_days(policy: ClockPolicy, received: str, expected: str) -> None:
    assert opt_out_due_on(at(received), policy) == d(expected)


# --- parsing WHEN and the report ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("policy", "text", "expected"),
    [
        (ENGLAND, "2026-09-03", "2026-09-03T11:00:00+00:00"),  # a bare date: local noon, BST
        (ENGLAND, "2026-12-31", "2026-12-31T12:00:00+00:00"),  # local noon, GMT
        (ENGLAND, "2026-03-29", "2026-03-29T11:00:00+00:00"),  # the spring DST day: noon BST
        (ENGLAND, "2026-10-25", "2026-10-25T12:00:00+00:00"),  # the autumn DST day: noon GMT
        (ENGLAND, " 2026-09-03\n", "2026-09-03T11:00:00+00:00"),  # surrounding blanks
        (BERLIN, "2026-09-03", "2026-09-03T10:00:00+00:00"),  # noon CEST
        (ENGLAND, "2026-06-30T23:30:00Z", "2026-06-30T23:30:00+00:00"),
        (ENGLAND, "2026-07-01T00:30:00+01:00", "2026-06-30T23:30:00+00:00"),
        (ENGLAND, "2026-07-01T00:30:00", "2026-06-30T23:30:00+00:00"),  # naive = local, BST
        (ENGLAND, "2026-12-31T23:59:59", "2026-12-31T23:59:59+00:00"),  # naive = local, GMT
        (ENGLAND, "2026-10-25T01:30:00", "2026-10-25T00:30:00+00:00"),  # repeated: the first, BST
        (ENGLAND, "2026-09-03 08:15", "2026-09-03T07:15:00+00:00"),  # space instead of T
    ],
)
def test_parse_when(policy: ClockPolicy, text: str, expected: str) -> None:
    parsed = parse_when(text, policy)
    assert parsed == at(expected)
    assert parsed.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "tomorrow",
        "2026-02-30",  # no such day
        "2026-13-01",  # no such month
        "03/09/2026",  # ambiguous, refused
        "2026-09-03T25:00",  # no such hour
        "2026-09-03T10:00:00+25:00",  # no such offset
    ],
)
def test_parse_when_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="cannot read"):
        parse_when(text, ENGLAND)


def test_every_bare_date_of_2026_to_2028_comes_back_as_itself() -> None:
    day = d("2026-01-01")
    while day < d("2029-01-01"):
        assert received_on(parse_when(day.isoformat(), ENGLAND), ENGLAND) == day
        day += timedelta(days=1)


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        # 1 Jul 00:30 BST: law 1 Aug (Sat) → Mon 3 Aug; target Fri 31 Jul is earlier
        ("2026-06-30T23:30:00Z", ("2026-07-01", "2026-08-03", "2026-10-01", "2026-07-31")),
        # the DESIGN example: law 1 Mar (Sun) → Mon 2 Mar; target Tue 3 Mar is later
        ("2026-02-01", ("2026-02-01", "2026-03-02", "2026-05-01", "2026-03-03")),
        # still 31 Dec in London: law 31 Jan (Sun) → 1 Feb; extended Wed 31 Mar; target Sat 30 Jan
        ("2026-12-31T23:59:59Z", ("2026-12-31", "2027-02-01", "2027-03-31", "2027-01-30")),
    ],
)
def test_deadline_report(when: str, expected: tuple[str, str, str, str]) -> None:
    received, due, extended, target = expected
    assert deadline_report(when, ENGLAND) == {
        "received_on": received,
        "due_on": due,
        "extended_due_on": extended,
        "target_on": target,
        "effective_due_on": min(due, target),
    }


# --- policy and purity -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"timezone": "Mars/Olympus_Mons"}, "time zone"),
        ({"timezone": ""}, "time zone"),
        ({"holiday_country": "XX"}, "holiday region"),
        ({"holiday_subdivision": "XYZ"}, "holiday region"),
        ({"target_days": 0}, "target_days"),
        ({"opt_out_business_days": -1}, "opt_out_business_days"),
    ],
)
def test_a_bad_policy_is_refused(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ClockPolicy(**fields)


IO_LIBRARIES = ["sqlalchemy", "imapclient", "aiosmtplib", "jinja2", "alembic", "aiosmtpd"]


def test_the_clock_imports_no_io_library() -> None:
    code = (
        "import sys, mailbot.tickets.clock; "
        f"print(','.join(m for m in {IO_LIBRARIES!r} if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == ""


def test_the_clock_never_reads_the_clock() -> None:
    tree = ast.parse(Path(clock.__file__).read_text(encoding="utf-8"))
    calls = {
        node.func.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    }
    assert not calls & {"now", "today", "utcnow", "time", "monotonic"}
