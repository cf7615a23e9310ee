"""Given spans, unlisted local names and the article's locality (geo/spans.py)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from eventwire.geo import Gazetteer, geoparse, resolve_spans
from eventwire.geo.anchor import ANCHORED
from eventwire.geo.spans import LOCALITY, localise, locality, parts
from eventwire.model import Feature, ParsedText, Place, PlaceRole

Parse = Callable[[str], ParsedText]


def town(name: str, lat: float, lon: float, gid: int, *rules: str, country: str = "USA") -> Place:
    return Place(
        name, 0, len(name), name, country, None, lat, lon, gid, Feature.CITY, PlaceRole.LITERAL,
        rules,
    )  # fmt: skip


def unknown(name: str) -> Place:
    return Place(
        name, 0, len(name), name, None, None, None, None, None, Feature.OTHER, PlaceRole.LITERAL
    )


SPRINGFIELD = town("Springfield", 39.80, -89.64, 4250542, "geo.resolve.country-context")
PEORIA = town("Peoria", 40.69, -89.59, 4905687, "geo.resolve.near-others")
DENVER = town("Denver", 39.74, -104.98, 5419384, "geo.resolve.prior")


def test_geo_locality_is_the_town_with_most_support() -> None:
    # Denver once; Springfield twice and Peoria near it: the article is in central Illinois
    assert locality([DENVER, SPRINGFIELD, PEORIA, SPRINGFIELD]) is SPRINGFIELD
    assert locality([DENVER]) is DENVER
    assert locality([unknown("Elm Street")]) is None


def test_geo_localise_places_unlisted_names_at_the_locality() -> None:
    out = localise([SPRINGFIELD, unknown("Elm Street"), SPRINGFIELD], gazetteer=None)  # type: ignore[arg-type]
    elm = out[1]
    assert (elm.lat, elm.lon, elm.country) == (SPRINGFIELD.lat, SPRINGFIELD.lon, "USA")
    assert elm.geonameid is None and LOCALITY in elm.rules
    assert out[0] == SPRINGFIELD  # resolved places are left alone


def test_geo_localise_without_locality_leaves_places_unresolved() -> None:
    out = localise([unknown("Elm Street")], gazetteer=None)  # type: ignore[arg-type]
    assert out[0].lat is None and LOCALITY not in out[0].rules


def test_geo_localise_moves_only_unsupported_small_far_towns(gazetteer: Gazetteer) -> None:
    # a tiny French village that nothing in an Illinois article supports is a local name
    k = next(k for k in gazetteer.candidates("Chartres") if gazetteer.population(k) > 30_000)
    e = gazetteer.entry(k)
    big = town("Chartres", e.lat, e.lon, e.geonameid or 0, "geo.resolve.prior", country="FRA")
    villages = [
        gazetteer.entry(k)
        for k in gazetteer.candidates("Marigny")
        if 0 < gazetteer.population(k) < 5_000 and gazetteer.country_of(k) == "FRA"
    ]
    assert villages
    v = villages[0]
    small = town("Marigny", v.lat, v.lon, v.geonameid or 0, "geo.resolve.prior", country="FRA")
    supported = town(
        "Marigny", v.lat, v.lon, v.geonameid or 0, "geo.resolve.country-context", country="FRA"
    )
    out = localise([SPRINGFIELD, SPRINGFIELD, PEORIA, small, supported, big], gazetteer)
    assert LOCALITY in out[3].rules and out[3].country == "USA"
    assert out[4] == supported
    assert out[5] == big  # 30,000+ people: a real town, whatever the distance


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Colorado State University", ["colorado state", "state university", "colorado"]),
        ("Vienna/Fairfax Metro", ["vienna fairfax", "fairfax metro", "vienna"]),
        ("Oslo", []),
    ],
)
def test_geo_parts_of_a_longer_name(surface: str, expected: list[str]) -> None:
    assert parts(surface)[: len(expected)] == expected


@pytest.mark.model
def test_geo_given_spans_inside_names_and_local_things(parse: Parse, gazetteer: Gazetteer) -> None:
    text = (
        "Students at the University of Manitoba met officials of the European Commission "
        "near the Russian Embassy in Ottawa, Ottawa police said. Ottawa is quiet."
    )
    spans = [
        (text.index(s), text.index(s) + len(s))
        for s in ("University of Manitoba", "European Commission", "Russian Embassy", "Ottawa")
    ]
    uni, commission, embassy, ottawa = resolve_spans(text, spans, gazetteer, parse(text))
    assert uni.feature is Feature.ADMIN1 and uni.country == "CAN"  # the division inside
    assert commission.role is PlaceRole.DEMONYM and commission.feature is Feature.CONTINENT
    # "Russian Embassy" is a building in the town named right after it, not Russia
    assert embassy.country == "CAN" and ANCHORED in embassy.rules
    assert (embassy.lat, embassy.lon) == (ottawa.lat, ottawa.lon)


@pytest.mark.model
def test_geo_end_to_end_unlisted_street_gets_the_town(parse: Parse, gazetteer: Gazetteer) -> None:
    text = (
        "Police in Leeds closed Briggate Street on Friday after a fire. Leeds council said "
        "the street would reopen on Monday."
    )
    places = geoparse(parse(text), gazetteer)
    leeds = next(p for p in places if p.mention == "Leeds")
    streets = [p for p in places if "Street" in p.mention]
    for street in streets:  # if the NER finds the street, it lies in Leeds
        assert (street.lat, street.lon) == (leeds.lat, leeds.lon)
        assert street.geonameid is None and LOCALITY in street.rules
    assert all(p.lat is not None for p in places)


@pytest.mark.parametrize(
    ("name", "ident"),
    [
        ("Rhineland-Palatinate", "admin1:DE.08"),  # English name of "Rheinland-Pfalz"
        ("Jiangsu", "admin1:CN.04"),  # "Jiangsu Sheng" without the suffix
        ("Newfoundland", "admin1:CA.05"),  # first part of "Newfoundland and Labrador"
        ("Sask.", "admin1:CA.11"),  # Canadian Press abbreviation
        ("NSW", "admin1:AU.02"),
    ],
)
def test_geo_admin1_names(gazetteer: Gazetteer, name: str, ident: str) -> None:
    found = [gazetteer.entry(k) for k in gazetteer.candidates(name)]
    assert any(e.ident == ident and e.feature is Feature.ADMIN1 for e in found)


def test_geo_admin1_point_between_the_two_estimates(gazetteer: Gazetteer) -> None:
    k = next(k for k in gazetteer.candidates("Jiangsu") if gazetteer.feature(k) is Feature.ADMIN1)
    lat, lon = gazetteer.point(k)
    assert 30.0 < lat < 36.0 and 112.0 < lon < 122.0  # Jiangsu, China
    assert gazetteer.entry(k).name == "Jiangsu"


@pytest.mark.parametrize(
    ("word", "alpha3"),
    [("Kosovar", "XKX"), ("Slovenian", "SVN"), ("Tajik", "TJK"), ("Soviet", "RUS")],
)
def test_geo_more_demonyms(gazetteer: Gazetteer, word: str, alpha3: str) -> None:
    assert gazetteer.demonym(word) == alpha3


def region(name: str, country: str, role: PlaceRole = PlaceRole.LITERAL) -> Place:
    feature = Feature.COUNTRY if name == country else Feature.ADMIN1
    return Place(name, 0, 1, name, country, name, 0.0, 0.0, 1, feature, role)


LEEDS = town("Leeds", 53.80, -1.55, 2644688, "geo.resolve.prior", country="GBR")


def test_geo_locality_counts_the_country_of_the_other_places() -> None:
    # Leeds named twice, Springfield once, but six more places lie in the United States
    usa = [region("USA", "USA")] * 6
    assert locality([LEEDS, LEEDS, SPRINGFIELD, *usa]) is SPRINGFIELD
    assert locality([LEEDS, LEEDS, SPRINGFIELD]) is LEEDS


def test_geo_locality_prefers_the_dateline_town() -> None:
    dateline = dataclasses.replace(DENVER, role=PlaceRole.DATELINE)
    assert locality([dateline, SPRINGFIELD, SPRINGFIELD, PEORIA]) is dateline
    assert locality([DENVER, SPRINGFIELD, SPRINGFIELD, PEORIA]) is SPRINGFIELD


def test_geo_locality_ignores_divisions_named_by_a_demonym() -> None:
    # "English" names England but says who, not where
    leeds = dataclasses.replace(LEEDS, admin1="England")
    english = region("England", "GBR", PlaceRole.DEMONYM)
    assert locality([SPRINGFIELD, SPRINGFIELD, leeds, english, english]) is SPRINGFIELD
    literal = region("England", "GBR")  # "in England", twice: Leeds is the better supported
    assert locality([SPRINGFIELD, SPRINGFIELD, leeds, literal, literal]) is leeds


@pytest.mark.model
def test_geo_given_spans_use_the_dateline_for_the_locality(
    parse: Parse, gazetteer: Gazetteer
) -> None:
    text = (
        "CAIRO - Boys train at the Zamalek Sports Academy every morning. Liverpool and "
        "Liverpool fans sent kits to the academy."
    )
    spans = [
        (text.index(s), text.index(s) + len(s))
        for s in ("CAIRO", "Zamalek Sports Academy", "Liverpool")
    ]
    cairo, academy, _ = resolve_spans(text, spans, gazetteer, parse(text))
    assert cairo.role is PlaceRole.DATELINE and cairo.country == "EGY"
    assert academy.country == "EGY" and LOCALITY in academy.rules
