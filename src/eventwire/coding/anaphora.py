"""Resolve definite descriptions of organisations: "the group", "the jihadist group".

Deliberately simple. A phrase is an anaphor when its head has a definite determiner ("the",
"this", "that", "these", "those"), names no actor itself, and its head lemma is one of an
organisation's anaphoric heads (``anaphors`` in organisations.yaml: ISIS takes "group",
"militants", "organisation", ...). It refers to the most recent organisation mentioned before
it whose heads fit and whose descriptors accept every known descriptor in the phrase: after
ISIS and the PKK, "the Kurdish group" is the PKK, because "kurdish" is a known descriptor that
ISIS lacks; "the group" is whichever was named last. Unknown modifiers are ignored.

Personal pronouns ("he", "she", "it", "they") are resolved by ``resolve_pronoun`` to a
compatible actor named before them: first the subjects earlier in their own sentence (nearest
first), then the subjects of the previous sentence (in text order), then its other noun
phrases (nearest first). "he"/"she" want a person, "it" a singular non-person (a country, an
organisation, "the army"), "they" a plural or coordinated phrase or a group.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from eventwire.coding.actor_dictionary import ActorDictionary
from eventwire.coding.actor_entries import FormKind
from eventwire.coding.actor_mentions import MentionFinder, find_mentions
from eventwire.coding.actors import phrase_tokens
from eventwire.model import Actor, ParsedText, Token

_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# pronoun lemmas (spaCy lemmatizes "him" to "he", "them" to "they") and what they want
_PERSONAL = frozenset({"he", "she"})
_SINGULAR = frozenset({"it"})
_PLURAL = frozenset({"they"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_NP_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "dative", "attr"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# sectors of collectives that may be "they" in the singular ("the group", "Hamas")
_GROUP_SECTORS = frozenset({"REB", "PRM", "OPP", "PTY", "UAF", "CRM", "NGO", "IGO"})


def organisation_mentions(
    parsed: ParsedText,
    dictionary: ActorDictionary,
    before: int | None = None,
    find: MentionFinder | None = None,
) -> tuple[Actor, ...]:
    """Organisations named in the text (before token ``before``), as actors in text order."""
    out: list[Actor] = []
    last = len(parsed.tokens) if before is None else before
    mentions = find(0, last) if find is not None else find_mentions(parsed, dictionary, 0, before)
    for mention in mentions:
        forms = mention.of_kind(FormKind.ORGANISATION)
        if not forms:
            continue
        org = dictionary.organisations[forms[0].entry]
        span = parsed.span(mention.start, mention.end)
        out.append(Actor(org.id, org.name, org.country, org.sector, span, (f"org.{org.id}",)))
    return tuple(out)


def resolve_anaphor(
    parsed: ParsedText,
    head: int,
    dictionary: ActorDictionary,
    mentions_before: Sequence[Actor],
) -> Actor | None:
    """The organisation a definite description headed by ``head`` refers to, or None.

    ``mentions_before`` are the actors mentioned earlier, in text order (for example
    ``organisation_mentions(parsed, dictionary, before=head)``, plus earlier resolutions);
    only those whose code is an organisation id are candidates.
    """
    token = parsed.tokens[head]
    if token.pos not in ("NOUN", "PROPN"):
        return None
    children = parsed.children(head)
    if not any(c.dep == "det" and c.lemma in _DEFINITE for c in children):
        return None
    indices = phrase_tokens(parsed, head, dictionary)
    first, last = indices[0], indices[-1]
    if find_mentions(parsed, dictionary, first, last + 1):
        return None
    heads = {token.lemma, token.text.lower()}
    modifiers = _modifiers(parsed, head)
    known = {m for m in modifiers if m in dictionary.descriptors}
    for earlier in reversed(mentions_before):
        org = dictionary.organisations.get(earlier.code)
        if org is None or earlier.span is None or earlier.span.start >= token.start:
            continue
        if not heads & org.anaphors:
            continue
        if not known <= org.descriptors:
            continue
        span = parsed.token_span(first, last)
        rules = ("anaphora.definite", f"anaphor.{token.lemma}", f"org.{org.id}")
        return Actor(org.id, org.name, org.country, org.sector, span, rules)
    return None


def _modifiers(parsed: ParsedText, head: int) -> set[str]:
    """Lower-case adjectives and noun modifiers of the head, hyphenated ones joined."""
    out: set[str] = set()
    for child in parsed.children(head):
        if child.dep not in ("amod", "compound", "nmod"):
            continue
        words = [t for t in parsed.subtree(child.i) if t.dep != "det"]
        text = parsed.text[words[0].start : words[-1].end].lower()
        out.add(text)
        out.add(child.text.lower())
    return out


def is_personal_pronoun(token: Token) -> bool:
    return token.pos == "PRON" and token.lemma in _PERSONAL | _SINGULAR | _PLURAL


def resolve_pronoun(
    parsed: ParsedText, head: int, actor_at: Callable[[int], Actor | None]
) -> Actor | None:
    """The actor a personal pronoun at ``head`` refers to, or None (see the module docstring).

    ``actor_at`` gives the actor of a noun-phrase head (the article's resolver).
    """
    pronoun = parsed.tokens[head]
    if not is_personal_pronoun(pronoun):
        return None
    for candidate in _antecedent_candidates(parsed, pronoun):
        actor = actor_at(candidate.i)
        if actor is None or not _compatible(parsed, pronoun, candidate, actor):
            continue
        rule = f"anaphora.pronoun.{pronoun.lemma}"
        return Actor(
            actor.code, actor.name, actor.country, actor.sector, actor.span, (*actor.rules, rule)
        )
    return None


def _antecedent_candidates(parsed: ParsedText, pronoun: Token) -> Iterator[Token]:
    own = parsed.sentence_tokens(pronoun.sent)
    before = [t for t in own if t.i < pronoun.i and _is_np_head(t)]
    yield from (t for t in reversed(before) if t.dep in _SUBJECT_DEPS)
    if pronoun.sent == 0:
        return
    previous = [t for t in parsed.sentence_tokens(pronoun.sent - 1) if _is_np_head(t)]
    yield from (t for t in previous if t.dep in _SUBJECT_DEPS)
    yield from (t for t in reversed(previous) if t.dep not in _SUBJECT_DEPS)


def _is_np_head(token: Token) -> bool:
    return token.pos in {"NOUN", "PROPN"} and token.dep in _NP_DEPS


def _compatible(parsed: ParsedText, pronoun: Token, head: Token, actor: Actor) -> bool:
    person = head.ent_type == "PERSON" or any(r.startswith("person.") for r in actor.rules)
    if pronoun.lemma in _PERSONAL:
        return person
    if person:
        return False
    plural = (
        head.tag in _PLURAL_TAGS
        or (head.text.lower().endswith("s") and head.lemma != head.text.lower())  # "Rebels"/NNP
        or any(c.dep == "conj" for c in parsed.children(head.i))
    )
    if pronoun.lemma in _SINGULAR:
        return not plural
    return plural or actor.sector in _GROUP_SECTORS
