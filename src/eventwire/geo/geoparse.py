"""The GEO stage: toponyms of a parsed article, with roles and gazetteer resolutions."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

from eventwire.geo.containment import apply_containment
from eventwire.geo.gazetteer import Gazetteer, distance_km
from eventwire.geo.lexicon import GeoLexicon, load_lexicon
from eventwire.geo.mention import Mention
from eventwire.geo.names import name_key
from eventwire.geo.recognise import LOCATIVE_RULE, recognise
from eventwire.geo.resolve import (
    Resolution,
    is_metonymy_target,
    named_context,
    resolve_all,
    resolve_one,
    role_rule,
)
from eventwire.geo.roles import find_dateline, metonymy_verb
from eventwire.geo.spans import localise, span_mention, tokens_in
from eventwire.geo.streets import pair_names
from eventwire.model import Feature, ParsedText, Place, PlaceRole

WEAK_RADIUS_KM = 300.0
# a weak town right after "in", "from"... needs only its country named above this population
LOCATIVE_FLOOR = 50_000


def geoparse(
    parsed: ParsedText,
    gazetteer: Gazetteer,
    org_spans: Sequence[tuple[int, int]] = (),
    skip_sentences: frozenset[int] = frozenset(),
    lexicon: GeoLexicon | None = None,
) -> tuple[Place, ...]:
    """Every toponym in ``parsed``: role, feature, resolution, the rule ids that fired.

    ``org_spans`` are character spans of organisation names found by another stage; places
    inside them are ``embedded``. Sentences in ``skip_sentences`` (and furniture) yield none.
    """
    lex = lexicon or load_lexicon()
    mentions = recognise(parsed, gazetteer, lex, org_spans, skip_sentences)
    skip = skip_sentences | {s.index for s in parsed.sentences if s.furniture}
    places = _finish(parsed, gazetteer, lex, mentions, skip=skip)
    return localise(places, gazetteer, strays=False, text=parsed.text)


def resolve_spans(
    text: str,
    spans: Sequence[tuple[int, int]],
    gazetteer: Gazetteer,
    parsed: ParsedText,
    lexicon: GeoLexicon | None = None,
) -> tuple[Place, ...]:
    """Resolve given toponym spans (gold toponyms, Mordecai-style evaluation): one place each,
    in the order given."""
    lex = lexicon or load_lexicon()
    streets = {name: eid for eid, pair in pair_names(parsed, lex) for name in pair}
    mentions = [span_mention(text, s, e, gazetteer, parsed, lex, streets) for s, e in spans]
    places = _finish(parsed, gazetteer, lex, mentions, add_dateline=False)
    return localise(places, gazetteer, text=text)


def article_focus(places: Sequence[Place]) -> str | None:
    """The alpha-3 country the article is mainly about: the dateline's, else the country most
    often named (literally), else the country most places lie in."""
    for p in places:
        if p.role is PlaceRole.DATELINE and p.country:
            return p.country
    named = Counter(
        p.country
        for p in places
        if p.country and p.role is PlaceRole.LITERAL and p.feature is Feature.COUNTRY
    )
    if named:
        return named.most_common(1)[0][0]
    located = Counter(p.country for p in places if p.country and p.role is PlaceRole.LITERAL)
    return located.most_common(1)[0][0] if located else None


# ---- internals -------------------------------------------------------------------------------
def _dateline(
    parsed: ParsedText, gazetteer: Gazetteer, mentions: list[Mention], add: bool = True
) -> tuple[list[Mention], str | None, tuple[str, str] | None]:
    """Mark the dateline's mentions (adding them if recognition missed them and ``add``) and
    return the country and division it names."""
    found = find_dateline(parsed.text)
    if found is None:
        return mentions, None, None
    country: str | None = None
    admin1: tuple[str, str] | None = None
    out = list(mentions)
    resolved: dict[str, int] = {}
    for span in (found.region, found.city):
        if span is None:
            continue
        idx = [i for i, m in enumerate(out) if m.start < span[1] and m.end > span[0]]
        if idx:
            for i in idx:
                out[i] = dataclasses.replace(
                    out[i], role=PlaceRole.DATELINE, rules=(*out[i].rules, "geo.role.dateline")
                )
        elif not add:
            continue
        else:
            key = name_key(parsed.text[span[0] : span[1]])
            toks = tokens_in(parsed, *span)
            if toks is None or not gazetteer.has_key(key):
                continue
            m = Mention(
                *toks,
                span[0],
                span[1],
                key,
                PlaceRole.DATELINE,
                ("geo.recognise.dateline", "geo.role.dateline"),
                parsed.tokens[toks[0]].sent,
            )
            out.append(m)
            idx = [len(out) - 1]
        m = out[idx[0]]
        ctx = named_context(gazetteer, out, divisions=True)
        if country:
            ctx.countries[country] += 3
        res = resolve_one(gazetteer, m, ctx)
        if res.entry is not None:
            resolved[m.key] = res.entry
            if country is None:
                country = gazetteer.country_of(res.entry)
            if gazetteer.feature(res.entry) is Feature.ADMIN1 and country:
                admin1 = (country, gazetteer.columns.names[res.entry])
    out.sort(key=lambda m: m.start)
    return out, country, admin1


def _finish(
    parsed: ParsedText,
    gazetteer: Gazetteer,
    lex: GeoLexicon,
    mentions: list[Mention],
    add_dateline: bool = True,
    skip: frozenset[int] = frozenset(),
) -> tuple[Place, ...]:
    if not (parsed.sentences and parsed.sentences[0].index in skip):
        mentions, country, admin1 = _dateline(parsed, gazetteer, mentions, add_dateline)
        if not add_dateline:  # given spans: the dateline marks the locality, no more
            country, admin1 = None, None
    else:
        country, admin1 = None, None
    mentions = apply_containment(parsed.text, gazetteer, mentions)
    resolutions = resolve_all(gazetteer, mentions, country, admin1)
    pairs = _supported(gazetteer, list(zip(mentions, resolutions, strict=True)), country)
    return tuple(_place(parsed, gazetteer, lex, m, r) for m, r in pairs)


def _supported(
    gazetteer: Gazetteer, pairs: list[tuple[Mention, Resolution]], dateline_country: str | None
) -> list[tuple[Mention, Resolution]]:
    """Drop weak mentions (small towns proposed by the gazetteer alone) that the rest of the
    article does not back: same country as a firm place and near one, or in a division the
    article names, or (right after "in", "from"...) a town of over 50,000 people in a country
    the article names."""
    if not any(m.weak for m, _ in pairs):
        return pairs
    countries: set[str | None] = {dateline_country} if dateline_country else set()
    points: list[tuple[float, float]] = []
    divisions: set[tuple[str | None, str | None]] = set()
    for m, r in pairs:
        if m.weak or r.entry is None:
            continue
        k = r.entry
        countries.add(gazetteer.country_of(k))
        divisions.add((gazetteer.country_of(k), gazetteer.admin1_of(k)))
        if gazetteer.feature(k) not in (Feature.COUNTRY, Feature.CONTINENT):
            points.append(gazetteer.point(k))
    out: list[tuple[Mention, Resolution]] = []
    for m, r in pairs:
        if m.weak:
            w = r.entry
            if w is None or gazetteer.country_of(w) not in countries:
                continue
            lat, lon = gazetteer.point(w)
            near = any(distance_km(lat, lon, a, b) < WEAK_RADIUS_KM for a, b in points)
            same_division = (gazetteer.country_of(w), gazetteer.admin1_of(w)) in divisions
            # "in Aleppo?" tagged LANGUAGE: a sizeable town after a place preposition
            big = gazetteer.population(w) >= LOCATIVE_FLOOR and any(
                LOCATIVE_RULE in rule for rule in m.rules
            )
            if not (near or same_division or big):
                continue
            r = Resolution(r.entry, (*r.rules, "geo.resolve.weak-supported"), r.margin)
        out.append((m, r))
    return out


def _place(
    parsed: ParsedText, gazetteer: Gazetteer, lex: GeoLexicon, m: Mention, r: Resolution
) -> Place:
    role = m.role
    rules = list(m.rules)
    if role is PlaceRole.LITERAL and m.last > m.first and is_metonymy_target(gazetteer, r.entry):
        verb = metonymy_verb(parsed, m.first, m.last, lex)
        if verb is not None:
            role = PlaceRole.METONYMIC
            rules.append(verb)
    if role_rule(role) not in rules:
        rules.append(role_rule(role))
    rules.extend(r.rules)
    mention = parsed.text[m.start : m.end]
    if r.entry is None:
        return Place(
            mention,
            m.start,
            m.end,
            mention,
            None,
            None,
            None,
            None,
            None,
            Feature.OTHER,
            role,
            tuple(rules),
            m.sentence,
        )
    e = gazetteer.entry(r.entry)
    rules.append(e.ident)
    return Place(
        mention,
        m.start,
        m.end,
        e.name,
        e.country,
        e.admin1,
        round(e.lat, 5),
        round(e.lon, 5),
        e.geonameid,
        e.feature,
        role,
        tuple(rules),
        m.sentence,
    )
