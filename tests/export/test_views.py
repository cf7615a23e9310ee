"""The two field-standard views: PLOVER JSON records and ACLED-style CSV rows."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from eventwire.export.acled import ACLED_COLUMNS, actor_label, country_name
from eventwire.export.exporter import export_events
from eventwire.export.mappings import load_acled_map, load_country_names

from .builders import records

PLOVER_FIELDS = {"id", "date", "actor", "recipient", "event", "mode", "context", "event_loc"}


def plover_records() -> dict[str, dict[str, Any]]:
    out = io.StringIO()
    export_events(records(), "plover", out)
    return {r["id"]: r for r in map(json.loads, out.getvalue().splitlines())}


def acled_rows() -> dict[str, dict[str, str]]:
    out = io.StringIO()
    export_events(records(), "acled", out)
    reader = csv.DictReader(io.StringIO(out.getvalue()))
    assert tuple(reader.fieldnames or ()) == ACLED_COLUMNS
    return {row["event_id"]: row for row in reader}


def test_plover_record_uses_the_manual_field_names() -> None:
    rec = plover_records()["ev-1"]
    assert rec.keys() >= PLOVER_FIELDS
    assert rec["event"] == ["ASSAULT"]
    assert rec["mode"] == ["firearms"]
    assert rec["date"] == "2021-05-09"
    assert rec["actor"] == [
        {
            "code": "NGA",
            "sector": "MIL",
            "entity_text": "Soldiers",
            "identifier_id": "NGAMIL",
            "identifier_text": "military",
        }
    ]
    assert rec["recipient"][0]["sector"] == "AGR"
    assert rec["size"] == {"dead": 3}
    loc = rec["event_loc"]
    assert (loc["lat"], loc["lon"], loc["country_code"], loc["country"]) == (
        11.84692,
        13.15712,
        "NGA",
        "Nigeria",
    )
    assert loc["resolution"] == 4  # city
    assert rec["quad_code"] == 4
    assert rec["event_scale"] == -9.0  # ASSAULT: Firearms
    assert rec["text"] == "Soldiers shot three farmers in Maiduguri on Sunday."
    assert rec["cite_info"]["url"] == "https://www.example.org/news/1"


def test_plover_record_of_a_range_has_enddate_and_empty_lists() -> None:
    rec = plover_records()["ev-4"]
    assert (rec["date"], rec["enddate"]) == ("2021-05-03", "2021-05-09")
    assert rec["mode"] == []
    assert rec["event_loc"] is None
    assert rec["size"] is None
    assert rec["quad_code"] == 1


def test_plover_record_puts_negation_in_context() -> None:
    assert plover_records()["ev-5"]["context"] == ["negation"]
    assert plover_records()["ev-1"]["context"] == []


@pytest.mark.parametrize(
    ("event_id", "column", "value"),
    [
        ("ev-1", "event_type", "Violence against civilians"),  # firearms, civilian target
        ("ev-1", "sub_event_type", "Attack"),
        ("ev-1", "actor1", "Military Forces of Nigeria"),
        ("ev-1", "actor2", "Farmers (Nigeria)"),
        ("ev-1", "country", "Nigeria"),
        ("ev-1", "admin1", "Borno"),
        ("ev-1", "location", "Maiduguri"),
        ("ev-1", "latitude", "11.84692"),
        ("ev-1", "longitude", "13.15712"),
        ("ev-1", "fatalities", "3"),
        ("ev-1", "source", "example.org"),
        ("ev-1", "event_date", "2021-05-09"),
        ("ev-1", "time_precision", "1"),
        ("ev-1", "acled_rule", "acled.assault.civilian-target"),
        ("ev-2", "event_type", "Explosions/Remote violence"),
        ("ev-2", "sub_event_type", "Air/drone strike"),
        ("ev-2", "country", "Syria"),
        ("ev-2", "fatalities", "0"),  # ACLED writes 0 when none are reported
        ("ev-3", "event_type", "Protests"),
        ("ev-3", "sub_event_type", "Peaceful protest"),
        ("ev-3", "actor1", "Protesters (Chile)"),
        ("ev-4", "event_type", "Strategic developments"),
        ("ev-4", "sub_event_type", "Agreement"),
        ("ev-4", "actor1", "Government of Chile"),
        ("ev-4", "event_date", "2021-05-03"),
        ("ev-4", "time_precision", "2"),
        ("ev-4", "source", "art-2"),
    ],
)
def test_acled_row_columns(event_id: str, column: str, value: str) -> None:
    assert acled_rows()[event_id][column] == value


def test_acled_leaves_out_events_that_did_not_happen() -> None:
    assert "ev-5" not in acled_rows()  # "did not order arrests"


@pytest.mark.parametrize(
    ("type_", "mode", "source", "target", "expected"),
    [
        ("ASSAULT", "aerial", "MIL", None, ("Explosions/Remote violence", "Air/drone strike")),
        ("ASSAULT", "drone", "MIL", "REB", ("Explosions/Remote violence", "Air/drone strike")),
        ("ASSAULT", "suicide-attack", "REB", "CVL", ("Explosions/Remote violence", "Suicide bomb")),
        ("ASSAULT", "firearms", "MIL", "CVL", ("Violence against civilians", "Attack")),
        ("ASSAULT", "firearms", "REB", "MIL", ("Battles", "Armed clash")),
        ("ASSAULT", None, "MIL", "REB", ("Battles", "Armed clash")),
        ("ASSAULT", "abduct", "REB", "CVL",
         ("Violence against civilians", "Abduction/forced disappearance")),
        ("ASSAULT", "primitive", "CVL", None, ("Riots", "Mob violence")),
        ("PROTEST", "demo", "CVL", "GOV", ("Protests", "Peaceful protest")),
        ("PROTEST", None, "LAB", None, ("Protests", "Peaceful protest")),
        ("PROTEST", "riot", "CVL", None, ("Riots", "Violent demonstration")),
        ("COERCE", "arrest", "COP", "CVL", ("Strategic developments", "Arrests")),
        ("MOBILIZE", "troops", "MIL", None, ("Strategic developments", "Other")),
        ("AGREE", None, None, None, ("Strategic developments", "Agreement")),
        ("RETREAT", "ceasefire", "MIL", "REB", ("Strategic developments", "Agreement")),
    ],
)  # fmt: skip
def test_acled_map_gives_type_and_sub_type(
    type_: str, mode: str | None, source: str | None, target: str | None, expected: tuple[str, str]
) -> None:
    rule = load_acled_map().rule_for(type_, mode, source, target)
    assert rule is not None and not rule.skip
    assert (rule.event_type, rule.sub_event_type) == expected


@pytest.mark.parametrize("type_", ["CONSULT", "ACCUSE", "THREATEN", "REQUEST"])
def test_acled_map_skips_verbal_events(type_: str) -> None:
    rule = load_acled_map().rule_for(type_, None, "GOV", "GOV")
    assert rule is not None and rule.skip


@pytest.mark.parametrize(
    ("code", "name"),
    [("NGA", "Nigeria"), ("COD", "Democratic Republic of Congo"), ("USA", "United States")],
)
def test_acled_country_is_a_name(code: str, name: str) -> None:
    assert country_name(code, load_acled_map(), load_country_names()) == name


@pytest.mark.parametrize(
    ("code", "name", "country", "sector", "expected"),
    [
        ("TURGOV", "Turkey", "TUR", "GOV", "Government of Turkey"),
        ("ISIS", "Islamic State", None, "REB", "Islamic State"),
        ("UAF", "gunmen", None, "UAF", "Unidentified Armed Group"),
        ("NGACOP", "police", "NGA", "COP", "Police Forces of Nigeria"),
        ("NGA", "Nigeria", "NGA", None, "Government of Nigeria"),
        ("KENCVL", "civilians", "KEN", "CVL", "Civilians (Kenya)"),
    ],
)
def test_acled_actor_label(
    code: str, name: str, country: str | None, sector: str | None, expected: str
) -> None:
    actor = {"code": code, "name": name, "country": country, "sector": sector}
    assert actor_label(actor, None, load_acled_map(), load_country_names()) == expected


def test_acled_actor_label_of_no_actor_is_empty() -> None:
    assert actor_label(None, None, load_acled_map(), load_country_names()) is None
