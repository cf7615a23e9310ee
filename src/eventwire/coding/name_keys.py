"""Name keys: how a dictionary name and a span of text are compared (folding, case rules)."""

from __future__ import annotations

import functools
import re
import unicodedata

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_DASHES = re.compile(r"\s*[-\u2010\u2011\u2012\u2013\u2014]\s*")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Strip diacritics, straighten quotes and dashes, collapse spaces (case is kept)."""
    if text.isascii():  # nothing to decompose; the common case, so skip the slow part
        plain = text.translate(_QUOTES)
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        plain = plain.translate(_QUOTES)
    plain = _DASHES.sub("-", plain)
    return _SPACES.sub(" ", plain).strip()


@functools.lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The lookup key of a name: folded and case-folded.

    Memoised: the matcher asks for the keys of the same token spans many times per article.
    """
    return fold(text).casefold()


_WORD_RUN = re.compile(r"\w+")


@functools.lru_cache(maxsize=1 << 16)
def leading_run(key: str) -> str:
    match = _WORD_RUN.match(key)
    return match.group(0) if match else key[:1]


def case_fits(form: str, found: str) -> bool:
    """Whether ``found`` (text) is written with the capitals ``form`` (data) asks for.

    A word written in capitals in the data ("US", "ISIS") must be in capitals in the text; a
    capitalised word ("Turkey") must start with a capital; lower-case words match any case.
    """
    a, b = fold(form), fold(found)
    if len(a) != len(b):
        return True
    for word_a, word_b in zip(a.split(" "), b.split(" "), strict=False):
        letters = [c for c in word_a if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            if any(
                ca.isupper() and not cb.isupper() for ca, cb in zip(word_a, word_b, strict=False)
            ):
                return False
        elif word_a[:1].isupper() and not word_b[:1].isupper():
            return False
    return True
