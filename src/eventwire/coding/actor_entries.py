"""The entries of the actor dictionary: countries, organisations, people, sector words, groups.

Frozen dataclasses validated from the YAML files by ``eventwire.coding.actor_files``, and the
``NameForm`` records of the name index (``eventwire.coding.actor_index``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


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
    # names many countries use ("Senate", "Supreme Court"): this country's institution only in
    # an article about this country (``shared: true`` in the data; docs/actors.md)
    shared_institutions: tuple[tuple[str, str], ...] = ()


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
    shared: bool = False  # an institution name of this country only in an article about it
