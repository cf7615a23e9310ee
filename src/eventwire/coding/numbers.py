"""Numbers in news text: read them, find what they count, and count the dead.

Three jobs share one vocabulary, ``data/numbers.yaml``: ``parse_number`` reads "1,200",
"twenty-six" or "1.5 million"; ``quantities`` pairs numbers with the noun they count ("26 US
jets" -> jets, 26); ``fatalities`` reads the number of dead off a killing trigger ("killed at
least 12" -> 12). All are pure functions of a ``ParsedText``; the ids of the rules and data
entries that fired go into ``rules`` so a wrong number can be traced to its line. The rules are
described in ``docs/numbers.md``.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from eventwire.errors import KnowledgeError
from eventwire.model import Fatalities, ParsedText, Quantity, Span, Token

_KINDS = frozenset({"unit", "teen", "tens", "hundred", "scale", "dozen", "half"})
_ROLES = frozenset({"object", "subject", "dead", "toll", "count", "none"})
_DIGITS = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+", re.ASCII)
_GLUED = re.compile(r"(\d+(?:\.\d+)?)([a-z]+)", re.ASCII)
_SPLIT = re.compile(r"[\s\-\u2010-\u2015]+")
_MAX_WINDOW = 20  # tokens in one number expression ("one million two hundred and five ...")
_COUNT_DEPS = frozenset({"nummod", "compound", "quantmod", "amod", "nmod", "npadvmod", "dep"})
_UNIT_DEPS = _COUNT_DEPS | {"appos"}
_LABEL_DEPS = frozenset({"nummod", "appos", "compound", "npadvmod", "nmod", "conj"})
_OF_PREPS = frozenset({"of", "in", "for", "worth"})
_BY_WORDS = frozenset({"by", "x", "\u00d7"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_RELATIVE_TAGS = frozenset({"WP", "WDT"})


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit and the words that name it: ``5 kilometres`` and ``5 km`` are both "km"."""

    id: str
    unit: str
    what: str  # the `what` of a quantity that names nothing counted ("distance")
    words: tuple[tuple[str, ...], ...]  # lower-case token sequences after the number
    prefixes: tuple[str, ...]  # signs before the number ("$")
    scaled_unit: str | None = None  # unit when a scale word comes along ("5 million pounds")
    of_object: bool = True  # "5 tonnes of X" measures X; "5 km of X" does not


@dataclass(frozen=True, slots=True)
class Phrase:
    """A vague count ("dozens") or an approximator ("at least"): token sequences with an id."""

    id: str
    words: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class LethalWord:
    """A word that reports deaths, and where its dead are (``role``, see numbers.yaml)."""

    id: str
    lemma: str
    pos: str  # VERB, NOUN or ADJ
    role: str
    verbs: tuple[str, ...] = ()  # only as the object of one of these ("claimed 12 lives")


@dataclass(frozen=True, slots=True)
class NumberVocabulary:
    """Everything in ``numbers.yaml``, validated and indexed."""

    version: str
    words: Mapping[str, tuple[str, float, str]]  # word -> (kind, value, id)
    abbreviations: Mapping[str, tuple[float, bool, str]]  # "bn" -> (value, money_only, id)
    vague: tuple[Phrase, ...]
    approximators: tuple[Phrase, ...]
    units: tuple[Unit, ...]
    unit_words: Mapping[tuple[str, ...], Unit]
    unit_prefixes: Mapping[str, Unit]
    lethal: Mapping[tuple[str, str], LethalWord]
    invariant_plurals: frozenset[str]
    time_nouns: frozenset[str]
    time_words: frozenset[str]
    before_not_count: frozenset[str]
    not_count_entities: frozenset[str]
    name_entities: frozenset[str]
    singular_pronouns: frozenset[str]
    zero_words: frozenset[str]


def default_numbers_path() -> Path:
    return Path(str(resources.files("eventwire") / "data" / "numbers.yaml"))


@functools.lru_cache(maxsize=4)
def load_numbers(path: Path | None = None) -> NumberVocabulary:
    """Read and validate ``numbers.yaml`` (the shipped one unless ``path`` is given)."""
    path = path or default_numbers_path()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"{path}: cannot read the numbers file ({exc}).") from exc
    if not isinstance(raw, dict) or "version" not in raw:
        raise KnowledgeError(f"{path}: expected a mapping with 'version'; see docs/numbers.md.")
    seen: set[str] = set()

    def entries(key: str, required: tuple[str, ...]) -> list[dict[str, Any]]:
        out = raw.get(key) or []
        for e in out:
            missing = [k for k in ("id", *required) if not isinstance(e, dict) or k not in e]
            if missing:
                raise KnowledgeError(f"{path}: an entry of '{key}' lacks {missing}: {e!r}.")
            if e["id"] in seen:
                raise KnowledgeError(f"{path}: id '{e['id']}' is used twice. Give it a new id.")
            seen.add(e["id"])
        return list(out)

    words: dict[str, tuple[str, float, str]] = {}
    for e in entries("number_words", ("word", "value", "kind")):
        if e["kind"] not in _KINDS:
            raise KnowledgeError(f"{path}: '{e['id']}' has kind '{e['kind']}'; use {_KINDS}.")
        words[str(e["word"]).lower()] = (e["kind"], float(e["value"]), e["id"])
    abbreviations = {
        str(e["text"]).lower(): (float(e["value"]), bool(e.get("money_only")), e["id"])
        for e in entries("scale_abbreviations", ("text", "value"))
    }
    units = tuple(
        Unit(
            e["id"],
            str(e["unit"]),
            str(e["what"]),
            _sequences(e.get("words", ())),
            tuple(str(p) for p in e.get("prefix", ())),
            e.get("scaled_unit"),
            bool(e.get("of_object", True)),
        )
        for e in entries("units", ("unit", "what"))
    )
    lethal: dict[tuple[str, str], LethalWord] = {}
    for e in entries("lethal", ("lemma", "pos", "role")):
        if e["role"] not in _ROLES:
            raise KnowledgeError(f"{path}: '{e['id']}' has role '{e['role']}'; use {_ROLES}.")
        word = LethalWord(e["id"], e["lemma"], e["pos"], e["role"], tuple(e.get("verbs", ())))
        lethal[(word.lemma, word.pos)] = word

    def phrases(key: str) -> tuple[Phrase, ...]:
        return tuple(Phrase(e["id"], _sequences(e["words"])) for e in entries(key, ("words",)))

    def words_of(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw.get(key) or ())

    return NumberVocabulary(
        version=str(raw["version"]),
        words=words,
        abbreviations=abbreviations,
        vague=phrases("vague_counts"),
        approximators=phrases("approximators"),
        units=units,
        unit_words={seq: u for u in units for seq in u.words},
        unit_prefixes={p.lower(): u for u in units for p in u.prefixes},
        lethal=lethal,
        invariant_plurals=words_of("invariant_plurals"),
        time_nouns=words_of("time_nouns"),
        time_words=words_of("time_words"),
        before_not_count=words_of("before_not_count"),
        not_count_entities=frozenset(raw.get("not_count_entities") or ()),
        name_entities=frozenset(raw.get("name_entities") or ()),
        singular_pronouns=words_of("singular_pronouns"),
        zero_words=words_of("zero_words"),
    )


def _sequences(words: Iterable[Any]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(w).lower().split()) for w in words)


def lethal_lemmas(vocab: NumberVocabulary | None = None) -> frozenset[str]:
    """Lemmas that can report deaths (kill, die, dead, toll, ...), from ``numbers.yaml``."""
    return frozenset(lemma for lemma, _ in (vocab or load_numbers()).lethal)


# --- parse_number -----------------------------------------------------------------------


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


# --- number expressions in parsed text ------------------------------------------------------


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
    n = _match(parsed, i, last, (seq for p in vocab.vague for seq in p.words))
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


# --- quantities ---------------------------------------------------------------------------


def quantities(
    parsed: ParsedText, first: int, last: int, vocab: NumberVocabulary | None = None
) -> tuple[Quantity, ...]:
    """Numbers in tokens ``[first, last)`` with what they count, their unit and their span.

    "26 US jets" -> (jets, 26); "a 30 km buffer zone" -> (buffer zone, 30, km); "an area 98
    kilometers by 45 kilometers" -> (area, (98, 45), km); "$2 billion in aid" -> (aid, 2e9,
    USD). Vague counts, dates, times, ages, ordinals and numbers in names are left out.
    """
    vocab = vocab or load_numbers()
    runs = _runs(parsed, first, last, vocab)
    out: list[Quantity] = []
    used: set[int] = set()
    for k, run in enumerate(runs):
        if k in used or run.value is None or _not_a_count(parsed, run, vocab):
            continue
        unit_q = _unit_quantity(parsed, runs, k, last, vocab)
        if unit_q is not None:
            quantity, consumed = unit_q
            used.update(consumed)
            out.append(quantity)
            continue
        counted = _counted(parsed, run, vocab)
        if counted is not None:
            what, tokens, rule = counted
            span = _span(parsed, [run.start, run.last - 1, *tokens])
            out.append(Quantity(what, run.value, None, span, (rule, *run.ids)))
    return tuple(out)


def _counted(
    parsed: ParsedText, run: _Run, vocab: NumberVocabulary
) -> tuple[str, list[int], str] | None:
    """The noun a bare number counts: "26 US jets" -> jets; "two of the soldiers" -> soldiers."""
    head = _run_head(parsed, run)
    noun = parsed.tokens[head.head]
    if head.dep in _COUNT_DEPS and run.last <= noun.i <= run.last + 6 and _countable(noun):
        if noun.lemma in vocab.time_nouns or noun.sent != head.sent:
            return None
        plural = noun.tag in _PLURAL_TAGS or noun.lemma in vocab.invariant_plurals
        if run.value != 1 and not plural:
            return None
        what, tokens = _phrase(parsed, noun.i, run.last, vocab)
        return what, tokens, "quantity.count"
    of = _of_object(parsed, head.i, ("of",))
    if of is not None and parsed.tokens[of].lemma not in vocab.time_nouns:
        what, tokens = _phrase(parsed, of, head.i + 1, vocab)
        return what, tokens, "quantity.count-of"
    return None


def _countable(tok: Token) -> bool:
    return tok.pos == "NOUN" or (tok.pos == "PROPN" and tok.tag == "NNPS")


def _of_object(parsed: ParsedText, i: int, preps: Iterable[str]) -> int | None:
    """The noun after "of"/"in"/... governed by token ``i``: "40 percent of the vote" -> vote."""
    for prep in parsed.children(i):
        if prep.dep == "prep" and _norm(prep) in preps:
            for obj in parsed.children(prep.i):
                if obj.dep == "pobj" and _countable(obj):
                    return obj.i
    return None


def _phrase(
    parsed: ParsedText, head: int, lo: int, vocab: NumberVocabulary
) -> tuple[str, list[int]]:
    """The counted noun with its modifiers from ``lo``, less actor words and determiners."""
    kept: list[int] = []
    for k in range(lo, head + 1):
        tok = parsed.tokens[k]
        under = head in (a.i for a in parsed.ancestors(k))
        if k == head or (under and _descriptive(tok, vocab)):
            kept.append(k)
    while len(kept) > 1 and parsed.tokens[kept[0]].tag == "HYPH":
        kept.pop(0)
    out = ""
    for n, k in enumerate(kept):
        tok = parsed.tokens[k]
        glued = n > 0 and parsed.tokens[kept[n - 1]].end == tok.start and kept[n - 1] == k - 1
        out += tok.text if glued or n == 0 else " " + tok.text
    return out, kept


def _descriptive(tok: Token, vocab: NumberVocabulary) -> bool:
    if tok.ent_type in vocab.name_entities or tok.pos == "PROPN":
        return False
    return tok.pos in ("NOUN", "ADJ", "VERB", "ADV", "X") or tok.tag == "HYPH"


def _unit_after(
    parsed: ParsedText, j: int, last: int, vocab: NumberVocabulary
) -> tuple[Unit, int] | None:
    n = _match(parsed, j, last, vocab.unit_words)
    if not n:
        return None
    return vocab.unit_words[tuple(_norm(t) for t in parsed.tokens[j : j + n])], j + n


def _unit_quantity(
    parsed: ParsedText, runs: list[_Run], k: int, last: int, vocab: NumberVocabulary
) -> tuple[Quantity, set[int]] | None:
    """A number with a unit, its dimensions ("98 by 45 km") and what it measures."""
    run = runs[k]
    if run.value is None:
        return None
    glued = run.last < last and parsed.tokens[run.last].tag == "HYPH"  # "a 30-km zone"
    after = _unit_after(parsed, run.last + glued, last, vocab)
    unit = after[0] if after else run.unit
    end = after[1] if after else run.last  # one past the unit (or the number)
    values, consumed, rules = [run.value], {k}, ["quantity.unit"]
    nxt = runs[k + 1] if k + 1 < len(runs) else None
    by = end < last and _norm(parsed.tokens[end]) in _BY_WORDS
    if by and nxt is not None and nxt.first == end + 1 and nxt.value is not None:
        second = _unit_after(parsed, nxt.last, last, vocab)
        if unit is not None or second is not None:
            values.append(nxt.value)
            consumed.add(k + 1)
            unit = unit or (second[0] if second else None)
            end = second[1] if second else nxt.last
            rules.append("quantity.dimension")
    if unit is None:
        return None
    rules += [unit.id, *(x for x in run.ids if x != unit.id)]
    unit_tok = parsed.tokens[after[1] - 1] if after else _run_head(parsed, run)
    if unit.scaled_unit and run.scaled:  # "5 million pounds" is money, not weight
        unit = next((u for u in vocab.units if u.unit == unit.scaled_unit), unit)
        rules.append(unit.id)
    what, tokens, rule = _measured(parsed, run, unit_tok, len(values) > 1, unit, vocab)
    rules.append(rule)
    span = _span(parsed, [run.start, end - 1, *tokens])
    value = values[0] if len(values) == 1 else tuple(values)
    return Quantity(what, value, unit.unit, span, tuple(rules)), consumed


def _measured(
    parsed: ParsedText, run: _Run, unit_tok: Token, dims: bool, unit: Unit, vocab: NumberVocabulary
) -> tuple[str, list[int], str]:
    """What a measure is of: "30 km buffer zone", "$2 billion in aid", "an area 98 km by"."""
    noun = parsed.tokens[unit_tok.head]
    if unit_tok.dep in _COUNT_DEPS and unit_tok.i < noun.i <= unit_tok.i + 6 and _countable(noun):
        what, tokens = _phrase(parsed, noun.i, unit_tok.i + 1, vocab)
        return what, tokens, "quantity.unit-modifier"
    head = _run_head(parsed, run)
    for i in (unit_tok.i, head.i) if unit.of_object else ():
        of = _of_object(parsed, i, _OF_PREPS)
        if of is not None:
            what, tokens = _phrase(parsed, of, i + 1, vocab)
            return what, tokens, "quantity.unit-of"
    before = run.start - 1
    near = dims or unit_tok.head == before or unit_tok.dep == "appos"
    if before >= 0 and parsed.tokens[before].pos == "NOUN" and near:
        lo = min(t.i for t in parsed.subtree(before))
        what, tokens = _phrase(parsed, before, lo, vocab)
        return what, tokens, "quantity.unit-preceding"
    return unit.what, [], "quantity.unit-default"


# --- fatalities ---------------------------------------------------------------------------


def is_lethal(parsed: ParsedText, trigger: int, vocab: NumberVocabulary | None = None) -> bool:
    """Whether the trigger word itself reports deaths ("killed", "died", "death toll")."""
    return _lethal(parsed, parsed.tokens[trigger], vocab or load_numbers()) is not None


def _lethal(parsed: ParsedText, tok: Token, vocab: NumberVocabulary) -> LethalWord | None:
    pos = {"AUX": "VERB", "PROPN": "NOUN"}.get(tok.pos, tok.pos)
    if pos not in ("VERB", "NOUN", "ADJ") and tok.tag.startswith("VB"):
        pos = "VERB"
    word = vocab.lethal.get((tok.lemma, pos))
    if word is None and tok.tag.startswith("VB"):
        word = vocab.lethal.get((tok.lemma, "VERB"))
    if word is not None and word.verbs and parsed.tokens[tok.head].lemma not in word.verbs:
        return None
    if word is None and pos == "VERB":
        for child in parsed.children(tok.i):
            if child.lemma == "dead" and child.dep in ("oprd", "acomp", "advmod", "xcomp", "dobj"):
                return LethalWord("fatal.verb-dead", tok.lemma, "VERB", "object")
    return word


def fatalities(
    parsed: ParsedText, trigger: int, vocab: NumberVocabulary | None = None
) -> Fatalities | None:
    """How many died in the event whose trigger is token ``trigger``, or None if unsaid.

    "killed 33 people" -> 33; "a soldier was killed" -> 1; "the death toll rose to 12" -> 12;
    "dozens were killed" -> count None, text "dozens"; "killed three and wounded ten" -> 3.
    A non-lethal trigger ("bombing", "attack") borrows the count of a killing verb it is the
    subject of or that modifies it ("the bombing killed 33", "an attack that killed 12").
    """
    return _fatalities(parsed, trigger, vocab or load_numbers(), depth=0)


def _fatalities(
    parsed: ParsedText, trigger: int, vocab: NumberVocabulary, depth: int
) -> Fatalities | None:
    tok = parsed.tokens[trigger]
    word = _lethal(parsed, tok, vocab)
    if word is not None:
        found = _by_role(parsed, tok, word, vocab)
        if found is not None:
            return _result(parsed, found, (word.id,))
    if depth > 1:
        return None
    for other, rule in _related(parsed, tok, vocab):
        result = _fatalities(parsed, other, vocab, depth + 1)
        if result is not None:
            return Fatalities(result.count, result.text, result.span, (rule, *result.rules))
    return None


def _related(parsed: ParsedText, tok: Token, vocab: NumberVocabulary) -> list[tuple[int, str]]:
    """Lethal words tied to a trigger: its killing verb, a toll it governs, "claimed lives"."""
    out: list[tuple[int, str]] = []
    head = parsed.tokens[tok.head]
    if tok.dep in ("nsubj", "nsubjpass") and head.pos in ("VERB", "AUX"):
        out.append((head.i, "fatal.via-subject"))  # "the blast killed 9", "... claimed 9 lives"
    if tok.dep == "compound" and head.lemma == "toll":
        out.append((head.i, "fatal.via-compound"))
    for child in parsed.children(tok.i):
        word = _lethal(parsed, child, vocab)
        if word is None:
            continue
        if child.dep in ("acl", "relcl", "advcl", "conj") and word.pos == "VERB":
            out.append((child.i, "fatal.via-clause"))
        elif child.dep in ("nsubj", "dobj", "nsubjpass") and word.role in ("toll", "count"):
            out.append((child.i, "fatal.via-argument"))
    return out


@dataclass(frozen=True, slots=True)
class _Found:
    count: int | None
    tokens: tuple[int, ...]
    rules: tuple[str, ...]


def _result(parsed: ParsedText, found: _Found, rules: tuple[str, ...]) -> Fatalities:
    span = _span(parsed, found.tokens)
    return Fatalities(found.count, span.text, span, (*rules, *found.rules))


def _by_role(
    parsed: ParsedText, tok: Token, word: LethalWord, vocab: NumberVocabulary
) -> _Found | None:
    if word.role == "object":
        return _victims(parsed, _killed(parsed, tok), vocab)
    if word.role == "subject":
        return _victims(parsed, _subject(parsed, tok, ("nsubj",)), vocab)
    if word.role == "dead":
        return _dead(parsed, tok, vocab)
    if word.role == "toll":
        return _toll(parsed, tok, vocab)
    if word.role == "count":
        own = _numeric(parsed, tok, vocab)
        of = _of_object(parsed, tok.i, ("of",))
        return own or (_victims(parsed, of, vocab) if of is not None else None)
    return None


def _subject(parsed: ParsedText, verb: Token, deps: tuple[str, ...]) -> int | None:
    """The verb's subject; a relative pronoun or a reduced relative gives the modified noun."""
    for child in parsed.children(verb.i):
        if child.dep in deps:
            if child.tag in _RELATIVE_TAGS and verb.dep == "relcl":
                return verb.head
            return child.i
    if verb.dep in ("acl", "relcl"):
        return verb.head
    if verb.dep == "conj":  # "were shot and killed": the subject hangs on the first verb
        return _subject(parsed, parsed.tokens[verb.head], deps)
    return None


def _killed(parsed: ParsedText, verb: Token) -> int | None:
    """The victims of a killing verb: object when active, subject when passive."""
    children = parsed.children(verb.i)
    for child in children:
        if child.dep == "dobj":
            return child.i
    perfect = any(c.dep == "aux" and c.lemma == "have" for c in children)
    if verb.tag == "VBN" and not perfect:
        return _subject(parsed, verb, ("nsubjpass", "nsubj"))
    return _subject(parsed, verb, ("nsubjpass",))


def _dead(parsed: ParsedText, tok: Token, vocab: NumberVocabulary) -> _Found | None:
    """ "left five dead", "two were among the dead", "five dead soldiers", "shot dead"."""
    own = _numeric(parsed, tok, vocab)
    if own is not None:
        return own
    head = parsed.tokens[tok.head]
    if tok.dep == "amod":  # "five dead soldiers", not "a dead end"
        return _numeric(parsed, head, vocab)
    if tok.dep == "pobj":  # among the dead
        verb = parsed.tokens[head.head]
        return _victims(parsed, _subject(parsed, verb, ("nsubj", "nsubjpass")), vocab)
    if head.lemma == "leave":
        objs = [c.i for c in parsed.children(head.i) if c.dep == "dobj" and c.i != tok.i]
        return _victims(parsed, objs[0] if objs else None, vocab)
    if head.lemma == "be":
        return _victims(parsed, _subject(parsed, head, ("nsubj",)), vocab)
    if head.pos in ("VERB", "AUX"):  # shot dead, found dead
        return _victims(parsed, _killed(parsed, head), vocab)
    return None


def _toll(parsed: ParsedText, tok: Token, vocab: NumberVocabulary) -> _Found | None:
    """The number a toll reaches: "rose to 12", "stands at 40", "a toll of 9", "is 7"."""
    places: list[int] = []
    of = _of_object(parsed, tok.i, ("of", "at"))
    places += [of] if of is not None else []
    places += [c.i for c in parsed.children(tok.i) if c.dep in ("appos", "nummod")]
    verb = parsed.tokens[tok.head]
    if tok.dep in ("nsubj", "nsubjpass", "dobj") and verb.pos in ("VERB", "AUX"):
        for child in parsed.children(verb.i):
            if child.dep == "prep" and _norm(child) in ("to", "at"):
                places += [c.i for c in parsed.children(child.i) if c.dep == "pobj"]
            elif child.dep in ("dobj", "attr", "npadvmod") and child.i != tok.i:
                places.append(child.i)
    for place in places:
        found = _numeric(parsed, parsed.tokens[place], vocab)
        if found is not None:
            return _Found(found.count, found.tokens, ("fatal.toll", *found.rules))
    return None


def _sentence_runs(parsed: ParsedText, tok: Token, vocab: NumberVocabulary) -> list[_Run]:
    sentence = parsed.sentences[tok.sent]
    return _runs(parsed, sentence.first, sentence.last, vocab)


def _numeric(parsed: ParsedText, tok: Token, vocab: NumberVocabulary) -> _Found | None:
    """A count written as a number: the token is one ("killed three") or has one ("33 people")."""
    for child in parsed.children(tok.i):
        if child.dep == "det" and _norm(child) == "no":
            return _Found(0, (child.i, tok.i), ("fatal.zero",))
    if _norm(tok) in vocab.zero_words:
        return _Found(0, (tok.i,), ("fatal.zero",))
    for run in _sentence_runs(parsed, tok, vocab):
        inside = run.first <= tok.i < run.last
        if inside or (run.last <= tok.i and _run_head(parsed, run).head == tok.i):
            if run.value is not None and _not_a_count(parsed, run, vocab):
                return None
            tokens = (run.start, run.last - 1)
            if run.value is None:
                return _Found(None, tokens, ("fatal.vague", *run.ids))
            exact = run.value.is_integer() and run.value < 1e12
            count = int(run.value) if exact else None
            return _Found(count, tokens, ("fatal.number", *run.ids))
    return None


def _victims(parsed: ParsedText, i: int | None, vocab: NumberVocabulary) -> _Found | None:
    """How many the victim phrase at token ``i`` counts, adding conjuncts ("3 X and 2 Y")."""
    if i is None:
        return None
    first = _one_victim(parsed, parsed.tokens[i], vocab)
    if first is None or first.count is None:
        return first
    total, tokens = first.count, list(first.tokens)
    for conj in parsed.children(i):
        if conj.dep != "conj":
            continue
        more = _one_victim(parsed, conj, vocab)
        if more is None or more.count is None:
            return first
        total += more.count
        tokens += (*more.tokens, conj.i)
    if total == first.count:
        return first
    return _Found(total, (*tokens, i), (*first.rules, "fatal.sum"))


def _one_victim(parsed: ParsedText, tok: Token, vocab: NumberVocabulary) -> _Found | None:
    found = _numeric(parsed, tok, vocab)
    if found is not None:
        return found
    if tok.tag in _RELATIVE_TAGS:
        return None
    single_noun = tok.pos == "NOUN" and tok.tag == "NN" and tok.lemma not in vocab.invariant_plurals
    person = tok.pos == "PROPN" and tok.tag == "NNP" and tok.ent_type in ("PERSON", "")
    if single_noun or person or _norm(tok) in vocab.singular_pronouns:
        lo = min(t.i for t in parsed.subtree(tok.i))
        return _Found(1, (lo, tok.i), ("fatal.singular",))
    return None
