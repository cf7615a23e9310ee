"""JSON Lines inputs: one article per line, ``{"id", "text", "title"?, "date"?, "url"?}``.

The file is streamed line by line, so its size is unbounded; each record's text obeys the
one-article size limit. A bad line gives one failure naming ``path:LINE`` and the next line
is read. Keys other than the five above are ignored.
"""

from __future__ import annotations

import codecs
import datetime as dt
import itertools
import json
from collections.abc import Iterable, Iterator
from typing import Any

from eventwire.ingest import messages as msg
from eventwire.ingest.articles import make_article, reference
from eventwire.ingest.dates import parse_article_date
from eventwire.ingest.decode import binary_reason, decode
from eventwire.ingest.items import (
    InputFailure,
    InputItem,
    InputNote,
    OpenInput,
    ReadOptions,
    failure,
    note,
)
from eventwire.model import Article

# JSON escapes take up to 6 bytes per character ("\u0001"); allow that plus the other fields.
_ESCAPE_FACTOR = 6
_FIELDS_ALLOWANCE = 64 * 1024


def line_limit(max_bytes: int) -> int:
    """Longest line read: one past it, the line is skipped unread."""
    return _ESCAPE_FACTOR * max_bytes + _FIELDS_ALLOWANCE


def iter_lines(chunks: Iterable[bytes], limit: int) -> Iterator[bytes | None]:
    """Split a byte stream at ``\\n``; a line longer than ``limit`` comes out as None.

    Never holds more than ``limit`` bytes of one line.
    """
    buffer = bytearray()
    overflow = False
    for chunk in chunks:
        start = 0
        while True:
            newline = chunk.find(b"\n", start)
            piece = chunk[start:] if newline < 0 else chunk[start : newline + 1]
            if not overflow:
                buffer += piece
                if len(buffer) > limit:
                    overflow = True
                    buffer.clear()
            if newline < 0:
                break
            yield None if overflow else bytes(buffer)
            buffer.clear()
            overflow = False
            start = newline + 1
    if overflow:
        yield None
    elif buffer:
        yield bytes(buffer)


def read_jsonl(source: OpenInput, options: ReadOptions) -> Iterator[InputItem]:
    """Read every record of a JSON Lines input, in order."""
    first = next(source.chunks, b"")
    if not first:
        yield failure(source.source, msg.EMPTY)
        return
    if b"\x00" in first:
        # A binary file would otherwise give one failure per "line".
        yield failure(source.source, msg.BINARY, reason=binary_reason(first))
        return
    chunks = itertools.chain([first], source.chunks)
    records = 0
    limit = line_limit(options.max_bytes)
    for number, line in enumerate(iter_lines(chunks, limit), start=1):
        where = f"{source.source}:{number}"
        if line is None:
            records += 1
            yield failure(
                where,
                msg.LINE_TOO_LONG,
                size=msg.megabytes(limit),
                limit=msg.limit_mb(options.max_bytes),
            )
            continue
        if number == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8) :]
        if not line.strip():
            continue
        records += 1
        yield from _read_record(line, where, source.path, options)
    if records == 0:
        yield failure(source.source, msg.NO_RECORDS)


def _read_record(
    line: bytes, where: str, path: str | None, options: ReadOptions
) -> Iterator[InputItem]:
    decoded = decode(line)
    notes: list[InputNote] = []
    if decoded.bad_offset is not None:
        notes.append(
            note(
                where,
                msg.FALLBACK_ENCODING,
                offset=decoded.bad_offset,
                encoding=decoded.encoding,
            )
        )
    try:
        record = json.loads(decoded.text)
    except json.JSONDecodeError as error:
        yield failure(where, msg.JSON_INVALID, reason=f"{error.msg} at column {error.colno}")
        return
    except (ValueError, RecursionError) as error:
        # Numbers too long to convert, arrays nested too deep.
        yield failure(where, msg.JSON_INVALID, reason=str(error) or type(error).__name__)
        return
    result = _record_article(record, where, path, options, notes)
    yield from notes
    yield result


def _record_article(
    record: Any, where: str, path: str | None, options: ReadOptions, notes: list[InputNote]
) -> Article | InputFailure:
    """The article a decoded record describes (notes appended), or why there is none."""
    if not isinstance(record, dict):
        return failure(where, msg.NOT_OBJECT, kind=msg.json_kind(record))
    text = record.get("text")
    if text is None or text == "":
        return failure(where, msg.MISSING_TEXT)
    if not isinstance(text, str):
        return failure(where, msg.TEXT_NOT_STRING, kind=msg.json_kind(text))
    if not text.strip():
        return failure(where, msg.BLANK)
    # A character takes at most 4 bytes in UTF-8: encode only when it could matter.
    if len(text) * 4 > options.max_bytes:
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > options.max_bytes:
            return failure(
                where,
                msg.RECORD_TOO_LARGE,
                size=msg.megabytes(size),
                limit=msg.limit_mb(options.max_bytes),
            )
    raw_id = record.get("id")
    if isinstance(raw_id, int) and not isinstance(raw_id, bool):
        raw_id = str(raw_id)
    date = _record_date(record.get("date"), where, options, notes)
    return make_article(
        text,
        options,
        id=_string_field(raw_id, "id", where, notes),
        title=_string_field(record.get("title"), "title", where, notes),
        url=_string_field(record.get("url"), "url", where, notes),
        date=date,
        path=path,
    )


def _string_field(value: Any, field: str, where: str, notes: list[InputNote]) -> str | None:
    if value is None or isinstance(value, str):
        return value or None
    notes.append(note(where, msg.FIELD_NOT_STRING, field=field, kind=msg.json_kind(value)))
    return None


def _record_date(
    value: Any, where: str, options: ReadOptions, notes: list[InputNote]
) -> dt.date | None:
    text = _string_field(value, "date", where, notes)
    if text is None:
        return None
    date = parse_article_date(text)
    if date is None:
        day, source = reference(None, options)
        why = "from --reference-date" if source == "option" else "today"
        notes.append(note(where, msg.BAD_DATE, value=text, reference=day, why=why))
    return date
