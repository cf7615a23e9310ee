"""Every record ``extract`` writes validates against the shipped JSON Schema, and every span
quotes the article text exactly."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ..cli_run import run_cli
from ..schema_check import assert_valid

pytestmark = pytest.mark.model

OWN_ARTICLES = [
    {
        "id": "a1",
        "date": "2019-03-04",
        "text": "Police in Lagos arrested 12 protesters on Monday, officials said.\n\n"
        "The protesters had blocked the main road the day before.",
    },
    {
        "id": "a2",
        "text": "KABUL, Afghanistan \u2014 A suicide bomber killed at least 14 people at a "
        "checkpoint near Kabul\u2019s airport on Friday.\u00a0The Taliban denied involvement.",
    },
    {
        "id": "a3",
        "text": "Chile and Peru agreed on Tuesday to reopen the border crossing, and the two "
        "governments will hold talks in Lima next week.",
    },
    {
        "id": "a4",
        "text": "The navy deployed four warships and 2,000 marines to the Gulf in March 2019.",
    },
]


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    folder = tmp_path_factory.mktemp("own")
    src = folder / "articles.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in OWN_ARTICLES) + "\n", encoding="utf-8")
    out = folder / "out.jsonl"
    result = run_cli("extract", str(src), "-o", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_every_record_validates_and_quotes_the_text(records: list[dict[str, Any]]) -> None:
    assert len(records) == len(OWN_ARTICLES)
    for record in records:
        assert_valid(record)


def test_ids_are_kept_and_events_found(records: list[dict[str, Any]]) -> None:
    assert [r["article"]["id"] for r in records] == ["a1", "a2", "a3", "a4"]
    types = [{e["type"] for e in r["events"]} for r in records]
    assert "COERCE" in types[0]
    assert "ASSAULT" in types[1]
    assert "AGREE" in types[2]
    assert "MOBILIZE" in types[3]


def test_article_date_is_the_reference_date(records: list[dict[str, Any]]) -> None:
    first = records[0]["article"]
    assert first["reference_date"] == "2019-03-04"
    assert first["reference_date_source"] == "article"
    arrest = next(e for e in records[0]["events"] if e["type"] == "COERCE")
    assert arrest["date"]["value"] == "2019-03-04"  # "on Monday" = the article's own Monday


def test_event_ids_are_deterministic(records: list[dict[str, Any]], tmp_path: Path) -> None:
    src = tmp_path / "again.jsonl"
    src.write_text(json.dumps(OWN_ARTICLES[1]) + "\n", encoding="utf-8")
    result = run_cli("extract", str(src), "--quiet")
    again = json.loads(result.stdout)
    assert [e["id"] for e in again["events"]] == [e["id"] for e in records[1]["events"]]
