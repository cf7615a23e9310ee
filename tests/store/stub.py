"""A stand-in for the NLP pipeline: fast, deterministic events built by hand.

Every sentence (split on ". ") whose text contains a word from ``TRIGGERS`` gives one event,
with the first capitalised word as source and a fixed place, so store tests need no model.
Also runnable: ``python -m tests.store.stub DB PATH...`` ingests with the stub (used by the
subprocess tests: SIGKILL, locking, memory).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import sys
import time
from collections.abc import Iterable, Iterator

from eventwire.model import (
    Actor,
    Article,
    ArticleResult,
    DatePrecision,
    Event,
    EventDate,
    Factuality,
    Feature,
    Location,
    Place,
    PlaceRole,
    Plover,
    Span,
)

TRIGGERS = {"attacked": Plover.ASSAULT, "protested": Plover.PROTEST, "met": Plover.CONSULT}
PLACE = ("Mosul", "IRQ", 36.34, 43.13)


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in re.finditer(r"\.(\s+|$)", text):
        yield start, m.end() - len(m.group(1))
        start = m.end()
    if start < len(text):
        yield start, len(text)


def code(article: Article, version: str = "stub-1") -> ArticleResult:
    text = article.text
    events: list[Event] = []
    places: list[Place] = []
    for s_start, s_end in _sentences(text):
        sentence = text[s_start:s_end]
        for word, kind in TRIGGERS.items():
            at = sentence.find(word)
            if at < 0:
                continue
            t_start = s_start + at
            trigger = Span(t_start, t_start + len(word), word)
            first = re.match(r"\s*(\w+)", sentence)
            source = None
            if first:
                a = s_start + first.start(1)
                source = Actor(
                    code=first.group(1).upper()[:6],
                    name=first.group(1),
                    country="IRQ",
                    sector="REB",
                    span=Span(a, a + len(first.group(1)), first.group(1)),
                    rules=("stub.actor",),
                )
            location = None
            m_at = sentence.find(PLACE[0])
            if m_at >= 0:
                p = s_start + m_at
                span = Span(p, p + len(PLACE[0]), PLACE[0])
                location = Location(
                    PLACE[0], PLACE[0], PLACE[1], None, PLACE[2], PLACE[3], Feature.CITY, 99072,
                    span, ("stub.place",),
                )  # fmt: skip
                places.append(
                    Place(PLACE[0], p, p + len(PLACE[0]), PLACE[0], PLACE[1], None, PLACE[2],
                          PLACE[3], 99072, Feature.CITY, PlaceRole.LITERAL)
                )  # fmt: skip
            key = f"{article.id}|{trigger.start}|{trigger.end}|{kind.value}|{version}"
            events.append(
                Event(
                    id="ev-" + hashlib.sha1(key.encode()).hexdigest()[:16],
                    type=kind,
                    mode=None,
                    context=(),
                    source=source,
                    target=None,
                    factuality=Factuality.NEGATED if " not " in sentence else Factuality.ASSERTED,
                    attributed_to=None,
                    date=EventDate(DatePrecision.ARTICLE, value=article.reference_date),
                    location=location,
                    locations=(location,) if location else (),
                    fatalities=None,
                    quantities=(),
                    evidence=Span(s_start, s_end, sentence),
                    trigger=trigger,
                    rules=(f"stub.{word}",),
                    confidence=0.9,
                )
            )
    return ArticleResult(article, tuple(events), tuple(places), model="stub", lexicon_version="0")


class StubPipeline:
    """``process_many`` like ``eventwire.pipeline.Pipeline``, in batches, with no model."""

    def __init__(self, version: str = "stub-1", batch_size: int = 32, delay: float = 0.0) -> None:
        self.version = version
        self.batch_size = batch_size
        self.delay = delay  # seconds per article, so a test can kill a run mid-way
        self.seen = 0

    def process_many(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        batch: list[Article] = []
        for article in articles:
            self.seen += 1
            if self.delay:
                time.sleep(self.delay)
            batch.append(article)
            if len(batch) >= self.batch_size:
                yield from (code(a, self.version) for a in batch)
                batch.clear()
        yield from (code(a, self.version) for a in batch)


def main(argv: list[str]) -> int:
    """``python -m tests.store.stub [--progress] DB PATH...``: ingest with the stub."""
    from eventwire.config import load_settings
    from eventwire.store import IngestReport, ingest, open_store

    progress = argv[0] == "--progress"
    db, *paths = argv[1:] if progress else argv
    settings = load_settings({"batch_size": 8}, environ={})

    def tick(report: IngestReport) -> None:
        print(f"done {report.done}", flush=True)  # the SIGKILL test waits for these

    with open_store(db) as store:
        stub = StubPipeline(delay=float(os.environ.get("EVENTWIRE_STUB_DELAY") or 0))
        report = ingest(
            store, paths, settings, reference_date=dt.date(2020, 1, 1),
            pipeline=stub, on_progress=tick if progress else None,
        )  # fmt: skip
    print(report.summary(), flush=True)
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
