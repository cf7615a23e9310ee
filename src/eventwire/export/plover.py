"""The PLOVER view: one JSON record per event with the field names of the PLOVER manual.

The manual's "Data Fields" chapter names the record (``id``, ``date``, ``enddate``,
``actor``, ``recipient``, ``event``, ``mode``, ``context``, ``event_loc``, ``event_text``,
``quad_code``, ``event_scale``, ``text``, ``text_info``, ``cite_info``, ``coder``), the entity
object (``code``, ``sector``, ``entity_text``, ``identifier_id``, ``identifier_text``), the
location object (``extracted_place``, ``resolved_place``, ``geonameid``, ``lat``, ``lon``,
``province``, ``country``, ``country_code``, ``resolution``) and the size object (``dead``).
``event``, ``mode``, ``context``, ``actor`` and ``recipient`` are lists, as the manual asks.
Factuality goes into ``context`` as the manual's auxiliary modes (``negation``,
``hypothetical``, ``future``). Fields the manual lacks keep eventwire's names (``cameo``,
``factuality``, ``confidence``, ``rules``): the manual allows extra named fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from eventwire import __version__
from eventwire.export.flat import EventItem, iso_day
from eventwire.export.mappings import CameoMap, PloverScale

CODEBOOK = "plover-2.0"  # the PLOVER manual edition the lexicon follows

# eventwire factuality -> the manual's auxiliary mode, recorded in context
AUXILIARY = {"negated": "negation", "hypothetical": "hypothetical", "intended": "future"}
# Location feature -> the manual's resolution (5 sub-city, 4 city, 3 district, 2 province,
# 1 country)
RESOLUTION = {"facility": 5, "city": 4, "admin2": 3, "admin1": 2, "country": 1}


def plover_record(
    item: EventItem, cameo: CameoMap, scale: PloverScale, countries: Mapping[str, str]
) -> dict[str, Any]:
    """The event as a PLOVER JSON record."""
    e, a = item.event, item.article
    type_ = str(e.get("type"))
    mode = e.get("mode")
    date = e.get("date") or {}
    context = list(e.get("context") or ())
    aux = AUXILIARY.get(str(e.get("factuality")))
    if aux and aux not in context:
        context.append(aux)
    record: dict[str, Any] = {
        "id": e.get("id"),
        "has_event": True,
        "date": date.get("value") or date.get("from") or iso_day(a.get("date")),
    }
    if date.get("to"):
        record["enddate"] = date["to"]
    evidence = e.get("evidence") or {}
    trigger = e.get("trigger") or {}
    record.update(
        {
            "actor": _entities(e.get("source")),
            "recipient": _entities(e.get("target")),
            "event": [type_],
            "mode": [mode] if mode else [],
            "context": context,
            "event_loc": _location(e.get("location"), countries),
            "event_text": [trigger["text"]] if trigger.get("text") else [],
            "quad_code": scale.quad(type_),
            "event_scale": scale.score(type_, mode),
            "size": {"dead": e["fatalities"]} if e.get("fatalities") is not None else None,
            "text": evidence.get("text"),
            "text_info": {"start": evidence.get("start"), "end": evidence.get("end")}
            if evidence
            else None,
            "cite_info": _cite(a),
            "coder": f"eventwire {__version__}",
            "cameo": cameo.code(type_, mode),
            "factuality": e.get("factuality"),
            "confidence": e.get("confidence"),
            "rules": list(e.get("rules") or ()),
        }
    )
    return record


def _entities(actor: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    if not actor:
        return []
    span = actor.get("span") or {}
    code, country = actor.get("code"), actor.get("country")
    entity: dict[str, Any] = {
        "code": country or code,
        "sector": actor.get("sector"),
        "entity_text": span.get("text"),
        "identifier_id": code,
        "identifier_text": actor.get("name"),
    }
    return [entity]


def _location(loc: Mapping[str, Any] | None, countries: Mapping[str, str]) -> dict[str, Any] | None:
    if not loc:
        return None
    code = loc.get("country")
    return {
        "extracted_place": loc.get("mention"),
        "resolved_place": loc.get("name"),
        "geonameid": loc.get("geonameid"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "province": loc.get("admin1"),
        "country": countries.get(code, code) if code else None,
        "country_code": code,
        "resolution": RESOLUTION.get(str(loc.get("precision"))),
    }


def _cite(article: Mapping[str, Any]) -> dict[str, Any]:
    pipeline = article.get("pipeline") or {}
    cite = {
        "citation": article.get("id"),
        "url": article.get("url"),
        "title": article.get("title"),
        "language": article.get("language"),
        "coder": f"eventwire {pipeline.get('version', __version__)}",
        "codebook": CODEBOOK,
        "version": pipeline.get("lexicon_version"),
    }
    return {k: v for k, v in cite.items() if v is not None}
