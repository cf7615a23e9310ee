"""The themed overlay files in data/geo/overlay/: natural features (rivers, mountains, deserts,
lakes, seas, islands, valleys) and universities or research institutes. Sentences are our own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.geo import Gazetteer, geoparse
from eventwire.geo.names import name_key
from eventwire.geo.overlay import packaged_overlays
from eventwire.model import ParsedText, Place

from .overlay_checks import (
    assert_entry_near,
    assert_found_near,
    entry_with_prefix,
    hidden_towns,
    overlay_rows,
    place_by_rule,
)

Parse = Callable[[str], ParsedText]

THEMES = {"natural.csv": "nat.", "rivers.csv": "river.", "universities.csv": "uni."}

# Reference points from general knowledge (a city on or beside the feature), so that a wrong
# country or a coordinate typo in a themed file fails here.
BUDAPEST = (47.50, 19.04)
CAIRO = (30.04, 31.24)
BAGHDAD = (33.31, 44.36)
KATHMANDU = (27.72, 85.32)
ARUSHA = (-3.37, 36.68)
KAMPALA = (0.35, 32.58)
TIBERIAS = (32.79, 35.53)
IRKUTSK = (52.29, 104.28)
BASRA = (30.51, 47.78)
LA_PAZ = (-16.50, -68.15)
GENEVA = (46.20, 6.14)
PADANG = (-0.95, 100.35)
MANILA = (14.60, 120.98)
BEIJING = (39.90, 116.40)
BOSTON = (42.36, -71.06)
LONDON = (51.51, -0.13)
BEIRUT = (33.89, 35.50)
RAMALLAH = (31.90, 35.20)
KABUL = (34.53, 69.17)
CAPE_TOWN = (-33.92, 18.42)
TOKYO = (35.68, 139.69)
ZURICH = (47.38, 8.54)
MELBOURNE = (-37.81, 144.96)
TEHRAN = (35.69, 51.39)
PRINCETON = (40.35, -74.66)
IZMAIL = (45.35, 28.84)


def themed(name: str) -> Path:
    path = next((p for p in packaged_overlays() if p.name == name), None)
    assert path is not None, f"{name} is not among the packaged overlays"
    return path


def header(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]


def rows(path: Path) -> list[dict[str, str]]:
    return overlay_rows(path)


def first_entry(gazetteer: Gazetteer, name: str) -> int:
    keys = gazetteer.lookup_key(name_key(name))
    assert keys, f"{name!r} is not in the gazetteer"
    return keys[0]


def themed_entry(gazetteer: Gazetteer, name: str) -> int:
    """The themed entry a name is indexed under (a same-name village may come first: the
    resolver, not the index order, prefers the overlay place)."""
    return entry_with_prefix(gazetteer, name, "overlay:nat.", "overlay:river.", "overlay:uni.")


def themed_idents(places: tuple[Place, ...], prefix: str) -> list[str]:
    return [r for p in places for r in p.rules if r.startswith(f"overlay:{prefix}")]


# ---- the files -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(THEMES))
def test_geo_themes_file_has_a_header_and_place_rows_only(name: str) -> None:
    path = themed(name)
    lines = header(path)
    for field in ("version", "source", "license"):
        assert any(line.startswith(f"# {field}:") for line in lines), (name, field)
    table = rows(path)
    assert len(table) >= 50
    for row in table:
        assert row["id"].startswith(THEMES[name]), row["id"]
        assert row["kind"] == "place", row["id"]
        assert not row["target"], row["id"]
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row["id"]
        assert row["feature"] in (
            {"facility"} if name == "universities.csv" else {"region", "other"}
        )


def test_geo_themes_ids_and_names_are_unique_across_all_overlays() -> None:
    ids: dict[str, str] = {}
    names: dict[str, str] = {}
    clashes = []
    for path in packaged_overlays():
        for row in rows(path):
            if row["id"] in ids:
                clashes.append(("id", row["id"], path.name, ids[row["id"]]))
            ids[row["id"]] = path.name
            if row["kind"] != "place":
                continue
            for name in row["names"].split("|"):
                key = name_key(name)
                if key in names and names[key] != row["id"]:
                    clashes.append(("name", name, row["id"], names[key]))
                names.setdefault(key, row["id"])
    assert not clashes


@pytest.mark.parametrize("name", sorted(THEMES))
def test_geo_themes_countries_are_known(gazetteer: Gazetteer, name: str) -> None:
    unknown = [
        (r["id"], r["country"])
        for r in rows(themed(name))
        if r["country"] and gazetteer.country(r["country"]) is None
    ]
    assert not unknown


@pytest.mark.parametrize("name", sorted(THEMES))
def test_geo_themes_do_not_hide_a_town_elsewhere(gazetteer: Gazetteer, name: str) -> None:
    """No themed name is also the main name of a GeoNames town of 5,000+ people far from the
    feature ("Thames" in New Zealand, "Black Forest" in Colorado): the overlay entry would
    outrank the town everywhere."""
    assert not hidden_towns(gazetteer, rows(themed(name)), set())


# ---- the gazetteer ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "country", "near", "km"),
    [
        ("Danube", None, BUDAPEST, 300),
        ("Nile", None, CAIRO, 500),
        ("Tigris", "IRQ", BAGHDAD, 150),
        ("Mount Everest", "NPL", KATHMANDU, 200),
        ("Mount Kilimanjaro", "TZA", ARUSHA, 100),
        ("Lake Victoria", None, KAMPALA, 200),
        ("Sea of Galilee", "ISR", TIBERIAS, 20),
        ("Lake Baikal", "RUS", IRKUTSK, 300),
        ("Shatt al-Arab", None, BASRA, 80),
        ("Lake Titicaca", None, LA_PAZ, 150),
        ("Lac Léman", None, GENEVA, 60),
        ("Sumatra", "IDN", PADANG, 300),
        ("Luzon", "PHL", MANILA, 250),
        ("Tsinghua University", "CHN", BEIJING, 30),
        ("Massachusetts Institute of Technology", "USA", BOSTON, 10),
        ("London School of Economics", "GBR", LONDON, 5),
        ("American University of Beirut", "LBN", BEIRUT, 5),
        ("Birzeit University", "PSE", RAMALLAH, 15),
        ("Kabul University", "AFG", KABUL, 10),
        ("University of Cape Town", "ZAF", CAPE_TOWN, 10),
        ("University of Tokyo", "JPN", TOKYO, 15),
        ("ETH Zurich", "CHE", ZURICH, 5),
        ("University of Melbourne", "AUS", MELBOURNE, 5),
        ("University of Tehran", "IRN", TEHRAN, 10),
        ("Princeton University", "USA", PRINCETON, 5),
    ],
)
def test_geo_themes_place_country_and_position(
    gazetteer: Gazetteer, name: str, country: str | None, near: tuple[float, float], km: float
) -> None:
    assert_entry_near(gazetteer.entry(themed_entry(gazetteer, name)), country, near, km)


@pytest.mark.parametrize(
    "word",
    # a company, a country, a US state, a name, a team, towns that have their own universities
    ["Amazon", "Jordan", "Georgia", "Victoria", "Rockies", "Niger", "Congo", "Mississippi"]
    + ["Kilimanjaro", "Limpopo", "Berkeley", "Princeton", "Oxford", "Cambridge", "Harvard"],
)
def test_geo_themes_leave_ambiguous_bare_words_out(gazetteer: Gazetteer, word: str) -> None:
    idents = [gazetteer.entry(k).ident for k in gazetteer.lookup_key(name_key(word))]
    assert not [
        i for i in idents if i.startswith(("overlay:nat.", "overlay:river.", "overlay:uni."))
    ], idents


@pytest.mark.parametrize(
    ("name", "ident"),
    [
        ("Sicily", "admin1:IT.15"),  # an island that is a first-level division stays one
        ("Canary Islands", "admin1:ES.53"),
        ("Oxford", "geonames:2640729"),  # the city, not the university
    ],
)
def test_geo_themes_keep_known_places_first(gazetteer: Gazetteer, name: str, ident: str) -> None:
    assert gazetteer.entry(first_entry(gazetteer, name)).ident == ident


# ---- text ------------------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mention", "ident", "near", "km"),
    [
        (
            "Floods along the Danube River forced thousands of people from their homes.",
            "Danube River",
            "overlay:river.danube",
            BUDAPEST,
            300,
        ),
        (
            "Two climbers died on Mount Everest this week, officials said.",
            "Mount Everest",
            "overlay:nat.everest",
            KATHMANDU,
            200,
        ),
        (
            "Fishermen on Lake Victoria reported a sharp fall in their catch.",
            "Lake Victoria",
            "overlay:nat.lake-victoria",
            KAMPALA,
            200,
        ),
        (
            "A typhoon slammed into Luzon on Sunday, cutting power to millions.",
            "Luzon",
            "overlay:nat.luzon",  # the island, not the village of Luzon in Davao
            MANILA,
            250,
        ),
        (
            "Drone strikes hit grain ports on the Danube Delta overnight.",
            "Danube Delta",
            "overlay:nat.danube-delta",
            IZMAIL,
            80,
        ),
        (
            "A professor at Tsinghua University said the tariffs would hurt exports.",
            "Tsinghua University",
            "overlay:uni.tsinghua",
            BEIJING,
            30,
        ),
        (
            "Students at Birzeit University held a rally on Monday.",
            "Birzeit University",
            "overlay:uni.birzeit",
            RAMALLAH,
            15,
        ),
    ],
)
def test_geo_themes_resolve_in_text(
    parse: Parse,
    gazetteer: Gazetteer,
    text: str,
    mention: str,
    ident: str,
    near: tuple[float, float],
    km: float,
) -> None:
    place = place_by_rule(parse, gazetteer, text, mention, ident)
    assert_found_near((place,), mention, place.country, near, km)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Amazon shares rose 3 percent after the company reported strong sales.",
        "The Colorado Rockies beat the Dodgers 5-3 on Sunday night.",
        "Patagonia said on Tuesday it would give its profits to climate groups.",
        "Michael Jordan and Victoria Beckham attended the gala.",
    ],
)
def test_geo_themes_leave_companies_teams_and_people_alone(
    parse: Parse, gazetteer: Gazetteer, text: str
) -> None:
    places = geoparse(parse(text), gazetteer)
    assert not themed_idents(places, "nat."), places
