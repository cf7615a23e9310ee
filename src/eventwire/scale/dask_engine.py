"""Code articles on a Dask cluster: a ``LocalCluster`` by default, or an existing scheduler.

Each worker loads the pipeline (spaCy model, lexicon, actor dictionary, gazetteer) once, in
``PipelinePlugin.setup``; tasks then code partitions of ``partition_size`` articles with that
pipeline and write each partition's results as one Parquet file in a staging folder
(``eventwire.scale.partitions``). The client follows the futures as they complete
(``distributed.as_completed``), reads each partition back and hands the results to
``eventwire.store.ingest``, which stores them article by article, keyed by article id and
content hash: re-running adds nothing, and a partition is read once however often it ran.

A worker that dies mid-task has its partitions rescheduled by the scheduler (up to the
scheduler's ``allowed-failures``); a task that raises is retried ``retries`` times. Input is
streamed: at most ``2 * workers`` partitions are in flight.

``DaskCoder`` has the ``process_many`` method of ``Pipeline``, so it stands in for one in
``ingest``. This module imports ``distributed``: import it only when the Dask engine is asked for.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from eventwire.config import Settings
from eventwire.errors import EventwireError
from eventwire.ingest import InputFailure, InputNote
from eventwire.model import Article, ArticleResult
from eventwire.scale.partitions import partition_key, read_partition, write_partition
from eventwire.store.ingestion import IngestReport, ingest
from eventwire.store.store import Store

log = logging.getLogger(__name__)

PLUGIN_NAME = "eventwire-pipeline"


class DaskEngineError(EventwireError):
    """The Dask cluster could not be reached, or a partition failed on every attempt."""


class BatchCoder(Protocol):
    def process_many(self, articles: Iterable[Article]) -> Iterator[ArticleResult]: ...


def _load_pipeline(settings: Settings) -> BatchCoder:
    from eventwire.pipeline import Pipeline

    return Pipeline.load(settings)


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline once per worker, when the worker starts (or joins later).

    ``loader`` builds the coder from the settings (default ``Pipeline.load``); tests pass
    another, which must be picklable (a module-level function).
    """

    name = PLUGIN_NAME

    def __init__(
        self, settings: Settings, loader: Callable[[Settings], BatchCoder] | None = None
    ) -> None:
        self.settings = settings
        self.loader = loader
        self.coder: BatchCoder | None = None

    def setup(self, worker: Any) -> None:
        self.coder = (self.loader or _load_pipeline)(self.settings)

    def teardown(self, worker: Any) -> None:
        self.coder = None


def code_partition(articles: list[Article], staging: str, key: str) -> str:
    """The task: code a partition with the worker's pipeline and write it as Parquet."""
    plugin = get_worker().plugins.get(PLUGIN_NAME)
    coder = getattr(plugin, "coder", None)
    if coder is None:
        raise DaskEngineError("this worker has no eventwire pipeline (plugin not set up)")
    results = list(coder.process_many(articles))
    return str(write_partition(results, Path(staging), key))


class DaskCoder:
    """Codes articles on a Dask cluster; use as a context manager (it owns the cluster).

    ``workers``: processes of the LocalCluster (one thread each; default 2). ``scheduler``:
    ``tcp://HOST:PORT`` of a running scheduler instead (then ``staging`` must be a folder
    that every worker and this client see, e.g. on a shared file system). The cluster starts
    on the first ``process_many`` call, so a run with nothing to code starts none.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        workers: int | None = None,
        scheduler: str | None = None,
        staging: Path | None = None,
        partition_size: int | None = None,
        retries: int = 2,
        loader: Callable[[Settings], BatchCoder] | None = None,
        on_partition: Callable[[int], None] | None = None,
    ) -> None:
        if workers is not None and workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        if workers is not None and scheduler:
            raise ValueError("give either workers (a local cluster) or a scheduler, not both")
        self.settings = settings
        self.workers = workers or 2
        self.scheduler = scheduler
        self.partition_size = partition_size or max(1, settings.batch_size)
        self.retries = retries
        self.loader = loader
        self.on_partition = on_partition or (lambda _n: None)
        self._staging_root = staging
        self.staging: Path | None = None
        self.cluster: LocalCluster | None = None
        self.client: Client | None = None
        self.partitions_done = 0

    def __enter__(self) -> DaskCoder:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def start(self) -> Client:
        """Start (or connect to) the cluster and load the pipeline on every worker."""
        if self.client is not None:
            return self.client
        if self.scheduler:
            try:
                self.client = Client(self.scheduler, timeout="15s")  # type: ignore[no-untyped-call]
            except OSError as exc:
                raise DaskEngineError(
                    f"cannot reach the Dask scheduler at {self.scheduler}: {exc}. Start one "
                    f"with 'dask scheduler' and workers with 'dask worker {self.scheduler}'."
                ) from exc
        else:
            self.cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=self.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address="127.0.0.1:0",  # a free port: never clash with 8787
                silence_logs=logging.ERROR,
            )
            self.client = Client(self.cluster)  # type: ignore[no-untyped-call]
        self.client.register_plugin(PipelinePlugin(self.settings, self.loader), name=PLUGIN_NAME)
        parent = self._staging_root or Path(tempfile.gettempdir())
        parent.mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(prefix="eventwire-dask-", dir=parent))
        return self.client

    def close(self) -> None:
        if self.client is not None:
            self.client.close()  # type: ignore[no-untyped-call]
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None

    def n_workers(self) -> int:
        if self.client is None:
            return self.workers
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def process_many(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        """Code articles on the cluster; results come partition by partition, as they finish."""
        client = self.start()
        assert self.staging is not None
        staging = str(self.staging)
        chunks = _chunks(articles, self.partition_size)
        seen: set[str] = set()

        def submit(chunk: list[Article]) -> Any:
            key = partition_key(chunk)
            return client.submit(
                code_partition, chunk, staging, key, key=f"eventwire-{key}", retries=self.retries
            )

        pending = as_completed()  # type: ignore[no-untyped-call]
        for chunk in itertools.islice(chunks, 2 * self.n_workers()):
            pending.add(submit(chunk))  # type: ignore[no-untyped-call]
        for future in pending:
            try:
                path = Path(future.result())
            except EventwireError:
                raise
            except Exception as exc:  # noqa: BLE001 - Dask re-raises the task's own error
                raise DaskEngineError(
                    f"a partition failed on every attempt ({type(exc).__name__}: {exc})"
                ) from exc
            following = next(chunks, None)
            if following is not None:
                pending.add(submit(following))  # type: ignore[no-untyped-call]
            future.release()
            if path.name in seen:  # never store a partition twice
                continue
            seen.add(path.name)
            results = read_partition(path)
            path.unlink(missing_ok=True)
            self.partitions_done += 1
            self.on_partition(len(results))
            yield from results


def dask_ingest(
    store: Store,
    paths: Sequence[str],
    settings: Settings,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    staging: Path | None = None,
    partition_size: int | None = None,
    reference_date: dt.date | None = None,
    recode: bool = False,
    on_progress: Callable[[IngestReport], None] | None = None,
    on_problem: Callable[[InputFailure | InputNote], None] | None = None,
) -> IngestReport:
    """``eventwire.store.ingest`` with the coding done on a Dask cluster (same guarantees)."""
    with DaskCoder(
        settings,
        workers=workers,
        scheduler=scheduler,
        staging=staging,
        partition_size=partition_size,
    ) as coder:
        return ingest(
            store,
            paths,
            settings,
            reference_date=reference_date,
            recode=recode,
            pipeline=coder,
            on_progress=on_progress,
            on_problem=on_problem,
        )


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
