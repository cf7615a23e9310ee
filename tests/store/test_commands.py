"""The store commands as a user runs them: events, show, stats, correct, db, and their errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.store.migrations import LATEST

from ..cli_run import run_cli
from .helpers import ARTICLES, write_jsonl

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    path = folder / "events.duckdb"
    batch = write_jsonl(folder / "in.jsonl", ARTICLES)
    subprocess.run(
        [sys.executable, "-m", "tests.store.stub", str(path), str(batch)],
        cwd=ROOT, check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return path


def test_store_cli_events_json_csv_and_filters(db: Path, tmp_path: Path) -> None:
    done = run_cli("events", "--db", str(db), "--type", "assault", "--country", "IRQ",
                   "--format", "jsonl")  # fmt: skip
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert {r["article_id"] for r in records} == {"a1", "a3"}
    assert all(r["type"] == "ASSAULT" for r in records)
    out = tmp_path / "events.csv"
    done = run_cli(
        "events", "--db", str(db), "--search", "geneva", "--format", "csv", "-o", str(out)
    )
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["type"] for r in rows] == ["CONSULT"] and rows[0]["article_id"] == "a1"
    done = run_cli("events", "--db", str(db), "--bbox", "40,30,50,40", "--format", "json")
    assert {r["article_id"] for r in json.loads(done.stdout)} == {"a1", "a3"}
    table = run_cli("events", "--db", str(db), "--limit", "2")
    assert table.returncode == 0 and "2 of 5 events" in table.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["events", "--type", "RIOT"],
        ["events", "--bbox", "1,2,3"],
        ["events", "--from", "July 20"],
        ["events", "--format", "xml"],
        ["stats", "--format", "csv"],
    ],
)
def test_store_cli_bad_flags_are_usage_errors(db: Path, args: list[str]) -> None:
    done = run_cli(*args, "--db", str(db))
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_store_cli_show_stats_and_correct(db: Path) -> None:
    listed = run_cli("events", "--db", str(db), "--actor", "militants", "--format", "jsonl")
    event_id = json.loads(listed.stdout)["id"]
    shown = run_cli("show", event_id, "--db", str(db))
    assert shown.returncode == 0, shown.stderr
    assert "Militants attacked a convoy near Mosul at dawn." in shown.stdout
    assert "stub.attacked" in shown.stdout and '"Mosul" [' in shown.stdout

    fixed = run_cli("correct", event_id, "type=PROTEST", "fatalities=2", "--by", "ana",
                    "--note", "a sit-in", "--db", str(db))  # fmt: skip
    assert fixed.returncode == 0, fixed.stderr
    shown = run_cli("show", event_id, "--db", str(db))
    assert "ana" in shown.stdout and "a sit-in" in shown.stdout and "ASSAULT" in shown.stdout
    as_json = json.loads(run_cli("show", event_id, "--db", str(db), "--format", "json").stdout)
    assert as_json["type"] == "PROTEST" and as_json["review"]["corrections"][0]["by"] == "ana"

    stats = json.loads(run_cli("stats", "--db", str(db), "--format", "json").stdout)
    assert stats["by_type"]["PROTEST"] == 2 and stats["corrections"] == 2
    rejected = run_cli("correct", event_id, "--reject", "--by", "ana", "--db", str(db))
    assert rejected.returncode == 0
    stats = json.loads(run_cli("stats", "--db", str(db), "--format", "json").stdout)
    assert stats["events"] == 4 and stats["rejected"] == 1
    table = run_cli("stats", "--db", str(db))
    assert "by month" in table.stdout and "2016-10" in table.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "ev-missing"], "no event 'ev-missing'"),
        (["correct", "ev-missing", "type=PROTEST", "--by", "x"], "no event 'ev-missing'"),
    ],
)
def test_store_cli_errors_are_one_line(db: Path, args: list[str], message: str) -> None:
    done = run_cli(*args, "--db", str(db))
    assert done.returncode == 1 and message in done.stderr and "Traceback" not in done.stderr


def test_store_cli_missing_database_says_what_to_do(tmp_path: Path) -> None:
    done = run_cli("events", "--db", str(tmp_path / "none.duckdb"))
    assert done.returncode == 1 and "eventwire ingest" in done.stderr
    assert not (tmp_path / "none.duckdb").exists()


def test_store_cli_db_migrate_and_info(tmp_path: Path) -> None:
    path = tmp_path / "new.duckdb"
    first = run_cli("db", "migrate", "--db", str(path))
    assert first.returncode == 0 and "applied: 1, 2" in first.stderr
    again = run_cli("db", "migrate", "--db", str(path))
    assert "none (already current)" in again.stderr
    info = json.loads(run_cli("db", "info", "--db", str(path)).stdout)
    assert info["schema_version"] == LATEST and info["articles"] == 0


def test_store_cli_ingest_needs_paths_or_recode(tmp_path: Path) -> None:
    done = run_cli("ingest", "--db", str(tmp_path / "x.duckdb"))
    assert done.returncode == 2
