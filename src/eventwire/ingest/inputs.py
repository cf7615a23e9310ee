"""Turn the inputs a user names (files, folders, ``-``) into a stream of articles.

Inputs are read in the order given; a folder is walked recursively with its entries sorted by
name, so the same tree always gives the same order. Nothing is read whole except one article:
JSON Lines files are streamed line by line, and a file over the size limit is refused from
its ``stat`` without being opened. Bad inputs become ``InputFailure`` items, never exceptions.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import os
import stat
import sys
from collections import Counter
from collections.abc import Iterator, Sequence

from eventwire.ingest import messages as msg
from eventwire.ingest.items import InputItem, OpenInput, ReadOptions, failure, note
from eventwire.ingest.readers import (
    format_for_suffix,
    known_suffixes,
    needs_sniff,
    sniff_format,
    suffix_of,
)

STDIN = "-"
STDIN_SOURCE = "<stdin>"
CHUNK_BYTES = 1024 * 1024
_SNIFF_LIMIT = 64 * 1024  # leading white space read from a stream before sniffing anyway
_SKIPPED_EXAMPLES = 3


def read_inputs(
    paths: Sequence[str],
    *,
    reference_date: dt.date | None,
    max_bytes: int,
    today: dt.date | None = None,
) -> Iterator[InputItem]:
    """Yield the articles of every input, with a note or failure wherever one is due.

    ``paths`` holds files, folders and ``-`` (stdin). An ``InputNote`` comes just before the
    article it concerns; an ``InputFailure`` stands for an input (or JSON Lines line) that
    gave no article. Bad inputs never raise. ``max_bytes`` bounds one article's text.
    """
    if max_bytes <= 0:
        raise ValueError(f"max_bytes must be positive, not {max_bytes}")
    options = ReadOptions(
        max_bytes=max_bytes,
        today=today if today is not None else dt.date.today(),
        reference_date=reference_date,
    )
    return _read_all(paths, options)


def _read_all(paths: Sequence[str], options: ReadOptions) -> Iterator[InputItem]:
    for given in paths:
        if given == STDIN:
            yield from _read_stdin(options)
        else:
            yield from _read_path(given, options)


def _read_path(given: str, options: ReadOptions) -> Iterator[InputItem]:
    try:
        info = os.stat(given)
    except (FileNotFoundError, NotADirectoryError):
        yield failure(given, msg.NO_SUCH_PATH)
        return
    except (OSError, ValueError) as error:  # ValueError: a NUL byte in the path
        yield failure(given, msg.UNREADABLE, reason=_reason(error))
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _read_folder(given, options)
    elif stat.S_ISREG(info.st_mode):
        yield from _read_file(given, info.st_size, options)
    elif stat.S_ISFIFO(info.st_mode):  # a named pipe, or a shell's <(command)
        yield from _read_file(given, None, options)
    else:
        yield failure(given, msg.NOT_A_FILE)


def _read_file(path: str, size: int | None, options: ReadOptions) -> Iterator[InputItem]:
    """Read one file; ``size`` is None for a pipe, whose size is not known in advance."""
    chosen = format_for_suffix(suffix_of(path))
    if chosen is not None and chosen.one_article and size is not None:
        if size > options.max_bytes:
            yield _too_large(path, size, options)
            return
        if size == 0:
            yield failure(path, msg.EMPTY)
            return
    try:
        with open(path, "rb") as stream:
            chunks = iter(functools.partial(stream.read, CHUNK_BYTES), b"")
            if chosen is None:
                head = next(chunks, b"")
                chosen = sniff_format(head)
                if chosen.one_article and size is not None and size > options.max_bytes:
                    yield _too_large(path, size, options)
                    return
                chunks = itertools.chain([head], chunks)
            yield from chosen.read(OpenInput(path, path, chunks), options)
    except OSError as error:
        yield failure(path, msg.UNREADABLE, reason=_reason(error))


def _read_folder(folder: str, options: ReadOptions) -> Iterator[InputItem]:
    skipped: Counter[str] = Counter()
    examples: list[str] = []
    for item in _walk(folder):
        if isinstance(item, tuple):
            path, size = item
            if format_for_suffix(suffix_of(path)) is None and suffix_of(path):
                skipped[suffix_of(path)] += 1
                if len(examples) < _SKIPPED_EXAMPLES:
                    examples.append(path)
                continue
            yield from _read_file(path, size, options)
        else:
            yield item
    if skipped:
        yield note(
            folder,
            msg.SKIPPED_FILES,
            count=sum(skipped.values()),
            examples=", ".join(examples),
            known=known_suffixes(),
        )


def _walk(folder: str) -> Iterator[tuple[str, int] | InputItem]:
    """Regular files under ``folder`` as ``(path, size)``, depth first, sorted by name.

    Hidden entries (``.name``) are skipped, and symbolic links to folders are not followed
    (they could loop); a folder that cannot be listed gives a failure.
    """
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        yield failure(folder, msg.UNREADABLE, reason=_reason(error))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(folder, entry.name)
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(path)
            elif entry.is_file():
                yield path, entry.stat().st_size
        except OSError as error:
            yield failure(path, msg.UNREADABLE, reason=_reason(error))


def _read_stdin(options: ReadOptions) -> Iterator[InputItem]:
    if sys.stdin is None:
        yield failure(STDIN_SOURCE, msg.UNREADABLE, reason="there is no standard input")
        return
    try:
        chunks = _stdin_chunks()
        heads: list[bytes] = []
        head = b""
        for chunk in chunks:
            heads.append(chunk)
            head += chunk[:_SNIFF_LIMIT]
            if not needs_sniff(head) or len(head) >= _SNIFF_LIMIT:
                break
        chosen = sniff_format(head)
        source = OpenInput(STDIN_SOURCE, None, itertools.chain(heads, chunks))
        yield from chosen.read(source, options)
    except OSError as error:
        yield failure(STDIN_SOURCE, msg.UNREADABLE, reason=_reason(error))


def _stdin_chunks() -> Iterator[bytes]:
    binary = getattr(sys.stdin, "buffer", None)
    if binary is not None:
        yield from iter(functools.partial(binary.read, CHUNK_BYTES), b"")
        return
    # A text-only stream (io.StringIO in a test, an embedding application): re-encode it.
    for text in iter(functools.partial(sys.stdin.read, CHUNK_BYTES), ""):
        yield text.encode("utf-8", "surrogateescape")


def _too_large(source: str, size: int, options: ReadOptions) -> InputItem:
    return failure(
        source,
        msg.TOO_LARGE,
        size=msg.megabytes(size),
        limit=msg.limit_mb(options.max_bytes),
    )


def _reason(error: OSError | ValueError) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__
