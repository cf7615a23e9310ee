"""Nothing lost: a killed ingest resumes exactly once, a second writer is refused, input streams.

These run ``python -m tests.store.stub`` (the library's ingest with the stub pipeline) in a
subprocess, so the kill and the lock are real.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import tracemalloc
from pathlib import Path
from typing import Any

from eventwire.config import load_settings
from eventwire.export.records import event_record
from eventwire.ingest import MB, read_inputs
from eventwire.model import Article
from eventwire.store import ingest, open_store

from ..cli_run import run_cli
from .stub import StubPipeline, code

ROOT = Path(__file__).resolve().parents[2]
SENTENCES = (
    "Rebels attacked a checkpoint near Mosul.",
    "Officials met in Geneva.",
    "Students protested outside the ministry.",
    "Farmers harvested wheat.",
)


def write_batch(path: Path, n: int, *, pad: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            picked = [SENTENCES[(i + k) % len(SENTENCES)] for k in range(1 + i % 3)]
            text = f"Report {i}. " + " ".join(picked) + (" Filler words here." * pad)
            fh.write(json.dumps({"id": f"art-{i:05d}", "text": text, "date": "2020-02-03"}) + "\n")
    return path


def stub_ingest(
    db: Path, *paths: Path, progress: bool = False, delay: float = 0.0
) -> subprocess.Popen[str]:
    env = dict(os.environ, EVENTWIRE_STUB_DELAY=str(delay))
    args = [sys.executable, "-m", "tests.store.stub", *(["--progress"] if progress else [])]
    return subprocess.Popen(
        [*args, str(db), *map(str, paths)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def wait_for(proc: subprocess.Popen[str], done: int) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("done ") and int(line.split()[1]) >= done:
            return
    raise AssertionError(
        f"ingest ended before {done} articles: {proc.stderr and proc.stderr.read()}"
    )


def snapshot(db: Path) -> dict[str, list[dict[str, Any]]]:
    """article id -> the machine records of its events, as stored."""
    with open_store(str(db), read_only=True) as store:
        rows = store.backend.fetchall("SELECT article_id, machine FROM events ORDER BY id")
        articles = store.backend.fetchall("SELECT id, n_events FROM articles")
    out: dict[str, list[dict[str, Any]]] = {a: [] for a, _ in articles}
    for article_id, machine in rows:
        out[article_id].append(json.loads(machine))
    assert all(len(out[a]) == n for a, n in articles), "an article lost some of its events"
    return out


def expected(batch: Path) -> dict[str, list[dict[str, Any]]]:
    """What a clean run stores: the stub's events of every article, coded in this process."""
    items = read_inputs([str(batch)], reference_date=dt.date(2020, 1, 1), max_bytes=MB)
    return {
        a.id: sorted((event_record(e) for e in code(a).events), key=lambda r: r["id"])
        for a in items
        if isinstance(a, Article)
    }


def finish(proc: subprocess.Popen[str], timeout: float = 300) -> str:
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err
    return out


def test_store_killed_ingest_resumes_and_stores_each_article_once(tmp_path: Path) -> None:
    batch = write_batch(tmp_path / "batch.jsonl", 500)
    db = tmp_path / "killed.duckdb"
    proc = stub_ingest(db, batch, progress=True, delay=0.002)
    wait_for(proc, 100)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    partial = snapshot(db)
    assert 100 <= len(partial) < 500  # killed mid-way, and what is stored is whole

    out = finish(stub_ingest(db, batch))
    assert f"{len(partial)} unchanged" in out and f"{500 - len(partial)} new" in out
    stored = snapshot(db)
    assert stored == expected(batch)
    with open_store(str(db), read_only=True) as store:
        total = store.backend.fetchone("SELECT count(*), count(DISTINCT id) FROM events")
        assert total is not None and total[0] == total[1] == sum(map(len, stored.values()))
        assert store.count_articles() == 500


def test_store_second_writer_gets_database_in_use(tmp_path: Path) -> None:
    db = tmp_path / "busy.duckdb"
    batch = write_batch(tmp_path / "batch.jsonl", 400)
    proc = stub_ingest(db, batch, progress=True, delay=0.01)
    try:
        wait_for(proc, 1)
        result = run_cli("ingest", str(batch), "--db", str(db), "--quiet")
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert f"database {db} is in use by another eventwire process" in result.stderr
        assert f"PID {proc.pid}" in result.stderr
    finally:
        proc.kill()
        proc.communicate(timeout=30)
    assert len(snapshot(db)) > 0  # the first writer's work is intact


def test_store_ingest_streams_a_100_mb_file_in_bounded_memory(tmp_path: Path) -> None:
    """Python-side memory (tracemalloc) stays a few MB while 100 MB of JSON Lines go through.

    DuckDB's own native memory is not traced here; see docs/store.md for what it does.
    """
    warm = write_batch(tmp_path / "warm.jsonl", 8, pad=13000)
    large = write_batch(tmp_path / "large.jsonl", 410, pad=13000)  # 410 articles of ~250 KB
    assert large.stat().st_size > 100_000_000
    settings = load_settings({"batch_size": 8}, environ={})
    with open_store(str(tmp_path / "large.duckdb")) as store:
        ingest(store, [str(warm)], settings, pipeline=StubPipeline())  # load what loads once
        tracemalloc.start()
        try:
            base, _ = tracemalloc.get_traced_memory()
            report = ingest(store, [str(large)], settings, pipeline=StubPipeline(batch_size=8))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert (report.read, report.new, report.unchanged) == (410, 402, 8)  # 8 were the warm-up
    assert not report.failures
    grew = (peak - base) / MB
    print(f"100 MB ingested; Python memory peaked {grew:.1f} MB above the start")
    # one batch of 8 articles of 250 KB, their JSON and rows: far below the 100 MB input
    assert grew < 25
