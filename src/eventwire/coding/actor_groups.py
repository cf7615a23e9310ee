"""Peoples and communities, coded where they live (PLOVER's location coding).

A country adjective or an "in" place beats the demonym's own country ("Bosnian Serbs" -> BIH,
"Iraqi Kurds" -> IRQ, "Serbs in Bosnia" -> BIH); "ethnic Albanians" alone is a civilian group
whose country the caller takes from the event's location. Groups from ``groups.yaml``
("Yoruba leaders" -> NGA, "Tamil rebels" -> LKAREB) fall back on their main country.
"""

from __future__ import annotations

from collections.abc import Iterable

from eventwire.coding.actor_codes import country_actor, form_rule
from eventwire.coding.actor_dictionary import ActorDictionary
from eventwire.coding.actor_entries import FormKind, Group, SectorWords
from eventwire.coding.actor_mentions import NameMention, located_in, token_runs
from eventwire.coding.name_keys import case_fits, name_key
from eventwire.model import Actor, ParsedText, Span


def group_hits(
    parsed: ParsedText, indices: Iterable[int], named: set[int], dictionary: ActorDictionary
) -> list[tuple[range, Group]]:
    """Group names among the phrase's unnamed tokens ("Yoruba", "Crimean Tatars"), longest
    first, leaving out names inside a person's name ("Karen Smith", "Mr Baloch")."""
    if not dictionary.group_names:
        return []
    free = sorted(i for i in indices if i not in named)
    tokens = parsed.tokens
    hits: list[tuple[range, Group]] = []
    taken: set[int] = set()
    for run in token_runs(free):
        for size in range(min(dictionary.group_tokens, len(run)), 0, -1):
            for a in range(len(run) - size + 1):
                window = run[a : a + size]
                if taken.intersection(window):
                    continue
                text = parsed.text[tokens[window[0]].start : tokens[window[-1]].end]
                found = dictionary.group_names.get(name_key(text))
                if not found:
                    continue
                fitting = [g for form, g in found if case_fits(form, text)]
                if not fitting or _in_person_name(parsed, window[0], window[-1]):
                    continue
                hits.append((range(window[0], window[-1] + 1), dictionary.groups[fitting[0]]))
                taken.update(window)
    return hits


_TITLES = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "miss", "sir"})


def _in_person_name(parsed: ParsedText, first: int, last: int) -> bool:
    """Whether tokens ``first..last`` are part of a longer person's name."""
    tokens = parsed.tokens
    before = tokens[first - 1] if first > 0 else None
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    if before is not None and before.text.lower() in _TITLES:
        return True
    if tokens[first].ent_type != "PERSON":
        return False
    return any(
        t is not None
        and t.ent_type == "PERSON"
        and t.pos == "PROPN"
        and t.sent == tokens[first].sent
        for t in (before, after)
    )


def group_actor(
    parsed: ParsedText,
    head: int,
    hits: list[tuple[range, Group]],
    head_sector: SectorWords | None,
    sector: str | None,
    sector_rules: tuple[str, ...],
    mentions: Iterable[NameMention],
    in_sentence: Iterable[NameMention],
    dictionary: ActorDictionary,
    span: Span,
) -> Actor | None:
    """A people or community coded where it lives: "Yoruba leaders" -> NGA, "Kurds in Iraq"
    -> IRQ, "Tamil rebels" -> LKAREB; "Kurds" with no place -> a civilian group for the
    caller to locate.

    The group heads the phrase ("the Hazaras"), or modifies a sector word or a community word
    ("Tamil rebels", "the Kurdish minority") in a phrase that names no country. The place is,
    in order: a country in the phrase, one after "in" ("Tamils in India"), the clause's for a
    subject ("Kurds rallied in Syria"), the one country the sentence names if the group lives
    there, then the group's main country (spread "one").
    """
    if not hits:
        return None
    on_head = next((g for k, g in hits if head in k), None)
    tok = parsed.tokens[head]
    if on_head is not None:
        group = on_head
        sector, sector_rules = "CVL", ("sector.civilians",)
    else:
        community = tok.lemma in dictionary.community_words or tok.text.lower() in (
            dictionary.community_words
        )
        if head_sector is None and not community:
            return None
        group = min(hits, key=lambda kg: abs(kg[0].stop - 1 - head))[1]
        named_country = any(
            m.of_kind(FormKind.COUNTRY, FormKind.ADJECTIVE, FormKind.PEOPLE, FormKind.CAPITAL)
            for m in mentions
        )
        if named_country:
            return None  # "Iraqi Kurdish officials": the country named decides
        from_head = head_sector is not None and sector_rules == (f"sector.{head_sector.id}",)
        if (
            community
            or sector is None
            or (from_head and head_sector is not None and not head_sector.alone)
        ):
            sector, sector_rules = "CVL", ("sector.civilians",)  # "Yoruba leaders"
    rules = (f"group.{group.id}", *sector_rules)
    where = _group_place(parsed, head, group, mentions, in_sentence, dictionary)
    if where is not None:
        country = dictionary.countries[where[0]]
        return country_actor(
            country.id, country.name, sector, span, (f"country.{country.id}", *where[1], *rules)
        )
    if group.home is not None:
        country = dictionary.countries[group.home]
        return country_actor(
            country.id,
            country.name,
            sector,
            span,
            (f"country.{country.id}", *rules, "actor.group-home"),
        )
    return Actor(sector, group.names[0], None, sector, span, rules)


def _group_place(
    parsed: ParsedText,
    head: int,
    group: Group,
    mentions: Iterable[NameMention],
    in_sentence: Iterable[NameMention],
    dictionary: ActorDictionary,
) -> tuple[str, tuple[str, ...]] | None:
    """Where the text places a group: (country, rules) or None."""
    places = (FormKind.ADJECTIVE, FormKind.COUNTRY)
    modifiers = {
        c.i for c in parsed.children(head) if c.dep in ("amod", "compound", "nmod", "npadvmod")
    }
    for m in mentions:
        if any(m.covers(i) for i in modifiers) and not m.of_kind(
            FormKind.ORGANISATION, FormKind.PERSON
        ):
            forms = m.of_kind(*places)
            if forms:
                return forms[0].entry, (*form_rule(forms[0]), "actor.located-people")
    preps = dictionary.location_prepositions
    where = located_in(parsed, head, in_sentence, preps)
    if where is not None:
        return where.entry, (*form_rule(where), "actor.located-people")
    tok = parsed.tokens[head]
    if tok.dep in ("nsubj", "nsubjpass") and tok.head != head:
        where = located_in(parsed, tok.head, in_sentence, preps)
        if where is not None:
            return where.entry, (*form_rule(where), "actor.located-clause")
    if not group.countries:
        return None
    named: set[str] = set()
    for m in in_sentence:
        if m.of_kind(FormKind.ORGANISATION, FormKind.PERSON):
            continue
        named.update(
            f.entry
            for f in m.of_kind(
                FormKind.COUNTRY,
                FormKind.ADJECTIVE,
                FormKind.PEOPLE,
                FormKind.CAPITAL,
                FormKind.INSTITUTION,
            )
        )
    if len(named) == 1 and next(iter(named)) in group.countries:
        return next(iter(named)), ("actor.group-sentence-country",)
    return None


def is_group_head(parsed: ParsedText, head: int) -> bool:
    """A head naming a people the dictionary does not know ("Kurds", "Tamils")."""
    tok = parsed.tokens[head]
    return tok.ent_type == "NORP" and tok.pos in ("NOUN", "PROPN")


def located_people(
    parsed: ParsedText,
    head: int,
    on_head: NameMention,
    mentions: Iterable[NameMention],
    in_sentence: Iterable[NameMention],
    dictionary: ActorDictionary,
    span: Span,
) -> Actor | None:
    """A people named by its demonym, coded where it lives: "Bosnian Serbs" -> BIH, "Serbs in
    Bosnia" -> BIH, "ethnic Albanians" -> a civilian group for the caller to locate."""
    people = on_head.of_kind(FormKind.PEOPLE)
    stronger = (FormKind.PERSON, FormKind.ORGANISATION, FormKind.INSTITUTION, FormKind.COUNTRY)
    if not people or on_head.of_kind(*stronger):
        return None
    own = {f.entry for f in people}
    modifiers = [
        c.i for c in parsed.children(head) if c.dep in ("amod", "compound", "nmod", "npadvmod")
    ]
    where = next(
        (
            f
            for m in mentions
            if not m.covers(head) and any(m.covers(i) for i in modifiers)
            for f in m.of_kind(FormKind.ADJECTIVE, FormKind.COUNTRY)
            if f.entry not in own
        ),
        None,
    ) or located_in(parsed, head, in_sentence, dictionary.location_prepositions)
    if where is not None and where.entry not in own:
        country = dictionary.countries[where.entry]
        rules = (f"country.{country.id}", *form_rule(where), "actor.located-people")
        return country_actor(country.id, country.name, None, span, rules)
    ethnic = any(
        c.dep == "amod" and c.lemma in dictionary.ethnic_words for c in parsed.children(head)
    )
    if not ethnic:
        return None
    rules = ("actor.ethnic-group", "sector.civilians")
    tok = parsed.tokens[head]
    if tok.dep in ("nsubj", "nsubjpass") and tok.head != head:
        # "ethnic Albanians marched in Serbia": the clause's place locates the group
        where = located_in(parsed, tok.head, in_sentence, dictionary.location_prepositions)
        if where is not None:
            country = dictionary.countries[where.entry]
            rules = (f"country.{country.id}", *form_rule(where), *rules)
            return country_actor(country.id, country.name, "CVL", span, rules)
    return Actor("CVL", on_head.text, None, "CVL", span, rules)
