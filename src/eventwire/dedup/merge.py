"""Story merging: events from different articles that report the same real-world event.

Two events are *compatible* when they have the same PLOVER type, compatible source and target
actors (equal codes, one code refining the other as ``IRQ``/``IRQMIL``, or one side
unknown), dates no further apart than the precision allows (``data/dedup.yaml``:
``date_windows``) and places no further apart than their precision allows (``place_radii``:
the coarser place decides; country-level places need the same country). A story is a group of
events, from different articles, all pairwise compatible (complete link, so a chain of near
events never snowballs into one story). Undated events are never merged.

Works on the contract's event records (``eventwire.export.records.event_record``), so it
runs on stored events and on ``extract`` output alike.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from eventwire.dedup.params import DedupParams

_FINE_FIRST = ("day", "week", "month", "season", "year", "article")
_PLACE_FINE_FIRST = (
    "facility", "city", "other", "admin2", "admin1", "country", "region", "continent",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ActorKey:
    code: str | None
    country: str | None


@dataclass(frozen=True, slots=True)
class PlaceKey:
    country: str | None
    lat: float | None
    lon: float | None
    precision: str | None


@dataclass(frozen=True, slots=True)
class MergeItem:
    """What merging needs of one event record."""

    event_id: str
    article_id: str
    type: str
    source: ActorKey | None
    target: ActorKey | None
    date_from: dt.date | None
    date_to: dt.date | None
    date_precision: str | None
    place: PlaceKey | None
    confidence: float
    record: dict[str, Any] = field(hash=False, compare=False, repr=False)
    # when the event reached the store (sortable text; "" when unknown): the story is named
    # after its first member, so a report that joins later does not rename it
    first_seen: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True)
class Story:
    """One real-world event: its member events (one per article) and a representative."""

    id: str
    members: tuple[MergeItem, ...]
    representative: MergeItem

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(m.article_id for m in self.members)


def _day(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


def _actor(value: Any) -> ActorKey | None:
    if not isinstance(value, Mapping) or not (value.get("code") or value.get("country")):
        return None
    return ActorKey(value.get("code") or None, value.get("country") or None)


def item_from_record(
    article_id: str, record: Mapping[str, Any], first_seen: str = ""
) -> MergeItem:
    """The merge view of one contract event record (``first_seen``: when it was stored)."""
    date = record.get("date") or {}
    day = _day(date.get("value"))
    start = day or _day(date.get("from"))
    end = day or _day(date.get("to")) or start
    loc = record.get("location") or None
    place = None
    if isinstance(loc, Mapping):
        place = PlaceKey(loc.get("country"), loc.get("lat"), loc.get("lon"), loc.get("precision"))
    return MergeItem(
        event_id=str(record["id"]),
        article_id=article_id,
        type=str(record["type"]),
        source=_actor(record.get("source")),
        target=_actor(record.get("target")),
        date_from=start,
        date_to=end,
        date_precision=date.get("precision") if date else None,
        place=place,
        confidence=float(record.get("confidence") or 0.0),
        record=dict(record),
        first_seen=first_seen,
    )


UNIDENTIFIED_ARMED = "UAF"  # "gunmen", "a car bomb": may be any armed group named elsewhere
# sectors that are never an armed group, so never the same actor as unidentified armed forces
UNARMED_SECTORS = frozenset(
    {"CVL", "EDU", "MED", "JRN", "BUS", "AGR", "LAB", "REL", "REF", "LEG", "JUD", "PTY", "OPP"}
)


def actors_compatible(first: ActorKey | None, second: ActorKey | None) -> bool:
    """Unknown on either side, equal codes, or one refining the other (IRQ, IRQMIL).

    Codes are compared without their country (countries must agree when both are known), so
    "militants" (REB) matches "a car bomb in Iraq" (IRQUAF): unidentified armed forces match
    any group that may be armed.
    """
    if first is None or second is None:
        return True
    if first.country and second.country and first.country != second.country:
        return False
    a, b = _sector(first), _sector(second)
    if not a or not b or a == b or a.startswith(b) or b.startswith(a):
        return True
    if UNIDENTIFIED_ARMED in (a, b):
        other = b if a == UNIDENTIFIED_ARMED else a
        return other[:3] not in UNARMED_SECTORS
    return False


def _sector(actor: ActorKey) -> str:
    code = actor.code or ""
    if actor.country and code.startswith(actor.country):
        return code[len(actor.country) :]
    return code


def dates_compatible(first: MergeItem, second: MergeItem, params: DedupParams) -> bool:
    """Both dated, and the gap between the two date ranges within the larger allowance."""
    if None in (first.date_from, first.date_to, second.date_from, second.date_to):
        return False
    assert first.date_from and first.date_to and second.date_from and second.date_to
    gap = max((second.date_from - first.date_to).days, (first.date_from - second.date_to).days, 0)
    allowances = [params.date_window(p) for p in (first.date_precision, second.date_precision)]
    limit = max((a.limit or 0.0) if a else 0.0 for a in allowances)
    return gap <= limit


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def places_compatible(first: PlaceKey | None, second: PlaceKey | None, params: DedupParams) -> bool:
    """Unknown on either side, or same country and within the coarser place's radius."""
    if first is None or second is None:
        return True
    if first.country and second.country and first.country != second.country:
        return False
    radii = [params.place_radius(p.precision) for p in (first, second)]
    if any(r is not None and r.limit is None for r in radii):
        return True  # a country (or coarser) place contains the other
    if None in (first.lat, first.lon, second.lat, second.lon):
        return first.country is not None and first.country == second.country
    assert first.lat is not None and first.lon is not None
    assert second.lat is not None and second.lon is not None
    limit = max((r.limit or 0.0) if r else 0.0 for r in radii)
    return km_between(first.lat, first.lon, second.lat, second.lon) <= limit


def compatible(first: MergeItem, second: MergeItem, params: DedupParams) -> bool:
    """Whether two events from different articles may report the same real-world event."""
    return (
        first.article_id != second.article_id
        and first.type == second.type
        and actors_compatible(first.source, second.source)
        and actors_compatible(first.target, second.target)
        and dates_compatible(first, second, params)
        and places_compatible(first.place, second.place, params)
    )


def _rank(item: MergeItem) -> tuple[int, int, int, float, str, str]:
    """Representative order: finest date, then finest place, most actors, confidence."""
    precision = item.date_precision or "article"
    fine = _FINE_FIRST.index(precision) if precision in _FINE_FIRST else len(_FINE_FIRST)
    where = item.place.precision if item.place is not None else None
    place = _PLACE_FINE_FIRST.index(where) if where in _PLACE_FINE_FIRST else len(_PLACE_FINE_FIRST)
    actors = -sum(a is not None for a in (item.source, item.target))
    return (fine, place, actors, -item.confidence, item.article_id, item.event_id)


def story_id(members: Sequence[MergeItem]) -> str:
    """A story is named after its first-stored member (then the lowest event id): reports
    that join it later leave the id as it was, so links to a story keep working."""
    founder = min(members, key=lambda m: (m.first_seen, m.event_id))
    return "st-" + hashlib.sha1(founder.event_id.encode()).hexdigest()[:16]


def _anchor(item: MergeItem, params: DedupParams) -> bool:
    """Whether an event pins down where and when: a day-precise date and a place with a radius."""
    if item.date_precision not in ("day", "week"):
        return False
    if item.place is None or item.place.lat is None:
        return False
    radius = params.place_radius(item.place.precision)
    return radius is None or radius.limit is not None


def _affinity(item: MergeItem, members: Sequence[MergeItem]) -> tuple[int, int]:
    """How well an event fits a story: actor codes it shares with members, then story size."""
    shared = 0
    for m in members:
        for mine, theirs in ((item.source, m.source), (item.target, m.target)):
            shared += bool(mine and theirs and mine.code and mine.code == theirs.code)
    return shared, len(members)


def merge_events(items: Iterable[MergeItem], params: DedupParams) -> list[Story]:
    """Group events into stories; every event ends in exactly one story (often alone).

    Anchored events (day-precise, with a located place) are grouped first, in date order;
    the vaguer ones (a country, a month, no place) then join the compatible story they share
    most actors with (then the largest), so a vague report attaches to the best-attested
    event instead of the first one that happens to be compatible.
    """
    longest = int(max((a.limit or 0.0 for a in params.date_windows), default=0.0))
    stories: list[list[MergeItem]] = []
    index: dict[tuple[str, int], list[int]] = defaultdict(list)  # (type, week) -> stories

    def weeks(first: dt.date, last: dt.date) -> range:
        return range(first.toordinal() // 7, last.toordinal() // 7 + 1)

    def place(item: MergeItem) -> None:
        assert item.date_from is not None and item.date_to is not None
        near = weeks(
            item.date_from - dt.timedelta(days=longest), item.date_to + dt.timedelta(days=longest)
        )
        seen: set[int] = set()
        best: tuple[tuple[int, int], int] | None = None  # (affinity, -story index)
        for week in near:
            for k in index.get((item.type, week), ()):
                if k in seen:
                    continue
                seen.add(k)
                members = stories[k]
                if all(compatible(item, m, params) for m in members):
                    fit = (_affinity(item, members), -k)
                    if best is None or fit > best:
                        best = fit
        if best is None:
            stories.append([item])
            k = len(stories) - 1
        else:
            k = -best[1]
            stories[k].append(item)
        for week in weeks(item.date_from, item.date_to):
            if k not in index[(item.type, week)]:
                index[(item.type, week)].append(k)

    everything = list(items)
    dated = [i for i in everything if i.date_from is not None and i.date_to is not None]
    undated = [i for i in everything if i.date_from is None or i.date_to is None]
    order = sorted(
        dated, key=lambda i: (not _anchor(i, params), i.date_from, i.article_id, i.event_id)
    )
    for item in order:
        place(item)
    stories.extend([i] for i in undated)
    out = [Story(story_id(members), tuple(members), min(members, key=_rank)) for members in stories]
    return sorted(out, key=lambda s: s.id)


def story_record(story: Story, copies: Mapping[str, Sequence[str]] | None = None) -> dict[str, Any]:
    """The merged view of a story: the representative's event record, with the story's id,
    every source article with its event and evidence span, and the articles that are copies.

    ``copies`` maps a canonical article id to its near-duplicate articles.
    """
    copy_of = copies or {}
    rep = story.representative.record
    sources = [
        {
            "article_id": m.article_id,
            "event_id": m.event_id,
            "evidence": m.record.get("evidence"),
            "trigger": m.record.get("trigger"),
            "date": m.record.get("date"),
            "location": (m.record.get("location") or {}).get("name"),
        }
        for m in sorted(story.members, key=lambda m: (m.article_id, m.event_id))
    ]
    duplicates = sorted({c for m in story.members for c in copy_of.get(m.article_id, ())})
    return {
        **rep,
        "id": story.id,
        "representative": story.representative.event_id,
        "n_articles": len(story.members) + len(duplicates),
        "sources": sources,
        "copies": duplicates,
    }
