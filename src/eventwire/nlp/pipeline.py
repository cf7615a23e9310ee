"""Run the spaCy model over normalised text and return ``ParsedText``."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from eventwire.model import ParsedText
from eventwire.nlp.model import load_model
from eventwire.nlp.normalise import NormalisedText, normalise
from eventwire.nlp.parse import to_parsed


def parse_text(text: str, model: str) -> ParsedText:
    """Parse one text with the named spaCy model (loaded once per process)."""
    return next(parse_texts([text], model))


def parse_texts(texts: Iterable[str], model: str, batch_size: int = 32) -> Iterator[ParsedText]:
    """Parse many texts in batches with ``nlp.pipe``; yields in input order."""
    nlp = load_model(model)
    pending: deque[tuple[str, NormalisedText]] = deque()  # read ahead by nlp.pipe, in order

    def normalised() -> Iterator[str]:
        for text in texts:
            norm = normalise(text)
            pending.append((text, norm))
            yield norm.text

    for doc in nlp.pipe(normalised(), batch_size=batch_size):
        original, norm = pending.popleft()
        yield to_parsed(doc, norm, original)
