"""The merged view in the store: duplicate links, stories, `events --merged`, `export --merged`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eventwire.config import load_settings
from eventwire.dedup.refresh import count_stories, duplicate_links, query_stories, refresh
from eventwire.model import Plover
from eventwire.store import EventFilter, ingest, open_store
from tests.cli_run import run_cli
from tests.store.stub import StubPipeline

ON = dt.date(2020, 1, 1)
WIRE = (
    "Rebels attacked an army post in Mosul at dawn, a security official said, in the "
    "heaviest fighting on the western edge of the city for several weeks. Residents reported "
    "gunfire and explosions for more than three hours, and the army sent reinforcements from "
    "the south. The official gave no figures for casualties."
)
ARTICLES = [
    {"id": "wire", "text": WIRE, "date": "2020-01-01"},
    {"id": "copy", "text": WIRE + " Reporting by the Courier, with staff in Erbil.",
     "date": "2020-01-02"},
    {"id": "other-report", "text": "Rebels attacked soldiers in Mosul overnight. Families fled.",
     "date": "2020-01-01"},
    {"id": "protest", "text": "Students protested in Mosul against power cuts.",
     "date": "2020-01-01"},
]  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dedup")
    feed = folder / "in.jsonl"
    feed.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    path = folder / "events.duckdb"
    with open_store(str(path)) as store:
        ingest(store, [str(feed)], load_settings(environ={}), pipeline=StubPipeline())
        report = refresh(store)
    assert (report.articles, report.duplicates) == (4, 1)
    return path


def test_dedup_store_links_the_copy_to_the_wire(db: Path) -> None:
    with open_store(str(db)) as store:
        links = duplicate_links(store)
    assert [(link.article_id, link.canonical_id) for link in links] == [("copy", "wire")]


def test_dedup_store_merges_reports_and_skips_copies(db: Path) -> None:
    with open_store(str(db)) as store:
        assert store.count_events() == 4  # the plain view keeps every article's event
        stories = query_stories(store)
        assaults = query_stories(store, EventFilter(types=(Plover.ASSAULT,)))
        assert count_stories(store) == 2
        again = refresh(store)  # idempotent
        assert [s.id for s in query_stories(store)] == [s.id for s in stories]
    assert again.hashed == 0 and again.stories == 2
    (story,) = assaults
    sources = {s["article_id"] for s in story.record["sources"]}
    assert sources == {"wire", "other-report"} and story.record["copies"] == ["copy"]
    assert story.record["n_articles"] == 3
    assert all(s["evidence"]["text"] for s in story.record["sources"])


def test_dedup_cli_events_and_export_offer_the_merged_view(db: Path, tmp_path: Path) -> None:
    plain = run_cli("events", "--db", str(db), "--format", "jsonl")
    merged = run_cli("events", "--db", str(db), "--merged", "--format", "jsonl")
    assert plain.returncode == 0 and merged.returncode == 0, merged.stderr
    assert len(plain.stdout.splitlines()) == 4
    records = [json.loads(line) for line in merged.stdout.splitlines()]
    assert sorted(r["type"] for r in records) == ["ASSAULT", "PROTEST"]
    assert all(r["id"].startswith("st-") for r in records)
    table = run_cli("events", "--db", str(db), "--merged", "--type", "PROTEST")
    assert table.returncode == 0 and "1 of 1 stories" in table.stderr
    out = tmp_path / "stories.jsonl"
    done = run_cli("export", "--db", str(db), "--merged", "--format", "jsonl", "-o", str(out))
    assert done.returncode == 0, done.stderr
    exported = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(exported) == 2


def test_dedup_copy_keeps_an_event_its_canonical_lacks(tmp_path: Path) -> None:
    feed = tmp_path / "in.jsonl"
    rows = [
        {"id": "wire", "text": WIRE, "date": "2020-01-01"},
        {"id": "rewrite", "text": WIRE + " Students protested in Erbil.", "date": "2020-01-02"},
    ]
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with open_store(str(tmp_path / "e.duckdb")) as store:
        ingest(store, [str(feed)], load_settings(environ={}), pipeline=StubPipeline())
        report = refresh(store)
        stories = query_stories(store)
    assert report.duplicates == 1
    assert sorted((s.record["type"], s.article_id) for s in stories) == [
        ("ASSAULT", "wire"),  # the rewrite's copy of the attack is not counted again
        ("PROTEST", "rewrite"),  # the fact only the rewrite reports is kept
    ]
    (assault,) = [s for s in stories if s.record["type"] == "ASSAULT"]
    assert assault.record["copies"] == ["rewrite"]


def test_dedup_story_keeps_its_id_when_a_later_report_joins(tmp_path: Path) -> None:
    first = tmp_path / "first.jsonl"
    later = tmp_path / "later.jsonl"
    first.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES[2:]), encoding="utf-8")
    joining = {
        "id": "late-report",
        "text": "Rebels attacked troops in Mosul.",
        "date": "2020-01-01",
    }
    later.write_text(json.dumps(joining) + "\n", encoding="utf-8")
    settings = load_settings(environ={})
    with open_store(str(tmp_path / "events.duckdb")) as store:
        ingest(store, [str(first)], settings, pipeline=StubPipeline())
        refresh(store)
        (before,) = query_stories(store, EventFilter(types=(Plover.ASSAULT,)))
        ingest(store, [str(later)], settings, pipeline=StubPipeline())
        refresh(store)
        (after,) = query_stories(store, EventFilter(types=(Plover.ASSAULT,)))
    assert after.record["n_articles"] == before.record["n_articles"] + 1
    assert after.id == before.id
