"""Definite descriptions of organisations ("the group") -> the last fitting organisation."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.coding.actor_dictionary import ActorDictionary
from eventwire.coding.anaphora import organisation_mentions, resolve_anaphor
from eventwire.model import ParsedText

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def _last(parsed: ParsedText, word: str) -> int:
    return max(t.i for t in parsed.tokens if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        ("ISIS attacked the town. The group later withdrew.", "group", "ISIS"),
        ("ISIS claimed the attack. The jihadist group said more would follow.", "group", "ISIS"),
        ("The PKK and ISIS fought. Later the Kurdish group retreated.", "group", "PKK"),
        ("NATO met in Brussels. The alliance agreed to send jets.", "alliance", "NATO"),
        ("Hamas fired rockets. The militants then fled.", "militants", "HAMAS"),
    ],
)
def test_anaphora_resolves_to_last_fitting_organisation(
    parse: Callable[[str], ParsedText],
    dictionary: ActorDictionary,
    text: str,
    word: str,
    code: str,
) -> None:
    parsed = parse(text)
    head = _last(parsed, word)
    before = organisation_mentions(parsed, dictionary, before=head)
    actor = resolve_anaphor(parsed, head, dictionary, before)
    assert actor is not None
    assert actor.code == code
    assert actor.span is not None and actor.span.text.lower().endswith(word)
    assert f"org.{code}" in actor.rules


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "NATO met in Brussels. The group agreed to send jets.",
            "group",
        ),  # NATO is an alliance, not a "group"
        ("The group later withdrew.", "group"),  # nothing before
        ("ISIS attacked the town. A group of farmers protested.", "group"),  # indefinite
        ("ISIS attacked the town. The alliance met.", "alliance"),  # ISIS is no alliance
    ],
)
def test_anaphora_gives_nothing(
    parse: Callable[[str], ParsedText], dictionary: ActorDictionary, text: str, word: str
) -> None:
    parsed = parse(text)
    head = _last(parsed, word)
    before = organisation_mentions(parsed, dictionary, before=head)
    assert resolve_anaphor(parsed, head, dictionary, before) is None
