"""Code articles in several local worker processes, results in input order.

The spaCy parse holds the GIL, so threads do not help; processes do. Each worker loads the
pipeline once (model, lexicon, actor dictionary, gazetteer) in its initializer and then codes
chunks of ``settings.batch_size`` articles with ``Pipeline.process_many``, so the parse still
runs in ``nlp.pipe`` batches. The parent only reads articles and hands out chunks; at most
``2 * workers`` chunks are in flight, so a long input is streamed, not read whole.

``LocalPool`` has the ``process_many`` method of ``Pipeline``, so it can stand in for one
wherever a coder is expected (``extract``, ``store.ingestion``).
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.pool import AsyncResult, Pool
from types import TracebackType

from eventwire.config import Settings
from eventwire.model import Article, ArticleResult
from eventwire.pipeline import Pipeline

log = logging.getLogger(__name__)

# The pipeline of a worker process, set once by ``_init_worker`` (never in the parent).
_worker_pipeline: Pipeline | None = None


def _init_worker(settings: Settings) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline.load(settings)


def _code_chunk(articles: list[Article]) -> list[ArticleResult]:
    if _worker_pipeline is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("worker pipeline not loaded")
    return list(_worker_pipeline.process_many(articles))


class LocalPool:
    """``workers`` processes, each with its own ``Pipeline``; use as a context manager.

    ``start_method`` is a ``multiprocessing`` start method; ``spawn`` (the default) starts
    clean interpreters, safe even when the parent runs threads (a progress bar).
    """

    def __init__(
        self,
        settings: Settings,
        workers: int,
        *,
        chunk_size: int | None = None,
        start_method: str = "spawn",
    ) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        self.settings = settings
        self.workers = workers
        self.chunk_size = chunk_size or max(1, settings.batch_size)
        context = multiprocessing.get_context(start_method)
        self._pool: Pool | None = context.Pool(
            workers, initializer=_init_worker, initargs=(settings,)
        )

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close(terminate=exc is not None)

    def close(self, *, terminate: bool = False) -> None:
        """Stop the workers (wait for them unless ``terminate``)."""
        if self._pool is None:
            return
        if terminate:
            self._pool.terminate()
        else:
            self._pool.close()
        self._pool.join()
        self._pool = None

    def process_many(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        """Code articles in the workers; results come in input order, lazily."""
        if self._pool is None:
            raise RuntimeError("the pool is closed")
        pool = self._pool
        chunks = _chunks(articles, self.chunk_size)
        in_flight: deque[AsyncResult[list[ArticleResult]]] = deque()
        window = 2 * self.workers
        for chunk in itertools.islice(chunks, window):
            in_flight.append(pool.apply_async(_code_chunk, (chunk,)))
        while in_flight:
            results = in_flight.popleft().get()
            following = next(chunks, None)
            if following is not None:
                in_flight.append(pool.apply_async(_code_chunk, (following,)))
            yield from results


def process_parallel(
    articles: Iterable[Article],
    settings: Settings,
    workers: int,
    *,
    chunk_size: int | None = None,
) -> Iterator[ArticleResult]:
    """Code ``articles`` with ``workers`` processes (one process: the plain pipeline)."""
    if workers <= 1:
        yield from Pipeline.load(settings).process_many(articles)
        return
    with LocalPool(settings, workers, chunk_size=chunk_size) as pool:
        yield from pool.process_many(articles)


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
