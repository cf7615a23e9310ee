"""``eventwire export``: events from ``extract`` output as CSV, JSON Lines, Parquet, GeoJSON,
PLOVER JSON or ACLED-style CSV (a thin wrapper over ``eventwire.export.exporter``)."""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

import typer

from eventwire.cli_options import (
    ActorOpt,
    BBoxOpt,
    CountryOpt,
    DbOpt,
    FactOpt,
    FromOpt,
    ModeOpt,
    RejectedOpt,
    SearchOpt,
    ToOpt,
    TypeOpt,
    event_filter,
    open_db,
)

FORMATS = ("csv", "jsonl", "parquet", "geojson", "plover", "acled")


def register(app: typer.Typer) -> None:
    app.command("export")(export_command)


def export_command(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help="JSON Lines files written by `eventwire extract` (- for stdin). Without "
            "inputs, the events in the store that the filters select."
        ),
    ] = None,
    db: DbOpt = None,
    type_: TypeOpt = None,
    mode: ModeOpt = None,
    actor: ActorOpt = None,
    country: CountryOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    bbox: BBoxOpt = None,
    factuality: FactOpt = None,
    search: SearchOpt = None,
    include_rejected: RejectedOpt = False,
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
    merged: Annotated[
        bool,
        typer.Option(
            "--merged", help="From the store: one record per story (see eventwire dedup)."
        ),
    ] = False,
) -> None:
    """Export events, one row (or feature, or record) per event: from the store, filtered
    like `eventwire events`, or from `eventwire extract` output files."""
    from eventwire.export.exporter import read_records

    if fmt not in FORMATS:
        raise typer.BadParameter(
            f"'{fmt}' is not one of {', '.join(FORMATS)}.", param_hint="--format"
        )
    if inputs:
        records = read_records(inputs)
        _export(records, fmt, output, quiet)
        return
    from eventwire.export.exporter import store_records

    where = event_filter(
        type_, mode, actor, country, date_from, date_to, bbox, factuality, search,
        include_rejected,
    )  # fmt: skip
    with open_db(db, read_only=True) as store:
        if merged:
            from eventwire.dedup.refresh import story_export_records

            _export(story_export_records(store, where), fmt, output, quiet)
            return
        _export(store_records(store, where), fmt, output, quiet)


def _export(records: Iterable[dict[str, Any]], fmt: str, output: Path | None, quiet: bool) -> None:
    from eventwire.export.exporter import ExportFormat, export_events

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
