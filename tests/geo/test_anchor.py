"""Local names placed at the town named next to them (geo/anchor.py, geo/spans.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.geo import Gazetteer, geoparse
from eventwire.geo.anchor import ANCHORED, anchor
from eventwire.geo.lexicon import load_lexicon
from eventwire.geo.spans import LOCALITY, is_street, localise
from eventwire.model import Feature, ParsedText, Place, PlaceRole

Parse = Callable[[str], ParsedText]


def place(text: str, name: str, feature: Feature, lat: float | None = None) -> Place:
    start = text.index(name)
    return Place(
        name, start, start + len(name), name, "GBR", None, lat, None if lat is None else -1.5,
        None, feature, PlaceRole.LITERAL, (),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "local", "town", "feature", "anchored"),
    [
        ("A fire hit the Museum of Maps in Leeds.", "Museum of Maps", "Leeds", Feature.CITY, True),
        ("A fire hit Elm Street, Leeds, at dawn.", "Elm Street", "Leeds", Feature.CITY, True),
        ("A fire hit Leeds's Elm Street.", "Elm Street", "Leeds", Feature.CITY, True),
        ("A fire hit the clinic near downtown Leeds.", "clinic", "Leeds", Feature.CITY, True),
        ("A fire hit Elm Farm, near Leeds, at dawn.", "Elm Farm", "Leeds", Feature.CITY, True),
        ("Elm Street at Oak Square was shut.", "Elm Street", "Oak Square", Feature.CITY, False),
        ("A fire hit Elm Clinic in Yorkshire.", "Elm Clinic", "Yorkshire", Feature.ADMIN1, False),
        ("Elm Street and Leeds were shut.", "Elm Street", "Leeds", Feature.CITY, False),
        ("In Leeds, Elm Street was shut.", "Elm Street", "Leeds", Feature.CITY, False),
    ],
)
def test_geo_anchor_takes_the_town_right_next_to_a_local_name(
    text: str, local: str, town: str, feature: Feature, anchored: bool
) -> None:
    unlisted = place(text, local, Feature.OTHER)
    near = place(text, town, feature, 53.8)
    assert (anchor(unlisted, [unlisted, near], text) is near) is anchored


def test_geo_localise_prefers_the_anchor_over_the_locality() -> None:
    text = "Leeds and Leeds again; a fire hit the Museum of Maps in York."
    lit = PlaceRole.LITERAL
    leeds = Place("Leeds", 0, 5, "Leeds", "GBR", None, 53.8, -1.5, 1, Feature.CITY, lit)
    leeds2 = Place("Leeds", 10, 15, "Leeds", "GBR", None, 53.8, -1.5, 1, Feature.CITY, lit)
    york = Place("York", 56, 60, "York", "GBR", None, 53.96, -1.08, 2, Feature.CITY, lit)
    museum = place(text, "Museum of Maps", Feature.OTHER)
    out = localise([leeds, leeds2, museum, york], gazetteer=None, text=text)  # type: ignore[arg-type]
    assert (out[2].lat, out[2].lon) == (53.96, -1.08) and ANCHORED in out[2].rules
    assert LOCALITY not in out[2].rules
    # without the text, the locality (Leeds, named twice) is all there is
    out = localise([leeds, leeds2, museum, york], gazetteer=None)  # type: ignore[arg-type]
    assert out[2].lat == 53.8 and LOCALITY in out[2].rules


@pytest.mark.parametrize(
    ("key", "street"),
    [
        ("elm avenue west", True),
        ("rue royale", True),
        ("calle ocho", True),
        ("collins avenue", True),
        ("avenue", False),
        ("westfield", False),
        ("leeds north", False),
    ],
)
def test_geo_is_street_reads_street_words_first_or_last(key: str, street: bool) -> None:
    assert is_street(key, load_lexicon()) is street


@pytest.mark.model
def test_geo_organisation_named_as_a_building_is_a_local_place(
    parse: Parse, gazetteer: Gazetteer
) -> None:
    text = "Doctors at Zorvanic Memorial Hospital treated twelve people after the crash in Leeds."
    places = geoparse(parse(text), gazetteer)
    hospital = next(p for p in places if p.mention == "Zorvanic Memorial Hospital")
    leeds = next(p for p in places if p.mention == "Leeds")
    assert hospital.role is PlaceRole.LITERAL and (hospital.lat, hospital.lon) == (
        leeds.lat,
        leeds.lon,
    )
    assert any(r.startswith("geo.recognise.org-site") for r in hospital.rules)


@pytest.mark.model
def test_geo_organisation_without_a_building_word_is_no_place(
    parse: Parse, gazetteer: Gazetteer
) -> None:
    text = "Zorvanic Holdings hired twelve people after the crash in Leeds."
    assert [p.mention for p in geoparse(parse(text), gazetteer)] == ["Leeds"]
