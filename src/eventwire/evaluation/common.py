"""What every scorer shares: the kinds of gold set, text normalisation, distances, ratios."""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from eventwire.errors import InputError

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)
_PUNCTUATION = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00ad": ""}
)
_SPACE = re.compile(r"\s+")


class SetKind(StrEnum):
    """The three kinds of gold set ``eventwire eval`` reads."""

    CASE = "case"  # gold.yaml of ../shared/acceptance: one article, its events and places
    TYPES = "types"  # JSON Lines, one sentence a line with its PLOVER type (PLOVER-GSR)
    GEO = "geo"  # JSON Lines, one document a line with its gold toponyms


@dataclass(frozen=True, slots=True)
class Ratio:
    """``right`` out of ``total``; ``value`` is None over an empty denominator."""

    right: int
    total: int

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None

    def __str__(self) -> str:
        return f"{self.right}/{self.total}" if self.total else "n/a"


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 from true positives and the two counts."""

    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return harmonic(self.precision, self.recall)


def harmonic(p: float | None, r: float | None) -> float:
    """F1 of a precision and a recall; 0 when either is missing or zero."""
    return 2 * p * r / (p + r) if p and r else 0.0


def normalise_text(text: str | None) -> str:
    """NFKC, straight quotes, no soft hyphens, one space per white-space run, lower case."""
    text = unicodedata.normalize("NFKC", text or "").translate(_PUNCTUATION)
    return _SPACE.sub(" ", text).strip().lower()


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Every JSON object of a JSON Lines file; a bad line is an ``InputError`` naming it."""
    out: list[dict[str, Any]] = []
    try:
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    value = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}:{n}", f"not JSON ({exc.msg}).") from exc
                if not isinstance(value, dict):
                    raise InputError(f"{path}:{n}", "each line must be one JSON object.")
                out.append(value)
    except OSError as exc:
        raise InputError(str(path), f"cannot read the gold set ({exc.strerror}).") from exc
    return out


def detect_kind(path: Path) -> SetKind:
    """A ``.yaml`` file is a case; a JSON Lines file is a geo set if its first record has
    ``toponyms``, a type set if it has ``type``."""
    if path.suffix.lower() in {".yaml", ".yml"}:
        return SetKind.CASE
    try:
        with path.open(encoding="utf-8") as fh:
            first = next((line for line in fh if line.strip()), "")
    except OSError as exc:
        raise InputError(str(path), f"cannot read the gold set ({exc.strerror}).") from exc
    try:
        record = json.loads(first) if first else None
    except json.JSONDecodeError:
        record = None
    if isinstance(record, dict):
        if "toponyms" in record:
            return SetKind.GEO
        if "type" in record:
            return SetKind.TYPES
    raise InputError(
        str(path),
        "not a gold set: give a gold.yaml case, or JSON Lines whose records have "
        "'toponyms' (geoparsing) or 'type' (event types).",
    )


def as_tuple(value: Any) -> tuple[Any, ...]:
    """None -> (), a list -> its items, anything else -> a one-item tuple."""
    if value is None:
        return ()
    if isinstance(value, list | tuple):
        return tuple(value)
    return (value,)
