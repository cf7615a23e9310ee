"""``extract``: inputs in, article results out (the library side of ``eventwire extract``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from eventwire.config import Settings
from eventwire.ingest import InputFailure, InputNote, read_inputs
from eventwire.model import Article, ArticleResult
from eventwire.pipeline import Pipeline
from eventwire.scale.local import LocalPool

Outcome = ArticleResult | InputFailure | InputNote


@dataclass
class ExtractReport:
    """Counts of one run, for the summary line and the exit status."""

    articles: int = 0
    events: int = 0
    failures: list[InputFailure] = field(default_factory=list)
    notes: list[InputNote] = field(default_factory=list)


def extract(
    paths: Sequence[str],
    settings: Settings,
    *,
    reference_date: dt.date | None = None,
    pipeline: Pipeline | None = None,
) -> Iterator[Outcome]:
    """Read every input and code each article; failures and notes come in stream order.

    With ``settings.workers`` > 1 the articles are coded by a pool of processes, each with
    its own model (``eventwire.scale.local``); the order of the output is kept."""
    coder: Pipeline | LocalPool
    if pipeline is not None or settings.workers <= 1:
        coder = pipeline or Pipeline.load(settings)
    else:
        coder = LocalPool(settings, settings.workers)
    waiting: list[Outcome] = []  # failures/notes read while articles are in the parse batch
    notes_for: dict[str, tuple[str, ...]] = {}

    def articles() -> Iterator[Article]:
        notes: list[str] = []
        items = read_inputs(
            paths, reference_date=reference_date, max_bytes=settings.max_article_bytes
        )
        for item in items:
            if isinstance(item, Article):
                notes_for[item.id] = tuple(notes)
                notes.clear()
                yield item
            else:
                if isinstance(item, InputNote):
                    notes.append(item.message)  # an InputNote precedes its article
                waiting.append(item)

    try:
        for result in coder.process_many(articles()):
            yield from _drain(waiting)
            yield replace(result, notes=notes_for.pop(result.article.id, ()))
        yield from _drain(waiting)
    finally:
        if isinstance(coder, LocalPool):
            coder.close()


def _drain(waiting: list[Outcome]) -> Iterator[Outcome]:
    while waiting:
        yield waiting.pop(0)
