"""Gold cases (``gold.yaml`` of ../shared/acceptance): loading them into dataclasses.

The format is described in ``../shared/acceptance/README.md``; ``docs/eval.md`` lists the
fields eventwire reads. Scoring is in ``evaluation.gold``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from eventwire.datafiles import load_yaml_text
from eventwire.errors import InputError
from eventwire.evaluation.common import as_tuple, normalise_text


@dataclass(frozen=True, slots=True)
class GoldPoint:
    """A place the system must resolve: within 25 km of ``lat``/``lon``, or in ``country``."""

    mention: str  # normalised; "" for an event location
    country: str | None
    lat: float | None
    lon: float | None
    accept_country: bool = False


@dataclass(frozen=True, slots=True)
class GoldDate:
    value: str | None  # ISO day
    start: str | None
    end: str | None


@dataclass(frozen=True, slots=True)
class GoldQuantity:
    what: str  # normalised
    values: tuple[float, ...]

    @property
    def key(self) -> str:
        """The head word, singular: "area" for "areas", "jets" -> "jet"."""
        words = self.what.split()
        return words[-1].rstrip("s") if words else ""


@dataclass(frozen=True, slots=True)
class GoldEvent:
    id: str
    required: bool
    types: frozenset[str]
    evidence: str  # normalised quote
    symmetric: bool
    actors: tuple[str, ...]
    source: tuple[str, ...]
    target: tuple[str, ...]
    factuality: str | None
    modes: frozenset[str]  # normalised
    date: GoldDate | None
    locations: tuple[GoldPoint, ...]
    fatalities: int | None
    quantities: tuple[GoldQuantity, ...]

    @property
    def wanted_sources(self) -> frozenset[str]:
        return frozenset(self.source or self.actors)


@dataclass(frozen=True, slots=True)
class GoldCase:
    name: str
    article: Path
    reference_date: dt.date
    boilerplate: tuple[str, ...]  # normalised lines
    actor_forms: Mapping[str, frozenset[str]]  # canonical id -> upper-cased surface forms
    events: tuple[GoldEvent, ...]
    places: tuple[GoldPoint, ...]
    not_places: tuple[str, ...]  # normalised mentions


def load_case(path: Path) -> GoldCase:
    """Read a gold.yaml; its ``article.file`` is found beside it."""
    try:
        raw = load_yaml_text(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(str(path), f"cannot read the gold case ({exc.strerror}).") from exc
    except yaml.YAMLError as exc:
        raise InputError(str(path), f"not valid YAML: {exc}") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("article"), dict):
        raise InputError(str(path), "a gold case needs an 'article' mapping (see the README).")
    article = raw["article"]
    if "file" not in article or "reference_date" not in article:
        raise InputError(str(path), "'article' needs 'file' and 'reference_date'.")
    try:
        reference = dt.date.fromisoformat(str(article["reference_date"]))
    except ValueError as exc:
        raise InputError(str(path), "article.reference_date must be YYYY-MM-DD.") from exc
    try:
        events = tuple(_event(e) for e in as_tuple(raw.get("events")))
        places = tuple(_point(p) for p in as_tuple(raw.get("places")))
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(str(path), f"malformed event or place ({exc!r}).") from exc
    forms = {
        str(code).upper(): frozenset(str(f).upper() for f in as_tuple(names))
        for code, names in _mapping(raw.get("actors")).items()
    }
    return GoldCase(
        name=path.parent.name if path.stem == "gold" else path.stem,
        article=path.parent / str(article["file"]),
        reference_date=reference,
        boilerplate=tuple(normalise_text(str(b)) for b in as_tuple(article.get("boilerplate"))),
        actor_forms=forms,
        events=events,
        places=places,
        not_places=tuple(
            normalise_text(str(_mapping(n).get("mention"))) for n in as_tuple(raw.get("not_places"))
        ),
    )


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _point(raw: dict[str, Any], mention: bool = True) -> GoldPoint:
    lat = raw.get("lat")
    return GoldPoint(
        mention=normalise_text(str(raw["mention"])) if mention else "",
        country=_opt_str(raw.get("country")),
        lat=float(lat) if lat is not None else None,
        lon=float(raw["lon"]) if lat is not None else None,
        accept_country=bool(raw.get("accept_country")),
    )


def _date(raw: Any) -> GoldDate | None:
    if not isinstance(raw, dict) or not raw:
        return None
    return GoldDate(
        value=_opt_str(raw.get("value")),
        start=_opt_str(raw.get("from")),
        end=_opt_str(raw.get("to")),
    )


def _event(raw: dict[str, Any]) -> GoldEvent:
    fatalities = raw.get("fatalities")
    locations = as_tuple(raw.get("location")) + as_tuple(raw.get("locations"))
    return GoldEvent(
        id=str(raw["id"]),
        required=bool(raw.get("required")),
        types=frozenset(str(t).upper() for t in as_tuple(raw["type"])),
        evidence=normalise_text(str(raw["evidence"])),
        symmetric=bool(raw.get("symmetric")),
        actors=tuple(str(a) for a in as_tuple(raw.get("actors"))),
        source=tuple(str(a) for a in as_tuple(raw.get("source"))),
        target=tuple(str(a) for a in as_tuple(raw.get("target"))),
        factuality=_opt_str(raw.get("factuality")),
        modes=frozenset(normalise_text(str(m)) for m in as_tuple(raw.get("mode"))),
        date=_date(raw.get("date")),
        locations=tuple(_point(loc, mention=False) for loc in locations),
        fatalities=int(fatalities) if fatalities is not None else None,
        quantities=tuple(
            GoldQuantity(
                what=normalise_text(str(q["what"])),
                values=tuple(float(v) for v in as_tuple(q["value"])),
            )
            for q in as_tuple(raw.get("quantities"))
        ),
    )
