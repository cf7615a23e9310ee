"""evaluation.geo: span placement, one-to-one overlap matching, acc@161km, literal-only."""

from __future__ import annotations

import pytest

from eventwire.evaluation.geo import GeoDocument, GoldToponym, locate, match_spans, score_geo
from eventwire.evaluation.system import SystemPlace

TEXT = "Rain fell on Springfield and North Springfield, then on Lyon."
#       0         1         2         3         4         5
#       0123456789012345678901234567890123456789012345678901234567890


def gold(start: int, end: int, lat: float | None = 10.0, lon: float | None = 10.0,
         gid: int | None = 1, literal: bool = True) -> GoldToponym:  # fmt: skip
    return GoldToponym(start, end, TEXT[start:end], lat, lon, gid, "Literal", literal)


def place(start: int | None, end: int | None, mention: str | None = None, lat: float | None = None,
          lon: float | None = None, gid: int | None = None) -> SystemPlace:  # fmt: skip
    return SystemPlace(start, end, mention, mention, None, lat, lon, gid)


def test_geo_locate_places_mentions_without_spans_on_unused_occurrences() -> None:
    found = locate(TEXT, [place(None, None, "Springfield"), place(None, None, "Springfield"),
                          place(None, None, "Paris"), place(5, 999, None)])  # fmt: skip
    assert [(f.start, f.end) for f in found] == [(13, 24), (35, 46)]


def test_geo_match_spans_largest_overlap_first_one_to_one() -> None:
    golds = [gold(13, 24), gold(29, 46)]  # "Springfield", "North Springfield"
    found = locate(TEXT, [place(35, 46), place(29, 46)])
    assert match_spans(golds, found) == {1: 1}  # the full span wins; "Springfield" 13-24 unmatched
    found = locate(TEXT, [place(13, 24), place(35, 46)])
    assert match_spans(golds, found) == {0: 0, 1: 1}


def test_geo_acc161_counts_same_id_and_distance() -> None:
    doc = GeoDocument("d", TEXT, (gold(13, 24, 0.0, 0.0, 1), gold(29, 46, 0.0, 0.0, 2),
                                  gold(56, 60, 0.0, 0.0, 3)))  # fmt: skip
    output = {"d": [place(13, 24, lat=50.0, lon=50.0, gid=1),  # far but the same entity
                    place(29, 46, lat=0.0, lon=1.0, gid=9),  # 111 km
                    place(56, 60, lat=0.0, lon=2.0, gid=9)]}  # 222 km  # fmt: skip
    r = score_geo("s", [doc], output)
    assert (r.acc161.right, r.acc161.total) == (2, 3)
    assert (r.exact.right, r.exact.total) == (1, 3)
    assert r.recognition.f1 == 1.0
    assert [m.mention for m in r.misses] == ["Lyon"]
    assert r.misses[0].km == pytest.approx(222.4, abs=0.5)


def test_geo_unrecognised_toponym_is_wrong_and_spurious_place_costs_precision() -> None:
    doc = GeoDocument("d", TEXT, (gold(13, 24), gold(56, 60)))
    r = score_geo("s", [doc], {"d": [place(13, 24, lat=10.0, lon=10.0), place(0, 4)]})
    assert (r.recognition.tp, r.recognition.predicted, r.recognition.gold) == (1, 2, 2)
    assert r.acc161.right == 1 and r.misses[0].predicted is None
    assert [s.mention for s in r.spurious] == [None]
    assert r.auc is not None and r.auc == pytest.approx(0.5)  # one perfect, one at 20039 km


def test_geo_literal_only_ignores_places_on_non_literal_toponyms() -> None:
    doc = GeoDocument("d", TEXT, (gold(13, 24), gold(56, 60, literal=False)))
    output = {"d": [place(13, 24, lat=10.0, lon=10.0), place(56, 60)]}
    everything = score_geo("s", [doc], output)
    literal = score_geo("s", [doc], output, literal_only=True)
    assert (everything.recognition.gold, everything.recognition.predicted) == (2, 2)
    assert (literal.recognition.gold, literal.recognition.predicted) == (1, 1)
    assert literal.acc161.value == 1.0
