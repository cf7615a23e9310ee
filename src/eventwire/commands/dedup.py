"""``eventwire dedup``: link near-duplicate articles and merge stories in the store."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from eventwire.cli_options import DbOpt, open_db


def register(app: typer.Typer) -> None:
    app.command("dedup")(dedup_command)


def dedup_command(
    db: DbOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """Link near-duplicate articles (MinHash) and merge events into stories, for
    `eventwire events --merged` and `eventwire export --merged` (ingest runs it too)."""
    from dataclasses import asdict

    from eventwire.cli_options import choice
    from eventwire.dedup.refresh import refresh

    fmt = choice(fmt, ("text", "json"), "--format")
    with open_db(db, read_only=False) as store:
        report = refresh(store)
    if fmt == "json":
        typer.echo(json.dumps(asdict(report), indent=2))
    else:
        typer.echo(report.summary(), err=True)
