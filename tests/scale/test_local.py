"""Worker processes code articles exactly as one process does, in input order."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.config import Settings
from eventwire.model import Article
from eventwire.pipeline import Pipeline
from eventwire.scale.local import LocalPool, _chunks, process_parallel

ON = dt.date(2016, 3, 1)
TEXTS = (
    "Police in Lagos arrested twelve protesters on Monday.",
    "Rebels attacked an army base near Aleppo, killing four soldiers.",
    "The foreign minister of Chile met his Peruvian counterpart in Lima.",
    "Dockers in Gdansk went on strike over pay.",
    "Nothing happened here.",
)


def _articles() -> list[Article]:
    return [Article(id=f"a{k}", text=t, reference_date=ON) for k, t in enumerate(TEXTS)]


@pytest.mark.parametrize(("size", "expected"), [(2, [2, 2, 1]), (5, [5]), (9, [5])])
def test_scale_chunks_keep_order_and_sizes(size: int, expected: list[int]) -> None:
    chunks = list(_chunks(_articles(), size))
    assert [len(c) for c in chunks] == expected
    assert [a.id for c in chunks for a in c] == [a.id for a in _articles()]


def test_scale_rejects_no_workers() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        LocalPool(Settings(), 0)


def test_scale_one_worker_is_the_plain_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stub:
        def process_many(self, articles: list[Article]) -> list[str]:
            return [a.id for a in articles]

    monkeypatch.setattr(Pipeline, "load", classmethod(lambda cls, settings: Stub()))
    assert list(process_parallel(_articles(), Settings(), 1)) == [a.id for a in _articles()]


@pytest.mark.model
def test_scale_two_workers_match_one_process() -> None:
    settings = Settings()
    expected = list(Pipeline.load(settings).process_many(_articles()))
    # fork: the workers find the resources the parent loaded (spawn loads them anew, slowly)
    with LocalPool(settings, 2, chunk_size=1, start_method="fork") as pool:
        got = list(pool.process_many(_articles()))
    assert [r.article.id for r in got] == [a.id for a in _articles()]
    assert got == expected
