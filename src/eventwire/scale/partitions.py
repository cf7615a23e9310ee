"""Parquet partitions: the results of one batch of articles, written by a worker.

A Dask task codes a partition of articles and writes its results to one Parquet file in a
staging folder; the client reads the file back and stores the articles. The file is written
under a temporary name and renamed, so a worker killed mid-write leaves no partial partition,
and a retried task simply writes the same file again.

Columns: ``seq`` (position in the partition), ``article_id``, ``content_hash``, ``n_events``,
``events`` (the contract's event records as JSON, readable with any Parquet tool) and
``payload`` (the pickled ``ArticleResult``, which the client stores exactly as the
single-process path would). Staging files are eventwire's own intermediate data: never read a
partition from a source you do not trust (pickle).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from eventwire.export.records import event_record
from eventwire.model import Article, ArticleResult

_COLUMNS = {
    "seq": "INTEGER",
    "article_id": "VARCHAR",
    "content_hash": "VARCHAR",
    "n_events": "INTEGER",
    "events": "VARCHAR",
    "payload": "BLOB",
}


def partition_key(articles: Sequence[Article]) -> str:
    """A name for a partition that depends only on its articles (ids and content hashes)."""
    digest = hashlib.sha1()
    for article in articles:
        digest.update(f"{article.id}\x00{article.content_hash}\x00".encode())
    return digest.hexdigest()[:20]


@functools.lru_cache(maxsize=1)
def _engine() -> Any:
    """One in-memory DuckDB per process: connecting costs ~25 ms, a cursor almost nothing."""
    import duckdb

    return duckdb.connect()


def write_partition(results: Sequence[ArticleResult], staging: Path, key: str) -> Path:
    """Write ``results`` to ``staging/part-KEY.parquet`` atomically; return its path."""
    import numpy as np

    staging.mkdir(parents=True, exist_ok=True)
    final = staging / f"part-{key}.parquet"
    temporary = staging / f".tmp-{key}-{uuid.uuid4().hex}.parquet"
    columns: dict[str, list[Any]] = {name: [] for name in _COLUMNS}
    for seq, r in enumerate(results):
        columns["seq"].append(seq)
        columns["article_id"].append(r.article.id)
        columns["content_hash"].append(r.article.content_hash)
        columns["n_events"].append(len(r.events))
        events = [event_record(e) for e in r.events]
        columns["events"].append(json.dumps(events, ensure_ascii=False))
        columns["payload"].append(pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL))
    cursor = _engine().cursor()
    try:
        data = {name: np.array(values, dtype=object) for name, values in columns.items()}
        cursor.register("partition_rows", data)
        casts = ", ".join(f"CAST({name} AS {kind}) AS {name}" for name, kind in _COLUMNS.items())
        quoted = str(temporary).replace("'", "''")
        cursor.execute(f"COPY (SELECT {casts} FROM partition_rows) TO '{quoted}' (FORMAT parquet)")
    finally:
        cursor.close()
    os.replace(temporary, final)
    return final


def read_partition(path: Path) -> list[ArticleResult]:
    """The results of a partition file, in the order they were written."""
    cursor = _engine().cursor()
    try:
        quoted = str(path).replace("'", "''")
        found = cursor.execute(
            f"SELECT payload FROM read_parquet('{quoted}') ORDER BY seq"
        ).fetchall()
    finally:
        cursor.close()
    results: list[ArticleResult] = []
    for (payload,) in found:
        value = pickle.loads(payload)
        if not isinstance(value, ArticleResult):
            raise TypeError(f"{path}: not an eventwire partition")
        results.append(value)
    return results
