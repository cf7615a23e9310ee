"""The ACLED-style view: one CSV row per event, in the columns and vocabulary of ACLED exports.

Which ACLED event and sub-event type a PLOVER event becomes, and how actors are named
("Military Forces of Nigeria", "Protesters (Chile)"), is the data in
data/mappings/plover_acled.yaml; this module only applies it. Events ACLED does not record
(statements, meetings; not asserted as having happened) give no row.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from eventwire.export.flat import EventItem, iso_day
from eventwire.export.mappings import AcledMap

ACLED_COLUMNS: tuple[str, ...] = (
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "fatalities",
    "source",
    "notes",
    # beyond ACLED's core columns: precision codes as ACLED has them, and the way back
    "time_precision",
    "geo_precision",
    "iso3",
    "event_id",
    "article_id",
    "acled_rule",
)


def acled_row(
    item: EventItem, acled: AcledMap, countries: Mapping[str, str]
) -> dict[str, Any] | None:
    """The event as an ACLED-style row, or None when ACLED would not record it."""
    e, a = item.event, item.article
    if acled.factuality and e.get("factuality") not in acled.factuality:
        return None
    source, target = e.get("source") or None, e.get("target") or None
    rule = acled.rule_for(
        str(e.get("type")),
        e.get("mode"),
        source.get("sector") if source else None,
        target.get("sector") if target else None,
    )
    if rule is None or rule.skip:
        return None
    date = e.get("date") or {}
    loc = e.get("location") or {}
    country_code = loc.get("country")
    fatalities = e.get("fatalities")
    return {
        "event_date": date.get("value") or date.get("from") or iso_day(a.get("date")),
        "event_type": rule.event_type,
        "sub_event_type": rule.sub_event_type,
        "actor1": actor_label(source, rule.actor1, acled, countries),
        "actor2": actor_label(target, rule.actor2, acled, countries),
        "country": country_name(country_code, acled, countries),
        "admin1": loc.get("admin1"),
        "location": loc.get("name"),
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "fatalities": fatalities if isinstance(fatalities, int) else 0,
        "source": _source(a),
        "notes": (e.get("evidence") or {}).get("text"),
        "time_precision": acled.time_precision.get(str(date.get("precision"))),
        "geo_precision": acled.geo_precision.get(str(loc.get("precision"))),
        "iso3": country_code,
        "event_id": e.get("id"),
        "article_id": a.get("id"),
        "acled_rule": f"acled.{rule.id}",
    }


def country_name(code: str | None, acled: AcledMap, countries: Mapping[str, str]) -> str | None:
    """A country's name as ACLED writes it ("Democratic Republic of Congo"), from its code."""
    if not code:
        return None
    return acled.country_names.get(code) or countries.get(code) or code


def actor_label(
    actor: Mapping[str, Any] | None,
    template: str | None,
    acled: AcledMap,
    countries: Mapping[str, str],
) -> str | None:
    """ACLED's name for an actor: "Military Forces of Nigeria", "Civilians (Chile)", "ISIS"."""
    if not actor:
        return None if template is None else _fill(template, None, None)
    name = actor.get("name")
    code, country, sector = actor.get("code"), actor.get("country"), actor.get("sector")
    country_label = country_name(country, acled, countries)
    if template is not None:
        return _fill(template, country_label, name)
    if code and code not in (country, f"{country or ''}{sector or ''}"):
        return str(name or code)  # an organisation or a person keeps its own name
    label = acled.actor_labels.get(sector)
    if label is None:
        return str(name) if name else None
    return _fill(label.label, country_label, name)


def _fill(template: str, country: str | None, name: Any) -> str | None:
    if country is None:
        if "{name}" not in template and "{country}" in template and " ({country})" not in template:
            return str(name) if name else None
        template = template.replace(" ({country})", "")
    return template.format(country=country or "", name=name or "")


def _source(article: Mapping[str, Any]) -> str | None:
    """The publication, as ACLED's source column has it: the URL's host, else the article id."""
    url = article.get("url")
    if url:
        host = urlsplit(str(url)).hostname
        if host:
            return host.removeprefix("www.")
    return str(article.get("id")) if article.get("id") else None
