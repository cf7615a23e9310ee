"""Actor look-up for one article: noun-phrase heads to actors, with pronoun-like heads
("the group", "the militants") resolved to the last fitting organisation before them,
personal pronouns ("it", "they") to a compatible actor before them, and a
named office-holder the dictionary does not know ("President Levy Mwanawasa") placed in the
one country its sentence names ("... his commitment to the Zambian people": ZMB).

The coder asks ``actor_at(head)``; answers are cached per article because the same head is
asked for by several events of one sentence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from eventwire.coding.actor_dictionary import ActorDictionary
from eventwire.coding.actor_entries import FormKind
from eventwire.coding.actor_mentions import MentionFinder, mention_finder
from eventwire.coding.actors import actor_for_phrase
from eventwire.coding.anaphora import (
    is_personal_pronoun,
    organisation_mentions,
    resolve_anaphor,
    resolve_pronoun,
)
from eventwire.model import Actor, ParsedText

# Bare words that name no one: a head like "it" with no antecedent yields no actor.
_NO_ACTOR = frozenset({"it", "they", "this", "that", "which", "who", "he", "she", "we", "i"})


class ActorResolver:
    """Actors of one parsed article, as of its reference date."""

    def __init__(
        self,
        parsed: ParsedText,
        dictionary: ActorDictionary,
        on: dt.date,
        find: MentionFinder | None = None,
        focus_country: str | None = None,
    ) -> None:
        self._parsed = parsed
        self._dictionary = dictionary
        self._on = on
        self._focus = focus_country  # the article's focus country (``actor_for_phrase``)
        # the article's mention_finder: pass the pipeline's to share its scans
        self._find = find or mention_finder(parsed, dictionary)
        self._organisations = organisation_mentions(parsed, dictionary, find=self._find)
        self._cache: dict[int, Actor | None] = {}

    def actor_at(self, head: int) -> Actor | None:
        if head not in self._cache:
            self._cache[head] = self._resolve(head)
        return self._cache[head]

    def _resolve(self, head: int) -> Actor | None:
        tok = self._parsed.tokens[head]
        if is_personal_pronoun(tok):
            return resolve_pronoun(self._parsed, head, self.actor_at)
        if tok.lemma in _NO_ACTOR:
            return None
        actor = actor_for_phrase(
            self._parsed, head, self._on, self._dictionary, self._find, self._focus
        )
        if actor is not None and (actor.country or actor.code not in _GENERIC_SECTORS):
            return actor
        anaphor = self._anaphor(head)
        if anaphor is None and actor is not None and tok.pos == "PROPN":
            return self._sentence_country(head, actor)
        return anaphor or actor

    def _sentence_country(self, head: int, actor: Actor) -> Actor:
        """A titled name of no known country ("Lt. Gen. X resigned to allow Haiti's first
        elections") takes the country when its sentence names exactly one."""
        if actor.sector not in _OFFICE_SECTORS or actor.country:
            return actor
        sent = self._parsed.sentences[self._parsed.tokens[head].sent]
        countries: set[str] = set()
        for mention in self._find(sent.first, sent.last):
            for form in mention.of_kind(*FormKind):
                if form.kind == FormKind.PERSON:
                    countries.add(self._dictionary.people[form.entry].country)
                elif form.kind == FormKind.ORGANISATION:
                    countries.add(self._dictionary.organisations[form.entry].country or "-")
                else:
                    countries.add(form.entry)
        if len(countries) != 1:
            return actor
        country = countries.pop()
        if country not in self._dictionary.countries:
            return actor
        return replace(
            actor,
            code=country + (actor.sector or ""),
            country=country,
            rules=(*actor.rules, "actor.country-from-sentence"),
        )

    def _anaphor(self, head: int) -> Actor | None:
        return resolve_anaphor(self._parsed, head, self._dictionary, self._organisations)

    def country_government(self, alpha3: str) -> Actor | None:
        country = self._dictionary.countries.get(alpha3)
        if country is None:
            return None
        return Actor(alpha3 + "GOV", country.name, alpha3, "GOV", None, (f"country.{alpha3}",))


_GENERIC_SECTORS = frozenset({"REB", "MIL", "GOV", "CVL"})
# Sectors of titled office-holders ("President X", "Gen. Y") who may take the sentence's country.
_OFFICE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "ELI"})
