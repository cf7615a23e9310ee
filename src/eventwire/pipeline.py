"""The whole path from an ``Article`` to an ``ArticleResult``, with every resource loaded once.

``Pipeline.load(settings)`` is the one place where the spaCy model, the lexicon, the actor
dictionary and the gazetteer are loaded; ``Pipeline.process_many`` then runs articles through
the stages, parsing them in ``nlp.pipe`` batches.
"""

from __future__ import annotations

import gc
import logging
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from eventwire import __version__
from eventwire.coding import numbers
from eventwire.coding.actor_dictionary import ActorDictionary
from eventwire.coding.actor_mentions import find_organisations, mention_finder
from eventwire.coding.events import CodingContext, code_article
from eventwire.coding.factuality import FactualityCues, load_cues
from eventwire.coding.lexicon import Lexicon, load_lexicon
from eventwire.coding.resolver import ActorResolver
from eventwire.config import Settings
from eventwire.geo import Gazetteer, article_focus, geoparse
from eventwire.ingest import is_codeable
from eventwire.model import Article, ArticleResult, Feature, ParsedText, Place, PlaceRole
from eventwire.nlp.furniture import FurniturePattern, load_patterns, mark_furniture
from eventwire.nlp.model import load_model
from eventwire.nlp.pipeline import parse_texts
from eventwire.time import find_dates

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Pipeline:
    settings: Settings
    lexicon: Lexicon
    cues: FactualityCues
    actors: ActorDictionary
    gazetteer: Gazetteer
    furniture: tuple[FurniturePattern, ...]

    @classmethod
    def load(cls, settings: Settings, *, freeze: bool = True) -> Pipeline:
        """Load the model and every knowledge file once.

        ``freeze`` (``gc.freeze()`` once loaded) is right for a process that runs eventwire:
        the collector stops walking the model and gazetteer. A program that embeds eventwire
        and wants its own earlier objects to stay collectable passes ``freeze=False``.
        """
        load_model(settings.model)  # fail early, with a clear message, if it is missing
        cache = Path(settings.cache_dir) if settings.cache_dir else None
        pipeline = cls(
            settings=settings,
            lexicon=load_lexicon(tuple(settings.lexicon)),
            cues=load_cues(),
            actors=ActorDictionary.load(tuple(settings.actors), cache),
            gazetteer=Gazetteer.load(cache, tuple(settings.gazetteer_overlay)),
            furniture=load_patterns(),
        )
        # the model, gazetteer and dictionaries are millions of objects that live as long as
        # the process: move them out of the collector's way, or every full collection while
        # coding walks them all again (~0.1 s each)
        if freeze:
            gc.freeze()
        return pipeline

    def process(self, article: Article) -> ArticleResult:
        return next(self.process_many([article]))

    def process_many(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        """Code articles in order; the texts are parsed in batches."""
        pending: deque[Article] = deque()

        def texts() -> Iterator[str]:
            for article in articles:
                pending.append(article)
                if is_codeable(article):
                    yield article.text

        for parsed in parse_texts(texts(), self.settings.model, self.settings.batch_size):
            while not is_codeable(pending[0]):
                yield self._skipped(pending.popleft())
            yield self.code(pending.popleft(), parsed)
        while pending:  # articles that are not coded, after the last one that is
            yield self._skipped(pending.popleft())

    def _skipped(self, article: Article) -> ArticleResult:
        """An article stored and reported, but not coded (its language is not supported)."""
        return ArticleResult(
            article=article,
            events=(),
            places=(),
            model=self.settings.model,
            lexicon_version=self.lexicon.version,
            skipped=f"language '{article.language}' is not coded (only English is)",
        )

    def code(self, article: Article, parsed: ParsedText) -> ArticleResult:
        """Everything after the parse: furniture, places, dates, actors, events."""
        parsed = mark_furniture(parsed, self.furniture)
        skip = frozenset(s.index for s in parsed.sentences if s.furniture)
        find = mention_finder(parsed, self.actors)  # one scan of the article's names
        orgs = find_organisations(parsed, self.actors, find)
        places = geoparse(parsed, self.gazetteer, [(s, e) for s, e, _ in orgs], skip)
        dates = tuple(
            d for d in find_dates(parsed, article.reference_date) if d.sentence not in skip
        )
        focus = article_focus(places)
        resolver = ActorResolver(
            parsed, self.actors, article.reference_date, find, focus_country=focus
        )
        ctx = CodingContext(
            article=article,
            lexicon=self.lexicon,
            cues=self.cues,
            actor_at=resolver.actor_at,
            country_actor=resolver.country_government,
            fatalities=numbers.fatalities,
            quantities=numbers.quantities,
            dates=dates,
            places=places,
            focus_country=focus,
            pipeline_version=__version__,
            country_place=self._country_place,
            demonym_country=self.gazetteer.demonym,
        )
        return ArticleResult(
            article=article,
            events=code_article(parsed, ctx),
            places=places,
            model=self.settings.model,
            lexicon_version=self.lexicon.version,
        )

    def _country_place(self, alpha3: str) -> Place | None:
        info = self.gazetteer.country(alpha3)
        if info is None:
            return None
        return Place(
            mention="",
            start=0,
            end=0,
            name=info.name,
            country=alpha3,
            admin1=None,
            lat=info.lat,
            lon=info.lon,
            geonameid=info.geonameid,
            feature=Feature.COUNTRY,
            role=PlaceRole.LITERAL,
        )
