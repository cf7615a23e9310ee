""" "Town, Region" apposition (geo/containment.py): the region says where the town lies."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.geo import Gazetteer, geoparse, resolve_spans
from eventwire.geo.containment import CONTAINER_RULE, WITHIN_RULE, apply_containment, inside
from eventwire.geo.mention import Mention
from eventwire.geo.names import name_key
from eventwire.model import Feature, ParsedText, Place, PlaceRole

Parse = Callable[[str], ParsedText]


def mentions_of(text: str, *names: str) -> list[Mention]:
    """Hand-built mentions of ``names`` in ``text`` (first occurrence after the previous)."""
    out: list[Mention] = []
    at = 0
    for n in names:
        start = text.index(n, at)
        at = start + len(n)
        out.append(Mention(0, 1, start, at, name_key(n), PlaceRole.LITERAL, ("test",), 0))
    return out


def entry_of(gazetteer: Gazetteer, k: int | None) -> tuple[str, Feature, str | None]:
    assert k is not None
    e = gazetteer.entry(k)
    return e.name, e.feature, e.admin1


@pytest.mark.parametrize(
    ("text", "town", "area", "area_feature", "town_admin1"),
    [
        ("A bakery in Tacoma, Washington closed.", "Tacoma", "Washington", Feature.ADMIN1,
         "Washington"),
        ("He was born in Paris, Texas in 1950.", "Paris", "Texas", Feature.ADMIN1, "Texas"),
        ("Police in London, Ontario said so.", "London", "Ontario", Feature.ADMIN1, "Ontario"),
        ("Flights to Perth, Australia resumed.", "Perth", "Australia", Feature.COUNTRY, None),
    ],
)  # fmt: skip
def test_geo_containment_pins_town_and_region(
    gazetteer: Gazetteer,
    text: str,
    town: str,
    area: str,
    area_feature: Feature,
    town_admin1: str | None,
) -> None:
    out = apply_containment(text, gazetteer, mentions_of(text, town, area))
    assert WITHIN_RULE in out[0].rules and CONTAINER_RULE in out[1].rules
    assert entry_of(gazetteer, out[1].pinned)[1] is area_feature
    assert out[0].within == out[1].pinned
    if town_admin1 is not None:
        assert entry_of(gazetteer, out[0].within)[0] == town_admin1


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Storms hit Texas, California and Florida.", ("Texas", "California")),  # a list
        ("Fans came from Paris, London and Berlin.", ("Paris", "London")),  # no area second
        ("Talks in Syria, Iraq and Iran stalled.", ("Syria", "Iraq")),  # countries listed
        ("Rain fell on Paris and Texas.", ("Paris", "Texas")),  # no comma between
    ],
)
def test_geo_containment_leaves_lists_alone(
    gazetteer: Gazetteer, text: str, names: tuple[str, ...]
) -> None:
    out = apply_containment(text, gazetteer, mentions_of(text, *names))
    assert all(m.within is None and m.pinned is None for m in out)


def test_geo_inside_needs_the_same_division(gazetteer: Gazetteer) -> None:
    texas = next(k for k in gazetteer.candidates("Texas") if gazetteer.feature(k) is Feature.ADMIN1)
    paris = gazetteer.candidates("Paris")
    assert any(inside(gazetteer, k, texas) for k in paris)
    france_paris = next(k for k in paris if gazetteer.country_of(k) == "FRA")
    assert not inside(gazetteer, france_paris, texas)
    assert not inside(gazetteer, texas, texas)


def one(places: tuple[Place, ...], mention: str) -> Place:
    hits = [p for p in places if p.mention == mention]
    assert hits, f"{mention!r} not in {[p.mention for p in places]}"
    return hits[0]


@pytest.mark.model
def test_geo_town_comma_state_end_to_end(parse: Parse, gazetteer: Gazetteer) -> None:
    text = "A fire destroyed a warehouse in Tacoma, Washington on Sunday night."
    places = geoparse(parse(text), gazetteer)
    assert one(places, "Washington").feature is Feature.ADMIN1
    assert one(places, "Tacoma").admin1 == "Washington"


@pytest.mark.model
def test_geo_town_comma_state_abbreviation_with_given_spans(
    parse: Parse, gazetteer: Gazetteer
) -> None:
    text = "Two men from London, Ky. were charged with theft on Friday."
    start = text.index("London")
    spans = [(start, start + 6), (text.index("Ky."), text.index("Ky.") + 3)]
    london, state = resolve_spans(text, spans, gazetteer, parse(text))
    assert (london.country, london.admin1) == ("USA", "Kentucky")
    assert state.name == "Kentucky" and state.feature is Feature.ADMIN1
