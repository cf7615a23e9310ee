"""``parse_number``: "1,200", "twenty-six", "1.5 million", "a dozen" as a float."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from eventwire.coding.numbers.vocabulary import NumberVocabulary, load_numbers

# --- parse_number -----------------------------------------------------------------------


_DIGITS = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+", re.ASCII)
_GLUED = re.compile(r"(\d+(?:\.\d+)?)([a-z]+)", re.ASCII)
_SPLIT = re.compile(r"[\s\-\u2010-\u2015]+")


def parse_number(text: str, vocab: NumberVocabulary | None = None) -> float | None:
    """The value of a number written in digits or words; None when ``text`` is not one.

    "1,200" -> 1200, "twenty-six" -> 26, "one hundred and twelve" -> 112, "a dozen" -> 12,
    "1.5 million" -> 1.5e6, "2bn" -> 2e9. Ordinals, ranges, dates and vague counts ("dozens")
    are not numbers here.
    """
    return _parse(text, vocab or load_numbers(), money=False)


def _parse(text: str, vocab: NumberVocabulary, money: bool) -> float | None:
    s = text.strip().lower()
    if not s or len(s) > 200:
        return None
    if _DIGITS.fullmatch(s):
        return _finite(float(s.replace(",", "")))
    if _SPLIT.fullmatch(s[0]) or _SPLIT.fullmatch(s[-1]):
        return None  # "-five", "5-": a fragment, not a number
    parts: list[str] = []
    for part in _SPLIT.split(s):
        glued = _GLUED.fullmatch(part)
        if glued and glued.group(2) in vocab.abbreviations:
            parts.extend(glued.groups())
        elif part:
            parts.append(part)
    return _parse_parts(parts, vocab, money)


def _classify(part: str, vocab: NumberVocabulary, money: bool) -> tuple[str, float]:
    if part in ("a", "an", "and"):
        return ("a" if part != "and" else "and"), 0.0
    if _DIGITS.fullmatch(part) and part[0] not in "+-":
        return "digits", float(part.replace(",", ""))
    if part in vocab.words:
        kind, value, _ = vocab.words[part]
        return kind, value
    if part in vocab.abbreviations:
        value, money_only, _ = vocab.abbreviations[part]
        if money or not money_only:
            return "scale", value
    return "?", 0.0


_FOLLOWS: Mapping[str, frozenset[str]] = {
    "a": frozenset({"start", "half"}),
    "and": frozenset({"hundred", "scale"}),
    "digits": frozenset({"start"}),
    "unit": frozenset({"start", "tens", "hundred", "scale", "and"}),
    "teen": frozenset({"start", "hundred", "scale", "and"}),
    "tens": frozenset({"start", "hundred", "scale", "and"}),
    "hundred": frozenset({"start", "a", "unit", "teen", "digits"}),
    "scale": frozenset({"start", "a", "unit", "teen", "tens", "hundred", "digits"}),
    "dozen": frozenset({"start", "a", "unit", "teen", "tens", "digits"}),
    "half": frozenset({"start"}),
}


def _parse_parts(parts: list[str], vocab: NumberVocabulary, money: bool) -> float | None:
    """A small grammar of English cardinals: each kind of word may follow only some kinds."""
    total, group, prev = 0.0, 0.0, "start"
    last_scale, group_hundred, half = math.inf, False, False
    for part in parts:
        kind, value = _classify(part, vocab, money)
        if prev not in _FOLLOWS.get(kind, frozenset()):
            return None
        if half and kind not in ("a", "scale", "dozen"):
            return None
        multiplier = (0.5 if half else 1.0) if prev in ("start", "a") else group
        if kind in ("digits", "unit", "teen", "tens"):
            group += value
        elif kind == "hundred":
            if group_hundred:
                return None
            group, group_hundred = multiplier * 100, True
        elif kind in ("scale", "dozen"):
            if value >= last_scale:
                return None
            total += multiplier * value
            group, group_hundred, last_scale = 0.0, False, value
            if kind == "dozen":
                last_scale = 0.0  # nothing may follow "dozen"
        elif kind == "half":
            half = True
        prev = kind
    if prev in ("start", "a", "and", "half"):
        return None
    return _finite(total + group)


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None
