"""Our metrics equal the shared scorers' on the same system output (within 0.005).

The system runs once per set: the seed case, the PLOVER-GSR records, and the first
``GEO_DOCS`` documents of each geoparsing set (parsed once, then geoparsed end to end and on
the gold spans). Both scorers read the same output records.
"""

from __future__ import annotations

import importlib.util
import math
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from eventwire.config import load_settings
from eventwire.evaluation import (
    CaseReport,
    EvalOptions,
    EvalSet,
    GeoReport,
    SystemRun,
    TypesReport,
    load_set,
    run_system,
    score,
)
from eventwire.model import ParsedText

pytestmark = [pytest.mark.model, pytest.mark.shared]
GEO_DOCS = 40  # a fixed subset keeps the suite fast; the metrics are the same
TOLERANCE = 0.005


def _scorer(shared: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, shared / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _close(ours: float | None, theirs: float | None) -> bool:
    if theirs is None or math.isnan(theirs):
        return ours is None
    return ours is not None and abs(ours - theirs) <= TOLERANCE


@pytest.fixture(scope="session")
def seed(shared_dir: Path) -> tuple[EvalSet, SystemRun]:
    gold = load_set(shared_dir / "acceptance" / "seed" / "gold.yaml")
    return gold, run_system(gold, load_settings({}))


@pytest.fixture(scope="session")
def gsr(shared_dir: Path) -> tuple[EvalSet, SystemRun]:
    gold = load_set(shared_dir / "eval" / "plover-gsr" / "plover-gsr.jsonl")
    return gold, run_system(gold, load_settings({}))


@pytest.fixture(scope="session", params=["geowebnews", "tr-news"])
def geo_runs(
    request: pytest.FixtureRequest, shared_dir: Path
) -> tuple[EvalSet, SystemRun, SystemRun]:
    from eventwire.nlp.pipeline import parse_texts

    settings = load_settings({})
    path = shared_dir / "eval" / "geoparsing" / f"{request.param}.jsonl"
    gold = load_set(path, EvalOptions(limit=GEO_DOCS))
    parses = list(parse_texts((d.text for d in gold.documents), settings.model))

    def cached(texts: Iterable[str]) -> Iterator[ParsedText]:
        return iter(parses)

    end_to_end = run_system(gold, settings, EvalOptions(), parse=cached)
    spans = run_system(gold, settings, EvalOptions(gold_spans=True), parse=cached)
    return gold, end_to_end, spans


def test_agreement_seed_case(shared_dir: Path, seed: tuple[EvalSet, SystemRun]) -> None:
    gold, run = seed
    ours = score(gold, run)
    assert isinstance(ours, CaseReport)
    raw = yaml.safe_load(gold.path.read_text(encoding="utf-8"))
    theirs: dict[str, Any] = _scorer(shared_dir, "score_gold").score(raw, list(run.records))
    assert _close(ours.precision, theirs["precision"])
    assert _close(ours.recall, theirs["recall"])
    assert _close(ours.f1, theirs["f1"])
    for name, ratio in ours.attributes.items():
        assert str(ratio) == theirs[name], name
    assert str(ours.places) == theirs["places_resolved"]
    assert ours.not_places_used == theirs["not_places_used_as_location"]
    assert ours.boilerplate_events == theirs["events_from_boilerplate"]
    assert [m.id for m in ours.missed] == theirs["missed"]
    assert len(ours.unmatched) == len(theirs["unmatched_output"])


def test_agreement_plover_gsr(shared_dir: Path, gsr: tuple[EvalSet, SystemRun]) -> None:
    gold, run = gsr
    ours = score(gold, run)
    assert isinstance(ours, TypesReport)
    module = _scorer(shared_dir, "score_types")
    theirs: dict[str, Any] = module.score(module.read_jsonl(str(gold.path)), list(run.records))
    assert ours.n == theirs["n"] == 322
    assert _close(ours.accuracy.value, theirs["acc"])
    assert _close(ours.macro_f1, theirs["macroF1"])
    assert _close(ours.weighted_f1, theirs["weightedF1"])
    assert _close(ours.actor.value, theirs["actor"]) and ours.actor.total == theirs["actor_n"]
    assert _close(ours.recipient.value, theirs["recipient"])
    assert _close(ours.mode.value, theirs["mode"]) and ours.mode.total == theirs["mode_n"]
    assert [c.label for c in ours.classes if c.averaged] == theirs["classes"]


@pytest.mark.parametrize("literal_only", [False, True])
@pytest.mark.parametrize("mode", ["end-to-end", "gold-spans"])
def test_agreement_geoparsing(
    shared_dir: Path,
    geo_runs: tuple[EvalSet, SystemRun, SystemRun],
    mode: str,
    literal_only: bool,
) -> None:
    gold, end_to_end, spans = geo_runs
    run = spans if mode == "gold-spans" else end_to_end
    ours = score(gold, run, EvalOptions(literal_only=literal_only, gold_spans=mode == "gold-spans"))
    assert isinstance(ours, GeoReport)
    module = _scorer(shared_dir, "score_geo")
    golds = module.read_jsonl(str(gold.path))[:GEO_DOCS]
    theirs: dict[str, Any] = module.score(golds, list(run.records), literal_only=literal_only)
    pairs = {
        "recogP": ours.recognition.precision,
        "recogR": ours.recognition.recall,
        "recogF1": ours.recognition.f1,
        "exactSpanF1": ours.exact_span.f1,
        "acc161": ours.acc161.value,
        "exact": ours.exact.value,
        "auc": ours.auc,
    }
    for key, value in pairs.items():
        assert _close(value, theirs[key]), (key, value, theirs[key])
    assert ours.acc161.total == theirs["n"] and ours.resolved == theirs["resolved"]
    assert ours.mean_km == pytest.approx(theirs["meanKm"], rel=1e-3)
    assert ours.median_km == pytest.approx(theirs["medianKm"], rel=1e-3, abs=0.01)
