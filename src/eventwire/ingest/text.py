"""Plain text inputs: one input, one article, its text exactly as decoded."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from eventwire.ingest import messages as msg
from eventwire.ingest.articles import make_article
from eventwire.ingest.decode import decode_document
from eventwire.ingest.items import InputFailure, InputItem, OpenInput, ReadOptions, failure, note


def read_bounded(chunks: Iterable[bytes], limit: int) -> bytes | None:
    """All the bytes, or None as soon as there are more than ``limit`` (the rest unread)."""
    parts: list[bytes] = []
    total = 0
    for chunk in chunks:
        total += len(chunk)
        if total > limit:
            return None
        parts.append(chunk)
    return b"".join(parts)


def read_document(source: OpenInput, options: ReadOptions) -> bytes | InputFailure:
    """The bytes of a one-article input, or the failure that it is too large or empty."""
    data = read_bounded(source.chunks, options.max_bytes)
    if data is None:
        return failure(
            source.source,
            msg.TOO_LARGE,
            size="more than " + msg.megabytes(options.max_bytes),
            limit=msg.limit_mb(options.max_bytes),
        )
    if not data:
        return failure(source.source, msg.EMPTY)
    return data


def read_text(source: OpenInput, options: ReadOptions) -> Iterator[InputItem]:
    """Read a plain text input as one article; the text is kept as received."""
    data = read_document(source, options)
    if isinstance(data, InputFailure):
        yield data
        return
    decoded = decode_document(data)
    if isinstance(decoded, str):
        yield failure(source.source, msg.BINARY, reason=decoded)
        return
    if not decoded.text.strip():
        yield failure(source.source, msg.BLANK)
        return
    if decoded.bad_offset is not None:
        yield note(
            source.source,
            msg.FALLBACK_ENCODING,
            offset=decoded.bad_offset,
            encoding=decoded.encoding,
        )
    yield make_article(decoded.text, options, path=source.path)
