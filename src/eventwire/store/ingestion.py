"""``ingest``: read inputs, code what is new or changed, and store it article by article.

Articles are keyed by id. One whose id and content hash are already stored is skipped before
the NLP stage (ingesting the same input twice adds nothing); one whose text changed is re-coded
and replaces its old events. Input is streamed: memory holds one parse batch, never the input.
Coded articles are written a batch at a time (``batch_size`` articles, or what was coded in
the last ``FLUSH_SECONDS``), each batch in one transaction: a killed run loses at most the
articles in flight, and re-running it stores each article exactly once.
"""

from __future__ import annotations

import datetime as dt
import itertools
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from eventwire.config import Settings
from eventwire.ingest import InputFailure, InputNote, read_inputs
from eventwire.model import Article, ArticleResult
from eventwire.store.store import Store

Item = Article | InputFailure | InputNote
FLUSH_SECONDS = 2.0  # longest a coded article waits to be stored (progress, durability)


class Coder(Protocol):
    """What ingest needs of the pipeline (``eventwire.pipeline.Pipeline``, or a test stub)."""

    def process_many(self, articles: Iterable[Article]) -> Iterator[ArticleResult]: ...


@dataclass
class IngestReport:
    """Counts of one ingest run, for the progress bar, the summary and the exit status."""

    read: int = 0
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped_language: int = 0
    events: int = 0
    failures: list[InputFailure] = field(default_factory=list)
    notes: list[InputNote] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def coded(self) -> int:
        return self.new + self.replaced

    @property
    def done(self) -> int:
        """Articles finished (stored, skipped or unchanged)."""
        return self.coded + self.unchanged + self.skipped_language

    def summary(self) -> str:
        rate = self.done / self.seconds if self.seconds > 0 else 0.0
        parts = [
            f"{self.read} articles read",
            f"{self.new} new",
            f"{self.replaced} re-coded",
            f"{self.unchanged} unchanged",
        ]
        if self.skipped_language:
            parts.append(f"{self.skipped_language} skipped (not English)")
        parts += [f"{self.events} events", f"{len(self.failures)} failed inputs"]
        return ", ".join(parts) + f" in {self.seconds:.1f} s ({rate:.1f} articles/s)"


def is_english(article: Article) -> bool:
    """Whether to code an article: English, or language unknown."""
    lang = (article.language or "").lower()
    return lang in {"", "und", "unknown"} or lang == "en" or lang.startswith("en-")


def ingest(
    store: Store,
    paths: Sequence[str],
    settings: Settings,
    *,
    reference_date: dt.date | None = None,
    recode: bool = False,
    pipeline: Coder | None = None,
    on_progress: Callable[[IngestReport], None] | None = None,
    on_problem: Callable[[InputFailure | InputNote], None] | None = None,
) -> IngestReport:
    """Code and store every article of ``paths``; with ``recode``, code even unchanged ones.

    With ``recode`` and no paths, every stored article is re-coded with the current pipeline
    (its stored text, date and id are kept; corrections are re-applied).
    """
    report = IngestReport()
    started = time.perf_counter()
    in_flight: dict[str, str] = {}  # id -> hash of articles yielded but not yet stored
    notes_for: dict[str, tuple[str, ...]] = {}
    tick = on_progress or (lambda _report: None)
    problem = on_problem or (lambda _item: None)

    def from_inputs() -> Iterator[Article]:
        pending_notes: list[str] = []
        items = read_inputs(
            paths, reference_date=reference_date, max_bytes=settings.max_article_bytes
        )
        for item, stored in _with_stored_hashes(store, items, settings.batch_size):
            if isinstance(item, InputFailure):
                report.failures.append(item)
                problem(item)
                tick(report)
                continue
            if isinstance(item, InputNote):
                report.notes.append(item)
                pending_notes.append(item.message)  # a note precedes its article
                problem(item)
                continue
            report.read += 1
            notes = tuple(pending_notes)
            pending_notes.clear()
            if not is_english(item):
                empty = ArticleResult(item, (), (), model=settings.model, notes=notes)
                store.save(empty, status="skipped-language")
                report.skipped_language += 1
                tick(report)
                continue
            known = in_flight.get(item.id) or stored
            if known == item.content_hash and not recode:
                report.unchanged += 1
                tick(report)
                continue
            in_flight[item.id] = item.content_hash
            notes_for[item.id] = notes
            yield item

    def from_store() -> Iterator[Article]:
        for article in store.iter_articles():
            report.read += 1
            if is_english(article):
                in_flight[article.id] = article.content_hash
                yield article

    articles = from_store() if recode and not paths else from_inputs()
    first = next(articles, None)
    if first is not None:
        coder = pipeline if pipeline is not None else _load_pipeline(settings)
        pending: list[ArticleResult] = []
        flushed = time.perf_counter()

        def flush() -> None:
            for result, outcome in zip(pending, store.save_many(pending), strict=True):
                in_flight.pop(result.article.id, None)
                if outcome == "new":
                    report.new += 1
                else:
                    report.replaced += 1
                report.events += len(result.events)
            pending.clear()
            tick(report)

        for result in coder.process_many(itertools.chain([first], articles)):
            notes = notes_for.pop(result.article.id, ())
            pending.append(replace(result, notes=notes) if notes else result)
            if len(pending) >= settings.batch_size or time.perf_counter() - flushed > FLUSH_SECONDS:
                flush()
                flushed = time.perf_counter()
        if pending:
            flush()
    report.seconds = time.perf_counter() - started
    return report


def _with_stored_hashes(
    store: Store, items: Iterable[Item], size: int
) -> Iterator[tuple[Item, str | None]]:
    """Each input item with the content hash stored under its id (articles only), looked up
    ``size`` articles per query: one query per article costs more than the lookup itself."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, max(1, size))):
        ids = [item.id for item in chunk if isinstance(item, Article)]
        stored = store.stored_hashes(ids)
        for item in chunk:
            yield item, stored.get(item.id) if isinstance(item, Article) else None


def _load_pipeline(settings: Settings) -> Coder:
    from eventwire.pipeline import Pipeline

    return Pipeline.load(settings)
