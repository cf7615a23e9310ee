"""The plain data that flows between eventwire's stages.

Every stage takes and returns these frozen dataclasses, never dicts, so a misspelt field is a
type error rather than a silent ``None``. Character offsets (``start``/``end``) always index
``Article.text`` exactly as it was received.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Plover(StrEnum):
    """The 16 PLOVER event types."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class Factuality(StrEnum):
    ASSERTED = "asserted"
    INTENDED = "intended"
    HYPOTHETICAL = "hypothetical"
    NEGATED = "negated"


class PlaceRole(StrEnum):
    LITERAL = "literal"
    METONYMIC = "metonymic"
    DEMONYM = "demonym"
    EMBEDDED = "embedded"
    DATELINE = "dateline"


class Feature(StrEnum):
    COUNTRY = "country"
    ADMIN1 = "admin1"
    ADMIN2 = "admin2"
    CITY = "city"
    FACILITY = "facility"
    REGION = "region"
    CONTINENT = "continent"
    OTHER = "other"


class DatePrecision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    ARTICLE = "article"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text: ``article.text[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """One news report as received, plus the date used to resolve relative dates."""

    id: str
    text: str
    reference_date: dt.date
    reference_source: str = (
        "today"  # "article", "option" or "today": where reference_date came from
    )
    title: str | None = None
    date: dt.date | None = None
    url: str | None = None
    path: str | None = None
    language: str = "en"
    content_hash: str = ""


@dataclass(frozen=True, slots=True)
class Token:
    """One token of the parsed article; ``i`` and ``head`` are article-level token indices."""

    i: int
    text: str  # exactly article.text[start:end]
    lemma: str  # lower-cased lemma of the normalised text
    pos: str
    tag: str
    dep: str
    head: int
    start: int
    end: int
    sent: int  # index of the sentence it belongs to
    ent_type: str = ""
    ent_iob: str = "O"
    morph: str = ""
    norm: str = ""  # lower-cased normalised form (curly quotes straightened, soft hyphens gone)


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity from the NER model: tokens ``[first, last)`` and its character span."""

    first: int
    last: int
    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """Tokens ``[first, last)`` of the article; ``start``/``end`` are character offsets."""

    index: int
    first: int
    last: int
    start: int
    end: int
    text: str
    furniture: bool = False  # page furniture (bylines, "More In ..."): yields no event or place


@dataclass(frozen=True, slots=True)
class ParsedText:
    """An article after the NLP stage: tokens, sentences and entities with original offsets."""

    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    children_of: tuple[tuple[int, ...], ...] = field(repr=False)

    def children(self, i: int) -> tuple[Token, ...]:
        return tuple(self.tokens[c] for c in self.children_of[i])

    def subtree(self, i: int) -> tuple[Token, ...]:
        """Token ``i`` and all its descendants, in text order."""
        seen: list[int] = []
        stack = [i]
        while stack:
            j = stack.pop()
            seen.append(j)
            stack.extend(self.children_of[j])
        return tuple(self.tokens[j] for j in sorted(seen))

    def ancestors(self, i: int) -> tuple[Token, ...]:
        out: list[Token] = []
        j = i
        while self.tokens[j].head != j and len(out) < len(self.tokens):
            j = self.tokens[j].head
            out.append(self.tokens[j])
        return tuple(out)

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def token_span(self, first: int, last: int) -> Span:
        """The character span covering tokens ``[first, last]`` (both included)."""
        return self.span(self.tokens[first].start, self.tokens[last].end)

    def sentence_tokens(self, index: int) -> tuple[Token, ...]:
        s = self.sentences[index]
        return self.tokens[s.first : s.last]


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts or is acted upon: a country with a sector, or an organisation."""

    code: str  # "TURGOV", "ISIS", "REB"
    name: str
    country: str | None = None  # ISO 3166 alpha-3
    sector: str | None = None  # PLOVER sector code: GOV, MIL, REB, CVL, ...
    span: Span | None = None
    rules: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym in the text, resolved against the gazetteer (or unresolved: no lat/lon)."""

    mention: str
    start: int
    end: int
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature: Feature
    role: PlaceRole
    rules: tuple[str, ...] = ()
    sentence: int = -1


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened: one day (``value``) or a range (``start``..``end``)."""

    precision: DatePrecision
    value: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    text: str | None = None
    span: Span | None = None
    rules: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in the text and resolved against the reference date."""

    date: EventDate
    first: int  # token range [first, last) of the expression
    last: int
    sentence: int


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number stated about something: "26 US jets", "an area 98 kilometers by 45 kilometers"."""

    what: str
    value: float | tuple[float, ...]
    unit: str | None
    span: Span
    rules: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Fatalities:
    """How many died: an exact count, or a vague one ("dozens") with ``count`` None."""

    count: int | None
    text: str
    span: Span
    rules: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Attribution:
    """Whose account an event is: "Turkish officials said", "according to the army"."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event took place: a resolved place, or a country when nothing finer is known."""

    name: str
    mention: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: Feature
    geonameid: int | None
    span: Span | None
    rules: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: Plover
    mode: str | None
    context: tuple[str, ...]
    source: Actor | None
    target: Actor | None
    factuality: Factuality
    attributed_to: Attribution | None
    date: EventDate | None
    location: Location | None
    locations: tuple[Location, ...]
    fatalities: Fatalities | None
    quantities: tuple[Quantity, ...]
    evidence: Span
    trigger: Span
    rules: tuple[str, ...]
    confidence: float


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything eventwire found in one article."""

    article: Article
    events: tuple[Event, ...]
    places: tuple[Place, ...]
    model: str = ""
    lexicon_version: str = ""
    notes: tuple[str, ...] = ()
    skipped: str | None = None  # why the article was not coded (e.g. not English), if it wasn't
