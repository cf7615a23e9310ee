"""Measure eventwire against gold sets: gold cases, PLOVER type records, geoparsing sets.

Public API::

    report = evaluate(Path("gold.yaml"), settings)        # CaseReport | TypesReport | GeoReport
    to_json(report), render(report, errors=True)          # for machines, for people

The metrics are those of ``../shared/tools/score_*.py``, implemented here on dataclasses;
``docs/eval.md`` describes them and ``tests/evaluation/`` shows the figures agree.
"""

from eventwire.evaluation.common import SetKind, detect_kind
from eventwire.evaluation.geo import GeoReport
from eventwire.evaluation.gold import CaseReport
from eventwire.evaluation.report import render, summary_line, to_json
from eventwire.evaluation.run import (
    EvalOptions,
    EvalSet,
    Report,
    SystemRun,
    evaluate,
    load_set,
    run_system,
    score,
)
from eventwire.evaluation.types import TypesReport

__all__ = [
    "CaseReport",
    "EvalOptions",
    "EvalSet",
    "GeoReport",
    "Report",
    "SetKind",
    "SystemRun",
    "TypesReport",
    "detect_kind",
    "evaluate",
    "load_set",
    "render",
    "run_system",
    "score",
    "summary_line",
    "to_json",
]
