"""The actor dictionary: countries, organisations, people and sector words, loaded from YAML.

Knowledge lives in ``src/eventwire/data/actors/*.yaml`` (format: ``docs/actors.md``). This
module validates those files into frozen dataclasses and builds the name index that
``eventwire.coding.actors`` matches against parsed text. User files passed to
``ActorDictionary.load(extra=...)`` extend the packaged ones; an entry whose id is already
known replaces it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml

from eventwire.errors import KnowledgeError

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "actors"
DEFAULT_FILES = (
    "countries.yaml",
    "organisations.yaml",
    "people.yaml",
    "sectors.yaml",
    "groups.yaml",
)

# PLOVER sector codes (manual, "Sector Codes") plus the kinds used for organisations.
SECTOR_CODES = frozenset(
    {
        "COP",
        "GOV",
        "JUD",
        "LEG",
        "MIL",
        "PRM",
        "PTY",
        "REB",
        "SPY",
        "UAF",
        "UNK",
        "AGR",
        "BUS",
        "CRM",
        "CVL",
        "EDU",
        "ELI",
        "JRN",
        "LAB",
        "MED",
        "REF",
        "OPP",
        "PRE",
        "REL",
        "SOC",
        "IGO",
        "NGO",
    }
)
PLOVER_NONSTATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})

Kind = Literal["countries", "organisations", "people", "sectors", "groups"]
KINDS = ("countries", "organisations", "people", "sectors", "groups")
SPREADS = ("one", "several")


class FormKind(StrEnum):
    """What a matched name is: it decides how the name turns into an actor."""

    COUNTRY = "country"  # "Turkey", "the United States"
    ADJECTIVE = "adjective"  # "Turkish"
    PEOPLE = "people"  # "Turks"
    CAPITAL = "capital"  # "Ankara" (government metonymy when it heads the phrase)
    INSTITUTION = "institution"  # "the Kremlin", "Pentagon"
    ORGANISATION = "organisation"
    PERSON = "person"


@dataclass(frozen=True, slots=True)
class Country:
    id: str  # ISO 3166 alpha-3 (or KOS)
    name: str
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    institutions: tuple[tuple[str, str], ...] = ()  # (name, sector)


@dataclass(frozen=True, slots=True)
class Organisation:
    id: str
    name: str
    sector: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    plover: str | None = None
    anaphors: frozenset[str] = frozenset()
    descriptors: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Term:
    """One office held: ``role`` from ``start`` to ``end`` (None: still in office)."""

    role: str
    start: dt.date
    end: dt.date | None
    sector: str = "GOV"
    org: str | None = None  # the organisation the office is in ("UNO" for a Secretary-General)

    def covers(self, on: dt.date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    country: str
    forms: tuple[str, ...]
    terms: tuple[Term, ...]

    def term_on(self, on: dt.date) -> Term | None:
        for term in self.terms:
            if term.covers(on):
                return term
        return None

    def first_start(self) -> dt.date:
        return min(t.start for t in self.terms)

    def last_end(self) -> dt.date:
        """When the person last left office (``date.max`` while still serving)."""
        return max(t.end or dt.date.max for t in self.terms)


@dataclass(frozen=True, slots=True)
class SectorWords:
    id: str
    sector: str | None
    words: tuple[str, ...]
    generic: bool = False  # a modifier's sector beats this head's
    alone: bool = True  # the word alone (no country, organisation or person) is an actor
    # the word alone is an actor only as the subject of a verb: an event noun whose agent is
    # unknown ("a bombing killed three": unidentified attackers, UAF)
    subject_only: bool = False
    # the sector when a country or person owns the word ("US attacks" -> MIL), if not ``sector``
    owned_sector: str | None = None


@dataclass(frozen=True, slots=True)
class Group:
    """A people, national minority or religious community ("Yoruba", "Kurds", "Copts").

    ``spread`` "one": most live in ``countries[0]``, which codes the group when the text
    gives no place; "several": only a place in the text codes it. ``countries`` lists where
    the group lives (empty for a world-wide community).
    """

    id: str
    names: tuple[str, ...]
    spread: str
    countries: tuple[str, ...]
    kind: str = "ethnic"

    @property
    def home(self) -> str | None:
        return self.countries[0] if self.spread == "one" and self.countries else None


@dataclass(frozen=True, slots=True)
class NameForm:
    """One way of writing a country, organisation, person or institution."""

    kind: FormKind
    entry: str  # id of the country, organisation or person
    text: str  # as written in the data
    sector: str | None = None  # institutions: the sector they stand for


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
    def load(extra: Sequence[Path] = ()) -> ActorDictionary:
        """Load the packaged actor files, then ``extra`` files (by ``kind``), cached."""
        return _load(tuple(Path(p) for p in extra))

    def is_name_prefix(self, key: str) -> bool:
        """Whether some name key starts with ``key`` (so a longer span may still match)."""
        at = bisect.bisect_left(self.sorted_names, key)
        return at < len(self.sorted_names) and self.sorted_names[at].startswith(key)


# --------------------------------------------------------------------------- name keys

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_DASHES = re.compile(r"\s*[-\u2010\u2011\u2012\u2013\u2014]\s*")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Strip diacritics, straighten quotes and dashes, collapse spaces (case is kept)."""
    if text.isascii():  # nothing to decompose; the common case, so skip the slow part
        plain = text.translate(_QUOTES)
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        plain = plain.translate(_QUOTES)
    plain = _DASHES.sub("-", plain)
    return _SPACES.sub(" ", plain).strip()


@functools.lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The lookup key of a name: folded and case-folded.

    Memoised: the matcher asks for the keys of the same token spans many times per article.
    """
    return fold(text).casefold()


_WORD_RUN = re.compile(r"\w+")


@functools.lru_cache(maxsize=1 << 16)
def leading_run(key: str) -> str:
    match = _WORD_RUN.match(key)
    return match.group(0) if match else key[:1]


def case_fits(form: str, found: str) -> bool:
    """Whether ``found`` (text) is written with the capitals ``form`` (data) asks for.

    A word written in capitals in the data ("US", "ISIS") must be in capitals in the text; a
    capitalised word ("Turkey") must start with a capital; lower-case words match any case.
    """
    a, b = fold(form), fold(found)
    if len(a) != len(b):
        return True
    for word_a, word_b in zip(a.split(" "), b.split(" "), strict=False):
        letters = [c for c in word_a if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            if any(
                ca.isupper() and not cb.isupper() for ca, cb in zip(word_a, word_b, strict=False)
            ):
                return False
        elif word_a[:1].isupper() and not word_b[:1].isupper():
            return False
    return True


# --------------------------------------------------------------------------- loading


@functools.lru_cache(maxsize=8)
def _load(extra: tuple[Path, ...]) -> ActorDictionary:
    docs: list[tuple[Path, dict[str, Any]]] = []
    for name in DEFAULT_FILES:
        docs.append((DATA_DIR / name, _read(DATA_DIR / name)))
    for path in extra:
        docs.append((path, _read(path)))
    return build_dictionary(docs)


# libyaml's parser is six times faster than the pure-Python one (the actor files take ~1.5 s
# otherwise, most of the cold start); both build the same documents.
if TYPE_CHECKING:
    _SafeBase = yaml.SafeLoader
else:
    _SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeBase):
    """A YAML loader that records the line of every mapping under ``__line__``."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise KnowledgeError(f"{path}: cannot read actor file ({exc.strerror}).") from exc
    try:
        doc = yaml.load(text, Loader=_LineLoader)  # noqa: S506 (SafeLoader subclass)
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path}: not valid YAML: {exc}. Fix the syntax.") from exc
    if not isinstance(doc, dict):
        raise KnowledgeError(f"{path}: an actor file is a mapping with 'kind' and 'entries'.")
    for key in ("version", "source", "license", "kind", "entries"):
        if key not in doc:
            raise KnowledgeError(f"{path}: the header lacks '{key}'. Add it (see docs/actors.md).")
    if doc["kind"] not in KINDS:
        raise KnowledgeError(
            f"{path}: kind '{doc['kind']}' is unknown; use countries, organisations, people, "
            f"sectors or groups."
        )
    if not isinstance(doc["entries"], list):
        raise KnowledgeError(f"{path}: 'entries' must be a list.")
    return doc


class _Entry:
    """Typed access to one YAML entry, with errors that name file, line and id."""

    def __init__(self, path: Path, raw: Any) -> None:
        if not isinstance(raw, dict):
            raise KnowledgeError(f"{path}: every entry is a mapping; found {raw!r}.")
        self.path = path
        self.raw = raw
        self.line = raw.get("__line__", "?")
        ident = raw.get("id")
        if not isinstance(ident, str) or not ident:
            self.id = "?"
            self.fail("has no 'id'. Give every entry a stable id")
        self.id = str(ident)

    def fail(self, problem: str) -> None:
        raise KnowledgeError(f"{self.path}:{self.line}: entry '{self.id}' {problem}.")

    def text(self, key: str, required: bool = True) -> str | None:
        value = self.raw.get(key)
        if value is None:
            if required:
                self.fail(f"lacks '{key}'")
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(f"has a '{key}' that is not a non-empty string")
        return str(value)

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.raw.get(key, [])
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.fail(f"has a '{key}' that is not a list of strings")
        return tuple(value)

    def sector(self, key: str, required: bool = True) -> str | None:
        value = self.text(key, required)
        if value is not None and value not in SECTOR_CODES:
            self.fail(
                f"has unknown sector '{value}' (PLOVER codes: {' '.join(sorted(SECTOR_CODES))})"
            )
        return value


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
    group_entries: list[_Entry] = []
    versions: list[str] = []
    org_docs: list[tuple[Path, dict[str, Any]]] = []
    person_entries: list[_Entry] = []
    for path, doc in docs:
        versions.append(f"{path.stem}:{doc['version']}")
        seen: dict[str, Any] = {}
        for raw in doc["entries"]:
            entry = _Entry(path, raw)
            if entry.id in seen:
                entry.fail(f"repeats an id already used at line {seen[entry.id]}. Give it a new id")
            seen[entry.id] = entry.line
        kind = doc["kind"]
        if kind == "countries":
            for raw in doc["entries"]:
                country = _country(_Entry(path, raw))
                countries[country.id] = country
        elif kind == "sectors":
            sponsor.update(_word_list(path, doc, "sponsor_words"))
            affiliation.update(_word_list(path, doc, "affiliation_words"))
            preps.update(_word_list(path, doc, "phrase_prepositions"))
            located.update(_word_list(path, doc, "location_prepositions"))
            ethnic.update(_word_list(path, doc, "ethnic_words"))
            for raw in doc["entries"]:
                sector_words = _sector(_Entry(path, raw))
                sectors[sector_words.id] = sector_words
        elif kind == "organisations":
            org_docs.append((path, doc))
        elif kind == "groups":
            community.update(_word_list(path, doc, "community_words"))
            group_entries.extend(_Entry(path, raw) for raw in doc["entries"])
        else:
            person_entries.extend(_Entry(path, raw) for raw in doc["entries"])
    for path, doc in org_docs:
        anaphors = _defaults(path, doc, "anaphor_defaults")
        descriptors = _defaults(path, doc, "descriptor_defaults")
        for raw in doc["entries"]:
            org = _organisation(_Entry(path, raw), countries, anaphors, descriptors)
            organisations[org.id] = org
    for entry in person_entries:
        person = _person(entry, countries, organisations)
        people[person.id] = person
    groups: dict[str, Group] = {}
    for entry in group_entries:
        group = _group(entry, countries)
        groups[group.id] = group
    sector_tuple = tuple(sectors.values())
    words, phrases = _sector_index(sector_tuple)
    names = _name_index(countries, organisations, people)
    group_names = _group_index(groups, names)
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


def _word_list(path: Path, doc: dict[str, Any], key: str) -> list[str]:
    value = doc.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KnowledgeError(f"{path}: '{key}' must be a list of words.")
    return [v.lower() for v in value]


def _defaults(path: Path, doc: dict[str, Any], key: str) -> dict[str, frozenset[str]]:
    value = doc.get(key, {})
    if not isinstance(value, dict):
        raise KnowledgeError(f"{path}: '{key}' must map sector codes to lists of words.")
    out: dict[str, frozenset[str]] = {}
    for sector, words in value.items():
        if sector == "__line__":
            continue
        if not isinstance(words, list):
            raise KnowledgeError(f"{path}: '{key}.{sector}' must be a list of words.")
        out[str(sector)] = frozenset(str(w).lower() for w in words)
    return out


def _country(entry: _Entry) -> Country:
    if not re.fullmatch(r"[A-Z]{3}", entry.id):
        entry.fail("has an id that is not an ISO 3166 alpha-3 code (three capitals)")
    institutions: list[tuple[str, str]] = []
    for raw in entry.raw.get("institutions", []) or []:
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
            entry.fail("has an institution without a 'name'")
        sector = raw.get("sector")
        if sector not in SECTOR_CODES:
            entry.fail(f"has institution '{raw.get('name')}' with unknown sector '{sector}'")
        institutions.append((raw["name"], str(sector)))
    return Country(
        id=entry.id,
        name=str(entry.text("name")),
        aliases=entry.texts("aliases"),
        adjectives=entry.texts("adjectives"),
        people=entry.texts("people"),
        capitals=entry.texts("capitals"),
        institutions=tuple(institutions),
    )


def _country_ref(entry: _Entry, countries: Mapping[str, Country]) -> str | None:
    code = entry.raw.get("country")
    if code is None:
        return None
    if code not in countries:
        entry.fail(f"names country '{code}', which is not in countries.yaml")
    return str(code)


def _organisation(
    entry: _Entry,
    countries: Mapping[str, Country],
    anaphors: Mapping[str, frozenset[str]],
    descriptors: Mapping[str, frozenset[str]],
) -> Organisation:
    sector = str(entry.sector("sector"))
    plover = entry.text("plover", required=False)
    if plover is not None and plover not in PLOVER_NONSTATE:
        entry.fail(f"has plover code '{plover}'; use one of {' '.join(sorted(PLOVER_NONSTATE))}")
    own_anaphors = entry.raw.get("anaphors")
    own_descriptors = entry.raw.get("descriptors")
    return Organisation(
        id=entry.id,
        name=str(entry.text("name")),
        sector=sector,
        aliases=entry.texts("aliases"),
        country=_country_ref(entry, countries),
        plover=plover,
        anaphors=(
            frozenset(w.lower() for w in entry.texts("anaphors"))
            if own_anaphors is not None
            else anaphors.get(sector, frozenset())
        ),
        descriptors=frozenset(w.lower() for w in entry.texts("descriptors"))
        | (descriptors.get(sector, frozenset()) if own_descriptors is None else frozenset()),
    )


def _date(entry: _Entry, value: Any, what: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    entry.fail(f"has a term '{what}' that is not an ISO date (YYYY-MM-DD): {value!r}")
    return None


def _person(
    entry: _Entry, countries: Mapping[str, Country], organisations: Mapping[str, Organisation]
) -> Person:
    country = _country_ref(entry, countries)
    if country is None:
        entry.fail("lacks 'country'")
    forms = entry.texts("forms")
    name = str(entry.text("name"))
    raw_terms = entry.raw.get("terms")
    if not isinstance(raw_terms, list) or not raw_terms:
        entry.fail("lacks 'terms' (a list of [role, from, to] or {role, from, to})")
    terms = tuple(_term(entry, raw, organisations) for raw in raw_terms or [])
    return Person(entry.id, name, str(country), forms or (name,), terms)


def _term(entry: _Entry, raw: Any, organisations: Mapping[str, Organisation]) -> Term:
    """A term: ``[role, from, to]`` plus an optional sector code or organisation id."""
    if isinstance(raw, list) and 3 <= len(raw) <= 4:
        extra = raw[3] if len(raw) == 4 else None
        raw = {"role": raw[0], "from": raw[1], "to": raw[2]}
        if extra in SECTOR_CODES:
            raw["sector"] = extra
        elif extra is not None:
            raw["org"] = extra
    if not isinstance(raw, dict) or not isinstance(raw.get("role"), str):
        entry.fail("has a term that is neither [role, from, to] nor {role, from, to}")
    role = str(raw["role"])
    start = _date(entry, raw.get("from"), "from")
    if start is None:
        entry.fail(f"has a '{role}' term without 'from'")
    end = _date(entry, raw.get("to"), "to")
    if start is not None and end is not None and end < start:
        entry.fail(f"has a '{role}' term that ends ({end}) before it starts ({start})")
    org = raw.get("org")
    if org is not None and org not in organisations:
        entry.fail(
            f"has a '{role}' term in organisation '{org}', which is not in organisations.yaml"
        )
    sector = raw.get("sector", organisations[org].sector if org else "GOV")
    if sector not in SECTOR_CODES:
        entry.fail(f"has a '{role}' term with unknown sector '{sector}'")
    return Term(role, start or dt.date.min, end, str(sector), org)


def _sector(entry: _Entry) -> SectorWords:
    sector = entry.sector("sector", required=False)
    words = tuple(w.lower() for w in entry.texts("words"))
    if not words:
        entry.fail("has no 'words'")
    return SectorWords(
        id=entry.id,
        sector=sector,
        words=words,
        generic=bool(entry.raw.get("generic", False)),
        alone=bool(entry.raw.get("alone", True)),
        subject_only=bool(entry.raw.get("subject_only", False)),
        owned_sector=entry.sector("owned_sector", required=False),
    )


def _sector_index(
    sectors: Sequence[SectorWords],
) -> tuple[dict[str, SectorWords], dict[str, SectorWords]]:
    words: dict[str, SectorWords] = {}
    phrases: dict[str, SectorWords] = {}
    for entry in sectors:
        for word in entry.words:
            key = fold(word).lower()
            table = phrases if " " in key else words
            other = table.get(key)
            if other is not None and other.id != entry.id:
                raise KnowledgeError(
                    f"sectors: the word '{word}' is listed under both '{other.id}' and "
                    f"'{entry.id}'. Keep it under one."
                )
            table[key] = entry
    return words, phrases


def _name_index(
    countries: Mapping[str, Country],
    organisations: Mapping[str, Organisation],
    people: Mapping[str, Person],
) -> dict[str, tuple[NameForm, ...]]:
    index: dict[str, list[NameForm]] = {}

    def add(form: NameForm) -> None:
        bucket = index.setdefault(name_key(form.text), [])
        if form not in bucket:
            bucket.append(form)

    for c in countries.values():
        for text in (c.name, *c.aliases):
            add(NameForm(FormKind.COUNTRY, c.id, text))
        for text in c.adjectives:
            add(NameForm(FormKind.ADJECTIVE, c.id, text))
        for text in c.people:
            add(NameForm(FormKind.PEOPLE, c.id, text))
        for text in c.capitals:
            add(NameForm(FormKind.CAPITAL, c.id, text))
        for text, sector in c.institutions:
            add(NameForm(FormKind.INSTITUTION, c.id, text, sector))
    owners: dict[str, str] = {}
    for o in organisations.values():
        for text in (o.name, *o.aliases):
            key = name_key(text)
            if owners.get(key, o.id) != o.id:
                raise KnowledgeError(
                    f"organisations: the name '{text}' belongs to both '{owners[key]}' and "
                    f"'{o.id}'. Keep it under one."
                )
            owners[key] = o.id
            add(NameForm(FormKind.ORGANISATION, o.id, text))
    for p in people.values():
        for text in (p.name, *p.forms):
            add(NameForm(FormKind.PERSON, p.id, text))
    return {k: tuple(v) for k, v in index.items()}


def _group(entry: _Entry, countries: Mapping[str, Country]) -> Group:
    names = entry.texts("names")
    if not names:
        entry.fail("has no 'names'")
    spread = entry.raw.get("spread")
    if spread not in SPREADS:
        entry.fail(f"has spread {spread!r}; use 'one' (one main country) or 'several'")
    where = entry.texts("countries")
    for code in where:
        if code not in countries:
            entry.fail(f"names country '{code}', which is not in countries.yaml")
    if spread == "one" and not where:
        entry.fail("has spread 'one' but no 'countries'; list the main country first")
    kind = entry.text("kind", required=False) or "ethnic"
    return Group(entry.id, names, str(spread), where, kind)


def _group_index(
    groups: Mapping[str, Group], names: Mapping[str, tuple[NameForm, ...]]
) -> dict[str, tuple[tuple[str, str], ...]]:
    """name_key -> ((form, group id), ...); a group name may not be a country, organisation
    or person name (those are found first and would hide it)."""
    index: dict[str, list[tuple[str, str]]] = {}
    for group in groups.values():
        for text in group.names:
            key = name_key(text)
            if key in names:
                raise KnowledgeError(
                    f"groups: the name '{text}' of group '{group.id}' is already a "
                    f"{names[key][0].kind.value} name ('{names[key][0].entry}'). Drop it from "
                    f"the group; the dictionary codes it already."
                )
            index.setdefault(key, []).append((text, group.id))
    return {k: tuple(v) for k, v in index.items()}
