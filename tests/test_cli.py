"""``eventwire extract`` on bad inputs: one clear line each, the rest still coded, exit 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .cli_run import run_cli
from .schema_check import assert_valid

pytestmark = pytest.mark.model

GOOD = "Rebels attacked an army post near the river on Monday."


@pytest.fixture()
def inputs(tmp_path: Path) -> dict[str, Path]:
    files = {
        "good": tmp_path / "good.txt",
        "empty": tmp_path / "empty.txt",
        "binary": tmp_path / "image.txt",
        "latin1": tmp_path / "latin1.txt",
        "huge": tmp_path / "huge.txt",
        "jsonl": tmp_path / "batch.jsonl",
    }
    files["good"].write_text(GOOD, encoding="utf-8")
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    files["latin1"].write_bytes("Police in S\xe3o Paulo arrested ten protesters.".encode("latin-1"))
    with files["huge"].open("wb") as fh:
        fh.truncate(20 * 1024 * 1024)  # sparse: 20 MB that are never read
    files["jsonl"].write_text(
        json.dumps({"id": "ok-1", "text": GOOD})
        + "\n{not json\n"
        + json.dumps({"id": "ok-2", "text": "Troops withdrew from the town."})
        + "\n",
        encoding="utf-8",
    )
    return files


def test_bad_inputs_fail_one_line_each_and_the_rest_is_coded(
    inputs: dict[str, Path], tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere.txt"
    result = run_cli("extract", *(str(p) for p in inputs.values()), str(missing), "--quiet")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 5, result.stderr
    joined = "\n".join(errors)
    assert str(inputs["empty"]) in joined and "empty" in joined
    assert str(inputs["binary"]) in joined and "binary" in joined
    assert str(inputs["huge"]) in joined and "max-article-mb" in joined
    assert f"{inputs['jsonl']}:2" in joined
    assert str(missing) in joined
    assert any(
        "latin1.txt" in line and line.startswith("note:") for line in result.stderr.splitlines()
    )
    records = [json.loads(line) for line in result.stdout.splitlines()]
    for record in records:
        assert_valid(record)
    ids = [r["article"]["id"] for r in records]
    assert "ok-1" in ids and "ok-2" in ids
    assert len(ids) == 4  # good.txt, latin1.txt and the two JSON Lines records


def test_stdin_and_exit_zero(tmp_path: Path) -> None:
    result = run_cli("extract", "-", "--quiet", stdin=GOOD)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert_valid(record)
    assert record["article"]["id"].startswith("sha1:")
    assert [e["type"] for e in record["events"]] == ["ASSAULT"]


def test_bad_reference_date_is_a_usage_error() -> None:
    result = run_cli("extract", "-", "--reference-date", "20 July", stdin=GOOD)
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_model_is_one_clear_line() -> None:
    result = run_cli("extract", "-", "--model", "no_such_model_xx", stdin=GOOD)
    assert result.returncode == 1
    assert "no_such_model_xx" in result.stderr and "Traceback" not in result.stderr


def test_non_english_article_is_reported_not_coded(tmp_path: Path) -> None:
    src = tmp_path / "mixed.jsonl"
    src.write_text(
        json.dumps({"id": "fr", "text": "Les rebelles ont attaqué le poste de l'armée lundi."})
        + "\n"
        + json.dumps({"id": "en", "text": GOOD})
        + "\n",
        encoding="utf-8",
    )
    result = run_cli("extract", str(src), "--quiet")
    assert result.returncode == 0, result.stderr
    records = {r["article"]["id"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert records["fr"]["article"]["language"] == "fr"
    assert "not coded" in records["fr"]["article"]["skipped"]
    assert records["fr"]["events"] == []
    assert [e["type"] for e in records["en"]["events"]] == ["ASSAULT"]
    for record in records.values():
        assert_valid(record)


def test_two_workers_give_the_same_output(tmp_path: Path) -> None:
    src = tmp_path / "batch.jsonl"
    texts = [GOOD, "Troops withdrew from the town.", "Police arrested ten protesters in Lagos."]
    src.write_text(
        "".join(json.dumps({"id": f"a{k}", "text": t}) + "\n" for k, t in enumerate(texts * 3)),
        encoding="utf-8",
    )
    one = run_cli("extract", str(src), "--quiet")
    two = run_cli("extract", str(src), "--quiet", "--workers", "2")
    assert one.returncode == two.returncode == 0, two.stderr
    assert one.stdout == two.stdout
