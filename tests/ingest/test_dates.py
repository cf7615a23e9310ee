"""An article's own date string read as a day."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.ingest.dates import parse_article_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2016-11-22", dt.date(2016, 11, 22)),
        ("2016-11-22T23:30:00-07:00", dt.date(2016, 11, 22)),
        ("2016-11-22 23:30:00+00:00", dt.date(2016, 11, 22)),
        ("Nov 22, 2016 4:30 PM MT", dt.date(2016, 11, 22)),
        ("Nov 22, 2016 4:30 PM EST", dt.date(2016, 11, 22)),
        ("Wed, 23 Nov 2016 06:30:00 +0000", dt.date(2016, 11, 23)),
        ("22 November 2016", dt.date(2016, 11, 22)),
        ("  2016-11-22  ", dt.date(2016, 11, 22)),
    ],
)
def test_dates_reads_day(text: str, expected: dt.date) -> None:
    assert parse_article_date(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "soon", "yesterday", "2016", "July 2015", "x" * 500])
def test_dates_no_single_day_gives_none(text: str) -> None:
    assert parse_article_date(text) is None


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=40))
def test_dates_never_raise(text: str) -> None:
    result = parse_article_date(text)
    assert result is None or isinstance(result, dt.date)
