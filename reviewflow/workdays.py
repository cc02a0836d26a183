"""The mainland working-day calendar (Asia/Shanghai): holidays, 调休 working weekends, deadlines in working days.

Where a date's answer comes from, first match wins:
1. `CalendarDay`, the table administrators edit: the State Council's arrangement for a year the package does not know
   yet, or a local closure.
2. chinese-calendar, which knows the published arrangements (holidays and 调休 working weekends) up to its last year.
3. An estimate for any other year: Monday to Friday work, except the statutory public holidays, which are computable
   (元旦 1 Jan, 清明 on its solar term, 劳动节 1–2 May, 国庆 1–3 Oct; 春节 除夕 to 初三, 端午 and 中秋 from the lunar
   calendar). Without the 调休 arrangement the estimate can be a few days off around the long holidays, so every
   answer built on it says `estimated=True` and a warning is logged once per year.
"""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import chinese_calendar

SHANGHAI = ZoneInfo("Asia/Shanghai")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Day:
    """What one date is: a working day or not, why, and whether that is an estimate."""

    day: date
    working: bool
    name: str = ""
    estimated: bool = False


@dataclass(frozen=True)
class Deadline:
    """The end of the last working day allowed (midnight after it, Shanghai time)."""

    due: datetime
    last_day: date
    estimated: bool


@lru_cache(maxsize=64)
def _statutory_holidays(year: int) -> dict[date, str]:
    """The public holidays the law fixes for `year`, without the 调休 arrangement (unknown in advance)."""
    from lunardate import LunarDate

    days = {date(year, 1, 1): "元旦", date(year, 5, 1): "劳动节", date(year, 5, 2): "劳动节"}
    days.update({date(year, 10, d): "国庆节" for d in (1, 2, 3)})
    if not 1900 < year < 2099:  # outside the lunar tables: the fixed-date holidays only
        return days
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        new_year = LunarDate(year, 1, 1).toSolarDate()
        dragon_boat = LunarDate(year, 5, 5).toSolarDate()
        mid_autumn = LunarDate(year, 8, 15).toSolarDate()
    days.update({new_year + timedelta(days=offset): "春节" for offset in range(-1, 3)})  # 除夕 to 初三
    days[dragon_boat] = "端午节"
    days[mid_autumn] = "中秋节"
    for solar_day, term in chinese_calendar.get_solar_terms(date(year, 4, 1), date(year, 4, 10)):
        if term == "清明":
            days[solar_day] = "清明节"
    return days


@lru_cache(maxsize=64)
def _warn_estimated(year: int) -> None:
    log.warning(
        "working days in %s are estimated (statutory holidays, no 调休): add the official arrangement as CalendarDay "
        "rows or upgrade chinese-calendar",
        year,
    )


@lru_cache(maxsize=8192)  # the package answers slowly (a lookup in its tables per call) and never changes
def _package_day(day: date) -> Day | None:
    try:
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:  # a year the package has no data for
        return None
    return Day(day, not on_holiday, name or "")


@lru_cache(maxsize=8192)
def _estimated_day(day: date) -> Day:
    _warn_estimated(day.year)
    name = _statutory_holidays(day.year).get(day, "")
    return Day(day, not name and day.weekday() < 5, name, estimated=True)


def _overrides(start: date, end: date) -> dict[date, Day]:
    from .models_office import CalendarDay

    rows = CalendarDay.objects.filter(day__gte=start, day__lte=end).values_list("day", "working", "note")
    return {d: Day(d, working, note) for d, working, note in rows}


class Calendar:
    """Answers for a span of dates, reading the override table once per span it is asked about."""

    def __init__(self, *, overrides: dict[date, Day] | None = None):
        self._fixed = overrides is not None  # given explicitly: the table is not read
        self._overrides: dict[date, Day] = dict(overrides or {})
        self._loaded: tuple[date, date] | None = None

    def _override(self, day: date) -> Day | None:
        if not self._fixed and not (self._loaded and self._loaded[0] <= day <= self._loaded[1]):
            self._loaded = (day - timedelta(days=31), day + timedelta(days=366))
            self._overrides.update(_overrides(*self._loaded))
        return self._overrides.get(day)

    def day(self, day: date) -> Day:
        return self._override(day) or _package_day(day) or _estimated_day(day)

    def is_working_day(self, day: date) -> bool:
        return self.day(day).working

    def add_working_days(self, start: date | datetime, n: int) -> tuple[date, bool]:
        """The n-th working day after `start`'s date (n ≥ 1), and whether any day counted was estimated."""
        if n < 1:
            raise ValueError("n must be at least 1")
        day, counted, estimated = local_date(start), 0, False
        while counted < n:
            day += timedelta(days=1)
            info = self.day(day)
            estimated |= info.estimated
            counted += info.working
        return day, estimated

    def working_days_between(self, a: date | datetime, b: date | datetime) -> int:
        """Working days after `a`'s date up to and including `b`'s date; negative when `b` is before `a`."""
        first, last = local_date(a), local_date(b)
        sign = 1
        if last < first:
            first, last, sign = last, first, -1
        count, day = 0, first
        while day < last:
            day += timedelta(days=1)
            count += self.is_working_day(day)
        return sign * count

    def deadline(self, start: datetime, n: int) -> Deadline:
        """Due at the end of the n-th working day after the day `start` falls on (Shanghai time)."""
        last_day, estimated = self.add_working_days(start, n)
        return Deadline(end_of_day(last_day), last_day, estimated)


def local_date(moment: date | datetime) -> date:
    """The Shanghai calendar date of a moment (a naive datetime is taken as Shanghai time)."""
    if isinstance(moment, datetime):
        if moment.tzinfo is not None:
            moment = moment.astimezone(SHANGHAI)
        return moment.date()
    return moment


def end_of_day(day: date) -> datetime:
    """Midnight after `day`, Shanghai time: the moment a deadline on that day passes."""
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=SHANGHAI)


def day_info(day: date) -> Day:
    return Calendar().day(day)


def is_working_day(day: date | datetime) -> bool:
    return Calendar().is_working_day(local_date(day))


def add_working_days(start: date | datetime, n: int) -> date:
    """The n-th working day after the day `start` falls on."""
    return Calendar().add_working_days(start, n)[0]


def working_days_between(a: date | datetime, b: date | datetime) -> int:
    return Calendar().working_days_between(a, b)


def deadline(start: datetime, n: int) -> Deadline:
    return Calendar().deadline(start, n)
