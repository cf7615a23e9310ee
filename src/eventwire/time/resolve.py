"""Resolve a date expression against the article's reference date (and the previous date).

News reports speak from the day they were written. A date without a year ("July 20"), a bare
weekday ("on Tuesday") or a bare month ("in March") names the most recent such day or month on
or before the reference date, unless the clause is in the future tense ("will meet on
Tuesday"), when it names the next one. Phrases such as "the next day" count from the last date
mentioned before them (the anchor), else from the reference date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from eventwire.model import DatePrecision
from eventwire.time.calendar import (
    DateRange,
    add_months,
    month_range,
    part_of,
    season_range,
    season_year,
    shift_months,
    week_range,
    year_range,
)
from eventwire.time.expressions import Expression, Kind

_RANK = {
    DatePrecision.DAY: 0,
    DatePrecision.WEEK: 1,
    DatePrecision.MONTH: 2,
    DatePrecision.SEASON: 3,
    DatePrecision.YEAR: 4,
    DatePrecision.ARTICLE: 0,
}
_UNIT_PRECISION = {
    "day": DatePrecision.DAY,
    "week": DatePrecision.WEEK,
    "weekend": DatePrecision.WEEK,
    "month": DatePrecision.MONTH,
    "year": DatePrecision.YEAR,
    "decade": DatePrecision.YEAR,
}
# Expressions whose reading depends on tense: the last one before the reference, or the next.
TENSED = frozenset({Kind.MONTH_DAY, Kind.DAY_MONTH, Kind.MONTH, Kind.WEEKDAY, Kind.SEASON})


@dataclass(frozen=True, slots=True)
class Resolved:
    """A resolved date: one day (``start == end``, precision day) or a range."""

    precision: DatePrecision
    start: dt.date
    end: dt.date
    rules: tuple[str, ...]


def is_tensed(expression: Expression) -> bool:
    """Whether a future tense changes what ``expression`` names."""
    if expression.kind not in TENSED or expression.year is not None or expression.since:
        return False  # "since" always looks back
    if expression.year_offset is not None:
        return False
    if expression.kind is Kind.WEEKDAY:
        return expression.modifier not in ("last", "next", "this")
    return expression.modifier in ("", "the")


def resolve(
    expression: Expression,
    reference: dt.date,
    anchor: Resolved | None,
    future: bool = False,
) -> Resolved:
    """The date ``expression`` names; raises ValueError/OverflowError for impossible ones."""
    e = expression
    future = future and is_tensed(e)
    rules = [_rule(e)]
    if e.season is not None:
        rules.append(e.season.id)
    if e.part is not None:
        rules.append(e.part.id)
    if future:
        rules.append("time.future")
    if e.since:
        rules.append("time.since")
    if e.last_day is not None:
        rules.append("time.day-range")
    precision, start, end = _resolve(e, reference, anchor, future)
    return Resolved(precision, start, end, tuple(rules))


def _rule(e: Expression) -> str:
    if e.entry:
        return e.entry
    if e.kind is Kind.COUNT_ANCHORED:
        return "time.count-later" if e.offset >= 0 else "time.count-earlier"
    return e.kind.value


def _day(day: dt.date) -> tuple[DatePrecision, dt.date, dt.date]:
    return DatePrecision.DAY, day, day


def _resolve(
    e: Expression, reference: dt.date, anchor: Resolved | None, future: bool
) -> tuple[DatePrecision, dt.date, dt.date]:
    if e.kind in (Kind.ISO, Kind.NUMERIC, Kind.MONTH_DAY, Kind.DAY_MONTH):
        first = _month_day(e, reference, future)
        if e.last_day is not None and e.day is not None and e.last_day > e.day:
            return DatePrecision.DAY, first, first + dt.timedelta(days=e.last_day - e.day)
        return _day(first)
    if e.kind in (Kind.MONTH_YEAR, Kind.MONTH):
        return _month(e, reference, future)
    if e.kind is Kind.WEEKDAY:
        return _day(_weekday(e, reference, future))
    if e.kind is Kind.REFERENCE_DAY:
        return _day(reference + dt.timedelta(days=e.offset))
    if e.kind in (Kind.ANCHORED, Kind.COUNT_ANCHORED):
        unit, offset = (e.unit, e.offset)
        if unit == "decade":
            unit, offset = "year", offset * 10
        return _from_anchor(anchor, reference, unit, offset)
    if e.kind is Kind.AGO:
        return _ago(e, reference)
    if e.kind is Kind.PERIOD:
        return _period(e, reference)
    if e.kind is Kind.SEASON:
        return _season(e, reference, future)
    assert e.year is not None
    if e.kind is Kind.YEAR_PART:
        assert e.part is not None
        return (DatePrecision.SEASON, *part_of(year_range(e.year), "year", e.part))
    if e.kind is Kind.YEAR:
        return (DatePrecision.YEAR, *year_range(e.year))
    decade = (dt.date(e.year, 1, 1), dt.date(e.year + 9, 12, 31))
    if e.part is not None:
        decade = part_of(decade, "decade", e.part)
    return (DatePrecision.YEAR, *decade)


def _month_day(e: Expression, reference: dt.date, future: bool) -> dt.date:
    assert e.month is not None and e.day is not None
    if e.year is not None:
        return dt.date(e.year, e.month, e.day)
    if e.year_offset is not None:
        return dt.date(reference.year + e.year_offset, e.month, e.day)
    step = 1 if future else -1
    year = reference.year
    for _ in range(9):  # February 29 may be up to eight years away
        try:
            day = dt.date(year, e.month, e.day)
        except ValueError:
            if e.day > 29 or e.month != 2:
                raise  # "June 31": no such day in any year
            year += step
            continue
        if (day >= reference) if future else (day <= reference):
            return day
        year += step
    raise ValueError("no such day near the reference date")


def _month(
    e: Expression, reference: dt.date, future: bool
) -> tuple[DatePrecision, dt.date, dt.date]:
    assert e.month is not None
    year = e.year
    if year is None and e.year_offset is not None:
        year = reference.year + e.year_offset
    if year is None:
        ref_month = reference.month
        if e.modifier == "last":
            year = reference.year if e.month < ref_month else reference.year - 1
        elif e.modifier == "next":
            year = reference.year if e.month > ref_month else reference.year + 1
        elif e.modifier == "this":
            year = reference.year
        elif future:
            year = reference.year if e.month >= ref_month else reference.year + 1
        else:
            year = reference.year if e.month <= ref_month else reference.year - 1
    span = month_range(year, e.month)
    if e.part is not None:
        return (DatePrecision.WEEK, *part_of(span, "month", e.part))
    return (DatePrecision.MONTH, *span)


def _weekday(e: Expression, reference: dt.date, future: bool) -> dt.date:
    assert e.weekday is not None
    today = reference.weekday()
    if e.modifier == "last":
        back = (today - e.weekday) % 7 or 7
        return reference - dt.timedelta(days=back)
    if e.modifier == "next":
        return reference + dt.timedelta(days=(e.weekday - today) % 7 or 7)
    if e.modifier == "this":
        return week_range(reference)[0] + dt.timedelta(days=e.weekday)
    if future:
        return reference + dt.timedelta(days=(e.weekday - today) % 7)
    return reference - dt.timedelta(days=(today - e.weekday) % 7)


def unit_range(unit: str, day: dt.date) -> DateRange:
    if unit == "week":
        return week_range(day)
    if unit == "weekend":
        monday = week_range(day)[0]
        return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
    if unit == "month":
        return month_range(day.year, day.month)
    return year_range(day.year)


def _ago(e: Expression, reference: dt.date) -> tuple[DatePrecision, dt.date, dt.date]:
    n = e.count
    if e.unit == "day":
        return _day(reference - dt.timedelta(days=n))
    if e.unit == "week":
        return (DatePrecision.WEEK, *week_range(reference - dt.timedelta(days=7 * n)))
    if e.unit == "month":
        return (DatePrecision.MONTH, *unit_range("month", shift_months(reference, -n)))
    years = n * 10 if e.unit == "decade" else n
    return (DatePrecision.YEAR, *year_range(reference.year - years))


def _period(e: Expression, reference: dt.date) -> tuple[DatePrecision, dt.date, dt.date]:
    words = e.modifier.split()
    step = {"last": -1, "next": 1}.get(words[-1], 0)
    if e.unit in ("week", "weekend"):
        start, end = unit_range(e.unit, reference + dt.timedelta(days=7 * step))
    elif e.unit == "month":
        year, month = add_months(reference.year, reference.month, step)
        start, end = month_range(year, month)
    else:
        start, end = year_range(reference.year + step)
    precision = _UNIT_PRECISION[e.unit]
    if e.part is not None:
        unit = "year" if e.unit == "year" else "days"
        start, end = part_of((start, end), unit, e.part)
        precision = DatePrecision.SEASON if e.unit == "year" else DatePrecision.WEEK
    elif words[0] == "earlier" and start <= reference:
        end = min(end, reference)
    elif words[0] == "later" and end >= reference:
        start = max(start, reference)
    return precision, start, end


def _season(
    e: Expression, reference: dt.date, future: bool
) -> tuple[DatePrecision, dt.date, dt.date]:
    assert e.season is not None
    year = e.year
    if year is None:
        mode = {"last": "last", "next": "next", "this": "this"}.get(e.modifier)
        year = season_year(e.season, reference, mode or ("this" if future else "recent"))
    span = season_range(e.season, year)
    if e.part is not None:
        span = part_of(span, "days", e.part)
    return (DatePrecision.SEASON, *span)


def _from_anchor(
    anchor: Resolved | None, reference: dt.date, unit: str, offset: int
) -> tuple[DatePrecision, dt.date, dt.date]:
    """``offset`` ``unit``s from the anchor. A step finer than the anchor shifts the anchor's
    range and keeps its precision ("the next day" after "last week" is no single day)."""
    if anchor is None:
        anchor = Resolved(DatePrecision.DAY, reference, reference, ())
    unit_precision = _UNIT_PRECISION[unit]
    if _RANK[unit_precision] < _RANK[anchor.precision]:
        if unit in ("day", "week"):
            delta = dt.timedelta(days=offset * (7 if unit == "week" else 1))
            return anchor.precision, anchor.start + delta, anchor.end + delta
        start = shift_months(anchor.start, offset if unit == "month" else 12 * offset)
        end = shift_months(anchor.end, offset if unit == "month" else 12 * offset)
        return anchor.precision, start, end
    base = anchor.end if offset > 0 else anchor.start
    if unit == "day":
        return _day(base + dt.timedelta(days=offset))
    if unit == "week":
        return (unit_precision, *week_range(base + dt.timedelta(days=7 * offset)))
    if unit == "month":
        year, month = add_months(base.year, base.month, offset)
        return (unit_precision, *month_range(year, month))
    return (unit_precision, *year_range(base.year + offset))
