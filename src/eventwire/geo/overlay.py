"""Read the gazetteer overlay CSV (facilities, regions, aliases, demonyms) into a gazetteer.

Format: ``#`` header lines (version, source, license), then a CSV header and rows
``id,kind,names,feature,country,lat,lon,target``, optionally followed by an ``admin1`` column
(the first-level division a place lies in, by its gazetteer name: "California"). ``kind`` is
``place`` (a new entry), ``alias`` (more names for ``target``) or ``demonym`` (words for the
country ``target``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from eventwire.errors import KnowledgeError
from eventwire.geo.gazetteer import FEATURE_CODE, Gazetteer
from eventwire.geo.names import name_key
from eventwire.model import Feature

COLUMNS = ("id", "kind", "names", "feature", "country", "lat", "lon", "target")
WITH_ADMIN1 = (*COLUMNS, "admin1")


def default_overlay() -> Path:
    """The overlay shipped with eventwire."""
    return Path(str(resources.files("eventwire") / "data" / "gazetteer_overlay.csv"))


def packaged_overlays() -> list[Path]:
    """Every overlay shipped with eventwire: the main file, then the themed files in
    ``data/geo/overlay/`` (natural features, universities, ...) in name order."""
    themed = Path(str(resources.files("eventwire") / "data" / "geo" / "overlay"))
    return [default_overlay(), *sorted(themed.glob("*.csv"))]


def apply_overlay(gazetteer: Gazetteer, path: Path) -> None:
    """Add the places, aliases and demonyms of one overlay file to ``gazetteer``."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise KnowledgeError(f"{path}: cannot read the gazetteer overlay ({exc}).") from exc
    lines = text.splitlines()
    body_start = next((n for n, line in enumerate(lines) if not line.startswith("#")), len(lines))
    reader = csv.DictReader(io.StringIO("\n".join(lines[body_start:])))
    if tuple(reader.fieldnames or ()) not in (COLUMNS, WITH_ADMIN1):
        raise KnowledgeError(
            f"{path}:{body_start + 1}: overlay header must be {','.join(COLUMNS)}[,admin1]; "
            f"found {','.join(reader.fieldnames or ())}."
        )
    seen: dict[str, int] = {}
    idents: dict[str, int] = {}
    col = gazetteer.columns
    for n, row in enumerate(reader, start=body_start + 2):
        rid = row["id"].strip()
        where = f"{path}:{n}"
        if not rid:
            raise KnowledgeError(f"{where}: the row has no id. Give it a unique id.")
        if rid in seen:
            raise KnowledgeError(
                f"{where}: overlay id '{rid}' is already used at line {seen[rid]}. "
                "Give it a new id."
            )
        seen[rid] = n
        names = [s.strip() for s in row["names"].split("|") if s.strip()]
        if not names:
            raise KnowledgeError(f"{where}: overlay row '{rid}' has no names.")
        kind = row["kind"].strip()
        if kind == "place":
            try:
                feature = Feature(row["feature"].strip())
                lat, lon = float(row["lat"]), float(row["lon"])
            except ValueError as exc:
                raise KnowledgeError(
                    f"{where}: overlay place '{rid}' needs a feature "
                    f"({', '.join(f.value for f in Feature)}) and numeric lat/lon ({exc})."
                ) from exc
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise KnowledgeError(f"{where}: overlay place '{rid}' has lat/lon out of range.")
            country = row["country"].strip() or None
            admin1 = _admin1(gazetteer, (row.get("admin1") or "").strip(), country, where)
            k = col.add(
                names[0],
                country,
                admin1,
                lat,
                lon,
                0,
                feature,
                None,
                f"overlay:{rid}",
                [name_key(x) for x in names],
            )
            idents[rid] = k
        elif kind == "alias":
            k = _target(gazetteer, row["target"].strip(), idents, where)
            for x in names:
                bucket = col.index.setdefault(name_key(x), [])
                if k in bucket:
                    bucket.remove(k)
                bucket.insert(0, k)  # an alias names its target first
                gazetteer.add_curated_name(name_key(x), k)
        elif kind == "demonym":
            k = _target(gazetteer, row["target"].strip(), idents, where)
            for x in names:
                gazetteer.add_demonym(x, k)
        else:
            raise KnowledgeError(
                f"{where}: overlay row '{rid}' has kind '{kind}'; use place, alias or demonym."
            )


def _admin1(gazetteer: Gazetteer, name: str, country: str | None, where: str) -> str | None:
    """The gazetteer's name of the first-level division ``name`` of ``country``, or ``None``
    when the row gives none; an unknown division is an error that names the row."""
    if not name:
        return None
    for k in gazetteer.lookup_key(name_key(name)):
        if gazetteer.feature(k) is Feature.ADMIN1 and gazetteer.country_of(k) == country:
            return gazetteer.entry(k).name
    # a division indexed only under a longer name ("Central" as "Central Region"): its towns
    # carry the bare name, and so may the row
    col = gazetteer.columns
    code = FEATURE_CODE[Feature.ADMIN1]
    for k, feature in enumerate(col.feature):
        if feature == code and col.countries[k] == country and col.names[k] == name:
            return name
    raise KnowledgeError(
        f"{where}: admin1 '{name}' is no first-level division of country '{country}' in the "
        "gazetteer. Use the division's name as the gazetteer lists it, or leave it empty."
    )


def _target(gazetteer: Gazetteer, target: str, idents: dict[str, int], where: str) -> int:
    col = gazetteer.columns
    prefix, _, value = target.partition(":")
    k: int | None = None
    if prefix == "country":
        info = gazetteer.country(value)
        k = info.entry if info else None
    elif prefix == "geonames" and value.isdigit():
        k = _index_of(col.geonameid, int(value))
    elif prefix == "continent":
        k = _index_of(col.idents, f"continent:{value}")
    elif prefix == "overlay":
        k = idents.get(value)
    elif prefix in ("admin1", "admin2"):
        k = _index_of(col.idents, target)
    if k is None:
        raise KnowledgeError(
            f"{where}: target '{target}' is not in the gazetteer. Use country:<ISO3>, "
            "continent:<code>, geonames:<id>, admin1:<CC>.<code>, admin2:<CC>.<code>.<name> or "
            "overlay:<id> of an earlier row."
        )
    return k


def _index_of(column: Sequence[object], value: object) -> int | None:
    try:
        return column.index(value)  # a C-level scan: fast enough for a few dozen aliases
    except ValueError:
        return None
