"""The Solar Hijri (Persian) calendar: "۲۲ خرداد ۱۴۰۲" is 12 June 2023.

Persian pages date themselves in the Solar Hijri calendar, which Babel does not convert. Its
year starts at the March equinox; the leap years follow the astronomical year, which the
33-year cycles between the "break" years below reproduce exactly for the years 1 to 3177 of
the calendar (Kazimierz Borkowski's arithmetic, as the widely used jalaali libraries do).
The first six months have 31 days, the next five 30, and Esfand 29, or 30 in a leap year.
"""

from __future__ import annotations

import datetime as dt

# Years (of the Solar Hijri calendar) where the 33-year cycle of leap years restarts.
_BREAKS = (
    -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210,
    1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178,
)  # fmt: skip
FIRST_YEAR = 1
LAST_YEAR = _BREAKS[-1] - 1
MONTHS = 12


def _cycle(year: int) -> tuple[int, int]:
    """(days after 1 March of the Gregorian year when 1 Farvardin of YEAR falls, leap)."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"Solar Hijri year out of range: {year}")
    leap_days = -14
    start = _BREAKS[0]
    jump = 0
    for end in _BREAKS[1:]:
        jump = end - start
        if year < end:
            break
        leap_days += (jump // 33) * 8 + (jump % 33) // 4
        start = end
    n = year - start
    leap_days += (n // 33) * 8 + ((n % 33) + 3) // 4
    if jump % 33 == 4 and jump - n == 4:
        leap_days += 1
    gregorian = year + 621
    gregorian_leaps = gregorian // 4 - ((gregorian // 100 + 1) * 3) // 4 - 150
    march = 20 + leap_days - gregorian_leaps
    if jump - n < 6:
        n = n - jump + ((jump + 4) // 33) * 33
    leap = (((n + 1) % 33) - 1) % 4
    return march, leap


def is_leap(year: int) -> bool:
    return _cycle(year)[1] == 0


def month_length(year: int, month: int) -> int:
    if not 1 <= month <= MONTHS:
        raise ValueError(f"no month {month}")
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if is_leap(year) else 29


def new_year(year: int) -> dt.date:
    """1 Farvardin of YEAR, in the Gregorian calendar."""
    march, _ = _cycle(year)
    return dt.date(year + 621, 3, 1) + dt.timedelta(days=march - 1)


def to_gregorian(year: int, month: int, day: int) -> dt.date:
    """The Gregorian date of DAY MONTH YEAR (Solar Hijri); ValueError if there is none."""
    if not 1 <= day <= month_length(year, month):
        raise ValueError(f"no day {day} in month {month} of {year}")
    before = (month - 1) * 31 if month <= 7 else 186 + (month - 7) * 30
    return new_year(year) + dt.timedelta(days=before + day - 1)


def from_gregorian(date: dt.date) -> tuple[int, int, int]:
    """(year, month, day) of DATE in the Solar Hijri calendar."""
    year = date.year - 621
    start = new_year(year)
    if date < start:
        year -= 1
        start = new_year(year)
    days = (date - start).days
    if days < 186:
        return year, days // 31 + 1, days % 31 + 1
    days -= 186
    return year, days // 30 + 7, days % 30 + 1
