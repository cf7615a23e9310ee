"""Find toponyms in a parsed article: NER places, demonyms, names inside organisations, and
capitalised gazetteer names the model missed.

Precision guards for the gazetteer matcher: only capitalised proper-noun tokens outside any
other entity, never a listed non-toponym ("May", "President"), and only places that are
prominent enough (countries, regions, first-level divisions, cities above a population floor).
"""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.lexicon import GeoLexicon
from eventwire.geo.mention import (
    CITY_FLOOR,
    MAX_NGRAM,
    MISLABELLED,
    NAMED_THINGS,
    OTHER_LABELS,
    PLACE_LABELS,
    SITE_RULE,
    Mention,
    admin_cue,
    capitalised,
    prominence,
    span_key,
    trim,
)
from eventwire.geo.names import DIRECTIONS, name_key
from eventwire.model import Feature, ParsedText, PlaceRole

__all__ = ["Mention", "recognise"]

LOCAL_RULE = "+local"  # an unlisted name: the article's locality gives its point
LOCAL_LABELS = frozenset({"FAC", "LOC"})
SAME_NAME_RULE = "geo.recognise.same-name"  # the name is a place elsewhere in the article
NOT_SAME_NAME = frozenset({"PERSON", "ORG", "NORP"})  # the model's own reading wins there
LOCATIVE_RULE = "+locative"  # a weak name right after "in", "from"...: a city there needs less


class _Recogniser:
    def __init__(
        self,
        parsed: ParsedText,
        gazetteer: Gazetteer,
        lexicon: GeoLexicon,
        org_spans: Sequence[tuple[int, int]],
        skip_sentences: frozenset[int],
    ) -> None:
        self.p = parsed
        self.g = gazetteer
        self.lex = lexicon
        self.org_spans = tuple(org_spans)
        self.skip = skip_sentences | {s.index for s in parsed.sentences if s.furniture}
        self.taken = bytearray(len(parsed.tokens))
        self.out: list[Mention] = []

    def in_org(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.org_spans)

    def add(
        self,
        first: int,
        last: int,
        key: str,
        role: PlaceRole,
        rule: str,
        demonym_of: int | None = None,
        weak: bool = False,
    ) -> None:
        toks = self.p.tokens
        if first >= last or any(self.taken[first:last]):
            return
        start, end = toks[first].start, toks[last - 1].end
        if role is PlaceRole.LITERAL and self.in_org(start, end):
            role, rule = PlaceRole.EMBEDDED, rule + "+geo.role.embedded.org-span"
        cue = admin_cue(self.p, first, last, self.lex)
        if weak and self.after_locative(first, last):
            rule += LOCATIVE_RULE
        self.out.append(
            Mention(
                first,
                last,
                start,
                end,
                key,
                role,
                (rule,),
                toks[first].sent,
                demonym_of,
                cue,
                weak,
            )
        )
        for j in range(first, last):
            self.taken[j] = 1

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
        if self.g.has_key(key):
            self.add(first, last, key, PlaceRole.LITERAL, rule)
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
        if not found and label in LOCAL_LABELS:
            self.local_name(first, last, rule)

    def local_name(self, first: int, last: int, rule: str) -> None:
        """An unlisted street, building or area ("Royal Street", "Ghouta"): kept as a literal
        place with no entry; it is placed at the article's locality later. Only proper
        nouns count: "the street" or a lower-case phrase is no name."""
        toks = self.p.tokens
        if not all(
            t.pos == "PROPN" or not t.text[:1].isalpha() or t.lemma in self.lex.facility_heads
            for t in toks[first:last]
        ):
            return
        if not capitalised(toks[first]) or toks[first].text in self.lex.not_toponyms:
            return
        self.add(first, last, span_key(self.p, first, last), PlaceRole.LITERAL, rule + LOCAL_RULE)

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
                and name_key(self.g.columns.names[k]) == key
            ):
                self.add(first, last, key, PlaceRole.LITERAL, "geo.recognise.org-is-place")
                return True
        return False

    def lone_name(self, i: int) -> None:
        """A one-word PERSON/PRODUCT/... entity that is a well-known place: a weak mention,
        kept only if the rest of the article is about that area."""
        tok = self.p.tokens[i]
        if tok.text in self.lex.person_like or tok.text in self.lex.not_toponyms:
            return
        key = name_key(tok.text)
        if prominence(self.g, key, tok.text, CITY_FLOOR) == 2:
            self.add(i, i + 1, key, PlaceRole.LITERAL, "geo.recognise.mislabelled+weak", weak=True)

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

    def _text(self, first: int, last: int) -> str:
        return self.p.text[self.p.tokens[first].start : self.p.tokens[last - 1].end]

    def demonym_span(self, first: int, last: int, role: PlaceRole, rule: str) -> None:
        first, last = trim(self.p, first, last)
        if first >= last:
            return
        key = span_key(self.p, first, last)
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
            found = self.scan(
                first,
                last,
                PlaceRole.EMBEDDED,
                "geo.recognise.embedded" + (SITE_RULE if site else ""),
                CITY_FLOOR,
                allow_weak=True,
            )
            if not found and site:
                self.local_name(*trim(self.p, first, last), "geo.recognise.org-site")

    def scan(
        self,
        first: int,
        last: int,
        role: PlaceRole,
        rule: str,
        floor: int,
        stops: frozenset[str] = frozenset(),
        allow_weak: bool = False,
    ) -> bool:
        """Longest-first gazetteer and demonym matches of capitalised tokens in [first, last)."""
        toks = self.p.tokens
        found = False
        j = first
        while j < last:
            tok = toks[j]
            if (
                self.taken[j]
                or not capitalised(tok)
                or tok.text in self.lex.not_toponyms
                or (tok.text in stops and not self.after_locative(j))
            ):
                j += 1
                continue
            matched = 0
            for n in range(min(MAX_NGRAM, last - j), 0, -1):
                end_tok = toks[j + n - 1]
                if not capitalised(end_tok) or any(self.taken[j : j + n]):
                    continue
                key = span_key(self.p, j, j + n)
                dem = self.g.demonym_entry(key)
                if dem is not None:
                    r = PlaceRole.DEMONYM if role is PlaceRole.LITERAL else role
                    self.add(j, j + n, key, r, rule, dem)
                    matched = n
                    break
                level = prominence(self.g, key, self._text(j, j + n), floor)
                if level == 2 or (level == 1 and allow_weak):
                    self.add(
                        j, j + n, key, role, rule + ("+weak" if level == 1 else ""), weak=level == 1
                    )
                    matched = n
                    break
            if matched:
                found = True
                j += matched
            else:
                j += 1
        return found

    def after_locative(self, j: int, last: int | None = None) -> bool:
        """A name right after a place preposition ("in Paris", "from Jordan"), with no
        capitalised word after it ("in Paris Hilton's")."""
        toks = self.p.tokens
        end = j + 1 if last is None else last
        if j == 0 or toks[j - 1].text.lower() not in self.lex.locative_preps:
            return False
        return end >= len(toks) or not capitalised(toks[end])

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

    def main_name(self, key: str) -> bool:
        """The key is the main name of a listed place (not only an alternate spelling), and
        not a short all-capital form ("MoD", "AI")."""
        for k in self.g.lookup_key(key)[:5]:
            if self.g.feature(k) is not Feature.CITY:
                return True
            if name_key(self.g.columns.names[k]) == key and len(key) > 3:
                return True
        return False

    def same_names(self) -> None:
        """One sense per article: a name recognised firmly once is a place wherever else it
        stands alone ("Douma" tagged GPE once, PERSON or nothing later); not inside a longer
        entity of another kind ("Paris Hilton")."""
        firm: dict[str, set[int]] = {}
        for m in self.out:
            if m.weak or m.demonym_of is not None or m.role is not PlaceRole.LITERAL:
                continue
            if any(LOCAL_RULE in r for r in m.rules):
                heads = self.lex.facility_heads
                if m.last - m.first < 2 or self.p.tokens[m.last - 1].lemma not in heads:
                    continue  # an unlisted one-word name may be a person ("Howarth")
            elif not self.main_name(m.key):
                continue  # a spelling only some town's alternate name has ("Salah")
            firm.setdefault(m.key, set()).add(m.last - m.first)
        if not firm:
            return
        toks = self.p.tokens
        length = [1] * len(toks)
        for ent in self.p.entities:
            for j in range(ent.first, ent.last):
                length[j] = ent.last - ent.first
        sizes = sorted({n for ns in firm.values() for n in ns}, reverse=True)
        for j, tok in enumerate(toks):
            if self.taken[j] or tok.sent in self.skip or not capitalised(tok):
                continue
            for n in sizes:
                last = j + n
                if last > len(toks) or any(self.taken[j:last]):
                    continue
                if any(
                    toks[i].pos != "PROPN"
                    or toks[i].ent_type in NOT_SAME_NAME
                    or (toks[i].ent_type in OTHER_LABELS and length[i] > n)
                    for i in range(j, last)
                ):
                    continue
                if (j > 0 and capitalised(toks[j - 1])) or (
                    last < len(toks) and capitalised(toks[last])
                ):
                    continue  # part of a longer name ("Olympic Games")
                key = span_key(self.p, j, last)
                if n in firm.get(key, ()):
                    self.add(j, last, key, PlaceRole.LITERAL, SAME_NAME_RULE)
                    break


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
    r.loose()
    r.same_names()
    return sorted(r.out, key=lambda m: m.start)
