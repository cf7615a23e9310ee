"""Loaders for the Dask workers in tests: the store stub, and a stub that kills its worker once.

Module-level functions so that ``functools.partial`` of them pickles to the worker processes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventwire.config import Settings
from eventwire.model import Article, ArticleResult
from tests.store.stub import StubPipeline


def stub_loader(settings: Settings) -> StubPipeline:
    return StubPipeline(batch_size=settings.batch_size)


class CrashOnce:
    """Codes like the stub, but the first worker to code article ``victim`` dies (os._exit)."""

    def __init__(self, marker: Path, victim: str) -> None:
        self.marker = marker
        self.victim = victim
        self.stub = StubPipeline()

    def process_many(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        batch = list(articles)
        if any(a.id == self.victim for a in batch):
            try:
                fd = os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                pass  # the retry: code normally
            else:
                os.close(fd)
                os._exit(1)  # the worker process dies mid-task, before writing its partition
        with self.marker.with_suffix(".log").open("a") as log:  # which articles were coded
            log.write("".join(f"{a.id}\n" for a in batch))
        return self.stub.process_many(batch)


def crash_loader(marker: str, victim: str, settings: Settings) -> CrashOnce:
    return CrashOnce(Path(marker), victim)
