"""Helpers shared by the overlay tests (test_overlay_places, _themes, _landmarks)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from eventwire.geo import Gazetteer, geoparse
from eventwire.geo.gazetteer import Entry, distance_km
from eventwire.geo.names import name_key
from eventwire.model import ParsedText, Place

Parse = Callable[[str], ParsedText]


def overlay_rows(path: Path) -> list[dict[str, str]]:
    """The CSV rows of an overlay file, its ``#`` header lines left out."""
    text = path.read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    return list(csv.DictReader(io.StringIO(body)))


def entry_with_prefix(gazetteer: Gazetteer, name: str, *prefixes: str) -> int:
    """The one entry of ``name`` whose id starts with one of ``prefixes`` (a same-name
    village may come first in the index: the resolver, not the index, prefers the overlay)."""
    keys = gazetteer.lookup_key(name_key(name))
    found = [k for k in keys if gazetteer.entry(k).ident.startswith(prefixes)]
    assert len(found) == 1, (name, [gazetteer.entry(k).ident for k in keys])
    return found[0]


def assert_entry_near(
    entry: Entry, country: str | None, near: tuple[float, float], km: float
) -> None:
    assert entry.country == country, entry
    assert distance_km(entry.lat, entry.lon, *near) <= km, entry


def places_in(parse: Parse, gazetteer: Gazetteer, text: str) -> tuple[Place, ...]:
    return geoparse(parse(text), gazetteer)


def assert_found_near(
    places: tuple[Place, ...],
    mention: str,
    country: str | None,
    near: tuple[float, float],
    km: float,
) -> Place:
    """The first place with this mention, checked to lie in ``country`` within ``km``."""
    hits = [p for p in places if p.mention == mention]
    assert hits, f"{mention!r} not found among {[p.mention for p in places]}"
    place = hits[0]
    assert place.country == country, place
    assert place.lat is not None and place.lon is not None
    assert distance_km(place.lat, place.lon, *near) <= km, place
    return place
