"""Event assembly rules that span several stages."""

from collections.abc import Callable

import pytest

from eventwire.model import ParsedText

from .harness import code_with_stub_actors

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("The two ministers met in Oslo.", ["CONSULT"]),
        ("The two ministers will meet in Oslo next week.", ["AGREE"]),
        ("Norway will send food aid to the refugees.", ["AGREE"]),
        ("The two sides agreed to meet again in May.", ["AGREE"]),
        ("The army will withdraw from the town.", ["RETREAT"]),
    ],
)
def test_planned_cooperation_is_agree(
    parse: Callable[[str], ParsedText], text: str, types: list[str]
) -> None:
    assert [e.type.value for e in code_with_stub_actors(parse(text))] == types


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rebels said they would blockade the port.", "THREATEN"),
        ("The union plans to stage protests at the ministry.", "THREATEN"),
        ("The party will boycott the vote unless the law is changed.", "THREATEN"),
        ("The army is prepared to impose a curfew in the city.", "THREATEN"),
        ("Officials said warplanes would strike rebel positions.", "ASSAULT"),
        ("The rebels blockaded the port.", "COERCE"),
        ("The government is willing to withdraw its troops from the valley.", "AGREE"),
        ("The envoy said the militia must release the hostages.", "REQUEST"),
    ],
)
def test_plover_type_conventions(
    parse: Callable[[str], ParsedText], text: str, expected: str
) -> None:
    events = code_with_stub_actors(parse(text))
    top = max(events, key=lambda e: e.confidence)
    assert top.type.value == expected, [(e.type.value, e.trigger.text) for e in events]


def test_say_must_targets_the_complement_subject(parse: Callable[[str], ParsedText]) -> None:
    events = code_with_stub_actors(parse("The envoy said the militia must release the hostages."))
    request = next(e for e in events if e.type.value == "REQUEST")
    assert request.source is not None and request.source.name == "envoy"
    assert request.target is not None and request.target.name == "militia"


def test_result_clause_is_part_of_the_attack(parse: Callable[[str], ParsedText]) -> None:
    events = code_with_stub_actors(parse("Gunmen opened fire on the crowd, killing five people."))
    assert [e.type.value for e in events] == ["ASSAULT"]
    assert "event.merged-result" in events[0].rules
