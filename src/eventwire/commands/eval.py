"""``eventwire eval``: score eventwire against gold sets (a thin wrapper over
``eventwire.evaluation``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer


def eval_command(
    gold: Annotated[
        list[Path],
        typer.Argument(
            help="Gold sets: a gold.yaml case, PLOVER type records (JSON Lines with 'type') "
            "or a geoparsing set (JSON Lines with 'toponyms').",
        ),
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object per set instead of tables.")
    ] = False,
    errors: Annotated[
        bool,
        typer.Option("--errors", help="List every error: which sentence, toponym or event."),
    ] = False,
    gold_spans: Annotated[
        bool,
        typer.Option("--gold-spans", help="Geoparsing: resolve the gold spans (resolution only)."),
    ] = False,
    literal_only: Annotated[
        bool,
        typer.Option("--literal-only", help="Geoparsing: score literal gold toponyms only."),
    ] = False,
    limit: Annotated[
        int | None,
        typer.Option("--limit", min=1, help="Only the first N records or documents of a set."),
    ] = None,
    half: Annotated[
        str | None,
        typer.Option(
            "--half",
            help="Score one half of a set: 'dev' (records at even positions, for developing "
            "rules) or 'held-out' (odd positions, for checking them).",
        ),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option("--model", help="spaCy model name (setting 'model', env EVENTWIRE_MODEL)."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Score eventwire against gold sets and print the figures as a table (or JSON)."""
    from rich.console import Console

    from eventwire.cli_progress import progress_for
    from eventwire.config import load_settings
    from eventwire.evaluation import (
        EvalOptions,
        SetKind,
        detect_kind,
        load_set,
        render,
        run_system,
        score,
        to_json,
    )

    if gold_spans and any(detect_kind(path) is not SetKind.GEO for path in gold):
        raise typer.BadParameter("--gold-spans applies to geoparsing sets only.")
    settings = load_settings({"model": model} if model else {})
    options = EvalOptions(gold_spans=gold_spans, literal_only=literal_only, limit=limit, half=half)
    sets = [load_set(path, options) for path in gold]  # every gold file is checked first
    console = Console()
    for gold_set in sets:
        with progress_for(quiet, gold_set.name, gold_set.size) as advance:
            run = run_system(gold_set, settings, options, lambda n: advance(n, 0, 0))
        report = score(gold_set, run, options)
        if as_json:
            typer.echo(json.dumps(to_json(report, errors), ensure_ascii=False))
        else:
            console.print(render(report, errors))


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
