"""Score the system's articles against a gold case: events, their attributes, places.

Matching (``../shared/acceptance/README.md``): each gold event, required ones first, is paired
with the unused system event of an accepted type whose evidence contains the gold quote, the
best-fitting one (actors, date, fatalities) when several can; then unused system events of the
same type and evidence as a paired one are pooled with it. Every other event counts against
precision. Attributes are scored over matched required events.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.evaluation.case import GoldCase, GoldEvent, GoldPoint
from eventwire.evaluation.common import PRF, Ratio, haversine_km, normalise_text
from eventwire.evaluation.system import SystemActor, SystemDocument, SystemEvent, SystemLocation

NEAR_KM = 25.0  # a resolved location within this distance of the gold point is right
ATTRIBUTES = ("actors", "factuality", "mode", "date", "location", "fatalities", "quantities")


@dataclass(frozen=True, slots=True)
class MissedEvent:
    id: str
    types: tuple[str, ...]
    evidence: str


@dataclass(frozen=True, slots=True)
class UnmatchedEvent:
    type: str
    evidence: str
    trigger: str | None
    rules: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AttributeMiss:
    """A matched required event whose attribute is wrong."""

    event: str
    attribute: str


@dataclass(frozen=True, slots=True)
class CaseReport:
    name: str
    events: PRF  # tp = matched required, predicted = system events, gold = required events
    precision: float  # system events matched or pooled (any gold event) / system events
    attributes: dict[str, Ratio]
    places: Ratio
    not_places_used: int
    boilerplate_events: int
    missed: tuple[MissedEvent, ...] = ()
    unmatched: tuple[UnmatchedEvent, ...] = ()
    attribute_misses: tuple[AttributeMiss, ...] = ()

    @property
    def recall(self) -> float:
        return self.events.recall

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class _Matcher:
    """The actor rule of one case: a gold id matches an output actor whose code, country or
    name is the id or one of its surface forms, or starts with one of at least 3 letters
    (so ``USAGOV`` is ``USA``)."""

    def __init__(self, case: GoldCase) -> None:
        self.forms = case.actor_forms

    def is_(self, actor: SystemActor | None, gold_id: str) -> bool:
        if actor is None:
            return False
        names = {gold_id.upper()} | self.forms.get(gold_id.upper(), frozenset())
        ids = actor.identifiers()
        if ids & names:
            return True
        return any(i.startswith(n) for i in ids for n in names if len(n) >= 3)

    def any_of(self, actor: SystemActor | None, gold_ids: frozenset[str]) -> bool:
        return any(self.is_(actor, g) for g in gold_ids)

    def actors_ok(self, gold: GoldEvent, events: Sequence[SystemEvent]) -> bool:
        for e in events:
            if gold.symmetric and len(gold.actors) >= 2:
                a, b = gold.actors[0], gold.actors[1]
                if (self.is_(e.source, a) and self.is_(e.target, b)) or (
                    self.is_(e.source, b) and self.is_(e.target, a)
                ):
                    return True
                continue
            if gold.wanted_sources and not self.any_of(e.source, gold.wanted_sources):
                continue
            if gold.target and not self.any_of(e.target, frozenset(gold.target)):
                continue
            return True
        return False


def _date_ok(gold: GoldEvent, events: Sequence[SystemEvent]) -> bool:
    d = gold.date
    if d is None:
        return False
    for e in events:
        if not e.date_start:
            continue
        day = e.date_start[:10]
        if d.value is not None and day == d.value:
            return True
        if d.start is not None and d.start <= day <= str(d.end):
            return True
    return False


def place_ok(gold: GoldPoint, found: Sequence[SystemLocation]) -> bool:
    """Within 25 km of the gold point (or in its country where that is accepted); for a
    country-precision gold, in that country."""
    for p in found:
        country = (p.country or "").upper()
        if gold.lat is not None and gold.lon is not None:
            at = p.coords
            if at is not None and haversine_km(gold.lat, gold.lon, *at) <= NEAR_KM:
                return True
            if gold.accept_country and country == gold.country:
                return True
        elif country == gold.country:
            return True
    return False


def _quantities_ok(gold: GoldEvent, events: Sequence[SystemEvent]) -> bool:
    have = [q for e in events for q in e.quantities]
    for want in gold.quantities:
        got = {v for q in have if want.key in q.what for v in q.values}
        if not all(v in got for v in want.values):
            return False
    return True


def _fit(gold: GoldEvent, event: SystemEvent, matcher: _Matcher) -> int:
    points = int(matcher.actors_ok(gold, [event]))
    if gold.date is not None:
        points += int(_date_ok(gold, [event]))
    if gold.fatalities is not None:
        points += int(event.fatalities == gold.fatalities)
    return points


def match_events(
    case: GoldCase, events: Sequence[SystemEvent]
) -> tuple[dict[str, list[int]], set[int]]:
    """Gold id -> indices of its paired (first) and pooled system events; all used indices."""
    matcher = _Matcher(case)
    pairs: dict[str, list[int]] = {}
    used: set[int] = set()
    for gold in sorted(case.events, key=lambda g: not g.required):
        candidates = [
            i
            for i, e in enumerate(events)
            if i not in used and e.type in gold.types and gold.evidence in e.evidence
        ]
        if not candidates:
            continue
        best = max(candidates, key=lambda i: _fit(gold, events[i], matcher))
        used.add(best)
        pairs[gold.id] = [best]
    for group in pairs.values():
        first = events[group[0]]
        for i, e in enumerate(events):
            if i not in used and e.type == first.type and e.evidence == first.evidence:
                used.add(i)
                group.append(i)
    return pairs, used


def score_case(case: GoldCase, docs: Sequence[SystemDocument]) -> CaseReport:
    """Score every article of the output (usually one) against the case."""
    events = [e for d in docs for e in d.events]
    places = [p.as_location() for d in docs for p in d.places]
    matcher = _Matcher(case)
    pairs, used = match_events(case, events)
    required = [g for g in case.events if g.required]
    checks: dict[str, list[bool]] = {name: [] for name in ATTRIBUTES}
    misses: list[AttributeMiss] = []

    def check(gold: GoldEvent, name: str, ok: bool) -> None:
        checks[name].append(ok)
        if not ok:
            misses.append(AttributeMiss(gold.id, name))

    for gold in required:
        if gold.id not in pairs:
            continue
        group = [events[i] for i in pairs[gold.id]]
        check(gold, "actors", matcher.actors_ok(gold, group))
        if gold.factuality:
            check(gold, "factuality", any(e.factuality == gold.factuality for e in group))
        if gold.modes:
            check(gold, "mode", any(normalise_text(e.mode) in gold.modes for e in group))
        if gold.date is not None:
            check(gold, "date", _date_ok(gold, group))
        locations = [loc for e in group for loc in e.all_locations()]
        for point in gold.locations:
            check(gold, "location", place_ok(point, locations))
        if gold.fatalities is not None:
            check(gold, "fatalities", any(e.fatalities == gold.fatalities for e in group))
        if gold.quantities:
            check(gold, "quantities", _quantities_ok(gold, group))
    place_hits = [place_ok(gp, [p for p in places if gp.mention in p.label]) for gp in case.places]
    bad_locations = sum(
        1
        for mention in case.not_places
        for e in events
        for loc in e.all_locations()
        if loc.label == mention
    )
    boilerplate = sum(1 for line in case.boilerplate for e in events if line in e.evidence)
    tp = sum(1 for g in required if g.id in pairs)
    return CaseReport(
        name=case.name,
        events=PRF(tp=tp, predicted=len(events), gold=len(required)),
        precision=len(used) / len(events) if events else 0.0,
        attributes={k: Ratio(sum(v), len(v)) for k, v in checks.items()},
        places=Ratio(sum(place_hits), len(place_hits)),
        not_places_used=bad_locations,
        boilerplate_events=boilerplate,
        missed=tuple(
            MissedEvent(g.id, tuple(sorted(g.types)), g.evidence)
            for g in required
            if g.id not in pairs
        ),
        unmatched=tuple(
            UnmatchedEvent(e.type, e.evidence, e.trigger, e.rules)
            for i, e in enumerate(events)
            if i not in used
        ),
        attribute_misses=tuple(misses),
    )
