"""PLOVER's type conventions that depend on factuality, applied after coding.

- Planned cooperation ("will meet", "agreed to provide aid") is AGREE (manual, AGREE).
- An explicit offer or readiness to cooperate or yield ("is willing to withdraw") is AGREE
  (CAMEO 03x, "express intent to ...").
- Cooperation refused or announced as not going to happen ("will not accept refugees",
  "failed to reach agreement") is REJECT.
- A conflict action the actor announces, plans or makes conditional ("said they would
  blockade the city", "will boycott unless ...") is THREATEN.
The type maps are data in the lexicon (``intended_types``, ``offered_types``,
``threat_types``, ``ultimatum_types``, ``threat_verbs``).
"""

from __future__ import annotations

from eventwire.coding.factuality import OFFER_RULE, FactualityCues
from eventwire.coding.lexicon import Lexicon
from eventwire.model import Factuality, ParsedText, Plover, Token

INTENDED_RULE = "plover.intended-cooperation-is-agree"
OFFERED_RULE = "plover.offer-is-agree"
THREAT_RULE = "plover.announced-conflict-is-threaten"
ULTIMATUM_RULE = "plover.ultimatum-is-threaten"
REFUSAL_RULE = "plover.refused-cooperation-is-reject"
_REFUSING_CUES = ("fact.negating-verb.", "fact.negation-future")


def reclassify(
    parsed: ParsedText,
    head: int,
    plover: Plover,
    fact: Factuality,
    fact_rule: str | None,
    lexicon: Lexicon,
    cues: FactualityCues,
) -> tuple[Plover, str | None]:
    """The type PLOVER's conventions give this event, and the rule that changed it."""
    refused = bool(fact_rule and fact_rule.startswith(_REFUSING_CUES))
    if fact is Factuality.NEGATED and refused and plover in lexicon.refused_types:
        return Plover.REJECT, REFUSAL_RULE
    offered = bool(fact_rule and fact_rule.startswith(OFFER_RULE))
    if offered and plover in lexicon.offered_types:
        return lexicon.offered_types[plover], OFFERED_RULE
    if fact is Factuality.INTENDED and plover in lexicon.intended_types:
        return lexicon.intended_types[plover], INTENDED_RULE
    if fact in (Factuality.INTENDED, Factuality.HYPOTHETICAL):
        tok = parsed.tokens[head]
        if plover in lexicon.ultimatum_types and _has_unless(parsed, tok):
            return Plover.THREATEN, ULTIMATUM_RULE
        if plover in lexicon.threat_types and _announced(parsed, tok, lexicon, cues):
            return Plover.THREATEN, THREAT_RULE
    return plover, None


def _has_unless(parsed: ParsedText, tok: Token) -> bool:
    for clause in parsed.children(tok.i):
        if clause.dep == "advcl" and any(
            c.dep == "mark" and c.lemma == "unless" for c in parsed.children(clause.i)
        ):
            return True
    return False


def _announced(parsed: ParsedText, tok: Token, lexicon: Lexicon, cues: FactualityCues) -> bool:
    """The actor's own announcement ("X said it would blockade": the subject is a pronoun
    for the speaker), or governed by "plan to", "vow to", "prepared to". "Officials said
    aircraft would strike" reports someone else's plan: not a threat."""
    self_announced = _pronoun_subject(parsed, tok)
    cur = tok
    for _ in range(4):
        if cur.head == cur.i or cur.dep not in {"ccomp", "xcomp", "conj"}:
            return False
        head = parsed.tokens[cur.head]
        if cur.dep == "ccomp" and head.lemma in cues.reporting_verbs:
            return self_announced
        if cur.dep == "xcomp" and head.lemma in lexicon.threat_verbs:
            return True
        cur = head
    return False


def _pronoun_subject(parsed: ParsedText, tok: Token) -> bool:
    return any(c.dep == "nsubj" and c.pos == "PRON" for c in parsed.children(tok.i))
