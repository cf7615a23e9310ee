"""``to_parsed`` keeps the parse as spaCy gives it (heads and children from the arrays)."""

from __future__ import annotations

import pytest

from eventwire.nlp.model import load_model
from eventwire.nlp.normalise import normalise
from eventwire.nlp.parse import to_parsed
from tests.conftest import DEFAULT_MODEL


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Dockers in Gdansk struck on Monday, and the port closed.",
        "The minister, who had resigned, said that rebels attacked two villages near Homs.",
        "Police arrested him.\n\nProtesters\u00a0marched \u201cpeacefully\u201d on Friday.",
        "",
    ],
)
def test_parse_heads_and_children_match_spacy(text: str) -> None:
    norm = normalise(text)
    doc = load_model(DEFAULT_MODEL)(norm.text)
    parsed = to_parsed(doc, norm, text)
    assert [t.head for t in parsed.tokens] == [tok.head.i for tok in doc]
    assert list(parsed.children_of) == [tuple(c.i for c in tok.children) for tok in doc]
    assert [t.sent for t in parsed.tokens] == [
        next(k for k, s in enumerate(doc.sents) if s.start <= tok.i < s.end) for tok in doc
    ]
