"""Peoples and religious communities (data/actors/groups.yaml), more organisations and
institution metonyms: coded where they live (eventwire.coding.actors, .actor_dictionary)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.coding.actor_dictionary import ActorDictionary
from eventwire.coding.name_keys import name_key
from eventwire.coding.resolver import ActorResolver
from eventwire.errors import KnowledgeError
from eventwire.model import Actor, ParsedText

ON = dt.date(2010, 3, 9)
HEADER = "version: 1\nsource: test\nlicense: CC0\nkind: groups\nentries:\n"


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def _actor(
    parse: Callable[[str], ParsedText], dictionary: ActorDictionary, text: str, word: str
) -> Actor | None:
    parsed = parse(text)
    head = next(t.i for t in parsed.tokens if t.text == word)
    return ActorResolver(parsed, dictionary, ON).actor_at(head)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "code", "rule"),
    [
        # a group tied to one country: its home when the text gives no place
        ("Yoruba farmers blocked the highway on Monday.", "farmers", "NGAAGR", "group.yoruba"),
        ("Uighurs were detained by the hundreds.", "Uighurs", "CHNCVL", "actor.group-home"),
        ("Tamil rebels killed ten soldiers.", "rebels", "LKAREB", "group.tamils"),
        ("Hazara leaders demanded protection.", "leaders", "AFGCVL", "group.hazara"),
        # the text's place beats the home country
        ("Tamils in India demanded help.", "Tamils", "INDCVL", "actor.located-people"),
        ("Hindus marched in Dhaka on Sunday.", "Hindus", "BGDCVL", "actor.located-clause"),
        ("Pakistani Pashtuns rallied against the raids.", "Pashtuns", "PAKCVL", "group.pashtun"),
        # a group of several countries takes the one country its sentence names
        ("Kurdish rebels attacked a Turkish army post.", "rebels", "TURREB", "group.kurds"),
        ("Druze villagers fled after Syrian shelling.", "villagers", "SYRCVL", "group.druze"),
        ("Hutu militiamen crossed into Burundi.", "militiamen", "BDIREB", "group.hutu"),
        # ...and a civilian group for the caller to locate when it names none
        ("Kurds marched to the border.", "Kurds", "CVL", "group.kurds"),
        ("The Kurdish minority rejected the deal.", "minority", "CVL", "group.kurds"),
        # a world-wide community is placed only by its own phrase or clause
        ("Muslims protested in France.", "Muslims", "FRACVL", "group.muslims"),
        ("Shiite militias shelled the town.", "militias", "REB", "group.shia"),
    ],
)
def test_actor_groups_code_where_they_live(
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


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Karen Smith criticised the plan.", "Smith"),  # a person, not the Karen people
        ("Mr Baloch denied the charges.", "Baloch"),  # a surname after a title
        ("The Kurdish cuisine was praised.", "cuisine"),  # no sector or community head
    ],
)
def test_actor_groups_ignore_names_and_things(
    parse: Callable[[str], ParsedText], dictionary: ActorDictionary, text: str, word: str
) -> None:
    actor = _actor(parse, dictionary, text, word)
    assert actor is None or not any(r.startswith("group.") for r in actor.rules)


@pytest.mark.model
def test_actor_groups_named_country_wins(
    parse: Callable[[str], ParsedText], dictionary: ActorDictionary
) -> None:
    actor = _actor(parse, dictionary, "Iraqi Kurdish officials met the envoy.", "officials")
    assert actor is not None and actor.code == "IRQGOV"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        # institutions standing for a state sector
        ("The Blue House rejected the offer.", "House", "KORGOV"),
        ("Foggy Bottom said nothing.", "Bottom", "USAGOV"),
        ("The Sejm passed the bill.", "Sejm", "POLLEG"),
        ("Carabinieri arrested two men.", "Carabinieri", "ITACOP"),
        # an institution name owned by another country's name
        ("The Russian Ministry of Defence denied the report.", "Ministry", "RUSMIL"),
        ("The German Foreign Office summoned the envoy.", "Office", "DEUGOV"),
        # organisations with their country
        ("The Mai-Mai attacked the village.", "Mai", "MAIMAI"),
        ("Sinn Fein rejected the plan.", "Fein", "SINNFEIN"),
    ],
)
def test_actor_institutions_and_organisations(
    parse: Callable[[str], ParsedText],
    dictionary: ActorDictionary,
    text: str,
    word: str,
    code: str,
) -> None:
    actor = _actor(parse, dictionary, text, word)
    assert actor is not None and actor.code == code


def test_actor_groups_shipped_file_is_loaded(dictionary: ActorDictionary) -> None:
    assert len(dictionary.groups) >= 150
    assert dictionary.groups["yoruba"].home == "NGA"
    assert dictionary.groups["kurds"].home is None
    assert "IRQ" in dictionary.groups["kurds"].countries
    assert name_key("Rohingya") in dictionary.group_names
    assert "minority" in dictionary.community_words


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ("  - {id: x, spread: one, countries: [XXX], names: [Xans]}\n", "country 'XXX'"),
        ("  - {id: x, spread: many, countries: [NGA], names: [Xans]}\n", "spread 'many'"),
        ("  - {id: x, spread: one, countries: [], names: [Xans]}\n", "no 'countries'"),
        ("  - {id: x, spread: one, countries: [NGA], names: []}\n", "no 'names'"),
        ("  - {id: x, spread: one, countries: [NGA], names: [Nigerians]}\n", "already a"),
    ],
)
def test_actor_groups_loader_names_the_problem(tmp_path: Path, entry: str, problem: str) -> None:
    path = tmp_path / "groups.yaml"
    path.write_text(HEADER + entry, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=problem):
        ActorDictionary.load((path,))


def test_actor_groups_user_file_adds_a_group(tmp_path: Path) -> None:
    path = tmp_path / "groups.yaml"
    path.write_text(
        HEADER + "  - {id: zorbs, spread: one, countries: [MLT], names: [Zorbs, Zorbish]}\n",
        encoding="utf-8",
    )
    extended = ActorDictionary.load((path,))
    assert extended.groups["zorbs"].home == "MLT"
    assert extended.group_names[name_key("Zorbish")] == (("Zorbish", "zorbs"),)
    assert "yoruba" in extended.groups
