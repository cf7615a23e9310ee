"""The actor dictionary: countries, organisations, people and sector words, loaded from YAML.

Knowledge lives in ``src/eventwire/data/actors/*.yaml`` (format: ``docs/actors.md``). This
module builds the dictionary from them: ``actor_files`` validates the files into the
dataclasses of ``actor_entries``; ``actor_index`` builds the name index (keys: ``name_keys``)
that ``eventwire.coding.actors`` matches against parsed text. User files passed to
``ActorDictionary.load(extra=...)`` extend the packaged ones; an entry whose id is already
known replaces it.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire import __version__
from eventwire.cache import default_cache_dir, read_cached, write_cached
from eventwire.coding.actor_entries import (
    Country,
    Group,
    NameForm,
    Organisation,
    Person,
    SectorWords,
)
from eventwire.coding.actor_files import (
    DATA_DIR,
    DEFAULT_FILES,
    Entry,
    read_actor_file,
    read_country,
    read_group,
    read_organisation,
    read_person,
    read_sector,
    sector_defaults,
    word_list,
)
from eventwire.coding.actor_index import group_index, name_index, sector_index
from eventwire.coding.name_keys import leading_run


@dataclass(frozen=True, slots=True)
class ActorDictionary:
    """Every actor the coder knows, plus the indexes used to find them in text."""

    countries: Mapping[str, Country]
    organisations: Mapping[str, Organisation]
    people: Mapping[str, Person]
    sectors: tuple[SectorWords, ...]
    sponsor_words: frozenset[str]
    affiliation_words: frozenset[str]
    phrase_prepositions: frozenset[str]
    location_prepositions: frozenset[str]  # "rebels in Syria": the place locates the actor
    ethnic_words: frozenset[str]  # "ethnic Albanians": a group coded where it lives
    names: Mapping[str, tuple[NameForm, ...]]  # name_key(text) -> forms
    name_starts: frozenset[str]  # leading alphanumeric run of every name key
    sorted_names: tuple[str, ...]  # the keys of ``names``, sorted (for prefix tests)
    longest_name: int  # characters
    sector_words: Mapping[str, SectorWords]  # one lower-case word -> entry
    sector_phrases: Mapping[str, SectorWords]  # "prime minister" -> entry
    descriptors: frozenset[str]  # every organisation descriptor (for anaphora)
    version: str
    groups: Mapping[str, Group] = field(default_factory=dict)
    # name_key(text) -> ((form as written, group id), ...); up to ``group_tokens`` words
    group_names: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    group_tokens: int = 0
    community_words: frozenset[str] = frozenset()  # "the Kurdish minority": the whole group

    @staticmethod
    def load(extra: Sequence[Path] = (), cache_dir: Path | None = None) -> ActorDictionary:
        """Load the packaged actor files, then ``extra`` files (by ``kind``), cached: in this
        process, and built once per set of file contents in ``cache_dir`` (default: the
        user cache folder), since parsing the YAML is a tenth of eventwire's cold start."""
        return _load(tuple(Path(p) for p in extra), cache_dir)

    def is_name_prefix(self, key: str) -> bool:
        """Whether some name key starts with ``key`` (so a longer span may still match)."""
        at = bisect.bisect_left(self.sorted_names, key)
        return at < len(self.sorted_names) and self.sorted_names[at].startswith(key)


CACHE_FORMAT = 2  # bump when ActorDictionary or what it is built from changes shape


@functools.lru_cache(maxsize=8)
def _load(extra: tuple[Path, ...], cache_dir: Path | None) -> ActorDictionary:
    paths = [*(DATA_DIR / name for name in DEFAULT_FILES), *extra]
    cached = _cache_path(paths, cache_dir or default_cache_dir())
    found = read_cached(cached) if cached is not None else None
    if isinstance(found, ActorDictionary):
        return found
    built = build_dictionary((path, read_actor_file(path)) for path in paths)
    if cached is not None:
        write_cached(cached, built, family="actors-")
    return built


def _cache_path(paths: Sequence[Path], folder: Path) -> Path | None:
    """A cache file named by the contents of every file (None when one cannot be read: the
    loader then reports it)."""
    digest = hashlib.sha1(f"{__version__}:{CACHE_FORMAT}".encode())
    for path in paths:
        try:
            digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
        except OSError:
            return None
    return folder / f"actors-{digest.hexdigest()[:20]}.pickle"


def build_dictionary(docs: Iterable[tuple[Path, dict[str, Any]]]) -> ActorDictionary:
    """Validate parsed actor files (in order; later ids replace earlier) into a dictionary."""
    countries: dict[str, Country] = {}
    organisations: dict[str, Organisation] = {}
    people: dict[str, Person] = {}
    sectors: dict[str, SectorWords] = {}
    sponsor: set[str] = set()
    affiliation: set[str] = set()
    preps: set[str] = set()
    located: set[str] = set()
    ethnic: set[str] = set()
    community: set[str] = set()
    group_entries: list[Entry] = []
    versions: list[str] = []
    org_docs: list[tuple[Path, dict[str, Any]]] = []
    person_entries: list[Entry] = []
    for path, doc in docs:
        versions.append(f"{path.stem}:{doc['version']}")
        seen: dict[str, Any] = {}
        for raw in doc["entries"]:
            entry = Entry(path, raw)
            if entry.id in seen:
                entry.fail(f"repeats an id already used at line {seen[entry.id]}. Give it a new id")
            seen[entry.id] = entry.line
        kind = doc["kind"]
        if kind == "countries":
            for raw in doc["entries"]:
                country = read_country(Entry(path, raw))
                countries[country.id] = country
        elif kind == "sectors":
            sponsor.update(word_list(path, doc, "sponsor_words"))
            affiliation.update(word_list(path, doc, "affiliation_words"))
            preps.update(word_list(path, doc, "phrase_prepositions"))
            located.update(word_list(path, doc, "location_prepositions"))
            ethnic.update(word_list(path, doc, "ethnic_words"))
            for raw in doc["entries"]:
                sector_words = read_sector(Entry(path, raw))
                sectors[sector_words.id] = sector_words
        elif kind == "organisations":
            org_docs.append((path, doc))
        elif kind == "groups":
            community.update(word_list(path, doc, "community_words"))
            group_entries.extend(Entry(path, raw) for raw in doc["entries"])
        else:
            person_entries.extend(Entry(path, raw) for raw in doc["entries"])
    for path, doc in org_docs:
        anaphors = sector_defaults(path, doc, "anaphor_defaults")
        descriptors = sector_defaults(path, doc, "descriptor_defaults")
        for raw in doc["entries"]:
            org = read_organisation(Entry(path, raw), countries, anaphors, descriptors)
            organisations[org.id] = org
    for entry in person_entries:
        person = read_person(entry, countries, organisations)
        people[person.id] = person
    groups: dict[str, Group] = {}
    for entry in group_entries:
        group = read_group(entry, countries)
        groups[group.id] = group
    sector_tuple = tuple(sectors.values())
    words, phrases = sector_index(sector_tuple)
    names = name_index(countries, organisations, people)
    group_names = group_index(groups, names)
    return ActorDictionary(
        countries=countries,
        organisations=organisations,
        people=people,
        sectors=sector_tuple,
        sponsor_words=frozenset(sponsor),
        affiliation_words=frozenset(affiliation),
        phrase_prepositions=frozenset(preps),
        location_prepositions=frozenset(located),
        ethnic_words=frozenset(ethnic),
        names=names,
        name_starts=frozenset(leading_run(k) for k in names),
        sorted_names=tuple(sorted(names)),
        longest_name=max((len(k) for k in names), default=0),
        sector_words=words,
        sector_phrases=phrases,
        descriptors=frozenset(d for o in organisations.values() for d in o.descriptors),
        version=" ".join(versions),
        groups=groups,
        group_names=group_names,
        group_tokens=max((len(k.split(" ")) for k in group_names), default=0),
        community_words=frozenset(community),
    )
