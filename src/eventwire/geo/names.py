"""Normalising place names to lookup keys ("Diyarbakır" and "Diyarbakir" share one key)."""

from __future__ import annotations

import functools
import unicodedata

# direction words before a name ("northern Syria", "North America", "West African")
DIRECTIONS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "upper",
        "lower",
        "greater",
    }
)

# letters NFKD does not decompose into a base letter plus a mark
_FOLD = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ħ": "h",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "`": "'",
        "‐": "-",
        "‑": "-",
        "–": "-",
        "—": "-",
    }
)


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Lower-case, strip accents, unify quotes/dashes/spaces: the index key of a name."""
    s = name
    if not s.isascii():
        # Decompose first: compatibility forms turn into capitals ("𝕊" -> "S", "℠" -> "SM").
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = s.lower().translate(_FOLD)
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = s.replace("-", " ").replace(".", "").replace(",", " ").replace("'", "")
    return " ".join(s.split())


def is_latin(name: str) -> bool:
    """True when every letter is in the Latin blocks (English news uses no other script)."""
    return all(ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF or c in "’‘ʼ" for c in name)
