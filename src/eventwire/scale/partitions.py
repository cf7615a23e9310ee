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

import hashlib
import json
import os
import pickle
import uuid
from collections.abc import Sequence
from pathlib import Path

from eventwire.export.records import event_record
from eventwire.model import Article, ArticleResult

_COLUMNS = (
    "seq INTEGER, article_id VARCHAR, content_hash VARCHAR, n_events INTEGER, "
    "events VARCHAR, payload BLOB"
)


def partition_key(articles: Sequence[Article]) -> str:
    """A name for a partition that depends only on its articles (ids and content hashes)."""
    digest = hashlib.sha1()
    for article in articles:
        digest.update(f"{article.id}\x00{article.content_hash}\x00".encode())
    return digest.hexdigest()[:20]


def write_partition(results: Sequence[ArticleResult], staging: Path, key: str) -> Path:
    """Write ``results`` to ``staging/part-KEY.parquet`` atomically; return its path."""
    import duckdb

    staging.mkdir(parents=True, exist_ok=True)
    final = staging / f"part-{key}.parquet"
    temporary = staging / f".tmp-{key}-{uuid.uuid4().hex}.parquet"
    rows = [
        (
            seq,
            r.article.id,
            r.article.content_hash,
            len(r.events),
            json.dumps([event_record(e) for e in r.events], ensure_ascii=False),
            pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL),
        )
        for seq, r in enumerate(results)
    ]
    con = duckdb.connect()
    try:
        con.execute(f"CREATE TABLE part ({_COLUMNS})")
        if rows:
            con.executemany("INSERT INTO part VALUES (?, ?, ?, ?, ?, ?)", [list(r) for r in rows])
        quoted = str(temporary).replace("'", "''")
        con.execute(f"COPY part TO '{quoted}' (FORMAT parquet)")
    finally:
        con.close()
    os.replace(temporary, final)
    return final


def read_partition(path: Path) -> list[ArticleResult]:
    """The results of a partition file, in the order they were written."""
    import duckdb

    con = duckdb.connect()
    try:
        quoted = str(path).replace("'", "''")
        found = con.execute(f"SELECT payload FROM read_parquet('{quoted}') ORDER BY seq").fetchall()
    finally:
        con.close()
    results: list[ArticleResult] = []
    for (payload,) in found:
        value = pickle.loads(payload)
        if not isinstance(value, ArticleResult):
            raise TypeError(f"{path}: not an eventwire partition")
        results.append(value)
    return results
