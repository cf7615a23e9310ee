"""One flat row per event: the columns of the CSV, Parquet and GeoJSON exports.

Exports read the contract's article records (``records.article_record`` output, or the same
dicts rebuilt from the store), so the field names are those of ``../CONTRACT.md``. This module
is where nested actors, dates and places become ``source_country``, ``date_from``,
``location_lat`` columns; ``COLUMNS`` fixes their order and their types (DuckDB names, used
for the Parquet schema).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from eventwire.errors import InputError
from eventwire.export.mappings import CameoMap

# (name, DuckDB type). List columns are joined with ";" in CSV and GeoJSON.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "VARCHAR"),
    ("article_id", "VARCHAR"),
    ("article_url", "VARCHAR"),
    ("article_title", "VARCHAR"),
    ("article_date", "DATE"),
    ("type", "VARCHAR"),
    ("mode", "VARCHAR"),
    ("context", "VARCHAR[]"),
    ("cameo", "VARCHAR"),
    ("source_code", "VARCHAR"),
    ("source_name", "VARCHAR"),
    ("source_country", "VARCHAR"),
    ("source_sector", "VARCHAR"),
    ("source_text", "VARCHAR"),
    ("target_code", "VARCHAR"),
    ("target_name", "VARCHAR"),
    ("target_country", "VARCHAR"),
    ("target_sector", "VARCHAR"),
    ("target_text", "VARCHAR"),
    ("factuality", "VARCHAR"),
    ("attributed_to", "VARCHAR"),
    ("date_value", "DATE"),
    ("date_from", "DATE"),
    ("date_to", "DATE"),
    ("date_precision", "VARCHAR"),
    ("date_text", "VARCHAR"),
    ("location_name", "VARCHAR"),
    ("location_mention", "VARCHAR"),
    ("location_country", "VARCHAR"),
    ("location_admin1", "VARCHAR"),
    ("location_lat", "DOUBLE"),
    ("location_lon", "DOUBLE"),
    ("location_precision", "VARCHAR"),
    ("location_geonameid", "BIGINT"),
    ("fatalities", "INTEGER"),
    ("fatalities_text", "VARCHAR"),
    ("trigger", "VARCHAR"),
    ("trigger_start", "INTEGER"),
    ("trigger_end", "INTEGER"),
    ("evidence", "VARCHAR"),
    ("evidence_start", "INTEGER"),
    ("evidence_end", "INTEGER"),
    ("confidence", "DOUBLE"),
    ("rules", "VARCHAR[]"),
)
COLUMN_NAMES: tuple[str, ...] = tuple(name for name, _ in COLUMNS)
LIST_SEPARATOR = ";"


@dataclass(frozen=True, slots=True)
class EventItem:
    """One event with the article it came from (both as contract JSON dicts)."""

    article: Mapping[str, Any]
    event: Mapping[str, Any]


def iter_events(records: Iterable[Mapping[str, Any]]) -> Iterator[EventItem]:
    """Every event of every article record, in order."""
    for n, record in enumerate(records, 1):
        article = record.get("article") if isinstance(record, Mapping) else None
        events = record.get("events") if isinstance(record, Mapping) else None
        if not isinstance(article, Mapping) or not isinstance(events, list):
            raise InputError(
                f"record {n}",
                "not an eventwire article record (expected an object with 'article' and "
                "'events', as `eventwire extract` writes).",
            )
        for event in events:
            yield EventItem(article, event)


def flat_row(item: EventItem, cameo: CameoMap) -> dict[str, Any]:
    """The event as one flat row with the ``COLUMNS`` names; lists stay lists."""
    a, e = item.article, item.event
    date = e.get("date") or {}
    loc = e.get("location") or {}
    trigger = e.get("trigger") or {}
    evidence = e.get("evidence") or {}
    attributed = e.get("attributed_to") or {}
    row: dict[str, Any] = {
        "event_id": e.get("id"),
        "article_id": a.get("id"),
        "article_url": a.get("url"),
        "article_title": a.get("title"),
        "article_date": iso_day(a.get("date")),
        "type": e.get("type"),
        "mode": e.get("mode"),
        "context": list(e.get("context") or ()),
        "cameo": cameo.code(str(e.get("type")), e.get("mode")),
    }
    for role in ("source", "target"):
        row.update(_actor_columns(role, e.get(role)))
    row.update(
        {
            "factuality": e.get("factuality"),
            "attributed_to": attributed.get("text"),
            "date_value": date.get("value"),
            "date_from": date.get("from"),
            "date_to": date.get("to"),
            "date_precision": date.get("precision"),
            "date_text": date.get("text"),
            "location_name": loc.get("name"),
            "location_mention": loc.get("mention"),
            "location_country": loc.get("country"),
            "location_admin1": loc.get("admin1"),
            "location_lat": loc.get("lat"),
            "location_lon": loc.get("lon"),
            "location_precision": loc.get("precision"),
            "location_geonameid": loc.get("geonameid"),
            "fatalities": e.get("fatalities"),
            "fatalities_text": e.get("fatalities_text"),
            "trigger": trigger.get("text"),
            "trigger_start": trigger.get("start"),
            "trigger_end": trigger.get("end"),
            "evidence": evidence.get("text"),
            "evidence_start": evidence.get("start"),
            "evidence_end": evidence.get("end"),
            "confidence": e.get("confidence"),
            "rules": list(e.get("rules") or ()),
        }
    )
    return row


def joined(row: Mapping[str, Any]) -> dict[str, Any]:
    """The row with list columns joined by ``;``: for formats without lists (CSV, GeoJSON)."""
    return {
        k: LIST_SEPARATOR.join(str(x) for x in v) if isinstance(v, list) else v
        for k, v in row.items()
    }


def _actor_columns(role: str, actor: Mapping[str, Any] | None) -> dict[str, Any]:
    actor = actor or {}
    span = actor.get("span") or {}
    return {
        f"{role}_code": actor.get("code"),
        f"{role}_name": actor.get("name"),
        f"{role}_country": actor.get("country"),
        f"{role}_sector": actor.get("sector"),
        f"{role}_text": span.get("text"),
    }


def iso_day(value: Any) -> str | None:
    """An ISO date or datetime string cut to its day (the DATE column's form)."""
    return str(value)[:10] if value else None
