"""Bytes to text: spot binary data, decode UTF-8, fall back to cp1252 then latin-1.

Decoding is the only change ingest makes to an article: every offset downstream indexes the
decoded text, so nothing is stripped or normalised here. A byte-order mark is part of the
encoding, not of the text, and is dropped.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

# Bytes a text file does not contain (tab, newlines, form feed and escape excepted).
_CONTROL = frozenset(range(0x01, 0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}
_SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.1

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
FALLBACK_ENCODINGS = ("cp1252", "latin-1")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, the encoding used, and where UTF-8 failed if a fallback was needed."""

    text: str
    encoding: str
    bad_offset: int | None = None  # offset of the first byte that is not UTF-8

    @property
    def fell_back(self) -> bool:
        return self.bad_offset is not None


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` is not text (NUL bytes, control characters), or None if it may be text.

    UTF-16 and UTF-32 with a byte-order mark hold NUL bytes yet are text: ``decode`` reads
    them, so callers try ``bom_decode`` first.
    """
    if b"\x00" in data:
        return "it contains NUL bytes"
    head = data[:_SNIFF_BYTES]
    if head:
        controls = sum(1 for byte in head if byte in _CONTROL)
        if controls > _MAX_CONTROL_SHARE * len(head):
            return "it is mostly control characters"
    return None


def bom_decode(data: bytes) -> Decoded | None:
    """Decode text that starts with a byte-order mark, or None (no mark, or bad data)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                return None
    return None


def decode(data: bytes) -> Decoded:
    """Decode bytes as UTF-8, else cp1252, else latin-1 (which never fails)."""
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        bad_offset = error.start
    for encoding in FALLBACK_ENCODINGS:
        try:
            return Decoded(data.decode(encoding), encoding, bad_offset)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def decode_document(data: bytes) -> Decoded | str:
    """Decode a whole document: the ``Decoded`` text, or why it looks binary."""
    marked = bom_decode(data)
    if marked is not None:
        return marked
    reason = binary_reason(data)
    if reason is not None:
        return reason
    return decode(data)
