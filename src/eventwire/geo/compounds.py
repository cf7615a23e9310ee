"""Places hyphened to a participle: "the US-led coalition", "Iran-backed militias", "a
London-based firm".

The small model seldom tags these ("U.S.-led" stays one token, "Iran-backed" three), and when
it does, later stages took the place as literal: "US-led forces shelled the town" was placed
in the US. The participle decides the role (lists in ``data/geo/lexicon.yaml``):

- an agent participle (``hyphen_agents``: led, backed, brokered) names who acts: role
  metonymic, which never locates an event;
- a location participle (``hyphen_locations``: based, born, made) says where something is from:
  role demonym, a modifier, which never locates an event either.

A literal mention an earlier pass found takes that role; a name no pass took is added when the
gazetteer knows it as a demonym or a prominent place (rule ``geo.recognise.hyphen-compound``).
"""

from __future__ import annotations

import dataclasses
import re

from eventwire.geo.candidates import Candidates
from eventwire.geo.mention import CITY_FLOOR, MAX_NGRAM, capitalised, prominence, span_key
from eventwire.geo.names import name_key
from eventwire.model import PlaceRole

COMPOUND_RULE = "geo.recognise.hyphen-compound"
ROLE_RULE = "geo.role.hyphen"
HYPHENS = frozenset({"-", "\u2011"})
# the participle after a hyphen, right where a name ends
AFTER_NAME = re.compile(r"[-\u2011]([A-Za-z]+)\b")
# one token holding name, hyphen and participle ("U.S.-led")
ONE_TOKEN = re.compile(r"(.+?)[-\u2011]([A-Za-z]+)")


def hyphen_compounds(c: Candidates) -> None:
    """Give hyphened mentions their role, then add the hyphened names no pass took."""
    _recast(c)
    _add_untaken(c)


def _role(c: Candidates, participle: str) -> tuple[PlaceRole, str] | None:
    word = participle.lower()
    if word in c.lex.hyphen_agents:
        return PlaceRole.METONYMIC, c.lex.hyphen_agents[word]
    if word in c.lex.hyphen_locations:
        return PlaceRole.DEMONYM, c.lex.hyphen_locations[word]
    return None


def _recast(c: Candidates) -> None:
    text = c.p.text
    for n, m in enumerate(c.out):
        if m.role is not PlaceRole.LITERAL:
            continue
        found = AFTER_NAME.match(text, m.end)
        role = _role(c, found.group(1)) if found else None
        if role is not None:
            rules = (*m.rules, f"{ROLE_RULE}:{role[1]}")
            c.out[n] = dataclasses.replace(m, role=role[0], rules=rules)


def _add_untaken(c: Candidates) -> None:
    toks = c.p.tokens
    for j, tok in enumerate(toks):
        if c.taken[j] or tok.sent in c.skip or not capitalised(tok):
            continue
        one = ONE_TOKEN.fullmatch(tok.text) if "-" in tok.text or "\u2011" in tok.text else None
        if one is not None and (role := _role(c, one.group(2))) is not None:
            name = one.group(1)
            _add(c, j, j + 1, name_key(name), name, role, (tok.start, tok.start + len(name)))
            continue
        if j + 2 >= len(toks) or toks[j + 1].text not in HYPHENS:
            continue
        role = _role(c, toks[j + 2].text)
        if role is None or toks[j + 1].start != tok.end or toks[j + 2].start != toks[j + 1].end:
            continue
        for first in range(max(0, j - MAX_NGRAM + 1), j + 1):  # longest name first
            if any(c.taken[first : j + 1]) or not capitalised(toks[first]):
                continue
            surface = c.p.text[toks[first].start : tok.end]
            if _add(c, first, j + 1, span_key(c.p, first, j + 1), surface, role, None):
                break


def _add(
    c: Candidates,
    first: int,
    last: int,
    key: str,
    surface: str,
    role: tuple[PlaceRole, str],
    chars: tuple[int, int] | None,
) -> bool:
    """Add the name if it is a demonym or a place the gazetteer knows well enough."""
    rule = f"{COMPOUND_RULE}:{role[1]}"
    dem = c.g.demonym_entry(key)
    if dem is not None:
        c.add(first, last, key, role[0], rule, dem, chars=chars)
        return True
    level = prominence(c.g, key, surface, CITY_FLOOR)
    if not level or surface in c.lex.not_toponyms:
        return False
    weak = level == 1
    c.add(first, last, key, role[0], rule + ("+weak" if weak else ""), weak=weak, chars=chars)
    return True
