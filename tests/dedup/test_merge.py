"""Story merging rules on event records built by hand (no model)."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.dedup.merge import (
    ActorKey,
    PlaceKey,
    actors_compatible,
    item_from_record,
    km_between,
    merge_events,
    places_compatible,
    story_record,
)
from eventwire.dedup.params import load_params

PARAMS = load_params()
MOSUL = {"name": "Mosul", "country": "IRQ", "lat": 36.34, "lon": 43.13, "precision": "city"}
KIRKUK = {"name": "Kirkuk", "country": "IRQ", "lat": 35.47, "lon": 44.39, "precision": "city"}
IRAQ = {"name": "Iraq", "country": "IRQ", "lat": 33.0, "lon": 44.0, "precision": "country"}


def record(
    eid: str,
    *,
    type_: str = "ASSAULT",
    day: str | None = "2016-10-12",
    precision: str = "day",
    location: dict[str, Any] | None = None,
    source: str | None = None,
    target: str | None = "IRQ",
    span: tuple[int, int] = (0, 10),
) -> dict[str, Any]:
    date = None if day is None else {"value": day, "precision": precision}
    if precision == "month" and day is not None:
        date = {"from": day[:8] + "01", "to": day[:8] + "28", "precision": "month"}
    return {
        "id": eid,
        "type": type_,
        "source": {"code": source, "country": (source or "")[:3] or None} if source else None,
        "target": {"code": target, "country": target[:3]} if target else None,
        "date": date,
        "location": location,
        "confidence": 0.8,
        "evidence": {"text": "...", "start": span[0], "end": span[1]},
        "trigger": {"text": "bomb", "start": span[0], "end": span[0] + 4},
    }


def _stories(*pairs: tuple[str, dict[str, Any]]) -> list[set[str]]:
    items = [item_from_record(article, rec) for article, rec in pairs]
    return sorted(
        ({m.event_id for m in s.members} for s in merge_events(items, PARAMS)), key=sorted
    )


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (ActorKey("IRQ", "IRQ"), ActorKey("IRQMIL", "IRQ"), True),
        (ActorKey("IRQGOV", "IRQ"), ActorKey("IRQMIL", "IRQ"), False),
        (ActorKey("IRQ", "IRQ"), ActorKey("SYR", "SYR"), False),
        (None, ActorKey("SYR", "SYR"), True),
        (ActorKey("ISIS", None), ActorKey("ISIS", None), True),
        (ActorKey("REB", None), ActorKey("IRQUAF", "IRQ"), True),  # militants, a car bomb
        (ActorKey("ISIS", None), ActorKey("SYRUAF", "SYR"), True),
        (ActorKey("IRQMIL", "IRQ"), ActorKey("IRQUAF", "IRQ"), True),
        (ActorKey("IRQCVL", "IRQ"), ActorKey("IRQUAF", "IRQ"), False),
        (ActorKey("SYRUAF", "SYR"), ActorKey("IRQUAF", "IRQ"), False),
        (ActorKey("REB", None), ActorKey("IRQGOV", "IRQ"), False),
    ],
)
def test_dedup_actor_compatibility(
    first: ActorKey | None, second: ActorKey | None, expected: bool
) -> None:
    assert actors_compatible(first, second) is expected
    assert actors_compatible(second, first) is expected


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (MOSUL, MOSUL, True),
        (MOSUL, KIRKUK, False),  # 150 km apart: two towns
        (MOSUL, IRAQ, True),  # the country contains the town
        (MOSUL, {**MOSUL, "lat": 36.40}, True),  # 7 km: the same city
        (MOSUL, {**MOSUL, "country": "SYR"}, False),
        (MOSUL, {**KIRKUK, "precision": "admin1"}, True),  # a province 150 km away
        (MOSUL, None, True),
    ],
)
def test_dedup_place_compatibility_depends_on_precision(
    first: dict[str, Any], second: dict[str, Any] | None, expected: bool
) -> None:
    def key(loc: dict[str, Any] | None) -> PlaceKey | None:
        return PlaceKey(loc["country"], loc["lat"], loc["lon"], loc["precision"]) if loc else None

    assert places_compatible(key(first), key(second), PARAMS) is expected


def test_dedup_distance_is_great_circle() -> None:
    assert km_between(36.34, 43.13, 35.47, 44.39) == pytest.approx(149, abs=3)


def test_dedup_same_event_in_three_articles_is_one_story() -> None:
    got = _stories(
        ("a1", record("e1", location=MOSUL)),
        ("a2", record("e2", location=MOSUL, target="IRQCVL")),
        ("a3", record("e3", location=IRAQ)),
    )
    assert got == [{"e1", "e2", "e3"}]


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"day": "2016-10-13"}, "same place, next day"),
        ({"location": KIRKUK}, "same day, another town"),
        ({"type_": "PROTEST"}, "another type"),
        ({"target": "SYR"}, "another target"),
        ({"day": None}, "undated"),
    ],
)
def test_dedup_near_misses_stay_apart(change: dict[str, Any], why: str) -> None:
    base = record("e1", location=MOSUL)
    other = record("e2", **{"location": MOSUL, **change})
    assert _stories(("a1", base), ("a2", other)) == [{"e1"}, {"e2"}], why


def test_dedup_month_precision_matches_a_day_in_the_month() -> None:
    month = record("e2", day="2016-10-01", precision="month", location=MOSUL)
    assert _stories(("a1", record("e1", location=MOSUL)), ("a2", month)) == [{"e1", "e2"}]


def test_dedup_article_date_allows_a_day_of_slack() -> None:
    late = record("e2", day="2016-10-13", precision="article", location=MOSUL)
    assert _stories(("a1", record("e1", location=MOSUL)), ("a2", late)) == [{"e1", "e2"}]


def test_dedup_two_events_of_one_article_never_merge() -> None:
    got = _stories(("a1", record("e1", location=MOSUL)), ("a1", record("e2", location=MOSUL)))
    assert got == [{"e1"}, {"e2"}]


def test_dedup_vague_report_joins_the_best_attested_story() -> None:
    got = _stories(
        ("k1", record("k1", location=KIRKUK)),
        ("m1", record("m1", location=MOSUL)),
        ("m2", record("m2", location=MOSUL)),
        ("v", record("v", location=IRAQ)),
    )
    assert got == [{"k1"}, {"m1", "m2", "v"}]


def test_dedup_complete_link_does_not_chain() -> None:
    # b is within reach of a and of c, but a and c (20 km apart) are not: no a-b-c story
    west = {**MOSUL, "lon": 43.02}
    east = {**MOSUL, "lon": 43.24}
    got = _stories(
        ("a", record("a", location=west)),
        ("b", record("b", location=MOSUL)),
        ("c", record("c", location=east)),
    )
    assert {"a", "b", "c"} not in got and len(got) == 2


def test_dedup_story_record_keeps_every_source_and_copy() -> None:
    items = [
        item_from_record("a1", record("e1", location=IRAQ, span=(5, 40))),
        item_from_record("a2", record("e2", location=MOSUL, span=(0, 30))),
    ]
    (story,) = merge_events(items, PARAMS)
    rec = story_record(story, {"a1": ["a1-copy"]})
    assert rec["id"].startswith("st-") and rec["representative"] == "e2"  # the finer place
    assert rec["location"]["name"] == "Mosul"
    assert [(s["article_id"], s["event_id"], s["evidence"]["start"]) for s in rec["sources"]] == [
        ("a1", "e1", 5),
        ("a2", "e2", 0),
    ]
    assert rec["copies"] == ["a1-copy"] and rec["n_articles"] == 3
