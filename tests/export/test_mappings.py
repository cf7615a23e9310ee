"""The export maps are data with ids, cover every PLOVER type and mode, and fail loudly."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.datafiles import read_yaml
from eventwire.errors import KnowledgeError
from eventwire.export.formats import point_feature
from eventwire.export.mappings import (
    load_acled_map,
    load_cameo_map,
    load_plover_scale,
)
from eventwire.model import Plover


def lexicon_modes() -> dict[str, list[str]]:
    path = Path(str(resources.files("eventwire") / "data" / "plover_lexicon.yaml"))
    modes: dict[str, list[str]] = read_yaml(path)["modes"]
    return modes


def type_modes() -> list[tuple[str, str | None]]:
    return [(t, m) for t, modes in lexicon_modes().items() for m in [None, *modes]]


@pytest.mark.parametrize(("type_", "mode"), type_modes())
def test_acled_map_covers_every_type_and_mode(type_: str, mode: str | None) -> None:
    for source in (None, "CVL", "MIL"):
        for target in (None, "CVL", "MIL"):
            assert load_acled_map().rule_for(type_, mode, source, target) is not None


@pytest.mark.parametrize(("type_", "mode"), type_modes())
def test_cameo_code_for_every_type_and_mode(type_: str, mode: str | None) -> None:
    code = load_cameo_map().code(type_, mode)
    assert code is not None and code.isdigit()
    assert code.startswith(load_cameo_map().root[Plover(type_)][:2]) or type_ in {
        "ACCUSE",  # investigate is CAMEO 09, disapprove 11
        "SANCTION",
        "ASSAULT",  # 18-20
        "COERCE",
        "REQUEST",
    }


@pytest.mark.parametrize(("type_", "mode"), type_modes())
def test_plover_scale_for_every_type_and_mode(type_: str, mode: str | None) -> None:
    scale = load_plover_scale()
    assert scale.quad(type_) in (1, 2, 3, 4)
    score = scale.score(type_, mode)
    assert score is not None and -10 <= score <= 10


def test_maps_only_use_modes_the_lexicon_allows() -> None:
    allowed = lexicon_modes()
    for rule in load_acled_map().rules:
        for mode in rule.modes or ():
            assert mode is None or mode in allowed[rule.type.value], rule.id
    for (type_, mode), entry in load_cameo_map().modes.items():
        assert mode in allowed[type_.value], entry.id
    for type_, scale_entry in load_plover_scale().entries.items():
        assert set(scale_entry.modes) <= set(allowed[type_.value]), type_


def write_map(tmp_path: Path, rules: list[dict[str, Any]]) -> Path:
    import yaml

    path = tmp_path / "acled.yaml"
    doc = {"version": 1, "sector_groups": {"civilian": ["CVL"]}, "rules": rules}
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ([{"id": "x", "type": "FIGHT", "skip": True}], "'FIGHT' is not a PLOVER type"),
        ([{"id": "x", "type": "AGREE", "skip": True}] * 2, "id 'x' is already used"),
        ([{"id": "x", "type": "AGREE"}], "give event_type and sub_event_type"),
        ([{"id": "x", "type": "AGREE", "target": "armed", "skip": True}], "not a sector group"),
        ([{"type": "AGREE", "skip": True}], "needs an id"),
    ],
)
def test_acled_map_errors_name_file_and_entry(
    tmp_path: Path, rules: list[dict[str, Any]], message: str
) -> None:
    path = write_map(tmp_path, rules)
    with pytest.raises(KnowledgeError, match=message) as info:
        load_acled_map(path)
    assert str(path) in str(info.value)


@given(st.floats(allow_nan=True), st.floats(allow_nan=True))
def test_point_feature_is_valid_geojson_or_none(lat: float, lon: float) -> None:
    feature = point_feature({"event_id": "e", "location_lat": lat, "location_lon": lon})
    if feature is not None:
        x, y = feature["geometry"]["coordinates"]
        assert (x, y) == (lon, lat)
        assert -180 <= x <= 180 and -90 <= y <= 90
