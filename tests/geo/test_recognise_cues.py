"""Toponyms the model leaves untagged or mislabels, found by cues in the text
(geo/compounds.py, geo/recognise.py, geo/streets.py): places hyphened to a participle,
demonyms the model took for a person or a language, towns listed after a tagged place, unlisted
names the text calls a place, organisations named for their premises, pairs of streets, and
names inside organisations that open with a listed non-toponym ("New York", "Western Cape")."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from eventwire.geo import Gazetteer, geoparse
from eventwire.geo.compounds import COMPOUND_RULE
from eventwire.geo.lexicon import load_lexicon
from eventwire.geo.mention import LOCAL_RULE
from eventwire.geo.recognise import recognise
from eventwire.geo.streets import PAIR_RULE
from eventwire.model import ParsedText, PlaceRole

from .test_recognise import found, parsed, w

Parse = Callable[[str], ParsedText]


# ---- places hyphened to a participle ----------------------------------------------------------
@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mention", "role", "country"),
    [
        ("Analysts said the U.S.-led coalition struck again.", "U.S.", PlaceRole.METONYMIC, "USA"),
        ("Iran-backed militias fired rockets overnight.", "Iran", PlaceRole.METONYMIC, "IRN"),
        ("A Saudi Arabia-led alliance hit the port.", "Saudi Arabia", PlaceRole.METONYMIC, "SAU"),
        ("A London-based charity sent food.", "London", PlaceRole.DEMONYM, "GBR"),
        ("The Qatar-brokered truce held.", "Qatar", PlaceRole.METONYMIC, "QAT"),
    ],
)
def test_geo_place_hyphened_to_a_participle_gets_the_participles_role(
    parse: Parse, gazetteer: Gazetteer, text: str, mention: str, role: PlaceRole, country: str
) -> None:
    places = {p.mention: p for p in geoparse(parse(text), gazetteer)}
    assert places[mention].role is role
    assert places[mention].country == country


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "A state-run newspaper printed the list.",
        "An Al-Qaeda-linked group claimed the blast.",
        "The year-long siege ended.",
    ],
)
def test_geo_no_place_from_a_hyphened_word_that_names_none(
    parse: Parse, gazetteer: Gazetteer, text: str
) -> None:
    rules = [r for p in geoparse(parse(text), gazetteer) for r in p.rules]
    assert not any(r.startswith(COMPOUND_RULE) for r in rules)


@pytest.mark.model
def test_geo_a_hyphened_agent_is_no_literal_place(parse: Parse, gazetteer: Gazetteer) -> None:
    # only literal places locate an event (coding/locations.py): "US-led forces" do not
    places = geoparse(parse("US-led forces shelled a town in eastern Syria."), gazetteer)
    literal = {p.country for p in places if p.role is PlaceRole.LITERAL}
    assert literal == {"SYR"}


# ---- mislabelled demonyms and listed towns ------------------------------------------------------
def _with_head(p: ParsedText, i: int, dep: str, head: int) -> ParsedText:
    tokens = list(p.tokens)
    tokens[i] = dataclasses.replace(tokens[i], dep=dep, head=head)
    return dataclasses.replace(p, tokens=tuple(tokens))


@pytest.mark.parametrize(
    ("label", "dep", "head", "expected"),
    [
        ("PERSON", "compound", 3, True),  # "Azerbaijani soldiers"
        ("LANGUAGE", "amod", 3, True),  # "the English city"
        ("LANGUAGE", "pobj", 1, False),  # "written in English"
    ],
)
def test_geo_demonym_mislabelled_as_person_or_language_counts_when_it_modifies_a_noun(
    gazetteer: Gazetteer, label: str, dep: str, head: int, expected: bool
) -> None:
    words = [w("Mines"), w("laid", pos="VERB"), w("English", label, "ADJ"), w("soldiers"), w(".")]
    p = _with_head(parsed(words), 2, dep, head)
    rules = found(gazetteer, p).get("English", ())
    assert ("geo.recognise.mislabelled-demonym" in rules) is expected


@pytest.mark.parametrize(
    ("second", "expected"),
    [("Deventer", True), ("Smith", False)],
)
def test_geo_town_tagged_person_counts_when_listed_after_a_tagged_place(
    gazetteer: Gazetteer, second: str, expected: bool
) -> None:
    words = [
        w("Trains"), w("stop", pos="VERB"), w("in", pos="ADP"), w("Zwolle", "GPE"),
        w("and", pos="CCONJ"), w(second, "PERSON"), w("."),
    ]  # fmt: skip
    assert (second in found(gazetteer, parsed(words))) is expected


# ---- unlisted names the text places, organisations for their premises, street pairs -----------
@pytest.mark.parametrize(
    ("words", "name"),
    [
        ([w("the"), w("village"), w("of", pos="ADP"), w("Brusqalo", "GPE"), w(".")], "Brusqalo"),
        ([w("stayed", pos="VERB"), w("at", pos="ADP"), w("Brusqalo", "GPE"), w(".")], "Brusqalo"),
        ([w("Brusqalo", "GPE"), w("won", pos="VERB"), w("."), w("again")], None),
    ],
)
def test_geo_unlisted_name_the_text_calls_a_place_is_a_local_place(
    gazetteer: Gazetteer, words: list[tuple[str, str, str]], name: str | None
) -> None:
    got = found(gazetteer, parsed(words))
    if name is None:
        assert not got
    else:
        assert any(r.endswith(LOCAL_RULE) for r in got[name])


@pytest.mark.parametrize(
    ("before", "expected"),
    [("at", True), ("outside", True), ("said", False)],
)
def test_geo_organisation_after_a_preposition_of_premises_is_a_local_place(
    gazetteer: Gazetteer, before: str, expected: bool
) -> None:
    words = [
        w("Crowds"), w("gathered", pos="VERB"), w(before, pos="ADP"), w("Quillby", "ORG"),
        w("Foods", "ORG"), w("."),
    ]  # fmt: skip
    rules = found(gazetteer, parsed(words)).get("Quillby Foods", ())
    assert ("geo.recognise.org-premises" + LOCAL_RULE in rules) is expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (
            [w("down"), w("Quillby"), w("and", pos="CCONJ"), w("Marrow"), w("streets"), w(".")],
            {"Quillby", "Marrow"},
        ),
        (
            [w("the"), w("corner"), w("of", pos="ADP"), w("Quillby"), w("and", pos="CCONJ"),
             w("Marrow"), w(".")],
            {"Quillby", "Marrow"},
        ),
        ([w("Quillby"), w("and", pos="CCONJ"), w("Marrow"), w("said", pos="VERB"), w(".")], set()),
    ],
)  # fmt: skip
def test_geo_street_pairs_are_two_local_places(
    gazetteer: Gazetteer, words: list[tuple[str, str, str]], expected: set[str]
) -> None:
    p = parsed(words)
    got = {
        p.text[m.start : m.end]
        for m in recognise(p, gazetteer, load_lexicon())
        if any(r.startswith(PAIR_RULE) for r in m.rules)
    }
    assert got == expected


# ---- names inside organisations ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("words", "name"),
    [
        ([w("Western", "ORG", "ADJ"), w("Cape", "ORG"), w("Health", "ORG"), w("said", pos="VERB")],
         "Western Cape"),
        ([w("New", "ORG"), w("York", "ORG"), w("Police", "ORG"), w("said", pos="VERB")],
         "New York"),
        ([w("Leeds", "PERSON"), w("Chamber", "PERSON"), w("of", "PERSON", "ADP"),
          w("Commerce", "PERSON"), w("said", pos="VERB")], "Leeds"),
    ],
)  # fmt: skip
def test_geo_place_inside_an_organisation_name_is_embedded(
    gazetteer: Gazetteer, words: list[tuple[str, str, str]], name: str
) -> None:
    got = found(gazetteer, parsed(words))
    assert name in got
    assert any("embedded" in r for r in got[name])


def test_geo_a_listed_non_toponym_alone_inside_an_organisation_is_no_place(
    gazetteer: Gazetteer,
) -> None:
    words = [w("Central", "ORG", "ADJ"), w("Bank", "ORG"), w("said", pos="VERB"), w(".")]
    assert "Central" not in found(gazetteer, parsed(words))


# ---- rivers are lines -------------------------------------------------------------------------
@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "near_lat", "rule"),
    [
        # a town right next to the river: that stretch
        ("Boats sank on the Danube River near Novi Sad on Monday.", 45.25, "geo.resolve.anchored"),
        # the article's town: its stretch
        (
            "Novi Sad flooded again. Police in Novi Sad said the Danube River rose overnight.",
            45.25,
            "geo.resolve.article-locality",
        ),
    ],
)
def test_geo_a_river_is_placed_at_the_stretch_the_article_is_about(
    parse: Parse, gazetteer: Gazetteer, text: str, near_lat: float, rule: str
) -> None:
    river = next(p for p in geoparse(parse(text), gazetteer) if p.mention == "Danube River")
    assert any(r.startswith("overlay:river.") for r in river.rules)
    assert rule in river.rules
    assert river.lat is not None and abs(river.lat - near_lat) < 0.2


@pytest.mark.model
def test_geo_a_river_far_from_the_articles_town_keeps_its_own_point(
    parse: Parse, gazetteer: Gazetteer
) -> None:
    text = "Police in Sydney said a tourist from Sydney had photographed the Danube River."
    river = next(p for p in geoparse(parse(text), gazetteer) if p.mention == "Danube River")
    assert river.country != "AUS" and river.lat is not None and river.lat > 40


# ---- spellings the overlay gives a town count as its main name ----------------------------
@pytest.mark.model
def test_geo_an_overlay_spelling_of_a_town_counts_as_its_main_name(
    parse: Parse, gazetteer: Gazetteer
) -> None:
    # "Hodeidah" is an overlay alias of GeoNames' Al Hudaydah; untagged by the model, with no
    # country named, the gazetteer matcher takes it as firmly as the town's own name
    places = geoparse(parse("Jets struck Hodeidah on Monday."), gazetteer)
    hodeidah = next(p for p in places if p.mention == "Hodeidah")
    assert hodeidah.country == "YEM"
    k = gazetteer.lookup_key("hodeidah")[0]
    assert gazetteer.is_main_name(k, "hodeidah")
    assert not gazetteer.is_main_name(k, "hudaydah city")


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # a small town inside a building's name: the building is the place
        (
            [w("Fans"), w("queued", pos="VERB"), w("at", pos="ADP"), w("the", pos="DET"),
             w("Keswick", "ORG"), w("Theatre", "ORG"), w(".")],
            "Keswick Theatre",
        ),
        # a big town inside it is still found (and later checked against the locality)
        (
            [w("Fans"), w("queued", pos="VERB"), w("at", pos="ADP"), w("the", pos="DET"),
             w("Leeds", "ORG"), w("Theatre", "ORG"), w(".")],
            "Leeds",
        ),
    ],
)  # fmt: skip
def test_geo_a_weak_town_inside_a_building_name_gives_way_to_the_building(
    gazetteer: Gazetteer, words: list[tuple[str, str, str]], expected: str
) -> None:
    assert list(found(gazetteer, parsed(words))) == [expected]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ([w("treated", pos="VERB"), w("at", pos="ADP"), w("the", pos="DET"), w("Central", "ORG"),
          w("Quillby", "ORG"), w("Hospital", "ORG"), w(".")], ["Central Quillby Hospital"]),
        ([w("treated", pos="VERB"), w("at", pos="ADP"), w("Central", "ORG"), w(".")], []),
    ],
)  # fmt: skip
def test_geo_a_listed_non_toponym_may_open_a_building_name(
    gazetteer: Gazetteer, words: list[tuple[str, str, str]], expected: list[str]
) -> None:
    assert list(found(gazetteer, parsed(words))) == expected


def test_geo_street_pair_wins_over_a_weak_town_and_an_org_tag(gazetteer: Gazetteer) -> None:
    # "Hubbard" is a small town, and the model may tag the first name ORG
    words = [
        w("at", pos="ADP"), w("the"), w("corner"), w("of", pos="ADP"), w("State", "ORG"),
        w("and", pos="CCONJ"), w("Hubbard"), w("streets"), w("."),
    ]  # fmt: skip
    p = parsed(words)
    got = {
        p.text[m.start : m.end]
        for m in recognise(p, gazetteer, load_lexicon())
        if any(r.startswith(PAIR_RULE) for r in m.rules)
    }
    assert got == {"State", "Hubbard"}


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # an untagged division right after a tagged place and a comma, however small
        ([w("near", pos="ADP"), w("New", "GPE"), w("Quay", "GPE"), w(",", pos="PUNCT"),
          w("Ceredigion"), w(",", pos="PUNCT"), w("on", pos="ADP"), w("Friday")], True),
        # no place before the comma, or no comma
        ([w("said", pos="VERB"), w("Evans"), w(",", pos="PUNCT"), w("Ceredigion"),
          w("councillor")], False),
        ([w("near", pos="ADP"), w("New", "GPE"), w("Quay", "GPE"), w("Ceredigion")], False),
    ],
)  # fmt: skip
def test_geo_untagged_division_after_a_place_and_a_comma(
    gazetteer: Gazetteer, words: list[tuple[str, str, str]], expected: bool
) -> None:
    rules = found(gazetteer, parsed(words)).get("Ceredigion", ())
    assert ("geo.recognise.division-after-place" in rules) is expected
