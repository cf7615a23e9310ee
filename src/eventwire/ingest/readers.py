"""The input formats eventwire reads, and how an input's format is chosen.

A format is a name, the file name endings that select it, and a ``Reader``. The ending
decides; inputs whose ending does not (no ending, an unknown one named explicitly, stdin) are
sniffed from their first bytes. A new format (HTML, RSS) plugs in by giving its ``Format`` a
real reader and endings, and a sniff rule in ``sniff_format``; nothing else changes.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator
from dataclasses import dataclass

from eventwire.ingest import messages as msg
from eventwire.ingest.items import InputItem, OpenInput, Reader, ReadOptions, failure
from eventwire.ingest.jsonl import read_jsonl
from eventwire.ingest.text import read_text


@dataclass(frozen=True, slots=True)
class Format:
    """One input format: its name, the endings that select it, and its reader."""

    name: str
    suffixes: tuple[str, ...]
    read: Reader
    one_article: bool  # the whole input is one article, so the size limit applies to it


def _not_yet(kind: str) -> Reader:
    """A reader for a format eventwire recognises but cannot read yet: one clear failure."""

    def read(source: OpenInput, options: ReadOptions) -> Iterator[InputItem]:
        yield failure(source.source, msg.MARKUP, kind=kind)

    return read


TEXT = Format("text", (".txt", ".text", ".md"), read_text, one_article=True)
JSONL = Format("jsonl", (".jsonl", ".ndjson"), read_jsonl, one_article=False)
HTML = Format("html", (".html", ".htm", ".xhtml"), _not_yet("HTML"), one_article=True)
FEED = Format("feed", (".rss", ".atom", ".xml"), _not_yet("RSS, Atom or XML"), one_article=True)

FORMATS: tuple[Format, ...] = (TEXT, JSONL, HTML, FEED)
READABLE: tuple[Format, ...] = (TEXT, JSONL)  # named in the "skipped files" note

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
    """The endings eventwire reads, for messages: ``.txt, .text, .md, .jsonl, .ndjson``."""
    return ", ".join(suffix for found in READABLE for suffix in found.suffixes)
