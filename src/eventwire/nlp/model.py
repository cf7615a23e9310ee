"""Load the spaCy pipeline once per process, by a configurable name."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from eventwire.errors import ModelNotFound

if TYPE_CHECKING:
    from spacy.language import Language


@functools.lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load (once per process and name) the spaCy pipeline ``name``."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(name) from exc
