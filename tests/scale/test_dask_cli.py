"""`eventwire ingest --engine dask` as a user runs it: stores, then a re-run adds nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_run import run_cli
from tests.scale.articles import template_articles


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--engine", "spark"], "choose one of local, dask"),
        (["--scheduler", "tcp://127.0.0.1:1"], "needs --engine dask"),
        (["--engine", "dask", "--workers", "2", "--scheduler", "tcp://h:1"], "not both"),
    ],
)
def test_scale_cli_rejects_bad_engine_flags(args: list[str], message: str, tmp_path: Path) -> None:
    done = run_cli("ingest", "--db", str(tmp_path / "e.duckdb"), *args, str(tmp_path))
    assert done.returncode == 2 and message in " ".join(done.stderr.split())


@pytest.mark.model
def test_scale_cli_dask_ingest_is_idempotent(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "".join(
            json.dumps({"id": a.id, "text": a.text, "date": "2016-03-10"}) + "\n"
            for a in template_articles(24)
        )
    )
    db = str(tmp_path / "e.duckdb")
    first = run_cli("ingest", "--engine", "dask", "--workers", "1", str(feed), "--db", db)
    assert first.returncode == 0, first.stderr
    assert "24 new" in first.stderr and "INFO" not in first.stderr
    again = run_cli("ingest", "--engine", "dask", str(feed), "--db", db)
    assert again.returncode == 0 and "0 new" in again.stderr and "24 unchanged" in again.stderr
    info = json.loads(run_cli("db", "info", "--db", db).stdout)
    assert info["articles"] == 24
