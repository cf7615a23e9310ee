"""RSS and Atom feed files: one item, one article, read with feedparser.

An item's text is its content if it has any, else its summary, turned from HTML into
paragraphs separated by blank lines. Its id is the ``<guid>`` (RSS) or ``<id>`` (Atom), else
its link; its URL is its link; its date is its published date, else its updated date, read
as written (the day in the feed's own time zone). feedparser reads the whole feed at once,
so a feed file is bounded (``FEED_LIMIT_FACTOR`` times the one-article limit); its articles
are yielded one by one. feedparser is given the bytes and fetches nothing.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from typing import Any

from eventwire.ingest import messages as msg
from eventwire.ingest.articles import make_article, reference
from eventwire.ingest.dates import parse_article_date
from eventwire.ingest.html import read_html
from eventwire.ingest.items import InputItem, InputNote, OpenInput, ReadOptions, failure, note
from eventwire.ingest.markup import fragment_to_text, plain_to_text
from eventwire.ingest.text import read_bounded

FEED_LIMIT_FACTOR = 16
"""A feed file may hold this many times the one-article limit (160 MB at the default 10)."""

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})
_HTML_MARKS = (b"<html", b"<!doctype html")
_REASON_CHARS = 120


def feed_limit(max_bytes: int) -> int:
    """The largest feed file read, in bytes."""
    return FEED_LIMIT_FACTOR * max_bytes


def read_feed(source: OpenInput, options: ReadOptions) -> Iterator[InputItem]:
    """Read every item of an RSS or Atom feed, in document order.

    An XML file that turns out to be an XHTML page is read as HTML.
    """
    limit = feed_limit(options.max_bytes)
    data = read_bounded(source.chunks, limit)
    if data is None:
        yield failure(
            source.source,
            msg.FEED_TOO_LARGE,
            size="more than " + msg.megabytes(limit),
            limit=msg.limit_mb(limit),
            factor=FEED_LIMIT_FACTOR,
        )
        return
    if not data.strip():
        yield failure(source.source, msg.EMPTY if not data else msg.BLANK)
        return
    import feedparser  # type: ignore[import-untyped]

    parsed: Any = feedparser.parse(
        io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True
    )
    entries: list[Any] = list(dict.get(parsed, "entries") or [])
    version = str(dict.get(parsed, "version") or "")
    if not entries:
        if not version and any(mark in data[:4096].lower() for mark in _HTML_MARKS):
            yield from read_html(OpenInput(source.source, source.path, iter([data])), options)
        elif version:
            yield failure(source.source, msg.EMPTY_FEED)
        else:
            yield failure(source.source, msg.NOT_A_FEED, reason=_why_not(parsed))
        return
    for number, entry in enumerate(entries, start=1):
        yield from _read_entry(entry, f"{source.source} item {number}", source.path, options)


def _why_not(parsed: Any) -> str:
    problem = dict.get(parsed, "bozo_exception")
    if problem is None:
        return "it has no <item> or <entry>"
    reason = " ".join(str(problem).split())[:_REASON_CHARS]
    return f"{reason}" if reason else type(problem).__name__


def _read_entry(
    entry: Any, where: str, path: str | None, options: ReadOptions
) -> Iterator[InputItem]:
    text = entry_text(entry)
    if not text:
        yield failure(where, msg.ITEM_NO_TEXT)
        return
    if len(text) * 4 > options.max_bytes:
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > options.max_bytes:
            yield failure(
                where,
                msg.ITEM_TOO_LARGE,
                size=msg.megabytes(size),
                limit=msg.limit_mb(options.max_bytes),
            )
            return
    notes: list[InputNote] = []
    date = _entry_date(entry, where, options, notes)
    title_detail = dict.get(entry, "title_detail")
    title = _detail_text(title_detail) if isinstance(title_detail, dict) else None
    link = _string(dict.get(entry, "link"))
    yield from notes
    yield make_article(
        text,
        options,
        id=_string(dict.get(entry, "id")) or link,
        title=title or None,
        url=link,
        date=date,
        path=path,
    )


def entry_text(entry: Any) -> str:
    """An item's text: its first content with text, else its summary; ``""`` if none."""
    for content in dict.get(entry, "content") or ():
        if isinstance(content, dict):
            text = _detail_text(content)
            if text:
                return text
    summary = dict.get(entry, "summary_detail")
    if isinstance(summary, dict):
        return _detail_text(summary)
    return ""


def _detail_text(detail: dict[str, Any]) -> str:
    """The text of a feedparser ``*_detail`` (``{"type", "value"}``), HTML turned to text."""
    value = detail.get("value")
    if not isinstance(value, str) or not value.strip():
        return ""
    if str(detail.get("type") or "").lower() in _HTML_TYPES:
        return fragment_to_text(value)
    return plain_to_text(value)


def _string(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _entry_date(
    entry: Any, where: str, options: ReadOptions, notes: list[InputNote]
) -> dt.date | None:
    """The published (else updated) day as the feed writes it, or None with a note."""
    unread: str | None = None
    for field in ("published", "updated"):
        written = _string(dict.get(entry, field))
        if written is None:
            continue
        day = parse_article_date(written) or _struct_day(dict.get(entry, field + "_parsed"))
        if day is not None:
            return day
        unread = unread or written
    if unread is not None:
        reference_day, source = reference(None, options)
        why = "from --reference-date" if source == "option" else "today"
        notes.append(note(where, msg.BAD_DATE, value=unread, reference=reference_day, why=why))
    return None


def _struct_day(value: Any) -> dt.date | None:
    """The day of feedparser's parsed date (a UTC ``time.struct_time``), if it is one."""
    try:
        return dt.date(int(value[0]), int(value[1]), int(value[2]))
    except (TypeError, ValueError, IndexError):
        return None
