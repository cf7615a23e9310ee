"""The Dask path and the single-process path give the same events for the same articles."""

from __future__ import annotations

import pytest

from eventwire.config import Settings
from eventwire.pipeline import Pipeline
from eventwire.scale.dask_engine import DaskCoder
from tests.scale.articles import template_articles


@pytest.mark.model
def test_scale_dask_gives_the_same_events_as_one_process() -> None:
    articles = template_articles(200)
    assert len({a.text for a in articles}) == 200
    settings = Settings()
    expected = {r.article.id: r for r in Pipeline.load(settings).process_many(articles)}
    with DaskCoder(settings, workers=2, partition_size=25) as coder:
        got = {r.article.id: r for r in coder.process_many(articles)}
    assert sorted(got) == sorted(expected)
    n_events = sum(len(r.events) for r in expected.values())
    assert n_events > 150  # the articles do give events
    for article_id, result in expected.items():
        mine = got[article_id]
        # ids, types, actors, dates, places: every field of every event, and the places
        assert [e.id for e in mine.events] == [e.id for e in result.events]
        assert mine.events == result.events
        assert mine.places == result.places
