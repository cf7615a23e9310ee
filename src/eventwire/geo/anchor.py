"""Where an unlisted street or building lies, when the text says so next to it.

"the Museum of Maps in Leeds", "Elm Street, Peoria", "Leeds's Elm Street": a local name with a
town right after it (after "in", "near", "outside", "off", a comma, or a comma and one of
those: "at Elm Farm, near Leeds") or right before it with
a possessive is placed at that town (rule ``geo.resolve.anchored``) rather than at the town the
article is mostly about, which is wrong whenever an article covers several towns. Only towns,
counties and facilities anchor: "a clinic in Texas" says little about where in Texas. "at" is
no anchor: "Elm Street at Oak Square" is a crossing, and the square is no town.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from eventwire.model import Feature, Place, PlaceRole

ANCHORED = "geo.resolve.anchored"
ANCHOR_FEATURES = frozenset({Feature.CITY, Feature.ADMIN2, Feature.FACILITY})
ANCHOR_ROLES = frozenset({PlaceRole.LITERAL, PlaceRole.DATELINE})
AFTER = re.compile(
    r"\s*(?:,|(?:,\s*)?\b(?:in|near|outside|off)\b|(?:,\s*)?\bon the outskirts of\b)"
    r"\s*(?:(?:the|downtown)\s+)?",
    re.IGNORECASE,
)
BEFORE = re.compile(r"['’]s?\s+")  # "Leeds's Elm Street", "Leeds' Elm Street"


def anchor(place: Place, places: Sequence[Place], text: str) -> Place | None:
    """The resolved town named right after ``place`` ("in Leeds", ", Leeds") or right before
    it with a possessive ("Leeds's"), or ``None``."""
    if not text:
        return None
    for q in places:
        if q is place or q.lat is None or q.lon is None or q.role not in ANCHOR_ROLES:
            continue
        if q.feature not in ANCHOR_FEATURES and ANCHORED not in q.rules:
            continue
        if q.start >= place.end and AFTER.fullmatch(text[place.end : q.start]):
            return q
        if q.end <= place.start and BEFORE.fullmatch(text[q.end : place.start]):
            return q
    return None
