"""Conflict-news places in the gazetteer overlay: regions, camps, crossings, facilities, seas,
districts and city spellings that GeoNames cities500 lacks. Sentences are our own."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.geo import Gazetteer
from eventwire.geo.names import name_key
from eventwire.geo.overlay import default_overlay
from eventwire.model import Feature, ParsedText

from .overlay_checks import (
    assert_entry_near,
    assert_found_near,
    overlay_rows,
    places_in,
)

Parse = Callable[[str], ParsedText]

# Reference points (a nearby city or the place itself, from general knowledge), so a wrong
# country or a coordinate typo in the overlay fails here.
DAMASCUS = (33.51, 36.29)
MAFRAQ = (32.34, 36.21)
COX_BAZAR = (21.44, 92.01)
NAIROBI = (-1.29, 36.82)
CHONGJIN = (41.80, 129.78)
MARIUPOL = (47.10, 37.54)
MALACCA = (2.19, 102.25)
IDLIB = (35.93, 36.63)
GAZA_CITY = (31.50, 34.47)
JALALABAD = (34.43, 70.45)
SINJAR = (36.32, 41.88)
BEIRUT = (33.89, 35.50)
MOSUL = (36.34, 43.13)
KYIV = (50.45, 30.52)
ADEN = (12.78, 45.04)
MIRANSHAH = (33.00, 70.07)
KADUGLI = (11.01, 29.72)
HASAKAH = (36.50, 40.75)


def first_entry(gazetteer: Gazetteer, name: str) -> int:
    keys = gazetteer.lookup_key(name_key(name))
    assert keys, f"{name!r} is not in the gazetteer"
    return keys[0]


@pytest.mark.parametrize(
    ("name", "country", "near", "km"),
    [
        ("Eastern Ghouta", "SYR", DAMASCUS, 30),
        ("Ghouta", "SYR", DAMASCUS, 30),
        ("Zaatari refugee camp", "JOR", MAFRAQ, 20),
        ("Kutupalong", "BGD", COX_BAZAR, 40),
        ("Kibera", "KEN", NAIROBI, 10),
        ("Punggye-ri", "PRK", CHONGJIN, 100),
        ("Sea of Azov", None, MARIUPOL, 150),
        ("Strait of Malacca", None, MALACCA, 300),
        ("Bab al-Hawa crossing", "SYR", IDLIB, 40),
        ("Al-Shifa Hospital", "PSE", GAZA_CITY, 5),
        ("Tora Bora", "AFG", JALALABAD, 50),
        ("Mount Sinjar", "IRQ", SINJAR, 20),
        ("Dahiyeh", "LBN", BEIRUT, 10),
        ("Mosul Dam", "IRQ", MOSUL, 50),
        ("Maidan Nezalezhnosti", "UKR", KYIV, 3),
        ("Gulf of Aden", None, ADEN, 400),
        ("North Waziristan", "PAK", MIRANSHAH, 30),
        ("Nuba Mountains", "SDN", KADUGLI, 100),
        ("al-Hol camp", "SYR", HASAKAH, 60),
    ],
)
def test_geo_overlay_place_country_and_position(
    gazetteer: Gazetteer, name: str, country: str | None, near: tuple[float, float], km: float
) -> None:
    entry = gazetteer.entry(first_entry(gazetteer, name))
    assert entry.ident.startswith("overlay:"), entry
    assert_entry_near(entry, country, near, km)


@pytest.mark.parametrize(
    ("name", "ident"),
    [
        ("Hodeidah", "geonames:79415"),
        ("Qamishli", "geonames:173377"),
        ("Deir al-Balah", "geonames:281141"),
        ("Ras al-Ain", "geonames:165509"),  # the Syrian town, not Rosh HaAyin in Israel
        ("Bekaa Valley", "admin1:LB.08"),
        ("Hadhramaut", "admin1:YE.04"),
        ("Karen State", "admin1:MM.05"),
    ],
)
def test_geo_overlay_alias_names_the_known_place_first(
    gazetteer: Gazetteer, name: str, ident: str
) -> None:
    assert gazetteer.entry(first_entry(gazetteer, name)).ident == ident


@pytest.mark.parametrize(
    "word", ["GERD", "Roj", "Beach camp", "Qandil", "DMZ", "International Zone", "Moria"]
)
def test_geo_overlay_leaves_ambiguous_bare_words_out(gazetteer: Gazetteer, word: str) -> None:
    """A disease acronym, a surname, a generic phrase: no overlay entry answers to them."""
    idents = [gazetteer.entry(k).ident for k in gazetteer.lookup_key(name_key(word))]
    assert not [i for i in idents if i.startswith("overlay:")], idents


def main_overlay_rows() -> list[dict[str, str]]:
    return overlay_rows(default_overlay())


def test_geo_overlay_camps_and_districts_do_not_hide_a_big_town(gazetteer: Gazetteer) -> None:
    """A camp or district name must not also be the main name of a GeoNames town of 15,000+
    people: the overlay entry would outrank the town everywhere."""
    clashes = []
    for row in main_overlay_rows():
        if not row["id"].startswith(("camp.", "dist.")):
            continue
        for name in row["names"].split("|"):
            key = name_key(name)
            for k in gazetteer.lookup_key(key):
                e = gazetteer.entry(k)
                if e.feature is Feature.CITY and e.population >= 15_000 and name_key(e.name) == key:
                    clashes.append((row["id"], name, e.name, e.country))
    assert not clashes


def test_geo_overlay_place_rows_are_well_formed() -> None:
    rows = [r for r in main_overlay_rows() if r["kind"] == "place"]
    assert len(rows) > 250
    for row in rows:
        assert row["id"].split(".")[0] in {"fac", "reg", "sea", "camp", "dist"}, row["id"]
        assert row["feature"] in {"facility", "region", "other"}, row["id"]
        assert not row["country"] or len(row["country"]) == 3, row["id"]


# ---- text ------------------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mention", "country", "near", "km"),
    [
        (
            "Shelling hit Eastern Ghouta on Monday, residents said.",
            "Eastern Ghouta",
            "SYR",
            DAMASCUS,
            30,
        ),
        (
            "Thousands of families arrived at Zaatari camp last winter.",
            "Zaatari",
            "JOR",
            MAFRAQ,
            20,
        ),
        (
            "Police fired tear gas at protesters in Kibera on Wednesday.",
            "Kibera",
            "KEN",
            NAIROBI,
            10,
        ),
        (
            "Houthi fighters seized a cargo ship in the Gulf of Aden.",
            "Gulf of Aden",
            None,
            ADEN,
            400,
        ),
        (
            "Russian warships sailed through the Kerch Strait into the Sea of Azov.",
            "Sea of Azov",
            None,
            MARIUPOL,
            150,
        ),
        (
            "Militants attacked an army post in North Waziristan on Sunday.",
            "North Waziristan",
            "PAK",
            MIRANSHAH,
            30,
        ),
        (
            "Government troops clashed with rebels in the Nuba Mountains.",
            "Nuba Mountains",
            "SDN",
            KADUGLI,
            100,
        ),
        ("The Mosul Dam is at risk of collapse, engineers warned.", "Mosul Dam", "IRQ", MOSUL, 50),
        ("Israeli jets struck Dahiyeh in Lebanon late on Friday.", "Dahiyeh", "LBN", BEIRUT, 10),
        (
            "Women and children are held in al-Hol camp in northeast Syria.",
            "al-Hol",
            "SYR",
            HASAKAH,
            60,
        ),
        (
            "Heavy fighting was reported in Hodeidah in Yemen on Monday.",
            "Hodeidah",
            "YEM",
            (14.80, 42.95),
            10,
        ),
    ],
)
def test_geo_overlay_place_found_in_text(
    parse: Parse,
    gazetteer: Gazetteer,
    text: str,
    mention: str,
    country: str | None,
    near: tuple[float, float],
    km: float,
) -> None:
    assert_found_near(places_in(parse, gazetteer, text), mention, country, near, km)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The kids went to a beach camp in July.",
        "He was treated for GERD last year.",
        "Qandil said the cabinet would resign.",
        "The green zone of the park was closed for repairs.",
        "The soldiers camped at the beach for a week.",
    ],
)
def test_geo_overlay_common_words_are_no_place(
    parse: Parse, gazetteer: Gazetteer, text: str
) -> None:
    assert places_in(parse, gazetteer, text) == ()
