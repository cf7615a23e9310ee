"""Choose the gazetteer entry each toponym refers to, using the whole article as context.

Evidence, in order of weight: the feature type (a country name never resolves to a village;
countries, regions and first-level divisions beat towns of the same name), the countries the
article mentions (the dateline's most of all), first-level divisions it mentions, nearness to
the other places it mentions, population, and capitals. One sense per article: every mention
of the same name (and cue) gets the same place.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from eventwire.geo.containment import CONTAINER_RULE, WITHIN_RULE, inside
from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.mention import LOCAL_RULE, Mention
from eventwire.model import Feature, PlaceRole

MAX_CANDIDATES = 80
TOP_FOR_DISTANCE = 12
TOWN_CLASH_POPULATION = 10_000
COUNTRY_BONUS = 1.5  # the article names the candidate's country
CAPITAL_BONUS = 0.5
MAIN_NAME_BONUS = 1.0  # the name is the entry's main name, not one of its alternate names
ADMIN1_BONUS = 1.5
COUNTY_ADMIN1_BONUS = 3.0  # an admin-2 area in a first-level division the article names
TOWN_SHARE = 0.2  # a same-name town this share of its division's people is its main town
SMALL_TOWN_PENALTY = 0.5
COUNTRY_SCORE = 8.0  # a country reading, in log10-population units
AREA_SCORE = 8.5  # continents, and the curated overlay facilities and regions
ADMIN1_OFFSET = -0.5  # a division against a town of the same population
ADMIN2_OFFSET = -1.0
MAIN_TOWN_PENALTY = 1.0  # a division named after its own sizeable main town
ADMIN_CUE_BONUS = 3.0  # "Batman province": the division
ADMIN_CUE_TOWN_PENALTY = 2.0  # ... and not the town
COUNTRY_REPEAT_BONUS = 0.1  # per further mention of the country, up to five
DATELINE_BONUS = 0.5
# nearness to the other places the article names: (within km, bonus), nearest first
NEAR_BONUSES = ((50.0, 1.0), (200.0, 0.6), (600.0, 0.25))
SURE_MARGIN = 1.0  # a first-pass choice this far ahead of the next is context for the rest
AREA_FEATURES = frozenset({Feature.REGION, Feature.CONTINENT, Feature.OTHER, Feature.FACILITY})


@dataclass(slots=True)
class Context:
    """What the article says about where it is: the evidence candidates are scored against."""

    countries: Counter[str] = field(default_factory=Counter)
    dateline_country: str | None = None
    admin1: set[tuple[str | None, str]] = field(default_factory=set)
    anchors: list[tuple[float, float, str]] = field(default_factory=list)
    own: dict[str, str] = field(default_factory=dict)  # name key -> country it added itself


@dataclass(frozen=True, slots=True)
class Resolution:
    entry: int | None
    rules: tuple[str, ...]
    margin: float  # score gap to the runner-up: how sure the choice is


def candidates(gazetteer: Gazetteer, mention: Mention) -> list[int]:
    """Gazetteer entries a mention may denote; a country name keeps only area-like readings."""
    if mention.demonym_of is not None:
        return [mention.demonym_of]
    if mention.pinned is not None:
        return [mention.pinned]
    if any(LOCAL_RULE in r for r in mention.rules):
        return []  # a street or building the text names as such ("Bourbon and Dauphine streets")
    if mention.within is not None:
        return [
            k for k in gazetteer.lookup_key(mention.key) if inside(gazetteer, k, mention.within)
        ]
    found = gazetteer.lookup_key(mention.key)[:MAX_CANDIDATES]
    if any(gazetteer.feature(k) is Feature.COUNTRY for k in found):
        return [k for k in found if gazetteer.feature(k) is not Feature.CITY]
    return list(found)


def _prior(
    gazetteer: Gazetteer,
    k: int,
    mention: Mention,
    ctx: Context,
    named: frozenset[str],
    towns: dict[tuple[str | None, str | None], int],
) -> tuple[float, str]:
    """Score in log10-population units: what the name, the entry and the article say.

    ``named`` holds the countries this very name can denote, whose mention in the article is
    no evidence for their own provinces ("Mexico" in a Mexico article is still the country).
    ``towns`` holds (country, admin1) of sizeable towns with exactly this name: a division
    named after its own main town ("New York", "Batman") means the town unless cued.
    """
    feature = gazetteer.feature(k)
    pop = gazetteer.population(k)
    why = ""
    if feature is Feature.COUNTRY:
        score = COUNTRY_SCORE
    elif feature in AREA_FEATURES:
        score = AREA_SCORE
    elif feature is Feature.ADMIN1:
        score = math.log10(pop + 1) + ADMIN1_OFFSET
        town = towns.get((gazetteer.country_of(k), gazetteer.admin1_of(k)), 0)
        if town:
            # "New York", "Batman": the division's main town; a town that is a small share
            # of its division ("Quebec") weighs less
            score -= MAIN_TOWN_PENALTY if town >= TOWN_SHARE * pop else SMALL_TOWN_PENALTY
        if mention.admin_cue:
            score += ADMIN_CUE_BONUS
            why = "geo.resolve.admin-cue"
    elif feature is Feature.ADMIN2:
        score = math.log10(pop + 1) + ADMIN2_OFFSET
        if mention.admin_cue:
            score += ADMIN_CUE_BONUS
            why = "geo.resolve.admin-cue"
    else:
        score = math.log10(pop + 1)
        if gazetteer.is_capital(k):
            score += CAPITAL_BONUS
            why = "geo.resolve.capital"
        if mention.admin_cue:
            score -= ADMIN_CUE_TOWN_PENALTY
    if gazetteer.is_main_name(k, mention.key):
        score += MAIN_NAME_BONUS
    country = gazetteer.country_of(k)
    if country is not None and feature is not Feature.COUNTRY and country not in named:
        n = ctx.countries.get(country, 0)
        if ctx.own.get(mention.key) == country:
            n -= 1  # a name's own first reading is no evidence for itself
        if n > 0:
            score += COUNTRY_BONUS + COUNTRY_REPEAT_BONUS * min(n, 5)
            why = why or "geo.resolve.country-context"
        if country == ctx.dateline_country:
            score += DATELINE_BONUS
            why = why or "geo.resolve.dateline-country"
        admin1 = gazetteer.admin1_of(k)
        if feature is not Feature.ADMIN1 and admin1 is not None and (country, admin1) in ctx.admin1:
            # a county is named without its state only in that state's news
            score += COUNTY_ADMIN1_BONUS if feature is Feature.ADMIN2 else ADMIN1_BONUS
            why = why or "geo.resolve.admin1-context"
    return score, why


def _near(lat: float, lon: float, anchors: Sequence[tuple[float, float, str]], key: str) -> float:
    """Distance in km (equirectangular; fine at these scales) to the nearest other anchor."""
    best = math.inf
    coslat = math.cos(math.radians(lat))
    for alat, alon, akey in anchors:
        if akey == key:
            continue
        dx = (lon - alon) * coslat
        dy = lat - alat
        d = 111.2 * math.sqrt(dx * dx + dy * dy)
        if d < best:
            best = d
    return best


def resolve_one(gazetteer: Gazetteer, mention: Mention, ctx: Context) -> Resolution:
    """Score every candidate of one mention and take the best."""
    found = candidates(gazetteer, mention)
    if not found:
        return Resolution(None, ("geo.resolve.unknown",), 0.0)
    if len(found) == 1:
        why = "geo.resolve.only"
        if mention.within is not None or mention.pinned is not None:
            why = WITHIN_RULE if mention.within is not None else CONTAINER_RULE
        return Resolution(found[0], (why,), 10.0)
    named = frozenset(
        c
        for k in found
        if gazetteer.feature(k) is Feature.COUNTRY and (c := gazetteer.country_of(k))
    )
    towns: dict[tuple[str | None, str | None], int] = {}
    for k in found:
        pop = gazetteer.population(k)
        if gazetteer.feature(k) is Feature.CITY and (
            pop >= 10 * TOWN_CLASH_POPULATION
            or (pop >= TOWN_CLASH_POPULATION and gazetteer.is_main_name(k, mention.key))
        ):
            where = (gazetteer.country_of(k), gazetteer.admin1_of(k))
            towns[where] = max(towns.get(where, 0), pop)
    scored = sorted(
        ((*_prior(gazetteer, k, mention, ctx, named, towns), k) for k in found),
        key=lambda t: -t[0],
    )[:TOP_FOR_DISTANCE]
    final: list[tuple[float, str, int]] = []
    for score, why, k in scored:
        if ctx.anchors and gazetteer.feature(k) not in (Feature.COUNTRY, Feature.CONTINENT):
            lat, lon = gazetteer.point(k)
            d = _near(lat, lon, ctx.anchors, mention.key)
            bonus = next((b for km, b in NEAR_BONUSES if d < km), 0.0)
            if bonus:
                score += bonus
                why = why or "geo.resolve.near-others"
        final.append((score, why, k))
    final.sort(key=lambda t: -t[0])
    best_score, why, best = final[0]
    margin = best_score - final[1][0] if len(final) > 1 else 10.0
    if not why and mention.within is not None:
        why = WITHIN_RULE
    return Resolution(best, ((why or "geo.resolve.prior"),), margin)


def _mention_key(m: Mention) -> tuple[str, int | None, bool, int | None, int | None]:
    return (m.key, m.demonym_of, m.admin_cue, m.within, m.pinned)


def named_context(
    gazetteer: Gazetteer, mentions: Sequence[Mention], divisions: bool = False
) -> Context:
    """What the names alone say: the countries named outright, and the divisions the text
    pins ("Tacoma, Washington"); with ``divisions``, also every name whose main reading is a
    first-level division (for a first guess before anything is resolved)."""
    ctx = Context()
    for m in mentions:
        found = candidates(gazetteer, m)
        if found and gazetteer.feature(found[0]) is Feature.COUNTRY:
            alpha3 = gazetteer.country_of(found[0])
            if alpha3:
                ctx.countries[alpha3] += 1
            continue
        area = m.pinned
        if area is None and divisions and m.demonym_of is None and found:
            area = found[0]
        if area is not None and gazetteer.feature(area) is Feature.ADMIN1:
            ctx.admin1.add((gazetteer.country_of(area), gazetteer.columns.names[area]))
    return ctx


def resolve_all(
    gazetteer: Gazetteer,
    mentions: Sequence[Mention],
    dateline_country: str | None,
    dateline_admin1: tuple[str, str] | None = None,
) -> list[Resolution]:
    """Resolve every mention in two passes: first with the countries named outright, then
    with the countries, divisions and points of the first pass."""
    ctx = named_context(gazetteer, mentions)
    ctx.dateline_country = dateline_country
    if dateline_country:
        ctx.countries[dateline_country] += 3
    if dateline_admin1:
        ctx.admin1.add(dateline_admin1)
    unique: dict[tuple[str, int | None, bool, int | None, int | None], Mention] = {}
    for m in mentions:
        unique.setdefault(_mention_key(m), m)
    first = {key: resolve_one(gazetteer, m, ctx) for key, m in unique.items()}
    ctx2 = Context(Counter(ctx.countries), dateline_country, set(ctx.admin1))
    for key, res in first.items():
        if res.entry is None:
            continue
        k = res.entry
        feature = gazetteer.feature(k)
        country = gazetteer.country_of(k)
        sure = res.margin >= SURE_MARGIN
        if country and feature is not Feature.COUNTRY and sure:
            ctx2.countries[country] += 1
            ctx2.own[key[0]] = country
        if key[1] is not None:
            continue  # "English" says who, not where: no division or point from a demonym
        if feature is Feature.ADMIN1 and sure:
            ctx2.admin1.add((country, gazetteer.columns.names[k]))
        if feature in (Feature.CITY, Feature.ADMIN1, Feature.FACILITY) and sure:
            lat, lon = gazetteer.point(k)
            ctx2.anchors.append((lat, lon, key[0]))
    second = {key: resolve_one(gazetteer, m, ctx2) for key, m in unique.items()}
    return [second[_mention_key(m)] for m in mentions]


def is_metonymy_target(gazetteer: Gazetteer, k: int | None) -> bool:
    """Only countries, capitals and seats of power stand for governments ("Ankara agreed",
    "the Kremlin denied")."""
    if k is None:
        return False
    feature = gazetteer.feature(k)
    return feature in (Feature.COUNTRY, Feature.FACILITY) or gazetteer.is_capital(k)


def role_rule(role: PlaceRole) -> str:
    return f"geo.role.{role.value}"
