"""One sense per article in recognition: a name recognised firmly once is a place wherever
else it stands alone as a proper noun."""

from __future__ import annotations

from collections import Counter

from eventwire.geo.candidates import Candidates
from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.mention import LOCAL_RULE, OTHER_LABELS, capitalised, span_key
from eventwire.geo.names import name_key
from eventwire.model import Feature, PlaceRole

SAME_NAME_RULE = "geo.recognise.same-name"  # the name is a place elsewhere in the article
# rule prefixes of mentions the model tagged as a place
NER_PLACE = ("geo.recognise.ner-gpe", "geo.recognise.ner-loc", "geo.recognise.ner-fac")
NOT_SAME_NAME = frozenset({"PERSON", "ORG", "NORP"})  # the model's reading wins (see exact_person)


def main_name(gazetteer: Gazetteer, key: str) -> bool:
    """The key is the main name of a listed place (not only an alternate spelling), and not a
    short all-capital form ("MoD", "AI")."""
    for k in gazetteer.lookup_key(key)[:5]:
        if gazetteer.feature(k) is not Feature.CITY:
            return True
        if gazetteer.is_main_name(k, key) and len(key) > 3:
            return True
    return False


def _named_countries(c: Candidates) -> set[str]:
    """Countries the firm mentions name: a country itself, or a demonym's country."""
    out: set[str] = set()
    for m in c.out:
        if m.weak:
            continue
        ks = [m.demonym_of] if m.demonym_of is not None else c.g.lookup_key(m.key)[:1]
        for k in ks:
            if c.g.feature(k) is Feature.COUNTRY and (code := c.g.country_of(k)):
                out.add(code)
    return out


def _in_countries(gazetteer: Gazetteer, key: str, countries: set[str]) -> bool:
    return any(gazetteer.country_of(k) in countries for k in gazetteer.lookup_key(key)[:5])


def same_names(c: Candidates) -> None:
    """One sense per article: a name recognised firmly once is a place wherever else it stands
    alone ("Douma" tagged GPE once, PERSON or nothing later); not inside a longer entity of
    another kind ("Paris Hilton")."""
    firm: dict[str, set[int]] = {}
    tagged = Counter(m.key for m in c.out if any(r.startswith(NER_PLACE) for r in m.rules))
    named = _named_countries(c)
    for m in c.out:
        ner = any(r.startswith(NER_PLACE) for r in m.rules)
        if (m.weak and not ner) or m.demonym_of is not None or m.role is not PlaceRole.LITERAL:
            continue
        if any(LOCAL_RULE in r for r in m.rules):
            heads = c.lex.facility_heads
            if m.last - m.first < 2 or c.p.tokens[m.last - 1].lemma not in heads:
                continue  # an unlisted one-word name may be a person ("Howarth")
        elif not main_name(c.g, m.key) and not (
            tagged[m.key] >= 2 and _in_countries(c.g, m.key, named)
        ):
            # a spelling only some town's alternate name has ("Salah"), unless the model
            # tagged it a place twice and the article names that town's country
            continue
        firm.setdefault(m.key, set()).add(m.last - m.first)
    if not firm:
        return
    toks = c.p.tokens
    length = [1] * len(toks)
    begins = [0] * len(toks)
    for ent in c.p.entities:
        for j in range(ent.first, ent.last):
            length[j] = ent.last - ent.first
            begins[j] = ent.first

    persons = Counter(
        name_key(ent.text) for ent in c.p.entities if ent.label == "PERSON" and ent.text
    )

    def exact_person(i: int, first: int, size: int) -> bool:
        """A PERSON that is exactly the name ("Douma's fall"), where the model tagged the
        name a place more often than a person: its slip, not a namesake ("Noma said")."""
        if toks[i].ent_type != "PERSON" or (begins[i], length[i]) != (first, size):
            return False
        key = span_key(c.p, first, first + size)
        return tagged[key] > persons[key]

    sizes = sorted({n for ns in firm.values() for n in ns}, reverse=True)
    for j, tok in enumerate(toks):
        if c.taken[j] or tok.sent in c.skip or not capitalised(tok):
            continue
        for n in sizes:
            last = j + n
            if last > len(toks) or any(c.taken[j:last]):
                continue
            if any(
                toks[i].pos != "PROPN"
                or (toks[i].ent_type in NOT_SAME_NAME and not exact_person(i, j, n))
                or (toks[i].ent_type in OTHER_LABELS and length[i] > n)
                for i in range(j, last)
            ):
                continue
            if (j > 0 and capitalised(toks[j - 1])) or (
                last < len(toks) and capitalised(toks[last])
            ):
                continue  # part of a longer name ("Olympic Games")
            key = span_key(c.p, j, last)
            if n in firm.get(key, ()):
                c.add(j, last, key, PlaceRole.LITERAL, SAME_NAME_RULE)
                break
