"""Load the spaCy pipeline once per process, by a configurable name."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from eventwire.errors import ModelNotFound

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

PARAGRAPHS = "eventwire_paragraphs"


def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line: the parser sometimes runs a sentence on across
    a paragraph break (after a closing quote), which merges two paragraphs' events."""
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[tok.i + 1].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load (once per process and name) the spaCy pipeline ``name``, with paragraph breaks set
    before its parser."""
    import spacy
    from spacy.language import Language

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(name) from exc
    if PARAGRAPHS not in Language.factories:
        Language.component(PARAGRAPHS, func=paragraph_breaks)
    if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp
