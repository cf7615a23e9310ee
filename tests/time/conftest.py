"""A hand-built ParsedText for time tests where the spaCy model is not under test."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from eventwire.model import ParsedText, Sentence, Token

_WORD = re.compile(r"\w+|[^\w\s]")


def plain_parse(text: str) -> ParsedText:
    """Tokens split on words and punctuation, one sentence, no tags, no entities, no tree."""
    tokens = tuple(
        Token(
            i=i,
            text=m.group(),
            lemma=m.group().lower(),
            pos="X",
            tag="",
            dep="dep",
            head=i,
            start=m.start(),
            end=m.end(),
            sent=0,
            norm=m.group().lower(),
        )
        for i, m in enumerate(_WORD.finditer(text))
    )
    sentence = Sentence(0, 0, len(tokens), 0, len(text), text)
    return ParsedText(text, tokens, (sentence,), (), tuple(() for _ in tokens))


@pytest.fixture(scope="session")
def plain() -> Callable[[str], ParsedText]:
    return plain_parse
