"""A verb complement taken into a trigger ("vowed *to attack*") is part of that event, not an
event of its own (eventwire.coding.triggers, .events); a complement left out of the trigger
("agreed to release") stays an event of its own, marked as intended, not as done."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import ParsedText

from .harness import code_with_stub_actors

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected", "trigger"),
    [
        ("The militia has sworn to attack the port city.", ["THREATEN"], "sworn to attack"),
        ("The gunmen vowed to kill the captured guards.", ["THREATEN"], "vowed to kill"),
        ("The rebels threatened to strike the airport.", ["THREATEN"], "threatened to strike"),
        ("The cartel pledged to hit the police again.", ["THREATEN"], "pledged to hit"),
        (
            "The militia vowed to attack and destroy the depot.",
            ["THREATEN"],
            "vowed to attack and destroy",
        ),
        ("The insurgents vowed to continue fighting the army.", ["THREATEN"], "vowed to continue"),
        ("The mayor pledged to withdraw the police from the square.", ["AGREE"], "pledged"),
        ("The kidnappers promised to release the two nurses.", ["AGREE"], "promised"),
        ("The council pressed the junta to release the students.", ["REQUEST"], None),
        ("The cabinet failed to release the detained farmers.", ["REJECT"], "failed to release"),
    ],
)
def test_taken_complement_is_no_event_of_its_own(
    parse: Callable[[str], ParsedText], text: str, expected: list[str], trigger: str | None
) -> None:
    events = code_with_stub_actors(parse(text))
    assert [e.type.value for e in events] == expected, [
        (e.type.value, e.trigger.text) for e in events
    ]
    assert all(e.factuality.value == "asserted" for e in events)
    if trigger is not None:
        assert events[0].trigger.text == trigger


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The gunmen vowed to kill the guards.", "guards"),
        ("The militia vowed to attack and destroy the depot.", "depot"),
        ("The insurgents vowed to continue fighting the army.", "army"),
    ],
)
def test_taken_complement_gives_the_target(
    parse: Callable[[str], ParsedText], text: str, target: str
) -> None:
    (event,) = code_with_stub_actors(parse(text))
    assert event.target is not None and event.target.name == target


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        # not part of the agreement's trigger: its own event, but planned, not done
        ("The government agreed to release the prisoners.", "AGREE", "RETREAT"),
    ],
)
def test_complement_outside_the_trigger_is_intended(
    parse: Callable[[str], ParsedText], text: str, first: str, second: str
) -> None:
    events = code_with_stub_actors(parse(text))
    assert [e.type.value for e in events] == [first, second]
    assert events[0].factuality.value == "asserted"
    assert events[1].factuality.value == "intended"


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("The militia attacked the port city.", ["ASSAULT"]),
        ("The gunmen killed the guards.", ["ASSAULT"]),
        ("The rebels said they would blockade the port.", ["THREATEN"]),
    ],
)
def test_plain_events_are_kept(
    parse: Callable[[str], ParsedText], text: str, types: list[str]
) -> None:
    assert [e.type.value for e in code_with_stub_actors(parse(text))] == types
