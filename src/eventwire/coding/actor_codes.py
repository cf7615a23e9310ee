"""From a matched name to an ``Actor``: a country and sector, an organisation, a person in office.

The building blocks of ``eventwire.coding.actors`` and ``eventwire.coding.actor_groups``: the
actor codes and the ids of the rules that fired.
"""

from __future__ import annotations

import datetime as dt

from eventwire.coding.actor_dictionary import ActorDictionary
from eventwire.coding.actor_entries import FormKind, NameForm, Organisation
from eventwire.coding.actor_mentions import NameMention
from eventwire.coding.name_keys import name_key
from eventwire.model import Actor, Span

_NAME_ORDER = (
    FormKind.PERSON,
    FormKind.ORGANISATION,
    FormKind.INSTITUTION,
    FormKind.COUNTRY,
    FormKind.PEOPLE,
    FormKind.CAPITAL,
    FormKind.ADJECTIVE,
)


def form_rule(form: NameForm) -> tuple[str, ...]:
    if form.kind == FormKind.COUNTRY:
        return ()
    return (f"{form.kind.value}.{name_key(form.text)}",)


def country_actor(
    country: str, name: str, sector: str | None, span: Span, rules: tuple[str, ...]
) -> Actor:
    return Actor(country + (sector or ""), name, country, sector, span, rules)


def org_actor(org: Organisation, span: Span, form: NameForm) -> Actor:
    return Actor(org.id, org.name, org.country, org.sector, span, (f"org.{org.id}",))


def head_name(
    mention: NameMention, on: dt.date, dictionary: ActorDictionary, span: Span
) -> Actor | None:
    for kind in _NAME_ORDER:
        for form in mention.of_kind(kind):
            if kind == FormKind.PERSON:
                person = person_actor(mention, on, dictionary, span, None, ())
                if person is not None:
                    return person
                continue
            if kind == FormKind.ORGANISATION:
                return org_actor(dictionary.organisations[form.entry], span, form)
            country = dictionary.countries[form.entry]
            sector = {FormKind.INSTITUTION: form.sector, FormKind.CAPITAL: "GOV"}.get(kind)
            rules = (f"country.{country.id}", *form_rule(form))
            return country_actor(country.id, country.name, sector, span, rules)
    return None


def person_actor(
    mention: NameMention,
    on: dt.date,
    dictionary: ActorDictionary,
    span: Span,
    sector: str | None,
    sector_rules: tuple[str, ...],
) -> Actor | None:
    """The actor of the person the mention names, as of ``on``.

    Several people may share a form ("Clinton"): those in office on ``on`` win; if they
    disagree on country or sector, the mention gives nothing.
    """
    people = [dictionary.people[f.entry] for f in mention.of_kind(FormKind.PERSON)]
    serving = [(p, t) for p in people if (t := p.term_on(on)) is not None]
    if serving:
        outcomes = {(p.country, t.sector, t.org) for p, t in serving}
        if len(outcomes) > 1:
            return None
        person, term = serving[0]
        rules = (f"person.{person.id}.{term.role}", *sector_rules)
        if term.org is not None:
            org = dictionary.organisations[term.org]
            return Actor(org.id, org.name, org.country, org.sector, span, (*rules, f"org.{org.id}"))
        chosen = sector if sector is not None else term.sector
        return Actor(person.country + chosen, person.name, person.country, chosen, span, rules)
    former = [p for p in people if p.first_start() < on]
    if former:
        person = max(former, key=lambda p: p.last_end())
        rules = (f"person.{person.id}.former",)
        return Actor(person.country + "ELI", person.name, person.country, "ELI", span, rules)
    return None
