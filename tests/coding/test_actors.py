"""Actor dictionary and noun-phrase actor resolution (eventwire.coding.actors)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.coding.actor_dictionary import ActorDictionary
from eventwire.coding.actors import actor_for_phrase, find_mentions, find_organisations
from eventwire.coding.name_keys import case_fits, name_key
from eventwire.errors import KnowledgeError
from eventwire.model import Entity, ParsedText, Sentence, Token

ON = dt.date(2015, 7, 25)


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def _head(parsed: ParsedText, word: str) -> int:
    return next(t.i for t in parsed.tokens if t.text == word)


# --------------------------------------------------------------------------- the data


def test_actors_every_pycountry_country_is_present(dictionary: ActorDictionary) -> None:
    missing = [c.alpha_3 for c in pycountry.countries if c.alpha_3 not in dictionary.countries]
    assert missing == []


def test_actors_at_least_150_organisations(dictionary: ActorDictionary) -> None:
    assert len(dictionary.organisations) >= 150


def test_actors_people_cover_60_countries(dictionary: ActorDictionary) -> None:
    assert len({p.country for p in dictionary.people.values()}) >= 60


@pytest.mark.parametrize(
    ("name", "org"),
    [
        ("ISIL", "ISIS"),
        ("Daesh", "ISIS"),
        ("Islamic State of Iraq and the Levant", "ISIS"),
        ("Ansar Allah", "HOUTHIS"),
        ("Hashd al-Shaabi", "PMF"),
        ("UN Security Council", "UNO"),
        ("Doctors Without Borders", "MSF"),
        ("Rapid Support Forces", "RSF"),
    ],
)
def test_actors_organisation_aliases(dictionary: ActorDictionary, name: str, org: str) -> None:
    forms = dictionary.names[name_key(name)]
    assert any(f.entry == org for f in forms)


@pytest.mark.parametrize(
    ("form", "found", "fits"),
    [
        ("US", "US", True),
        ("US", "us", False),
        ("IS", "is", False),
        ("Turkey", "turkey", False),
        ("Turkey", "TURKEY", True),
        ("international coalition", "International Coalition", True),
        ("Erdoğan", "Erdogan", True),
    ],
)
def test_actors_case_rules(form: str, found: str, fits: bool) -> None:
    assert case_fits(form, found) is fits


def test_actors_person_terms_are_date_bounded(dictionary: ActorDictionary) -> None:
    trump = dictionary.people["trump-donald"]
    assert trump.term_on(dt.date(2015, 6, 1)) is None
    assert trump.term_on(dt.date(2018, 6, 1)) is not None
    assert trump.term_on(dt.date(2022, 6, 1)) is None


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "extra.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_actors_extra_file_overrides_by_id(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "version: 1\nsource: test\nlicense: CC0\nkind: organisations\nentries:\n"
        "  - {id: NATO, name: Western alliance, aliases: [the Alliance], sector: IGO}\n"
        "  - {id: TESTGRP, name: Test Brigade, sector: REB, country: TUR}\n",
    )
    extended = ActorDictionary.load([path])
    assert extended.organisations["NATO"].name == "Western alliance"
    assert extended.organisations["TESTGRP"].country == "TUR"
    assert "TESTGRP" not in ActorDictionary.load().organisations


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("  - {id: BAD, name: Bad, sector: XYZ}\n", ":6: entry 'BAD' has unknown sector"),
        ("  - {id: BAD, name: Bad, sector: REB, country: QQQ}\n", "entry 'BAD' names country"),
        ("  - {name: Bad, sector: REB}\n", "has no 'id'"),
    ],
)
def test_actors_bad_entries_name_file_line_and_id(tmp_path: Path, entry: str, message: str) -> None:
    path = _write(
        tmp_path, "version: 1\nsource: test\nlicense: CC0\nkind: organisations\nentries:\n" + entry
    )
    with pytest.raises(KnowledgeError, match=message) as info:
        ActorDictionary.load([path])
    assert str(path) in str(info.value)


def test_actors_bad_person_term_is_reported(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "version: 1\nsource: test\nlicense: CC0\nkind: people\nentries:\n"
        "  - {id: x-y, name: X Y, country: TUR, terms: [[president, 2010-01-01, 2009-01-01]]}\n",
    )
    with pytest.raises(KnowledgeError, match="x-y' has a 'president' term that ends"):
        ActorDictionary.load([path])


# --------------------------------------------------------------------------- phrases (model)

PHRASES = [
    ("Turkish officials said the deal was done.", "officials", "TURGOV"),
    ("The Turkish military shelled the village.", "military", "TURMIL"),
    ("US jets struck the depot.", "jets", "USAMIL"),
    ("Ankara and Washington agreed to cooperate.", "Ankara", "TURGOV"),
    ("Ankara and Washington agreed to cooperate.", "Washington", "USAGOV"),
    ("Turkey opened its bases.", "Turkey", "TUR"),
    ("ISIS jihadists attacked the village.", "jihadists", "ISIS"),
    ("Troops fought the militants belonging to the Islamic State.", "militants", "ISIS"),
    ("An ISIS suicide bomber killed nine people.", "bomber", "ISIS"),
    ("Rebels attacked the base.", "Rebels", "REB"),
    ("Syrian rebels attacked the base.", "rebels", "SYRREB"),
    ("Syrian President Bashar al-Assad's regime bombed the suburb.", "regime", "SYRGOV"),
    ("A senior Turkish diplomat said talks would resume.", "diplomat", "TURGOV"),
    ("The pact binds NATO allies Turkey and the United States.", "Turkey", "TUR"),
    ("Gunmen attacked police in Lagos.", "police", "COP"),
    ("The Kremlin denied the report.", "Kremlin", "RUSGOV"),
    ("The White House denied the report.", "House", "USAGOV"),
    ("The Pentagon denied the report.", "Pentagon", "USAMIL"),
    ("Downing Street denied the report.", "Street", "GBRGOV"),
    ("Assad said the war would go on.", "Assad", "SYRGOV"),
    ("Obama said the war would go on.", "Obama", "USAGOV"),
    ("Turkish-backed rebels seized the village.", "rebels", "REB"),
    ("The Syrian Democratic Forces captured the dam.", "Forces", "SDF"),
    ("Hezbollah fighters crossed the border.", "fighters", "HEZBOLLAH"),
    ("Georgia and Russia fought a short war.", "Georgia", "GEO"),
    ("The Islamic State of Iraq and the Levant claimed the attack.", "State", "ISIS"),
    ("Pentagon officials said the jets had landed.", "officials", "USAMIL"),
    ("Erdoğan spoke to reporters.", "Erdoğan", "TURGOV"),
    ("The army of Syria advanced.", "army", "SYRMIL"),
    ("Troops loyal to Assad advanced.", "Troops", "SYRMIL"),
    ("US-led coalition aircraft struck the bridge.", "aircraft", "COALITION"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "word", "code"), PHRASES)
def test_actors_phrase_resolves(
    parse: Callable[[str], ParsedText],
    dictionary: ActorDictionary,
    text: str,
    word: str,
    code: str,
) -> None:
    parsed = parse(text)
    actor = actor_for_phrase(parsed, _head(parsed, word), ON, dictionary)
    assert actor is not None
    assert actor.code == code
    assert actor.span is not None
    assert parsed.text[actor.span.start : actor.span.end] == actor.span.text
    assert actor.rules


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Trump said the war would go on.", "Trump"),  # not in office in 2015
        ("She bought some Turkish delight.", "delight"),
        ("They reached the Turkish border.", "border"),
        ("The leader resigned.", "leader"),
        ("The turkey was roasted.", "turkey"),
    ],
)
def test_actors_phrase_gives_no_actor(
    parse: Callable[[str], ParsedText], dictionary: ActorDictionary, text: str, word: str
) -> None:
    parsed = parse(text)
    assert actor_for_phrase(parsed, _head(parsed, word), ON, dictionary) is None


@pytest.mark.model
def test_actors_person_after_term_is_elite(
    parse: Callable[[str], ParsedText], dictionary: ActorDictionary
) -> None:
    parsed = parse("Obama said the war would go on.")
    actor = actor_for_phrase(parsed, 0, dt.date(2019, 1, 1), dictionary)
    assert actor is not None
    assert (actor.code, actor.sector) == ("USAELI", "ELI")


@pytest.mark.model
def test_actors_person_rules_name_the_entry(
    parse: Callable[[str], ParsedText], dictionary: ActorDictionary
) -> None:
    parsed = parse("Assad said the war would go on.")
    actor = actor_for_phrase(parsed, 0, ON, dictionary)
    assert actor is not None
    assert actor.rules == ("person.assad-bashar.president",)
    assert (actor.country, actor.sector) == ("SYR", "GOV")


@pytest.mark.model
def test_actors_find_organisations_marks_long_names(
    parse: Callable[[str], ParsedText], dictionary: ActorDictionary
) -> None:
    text = "The Islamic State of Iraq and the Levant (ISIL) fought Hezbollah near the Sea of Azov."
    found = find_organisations(parse(text), dictionary)
    spans = [(text[s:e], org) for s, e, org in found]
    assert spans == [
        ("Islamic State of Iraq and the Levant", "ISIS"),
        ("ISIL", "ISIS"),
        ("Hezbollah", "HEZBOLLAH"),
    ]


# --------------------------------------------------------------------------- without the model


def _parsed(words: list[str]) -> ParsedText:
    """A flat hand-built parse: every token attached to the last one."""
    text = " ".join(words)
    tokens: list[Token] = []
    offset = 0
    last = len(words) - 1
    for i, word in enumerate(words):
        tokens.append(
            Token(
                i,
                word,
                word.lower(),
                "PROPN",
                "NNP",
                "compound" if i < last else "ROOT",
                last,
                offset,
                offset + len(word),
                0,
            )
        )
        offset += len(word) + 1
    children = tuple(tuple(range(last)) if i == last else () for i in range(len(words)))
    sentence = Sentence(0, 0, len(words), 0, len(text), text)
    entity: tuple[Entity, ...] = ()
    return ParsedText(text, tuple(tokens), (sentence,), entity, children)


def test_actors_longest_name_wins_without_model(dictionary: ActorDictionary) -> None:
    parsed = _parsed(["Syrian", "Democratic", "Forces"])
    mentions = find_mentions(parsed, dictionary)
    assert [(m.text, m.forms[0].entry) for m in mentions] == [("Syrian Democratic Forces", "SDF")]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["US", "us", "Turkey", "ISIS", "the", "Islamic", "State", "x"]),
        min_size=1,
        max_size=8,
    )
)
def test_actors_mentions_stay_in_text(words: list[str]) -> None:
    dictionary = ActorDictionary.load()
    parsed = _parsed(words)
    for mention in find_mentions(parsed, dictionary):
        assert parsed.text[mention.start : mention.end] == mention.text
        assert 0 <= mention.first <= mention.last < len(words)
