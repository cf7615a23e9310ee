"""Ingest: read files, folders, JSON Lines, HTML pages, RSS/Atom feeds and stdin into articles.

``read_inputs`` streams ``Article``, ``InputNote`` and ``InputFailure`` items; see
``docs/ingest.md`` for the formats, the id rules, the size limit and the messages. Each
article's language is detected; ``is_codeable`` says whether the pipeline should code it.
"""

from __future__ import annotations

from eventwire.ingest.articles import content_hash
from eventwire.ingest.dates import parse_article_date
from eventwire.ingest.inputs import read_inputs
from eventwire.ingest.items import InputFailure, InputItem, InputNote
from eventwire.ingest.language import detect_language, is_codeable
from eventwire.ingest.messages import MB

__all__ = [
    "MB",
    "InputFailure",
    "InputItem",
    "InputNote",
    "content_hash",
    "detect_language",
    "is_codeable",
    "parse_article_date",
    "read_inputs",
]
