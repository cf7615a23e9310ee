"""The fast paths of the actor matcher give what the plain ones give (coding.actor_mentions)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.coding.actor_dictionary import ActorDictionary
from eventwire.coding.actor_mentions import find_mentions, find_organisations, mention_finder
from eventwire.coding.name_keys import _DASHES, _QUOTES, _SPACES, fold
from eventwire.coding.name_keys import name_key as key
from eventwire.model import ParsedText


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def _slow_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", _DASHES.sub("-", plain.translate(_QUOTES))).strip()


@given(st.text())
def test_actor_mentions_fold_fast_path_matches_unicode_path(text: str) -> None:
    assert fold(text) == _slow_fold(text)


@pytest.mark.parametrize("text", ["Turkey", " al - Qaeda ", "`Abd", "U.S.\tarmy"])
def test_actor_mentions_fold_ascii_examples(text: str) -> None:
    assert fold(text) == _slow_fold(text)


@given(st.text(), st.text())
def test_actor_mentions_key_of_a_longer_span_extends_the_shorter(a: str, b: str) -> None:
    # The matcher stops extending a span once no name starts with its key; that is only
    # right if the key of a longer span always starts with the key of the shorter one.
    assert key(a + b).startswith(key(a))


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [("turk", True), ("turkey", True), ("islamic st", True), ("zzqx", False), ("turkeyx", False)],
)
def test_actor_mentions_name_prefixes(
    dictionary: ActorDictionary, prefix: str, expected: bool
) -> None:
    assert dictionary.is_name_prefix(prefix) is expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Turkish officials met Islamic State envoys in Ankara. The group later left for Raqqa.",
        "Police in Lagos arrested twelve protesters. Nigeria's army denied it.",
        "Nothing named here at all.",
    ],
)
def test_actor_mentions_finder_matches_plain_scan(
    parse: Callable[[str], ParsedText], dictionary: ActorDictionary, text: str
) -> None:
    parsed = parse(text)
    find = mention_finder(parsed, dictionary)
    for s in parsed.sentences:
        assert find(s.first, s.last) == find_mentions(parsed, dictionary, s.first, s.last)
        assert find(s.first, s.last) is find(s.first, s.last)  # scanned once
    assert find_organisations(parsed, dictionary, find) == find_organisations(parsed, dictionary)
    # whole sentences are put together from the sentences' scans; other ranges scan themselves
    everything = len(parsed.tokens)
    assert find(0, everything) == find_mentions(parsed, dictionary)
    assert find(1, everything) == find_mentions(parsed, dictionary, 1, everything)
    if len(parsed.sentences) > 1:
        second = parsed.sentences[1].first
        assert find(0, second) == find_mentions(parsed, dictionary, 0, second)
