from collections.abc import Callable

import pytest

from eventwire.model import ParsedText

from .harness import code_with_stub_actors

pytestmark = pytest.mark.model


def event_facts(
    parse: Callable[[str], ParsedText], text: str, trigger: str
) -> tuple[str, str | None]:
    events = code_with_stub_actors(parse(text))
    event = next(e for e in events if e.trigger.text.startswith(trigger))
    return event.factuality.value, event.attributed_to.text if event.attributed_to else None


@pytest.mark.parametrize(
    ("text", "trigger", "factuality"),
    [
        ("Soldiers attacked the village.", "attacked", "asserted"),
        ("Soldiers will attack the village.", "attack", "intended"),
        ("Soldiers would attack the village at dawn.", "attack", "intended"),
        ("The two sides agreed to withdraw their troops.", "withdraw", "intended"),
        ("The two sides agreed to withdraw their troops.", "agreed", "asserted"),
        ("The envoys plan to visit the camp.", "visit", "intended"),
        ("Troops are to be deployed next month.", "deployed", "intended"),
        ("Rebels could attack the capital.", "attack", "hypothetical"),
        ("Rebels may attack the capital.", "attack", "hypothetical"),
        ("If talks fail, the union will strike.", "strike", "hypothetical"),
        ("The army did not attack the village.", "attack", "negated"),
        ("The government refused to release the prisoners.", "release", "negated"),
        ("The army never shelled the town.", "shelled", "negated"),
    ],
)
def test_factuality(
    parse: Callable[[str], ParsedText], text: str, trigger: str, factuality: str
) -> None:
    assert event_facts(parse, text, trigger)[0] == factuality


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("Rebels shelled the town overnight, local officials said.", "shelled", "local officials"),
        ("Local officials said rebels shelled the town.", "shelled", "Local officials"),
        ("According to the army, rebels shelled the town.", "shelled", "the army"),
    ],
)
def test_attribution(
    parse: Callable[[str], ParsedText], text: str, trigger: str, source: str
) -> None:
    assert event_facts(parse, text, trigger)[1] == source


def test_no_attribution_without_reporting_verb(parse: Callable[[str], ParsedText]) -> None:
    assert event_facts(parse, "Rebels shelled the town.", "shelled")[1] is None


def test_factuality_swear_is_an_intending_verb(parse: Callable[[str], ParsedText]) -> None:
    # "swore to attack" is one threat (tests/coding/test_complements.py); a complement the
    # vow does not take into its trigger is an event of its own, intended
    events = code_with_stub_actors(parse("The rebels swore to blockade the garrison."))
    blockade = next(e for e in events if e.trigger.text == "blockade")
    assert blockade.factuality.value == "intended"
    assert "fact.intending-verb.swear" in blockade.rules
