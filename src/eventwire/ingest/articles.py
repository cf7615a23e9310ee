"""Build an ``Article`` by the contract's rules for its id, content hash and reference date."""

from __future__ import annotations

import datetime as dt
import hashlib

from eventwire.ingest.items import ReadOptions
from eventwire.ingest.language import detect_language
from eventwire.model import Article


def content_hash(text: str) -> str:
    """``sha1:`` + the SHA-1 of the text encoded as UTF-8 (whatever the input's encoding)."""
    return "sha1:" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def reference(date: dt.date | None, options: ReadOptions) -> tuple[dt.date, str]:
    """The reference date and where it came from: the article, the option, or today."""
    if date is not None:
        return date, "article"
    if options.reference_date is not None:
        return options.reference_date, "option"
    return options.today, "today"


def make_article(
    text: str,
    options: ReadOptions,
    *,
    id: str | None = None,
    title: str | None = None,
    date: dt.date | None = None,
    url: str | None = None,
    path: str | None = None,
) -> Article:
    """An article whose id is the given id, else the URL, else its content hash.

    Its language is detected from its text (see ``ingest.language``).
    """
    digest = content_hash(text)
    reference_date, reference_source = reference(date, options)
    return Article(
        id=id or url or digest,
        text=text,
        reference_date=reference_date,
        reference_source=reference_source,
        title=title,
        date=date,
        url=url,
        path=path,
        language=detect_language(text),
        content_hash=digest,
    )
