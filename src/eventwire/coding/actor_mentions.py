"""Dictionary names in parsed text: every country, organisation or person name, longest first.

Names are matched on their keys (``eventwire.coding.name_keys``) with the case rules of
``case_fits``; ``mention_finder`` scans each token range of an article once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from eventwire.coding.actor_dictionary import ActorDictionary
from eventwire.coding.actor_entries import FormKind, NameForm
from eventwire.coding.name_keys import case_fits, leading_run, name_key
from eventwire.model import ParsedText


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
        """The forms of these kinds, less shared institution names (``local_institution``)."""
        return tuple(f for f in self.forms if f.kind in kinds and not f.shared)

    def local_institution(self, focus: str | None) -> NameForm | None:
        """ "the Senate" in an article about the Philippines: the focus country's own
        institution of that name, when the name is one many countries use (``shared``)."""
        if focus is None:
            return None
        return next((f for f in self.forms if f.shared and f.entry == focus), None)


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
    # names never cross a sentence boundary, so a range of whole sentences is the sentences'
    # own scans put together (the whole article is asked for too, by the organisation index)
    ranges = {(s.first, s.last) for s in parsed.sentences}
    starting = {s.first: s.last for s in parsed.sentences}

    def find(first: int, last: int) -> tuple[NameMention, ...]:
        found = cache.get((first, last))
        if found is not None:
            return found
        if (first, last) not in ranges and _whole_sentences(first, last):
            parts: list[NameMention] = []
            at = first
            while at < last:
                parts.extend(find(at, starting[at]))
                at = starting[at]
            found = tuple(parts)
        else:
            found = find_mentions(parsed, dictionary, first, last)
        cache[first, last] = found
        return found

    def _whole_sentences(first: int, last: int) -> bool:
        at = first
        while at < last and at in starting:
            at = starting[at]
        return at == last and first < last

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


def located_in(
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


def token_runs(indices: list[int]) -> list[list[int]]:
    """Consecutive indices in runs: ``[1, 2, 5]`` -> ``[[1, 2], [5]]``."""
    runs: list[list[int]] = []
    for k in indices:
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs
