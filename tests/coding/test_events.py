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
