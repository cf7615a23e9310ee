"""The name indexes of the actor dictionary: sector words, names and group names by key."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from eventwire.coding.actor_entries import (
    Country,
    FormKind,
    Group,
    NameForm,
    Organisation,
    Person,
    SectorWords,
)
from eventwire.coding.name_keys import fold, name_key
from eventwire.errors import KnowledgeError


def sector_index(
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


def name_index(
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
        for text, sector in c.shared_institutions:
            add(NameForm(FormKind.INSTITUTION, c.id, text, sector, shared=True))
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


def group_index(
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
