"""The catalogue of every message the ingest stage gives about an input.

Each message has a stable code (``I0xx`` for failures: the input, or one JSON Lines record,
was not read; ``N1xx`` for notes: the article was read, but the user should know something).
A message says what is wrong and what to do; the input it concerns is carried beside it
(``InputFailure.source``), so the templates never repeat it. Codes are never reused; a retired
message keeps its code reserved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MB = 1024 * 1024
"""Bytes in one "MB" of ``--max-article-mb`` / ``EVENTWIRE_MAX_ARTICLE_MB``."""

LIMIT_HINT = "raise the limit with --max-article-mb or EVENTWIRE_MAX_ARTICLE_MB, or split it"


@dataclass(frozen=True, slots=True)
class Message:
    """One catalogue entry: a stable code and a ``str.format`` template."""

    code: str
    template: str

    def format(self, **values: Any) -> str:
        return self.template.format(**values)


# Failures: the input (or record) gives no article.
NO_SUCH_PATH = Message("I001", "no such file or folder; check the path")
EMPTY = Message("I002", "is empty; there is no article to read")
BLANK = Message("I003", "contains only white space; there is no article to read")
BINARY = Message(
    "I004",
    "looks binary ({reason}), not text; give eventwire plain text (UTF-8) or JSON Lines",
)
TOO_LARGE = Message(
    "I005",
    "is {size}, over the {limit} MB limit for one article; " + LIMIT_HINT,
)
UNREADABLE = Message("I006", "could not be read ({reason}); check that it exists and is readable")
JSON_INVALID = Message(
    "I007",
    "not valid JSON ({reason}); fix or remove this line (the other lines were read)",
)
NOT_OBJECT = Message(
    "I008",
    'is a JSON {kind}, not an object; each line must look like {{"id": "...", "text": "..."}}',
)
MISSING_TEXT = Message("I009", 'missing text; give this record a non-empty "text" string')
TEXT_NOT_STRING = Message("I010", '"text" is a JSON {kind}, not a string; give the article as text')
RECORD_TOO_LARGE = Message(
    "I011",
    'has a "text" of {size}, over the {limit} MB limit for one article; ' + LIMIT_HINT,
)
LINE_TOO_LONG = Message(
    "I012",
    "is a line of more than {size}, far over the {limit} MB limit for one article, and was "
    "skipped unread; " + LIMIT_HINT,
)
# Retired: HTML and feeds are read now. Kept so the code is never reused.
MARKUP = Message(
    "I013",
    "looks like {kind}, which this version of eventwire cannot read yet; "
    "extract the article text, or give it as JSON Lines",
)
NOT_A_FILE = Message("I014", "is not a regular file or folder; give a file, a folder or -")
NO_RECORDS = Message("I015", "holds no JSON Lines records, only blank lines")
NO_MAIN_TEXT = Message(
    "I016",
    "is an HTML page with no article text that could be told from its menus and links; "
    "save the article page itself, or give its text as JSON Lines",
)
NOT_A_FEED = Message(
    "I017",
    "is not an RSS or Atom feed ({reason}); give a feed, an HTML page or JSON Lines",
)
FEED_TOO_LARGE = Message(
    "I018",
    "is a feed of {size}, over the {limit} MB limit for one feed ({factor} times the limit "
    "for one article); split it, or " + LIMIT_HINT.removesuffix(", or split it"),
)
ITEM_NO_TEXT = Message(
    "I019",
    "has no content or summary with text; there is no article to read",
)
EMPTY_FEED = Message("I021", "is a feed with no items; there is no article to read")
ITEM_TOO_LARGE = Message(
    "I020",
    "has a text of {size}, over the {limit} MB limit for one article; " + LIMIT_HINT,
)

# Notes: the article was read, with a caveat.
FALLBACK_ENCODING = Message(
    "N101",
    "is not valid UTF-8 (bad byte at offset {offset}); it was read as {encoding}. "
    "If characters look wrong, re-save it as UTF-8",
)
BAD_DATE = Message(
    "N102",
    "date {value!r} could not be read as a day; the article was kept without a date and "
    "its reference date is {reference} ({why}). Give the date as YYYY-MM-DD",
)
SKIPPED_FILES = Message(
    "N103",
    "skipped {count} file(s) of a type eventwire does not read ({examples}); it reads {known}",
)
FIELD_NOT_STRING = Message(
    "N104",
    'field "{field}" is a JSON {kind}, not a string, and was ignored',
)


def json_kind(value: object) -> str:
    """The JSON name of a decoded value's type, for messages ("array", "number", ...)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def megabytes(size: int) -> str:
    """A byte count as the user reads it in messages: ``20.0 MB``, ``512 bytes``."""
    if size < MB // 10:
        return f"{size:,} bytes"
    return f"{size / MB:.1f} MB"


def limit_mb(max_bytes: int) -> str:
    """The limit as set: ``10`` for 10 MB, ``0.5`` for half a MB."""
    return f"{max_bytes / MB:g}"
