"""``fatalities``: the number of dead, read off a killing trigger ("killed at least 12")."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.coding.numbers.quantities import _of_object
from eventwire.coding.numbers.runs import _norm, _not_a_count, _Run, _run_head, _runs, _span
from eventwire.coding.numbers.vocabulary import LethalWord, NumberVocabulary, load_numbers
from eventwire.model import Fatalities, ParsedText, Token

# --- fatalities ---------------------------------------------------------------------------


_RELATIVE_TAGS = frozenset({"WP", "WDT"})


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
