"""The derived-data cache: atomic pickles, tolerant reads, pruning; the actor dictionary's use."""

from __future__ import annotations

import os
from pathlib import Path

from eventwire.cache import read_cached, write_cached
from eventwire.coding import actor_dictionary
from eventwire.coding.actor_dictionary import ActorDictionary


def test_cache_round_trip_and_tolerant_reads(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "x-1.pickle"
    write_cached(path, {"a": (1, 2)})
    assert read_cached(path) == {"a": (1, 2)}
    assert read_cached(tmp_path / "absent.pickle") is None
    broken = tmp_path / "broken.pickle"
    broken.write_bytes(b"not a pickle")
    assert read_cached(broken) is None
    assert [p.name for p in path.parent.iterdir()] == ["x-1.pickle"]  # no temporary left


def test_cache_keeps_only_the_newest_of_a_family(tmp_path: Path) -> None:
    for k in range(6):
        write_cached(tmp_path / f"fam-{k}.pickle", k, family="fam-", keep=3)
        os.utime(tmp_path / f"fam-{k}.pickle", (1000 + k, 1000 + k))
    write_cached(tmp_path / "other.pickle", "x", family="other", keep=3)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["fam-3.pickle", "fam-4.pickle", "fam-5.pickle", "other.pickle"]


def test_cache_unwritable_folder_is_skipped(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder should be")
    write_cached(blocker / "x.pickle", 1)  # no exception
    assert read_cached(blocker / "x.pickle") is None


ORGS = """version: 1
kind: organisations
source: test
license: CC0
entries:
  - {id: TESTORG, name: Blue Lantern Front, country: null, sector: REB, names: [Blue Lantern Front]}
"""


def test_actor_dictionary_is_cached_by_file_contents(tmp_path: Path) -> None:
    extra = tmp_path / "orgs.yaml"
    extra.write_text(ORGS, encoding="utf-8")
    cache = tmp_path / "cache"
    built = ActorDictionary.load((extra,), cache)
    (first,) = cache.glob("actors-*.pickle")
    actor_dictionary._load.cache_clear()
    assert ActorDictionary.load((extra,), cache) == built  # read back from the file
    extra.write_text(ORGS.replace("Blue Lantern", "Red Lantern"), encoding="utf-8")
    actor_dictionary._load.cache_clear()
    changed = ActorDictionary.load((extra,), cache)
    assert "TESTORG" in changed.organisations
    assert changed.organisations["TESTORG"].name == "Red Lantern Front"
    assert len(list(cache.glob("actors-*.pickle"))) == 2
    first.write_bytes(b"garbage")  # a damaged cache is rebuilt, never trusted
    extra.write_text(ORGS, encoding="utf-8")
    actor_dictionary._load.cache_clear()
    assert ActorDictionary.load((extra,), cache) == built
