"""Institution names many countries use ("the Senate", "the Supreme Court", "Congress"): the
US ones by default, the article's focus country's own when it has one (data: ``shared: true``
in countries.yaml; eventwire.coding.actors, .resolver)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.coding.actor_dictionary import ActorDictionary
from eventwire.coding.actor_files import Entry, read_country
from eventwire.coding.resolver import ActorResolver
from eventwire.errors import KnowledgeError
from eventwire.model import Actor, ParsedText

ON = dt.date(2020, 5, 17)


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def _actor(
    parse: Callable[[str], ParsedText],
    dictionary: ActorDictionary,
    text: str,
    word: str,
    focus: str | None,
) -> Actor | None:
    parsed = parse(text)
    head = next(t.i for t in parsed.tokens if t.text == word)
    return ActorResolver(parsed, dictionary, ON, focus_country=focus).actor_at(head)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "focus", "code"),
    [
        # a bare shared name in an article about a country that has one: that country's
        ("The Senate passed the budget bill.", "Senate", "PHL", "PHLLEG"),
        ("Congress rejected the pension reform.", "Congress", "MEX", "MEXLEG"),
        ("The Supreme Court freed the editor.", "Court", "PAK", "PAKJUD"),
        ("Supreme Court judges freed the editor.", "judges", "KEN", "KENJUD"),
        # no focus, a US focus, or a focus country without one: the US institution
        ("The Senate passed the budget bill.", "Senate", None, "USALEG"),
        ("The Senate passed the budget bill.", "Senate", "USA", "USALEG"),
        ("The Senate voted for new sanctions.", "Senate", "IRN", "USALEG"),
        ("Congress rejected the pension reform.", "Congress", "IND", "USALEG"),
        # the phrase names the country: it decides, whatever the article is about
        ("The US Congress rejected the pension reform.", "Congress", "MEX", "USALEG"),
        ("The Italian Senate passed the budget bill.", "Senate", "PHL", "ITALEG"),
    ],
)
def test_shared_institution_follows_the_focus_country(
    parse: Callable[[str], ParsedText],
    dictionary: ActorDictionary,
    text: str,
    word: str,
    focus: str | None,
    code: str,
) -> None:
    actor = _actor(parse, dictionary, text, word, focus)
    assert actor is not None and actor.code == code, actor
    assert ("actor.focus-institution" in actor.rules) == (code[:3] == focus != "USA")


def test_shared_names_do_not_count_as_a_country_of_their_own(
    dictionary: ActorDictionary,
) -> None:
    forms = dictionary.names["senate"]
    assert [f.entry for f in forms if not f.shared] == ["USA"]
    assert {"PHL", "ITA", "FRA"} <= {f.entry for f in forms if f.shared}
    phl = dictionary.countries["PHL"]
    assert ("Senate", "LEG") in phl.shared_institutions
    assert ("Senate", "LEG") not in phl.institutions


@pytest.mark.parametrize("value", ["yes please", 1, "true"])
def test_shared_must_be_a_boolean(value: object) -> None:
    raw = {
        "id": "XXA",
        "name": "Testland",
        "institutions": [{"name": "Senate", "sector": "LEG", "shared": value}],
    }
    with pytest.raises(KnowledgeError, match="shared"):
        read_country(Entry(Path("countries.yaml"), raw))


def test_shared_flag_is_read() -> None:
    raw = {
        "id": "XXA",
        "name": "Testland",
        "institutions": [
            {"name": "Senate", "sector": "LEG", "shared": True},
            {"name": "Grand Hall", "sector": "GOV"},
        ],
    }
    country = read_country(Entry(Path("countries.yaml"), raw))
    assert country.shared_institutions == (("Senate", "LEG"),)
    assert country.institutions == (("Grand Hall", "GOV"),)
