"""The merged view in the store: duplicate links and stories, recomputed by ``refresh``.

``refresh(store)`` (run by ``eventwire ingest`` after coding, and by ``eventwire dedup``)
1. computes the MinHash signature of every article that has none or whose text changed
   (kept in ``article_minhash``, so a re-run only hashes new articles);
2. links near-duplicate articles to their canonical article (``article_duplicates``);
3. merges the events of every article that is not a duplicate into stories (``stories``,
   ``story_events``). Events of duplicate articles are left out, so a wire story copied by a
   hundred outlets counts once; the story lists the copies. Rejected events are left out.

Links and stories are rewritten in one transaction. ``query_stories`` / ``iter_stories`` read
the merged view with the same ``EventFilter`` as the events: a story is selected when one of
its member events is.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from eventwire.dedup.articles import DuplicateLink, find_duplicates
from eventwire.dedup.merge import (
    MergeItem,
    compatible,
    item_from_record,
    merge_events,
    story_record,
)
from eventwire.dedup.minhash import Signature, from_hex, signature, to_hex
from eventwire.dedup.params import DedupParams, load_params
from eventwire.store.filters import EventFilter
from eventwire.store.store import ALL_EVENTS, Store, StoredEvent, paged

_PAGE = 500


@dataclass(frozen=True, slots=True)
class DedupReport:
    articles: int
    hashed: int
    duplicates: int
    events: int
    stories: int
    merged: int  # stories with more than one source article
    seconds: float

    def summary(self) -> str:
        return (
            f"dedup: {self.duplicates} of {self.articles} articles are near-duplicates; "
            f"{self.events} events -> {self.stories} stories ({self.merged} with several "
            f"sources) in {self.seconds:.1f} s"
        )


def _tag(params: DedupParams) -> str:
    m = params.minhash
    return f"{m.id}:{m.shingle_words}:{m.permutations}"


def update_signatures(store: Store, params: DedupParams) -> int:
    """Hash the articles that have no current signature; return how many were hashed."""
    db = store.backend
    tag = _tag(params)
    stale = [
        str(r[0])
        for r in db.fetchall(
            "SELECT a.id FROM articles a LEFT JOIN article_minhash m ON m.article_id = a.id "
            "WHERE m.article_id IS NULL OR m.content_hash <> a.content_hash OR m.params <> ?",
            (tag,),
        )
    ]
    for start in range(0, len(stale), _PAGE):
        ids = stale[start : start + _PAGE]
        marks = ", ".join("?" for _ in ids)
        found = db.fetchall(
            f"SELECT id, content_hash, text FROM articles WHERE id IN ({marks})", ids
        )
        rows = [(i, h, tag, to_hex(signature(t, params.minhash))) for i, h, t in found]
        with db.transaction():
            db.execute(f"DELETE FROM article_minhash WHERE article_id IN ({marks})", ids)
            db.executemany(
                "INSERT INTO article_minhash (article_id, content_hash, params, signature) "
                "VALUES (?, ?, ?, ?)",
                rows,
            )
    with db.transaction():
        db.execute("DELETE FROM article_minhash WHERE article_id NOT IN (SELECT id FROM articles)")
    return len(stale)


def _signatures(store: Store) -> tuple[dict[str, Signature], dict[str, dt.date | None]]:
    found = store.backend.fetchall(
        "SELECT m.article_id, m.signature, a.date FROM article_minhash m "
        "JOIN articles a ON a.id = m.article_id"
    )
    return {str(r[0]): from_hex(r[1]) for r in found}, {str(r[0]): r[2] for r in found}


def refresh(store: Store, params: DedupParams | None = None) -> DedupReport:
    """Recompute duplicate links and stories for everything in the store."""
    started = time.perf_counter()
    params = params or load_params()
    hashed = update_signatures(store, params)
    sigs, dates = _signatures(store)
    links = find_duplicates(sigs, params.minhash, dates)
    canonical_of = {link.article_id: link.canonical_id for link in links}
    copies: dict[str, list[str]] = defaultdict(list)
    for link in links:
        copies[link.canonical_id].append(link.article_id)
    db = store.backend
    by_article: dict[str, list[MergeItem]] = defaultdict(list)
    for article_id, record, ingested in db.fetchall(
        "SELECT e.article_id, e.record, a.ingested_at FROM events e "
        "JOIN articles a ON a.id = e.article_id WHERE NOT e.rejected ORDER BY e.article_id, e.seq"
    ):
        seen = ingested.isoformat() if isinstance(ingested, dt.datetime) else str(ingested or "")
        item = item_from_record(str(article_id), json.loads(record), seen)
        by_article[str(article_id)].append(item)
    items: list[MergeItem] = []
    for article_id, events in by_article.items():
        canonical = by_article.get(canonical_of.get(article_id, ""), [])
        # an event of a copy is left out when the canonical article reports it too; one the
        # canonical article lacks (a rewrite that adds a fact) stays, so nothing is lost
        items += [e for e in events if not any(compatible(e, c, params) for c in canonical)]
    stories = merge_events(items, params)
    with db.transaction():
        db.execute("DELETE FROM article_duplicates")
        db.execute("DELETE FROM story_events")
        db.execute("DELETE FROM stories")
        db.executemany(
            "INSERT INTO article_duplicates (article_id, canonical_id, similarity) "
            "VALUES (?, ?, ?)",
            [(link.article_id, link.canonical_id, link.similarity) for link in links],
        )
        story_rows = []
        member_rows = []
        for story in stories:
            record = story_record(story, copies)
            rep = story.representative
            loc = record.get("location") or {}
            story_rows.append(
                (story.id, rep.type, rep.date_from, rep.date_to, loc.get("country"),
                 rep.event_id, rep.article_id, len(story.members), record["n_articles"],
                 json.dumps(record, ensure_ascii=False))
            )  # fmt: skip
            member_rows += [(m.event_id, story.id, m.article_id) for m in story.members]
        db.executemany(
            "INSERT INTO stories (id, type, date_from, date_to, country, representative, "
            "article_id, n_events, n_articles, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            story_rows,
        )
        db.executemany(
            "INSERT INTO story_events (event_id, story_id, article_id) VALUES (?, ?, ?)",
            member_rows,
        )
    return DedupReport(
        articles=len(sigs),
        hashed=hashed,
        duplicates=len(links),
        events=len(items),
        stories=len(stories),
        merged=sum(len(s.members) > 1 for s in stories),
        seconds=time.perf_counter() - started,
    )


def duplicate_links(store: Store) -> list[DuplicateLink]:
    """The stored article -> canonical article links."""
    found = store.backend.fetchall(
        "SELECT article_id, canonical_id, similarity FROM article_duplicates ORDER BY article_id"
    )
    return [DuplicateLink(str(a), str(c), float(s)) for a, c, s in found]


def _story_condition(store: Store, where: EventFilter) -> tuple[str, list[object]]:
    cond, params = where.where(store.backend)
    return (
        "id IN (SELECT story_id FROM story_events WHERE event_id IN "
        f"(SELECT id FROM events WHERE {cond}))",
        list(params),
    )


def query_stories(store: Store, where: EventFilter = ALL_EVENTS) -> list[StoredEvent]:
    """Stories (the merged view) with a member event the filter selects, by date."""
    cond, params = _story_condition(store, where)
    sql = (
        f"SELECT id, article_id, record FROM stories WHERE {cond} "
        "ORDER BY date_from NULLS LAST, article_id, id"
    )
    sql += where.page_sql(params)
    return [
        StoredEvent(id=str(i), article_id=str(a), record=json.loads(r))
        for i, a, r in store.backend.fetchall(sql, params)
    ]


def iter_stories(
    store: Store, where: EventFilter = ALL_EVENTS, page: int = 1000
) -> Iterator[StoredEvent]:
    """Like ``query_stories`` a page at a time, for exports of any size."""
    return paged(lambda w: query_stories(store, w), where, page)


def count_stories(store: Store, where: EventFilter = ALL_EVENTS) -> int:
    cond, params = _story_condition(store, where)
    row = store.backend.fetchone(f"SELECT count(*) FROM stories WHERE {cond}", params)
    return int(row[0]) if row else 0


def story_export_records(store: Store, where: EventFilter = ALL_EVENTS) -> Iterator[dict[str, Any]]:
    """Article-shaped records of the merged view, for ``eventwire export --merged``: one per
    story, under its representative article (the exporters read these like extract output)."""
    for story in iter_stories(store, where):
        yield {"article": {"id": story.article_id}, "events": [story.record], "places": []}
