"""Who did it and to whom: the source and target phrases of a trigger, from the parse.

Returns token indices of noun-phrase heads, with the rule that found each, so the actor
stage can turn a head into an ``Actor`` and the event can say why. Handled: subjects and
objects, passive agents ("by X"), control ("X agreed to cooperate": X cooperates;
"urged X to leave": X leaves), conjoined verbs sharing a subject, relative clauses ("groups
that are fighting"), coordinated subjects as a symmetric pair ("X and Y agreed"), and
prepositional targets ("against X", "on X", "with X").
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.coding.lexicon import Lexicon
from eventwire.coding.triggers import (
    Trigger,
    complement_clauses,
    is_message_participle,
    is_passive,
)
from eventwire.model import ParsedText, Plover, Token

_SUBJ = frozenset({"nsubj", "csubj"})
_PASS_SUBJ = frozenset({"nsubjpass", "csubjpass"})
_OBJ = frozenset({"dobj", "obj", "dative"})
_CLAUSE_LINKS = frozenset({"xcomp", "conj", "advcl", "ccomp", "relcl", "acl"})
# Verbs whose object (not subject) does what their xcomp says: "urged X to leave".
_OBJECT_CONTROL = frozenset(
    {
        "urge", "ask", "force", "order", "call", "invite", "allow", "permit", "tell", "persuade",
        "advise", "encourage", "request", "compel", "warn", "help", "enable", "pressure", "press",
    }
)  # fmt: skip
_RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})
_LIGHT_OBJECT_PREPS = ("to", "of", "on", "against", "with", "for")
_COMPLEMENT_PREPS = frozenset({"to", "with", "against", "on", "for", "from"})
# Relative clauses whose antecedent is a place or time, not the doer: "the town where ...".
_RELATIVE_ADVERBS = frozenset({"where", "when", "whereby", "wherein"})
# Modifiers that may name the owner of a thing: "an Indian proposal", "US drone attacks".
_OWNER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
_OWNER_POS = frozenset({"PROPN", "ADJ"})
# Types whose passive with no agent is done by the state where it happens ("was arrested
# in Lebanon": the Lebanese authorities arrested).
_STATE_PASSIVE_TYPES = frozenset({Plover.COERCE, Plover.ACCUSE})
_HOST_PREPS = frozenset({"in", "inside"})


@dataclass(frozen=True, slots=True)
class Role:
    """A noun-phrase head filling a role, and the rule that found it."""

    head: int
    rule: str


@dataclass(frozen=True, slots=True)
class Arguments:
    sources: tuple[Role, ...]
    targets: tuple[Role, ...]
    themes: tuple[Role, ...]  # things moved or used ("deployed 26 jets"): owners may be sources


def find_arguments(parsed: ParsedText, trigger: Trigger, lexicon: Lexicon) -> Arguments:
    if trigger.nominal:
        return _nominal_arguments(parsed, trigger, lexicon)
    tok = parsed.tokens[trigger.head]
    entry = trigger.entry
    passive = is_passive(parsed, tok)
    sources = list(_subjects(parsed, tok))
    if not sources and is_message_participle(parsed, tok, lexicon.message_nouns):
        sources = _message_authors(parsed, parsed.tokens[tok.head])
    targets: list[Role] = []
    themes: list[Role] = []
    for child in parsed.children(tok.i):
        if child.i in trigger.consumed:
            continue
        if child.dep in _PASS_SUBJ:
            role = Role(child.i, "arg.passive-subject")
            (themes if entry.object_role == "theme" else targets).append(role)
        elif child.dep == "agent":
            sources.extend(Role(p.i, "arg.passive-agent") for p in _pobjs(parsed, child))
        elif child.dep in _OBJ:
            if entry.object_role == "target":
                targets.append(Role(child.i, "arg.object"))
            elif entry.object_role == "theme":
                themes.append(Role(child.i, "arg.object-theme"))
    preps = entry.target_preps or lexicon.default_target_preps.get(entry.type, ())
    targets.extend(_prep_targets(parsed, trigger, preps))
    if entry.ccomp_aux or entry.type is Plover.REQUEST:
        # "said Libya must hand over ...", "demanded that Hamas renounce ...": Libya, Hamas
        # are asked
        targets.extend(
            Role(s.i, "arg.complement-subject")
            for c in parsed.children(tok.i)
            if c.dep == "ccomp"
            for s in parsed.children(c.i)
            if s.dep in _SUBJ or s.dep in _PASS_SUBJ
        )
    for consumed in trigger.consumed:
        # "issued an ultimatum to X", "the blockade of X", "summoned X's ambassador"
        noun = Trigger(consumed, entry, consumed, True)
        targets.extend(_prep_targets(parsed, noun, (*preps, *_LIGHT_OBJECT_PREPS)))
        targets.extend(
            Role(c.i, "arg.light-object-possessor")
            for c in parsed.children(consumed)
            if c.dep == "poss"
        )
        if parsed.tokens[consumed].dep in _OBJ:  # "expelled two Russian diplomats"
            targets.append(Role(consumed, "arg.light-object"))
    if passive and not any(r.rule == "arg.passive-agent" for r in sources):
        sources = [r for r in sources if r.rule != "arg.subject"]
        if entry.type in _STATE_PASSIVE_TYPES:
            sources += _host_state(parsed, tok)
    sources += _subject_fallbacks(parsed, tok, sources)
    args = _symmetric(parsed, Arguments(tuple(sources), tuple(targets), tuple(themes)))
    complements = _complement_targets(parsed, tok)
    fallbacks = [
        *_others(parsed, tok, args.targets),
        *_possessors(parsed, args.targets),
        *complements,
        *_possessors(parsed, tuple(complements)),
    ]
    return Arguments(args.sources, (*args.targets, *fallbacks), args.themes)


def _message_authors(parsed: ParsedText, noun: Token) -> list[Role]:
    """Who sent the message: its possessor ("Iran's letter"), else the subject of the verb
    it is the object of ("X issued a statement"), also through a preposition ("X said in a
    statement")."""
    owners = [Role(c.i, "arg.message-owner") for c in parsed.children(noun.i) if c.dep == "poss"]
    if owners:
        return owners
    verb = parsed.tokens[noun.head]
    if verb.dep == "prep" and verb.head != verb.i:
        verb = parsed.tokens[verb.head]
    if verb.i == noun.i or verb.pos not in {"VERB", "AUX"}:
        return []
    if noun.dep in _PASS_SUBJ:
        return [
            Role(p.i, "arg.message-author")
            for c in parsed.children(verb.i)
            if c.dep == "agent"
            for p in _pobjs(parsed, c)
        ]
    return [Role(r.head, "arg.message-author") for r in _subjects(parsed, verb)][:1]


def _others(parsed: ParsedText, tok: Token, targets: tuple[Role, ...]) -> list[Role]:
    """ "killed one soldier and wounded two others": "others" are more of the object of the
    verb this one is conjoined to."""
    if tok.dep != "conj" or not any(parsed.tokens[r.head].lemma == "other" for r in targets):
        return []
    first = parsed.tokens[tok.head]
    return [
        Role(c.i, "arg.others-of-conjunct")
        for c in parsed.children(first.i)
        if c.dep in _OBJ or c.dep in _PASS_SUBJ
    ][:1]


def _host_state(parsed: ParsedText, tok: Token) -> list[Role]:
    """ "A journalist was arrested in Lebanon": with no agent, the country (or capital) where
    it happened stands for its authorities; the actor stage gives nothing for other places."""
    heads = [tok.i]  # the verb, then what its prepositions govern ("put under arrest in X")
    heads += [p.i for c in parsed.children(tok.i) if c.dep == "prep" for p in _pobjs(parsed, c)]
    return [
        Role(p.i, "arg.passive-host")
        for head in heads
        for c in parsed.children(head)
        if c.dep == "prep" and c.lemma in _HOST_PREPS
        for p in _pobjs(parsed, c)
    ]


def _owners(parsed: ParsedText, head: int, rule: str) -> list[Role]:
    """Names modifying a head that is no actor itself: "an Indian proposal" -> Indian."""
    return [
        Role(c.i, rule)
        for c in parsed.children(head)
        if c.dep in _OWNER_DEPS and (c.pos in _OWNER_POS or c.dep == "poss")
    ]


def _subject_fallbacks(parsed: ParsedText, tok: Token, sources: list[Role]) -> list[Role]:
    """Where the subject names no actor: what it is a quantity of ("thousands of Nigerians"),
    or for a pronoun, the subject of the verb reporting it ("Nigeria announced that it will
    withdraw")."""
    out: list[Role] = []
    for role in sources[:1]:
        subject = parsed.tokens[role.head]
        for c in parsed.children(subject.i):
            if c.dep == "prep" and c.lemma == "of":
                out.extend(Role(p.i, "arg.subject-of") for p in _pobjs(parsed, c))
        if subject.pos in {"NOUN", "PROPN"}:
            out.extend(_owners(parsed, subject.i, "arg.subject-owner"))
        if subject.pos == "PRON":
            for verb in parsed.ancestors(tok.i):
                if verb.pos not in {"VERB", "AUX"}:
                    continue
                subjects = [c for c in parsed.children(verb.i) if c.dep in _SUBJ]
                if subjects and subjects[0].pos != "PRON":
                    out.append(Role(subjects[0].i, "arg.pronoun-reporter"))
                    break
    return out


def _possessors(parsed: ParsedText, targets: tuple[Role, ...]) -> list[Role]:
    """When the object names no actor, its possessor ("support Turkey's efforts") or what it
    is a quantity of ("tortured scores of refugees") may."""
    out = []
    for role in targets:
        for c in parsed.children(role.head):
            if c.dep == "poss":
                out.append(Role(c.i, "arg.object-possessor"))
            elif c.dep == "prep" and c.lemma in {"of", "for"}:
                out.extend(Role(p.i, f"arg.object-{c.lemma}") for p in _pobjs(parsed, c))
        out.extend(r for r in _owners(parsed, role.head, "arg.object-owner") if r not in out)
    return out


def _complement_targets(parsed: ParsedText, tok: Token) -> list[Role]:
    """ "offered to hand over two suspects to Britain": the target of what was agreed,
    offered or demanded is the target of the agreement itself (a fallback)."""
    out: list[Role] = []
    for comp in complement_clauses(parsed, tok):
        if comp.pos != "VERB" or comp.dep == "advcl":
            continue
        # "vowed to attack and destroy the base", "vowed to continue fighting the army": the
        # conjoined verb's object counts too, and the nested complement's
        verbs = [comp, *(c for c in parsed.children(comp.i) if c.dep == "conj" and c.pos == "VERB")]
        verbs += [n for n in complement_clauses(parsed, comp) if n.pos == "VERB"]
        for child in (c for v in verbs for c in parsed.children(v.i)):
            if child.dep in _OBJ:
                out.append(Role(child.i, "arg.complement-object"))
            elif child.dep in {"prep", "dative"} and child.lemma in _COMPLEMENT_PREPS:
                out.extend(Role(p.i, "arg.complement-prep") for p in _pobjs(parsed, child))
    return out


def _subjects(parsed: ParsedText, tok: Token) -> list[Role]:
    """The subject of ``tok``, or the one it shares with the verb it depends on."""
    for child in parsed.children(tok.i):
        if child.dep in _SUBJ:
            if child.lemma in _RELATIVE_PRONOUNS and tok.dep == "relcl":
                return [Role(tok.head, "arg.relative-clause")]
            return [Role(child.i, "arg.subject")]
    if tok.head == tok.i:
        return []
    head = parsed.tokens[tok.head]
    if tok.dep == "xcomp" and head.lemma in _OBJECT_CONTROL:
        for child in parsed.children(head.i):
            if child.dep in _OBJ:
                return [Role(child.i, "arg.object-control")]
    if tok.dep == "relcl":
        if is_passive(parsed, tok) or any(
            c.lemma in _RELATIVE_ADVERBS for c in parsed.children(tok.i)
        ):
            return []  # "soldiers who were killed", "the town where ... fought": not doers
        return [Role(tok.head, "arg.relative-clause")]
    if tok.dep == "xcomp" and head.pos == "ADJ" and head.head != head.i:
        head = parsed.tokens[head.head]  # "X is willing to withdraw": X, subject of "is"
    if tok.dep in {"xcomp", "conj", "advcl"} and head.pos in {"VERB", "AUX"}:
        return [Role(r.head, f"{r.rule}.shared") for r in _subjects(parsed, head)][:1]
    return []


def _pobjs(parsed: ParsedText, prep: Token) -> list[Token]:
    out = []
    for c in parsed.children(prep.i):
        if c.dep in {"pobj", "pcomp"}:
            out.append(c)
    return out


def _prep_targets(parsed: ParsedText, trigger: Trigger, preps: tuple[str, ...]) -> list[Role]:
    out: list[Role] = []
    for child in parsed.children(trigger.head):
        if child.dep in {"prep", "dative"} and child.lemma in preps:
            out.extend(Role(p.i, f"arg.prep-{child.lemma}") for p in _pobjs(parsed, child))
    return out


def _nominal_arguments(parsed: ParsedText, trigger: Trigger, lexicon: Lexicon) -> Arguments:
    """ "an ISIS suicide bombing in X", "airstrikes by Y on X", "X's attack on Y"."""
    sources: list[Role] = []
    targets: list[Role] = []
    for child in parsed.children(trigger.head):
        if child.dep in {"poss", "compound", "amod", "nmod"} and child.pos in {
            "PROPN",
            "NOUN",
            "ADJ",
        }:
            sources.append(Role(child.i, "arg.noun-modifier"))
        elif child.dep == "prep" and child.lemma == "by":
            sources.extend(Role(p.i, "arg.noun-by") for p in _pobjs(parsed, child))
    preps = trigger.entry.target_preps or lexicon.default_target_preps.get(trigger.entry.type, ())
    targets.extend(_prep_targets(parsed, trigger, preps))
    tok = parsed.tokens[trigger.head]
    if not sources and tok.dep in _OBJ:
        head = parsed.tokens[tok.head]
        sources.extend(_subjects(parsed, head))
    return Arguments(tuple(sources), tuple(targets), ())


def _symmetric(parsed: ParsedText, args: Arguments) -> Arguments:
    """ "X and Y agreed": with no other target, the second conjunct is the target."""
    if args.targets or not args.sources:
        return args
    first = args.sources[0]
    conjuncts = [c for c in parsed.children(first.head) if c.dep == "conj"]
    if not conjuncts:
        return args
    return Arguments(args.sources, (Role(conjuncts[0].i, "arg.symmetric-pair"),), args.themes)


def clause_tokens(parsed: ParsedText, head: int, stop: frozenset[int] = frozenset()) -> list[int]:
    """Tokens of the clause headed by ``head``: its subtree without conjoined clauses or the
    clauses of other triggers (``stop``), so each event sees its own date and place."""
    out: list[int] = []
    stack = [head]
    while stack:
        j = stack.pop()
        out.append(j)
        for c in parsed.children_of[j]:
            child = parsed.tokens[c]
            if c in stop:
                continue
            if child.dep == "conj" and child.pos in {"VERB", "AUX"} and j == head:
                continue
            stack.append(c)
    return sorted(out)


def clause_links(tok: Token) -> bool:
    return tok.dep in _CLAUSE_LINKS
