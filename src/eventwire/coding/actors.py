"""Turn a noun phrase into an ``Actor``: "Turkish officials" -> TURGOV, "ISIS jihadists" -> ISIS.

The phrase is the subtree of its head token, less relative clauses, conjuncts and most
prepositional phrases ("police in Lagos" keeps "police"). Names in it are found with the
actor dictionary (longest match, case rules in ``case_fits``); sector words set the sector.
The decision, in order:

1. a name that covers the head decides ("NATO allies Turkey": Turkey -> TUR; "Ankara" as head
   -> TURGOV, a capital standing for its government; "the Kremlin" -> RUSGOV);
2. else an organisation named anywhere in the phrase ("an ISIS suicide bomber" -> ISIS);
3. else a person in office on the article date gives country and sector ("Assad's regime"
   -> SYRGOV; "Trump" in 2015 gives nothing, after his term he is ELI);
4. else a country adjective or name, when the head is a sector word ("Turkish delight" is no
   actor, "Turkish diplomat" is TURGOV);
5. else the sector alone ("rebels" -> REB, "police" -> COP), located by a country or capital
   after "in" ("rebels in the Ivory Coast" -> CIVREB), else country left to the caller.

A people or ethnic group is coded where it lives (PLOVER's location coding; see
``actor_groups``): a country adjective or an "in" place beats the demonym's own country
("Bosnian Serbs" -> BIH, "Iraqi Kurds" -> IRQ, "Serbs in Bosnia" -> BIH); "ethnic Albanians"
alone is a civilian group whose country the caller takes from the event's location.

Names hyphened to a sponsor word ("Turkish-backed rebels") are ignored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from eventwire.coding.actor_codes import (
    country_actor,
    form_rule,
    head_name,
    org_actor,
    person_actor,
)
from eventwire.coding.actor_dictionary import ActorDictionary
from eventwire.coding.actor_entries import FormKind, NameForm, SectorWords
from eventwire.coding.actor_groups import group_actor, group_hits, is_group_head, located_people
from eventwire.coding.actor_mentions import (
    MentionFinder,
    NameMention,
    find_mentions,
    find_organisations,
    located_in,
    token_runs,
)
from eventwire.model import Actor, ParsedText, Span

# find_mentions and find_organisations are documented here (docs/actors.md)
__all__ = ["actor_for_phrase", "find_mentions", "find_organisations", "phrase_tokens"]

_SKIP_DEPS = frozenset({"relcl", "conj", "cc", "advcl", "parataxis", "preconj"})


def phrase_tokens(parsed: ParsedText, head: int, dictionary: ActorDictionary) -> tuple[int, ...]:
    """Token indices of the noun phrase headed by ``head`` (see the module docstring)."""
    keep: list[int] = []
    stack: list[tuple[int, bool]] = [(head, False)]
    while stack:
        i, tied = stack.pop()
        keep.append(i)
        for child in parsed.children(i):
            if child.dep in _SKIP_DEPS:
                continue
            if child.dep == "acl" and child.lemma not in dictionary.affiliation_words:
                continue
            if (
                child.dep == "prep"
                and not tied
                and child.lemma not in dictionary.phrase_prepositions
            ):
                continue
            tie = tied or child.lemma in dictionary.affiliation_words
            stack.append((child.i, tie))
    return tuple(sorted(keep))


def actor_for_phrase(
    parsed: ParsedText,
    head: int,
    on: dt.date,
    dictionary: ActorDictionary,
    find: MentionFinder | None = None,
    focus: str | None = None,
) -> Actor | None:
    """The actor named by the noun phrase headed by token ``head``, as of the date ``on``.

    ``find`` is the article's ``mention_finder`` when many phrases of it are looked up;
    ``focus`` the country the article is about, whose own "Senate" or "Supreme Court" a bare
    shared institution name is (else the name's default country's: the US Senate).
    """
    indices = phrase_tokens(parsed, head, dictionary)
    inside = frozenset(indices)
    sent = parsed.sentences[parsed.tokens[head].sent]
    in_sentence = (
        find(sent.first, sent.last)
        if find is not None
        else find_mentions(parsed, dictionary, sent.first, sent.last)
    )
    mentions = [
        m
        for m in in_sentence
        if any(k in inside for k in range(m.first, m.last + 1))
        and not _sponsors(parsed, m, dictionary)
    ]
    covered = set(indices).union(*(range(m.first, m.last + 1) for m in mentions))
    span = _span(parsed, tuple(sorted(covered)))
    named = set().union(*(range(m.first, m.last + 1) for m in mentions)) if mentions else set()
    sector_hits = _sector_hits(parsed, [i for i in indices if i not in named], dictionary)
    head_sector = next((s for k, s in sector_hits if head in k), None)

    on_head = next((m for m in mentions if m.covers(head)), None)
    if any(m.of_kind(*_COUNTRY_NAMES) for m in mentions):
        focus = None  # "the Italian Senate", "the US Congress": the phrase names the country
    if on_head is not None:
        actor = _local_institution(on_head, focus, dictionary, span)
        if actor is None:
            actor = located_people(parsed, head, on_head, mentions, in_sentence, dictionary, span)
        if actor is None:
            actor = _owned_institution(on_head, mentions, dictionary, span)
        if actor is None:
            actor = head_name(on_head, on, dictionary, span)
        if actor is not None:
            return actor
    orgs = [m for m in mentions if m.of_kind(FormKind.ORGANISATION)]
    if orgs:
        nearest = min(orgs, key=lambda m: abs(m.last - head))
        org_id = nearest.of_kind(FormKind.ORGANISATION)[0].entry
        return org_actor(
            dictionary.organisations[org_id], span, nearest.of_kind(FormKind.ORGANISATION)[0]
        )
    sector, sector_rules = _choose_sector(sector_hits, head_sector, mentions, head)
    head_decides = head_sector is not None and sector_rules == (f"sector.{head_sector.id}",)
    owned = sector
    if head_decides and head_sector is not None and head_sector.owned_sector is not None:
        owned = head_sector.owned_sector  # "US drone attacks": the US military's
    for mention in sorted(mentions, key=lambda m: abs(m.last - head)):
        if mention.of_kind(FormKind.PERSON):
            person = person_actor(mention, on, dictionary, span, owned, sector_rules)
            if person is not None:
                return person
    if on_head is None:
        hits = group_hits(parsed, indices, named, dictionary)
        member = group_actor(
            parsed,
            head,
            hits,
            head_sector,
            sector,
            sector_rules,
            mentions,
            in_sentence,
            dictionary,
            span,
        )
        if member is not None:
            return member
    group = on_head is None and is_group_head(parsed, head)
    if (
        head_sector is None
        and on_head is None
        and not group
        and not _head_is_title(parsed, head, sector_hits)
    ):
        return None
    country_forms = [
        (m, f)
        for m in sorted(mentions, key=lambda m: abs(m.last - head))
        for f in (
            *_local_forms(m, focus),
            *m.of_kind(
                FormKind.INSTITUTION,
                FormKind.COUNTRY,
                FormKind.ADJECTIVE,
                FormKind.PEOPLE,
                FormKind.CAPITAL,
            ),
        )
    ]
    if country_forms:
        _mention, form = country_forms[0]
        if form.kind == FormKind.INSTITUTION and (sector is None or _is_generic(sector_hits, head)):
            sector = form.sector
            sector_rules = ()
        elif form.kind != FormKind.INSTITUTION:
            sector = owned
        country = dictionary.countries[form.entry]
        located = ("actor.located-people",) if group else ()
        local = ("actor.focus-institution",) if form.shared else ()
        rules = (f"country.{country.id}", *form_rule(form), *sector_rules, *located, *local)
        return country_actor(country.id, country.name, sector, span, rules)
    if sector is None or group:
        return None
    if head_decides and head_sector is not None and not head_sector.alone:
        return None  # "the leader"; "opposition leaders" has the modifier's sector
    if head_sector is None and not any(s.alone for _, s in sector_hits):
        return None
    if (
        head_decides
        and head_sector is not None
        and head_sector.subject_only
        and parsed.tokens[head].dep != "nsubj"
    ):
        return None  # "condemned the bombing" names no one; "a bombing killed" does
    where = located_in(parsed, head, in_sentence, dictionary.location_prepositions)
    if where is not None:
        country = dictionary.countries[where.entry]
        rules = (f"country.{country.id}", *form_rule(where), *sector_rules, "actor.located-in")
        return country_actor(country.id, country.name, sector, span, rules)
    label = head_sector.id if head_sector is not None else sector
    return Actor(sector, label, None, sector, span, sector_rules)


_COUNTRY_NAMES = (
    FormKind.COUNTRY,
    FormKind.ADJECTIVE,
    FormKind.PEOPLE,
    FormKind.CAPITAL,
    FormKind.ORGANISATION,
    FormKind.PERSON,
)
_STRONGER_NAMES = (FormKind.PERSON, FormKind.ORGANISATION, FormKind.COUNTRY, FormKind.CAPITAL)


def _local_forms(mention: NameMention, focus: str | None) -> tuple[NameForm, ...]:
    local = mention.local_institution(focus)
    return (local,) if local is not None and not mention.of_kind(*_STRONGER_NAMES) else ()


def _local_institution(
    on_head: NameMention, focus: str | None, dictionary: ActorDictionary, span: Span
) -> Actor | None:
    """ "The Senate passed the bill" in an article about the Philippines: PHLLEG, not the US
    Senate that the bare name stands for elsewhere (rule ``actor.focus-institution``)."""
    forms = _local_forms(on_head, focus)
    if not forms:
        return None
    country = dictionary.countries[forms[0].entry]
    rules = (f"country.{country.id}", *form_rule(forms[0]), "actor.focus-institution")
    return country_actor(country.id, country.name, forms[0].sector, span, rules)


def _owned_institution(
    on_head: NameMention,
    mentions: Iterable[NameMention],
    dictionary: ActorDictionary,
    span: Span,
) -> Actor | None:
    """An institution name owned by another country's name: "the Russian Ministry of
    Defence" is RUSMIL although "Ministry of Defence" alone stands for the British one."""
    stronger = (FormKind.PERSON, FormKind.ORGANISATION, FormKind.COUNTRY, FormKind.CAPITAL)
    institutions = on_head.of_kind(FormKind.INSTITUTION)
    if not institutions or on_head.of_kind(*stronger):
        return None
    homes = {f.entry for f in institutions}
    owner = next(
        (
            f
            for m in mentions
            if m is not on_head and m.last < on_head.first
            for f in m.of_kind(FormKind.ADJECTIVE, FormKind.COUNTRY)
            if f.entry not in homes and not m.of_kind(FormKind.ORGANISATION, FormKind.PERSON)
        ),
        None,
    )
    if owner is None:
        return None
    country = dictionary.countries[owner.entry]
    form = institutions[0]
    rules = (f"country.{country.id}", *form_rule(owner), *form_rule(form), "actor.institution-of")
    return country_actor(country.id, country.name, form.sector, span, rules)


def _head_is_title(parsed: ParsedText, head: int, hits: list[tuple[range, SectorWords]]) -> bool:
    """A proper-noun head with a title modifier ("Turkish Foreign Minister Mevlut X")."""
    return parsed.tokens[head].pos == "PROPN" and bool(hits)


def _is_generic(hits: list[tuple[range, SectorWords]], head: int) -> bool:
    on_head = [s for k, s in hits if head in k]
    return not on_head or on_head[0].generic


def _choose_sector(
    hits: list[tuple[range, SectorWords]],
    head_sector: SectorWords | None,
    mentions: Iterable[NameMention],
    head: int,
) -> tuple[str | None, tuple[str, ...]]:
    if head_sector is not None and not head_sector.generic:
        return head_sector.sector, (f"sector.{head_sector.id}",)
    modifiers = sorted(
        ((k, s) for k, s in hits if head not in k and not s.generic and s.sector),
        key=lambda ks: abs(ks[0].stop - 1 - head),
    )
    if modifiers:
        words = modifiers[0][1]
        return words.sector, (f"sector.{words.id}",)
    if head_sector is not None:
        return head_sector.sector, (f"sector.{head_sector.id}",)
    generic = [s for _, s in hits if s.sector]
    if generic:
        return generic[0].sector, (f"sector.{generic[0].id}",)
    return None, ()


def _sector_hits(
    parsed: ParsedText, indices: list[int], dictionary: ActorDictionary
) -> list[tuple[range, SectorWords]]:
    """Sector words and phrases among ``indices``, longest phrase first."""
    hits: list[tuple[range, SectorWords]] = []
    taken: set[int] = set()
    runs = token_runs(indices)
    for run in runs:
        for size in (4, 3, 2):
            for a in range(len(run) - size + 1):
                window = run[a : a + size]
                if taken.intersection(window):
                    continue
                words = [parsed.tokens[k].text.lower() for k in window]
                keys = {" ".join(words), " ".join([*words[:-1], parsed.tokens[window[-1]].lemma])}
                keys |= {k.replace(" - ", "-") for k in keys}
                entry = next(
                    (dictionary.sector_phrases[k] for k in keys if k in dictionary.sector_phrases),
                    None,
                )
                if entry is not None:
                    hits.append((range(window[0], window[-1] + 1), entry))
                    taken.update(window)
    for k in indices:
        if k in taken:
            continue
        tok = parsed.tokens[k]
        if tok.pos not in ("NOUN", "PROPN", "ADJ", "VERB"):
            continue
        entry = dictionary.sector_words.get(tok.text.lower()) or dictionary.sector_words.get(
            tok.lemma
        )
        if entry is not None:
            hits.append((range(k, k + 1), entry))
    return hits


def _sponsors(parsed: ParsedText, mention: NameMention, dictionary: ActorDictionary) -> bool:
    """Whether the name is hyphened to a sponsor word: "Turkish-backed", "ISIS-held"."""
    tokens = parsed.tokens
    nxt = mention.last + 1
    if nxt + 1 < len(tokens) and tokens[nxt].text == "-" and tokens[nxt].start == mention.end:
        return tokens[nxt + 1].text.lower() in dictionary.sponsor_words
    head = tokens[tokens[mention.last].head]
    return (
        head.i > mention.last
        and head.start - mention.end <= 1
        and head.text.lower().lstrip("-") in dictionary.sponsor_words
    )


def _span(parsed: ParsedText, indices: tuple[int, ...]) -> Span:
    first, last = indices[0], indices[-1]
    while last > first and parsed.tokens[last].pos == "PUNCT":
        last -= 1
    while first < last and parsed.tokens[first].pos == "PUNCT":
        first += 1
    return parsed.token_span(first, last)
