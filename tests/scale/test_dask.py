"""The Dask engine: partitions, the worker plugin, idempotent merging, a worker that dies."""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path

import pytest

from eventwire.config import load_settings
from eventwire.model import Article
from eventwire.scale.dask_engine import DaskCoder, dask_ingest
from eventwire.scale.partitions import partition_key, read_partition, write_partition
from eventwire.store import ingest, open_store
from tests.scale.dask_helpers import crash_loader, stub_loader
from tests.store.stub import StubPipeline, code

ON = dt.date(2020, 1, 1)
SETTINGS = load_settings({"batch_size": 4}, environ={})


def _articles(n: int) -> list[Article]:
    return [
        Article(
            id=f"w{k:03d}",
            text=f"Rebels attacked Mosul on day {k}. Officials met in Mosul. Students protested.",
            reference_date=ON,
            content_hash=f"h{k}",
        )
        for k in range(n)
    ]


def test_scale_partition_round_trip(tmp_path: Path) -> None:
    results = [code(a) for a in _articles(3)]
    path = write_partition(results, tmp_path, partition_key(_articles(3)))
    assert read_partition(path) == results
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left
    assert read_partition(write_partition([], tmp_path, "empty")) == []


def test_scale_partition_key_depends_on_ids_and_hashes() -> None:
    a = _articles(2)
    assert partition_key(a) == partition_key(list(a))
    assert partition_key(a) != partition_key(a[::-1])
    assert partition_key(a) != partition_key([a[0]])


def test_scale_partition_holds_readable_event_records(tmp_path: Path) -> None:
    import duckdb

    path = write_partition([code(a) for a in _articles(2)], tmp_path, "k")
    rows = duckdb.sql(f"SELECT article_id, n_events, events FROM read_parquet('{path}')").fetchall()
    assert [(r[0], r[1]) for r in rows] == [("w000", 3), ("w001", 3)]
    types = duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()
    assert [t[1] for t in types] == ["INTEGER", "VARCHAR", "VARCHAR", "INTEGER", "VARCHAR", "BLOB"]
    assert json.loads(rows[0][2])[0]["type"] == "ASSAULT"


def test_scale_dask_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        DaskCoder(SETTINGS, workers=0)
    with pytest.raises(ValueError, match="not both"):
        DaskCoder(SETTINGS, workers=2, scheduler="tcp://127.0.0.1:1")


def test_scale_dask_stores_like_one_process_and_rerun_adds_nothing(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": a.id, "text": a.text}) + "\n" for a in _articles(30)))
    settings = load_settings({"batch_size": 4}, environ={})
    with open_store(str(tmp_path / "one.duckdb")) as one:
        ingest(one, [str(feed)], settings, reference_date=ON, pipeline=StubPipeline())
        expected = [(e.id, e.article_id, e.record) for e in one.iter_events()]
    with (
        open_store(str(tmp_path / "dask.duckdb")) as store,
        DaskCoder(settings, workers=2, loader=stub_loader, partition_size=4) as coder,
    ):
        from eventwire.store import ingest as store_ingest

        first = store_ingest(store, [str(feed)], settings, reference_date=ON, pipeline=coder)
        assert (first.new, first.events) == (30, 90)
        assert coder.partitions_done == 8
        got = [(e.id, e.article_id, e.record) for e in store.iter_events()]
        again = store_ingest(store, [str(feed)], settings, reference_date=ON, pipeline=coder)
        assert (again.new, again.replaced, again.unchanged) == (0, 0, 30)
        assert store.count_events() == 90
    assert got == expected


def test_scale_dask_retries_the_partition_of_a_worker_that_died(tmp_path: Path) -> None:
    marker = tmp_path / "crashed"
    loader = functools.partial(crash_loader, str(marker), "w005")
    articles = _articles(12)
    with DaskCoder(SETTINGS, workers=2, loader=loader, partition_size=3) as coder:
        results = list(coder.process_many(articles))
    assert marker.exists()  # a worker did die
    assert sorted(r.article.id for r in results) == [a.id for a in articles]  # each once
    coded = marker.with_suffix(".log").read_text().split()
    assert sorted(coded) == [a.id for a in articles]  # the dead partition was coded again


def test_scale_dask_nothing_to_code_starts_no_cluster(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "s.duckdb")) as store:
        report = dask_ingest(store, [], SETTINGS, recode=True)
    assert report.read == 0
