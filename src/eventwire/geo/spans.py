"""Given toponym spans (resolution only, the way gold-span evaluations run): what each span is
looked up under, and where the names no gazetteer lists (streets, buildings) lie.

A span the gazetteer does not know is searched for a known name inside it: a country or
division first ("University of Alberta", "Bank of Mexico"), then the longest town name. A
demonym inside a longer name counts only as its last word ("North American"); "Russian
Embassy" or "French Quarter" name a local thing, not the country. What stays unknown, and a
town found inside a name far from where the article is, gets the article's locality: the town
(else the division, else the country) the article names most often.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from eventwire.geo.anchor import ANCHORED, anchor
from eventwire.geo.gazetteer import Gazetteer, distance_km
from eventwire.geo.lexicon import GeoLexicon
from eventwire.geo.mention import (
    LOCAL_RULE,
    SITE_RULE,
    Mention,
    admin_cue,
    region_key,
)
from eventwire.geo.names import DIRECTIONS, name_key
from eventwire.geo.streets import PAIR_RULE
from eventwire.model import Feature, ParsedText, Place, PlaceRole

SPAN_PART = "geo.recognise.span-part"
LOCALITY = "geo.resolve.article-locality"
QUARTER_RULE = "geo.recognise.quarter"
LOCAL_THING = "geo.recognise.span-facility"  # the span ends in "Street", "School", "Embassy"
PART_RADIUS_KM = 300.0  # a town found inside a longer name must lie this near the locality
STRAY_KM = 1000.0  # an unsupported small town this far from the locality is a local name
STRAY_POPULATION = 20_000
# "London Guildhall School": a city this big inside a building's name is where the building is
SITE_CITY_POPULATION = 1_000_000
DEMONYM = PlaceRole.DEMONYM
DATELINE_SUPPORT = 3.0  # the dateline town is where the article was written
COUNTRY_SUPPORT = 0.25  # per other place in the town's country ...
COUNTRY_SUPPORT_CAP = 8  # ... counted up to this many: a town abroad is seldom the locality
RIVER_IDENT = "overlay:river."  # rows of data/geo/overlay/rivers.csv
RIVER_REACH_KM = 1500.0  # a locality this near a river's middle may lie on the river
UNSUPPORTED = frozenset({"geo.resolve.prior", "geo.resolve.only"})
AREAS = frozenset({Feature.COUNTRY, Feature.ADMIN1, Feature.CONTINENT, Feature.REGION})
STREETS = frozenset({"fac.street", "fac.street-foreign"})
MOVABLE = frozenset({PlaceRole.LITERAL, PlaceRole.EMBEDDED})
RANK = {Feature.CITY: 0, Feature.ADMIN2: 1, Feature.ADMIN1: 2, Feature.COUNTRY: 3}


def tokens_in(parsed: ParsedText, start: int, end: int) -> tuple[int, int] | None:
    """Tokens ``[first, last)`` overlapping the characters ``[start, end)``."""
    first = last = None
    for t in parsed.tokens:
        if t.end > start and t.start < end:
            if first is None:
                first = t.i
            last = t.i + 1
        elif t.start >= end:
            break
    return None if first is None or last is None else (first, last)


def span_mention(
    text: str,
    start: int,
    end: int,
    gazetteer: Gazetteer,
    parsed: ParsedText,
    lex: GeoLexicon,
    streets: Mapping[tuple[int, int], str] | None = None,
) -> Mention:
    """The mention a given span stands for: its key, or a known name inside it. ``streets``
    maps the token ranges of the street pairs in the text to their lexicon entry ids
    (``streets.pair_names``)."""
    toks = tokens_in(parsed, start, end) or (0, 0)
    sentence = parsed.tokens[toks[0]].sent if parsed.tokens and toks[1] > toks[0] else -1
    key = name_key(text[start:end])
    cue = toks[1] > toks[0] and admin_cue(parsed, toks[0], toks[1], lex)

    def mention(
        k: str, role: PlaceRole, extra: tuple[str, ...] = (), of: int | None = None
    ) -> Mention:
        rules = ("geo.recognise.given-span", *extra)
        return Mention(*toks, start, end, k, role, rules, sentence, of, cue)

    local = _marked_local(key, toks, streets or {}, lex)
    if local is not None:
        return mention(key, PlaceRole.LITERAL, (local,))
    entry = gazetteer.demonym_entry(key)
    if entry is not None and not _names_country(gazetteer, key):
        return mention(key, PlaceRole.DEMONYM, of=entry)
    region = region_key(parsed, toks[1], key, gazetteer, lex)
    if region is not None:  # "Peel Regional Police": the region of Peel, not a town Peel
        return mention(region, PlaceRole.LITERAL, ("geo.recognise.region-word",))
    if gazetteer.has_key(key):
        return mention(key, PlaceRole.LITERAL)
    for variant in variants(key):
        if gazetteer.has_key(variant):
            return mention(variant, PlaceRole.LITERAL)
        entry = gazetteer.demonym_entry(variant)
        if entry is not None:
            return mention(key, PlaceRole.DEMONYM, of=entry)
    if is_street(key, lex):
        return mention(key, PlaceRole.LITERAL)  # "Collins Avenue" is not in Collins
    k, role, extra, of = _inside(text[start:end], key, gazetteer, lex)
    return mention(k, role, extra, of)


def _marked_local(
    key: str, toks: tuple[int, int], streets: Mapping[tuple[int, int], str], lex: GeoLexicon
) -> str | None:
    """The rule when the text marks the span as a local name: one of a street pair ("Bourbon
    and Dauphine streets") or a quarter of the town ("the South Side")."""
    for (first, last), eid in streets.items():
        if first <= toks[0] and toks[1] <= last:
            return f"{PAIR_RULE}:{eid}{LOCAL_RULE}"
    quarter = lex.quarter(key)
    return None if quarter is None else f"{QUARTER_RULE}:{quarter}{LOCAL_RULE}"


def _inside(
    surface: str, key: str, gazetteer: Gazetteer, lex: GeoLexicon
) -> tuple[str, PlaceRole, tuple[str, ...], int | None]:
    """(key, role, rules, demonym entry) of an unlisted span: a known name inside it, else
    the country of a demonym inside it, else the span itself (a local name)."""
    local = lex.facility_heads.get(key.rsplit(" ", 1)[-1]) is not None
    extra = (SPAN_PART, LOCAL_THING) if local else (SPAN_PART,)
    part = best_part(surface, gazetteer, lex)
    if part is not None:
        return part, PlaceRole.LITERAL, extra, None
    if not local:  # "European Commission", "North American": the demonym's country
        for word in key.split():
            entry = gazetteer.demonym_entry(word)
            if entry is not None:
                return key, PlaceRole.DEMONYM, extra, entry
    return key, PlaceRole.LITERAL, (), None


def is_street(key: str, lex: GeoLexicon) -> bool:
    """A street name: it ends in a street word, perhaps before a direction ("Elm Avenue
    West"), or starts with one ("Rue Royale", "Calle Ocho")."""
    words = key.split()
    while len(words) > 1 and words[-1] in DIRECTIONS:
        words = words[:-1]
    if len(words) < 2:
        return False
    return lex.facility_heads.get(words[-1]) in STREETS or (
        lex.facility_heads.get(words[0]) in STREETS
    )


def best_part(surface: str, gazetteer: Gazetteer, lex: GeoLexicon) -> str | None:
    """The key of the known name inside a longer one: areas before towns, then more words,
    then the bigger place. Words that are titles, calendar words or facility heads alone
    ("Bank", "College") are not names."""
    best: tuple[int, int, int] | None = None
    chosen: str | None = None
    for part in parts(surface):
        words = part.split()
        if all(
            w in lex.facility_heads or w in lex.admin_cues or w.capitalize() in lex.not_toponyms
            for w in words
        ):
            continue  # "Bank", "Central District": generic words, no name
        found = gazetteer.lookup_key(part)
        if not found:
            continue
        k = max(
            found[:20], key=lambda i: (RANK.get(gazetteer.feature(i), 2), gazetteer.population(i))
        )
        feature = gazetteer.feature(k)
        if feature is Feature.CITY and not gazetteer.is_main_name(k, part):
            continue  # a town known by this spelling only as an alternate name
        rank = (
            1 if feature in AREAS or feature is Feature.FACILITY else 0,
            len(words),
            gazetteer.population(k),
        )
        if best is None or rank > best:
            best, chosen = rank, part
    return chosen


def parts(surface: str) -> list[str]:
    """Keys of the capitalised word runs inside a longer name, longest first
    ("Colorado State University" -> "colorado state", "colorado", ...)."""
    words = re.split(r"[\s/-]+", surface.strip())
    out: list[str] = []
    for n in range(len(words) - 1, 0, -1):
        for i in range(len(words) - n + 1):
            window = words[i : i + n]
            if all(w[:1].isupper() for w in window):
                out.append(name_key(" ".join(window)))
    return [p for p in dict.fromkeys(out) if p]


def variants(key: str) -> list[str]:
    """Spellings to try when a given span is not in the gazetteer as it stands."""
    out: list[str] = []
    words = key.split()
    if key.startswith("the "):
        out.append(key[4:])
    if key.endswith(("'s", "s'")):
        out.append(key[:-2].rstrip("'"))
    while words and words[0] in DIRECTIONS:
        words = words[1:]
        out.append(" ".join(words))
    if key.endswith("s"):
        out.append(key[:-1])  # "Kenyans"
    return [v for v in out if v]


def localise(
    places: Sequence[Place], gazetteer: Gazetteer, strays: bool = True, text: str = ""
) -> tuple[Place, ...]:
    """Give the article's locality (rule ``geo.resolve.article-locality``) to places left
    unresolved, to rivers (lines, not points: the stretch near the locality is meant), to
    towns (not cities of a million) found inside the name of a street or building far from it,
    and to small towns that nothing in the article supports, far from it: a street or building
    named after a town ("Chartres Street", "Franklin") is where the article is. ``strays``
    off: only places without an entry move (end to end, where towns are recognised with
    care). With the article ``text``, a local name or river with a town right next to it ("in
    Leeds", "the Euphrates near Raqqa") goes to that town instead (`geo/anchor.py`)."""
    home = locality(places)
    out: list[Place] = []
    for p in places:
        near = anchor(p, places, text) if _local(p) or _river(p) else None
        if near is not None and home is not None and _stray(near, home, gazetteer):
            near = None
        if near is not None:
            out.append(_moved(p, near, ANCHORED))
            continue
        if home is None or home.lat is None or home.lon is None:
            out.append(p)
            continue
        move = p.lat is None or p.lon is None
        if not move and _river(p):
            # a river is a line: the article is about its stretch near the locality
            move = distance_km(p.lat or 0.0, p.lon or 0.0, home.lat, home.lon) < RIVER_REACH_KM
        elif not move and p.feature is Feature.CITY and p.role in MOVABLE:
            km = distance_km(p.lat or 0.0, p.lon or 0.0, home.lat, home.lon)
            if _in_site(p):
                move = km > PART_RADIUS_KM and _population(gazetteer, p) < SITE_CITY_POPULATION
            elif strays and any(r in UNSUPPORTED for r in p.rules):
                move = km > STRAY_KM and _population(gazetteer, p) < STRAY_POPULATION
        out.append(_moved(p, home, LOCALITY) if move else p)
    return tuple(out)


def _river(p: Place) -> bool:
    """A place resolved to a river of the overlay (``data/geo/overlay/rivers.csv``)."""
    return any(r.startswith(RIVER_IDENT) for r in p.rules)


def _in_site(p: Place) -> bool:
    """A town found inside the name of a street or building ("Leeds Academy")."""
    return LOCAL_THING in p.rules or any(r.endswith(SITE_RULE) for r in p.rules)


def _stray(p: Place, home: Place, gazetteer: Gazetteer) -> bool:
    """A small town that only the prior chose, far from the locality: no anchor. ("on Elm
    Avenue in Miami Beach": a town of 90,000 is no stray, whatever else the article covers.)"""
    if not any(r in UNSUPPORTED for r in p.rules) or home.lat is None or home.lon is None:
        return False
    far = distance_km(p.lat or 0.0, p.lon or 0.0, home.lat, home.lon) > STRAY_KM
    return far and _population(gazetteer, p) < STRAY_POPULATION


def _local(p: Place) -> bool:
    """An unlisted name, or a town found only inside a longer name ("Rue X", "X Museum")."""
    return p.role is PlaceRole.LITERAL and (p.lat is None or SPAN_PART in p.rules)


def _moved(p: Place, where: Place, rule: str) -> Place:
    return dataclasses.replace(
        p,
        name=p.mention,
        country=where.country,
        admin1=where.admin1,
        lat=where.lat,
        lon=where.lon,
        geonameid=None,
        feature=Feature.OTHER,
        rules=(*p.rules, rule),
    )


def locality(places: Sequence[Place]) -> Place | None:
    """The town the article centres on: the one named most often, counting the other places
    named within 100 km of it (else the most named division, else country)."""
    towns = [
        p for p in places if p.feature is Feature.CITY and p.lat is not None and p.lon is not None
    ]
    towns = [p for p in towns if SPAN_PART not in p.rules and not _in_site(p)]
    best: tuple[float, int] | None = None
    chosen: Place | None = None
    for i, p in enumerate(towns):
        support = sum(
            1.0 if q.geonameid == p.geonameid else 0.5
            for q in towns
            if q.geonameid == p.geonameid
            or distance_km(p.lat or 0.0, p.lon or 0.0, q.lat or 0.0, q.lon or 0.0) < 100
        )
        support += sum(
            0.5
            for q in places
            if q.feature is Feature.ADMIN1 and q.name == p.admin1 and q.role is not DEMONYM
        )
        if p.role is PlaceRole.DATELINE:
            support += DATELINE_SUPPORT
        same_country = sum(1 for q in places if q.country == p.country and q.lat is not None)
        support += COUNTRY_SUPPORT * min(same_country - 1, COUNTRY_SUPPORT_CAP)
        if best is None or (support, -i) > best:
            best, chosen = (support, -i), p
    if chosen is not None:
        return chosen
    for features in ((Feature.ADMIN1, Feature.ADMIN2), (Feature.COUNTRY,)):
        counts: Counter[tuple[str, str | None]] = Counter()
        first: dict[tuple[str, str | None], Place] = {}
        for p in places:
            if p.feature in features and p.lat is not None:
                ident = (p.name, p.country)
                counts[ident] += 1
                first.setdefault(ident, p)
        if counts:
            return first[counts.most_common(1)[0][0]]
    return None


def _population(gazetteer: Gazetteer, p: Place) -> int:
    for k in gazetteer.lookup_key(name_key(p.name)):
        if gazetteer.columns.geonameid[k] == (p.geonameid or -1):
            return gazetteer.population(k)
    return 0


def _names_country(gazetteer: Gazetteer, key: str) -> bool:
    return any(gazetteer.feature(k) is Feature.COUNTRY for k in gazetteer.lookup_key(key))
