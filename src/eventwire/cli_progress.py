"""A rich progress bar on stderr, shown only on a terminal and never with --quiet."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

Advance = Callable[[int, int, int], None]


@contextmanager
def progress_for(quiet: bool, what: str, total: int | None = None) -> Iterator[Advance]:
    """Yield ``advance(done, events, failures)``; a no-op when quiet or not on a TTY."""
    if quiet or not sys.stderr.isatty():
        yield lambda done, events, failures: None
        return
    columns = (
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TextColumn("events {task.fields[events]}  failed {task.fields[failures]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=False) as progress:
        task = progress.add_task(what, total=total, events=0, failures=0, rate="")

        def advance(done: int, events: int, failures: int) -> None:
            progress.update(task, advance=done, events=events, failures=failures)
            elapsed = progress.tasks[0].elapsed or 0.0
            if elapsed > 0:
                rate = progress.tasks[0].completed / elapsed
                progress.update(task, rate=f"{rate:.1f} {what}/s")

        yield advance
