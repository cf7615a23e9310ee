"""Landmarks, venues, airports, streets and squares that news names as places
(data/geo/overlay/landmarks.csv). Sentences are our own."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest

from eventwire.geo import Gazetteer
from eventwire.geo.names import name_key
from eventwire.model import Feature, ParsedText

from .overlay_checks import (
    assert_entry_near,
    assert_found_near,
    entry_with_prefix,
    overlay_rows,
    places_in,
)

Parse = Callable[[str], ParsedText]

# Reference points (the city the landmark is in or beside, from general knowledge), so a wrong
# country or a coordinate typo in the file fails here.
LONDON = (51.51, -0.13)
PARIS = (48.86, 2.35)
BERLIN = (52.52, 13.40)
NEW_YORK = (40.71, -74.01)
WASHINGTON = (38.90, -77.04)
MOSCOW = (55.76, 37.62)
AGRA = (27.18, 78.01)
BEIJING = (39.90, 116.41)
LIVERPOOL = (53.41, -2.98)
CHICAGO = (41.88, -87.63)
ORLANDO = (28.54, -81.38)
THE_HAGUE = (52.08, 4.30)
SEOUL = (37.57, 126.98)
ISTANBUL = (41.01, 28.98)
RIO = (-22.91, -43.17)
SYDNEY = (-33.87, 151.21)
LOS_ANGELES = (34.05, -118.24)
PALM_BEACH = (26.71, -80.04)
FREDERICK = (39.41, -77.41)  # the town nearest Camp David
ROME = (41.90, 12.50)


def landmarks_path() -> Path:
    return Path(str(resources.files("eventwire") / "data" / "geo" / "overlay" / "landmarks.csv"))


def landmark_rows() -> list[dict[str, str]]:
    return overlay_rows(landmarks_path())


def landmark_entry(gazetteer: Gazetteer, name: str) -> int:
    """The landmark entry among the entries of ``name`` (a GeoNames town of the same name may
    come first in the index; the resolver prefers the curated facility)."""
    return entry_with_prefix(gazetteer, name, "overlay:lm.")


# ---- the file ----------------------------------------------------------------------------------


def test_geo_landmarks_file_has_a_header_and_well_formed_place_rows() -> None:
    text = landmarks_path().read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    for field in ("version:", "source:", "license:"):
        assert any(field in line for line in header), field
    rows = landmark_rows()
    assert len(rows) >= 150
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    for row in rows:
        assert row["id"].startswith("lm."), row["id"]
        assert row["kind"] == "place", row["id"]
        assert row["feature"] in {"facility", "region"}, row["id"]
        assert len(row["country"]) == 3 and row["country"].isupper(), row["id"]
        assert not row["target"], row["id"]
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row["id"]


def test_geo_landmarks_names_are_unique_within_the_file() -> None:
    owner: dict[str, str] = {}
    clashes = []
    for row in landmark_rows():
        for name in row["names"].split("|"):
            key = name_key(name)
            if key in owner and owner[key] != row["id"]:
                clashes.append((name, owner[key], row["id"]))
            owner[key] = row["id"]
    assert not clashes


def test_geo_landmarks_ids_are_unique_across_overlay_files() -> None:
    here = {r["id"] for r in landmark_rows()}
    others: set[str] = set()
    overlay_dir = landmarks_path().parent
    for path in [overlay_dir.parent.parent / "gazetteer_overlay.csv", *overlay_dir.glob("*.csv")]:
        if path.name == "landmarks.csv":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                others.add(line.split(",", 1)[0])
    assert not here & others


@pytest.mark.parametrize(
    "name",
    ["United Nations", "European Union", "NATO", "World Bank", "European Commission"],
)
def test_geo_landmarks_hold_no_organisations(name: str) -> None:
    keys = {name_key(n) for r in landmark_rows() for n in r["names"].split("|")}
    assert name_key(name) not in keys


# ---- the gazetteer -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "country", "near", "km"),
    [
        ("Eiffel Tower", "FRA", PARIS, 5),
        ("Élysée Palace", "FRA", PARIS, 5),
        ("Elysee Palace", "FRA", PARIS, 5),
        ("Champs-Elysees", "FRA", PARIS, 5),
        ("Buckingham Palace", "GBR", LONDON, 5),
        ("Houses of Parliament", "GBR", LONDON, 5),
        ("Big Ben", "GBR", LONDON, 5),
        ("Trafalgar Square", "GBR", LONDON, 5),
        ("Wembley Stadium", "GBR", LONDON, 20),
        ("Anfield", "GBR", LIVERPOOL, 6),
        ("Stamford Bridge", "GBR", LONDON, 10),  # the Chelsea ground, not the Yorkshire village
        ("Belmarsh", "GBR", LONDON, 20),
        ("Gatwick", "GBR", LONDON, 50),
        ("Brandenburg Gate", "DEU", BERLIN, 5),
        ("Reichstag", "DEU", BERLIN, 5),
        ("Colosseum", "ITA", ROME, 5),
        ("St Peter's Square", "VAT", ROME, 6),
        ("Peace Palace", "NLD", THE_HAGUE, 5),
        ("Sheremetyevo", "RUS", MOSCOW, 40),
        ("Sabiha Gokcen", "TUR", ISTANBUL, 40),
        ("Taj Mahal", "IND", AGRA, 10),
        ("Forbidden City", "CHN", BEIJING, 5),
        ("Zhongnanhai", "CHN", BEIJING, 5),
        ("Cheong Wa Dae", "KOR", SEOUL, 10),
        ("Sydney Opera House", "AUS", SYDNEY, 5),
        ("Maracanã", "BRA", RIO, 15),  # the stadium, not the town in Pará
        ("Statue of Liberty", "USA", NEW_YORK, 5),
        ("Broadway", "USA", NEW_YORK, 10),
        ("Madison Square Garden", "USA", NEW_YORK, 10),
        ("Oval Office", "USA", WASHINGTON, 3),
        ("Camp David", "USA", FREDERICK, 40),
        ("Mar-a-Lago", "USA", PALM_BEACH, 10),
        ("O'Hare", "USA", CHICAGO, 30),
        ("LAX", "USA", LOS_ANGELES, 30),
        ("Disneyworld", "USA", ORLANDO, 40),
    ],
)
def test_geo_landmark_country_and_position(
    gazetteer: Gazetteer, name: str, country: str, near: tuple[float, float], km: float
) -> None:
    entry = gazetteer.entry(landmark_entry(gazetteer, name))
    assert entry.feature in (Feature.FACILITY, Feature.REGION)
    assert_entry_near(entry, country, near, km)


@pytest.mark.parametrize(
    "word",
    [
        "Wall Street",  # the finance industry, handled by the code
        "Wembley",  # a London district: the GeoNames town is right
        "Twickenham",
        "Wimbledon",
        "Hyde Park",  # London, Chicago, Sydney...
        "Notre Dame",  # the university in Indiana
        "Great Wall",  # the carmaker
        "Blue House",
        "Dulles",  # a person as often as the airport
        "Pearson",
        "Narita",  # the city; the airport only as "Narita Airport"
        "United Nations",
    ],
)
def test_geo_landmarks_leave_ambiguous_bare_names_out(gazetteer: Gazetteer, word: str) -> None:
    idents = [gazetteer.entry(k).ident for k in gazetteer.lookup_key(name_key(word))]
    assert not [i for i in idents if i.startswith("overlay:lm.")], idents


# ---- text --------------------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mention", "country", "near", "km"),
    [
        (
            "Fans queued outside Wembley Stadium for hours before the final.",
            "Wembley Stadium",
            "GBR",
            LONDON,
            20,
        ),
        (
            "Police closed the Champs-Élysées after the victory parade.",
            "Champs-Élysées",
            "FRA",
            PARIS,
            5,
        ),
        (
            "Protesters gathered at the Brandenburg Gate in the evening.",
            "Brandenburg Gate",
            "DEU",
            BERLIN,
            5,
        ),
        ("The president met his advisers in the Oval Office.", "Oval Office", "USA", WASHINGTON, 3),
        (
            "The family spent a week at Disney World last summer.",
            "Disney World",
            "USA",
            ORLANDO,
            40,
        ),
        ("Chelsea lost 2-0 at Stamford Bridge on Saturday.", "Stamford Bridge", "GBR", LONDON, 10),
        ("The musical opened on Broadway last year.", "Broadway", "USA", NEW_YORK, 10),
        ("Travellers were stranded at O'Hare during the storm.", "O'Hare", "USA", CHICAGO, 30),
        (
            "Judges at the Peace Palace heard the case on Monday.",
            "Peace Palace",
            "NLD",
            THE_HAGUE,
            5,
        ),
        ("The two leaders met at Camp David in 1978.", "Camp David", "USA", FREDERICK, 40),
        (
            "Thousands of tourists visited the Taj Mahal in April.",
            "Taj Mahal",
            "IND",
            AGRA,
            10,
        ),
        ("The crowd at the Maracanã cheered.", "Maracanã", "BRA", RIO, 15),
    ],
)
def test_geo_landmark_found_in_text(
    parse: Parse,
    gazetteer: Gazetteer,
    text: str,
    mention: str,
    country: str,
    near: tuple[float, float],
    km: float,
) -> None:
    assert_found_near(places_in(parse, gazetteer, text), mention, country, near, km)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Stocks fell on Wall Street on Friday.",
        "Shares of Great Wall Motor rose on Monday.",
        "Mr Pearson said the plan would fail.",
    ],
)
def test_geo_landmarks_do_not_fire_on_industries_brands_or_people(
    parse: Parse, gazetteer: Gazetteer, text: str
) -> None:
    assert places_in(parse, gazetteer, text) == ()
