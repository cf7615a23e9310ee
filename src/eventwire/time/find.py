"""Find the date mentions of a parsed article and resolve them, in text order.

The grammar (``expressions.py``) proposes candidates from the text; the parse decides the
ambiguous ones ("May" the modal verb, "march" the verb, "2000 troops"); the longest candidate
wins where they overlap. spaCy DATE entities that no candidate covers and that look like
calendar dates ("Sept 3rd , 2015") go to dateparser. Each mention is resolved against the
reference date and the previous mention, which anchors "the next day".
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Sequence
from typing import Any

from eventwire.model import DateMention, DatePrecision, Entity, EventDate, ParsedText, Span, Token
from eventwire.time.expressions import Expression, Kind, scan
from eventwire.time.lexicon import TimeLexicon, load_time_lexicon
from eventwire.time.resolve import Resolved, is_tensed, resolve, unit_range

ENTITY_RULE = "time.entity-dateparser"
_MONTH_KINDS = frozenset({Kind.MONTH, Kind.MONTH_DAY, Kind.DAY_MONTH})
_NUMBER_ENTITIES = frozenset({"CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL"})
_PRESENT = frozenset({"VBZ", "VBP"})
_CORE_ROLES = frozenset({"ROOT", "nsubj", "nsubjpass", "dobj", "attr"})
_ARTICLES = frozenset({"a", "an", "the"})
_NUMERIC_DATE = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}")
_DURATION = re.compile(
    r"(?i)(?<!\w)(?:for|over|within|past|next|last|ago|later|earlier|each|every|decades?|"
    r"centur\w*|years|months|weeks|days|hours)(?!\w)"
)
_DATEPARSER_PERIODS = {
    "day": DatePrecision.DAY,
    "time": DatePrecision.DAY,
    "week": DatePrecision.WEEK,
    "month": DatePrecision.MONTH,
    "year": DatePrecision.YEAR,
}


def find_dates(
    parsed: ParsedText, reference: dt.date, *, lexicon: TimeLexicon | None = None
) -> tuple[DateMention, ...]:
    """Every date expression of ``parsed``, resolved against ``reference``, in text order."""
    lex = lexicon or load_time_lexicon()
    index = _TokenIndex(parsed.tokens)
    scanned = scan(parsed.text, lex)
    chosen = _longest([e for e in scanned if _plausible(e, parsed, index, lex)])
    # The grammar's rejects stay rejected: dateparser only sees entities it has no reading of.
    items: list[Expression | Entity] = [*chosen, *_entity_dates(parsed, scanned, lex)]
    items.sort(key=lambda item: (item.start, item.end))
    mentions: list[DateMention] = []
    anchor: Resolved | None = None
    for item in items:
        first, last = index.tokens_of(item.start, item.end)
        try:
            if isinstance(item, Expression):
                future = is_tensed(item) and _is_future(parsed, first, last, lex)
                resolved: Resolved | None = resolve(item, reference, anchor, future)
            else:
                resolved = _dateparser_date(item.text, reference)
        except (ValueError, OverflowError):
            continue  # "June 31", a year out of range: no date
        if resolved is None:
            continue
        anchor = resolved
        mentions.append(_mention(parsed, item.start, item.end, first, last, resolved))
    return tuple(mentions)


class _TokenIndex:
    """Maps character spans to token ranges by binary search."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self.starts = [t.start for t in tokens]
        self.ends = [t.end for t in tokens]

    def tokens_of(self, start: int, end: int) -> tuple[int, int]:
        """Token range ``[first, last)`` overlapping ``text[start:end]`` (empty if none)."""
        first = bisect.bisect_right(self.ends, start)
        last = bisect.bisect_left(self.starts, end)
        return first, max(first, last)

    def at(self, offset: int) -> Token | None:
        first, last = self.tokens_of(offset, offset + 1)
        return self.tokens[first] if first < last else None


def _plausible(e: Expression, parsed: ParsedText, index: _TokenIndex, lex: TimeLexicon) -> bool:
    """Whether the parse lets the candidate be a date."""
    first, last = index.tokens_of(e.start, e.end)
    span_tokens = parsed.tokens[first:last]
    if any(t.ent_type in lex.blocking_entities for t in span_tokens):
        return False  # "Theresa May", "USA Today"
    word = index.at(e.word_start) if e.word_start >= 0 else None
    if (
        word is not None
        and e.kind in _MONTH_KINDS
        and e.year is None
        and (word.tag == "MD" or word.pos in ("VERB", "AUX"))
    ):
        return False  # "may", "March on the capital"
    if word is not None and e.kind is Kind.SEASON and word.pos in ("VERB", "AUX"):
        return False  # "transfers to fall", "to spring up"
    if word is not None and e.kind is Kind.YEAR and _counts_things(word, parsed):
        return False  # "2000 troops"
    if not e.needs_context or e.has_preposition:
        return True
    if word is not None and e.kind is Kind.YEAR and _previous_word(parsed, word) == "the":
        return True  # "the 2014 elections"
    # No "in"/"since" before it: trust the NER's DATE, except where the word is the subject
    # or object of its clause ("Thousands March on the capital", "a March on Washington").
    if word is not None and (
        word.dep in _CORE_ROLES or _previous_word(parsed, word) in ("a", "an")
    ):
        return False
    return any(t.ent_type == "DATE" for t in span_tokens)


def _counts_things(word: Token, parsed: ParsedText) -> bool:
    """Whether a year-like number counts something ("2000 troops"), not a year."""
    if word.ent_type in _NUMBER_ENTITIES:
        return True
    head = parsed.tokens[word.head]
    return (
        word.dep == "nummod"
        and head.tag in ("NNS", "NNPS")
        and _previous_word(parsed, word) not in _ARTICLES
    )


def _previous_word(parsed: ParsedText, token: Token) -> str:
    return parsed.tokens[token.i - 1].norm if token.i > 0 else ""


def _longest(candidates: list[Expression]) -> list[Expression]:
    """The longest candidates that do not overlap, earliest first on ties."""
    kinds = list(Kind)
    ordered = sorted(candidates, key=lambda e: (-(e.end - e.start), e.start, kinds.index(e.kind)))
    chosen: list[Expression] = []
    taken = bytearray(max((e.end for e in candidates), default=0))
    for e in ordered:
        if not any(taken[e.start : e.end]):
            chosen.append(e)
            taken[e.start : e.end] = b"\x01" * (e.end - e.start)
    return chosen


def _entity_dates(parsed: ParsedText, scanned: list[Expression], lex: TimeLexicon) -> list[Entity]:
    """DATE entities no candidate touches and that look like calendar dates, not durations."""
    months = {w.lower() for m in lex.months for w in m.names + m.abbreviations}
    out: list[Entity] = []
    covered = bytearray(len(parsed.text))
    for e in scanned:
        covered[e.start : e.end] = b"\x01" * (e.end - e.start)
    for ent in parsed.entities:
        if ent.label != "DATE" or any(covered[ent.start : ent.end]):
            continue
        words = {w.lower().rstrip(".") for w in re.findall(r"[A-Za-z]+\.?", ent.text)}
        looks_like_date = bool(words & months) or _NUMERIC_DATE.search(ent.text) is not None
        if looks_like_date and _DURATION.search(ent.text) is None:
            out.append(ent)
    return out


def _is_future(parsed: ParsedText, first: int, last: int, lex: TimeLexicon) -> bool:
    """Whether the clause governing tokens ``[first, last)`` speaks of the future."""
    if first >= last:
        return False
    heads = [t for t in parsed.tokens[first:last] if not first <= t.head < last or t.head == t.i]
    if not heads:
        return False
    in_noun_phrase = False  # "the attack on Tuesday": the noun's tense is unknown
    for token in parsed.ancestors(heads[0].i):
        if token.lemma in lex.future_heads:
            return True
        if token.pos in ("VERB", "AUX"):
            return _future_verb(token, parsed, lex, in_noun_phrase)
        if token.pos in ("NOUN", "PROPN", "PRON"):
            in_noun_phrase = True
    return False


def _future_verb(verb: Token, parsed: ParsedText, lex: TimeLexicon, in_noun_phrase: bool) -> bool:
    """A future ("will meet"), or a present tense that is not reported speech ("opens on")."""
    auxiliaries = [c for c in parsed.children(verb.i) if c.dep in ("aux", "auxpass")]
    if any(c.lemma in lex.future_auxiliaries for c in auxiliaries):
        return True
    if in_noun_phrase or verb.lemma in lex.reporting_verbs:
        return False  # "the attack on Tuesday is ...", "says Tuesday"
    if any(c.lemma == "have" for c in auxiliaries):
        return False  # "has been held since ..."
    if auxiliaries:
        return auxiliaries[0].tag in _PRESENT and auxiliaries[0].lemma == "be"
    return verb.tag in _PRESENT


def _mention(
    parsed: ParsedText, start: int, end: int, first: int, last: int, r: Resolved
) -> DateMention:
    text = parsed.text[start:end]
    common: dict[str, Any] = {"text": text, "span": Span(start, end, text), "rules": r.rules}
    if r.precision is DatePrecision.DAY and r.start == r.end:
        date = EventDate(r.precision, value=r.start, **common)
    else:
        date = EventDate(r.precision, start=r.start, end=r.end, **common)
    if first < last:
        sentence = parsed.tokens[first].sent
    else:
        sentence = next((s.index for s in parsed.sentences if s.start <= start < s.end), -1)
    return DateMention(date, first, last, sentence)


@functools.lru_cache(maxsize=16)
def _date_data_parser(reference: dt.date) -> Any:
    from dateparser.date import DateDataParser  # slow to import: only when needed

    settings = {
        "RELATIVE_BASE": dt.datetime(reference.year, reference.month, reference.day),
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["custom-formats", "absolute-time"],
        "DATE_ORDER": "MDY",
    }
    return DateDataParser(languages=["en"], settings=settings)


def _dateparser_date(text: str, reference: dt.date) -> Resolved | None:
    """dateparser's reading of a DATE entity the grammar does not know, or None."""
    try:
        data = _date_data_parser(reference).get_date_data(text)
    except (ValueError, OverflowError, TypeError, LookupError):
        return None  # dateparser raises on some odd strings: for us that is no date
    when = data.date_obj
    precision = _DATEPARSER_PERIODS.get(str(data.period))
    if when is None or precision is None:
        return None
    day = dt.date(when.year, when.month, when.day)
    if precision is DatePrecision.DAY:
        return Resolved(precision, day, day, (ENTITY_RULE,))
    start, end = unit_range(str(data.period), day)
    return Resolved(precision, start, end, (ENTITY_RULE,))
