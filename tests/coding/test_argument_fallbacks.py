"""Fallback sources and targets when the subject or object names no actor itself
(eventwire.coding.arguments with the packaged actor dictionary)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Event, ParsedText

from .harness import code_with_actors, code_with_stub_actors

pytestmark = pytest.mark.model


def _event(parse: Callable[[str], ParsedText], text: str, trigger: str) -> Event:
    return next(e for e in code_with_actors(parse(text)) if e.trigger.text.startswith(trigger))


def _codes(event: Event) -> tuple[str | None, str | None]:
    return (
        event.source.code if event.source else None,
        event.target.code if event.target else None,
    )


@pytest.mark.parametrize(
    ("text", "trigger", "source", "target"),
    [
        # the state where a passive arrest or detention happened
        ("A reporter was arrested in Egypt.", "arrested", "EGY", "JRN"),
        ("Two tourists were detained in Tehran.", "detained", "IRNGOV", "CVL"),
        # owners of a thing that is no actor
        ("Egypt rejected a Sudanese proposal.", "rejected", "EGY", "SDN"),
        ("Israeli army bulldozers demolished three houses.", "demolished", "ISR", None),
        ("A shelter for Somali refugees was shelled by militants.", "shelled", "REB", "SOMREF"),
        # the person or group expelled with the light verb is the target
        ("Kenya expelled two Ugandan diplomats.", "expelled", "KEN", "UGAGOV"),
        # a demand's complement subject is who is asked
        ("Chile demanded that Peru withdraw its troops.", "demanded", "CHL", "PER"),
        # and where they must not find one
        ("A reporter was killed in Egypt.", "killed", None, "JRN"),  # killers unknown
        ("A reporter was arrested by the police.", "arrested", "COP", "JRN"),
        ("Egypt rejected the proposal.", "rejected", "EGY", None),
        ("Bulldozers demolished three houses.", "demolished", None, None),
    ],
)
def test_argument_fallbacks_find_actor_or_none(
    parse: Callable[[str], ParsedText],
    text: str,
    trigger: str,
    source: str | None,
    target: str | None,
) -> None:
    assert _codes(_event(parse, text, trigger)) == (source, target)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Villagers who were arrested on Monday began a hunger strike.", "arrested"),
        ("Troops entered the town where two guards were kidnapped.", "kidnapped"),
    ],
)
def test_argument_relative_clause_antecedent_is_not_the_doer(
    parse: Callable[[str], ParsedText], text: str, trigger: str
) -> None:
    """A passive relative clause's antecedent is the victim, and "where" points at a place."""
    event = next(
        e for e in code_with_stub_actors(parse(text)) if e.trigger.text.startswith(trigger)
    )
    assert event.source is None


def test_argument_active_relative_clause_keeps_the_doer(
    parse: Callable[[str], ParsedText],
) -> None:
    text = "Villagers who attacked the outpost were arrested."
    event = next(e for e in code_with_stub_actors(parse(text)) if e.trigger.text == "attacked")
    assert event.source is not None
    assert event.source.name == "Villagers"
