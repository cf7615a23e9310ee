"""Rows of the store's tables, built from the contract's JSON records.

The flat columns that filters use (type, actor codes, dates, coordinates...) are derived from
the event record here and nowhere else, so a corrected record and its columns always agree.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from eventwire.export.records import event_record, place_record
from eventwire.model import Article, ArticleResult

EVENT_COLUMNS = (
    "id", "article_id", "seq", "type", "mode", "factuality",
    "source_code", "source_name", "source_country",
    "target_code", "target_name", "target_country",
    "date_from", "date_to", "date_precision",
    "location_name", "country", "admin1", "lat", "lon",
    "fatalities", "confidence", "evidence",
    "trigger_text", "trigger_start", "trigger_end",
    "rejected", "corrected", "record", "machine",
)  # fmt: skip
PLACE_COLUMNS = (
    "article_id", "seq", "mention", "start_offset", "end_offset", "name", "country", "admin1",
    "lat", "lon", "geonameid", "feature", "role", "record",
)  # fmt: skip
ARTICLE_COLUMNS = (
    "id", "content_hash", "title", "date", "reference_date", "reference_source", "url", "path",
    "language", "text", "status", "pipeline_version", "model", "lexicon_version", "notes",
    "n_events", "ingested_at",
)  # fmt: skip


def _day(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


def event_columns(
    record: dict[str, Any], *, article_id: str, seq: int, rejected: bool, machine: str
) -> tuple[Any, ...]:
    """The ``events`` row of one (possibly corrected) event record."""
    source = record.get("source") or {}
    target = record.get("target") or {}
    date = record.get("date") or {}
    location = record.get("location") or {}
    trigger = record.get("trigger") or {}
    day = _day(date.get("value"))
    start = day or _day(date.get("from"))
    end = day or _day(date.get("to"))
    fatalities = record.get("fatalities")
    return (
        record["id"],
        article_id,
        seq,
        record["type"],
        record.get("mode"),
        record["factuality"],
        source.get("code"),
        source.get("name"),
        source.get("country"),
        target.get("code"),
        target.get("name"),
        target.get("country"),
        start,
        end,
        date.get("precision"),
        location.get("name"),
        location.get("country"),
        location.get("admin1"),
        location.get("lat"),
        location.get("lon"),
        int(fatalities) if isinstance(fatalities, int | float) else None,
        float(record.get("confidence") or 0.0),
        (record.get("evidence") or {}).get("text", ""),
        trigger.get("text", ""),
        int(trigger.get("start", 0)),
        int(trigger.get("end", 0)),
        rejected,
        "review" in record,
        json.dumps(record, ensure_ascii=False),
        machine,
    )


def machine_records(result: ArticleResult) -> list[dict[str, Any]]:
    return [event_record(e) for e in result.events]


def place_rows(result: ArticleResult) -> list[tuple[Any, ...]]:
    rows = []
    for seq, place in enumerate(result.places):
        rec = place_record(place)
        rows.append(
            (
                result.article.id, seq, place.mention, place.start, place.end, place.name,
                place.country, place.admin1, place.lat, place.lon, place.geonameid,
                place.feature.value, place.role.value, json.dumps(rec, ensure_ascii=False),
            )
        )  # fmt: skip
    return rows


def article_row(
    result: ArticleResult, *, status: str, pipeline_version: str, now: dt.datetime
) -> tuple[Any, ...]:
    a = result.article
    return (
        a.id, a.content_hash, a.title, a.date, a.reference_date, a.reference_source, a.url,
        a.path, a.language, a.text, status, pipeline_version, result.model,
        result.lexicon_version, json.dumps(list(result.notes), ensure_ascii=False),
        len(result.events), now,
    )  # fmt: skip


def article_from_row(row: tuple[Any, ...]) -> Article:
    """The ``Article`` of a stored row (columns in ``ARTICLE_COLUMNS`` order)."""
    values = dict(zip(ARTICLE_COLUMNS, row, strict=True))
    return Article(
        id=values["id"],
        text=values["text"],
        reference_date=values["reference_date"],
        reference_source=values["reference_source"],
        title=values["title"],
        date=values["date"],
        url=values["url"],
        path=values["path"],
        language=values["language"],
        content_hash=values["content_hash"],
    )
