"""Due dates in working days: weekends, Indonesian public and joint holidays, cuti bersama.

The `holidays` package supplies national public and government (joint-leave) holidays; the
rulebook's ``days_off.yaml`` adds cuti bersama and ad-hoc days off the package may not know.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cache

import holidays

from netral.rulebook import DayUnit, DeadlineRule, Rulebook


@cache
def _indonesian_holidays() -> holidays.HolidayBase:
    # Built once per process (building costs ~0.3 s); the years a case system looks at are
    # filled in up front so concurrent readers never trigger the package's lazy expansion.
    today = dt.date.today()
    return holidays.country_holidays("ID", categories=("public", "government"),
                                     years=range(2019, today.year + 6))


class WorkingCalendar:
    """Which days are working days in Indonesian government offices."""

    def __init__(self, extra_days_off: Iterable[dt.date] = ()):
        self._extra = frozenset(extra_days_off)
        self._holidays = _indonesian_holidays()

    @classmethod
    def from_rulebook(cls, rulebook: Rulebook) -> WorkingCalendar:
        return cls(d.date for d in rulebook.days_off)

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self._extra and day not in self._holidays

    def day_off_name(self, day: dt.date) -> str | None:
        if day in self._extra:
            return "day off"
        return self._holidays.get(day)


def add_working_days(start: dt.date, days: int, calendar: WorkingCalendar) -> dt.date:
    """The date ``days`` working days after ``start`` (``start`` itself is not counted).

    ``add_working_days(friday, 1)`` is the next Monday; zero days from a day off rolls
    forward to the next working day.
    """
    if days < 0:
        raise ValueError("days must be >= 0")
    day = start
    if days == 0:
        while not calendar.is_working_day(day):
            day += dt.timedelta(days=1)
        return day
    remaining = days
    while remaining:
        day += dt.timedelta(days=1)
        if calendar.is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: dt.date, end: dt.date, calendar: WorkingCalendar) -> int:
    """Working days in ``(start, end]``; negative when ``end`` is before ``start``.

    Inverse of `add_working_days`: ``working_days_between(d, add_working_days(d, n)) == n``.
    """
    if end < start:
        return -working_days_between(end, start, calendar)
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        if calendar.is_working_day(day):
            count += 1
    return count


def due_date(rule: DeadlineRule, start: dt.date, calendar: WorkingCalendar) -> dt.date:
    """When ``rule`` expires for a clock started on ``start``."""
    if rule.unit == DayUnit.WORKING:
        return add_working_days(start, rule.days, calendar)
    return start + dt.timedelta(days=rule.days)


def rule_for_event(rulebook: Rulebook, event: str) -> DeadlineRule | None:
    """The case-workflow rule started by ``event`` (rules tied to an election kind are skipped)."""
    for rule in rulebook.deadlines:
        if rule.starts_from == event and not rule.applies_to:
            return rule
    return None
