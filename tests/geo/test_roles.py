"""Dateline detection (pure text) and the geo lexicon."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.geo.lexicon import load_lexicon
from eventwire.geo.roles import find_dateline


@pytest.mark.parametrize(
    ("text", "city", "region"),
    [
        ("ANKARA, Turkey — Police said", "ANKARA", "Turkey"),
        ("WASHINGTON (Reuters) - The Senate", "WASHINGTON", None),
        ("Kabul, Afghanistan (AP) — Gunmen", "Kabul", "Afghanistan"),
        ("  BEIRUT: Lebanon's cabinet", "BEIRUT", None),
        ("NAIROBI Police said on Monday", "NAIROBI", None),  # the dash lost in scraping
    ],
)
def test_geo_dateline_found(text: str, city: str, region: str | None) -> None:
    found = find_dateline(text)
    assert found is not None
    assert text[found.city[0] : found.city[1]] == city
    got = text[found.region[0] : found.region[1]] if found.region else None
    assert got == region


@pytest.mark.parametrize(
    "text",
    [
        "Ankara - the capital - was quiet.",
        "Police said on Monday - late - that",
        "",
        "A - b",
        "NATO said on Monday",  # short capitals followed by a verb: no dateline
        "Nairobi Police said",  # not in capitals
    ],
)
def test_geo_no_dateline(text: str) -> None:
    assert find_dateline(text) is None


@given(st.text())
def test_geo_dateline_offsets_in_range(text: str) -> None:
    found = find_dateline(text)
    if found is not None:
        assert 0 <= found.city[0] < found.city[1] <= len(text)


def test_geo_lexicon_has_ids_and_verbs() -> None:
    lex = load_lexicon()
    assert lex.metonymy_verbs["say"].startswith("meto.")
    assert "May" in lex.not_toponyms
    assert "province" in lex.admin_cues
