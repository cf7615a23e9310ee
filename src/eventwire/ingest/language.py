"""Which language an article is written in, and whether eventwire codes it.

The lexicons and the spaCy model are English, so an article in another language would be
mis-coded rather than coded. Ingest sets ``Article.language`` (ISO 639-1, as ``py3langid``
names it) and ``is_codeable`` tells the pipeline which articles to code; the others are
stored and reported as skipped.

``py3langid`` is a naive Bayes model over byte n-grams that ships with the package (no
download), is deterministic, and reads a few thousand characters in about a millisecond.
A sample that is plainly English (enough different English function words, often enough:
``data/language.yaml``) skips the detector, whose model takes about half a second to load.
Detectors guess on very short texts, so those are taken as English, as is a text that is
plausibly English at all (English-based creoles such as Nigerian Pidgin score close to it)
and a guess made with little confidence: a wrongly skipped English article is lost silently,
while a wrongly coded foreign one yields few events.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Protocol, cast

from eventwire.datafiles import read_yaml
from eventwire.errors import KnowledgeError
from eventwire.model import Article

DEFAULT_LANGUAGE = "en"
CODED_LANGUAGES = frozenset({"en"})
"""The languages the lexicons and model are written for."""

MIN_LETTERS = 20
"""Texts with fewer letters than this are taken as English: detectors guess on them."""

MIN_CONFIDENCE = 0.5
"""A detected language other than English counts only at this probability or above."""

ENGLISH_ENOUGH = 0.1
"""A text whose probability of being English is at least this is taken as English.

Text in another language scores English at about 0 (below 0.001 on every sentence measured);
an English news sentence about Nigeria scored 0.35 English, 0.64 Nigerian Pidgin.
"""

SAMPLE_CHARS = 2000
"""Characters read from the start of the text: enough to tell (a few sentences), and bounded
in time (the detector's cost is linear in the sample; it runs in the ingest client, which a
scale-out run shares with the workers)."""


WORD = re.compile(r"[^\W\d_]+")  # runs of letters


class _Identifier(Protocol):
    def rank(self, text: str) -> list[tuple[str, float]]: ...


@dataclass(frozen=True, slots=True)
class FunctionWords:
    """English function words, and how many of them make a sample plainly English."""

    ident: str
    words: frozenset[str]
    min_distinct: int
    min_share: float


@functools.lru_cache(maxsize=1)
def function_words() -> FunctionWords:
    """The packaged ``data/language.yaml`` list (read once per process)."""
    path = Path(str(resources.files("eventwire") / "data" / "language.yaml"))
    data: Any = read_yaml(path)
    try:
        entry = data["english_function_words"]
        return FunctionWords(
            str(entry["id"]),
            frozenset(str(w).lower() for w in entry["words"]),
            int(entry["min_distinct"]),
            float(entry["min_share"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise KnowledgeError(
            f"{path}: 'english_function_words' needs an id, words, min_distinct and "
            f"min_share ({exc!r})."
        ) from exc


def plainly_english(sample: str) -> bool:
    """Whether ``sample`` holds enough different English function words, often enough, to be
    English without the statistical detector."""
    listed = function_words()
    words = WORD.findall(sample.lower())
    if not words:
        return False
    hits = [w for w in words if w in listed.words]
    return len(set(hits)) >= listed.min_distinct and len(hits) >= listed.min_share * len(words)


@functools.lru_cache(maxsize=1)
def _identifier() -> _Identifier:
    """The detector, loaded on first use (about two seconds) and kept for the process."""
    from py3langid.langid import (  # type: ignore[import-untyped]
        MODEL_FILE,
        LanguageIdentifier,
    )

    return cast(_Identifier, LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True))


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language ``text`` is written in (``"en"`` when unsure)."""
    sample = text[:SAMPLE_CHARS]
    letters = (char for char in sample if char.isalpha())
    if sum(1 for _ in itertools.islice(letters, MIN_LETTERS)) < MIN_LETTERS:
        return DEFAULT_LANGUAGE
    if plainly_english(sample):
        return DEFAULT_LANGUAGE
    ranked = _identifier().rank(sample)
    language, confidence = ranked[0]
    english = next((score for code, score in ranked if code == DEFAULT_LANGUAGE), 0.0)
    if english >= ENGLISH_ENOUGH or confidence < MIN_CONFIDENCE:
        return DEFAULT_LANGUAGE
    return str(language)


def is_codeable(article: Article) -> bool:
    """Whether the pipeline should code ``article``: it is in a language eventwire codes.

    Articles in other languages are still read and stored, and reported as skipped.
    """
    return article.language in CODED_LANGUAGES
