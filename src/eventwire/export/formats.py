"""The file formats: CSV, JSON Lines, Parquet, GeoJSON, PLOVER JSON Lines, ACLED-style CSV.

Each writer takes an iterable of rows or records and streams them out, so an export of the
whole store never holds it in memory. Parquet goes through DuckDB (already a dependency):
rows are staged as JSON Lines in a temporary folder and DuckDB's ``COPY ... (FORMAT
parquet)`` writes them with the column types of ``flat.COLUMNS``.
"""

from __future__ import annotations

import csv
import json
import math
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

from eventwire.errors import OutputError
from eventwire.export.flat import COLUMNS, joined


def write_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], out: TextIO) -> int:
    """CSV with a header line; list values are joined with ``;``. Returns the row count."""
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(joined(row))
        n += 1
    return n


def write_jsonl(records: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    """One JSON object per line (UTF-8, not ASCII-escaped). Returns the record count."""
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def point_feature(row: Mapping[str, Any]) -> dict[str, Any] | None:
    """A GeoJSON Point feature for a flat row, or None when it has no valid coordinates.

    RFC 7946: coordinates are [longitude, latitude] in WGS 84 degrees.
    """
    lat, lon = row.get("location_lat"), row.get("location_lon")
    if not isinstance(lat, int | float) or not isinstance(lon, int | float):
        return None
    if not _is_number(lat) or not _is_number(lon):
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return {
        "type": "Feature",
        "id": row.get("event_id"),
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": joined(row),
    }


def write_geojson(rows: Iterable[Mapping[str, Any]], out: TextIO) -> tuple[int, int]:
    """A FeatureCollection, one feature per line. Returns (written, skipped without a point)."""
    written = skipped = 0
    out.write('{"type": "FeatureCollection", "features": [\n')
    for row in rows:
        feature = point_feature(row)
        if feature is None:
            skipped += 1
            continue
        out.write((",\n" if written else "") + json.dumps(feature, ensure_ascii=False))
        written += 1
    out.write("\n]}\n")
    return written, skipped


def write_parquet(rows: Iterable[Mapping[str, Any]], path: Path) -> int:
    """A Parquet file with the typed ``COLUMNS`` (DATE, DOUBLE, VARCHAR[]...). Returns rows."""
    import duckdb

    n = 0
    with tempfile.TemporaryDirectory(prefix="eventwire-export-") as tmp:
        staging = Path(tmp) / "rows.jsonl"
        with staging.open("w", encoding="utf-8") as fh:
            n = write_jsonl(rows, fh)
        columns = ", ".join(f"{_literal(name)}: {_literal(kind)}" for name, kind in COLUMNS)
        names = ", ".join(f'"{name}"' for name, _ in COLUMNS)
        query = (
            f"COPY (SELECT {names} FROM read_json({_literal(str(staging))}, "
            f"format = 'newline_delimited', columns = {{{columns}}})) "
            f"TO {_literal(str(path))} (FORMAT parquet)"
        )
        con = duckdb.connect()
        try:
            con.execute(query)
        except duckdb.IOException as exc:
            raise OutputError(f"{path}: cannot write the Parquet file ({exc}).") from exc
        finally:
            con.close()
    return n


def _literal(text: str) -> str:
    """A SQL string literal (DuckDB's COPY takes no parameters for file names)."""
    return "'" + text.replace("'", "''") + "'"


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
