"""What reading inputs yields besides articles: failures, notes, and the options of a read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from eventwire.errors import InputError
from eventwire.ingest.messages import Message
from eventwire.model import Article


@dataclass(frozen=True, slots=True)
class InputFailure:
    """An input (or one JSON Lines record) that gave no article; the others were still read.

    ``source`` is the path as given, ``path:LINE`` for a JSON Lines record, or ``<stdin>``.
    """

    source: str
    problem: str
    code: str = ""

    def __str__(self) -> str:
        return f"{self.source}: {self.problem}"

    def to_error(self) -> InputError:
        """The same failure as an exception, for callers that want to raise it."""
        return InputError(self.source, self.problem)


@dataclass(frozen=True, slots=True)
class InputNote:
    """A caveat about an article that *was* read (fallback encoding, unreadable date, ...).

    It is yielded just before the article it concerns, whose ``source`` it shares.
    """

    source: str
    message: str
    code: str = ""

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


InputItem = Article | InputFailure | InputNote


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Settings of one read: the size limit and how to pick the reference date."""

    max_bytes: int
    today: dt.date
    reference_date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class OpenInput:
    """An input being read: its name for messages, its path for ``Article.path``, its bytes.

    ``chunks`` yields the content in order and is consumed once; a reader never needs the
    whole input in memory unless the format is one article per input.
    """

    source: str
    path: str | None
    chunks: Iterator[bytes]


Reader = Callable[[OpenInput, ReadOptions], Iterator[InputItem]]
"""Reads one input in one format, yielding its articles, notes and failures; never raises."""


def failure(source: str, message: Message, **values: object) -> InputFailure:
    return InputFailure(source, message.format(**values), message.code)


def note(source: str, message: Message, **values: object) -> InputNote:
    return InputNote(source, message.format(**values), message.code)
