"""Versioned schema migrations, the same list for DuckDB and PostgreSQL.

Each ``Migration`` is data: a version number that is never reused, a description, the SQL
that both databases run, and extra SQL for one dialect only (PostgreSQL's full-text index).
``migrate`` applies the missing ones in order, each in its own transaction, and records it in
``schema_version``. Add a migration by appending to ``MIGRATIONS``; never edit a released one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from eventwire.store.backends import Backend, Dialect
from eventwire.store.errors import SchemaError


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]
    only: Mapping[Dialect, tuple[str, ...]] = field(default_factory=dict)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles, events, places and corrections",
        (
            """CREATE TABLE articles (
                id TEXT PRIMARY KEY,
                content_hash TEXT NOT NULL,
                title TEXT,
                date DATE,
                reference_date DATE NOT NULL,
                reference_source TEXT NOT NULL,
                url TEXT,
                path TEXT,
                language TEXT NOT NULL,
                text TEXT NOT NULL,
                status TEXT NOT NULL,
                pipeline_version TEXT NOT NULL,
                model TEXT NOT NULL,
                lexicon_version TEXT NOT NULL,
                notes TEXT NOT NULL,
                n_events INTEGER NOT NULL,
                ingested_at TIMESTAMP NOT NULL
            )""",
            """CREATE TABLE events (
                id TEXT PRIMARY KEY,
                article_id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                type TEXT NOT NULL,
                mode TEXT,
                factuality TEXT NOT NULL,
                source_code TEXT,
                source_name TEXT,
                source_country TEXT,
                target_code TEXT,
                target_name TEXT,
                target_country TEXT,
                date_from DATE,
                date_to DATE,
                date_precision TEXT,
                location_name TEXT,
                country TEXT,
                admin1 TEXT,
                lat DOUBLE PRECISION,
                lon DOUBLE PRECISION,
                fatalities INTEGER,
                confidence DOUBLE PRECISION NOT NULL,
                evidence TEXT NOT NULL,
                trigger_text TEXT NOT NULL,
                trigger_start INTEGER NOT NULL,
                trigger_end INTEGER NOT NULL,
                rejected BOOLEAN NOT NULL,
                corrected BOOLEAN NOT NULL,
                record TEXT NOT NULL,
                machine TEXT NOT NULL
            )""",
            """CREATE TABLE places (
                article_id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                mention TEXT NOT NULL,
                start_offset INTEGER NOT NULL,
                end_offset INTEGER NOT NULL,
                name TEXT NOT NULL,
                country TEXT,
                admin1 TEXT,
                lat DOUBLE PRECISION,
                lon DOUBLE PRECISION,
                geonameid BIGINT,
                feature TEXT NOT NULL,
                role TEXT NOT NULL,
                record TEXT NOT NULL,
                PRIMARY KEY (article_id, seq)
            )""",
            "CREATE SEQUENCE correction_ids START 1",
            """CREATE TABLE corrections (
                id BIGINT PRIMARY KEY DEFAULT nextval('correction_ids'),
                event_id TEXT NOT NULL,
                article_id TEXT NOT NULL,
                trigger_start INTEGER NOT NULL,
                trigger_end INTEGER NOT NULL,
                trigger_text TEXT NOT NULL,
                action TEXT NOT NULL,
                field TEXT,
                value TEXT,
                author TEXT NOT NULL,
                created_at TIMESTAMP NOT NULL,
                note TEXT
            )""",
        ),
    ),
    Migration(
        2,
        "indexes for the event filters",
        (
            "CREATE INDEX events_article ON events (article_id)",
            "CREATE INDEX events_type ON events (type)",
            "CREATE INDEX events_date ON events (date_from)",
            "CREATE INDEX events_country ON events (country)",
            "CREATE INDEX corrections_event ON corrections (event_id)",
            "CREATE INDEX corrections_article ON corrections (article_id)",
        ),
        only={
            "postgresql": (
                "CREATE INDEX events_evidence_fts ON events "
                "USING GIN (to_tsvector('english', evidence))",
            )
        },
    ),
    Migration(
        3,
        "near-duplicate articles and merged stories (eventwire.dedup)",
        (
            """CREATE TABLE article_minhash (
                article_id TEXT PRIMARY KEY,
                content_hash TEXT NOT NULL,
                params TEXT NOT NULL,
                signature TEXT NOT NULL
            )""",
            """CREATE TABLE article_duplicates (
                article_id TEXT PRIMARY KEY,
                canonical_id TEXT NOT NULL,
                similarity DOUBLE PRECISION NOT NULL
            )""",
            "CREATE INDEX article_duplicates_canonical ON article_duplicates (canonical_id)",
            """CREATE TABLE stories (
                id TEXT PRIMARY KEY,
                type TEXT NOT NULL,
                date_from DATE,
                date_to DATE,
                country TEXT,
                representative TEXT NOT NULL,
                article_id TEXT NOT NULL,
                n_events INTEGER NOT NULL,
                n_articles INTEGER NOT NULL,
                record TEXT NOT NULL
            )""",
            """CREATE TABLE story_events (
                event_id TEXT PRIMARY KEY,
                story_id TEXT NOT NULL,
                article_id TEXT NOT NULL
            )""",
            "CREATE INDEX story_events_story ON story_events (story_id)",
        ),
    ),
)

LATEST = MIGRATIONS[-1].version


def current_version(backend: Backend) -> int:
    """The schema version of the database: 0 when it holds no eventwire tables yet."""
    if not backend.table_exists("schema_version"):
        return 0
    row = backend.fetchone("SELECT max(version) FROM schema_version")
    return int(row[0]) if row and row[0] is not None else 0


def check_version(backend: Backend) -> int:
    """Raise ``SchemaError`` unless the database is at the version this eventwire writes."""
    version = current_version(backend)
    if version > LATEST:
        raise SchemaError(
            f"{backend.where} has schema version {version}, newer than this eventwire knows "
            f"({LATEST}). Upgrade eventwire."
        )
    if version < LATEST:
        raise SchemaError(
            f"{backend.where} has schema version {version}; this eventwire needs {LATEST}. "
            f"Run 'eventwire db migrate --db {backend.where}' (or any 'eventwire ingest')."
        )
    return version


def migrate(backend: Backend) -> list[int]:
    """Apply the missing migrations in order; return the versions applied."""
    applied: list[int] = []
    if backend.dialect == "postgresql":  # two processes migrating at once: one waits
        backend.execute("SELECT pg_advisory_lock(hashtext('eventwire.migrate'))")
    try:
        version = current_version(backend)
        if version > LATEST:
            check_version(backend)
        if not backend.table_exists("schema_version"):
            with backend.transaction():
                backend.execute(
                    "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, "
                    "description TEXT NOT NULL, applied_at TIMESTAMP NOT NULL)"
                )
        for migration in MIGRATIONS:
            if migration.version <= version:
                continue
            with backend.transaction():
                for sql in migration.statements + migration.only.get(backend.dialect, ()):
                    backend.execute(sql)
                backend.execute(
                    "INSERT INTO schema_version VALUES (?, ?, ?)",
                    (migration.version, migration.description, _now()),
                )
            applied.append(migration.version)
    finally:
        if backend.dialect == "postgresql":
            backend.execute("SELECT pg_advisory_unlock(hashtext('eventwire.migrate'))")
    return applied


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
