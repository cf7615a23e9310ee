"""Source and target from the dependency parse (actor = the head word, via a stub)."""

from collections.abc import Callable

import pytest

from eventwire.model import ParsedText

from .harness import code_with_stub_actors

pytestmark = pytest.mark.model


def roles(
    parse: Callable[[str], ParsedText], text: str, trigger: str
) -> tuple[str | None, str | None]:
    events = code_with_stub_actors(parse(text))
    event = next(e for e in events if e.trigger.text.startswith(trigger))
    return (
        event.source.name if event.source else None,
        event.target.name if event.target else None,
    )


@pytest.mark.parametrize(
    ("text", "trigger", "source", "target"),
    [
        ("Rebels attacked the convoy near the border.", "attacked", "Rebels", "convoy"),
        ("The convoy was attacked by rebels on Monday.", "attacked", "rebels", "convoy"),
        ("Chile and Peru agreed on a new border.", "agreed", "Chile", "Peru"),
        ("Police arrested dozens of students.", "arrested", "Police", "dozens"),
        ("Protesters marched against the government.", "marched", "Protesters", "government"),
        ("The minister met with envoys from Oslo.", "met", "minister", "envoys"),
        ("The army launched airstrikes on rebel positions.", "launched", "army", "positions"),
        # a demand's complement subject is who is asked; the actor stage drops non-actors
        ("Villagers demanded that the mine close.", "demanded", "Villagers", "mine"),
        ("The council urged the army to withdraw.", "withdraw", "army", None),
        ("Villagers who attacked the outpost were arrested.", "attacked", "Villagers", "outpost"),
    ],
)
def test_arguments_from_parse(
    parse: Callable[[str], ParsedText], text: str, trigger: str, source: str, target: str | None
) -> None:
    assert roles(parse, text, trigger) == (source, target)


def test_topic_gerund_is_not_an_event(parse: Callable[[str], ParsedText]) -> None:
    events = code_with_stub_actors(parse("The two sides held talks on fighting piracy."))
    assert [e.type.value for e in events] == ["CONSULT"]


def test_temporal_gerund_is_an_event(parse: Callable[[str], ParsedText]) -> None:
    events = code_with_stub_actors(parse("Gunmen fled after killing two guards."))
    assert "ASSAULT" in [e.type.value for e in events]


def test_noun_inside_a_verbal_event_is_not_a_second_event(
    parse: Callable[[str], ParsedText],
) -> None:
    text = "To support the fight against smugglers, the navy deployed two ships."
    assert [e.type.value for e in code_with_stub_actors(parse(text))] == ["MOBILIZE"]
