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


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        # "others" are more of the conjoined verb's object
        ("The blast killed one policeman and wounded two others.", "wounded", "policeman"),
        ("Gunmen shot a teacher and injured three others.", "injured", "teacher"),
    ],
)
def test_arguments_others_take_the_conjunct_object(
    parse: Callable[[str], ParsedText], text: str, trigger: str, target: str
) -> None:
    assert ("arg.others-of-conjunct", target) in _target_rules(parse, text, trigger)


def _target_rules(
    parse: Callable[[str], ParsedText], text: str, trigger: str
) -> set[tuple[str, str]]:
    from eventwire.coding.arguments import find_arguments
    from eventwire.coding.lexicon import load_lexicon
    from eventwire.coding.triggers import find_triggers

    parsed = parse(text)
    lexicon = load_lexicon()
    found = next(
        t
        for t in find_triggers(parsed, 0, lexicon)
        if parsed.tokens[t.head].text.startswith(trigger)
    )
    return {
        (r.rule, parsed.tokens[r.head].text) for r in find_arguments(parsed, found, lexicon).targets
    }


def test_arguments_others_need_a_conjoined_verb(parse: Callable[[str], ParsedText]) -> None:
    rules = _target_rules(parse, "Police arrested two others near the border.", "arrested")
    assert not any(rule == "arg.others-of-conjunct" for rule, _ in rules)


def test_relative_clause_event_ranks_below_the_reported_one(
    parse: Callable[[str], ParsedText],
) -> None:
    text = "The rebels said they will free the officials, whom they had abducted in May."
    events = code_with_stub_actors(parse(text))
    top = max(events, key=lambda e: e.confidence)
    assert top.trigger.text == "free"
