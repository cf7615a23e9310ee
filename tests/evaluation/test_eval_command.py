"""``eventwire eval`` as a user runs it: JSON, tables, error listings, usage errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..cli_run import run_cli


@pytest.mark.shared
@pytest.mark.model
def test_eval_command_json_with_errors_on_plover_gsr(shared_dir: Path) -> None:
    gold = shared_dir / "eval" / "plover-gsr" / "plover-gsr.jsonl"
    done = run_cli("eval", str(gold), "--limit", "8", "--json", "--errors", "--quiet")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["kind"] == "types" and report["n"] == 8
    assert 0.0 <= report["accuracy"] <= 1.0
    assert len(report["errors"]) == 8 - round(report["accuracy"] * 8)
    assert all(
        {"id", "gold", "predicted", "trigger", "rules", "text"} <= set(e) for e in report["errors"]
    )


@pytest.mark.shared
@pytest.mark.model
def test_eval_command_prints_a_table_for_geo_gold_spans(shared_dir: Path) -> None:
    gold = shared_dir / "eval" / "geoparsing" / "tr-news.jsonl"
    done = run_cli("eval", str(gold), "--gold-spans", "--literal-only", "--limit", "2")
    assert done.returncode == 0, done.stderr
    assert "resolution only" in done.stdout and "literal toponyms only" in done.stdout
    assert "acc@161km" in done.stdout and "exact GeoNames id" in done.stdout


def test_eval_command_gold_spans_needs_a_geo_set(tmp_path: Path) -> None:
    gold = tmp_path / "gold.yaml"
    gold.write_text("article: {file: a.txt, reference_date: 2020-01-01}\n", encoding="utf-8")
    done = run_cli("eval", str(gold), "--gold-spans")
    assert done.returncode == 2
    assert "geoparsing sets only" in done.stderr


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.yaml", None, "cannot read the gold case"),
        ("plain.jsonl", '{"id": 1, "text": "x"}\n', "not a gold set"),
        ("bad.yaml", "article: [unclosed\n", "not valid YAML"),
    ],
)
def test_eval_command_bad_gold_is_one_error_line(
    tmp_path: Path, name: str, content: str | None, message: str
) -> None:
    gold = tmp_path / name
    if content is not None:
        gold.write_text(content, encoding="utf-8")
    done = run_cli("eval", str(gold))
    assert done.returncode == 1
    assert message in done.stderr and "Traceback" not in done.stderr


def _type_records(path: Path, n: int) -> Path:
    lines = [
        json.dumps({"id": f"r{k}", "text": f"Sentence {k}.", "type": "PROTEST"}) for k in range(n)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_eval_halves_split_a_set_into_dev_and_held_out(tmp_path: Path) -> None:
    from eventwire.evaluation import load_set
    from eventwire.evaluation.run import EvalOptions

    gold = _type_records(tmp_path / "types.jsonl", 7)
    dev = load_set(gold, EvalOptions(half="dev"))
    held = load_set(gold, EvalOptions(half="held-out"))
    assert [r.id for r in dev.records] == ["r0", "r2", "r4", "r6"]
    assert [r.id for r in held.records] == ["r1", "r3", "r5"]
    assert dev.name == "types (dev)" and held.name == "types (held-out)"
    assert [r.id for r in load_set(gold, EvalOptions(half="dev", limit=2)).records] == ["r0", "r2"]


def test_eval_half_must_be_dev_or_held_out(tmp_path: Path) -> None:
    done = run_cli("eval", str(_type_records(tmp_path / "t.jsonl", 3)), "--half", "test")
    assert done.returncode == 1
    assert "dev or held-out" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.shared
@pytest.mark.model
def test_eval_half_codes_and_scores_the_records_of_its_half(shared_dir: Path) -> None:
    from eventwire.config import Settings
    from eventwire.evaluation import load_set, run_system
    from eventwire.evaluation.run import EvalOptions

    gold = shared_dir / "eval" / "plover-gsr" / "plover-gsr.jsonl"
    ids = [str(json.loads(line)["id"]) for line in gold.read_text(encoding="utf-8").splitlines()]
    held = load_set(gold, EvalOptions(half="held-out", limit=3))
    run = run_system(held, Settings())
    assert [r["article"]["id"] for r in run.records] == ids[1:7:2]
