"""Streets, roads and buildings the model tags as no place (geo/streets.py): capitalised runs
ending in a street or building word, and numbered roads named alone."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.errors import KnowledgeError
from eventwire.geo import Gazetteer, geoparse
from eventwire.geo.lexicon import load_lexicon
from eventwire.geo.mention import LOCAL_RULE
from eventwire.geo.recognise import recognise
from eventwire.geo.streets import ROAD_RULE, SITE_RULE
from eventwire.model import ParsedText

from .test_recognise import parsed, w

Parse = Callable[[str], ParsedText]


def site_rules(gazetteer: Gazetteer, p: ParsedText) -> dict[str, tuple[str, ...]]:
    """Mentions the two matchers of geo/streets.py proposed, by surface text."""
    return {
        p.text[m.start : m.end]: m.rules
        for m in recognise(p, gazetteer, load_lexicon())
        if any(r.startswith((SITE_RULE, ROAD_RULE)) for r in m.rules)
    }


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # untagged, or a PERSON the model read into a building's name
        ([w("near", pos="ADP"), w("Quillby"), w("Drive"), w(".")], "Quillby Drive"),
        ([w("at", pos="ADP"), w("14", pos="NUM"), w("Quillby"), w("Street")], "14 Quillby Street"),
        ([w("Ola", "PERSON"), w("Venn", "PERSON"), w("Hospital", "PERSON")], "Ola Venn Hospital"),
        ([w("on", pos="ADP"), w("Quillby"), w("Avenue"), w("West"), w(".")], "Quillby Avenue West"),
        ([w("the", pos="DET"), w("Marrow"), w("Elementary"), w("gym")], "Marrow Elementary"),
        # a street word alone, or in the middle of a longer name
        ([w("Hospital", pos="NOUN"), w("staff"), w("left", pos="VERB"), w(".")], None),
        ([w("the"), w("hospital"), w("on", pos="ADP"), w("Quillby"), w(".")], None),
        ([w("St."), w("Quillby"), w("fans"), w(".")], None),
        # a sentence-case word opening the sentence is no name
        ([w("Secondary", pos="ADJ"), w("School"), w("pupils"), w("left", pos="VERB")], None),
        # a surname inside a PERSON, an organisation the model tagged, a finance metonym
        ([w("Marta", "PERSON"), w("Lane", "PERSON"), w("spoke", pos="VERB"), w(".")], None),
        ([w("Quillby", "ORG"), w("Academy", "ORG"), w("said", pos="VERB"), w(".")], None),
        ([w("shares"), w("fell", pos="VERB"), w("on", pos="ADP"), w("Wall"), w("Street")], None),
    ],
)  # fmt: skip
def test_streets_untagged_site_ends_in_a_street_or_building_word(
    gazetteer: Gazetteer, words: list[tuple[str, str, str]], expected: str | None
) -> None:
    got = site_rules(gazetteer, parsed(words))
    if expected is None:
        assert not got
    else:
        assert list(got) == [expected]
        assert all(LOCAL_RULE in r for r in got[expected])


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "roads"),
    [
        ("A lorry overturned on the A612 near Grantham on Tuesday.", ["A612"]),
        ("Drivers were sent via the B4023, A44 and A4 instead.", ["B4023", "A44", "A4"]),
        ("The I-87 was closed north of Albany after the storm.", ["I-87"]),
        # a code that names a noun is a product, and a code needs "the" or a list
        ("The airline will retire the A380 superjumbo next year.", []),
        ("Soldiers carried the M4 carbine in Kandahar.", []),
        ("Paper sizes such as A4 are common in Leeds.", []),
    ],
)  # fmt: skip
def test_streets_road_code_named_alone(
    parse: Parse, gazetteer: Gazetteer, text: str, roads: list[str]
) -> None:
    got = site_rules(gazetteer, parse(text))
    assert [m for m, rules in got.items() if rules[0].startswith(ROAD_RULE)] == roads


@pytest.mark.model
def test_streets_untagged_street_takes_the_town_next_to_it(
    parse: Parse, gazetteer: Gazetteer
) -> None:
    text = "Firefighters were called to Quillby Drive in Tulsa on Friday."
    street = [p for p in geoparse(parse(text), gazetteer) if p.mention == "Quillby Drive"]
    assert street and street[0].country == "USA"
    assert "geo.resolve.anchored" in street[0].rules


def test_streets_lexicon_rejects_a_bad_road_pattern(tmp_path: Path) -> None:
    bad = tmp_path / "lexicon.yaml"
    bad.write_text("version: 1\nroad_codes:\n  - id: road.bad\n    patterns: ['A[0-9']\n")
    with pytest.raises(KnowledgeError, match=re.escape("A[0-9")):
        load_lexicon(bad)
