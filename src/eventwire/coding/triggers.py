"""Find event triggers: tokens whose lemma and syntax match a lexicon entry.

A verb matches an entry when the constraints the entry names hold in the parse (a particle
child, a governed preposition, an object lemma for light verbs). The most specific entry
wins, so "hold talks" codes CONSULT while a bare "hold" codes nothing. Nouns match entries
that are events on their own ("a bombing in X") or the objects of light verbs.

Some verbs that match are not events of their own but the topic of another clause; they are
dropped here, and ``skip_reason`` says why, so the choice can be explained.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.coding.lexicon import Lexicon, LexiconEntry
from eventwire.model import ParsedText, Token

# Prepositions whose gerund complement is a real, separate event ("after killing 33").
_TEMPORAL_PREPS = frozenset({"after", "before", "since", "following", "despite", "amid", "during"})
_OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})
_PASSIVE_SUBJ = frozenset({"nsubjpass", "csubjpass"})
_VERB_POS = frozenset({"VERB"})
# Nouns that measure or count what follows "of": the object is what they measure.
_MEASURES = frozenset(
    {
        "ton", "tonne", "kg", "kilogram", "kilo", "pound", "worth", "lot", "number", "dozen",
        "hundred", "thousand", "million", "billion", "shipment", "batch", "consignment",
        "load", "truckload", "planeload", "amount", "quantity", "supply", "package", "round",
        "day", "week", "month", "year", "series", "wave", "string", "spate", "barrage",
    }
)  # fmt: skip
_NOUN_POS = frozenset({"NOUN", "PROPN"})
# Nouns naming an undertaking whose kind is said by a noun compound: "launched a *mediation*
# effort", "ended peace *talks* bid": a light verb's object is the compound as well.
_UNDERTAKINGS = frozenset(
    {
        "effort", "bid", "attempt", "initiative", "mission", "campaign", "drive", "push",
        "operation", "programme", "program", "process",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Trigger:
    """A token (and, for light verbs, its object) that carries an event."""

    head: int  # the token index of the trigger word
    entry: LexiconEntry
    last: int  # the last token of the trigger phrase ("carried out an attack": attack)
    nominal: bool
    consumed: tuple[int, ...] = ()  # nouns that are part of this trigger (light-verb objects)


def find_triggers(parsed: ParsedText, sentence: int, lexicon: Lexicon) -> tuple[Trigger, ...]:
    """All triggers of one sentence, verbal ones first, nominal ones not already covered."""
    tokens = parsed.sentence_tokens(sentence)
    verbal = [t for tok in tokens if (t := _verbal(parsed, tok, lexicon)) is not None]
    covered = {i for t in verbal for i in t.consumed}
    # "has sworn to attack": the attack is part of the vow's trigger, not an event of its own
    verbal = [t for t in verbal if t.head not in covered]
    trigger_heads = {t.head for t in verbal}
    nominal = [
        t
        for tok in tokens
        if tok.i not in covered and (t := _nominal(parsed, tok, lexicon, trigger_heads)) is not None
    ]
    return tuple(sorted(verbal + nominal, key=lambda t: t.head))


def objects_of(parsed: ParsedText, tok: Token) -> tuple[Token, ...]:
    """Direct objects of a verb, or its passive subject (the object of the active form)."""
    out: list[Token] = []
    for child in parsed.children(tok.i):
        if child.dep in _OBJECT_DEPS or child.dep in _PASSIVE_SUBJ:
            out.append(child)
            out.extend(c for c in parsed.children(child.i) if c.dep == "conj")
    # "provided 25,000 tons of food aid", "$50,000 worth of goods": look through the measure
    out += [p for o in out if o.lemma in _MEASURES for p in _of_objects(parsed, o)]
    out += [
        c
        for o in out
        if o.lemma in _UNDERTAKINGS
        for c in parsed.children(o.i)
        if c.dep == "compound" and c.pos == "NOUN"
    ]
    if not out and tok.dep == "relcl" and _has_own_subject(parsed, tok):
        out.append(parsed.tokens[tok.head])  # "the video it released": the video is the object
    return tuple(out)


def _of_objects(parsed: ParsedText, tok: Token) -> list[Token]:
    return [
        p
        for c in parsed.children(tok.i)
        if c.dep == "prep" and c.lemma == "of"
        for p in parsed.children(c.i)
        if p.dep == "pobj"
    ]


def _has_own_subject(parsed: ParsedText, tok: Token) -> bool:
    return any(
        c.dep == "nsubj" and c.lemma not in {"that", "which", "who"} for c in parsed.children(tok.i)
    )


def is_passive(parsed: ParsedText, tok: Token) -> bool:
    return any(c.dep in _PASSIVE_SUBJ or c.dep == "auxpass" for c in parsed.children(tok.i))


def _verbal(parsed: ParsedText, tok: Token, lexicon: Lexicon) -> Trigger | None:
    if tok.pos not in _VERB_POS:
        return None
    entries = lexicon.lookup(tok.lemma, "verb")
    if not entries or skip_reason(parsed, tok, lexicon.message_nouns) is not None:
        return None
    objects = objects_of(parsed, tok)
    object_lemmas = {o.lemma for o in objects} | {o.norm for o in objects}
    for entry in entries:
        if entry.not_objects and object_lemmas & set(entry.not_objects):
            continue
        if not _constraints_hold(parsed, tok, entry, objects):
            continue
        if entry.passive_only and not is_passive(parsed, tok):
            continue
        consumed = tuple(
            o.i for o in objects if o.lemma in entry.objects or o.norm in entry.objects
        )
        consumed += _entry_complements(parsed, tok, entry)
        if entry.prep_objects:  # "arrived for talks with X": the talks carry the target
            consumed += tuple(
                o.i
                for c in parsed.children(tok.i)
                if c.dep == "prep" and c.lemma == entry.prep
                for o in parsed.children(c.i)
                if o.dep == "pobj"
                and (o.lemma in entry.prep_objects or o.norm in entry.prep_objects)
            )
        last = max([tok.i, *consumed])
        return Trigger(tok.i, entry, last, nominal=False, consumed=consumed)
    return None


def _entry_complements(parsed: ParsedText, tok: Token, entry: LexiconEntry) -> tuple[int, ...]:
    """The complements an entry names ("vowed to *attack*"), with their conjuncts of the same
    kind ("vowed to attack and *destroy*"): all of them are part of the trigger phrase."""
    if not entry.complements:
        return ()
    out: list[int] = []
    for comp in complement_clauses(parsed, tok):
        if comp.lemma not in entry.complements:
            continue
        out.append(comp.i)
        out.extend(
            c.i
            for c in parsed.children(comp.i)
            if c.dep == "conj" and c.pos in _VERB_POS and c.lemma in entry.complements
        )
    return tuple(out)


def _constraints_hold(
    parsed: ParsedText, tok: Token, entry: LexiconEntry, objects: tuple[Token, ...]
) -> bool:
    children = parsed.children(tok.i)
    if entry.particle and not any(
        c.dep in {"prt", "advmod", "prep"} and c.lemma == entry.particle for c in children
    ):
        return False
    if entry.prep and not any(
        c.dep in {"prep", "agent"}
        and c.lemma == entry.prep
        and (not entry.prep_objects or _prep_object_fits(parsed, c, entry.prep_objects))
        for c in children
    ):
        return False
    if entry.subjects or entry.not_subjects:
        words = subject_words(parsed, tok)
        if entry.subjects and not words & set(entry.subjects):
            return False
        if words & set(entry.not_subjects):
            return False
    if entry.ccomp_aux and not any(
        c.dep == "ccomp" and _aux_of(parsed, c) & set(entry.ccomp_aux) for c in children
    ):
        return False
    if entry.complements and not any(
        c.lemma in entry.complements for c in complement_clauses(parsed, tok)
    ):
        return False
    return not entry.objects or any(
        o.lemma in entry.objects or o.norm in entry.objects for o in objects
    )


def _prep_object_fits(parsed: ParsedText, prep: Token, lemmas: tuple[str, ...]) -> bool:
    """ "(came) for *talks*", "(held them) as *shields*": the preposition's object (or its
    conjuncts) has one of ``lemmas``."""
    objects = [c for c in parsed.children(prep.i) if c.dep == "pobj"]
    objects += [c for o in objects for c in parsed.children(o.i) if c.dep == "conj"]
    return any(o.lemma in lemmas or o.norm in lemmas for o in objects)


def complement_clauses(parsed: ParsedText, tok: Token) -> tuple[Token, ...]:
    """The verbal complements of ``tok``: its ``xcomp`` children and the infinitives the small
    model attaches as ``ccomp`` or ``advcl`` ("allowed X *to run*", "have sworn *to fight*")."""
    return tuple(
        c
        for c in parsed.children(tok.i)
        if c.dep == "xcomp" or (c.dep in {"ccomp", "advcl"} and is_infinitive(parsed, c))
    )


def is_infinitive(parsed: ParsedText, tok: Token) -> bool:
    """A verb with a "to" marker: "(sworn) to fight"."""
    return tok.pos in _VERB_POS and any(
        c.dep == "aux" and c.lemma == "to" for c in parsed.children(tok.i)
    )


def _aux_of(parsed: ParsedText, tok: Token) -> set[str]:
    return {c.norm for c in parsed.children(tok.i) if c.dep in {"aux", "auxpass"}}


def subject_words(parsed: ParsedText, tok: Token) -> set[str]:
    """Lemmas of the subject phrase of ``tok`` (or of the verb it is conjoined to)."""
    verb = tok
    for _ in range(3):
        subjects = [c for c in parsed.children(verb.i) if c.dep in {"nsubj", "nsubjpass"}]
        if subjects:
            return {t.lemma for s in subjects for t in parsed.subtree(s.i)}
        if verb.dep not in {"conj", "xcomp"} or verb.head == verb.i:
            break
        verb = parsed.tokens[verb.head]
    return set()


def skip_reason(
    parsed: ParsedText, tok: Token, message_nouns: frozenset[str] = frozenset()
) -> str | None:
    """Why a matching verb is not an event of its own, or None when it is one; a participle
    on a message noun ("a statement condemning X") is one (``is_message_participle``)."""
    if is_message_participle(parsed, tok, message_nouns):
        return None
    if tok.dep == "pcomp":
        prep = parsed.tokens[tok.head]
        if prep.lemma not in _TEMPORAL_PREPS:
            return "topic-of-preposition"  # "talks on fighting X", "by calling for"
    if tok.dep in {"amod", "acl", "compound"}:
        return "modifier"  # "the coalition fighting the group", "a protesting crowd"
    if tok.dep == "xcomp" and parsed.tokens[tok.head].pos in _NOUN_POS:
        return "modifier"
    if tok.tag in {"VBG", "VBN"} and tok.dep in {"nsubj", "dobj", "pobj"}:
        return "modifier"
    if tok.dep == "advcl" and _is_purpose(parsed, tok):
        return "purpose"  # "To support the fight, the navy deployed ships": a goal, not a deed
    return None


def is_message_participle(parsed: ParsedText, tok: Token, message_nouns: frozenset[str]) -> bool:
    """ "issued a declaration *demanding* that ...": a present participle on a message noun."""
    return (
        tok.dep == "acl"
        and tok.tag == "VBG"
        and tok.head != tok.i
        and parsed.tokens[tok.head].lemma in message_nouns
    )


def _is_purpose(parsed: ParsedText, tok: Token) -> bool:
    children = parsed.children(tok.i)
    infinitive = any(c.dep == "aux" and c.lemma == "to" for c in children)
    return infinitive and not any(c.dep in {"nsubj", "nsubjpass"} for c in children)


def _nominal(
    parsed: ParsedText, tok: Token, lexicon: Lexicon, trigger_heads: set[int]
) -> Trigger | None:
    if tok.pos not in _NOUN_POS:
        return None
    entry = _noun_entry(parsed, tok, lexicon)
    if entry is None:
        return None
    # A noun inside the clause of a verbal trigger is that event's topic or detail
    # ("the allied fight against X" under "deployed"), not a separate event.
    for anc in parsed.ancestors(tok.i):
        if anc.sent != tok.sent:
            break
        if anc.i in trigger_heads:
            return None
    return Trigger(tok.i, entry, tok.i, nominal=True)


def _noun_entry(parsed: ParsedText, tok: Token, lexicon: Lexicon) -> LexiconEntry | None:
    for lemma in (tok.lemma, tok.norm):
        for entry in lexicon.lookup(lemma, "noun"):
            if entry.standalone:
                return entry
    return None
