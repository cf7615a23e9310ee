"""The export maps, loaded from data/mappings/: PLOVER to ACLED, PLOVER to CAMEO, PLOVER scores.

Knowledge is data (STYLE.md section 4): which ACLED event type an ASSAULT with mode `aerial`
becomes, or which CAMEO code a PROTEST `riot` had, is a line with an id in a YAML file, not an
``if`` here. The CAMEO root codes are the lexicon's own ``cameo:`` map, not a copy.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.coding.lexicon import load_lexicon
from eventwire.datafiles import read_yaml
from eventwire.errors import KnowledgeError
from eventwire.model import Plover

UNKNOWN_GROUP = "unknown"  # a sector group that matches an actor without a sector, or none


def mappings_dir() -> Path:
    return Path(str(resources.files("eventwire") / "data" / "mappings"))


def countries_path() -> Path:
    return Path(str(resources.files("eventwire") / "data" / "actors" / "countries.yaml"))


@dataclass(frozen=True, slots=True)
class AcledRule:
    """One line of the PLOVER-to-ACLED map; ``None`` conditions match anything."""

    id: str
    type: Plover
    modes: frozenset[str | None] | None
    target: str | None  # a sector group name
    source: str | None
    event_type: str | None
    sub_event_type: str | None
    skip: bool = False
    actor1: str | None = None  # label template replacing the source's name
    actor2: str | None = None


@dataclass(frozen=True, slots=True)
class ActorLabel:
    id: str
    sector: str | None
    label: str  # template with {country} and {name}


@dataclass(frozen=True, slots=True)
class AcledMap:
    version: str
    factuality: frozenset[str]
    sector_groups: Mapping[str, frozenset[str]]
    actor_labels: Mapping[str | None, ActorLabel]  # by sector
    country_names: Mapping[str, str]  # ISO alpha-3 -> ACLED's spelling, where it differs
    rules: tuple[AcledRule, ...]
    time_precision: Mapping[str, int]  # date precision -> ACLED time_precision
    geo_precision: Mapping[str, int]  # location feature -> ACLED geo_precision

    def rule_for(
        self, type_: str, mode: str | None, source_sector: str | None, target_sector: str | None
    ) -> AcledRule | None:
        """The first rule matching the event, or None when no rule covers its type."""
        for rule in self.rules:
            if rule.type.value != type_:
                continue
            if rule.modes is not None and mode not in rule.modes:
                continue
            if rule.source is not None and not self._in_group(source_sector, rule.source):
                continue
            if rule.target is not None and not self._in_group(target_sector, rule.target):
                continue
            return rule
        return None

    def _in_group(self, sector: str | None, group: str) -> bool:
        if group == UNKNOWN_GROUP:
            return sector is None
        return sector is not None and sector in self.sector_groups[group]


@dataclass(frozen=True, slots=True)
class CameoEntry:
    id: str
    type: Plover
    mode: str
    cameo: str


@dataclass(frozen=True, slots=True)
class CameoMap:
    version: str
    root: Mapping[Plover, str]  # the lexicon's cameo: map
    modes: Mapping[tuple[Plover, str], CameoEntry]

    def code(self, type_: str, mode: str | None) -> str | None:
        """The CAMEO code for a PLOVER type and mode: the mode's entry, else the type's root."""
        try:
            plover = Plover(type_)
        except ValueError:
            return None
        entry = self.modes.get((plover, mode)) if mode else None
        return entry.cameo if entry else self.root.get(plover)


@dataclass(frozen=True, slots=True)
class ScaleEntry:
    type: Plover
    quad: int
    score: float
    modes: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class PloverScale:
    version: str
    entries: Mapping[Plover, ScaleEntry]

    def quad(self, type_: str) -> int | None:
        entry = self._entry(type_)
        return entry.quad if entry else None

    def score(self, type_: str, mode: str | None) -> float | None:
        entry = self._entry(type_)
        if entry is None:
            return None
        return entry.modes.get(mode, entry.score) if mode else entry.score

    def _entry(self, type_: str) -> ScaleEntry | None:
        try:
            return self.entries.get(Plover(type_))
        except ValueError:
            return None


# --- loaders -----------------------------------------------------------------------------


@functools.lru_cache(maxsize=4)
def load_acled_map(path: Path | None = None) -> AcledMap:
    """Load the PLOVER-to-ACLED map (the shipped one unless ``path`` is given)."""
    path = path or mappings_dir() / "plover_acled.yaml"
    doc = _mapping(read_yaml(path), path)
    groups = {
        str(name): frozenset(str(s) for s in sectors)
        for name, sectors in (doc.get("sector_groups") or {}).items()
    }
    labels: dict[str | None, ActorLabel] = {}
    ids: set[str] = set()
    for n, raw in enumerate(doc.get("actor_labels") or [], 1):
        where = f"{path}: actor_labels entry {n}"
        label = ActorLabel(
            id=_id(raw, where, ids),
            sector=None if raw.get("sector") is None else str(raw["sector"]),
            label=_required(raw, "label", where),
        )
        labels[label.sector] = label
    rules = tuple(_acled_rule(raw, f"{path}: rules entry {n}", groups, ids)
                  for n, raw in enumerate(doc.get("rules") or [], 1))  # fmt: skip
    return AcledMap(
        version=str(doc.get("version", "0")),
        factuality=frozenset(str(f) for f in doc.get("factuality") or ()),
        sector_groups=groups,
        actor_labels=labels,
        country_names={str(k): str(v) for k, v in (doc.get("country_names") or {}).items()},
        rules=rules,
        time_precision={str(k): int(v) for k, v in (doc.get("time_precision") or {}).items()},
        geo_precision={str(k): int(v) for k, v in (doc.get("geo_precision") or {}).items()},
    )


def _acled_rule(
    raw: Any, where: str, groups: Mapping[str, frozenset[str]], ids: set[str]
) -> AcledRule:
    if not isinstance(raw, dict):
        raise KnowledgeError(f"{where}: a rule must be a mapping with id and type.")
    rule_id = _id(raw, where, ids)
    where = f"{where} (id '{rule_id}')"
    for key in ("source", "target"):
        group = raw.get(key)
        if group is not None and group != UNKNOWN_GROUP and group not in groups:
            raise KnowledgeError(
                f"{where}: {key} '{group}' is not a sector group. Use one of "
                f"{sorted(groups) + [UNKNOWN_GROUP]}."
            )
    skip = bool(raw.get("skip", False))
    if not skip and not (raw.get("event_type") and raw.get("sub_event_type")):
        raise KnowledgeError(f"{where}: give event_type and sub_event_type, or skip: true.")
    modes = raw.get("modes")
    return AcledRule(
        id=rule_id,
        type=_plover(raw.get("type"), where),
        modes=None if modes is None else frozenset(None if m is None else str(m) for m in modes),
        target=raw.get("target"),
        source=raw.get("source"),
        event_type=raw.get("event_type"),
        sub_event_type=raw.get("sub_event_type"),
        skip=skip,
        actor1=raw.get("actor1"),
        actor2=raw.get("actor2"),
    )


@functools.lru_cache(maxsize=4)
def load_cameo_map(path: Path | None = None) -> CameoMap:
    """Load the PLOVER-to-CAMEO mode refinements; root codes come from the lexicon."""
    path = path or mappings_dir() / "plover_cameo.yaml"
    doc = _mapping(read_yaml(path), path)
    modes: dict[tuple[Plover, str], CameoEntry] = {}
    ids: set[str] = set()
    for n, raw in enumerate(doc.get("entries") or [], 1):
        where = f"{path}: entry {n}"
        entry_id = _id(raw, where, ids)
        where = f"{where} (id '{entry_id}')"
        entry = CameoEntry(
            id=entry_id,
            type=_plover(raw.get("type"), where),
            mode=_required(raw, "mode", where),
            cameo=_required(raw, "cameo", where),
        )
        if (entry.type, entry.mode) in modes:
            raise KnowledgeError(f"{where}: {entry.type} {entry.mode} is mapped twice.")
        modes[(entry.type, entry.mode)] = entry
    return CameoMap(version=str(doc.get("version", "0")), root=load_lexicon().cameo, modes=modes)


@functools.lru_cache(maxsize=4)
def load_plover_scale(path: Path | None = None) -> PloverScale:
    """Load the PLOVER quad categories and conflict/cooperation scores."""
    path = path or mappings_dir() / "plover_scale.yaml"
    doc = _mapping(read_yaml(path), path)
    entries: dict[Plover, ScaleEntry] = {}
    for n, raw in enumerate(doc.get("entries") or [], 1):
        where = f"{path}: entry {n}"
        plover = _plover(raw.get("id"), where)
        if plover in entries:
            raise KnowledgeError(f"{where}: id '{plover}' is already used. Give it a new id.")
        try:
            entries[plover] = ScaleEntry(
                type=plover,
                quad=int(raw["quad"]),
                score=float(raw["score"]),
                modes={str(k): float(v) for k, v in (raw.get("modes") or {}).items()},
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise KnowledgeError(f"{where}: needs a numeric quad and score ({exc}).") from exc
    return PloverScale(version=str(doc.get("version", "0")), entries=entries)


@functools.lru_cache(maxsize=4)
def load_country_names(path: Path | None = None) -> Mapping[str, str]:
    """ISO 3166 alpha-3 -> English short name, from the actor dictionary's countries file."""
    path = path or countries_path()
    doc = _mapping(read_yaml(path), path)
    return {str(e["id"]): str(e["name"]) for e in doc.get("entries") or [] if "name" in e}


def _mapping(doc: Any, path: Path) -> dict[str, Any]:
    if not isinstance(doc, dict):
        raise KnowledgeError(f"{path}: expected a mapping with a version and entries.")
    return doc


def _id(raw: Any, where: str, seen: set[str]) -> str:
    if not isinstance(raw, dict) or not raw.get("id"):
        raise KnowledgeError(f"{where}: every entry needs an id.")
    entry_id = str(raw["id"])
    if entry_id in seen:
        raise KnowledgeError(f"{where}: id '{entry_id}' is already used. Give it a new id.")
    seen.add(entry_id)
    return entry_id


def _required(raw: Mapping[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if value is None or value == "":
        raise KnowledgeError(f"{where}: '{key}' is missing.")
    return str(value)


def _plover(value: Any, where: str) -> Plover:
    try:
        return Plover(str(value).upper())
    except ValueError:
        raise KnowledgeError(
            f"{where}: '{value}' is not a PLOVER type. Use one of {[p.value for p in Plover]}."
        ) from None
