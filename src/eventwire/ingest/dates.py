"""Read an article's own date ("2016-11-22", "Nov 22, 2016 4:30 PM MT") as a day.

ISO 8601 is read directly; anything else goes to dateparser, offline, asked for a full day
(a bare "2016" or "yesterday" is no article date). dateparser does not know some zone
abbreviations ("MT"), so a trailing capitalised word is dropped and the rest tried again.
The day is the one written: a time zone never moves it.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

DATEPARSER_SETTINGS: dict[str, Any] = {
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": False,
    # Relative phrases ("yesterday") have no meaning as an article's own date.
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
}
_TRAILING_ZONE = re.compile(r"\s+\(?[A-Z]{1,5}\)?\s*$")
_MAX_DATE_CHARS = 200


def parse_article_date(value: str) -> dt.date | None:
    """The day an article's date string names, or None if it names no single day."""
    text = value.strip()
    if not text or len(text) > _MAX_DATE_CHARS:
        return None
    iso = _iso_date(text)
    if iso is not None:
        return iso
    return _dateparser_date(text)


def _iso_date(text: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        return None


@functools.lru_cache(maxsize=4096)
def _dateparser_date(text: str) -> dt.date | None:
    import dateparser  # imported here: it loads language data, which is slow

    candidates = [text]
    stripped = _TRAILING_ZONE.sub("", text)
    if stripped and stripped != text:
        candidates.append(stripped)
    for candidate in candidates:
        try:
            parsed = dateparser.parse(candidate, settings=DATEPARSER_SETTINGS)
        except (ValueError, OverflowError, TypeError, LookupError):
            # dateparser raises on some odd strings; for us that is simply "no date".
            continue
        if parsed is not None:
            return dt.date(parsed.year, parsed.month, parsed.day)
    return None
