"""Roles a toponym plays: the dateline, and metonymy ("Ankara and Washington agreed").

Demonym and embedded roles are set at recognition time (see ``recognise.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.geo.lexicon import GeoLexicon
from eventwire.model import ParsedText

# "ANKARA, Turkey —", "WASHINGTON (Reuters) -", "Kabul, Afghanistan (AP) —", "BEIRUT:"
_DATELINE = re.compile(
    r"""\A\s*
    (?P<city>[A-Z][A-Za-z'.\-]*(?:\ [A-Z][A-Za-z'.\-]*){0,3})
    (?:,\ (?P<region>[A-Z][A-Za-z'.\-]*(?:\ [A-Z][A-Za-z'.\-]*){0,3}))?
    \s*(?P<agency>\([A-Za-z .&'-]{2,40}\))?
    \s*(?:—|–|--|-|:)\s""",
    re.VERBOSE,
)
# a scraped dateline that lost its dash: "WASHINGTON Officials said..." (capitals only)
_BARE_DATELINE = re.compile(r"\A\s*(?P<city>[A-Z]{4,}(?:\ [A-Z]{2,}){0,2})\s+(?=[A-Z][a-z])")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


@dataclass(frozen=True, slots=True)
class Dateline:
    city: tuple[int, int]
    region: tuple[int, int] | None


def find_dateline(text: str) -> Dateline | None:
    """The article-opening dateline, if any: the city must be in capitals, or be followed by
    a news agency in brackets (a capitalised first word alone is just a sentence)."""
    m = _DATELINE.match(text[:160])
    if m is None:
        bare = _BARE_DATELINE.match(text[:160])
        return Dateline((bare.start("city"), bare.end("city")), None) if bare else None
    city = m.group("city")
    letters = [c for c in city if c.isalpha()]
    if len(letters) < 2:
        return None
    if not (all(c.isupper() for c in letters) or m.group("agency")):
        return None
    region = (m.start("region"), m.end("region")) if m.group("region") else None
    return Dateline((m.start("city"), m.end("city")), region)


def metonymy_verb(parsed: ParsedText, first: int, last: int, lexicon: GeoLexicon) -> str | None:
    """The lexicon id if tokens [first, last) are the subject (or a conjoined subject) of a
    saying/agreeing/deciding verb in the lexicon; else None."""
    toks = parsed.tokens
    head = last - 1
    for j in range(first, last):  # the token whose head lies outside the span
        if not first <= toks[j].head < last:
            head = j
            break
    tok = toks[head]
    hops = 0
    while tok.dep == "conj" and hops < 4:
        tok = toks[tok.head]
        hops += 1
    if tok.dep == "poss":  # "Moscow's position" is not a subject
        return None
    if tok.dep not in SUBJECT_DEPS:
        return None
    verb = toks[tok.head]
    # "Ankara is expected to agree": follow xcomp down one step as well
    lemmas = [verb.lemma]
    lemmas += [c.lemma for c in parsed.children(verb.i) if c.dep == "xcomp"]
    for lemma in lemmas:
        eid = lexicon.metonymy_verbs.get(lemma)
        if eid is not None:
            return eid
    return None
