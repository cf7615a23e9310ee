"""``EventFilter``: the one description of "which events", shared by the CLI, exports and API.

A frozen dataclass of optional criteria, all of which must hold (AND). ``where`` turns it into
SQL for a backend; nothing else in eventwire writes event-filtering SQL.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from eventwire.model import Factuality, Plover
from eventwire.store.backends import Backend


@dataclass(frozen=True, slots=True)
class BBox:
    """A bounding box in degrees; ``min_lon > max_lon`` crosses the antimeridian."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    @classmethod
    def parse(cls, text: str) -> BBox:
        """``"minlon,minlat,maxlon,maxlat"`` (the GeoJSON/WMS order) -> BBox."""
        parts = text.replace(" ", "").split(",")
        try:
            numbers = [float(p) for p in parts]
        except ValueError:
            numbers = []
        if len(numbers) != 4:
            raise ValueError(f"'{text}' is not a bounding box: write minlon,minlat,maxlon,maxlat")
        box = cls(*numbers)
        if not (-90 <= box.min_lat <= box.max_lat <= 90):
            raise ValueError(f"'{text}': latitudes must satisfy -90 <= minlat <= maxlat <= 90")
        if not (-180 <= box.min_lon <= 180 and -180 <= box.max_lon <= 180):
            raise ValueError(f"'{text}': longitudes must lie between -180 and 180")
        return box


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to return; every field left at its default matches everything.

    ``actor`` matches a source or target whose code equals it (case-insensitive) or whose
    name contains it. ``date_from``/``date_to`` keep events whose date (or date range)
    overlaps the interval; undated events are then left out. ``country`` is the country of
    the event's location (ISO alpha-3). ``search`` is full-text search over the evidence
    sentence. Rejected events are left out unless ``include_rejected``.
    """

    types: tuple[Plover, ...] = ()
    modes: tuple[str, ...] = ()
    actor: str | None = None
    countries: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    bbox: BBox | None = None
    factuality: tuple[Factuality, ...] = ()
    search: str | None = None
    article_id: str | None = None
    include_rejected: bool = False
    limit: int | None = None
    offset: int = 0

    def page_sql(self, params: list[Any]) -> str:
        """The ``LIMIT``/``OFFSET`` clause of this filter; its values are appended to ``params``."""
        sql = ""
        if self.limit is not None:
            sql += " LIMIT ?"
            params.append(self.limit)
        if self.offset:
            sql += " OFFSET ?"
            params.append(self.offset)
        return sql

    def where(self, backend: Backend) -> tuple[str, list[Any]]:
        """The SQL condition over table ``events`` and its parameters."""
        conds: list[str] = []
        params: list[Any] = []

        def any_of(column: str, values: tuple[str, ...]) -> None:
            conds.append(f"{column} IN ({', '.join('?' for _ in values)})")
            params.extend(values)

        if self.types:
            any_of("type", tuple(t.value for t in self.types))
        if self.modes:
            any_of("mode", tuple(m.lower() for m in self.modes))
        if self.factuality:
            any_of("factuality", tuple(f.value for f in self.factuality))
        if self.countries:
            any_of("country", tuple(c.upper() for c in self.countries))
        if self.actor:
            code = self.actor.upper()
            name = "%" + _like_escape(self.actor) + "%"
            conds.append(
                "(upper(source_code) = ? OR upper(target_code) = ? "
                "OR source_name ILIKE ? ESCAPE '\\' OR target_name ILIKE ? ESCAPE '\\')"
            )
            params.extend([code, code, name, name])
        if self.date_from is not None:
            conds.append("coalesce(date_to, date_from) >= ?")
            params.append(self.date_from)
        if self.date_to is not None:
            conds.append("date_from <= ?")
            params.append(self.date_to)
        if self.bbox is not None:
            b = self.bbox
            conds.append("lat BETWEEN ? AND ?")
            params.extend([b.min_lat, b.max_lat])
            if b.min_lon <= b.max_lon:
                conds.append("lon BETWEEN ? AND ?")
            else:
                conds.append("(lon >= ? OR lon <= ?)")
            params.extend([b.min_lon, b.max_lon])
        if self.search:
            sql, values = backend.text_match("evidence", self.search)
            conds.append(sql)
            params.extend(values)
        if self.article_id is not None:
            conds.append("article_id = ?")
            params.append(self.article_id)
        if not self.include_rejected:
            conds.append("NOT rejected")
        return (" AND ".join(conds) or "TRUE"), params


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
