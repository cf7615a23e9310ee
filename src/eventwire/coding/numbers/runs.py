"""Number expressions in parsed text: runs of number tokens and what they modify."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from eventwire.coding.numbers.parsing import _parse
from eventwire.coding.numbers.vocabulary import NumberVocabulary, Phrase, Unit
from eventwire.model import ParsedText, Span, Token

# --- number expressions in parsed text ------------------------------------------------------


_GLUED = re.compile(r"(\d+(?:\.\d+)?)([a-z]+)", re.ASCII)
_SPLIT = re.compile(r"[\s\-\u2010-\u2015]+")
_MAX_WINDOW = 20  # tokens in one number expression ("one million two hundred and five ...")
_COUNT_DEPS = frozenset({"nummod", "compound", "quantmod", "amod", "nmod", "npadvmod", "dep"})
_LABEL_DEPS = frozenset({"nummod", "appos", "compound", "npadvmod", "nmod", "conj"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


@dataclass(frozen=True, slots=True)
class _Run:
    """A number expression: tokens ``[first, last)``; ``start`` includes "at least" or "$"."""

    first: int
    last: int
    start: int
    value: float | None  # None for a vague count
    unit: Unit | None  # from a currency sign before the number
    scaled: bool  # a scale word ("million") is part of it
    ids: tuple[str, ...]


def _norm(tok: Token) -> str:
    return tok.norm or tok.text.lower()


def _match(parsed: ParsedText, i: int, last: int, seqs: Iterable[tuple[str, ...]]) -> int:
    """Length of the longest sequence in ``seqs`` that the tokens from ``i`` spell, or 0."""
    best = 0
    for seq in seqs:
        n = len(seq)
        if (
            n > best
            and i + n <= last
            and all(_norm(parsed.tokens[i + k]) == w for k, w in enumerate(seq))
        ):
            best = n
    return best


def _match_before(parsed: ParsedText, end: int, lo: int, phrases: Iterable[Phrase]) -> int:
    """Start of the longest phrase that ends just before token ``end`` (``end`` when none)."""
    best = end
    for phrase in phrases:
        for seq in phrase.words:
            s = end - len(seq)
            if lo <= s < best and _match(parsed, s, end, (seq,)) == len(seq):
                best = s
    return best


def _phrase_id(parsed: ParsedText, s: int, e: int, phrases: Iterable[Phrase]) -> str | None:
    for phrase in phrases:
        if any(_match(parsed, s, e, (seq,)) == e - s == len(seq) for seq in phrase.words):
            return phrase.id
    return None


def _runs(parsed: ParsedText, first: int, last: int, vocab: NumberVocabulary) -> list[_Run]:
    out: list[_Run] = []
    i = first
    while i < last:
        run = _run_at(parsed, i, first, last, vocab)
        if run is None:
            i += 1
        else:
            out.append(run)
            i = run.last
    return out


def _numberish(tok: Token, vocab: NumberVocabulary) -> bool:
    n = _norm(tok)
    return any(c.isdigit() for c in n) or n in vocab.words or n in vocab.abbreviations


def _run_at(
    parsed: ParsedText, i: int, first: int, last: int, vocab: NumberVocabulary
) -> _Run | None:
    toks = parsed.tokens
    starts_vague = _norm(toks[i]) in vocab.vague_starts
    n = (
        _match(parsed, i, last, (seq for p in vocab.vague for seq in p.words))
        if starts_vague
        else 0
    )
    if n:
        vague_id = _phrase_id(parsed, i, i + n, vocab.vague)
        start = _match_before(parsed, i, first, vocab.approximators)
        ids = tuple(x for x in (_phrase_id(parsed, start, i, vocab.approximators), vague_id) if x)
        return _Run(i, i + n, start, None, None, False, ids)
    head = _norm(toks[i])
    if not (_numberish(toks[i], vocab) or (head in ("a", "an") and i + 1 < last)):
        return None
    unit = vocab.unit_prefixes.get(_norm(toks[i - 1])) if i > first else None
    for j in range(min(last, i + _MAX_WINDOW), i, -1):
        if not _numberish(toks[j - 1], vocab):
            continue
        text = parsed.text[toks[i].start : toks[j - 1].end]
        value = _parse(text, vocab, money=unit is not None or _money_word_at(parsed, j, vocab))
        if value is None:
            continue
        before = i - 1 if unit is not None else i
        start = _match_before(parsed, before, first, vocab.approximators)
        approx = _phrase_id(parsed, start, before, vocab.approximators)
        ids = tuple(x for x in (approx, unit.id if unit else None) if x)
        return _Run(i, j, start, value, unit, _has_scale(text, vocab), ids)
    return None


def _money_word_at(parsed: ParsedText, j: int, vocab: NumberVocabulary) -> bool:
    n = _match(parsed, j, len(parsed.tokens), vocab.unit_words)
    if not n:
        return False
    words = tuple(_norm(t) for t in parsed.tokens[j : j + n])
    return vocab.unit_words[words].what == "money"


def _has_scale(text: str, vocab: NumberVocabulary) -> bool:
    for part in _SPLIT.split(text.lower()):
        glued = _GLUED.fullmatch(part)
        if glued and glued.group(2) in vocab.abbreviations:
            return True
        entry = vocab.words.get(part)
        if part in vocab.abbreviations or (entry is not None and entry[0] == "scale"):
            return True
    return False


def _run_head(parsed: ParsedText, run: _Run) -> Token:
    """The token of the run whose head lies outside it (the last such token)."""
    inside = range(run.first, run.last)
    heads = [
        t for t in parsed.tokens[run.first : run.last] if t.head not in inside or t.head == t.i
    ]
    return heads[-1] if heads else parsed.tokens[run.last - 1]


def _not_a_count(parsed: ParsedText, run: _Run, vocab: NumberVocabulary) -> bool:
    """Dates, times, ages, labels ("Resolution 2254"), codes and phone numbers."""
    toks = parsed.tokens[run.first : run.last]
    if any(t.ent_type in vocab.name_entities for t in toks):
        return True
    if any(t.ent_type in vocab.not_count_entities for t in toks):
        # the NER model calls "two thousand and five soldiers" a DATE: trust a plural noun
        year_like = len(toks) == 1 and re.fullmatch(r"1\d{3}|20\d{2}", toks[0].text)
        if year_like or not _counts_plural(parsed, run, vocab):
            return True
    if run.start > 0 and _norm(parsed.tokens[run.start - 1]) in vocab.before_not_count:
        return True
    after = run.last
    if after < len(parsed.tokens) and _norm(parsed.tokens[after]) in vocab.time_words:
        return True
    if _hyphen_adjective(parsed, run, vocab):
        return True
    digits = "".join(c for t in toks for c in t.text if c.isdigit())
    code_like = re.match(r"0\d", toks[0].text) or (len(digits) >= 7 and "," not in toks[0].text)
    if code_like and not run.scaled:
        return True
    head = _run_head(parsed, run)
    label = parsed.tokens[head.head]
    return (
        head.head < run.first
        and head.dep in _LABEL_DEPS
        and label.pos in ("PROPN", "NOUN")
        and label.tag not in _PLURAL_TAGS
        and (label.pos == "PROPN" or head.dep != "conj")
    )


def _counts_plural(parsed: ParsedText, run: _Run, vocab: NumberVocabulary) -> bool:
    head = _run_head(parsed, run)
    noun = parsed.tokens[head.head]
    return (
        head.dep in _COUNT_DEPS
        and run.last <= noun.i <= run.last + 6
        and noun.tag in _PLURAL_TAGS
        and noun.lemma not in vocab.time_nouns
    )


def _hyphen_adjective(parsed: ParsedText, run: _Run, vocab: NumberVocabulary) -> bool:
    """ "a three-day visit", "a one-time colony": a number glued by a hyphen to a non-unit."""
    toks = parsed.tokens
    k = run.last
    if k + 1 >= len(toks) or toks[k].tag != "HYPH" or toks[k].start != toks[k - 1].end:
        return False
    return _unit_after(parsed, k + 1, len(toks), vocab) is None


def _span(parsed: ParsedText, indices: Iterable[int]) -> Span:
    idx = sorted(indices)
    return parsed.token_span(idx[0], idx[-1])


def _unit_after(
    parsed: ParsedText, j: int, last: int, vocab: NumberVocabulary
) -> tuple[Unit, int] | None:
    n = _match(parsed, j, last, vocab.unit_words)
    if not n:
        return None
    return vocab.unit_words[tuple(_norm(t) for t in parsed.tokens[j : j + n])], j + n
