"""The date grammar: regular expressions over the article text, built from ``data/time.yaml``.

``scan`` finds every candidate date expression in a text ("July 20", "two days later",
"since the summer of 2014") and returns what it says, unresolved: the resolver turns it into a
calendar date. Candidates may overlap; ``find_dates`` keeps the longest and checks the
ambiguous ones ("May", "March", a bare "2014") against the parse. Each pattern is one
``Kind``, whose value is the rule id recorded on the resolved date.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from eventwire.time.lexicon import Part, Season, TimeLexicon

_S = r"\s{1,3}"
_YEAR = r"1[6-9]\d\d|2[01]\d\d"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# What may follow a day number or a year without making it part of something else.
_RELATIVE_YEAR = {"last": -1, "this": 0, "next": 1}
_END_NUMBER = r"(?![\w%:]|[.,/-]\d)"


class Kind(StrEnum):
    """What a candidate expression is; the value is its rule id."""

    ISO = "time.iso"
    NUMERIC = "time.numeric"
    MONTH_DAY = "time.month-day"
    DAY_MONTH = "time.day-month"
    MONTH_YEAR = "time.month-year"
    MONTH = "time.month"
    WEEKDAY = "time.weekday"
    REFERENCE_DAY = "time.reference-day"
    ANCHORED = "time.anchored"
    AGO = "time.ago"
    COUNT_ANCHORED = "time.count-anchored"
    PERIOD = "time.period"
    SEASON = "time.season"
    YEAR_PART = "time.year-part"
    YEAR = "time.year"
    DECADE = "time.decade"


@dataclass(frozen=True, slots=True)
class Expression:
    """One candidate date expression at ``text[start:end]``, with what it names."""

    kind: Kind
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    count: int = 0
    unit: str = ""  # day, week, weekend, month, year, decade
    modifier: str = ""  # last, this, next, the, earlier, later; or ago/later/earlier (counts)
    part: Part | None = None
    season: Season | None = None
    last_day: int | None = None  # "April 3-5": the range's last day
    year_offset: int | None = None  # "in May last year": the reference year -1
    entry: str = ""  # id of the lexicon phrase entry that matched, if any
    offset: int = 0  # days/units from the reference or the anchor (phrase entries)
    unit_word: str = ""  # the ambiguous word to check against the parse ("May", "March")
    word_start: int = -1  # its character offset
    needs_context: bool = False  # a bare month, season or year: must look like a date
    has_preposition: bool = False  # preceded by "in", "since", "during", ...
    since: bool = False  # preceded by "since"/"from": the range is where it starts

    @property
    def anchored(self) -> bool:
        return self.kind in (Kind.ANCHORED, Kind.COUNT_ANCHORED)


@dataclass(frozen=True, slots=True)
class Grammar:
    """The compiled patterns for one lexicon."""

    patterns: tuple[tuple[Kind, re.Pattern[str]], ...]
    preposition_before: re.Pattern[str]
    since_before: re.Pattern[str]
    the_before: re.Pattern[str]
    indefinite_before: re.Pattern[str]
    duration_before: re.Pattern[str]
    reference_days: dict[str, tuple[str, int]]
    anchored: dict[str, tuple[str, str, int, bool]]


def _alternation(words: Iterable[str], *, cased: bool = False) -> str:
    """A regex alternation of ``words``, longest first; ``cased``: Title and UPPER forms only."""
    forms: set[str] = set()
    for word in words:
        if cased:
            forms.update({word[:1].upper() + word[1:], word.upper()})
        else:
            forms.add(word)
    ordered = sorted(forms, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", _S) for w in ordered)


def _phrase_key(text: str) -> str:
    return " ".join(text.lower().split())


@functools.lru_cache(maxsize=8)
def grammar(lexicon: TimeLexicon) -> Grammar:
    """Compile the date patterns for ``lexicon`` (once per lexicon)."""
    full = _alternation((n for m in lexicon.months for n in m.names), cased=True)
    abbr = _alternation((a for m in lexicon.months for a in m.abbreviations), cased=True)
    month = rf"(?:{full})(?!\w)|(?:{abbr})(?:\.|(?!\w))"
    weekday = _alternation((n for d in lexicon.weekdays for n in d.names), cased=True)
    seasons = _alternation(n for s in lexicon.seasons for n in s.names)
    parts = _alternation(w for p in lexicon.parts for w in p.words)
    numbers = _alternation(name for name, _ in lexicon.numbers)
    year = rf"(?P<year>{_YEAR}){_END_NUMBER}"
    wd_prefix = rf"(?:(?P<wd>{weekday}),?{_S})?"
    relyear = rf"{_S}(?P<relyear>(?i:last|this|next)){_S}(?i:year)(?!\w)"  # "May 26 last year"
    ref_phrases = {
        _phrase_key(p): (e.id, e.offset) for e in lexicon.reference_days for p in e.phrases
    }
    anchored = {
        _phrase_key(p): (e.id, e.unit, e.offset, e.final)
        for e in lexicon.anchored
        for p in e.phrases
    }
    sources: list[tuple[Kind, str]] = [
        (
            Kind.ISO,
            r"(?<![\w-])(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?![\d])",
        ),
        (
            Kind.NUMERIC,
            r"(?<![\w./-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})"
            r"(?![\w]|[./-]\d)",
        ),
        (
            Kind.MONTH_DAY,
            rf"(?<!\w){wd_prefix}(?P<month>{month}){_S}{_DAY}"
            rf"(?:\s?[-–]\s?(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?{_END_NUMBER}"
            rf"(?:\s?,?{_S}{year}|{relyear})?",
        ),
        (
            Kind.DAY_MONTH,
            rf"(?<![\w.,]){wd_prefix}(?:(?i:the){_S})?"
            rf"(?:(?P<day0>[0-3]?\d)(?:st|nd|rd|th)?\s?[-–/]\s?)?{_DAY}(?:{_S}(?i:of))?{_S}"
            rf"(?P<month>{month})(?:\s?,?{_S}{year}|{relyear})?",
        ),
        (
            Kind.MONTH_YEAR,
            rf"(?<!\w)(?:(?P<part>(?i:{parts}))[-\s]{{1,3}})?(?P<month>{month})"
            rf"(?:{_S}(?i:of))?,?{_S}{year}",
        ),
        (
            Kind.MONTH,
            rf"(?<!\w)(?:(?P<mod>(?i:last|next|this)){_S})?"
            rf"(?:(?P<part>(?i:{parts}))[-\s]{{1,3}})?(?P<month>{full})(?!\w|-\w)(?:{relyear})?",
        ),
        (
            Kind.WEEKDAY,
            rf"(?<!\w)(?:(?P<mod>(?i:last|next|this|late|early)){_S})?(?P<wd>{weekday})"
            rf"(?:{_S}(?P<tod>(?i:morning|afternoon|evening|night)))?(?!\w)",
        ),
        (
            Kind.REFERENCE_DAY,
            rf"(?<!\w)(?P<phrase>(?i:{_alternation(ref_phrases)}))(?!\w)",
        ),
        (
            Kind.ANCHORED,
            rf"(?<!\w)(?P<phrase>(?i:{_alternation(anchored)}))(?!\w)",
        ),
        (
            Kind.AGO,
            rf"(?<!\w)(?P<n>\d{{1,4}}|(?i:{numbers})){_S}"
            rf"(?P<unit>(?i:days?|weeks?|months?|years?|decades?)){_S}"
            rf"(?P<dir>(?i:ago|later|earlier|after|before))(?!\w)",
        ),
        (
            Kind.PERIOD,
            rf"(?<!\w)(?:(?P<part>(?i:{parts}|earlier|later))[-\s]{{1,3}})?"
            rf"(?P<mod>(?i:last|this|next|the)){_S}(?P<unit>(?i:week|weekend|month|year))(?!\w)",
        ),
        (
            Kind.SEASON,
            rf"(?<!\w)(?:(?P<part>(?i:early|mid|late))[-\s]{{1,3}})?"
            rf"(?:(?P<mod>(?i:last|this|next|the)){_S})?"
            rf"(?:(?P<part2>(?i:early|mid|late))[-\s]{{1,3}})?(?P<season>(?i:{seasons}))"
            rf"(?:{_S}(?:(?i:of){_S})?{year})?(?!\w)",
        ),
        (
            Kind.YEAR_PART,
            rf"(?<!\w)(?P<part>(?i:{parts}))[-\s]{{1,3}}{year}",
        ),
        (
            Kind.YEAR,
            rf"(?<![\w$£€.,/-]){year}(?!\s?(?i:%|percent))",
        ),
        (
            Kind.DECADE,
            rf"(?<!\w)(?:(?i:the){_S})?(?:(?P<part>(?i:early|mid|late))[-\s]{{1,3}})?"
            r"(?:(?P<decade>1[6-9]\d0|20\d0)['’]?s|['’‘](?P<short>\d0)s)(?!\w)",
        ),
    ]
    preps = _alternation(lexicon.date_prepositions)
    return Grammar(
        patterns=tuple((kind, re.compile(source)) for kind, source in sources),
        preposition_before=re.compile(rf"(?<!\w)(?i:{preps})[-\s]{{1,3}}(?:(?i:the){_S})?$"),
        since_before=re.compile(rf"(?<!\w)(?i:since|from){_S}$"),
        the_before=re.compile(rf"(?<!\w)(?i:the){_S}$"),
        duration_before=re.compile(
            rf"(?<!\w)(?i:{_alternation(lexicon.duration_prepositions)}){_S}$"
        ),
        indefinite_before=re.compile(rf"(?<!\w)(?i:a|an|every|each|any|one){_S}$"),
        reference_days=ref_phrases,
        anchored=anchored,
    )


def scan(text: str, lexicon: TimeLexicon) -> list[Expression]:
    """Every candidate date expression in ``text``, overlapping ones included."""
    g = grammar(lexicon)
    found: list[Expression] = []
    for kind, pattern in g.patterns:
        for match in pattern.finditer(text):
            expression = _read(kind, match, text, lexicon, g)
            if expression is None:
                continue
            before = text[max(0, match.start() - 40) : match.start()]
            found.append(
                dataclasses.replace(
                    expression,
                    has_preposition=g.preposition_before.search(before) is not None,
                    since=g.since_before.search(before) is not None,
                )
            )
    return found


def _read(
    kind: Kind, m: re.Match[str], text: str, lexicon: TimeLexicon, g: Grammar
) -> Expression | None:
    """What the match says, or None when it turns out not to be a date expression."""
    before = text[max(0, m.start() - 40) : m.start()]
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    part = lexicon.part(groups["part"]) if groups.get("part") else None
    if kind is Kind.ISO:
        return Expression(
            kind, m.start(), m.end(), year=year, month=int(groups["month"]), day=int(groups["day"])
        )
    if kind is Kind.NUMERIC:
        a, b = int(groups["a"]), int(groups["b"])
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a or a == b:
            month, day = a, b
        else:
            return None  # 03/04/2015: day-first or month-first cannot be told
        return Expression(kind, m.start(), m.end(), year=year, month=month, day=day)
    if kind in (Kind.MONTH_DAY, Kind.DAY_MONTH, Kind.MONTH_YEAR, Kind.MONTH):
        word = groups["month"]
        number = lexicon.month_number(word)
        if number is None:
            return None
        first_day, last_day = _days(groups)
        return Expression(
            kind,
            m.start(),
            m.end(),
            year=year,
            month=number,
            day=first_day,
            last_day=last_day,
            year_offset=_RELATIVE_YEAR[groups["relyear"].lower()]
            if groups.get("relyear")
            else None,
            part=part,
            modifier=(groups.get("mod") or "").lower(),
            unit_word=word,
            word_start=m.start("month"),
            needs_context=kind is Kind.MONTH and part is None and not groups.get("mod"),
        )
    if kind is Kind.WEEKDAY:
        if g.indefinite_before.search(before):
            return None  # "on a Friday", "every Friday": no particular day
        return Expression(
            kind,
            m.start(),
            m.end(),
            weekday=lexicon.weekday_number(groups["wd"]),
            modifier=(groups.get("mod") or "").lower(),
        )
    if kind is Kind.REFERENCE_DAY:
        entry_id, offset = g.reference_days[_phrase_key(groups["phrase"])]
        return Expression(kind, m.start(), m.end(), entry=entry_id, offset=offset)
    if kind is Kind.ANCHORED:
        entry_id, unit, offset, final = g.anchored[_phrase_key(groups["phrase"])]
        if final and not _ends_clause(text, m.end()):
            return None
        if unit != "day" and g.duration_before.search(before):
            return None  # "over the next year": a duration
        return Expression(kind, m.start(), m.end(), entry=entry_id, unit=unit, offset=offset)
    if kind is Kind.AGO:
        return _count(m, text, lexicon)
    if kind is Kind.PERIOD:
        modifier = groups["mod"].lower()
        if modifier == "the" and part is None:
            return None  # "the week" alone
        if part is None and not groups.get("part") and g.the_before.search(before):
            return None  # "over the last year", "in the next month": a duration
        if part is None and groups.get("part"):
            modifier = f"{groups['part'].lower()} {modifier}"  # "earlier this"
        return Expression(
            kind, m.start(), m.end(), unit=groups["unit"].lower(), modifier=modifier, part=part
        )
    if kind is Kind.SEASON:
        return _season(m, text, lexicon, year)
    if kind is Kind.YEAR_PART:
        return Expression(kind, m.start(), m.end(), year=year, part=part)
    if kind is Kind.YEAR:
        return Expression(
            kind,
            m.start(),
            m.end(),
            year=year,
            needs_context=True,
            unit_word=groups["year"],
            word_start=m.start("year"),
        )
    return _decade(m, lexicon)


def _days(groups: dict[str, str | None]) -> tuple[int | None, int | None]:
    """The first and last day of "April 3", "April 3-5", "28/29 July" (last None: one day)."""
    day, day0, day2 = groups.get("day"), groups.get("day0"), groups.get("day2")
    if day is None:
        return None, None
    if day0 is not None:
        return int(day0), int(day)
    return int(day), int(day2) if day2 is not None else None


def _count(m: re.Match[str], text: str, lexicon: TimeLexicon) -> Expression | None:
    count = lexicon.number(m.group("n"))
    direction = m.group("dir").lower()
    if count is None:
        return None
    if direction in ("after", "before") and not _ends_clause(text, m.end()):
        return None  # "two days after the attack": anchored on an event, not a date
    unit = m.group("unit").lower().rstrip("s")
    if direction == "ago":
        return Expression(Kind.AGO, m.start(), m.end(), count=count, unit=unit)
    sign = 1 if direction in ("later", "after") else -1
    return Expression(
        Kind.COUNT_ANCHORED,
        m.start(),
        m.end(),
        count=count,
        unit=unit,
        offset=sign * count,
        modifier=direction,
    )


def _season(
    m: re.Match[str], text: str, lexicon: TimeLexicon, year: int | None
) -> Expression | None:
    season = lexicon.season(m.group("season"))
    if season is None:
        return None
    modifier = (m.group("mod") or "").lower()
    if year is None and re.match(r"\s{1,3}of(?!\w)", text[m.end() :]):
        return None  # "the fall of Mosul"
    word = m.group("part") or m.group("part2")
    return Expression(
        Kind.SEASON,
        m.start(),
        m.end(),
        year=year,
        season=season,
        modifier=modifier,
        part=lexicon.part(word) if word else None,
        unit_word=m.group("season"),
        word_start=m.start("season"),
        needs_context=year is None and modifier in ("", "the"),
    )


def _decade(m: re.Match[str], lexicon: TimeLexicon) -> Expression:
    if m.group("decade"):
        decade = int(m.group("decade"))
    else:
        short = int(m.group("short"))
        decade = 1900 + short if short >= 30 else 2000 + short  # "'90s", "'20s"
    word = m.group("part")
    return Expression(
        Kind.DECADE,
        m.start(),
        m.end(),
        year=decade,
        unit="decade",
        part=lexicon.part(word) if word else None,
    )


def _ends_clause(text: str, end: int) -> bool:
    """True when only punctuation or the end of the text follows ``end``."""
    rest = text[end : end + 4].lstrip()
    return not rest or rest[0] in ",.;:!?)\"'’”—–-"
