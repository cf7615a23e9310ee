"""A toponym candidate, and the token-level tests recognition is built from."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.lexicon import GeoLexicon
from eventwire.geo.names import name_key
from eventwire.model import Feature, ParsedText, PlaceRole, Token

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
OTHER_LABELS = frozenset(
    {"PERSON", "ORG", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "LANGUAGE", "DATE", "TIME"}
)
MAX_NGRAM = 5
CITY_FLOOR = 100_000  # above this population a bare capitalised name is taken as a city
WEAK_FLOOR = 2_000  # between the floors it is a weak mention, kept only if the article agrees
# names of events, laws, works and products: a place inside one is embedded
NAMED_THINGS = frozenset({"EVENT", "LAW", "WORK_OF_ART", "PRODUCT"})
# entity labels the small model often gives a lone town name ("Edmonton" as PERSON)
MISLABELLED = frozenset({"PERSON", "PRODUCT", "LANGUAGE", "WORK_OF_ART", "DATE"})
# rule suffix of a town found inside a building's name ("Leeds Academy"): far from the
# article's locality it stands for the building, which is placed at the locality
SITE_RULE = "+site"
LOCAL_RULE = "+local"  # an unlisted name: the article's locality gives its point


@dataclass(frozen=True, slots=True)
class Mention:
    """A toponym candidate: tokens ``[first, last)`` and the key it is looked up under."""

    first: int
    last: int
    start: int
    end: int
    key: str
    role: PlaceRole
    rules: tuple[str, ...]
    sentence: int
    demonym_of: int | None = None  # the entry a demonym names (country, continent, region)
    admin_cue: bool = False  # "Batman province", "the state of Georgia"
    weak: bool = False  # a small town proposed by the gazetteer alone: needs support
    within: int | None = None  # "Tacoma, Washington": read among the places in this area
    pinned: int | None = None  # the entry the text decides ("Washington" after "Tacoma,")


def capitalised(tok: Token) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)


def trim(parsed: ParsedText, first: int, last: int) -> tuple[int, int]:
    toks = parsed.tokens
    while first < last and (toks[first].lemma in {"the", "a"} or not toks[first].text.strip()):
        first += 1
    while last > first and (
        toks[last - 1].tag == "POS" or toks[last - 1].text in {"'s", "’s", "'", "’", ".", ","}
    ):
        last -= 1
    return first, last


def region_key(
    parsed: ParsedText, after: int, key: str, gazetteer: Gazetteer, lex: GeoLexicon
) -> str | None:
    """``"<key> region"`` when the token at ``after`` is a capitalised ``region_words`` word
    and the gazetteer lists that region ("Peel Regional Police" -> "peel region")."""
    toks = parsed.tokens
    if after >= len(toks) or not capitalised(toks[after]):
        return None
    if toks[after].text.lower() not in lex.region_words:
        return None
    region = f"{key} region"
    return region if gazetteer.has_key(region) else None


def span_key(parsed: ParsedText, first: int, last: int) -> str:
    return name_key(parsed.text[parsed.tokens[first].start : parsed.tokens[last - 1].end])


def prominence(gazetteer: Gazetteer, key: str, surface: str, floor: int) -> int:
    """How well the gazetteer supports ``key`` as a bare name: 2 strongly, 1 weakly (a small
    town, or a town known only by this spelling as an alternate name), 0 not at all.

    Short all-capital forms ("BA", "MW") only count as countries, regions or divisions.
    """
    letters = [c for c in surface if c.isalpha()]
    acronym = len(letters) <= 4 and all(c.isupper() for c in letters)
    best = 0
    for k in gazetteer.lookup_key(key)[:20]:
        feature = gazetteer.feature(k)
        if feature is Feature.CITY or feature is Feature.ADMIN2:
            if acronym:
                continue
            pop = gazetteer.population(k)
            primary = gazetteer.is_main_name(k, key)
            if pop >= floor and primary:
                return 2
            if pop >= WEAK_FLOOR and primary and feature is Feature.CITY:
                best = 1
        elif feature is Feature.ADMIN1:
            if gazetteer.population(k) >= floor // 2 or acronym:
                return 2
            best = 1
        else:
            return 2
    return best


def admin_cue(parsed: ParsedText, first: int, last: int, lexicon: GeoLexicon) -> bool:
    toks = parsed.tokens
    after = toks[last].lemma if last < len(toks) else ""
    if after in lexicon.admin_cues:
        return True
    return (
        first >= 2
        and toks[first - 1].lemma == "of"
        and toks[first - 2].lemma
        in {
            "state",
            "province",
            "region",
            "governorate",
        }
    )
