"""The HTTP API: events, articles and stats from the store; extract and ingest posted text.

Every endpoint is a thin wrapper over a library function: ``EventFilter`` (built by the same
``event_filter`` as ``eventwire events``), ``Store.query_events``/``stats``, the GeoJSON
exporter, ``eventwire.store.ingest`` and the pipeline. Bad parameters are 400 with a
``detail`` that names the parameter and says what to write.
"""

from __future__ import annotations

import datetime as dt
import hmac
import io
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Annotated, Any, Literal

import typer
from fastapi import APIRouter, Body, Depends, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse

from eventwire.cli_options import event_filter
from eventwire.export.records import article_record
from eventwire.ingest import InputFailure, InputNote, read_inputs
from eventwire.model import Article, ArticleResult
from eventwire.serve.posted import ArticlesIn, OneArticleIn, as_batch, posted_file, relabel
from eventwire.serve.state import ServerState
from eventwire.store import Coder, EventFilter, UnknownEvent, ingest

MAX_LIMIT = 10_000
DEFAULT_LIMIT = 100

router = APIRouter()


def state(request: Request) -> ServerState:
    found: ServerState = request.app.state.eventwire
    return found


State = Annotated[ServerState, Depends(state)]


class BadParameter(HTTPException):
    """A 400 naming the query parameter and what to write instead."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(400, f"{param}: {message}")


def filters(
    type_: Annotated[
        list[str] | None,
        Query(alias="type", description="PLOVER type(s): repeat or comma-separate (ASSAULT)."),
    ] = None,
    mode: Annotated[list[str] | None, Query(description="PLOVER mode(s).")] = None,
    actor: Annotated[
        str | None, Query(description="Source or target: a code (TURGOV) or part of a name.")
    ] = None,
    country: Annotated[
        list[str] | None, Query(description="Country of the event location (ISO alpha-3).")
    ] = None,
    date_from: Annotated[
        str | None, Query(alias="from", description="Events on or after YYYY-MM-DD.")
    ] = None,
    date_to: Annotated[
        str | None, Query(alias="to", description="Events on or before YYYY-MM-DD.")
    ] = None,
    bbox: Annotated[
        str | None, Query(description="minlon,minlat,maxlon,maxlat of the location.")
    ] = None,
    factuality: Annotated[
        list[str] | None, Query(description="asserted, intended, hypothetical, negated.")
    ] = None,
    q: Annotated[str | None, Query(description="Full-text search of the evidence.")] = None,
    search: Annotated[str | None, Query(description="Same as q.")] = None,
    include_rejected: Annotated[bool, Query(description="Also events analysts rejected.")] = False,
) -> EventFilter:
    """The query parameters of ``GET /events`` and ``GET /stats`` as an ``EventFilter``."""
    try:
        return event_filter(
            type_, mode, actor, country, date_from, date_to, bbox, factuality,
            q or search, include_rejected,
        )  # fmt: skip
    except typer.BadParameter as exc:
        param = (exc.param_hint if isinstance(exc.param_hint, str) else "") or "query"
        raise BadParameter(param.lstrip("-"), exc.message) from None


Filters = Annotated[EventFilter, Depends(filters)]


@router.get("/events", summary="Stored events matching the filters, by date")
def list_events(
    server: State,
    where: Filters,
    limit: Annotated[int, Query(ge=0, le=MAX_LIMIT, description="Page size.")] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, description="Skip this many first.")] = 0,
    fmt: Annotated[
        Literal["json", "geojson"], Query(alias="format", description="json or geojson.")
    ] = "json",
    merged: Annotated[
        bool,
        Query(description="The merged view: one story event per real-world event, with sources."),
    ] = False,
) -> Response:
    """Events as ``{"total", "limit", "offset", "events": [...]}`` (the contract's event
    records plus ``article_id``), or a GeoJSON FeatureCollection of those with coordinates.
    ``X-Total-Count`` gives the number matching the filters, whatever the page. With
    ``merged=true`` the records are story events (``docs/dedup.md``)."""
    from eventwire.dedup.refresh import count_stories, query_stories, story_export_records
    from eventwire.export.exporter import export_events, store_records

    page = replace(where, limit=limit, offset=offset)
    with server.store() as store:
        total = count_stories(store, where) if merged else store.count_events(where)
        headers = {"X-Total-Count": str(total)}
        if fmt == "geojson":
            records = story_export_records(store, page) if merged else store_records(store, page)
            buf = io.StringIO()
            export_events(records, "geojson", buf)
            return Response(buf.getvalue(), media_type="application/geo+json", headers=headers)
        found = query_stories(store, page) if merged else store.query_events(page)
        events = [e.to_json() for e in found]
    body = {"total": total, "limit": limit, "offset": offset, "events": events}
    return JSONResponse(body, headers=headers)


@router.get("/events/{event_id}", summary="One event")
def get_event(server: State, event_id: str) -> dict[str, Any]:
    """The event record (corrections applied) with ``article_id``, ``rejected`` and
    ``corrected``."""
    with server.store() as store:
        try:
            found = store.get_event(event_id)
        except UnknownEvent:
            raise HTTPException(404, f"no event '{event_id}' in the store.") from None
    return {**found.to_json(), "rejected": found.rejected, "corrected": found.corrected}


@router.get("/articles/{article_id:path}", summary="One article: its text and its events")
def get_article(server: State, article_id: str) -> dict[str, Any]:
    """``{"article": {id, title, url, date, reference_date, language, text}, "events":
    [...]}``; each event's ``trigger`` and ``evidence`` are character offsets into ``text``."""
    with server.store() as store:
        article = store.get_article(article_id)
        if article is None:
            raise HTTPException(404, f"no article '{article_id}' in the store.")
        events = store.query_events(EventFilter(article_id=article_id))
    return {"article": _article_json(article), "events": [e.to_json() for e in events]}


@router.get("/stats", summary="Counts by type, country and month")
def get_stats(server: State, where: Filters) -> dict[str, Any]:
    with server.store() as store:
        return store.stats(where).to_json()


@router.post("/extract", summary="Code posted text; nothing is stored")
def post_extract(
    server: State, body: Annotated[OneArticleIn | ArticlesIn, Body()]
) -> dict[str, Any]:
    """One article in, its contract record (``{"schema_version", "article", "events",
    "places"}``) out; ``{"articles": [...]}`` in, ``{"articles": [records]}`` out. The
    pipeline is loaded on the first call and kept."""
    batch = as_batch(body)
    with posted_file(batch.articles) as path:
        articles: list[Article] = []
        notes: list[str] = []
        failures: list[str] = []
        items = read_inputs(
            [str(path)],
            reference_date=batch.reference_date,
            max_bytes=server.settings.max_article_bytes,
        )
        for item in items:
            if isinstance(item, Article):
                articles.append(replace(item, path=None))
            elif isinstance(item, InputNote):
                notes.append(relabel(str(item), path))
            else:
                failures.append(relabel(str(item), path))
    if failures:
        raise HTTPException(400, "; ".join(failures))
    records = [article_record(r) for r in server.pipeline().process_many(articles)]
    if isinstance(body, OneArticleIn):
        return {**records[0], "notes": notes} if notes else records[0]
    return {"articles": records, "notes": notes}


@router.post(
    "/articles",
    summary="Code and store posted articles (needs the API key)",
    responses={401: {"description": "no or wrong API key"}, 403: {"description": "read-only"}},
)
def post_articles(
    server: State, request: Request, body: Annotated[OneArticleIn | ArticlesIn, Body()]
) -> dict[str, Any]:
    """Ingest like ``eventwire ingest``: unchanged articles are skipped, changed ones
    replaced. Send the key as ``Authorization: Bearer KEY`` or ``X-API-Key: KEY``."""
    require_key(server, request)
    batch = as_batch(body)
    problems: list[str] = []
    with posted_file(batch.articles) as path:

        def problem(item: InputFailure | InputNote) -> None:
            problems.append(relabel(str(item), path))

        coder = _NoPath(server.pipeline)
        with server.store() as store:
            report = ingest(
                store,
                [str(path)],
                server.settings,
                reference_date=batch.reference_date,
                pipeline=coder,
                on_problem=problem,
            )
            if report.new or report.replaced:
                from eventwire.dedup.refresh import refresh

                refresh(store)  # keep duplicate links and merged stories current
        failures = [relabel(str(f), path) for f in report.failures]
    if failures and not report.read:
        raise HTTPException(400, "; ".join(failures))
    return {
        "read": report.read,
        "new": report.new,
        "replaced": report.replaced,
        "unchanged": report.unchanged,
        "skipped_language": report.skipped_language,
        "events": report.events,
        "failures": failures,
        "notes": [p for p in problems if p not in failures],
    }


def require_key(server: ServerState, request: Request) -> None:
    """401 unless the request carries the configured API key; 403 when none is configured."""
    if not server.writable:
        raise HTTPException(
            403,
            "this server is read-only: no API key is configured. Set 'api_key' in "
            "eventwire.toml or EVENTWIRE_API_KEY and restart the server to allow POST /articles.",
        )
    given = request.headers.get("x-api-key")
    auth = request.headers.get("authorization", "")
    if given is None and auth[:7].lower() == "bearer ":
        given = auth[7:].strip()
    if not given or not hmac.compare_digest(given.encode(), server.settings.api_key.encode()):
        raise HTTPException(
            401,
            "missing or wrong API key: send 'Authorization: Bearer KEY' or 'X-API-Key: KEY'.",
            headers={"WWW-Authenticate": "Bearer"},
        )


class _NoPath:
    """The pipeline, fed articles without the temporary file's path (they came over HTTP);
    loaded only when ingest has an article to code."""

    def __init__(self, load: Any) -> None:
        self._load = load

    def process_many(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        coder: Coder = self._load()
        return coder.process_many(replace(a, path=None) for a in articles)


def _article_json(article: Article) -> dict[str, Any]:
    def day(value: dt.date | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "date": day(article.date),
        "reference_date": day(article.reference_date),
        "reference_source": article.reference_source,
        "language": article.language,
        "text": article.text,
    }
