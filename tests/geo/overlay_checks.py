"""Helpers shared by the overlay tests (test_overlay_places, _themes, _landmarks, _regions,
_districts)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from eventwire.geo import Gazetteer, geoparse
from eventwire.geo.gazetteer import Entry, distance_km
from eventwire.geo.names import name_key
from eventwire.geo.overlay import packaged_overlays
from eventwire.model import Feature, ParsedText, Place

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


# ---- checks shared by the themed files of one place kind (regions.csv, districts.csv) --------


def themed_file(name: str) -> Path:
    """A themed overlay file among the packaged ones (fails if it is not packaged)."""
    path = next((p for p in packaged_overlays() if p.name == name), None)
    assert path is not None, f"{name} is not among the packaged overlays"
    return path


def overlay_idents(gazetteer: Gazetteer, name: str, prefix: str) -> list[str]:
    """Ids of the entries named ``name`` that come from overlay rows with ``prefix``."""
    idents = [gazetteer.entry(k).ident for k in gazetteer.lookup_key(name_key(name))]
    return [i for i in idents if i.startswith(f"overlay:{prefix}")]


def assert_region_rows(path: Path, prefix: str, count: range) -> list[dict[str, str]]:
    """The file has its header fields, and ``count`` region place rows with unique ids that
    start with ``prefix`` and points in range; returns the rows."""
    comments = [line for line in path.read_text(encoding="utf-8").splitlines() if line[:1] == "#"]
    for field in ("version", "source", "license", "scope"):
        assert any(line.startswith(f"# {field}:") for line in comments), field
    table = overlay_rows(path)
    assert len(table) in count, len(table)
    ids = [row["id"] for row in table]
    assert len(ids) == len(set(ids))
    for row in table:
        assert row["id"].startswith(prefix), row["id"]
        assert row["kind"] == "place" and not row["target"], row["id"]
        assert row["feature"] == Feature.REGION.value, row["id"]
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row["id"]
    return table


def names_in_other_overlays(path: Path) -> list[tuple[str, str, str]]:
    """(other row id, name, own row id) for every place name of ``path`` that a place row of
    another packaged overlay also has."""
    mine = {name_key(n): r["id"] for r in overlay_rows(path) for n in r["names"].split("|")}
    return [
        (row["id"], name, mine[name_key(name)])
        for other in packaged_overlays()
        if other.name != path.name
        for row in overlay_rows(other)
        if row["kind"] == "place"
        for name in row["names"].split("|")
        if name_key(name) in mine
    ]


def unknown_countries(gazetteer: Gazetteer, rows: list[dict[str, str]]) -> list[tuple[str, str]]:
    return [
        (r["id"], r["country"])
        for r in rows
        if r["country"] and not gazetteer.country(r["country"])
    ]


def assert_row_near(
    rows: list[dict[str, str]], ident: str, reference: tuple[str | None, tuple[float, float], float]
) -> None:
    """Row ``ident`` is in the reference's country and within its distance of its point."""
    row = next(r for r in rows if r["id"] == ident)
    country, near, km = reference
    assert (row["country"] or None) == country
    assert distance_km(float(row["lat"]), float(row["lon"]), *near) <= km


def hidden_towns(
    gazetteer: Gazetteer, rows: list[dict[str, str]], accepted: set[tuple[str, str]]
) -> list[tuple[str, str, str, str | None]]:
    """Names of ``rows`` that are the main name of a town of 5,000+ people more than 150 km
    away (an overlay region outranks such a town everywhere), unless (row id, key) is
    ``accepted``."""
    clashes = []
    for row in rows:
        lat, lon = float(row["lat"]), float(row["lon"])
        for alias in row["names"].split("|"):
            key = name_key(alias)
            for k in gazetteer.lookup_key(key):
                e = gazetteer.entry(k)
                if (
                    e.feature is Feature.CITY
                    and e.population >= 5_000
                    and name_key(e.name) == key
                    and distance_km(lat, lon, e.lat, e.lon) > 150
                    and (row["id"], key) not in accepted
                ):
                    clashes.append((row["id"], alias, e.name, e.country))
    return clashes


def place_by_rule(parse: Parse, gazetteer: Gazetteer, text: str, mention: str, rule: str) -> Place:
    """The place of ``mention`` in ``text``, checked to come from ``rule`` (an overlay id)."""
    place = next(p for p in places_in(parse, gazetteer, text) if p.mention == mention)
    assert rule in place.rules, place
    return place
