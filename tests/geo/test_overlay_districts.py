"""The themed overlay of urban districts, townships, slums, new towns and neighbourhoods
(data/geo/overlay/districts.csv): Cape Town and Gauteng townships, Nairobi, Lagos, Kinshasa,
Cairo, Baghdad, Beirut, Damascus, Gaza, Kabul, Karachi, Mumbai, Delhi, Dhaka, Rio and other
city districts news names. Reference points and sentences are our own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.geo import Gazetteer
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

FILE = "districts.csv"
PREFIX = "urb."

# Reference points from general knowledge: the centre of the city each district belongs to.
CAPE_TOWN = (-33.92, 18.42)
JOHANNESBURG = (-26.20, 28.05)
PRETORIA = (-25.75, 28.19)
DURBAN = (-29.86, 31.03)
NAIROBI = (-1.29, 36.82)
MOMBASA = (-4.04, 39.67)
LAGOS = (6.46, 3.39)
ABUJA = (9.06, 7.50)
KINSHASA = (-4.32, 15.31)
CAIRO = (30.04, 31.24)
BAGHDAD = (33.31, 44.37)
BEIRUT = (33.89, 35.50)
TRIPOLI_LEBANON = (34.44, 35.85)
DAMASCUS = (33.51, 36.29)
ALEPPO = (36.20, 37.13)
HOMS = (34.73, 36.71)
DARAA = (32.62, 36.10)
GAZA_CITY = (31.50, 34.47)
RAFAH = (31.30, 34.24)
JERUSALEM = (31.78, 35.23)
HEBRON = (31.53, 35.09)
KABUL = (34.53, 69.17)
KARACHI = (24.86, 67.01)
LAHORE = (31.55, 74.34)
PESHAWAR = (34.01, 71.58)
QUETTA = (30.18, 67.00)
MUMBAI = (18.96, 72.82)
DELHI = (28.63, 77.22)
BENGALURU = (12.97, 77.59)
HYDERABAD = (17.39, 78.49)
DHAKA = (23.81, 90.41)
MANILA = (14.60, 120.98)
JAKARTA = (-6.20, 106.82)
YANGON = (16.80, 96.16)
KATHMANDU = (27.71, 85.32)
BANGKOK = (13.75, 100.50)
KUALA_LUMPUR = (3.14, 101.69)
SEOUL = (37.57, 126.98)
RIO = (-22.91, -43.17)
SAO_PAULO = (-23.55, -46.63)
PORT_AU_PRINCE = (18.54, -72.34)
MEXICO_CITY = (19.43, -99.13)
MEDELLIN = (6.25, -75.57)
KINGSTON = (17.97, -76.79)
BUENOS_AIRES = (-34.60, -58.38)
TEGUCIGALPA = (14.07, -87.19)
PARIS = (48.86, 2.35)
TOULOUSE = (43.60, 1.44)
MARSEILLE = (43.30, 5.37)
MANTES = (48.99, 1.72)
BRUSSELS = (50.85, 4.35)
STOCKHOLM = (59.33, 18.07)
MALMO = (55.60, 13.00)
COPENHAGEN = (55.68, 12.57)
ROME = (41.90, 12.50)
ATHENS = (37.98, 23.73)
MADRID = (40.42, -3.70)
AMSTERDAM = (52.37, 4.90)
BELFAST = (54.60, -5.93)
DERRY = (55.00, -7.32)
MANCHESTER = (53.48, -2.24)
LEEDS = (53.80, -1.55)
LONDON = (51.51, -0.13)
KYIV = (50.45, 30.52)
MOSCOW = (55.76, 37.62)
HARARE = (-17.83, 31.05)
KAMPALA = (0.32, 32.58)
ACCRA = (5.56, -0.20)
DAKAR = (14.69, -17.44)
ALGIERS = (36.75, 3.06)
TRIPOLI = (32.89, 13.19)
MOGADISHU = (2.04, 45.34)
ADEN = (12.78, 45.03)
KHARTOUM = (15.59, 32.53)
TEHRAN = (35.69, 51.39)
LOS_ANGELES = (34.05, -118.24)
SAN_FRANCISCO = (37.77, -122.42)
MIAMI = (25.77, -80.19)
MINNEAPOLIS = (44.98, -93.27)
NEW_YORK = (40.71, -74.01)
NEW_ORLEANS = (29.95, -90.07)

Point = tuple[float, float]

# id -> (country, reference city, km): every row of the file has one, so a new row needs one
# too, and a wrong country or a coordinate typo (a dropped minus sign) fails here
REFERENCE: dict[str, tuple[str | None, Point, float]] = {
    "urb.mitchells-plain": ("ZAF", CAPE_TOWN, 30),
    "urb.gugulethu": ("ZAF", CAPE_TOWN, 20),
    "urb.mfuleni": ("ZAF", CAPE_TOWN, 30),
    "urb.manenberg": ("ZAF", CAPE_TOWN, 20),
    "urb.bishop-lavis": ("ZAF", CAPE_TOWN, 20),
    "urb.elsies-river": ("ZAF", CAPE_TOWN, 20),
    "urb.bonteheuwel": ("ZAF", CAPE_TOWN, 15),
    "urb.lavender-hill": ("ZAF", CAPE_TOWN, 20),
    "urb.imizamo-yethu": ("ZAF", CAPE_TOWN, 20),
    "urb.sea-point": ("ZAF", CAPE_TOWN, 10),
    "urb.philippi-east": ("ZAF", CAPE_TOWN, 25),
    "urb.langa-township": ("ZAF", CAPE_TOWN, 15),
    "urb.nyanga-east": ("ZAF", CAPE_TOWN, 20),
    "urb.hillbrow": ("ZAF", JOHANNESBURG, 10),
    "urb.sandton": ("ZAF", JOHANNESBURG, 15),
    "urb.katlehong": ("ZAF", JOHANNESBURG, 25),
    "urb.thokoza": ("ZAF", JOHANNESBURG, 25),
    "urb.yeoville": ("ZAF", JOHANNESBURG, 10),
    "urb.jeppestown": ("ZAF", JOHANNESBURG, 10),
    "urb.eldorado-park": ("ZAF", JOHANNESBURG, 25),
    "urb.lenasia": ("ZAF", JOHANNESBURG, 30),
    "urb.zandspruit": ("ZAF", JOHANNESBURG, 25),
    "urb.mamelodi": ("ZAF", PRETORIA, 25),
    "urb.atteridgeville": ("ZAF", PRETORIA, 20),
    "urb.umlazi": ("ZAF", DURBAN, 25),
    "urb.kwamashu": ("ZAF", DURBAN, 20),
    "urb.westlands": ("KEN", NAIROBI, 10),
    "urb.kawangware": ("KEN", NAIROBI, 15),
    "urb.kangemi": ("KEN", NAIROBI, 15),
    "urb.kayole": ("KEN", NAIROBI, 15),
    "urb.mukuru": ("KEN", NAIROBI, 15),
    "urb.korogocho": ("KEN", NAIROBI, 15),
    "urb.dandora": ("KEN", NAIROBI, 15),
    "urb.kariobangi": ("KEN", NAIROBI, 15),
    "urb.huruma": ("KEN", NAIROBI, 10),
    "urb.kasarani": ("KEN", NAIROBI, 15),
    "urb.embakasi": ("KEN", NAIROBI, 15),
    "urb.likoni": ("KEN", MOMBASA, 10),
    "urb.kisauni": ("KEN", MOMBASA, 10),
    "urb.victoria-island": ("NGA", LAGOS, 10),
    "urb.yaba": ("NGA", LAGOS, 10),
    "urb.oworonshoki": ("NGA", LAGOS, 15),
    "urb.otodo-gbame": ("NGA", LAGOS, 15),
    "urb.maitama": ("NGA", ABUJA, 10),
    "urb.wuse": ("NGA", ABUJA, 10),
    "urb.garki": ("NGA", ABUJA, 10),
    "urb.asokoro": ("NGA", ABUJA, 10),
    "urb.gwarinpa": ("NGA", ABUJA, 15),
    "urb.kubwa": ("NGA", ABUJA, 25),
    "urb.nyanya": ("NGA", ABUJA, 15),
    "urb.kintambo": ("COD", KINSHASA, 10),
    "urb.ngaliema": ("COD", KINSHASA, 15),
    "urb.limete": ("COD", KINSHASA, 10),
    "urb.ndjili": ("COD", KINSHASA, 15),
    "urb.kimbanseke": ("COD", KINSHASA, 20),
    "urb.lemba": ("COD", KINSHASA, 15),
    "urb.kalamu": ("COD", KINSHASA, 10),
    "urb.bandalungwa": ("COD", KINSHASA, 10),
    "urb.makala": ("COD", KINSHASA, 10),
    "urb.mont-ngafula": ("COD", KINSHASA, 20),
    "urb.madinaty": ("EGY", CAIRO, 45),
    "urb.rehab-city": ("EGY", CAIRO, 30),
    "urb.new-administrative-capital": ("EGY", CAIRO, 55),
    "urb.imbaba": ("EGY", CAIRO, 10),
    "urb.maadi": ("EGY", CAIRO, 15),
    "urb.shubra": ("EGY", CAIRO, 10),
    "urb.matariya": ("EGY", CAIRO, 15),
    "urb.mokattam": ("EGY", CAIRO, 10),
    "urb.dokki": ("EGY", CAIRO, 10),
    "urb.manshiyat-naser": ("EGY", CAIRO, 10),
    "urb.ain-shams": ("EGY", CAIRO, 20),
    "urb.amiriya": ("IRQ", BAGHDAD, 15),
    "urb.zayouna": ("IRQ", BAGHDAD, 15),
    "urb.jadriya": ("IRQ", BAGHDAD, 10),
    "urb.ghazaliya": ("IRQ", BAGHDAD, 15),
    "urb.saydiya": ("IRQ", BAGHDAD, 10),
    "urb.bayaa": ("IRQ", BAGHDAD, 10),
    "urb.bab-al-sharqi": ("IRQ", BAGHDAD, 10),
    "urb.hamra": ("LBN", BEIRUT, 10),
    "urb.achrafieh": ("LBN", BEIRUT, 10),
    "urb.haret-hreik": ("LBN", BEIRUT, 10),
    "urb.ghobeiry": ("LBN", BEIRUT, 10),
    "urb.bourj-hammoud": ("LBN", BEIRUT, 10),
    "urb.gemmayzeh": ("LBN", BEIRUT, 10),
    "urb.mar-mikhael": ("LBN", BEIRUT, 10),
    "urb.karantina": ("LBN", BEIRUT, 10),
    "urb.chiyah": ("LBN", BEIRUT, 10),
    "urb.ouzai": ("LBN", BEIRUT, 10),
    "urb.tariq-al-jdideh": ("LBN", BEIRUT, 10),
    "urb.bab-al-tabbaneh": ("LBN", TRIPOLI_LEBANON, 10),
    "urb.jabal-mohsen": ("LBN", TRIPOLI_LEBANON, 10),
    "urb.mezzeh": ("SYR", DAMASCUS, 10),
    "urb.kafr-sousa": ("SYR", DAMASCUS, 10),
    "urb.qaboun": ("SYR", DAMASCUS, 10),
    "urb.barzeh": ("SYR", DAMASCUS, 10),
    "urb.tadamon": ("SYR", DAMASCUS, 10),
    "urb.qadam": ("SYR", DAMASCUS, 10),
    "urb.bab-touma": ("SYR", DAMASCUS, 10),
    "urb.rukn-al-din": ("SYR", DAMASCUS, 10),
    "urb.saif-al-dawla": ("SYR", ALEPPO, 10),
    "urb.bustan-al-qasr": ("SYR", ALEPPO, 10),
    "urb.sukkari": ("SYR", ALEPPO, 10),
    "urb.masaken-hanano": ("SYR", ALEPPO, 10),
    "urb.ramouseh": ("SYR", ALEPPO, 10),
    "urb.baba-amr": ("SYR", HOMS, 10),
    "urb.waer": ("SYR", HOMS, 10),
    "urb.daraa-al-balad": ("SYR", DARAA, 10),
    "urb.rimal": ("PSE", GAZA_CITY, 10),
    "urb.zeitoun": ("PSE", GAZA_CITY, 10),
    "urb.tuffah": ("PSE", GAZA_CITY, 10),
    "urb.sheikh-radwan": ("PSE", GAZA_CITY, 10),
    "urb.sheikh-ijlin": ("PSE", GAZA_CITY, 10),
    "urb.tel-al-sultan": ("PSE", RAFAH, 10),
    "urb.shuafat": ("PSE", JERUSALEM, 10),
    "urb.issawiya": ("PSE", JERUSALEM, 10),
    "urb.jabel-mukaber": ("PSE", JERUSALEM, 10),
    "urb.ras-al-amud": ("PSE", JERUSALEM, 10),
    "urb.pisgat-zeev": ("PSE", JERUSALEM, 10),
    "urb.neve-yaakov": ("PSE", JERUSALEM, 10),
    "urb.har-homa": ("PSE", JERUSALEM, 10),
    "urb.gilo": ("PSE", JERUSALEM, 10),
    "urb.tel-rumeida": ("PSE", HEBRON, 10),
    "urb.mea-shearim": ("ISR", JERUSALEM, 10),
    "urb.talpiot": ("ISR", JERUSALEM, 10),
    "urb.shar-e-naw": ("AFG", KABUL, 10),
    "urb.karte-se": ("AFG", KABUL, 10),
    "urb.dasht-e-barchi": ("AFG", KABUL, 15),
    "urb.khair-khana": ("AFG", KABUL, 10),
    "urb.karte-char": ("AFG", KABUL, 10),
    "urb.deh-mazang": ("AFG", KABUL, 10),
    "urb.lyari": ("PAK", KARACHI, 10),
    "urb.orangi-town": ("PAK", KARACHI, 15),
    "urb.korangi": ("PAK", KARACHI, 20),
    "urb.baldia-town": ("PAK", KARACHI, 15),
    "urb.landhi": ("PAK", KARACHI, 25),
    "urb.malir": ("PAK", KARACHI, 25),
    "urb.north-nazimabad": ("PAK", KARACHI, 15),
    "urb.sohrab-goth": ("PAK", KARACHI, 20),
    "urb.kemari": ("PAK", KARACHI, 10),
    "urb.liaquatabad": ("PAK", KARACHI, 10),
    "urb.johar-town": ("PAK", LAHORE, 15),
    "urb.hayatabad": ("PAK", PESHAWAR, 20),
    "urb.hazara-town": ("PAK", QUETTA, 10),
    "urb.bandra": ("IND", MUMBAI, 15),
    "urb.andheri": ("IND", MUMBAI, 25),
    "urb.colaba": ("IND", MUMBAI, 10),
    "urb.kurla": ("IND", MUMBAI, 20),
    "urb.worli": ("IND", MUMBAI, 10),
    "urb.govandi": ("IND", MUMBAI, 20),
    "urb.malvani": ("IND", MUMBAI, 30),
    "urb.ghatkopar": ("IND", MUMBAI, 20),
    "urb.dadar": ("IND", MUMBAI, 15),
    "urb.shaheen-bagh": ("IND", DELHI, 15),
    "urb.jahangirpuri": ("IND", DELHI, 20),
    "urb.connaught-place": ("IND", DELHI, 10),
    "urb.jamia-nagar": ("IND", DELHI, 15),
    "urb.seelampur": ("IND", DELHI, 10),
    "urb.chandni-chowk": ("IND", DELHI, 10),
    "urb.lajpat-nagar": ("IND", DELHI, 10),
    "urb.paharganj": ("IND", DELHI, 10),
    "urb.nizamuddin": ("IND", DELHI, 10),
    "urb.okhla": ("IND", DELHI, 15),
    "urb.koramangala": ("IND", BENGALURU, 10),
    "urb.electronic-city": ("IND", BENGALURU, 20),
    "urb.banjara-hills": ("IND", HYDERABAD, 10),
    "urb.gulshan": ("BGD", DHAKA, 10),
    "urb.uttara": ("BGD", DHAKA, 15),
    "urb.banani": ("BGD", DHAKA, 10),
    "urb.jatrabari": ("BGD", DHAKA, 15),
    "urb.shahbag": ("BGD", DHAKA, 15),
    "urb.korail": ("BGD", DHAKA, 10),
    "urb.kamrangirchar": ("BGD", DHAKA, 15),
    "urb.tondo": ("PHL", MANILA, 10),
    "urb.payatas": ("PHL", MANILA, 25),
    "urb.malate": ("PHL", MANILA, 10),
    "urb.intramuros": ("PHL", MANILA, 10),
    "urb.baseco": ("PHL", MANILA, 10),
    "urb.bonifacio-global-city": ("PHL", MANILA, 15),
    "urb.menteng": ("IDN", JAKARTA, 10),
    "urb.tanah-abang": ("IDN", JAKARTA, 10),
    "urb.glodok": ("IDN", JAKARTA, 10),
    "urb.tanjung-priok": ("IDN", JAKARTA, 20),
    "urb.senayan": ("IDN", JAKARTA, 10),
    "urb.north-okkalapa": ("MMR", YANGON, 15),
    "urb.thamel": ("NPL", KATHMANDU, 10),
    "urb.silom": ("THA", BANGKOK, 10),
    "urb.chow-kit": ("MYS", KUALA_LUMPUR, 10),
    "urb.itaewon": ("KOR", SEOUL, 10),
    "urb.gangnam": ("KOR", SEOUL, 15),
    "urb.yeouido": ("KOR", SEOUL, 10),
    "urb.complexo-da-mare": ("BRA", RIO, 15),
    "urb.complexo-do-alemao": ("BRA", RIO, 15),
    "urb.cidade-de-deus": ("BRA", RIO, 25),
    "urb.complexo-da-penha": ("BRA", RIO, 20),
    "urb.manguinhos": ("BRA", RIO, 15),
    "urb.realengo": ("BRA", RIO, 30),
    "urb.cracolandia": ("BRA", SAO_PAULO, 10),
    "urb.carrefour-feuilles": ("HTI", PORT_AU_PRINCE, 10),
    "urb.solino": ("HTI", PORT_AU_PRINCE, 10),
    "urb.village-de-dieu": ("HTI", PORT_AU_PRINCE, 10),
    "urb.la-saline": ("HTI", PORT_AU_PRINCE, 10),
    "urb.grand-ravine": ("HTI", PORT_AU_PRINCE, 10),
    "urb.tepito": ("MEX", MEXICO_CITY, 10),
    "urb.tlatelolco": ("MEX", MEXICO_CITY, 10),
    "urb.comuna-13": ("COL", MEDELLIN, 10),
    "urb.trench-town": ("JAM", KINGSTON, 10),
    "urb.villa-31": ("ARG", BUENOS_AIRES, 10),
    "urb.comayaguela": ("HND", TEGUCIGALPA, 10),
    "urb.barbes": ("FRA", PARIS, 10),
    "urb.mirail": ("FRA", TOULOUSE, 10),
    "urb.la-castellane": ("FRA", MARSEILLE, 15),
    "urb.val-fourre": ("FRA", MANTES, 10),
    "urb.molenbeek": ("BEL", BRUSSELS, 10),
    "urb.husby": ("SWE", STOCKHOLM, 15),
    "urb.rosengard": ("SWE", MALMO, 10),
    "urb.christiania": ("DNK", COPENHAGEN, 10),
    "urb.tor-bella-monaca": ("ITA", ROME, 15),
    "urb.exarchia": ("GRC", ATHENS, 10),
    "urb.canada-real": ("ESP", MADRID, 15),
    "urb.bijlmer": ("NLD", AMSTERDAM, 10),
    "urb.shankill-road": ("GBR", BELFAST, 10),
    "urb.falls-road": ("GBR", BELFAST, 10),
    "urb.ardoyne": ("GBR", BELFAST, 10),
    "urb.short-strand": ("GBR", BELFAST, 10),
    "urb.sandy-row": ("GBR", BELFAST, 10),
    "urb.new-lodge": ("GBR", BELFAST, 10),
    "urb.bogside": ("GBR", DERRY, 10),
    "urb.moss-side": ("GBR", MANCHESTER, 10),
    "urb.harehills": ("GBR", LEEDS, 10),
    "urb.mayfair": ("GBR", LONDON, 10),
    "urb.solomianskyi": ("UKR", KYIV, 10),
    "urb.sviatoshynskyi": ("UKR", KYIV, 15),
    "urb.darnytskyi": ("UKR", KYIV, 15),
    "urb.khamovniki": ("RUS", MOSCOW, 10),
    "urb.biryulyovo": ("RUS", MOSCOW, 25),
    "urb.mbare": ("ZWE", HARARE, 10),
    "urb.kawempe": ("UGA", KAMPALA, 15),
    "urb.bwaise": ("UGA", KAMPALA, 10),
    "urb.agbogbloshie": ("GHA", ACCRA, 10),
    "urb.old-fadama": ("GHA", ACCRA, 10),
    "urb.grand-yoff": ("SEN", DAKAR, 10),
    "urb.parcelles-assainies": ("SEN", DAKAR, 15),
    "urb.bab-el-oued": ("DZA", ALGIERS, 10),
    "urb.souq-al-jumaa": ("LBY", TRIPOLI, 10),
    "urb.abu-salim": ("LBY", TRIPOLI, 10),
    "urb.ain-zara": ("LBY", TRIPOLI, 15),
    "urb.hodan": ("SOM", MOGADISHU, 10),
    "urb.hamar-weyne": ("SOM", MOGADISHU, 10),
    "urb.dharkenley": ("SOM", MOGADISHU, 15),
    "urb.heliwaa": ("SOM", MOGADISHU, 15),
    "urb.yaqshid": ("SOM", MOGADISHU, 10),
    "urb.wadajir": ("SOM", MOGADISHU, 10),
    "urb.daynile": ("SOM", MOGADISHU, 15),
    "urb.khor-maksar": ("YEM", ADEN, 10),
    "urb.kafouri": ("SDN", KHARTOUM, 15),
    "urb.burri": ("SDN", KHARTOUM, 10),
    "urb.haj-yousif": ("SDN", KHARTOUM, 15),
    "urb.umbadda": ("SDN", KHARTOUM, 20),
    "urb.shambat": ("SDN", KHARTOUM, 15),
    "urb.kalakla": ("SDN", KHARTOUM, 20),
    "urb.narmak": ("IRN", TEHRAN, 20),
    "urb.ekbatan": ("IRN", TEHRAN, 15),
    "urb.skid-row": ("USA", LOS_ANGELES, 10),
    "urb.tenderloin": ("USA", SAN_FRANCISCO, 10),
    "urb.overtown": ("USA", MIAMI, 10),
    "urb.liberty-city": ("USA", MIAMI, 15),
    "urb.cedar-riverside": ("USA", MINNEAPOLIS, 10),
    "urb.bedford-stuyvesant": ("USA", NEW_YORK, 10),
    "urb.crown-heights": ("USA", NEW_YORK, 15),
    "urb.lower-ninth-ward": ("USA", NEW_ORLEANS, 10),
}

# A name that is also the main name of a town of 5,000+ people far away: the district would
# outrank the town everywhere, so each one is a decision, recorded here with its reason.
TOWN_CLASHES_ACCEPTED: set[tuple[str, str]] = set()


def districts_file() -> Path:
    return themed_file(FILE)


def rows() -> list[dict[str, str]]:
    return overlay_rows(districts_file())


def district_idents(gazetteer: Gazetteer, name: str) -> list[str]:
    return overlay_idents(gazetteer, name, PREFIX)


# ---- the file --------------------------------------------------------------------------------


def test_geo_districts_file_has_a_header_and_region_rows() -> None:
    table = assert_region_rows(districts_file(), PREFIX, range(150, 301))
    assert all(row["country"] for row in table)


def test_geo_districts_names_are_unique_within_the_file() -> None:
    """Each spelling names one row, and once (spellings that differ only in accents, case or
    punctuation share a key: "Barbès" covers "Barbes")."""
    keys = [name_key(n) for r in rows() for n in r["names"].split("|")]
    assert len(keys) == len(set(keys)), sorted(k for k in set(keys) if keys.count(k) > 1)


def test_geo_districts_load_into_the_gazetteer(gazetteer: Gazetteer) -> None:
    for row in rows():
        for name in row["names"].split("|"):
            assert f"overlay:{row['id']}" in district_idents(gazetteer, name), (row["id"], name)


def test_geo_districts_names_are_not_places_of_another_overlay() -> None:
    assert not names_in_other_overlays(districts_file())


def test_geo_districts_countries_are_known(gazetteer: Gazetteer) -> None:
    assert not unknown_countries(gazetteer, rows())


def test_geo_districts_every_row_has_a_reference_point() -> None:
    assert {r["id"] for r in rows()} == set(REFERENCE)


@pytest.mark.parametrize("ident", sorted(REFERENCE))
def test_geo_districts_row_lies_near_its_reference_city(ident: str) -> None:
    assert_row_near(rows(), ident, REFERENCE[ident])


def test_geo_districts_do_not_hide_a_town_elsewhere(gazetteer: Gazetteer) -> None:
    """No district name is the main name of a town of 5,000+ people more than 150 km away
    (Delft in the Netherlands, Eastleigh in Hampshire, Hanover Park in Illinois), unless the
    clash is accepted above."""
    assert not hidden_towns(gazetteer, rows(), TOWN_CLASHES_ACCEPTED)


# ---- the gazetteer ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word",
    # towns elsewhere (Delft, Eastleigh, Hanover Park, Dunoon, Westbury, Neuhof, Shankill,
    # Jacarezinho, Paraisopolis, Heliopolis, Mirpur, Clifton, Gombe, Soba, Karari, Daraj, Nima,
    # Chapeltown, Englewood, Jaffrabad, Podil), people (Mansour, Dora, Karan, Watts, Kasa-Vubu,
    # Hanano), a cyclone (Remal), a film (City of God), words (Mare, Alemao: "German"), a
    # Copenhagen park (Tivoli Gardens), names two cities share (Ashrafieh, Gulberg, Bel Air,
    # Hunters Point, Salaheddine, Khalidiya), and the bare township names listed only in a
    # longer form (Langa, Nyanga, Philippi)
    ["Delft", "Eastleigh", "Hanover Park", "Dunoon", "Westbury", "Neuhof", "Shankill"]
    + ["Jacarezinho", "Paraisopolis", "Heliopolis", "Mirpur", "Clifton", "Gombe", "Soba"]
    + ["Karari", "Daraj", "Nima", "Chapeltown", "Englewood", "Jaffrabad", "Podil", "Mansour"]
    + ["Dora", "Karan", "Watts", "Kasa-Vubu", "Hanano", "Remal", "City of God", "Mare", "Alemao"]
    + ["Tivoli Gardens", "Ashrafieh", "Gulberg", "Bel Air", "Hunters Point", "Salaheddine"]
    + ["Khalidiya", "Langa", "Nyanga", "Philippi", "New Capital", "BGC"],
)
def test_geo_districts_leave_ambiguous_bare_words_out(gazetteer: Gazetteer, word: str) -> None:
    assert not district_idents(gazetteer, word)


@pytest.mark.parametrize(
    ("name", "ident"),
    [
        ("Delft", "geonames:2757345"),  # the Dutch city stays the only "Delft"
        ("Hanover Park", "geonames:4895066"),  # the Illinois village is not shadowed
        ("Soweto", "geonames:953781"),  # districts GeoNames has are not listed again
        ("Sadr City", "geonames:7802746"),
        ("Korla", "geonames:1529376"),  # "Kurla" in Mumbai is listed; Korla keeps its name
    ],
)
def test_geo_districts_keep_known_places_first(gazetteer: Gazetteer, name: str, ident: str) -> None:
    keys = gazetteer.lookup_key(name_key(name))
    assert keys and gazetteer.entry(keys[0]).ident == ident


# ---- text ------------------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mention", "near", "km"),
    [
        (
            "Gang violence in Mitchells Plain, Cape Town, left three people dead.",
            "Mitchells Plain",
            CAPE_TOWN,
            30,
        ),
        (
            "Police fired rubber bullets at protesters in Hillbrow, Johannesburg.",
            "Hillbrow",
            JOHANNESBURG,
            10,
        ),
        # not the village of Mamelodi 290 km away
        ("Taxi drivers clashed in Mamelodi, east of Pretoria.", "Mamelodi", PRETORIA, 25),
        ("A fire destroyed hundreds of shacks in Korogocho, Nairobi.", "Korogocho", NAIROBI, 10),
        # not an island in the Canadian Arctic
        (
            "Floods cut off roads in Victoria Island, Lagos, on Sunday.",
            "Victoria Island",
            LAGOS,
            10,
        ),
        (
            "A bomb exploded at a bus station in Nyanya, near Abuja, killing dozens.",
            "Nyanya",
            ABUJA,
            15,
        ),
        ("Gunfire was heard in Ngaliema in Kinshasa overnight.", "Ngaliema", KINSHASA, 15),
        ("Security forces stormed a sit-in in Imbaba, Cairo.", "Imbaba", CAIRO, 10),
        ("A car bomb exploded in Amiriya in western Baghdad.", "Amiriya", BAGHDAD, 15),
        (
            "An Israeli strike hit Haret Hreik in Beirut's southern suburbs.",
            "Haret Hreik",
            BEIRUT,
            10,
        ),
        ("Troops shelled Baba Amr in Homs for weeks.", "Baba Amr", HOMS, 10),
        ("Israeli tanks pushed into Zeitoun in Gaza City.", "Zeitoun", GAZA_CITY, 10),
        ("Police in Lyari, Karachi, arrested a gang leader.", "Lyari", KARACHI, 10),
        # not Korla in Xinjiang
        ("A building collapsed in Kurla, Mumbai, killing 11 people.", "Kurla", MUMBAI, 20),
        ("Protesters blocked a road in Shaheen Bagh in Delhi.", "Shaheen Bagh", DELHI, 15),
        ("Fire swept through the Korail slum in Dhaka.", "Korail", DHAKA, 15),
        ("Residents of Tondo in Manila were evacuated before the typhoon.", "Tondo", MANILA, 10),
        ("Police raided a gang hideout in Tepito, Mexico City.", "Tepito", MEXICO_CITY, 10),
        ("Gangs torched houses in Solino, Port-au-Prince.", "Solino", PORT_AU_PRINCE, 10),
        # not the Flemish village of Molenbeek-Wersbeek
        ("Riots broke out in Molenbeek in Brussels.", "Molenbeek", BRUSSELS, 10),
        # not Oslo's old name
        (
            "Residents of Christiania in Copenhagen removed the stalls.",
            "Christiania",
            COPENHAGEN,
            10,
        ),
        (
            "Police cleared tents in the Tenderloin in San Francisco.",
            "Tenderloin",
            SAN_FRANCISCO,
            10,
        ),
        ("A shooting in Liberty City, Miami, left two dead.", "Liberty City", MIAMI, 15),
        ("A suicide bomber struck a hotel in Hodan district in Mogadishu.", "Hodan", MOGADISHU, 10),
    ],
)
def test_geo_districts_resolve_in_text(
    parse: Parse, gazetteer: Gazetteer, text: str, mention: str, near: Point, km: float
) -> None:
    places = places_in(parse, gazetteer, text)
    hits = [p for p in places if p.mention == mention]
    assert hits, f"{mention!r} not found among {[p.mention for p in places]}"
    fired = [r for r in rows() if f"overlay:{r['id']}" in hits[0].rules]
    assert fired, hits[0]
    assert_found_near(places, mention, fired[0]["country"], near, km)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mention", "ident"),
    [
        # "Kurla" is listed, "Korla" is not: the Chinese city keeps its own name
        ("Korla is an oil city in Xinjiang.", "Korla", "geonames:1529376"),
        # bare "Eastleigh" is left out: the Hampshire town keeps its name
        ("He lives in Eastleigh, a town in Hampshire.", "Eastleigh", "geonames:2650396"),
        (
            "Hanover Park police in Illinois said the driver fled.",
            "Hanover Park",
            "geonames:4895066",
        ),
    ],
)
def test_geo_districts_leave_same_name_towns_alone(
    parse: Parse, gazetteer: Gazetteer, text: str, mention: str, ident: str
) -> None:
    place_by_rule(parse, gazetteer, text, mention, ident)
