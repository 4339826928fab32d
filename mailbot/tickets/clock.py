"""The statutory clock: when a rights request is due, as pure functions of the instants given.

The law, UK GDPR Art. 12(3): the controller answers "without undue delay and in any event within
one month of receipt of the request"; the period "may be extended by two further months where
necessary, taking into account the complexity and number of the requests", and the data subject
must be told of any extension, with the reasons, "within one month of receipt of the request".

How the ICO counts it ("Time limits for responding", right of access guidance):

- the time limit runs from the day the request is received, whether a working day or not, until
  the corresponding calendar date in the next month (received 3 September → due 3 October);
- if that date does not exist because the following month is shorter, the deadline is the last
  day of the following month (received 31 January → due 28 or 29 February);
- if the corresponding date falls on a weekend or a bank holiday, the deadline is the next
  working day;
- an extension is by a further two months (so three months from the start), for complex or
  numerous requests, and the person must be told within one month of receipt;
- where identity must be confirmed or the request clarified, the time limit starts once the
  proof or clarification is received ("the clock is paused" until then).

Decisions made here:

- Instants are aware datetimes (stored in UTC); `received_on` is the one place that turns an
  instant into a local date, in `ClockPolicy.timezone` (default Europe/London).
- Working days: not Saturday or Sunday and not a holiday of `ClockPolicy.holiday_country` /
  `holiday_subdivision` from the `holidays` package, substitute ("observed") days included.
- The start of the month is `clock_started_on` (arrival of proof or clarification) when given,
  else the receipt date; the extended date and the company target run from the same start.
- The company target (`target_days` calendar days) is a plain calendar date, not moved to a
  working day: it is an internal aim, and `due_on` takes the earlier of it and the statutory date.
- The extension notice may be sent up to and including the statutory due date (the end of the
  first month as the ICO counts it, weekend and holiday roll included).
- `parse_when` reads a bare date as 12:00 local time on that date: noon is never skipped or
  repeated by a DST change, so the date survives the round trip through UTC.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

SATURDAY = 5  # date.weekday(): Saturday and Sunday (6) are never working days
LOCAL_NOON = time(12)
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class ClockPolicy:
    """Where the clock counts: time zone, bank-holiday region and the company's own targets."""

    timezone: str = "Europe/London"
    holiday_country: str = "GB"
    holiday_subdivision: str | None = "ENG"  # England & Wales; e.g. "SCT", "NIR", or DE + "BE"
    target_days: int = 30
    opt_out_business_days: int = 10

    def __post_init__(self) -> None:
        """Refuse a policy that would only fail later, at the first deadline computed."""
        if self.target_days < 1:
            raise ValueError(f"target_days must be at least 1, not {self.target_days}")
        if self.opt_out_business_days < 0:
            raise ValueError(
                f"opt_out_business_days must not be negative, not {self.opt_out_business_days}"
            )
        _zone(self.timezone)
        _holiday_table(self, ())

    @property
    def zone(self) -> ZoneInfo:
        """The local time zone, in which instants become dates."""
        return _zone(self.timezone)


def _zone(name: str) -> ZoneInfo:
    """The zone called `name`, or ValueError (zoneinfo raises a KeyError subclass)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(f"unknown time zone {name!r}") from error


def _holiday_table(policy: ClockPolicy, years: int | tuple[()]) -> holidays.HolidayBase:
    """The holidays package's table for the policy's region, or ValueError for an unknown one."""
    try:
        return holidays.country_holidays(
            policy.holiday_country, subdiv=policy.holiday_subdivision, years=years
        )
    except NotImplementedError as error:
        raise ValueError(f"unknown holiday region: {error}") from error


class WorkingCalendar:
    """Working days of one policy's region; holiday years are built lazily and kept."""

    def __init__(self, policy: ClockPolicy) -> None:
        self.policy = policy
        self._holidays_by_year: dict[int, frozenset[date]] = {}

    def _holidays_in(self, year: int) -> frozenset[date]:
        """The listed holidays of `year`, substitute days included, built once."""
        found = self._holidays_by_year.get(year)
        if found is None:
            found = frozenset(_holiday_table(self.policy, year).keys())
            self._holidays_by_year[year] = found
        return found

    def is_working_day(self, day: date) -> bool:
        """Weekends and listed holidays are not working days (the package lists both kinds)."""
        return day.weekday() < SATURDAY and day not in self._holidays_in(day.year)

    def next_working_day(self, day: date) -> date:
        """`day` itself if it is a working day, else the first working day after it."""
        while not self.is_working_day(day):
            day += ONE_DAY
        return day

    def add_business_days(self, day: date, count: int) -> date:
        """The `count`-th working day after `day` (`day` itself when `count` is 0)."""
        if count < 0:
            raise ValueError(f"cannot add a negative number of business days ({count})")
        for _ in range(count):
            day = self.next_working_day(day + ONE_DAY)
        return day


@lru_cache(maxsize=16)
def working_calendar(policy: ClockPolicy) -> WorkingCalendar:
    """One shared calendar per policy, so holiday years are built once per process."""
    return WorkingCalendar(policy)


def received_on(instant: datetime, policy: ClockPolicy) -> date:
    """The local date of an aware instant: the one place instants become dates."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"a naive datetime has no place on the clock: {instant.isoformat()}")
    return instant.astimezone(policy.zone).date()


def add_months(day: date, months: int) -> date:
    """The corresponding date `months` later, or that month's last day when it has no such date."""
    year, month_index = divmod(day.year * 12 + day.month - 1 + months, 12)
    month = month_index + 1
    last_day = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last_day))


@dataclass(frozen=True)
class Deadlines:
    """Every date of one request's clock; `due_on` is the one to work to."""

    received_on: date
    clock_started_on: date  # received_on, or when identity proof / clarification arrived
    statutory_due_on: date  # one month from the start, rolled to a working day
    extended_due_on: date  # three months from the start, rolled to a working day
    target_on: date  # start + target_days calendar days, NOT rolled to a working day
    due_on: date  # the earlier of target_on and statutory_due_on
    extension_notice_by: date  # last day to tell the requester of an extension


def deadlines(
    received_at: datetime, policy: ClockPolicy, *, clock_started_at: datetime | None = None
) -> Deadlines:
    """The dates of a request received at `received_at`, its month running from the clock start."""
    received = received_on(received_at, policy)
    started = received if clock_started_at is None else received_on(clock_started_at, policy)
    if started < received:
        raise ValueError(f"the clock cannot start ({started}) before receipt ({received})")
    work = working_calendar(policy)
    statutory = work.next_working_day(add_months(started, 1))
    target = started + timedelta(days=policy.target_days)
    return Deadlines(
        received_on=received,
        clock_started_on=started,
        statutory_due_on=statutory,
        extended_due_on=work.next_working_day(add_months(started, 3)),
        target_on=target,
        due_on=min(target, statutory),
        extension_notice_by=statutory,
    )


def opt_out_due_on(received_at: datetime, policy: ClockPolicy) -> date:
    """When an opt-out must have taken effect: business days counted from the local receipt."""
    start = received_on(received_at, policy)
    return working_calendar(policy).add_business_days(start, policy.opt_out_business_days)


def extension_allowed(
    received_at: datetime,
    now: datetime,
    policy: ClockPolicy,
    *,
    clock_started_at: datetime | None = None,
) -> bool:
    """Whether an extension notice may still go out: only within the first (statutory) month."""
    found = deadlines(received_at, policy, clock_started_at=clock_started_at)
    return received_on(now, policy) <= found.extension_notice_by


def parse_when(text: str, policy: ClockPolicy) -> datetime:
    """An aware UTC instant from `2026-09-03` (local noon) or an ISO timestamp (naive = local)."""
    cleaned = text.strip()
    try:
        day = date.fromisoformat(cleaned)
    except ValueError:
        return _parse_timestamp(cleaned, policy)
    return datetime.combine(day, LOCAL_NOON, tzinfo=policy.zone).astimezone(UTC)


def _parse_timestamp(text: str, policy: ClockPolicy) -> datetime:
    """An ISO 8601 timestamp as a UTC instant; without an offset it is local time."""
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"cannot read {text!r} as a date (2026-09-03) "
            "or an ISO 8601 timestamp (2026-06-30T23:30:00Z)"
        ) from None
    if parsed.tzinfo is None:
        # fold=0: a repeated or skipped local time takes the offset in force before the change.
        parsed = parsed.replace(tzinfo=policy.zone)
    return parsed.astimezone(UTC)


def deadline_report(when: str, policy: ClockPolicy) -> dict[str, str]:
    """What `mailbot deadline WHEN` prints: ISO dates; `due_on` is the statutory date."""
    found = deadlines(parse_when(when, policy), policy)
    return {
        "received_on": found.received_on.isoformat(),
        "due_on": found.statutory_due_on.isoformat(),
        "extended_due_on": found.extended_due_on.isoformat(),
        "target_on": found.target_on.isoformat(),
        "effective_due_on": found.due_on.isoformat(),
    }
