"""Score geoparsing against gold toponyms (GeoWebNews / TR-News JSON Lines).

Recognition: system places are matched one-to-one to gold toponyms whose spans overlap,
largest overlap first (then the closest boundaries). Resolution, over gold toponyms with
coordinates: acc@161km (same GeoNames id, or within 161 km great-circle), mean and median error
of the resolved ones, and the AUC of log error distance (unresolved = 20,039 km). Exact id
accuracy over gold toponyms with a GeoNames id. ``literal_only`` drops non-literal gold
toponyms and ignores unmatched system places that overlap only them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.evaluation.common import PRF, Ratio, haversine_km, read_jsonl
from eventwire.evaluation.system import SystemPlace

ACC_KM = 161.0  # 100 miles, the field's usual threshold
MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the error of an unresolved toponym


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    mention: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    type: str
    literal: bool

    @property
    def coords(self) -> tuple[float, float] | None:
        if self.lat is None or self.lon is None:
            return None
        return self.lat, self.lon


@dataclass(frozen=True, slots=True)
class GeoDocument:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def _coord(value: Any, limit: float) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) and -limit <= number <= limit else None


def _geonameid(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def load_geo_documents(path: Path) -> tuple[GeoDocument, ...]:
    docs = []
    for n, raw in enumerate(read_jsonl(path), 1):
        try:
            toponyms = []
            for t in raw.get("toponyms") or []:
                lat, lon = _coord(t.get("lat"), 90), _coord(t.get("lon"), 180)
                both = lat is not None and lon is not None
                toponyms.append(
                    GoldToponym(
                        start=int(t["start"]),
                        end=int(t["end"]),
                        mention=str(t.get("mention") or ""),
                        lat=lat if both else None,
                        lon=lon if both else None,
                        geonameid=_geonameid(t.get("geonameid")),
                        type=str(t.get("type") or "-"),
                        literal=t.get("literal") is not False,
                    )
                )
            docs.append(GeoDocument(str(raw["id"]), str(raw.get("text") or ""), tuple(toponyms)))
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"{path}:{n}", f"malformed geoparsing record ({exc!r}).") from exc
    return tuple(docs)


@dataclass(frozen=True, slots=True)
class Located:
    """A system place put on the document text."""

    start: int
    end: int
    place: SystemPlace


def locate(text: str, places: Sequence[SystemPlace]) -> list[Located]:
    """Give each place a valid span: its own, else the next unused occurrence of its mention."""
    taken: set[tuple[int, int]] = set()
    out = []
    for p in places:
        if p.start is not None and p.end is not None and 0 <= p.start < p.end <= len(text):
            span = (p.start, p.end)
        else:
            mention = (p.mention or "").strip()
            if not mention:
                continue
            pos = text.find(mention)
            while pos != -1 and (pos, pos + len(mention)) in taken:
                pos = text.find(mention, pos + 1)
            if pos == -1:
                continue
            span = (pos, pos + len(mention))
        taken.add(span)
        out.append(Located(span[0], span[1], p))
    return out


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return min(a_end, b_end) - max(a_start, b_start)


def match_spans(golds: Sequence[GoldToponym], found: Sequence[Located]) -> dict[int, int]:
    """Gold index -> system index, one to one, largest overlap first."""
    candidates = sorted(
        (-ov, abs(g.start - s.start) + abs(g.end - s.end), gi, si)
        for gi, g in enumerate(golds)
        for si, s in enumerate(found)
        if (ov := _overlap(g.start, g.end, s.start, s.end)) > 0
    )
    gold_to_sys: dict[int, int] = {}
    used: set[int] = set()
    for _, _, gi, si in candidates:
        if gi not in gold_to_sys and si not in used:
            gold_to_sys[gi] = si
            used.add(si)
    return gold_to_sys


@dataclass(frozen=True, slots=True)
class GeoMiss:
    """A gold toponym not resolved within 161 km: what the system made of it."""

    document: str
    mention: str
    start: int
    gold_geonameid: int | None
    gold_lat: float
    gold_lon: float
    predicted: SystemPlace | None  # None: not recognised
    km: float | None  # None: not recognised, or no coordinates


@dataclass(frozen=True, slots=True)
class Spurious:
    """A system place that matches no gold toponym."""

    document: str
    mention: str | None
    start: int
    name: str | None


@dataclass(frozen=True, slots=True)
class TypeScore:
    type: str
    n: int
    found: int
    n_coord: int
    acc161: int


@dataclass(frozen=True, slots=True)
class GeoReport:
    name: str
    documents: int
    missing_in_output: int
    recognition: PRF
    exact_span: PRF
    acc161: Ratio
    exact: Ratio
    resolved: int
    mean_km: float | None
    median_km: float | None
    auc: float | None
    by_type: tuple[TypeScore, ...]
    literal_only: bool = False
    gold_spans: bool = False
    misses: tuple[GeoMiss, ...] = ()
    spurious: tuple[Spurious, ...] = ()


@dataclass
class _Tally:
    n: int = 0
    found: int = 0
    n_coord: int = 0
    acc161: int = 0


def score_geo(
    name: str,
    docs: Sequence[GeoDocument],
    output: Mapping[str, Sequence[SystemPlace]],
    *,
    literal_only: bool = False,
    gold_spans: bool = False,
) -> GeoReport:
    """Score the system places (by document id; absent documents have none)."""
    n_gold = n_sys = tp = tp_exact = 0
    acc = n_coord = exact = n_id = 0
    errors_km: list[float] = []
    auc_terms: list[float] = []
    tallies: dict[str, _Tally] = {}
    misses: list[GeoMiss] = []
    spurious: list[Spurious] = []
    for doc in docs:
        golds = [t for t in doc.toponyms if t.literal or not literal_only]
        ignored = [t for t in doc.toponyms if literal_only and not t.literal]
        found = locate(doc.text, output.get(doc.id, ()))
        pairs = match_spans(golds, found)
        matched = set(pairs.values())
        for si, s in enumerate(found):
            if si in matched:
                continue
            if any(_overlap(g.start, g.end, s.start, s.end) > 0 for g in ignored):
                continue
            n_sys += 1
            spurious.append(Spurious(doc.id, s.place.mention, s.start, s.place.name))
        n_sys += len(matched)
        n_gold += len(golds)
        tp += len(pairs)
        tp_exact += len({(g.start, g.end) for g in golds} & {(s.start, s.end) for s in found})
        for gi, g in enumerate(golds):
            tally = tallies.setdefault(g.type, _Tally())
            tally.n += 1
            sp = found[pairs[gi]].place if gi in pairs else None
            tally.found += sp is not None
            if g.geonameid is not None:
                n_id += 1
                exact += sp is not None and sp.geonameid == g.geonameid
            gold_at = g.coords
            if gold_at is None:
                continue
            n_coord += 1
            tally.n_coord += 1
            same = sp is not None and g.geonameid is not None and sp.geonameid == g.geonameid
            at = gold_at if same else (sp.coords if sp is not None else None)
            km = haversine_km(*gold_at, *at) if at is not None else None
            if km is not None:
                errors_km.append(km)
                if km <= ACC_KM:
                    acc += 1
                    tally.acc161 += 1
            capped = min(km, MAX_ERROR_KM) if km is not None else MAX_ERROR_KM
            auc_terms.append(math.log1p(capped) / math.log1p(MAX_ERROR_KM))
            if km is None or km > ACC_KM:
                misses.append(
                    GeoMiss(doc.id, g.mention, g.start, g.geonameid, gold_at[0], gold_at[1], sp, km)
                )
    errors_km.sort()
    return GeoReport(
        name=name,
        documents=len(docs),
        missing_in_output=sum(1 for d in docs if d.id not in output),
        recognition=PRF(tp, n_sys, n_gold),
        exact_span=PRF(tp_exact, n_sys, n_gold),
        acc161=Ratio(acc, n_coord),
        exact=Ratio(exact, n_id),
        resolved=len(errors_km),
        mean_km=sum(errors_km) / len(errors_km) if errors_km else None,
        median_km=_median(errors_km),
        auc=sum(auc_terms) / len(auc_terms) if auc_terms else None,
        by_type=tuple(
            TypeScore(t, v.n, v.found, v.n_coord, v.acc161) for t, v in sorted(tallies.items())
        ),
        literal_only=literal_only,
        gold_spans=gold_spans,
        misses=tuple(misses),
        spurious=tuple(spurious),
    )


def _median(values: Sequence[float]) -> float | None:
    if not values:
        return None
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2
