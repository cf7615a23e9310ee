"""Shared helpers for the ingest tests: read inputs with fixed settings, split the results."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from eventwire.ingest import InputFailure, InputItem, InputNote, read_inputs
from eventwire.model import Article

TODAY = dt.date(2020, 1, 1)
LIMIT = 64 * 1024


def read(
    *paths: str | Path,
    max_bytes: int = LIMIT,
    reference_date: dt.date | None = None,
) -> list[InputItem]:
    given: Sequence[str] = [str(path) for path in paths]
    return list(read_inputs(given, reference_date=reference_date, max_bytes=max_bytes, today=TODAY))


def articles(items: list[InputItem]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def failures(items: list[InputItem]) -> list[InputFailure]:
    return [item for item in items if isinstance(item, InputFailure)]


def notes(items: list[InputItem]) -> list[InputNote]:
    return [item for item in items if isinstance(item, InputNote)]
