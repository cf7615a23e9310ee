"""The gazetteer: places by name, stored column-wise so that loading the cached index is fast.

The index is built once from the GeoNames-derived registry packages (see ``build.py``) and cached
as a pickle keyed on their versions; the overlay CSV files (facilities, regions, aliases) are
small and applied at every load, so editing them needs no rebuild.
"""

from __future__ import annotations

import gc
import logging
import math
import pickle
import time
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from eventwire.errors import KnowledgeError
from eventwire.geo.names import DIRECTIONS, name_key
from eventwire.model import Feature

log = logging.getLogger(__name__)

FEATURES: tuple[Feature, ...] = tuple(Feature)
# what a direction plus a demonym can name ("North American", "West African")
COMPOUND_FEATURES = frozenset({Feature.CONTINENT, Feature.REGION, Feature.COUNTRY, Feature.ADMIN1})
FEATURE_CODE: dict[Feature, int] = {f: k for k, f in enumerate(FEATURES)}


class Entry(NamedTuple):
    """One gazetteer place, materialised on demand from the columns."""

    row: int
    name: str
    country: str | None  # ISO alpha-3
    admin1: str | None
    lat: float
    lon: float
    population: int
    feature: Feature
    geonameid: int | None
    ident: str  # stable id: "geonames:298117", "overlay:incirlik-air-base", "admin1:TR.72"
    capital: bool


@dataclass(frozen=True, slots=True)
class CountryInfo:
    """A country: ISO codes, display name and a representative point."""

    alpha3: str
    alpha2: str
    name: str
    lat: float
    lon: float
    geonameid: int | None
    capital: str | None
    entry: int  # index of its gazetteer entry


class Columns:
    """The raw column store the builder fills and the pickle holds."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.countries: list[str | None] = []
        self.admin1: list[str | None] = []
        self.lat = array("d")
        self.lon = array("d")
        self.population = array("q")
        self.geonameid = array("q")  # 0: none
        self.feature = bytearray()
        self.capital = bytearray()
        self.idents: list[str | None] = []  # None: "geonames:<id>"
        self.index: dict[str, list[int]] = {}
        self.countries_info: dict[str, CountryInfo] = {}
        self.demonyms: dict[str, int] = {}  # normalised word -> entry index

    def add(
        self,
        name: str,
        country: str | None,
        admin1: str | None,
        lat: float,
        lon: float,
        population: int,
        feature: Feature,
        geonameid: int | None,
        ident: str | None,
        keys: Sequence[str],
        capital: bool = False,
    ) -> int:
        """Append a place and index it under ``keys`` (already normalised); returns its index."""
        k = len(self.names)
        self.names.append(name)
        self.countries.append(country)
        self.admin1.append(admin1)
        self.lat.append(lat)
        self.lon.append(lon)
        self.population.append(max(0, population))
        self.geonameid.append(geonameid or 0)
        self.feature.append(FEATURE_CODE[feature])
        self.capital.append(1 if capital else 0)
        self.idents.append(ident)
        for key in dict.fromkeys(keys):
            if key:
                self.index.setdefault(key, []).append(k)
        return k

    def alias(self, key: str, k: int) -> None:
        """Index entry ``k`` under one more normalised name."""
        bucket = self.index.setdefault(key, [])
        if k not in bucket:
            bucket.append(k)


class Gazetteer:
    """Places by normalised name, countries by ISO code, and demonyms."""

    def __init__(self, columns: Columns, version: str) -> None:
        self._c = columns
        self.version = version
        self._alpha2 = {c.alpha2: c for c in columns.countries_info.values()}
        self._by_name = {name_key(c.name): c for c in columns.countries_info.values()}
        self._compound: dict[str, int | None] = {}
        self._curated: set[tuple[str, int]] = set()  # (key, entry) the overlay names outright

    # ---- loading -------------------------------------------------------------------------
    @classmethod
    def load(cls, cache_dir: Path | None = None, overlay: Sequence[Path] = ()) -> Gazetteer:
        """Load the cached index (building it on first use) and apply the overlay files.

        The packaged overlays (``data/gazetteer_overlay.csv``, then ``data/geo/overlay/*.csv``)
        are always applied first, then ``overlay`` files in order.
        """
        from eventwire.geo.build import build_cached
        from eventwire.geo.overlay import apply_overlay, packaged_overlays

        started = time.perf_counter()
        columns, version = build_cached(cache_dir)
        gazetteer = cls(columns, version)
        for path in (*packaged_overlays(), *overlay):
            apply_overlay(gazetteer, path)
        log.debug("gazetteer loaded in %.3f s", time.perf_counter() - started)
        return gazetteer

    @property
    def columns(self) -> Columns:
        return self._c

    def __len__(self) -> int:
        return len(self._c.names)

    # ---- lookups -------------------------------------------------------------------------
    def candidates(self, name: str) -> tuple[int, ...]:
        """Indices of the places called ``name`` (any spelling), most populous first."""
        return tuple(self._c.index.get(name_key(name), ()))

    def lookup_key(self, key: str) -> list[int]:
        """Indices under an already normalised key (no copy; do not mutate)."""
        return self._c.index.get(key, [])

    def has_key(self, key: str) -> bool:
        return key in self._c.index

    def entry(self, k: int) -> Entry:
        c = self._c
        gid = c.geonameid[k] or None
        ident = c.idents[k] or f"geonames:{gid}"
        return Entry(
            k,
            c.names[k],
            c.countries[k],
            c.admin1[k],
            c.lat[k],
            c.lon[k],
            c.population[k],
            FEATURES[c.feature[k]],
            gid,
            ident,
            bool(c.capital[k]),
        )

    def feature(self, k: int) -> Feature:
        return FEATURES[self._c.feature[k]]

    def population(self, k: int) -> int:
        return self._c.population[k]

    def country_of(self, k: int) -> str | None:
        return self._c.countries[k]

    def admin1_of(self, k: int) -> str | None:
        return self._c.admin1[k]

    def is_capital(self, k: int) -> bool:
        return bool(self._c.capital[k])

    def point(self, k: int) -> tuple[float, float]:
        return self._c.lat[k], self._c.lon[k]

    def country(self, code: str) -> CountryInfo | None:
        """The country with ISO alpha-3 (or alpha-2) ``code``, or None."""
        code = code.upper()
        return self._c.countries_info.get(code) or self._alpha2.get(code)

    def country_named(self, name: str) -> CountryInfo | None:
        """The country whose gazetteer name (any listed spelling) is ``name``."""
        hit = self._by_name.get(name_key(name))
        if hit is not None:
            return hit
        for k in self._c.index.get(name_key(name), ()):
            if self.feature(k) is Feature.COUNTRY:
                alpha3 = self._c.countries[k]
                return self._c.countries_info.get(alpha3) if alpha3 else None
        return None

    def countries(self) -> tuple[CountryInfo, ...]:
        return tuple(self._c.countries_info.values())

    def demonym(self, word: str) -> str | None:
        """The alpha-3 code of the country ``word`` ("Syrian", "Turks") is the demonym of."""
        k = self._c.demonyms.get(name_key(word))
        return None if k is None else self._c.countries[k]

    def demonym_entry(self, key: str) -> int | None:
        """The entry (country, continent, region) a normalised adjective or people name
        ("syrian", "european", "kurdish") refers to; a direction before one names the place
        with that direction ("north american" -> North America, "west african" -> West
        Africa) when the gazetteer lists it."""
        k = self._c.demonyms.get(key)
        if k is not None or " " not in key:
            return k
        words = key.split()
        if words[0] not in DIRECTIONS:
            return None
        if key not in self._compound:
            self._compound[key] = self._compound_demonym(words)
        return self._compound[key]

    def _compound_demonym(self, words: list[str]) -> int | None:
        head, last = words[:-1], words[-1]
        base = self._c.demonyms.get(last)
        if base is None or not all(w in DIRECTIONS for w in head):
            return None
        # the place the adjective comes from: "american" -> "america", "european" -> "europe"
        stems = [name_key(self._c.names[base])]
        stems += [last[: -len(end)] for end in ("n", "an", "ian", "ern") if last.endswith(end)]
        for stem in stems:
            for prefix in dict.fromkeys((" ".join(head), "".join(head))):  # "south east"
                for k in self._c.index.get(f"{prefix} {stem}", ()):
                    if FEATURES[self._c.feature[k]] in COMPOUND_FEATURES:
                        return k
        return None

    def is_main_name(self, k: int, key: str) -> bool:
        """Whether ``key`` is entry ``k``'s main name, or a spelling the curated overlay gives it
        ("Hodeidah" for Al Hudaydah): not one of GeoNames' many alternate names."""
        return name_key(self._c.names[k]) == key or (key, k) in self._curated

    # ---- mutation (overlay only) ---------------------------------------------------------
    def add_demonym(self, word: str, k: int) -> None:
        self._c.demonyms[name_key(word)] = k

    def add_curated_name(self, key: str, k: int) -> None:
        """Record that the overlay names entry ``k`` by ``key`` (counts as a main name)."""
        self._curated.add((key, k))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dphi = p2 - p1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def read_pickle(path: Path) -> tuple[Columns, str]:
    """Read a cached index; raise ``KnowledgeError`` if it is not one."""
    enabled = gc.isenabled()
    gc.disable()  # unpickling a million small objects is twice as fast without the collector
    try:
        with path.open("rb") as fh:
            data: Any = pickle.load(fh)
    finally:
        if enabled:
            gc.enable()
    if not (isinstance(data, tuple) and len(data) == 2 and isinstance(data[0], Columns)):
        raise KnowledgeError(f"{path}: not a gazetteer cache. Delete it; it will be rebuilt.")
    return data[0], str(data[1])
