""" "Town, Region" and "Town, Country" apposition: the second name says where the first lies.

"Tacoma, Washington", "London, Ky.", "Paris, Missouri", "Wainwright, Alta.", "Delft, South
Africa": when a toponym is followed by a comma and a first-level division or a country that
holds a place of the first name, the first is read among the places inside that area (rule
``geo.resolve.within``) and the second is that area (``geo.resolve.container``), not a town
of the same name. Lists are left alone: in "Texas, California and Florida" the first name is
a division itself, and in "Paris, London and Berlin" the second is no area.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.mention import Mention
from eventwire.model import Feature, PlaceRole

WITHIN_RULE = "geo.resolve.within"
CONTAINER_RULE = "geo.resolve.container"
CONTAINERS = (Feature.ADMIN1, Feature.COUNTRY)
INSIDE = frozenset({Feature.CITY, Feature.ADMIN2, Feature.FACILITY, Feature.OTHER})
ROLES = frozenset({PlaceRole.LITERAL, PlaceRole.DATELINE, PlaceRole.EMBEDDED, PlaceRole.METONYMIC})


def inside(gazetteer: Gazetteer, k: int, area: int) -> bool:
    """Entry ``k`` lies in ``area`` (a country or a first-level division) and is smaller."""
    if k == area or gazetteer.feature(k) not in INSIDE:
        return False
    if gazetteer.country_of(k) != gazetteer.country_of(area):
        return False
    if gazetteer.feature(area) is Feature.COUNTRY:
        return True
    return gazetteer.admin1_of(k) == gazetteer.columns.names[area]


def apply_containment(
    text: str, gazetteer: Gazetteer, mentions: Sequence[Mention]
) -> list[Mention]:
    """Pin every "Town, Area" pair found among ``mentions`` (in text order)."""
    out = list(mentions)
    for i in range(len(out) - 1):
        town, area = out[i], out[i + 1]
        if town.role not in ROLES or area.role not in ROLES:
            continue
        if town.pinned is not None or town.demonym_of is not None or area.demonym_of is not None:
            continue
        if text[town.end : area.start].strip() != ",":
            continue
        container = _container(gazetteer, town, area)
        if container is None:
            continue
        out[i] = dataclasses.replace(town, within=container, rules=(*town.rules, WITHIN_RULE))
        out[i + 1] = dataclasses.replace(
            area, pinned=container, rules=(*area.rules, CONTAINER_RULE)
        )
    return out


def _container(gazetteer: Gazetteer, town: Mention, area: Mention) -> int | None:
    """The area entry ``area`` names, holding the biggest place called ``town``; None when
    this is no apposition."""
    town_found = gazetteer.lookup_key(town.key)
    if not town_found:
        return None
    town_areas = [k for k in town_found if gazetteer.feature(k) in CONTAINERS]
    best: tuple[int, int] | None = None  # (population of the town, area)
    for a in gazetteer.lookup_key(area.key)[:20]:
        if gazetteer.feature(a) not in CONTAINERS:
            continue
        # "Texas, California": a division (or country) listed next to another one
        if any(
            gazetteer.feature(t) is Feature.COUNTRY
            or (gazetteer.country_of(t) == gazetteer.country_of(a) and t != a)
            for t in town_areas
        ):
            continue
        for k in town_found:
            if inside(gazetteer, k, a):
                pop = gazetteer.population(k)
                if best is None or pop > best[0]:
                    best = (pop, a)
                break  # most populous first: the first inside is the biggest
    return None if best is None else best[1]
