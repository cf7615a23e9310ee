"""The input formats eventwire reads, and how an input's format is chosen.

A format is a name, the file name endings that select it, and a ``Reader``. The ending
decides; inputs whose ending does not (no ending, an unknown one named explicitly, stdin) are
sniffed from their first bytes. A new format plugs in as a ``Format`` with its reader and
endings, listed in ``FORMATS``, and a sniff rule in ``sniff_format``; nothing else changes.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass

from eventwire.ingest.feeds import read_feed
from eventwire.ingest.html import read_html
from eventwire.ingest.items import Reader
from eventwire.ingest.jsonl import read_jsonl
from eventwire.ingest.text import read_text


@dataclass(frozen=True, slots=True)
class Format:
    """One input format: its name, the endings that select it, and its reader."""

    name: str
    suffixes: tuple[str, ...]
    read: Reader
    one_article: bool  # the whole input is one article, so the size limit applies to it


TEXT = Format("text", (".txt", ".text", ".md"), read_text, one_article=True)
JSONL = Format("jsonl", (".jsonl", ".ndjson"), read_jsonl, one_article=False)
HTML = Format("html", (".html", ".htm", ".xhtml"), read_html, one_article=True)
# A feed holds many articles: feeds.read_feed bounds the whole file itself.
FEED = Format("feed", (".rss", ".atom", ".xml"), read_feed, one_article=False)

FORMATS: tuple[Format, ...] = (TEXT, JSONL, HTML, FEED)
READABLE: tuple[Format, ...] = FORMATS  # named in the "skipped files" note

_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body")
_FEED_STARTS = (b"<?xml", b"<rss", b"<feed", b"<rdf")
_SNIFF_WHITESPACE = b" \t\r\n\f\v"


def suffix_of(path: str) -> str:
    """The lower-case ending that selects a format (``""`` for none, as in ``README``)."""
    name = os.path.basename(path.rstrip("/" + os.sep))
    stem, dot, ending = name.rpartition(".")
    return "." + ending.lower() if dot and stem else ""


def format_for_suffix(suffix: str) -> Format | None:
    """The format an ending selects, or None (no ending, or one no format claims)."""
    for candidate in FORMATS:
        if suffix in candidate.suffixes:
            return candidate
    return None


def sniff_format(head: bytes) -> Format:
    """The format of an input from its first bytes: JSON Lines if they start with ``{``.

    Plain text is the default, and a file of HTML or XML is told apart so it is not coded as
    if its tags were prose.
    """
    start = head.removeprefix(codecs.BOM_UTF8).lstrip(_SNIFF_WHITESPACE)[:64].lower()
    if start.startswith(b"{"):
        return JSONL
    if start.startswith(_HTML_STARTS):
        return HTML
    if start.startswith(_FEED_STARTS):
        return FEED
    return TEXT


def needs_sniff(head: bytes) -> bool:
    """Whether ``head`` is too short to sniff: only white space so far."""
    return not head.removeprefix(codecs.BOM_UTF8).lstrip(_SNIFF_WHITESPACE)


def known_suffixes() -> str:
    """The endings eventwire reads, for messages: ``.txt, .text, .md, .jsonl, ...``."""
    return ", ".join(suffix for found in READABLE for suffix in found.suffixes)
