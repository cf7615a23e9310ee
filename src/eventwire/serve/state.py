"""What one server process holds: the open store and, once asked for, the pipeline.

The store is opened on first use and shared by the request threads under a lock (DuckDB and
psycopg connections are not safe for concurrent use). A DuckDB file is opened read-only when
no API key is configured (nothing can be written, and other readers may share the file), and
read-write when one is (``POST /articles`` stores articles). The NLP pipeline is loaded once,
lazily: the first ``POST /extract`` or ``POST /articles`` pays for it, later ones do not.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from eventwire.config import Settings
from eventwire.store import Coder, Store, is_postgres_url, open_store, resolve_url


class ServerState:
    """The store and pipeline of one server process (see the module docstring)."""

    def __init__(self, settings: Settings, pipeline: Coder | None = None) -> None:
        self.settings = settings
        self._store: Store | None = None
        self._pipeline = pipeline
        self._store_lock = threading.RLock()
        self._pipeline_lock = threading.Lock()

    @property
    def writable(self) -> bool:
        """Whether ``POST /articles`` is allowed: an API key is configured."""
        return bool(self.settings.api_key)

    @contextmanager
    def store(self) -> Iterator[Store]:
        """The open store, for the duration of one request's use of it (serialised)."""
        with self._store_lock:
            if self._store is None:
                self._store = self._open()
            yield self._store

    def _open(self) -> Store:
        url = resolve_url(self.settings.db)
        if self.writable or is_postgres_url(url):
            return open_store(url)
        path = Path(url[len("duckdb://") :] if url.startswith("duckdb://") else url).expanduser()
        if not path.exists():
            open_store(url).close()  # an empty store, so a fresh install shows an empty map
        return open_store(url, read_only=True)

    def pipeline(self) -> Coder:
        """The NLP pipeline, loaded on first use and kept for the life of the process."""
        with self._pipeline_lock:
            if self._pipeline is None:
                from eventwire.pipeline import Pipeline

                self._pipeline = Pipeline.load(self.settings)
            return self._pipeline

    def close(self) -> None:
        with self._store_lock:
            if self._store is not None:
                self._store.close()
                self._store = None
