"""``export_events``: article records in, one export file out.

The input is any iterable of the contract's article records (``{"schema_version",
"article", "events", "places"}``): the lines ``eventwire extract`` writes (``read_records``)
or the same records rebuilt from the store. The output is one of ``ExportFormat``; every
format but Parquet goes to a text stream, Parquet to a file path.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from eventwire.errors import InputError, OutputError
from eventwire.export.acled import ACLED_COLUMNS, acled_row
from eventwire.export.flat import COLUMN_NAMES, EventItem, flat_row, iter_events
from eventwire.export.formats import write_csv, write_geojson, write_jsonl, write_parquet
from eventwire.export.mappings import (
    load_acled_map,
    load_cameo_map,
    load_country_names,
    load_plover_scale,
)
from eventwire.export.plover import plover_record

if TYPE_CHECKING:
    from eventwire.store import EventFilter, Store


class ExportFormat(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"
    PARQUET = "parquet"
    GEOJSON = "geojson"
    PLOVER = "plover"
    ACLED = "acled"


@dataclass
class ExportReport:
    """Counts of one export: events read, rows written, events left out (and why)."""

    format: ExportFormat
    events: int = 0
    written: int = 0
    skipped: int = 0

    def summary(self) -> str:
        text = f"{self.events} events read, {self.written} written as {self.format.value}"
        if self.skipped:
            why = {
                ExportFormat.GEOJSON: "without coordinates",
                ExportFormat.ACLED: "outside ACLED's scope",
            }.get(self.format, "")
            text += f", {self.skipped} skipped {why}".rstrip()
        return text


def export_events(
    records: Iterable[Mapping[str, Any]], fmt: ExportFormat | str, out: TextIO | Path
) -> ExportReport:
    """Write every event of ``records`` to ``out`` in format ``fmt``.

    ``out`` is a text stream, or a path (required for Parquet, which is binary).
    """
    fmt = ExportFormat(fmt)
    report = ExportReport(fmt)
    items = _counted(iter_events(records), report)
    if fmt is ExportFormat.PARQUET:
        if not isinstance(out, Path):
            raise OutputError("Parquet is a binary format: give an output file (-o FILE).")
        report.written = write_parquet(_flat_rows(items), out)
    elif isinstance(out, Path):
        try:
            fh = out.open("w", encoding="utf-8", newline="")
        except OSError as exc:
            raise OutputError(f"{out}: cannot write the output ({exc.strerror}).") from exc
        with fh:
            _write_text(items, fmt, fh, report)
    else:
        _write_text(items, fmt, out, report)
    if fmt is not ExportFormat.GEOJSON:
        report.skipped = report.events - report.written
    return report


def _write_text(
    items: Iterable[EventItem], fmt: ExportFormat, out: TextIO, report: ExportReport
) -> None:
    if fmt is ExportFormat.CSV:
        report.written = write_csv(_flat_rows(items), COLUMN_NAMES, out)
    elif fmt is ExportFormat.JSONL:
        report.written = write_jsonl((event_line(item) for item in items), out)
    elif fmt is ExportFormat.GEOJSON:
        report.written, report.skipped = write_geojson(_flat_rows(items), out)
    elif fmt is ExportFormat.PLOVER:
        cameo, scale, countries = load_cameo_map(), load_plover_scale(), load_country_names()
        plover = (plover_record(item, cameo, scale, countries) for item in items)
        report.written = write_jsonl(plover, out)
    elif fmt is ExportFormat.ACLED:
        acled, countries = load_acled_map(), load_country_names()
        rows = (acled_row(item, acled, countries) for item in items)
        report.written = write_csv((r for r in rows if r is not None), ACLED_COLUMNS, out)


def event_line(item: EventItem) -> dict[str, Any]:
    """The JSON Lines export's object: the event record with its article's id, URL and date."""
    a = item.article
    line: dict[str, Any] = {"article_id": a.get("id")}
    if a.get("url"):
        line["article_url"] = a["url"]
    line["article_date"] = a.get("date")
    line.update(item.event)
    return line


def _flat_rows(items: Iterable[EventItem]) -> Iterator[dict[str, Any]]:
    cameo = load_cameo_map()
    for item in items:
        yield flat_row(item, cameo)


def _counted(items: Iterator[EventItem], report: ExportReport) -> Iterator[EventItem]:
    for item in items:
        report.events += 1
        yield item


def read_records(paths: Sequence[str]) -> Iterator[dict[str, Any]]:
    """The article records of ``eventwire extract`` output files (``-`` or none: stdin)."""
    for path in paths or ["-"]:
        if path == "-":
            yield from _records(sys.stdin, "<stdin>")
            continue
        try:
            with Path(path).open(encoding="utf-8") as fh:
                yield from _records(fh, path)
        except OSError as exc:
            raise InputError(path, f"cannot read ({exc.strerror}).") from exc


def _records(lines: Iterable[str], source: str) -> Iterator[dict[str, Any]]:
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{source}:{n}", f"not JSON ({exc.msg}).") from None
        if not isinstance(record, dict) or "article" not in record or "events" not in record:
            raise InputError(
                f"{source}:{n}",
                "not an eventwire article record. Export reads what `eventwire extract` "
                "writes: one object with 'article' and 'events' per line.",
            )
        yield record


def store_records(store: Store, where: EventFilter) -> Iterator[dict[str, Any]]:
    """Article records of the stored events a filter selects (corrections applied, rejected
    events left out unless the filter asks for them), one record per run of events of the same
    article, so exports read the store the way they read ``extract`` output."""
    article_id: str | None = None
    events: list[dict[str, Any]] = []
    for stored in store.iter_events(where):
        if stored.article_id != article_id and events:
            yield _article_record(store, article_id, events)
            events = []
        article_id = stored.article_id
        events.append(stored.record)
    if events:
        yield _article_record(store, article_id, events)


def _article_record(
    store: Store, article_id: str | None, events: list[dict[str, Any]]
) -> dict[str, Any]:
    article = store.get_article(article_id) if article_id else None
    head: dict[str, Any] = {"id": article_id}
    if article is not None:
        head.update(
            title=article.title,
            url=article.url,
            date=article.date.isoformat() if article.date else None,
            reference_date=article.reference_date.isoformat(),
        )
    return {"article": head, "events": events, "places": []}
