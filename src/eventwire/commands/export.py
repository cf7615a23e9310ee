"""``eventwire export``: events from ``extract`` output as CSV, JSON Lines, Parquet, GeoJSON,
PLOVER JSON or ACLED-style CSV (a thin wrapper over ``eventwire.export.exporter``)."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

FORMATS = ("csv", "jsonl", "parquet", "geojson", "plover", "acled")


def register(app: typer.Typer) -> None:
    app.command("export")(export_command)


def export_command(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(help="JSON Lines files written by `eventwire extract` (none or -: stdin)."),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="csv | jsonl | parquet | geojson | plover (PLOVER JSON Lines) | acled "
            "(ACLED-style CSV). Columns and maps: docs/export.md.",
        ),
    ] = "csv",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
) -> None:
    """Export every event of the inputs, one row (or feature, or record) per event."""
    from eventwire.export.exporter import ExportFormat, export_events, read_records

    if fmt not in FORMATS:
        raise typer.BadParameter(
            f"'{fmt}' is not one of {', '.join(FORMATS)}.", param_hint="--format"
        )
    records = read_records(inputs or [])
    if output is None and fmt == ExportFormat.PARQUET:
        with tempfile.TemporaryDirectory(prefix="eventwire-export-") as tmp:
            staged = Path(tmp) / "events.parquet"
            report = export_events(records, fmt, staged)
            with staged.open("rb") as fh:
                shutil.copyfileobj(fh, sys.stdout.buffer)
            sys.stdout.buffer.flush()
    else:
        report = export_events(records, fmt, output if output is not None else sys.stdout)
    if not quiet:
        typer.echo(report.summary(), err=True)
