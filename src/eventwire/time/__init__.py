"""The time stage: find date expressions in an article and resolve them to calendar dates.

``find_dates(parsed, reference)`` returns every date mention of a parsed article, resolved
against its reference date; ``parse_date_string`` reads an article's own metadata date.
See docs/time.md.
"""

from eventwire.time.find import find_dates
from eventwire.time.lexicon import TimeLexicon, load_time_lexicon
from eventwire.time.metadata import parse_date_string

__all__ = ["TimeLexicon", "find_dates", "load_time_lexicon", "parse_date_string"]
