"""The themed overlay of sub-national and vernacular regions (data/geo/overlay/regions.csv):
English regions and counties, Ontario regional municipalities, US, Australian, South African,
Indian and European regions. Reference points and sentences are our own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.geo import Gazetteer, resolve_spans
from eventwire.geo.names import name_key
from eventwire.model import ParsedText

from .overlay_checks import (
    assert_found_near,
    assert_region_rows,
    assert_row_near,
    hidden_towns,
    names_in_other_overlays,
    overlay_idents,
    overlay_rows,
    place_by_rule,
    places_in,
    themed_file,
    unknown_countries,
)

Parse = Callable[[str], ParsedText]

FILE = "regions.csv"
PREFIX = "area."

# Reference points from general knowledge: a city inside (or at the heart of) each region.
NEWCASTLE = (54.98, -1.61)
BEDFORD = (52.14, -0.47)
READING = (51.45, -0.97)
BRIGHTON = (50.82, -0.14)
MANCHESTER = (53.48, -2.24)
LEEDS = (53.80, -1.55)
NOTTINGHAM = (52.95, -1.15)
BIRMINGHAM = (52.48, -1.90)
CAMBRIDGE = (52.21, 0.12)
LONDON = (51.51, -0.13)
EXETER = (50.72, -3.53)
LIVERPOOL = (53.41, -2.98)
SHEFFIELD = (53.38, -1.47)
NORWICH = (52.63, 1.30)
MIDDLESBROUGH = (54.58, -1.23)
SUNDERLAND = (54.91, -1.38)
HULL = (53.74, -0.33)
WOLVERHAMPTON = (52.59, -2.13)
CARDIFF = (51.48, -3.18)
BANGOR = (53.23, -4.13)
ABERYSTWYTH = (52.41, -4.08)
CARMARTHEN = (51.86, -4.31)
GLASGOW = (55.86, -4.25)
BALLYMENA = (54.86, -6.28)
DOWNPATRICK = (54.33, -5.72)
ARMAGH = (54.35, -6.65)
OMAGH = (54.60, -7.30)
DERRY = (55.00, -7.32)
ENNISKILLEN = (54.34, -7.64)
BRAMPTON = (43.68, -79.76)
NEWMARKET = (44.05, -79.46)
OSHAWA = (43.90, -78.86)
OAKVILLE = (43.45, -79.68)
KITCHENER = (43.45, -80.49)
ST_CATHARINES = (43.16, -79.24)
TORONTO = (43.65, -79.38)
VANCOUVER = (49.28, -123.12)
ABBOTSFORD = (49.05, -122.31)
KELOWNA = (49.89, -119.50)
HALIFAX = (44.65, -63.57)
MONCTON = (46.09, -64.78)
SASKATOON = (52.13, -106.67)
SHERBROOKE = (45.40, -71.89)
HUNTSVILLE_ONTARIO = (45.33, -79.22)
GASPE = (48.83, -64.48)
SEATTLE = (47.61, -122.33)
NEW_YORK = (40.71, -74.01)
JACKSON_MISSISSIPPI = (32.30, -90.18)
NEW_ORLEANS = (29.95, -90.07)
RIVERSIDE = (33.95, -117.40)
NORFOLK = (36.85, -76.29)
MINNEAPOLIS = (44.98, -93.27)
RALEIGH = (35.78, -78.64)
SYRACUSE = (43.05, -76.15)
ALLENTOWN = (40.60, -75.49)
YOUNGSTOWN = (41.10, -80.65)
FRESNO = (36.74, -119.79)
PALM_SPRINGS = (33.83, -116.55)
EL_CENTRO = (32.79, -115.56)
LOS_ANGELES = (34.05, -118.24)
SACRAMENTO = (38.58, -121.49)
CHARLESTON = (32.78, -79.93)
PANAMA_CITY_FLORIDA = (30.16, -85.66)
AMARILLO = (35.22, -101.83)
AUSTIN = (30.27, -97.74)
MIDLAND_TEXAS = (32.00, -102.08)
CLEVELAND = (41.50, -81.69)
DALLAS = (32.78, -96.80)
BIRMINGHAM_ALABAMA = (33.52, -86.80)
DES_MOINES = (41.59, -93.62)
SALT_LAKE_CITY = (40.76, -111.89)
ALBUQUERQUE = (35.08, -106.65)
BALTIMORE = (39.29, -76.61)
SALISBURY_MARYLAND = (38.36, -75.60)
CAMDEN = (39.93, -75.12)
NEWARK = (40.74, -74.17)
TOMS_RIVER = (39.95, -74.20)
MARQUETTE = (46.55, -87.40)
DETROIT = (42.33, -83.05)
CHICAGO = (41.88, -87.63)
NEWCASTLE_NSW = (-32.93, 151.78)
DARWIN = (-12.46, 130.84)
CAIRNS = (-16.92, 145.77)
BRISBANE = (-27.47, 153.03)
LISMORE = (-28.81, 153.28)
WOLLONGONG = (-34.42, 150.89)
WAGGA_WAGGA = (-35.12, 147.37)
PORT_HEDLAND = (-20.31, 118.61)
SALE_VICTORIA = (-38.11, 147.07)
KRUGERSDORP = (-26.10, 27.77)
BENONI = (-26.19, 28.32)
VEREENIGING = (-26.67, 27.93)
JOHANNESBURG = (-26.20, 28.05)
GEORGE = (-33.96, 22.46)
ULUNDI = (-28.33, 31.42)
MTHATHA = (-31.59, 28.78)
RATNAGIRI = (16.99, 73.31)
NAGPUR = (21.15, 79.09)
AURANGABAD = (19.88, 75.34)
JHANSI = (25.45, 78.57)
RAJKOT = (22.30, 70.80)
KURNOOL = (15.83, 78.04)
VARANASI = (25.32, 82.97)
LUCKNOW = (26.85, 80.95)
DARBHANGA = (26.15, 85.90)
GUWAHATI = (26.14, 91.74)
BIRGUNJ = (27.01, 84.88)
ESSEN = (51.46, 7.01)
BONN = (50.74, 7.10)
CLUJ = (46.77, 23.59)
BUCHAREST = (44.43, 26.10)
CHISINAU = (47.01, 28.86)
IZMAIL = (45.35, 28.84)
CHERNIVTSI = (48.29, 25.94)
LUTSK = (50.75, 25.34)
KRASNODAR = (45.04, 38.98)
OLSZTYN = (53.78, 20.49)
BRNO = (49.20, 16.61)
SPLIT = (43.51, 16.44)
EDIRNE = (41.68, 26.56)
UDINE = (46.06, 13.24)
MARSEILLE = (43.30, 5.37)
STRASBOURG = (48.58, 7.75)
DIJON = (47.32, 5.04)
NICE = (43.70, 7.27)
MALAGA = (36.72, -4.42)

Point = tuple[float, float]

# id -> (country, reference city, km): every row of the file has one, so a new row needs one
# too, and a wrong country or a coordinate typo (a dropped minus sign) fails here
REFERENCE: dict[str, tuple[str | None, Point, float]] = {
    "area.north-east-england": ("GBR", NEWCASTLE, 50),
    "area.north-west-england": ("GBR", MANCHESTER, 80),
    "area.yorkshire-humber": ("GBR", LEEDS, 60),
    "area.yorkshire": ("GBR", LEEDS, 60),
    "area.east-midlands": ("GBR", NOTTINGHAM, 40),
    "area.west-midlands": ("GBR", BIRMINGHAM, 20),
    "area.east-of-england": ("GBR", CAMBRIDGE, 60),
    "area.south-east-england": ("GBR", LONDON, 60),
    "area.south-west-england": ("GBR", EXETER, 60),
    "area.merseyside": ("GBR", LIVERPOOL, 20),
    "area.tyne-and-wear": ("GBR", NEWCASTLE, 15),
    "area.south-yorkshire": ("GBR", SHEFFIELD, 25),
    "area.west-yorkshire": ("GBR", LEEDS, 20),
    "area.east-anglia": ("GBR", NORWICH, 50),
    "area.west-country": ("GBR", EXETER, 50),
    "area.home-counties": ("GBR", LONDON, 40),
    "area.tyneside": ("GBR", NEWCASTLE, 10),
    "area.teesside": ("GBR", MIDDLESBROUGH, 10),
    "area.wearside": ("GBR", SUNDERLAND, 10),
    "area.humberside": ("GBR", HULL, 30),
    "area.black-country": ("GBR", WOLVERHAMPTON, 15),
    "area.south-wales": ("GBR", CARDIFF, 40),
    "area.north-wales": ("GBR", BANGOR, 50),
    "area.mid-wales": ("GBR", ABERYSTWYTH, 60),
    "area.west-wales": ("GBR", CARMARTHEN, 40),
    "area.central-belt": ("GBR", GLASGOW, 50),
    "area.county-antrim": ("GBR", BALLYMENA, 20),
    "area.county-down": ("GBR", DOWNPATRICK, 20),
    "area.county-armagh": ("GBR", ARMAGH, 15),
    "area.county-tyrone": ("GBR", OMAGH, 25),
    "area.county-londonderry": ("GBR", DERRY, 40),
    "area.county-fermanagh": ("GBR", ENNISKILLEN, 15),
    "area.peel-region": ("CAN", BRAMPTON, 20),
    "area.york-region": ("CAN", NEWMARKET, 20),
    "area.durham-region": ("CAN", OSHAWA, 25),
    "area.halton-region": ("CAN", OAKVILLE, 25),
    "area.waterloo-region": ("CAN", KITCHENER, 15),
    "area.niagara-region": ("CAN", ST_CATHARINES, 25),
    "area.golden-horseshoe": ("CAN", TORONTO, 50),
    "area.southern-ontario": ("CAN", TORONTO, 100),
    "area.lower-mainland": ("CAN", VANCOUVER, 60),
    "area.metro-vancouver": ("CAN", VANCOUVER, 20),
    "area.fraser-valley": ("CAN", ABBOTSFORD, 30),
    "area.okanagan": ("CAN", KELOWNA, 30),
    "area.atlantic-canada": ("CAN", HALIFAX, 250),
    "area.maritimes": ("CAN", MONCTON, 100),
    "area.prairies": ("CAN", SASKATOON, 150),
    "area.eastern-townships": ("CAN", SHERBROOKE, 30),
    "area.muskoka": ("CAN", HUNTSVILLE_ONTARIO, 40),
    "area.gaspe-peninsula": ("CAN", GASPE, 100),
    "area.pacific-northwest": ("USA", SEATTLE, 250),
    "area.tri-state-area": ("USA", NEW_YORK, 30),
    "area.deep-south": ("USA", JACKSON_MISSISSIPPI, 250),
    "area.gulf-coast": ("USA", NEW_ORLEANS, 100),
    "area.inland-empire": ("USA", RIVERSIDE, 25),
    "area.hampton-roads": ("USA", NORFOLK, 20),
    "area.twin-cities": ("USA", MINNEAPOLIS, 15),
    "area.research-triangle": ("USA", RALEIGH, 30),
    "area.upstate-new-york": ("USA", SYRACUSE, 100),
    "area.lehigh-valley": ("USA", ALLENTOWN, 15),
    "area.mahoning-valley": ("USA", YOUNGSTOWN, 15),
    "area.central-valley": ("USA", FRESNO, 100),
    "area.san-joaquin-valley": ("USA", FRESNO, 40),
    "area.coachella-valley": ("USA", PALM_SPRINGS, 30),
    "area.imperial-valley": ("USA", EL_CENTRO, 20),
    "area.southern-california": ("USA", LOS_ANGELES, 80),
    "area.northern-california": ("USA", SACRAMENTO, 80),
    "area.lowcountry": ("USA", CHARLESTON, 60),
    "area.florida-panhandle": ("USA", PANAMA_CITY_FLORIDA, 60),
    "area.texas-panhandle": ("USA", AMARILLO, 50),
    "area.texas-hill-country": ("USA", AUSTIN, 120),
    "area.permian-basin": ("USA", MIDLAND_TEXAS, 60),
    "area.rust-belt": ("USA", CLEVELAND, 150),
    "area.sun-belt": ("USA", DALLAS, 300),
    "area.bible-belt": ("USA", BIRMINGHAM_ALABAMA, 150),
    "area.corn-belt": ("USA", DES_MOINES, 200),
    "area.mountain-west": ("USA", SALT_LAKE_CITY, 250),
    "area.american-southwest": ("USA", ALBUQUERQUE, 250),
    "area.mid-atlantic": ("USA", BALTIMORE, 60),
    "area.delmarva": ("USA", SALISBURY_MARYLAND, 40),
    "area.south-jersey": ("USA", CAMDEN, 50),
    "area.north-jersey": ("USA", NEWARK, 25),
    "area.jersey-shore": ("USA", TOMS_RIVER, 20),
    "area.upper-peninsula": ("USA", MARQUETTE, 60),
    "area.metro-detroit": ("USA", DETROIT, 25),
    "area.chicagoland": ("USA", CHICAGO, 30),
    "area.hunter-region": ("AUS", NEWCASTLE_NSW, 70),
    "area.top-end": ("AUS", DARWIN, 250),
    "area.far-north-queensland": ("AUS", CAIRNS, 150),
    "area.south-east-queensland": ("AUS", BRISBANE, 30),
    "area.northern-rivers": ("AUS", LISMORE, 20),
    "area.illawarra": ("AUS", WOLLONGONG, 20),
    "area.riverina": ("AUS", WAGGA_WAGGA, 150),
    "area.pilbara": ("AUS", PORT_HEDLAND, 200),
    "area.gippsland": ("AUS", SALE_VICTORIA, 50),
    "area.west-rand": ("ZAF", KRUGERSDORP, 15),
    "area.east-rand": ("ZAF", BENONI, 15),
    "area.vaal-triangle": ("ZAF", VEREENIGING, 15),
    "area.witwatersrand": ("ZAF", JOHANNESBURG, 20),
    "area.garden-route": ("ZAF", GEORGE, 50),
    "area.zululand": ("ZAF", ULUNDI, 50),
    "area.transkei": ("ZAF", MTHATHA, 30),
    "area.konkan": ("IND", RATNAGIRI, 80),
    "area.vidarbha": ("IND", NAGPUR, 100),
    "area.marathwada": ("IND", AURANGABAD, 150),
    "area.bundelkhand": ("IND", JHANSI, 100),
    "area.saurashtra": ("IND", RAJKOT, 70),
    "area.rayalaseema": ("IND", KURNOOL, 150),
    "area.purvanchal": ("IND", VARANASI, 120),
    "area.awadh": ("IND", LUCKNOW, 80),
    "area.mithila": ("IND", DARBHANGA, 30),
    "area.northeast-india": ("IND", GUWAHATI, 200),
    "area.terai": ("NPL", BIRGUNJ, 30),
    "area.ruhr": ("DEU", ESSEN, 20),
    "area.rhineland": ("DEU", BONN, 30),
    "area.transylvania": ("ROU", CLUJ, 80),
    "area.wallachia": ("ROU", BUCHAREST, 80),
    "area.bessarabia": (None, CHISINAU, 40),
    "area.budjak": ("UKR", IZMAIL, 100),
    "area.bukovina": (None, CHERNIVTSI, 50),
    "area.volhynia": ("UKR", LUTSK, 20),
    "area.kuban": ("RUS", KRASNODAR, 20),
    "area.masuria": ("POL", OLSZTYN, 70),
    "area.moravia": ("CZE", BRNO, 50),
    "area.dalmatia": ("HRV", SPLIT, 20),
    "area.thrace": (None, EDIRNE, 60),
    "area.friuli": ("ITA", UDINE, 20),
    "area.provence": ("FRA", MARSEILLE, 70),
    "area.alsace": ("FRA", STRASBOURG, 40),
    "area.burgundy": ("FRA", DIJON, 60),
    "area.french-riviera": ("FRA", NICE, 25),
    "area.costa-del-sol": ("ESP", MALAGA, 30),
    "area.bedfordshire": ("GBR", BEDFORD, 20),
    "area.berkshire": ("GBR", READING, 20),
    "area.sussex": ("GBR", BRIGHTON, 40),
}

# A name that is also the main name of a town of 5,000+ people far away: the region outranks
# the town everywhere, so each one is a decision, recorded here with its reason.
TOWN_CLASHES_ACCEPTED = {
    # Yorkshire, Virginia (7,500 people): news means the English county far more often
    ("area.yorkshire", "yorkshire"),
    # Sussex, New Brunswick and Sussex, New Jersey (a few thousand each): the English county
    # (and the ducal title) is what news names
    ("area.sussex", "sussex"),
}


def regions_file() -> Path:
    return themed_file(FILE)


def rows() -> list[dict[str, str]]:
    return overlay_rows(regions_file())


def area_idents(gazetteer: Gazetteer, name: str) -> list[str]:
    return overlay_idents(gazetteer, name, PREFIX)


# ---- the file --------------------------------------------------------------------------------


def test_geo_regions_file_has_a_header_and_region_rows() -> None:
    assert_region_rows(regions_file(), PREFIX, range(80, 201))


def test_geo_regions_loads_into_the_gazetteer(gazetteer: Gazetteer) -> None:
    for row in rows():
        name = row["names"].split("|")[0]
        assert f"overlay:{row['id']}" in area_idents(gazetteer, name), row["id"]


def test_geo_regions_names_are_not_places_of_another_overlay() -> None:
    assert not names_in_other_overlays(regions_file())


def test_geo_regions_countries_are_known(gazetteer: Gazetteer) -> None:
    assert not unknown_countries(gazetteer, rows())


def test_geo_regions_every_row_has_a_reference_point() -> None:
    assert {r["id"] for r in rows()} == set(REFERENCE)


@pytest.mark.parametrize("ident", sorted(REFERENCE))
def test_geo_regions_row_lies_near_its_reference_city(ident: str) -> None:
    assert_row_near(rows(), ident, REFERENCE[ident])


def test_geo_regions_do_not_hide_a_town_elsewhere(gazetteer: Gazetteer) -> None:
    """No region name is the main name of a town of 5,000+ people more than 150 km away
    ("Peel" on the Isle of Man, "Halton" in Cheshire), unless the clash is accepted above."""
    assert not hidden_towns(gazetteer, rows(), TOWN_CLASHES_ACCEPTED)


# ---- the gazetteer ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word",
    # towns elsewhere (Peel on the Isle of Man, Halton in Cheshire, Durham, York, Waterloo),
    # directions in other countries' news, Zimbabwe's Midlands province, a company (Randstad),
    # a video game (GTA), ambiguous historic regions (Galicia, Moldavia, Banat, Bohemia)
    ["Peel", "Halton", "Durham", "York", "Waterloo", "Niagara", "Midlands", "North West"]
    + ["South East", "North East", "South West", "GTA", "Randstad", "Galicia", "Moldavia"]
    + ["Banat", "Bohemia", "Hamptons", "Four Corners", "Kimberley", "Malabar", "Outback"],
)
def test_geo_regions_leave_ambiguous_bare_words_out(gazetteer: Gazetteer, word: str) -> None:
    assert not area_idents(gazetteer, word)


@pytest.mark.parametrize(
    ("name", "ident"),
    [
        ("Peel", "geonames:3042198"),  # the Isle of Man town stays the only "Peel"
        ("Flanders", "admin1:BE.VLG"),  # formal divisions the gazetteer has are not shadowed
        ("Basque Country", "admin1:ES.59"),
        ("Lancashire", "admin2:GB.ENG.Lancashire"),
    ],
)
def test_geo_regions_keep_known_places_first(gazetteer: Gazetteer, name: str, ident: str) -> None:
    keys = gazetteer.lookup_key(name_key(name))
    assert keys and gazetteer.entry(keys[0]).ident == ident


# ---- text ------------------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mention", "ident", "near", "km"),
    [
        (
            "Ambulances from the East of England service were sent to the crash.",
            "East of England",
            "overlay:area.east-of-england",
            CAMBRIDGE,
            60,
        ),
        (
            "Storms knocked out power across the West Midlands on Tuesday.",
            "West Midlands",  # not Zimbabwe's Midlands province
            "overlay:area.west-midlands",
            BIRMINGHAM,
            20,
        ),
        (
            "Hospitals across North Wales cancelled operations because of the strike.",
            "North Wales",  # not the borough of North Wales, Pennsylvania
            "overlay:area.north-wales",
            BANGOR,
            50,
        ),
        (
            "Police in York Region arrested three people after a string of car thefts.",
            "York Region",
            "overlay:area.york-region",
            NEWMARKET,
            20,
        ),
        (
            "Residents of Durham Region were told to boil their water.",
            "Durham Region",
            "overlay:area.durham-region",
            OSHAWA,
            25,
        ),
        (
            "Firefighters battled a wildfire in Southern California overnight.",
            "Southern California",
            "overlay:area.southern-california",
            LOS_ANGELES,
            80,
        ),
        (
            "Protesters marched through South Jersey on Saturday.",
            "South Jersey",  # not the island of Jersey
            "overlay:area.south-jersey",
            CAMDEN,
            50,
        ),
        (
            "Heavy rain flooded towns in the Northern Rivers region of New South Wales.",
            "Northern Rivers",  # not Rivers State, Nigeria
            "overlay:area.northern-rivers",
            LISMORE,
            20,
        ),
        (
            "Gold miners on the West Rand went on strike over pay.",
            "West Rand",
            "overlay:area.west-rand",
            KRUGERSDORP,
            15,
        ),
        (
            "Farmers in Vidarbha have been hit hard by drought this year.",
            "Vidarbha",
            "overlay:area.vidarbha",
            NAGPUR,
            100,
        ),
        (
            "Ethnic Hungarians in Transylvania rallied in Cluj on Sunday.",
            "Transylvania",
            "overlay:area.transylvania",
            CLUJ,
            80,
        ),
    ],
)
def test_geo_regions_resolve_in_text(
    parse: Parse,
    gazetteer: Gazetteer,
    text: str,
    mention: str,
    ident: str,
    near: Point,
    km: float,
) -> None:
    place = place_by_rule(parse, gazetteer, text, mention, ident)
    assert_found_near((place,), mention, place.country, near, km)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mention", "ident"),
    [
        # bare "Peel" is left out: the Isle of Man town keeps its name
        ("A man from Peel on the Isle of Man was charged with fraud.", "Peel", "geonames:3042198"),
        # "Midlands province" in a Zimbabwe story stays Zimbabwe's
        (
            "Officials in Zimbabwe's Midlands province said the mine had reopened.",
            "Midlands province",
            "admin1:ZW.02",
        ),
        ("He grew up in York, a city in the north of England.", "York", "geonames:2633352"),
    ],
)
def test_geo_regions_leave_same_name_towns_alone(
    parse: Parse, gazetteer: Gazetteer, text: str, mention: str, ident: str
) -> None:
    place_by_rule(parse, gazetteer, text, mention, ident)


@pytest.mark.model
def test_geo_regions_a_police_force_named_for_a_region(parse: Parse, gazetteer: Gazetteer) -> None:
    """Only "Peel Region" and "Region of Peel" are listed; "Peel" before "Regional" names
    that region (``region_words`` in the geo lexicon), not the Isle of Man town, and the
    town the sentence names is still found."""
    places = places_in(parse, gazetteer, "Peel Regional Police said a man was shot in Brampton.")
    peel = [p for p in places if p.mention == "Peel"]
    assert peel and f"overlay:{PREFIX}peel-region" in peel[0].rules, places
    assert_found_near(places, "Brampton", "CAN", BRAMPTON, 10)


def test_geo_regions_a_given_span_before_regional(parse: Parse, gazetteer: Gazetteer) -> None:
    text = "Peel Regional Police said a man was shot in Brampton. Peel is busy."
    first, second = resolve_spans(text, [(0, 4), (54, 58)], gazetteer, parse(text))
    assert f"overlay:{PREFIX}peel-region" in first.rules, first
    # without "Regional" after it, bare "Peel" keeps its own reading
    assert f"overlay:{PREFIX}peel-region" not in second.rules, second
