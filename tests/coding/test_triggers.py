"""Trigger detection beyond the plain verb: infinitive complements the small model attaches
as ccomp/advcl, undertakings named by a compound ("a mediation effort"), participles on
message nouns ("a statement condemning"), and prepositional objects ("came for talks")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.coding.lexicon import check_lexicon_file, load_lexicon
from eventwire.model import ParsedText

from .harness import code_with_stub_actors, top_event


def _top(parse: Callable[[str], ParsedText], text: str) -> tuple[str | None, str | None]:
    event = top_event(parse(text))
    if event is None:
        return None, None
    return event.type.value, event.rules[0]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "type_", "entry"),
    [
        # complement parsed as an infinitive ccomp / advcl
        (
            "The court decided to allow the opposition leader to run in the election.",
            "CONCEDE",
            "concede.allow-participate",
        ),
        ("The fighters have sworn to fight until the end.", "THREATEN", "threaten.swear-fight"),
        # an undertaking's compound is the light verb's object
        ("The emir launched a mediation effort between the two states.", "CONSULT", None),
        ("The envoys ended their mediation efforts in the capital.", "SANCTION", None),
        # a participle on a message noun is its author's event
        (
            "The rebels issued a statement demanding the release of their leader.",
            "REQUEST",
            "request.demand",
        ),
        ("The ministry released a statement condemning the raid.", "ACCUSE", None),
        # the object of the entry's preposition
        (
            "The foreign minister arrived in Cairo for talks with his counterpart.",
            "CONSULT",
            "consult.come-for-talks",
        ),
        ("The negotiators return to Oslo next week for talks.", "CONSULT", None),
        ("The gunmen held the passengers as hostages.", "ASSAULT", "assault.hold-as-hostage"),
        ("The agency sent a team to the region to investigate the deaths.", "ACCUSE", None),
        ("Jordan will not accept more refugees.", "REJECT", "aid.accept-refugees"),
        ("Government troops recaptured the town on Sunday.", "ASSAULT", "assault.recapture"),
        ("The army retook the airport after heavy fighting.", "ASSAULT", "assault.retake"),
    ],
)
def test_triggers_found_through_syntax(
    parse: Callable[[str], ParsedText], text: str, type_: str, entry: str | None
) -> None:
    found, rule = _top(parse, text)
    assert found == type_
    if entry is not None:
        assert rule == entry


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "She arrived for the ceremony.",  # "for" + no meeting noun
        "The coalition fighting the militants met in Paris.",  # a modifier, not a message
        "The champion retook the title.",  # no territory
        "The club launched a marketing drive.",  # the compound is no event word
        "The firm accepted the new terms of the loan.",  # not refugees (AGREE, tested elsewhere)
    ],
)
def test_lookalikes_do_not_take_the_new_readings(
    parse: Callable[[str], ParsedText], text: str
) -> None:
    rules = {r for e in code_with_stub_actors(parse(text)) for r in e.rules}
    new = {
        "consult.come-for-talks",
        "request.demand",
        "assault.retake",
        "aid.accept-refugees",
        "protest.launch-protest",
        "assault.launch-attack",
    }
    assert not rules & new
    types = {e.type.value for e in code_with_stub_actors(parse(text))}
    assert "ASSAULT" not in types and "PROTEST" not in types


@pytest.mark.model
def test_message_participle_takes_the_author_as_source(
    parse: Callable[[str], ParsedText],
) -> None:
    events = code_with_stub_actors(parse("The rebels issued a statement demanding elections."))
    demand = next(e for e in events if e.type.value == "REQUEST")
    assert demand.source is not None and demand.source.name == "rebels"
    assert "arg.message-author" in demand.rules


def test_prep_object_needs_a_prep(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(
        "entries:\n  - {id: consult.x, type: CONSULT, verb: come, prep_object: [talks]}\n",
        encoding="utf-8",
    )
    problems = check_lexicon_file(path)
    assert problems and "prep_object" in problems[0]


def test_message_nouns_are_loaded() -> None:
    assert {"statement", "declaration", "letter"} <= load_lexicon().message_nouns
