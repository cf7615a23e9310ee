"""Factuality (did it happen, is it planned, hypothetical, denied) and attribution (whose
account it is), read from auxiliaries, negation, governing verbs and reporting clauses.

The cue words live in ``data/factuality.yaml`` so that a user can see and extend them.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.coding.triggers import Trigger
from eventwire.datafiles import load_yaml_text
from eventwire.model import Attribution, Factuality, ParsedText, Token


@dataclass(frozen=True, slots=True)
class FactualityCues:
    negation: frozenset[str]
    negating_verbs: frozenset[str]  # "denied attacking", "refused to meet"
    intending_verbs: frozenset[str]  # "plan to", "agreed to", "vowed to"
    future_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    conditional_marks: frozenset[str]
    intending_modifiers: frozenset[str]  # "further attacks", "planned strikes"
    reporting_verbs: frozenset[str]
    offering_words: frozenset[str]  # "ready to", "willing to", "offered to": an offer


OFFER_RULE = "fact.offer"


@functools.lru_cache(maxsize=2)
def load_cues(path: Path | None = None) -> FactualityCues:
    path = path or Path(str(resources.files("eventwire") / "data" / "factuality.yaml"))
    with path.open(encoding="utf-8") as fh:
        doc: Mapping[str, Any] = load_yaml_text(fh.read())
    cues = doc["cues"]

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in cues[key])

    return FactualityCues(
        negation=words("negation"),
        negating_verbs=words("negating_verbs"),
        intending_verbs=words("intending_verbs"),
        future_aux=words("future_aux"),
        hypothetical_aux=words("hypothetical_aux"),
        conditional_marks=words("conditional_marks"),
        intending_modifiers=words("intending_modifiers"),
        reporting_verbs=words("reporting_verbs"),
        offering_words=words("offering_words"),
    )


def factuality(
    parsed: ParsedText, trigger: Trigger, cues: FactualityCues
) -> tuple[Factuality, str | None]:
    """The factuality of a trigger and the id of the cue that decided it."""
    tok = parsed.tokens[trigger.head]
    for verb, via in [(tok, "self"), *_governing_verbs(parsed, tok)]:
        children = parsed.children(verb.i)
        negated = any(
            c.dep == "neg" or (c.lemma in cues.negation and c.dep in {"advmod", "det"})
            for c in children
        )
        if negated and via != "conj":
            future = {c.norm for c in children if c.dep == "aux"} & cues.future_aux
            return Factuality.NEGATED, "fact.negation-future" if future else "fact.negation"
        if via == "xcomp" and verb.lemma in cues.negating_verbs:
            return Factuality.NEGATED, f"fact.negating-verb.{verb.lemma}"
        if any(c.dep == "mark" and c.lemma in cues.conditional_marks for c in children):
            return Factuality.HYPOTHETICAL, "fact.conditional"
        if any(c.dep == "advcl" and _is_conditional(parsed, c, cues) for c in children):
            return Factuality.HYPOTHETICAL, "fact.conditional-main"
        aux = {c.norm for c in children if c.dep in {"aux", "auxpass"}}
        aux |= {c.lemma for c in children if c.dep in {"aux", "auxpass"}}
        if aux & cues.hypothetical_aux:
            return Factuality.HYPOTHETICAL, "fact.modal"
        if aux & cues.future_aux:
            return Factuality.INTENDED, "fact.future"
        if via == "xcomp" and verb.lemma in cues.offering_words:
            return Factuality.INTENDED, f"{OFFER_RULE}.{verb.lemma}"
        if via == "xcomp" and verb.lemma in cues.intending_verbs:
            return Factuality.INTENDED, f"fact.intending-verb.{verb.lemma}"
        if _to_be_to(parsed, verb):
            return Factuality.INTENDED, "fact.be-to"
    if trigger.nominal:
        mods = {c.lemma for c in parsed.children(tok.i) if c.dep in {"amod", "compound"}}
        if mods & cues.intending_modifiers:
            return Factuality.INTENDED, "fact.intending-modifier"
        for anc in parsed.ancestors(tok.i)[:3]:
            if anc.lemma in cues.intending_verbs or anc.lemma in {"preparation", "plan"}:
                return Factuality.INTENDED, "fact.planned-noun"
    return Factuality.ASSERTED, None


def _governing_verbs(parsed: ParsedText, tok: Token) -> list[tuple[Token, str]]:
    """Verbs whose mood applies to ``tok``, each with how it governs it: through a clausal
    complement ("xcomp": "agreed to cooperate") or as the first of conjoined verbs that share
    its auxiliaries ("conj": "would strike and kill"), which only counts when ``tok`` has none.
    """
    out: list[tuple[Token, str]] = []
    cur = tok
    while cur.head != cur.i and len(out) < 4:
        head = parsed.tokens[cur.head]
        if head.pos not in {"VERB", "AUX"} and not (cur.dep == "xcomp" and head.pos == "ADJ"):
            break
        if cur.dep == "xcomp":
            out.append((head, "xcomp"))
        elif cur.dep == "conj" and not _has_aux(parsed, cur):
            out.append((head, "conj"))
        elif cur.dep == "ccomp" and head.lemma in {"deny"}:
            out.append((head, "xcomp"))
        else:
            break
        cur = head
    return out


def _is_conditional(parsed: ParsedText, clause: Token, cues: FactualityCues) -> bool:
    """ "If talks fail, ...": an adverbial clause opened by a conditional mark."""
    return any(
        c.dep == "mark" and c.lemma in cues.conditional_marks for c in parsed.children(clause.i)
    )


def _has_aux(parsed: ParsedText, tok: Token) -> bool:
    return any(
        (c.dep in {"aux", "auxpass"} and c.pos == "AUX") or c.dep == "neg"
        for c in parsed.children(tok.i)
    )


def _to_be_to(parsed: ParsedText, verb: Token) -> bool:
    """ "troops are to be deployed": an xcomp of a bare "be"."""
    if verb.dep != "xcomp":
        return False
    head = parsed.tokens[verb.head]
    return head.lemma == "be" and head.pos == "AUX"


def attribution(parsed: ParsedText, trigger: Trigger, cues: FactualityCues) -> Attribution | None:
    """Whose account the event is: the subject of a reporting verb governing it, or the
    object of "according to" in its sentence."""
    tok = parsed.tokens[trigger.head]
    candidates = [*parsed.ancestors(tok.i)]
    root = candidates[-1] if candidates else tok
    candidates += [c for c in parsed.children(root.i) if c.dep in {"parataxis", "ccomp"}]
    candidates += [c for c in parsed.children(tok.i) if c.dep == "parataxis"]
    for verb in candidates:
        if verb.sent != tok.sent or verb.lemma not in cues.reporting_verbs:
            continue
        for child in parsed.children(verb.i):
            if child.dep in {"nsubj", "nsubjpass"}:
                sub = parsed.subtree(child.i)
                return Attribution(
                    parsed.text[sub[0].start : sub[-1].end],
                    parsed.span(sub[0].start, sub[-1].end),
                )
    for t in parsed.sentence_tokens(tok.sent):
        if (
            t.lemma == "accord"
            and t.i + 1 < len(parsed.tokens)
            and parsed.tokens[t.i + 1].lemma == "to"
        ):
            objs = [c for c in parsed.children(t.i + 1) if c.dep == "pobj"] or [
                c for c in parsed.children(t.i) if c.dep == "pobj"
            ]
            if objs:
                sub = parsed.subtree(objs[0].i)
                return Attribution(
                    parsed.text[sub[0].start : sub[-1].end],
                    parsed.span(sub[0].start, sub[-1].end),
                )
    return None
