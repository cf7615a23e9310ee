"""The ``eventwire`` command: thin Typer wrappers over the library functions.

One handler (``main``) turns an ``EventwireError`` into one line on stderr and exit status
1; usage errors exit 2. No command holds logic the library lacks.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated, TextIO

import typer

from eventwire.cli_options import OutputOpt, QuietOpt, output, parse_day, settings_from_flags
from eventwire.cli_progress import progress_for
from eventwire.commands import register_all
from eventwire.errors import EventwireError
from eventwire.export.records import article_record
from eventwire.extract import ExtractReport, extract
from eventwire.ingest import InputFailure, InputNote
from eventwire.model import ArticleResult

app = typer.Typer(
    name="eventwire",
    help="Code news articles into verifiable PLOVER event records, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
knowledge_app = typer.Typer(
    help="Check and build eventwire's knowledge files.", no_args_is_help=True
)
app.add_typer(knowledge_app, name="knowledge")

ModelOpt = Annotated[
    str | None,
    typer.Option("--model", help="spaCy model name (setting 'model', env EVENTWIRE_MODEL)."),
]
MaxMbOpt = Annotated[
    float | None,
    typer.Option(
        "--max-article-mb",
        help="Refuse articles larger than this (setting 'max_article_mb', default 5).",
    ),
]


@app.command("extract")
def extract_command(
    paths: Annotated[
        list[str],
        typer.Argument(help="Text files, folders, JSON Lines files, or - for stdin."),
    ],
    reference_date: Annotated[
        str | None,
        typer.Option(
            "--reference-date",
            help="YYYY-MM-DD used to resolve 'July 20' when an article has no date.",
        ),
    ] = None,
    model: ModelOpt = None,
    output_path: OutputOpt = None,
    max_article_mb: MaxMbOpt = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, help="Processes coding in parallel (setting 'workers')."),
    ] = None,
    quiet: QuietOpt = False,
) -> None:
    """Code articles and write one JSON object per article (JSON Lines)."""
    settings = settings_from_flags(model=model, max_article_mb=max_article_mb, workers=workers)
    day = parse_day(reference_date, "--reference-date")
    report = ExtractReport()
    with output(output_path) as out, progress_for(quiet, "articles") as advance:
        for item in extract(paths, settings, reference_date=day):
            _handle(item, out, report)
            if isinstance(item, ArticleResult):
                advance(1, report.events, len(report.failures))
    if not quiet:
        typer.echo(
            f"{report.articles} articles, {report.events} events, "
            f"{len(report.failures)} failed inputs",
            err=True,
        )
    if report.failures:
        raise typer.Exit(1)


def _handle(item: object, out: TextIO, report: ExtractReport) -> None:
    if isinstance(item, ArticleResult):
        out.write(json.dumps(article_record(item), ensure_ascii=False) + "\n")
        report.articles += 1
        report.events += len(item.events)
    elif isinstance(item, InputFailure):
        report.failures.append(item)
        typer.echo(f"error: {item}", err=True)
    elif isinstance(item, InputNote):
        report.notes.append(item)
        typer.echo(f"note: {item}", err=True)


@knowledge_app.command("build")
def knowledge_build() -> None:
    """Build the compact gazetteer index now (otherwise it is built at first use)."""
    from eventwire.geo import Gazetteer

    settings = settings_from_flags()
    cache = Path(settings.cache_dir) if settings.cache_dir else None
    gazetteer = Gazetteer.load(cache, tuple(settings.gazetteer_overlay))
    typer.echo(f"gazetteer ready: {len(gazetteer)} places", err=True)


register_all(app)


@knowledge_app.command("check")
def knowledge_check(
    lexicon: Annotated[
        list[Path] | None, typer.Option("--lexicon", help="An extra lexicon file to check.")
    ] = None,
    actors: Annotated[
        list[Path] | None, typer.Option("--actors", help="An extra actor file to check.")
    ] = None,
    overlay: Annotated[
        list[Path] | None,
        typer.Option("--gazetteer-overlay", help="An extra gazetteer overlay CSV to check."),
    ] = None,
) -> None:
    """Validate the shipped and your own knowledge files: file, line and id of each problem."""
    from eventwire.knowledge import check_knowledge

    settings = settings_from_flags(lexicon=lexicon, actors=actors, gazetteer_overlay=overlay)
    problems = check_knowledge(settings)
    for problem in problems:
        typer.echo(f"error: {problem}", err=True)
    if problems:
        typer.echo(f"{len(problems)} problems in the knowledge files", err=True)
        raise typer.Exit(1)
    typer.echo("knowledge files are valid", err=True)


def main() -> None:
    """Entry point: usage errors exit 2 (click), eventwire's errors are one line and exit 1."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        app()
    except EventwireError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
