"""The system's output as the scorers see it: typed views of the contract's JSON records.

Scorers read what ``eventwire extract`` writes (``export.records.article_record``), so a saved
output file and a fresh run are scored the same way. Missing fields read as empty.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from eventwire.evaluation.common import as_tuple, normalise_text


def _str(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _float(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _int(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


@dataclass(frozen=True, slots=True)
class SystemActor:
    code: str | None
    country: str | None
    name: str | None

    @classmethod
    def from_record(cls, value: Any) -> SystemActor | None:
        if isinstance(value, str):
            return cls(code=value, country=None, name=None)
        if not isinstance(value, dict):
            return None
        return cls(_str(value.get("code")), _str(value.get("country")), _str(value.get("name")))

    def identifiers(self) -> frozenset[str]:
        """Code, country and name, upper-cased."""
        return frozenset(x.upper() for x in (self.code, self.country, self.name) if x)


@dataclass(frozen=True, slots=True)
class SystemLocation:
    """An event location or an article place: where it is and how the text named it."""

    mention: str | None
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None

    @classmethod
    def from_record(cls, value: Any) -> SystemLocation | None:
        if not isinstance(value, dict):
            return None
        return cls(
            mention=_str(value.get("mention")),
            name=_str(value.get("name")),
            country=_str(value.get("country")),
            lat=_float(value.get("lat")),
            lon=_float(value.get("lon")),
        )

    @property
    def coords(self) -> tuple[float, float] | None:
        return (self.lat, self.lon) if self.lat is not None and self.lon is not None else None

    @property
    def label(self) -> str:
        """The mention, else the name (normalised), as the scorers compare it."""
        return normalise_text(self.mention or self.name)


@dataclass(frozen=True, slots=True)
class SystemQuantity:
    what: str
    values: tuple[float, ...]

    @classmethod
    def from_record(cls, value: Any) -> SystemQuantity:
        record = _dict(value)
        numbers = tuple(
            float(v)
            for v in as_tuple(record.get("value"))
            if isinstance(v, int | float) and not isinstance(v, bool)
        )
        return cls(what=normalise_text(str(record.get("what"))), values=numbers)


@dataclass(frozen=True, slots=True)
class SystemEvent:
    type: str  # upper case, "" when absent
    mode: str | None
    source: SystemActor | None
    target: SystemActor | None
    factuality: str | None
    date_start: str | None  # ISO day: the date's value, else its start
    location: SystemLocation | None
    locations: tuple[SystemLocation, ...]
    fatalities: int | None
    quantities: tuple[SystemQuantity, ...]
    evidence: str  # normalised evidence text
    trigger: str | None
    rules: tuple[str, ...]
    confidence: float

    @classmethod
    def from_record(cls, value: dict[str, Any]) -> SystemEvent:
        evidence = value.get("evidence")
        evidence_text = evidence.get("text") if isinstance(evidence, dict) else evidence
        date = _dict(value.get("date"))
        fatalities = value.get("fatalities")
        return cls(
            type=str(value.get("type") or "").upper(),
            mode=_str(value.get("mode")),
            source=SystemActor.from_record(value.get("source")),
            target=SystemActor.from_record(value.get("target")),
            factuality=_str(value.get("factuality")),
            date_start=_str(date.get("value") or date.get("from")),
            location=SystemLocation.from_record(value.get("location")),
            locations=tuple(
                loc
                for loc in map(SystemLocation.from_record, as_tuple(value.get("locations")))
                if loc is not None
            ),
            fatalities=fatalities if isinstance(fatalities, int) else None,
            quantities=tuple(map(SystemQuantity.from_record, as_tuple(value.get("quantities")))),
            evidence=normalise_text(evidence_text if isinstance(evidence_text, str) else None),
            trigger=_str(_dict(value.get("trigger")).get("text")),
            rules=tuple(str(r) for r in as_tuple(value.get("rules"))),
            confidence=_float(value.get("confidence")) or 0.0,
        )

    def all_locations(self) -> tuple[SystemLocation, ...]:
        first = (self.location,) if self.location is not None else ()
        return first + self.locations


@dataclass(frozen=True, slots=True)
class SystemPlace:
    """A toponym the system found: its span (if usable), mention and resolution."""

    start: int | None
    end: int | None
    mention: str | None
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None

    @classmethod
    def from_record(cls, value: Any) -> SystemPlace | None:
        if not isinstance(value, dict):
            return None
        start, end = value.get("start"), value.get("end")
        return cls(
            start=start if isinstance(start, int) and not isinstance(start, bool) else None,
            end=end if isinstance(end, int) and not isinstance(end, bool) else None,
            mention=_str(value.get("mention")),
            name=_str(value.get("name")),
            country=_str(value.get("country")),
            lat=_float(value.get("lat")),
            lon=_float(value.get("lon")),
            geonameid=_int(value.get("geonameid")),
        )

    @property
    def coords(self) -> tuple[float, float] | None:
        if self.lat is None or self.lon is None:
            return None
        if not (-90 <= self.lat <= 90 and -180 <= self.lon <= 180):
            return None
        return self.lat, self.lon

    def as_location(self) -> SystemLocation:
        return SystemLocation(self.mention, self.name, self.country, self.lat, self.lon)


@dataclass(frozen=True, slots=True)
class SystemDocument:
    """One article of the system's output."""

    id: str | None
    events: tuple[SystemEvent, ...]
    places: tuple[SystemPlace, ...]

    @classmethod
    def from_record(cls, value: dict[str, Any]) -> SystemDocument:
        article = value.get("article")
        raw_id = article.get("id") if isinstance(article, dict) else None
        if raw_id is None:
            raw_id = value.get("id")
        return cls(
            id=str(raw_id) if raw_id is not None else None,
            events=tuple(
                SystemEvent.from_record(e)
                for e in as_tuple(value.get("events"))
                if isinstance(e, dict)
            ),
            places=tuple(
                p
                for p in map(SystemPlace.from_record, as_tuple(value.get("places")))
                if p is not None
            ),
        )

    def top_event(self) -> SystemEvent | None:
        """The most confident event (the first one on a tie), or None."""
        best: SystemEvent | None = None
        for event in self.events:
            if best is None or event.confidence > best.confidence:
                best = event
        return best
