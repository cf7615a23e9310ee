"""Every export format round-trips through the reader its users have (csv, json, DuckDB)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import duckdb
import pytest

from eventwire.errors import InputError, OutputError
from eventwire.export.exporter import ExportFormat, export_events, read_records
from eventwire.export.flat import COLUMN_NAMES

from .builders import EVENTS, records


def export_text(fmt: str, recs: list[dict[str, Any]] | None = None) -> str:
    out = io.StringIO()
    export_events(recs if recs is not None else records(), fmt, out)
    return out.getvalue()


def csv_rows() -> dict[str, dict[str, str]]:
    rows = list(csv.DictReader(io.StringIO(export_text("csv"))))
    return {row["event_id"]: row for row in rows}


def test_export_csv_has_one_row_per_event_in_column_order() -> None:
    reader = csv.DictReader(io.StringIO(export_text("csv")))
    assert tuple(reader.fieldnames or ()) == COLUMN_NAMES
    assert [row["event_id"] for row in reader] == [e.id for e in EVENTS]


@pytest.mark.parametrize(
    ("event_id", "column", "value"),
    [
        ("ev-1", "source_code", "NGAMIL"),
        ("ev-1", "source_country", "NGA"),
        ("ev-1", "source_sector", "MIL"),
        ("ev-1", "target_sector", "AGR"),
        ("ev-1", "target_text", "farmers"),
        ("ev-1", "location_name", "Maiduguri"),
        ("ev-1", "location_country", "NGA"),
        ("ev-1", "location_lat", "11.84692"),
        ("ev-1", "location_lon", "13.15712"),
        ("ev-1", "date_value", "2021-05-09"),
        ("ev-1", "date_precision", "day"),
        ("ev-1", "fatalities", "3"),
        ("ev-1", "trigger", "shot"),
        ("ev-1", "evidence", "Soldiers shot three farmers in Maiduguri on Sunday."),
        ("ev-1", "article_id", "art-1"),
        ("ev-1", "article_url", "https://www.example.org/news/1"),
        ("ev-1", "confidence", "0.9"),
        ("ev-1", "rules", "assault.test;arg.subject"),
        ("ev-1", "cameo", "193"),  # mode-level CAMEO code
        ("ev-4", "cameo", "03"),  # the lexicon's root code
        ("ev-4", "date_value", ""),
        ("ev-4", "date_from", "2021-05-03"),
        ("ev-4", "date_to", "2021-05-09"),
        ("ev-4", "date_precision", "week"),
        ("ev-4", "target_code", "PER"),
        ("ev-4", "location_name", ""),
        ("ev-5", "factuality", "negated"),
        ("ev-5", "target_code", ""),
    ],
)
def test_export_csv_flattens_actor_date_and_place_columns(
    event_id: str, column: str, value: str
) -> None:
    assert csv_rows()[event_id][column] == value


def test_export_jsonl_is_one_event_per_line_with_its_article() -> None:
    lines = [json.loads(line) for line in export_text("jsonl").splitlines()]
    assert [line["id"] for line in lines] == [e.id for e in EVENTS]
    assert [line["article_id"] for line in lines] == ["art-1"] * 3 + ["art-2"] * 2
    original = records()[0]["events"][0]
    assert {k: lines[0][k] for k in original} == original


def test_export_geojson_is_points_in_lon_lat_order() -> None:
    doc = json.loads(export_text("geojson"))
    assert doc["type"] == "FeatureCollection"
    assert "crs" not in doc  # RFC 7946 removed it: WGS 84 only
    features = {f["id"]: f for f in doc["features"]}
    for feature in doc["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["properties"]["event_id"] == feature["id"]
    # Santiago: longitude about -70.6, latitude about -33.5
    assert features["ev-3"]["geometry"]["coordinates"] == [-70.64827, -33.45694]
    assert features["ev-1"]["properties"]["source_country"] == "NGA"


def test_export_event_without_location_is_in_csv_but_not_in_geojson() -> None:
    doc = json.loads(export_text("geojson"))
    assert {f["id"] for f in doc["features"]} == {"ev-1", "ev-2", "ev-3"}
    assert {"ev-4", "ev-5"} <= set(csv_rows())


def test_export_geojson_report_counts_skipped_events() -> None:
    report = export_events(records(), "geojson", io.StringIO())
    assert (report.events, report.written, report.skipped) == (5, 3, 2)
    assert "2 skipped without coordinates" in report.summary()


def test_export_parquet_reads_back_in_duckdb_with_types(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    report = export_events(records(), ExportFormat.PARQUET, path)
    assert report.written == 5
    con = duckdb.connect()
    try:
        rel = f"read_parquet('{path}')"
        count = con.execute(f"SELECT count(*) FROM {rel}").fetchone()
        assert count == (5,)
        described = con.execute(f"DESCRIBE SELECT * FROM {rel}").fetchall()
        types = {name: kind for name, kind, *_ in described}
        assert list(types) == list(COLUMN_NAMES)
        assert types["date_value"] == "DATE"
        assert types["location_lat"] == "DOUBLE"
        assert types["fatalities"] == "INTEGER"
        assert types["rules"] == "VARCHAR[]"
        row = con.execute(
            f"SELECT date_value, location_lon, fatalities, rules FROM {rel} WHERE event_id = 'ev-1'"
        ).fetchone()
    finally:
        con.close()
    assert row is not None
    assert str(row[0]) == "2021-05-09"
    assert row[1] == pytest.approx(13.15712)
    assert row[2] == 3
    assert row[3] == ["assault.test", "arg.subject"]


def test_export_parquet_of_nothing_is_an_empty_table(tmp_path: Path) -> None:
    path = tmp_path / "none.parquet"
    export_events([], "parquet", path)
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{path}')").fetchall() == [(0,)]


def test_export_parquet_needs_a_file() -> None:
    with pytest.raises(OutputError, match="-o FILE"):
        export_events(records(), "parquet", io.StringIO())


def test_export_writes_to_a_path(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    export_events(records(), "csv", path)
    assert len(path.read_text(encoding="utf-8").splitlines()) == 1 + len(EVENTS)


def test_export_rejects_an_unknown_format() -> None:
    with pytest.raises(ValueError, match="shapefile"):
        export_events(records(), "shapefile", io.StringIO())


def test_export_rejects_a_record_that_is_not_an_article_record() -> None:
    with pytest.raises(InputError, match="record 1"):
        export_events([{"id": "x"}], "csv", io.StringIO())


def test_read_records_names_file_and_line_of_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    good = json.dumps(records()[0])
    path.write_text(f"{good}\n\n{{not json\n", encoding="utf-8")
    reader = read_records([str(path)])
    assert next(reader)["article"]["id"] == "art-1"
    with pytest.raises(InputError, match=r"out\.jsonl:3: not JSON"):
        next(reader)


def test_read_records_refuses_articles_that_were_not_coded(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text('{"id": "a1", "text": "Hello."}\n', encoding="utf-8")
    with pytest.raises(InputError, match="eventwire extract"):
        list(read_records([str(path)]))
