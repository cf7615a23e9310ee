"""The recognition state every pass shares: the mentions found so far, the tokens they
take (a token belongs to one mention only), and the two matchers the passes build on: the
longest-first gazetteer scan and the unlisted local name."""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.lexicon import GeoLexicon
from eventwire.geo.mention import (
    LOCAL_RULE,
    MAX_NGRAM,
    Mention,
    admin_cue,
    capitalised,
    prominence,
    region_key,
    span_key,
)
from eventwire.model import ParsedText, PlaceRole

NAME_LINKS = frozenset({"of", "the", "and", "&", "for", "de", "du", "la", "le"})  # "Museum of X"
LOCATIVE_RULE = "+locative"  # a weak name right after "in", "from"...: a city there needs less


class Candidates:
    """Mentions found so far in one article, and the tokens they cover."""

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
        chars: tuple[int, int] | None = None,
    ) -> None:
        """Record a mention of tokens ``[first, last)``; ``chars`` narrows it to part of a
        token ("U.S." of "U.S.-led")."""
        toks = self.p.tokens
        if first >= last or any(self.taken[first:last]):
            return
        start, end = chars or (toks[first].start, toks[last - 1].end)
        if role is PlaceRole.LITERAL and self.in_org(start, end):
            role, rule = PlaceRole.EMBEDDED, rule + "+geo.role.embedded.org-span"
        cue = admin_cue(self.p, first, last, self.lex)
        if weak and self.after_locative(first, last):
            rule += LOCATIVE_RULE
        quarter = self.lex.quarter(key)
        if quarter is not None and LOCAL_RULE not in rule:
            rule += f"+{quarter}{LOCAL_RULE}"  # "the South Side": a quarter of the locality
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

    def drop_since(self, count: int) -> None:
        """Forget the mentions added after the first ``count`` and free their tokens."""
        for m in self.out[count:]:
            for j in range(m.first, m.last):
                self.taken[j] = 0
        del self.out[count:]

    # ---- the passes ------------------------------------------------------------------------

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
                or (tok.text in stops and not self.after_locative(j))
            ):
                j += 1
                continue
            # a listed non-toponym only starts a longer name ("New York", "Western Cape")
            shortest = 2 if tok.text in self.lex.not_toponyms else 1
            matched = 0
            for n in range(min(MAX_NGRAM, last - j), shortest - 1, -1):
                end_tok = toks[j + n - 1]
                if not capitalised(end_tok) or any(self.taken[j : j + n]):
                    continue
                key = span_key(self.p, j, j + n)
                region = region_key(self.p, j + n, key, self.g, self.lex)
                if region is not None:  # "Peel Regional Police": the Region of Peel
                    self.add(j, j + n, region, role, rule + "+region-word")
                    matched = n
                    break
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

    def after_locative(self, j: int, last: int | None = None, to: bool = False) -> bool:
        """A name right after a place preposition ("in Paris", "from Jordan"; with ``to``
        also "to", "into": "moved to Leeds"), with no capitalised word after it ("in Paris
        Hilton's")."""
        toks = self.p.tokens
        end = j + 1 if last is None else last
        before = toks[j - 1].text.lower() if j else ""
        if before not in self.lex.locative_preps and not (to and before in self.lex.goal_preps):
            return False
        return end >= len(toks) or not capitalised(toks[end])

    def local_name(self, first: int, last: int, rule: str) -> None:
        """An unlisted street, building or area ("Royal Street", "Ghouta"): kept as a literal
        place with no entry; it is placed at the article's locality later. Only capitalised
        words count, with "of", "the", "and"... inside ("Museum of Modern Art"): "the street"
        or a lower-case phrase is no name."""
        toks = self.p.tokens
        inner = range(first + 1, last - 1)
        if not all(
            t.pos == "PROPN"
            or capitalised(t)
            or not t.text[:1].isalpha()
            or t.lemma in self.lex.facility_heads
            or (t.i in inner and t.text.lower() in NAME_LINKS)
            for t in toks[first:last]
        ):
            return
        if not capitalised(toks[first]) or (
            last - first == 1 and toks[first].text in self.lex.not_toponyms
        ):  # "Central" alone is no name; "Central Mental Hospital" is
            return
        self.add(first, last, span_key(self.p, first, last), PlaceRole.LITERAL, rule + LOCAL_RULE)

    def _text(self, first: int, last: int) -> str:
        return self.p.text[self.p.tokens[first].start : self.p.tokens[last - 1].end]
