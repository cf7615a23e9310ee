"""Find toponyms in a parsed article: NER places, demonyms, names inside organisations, and
capitalised gazetteer names the model missed.

Precision guards for the gazetteer matcher: only capitalised proper-noun tokens outside any
other entity, never a listed non-toponym ("May", "President"), and only places that are
prominent enough (countries, regions, first-level divisions, cities above a population floor).
"""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.geo.candidates import LOCATIVE_RULE, Candidates
from eventwire.geo.compounds import hyphen_compounds
from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.lexicon import GeoLexicon
from eventwire.geo.mention import (
    CITY_FLOOR,
    LOCAL_RULE,
    MAX_NGRAM,
    MISLABELLED,
    NAMED_THINGS,
    OTHER_LABELS,
    PLACE_LABELS,
    SITE_RULE,
    Mention,
    capitalised,
    prominence,
    span_key,
    trim,
)
from eventwire.geo.names import DIRECTIONS, name_key
from eventwire.geo.same_name import SAME_NAME_RULE, same_names
from eventwire.geo.streets import road_codes, street_pairs, untagged_sites
from eventwire.model import Feature, ParsedText, PlaceRole

__all__ = ["LOCAL_RULE", "LOCATIVE_RULE", "SAME_NAME_RULE", "Mention", "recognise"]

LOCAL_LABELS = frozenset({"FAC", "LOC"})
DIVISIONS = frozenset({Feature.ADMIN1, Feature.ADMIN2})  # "New Quay, Ceredigion"


class _Recogniser(Candidates):
    """The recognition passes, run in the order ``recognise`` calls them."""

    # ---- the passes ------------------------------------------------------------------------
    def entities(self) -> None:
        p = self.p
        for ent in p.entities:
            if p.tokens[ent.first].sent in self.skip:
                continue
            if ent.label in PLACE_LABELS:
                self.place_entity(ent.first, ent.last, ent.label)
            elif ent.label == "PERSON" and ent.last - ent.first > 1:
                self.person_entity(ent.first, ent.last)
            elif ent.label in MISLABELLED and ent.last - ent.first == 1:
                self.lone_name(ent.first)
            elif ent.label == "NORP":
                self.demonym_span(ent.first, ent.last, PlaceRole.DEMONYM, "geo.recognise.ner-norp")

    def place_entity(self, first: int, last: int, label: str) -> None:
        first, last = trim(self.p, first, last)
        if first >= last:
            return
        toks = self.p.tokens
        key = span_key(self.p, first, last)
        rule = f"geo.recognise.ner-{label.lower()}"
        if self.quarter(first, last, key, rule):
            return
        if self.g.has_key(key):
            # a one-word name the gazetteer knows only as a village or another spelling
            # ("MoD", "Olivia"): weak, kept only if the article is about that area
            weak = last - first == 1 and not prominence(self.g, key, self._text(first, last), 1)
            self.add(
                first, last, key, PlaceRole.LITERAL, rule + ("+weak" if weak else ""), weak=weak
            )
            return
        dem = self.g.demonym_entry(key)
        if dem is not None:
            self.add(first, last, key, PlaceRole.DEMONYM, rule, dem)
            return
        # strip a leading direction ("northern Syria") and cue words ("Idlib province")
        f, la = first, last
        while f < la and toks[f].lemma in DIRECTIONS:
            f += 1
        while la > f and toks[la - 1].lemma in self.lex.admin_cues:
            la -= 1
        if f < la and (f, la) != (first, last):
            key = span_key(self.p, f, la)
            if self.g.has_key(key):
                self.add(f, la, key, PlaceRole.LITERAL, rule + "+trimmed")
                return
        # a comma list or a longer phrase: its longest known sub-names
        # A street or building ("Collins Avenue", "Cape Peron") is not searched for town
        # names: it is kept as a local name. Other unknown FAC/LOC names are searched first;
        # unknown GPE names are dropped (on news text they are more often people or brands).
        heads = self.lex.facility_heads
        if toks[last - 1].lemma in heads or toks[first].lemma in heads:
            self.local_name(first, last, rule)
            return
        found = self.scan(
            first, last, PlaceRole.LITERAL, rule + "+part", CITY_FLOOR, allow_weak=True
        )
        if not found and (label in LOCAL_LABELS or self.placed_by_text(first)):
            self.local_name(first, last, rule)

    def demonym_site(self, first: int, last: int, rule: str) -> bool:
        """ "the French Quarter", "the Russian Embassy": a demonym before a capitalised
        building or quarter word names a local place, not the country."""
        toks = self.p.tokens
        if (
            last < len(toks)
            and capitalised(toks[last])
            and toks[last].lemma in self.lex.facility_heads
            and not self.taken[last]
        ):
            self.local_name(first, last + 1, rule + "+demonym-site")
            return True
        return False

    def quarter(self, first: int, last: int, key: str, rule: str) -> bool:
        """ "the South Side", "Upper East Side": a quarter of the town the article is about,
        kept as a local name (not "Side", a town in Turkey)."""
        quarter = self.lex.quarter(key)
        if quarter is not None:
            self.local_name(first, last, f"{rule}+{quarter}")
        return quarter is not None

    def placed_by_text(self, first: int) -> bool:
        """An unlisted name the text itself places: right after a place preposition ("at
        Rathbeggan") or "village of", "town of"... ("the village of Nagrig")."""
        toks = self.p.tokens
        if first and toks[first - 1].text.lower() in self.lex.locative_preps:
            return True
        return (
            first >= 2
            and toks[first - 1].lemma == "of"
            and toks[first - 2].lemma in self.lex.settlement_words
        )

    def extend_org(self, first: int, last: int) -> int:
        """Extend "Islamic State of Iraq" over "and the Levant": an organisation named "... of
        X" continues through "and (the) Y" when Y is a place entity the model split off."""
        toks = self.p.tokens
        if not any(t.lemma == "of" for t in toks[first:last]):
            return last
        j = last
        if j < len(toks) and toks[j].lemma in {"and", "&"}:
            j += 1
            if j < len(toks) and toks[j].lemma == "the":
                j += 1
            for ent in self.p.entities:
                if ent.first == j and ent.label in PLACE_LABELS:
                    return ent.last
        return last

    def whole_place(self, first: int, last: int) -> bool:
        """An "organisation" that is just a country, big-city or facility name ("Washington
        said", "the Kremlin denied"): the model's label for a government by its seat; a place
        (the metonymy check follows)."""
        first, last = trim(self.p, first, last)
        if first >= last or self.in_org(self.p.tokens[first].start, self.p.tokens[last - 1].end):
            return False
        key = span_key(self.p, first, last)
        for k in self.g.lookup_key(key)[:5]:
            feature = self.g.feature(k)
            if feature in (Feature.COUNTRY, Feature.FACILITY) or (
                feature is Feature.CITY
                and (self.g.is_capital(k) or self.g.population(k) >= CITY_FLOOR)
                and self.g.is_main_name(k, key)
            ):
                self.add(first, last, key, PlaceRole.LITERAL, "geo.recognise.org-is-place")
                return True
        return False

    def lone_name(self, i: int) -> None:
        """A one-word PERSON/PRODUCT/... entity that is a well-known place: a weak mention,
        kept only if the rest of the article is about that area."""
        tok = self.p.tokens[i]
        if tok.text in self.lex.not_toponyms:
            return
        key = name_key(tok.text)
        dem = self.g.demonym_entry(key)
        if dem is not None and self.attributive(i):
            # "Azerbaijani soldiers" tagged PERSON, "the English city" tagged LANGUAGE
            self.add(i, i + 1, key, PlaceRole.DEMONYM, "geo.recognise.mislabelled-demonym", dem)
            return
        level = prominence(self.g, key, tok.text, CITY_FLOOR)
        if level == 2 and tok.text not in self.lex.person_like:
            self.add(i, i + 1, key, PlaceRole.LITERAL, "geo.recognise.mislabelled+weak", weak=True)
        elif level and tok.pos == "PROPN" and self.after_locative(i, to=True):
            # "moved to Castlegar", "stops in Almelo": a town that the model took for a person
            rule = "geo.recognise.mislabelled-locative+weak"
            self.add(i, i + 1, key, PlaceRole.LITERAL, rule, weak=True)
        elif level and tok.pos == "PROPN" and self.listed_with_place(i):
            # "stops in Hilversum and Almelo": a town listed after a place the model tagged
            rule = "geo.recognise.mislabelled-listed+weak"
            self.add(i, i + 1, key, PlaceRole.LITERAL, rule, weak=True)

    def division_after_place(self, first: int, last: int) -> bool:
        """ "New Quay, Ceredigion": an untagged name right after a tagged place and a comma that
        the gazetteer lists as a first- or second-level division, however small, is the division
        the place lies in. Adds the longest such name in ``[first, last)`` from ``first``."""
        toks = self.p.tokens
        if first < 2 or toks[first - 1].text != "," or toks[first - 2].sent != toks[first].sent:
            return False
        if toks[first - 2].ent_type not in PLACE_LABELS:
            return False
        for end in range(last, first, -1):
            key = span_key(self.p, first, end)
            if any(self.g.feature(k) in DIVISIONS for k in self.g.lookup_key(key)[:20]):
                self.add(first, end, key, PlaceRole.LITERAL, "geo.recognise.division-after-place")
                return True
        return False

    def listed_with_place(self, i: int) -> bool:
        """Whether token ``i`` follows "and", "or" or a comma right after a place entity."""
        toks = self.p.tokens
        if i < 2 or toks[i - 1].text not in {"and", "or", ","}:
            return False
        before = toks[i - 2]
        return before.ent_type in PLACE_LABELS and before.sent == toks[i].sent

    def attributive(self, i: int) -> bool:
        """Whether token ``i`` modifies a noun after it ("English city"), not "in English"."""
        tok = self.p.tokens[i]
        head = self.p.tokens[tok.head]
        return tok.dep in {"amod", "compound", "nmod"} and tok.head > i and head.pos == "NOUN"

    def person_entity(self, first: int, last: int) -> None:
        """A several-word "person" that is a country or first-level division ("Tamil Nadu")."""
        key = span_key(self.p, first, last)
        for k in self.g.lookup_key(key)[:5]:
            if self.g.feature(k) in (Feature.COUNTRY, Feature.ADMIN1):
                self.add(first, last, key, PlaceRole.LITERAL, "geo.recognise.person-is-place")
                return
        level = prominence(self.g, key, self._text(first, last), CITY_FLOOR)
        if level:  # "Klamath Falls", "Ciudad Juarez": a town, if the article agrees
            rule = "geo.recognise.person-is-place+weak"
            self.add(first, last, key, PlaceRole.LITERAL, rule, weak=True)
        elif any(t.text.lower() in self.lex.organisation_words for t in self.p.tokens[first:last]):
            # "Abuja Chamber of Commerce", "Miami Herald" tagged PERSON: an organisation
            rule = "geo.recognise.embedded+person-is-organisation"
            self.scan(first, last, PlaceRole.EMBEDDED, rule, CITY_FLOOR)

    def demonym_span(self, first: int, last: int, role: PlaceRole, rule: str) -> None:
        first, last = trim(self.p, first, last)
        if first >= last:
            return
        key = span_key(self.p, first, last)
        if self.quarter(first, last, key, rule):
            return
        if self.demonym_site(first, last, rule):
            return
        dem = self.g.demonym_entry(key)
        if dem is None and last - first > 1:
            # "Turkish-US", "Syrian Kurdish": each known part on its own
            for j in range(first, last):
                self.demonym_span(j, j + 1, role, rule)
            return
        if dem is not None:
            self.add(first, last, key, role, rule, dem)
        elif self.g.has_key(key) and prominence(self.g, key, self._text(first, last), CITY_FLOOR):
            # NORP that is a place name used as a modifier ("US", "EU")
            self.add(first, last, key, PlaceRole.LITERAL, rule)

    def organisations(self) -> None:
        spans: list[tuple[int, int]] = []
        for ent in self.p.entities:
            if self.p.tokens[ent.first].sent in self.skip:
                continue
            if ent.label == "ORG":
                if self.whole_place(ent.first, ent.last):
                    continue
                spans.append((ent.first, self.extend_org(ent.first, ent.last)))
            elif ent.label in NAMED_THINGS and ent.last - ent.first > 1:
                spans.append((ent.first, ent.last))  # "the Dubai World Cup", "the Tianjin Expo"
        for s, e in self.org_spans:
            first = next((t.i for t in self.p.tokens if t.end > s), None)
            if first is None:
                continue
            last = first
            while last < len(self.p.tokens) and self.p.tokens[last].start < e:
                last += 1
            spans.append((first, last))
        for first, last in spans:
            # "Leeds Academy", "Carnegie Library": a building, perhaps not in that town
            site = self.p.tokens[last - 1].lemma in self.lex.facility_heads
            premises = not site and self.at_organisation(first)
            before = len(self.out)
            found = self.scan(
                first,
                last,
                PlaceRole.EMBEDDED,
                "geo.recognise.embedded" + (SITE_RULE if site else ""),
                CITY_FLOOR,
                allow_weak=True,
            )
            if found and (site or premises) and all(m.weak for m in self.out[before:]):
                # only a small town inside a building's name ("Craven Cottage", "the Colony
                # Theatre"): the building is the place
                self.drop_since(before)
                found = False
            if not found and site:
                self.local_name(*trim(self.p, first, last), "geo.recognise.org-site")
            elif not found and premises:
                # "shopping at Whole Foods", "a protest outside Parliament": the name of an
                # organisation used for its premises
                self.local_name(*trim(self.p, first, last), "geo.recognise.org-premises")

    def at_organisation(self, first: int) -> bool:
        """Whether the organisation name at ``first`` follows a preposition of premises."""
        toks = self.p.tokens
        j = first - 2 if first and toks[first - 1].lemma == "the" else first - 1
        return j >= 0 and toks[j].text.lower() in self.lex.premises_preps

    def loose(self) -> None:
        """Capitalised names outside every entity that the gazetteer knows well."""
        toks = self.p.tokens
        n = len(toks)
        j = 0
        while j < n:
            tok = toks[j]
            if (
                self.taken[j]
                or tok.sent in self.skip
                or tok.ent_type in OTHER_LABELS
                or not capitalised(tok)
                or tok.pos not in {"PROPN", "ADJ", "NOUN"}
            ):
                j += 1
                continue
            last = j
            while (
                last < n
                and last - j < MAX_NGRAM
                and not self.taken[last]
                and toks[last].ent_type not in OTHER_LABELS
                and toks[last].sent == tok.sent
                and (capitalised(toks[last]) or toks[last].text in {"-"})
            ):
                last += 1
            if last > j and self.division_after_place(j, last):
                j = max(last, j + 1)
                continue
            if last > j:
                self.scan(
                    j,
                    last,
                    PlaceRole.LITERAL,
                    "geo.recognise.gazetteer",
                    CITY_FLOOR,
                    self.lex.person_like,
                    allow_weak=True,
                )
            j = max(last, j + 1)


def recognise(
    parsed: ParsedText,
    gazetteer: Gazetteer,
    lexicon: GeoLexicon,
    org_spans: Sequence[tuple[int, int]] = (),
    skip_sentences: frozenset[int] = frozenset(),
) -> list[Mention]:
    """Every toponym candidate in ``parsed``, in text order (roles other than dateline and
    metonymic already set)."""
    r = _Recogniser(parsed, gazetteer, lexicon, org_spans, skip_sentences)
    r.organisations()
    r.entities()
    street_pairs(r)  # "State and Hubbard streets": before the gazetteer takes "Hubbard"
    r.loose()
    hyphen_compounds(r)
    untagged_sites(r)
    road_codes(r)
    same_names(r)
    return sorted(r.out, key=lambda m: m.start)
