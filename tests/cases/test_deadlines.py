import datetime as dt

import pytest

from netral.cases.deadlines import (
    WorkingCalendar,
    add_working_days,
    due_date,
    rule_for_event,
    working_days_between,
)

D = dt.date


@pytest.fixture(scope="module")
def calendar(rulebook):
    return WorkingCalendar.from_rulebook(rulebook)


def test_weekend_is_skipped(calendar):
    friday = D(2024, 10, 18)
    assert add_working_days(friday, 1, calendar) == D(2024, 10, 21)
    assert add_working_days(friday, 5, calendar) == D(2024, 10, 25)


def test_idul_fitri_2024_holidays_and_cuti_bersama_are_skipped(calendar):
    # 8, 9, 12, 15 April cuti bersama; 10-11 April Idul Fitri; 13-14 weekend.
    assert add_working_days(D(2024, 4, 5), 1, calendar) == D(2024, 4, 16)
    assert working_days_between(D(2024, 4, 5), D(2024, 4, 16), calendar) == 1


def test_election_days_and_christmas_are_days_off(calendar):
    assert not calendar.is_working_day(D(2024, 2, 14))  # Pemilu voting day
    assert not calendar.is_working_day(D(2024, 11, 27))  # Pilkada voting day
    # Tue 24 Dec + 2: 25 Christmas, 26 cuti bersama, 27 Fri counts, 28-29 weekend, 30 Mon.
    assert add_working_days(D(2024, 12, 24), 2, calendar) == D(2024, 12, 30)


def test_extra_days_off_from_data_are_honoured():
    plain = WorkingCalendar()
    extra = WorkingCalendar([D(2025, 3, 3)])  # a Monday declared off
    assert add_working_days(D(2025, 2, 28), 1, plain) == D(2025, 3, 3)
    assert add_working_days(D(2025, 2, 28), 1, extra) == D(2025, 3, 4)


def test_zero_days_rolls_a_day_off_forward(calendar):
    assert add_working_days(D(2024, 4, 13), 0, calendar) == D(2024, 4, 16)
    assert add_working_days(D(2024, 4, 16), 0, calendar) == D(2024, 4, 16)


def test_between_is_the_inverse_of_add_and_antisymmetric(calendar):
    start = D(2024, 3, 1)
    for n in range(0, 60, 7):
        end = add_working_days(start, n, calendar)
        assert working_days_between(start, end, calendar) == n
        assert working_days_between(end, start, calendar) == -n


def test_rule_units_from_rulebook(rulebook, calendar):
    review = rule_for_event(rulebook, "report-received")
    assert review is not None and review.id == "preliminary-review"
    # Received Thursday 28 Nov 2024: 3 working days -> Tuesday 3 Dec.
    assert due_date(review, D(2024, 11, 28), calendar) == D(2024, 12, 3)
    bawaslu = rulebook.deadline("pemilu-bawaslu-decision")  # 7 calendar days
    assert due_date(bawaslu, D(2024, 4, 5), calendar) == D(2024, 4, 12)
    assert rule_for_event(rulebook, "nothing-starts-here") is None
