"""The contract's JSON record of an article (``../CONTRACT.md``, schema in data/schema/).

The only place where dataclasses become dicts: every writer (JSON Lines, the store, the API)
goes through ``article_record`` so the field names are defined once.
"""

from __future__ import annotations

from typing import Any

from eventwire import __version__
from eventwire.model import (
    Actor,
    ArticleResult,
    Attribution,
    Event,
    EventDate,
    Location,
    Place,
    Quantity,
    Span,
)

SCHEMA_VERSION = "1"


def article_record(result: ArticleResult) -> dict[str, Any]:
    a = result.article
    article: dict[str, Any] = {
        "id": a.id,
        "title": a.title,
        "date": a.date.isoformat() if a.date else None,
        "reference_date": a.reference_date.isoformat(),
        "reference_date_source": a.reference_source,
        "language": a.language,
        "content_hash": a.content_hash,
        "text": a.text,
        "pipeline": {
            "version": __version__,
            "model": result.model,
            "lexicon_version": result.lexicon_version,
        },
    }
    if a.url:
        article["url"] = a.url
    if a.path:
        article["path"] = a.path
    if result.notes:
        article["notes"] = list(result.notes)
    if result.skipped:
        article["skipped"] = result.skipped
    return {
        "schema_version": SCHEMA_VERSION,
        "article": article,
        "events": [event_record(e) for e in result.events],
        "places": [place_record(p) for p in result.places],
    }


def event_record(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "type": e.type.value,
        "mode": e.mode,
        "context": list(e.context),
        "source": actor_record(e.source),
        "target": actor_record(e.target),
        "factuality": e.factuality.value,
        "attributed_to": attribution_record(e.attributed_to),
        "date": date_record(e.date),
        "location": location_record(e.location),
        "locations": [location_record(x) for x in e.locations],
        "fatalities": e.fatalities.count if e.fatalities else None,
        "fatalities_text": e.fatalities.text if e.fatalities else None,
        "quantities": [quantity_record(q) for q in e.quantities],
        "evidence": span_record(e.evidence),
        "trigger": span_record(e.trigger),
        "rules": list(e.rules),
        "confidence": e.confidence,
    }


def span_record(span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"text": span.text, "start": span.start, "end": span.end}


def actor_record(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {
        "code": actor.code,
        "name": actor.name,
        "country": actor.country,
        "sector": actor.sector,
        "span": span_record(actor.span),
        "rules": list(actor.rules),
    }


def attribution_record(attr: Attribution | None) -> dict[str, Any] | None:
    if attr is None:
        return None
    return {"text": attr.text, "span": span_record(attr.span)}


def date_record(date: EventDate | None) -> dict[str, Any] | None:
    if date is None:
        return None
    out: dict[str, Any] = {}
    if date.value is not None:
        out["value"] = date.value.isoformat()
    else:
        out["from"] = date.start.isoformat() if date.start else None
        out["to"] = date.end.isoformat() if date.end else None
    out.update(
        precision=date.precision.value,
        text=date.text,
        span=span_record(date.span),
        rules=list(date.rules),
    )
    return out


def location_record(loc: Location | None) -> dict[str, Any] | None:
    if loc is None:
        return None
    return {
        "name": loc.name,
        "mention": loc.mention,
        "country": loc.country,
        "admin1": loc.admin1,
        "lat": loc.lat,
        "lon": loc.lon,
        "precision": loc.precision.value,
        "geonameid": loc.geonameid,
        "span": span_record(loc.span),
        "rules": list(loc.rules),
    }


def quantity_record(q: Quantity) -> dict[str, Any]:
    value: float | list[float] = list(q.value) if isinstance(q.value, tuple) else q.value
    return {"what": q.what, "value": _num(value), "unit": q.unit, "span": span_record(q.span)}


def _num(value: float | list[float]) -> Any:
    """26.0 -> 26, so counts read as the integers they are."""
    if isinstance(value, list):
        return [_num(v) for v in value]
    return int(value) if float(value).is_integer() else value


def place_record(p: Place) -> dict[str, Any]:
    return {
        "mention": p.mention,
        "start": p.start,
        "end": p.end,
        "name": p.name,
        "country": p.country,
        "admin1": p.admin1,
        "lat": p.lat,
        "lon": p.lon,
        "geonameid": p.geonameid,
        "feature": p.feature.value,
        "role": p.role.value,
        "rules": list(p.rules),
    }
