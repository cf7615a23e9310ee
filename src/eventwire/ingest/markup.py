"""Markup to text: decode an HTML page's bytes, turn an HTML fragment into paragraphs.

Paragraphs are separated by a blank line in every text ingest builds from markup, so the
sentence splitter never runs a headline, a list item or a paragraph into the next one.
"""

from __future__ import annotations

import codecs
import html
import re
from collections.abc import Iterable
from html.parser import HTMLParser

from eventwire.ingest.decode import Decoded, binary_reason, bom_decode, decode

PARAGRAPH_BREAK = "\n\n"

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CHARSET_WINDOW = 4096
_SPACES = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]*>")

# Elements whose start or end begins a new paragraph.
_BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)
# Elements whose content is never text.
_HIDDEN = frozenset(["head", "noscript", "script", "style", "template", "svg", "iframe", "object"])


def decode_html(data: bytes) -> Decoded | str:
    """Decode a page: its byte-order mark, else UTF-8, else its ``<meta charset>``, else cp1252.

    Returns why the data looks binary instead, as ``decode_document`` does. A page whose
    declared charset decodes it is not a fallback, so no note is due.
    """
    marked = bom_decode(data)
    if marked is not None:
        return marked
    reason = binary_reason(data)
    if reason is not None:
        return reason
    decoded = decode(data)
    if decoded.bad_offset is None:
        return decoded
    declared = _declared_charset(data[:_CHARSET_WINDOW])
    if declared is not None:
        try:
            return Decoded(data.decode(declared), declared)
        except UnicodeDecodeError:
            pass
    return decoded


def _declared_charset(head: bytes) -> str | None:
    found = _CHARSET.search(head)
    if found is None:
        return None
    try:
        return codecs.lookup(found.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def join_paragraphs(lines: Iterable[str]) -> str:
    """Non-blank lines, white space inside each collapsed, separated by blank lines."""
    kept = (_SPACES.sub(" ", line).strip() for line in lines)
    return PARAGRAPH_BREAK.join(line for line in kept if line)


class _TextParser(HTMLParser):
    """Collects the text of a fragment, one entry per paragraph."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCKS:
            self.flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._current.append(data)

    def flush(self) -> None:
        self.paragraphs.append("".join(self._current))
        self._current.clear()


def fragment_to_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed item's content), paragraphs kept apart.

    Entities are decoded; scripts and styles are dropped. Markup the parser rejects is
    stripped of its tags instead.
    """
    parser = _TextParser()
    try:
        parser.feed(fragment)
        parser.close()
    except AssertionError:  # html.parser's complaint about a malformed declaration
        return join_paragraphs(html.unescape(_TAG.sub("\n", fragment)).splitlines())
    parser.flush()
    return join_paragraphs(parser.paragraphs)


def plain_to_text(value: str) -> str:
    """Plain text from a feed (a ``text/plain`` summary): paragraphs at blank lines."""
    paragraphs = re.split(r"\n\s*\n", value)
    return PARAGRAPH_BREAK.join(
        _SPACES.sub(" ", paragraph).strip() for paragraph in paragraphs if paragraph.strip()
    )
