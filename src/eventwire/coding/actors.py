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

A people or ethnic group is coded where it lives (PLOVER's location coding): a country
adjective or an "in" place beats the demonym's own country ("Bosnian Serbs" -> BIH, "Iraqi
Kurds" -> IRQ, "Serbs in Bosnia" -> BIH); "ethnic Albanians" alone is a civilian group whose
country the caller takes from the event's location.

Names hyphened to a sponsor word ("Turkish-backed rebels") are ignored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from eventwire.coding.actor_dictionary import (
    ActorDictionary,
    FormKind,
    Group,
    NameForm,
    Organisation,
    SectorWords,
    case_fits,
    leading_run,
    name_key,
)
from eventwire.model import Actor, ParsedText, Span

_SKIP_DEPS = frozenset({"relcl", "conj", "cc", "advcl", "parataxis", "preconj"})
_NAME_ORDER = (
    FormKind.PERSON,
    FormKind.ORGANISATION,
    FormKind.INSTITUTION,
    FormKind.COUNTRY,
    FormKind.PEOPLE,
    FormKind.CAPITAL,
    FormKind.ADJECTIVE,
)


@dataclass(frozen=True, slots=True)
class NameMention:
    """A dictionary name found in the text: tokens ``first..last`` (both included)."""

    first: int
    last: int
    start: int
    end: int
    text: str
    forms: tuple[NameForm, ...]

    def covers(self, i: int) -> bool:
        return self.first <= i <= self.last

    def of_kind(self, *kinds: FormKind) -> tuple[NameForm, ...]:
        return tuple(f for f in self.forms if f.kind in kinds)


def find_mentions(
    parsed: ParsedText, dictionary: ActorDictionary, first: int = 0, last: int | None = None
) -> tuple[NameMention, ...]:
    """Every dictionary name in tokens ``[first, last)``, longest match first, left to right."""
    tokens = parsed.tokens
    stop = len(tokens) if last is None else min(last, len(tokens))
    out: list[NameMention] = []
    i = max(first, 0)
    while i < stop:
        found = _longest_at(parsed, dictionary, i, stop)
        if found is None:
            i += 1
            continue
        out.append(found)
        i = found.last + 1
    return tuple(out)


MentionFinder = Callable[[int, int], tuple[NameMention, ...]]
"""``find(first, last)``: the names in tokens ``[first, last)`` of one article."""


def mention_finder(parsed: ParsedText, dictionary: ActorDictionary) -> MentionFinder:
    """``find_mentions`` for one article, each token range scanned once.

    The coder looks up actors phrase by phrase, and every phrase scans its whole sentence;
    an article's sentences are asked for again and again.
    """
    cache: dict[tuple[int, int], tuple[NameMention, ...]] = {}

    def find(first: int, last: int) -> tuple[NameMention, ...]:
        found = cache.get((first, last))
        if found is None:
            found = cache[first, last] = find_mentions(parsed, dictionary, first, last)
        return found

    return find


def _longest_at(
    parsed: ParsedText, dictionary: ActorDictionary, i: int, stop: int
) -> NameMention | None:
    tokens = parsed.tokens
    start = tokens[i].start
    if leading_run(name_key(tokens[i].text)) not in dictionary.name_starts:
        return None
    limit = dictionary.longest_name + 8
    best: NameMention | None = None
    j = i
    while j < stop and tokens[j].end - start <= limit and tokens[j].sent == tokens[i].sent:
        text = parsed.text[start : tokens[j].end]
        key = name_key(text)
        if not dictionary.is_name_prefix(key):
            break  # the key of a longer span extends this one, so no longer span matches
        forms = dictionary.names.get(key)
        if forms:
            fitting = tuple(f for f in forms if case_fits(f.text, text))
            if fitting:
                best = NameMention(i, j, start, tokens[j].end, text, fitting)
        j += 1
    return best


def find_organisations(
    parsed: ParsedText, dictionary: ActorDictionary, find: MentionFinder | None = None
) -> tuple[tuple[int, int, str], ...]:
    """Character spans and ids of every organisation name: ``((start, end, "ISIS"), ...)``."""
    out: list[tuple[int, int, str]] = []
    everywhere = (
        find(0, len(parsed.tokens)) if find is not None else find_mentions(parsed, dictionary)
    )
    for mention in everywhere:
        orgs = mention.of_kind(FormKind.ORGANISATION)
        if orgs:
            out.append((mention.start, mention.end, orgs[0].entry))
    return tuple(out)


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
) -> Actor | None:
    """The actor named by the noun phrase headed by token ``head``, as of the date ``on``.

    ``find`` is the article's ``mention_finder`` when many phrases of it are looked up.
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
    if on_head is not None:
        actor = _located_people(parsed, head, on_head, mentions, in_sentence, dictionary, span)
        if actor is None:
            actor = _owned_institution(on_head, mentions, dictionary, span)
        if actor is None:
            actor = _head_name(on_head, on, dictionary, span)
        if actor is not None:
            return actor
    orgs = [m for m in mentions if m.of_kind(FormKind.ORGANISATION)]
    if orgs:
        nearest = min(orgs, key=lambda m: abs(m.last - head))
        org_id = nearest.of_kind(FormKind.ORGANISATION)[0].entry
        return _org_actor(
            dictionary.organisations[org_id], span, nearest.of_kind(FormKind.ORGANISATION)[0]
        )
    sector, sector_rules = _choose_sector(sector_hits, head_sector, mentions, head)
    head_decides = head_sector is not None and sector_rules == (f"sector.{head_sector.id}",)
    owned = sector
    if head_decides and head_sector is not None and head_sector.owned_sector is not None:
        owned = head_sector.owned_sector  # "US drone attacks": the US military's
    for mention in sorted(mentions, key=lambda m: abs(m.last - head)):
        if mention.of_kind(FormKind.PERSON):
            person = _person_actor(mention, on, dictionary, span, owned, sector_rules)
            if person is not None:
                return person
    if on_head is None:
        hits = _group_hits(parsed, indices, named, dictionary)
        member = _group_actor(
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
    group = on_head is None and _is_group_head(parsed, head)
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
        for f in m.of_kind(
            FormKind.INSTITUTION,
            FormKind.COUNTRY,
            FormKind.ADJECTIVE,
            FormKind.PEOPLE,
            FormKind.CAPITAL,
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
        rules = (f"country.{country.id}", *_form_rule(form), *sector_rules, *located)
        return _country_actor(country.id, country.name, sector, span, rules)
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
    where = _located_in(parsed, head, in_sentence, dictionary.location_prepositions)
    if where is not None:
        country = dictionary.countries[where.entry]
        rules = (f"country.{country.id}", *_form_rule(where), *sector_rules, "actor.located-in")
        return _country_actor(country.id, country.name, sector, span, rules)
    label = head_sector.id if head_sector is not None else sector
    return Actor(sector, label, None, sector, span, sector_rules)


def _group_hits(
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
    for run in _runs(free):
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


def _group_actor(
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
        return _country_actor(
            country.id, country.name, sector, span, (f"country.{country.id}", *where[1], *rules)
        )
    if group.home is not None:
        country = dictionary.countries[group.home]
        return _country_actor(
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
                return forms[0].entry, (*_form_rule(forms[0]), "actor.located-people")
    preps = dictionary.location_prepositions
    where = _located_in(parsed, head, in_sentence, preps)
    if where is not None:
        return where.entry, (*_form_rule(where), "actor.located-people")
    tok = parsed.tokens[head]
    if tok.dep in ("nsubj", "nsubjpass") and tok.head != head:
        where = _located_in(parsed, tok.head, in_sentence, preps)
        if where is not None:
            return where.entry, (*_form_rule(where), "actor.located-clause")
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


def _is_group_head(parsed: ParsedText, head: int) -> bool:
    """A head naming a people the dictionary does not know ("Kurds", "Tamils")."""
    tok = parsed.tokens[head]
    return tok.ent_type == "NORP" and tok.pos in ("NOUN", "PROPN")


def _located_in(
    parsed: ParsedText, head: int, in_sentence: Iterable[NameMention], preps: frozenset[str]
) -> NameForm | None:
    """The country or capital after a location preposition of ``head``: "rebels in Syria"."""
    places = [
        p.i
        for prep in parsed.children(head)
        if prep.dep == "prep" and prep.lemma in preps
        for p in parsed.children(prep.i)
        if p.dep == "pobj"
    ]
    for mention in in_sentence:
        if any(mention.covers(i) for i in places):
            forms = mention.of_kind(FormKind.COUNTRY, FormKind.CAPITAL)
            if forms and not mention.of_kind(FormKind.ORGANISATION, FormKind.PERSON):
                return forms[0]
    return None


def _located_people(
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
    ) or _located_in(parsed, head, in_sentence, dictionary.location_prepositions)
    if where is not None and where.entry not in own:
        country = dictionary.countries[where.entry]
        rules = (f"country.{country.id}", *_form_rule(where), "actor.located-people")
        return _country_actor(country.id, country.name, None, span, rules)
    ethnic = any(
        c.dep == "amod" and c.lemma in dictionary.ethnic_words for c in parsed.children(head)
    )
    if not ethnic:
        return None
    rules = ("actor.ethnic-group", "sector.civilians")
    tok = parsed.tokens[head]
    if tok.dep in ("nsubj", "nsubjpass") and tok.head != head:
        # "ethnic Albanians marched in Serbia": the clause's place locates the group
        where = _located_in(parsed, tok.head, in_sentence, dictionary.location_prepositions)
        if where is not None:
            country = dictionary.countries[where.entry]
            rules = (f"country.{country.id}", *_form_rule(where), *rules)
            return _country_actor(country.id, country.name, "CVL", span, rules)
    return Actor("CVL", on_head.text, None, "CVL", span, rules)


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
    rules = (f"country.{country.id}", *_form_rule(owner), *_form_rule(form), "actor.institution-of")
    return _country_actor(country.id, country.name, form.sector, span, rules)


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
    runs = _runs(indices)
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


def _runs(indices: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for k in indices:
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


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


def _form_rule(form: NameForm) -> tuple[str, ...]:
    if form.kind == FormKind.COUNTRY:
        return ()
    return (f"{form.kind.value}.{name_key(form.text)}",)


def _country_actor(
    country: str, name: str, sector: str | None, span: Span, rules: tuple[str, ...]
) -> Actor:
    return Actor(country + (sector or ""), name, country, sector, span, rules)


def _org_actor(org: Organisation, span: Span, form: NameForm) -> Actor:
    return Actor(org.id, org.name, org.country, org.sector, span, (f"org.{org.id}",))


def _head_name(
    mention: NameMention, on: dt.date, dictionary: ActorDictionary, span: Span
) -> Actor | None:
    for kind in _NAME_ORDER:
        for form in mention.of_kind(kind):
            if kind == FormKind.PERSON:
                person = _person_actor(mention, on, dictionary, span, None, ())
                if person is not None:
                    return person
                continue
            if kind == FormKind.ORGANISATION:
                return _org_actor(dictionary.organisations[form.entry], span, form)
            country = dictionary.countries[form.entry]
            sector = {FormKind.INSTITUTION: form.sector, FormKind.CAPITAL: "GOV"}.get(kind)
            rules = (f"country.{country.id}", *_form_rule(form))
            return _country_actor(country.id, country.name, sector, span, rules)
    return None


def _person_actor(
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
