"""Acceptance: the seed article through ``eventwire extract``, scored by the shared scorer."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from .cli_run import run_cli
from .schema_check import assert_valid

pytestmark = [pytest.mark.model, pytest.mark.shared]


def _scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_gold", shared / "tools" / "score_gold.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seed_scores(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    seed = shared_dir / "acceptance" / "seed"
    gold = yaml.safe_load((seed / "gold.yaml").read_text(encoding="utf-8"))
    out = tmp_path_factory.mktemp("seed") / "seed.jsonl"
    result = run_cli(
        "extract", str(seed / "article.txt"), "--reference-date",
        str(gold["article"]["reference_date"]), "-o", str(out), "--quiet",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for doc in docs:
        assert_valid(doc)
    scores: dict[str, Any] = _scorer(shared_dir).score(gold, docs)
    return scores


def test_seed_finds_every_required_event(seed_scores: dict[str, Any]) -> None:
    assert seed_scores["missed"] == []
    assert seed_scores["tp"] == seed_scores["required"] == 7


def test_seed_event_f1(seed_scores: dict[str, Any]) -> None:
    assert seed_scores["f1"] >= 0.9, seed_scores["unmatched_output"]


@pytest.mark.parametrize(
    "field", ["actors", "factuality", "mode", "date", "location", "fatalities", "quantities"]
)
def test_seed_attributes_fully_right(seed_scores: dict[str, Any], field: str) -> None:
    right, total = seed_scores[field].split("/")
    assert right == total, f"{field}: {seed_scores[field]}"


def test_seed_places_and_furniture(seed_scores: dict[str, Any]) -> None:
    assert seed_scores["places_resolved"] == "8/8"
    assert seed_scores["not_places_used_as_location"] == 0
    assert seed_scores["events_from_boilerplate"] == 0
