"""``quantities``: numbers paired with the noun they count ("26 US jets" -> jets, 26)."""

from __future__ import annotations

from collections.abc import Iterable

from eventwire.coding.numbers.runs import (
    _norm,
    _not_a_count,
    _Run,
    _run_head,
    _runs,
    _span,
    _unit_after,
)
from eventwire.coding.numbers.vocabulary import NumberVocabulary, Unit, load_numbers
from eventwire.model import ParsedText, Quantity, Token

# --- quantities ---------------------------------------------------------------------------


_COUNT_DEPS = frozenset({"nummod", "compound", "quantmod", "amod", "nmod", "npadvmod", "dep"})
_OF_PREPS = frozenset({"of", "in", "for", "worth"})
_BY_WORDS = frozenset({"by", "x", "\u00d7"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


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
