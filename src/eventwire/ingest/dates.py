"""Read an article's own date ("2016-11-22", "Nov 22, 2016 4:30 PM MT") as a day.

The time stage owns date reading; ingest only asks it for the day a metadata string names
(see ``eventwire.time.metadata``), so both read dates the same way.
"""

from __future__ import annotations

import datetime as dt

from eventwire.time.metadata import parse_date_string


def parse_article_date(value: str) -> dt.date | None:
    """The day an article's date string names, or None if it names no single day."""
    return parse_date_string(value)
