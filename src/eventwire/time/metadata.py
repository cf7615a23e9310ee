"""Read an article's metadata date ("Nov 22, 2016 4:30 PM MT", ISO 8601) as one day.

ISO 8601 is read directly; then the date grammar looks for a full written date (month, day
and year), which copes with zone abbreviations dateparser does not know ("MT"); anything else
goes to dateparser, offline and asked for absolute dates with day, month and year, so the
answer never depends on today's date. The day is the one written: a time zone never moves it.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from eventwire.time.expressions import Kind, scan
from eventwire.time.lexicon import TimeLexicon, load_time_lexicon

DATEPARSER_SETTINGS: dict[str, Any] = {
    "RETURN_AS_TIMEZONE_AWARE": False,
    # Relative phrases ("yesterday") name no article date: only absolute ones are read.
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "DATE_ORDER": "MDY",
    # Irrelevant for absolute dates, but fixed so that nothing depends on the clock.
    "RELATIVE_BASE": dt.datetime(2000, 1, 1),
}
_FULL_DATE_KINDS = frozenset({Kind.ISO, Kind.NUMERIC, Kind.MONTH_DAY, Kind.DAY_MONTH})
_TRAILING_ZONE = re.compile(r"\s+\(?[A-Z]{1,5}\)?\s*$")
_MAX_CHARS = 200


def parse_date_string(s: str, *, lexicon: TimeLexicon | None = None) -> dt.date | None:
    """The day a metadata date string names, or None if it names no single day."""
    text = s.strip()
    if not text or len(text) > _MAX_CHARS:
        return None
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    written = _written_date(text, lexicon or load_time_lexicon())
    if written is not None:
        return written
    return _dateparser_date(text)


def _written_date(text: str, lexicon: TimeLexicon) -> dt.date | None:
    full = [e for e in scan(text, lexicon) if e.kind in _FULL_DATE_KINDS and e.year is not None]
    for e in sorted(full, key=lambda e: (e.start, -(e.end - e.start))):
        assert e.year is not None and e.month is not None and e.day is not None
        try:
            return dt.date(e.year, e.month, e.day)
        except ValueError:
            continue
    return None


@functools.lru_cache(maxsize=4096)
def _dateparser_date(text: str) -> dt.date | None:
    import dateparser  # slow to import (language data): only when needed

    candidates = [text]
    stripped = _TRAILING_ZONE.sub("", text)
    if stripped and stripped != text:
        candidates.append(stripped)
    for candidate in candidates:
        try:
            parsed = dateparser.parse(candidate, languages=["en"], settings=DATEPARSER_SETTINGS)
        except (ValueError, OverflowError, TypeError, LookupError):
            continue  # dateparser raises on some odd strings: for us that is no date
        if parsed is not None:
            return dt.date(parsed.year, parsed.month, parsed.day)
    return None
