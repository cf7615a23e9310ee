"""parse_date_string: an article's metadata date as one day, offline and deterministic."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.time import parse_date_string


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Nov 22, 2016 4:30 PM MT", "2016-11-22"),
        ("Nov 22, 2016 11:30 PM EST", "2016-11-22"),
        ("2015-08-24", "2015-08-24"),
        ("2015-08-24T23:30:00-05:00", "2015-08-24"),
        ("2015-08-24T23:30:00Z", "2015-08-24"),
        ("Monday, 24 August 2015", "2015-08-24"),
        ("Tue, 22 Nov 2016 16:30:00 +0000", "2016-11-22"),
        ("24/08/2015", "2015-08-24"),
        ("Posted: August 24, 2015", "2015-08-24"),
        ("  2015-08-24  ", "2015-08-24"),
    ],
)
def test_time_reads_metadata_date(text: str, day: str) -> None:
    assert parse_date_string(text) == dt.date.fromisoformat(day)


@pytest.mark.parametrize(
    "text", ["", "   ", "yesterday", "last week", "2015", "Nov 2016", "garbage", "June 31, 2015"]
)
def test_time_metadata_without_a_full_day_is_none(text: str) -> None:
    assert parse_date_string(text) is None
