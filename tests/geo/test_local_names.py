"""Names the text marks as local (a street pair, a town quarter) stay local: they are never
looked up as towns, and they get the town next to them or the article's locality. Sentences
are our own."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.geo import Gazetteer, geoparse, resolve_spans
from eventwire.geo.anchor import ANCHORED
from eventwire.geo.gazetteer import distance_km
from eventwire.geo.lexicon import load_lexicon
from eventwire.geo.spans import LOCALITY
from eventwire.model import Feature, ParsedText, Place

Parse = Callable[[str], ParsedText]

NEW_ORLEANS = (29.95, -90.07)
CHICAGO = (41.88, -87.63)
MIAMI_BEACH = (25.79, -80.13)


def near(p: Place, point: tuple[float, float], km: float = 30.0) -> bool:
    return p.lat is not None and p.lon is not None and distance_km(p.lat, p.lon, *point) < km


def given(text: str, *names: str) -> list[tuple[int, int]]:
    return [(text.index(n), text.index(n) + len(n)) for n in names]


@pytest.mark.parametrize(
    ("key", "quarter"),
    [
        ("south side", True),
        ("east end", True),
        ("upper west side", True),
        ("far north side", True),
        ("side", False),
        ("end", False),
        ("lake side", False),  # no direction
        ("south side road", False),  # a street, not the quarter
        ("upper side", False),
    ],
)
def test_geo_lexicon_reads_town_quarters(key: str, quarter: bool) -> None:
    assert (load_lexicon().quarter(key) is not None) is quarter


@pytest.mark.model
def test_geo_street_pair_names_are_not_towns(parse: Parse, gazetteer: Gazetteer) -> None:
    # "Bourbon" and "Hubbard" are towns elsewhere in the USA; here they are streets
    text = (
        "Police in New Orleans closed Bourbon and Dauphine streets on Friday night. "
        "New Orleans officials said the parade would go ahead."
    )
    places = geoparse(parse(text), gazetteer)
    streets = [p for p in places if p.mention in ("Bourbon", "Dauphine")]
    assert streets, places
    for street in streets:
        assert street.geonameid is None and near(street, NEW_ORLEANS), street


def test_geo_given_street_pair_spans_are_local(parse: Parse, gazetteer: Gazetteer) -> None:
    text = (
        "A man was hurt at the corner of State and Hubbard streets in Chicago on Monday. "
        "Chicago police said a suspect was held."
    )
    places = resolve_spans(text, given(text, "State", "Hubbard", "Chicago"), gazetteer, parse(text))
    state, hubbard, chicago = places
    assert near(chicago, CHICAGO)
    for street in (state, hubbard):
        assert street.geonameid is None and near(street, CHICAGO), street


@pytest.mark.model
def test_geo_town_quarter_is_in_the_locality(parse: Parse, gazetteer: Gazetteer) -> None:
    # GeoNames lists "South Side" as another name of a New York neighbourhood
    text = "A South Side man was charged with robbery in Chicago on Monday, Chicago police said."
    for places in (
        geoparse(parse(text), gazetteer),
        resolve_spans(text, given(text, "South Side", "Chicago"), gazetteer, parse(text)),
    ):
        quarter = [p for p in places if p.mention == "South Side"]
        assert quarter and near(quarter[0], CHICAGO) and LOCALITY in quarter[0].rules, places


@pytest.mark.model
def test_geo_a_big_town_anchors_a_street_far_from_the_locality(
    parse: Parse, gazetteer: Gazetteer
) -> None:
    # the article is about Tacoma; the new shop is in Miami Beach, named right after it
    text = (
        "Tacoma bakers opened a second shop this year. The Tacoma firm said its new cafe "
        "opens on Quillby Avenue in Miami Beach next month, and Tacoma staff will train there."
    )
    spans = given(text, "Tacoma", "Quillby Avenue", "Miami Beach")
    _, avenue, beach = resolve_spans(text, spans, gazetteer, parse(text))
    assert near(beach, MIAMI_BEACH)
    assert ANCHORED in avenue.rules and near(avenue, MIAMI_BEACH), avenue


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Traffic backed up at the Chartres/Franklin intersection in New Orleans on Friday.",
        "Traffic backed up at the Chartres & Franklin intersection in New Orleans on Friday.",
    ],
)
def test_geo_street_pair_joined_by_a_slash(parse: Parse, gazetteer: Gazetteer, text: str) -> None:
    # Chartres is a town in France; here it is a street of the town named after the pair
    places = resolve_spans(text, given(text, "Chartres", "New Orleans"), gazetteer, parse(text))
    assert near(places[0], NEW_ORLEANS), places[0]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A parade wound through the French Quarter street grid in New Orleans.", "French Quarter"),
        ("Protesters gathered outside the Russian Embassy in New Orleans on Saturday.",
         "Russian Embassy"),
    ],
)  # fmt: skip
def test_geo_demonym_before_a_building_word_is_a_local_place(
    parse: Parse, gazetteer: Gazetteer, text: str, name: str
) -> None:
    places = geoparse(parse(text), gazetteer)
    assert not any(p.country in ("FRA", "RUS") for p in places), places
    local = [p for p in places if p.mention == name]
    assert local and near(local[0], NEW_ORLEANS), places


def test_geo_given_span_before_a_division_word_is_the_division(
    parse: Parse, gazetteer: Gazetteer
) -> None:
    # as end to end: "Batman province" is the division, "Batman" alone the town
    text = "Clashes erupted in Batman province on Sunday. Batman was calm."
    later = text.index("Batman was")
    spans = [*given(text, "Batman"), (later, later + len("Batman"))]
    province, town = resolve_spans(text, spans, gazetteer, parse(text))
    assert province.feature is Feature.ADMIN1 and province.country == "TUR", province
    assert town.feature is Feature.CITY and town.country == "TUR", town
