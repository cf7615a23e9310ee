"""A blank line always starts a new sentence (nlp/model.py: ``paragraph_breaks``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import ParsedText
from eventwire.nlp.model import PARAGRAPHS, load_model
from tests.conftest import DEFAULT_MODEL


@pytest.mark.model
def test_paragraph_component_runs_before_the_parser() -> None:
    names = load_model(DEFAULT_MODEL).pipe_names
    assert names.index(PARAGRAPHS) < names.index("parser")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "first_word_of_new_sentence"),
    [
        ('The envoy said "we will not go back."\n\nthe army warned them to leave.', "the"),
        ("Police arrested him.\n\nProtesters marched on Friday.", "Protesters"),
    ],
)
def test_a_blank_line_starts_a_sentence(
    parse: Callable[[str], ParsedText], text: str, first_word_of_new_sentence: str
) -> None:
    parsed = parse(text)
    after = text.index("\n\n") + 2
    tok = next(t for t in parsed.tokens if t.start >= after)
    assert tok.text == first_word_of_new_sentence
    assert all(t.sent < tok.sent for t in parsed.tokens if t.end <= text.index("\n\n"))


@pytest.mark.model
def test_a_single_line_break_does_not_split(parse: Callable[[str], ParsedText]) -> None:
    parsed = parse("Rebels shelled the town\nand troops withdrew.")
    assert len({t.sent for t in parsed.tokens if not t.text.isspace()}) == 1
