"""Options and helpers shared by the CLI commands: settings from flags, dates, output files,
the store and the event filters (the same flags for ``events``, ``stats`` and ``export``)."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from eventwire.config import Settings, load_settings
from eventwire.errors import OutputError

if TYPE_CHECKING:
    from eventwire.store import EventFilter, Store

DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="DuckDB file or postgresql:// URL (setting 'db', env EVENTWIRE_DB; default "
        "<user data dir>/eventwire/events.duckdb).",
    ),
]
OutputOpt = Annotated[
    Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]


def settings_from_flags(**flags: Any) -> Settings:
    return load_settings({k: v for k, v in flags.items() if v is not None})


def parse_day(value: str | None, flag: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"'{value}' is not a date: write YYYY-MM-DD.", param_hint=flag
        ) from None


def choice(value: str, choices: tuple[str, ...], flag: str) -> str:
    if value not in choices:
        raise typer.BadParameter(f"'{value}': choose one of {', '.join(choices)}.", param_hint=flag)
    return value


@contextmanager
def output(path: Path | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    try:
        fh = path.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise OutputError(f"{path}: cannot write the output ({exc.strerror}).") from exc
    with fh:
        yield fh


def open_db(db: str | None, *, read_only: bool) -> Store:
    from eventwire.store import is_postgres_url, open_store

    url = settings_from_flags(db=db).db
    # DuckDB readers open the file read-only so several can share it
    return open_store(url, read_only=read_only and not is_postgres_url(url or ""))


def event_filter(
    type_: list[str] | None,
    mode: list[str] | None,
    actor: str | None,
    country: list[str] | None,
    date_from: str | None,
    date_to: str | None,
    bbox: str | None,
    factuality: list[str] | None,
    search: str | None,
    include_rejected: bool,
    limit: int | None = None,
    offset: int = 0,
) -> EventFilter:
    from eventwire.model import Factuality, Plover
    from eventwire.store import BBox, EventFilter

    def split(values: list[str] | None) -> tuple[str, ...]:
        return tuple(v.strip() for item in values or [] for v in item.split(",") if v.strip())

    try:
        types = tuple(Plover(t.upper()) for t in split(type_))
    except ValueError:
        raise typer.BadParameter(
            f"choose PLOVER types from {', '.join(p.value for p in Plover)}.", param_hint="--type"
        ) from None
    try:
        facts = tuple(Factuality(f.lower()) for f in split(factuality))
    except ValueError:
        raise typer.BadParameter(
            f"choose from {', '.join(f.value for f in Factuality)}.", param_hint="--factuality"
        ) from None
    try:
        box = BBox.parse(bbox) if bbox else None
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--bbox") from None
    return EventFilter(
        types=types,
        modes=split(mode),
        actor=actor,
        countries=split(country),
        date_from=parse_day(date_from, "--from"),
        date_to=parse_day(date_to, "--to"),
        bbox=box,
        factuality=facts,
        search=search,
        include_rejected=include_rejected,
        limit=limit,
        offset=offset,
    )


TypeOpt = Annotated[
    list[str] | None, typer.Option("--type", help="PLOVER type(s), e.g. PROTEST,ASSAULT.")
]
ModeOpt = Annotated[list[str] | None, typer.Option("--mode", help="PLOVER mode(s).")]
ActorOpt = Annotated[
    str | None, typer.Option("--actor", help="Source or target: a code (TURGOV) or part of a name.")
]
CountryOpt = Annotated[
    list[str] | None, typer.Option("--country", help="Country of the event location (ISO alpha-3).")
]
FromOpt = Annotated[
    str | None, typer.Option("--from", help="Events on or after YYYY-MM-DD (undated ones drop).")
]
ToOpt = Annotated[str | None, typer.Option("--to", help="Events on or before YYYY-MM-DD.")]
BBoxOpt = Annotated[
    str | None, typer.Option("--bbox", help="minlon,minlat,maxlon,maxlat of the location.")
]
FactOpt = Annotated[
    list[str] | None,
    typer.Option("--factuality", help="asserted, intended, hypothetical and/or negated."),
]
SearchOpt = Annotated[
    str | None, typer.Option("--search", help="Full-text search of the evidence sentence.")
]
RejectedOpt = Annotated[
    bool, typer.Option("--include-rejected", help="Also list events analysts rejected.")
]
