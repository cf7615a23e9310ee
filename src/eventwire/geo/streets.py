"""Streets, roads and buildings the small model tags as no place at all.

Two matchers, run after the gazetteer matcher on the tokens no mention has taken yet:

- a run of capitalised words ending in an ``untagged_site_heads`` word ("Dubonet Drive",
  "10 Elm Street", "Karl Bremer Hospital" tagged PERSON, "Pine Ridge Elementary");
- a numbered road named alone by its code (``road_codes``: "the A417", "the I-95");
- two names joined by "and", "&" or "/" before a plural street word or a crossing word, or
  after a crossing word and "of" (``street_pairs``: "Bourbon and Dauphine streets", "the
  Elm/Oak intersection", "the corner of State and Hubbard").

Both are local names (rule suffix ``+local``): they get the town named right next to them
(``geo/anchor.py``), else the article's locality. Guards: no token of an organisation the model
tagged (those are handled by the organisation pass) or of a mention already found; a word
opening the sentence counts only as a proper noun ("Local School" is no name); a street word
that ends a PERSON is no building when it is also a surname ("Lois Lane"); a street named for
an industry (``site_metonyms``: "Wall Street") is left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from eventwire.geo.candidates import Candidates
from eventwire.geo.lexicon import GeoLexicon
from eventwire.geo.mention import LOCAL_RULE, capitalised, span_key
from eventwire.geo.names import DIRECTIONS
from eventwire.model import ParsedText, PlaceRole, Token

SITE_RULE = "geo.recognise.untagged-site"
ROAD_RULE = "geo.recognise.road-code"
PAIR_RULE = "geo.recognise.street-pair"
PAIR_NAME = 3  # tokens of each name in a street pair
PAIR_JOINERS = frozenset({"and", "&", "/"})  # "State and Hubbard", "the Elm/Oak intersection"
NAME_POS = frozenset({"PROPN", "ADJ", "NOUN", "NUM"})
MAX_NAME = 6  # tokens before the street or building word
NO_NAME = frozenset({"ORG"})  # the organisation pass has decided these tokens


def _free(c: Candidates, j: int) -> bool:
    tok = c.p.tokens[j]
    return not c.taken[j] and tok.sent not in c.skip and tok.ent_type not in NO_NAME


def _opens_sentence(c: Candidates, j: int) -> bool:
    return j == 0 or c.p.tokens[j - 1].sent != c.p.tokens[j].sent


def _head(c: Candidates, tok: Token) -> str | None:
    return c.lex.site_heads.get(tok.text.rstrip(".").lower()) if capitalised(tok) else None


def untagged_sites(c: Candidates) -> None:
    """Capitalised runs ending in a street or building word that no entity covers."""
    toks = c.p.tokens
    n = len(toks)
    for h, tok in enumerate(toks):
        eid = _head(c, tok)
        if eid is None or not _free(c, h):
            continue
        word = tok.text.rstrip(".").lower()
        if tok.ent_type == "PERSON" and word in c.lex.site_surnames:
            continue  # "Lois Lane", "Shirley Temple"
        last = h + 1
        if last < n and toks[last].sent == tok.sent and capitalised(toks[last]):
            if toks[last].lemma not in DIRECTIONS or not _free(c, last):
                continue  # inside a longer name ("St. Louis", "Park Avenue")
            last += 1  # "Elm Avenue West"
        first = h
        while (
            first > 0
            and h - first < MAX_NAME
            and toks[first - 1].sent == tok.sent
            and _free(c, first - 1)
            and (
                (capitalised(toks[first - 1]) and toks[first - 1].pos in NAME_POS)
                or toks[first - 1].text.isdigit()
            )
        ):
            first -= 1
        while first < h and (
            toks[first].pos in {"DET", "PRON"}
            or (_opens_sentence(c, first) and toks[first].pos != "PROPN")
        ):
            first += 1
        if not any(capitalised(t) for t in toks[first:h]):
            continue  # the street word alone ("Hospital officials said")
        key = span_key(c.p, first, last)
        if key in c.lex.site_metonyms:
            continue  # "Wall Street rallied": an industry, and no place in the article's town
        c.add(first, last, key, PlaceRole.LITERAL, f"{SITE_RULE}:{eid}{LOCAL_RULE}")


def road_codes(c: Candidates) -> None:
    """Numbered roads named alone: "the A417", "via the A436, A40 and A429". The model tags
    a code as anything (PRODUCT, ORG, CARDINAL), so tags are not asked; a code that modifies
    a noun is a product ("the A380 superjumbo", "the M4 carbine") unless that noun is a road
    word ("the A417 southbound carriageway")."""
    toks = c.p.tokens
    previous = -10  # index of the last road code taken
    for j, tok in enumerate(toks):
        if not tok.text[-1:].isdigit() or c.taken[j] or tok.sent in c.skip:
            continue
        eid = next((e for pat, e in c.lex.road_codes if pat.fullmatch(tok.text)), None)
        if eid is None:
            continue
        before = toks[j - 1].lemma if j else ""
        listed = before in {",", "and", "or"} and previous >= j - 2
        if before != "the" and not listed:
            continue
        if tok.dep == "compound" and tok.head > j:
            between = toks[j + 1 : tok.head + 1]
            if not any(t.lemma in c.lex.road_followers for t in between):
                continue
        rule = f"{ROAD_RULE}:{eid}{LOCAL_RULE}"
        c.add(j, j + 1, span_key(c.p, j, j + 1), PlaceRole.LITERAL, rule)
        previous = j


def street_pairs(c: Candidates) -> None:
    """ "Bourbon and Dauphine streets", "at the corner of State and Hubbard", "the Elm/Oak
    intersection": both names are streets. Each name is a run of up to three capitalised
    words no mention has taken."""

    def free(j: int) -> bool:
        # an ORG tag does not matter: the street word decides
        return not c.taken[j] and c.p.tokens[j].sent not in c.skip

    for eid, names in pair_names(c.p, c.lex, free):
        for first, last in names:
            c.add(
                first,
                last,
                span_key(c.p, first, last),
                PlaceRole.LITERAL,
                f"{PAIR_RULE}:{eid}{LOCAL_RULE}",
            )


def pair_names(
    parsed: ParsedText, lex: GeoLexicon, free: Callable[[int], bool] = lambda j: True
) -> Iterator[tuple[str, tuple[tuple[int, int], tuple[int, int]]]]:
    """The street pairs of ``parsed``: the ``street_pairs`` entry id and the two names'
    token ranges, each a run of capitalised proper nouns whose tokens are all ``free``."""
    toks = parsed.tokens
    for j, tok in enumerate(toks):
        if tok.lemma not in PAIR_JOINERS or not free(j):
            continue
        after = _name_run(parsed, free, j + 1, 1)
        before = _name_run(parsed, free, j - 1, -1)
        if after is None or before is None:
            continue
        nxt = toks[after[1]] if after[1] < len(toks) else None
        eid = lex.street_pairs.get(nxt.text.lower()) if nxt is not None else None
        if eid is None and before[0] >= 2 and toks[before[0] - 1].lemma == "of":
            eid = lex.street_pairs.get(toks[before[0] - 2].text.lower())
        if eid is not None:
            yield eid, (before, after)


def _name_run(
    parsed: ParsedText, free: Callable[[int], bool], j: int, step: int
) -> tuple[int, int] | None:
    """The run of free capitalised proper nouns starting at ``j`` and going ``step`` (+1
    forward, -1 back), as ``(first, last)``; ``None`` if there is none."""
    toks = parsed.tokens
    end = j
    while (
        0 <= end < len(toks)
        and abs(end - j) < PAIR_NAME
        and free(end)
        and capitalised(toks[end])
        and toks[end].pos == "PROPN"
        and toks[end].sent == toks[j].sent
    ):
        end += step
    if end == j:
        return None
    return (j, end) if step > 0 else (end + 1, j + 1)
