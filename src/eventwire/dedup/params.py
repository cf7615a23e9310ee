"""The thresholds of near-duplicate detection and story merging, read from ``data/dedup.yaml``."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.datafiles import read_yaml
from eventwire.errors import KnowledgeError

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / "dedup.yaml"


@dataclass(frozen=True, slots=True)
class MinHashParams:
    id: str
    shingle_words: int
    permutations: int
    bands: int
    threshold: float

    @property
    def rows(self) -> int:
        return self.permutations // self.bands


@dataclass(frozen=True, slots=True)
class Allowance:
    """One rule: for ``precision``, how far apart two events may be (days or km; None: any)."""

    id: str
    precision: str
    limit: float | None


@dataclass(frozen=True, slots=True)
class DedupParams:
    version: int
    minhash: MinHashParams
    date_windows: tuple[Allowance, ...]
    place_radii: tuple[Allowance, ...]

    def date_window(self, precision: str | None) -> Allowance | None:
        return next((a for a in self.date_windows if a.precision == precision), None)

    def place_radius(self, precision: str | None) -> Allowance | None:
        return next((a for a in self.place_radii if a.precision == precision), None)


@functools.lru_cache(maxsize=4)
def load_params(path: Path = DEFAULT_PATH) -> DedupParams:
    """Read and check the dedup parameters file."""
    data = read_yaml(path)
    try:
        mh = data["minhash"]
        minhash = MinHashParams(
            id=str(mh["id"]),
            shingle_words=int(mh["shingle_words"]),
            permutations=int(mh["permutations"]),
            bands=int(mh["bands"]),
            threshold=float(mh["threshold"]),
        )
        dates = tuple(_allowance(e, "days") for e in data["date_windows"])
        places = tuple(_allowance(e, "km") for e in data["place_radii"])
        version = int(data["version"])
    except (KeyError, TypeError, ValueError) as exc:
        raise KnowledgeError(f"{path}: malformed dedup parameters ({exc}).") from exc
    if minhash.bands < 1 or minhash.permutations % minhash.bands:
        raise KnowledgeError(f"{path}: minhash.permutations must be a multiple of bands.")
    ids = [a.id for a in dates + places] + [minhash.id]
    if len(set(ids)) != len(ids):
        raise KnowledgeError(f"{path}: an id is used twice; give each entry its own id.")
    return DedupParams(version, minhash, dates, places)


def _allowance(entry: Any, unit: str) -> Allowance:
    limit = entry[unit]
    return Allowance(
        str(entry["id"]), str(entry["precision"]), None if limit is None else float(limit)
    )
