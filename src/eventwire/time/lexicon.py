"""The time vocabulary (``data/time.yaml``): month and weekday names, seasons, relative phrases.

The date grammar in ``expressions.py`` is built from these words, so adding a phrase such as
"the morning after" is a data change, not a code change. Every phrase entry has a stable id that
a resolved date lists in its ``rules``.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.datafiles import read_yaml
from eventwire.errors import KnowledgeError

UNITS = ("day", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class NamedNumber:
    """A month (1-12) or weekday (Monday = 0) and the words that name it."""

    id: str
    number: int
    names: tuple[str, ...]
    abbreviations: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Season:
    """A season running from ``first_month`` to ``last_month`` (winter wraps into a new year)."""

    id: str
    names: tuple[str, ...]
    first_month: int
    last_month: int


@dataclass(frozen=True, slots=True)
class Part:
    """A part of a period ("early", "the end of") as twelfths ``lo``..``hi`` of it."""

    id: str
    words: tuple[str, ...]
    lo: int
    hi: int


@dataclass(frozen=True, slots=True)
class ReferenceDay:
    """Phrases naming the day ``offset`` days from the reference date ("yesterday": -1)."""

    id: str
    offset: int
    phrases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Anchored:
    """Phrases naming ``offset`` ``unit``s after the previous date mentioned ("the next day")."""

    id: str
    unit: str
    offset: int
    phrases: tuple[str, ...]
    final: bool = False  # must end its clause: "the day before" but not "the day before the vote"


@dataclass(frozen=True, slots=True)
class TimeLexicon:
    """Everything ``find_dates`` knows about words for time, as read from one YAML file."""

    version: int
    months: tuple[NamedNumber, ...]
    weekdays: tuple[NamedNumber, ...]
    seasons: tuple[Season, ...]
    parts: tuple[Part, ...]
    numbers: tuple[tuple[str, int], ...]
    reference_days: tuple[ReferenceDay, ...]
    anchored: tuple[Anchored, ...]
    date_prepositions: tuple[str, ...]
    future_auxiliaries: tuple[str, ...]
    future_heads: tuple[str, ...]
    reporting_verbs: tuple[str, ...]
    duration_prepositions: tuple[str, ...]
    blocking_entities: tuple[str, ...]

    def month_number(self, word: str) -> int | None:
        """The month a name or abbreviation ("Sept.", "JULY") stands for, or None."""
        key = word.rstrip(".").lower()
        for month in self.months:
            if key in (w.lower() for w in month.names + month.abbreviations):
                return month.number
        return None

    def weekday_number(self, word: str) -> int | None:
        key = word.lower()
        for day in self.weekdays:
            if key in (w.lower() for w in day.names):
                return day.number
        return None

    def season(self, word: str) -> Season | None:
        key = word.lower()
        for season in self.seasons:
            if key in season.names:
                return season
        return None

    def part(self, words: str) -> Part | None:
        key = " ".join(words.lower().replace("-", " ").split())
        for part in self.parts:
            if key in part.words:
                return part
        return None

    def number(self, word: str) -> int | None:
        if word.isdigit():
            return int(word)
        key = word.lower()
        for name, value in self.numbers:
            if name == key:
                return value
        return None


def default_path() -> Path:
    """The packaged ``data/time.yaml``."""
    return Path(str(resources.files("eventwire") / "data" / "time.yaml"))


@functools.lru_cache(maxsize=8)
def load_time_lexicon(path: Path | None = None) -> TimeLexicon:
    """Read and validate a time vocabulary file (the packaged one by default)."""
    source = path or default_path()
    raw = read_yaml(source)  # libyaml, YAML 1.2 booleans
    if not isinstance(raw, Mapping):
        raise KnowledgeError(f"{source}: expected a mapping with 'months', 'weekdays', ...")
    return _build(raw, str(source))


def _build(raw: Mapping[str, Any], where: str) -> TimeLexicon:
    ids: set[str] = set()

    def entries(key: str) -> Sequence[Mapping[str, Any]]:
        value = raw.get(key)
        if not isinstance(value, list) or not all(isinstance(e, Mapping) for e in value):
            raise KnowledgeError(f"{where}: '{key}' must be a list of mappings.")
        for entry in value:
            entry_id = entry.get("id")
            if not isinstance(entry_id, str) or not entry_id:
                raise KnowledgeError(f"{where}: an entry of '{key}' has no 'id'. Give it one.")
            if entry_id in ids:
                raise KnowledgeError(f"{where}: id '{entry_id}' is used twice. Give it a new id.")
            ids.add(entry_id)
        return value

    def words(entry: Mapping[str, Any], key: str) -> tuple[str, ...]:
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            raise KnowledgeError(f"{where}: entry '{entry.get('id')}': '{key}' must list words.")
        return tuple(" ".join(w.split()) for w in value)

    def integer(entry: Mapping[str, Any], key: str) -> int:
        value = entry.get(key)
        if not isinstance(value, int) or isinstance(value, bool):
            raise KnowledgeError(f"{where}: entry '{entry.get('id')}': '{key}' must be a number.")
        return value

    def word_list(key: str) -> tuple[str, ...]:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            raise KnowledgeError(f"{where}: '{key}' must be a list of words.")
        return tuple(" ".join(w.split()) for w in value)

    months = tuple(
        NamedNumber(e["id"], integer(e, "number"), words(e, "names"), words(e, "abbreviations"))
        for e in entries("months")
    )
    weekdays = tuple(
        NamedNumber(e["id"], integer(e, "number"), words(e, "names")) for e in entries("weekdays")
    )
    seasons = []
    for e in entries("seasons"):
        span = e.get("months")
        if not (
            isinstance(span, list) and len(span) == 2 and all(isinstance(m, int) for m in span)
        ):
            raise KnowledgeError(f"{where}: season '{e['id']}': 'months' must be [first, last].")
        seasons.append(Season(e["id"], tuple(w.lower() for w in words(e, "names")), *span))
    parts = tuple(
        Part(
            e["id"],
            tuple(w.lower() for w in words(e, "words")),
            integer(e, "from"),
            integer(e, "to"),
        )
        for e in entries("parts")
    )
    numbers_raw = raw.get("numbers", {})
    if not isinstance(numbers_raw, Mapping) or not all(
        isinstance(v, int) for v in numbers_raw.values()
    ):
        raise KnowledgeError(f"{where}: 'numbers' must map words to integers.")
    reference_days = tuple(
        ReferenceDay(e["id"], integer(e, "offset"), words(e, "phrases"))
        for e in entries("reference_days")
    )
    anchored = []
    for e in entries("anchored"):
        if e.get("unit") not in UNITS:
            raise KnowledgeError(f"{where}: entry '{e['id']}': 'unit' must be one of {UNITS}.")
        anchored.append(
            Anchored(
                e["id"], e["unit"], integer(e, "offset"), words(e, "phrases"), bool(e.get("final"))
            )
        )
    return TimeLexicon(
        version=int(raw.get("version", 0)),
        months=months,
        weekdays=weekdays,
        seasons=tuple(seasons),
        parts=parts,
        numbers=tuple((str(k).lower(), int(v)) for k, v in numbers_raw.items()),
        reference_days=reference_days,
        anchored=tuple(anchored),
        date_prepositions=word_list("date_prepositions"),
        future_auxiliaries=word_list("future_auxiliaries"),
        future_heads=word_list("future_heads"),
        reporting_verbs=word_list("reporting_verbs"),
        duration_prepositions=word_list("duration_prepositions"),
        blocking_entities=word_list("blocking_entities"),
    )
