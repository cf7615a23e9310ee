"""The store on both backends: saving, re-ingesting, re-coding, filters, stats, corrections."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.export.records import event_record
from eventwire.model import Factuality, Plover
from eventwire.store import (
    BBox,
    CorrectionError,
    EventFilter,
    IngestReport,
    Store,
    UnknownEvent,
    ingest,
    open_store,
)

from .helpers import ARTICLES, article, write_jsonl
from .stub import StubPipeline, code

SETTINGS = Settings(batch_size=4)


def run(store: Store, paths: list[str], **kwargs: object) -> tuple[IngestReport, StubPipeline]:
    stub = StubPipeline(version=str(kwargs.pop("version", "stub-1")))
    report = ingest(store, paths, SETTINGS, pipeline=stub, **kwargs)  # type: ignore[arg-type]
    return report, stub


ALL = EventFilter()


def ids(store: Store, where: EventFilter = ALL) -> set[str]:
    return {e.id for e in store.query_events(where)}


@pytest.fixture()
def filled(store: Store, tmp_path: Path) -> Store:
    report, _ = run(store, [str(write_jsonl(tmp_path / "in.jsonl", ARTICLES))])
    assert report.new == 3 and report.events == 5
    return store


def test_store_saves_event_records_exactly_as_coded(store: Store) -> None:
    result = code(article("x1", "Rebels attacked a checkpoint near Mosul."))
    assert store.save(result) == "new"
    stored = store.get_event(result.events[0].id)
    assert stored.record == event_record(result.events[0])
    assert stored.article_id == "x1" and not stored.rejected and not stored.corrected
    assert store.get_article("x1") == result.article
    assert store.save(result) == "replaced"
    assert store.count_events() == 1


def test_store_ingesting_the_same_input_twice_adds_nothing(filled: Store, tmp_path: Path) -> None:
    before = ids(filled)
    report, stub = run(filled, [str(tmp_path / "in.jsonl")])
    assert (report.read, report.unchanged, report.new, report.replaced) == (3, 3, 0, 0)
    assert stub.seen == 0  # nothing reached the NLP stage
    assert ids(filled) == before and filled.count_articles() == 3


def test_store_changed_article_replaces_its_old_events(filled: Store, tmp_path: Path) -> None:
    old = {e.id for e in filled.query_events(EventFilter(article_id="a3"))}
    changed = dict(
        ARTICLES, a3=("Militants protested in Mosul. Then they attacked a bank.", "2017-01-09")
    )
    report, stub = run(filled, [str(write_jsonl(tmp_path / "v2.jsonl", changed))])
    assert (report.unchanged, report.replaced, stub.seen) == (2, 1, 1)
    now = filled.query_events(EventFilter(article_id="a3"))
    assert {e.record["type"] for e in now} == {"PROTEST", "ASSAULT"}
    assert not old & {e.id for e in now}
    assert filled.count_events() == 6 and filled.count_articles() == 3


def test_store_recode_without_paths_recodes_every_stored_article(filled: Store) -> None:
    report, stub = run(filled, [], recode=True, version="stub-2")
    assert (report.read, report.replaced, stub.seen) == (3, 3, 3)
    assert filled.count_events() == 5 and filled.count_articles() == 3


def test_store_recode_with_paths_recodes_unchanged_inputs(filled: Store, tmp_path: Path) -> None:
    report, stub = run(filled, [str(tmp_path / "in.jsonl")], recode=True)
    assert (report.unchanged, report.replaced, stub.seen) == (0, 3, 3)


def test_store_stores_non_english_articles_without_coding_them(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    french = article("f1", "Les rebelles ont attacked la ville.", language="fr")
    english = article("e1", "Rebels attacked the town.")
    monkeypatch.setattr(
        "eventwire.store.ingestion.read_inputs", lambda *a, **k: iter([french, english])
    )
    report, stub = run(store, ["whatever"])
    assert (report.read, report.skipped_language, report.new, stub.seen) == (2, 1, 1, 1)
    assert store.count_articles() == 2
    assert not store.query_events(EventFilter(article_id="f1"))
    row = store.backend.fetchone("SELECT status FROM articles WHERE id = ?", ("f1",))
    assert row == ("skipped-language",)


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (EventFilter(), {"a1:attacked", "a1:met", "a2:protested", "a2:attacked", "a3:attacked"}),
        (EventFilter(types=(Plover.ASSAULT,)), {"a1:attacked", "a2:attacked", "a3:attacked"}),
        (EventFilter(types=(Plover.PROTEST, Plover.CONSULT)), {"a1:met", "a2:protested"}),
        (EventFilter(actor="militants"), {"a3:attacked"}),
        (EventFilter(actor="Ilitan"), {"a3:attacked"}),
        (EventFilter(actor="REBELS"), {"a1:attacked"}),
        (EventFilter(actor="nobody"), set()),
        (EventFilter(countries=("irq",)), {"a1:attacked", "a3:attacked"}),
        (EventFilter(date_from=dt.date(2016, 11, 1)),
         {"a2:protested", "a2:attacked", "a3:attacked"}),
        (EventFilter(date_to=dt.date(2016, 10, 17)), {"a1:attacked", "a1:met"}),
        (EventFilter(date_from=dt.date(2016, 11, 2), date_to=dt.date(2016, 11, 2)),
         {"a2:protested", "a2:attacked"}),
        (EventFilter(bbox=BBox(40, 30, 50, 40)), {"a1:attacked", "a3:attacked"}),
        (EventFilter(bbox=BBox(0, 30, 10, 40)), set()),
        (EventFilter(bbox=BBox(170, 30, 50, 40)), {"a1:attacked", "a3:attacked"}),
        (EventFilter(factuality=(Factuality.NEGATED,)), {"a2:attacked"}),
        (EventFilter(search="convoy"), {"a3:attacked"}),
        (EventFilter(search="checkpoint Mosul"), {"a1:attacked"}),
        (EventFilter(search="geneva"), {"a1:met"}),
        (EventFilter(search="50%"), set()),
        (EventFilter(types=(Plover.ASSAULT,), date_from=dt.date(2017, 1, 1)), {"a3:attacked"}),
    ],
)  # fmt: skip
def test_store_filters_select_the_expected_events(
    filled: Store, where: EventFilter, expected: set[str]
) -> None:
    found = {f"{e.article_id}:{e.record['trigger']['text']}" for e in filled.query_events(where)}
    assert found == expected
    assert filled.count_events(where) == len(expected)


def test_store_limit_offset_and_order(filled: Store) -> None:
    every = filled.query_events(EventFilter())
    days = [e.record["date"]["value"] for e in every]
    assert days == sorted(days)
    page = filled.query_events(EventFilter(limit=2, offset=1))
    assert [e.id for e in page] == [e.id for e in every[1:3]]
    assert [e.id for e in filled.iter_events(EventFilter(), page=2)] == [e.id for e in every]
    assert len(list(filled.iter_events(EventFilter(limit=3), page=2))) == 3


def test_store_stats_count_by_type_country_and_month(filled: Store) -> None:
    stats = filled.stats()
    assert stats.articles == 3 and stats.events == 5
    assert dict(stats.by_type) == {"ASSAULT": 3, "PROTEST": 1, "CONSULT": 1}
    assert dict(stats.by_country) == {"IRQ": 2, "unknown": 3}
    assert stats.by_month == (("2016-10", 2), ("2016-11", 2), ("2017-01", 1))
    assert filled.stats(EventFilter(types=(Plover.ASSAULT,))).events == 3


def _assault(store: Store, article_id: str = "a3") -> str:
    (event,) = store.query_events(EventFilter(article_id=article_id, types=(Plover.ASSAULT,)))
    return event.id


def test_store_correction_changes_every_view_and_keeps_who_and_when(filled: Store) -> None:
    event_id = _assault(filled)
    event = filled.correct(event_id, ["type=protest", "source.code=isis", "date.value=2017-01-08"],
                           author="ana", note="misread")  # fmt: skip
    assert event.corrected and event.record["type"] == "PROTEST"
    assert (
        event.record["source"]["code"] == "ISIS" and event.record["date"]["value"] == "2017-01-08"
    )
    review = event.record["review"]
    assert review["status"] == "corrected" and review["corrections"][0]["by"] == "ana"
    assert event_id in ids(filled, EventFilter(types=(Plover.PROTEST,)))
    assert event_id in ids(filled, EventFilter(actor="ISIS"))
    assert event_id not in ids(filled, EventFilter(types=(Plover.ASSAULT,)))
    assert event_id in ids(filled, EventFilter(date_to=dt.date(2017, 1, 8)))
    assert filled.machine_record(event_id)["type"] == "ASSAULT"
    (first, *_) = filled.corrections(event_id)
    assert first.author == "ana" and first.note == "misread"
    assert abs(first.created_at - dt.datetime.now(dt.UTC).replace(tzinfo=None)) < dt.timedelta(
        minutes=5
    )


def test_store_rejected_event_leaves_default_views_and_can_be_restored(filled: Store) -> None:
    event_id = _assault(filled)
    assert filled.reject(event_id, author="ana").rejected
    assert event_id not in ids(filled)
    assert event_id in ids(filled, EventFilter(include_rejected=True))
    assert filled.stats().rejected == 1 and filled.stats().events == 4
    assert filled.get_event(event_id).record["review"]["status"] == "rejected"
    assert not filled.restore(event_id, author="ben").rejected
    assert event_id in ids(filled)


def test_store_corrections_survive_recode_and_reingest(filled: Store, tmp_path: Path) -> None:
    event_id = _assault(filled)
    filled.correct(event_id, [("fatalities", 3)], author="ana")
    other = _assault(filled, "a1")
    filled.reject(other, author="ana")
    run(filled, [str(tmp_path / "in.jsonl")], recode=True)  # same pipeline: same ids
    assert filled.get_event(event_id).record["fatalities"] == 3
    run(filled, [], recode=True, version="stub-2")  # new pipeline version: new ids
    assert filled.count_events(EventFilter(include_rejected=True)) == 5
    moved = _assault(filled)
    assert moved != event_id
    assert filled.get_event(moved).record["fatalities"] == 3
    assert filled.corrections(moved)[0].author == "ana"
    assert other not in ids(filled, EventFilter(include_rejected=True))
    assert not filled.query_events(EventFilter(article_id="a1", types=(Plover.ASSAULT,)))
    # a changed article: the corrected sentence is still there, at the same place
    changed = dict(ARTICLES, a3=(ARTICLES["a3"][0] + " Residents protested.", "2017-01-09"))
    run(filled, [str(write_jsonl(tmp_path / "v2.jsonl", changed))], version="stub-2")
    assert filled.get_event(_assault(filled)).record["fatalities"] == 3


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("colour=red", "cannot be corrected"),
        ("type=RIOT", "not a PLOVER type"),
        ("factuality=maybe", "not a factuality"),
        ("date.value=20 July", "YYYY-MM-DD"),
        ("location.lat=123", "between -90 and 90"),
        ("source.country=Turkey", "alpha-3"),
        ("fatalities=-1", "negative"),
        ("type=", "cannot be empty"),
        ("novalue", "FIELD=VALUE"),
    ],
)
def test_store_correction_refuses_bad_fields_and_values(
    filled: Store, change: str, message: str
) -> None:
    event_id = _assault(filled)
    with pytest.raises(CorrectionError, match=message):
        filled.correct(event_id, [change], author="ana")
    assert filled.corrections(event_id) == []


def test_store_correction_of_unknown_event_names_it(filled: Store) -> None:
    with pytest.raises(UnknownEvent, match="ev-nope"):
        filled.correct("ev-nope", ["type=PROTEST"], author="ana")
    with pytest.raises(UnknownEvent):
        filled.get_event("ev-nope")


def test_store_correction_can_clear_and_set_ranges(filled: Store) -> None:
    event_id = _assault(filled)
    event = filled.correct(event_id, ["date.from=2017-01-01", "date.to=2017-01-05", "mode=null"],
                           author="ana")  # fmt: skip
    assert event.record["date"]["from"] == "2017-01-01" and "value" not in event.record["date"]
    assert event_id in ids(
        filled, EventFilter(date_from=dt.date(2017, 1, 4), date_to=dt.date(2017, 1, 4))
    )


def test_store_batch_save_equals_one_save_per_article(store: Store, tmp_path: Path) -> None:
    first = code(article("b1", "Rebels attacked a checkpoint near Mosul. Officials met."))
    second = code(article("b2", "Students protested outside the ministry."))
    again = code(article("b1", "Farmers protested in Mosul."))  # same id, new text: replaces
    assert store.save_many([first, second, again]) == ["new", "new", "replaced"]
    assert store.count_articles() == 2
    assert {e.record["type"] for e in store.query_events(EventFilter(article_id="b1"))} == {
        "PROTEST"
    }
    assert store.save_many([second]) == ["replaced"]
    assert store.save_many([]) == []
    batched = {e.id: e.record for e in store.query_events()}
    one_by_one = open_store(str(tmp_path / "sequential.duckdb"))
    for result in (first, second, again):
        one_by_one.save(result)
    assert {e.id: e.record for e in one_by_one.query_events()} == batched
    one_by_one.close()


def test_store_batch_save_reapplies_corrections(filled: Store) -> None:
    event_id = _assault(filled)
    article_id = filled.get_event(event_id).article_id
    filled.correct(event_id, [("fatalities", 7)], author="ana")
    stored = filled.get_article(article_id)
    assert stored is not None
    others = [code(article(f"n{i}", "Officials met in Geneva.")) for i in range(3)]
    assert filled.save_many([*others, code(stored)]) == ["new", "new", "new", "replaced"]
    assert filled.get_event(event_id).record["fatalities"] == 7
