"""End-to-end geoparsing of sentences we wrote: roles, resolution and context."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.geo import Gazetteer, article_focus, geoparse, resolve_spans
from eventwire.model import Feature, ParsedText, Place, PlaceRole

pytestmark = pytest.mark.model

Parse = Callable[[str], ParsedText]


def places_of(parse: Parse, gazetteer: Gazetteer, text: str, **kw: object) -> tuple[Place, ...]:
    return geoparse(parse(text), gazetteer, **kw)  # type: ignore[arg-type]


def one(places: tuple[Place, ...], mention: str) -> Place:
    hits = [p for p in places if p.mention == mention]
    assert hits, f"{mention!r} not found in {[p.mention for p in places]}"
    return hits[0]


def test_geo_batman_in_a_turkey_article_is_the_turkish_city(
    parse: Parse, gazetteer: Gazetteer
) -> None:
    text = (
        "Turkish police detained twelve people in Diyarbakir on Monday. "
        "Clashes also broke out in Batman, where protesters burned tyres."
    )
    batman = one(places_of(parse, gazetteer, text), "Batman")
    assert batman.country == "TUR"
    assert batman.geonameid == 321836  # GeoNames: Batman, Turkey
    assert batman.feature is Feature.CITY
    assert batman.role is PlaceRole.LITERAL


def test_geo_batman_without_place_context_is_no_place(parse: Parse, gazetteer: Gazetteer) -> None:
    text = "The new Batman film opened to packed cinemas this weekend."
    assert not [p for p in places_of(parse, gazetteer, text) if p.mention == "Batman"]


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("Ankara and Washington agreed on a new plan for the region.", ("Ankara", "Washington")),
        ("Moscow denied the reports on Tuesday.", ("Moscow",)),
        ("Washington said the sanctions would stay.", ("Washington",)),
    ],
)
def test_geo_capital_as_subject_of_saying_verb_is_metonymic(
    parse: Parse, gazetteer: Gazetteer, text: str, mentions: tuple[str, ...]
) -> None:
    places = places_of(parse, gazetteer, text)
    for mention in mentions:
        place = one(places, mention)
        assert place.role is PlaceRole.METONYMIC, place
        assert any(r.startswith("meto.") for r in place.rules)


def test_geo_place_of_an_event_is_literal_not_metonymic(parse: Parse, gazetteer: Gazetteer) -> None:
    places = places_of(parse, gazetteer, "A car bomb exploded in Ankara on Sunday.")
    assert one(places, "Ankara").role is PlaceRole.LITERAL


@pytest.mark.parametrize(
    ("text", "city", "country"),
    [
        ("ANKARA, Turkey — Police detained 20 people on Monday.", "ANKARA", "TUR"),
        ("WASHINGTON (Reuters) - The Senate passed the bill on Friday.", "WASHINGTON", "USA"),
    ],
)
def test_geo_dateline_city_and_country(
    parse: Parse, gazetteer: Gazetteer, text: str, city: str, country: str
) -> None:
    places = places_of(parse, gazetteer, text)
    place = one(places, city)
    assert place.role is PlaceRole.DATELINE
    assert place.country == country
    assert article_focus(places) == country


def test_geo_dateline_region_is_dateline_too(parse: Parse, gazetteer: Gazetteer) -> None:
    places = places_of(parse, gazetteer, "ANKARA, Turkey — Police detained 20 people.")
    assert one(places, "Turkey").role is PlaceRole.DATELINE


def test_geo_sentence_opening_capitalised_word_is_no_dateline(
    parse: Parse, gazetteer: Gazetteer
) -> None:
    places = places_of(parse, gazetteer, "Ankara - the capital - was quiet on Monday.")
    assert all(p.role is not PlaceRole.DATELINE for p in places)


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Syrian troops shelled the town overnight.", "Syrian", "SYR"),
        ("The Turkish army crossed the border.", "Turkish", "TUR"),
        ("Three Americans were freed on Friday.", "Americans", "USA"),
    ],
)
def test_geo_demonym_resolves_to_its_country(
    parse: Parse, gazetteer: Gazetteer, text: str, mention: str, country: str
) -> None:
    place = one(places_of(parse, gazetteer, text), mention)
    assert place.role is PlaceRole.DEMONYM
    assert place.feature is Feature.COUNTRY
    assert place.country == country
    assert place.lat is not None


def test_geo_hyphenated_forms(parse: Parse, gazetteer: Gazetteer) -> None:
    text = "An Ankara-based group criticised the Turkish-US deal."
    places = places_of(parse, gazetteer, text)
    assert one(places, "Ankara").country == "TUR"
    assert one(places, "Turkish").role is PlaceRole.DEMONYM
    assert one(places, "US").country == "USA"


def test_geo_toponym_inside_an_ner_organisation_is_embedded(
    parse: Parse, gazetteer: Gazetteer
) -> None:
    text = "The Islamic State of Iraq and the Levant claimed the attack."
    places = places_of(parse, gazetteer, text)
    assert one(places, "Iraq").role is PlaceRole.EMBEDDED
    assert one(places, "Levant").role is PlaceRole.EMBEDDED


def test_geo_toponym_inside_given_org_span_is_embedded(parse: Parse, gazetteer: Gazetteer) -> None:
    text = "Shares of the Bank of Cyprus rose on Monday."
    start = text.index("Bank")
    places = places_of(parse, gazetteer, text, org_spans=[(start, start + len("Bank of Cyprus"))])
    assert one(places, "Cyprus").role is PlaceRole.EMBEDDED


@pytest.mark.parametrize("name", ["Turkey", "Jordan", "Chad"])
def test_geo_country_name_never_resolves_to_a_village(
    parse: Parse, gazetteer: Gazetteer, name: str
) -> None:
    places = places_of(parse, gazetteer, f"Thousands marched in {name} on Sunday.")
    place = one(places, name)
    assert place.feature is Feature.COUNTRY


def test_geo_overlay_facility(parse: Parse, gazetteer: Gazetteer) -> None:
    place = one(
        places_of(parse, gazetteer, "US jets took off from Incirlik Air Base on Friday."),
        "Incirlik Air Base",
    )
    assert place.feature is Feature.FACILITY
    assert place.country == "TUR"
    assert place.lat is not None and abs(place.lat - 37.0) < 0.1
    assert "overlay:fac.incirlik" in place.rules


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "Storms hit Atlanta and Savannah, and the governor of Georgia declared an emergency.",
            "USA",
        ),
        ("Police in Tbilisi said protests spread across Georgia after Russia's move.", "GEO"),
    ],
)
def test_geo_georgia_depends_on_context(
    parse: Parse, gazetteer: Gazetteer, text: str, country: str
) -> None:
    assert one(places_of(parse, gazetteer, text), "Georgia").country == country


def test_geo_washington_alone_is_the_capital(parse: Parse, gazetteer: Gazetteer) -> None:
    text = "Lawmakers returned to Washington after the recess to debate the budget."
    place = one(places_of(parse, gazetteer, text), "Washington")
    assert place.geonameid == 4140963  # Washington, D.C.


def test_geo_skipped_sentences_yield_no_places(parse: Parse, gazetteer: Gazetteer) -> None:
    text = "Fighting spread to Aleppo. Follow us on Twitter from London."
    parsed = parse(text)
    last = len(parsed.sentences) - 1
    places = geoparse(parsed, gazetteer, skip_sentences=frozenset({last}))
    assert [p.mention for p in places] == ["Aleppo"]


def test_geo_offsets_index_the_text(parse: Parse, gazetteer: Gazetteer) -> None:
    text = "Clashes erupted in northern Syria and near Mosul, Iraqi officials said."
    for p in places_of(parse, gazetteer, text):
        assert text[p.start : p.end] == p.mention
        assert p.sentence == 0


def test_geo_resolve_spans_resolves_given_spans(parse: Parse, gazetteer: Gazetteer) -> None:
    text = "Protests in Batman and Diyarbakir continued, Turkish media said."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Batman", "Diyarbakir", "Turkish")]
    places = resolve_spans(text, spans, gazetteer, parse(text))
    assert [p.mention for p in places] == ["Batman", "Diyarbakir", "Turkish"]
    assert all(p.country == "TUR" for p in places)


def test_geo_article_focus_prefers_most_named_country(parse: Parse, gazetteer: Gazetteer) -> None:
    text = "Iraq said Iraq would rebuild Mosul. Turkey offered help."
    assert article_focus(places_of(parse, gazetteer, text)) == "IRQ"


def test_geo_seat_of_power_as_subject_is_metonymic(parse: Parse, gazetteer: Gazetteer) -> None:
    places = places_of(parse, gazetteer, "The Kremlin denied the report on Friday.")
    place = one(places, "Kremlin")
    assert place.role is PlaceRole.METONYMIC
    assert place.feature is Feature.FACILITY


def test_geo_dateline_in_skipped_sentence_is_ignored(parse: Parse, gazetteer: Gazetteer) -> None:
    text = "ANKARA, Turkey — Police detained 20 people."
    places = places_of(parse, gazetteer, text, skip_sentences=frozenset({0}))
    assert places == ()
