"""Resolve definite descriptions of organisations: "the group", "the jihadist group".

Deliberately simple. A phrase is an anaphor when its head has a definite determiner ("the",
"this", "that", "these", "those"), names no actor itself, and its head lemma is one of an
organisation's anaphoric heads (``anaphors`` in organisations.yaml: ISIS takes "group",
"militants", "organisation", ...). It refers to the most recent organisation mentioned before
it whose heads fit and whose descriptors accept every known descriptor in the phrase: after
ISIS and the PKK, "the Kurdish group" is the PKK, because "kurdish" is a known descriptor that
ISIS lacks; "the group" is whichever was named last. Unknown modifiers are ignored.
"""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.coding.actor_dictionary import ActorDictionary, FormKind
from eventwire.coding.actors import MentionFinder, find_mentions, phrase_tokens
from eventwire.model import Actor, ParsedText

_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


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
