"""Reading and validating the actor files (``src/eventwire/data/actors/*.yaml``).

Each file is a header (``version``, ``source``, ``license``, ``kind``) and ``entries``; every
entry becomes a frozen dataclass of ``eventwire.coding.actor_entries``, and every problem a
``KnowledgeError`` that names the file, the line and the entry id (format: ``docs/actors.md``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml

from eventwire.coding.actor_entries import Country, Group, Organisation, Person, SectorWords, Term
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


def read_actor_file(path: Path) -> dict[str, Any]:
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


class Entry:
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


def word_list(path: Path, doc: dict[str, Any], key: str) -> list[str]:
    value = doc.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KnowledgeError(f"{path}: '{key}' must be a list of words.")
    return [v.lower() for v in value]


def sector_defaults(path: Path, doc: dict[str, Any], key: str) -> dict[str, frozenset[str]]:
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


def read_country(entry: Entry) -> Country:
    if not re.fullmatch(r"[A-Z]{3}", entry.id):
        entry.fail("has an id that is not an ISO 3166 alpha-3 code (three capitals)")
    institutions: list[tuple[str, str]] = []
    shared: list[tuple[str, str]] = []
    for raw in entry.raw.get("institutions", []) or []:
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
            entry.fail("has an institution without a 'name'")
        sector = raw.get("sector")
        if sector not in SECTOR_CODES:
            entry.fail(f"has institution '{raw.get('name')}' with unknown sector '{sector}'")
        if not isinstance(raw.get("shared", False), bool):
            entry.fail(f"has institution '{raw['name']}' whose 'shared' is not true or false")
        (shared if raw.get("shared") else institutions).append((raw["name"], str(sector)))
    return Country(
        id=entry.id,
        name=str(entry.text("name")),
        aliases=entry.texts("aliases"),
        adjectives=entry.texts("adjectives"),
        people=entry.texts("people"),
        capitals=entry.texts("capitals"),
        institutions=tuple(institutions),
        shared_institutions=tuple(shared),
    )


def _country_ref(entry: Entry, countries: Mapping[str, Country]) -> str | None:
    code = entry.raw.get("country")
    if code is None:
        return None
    if code not in countries:
        entry.fail(f"names country '{code}', which is not in countries.yaml")
    return str(code)


def read_organisation(
    entry: Entry,
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


def _date(entry: Entry, value: Any, what: str) -> dt.date | None:
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


def read_person(
    entry: Entry, countries: Mapping[str, Country], organisations: Mapping[str, Organisation]
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


def _term(entry: Entry, raw: Any, organisations: Mapping[str, Organisation]) -> Term:
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


def read_sector(entry: Entry) -> SectorWords:
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


def read_group(entry: Entry, countries: Mapping[str, Country]) -> Group:
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
