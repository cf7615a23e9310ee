"""Commands over the event store: ingest, events, show, stats, correct, db migrate/info.

Thin wrappers: each parses flags, opens the store with ``eventwire.store.open_store`` and calls
one library function; rendering lives in ``eventwire.store.render``.
"""

from __future__ import annotations

import getpass
import json
import os
from typing import TYPE_CHECKING, Annotated

import typer

from eventwire.cli_options import (
    ActorOpt,
    BBoxOpt,
    CountryOpt,
    DbOpt,
    FactOpt,
    FromOpt,
    ModeOpt,
    OutputOpt,
    QuietOpt,
    RejectedOpt,
    SearchOpt,
    ToOpt,
    TypeOpt,
)
from eventwire.cli_options import (
    choice as _choice,
)
from eventwire.cli_options import (
    event_filter as _filter,
)
from eventwire.cli_options import (
    open_db as _open,
)
from eventwire.cli_options import (
    output as _output,
)
from eventwire.cli_options import (
    parse_day as _day,
)
from eventwire.cli_options import (
    settings_from_flags as _settings,
)

if TYPE_CHECKING:
    pass

FORMATS = ("table", "json", "jsonl", "csv")


def ingest_command(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Text, HTML, feed and JSON Lines files, folders, or - for stdin."),
    ] = None,
    db: DbOpt = None,
    recode: Annotated[
        bool,
        typer.Option(
            "--recode",
            help="Re-code with the current lexicon and model: the named inputs even if "
            "unchanged, or, without PATH, every stored article.",
        ),
    ] = False,
    reference_date: Annotated[
        str | None,
        typer.Option("--reference-date", help="YYYY-MM-DD for articles that carry no date."),
    ] = None,
    model: Annotated[str | None, typer.Option("--model", help="spaCy model name.")] = None,
    max_article_mb: Annotated[
        float | None, typer.Option("--max-article-mb", help="Refuse larger articles.")
    ] = None,
    engine: Annotated[
        str, typer.Option("--engine", help="local (this machine) or dask (a Dask cluster).")
    ] = "local",
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", min=1, help="Worker processes (local: default 1; dask: default 2)."
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler", help="tcp://HOST:PORT of a running Dask scheduler (--engine dask)."
        ),
    ] = None,
    staging: Annotated[
        str | None,
        typer.Option(
            "--staging",
            help="Folder for the Dask Parquet partitions (shared by all hosts with --scheduler).",
        ),
    ] = None,
    merge: Annotated[
        bool,
        typer.Option(
            "--merge/--no-merge",
            help="Then link duplicate articles and merge stories (eventwire dedup).",
        ),
    ] = True,
    quiet: QuietOpt = False,
) -> None:
    """Code articles and store them; unchanged articles are skipped, changed ones replaced."""
    from eventwire.cli_progress import progress_for
    from eventwire.store import IngestReport, ingest

    if not paths and not recode:
        raise typer.BadParameter("give at least one PATH, or --recode.", param_hint="PATHS")
    engine = _choice(engine, ("local", "dask"), "--engine")
    if scheduler and engine != "dask":
        raise typer.BadParameter("--scheduler needs --engine dask.", param_hint="--scheduler")
    if scheduler and workers is not None:
        raise typer.BadParameter("give --workers or --scheduler, not both.", param_hint="--workers")
    settings = _settings(db=db, model=model, max_article_mb=max_article_mb)
    day = _day(reference_date, "--reference-date")
    shown = [0]

    def problem(item: object) -> None:
        kind = "note" if type(item).__name__ == "InputNote" else "error"
        typer.echo(f"{kind}: {item}", err=True)

    with _open(settings.db, read_only=False) as store, progress_for(quiet, "articles") as advance:

        def tick(report: IngestReport) -> None:
            advance(report.done - shown[0], report.events, len(report.failures))
            shown[0] = report.done

        if engine == "dask":
            import logging
            from pathlib import Path

            from eventwire.scale.dask_engine import dask_ingest

            logging.getLogger("distributed").setLevel(logging.WARNING)  # its INFO chatter
            report = dask_ingest(
                store, paths or [], settings, workers=workers, scheduler=scheduler,
                staging=Path(staging) if staging else None, reference_date=day, recode=recode,
                on_progress=tick, on_problem=problem,
            )  # fmt: skip
        elif workers is not None and workers > 1:
            from eventwire.scale.local import LocalPool

            with LocalPool(settings, workers) as pool:
                report = ingest(
                    store, paths or [], settings, reference_date=day, recode=recode,
                    pipeline=pool, on_progress=tick, on_problem=problem,
                )  # fmt: skip
        else:
            report = ingest(
                store,
                paths or [],
                settings,
                reference_date=day,
                recode=recode,
                on_progress=tick,
                on_problem=problem,
            )
        if merge and report.coded:
            from eventwire.dedup.refresh import refresh

            merged = refresh(store)
            if not quiet:
                typer.echo(merged.summary(), err=True)
        where = store.where
    if not quiet:
        typer.echo(f"{report.summary()} -> {where}", err=True)
    if report.failures:
        raise typer.Exit(1)


def events_command(
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
    limit: Annotated[
        int | None, typer.Option("--limit", min=0, help="At most this many (table: 50).")
    ] = None,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Skip this many first.")] = 0,
    fmt: Annotated[str, typer.Option("--format", help="table, json, jsonl or csv.")] = "table",
    output: OutputOpt = None,
    merged: Annotated[
        bool,
        typer.Option(
            "--merged",
            help="One row per real-world event (story): reports of it in several articles "
            "merged, near-duplicate articles counted once (see eventwire dedup).",
        ),
    ] = False,
) -> None:
    """List stored events matching the filters, by date."""
    from rich.console import Console

    from eventwire.store import render

    fmt = _choice(fmt, FORMATS, "--format")
    if fmt == "table" and limit is None:
        limit = 50
    where = _filter(
        type_, mode, actor, country, date_from, date_to, bbox, factuality, search,
        include_rejected, limit, offset,
    )  # fmt: skip
    with _open(db, read_only=True) as store, _output(output) as out:
        if merged:
            from eventwire.dedup import refresh as stories

            if fmt == "table":
                found = stories.query_stories(store, where)
                console = Console(file=out, width=None if out.isatty() else 200)
                console.print(render.events_table(found))
                total = stories.count_stories(store, where)
                typer.echo(f"{len(found)} of {total} stories", err=True)
            elif fmt == "csv":
                render.write_csv(stories.iter_stories(store, where), out)
            elif fmt == "jsonl":
                render.write_jsonl(stories.iter_stories(store, where), out)
            else:
                render.write_json(stories.iter_stories(store, where), out)
            return
        if fmt == "table":
            events = store.query_events(where)
            total = store.count_events(where)
            console = Console(file=out, width=None if out.isatty() else 200)
            console.print(render.events_table(events))
            typer.echo(f"{len(events)} of {total} events", err=True)
        elif fmt == "csv":
            render.write_csv(store.iter_events(where), out)
        elif fmt == "jsonl":
            render.write_jsonl(store.iter_events(where), out)
        else:
            render.write_json(store.iter_events(where), out)


def show_command(
    event_id: Annotated[str, typer.Argument(help="The event id (ev-...).")],
    db: DbOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """Print one event: its sentence with the trigger highlighted, each field's span and rules."""
    from rich.console import Console

    from eventwire.store import render

    fmt = _choice(fmt, ("text", "json"), "--format")
    with _open(db, read_only=True) as store:
        event = store.get_event(event_id)
        if fmt == "json":
            typer.echo(json.dumps(event.to_json(), ensure_ascii=False, indent=2))
            return
        render.print_event(
            Console(), event, store.corrections(event_id), store.machine_record(event_id)
        )


def stats_command(
    db: DbOpt = None,
    type_: TypeOpt = None,
    country: CountryOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    include_rejected: RejectedOpt = False,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    output: OutputOpt = None,
) -> None:
    """Count stored events by type, country and month."""
    from rich.console import Console

    from eventwire.store import render

    fmt = _choice(fmt, ("table", "json"), "--format")
    where = _filter(
        type_, None, None, country, date_from, date_to, None, None, None, include_rejected
    )
    with _open(db, read_only=True) as store, _output(output) as out:
        stats = store.stats(where)
        if fmt == "json":
            out.write(json.dumps(stats.to_json(), indent=2) + "\n")
            return
        console = Console(file=out)
        for part in render.stats_tables(stats):
            console.print(part)


def correct_command(
    event_id: Annotated[str, typer.Argument(help="The event id (ev-...).")],
    changes: Annotated[
        list[str] | None,
        typer.Argument(
            help="FIELD=VALUE, e.g. type=PROTEST source.code=TURGOV date.value=2015-07-20."
        ),
    ] = None,
    reject: Annotated[bool, typer.Option("--reject", help="Mark the event as wrong.")] = False,
    restore: Annotated[bool, typer.Option("--restore", help="Undo a rejection.")] = False,
    by: Annotated[
        str | None, typer.Option("--by", help="Who corrects (default: your login name).")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="Why, for the record.")] = None,
    db: DbOpt = None,
) -> None:
    """Correct fields of an event, or reject it; kept with who and when, re-applied on re-coding."""
    if sum([bool(changes), reject, restore]) != 1:
        raise typer.BadParameter("give FIELD=VALUE changes, or --reject, or --restore.")
    author = by or os.environ.get("EVENTWIRE_USER") or _login()
    with _open(db, read_only=False) as store:
        if reject:
            event = store.reject(event_id, author=author, note=note)
        elif restore:
            event = store.restore(event_id, author=author, note=note)
        else:
            event = store.correct(event_id, changes or [], author=author, note=note)
    status = "rejected" if event.rejected else "corrected"
    typer.echo(f"{event.id}: {status} by {author}", err=True)


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


db_app = typer.Typer(help="Create, migrate and inspect the event store.", no_args_is_help=True)


@db_app.command("migrate")
def db_migrate(db: DbOpt = None) -> None:
    """Create the store or bring its schema to the current version."""
    from eventwire.store import connect, migrate, resolve_url

    backend = connect(resolve_url(_settings(db=db).db))
    try:
        applied = migrate(backend)
    finally:
        backend.close()
    done = ", ".join(str(v) for v in applied) if applied else "none (already current)"
    typer.echo(f"{backend.where}: migrations applied: {done}", err=True)


@db_app.command("info")
def db_info(db: DbOpt = None) -> None:
    """Print the store's location, backend, schema version and counts as JSON."""
    with _open(db, read_only=True) as store:
        typer.echo(json.dumps(store.info(), indent=2))


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
    app.command("events")(events_command)
    app.command("show")(show_command)
    app.command("stats")(stats_command)
    app.command("correct")(correct_command)
    app.add_typer(db_app, name="db")
