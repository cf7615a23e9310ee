"""Calendar arithmetic on plain dates: weeks, months, seasons and parts of periods.

Weeks run Monday to Sunday (ISO 8601). Everything here is a pure function of dates; a result
out of the proleptic Gregorian range raises ``ValueError`` or ``OverflowError``, which the
resolver treats as "no date".
"""

from __future__ import annotations

import calendar
import datetime as dt

from eventwire.time.lexicon import Part, Season

DateRange = tuple[dt.date, dt.date]


def month_range(year: int, month: int) -> DateRange:
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last)


def year_range(year: int) -> DateRange:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def week_range(day: dt.date) -> DateRange:
    """The Monday-to-Sunday week holding ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``months`` (negative: back)."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def shift_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the end of a shorter month."""
    year, month = add_months(day.year, day.month, months)
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def season_range(season: Season, year: int) -> DateRange:
    """The season of ``year``; a season wrapping the new year is named by the year it ends in."""
    first_year = year - 1 if season.first_month > season.last_month else year
    start = dt.date(first_year, season.first_month, 1)
    return start, month_range(year, season.last_month)[1]


def season_year(season: Season, reference: dt.date, mode: str) -> int:
    """The year naming the season meant, seen from ``reference``.

    ``recent``: the latest one begun on or before the reference (in progress or past);
    ``last``: the latest one already over; ``next``: the first one not yet begun; ``this``: the
    one in progress, else the one that begins later in the reference's calendar year, else the
    latest one over.
    """
    recent = reference.year + 1
    while season_range(season, recent)[0] > reference:
        recent -= 1
    in_progress = season_range(season, recent)[1] >= reference
    if mode == "last":
        return recent - 1 if in_progress else recent
    if mode == "next":
        return recent + 1
    if mode == "this" and not in_progress:
        upcoming = recent + 1
        if season_range(season, upcoming)[0].year == reference.year:
            return upcoming
    return recent


def part_of(period: DateRange, unit: str, part: Part) -> DateRange:
    """The ``part`` of ``period``, rounded to its sub-units: months of a year, years of a
    decade, days of a month or a week."""
    start, end = period
    if unit == "year":
        n = 12
    elif unit == "decade":
        n = 10
    else:
        n = (end - start).days + 1
    lo = round(n * part.lo / 12)
    hi = max(lo + 1, round(n * part.hi / 12))
    if unit == "year":
        first = dt.date(start.year, lo + 1, 1)
        return first, month_range(start.year, hi)[1]
    if unit == "decade":
        return dt.date(start.year + lo, 1, 1), dt.date(start.year + hi - 1, 12, 31)
    return start + dt.timedelta(days=lo), start + dt.timedelta(days=hi - 1)
