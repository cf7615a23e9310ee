"""Property tests: find_dates and parse_date_string never crash, and offsets stay in the text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.model import DatePrecision, ParsedText
from eventwire.time import find_dates, parse_date_string

Parse = Callable[[str], ParsedText]

# Pieces of date expressions and their near misses, so that generated text reaches the grammar.
FRAGMENTS = [
    "July",
    "20",
    "Aug.",
    "18",
    "Sept",
    "May",
    "March",
    "Tuesday",
    "night",
    "on",
    "in",
    "since",
    "the",
    "next",
    "following",
    "day",
    "days",
    "two",
    "a",
    "later",
    "earlier",
    "ago",
    "week",
    "weeks",
    "month",
    "year",
    "last",
    "this",
    "summer",
    "fall",
    "of",
    "2014",
    "1990s",
    "'90s",
    "late",
    "mid-",
    "early",
    "the end of",
    "yesterday",
    "today",
    ",",
    ".",
    "-",
    "/",
    "29",
    "31",
    "Feb",
    "2015-07-20",
    "12/25/2014",
    "9999",
    "0",
    "years",
    "after",
    "before",
    "\u00a0",
    "\n",
]
dateish = st.lists(st.sampled_from(FRAGMENTS), max_size=25).map(" ".join)
references = st.dates(min_value=dt.date(1700, 1, 1), max_value=dt.date(2150, 12, 31))


def _check(parsed: ParsedText, reference: dt.date) -> None:
    mentions = find_dates(parsed, reference)
    text = parsed.text
    ends = [0]
    for m in mentions:
        span = m.date.span
        assert span is not None
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text == m.date.text
        assert span.start >= ends[-1]  # in text order, never overlapping
        ends.append(span.end)
        assert 0 <= m.first <= m.last <= len(parsed.tokens)
        assert m.date.rules
        if m.date.precision is DatePrecision.DAY and m.date.value is not None:
            assert m.date.start is None
        else:
            assert m.date.start is not None and m.date.end is not None
            assert m.date.start <= m.date.end


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=120), dateish), reference=references)
def test_time_find_dates_never_crashes(plain: Parse, text: str, reference: dt.date) -> None:
    _check(plain(text), reference)


@pytest.mark.model
@settings(max_examples=20, deadline=None)
@given(text=dateish, reference=references)
def test_time_find_dates_on_model_parse(parse: Parse, text: str, reference: dt.date) -> None:
    _check(parse(text), reference)


@settings(max_examples=60, deadline=None)
@given(text=st.one_of(st.text(max_size=40), dateish))
def test_time_parse_date_string_never_crashes(text: str) -> None:
    day = parse_date_string(text)
    assert day is None or isinstance(day, dt.date)
