"""Recognition passes on hand-built parses (geo/recognise.py), so the model is not under test:
person-like names after place prepositions, one sense per article, weak cities."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.geo import Gazetteer, geoparse
from eventwire.geo.lexicon import load_lexicon
from eventwire.geo.recognise import LOCATIVE_RULE, SAME_NAME_RULE, recognise
from eventwire.model import Entity, ParsedText, Sentence, Token

Parse = Callable[[str], ParsedText]


def parsed(words: list[tuple[str, str, str]]) -> ParsedText:
    """A one-sentence parse from (text, pos, entity label) triples, tokens joined by spaces;
    consecutive tokens with the same label form one entity."""
    tokens: list[Token] = []
    at = 0
    for i, (text, pos, label) in enumerate(words):
        iob = "" if not label else ("I" if i and words[i - 1][2] == label else "B")
        tokens.append(
            Token(i, text, text.lower(), pos, pos, "dep", i, at, at + len(text), 0, label,
                  iob or "O")
        )  # fmt: skip
        at += len(text) + 1
    text = " ".join(w for w, _, _ in words)
    entities: list[Entity] = []
    for t in tokens:
        if t.ent_iob == "B":
            last = t.i + 1
            while last < len(tokens) and tokens[last].ent_iob == "I":
                last += 1
            end = tokens[last - 1].end
            entities.append(Entity(t.i, last, t.start, end, text[t.start : end], t.ent_type))
    sentence = Sentence(0, 0, len(tokens), 0, len(text), text)
    return ParsedText(text, tuple(tokens), (sentence,), tuple(entities), ((),) * len(tokens))


def found(gazetteer: Gazetteer, p: ParsedText) -> dict[str, tuple[str, ...]]:
    return {p.text[m.start : m.end]: m.rules for m in recognise(p, gazetteer, load_lexicon())}


def w(text: str, label: str = "", pos: str = "") -> tuple[str, str, str]:
    return (text, pos or ("PROPN" if text[:1].isupper() else "NOUN"), label)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ([w("Crowds"), w("gathered", pos="VERB"), w("in", pos="ADP"), w("Houston"), w(".")], True),
        ([w("Talks"), w("began", pos="VERB"), w("in", pos="ADP"), w("Jordan"), w(".")], True),
        # no place preposition, or a surname follows: a person
        ([w("Crowds"), w("cheered", pos="VERB"), w("Houston"), w(".")], False),
        ([w("a"), w("friend"), w("of", pos="ADP"), w("Houston"), w(".")], False),
        ([w("in", pos="ADP"), w("Houston"), w("Rockets"), w("colours")], False),
    ],
)
def test_geo_person_like_name_after_place_preposition_is_a_place(
    gazetteer: Gazetteer, words: list[tuple[str, str, str]], expected: bool
) -> None:
    names = [t for t, _, _ in words if t in {"Houston", "Jordan"}]
    assert (names[0] in found(gazetteer, parsed(words))) is expected


def test_geo_a_firm_place_name_is_a_place_elsewhere_in_the_article(gazetteer: Gazetteer) -> None:
    words = [
        w("Shelling"), w("hit", pos="VERB"), w("Pittenweem", "GPE"), w("."),
        w("Later"), w(","), w("Pittenweem"), w("lost", pos="VERB"), w("power"), w("."),
    ]  # fmt: skip
    rules = [m.rules for m in recognise(parsed(words), gazetteer, load_lexicon())]
    assert len(rules) == 2 and rules[1] == (SAME_NAME_RULE,)


@pytest.mark.parametrize(
    "second",
    [
        [w("Pittenweem", "PERSON"), w("said", pos="VERB")],  # the model saw a person there
        [w("Pittenweem"), w("Smith"), w("said", pos="VERB")],  # part of a longer name
        [w("Pittenweem", pos="ADJ"), w("wheat")],  # not a proper noun
    ],
)
def test_geo_same_name_respects_other_readings(
    gazetteer: Gazetteer, second: list[tuple[str, str, str]]
) -> None:
    words = [w("Shelling"), w("hit", pos="VERB"), w("Pittenweem", "GPE"), w("."), *second]
    assert len(recognise(parsed(words), gazetteer, load_lexicon())) == 1


def test_geo_unlisted_one_word_names_do_not_spread(gazetteer: Gazetteer) -> None:
    # "Howarth" as FAC once is kept as a local name, but is not propagated: it may be a person
    words = [
        w("Fire"), w("at", pos="ADP"), w("Qqzzyx", "FAC"), w("."),
        w("Then"), w("Qqzzyx"), w("left", pos="VERB"),
    ]  # fmt: skip
    assert len(recognise(parsed(words), gazetteer, load_lexicon())) == 1


@pytest.mark.model
def test_geo_weak_city_after_place_preposition_needs_only_its_country(
    parse: Parse, gazetteer: Gazetteer
) -> None:
    text = "Syrian troops advanced on Monday. Heavy shelling was reported in Aleppo overnight."
    aleppo = [p for p in geoparse(parse(text), gazetteer) if p.mention == "Aleppo"]
    assert aleppo and aleppo[0].country == "SYR"
    assert any(LOCATIVE_RULE in r for r in aleppo[0].rules)


@pytest.mark.model
def test_geo_weak_city_without_its_country_is_dropped(parse: Parse, gazetteer: Gazetteer) -> None:
    text = "Heavy shelling was reported in Aleppo overnight, officials in Ottawa said."
    places = geoparse(parse(text), gazetteer)
    assert not [p for p in places if p.mention == "Aleppo" and LOCATIVE_RULE in "".join(p.rules)]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # a lone "person" after "to" or "in" that is a listed town: proposed, weak
        ([w("They"), w("moved", pos="VERB"), w("to", pos="ADP"), w("Keswick", "PERSON")], True),
        ([w("Fog"), w("closed", pos="VERB"), w("roads"), w("in", pos="ADP"),
          w("Keswick", "PERSON"), w(".")], True),
        # no place preposition, a capitalised word after it, or not a proper noun
        ([w("Keswick", "PERSON"), w("said", pos="VERB"), w("so")], False),
        ([w("a"), w("gift"), w("to", pos="ADP"), w("Keswick", "PERSON"), w("Smith")], False),
        ([w("in", pos="ADP"), w("Keswick", "PERSON", pos="ADJ"), w("style")], False),
    ],
)  # fmt: skip
def test_geo_mislabelled_town_after_place_preposition_is_weak(
    gazetteer: Gazetteer, words: list[tuple[str, str, str]], expected: bool
) -> None:
    rules = found(gazetteer, parsed(words)).get("Keswick", ())
    assert any(r.startswith("geo.recognise.mislabelled-locative+weak") for r in rules) is expected


def test_geo_ner_place_known_only_as_another_spelling_is_weak(gazetteer: Gazetteer) -> None:
    # "Leghorn" is only an old name of Livorno: a GPE tag alone does not make it firm
    words = [w("Ships"), w("left", pos="VERB"), w("Leghorn", "GPE"), w(".")]
    (m,) = recognise(parsed(words), gazetteer, load_lexicon())
    assert m.weak and m.rules == ("geo.recognise.ner-gpe+weak",)
    words = [w("Ships"), w("left", pos="VERB"), w("Livorno", "GPE"), w(".")]
    (m,) = recognise(parsed(words), gazetteer, load_lexicon())
    assert not m.weak


def _leghorn(country: str) -> list[tuple[str, str, str]]:
    return [
        w("Ships"), w("left", pos="VERB"), w("Leghorn", "GPE"), w("in", pos="ADP"),
        w(country, "GPE"), w("."), w("Leghorn", "GPE"), w("mourned", pos="VERB"), w("."),
        w("and", pos="CCONJ"), w("Leghorn"), w("slept", pos="VERB"), w("."),
    ]  # fmt: skip


@pytest.mark.parametrize(("country", "expected"), [("Italy", True), ("Peru", False)])
def test_geo_another_spelling_spreads_when_tagged_twice_in_its_country(
    gazetteer: Gazetteer, country: str, expected: bool
) -> None:
    rules = [m.rules for m in recognise(parsed(_leghorn(country)), gazetteer, load_lexicon())]
    assert ((SAME_NAME_RULE,) in rules) is expected


@pytest.mark.parametrize(("places", "expected"), [(2, True), (1, False)])
def test_geo_same_name_overrides_a_person_tag_only_in_the_minority(
    gazetteer: Gazetteer, places: int, expected: bool
) -> None:
    words = [w("Storms"), w("hit", pos="VERB"), w("Pittenweem", "GPE"), w(".")] * places
    words += [w("Pittenweem", "PERSON"), w("'s", pos="PART"), w("harbour"), w("flooded")]
    rules = [m.rules for m in recognise(parsed(words), gazetteer, load_lexicon())]
    assert ((SAME_NAME_RULE,) in rules) is expected
