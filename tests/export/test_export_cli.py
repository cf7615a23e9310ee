"""``eventwire export`` as a user runs it: on extract output files, on stdin, real pipeline."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from eventwire.config import load_settings
from eventwire.export.exporter import export_events, read_records
from eventwire.export.records import article_record
from eventwire.extract import extract
from eventwire.model import ArticleResult

from ..cli_run import run_cli
from .builders import EVENTS, records


@pytest.fixture
def extract_output(tmp_path: Path) -> Path:
    path = tmp_path / "out.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records()), encoding="utf-8")
    return path


def test_cli_export_csv_from_file_to_output(extract_output: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = run_cli("export", "--format", "csv", str(extract_output), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "5 events read, 5 written as csv" in result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["event_id"] for r in rows] == [e.id for e in EVENTS]


def test_cli_export_reads_stdin_and_writes_stdout(extract_output: Path) -> None:
    stdin = extract_output.read_text(encoding="utf-8")
    result = run_cli("export", "-", "--format", "geojson", "--quiet", stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert len(json.loads(result.stdout)["features"]) == 3


def test_cli_export_bad_input_is_one_line_and_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    result = run_cli("export", str(bad))
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        == f"error: {bad}:1: not JSON (Expecting property name enclosed in double quotes)."
    )


def test_cli_export_unknown_format_is_a_usage_error(extract_output: Path) -> None:
    result = run_cli("export", "--format", "shp", str(extract_output))
    assert result.returncode == 2
    assert "shp" in result.stderr


@pytest.mark.model
def test_cli_export_real_pipeline_to_every_format(tmp_path: Path) -> None:
    """Two articles through the real pipeline, then every format: the same events everywhere."""
    src = tmp_path / "articles.jsonl"
    articles = [
        {"id": "w1", "date": "2022-03-07", "url": "https://example.net/w1",
         "text": "Police fired tear gas at protesters in Nairobi on Monday."},
        {"id": "w2", "date": "2022-03-08",
         "text": "The two ministers will meet again next month."},
    ]  # fmt: skip
    src.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    coded = tmp_path / "coded.jsonl"
    results = [r for r in extract([str(src)], load_settings({})) if isinstance(r, ArticleResult)]
    assert len(results) == 2
    coded.write_text("".join(json.dumps(article_record(r)) + "\n" for r in results))
    events = [e for line in coded.read_text().splitlines() for e in json.loads(line)["events"]]
    assert events, "the pipeline found no event in the test sentences"
    outputs = {}
    for fmt in ("csv", "jsonl", "geojson", "plover", "acled", "parquet"):
        outputs[fmt] = tmp_path / f"events.{fmt}"
        export_events(read_records([str(coded)]), fmt, outputs[fmt])
    ids = [e["id"] for e in events]
    csv_ids = [r["event_id"] for r in csv.DictReader(io.StringIO(outputs["csv"].read_text()))]
    assert csv_ids == ids
    assert [json.loads(x)["id"] for x in outputs["jsonl"].read_text().splitlines()] == ids
    assert [json.loads(x)["id"] for x in outputs["plover"].read_text().splitlines()] == ids
    located = [e["id"] for e in events if e["location"] and e["location"]["lat"] is not None]
    features = json.loads(outputs["geojson"].read_text())["features"]
    assert [f["id"] for f in features] == located
    import duckdb

    count = duckdb.sql(f"SELECT count(*) FROM read_parquet('{outputs['parquet']}')").fetchall()
    assert count == [(len(ids),)]


@pytest.mark.model
def test_cli_export_from_the_store_with_filters(tmp_path: Path) -> None:
    source = tmp_path / "news.jsonl"
    source.write_text(
        json.dumps(
            {
                "id": "n1",
                "date": "2021-06-02",
                "text": "Rebels shelled an army base near Goma on Monday. "
                "Hundreds of students marched in Nairobi on Tuesday.",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "events.duckdb"
    assert run_cli("ingest", str(source), "--db", str(db), "--quiet").returncode == 0
    everything = run_cli("export", "--db", str(db), "--format", "csv", "--quiet")
    only_protests = run_cli(
        "export", "--db", str(db), "--format", "csv", "--type", "PROTEST", "--quiet"
    )
    assert everything.returncode == 0 and only_protests.returncode == 0, everything.stderr
    all_rows = list(csv.DictReader(io.StringIO(everything.stdout)))
    protest_rows = list(csv.DictReader(io.StringIO(only_protests.stdout)))
    assert {r["type"] for r in all_rows} >= {"ASSAULT", "PROTEST"}
    assert {r["type"] for r in protest_rows} == {"PROTEST"}
    assert all(r["article_id"] == "n1" for r in protest_rows)
