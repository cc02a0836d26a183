"""The working-day calendar: real 2026 holidays and 调休 weekends, estimates for years the package does not know."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from reviewflow import workdays
from reviewflow.models_office import CalendarDay
from reviewflow.workdays import SHANGHAI, Calendar, Day

pytestmark = pytest.mark.django_db


def test_a_deadline_across_national_day_counts_the_tiaoxiu_saturday():
    # 2026: 国庆 1–7 Oct is a holiday, Saturday 10 Oct is a 调休 working day, Sunday 11 Oct is not.
    assert workdays.add_working_days(date(2026, 9, 30), 1) == date(2026, 10, 8)
    assert workdays.add_working_days(date(2026, 9, 30), 3) == date(2026, 10, 10)
    assert workdays.add_working_days(date(2026, 9, 30), 4) == date(2026, 10, 12)


def test_a_deadline_across_mid_autumn_counts_the_working_sunday_before_it():
    # 中秋 25–27 Sep 2026 (Fri–Sun); Sunday 20 Sep is a 调休 working day.
    assert workdays.add_working_days(date(2026, 9, 19), 1) == date(2026, 9, 20)
    assert workdays.add_working_days(date(2026, 9, 24), 1) == date(2026, 9, 28)


def test_spring_festival_2026_skips_the_whole_break_and_counts_its_working_saturdays():
    # 春节 15–23 Feb 2026; Saturdays 14 and 28 Feb are working days.
    assert workdays.add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 14)
    assert workdays.add_working_days(date(2026, 2, 14), 1) == date(2026, 2, 24)
    assert workdays.add_working_days(date(2026, 2, 24), 4) == date(2026, 2, 28)


def test_working_days_between_counts_after_the_first_day_up_to_the_last():
    assert workdays.working_days_between(date(2026, 9, 30), date(2026, 10, 12)) == 4
    assert workdays.working_days_between(date(2026, 10, 12), date(2026, 9, 30)) == -4
    assert workdays.working_days_between(date(2026, 10, 1), date(2026, 10, 1)) == 0


def test_the_deadline_is_midnight_after_the_last_day_in_shanghai_whatever_the_zone_of_the_start():
    # 17:00 UTC on Fri 9 Oct is 01:00 on Sat 10 Oct in Shanghai (a 调休 working day): the count starts from the 10th.
    due = workdays.deadline(datetime(2026, 10, 9, 17, 0, tzinfo=UTC), 1)
    assert due.last_day == date(2026, 10, 12)
    assert due.due == datetime(2026, 10, 13, 0, 0, tzinfo=SHANGHAI)
    assert not due.estimated


def test_a_2027_date_is_estimated_from_statutory_holidays_instead_of_crashing(caplog):
    # 2027: 元旦 Fri 1 Jan; 春节 除夕 5 Feb to 初三 8 Feb; 国庆 1–3 Oct (Fri–Sun).
    calendar = Calendar()
    new_year = calendar.day(date(2027, 1, 1))
    assert (new_year.working, new_year.estimated, new_year.name) == (False, True, "元旦")
    assert calendar.add_working_days(date(2026, 12, 31), 1) == (date(2027, 1, 4), True)
    assert calendar.add_working_days(date(2027, 2, 4), 1) == (date(2027, 2, 9), True)
    assert [calendar.is_working_day(date(2027, 10, d)) for d in range(1, 6)] == [False, False, False, True, True]
    assert "estimated" in caplog.text


def test_an_administrators_override_wins_over_the_estimate():
    CalendarDay.objects.create(day=date(2027, 10, 4), working=False, note="国庆节（国务院安排）")
    CalendarDay.objects.create(day=date(2027, 9, 26), working=True, note="调休上班")
    assert workdays.add_working_days(date(2027, 9, 25), 1) == date(2027, 9, 26)
    assert workdays.add_working_days(date(2027, 9, 30), 1) == date(2027, 10, 5)


def test_an_explicit_override_table_is_used_without_the_database():
    calendar = Calendar(overrides={date(2026, 10, 12): Day(date(2026, 10, 12), working=False, name="local")})
    assert calendar.add_working_days(date(2026, 10, 9), 2) == (date(2026, 10, 13), False)
