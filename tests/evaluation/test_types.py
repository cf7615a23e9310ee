"""evaluation.types: accuracy, macro-F1 class rules, NONE, actor rule, top event."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.evaluation.system import SystemDocument
from eventwire.evaluation.types import TypeRecord, score_types


def record(id: str, types: str | list[str], actor: str | None = None, mode: str | None = None,
           actor_codes: tuple[str, ...] = ()) -> TypeRecord:  # fmt: skip
    accepted = (types,) if isinstance(types, str) else tuple(types)
    codes = None
    if actor and len(actor) == 3 and actor not in {"IGO", "NGO"}:
        codes = frozenset({actor, *actor_codes})
    return TypeRecord(id, f"sentence {id}", accepted, mode, codes, None, None)


def doc(id: str, *events: dict[str, Any]) -> SystemDocument:
    return SystemDocument.from_record({"article": {"id": id}, "events": list(events)})


def test_types_perfect_output_scores_one() -> None:
    records = [record("a", "PROTEST", "FRA", "demo"), record("b", ["ASSAULT", "COERCE"], "USA")]
    output = {
        "a": doc("a", {"type": "ASSAULT", "confidence": 0.1},
                 {"type": "PROTEST", "mode": "Demo", "source": {"country": "fra"},
                  "confidence": 0.9}),
        "b": doc("b", {"type": "COERCE", "source": {"code": "USAGOV", "country": "USA"}}),
    }  # fmt: skip
    r = score_types("t", records, output)
    assert r.accuracy.value == r.macro_f1 == r.weighted_f1 == 1.0
    assert r.actor.value == r.mode.value == 1.0


def test_types_top_event_tie_takes_the_first() -> None:
    records = [record("a", "PROTEST"), record("b", "AGREE")]
    output = {
        "a": doc("a", {"type": "PROTEST", "confidence": 1}, {"type": "AGREE", "confidence": 1})
    }
    r = score_types("t", records, output)
    assert r.accuracy.right == 1
    assert r.missing_in_output == 1
    assert [e.predicted for e in r.errors] == ["NONE"]


def test_types_none_is_right_only_where_gold_accepts_it() -> None:
    records = [record("a", ["NONE"]), record("b", "AGREE")]
    r = score_types("t", records, {})
    assert r.accuracy.right == 1
    assert [c.label for c in r.classes if c.averaged] == ["AGREE", "NONE"]
    assert r.macro_f1 == pytest.approx(1 / 3)  # AGREE F1 0; NONE P 1/2, R 1, F1 2/3


def test_types_predicted_only_class_is_not_averaged() -> None:
    records = [record("a", "AGREE"), record("b", "AGREE")]
    output = {"a": doc("a", {"type": "AGREE"}), "b": doc("b", {"type": "ASSAULT"})}
    r = score_types("t", records, output)
    assert [(c.label, c.averaged) for c in r.classes] == [("AGREE", True), ("ASSAULT", False)]
    assert r.macro_f1 == pytest.approx(2 / 3)  # AGREE: P 1, R 0.5
    assert r.confusions[0].gold == "AGREE" and r.confusions[0].predicted == "ASSAULT"


def test_types_actor_rule_uses_country_or_code_and_skips_non_state() -> None:
    records = [
        record("a", "AGREE", "JOR", actor_codes=("USA",)),
        record("b", "AGREE", "IGO"),
        record("c", "AGREE", "RUS"),
    ]
    output = {
        "a": doc("a", {"type": "AGREE", "source": {"code": "USAGOV", "country": "USA"}}),
        "b": doc("b", {"type": "AGREE", "source": {"code": "IGO"}}),
        "c": doc("c", {"type": "AGREE", "source": {"code": "RUSGOV", "country": None}}),
    }
    r = score_types("t", records, output)
    assert (r.actor.right, r.actor.total) == (1, 2)  # RUSGOV is not RUS without a country
