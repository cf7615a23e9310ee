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


@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        # across sentences: the previous sentence's subject, if it fits
        ("Kenyan troops raided a camp. They killed ten fighters.", "They", "KENMIL"),
        ("Turkey closed its border on Monday. It said the move was temporary.", "It", "TUR"),
        ("Putin flew to Beijing. He met Chinese officials.", "He", "RUS"),
        # "it" wants a singular non-person: the country, not the plural subject
        ("Militants attacked villages in Niger. It asked France for help.", "It", "NER"),
        # within the sentence: an earlier subject
        ("The Nigerian army said it killed five militants.", "it", "NGAMIL"),
    ],
)
def test_pronoun_resolves_to_compatible_earlier_actor(
    parse: Callable[[str], ParsedText],
    dictionary: ActorDictionary,
    text: str,
    word: str,
    code: str,
) -> None:
    import datetime as dt

    from eventwire.coding.resolver import ActorResolver

    parsed = parse(text)
    resolver = ActorResolver(parsed, dictionary, dt.date(2020, 5, 17))
    actor = resolver.actor_at(_last(parsed, word))
    assert actor is not None
    assert actor.code.startswith(code) or actor.country == code
    assert any(r.startswith("anaphora.pronoun.") for r in actor.rules)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("It was raining in the capital.", "It"),  # nothing before
        ("Kenyan troops raided a camp. He said nothing.", "He"),  # no person before
        ("The weather was bad. They stayed home.", "They"),  # no actor before
    ],
)
def test_pronoun_without_compatible_antecedent_is_no_actor(
    parse: Callable[[str], ParsedText], dictionary: ActorDictionary, text: str, word: str
) -> None:
    import datetime as dt

    from eventwire.coding.resolver import ActorResolver

    parsed = parse(text)
    resolver = ActorResolver(parsed, dictionary, dt.date(2020, 5, 17))
    assert resolver.actor_at(_last(parsed, word)) is None
