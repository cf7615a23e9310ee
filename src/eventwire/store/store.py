"""``Store``: articles, events, places and corrections in DuckDB or PostgreSQL.

Every write of an article happens in one transaction: its old events and places go, the new
ones come with the analysts' corrections re-applied, and the article row records the content
hash and pipeline that coded it. A process killed mid-write leaves the previous state.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from eventwire import __version__
from eventwire.ingest import content_hash
from eventwire.model import Article, ArticleResult
from eventwire.store import corrections as corr
from eventwire.store import rows
from eventwire.store.backends import Backend, Row
from eventwire.store.corrections import Correction
from eventwire.store.errors import CorrectionError, UnknownEvent
from eventwire.store.filters import EventFilter
from eventwire.store.migrations import current_version

SaveOutcome = Literal["new", "replaced"]
ArticleStatus = Literal["coded", "skipped-language"]
ALL_EVENTS = EventFilter()
_CORRECTION_COLUMNS = "id, event_id, action, field, value, author, created_at, note"


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """One event as stored: the contract record with corrections applied, and its article."""

    id: str
    article_id: str
    record: dict[str, Any] = field(hash=False, compare=False)
    rejected: bool = False
    corrected: bool = False

    def to_json(self) -> dict[str, Any]:
        """The event record with ``article_id`` first (for JSON output and exports)."""
        return {"article_id": self.article_id, **self.record}


@dataclass(frozen=True, slots=True)
class Stats:
    """Counts over the events a filter selects, for ``eventwire stats`` and ``GET /stats``."""

    articles: int
    events: int
    rejected: int
    corrections: int
    by_type: tuple[tuple[str, int], ...]
    by_country: tuple[tuple[str, int], ...]
    by_month: tuple[tuple[str, int], ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "events": self.events,
            "rejected": self.rejected,
            "corrections": self.corrections,
            "by_type": dict(self.by_type),
            "by_country": dict(self.by_country),
            "by_month": dict(self.by_month),
        }


def paged(
    query: Callable[[EventFilter], list[StoredEvent]], where: EventFilter, page: int = 1000
) -> Iterator[StoredEvent]:
    """Run ``query`` a page at a time over what ``where`` selects (its limit and offset kept)."""
    done = 0
    while where.limit is None or done < where.limit:
        size = page if where.limit is None else min(page, where.limit - done)
        batch = query(replace(where, limit=size, offset=where.offset + done))
        yield from batch
        done += len(batch)
        if len(batch) < size:
            return


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Store:
    """An open event store; use ``eventwire.store.open_store`` to get one."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    @property
    def where(self) -> str:
        return self.backend.where

    def close(self) -> None:
        self.backend.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles -------------------------------------------------------------------------

    def stored_hash(self, article_id: str) -> str | None:
        """The content hash stored for an article id, or None when it is not stored."""
        row = self.backend.fetchone("SELECT content_hash FROM articles WHERE id = ?", (article_id,))
        return str(row[0]) if row else None

    def stored_hashes(self, article_ids: Sequence[str]) -> dict[str, str]:
        """The content hashes stored for those of ``article_ids`` that are stored (one query)."""
        if not article_ids:
            return {}
        marks = ", ".join("?" for _ in article_ids)
        found = self.backend.fetchall(
            f"SELECT id, content_hash FROM articles WHERE id IN ({marks})", list(article_ids)
        )
        return {str(i): str(h) for i, h in found}

    def get_article(self, article_id: str) -> Article | None:
        cols = ", ".join(rows.ARTICLE_COLUMNS)
        row = self.backend.fetchone(f"SELECT {cols} FROM articles WHERE id = ?", (article_id,))
        return rows.article_from_row(row) if row else None

    def iter_articles(self, page: int = 200) -> Iterator[Article]:
        """Every stored article in id order, read a page at a time (for ``--recode``)."""
        cols = ", ".join(rows.ARTICLE_COLUMNS)
        last: str | None = None
        while True:
            if last is None:
                batch = self.backend.fetchall(
                    f"SELECT {cols} FROM articles ORDER BY id LIMIT ?", (page,)
                )
            else:
                batch = self.backend.fetchall(
                    f"SELECT {cols} FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, page)
                )
            if not batch:
                return
            for row in batch:
                yield rows.article_from_row(row)
            last = str(batch[-1][0])

    def count_articles(self) -> int:
        row = self.backend.fetchone("SELECT count(*) FROM articles")
        return int(row[0]) if row else 0

    def save(self, result: ArticleResult, *, status: ArticleStatus = "coded") -> SaveOutcome:
        """Store one coded article, replacing what was stored under its id, in one transaction.

        Corrections made to the article's events are re-applied to the new events: matched by
        event id, else by the trigger's position and text (ids change with the pipeline).
        """
        return self.save_many([result], status=status)[0]

    def save_many(
        self, results: Sequence[ArticleResult], *, status: ArticleStatus = "coded"
    ) -> list[SaveOutcome]:
        """Store a batch of coded articles in one transaction, as ``save`` stores one.

        Deletes and inserts go to the database a table at a time, not an article at a time:
        per-statement overhead, not the data, is what a store spends its time on. When an id
        comes twice, the later result wins and counts as a replacement, as with two saves.
        """
        results = [_with_hash(r) for r in results]
        if not results:
            return []
        ids = list(dict.fromkeys(r.article.id for r in results))
        db = self.backend
        with db.transaction():
            for article_id in sorted(ids):
                db.lock_article(article_id)
            stored = self.stored_hashes(ids)
            outcomes: list[SaveOutcome] = []
            latest: dict[str, ArticleResult] = {}
            for result in results:
                seen = result.article.id in stored or result.article.id in latest
                outcomes.append("replaced" if seen else "new")
                latest[result.article.id] = result
            marks = ", ".join("?" for _ in ids)
            for table, column in (("events", "article_id"), ("places", "article_id"),
                                  ("articles", "id")):  # fmt: skip
                db.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", ids)
            self._insert_rows(list(latest.values()), status, marks, ids)
        return outcomes

    def _insert_rows(
        self, results: Sequence[ArticleResult], status: ArticleStatus, marks: str, ids: list[str]
    ) -> None:
        db = self.backend
        found = db.fetchall(
            f"SELECT article_id, {_CORRECTION_COLUMNS}, trigger_start, trigger_end, trigger_text "
            f"FROM corrections WHERE article_id IN ({marks}) ORDER BY id",
            ids,
        )
        corrections_of: dict[str, list[Row]] = {}
        for row in found:
            corrections_of.setdefault(str(row[0]), []).append(row[1:])
        now = _now()
        article_rows, event_rows, place_rows = [], [], []
        for result in results:
            article = result.article
            article_rows.append(
                rows.article_row(result, status=status, pipeline_version=__version__, now=now)
            )
            records = rows.machine_records(result)
            by_event = self._match_corrections(corrections_of.get(article.id, []), records)
            for seq, record in enumerate(records):
                machine = json.dumps(record, ensure_ascii=False)
                effective, rejected = corr.apply(record, by_event.get(record["id"], ()))
                event_rows.append(
                    rows.event_columns(effective, article_id=article.id, seq=seq,
                                       rejected=rejected, machine=machine)
                )  # fmt: skip
            place_rows.extend(rows.place_rows(result))
        db.insert_rows("articles", rows.ARTICLE_COLUMNS, article_rows)
        db.insert_rows("events", rows.EVENT_COLUMNS, event_rows)
        db.insert_rows("places", rows.PLACE_COLUMNS, place_rows)

    def _match_corrections(
        self, found: Sequence[Row], records: Sequence[dict[str, Any]]
    ) -> dict[str, list[Correction]]:
        """An article's corrections keyed by the id of the new event they now belong to."""
        if not found:
            return {}
        ids = {r["id"] for r in records}
        anchors = {
            (r["trigger"]["start"], r["trigger"]["end"], r["trigger"]["text"]): r["id"]
            for r in records
        }
        out: dict[str, list[Correction]] = {}
        moved: list[tuple[str, int]] = []
        for row in found:
            correction = _correction(row[:8])
            target = correction.event_id
            if target not in ids:
                anchor = (row[8], row[9], row[10])
                if anchor not in anchors:
                    continue  # the event is gone; the correction waits in case it returns
                target = anchors[anchor]
                moved.append((target, correction.id))
                correction = replace(correction, event_id=target)
            out.setdefault(target, []).append(correction)
        if moved:
            self.backend.executemany("UPDATE corrections SET event_id = ? WHERE id = ?", moved)
        return out

    # -- events ---------------------------------------------------------------------------

    def query_events(self, where: EventFilter = ALL_EVENTS) -> list[StoredEvent]:
        """Events matching the filter, by date (undated last), then article and position."""
        cond, params = where.where(self.backend)
        sql = (
            f"SELECT id, article_id, record, rejected, corrected FROM events WHERE {cond} "
            "ORDER BY date_from NULLS LAST, article_id, seq"
        )
        sql += where.page_sql(params)
        return [_event(row) for row in self.backend.fetchall(sql, params)]

    def iter_events(
        self, where: EventFilter = ALL_EVENTS, page: int = 1000
    ) -> Iterator[StoredEvent]:
        """Like ``query_events`` but a page at a time, for exports of any size."""
        return paged(self.query_events, where, page)

    def count_events(self, where: EventFilter = ALL_EVENTS) -> int:
        cond, params = where.where(self.backend)
        row = self.backend.fetchone(f"SELECT count(*) FROM events WHERE {cond}", params)
        return int(row[0]) if row else 0

    def get_event(self, event_id: str) -> StoredEvent:
        row = self.backend.fetchone(
            "SELECT id, article_id, record, rejected, corrected FROM events WHERE id = ?",
            (event_id,),
        )
        if row is None:
            raise UnknownEvent(event_id, self.where)
        return _event(row)

    def machine_record(self, event_id: str) -> dict[str, Any]:
        """The event as the pipeline coded it, before any correction."""
        row = self.backend.fetchone("SELECT machine FROM events WHERE id = ?", (event_id,))
        if row is None:
            raise UnknownEvent(event_id, self.where)
        value: dict[str, Any] = json.loads(row[0])
        return value

    # -- corrections ----------------------------------------------------------------------

    def corrections(self, event_id: str) -> list[Correction]:
        found = self.backend.fetchall(
            f"SELECT {_CORRECTION_COLUMNS} FROM corrections WHERE event_id = ? ORDER BY id",
            (event_id,),
        )
        return [_correction(r) for r in found]

    def correct(
        self,
        event_id: str,
        changes: Iterable[tuple[str, Any]] | Iterable[str],
        *,
        author: str,
        note: str | None = None,
    ) -> StoredEvent:
        """Set fields of an event (``("type", "PROTEST")`` or ``"type=PROTEST"``), with who/when."""
        parsed: list[tuple[str, Any]] = []
        for change in changes:
            if isinstance(change, str):
                parsed.append(corr.parse_assignment(change))
            else:
                name, value = change
                parsed.append(corr.parse_assignment(f"{name}={'null' if value is None else value}"))
        if not parsed:
            raise CorrectionError("give at least one FIELD=VALUE, or --reject / --restore.")
        return self._record(event_id, [("set", n, v) for n, v in parsed], author, note)

    def reject(self, event_id: str, *, author: str, note: str | None = None) -> StoredEvent:
        """Mark an event as wrong: it leaves every view unless rejected events are asked for."""
        return self._record(event_id, [("reject", None, None)], author, note)

    def restore(self, event_id: str, *, author: str, note: str | None = None) -> StoredEvent:
        """Undo a rejection (the history keeps both)."""
        return self._record(event_id, [("restore", None, None)], author, note)

    def _record(
        self,
        event_id: str,
        actions: list[tuple[str, str | None, Any]],
        author: str,
        note: str | None,
    ) -> StoredEvent:
        if not author.strip():
            raise CorrectionError("a correction needs an author: pass --by NAME.")
        db = self.backend
        with db.transaction():
            found = db.fetchone(
                "SELECT article_id, seq, machine, trigger_start, trigger_end, trigger_text "
                "FROM events WHERE id = ?",
                (event_id,),
            )
            if found is None:
                raise UnknownEvent(event_id, self.where)
            article_id, seq, machine, t_start, t_end, t_text = found
            db.lock_article(article_id)
            now = _now()
            db.executemany(
                "INSERT INTO corrections (event_id, article_id, trigger_start, trigger_end, "
                "trigger_text, action, field, value, author, created_at, note) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (event_id, article_id, t_start, t_end, t_text, action, name,
                     None if name is None else corr.encode_value(value), author, now, note)
                    for action, name, value in actions
                ],
            )  # fmt: skip
            effective, rejected = corr.apply(json.loads(machine), self.corrections(event_id))
            db.execute("DELETE FROM events WHERE id = ?", (event_id,))
            db.execute(
                _insert("events", rows.EVENT_COLUMNS),
                rows.event_columns(effective, article_id=article_id, seq=seq,
                                   rejected=rejected, machine=machine),
            )  # fmt: skip
        return self.get_event(event_id)

    # -- summaries ------------------------------------------------------------------------

    def stats(self, where: EventFilter = ALL_EVENTS) -> Stats:
        cond, params = where.where(self.backend)
        db = self.backend

        def grouped(expr: str) -> tuple[tuple[str, int], ...]:
            found = db.fetchall(
                f"SELECT {expr} AS k, count(*) AS n FROM events WHERE {cond} "
                "GROUP BY k ORDER BY n DESC, k",
                params,
            )
            return tuple((str(k) if k is not None else "unknown", int(n)) for k, n in found)

        month = db.month("date_from")
        by_month = tuple(sorted(grouped(month)))
        rejected = db.fetchone("SELECT count(*) FROM events WHERE rejected")
        corrections = db.fetchone("SELECT count(*) FROM corrections")
        return Stats(
            articles=self.count_articles(),
            events=self.count_events(where),
            rejected=int(rejected[0]) if rejected else 0,
            corrections=int(corrections[0]) if corrections else 0,
            by_type=grouped("type"),
            by_country=grouped("country"),
            by_month=by_month,
        )

    def info(self) -> dict[str, Any]:
        """Where the store is, its schema version and how much it holds."""
        events = self.backend.fetchone("SELECT count(*) FROM events")
        return {
            "database": self.where,
            "backend": self.backend.dialect,
            "schema_version": current_version(self.backend),
            "articles": self.count_articles(),
            "events": int(events[0]) if events else 0,
        }


def _with_hash(result: ArticleResult) -> ArticleResult:
    article = result.article
    if article.content_hash:
        return result
    return replace(result, article=replace(article, content_hash=content_hash(article.text)))


def _insert(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"


def _event(row: tuple[Any, ...]) -> StoredEvent:
    return StoredEvent(
        id=row[0], article_id=row[1], record=json.loads(row[2]), rejected=bool(row[3]),
        corrected=bool(row[4]),
    )  # fmt: skip


def _correction(row: tuple[Any, ...]) -> Correction:
    return Correction(
        id=int(row[0]), event_id=row[1], action=row[2], field=row[3],
        value=corr.decode_value(row[4]), author=row[5], created_at=row[6], note=row[7],
    )  # fmt: skip
