"""HTML pages: one page, one article, its main text extracted with trafilatura.

trafilatura drops what is not the article (menus, footers, bylines, "More in ..." boxes,
scripts, reader comments) and reads the title and publication date from the page's metadata
(``<title>``, Open Graph and ``article:`` tags, JSON-LD, ``<time>``). It works on the string
it is given and fetches nothing. ``Article.text`` is the extracted text, paragraphs separated
by blank lines, and every offset downstream indexes it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from eventwire.ingest import messages as msg
from eventwire.ingest.articles import make_article
from eventwire.ingest.items import InputFailure, InputItem, OpenInput, ReadOptions, failure, note
from eventwire.ingest.markup import decode_html, join_paragraphs
from eventwire.ingest.text import read_document

# htmldate options: dates from the page's metadata and markup, not guessed from its prose.
_DATE_OPTIONS = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True, slots=True)
class Page:
    """What a page holds for eventwire: its main text and its metadata."""

    text: str
    title: str | None = None
    date: dt.date | None = None
    url: str | None = None


def extract_page(markup: str) -> Page | None:
    """The main text, title, date and canonical URL of an HTML page, or None if it has no text.

    A first paragraph that repeats the title (the page's headline) is dropped, as a JSON
    Lines record's text does not hold its title either.
    """
    import trafilatura

    document = trafilatura.bare_extraction(
        markup,
        with_metadata=True,
        favor_precision=True,  # menus and link lists stay out even on pages without <nav>
        include_comments=False,
        include_images=False,
        include_links=False,
        deduplicate=False,
        date_extraction_params=dict(_DATE_OPTIONS),
        as_dict=False,
    )
    if document is None or isinstance(document, dict):
        return None
    title = _clean(document.title)
    lines = (document.text or "").splitlines()
    text = join_paragraphs(lines)
    if title is not None:
        first, _, rest = text.partition("\n\n")
        if rest and first.casefold() == title.casefold():
            text = rest
    if not text.strip():
        return None
    return Page(text=text, title=title, date=_day(document.date), url=_clean(document.url))


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_html(source: OpenInput, options: ReadOptions) -> Iterator[InputItem]:
    """Read an HTML page as one article: its main text, title, date and canonical URL."""
    data = read_document(source, options)
    if isinstance(data, InputFailure):
        yield data
        return
    if not data.strip():
        yield failure(source.source, msg.BLANK)
        return
    decoded = decode_html(data)
    if isinstance(decoded, str):
        yield failure(source.source, msg.BINARY, reason=decoded)
        return
    page = extract_page(decoded.text)
    if page is None:
        yield failure(source.source, msg.NO_MAIN_TEXT)
        return
    if decoded.bad_offset is not None:
        yield note(
            source.source,
            msg.FALLBACK_ENCODING,
            offset=decoded.bad_offset,
            encoding=decoded.encoding,
        )
    yield make_article(
        page.text,
        options,
        title=page.title,
        date=page.date,
        url=page.url,
        path=source.path,
    )
