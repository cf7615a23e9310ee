"""Article records built by hand (no model): ``article_record`` of hand-made dataclasses, so
the export tests read exactly the contract's JSON without running the pipeline."""

from __future__ import annotations

import datetime as dt
from typing import Any

from eventwire.export.records import article_record
from eventwire.model import (
    Actor,
    Article,
    ArticleResult,
    DatePrecision,
    Event,
    EventDate,
    Factuality,
    Fatalities,
    Feature,
    Location,
    Plover,
    Span,
)

TEXT = (
    "Soldiers shot three farmers in Maiduguri on Sunday. "
    "Jets bombed a market in Idlib. "
    "Students marched in Santiago. "
    "Chile and Peru signed a border deal last week. "
    "The minister did not order arrests."
)

PLACES = {
    "Maiduguri": ("NGA", "Borno", 11.84692, 13.15712, 2331447),
    "Idlib": ("SYR", "Idlib", 35.93062, 36.63393, 169389),
    "Santiago": ("CHL", "Santiago Metropolitan", -33.45694, -70.64827, 3871336),
}


def span(text: str, after: int = 0) -> Span:
    start = TEXT.index(text, after)
    return Span(start, start + len(text), text)


def sentence(first_words: str) -> Span:
    start = TEXT.index(first_words)
    end = TEXT.index(".", start) + 1
    return Span(start, end, TEXT[start:end])


def actor(code: str, name: str, country: str | None, sector: str | None, text: str) -> Actor:
    return Actor(code, name, country, sector, span(text), ("test.actor",))


def location(name: str) -> Location:
    country, admin1, lat, lon, gid = PLACES[name]
    return Location(name, name, country, admin1, lat, lon, Feature.CITY, gid, span(name))


def event(
    n: int,
    type_: Plover,
    trigger: str,
    *,
    mode: str | None = None,
    source: Actor | None = None,
    target: Actor | None = None,
    place: str | None = None,
    date: EventDate | None = None,
    fatalities: int | None = None,
    factuality: Factuality = Factuality.ASSERTED,
) -> Event:
    trig = span(trigger)
    dead = Fatalities(fatalities, str(fatalities), trig) if fatalities is not None else None
    return Event(
        id=f"ev-{n}",
        type=type_,
        mode=mode,
        context=(),
        source=source,
        target=target,
        factuality=factuality,
        attributed_to=None,
        date=date,
        location=location(place) if place else None,
        locations=(location(place),) if place else (),
        fatalities=dead,
        quantities=(),
        evidence=sentence(TEXT[: trig.start].rsplit(". ", 1)[-1] or trigger),
        trigger=trig,
        rules=(f"{type_.value.lower()}.test", "arg.subject"),
        confidence=0.9,
    )


def day(text: str, value: dt.date) -> EventDate:
    return EventDate(DatePrecision.DAY, value=value, text=text, span=span(text))


EVENTS = (
    event(
        1,
        Plover.ASSAULT,
        "shot",
        mode="firearms",
        source=actor("NGAMIL", "military", "NGA", "MIL", "Soldiers"),
        target=actor("NGAAGR", "farmers", "NGA", "AGR", "farmers"),
        place="Maiduguri",
        date=day("Sunday", dt.date(2021, 5, 9)),
        fatalities=3,
    ),
    event(
        2,
        Plover.ASSAULT,
        "bombed",
        mode="aerial",
        source=actor("MIL", "military", None, "MIL", "Jets"),
        place="Idlib",
        date=day("Sunday", dt.date(2021, 5, 9)),
    ),
    event(
        3,
        Plover.PROTEST,
        "marched",
        mode="demo",
        source=actor("CHLEDU", "education", "CHL", "EDU", "Students"),
        place="Santiago",
    ),
    event(
        4,
        Plover.AGREE,
        "signed",
        source=actor("CHL", "Chile", "CHL", None, "Chile"),
        target=actor("PER", "Peru", "PER", None, "Peru"),
        date=EventDate(
            DatePrecision.WEEK,
            start=dt.date(2021, 5, 3),
            end=dt.date(2021, 5, 9),
            text="last week",
            span=span("last week"),
        ),
    ),
    event(
        5,
        Plover.COERCE,
        "order arrests",
        mode="arrest",
        source=actor("GOV", "government", None, "GOV", "minister"),
        factuality=Factuality.NEGATED,
    ),
)


def records() -> list[dict[str, Any]]:
    """Two article records over the same text: events 1-3, and events 4-5."""
    out = []
    for n, events in enumerate((EVENTS[:3], EVENTS[3:]), 1):
        article = Article(
            id=f"art-{n}",
            text=TEXT,
            reference_date=dt.date(2021, 5, 12),
            reference_source="article",
            date=dt.date(2021, 5, 12),
            url=f"https://www.example.org/news/{n}" if n == 1 else None,
            content_hash=f"sha1:{n}",
        )
        out.append(article_record(ArticleResult(article, events, (), "test-model", "2")))
    return out
