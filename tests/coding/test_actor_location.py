"""Where an actor is: location-coded groups, people and ethnic groups, event nouns as
agents, titled names placed by their sentence (eventwire.coding.actors, .resolver)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from eventwire.coding.actor_dictionary import ActorDictionary
from eventwire.coding.actors import actor_for_phrase
from eventwire.coding.resolver import ActorResolver
from eventwire.model import Actor, Feature, ParsedText, Place, PlaceRole

from .harness import code_with_actors

pytestmark = pytest.mark.model

ON = dt.date(2020, 5, 17)


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def _actor(
    parse: Callable[[str], ParsedText], dictionary: ActorDictionary, text: str, word: str
) -> Actor | None:
    parsed = parse(text)
    head = next(t.i for t in parsed.tokens if t.text == word)
    return ActorResolver(parsed, dictionary, ON).actor_at(head)


@pytest.mark.parametrize(
    ("text", "word", "code", "rule"),
    [
        # a sector or group located by a country or capital after "in"
        ("Rebels in Chad attacked the town.", "Rebels", "TCDREB", "actor.located-in"),
        ("Protesters in Nairobi marched on Friday.", "Protesters", "KENCVL", "actor.located-in"),
        ("Opposition groups in Togo boycotted the vote.", "groups", "TGOOPP", "actor.located-in"),
        # a people coded where it lives
        ("Bosnian Croats demanded a new vote.", "Croats", "BIH", "actor.located-people"),
        ("Serbs in Croatia protested on Sunday.", "Serbs", "HRV", "actor.located-people"),
        ("Iranian Kurds marched to the border.", "Kurds", "IRNCVL", "actor.located-people"),
        # an ethnic group takes the place of its clause
        ("Ethnic Hungarians rallied in Romania.", "Hungarians", "ROUCVL", "actor.ethnic-group"),
        # violent event nouns: unknown attackers, or the owner's military
        ("A car bomb killed four soldiers.", "bomb", "UAF", "sector.attack-event"),
        ("Israeli missiles hit the port.", "missiles", "ISRMIL", "country.ISR"),
        # a modifier's sector makes a non-standalone head an actor
        ("Opposition leaders rejected the offer.", "leaders", "OPP", "sector.opposition"),
        # affiliation by base
        ("Militants based in Mali ambushed a convoy.", "Militants", "MLIREB", "country.MLI"),
        # ranks are military
        (
            "Gen. Ahmed Farouk resigned to allow Egypt's elections.",
            "Farouk",
            "EGYMIL",
            "sector.military",
        ),
        # a titled unknown name takes its sentence's only country
        (
            "President Joseph Ndaye pardoned the Zambian prisoners.",
            "Ndaye",
            "ZMBGOV",
            "actor.country-from-sentence",
        ),
        # former states are their successors
        ("Soviet troops withdrew from the city.", "troops", "RUSMIL", "adjective.soviet"),
        ("Yugoslav officials denied the report.", "officials", "SRBGOV", "adjective.yugoslav"),
        ("Zaire closed its border.", "Zaire", "COD", "country.COD"),
    ],
)
def test_actor_location_codes(
    parse: Callable[[str], ParsedText],
    dictionary: ActorDictionary,
    text: str,
    word: str,
    code: str,
    rule: str,
) -> None:
    actor = _actor(parse, dictionary, text, word)
    assert actor is not None
    assert actor.code == code
    assert rule in actor.rules


@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        ("Police in Lagos arrested two men.", "Police", "COP"),  # a city: left to the caller
        ("Rebels in the north attacked the town.", "Rebels", "REB"),
        ("Serbs protested on Sunday.", "Serbs", "SRB"),  # no other country: the demonym's
        ("Ethnic Russians rallied on Sunday.", "Russians", "CVL"),  # place left to the caller
        ("Bosnian Serbs protested.", "Serbs", "BIH"),
        # two countries in the sentence: the name is not placed
        ("President Joseph Ndaye met Kenyan and Zambian envoys.", "Ndaye", "GOV"),
    ],
)
def test_actor_location_keeps_or_leaves_the_country(
    parse: Callable[[str], ParsedText],
    dictionary: ActorDictionary,
    text: str,
    word: str,
    code: str,
) -> None:
    actor = _actor(parse, dictionary, text, word)
    assert actor is not None
    assert actor.code == code


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Ministers condemned the bombing.", "bombing"),  # an event noun as object: no one
        ("The explosion was condemned by the mayor.", "explosion"),
        ("The leader resigned.", "leader"),
    ],
)
def test_actor_location_gives_no_actor(
    parse: Callable[[str], ParsedText], dictionary: ActorDictionary, text: str, word: str
) -> None:
    assert _actor(parse, dictionary, text, word) is None


def test_actor_location_sponsor_still_wins(
    parse: Callable[[str], ParsedText], dictionary: ActorDictionary
) -> None:
    parsed = parse("Turkish-backed rebels in Syria seized the village.")
    head = next(t.i for t in parsed.tokens if t.text == "rebels")
    actor = actor_for_phrase(parsed, head, ON, dictionary)
    assert actor is not None
    assert actor.code == "SYRREB"


def _demonym_place(parsed: ParsedText, word: str, country: str) -> Place:
    tok = next(t for t in parsed.tokens if t.text == word)
    return Place(
        mention=word,
        start=tok.start,
        end=tok.end,
        name=word,
        country=country,
        admin1=None,
        lat=None,
        lon=None,
        geonameid=None,
        feature=Feature.COUNTRY,
        role=PlaceRole.DEMONYM,
    )


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "country", "code"),
    [
        # the sponsor's name hyphened to a participle is not where the group is
        ("Russian-backed separatists shelled the town.", "Russian", "RUS", "REB"),
        ("Iranian-funded militias attacked the base.", "Iranian", "IRN", "REB"),
    ],
)
def test_actor_location_sponsor_place_is_not_the_group_country(
    parse: Callable[[str], ParsedText], text: str, word: str, country: str, code: str
) -> None:
    parsed = parse(text)
    events = code_with_actors(parsed, (_demonym_place(parsed, word, country),))
    source = max(events, key=lambda e: e.confidence).source
    assert source is not None and source.code == code
    assert "actor.country-from-phrase-place" not in source.rules
