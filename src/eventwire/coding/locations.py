"""Where an event happened: the literal places of its clause, else of its sentence, else a
country named by a demonym on a place noun ("a small Turkish town"), else the article's focus.

Only places whose role is ``literal`` or ``dateline`` may locate an event: "Ankara agreed"
(metonymic), "Turkish" (demonym) and "the Levant" in ISIL's name (embedded) never do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from eventwire.model import Feature, Location, ParsedText, Place, PlaceRole, Span

_LOCATING_ROLES = frozenset({PlaceRole.LITERAL})
# Nouns that, modified by a demonym, place an event in that country ("Syrian towns").
PLACE_NOUNS = frozenset(
    {
        "town", "city", "village", "border", "territory", "soil", "base", "province", "region",
        "capital", "airspace", "water", "coast", "port", "camp", "district", "area", "airport",
        "frontier", "countryside", "island", "enclave", "land", "side", "prison", "embassy",
        "consulate", "checkpoint", "outpost", "neighborhood", "neighbourhood", "street", "mosque",
        "church", "school", "hospital", "market", "settlement", "refinery", "airbase",
    }
)  # fmt: skip
_FINE = (Feature.FACILITY, Feature.CITY, Feature.ADMIN2, Feature.ADMIN1, Feature.REGION)


@dataclass(frozen=True, slots=True)
class EventPlaces:
    primary: Location | None
    all: tuple[Location, ...]
    rules: tuple[str, ...]


def location_from_place(place: Place, rule: str) -> Location:
    return Location(
        name=place.name,
        mention=place.mention,
        country=place.country,
        admin1=place.admin1,
        lat=place.lat,
        lon=place.lon,
        precision=place.feature,
        geonameid=place.geonameid,
        span=Span(place.start, place.end, place.mention),
        rules=(*place.rules, rule),
    )


def country_location(place: Place | None, alpha3: str, rule: str) -> Location:
    """A country-precision location, with the country's coordinates when known."""
    return Location(
        name=place.name if place else alpha3,
        mention=None,
        country=alpha3,
        admin1=None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        precision=Feature.COUNTRY,
        geonameid=place.geonameid if place else None,
        span=None,
        rules=(rule,),
    )


def event_places(
    parsed: ParsedText,
    clause: Sequence[int],
    sentence: int,
    places: Sequence[Place],
    demonym_country: Callable[[str], str | None],
) -> EventPlaces:
    literal = [
        p
        for p in places
        if p.role in _LOCATING_ROLES and p.sentence == sentence and not _modifies_noun(parsed, p)
    ]
    clause_chars = [(parsed.tokens[i].start, parsed.tokens[i].end) for i in clause]
    in_clause = [p for p in literal if any(s <= p.start < e for s, e in clause_chars)]
    scopes = (
        (in_clause, clause, "loc.clause"),
        (literal, _sentence(parsed, sentence), "loc.sentence"),
    )
    for found, tokens, rule in scopes:
        if found:
            return _from_places(found, rule)
        country = _demonym_place(parsed, tokens, demonym_country)
        if country:
            loc = country_location(_country_place(places, country), country, rule + "-demonym")
            return EventPlaces(loc, (loc,), (rule + "-demonym",))
    return EventPlaces(None, (), ())


def _modifies_noun(parsed: ParsedText, place: Place) -> bool:
    """ "26 US jets", "a Syria policy": a country name used as a noun's modifier says whose
    the thing is, not where the event happens."""
    for tok in parsed.sentence_tokens(place.sentence):
        if tok.start <= place.start < tok.end or place.start <= tok.start < place.end:
            head = parsed.tokens[tok.head]
            if (
                tok.dep in {"compound", "amod", "nmod"}
                and head.pos == "NOUN"
                and head.start >= place.end
            ):
                return True
    return False


def _sentence(parsed: ParsedText, sentence: int) -> list[int]:
    s = parsed.sentences[sentence]
    return list(range(s.first, s.last))


def _from_places(found: Sequence[Place], rule: str) -> EventPlaces:
    """The finest places are the event's locations; a country containing them is dropped."""
    fine = [p for p in found if p.feature in _FINE]
    chosen = fine or list(found)
    seen: set[tuple[str, str | None]] = set()
    locations = []
    for p in chosen:
        key = (p.name, p.country)
        if key not in seen:
            seen.add(key)
            locations.append(location_from_place(p, rule))
    return EventPlaces(locations[0], tuple(locations), (rule,))


def _demonym_place(
    parsed: ParsedText, scope: Sequence[int], demonym_country: Callable[[str], str | None]
) -> str | None:
    for i in scope:
        tok = parsed.tokens[i]
        # the lemmatiser reads "bases" as "basis": accept the plain singular too
        singular = tok.norm[:-1] if tok.norm.endswith("s") else tok.norm
        if tok.pos != "NOUN" or not {tok.lemma, tok.norm, singular} & PLACE_NOUNS:
            continue
        for child in parsed.children(i):
            if child.dep in {"amod", "compound"}:
                country = demonym_country(child.text)
                if country:
                    return country
    return None


def _country_place(places: Sequence[Place], alpha3: str) -> Place | None:
    for p in places:
        if p.feature is Feature.COUNTRY and p.country == alpha3 and p.lat is not None:
            return p
    return None
