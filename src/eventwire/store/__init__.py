"""The event store: articles, events, places and corrections in DuckDB or PostgreSQL.

```python
from eventwire.store import EventFilter, open_store
from eventwire.model import Plover

with open_store("events.duckdb") as store:          # or "postgresql://user@host/db"
    for event in store.query_events(EventFilter(types=(Plover.PROTEST,), limit=10)):
        print(event.id, event.record["trigger"]["text"])
```

See ``docs/store.md`` for the schema, the commands and the guarantees.
"""

from __future__ import annotations

from eventwire.store.backends import connect, default_db_path, describe, is_postgres_url
from eventwire.store.corrections import FIELDS as CORRECTABLE_FIELDS
from eventwire.store.corrections import Correction
from eventwire.store.errors import (
    CorrectionError,
    SchemaError,
    StoreError,
    StoreInUse,
    UnknownEvent,
)
from eventwire.store.filters import BBox, EventFilter
from eventwire.store.ingestion import Coder, IngestReport, ingest
from eventwire.store.migrations import LATEST as SCHEMA_VERSION
from eventwire.store.migrations import check_version, migrate
from eventwire.store.store import Stats, Store, StoredEvent


def resolve_url(db: str | None) -> str:
    """The database to use: the given ``--db``/setting, else the default DuckDB file."""
    return db if db else str(default_db_path())


def open_store(db: str | None = None, *, read_only: bool = False) -> Store:
    """Open (and, unless ``read_only``, create or migrate) the store named by ``db``.

    ``db`` is a DuckDB file path or a ``postgresql://`` URL; empty means the default file
    ``<user data dir>/eventwire/events.duckdb``. ``read_only`` lets several readers share a
    DuckDB file; it needs the database to exist at the current schema version.
    """
    backend = connect(resolve_url(db), read_only=read_only)
    try:
        if read_only:
            check_version(backend)
        else:
            migrate(backend)
    except BaseException:
        backend.close()
        raise
    return Store(backend)


__all__ = [
    "CORRECTABLE_FIELDS",
    "SCHEMA_VERSION",
    "BBox",
    "Coder",
    "Correction",
    "CorrectionError",
    "EventFilter",
    "IngestReport",
    "SchemaError",
    "Stats",
    "Store",
    "StoreError",
    "StoreInUse",
    "StoredEvent",
    "UnknownEvent",
    "check_version",
    "connect",
    "default_db_path",
    "migrate",
    "describe",
    "ingest",
    "is_postgres_url",
    "open_store",
    "resolve_url",
]
