"""Normalise typography for the parser while keeping a map back to the original offsets.

News text arrives with non-breaking spaces, curly quotes and soft hyphens. The parser reads
them badly ("Turkey’s" is not split like "Turkey's"), but every offset we report must index
the text as received. ``normalise`` returns the cleaned text and, for each of its characters,
the offset of the original character it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# One-for-one replacements keep offsets; dropped characters are handled by the offset map.
_REPLACE = {
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2033": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2212": "-",
    "\r": " ",
    "\t": " ",
}
_DROP = frozenset("\u00ad\u200b\u200c\u200d\ufeff")
# "KABUL, Afghanistan — A bomber killed ...": the parser reads the dateline as the subject
# of the first sentence; its dash becomes a full stop (same length, so offsets hold).
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][\w.'\- ]{1,40})?\s*(?:\([^)\n]{1,30}\)\s*)?"
    r"(?P<dash>[\u2014\u2013-]{1,2})\s"
)


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """``text`` for the parser; ``origin[k]`` is the original offset of ``text[k]``."""

    text: str
    origin: tuple[int, ...]
    original_length: int

    def to_original(self, offset: int) -> int:
        """Map an offset (start or exclusive end) in ``text`` back to the original text."""
        if offset >= len(self.origin):
            return self.original_length
        return self.origin[offset]

    def end_to_original(self, end: int) -> int:
        """Map an exclusive end offset: one past the original of the last included character."""
        if end <= 0:
            return 0
        return self.origin[end - 1] + 1


def normalise(text: str) -> NormalisedText:
    dateline = _DATELINE.match(text)
    if dateline:
        start, end = dateline.span("dash")
        text_for_parser = text[:start] + "." + " " * (end - start - 1) + text[end:]
    else:
        text_for_parser = text
    return _normalise(text_for_parser, len(text))


def _normalise(text: str, original_length: int) -> NormalisedText:
    chars: list[str] = []
    origin: list[int] = []
    for offset, char in enumerate(text):
        if char in _DROP:
            continue
        chars.append(_REPLACE.get(char, char))
        origin.append(offset)
    return NormalisedText("".join(chars), tuple(origin), original_length)
