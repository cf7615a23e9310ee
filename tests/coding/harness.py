"""Code a sentence we wrote with the real lexicon and a stub actor lookup (the head word)."""

from __future__ import annotations

import datetime as dt

from eventwire.coding.events import CodingContext, code_article
from eventwire.coding.factuality import load_cues
from eventwire.coding.lexicon import load_lexicon
from eventwire.model import Actor, Article, Event, ParsedText, Place


def code_with_stub_actors(parsed: ParsedText) -> tuple[Event, ...]:
    article = Article(id="t", text=parsed.text, reference_date=dt.date(2020, 5, 17))

    def actor_at(i: int) -> Actor:
        return Actor(code=parsed.tokens[i].text.upper(), name=parsed.tokens[i].text)

    ctx = CodingContext(
        article=article,
        lexicon=load_lexicon(),
        cues=load_cues(),
        actor_at=actor_at,
        country_actor=lambda code: Actor(code + "GOV", code, code, "GOV"),
        fatalities=lambda p, i: None,
        quantities=lambda p, a, b: (),
        dates=(),
        places=(),
        focus_country=None,
        pipeline_version="test",
        country_place=lambda code: None,
        demonym_country=lambda word: None,
    )
    return code_article(parsed, ctx)


def top_event(parsed: ParsedText) -> Event | None:
    events = code_with_stub_actors(parsed)
    return max(events, key=lambda e: e.confidence, default=None)


def code_with_actors(parsed: ParsedText, places: tuple[Place, ...] = ()) -> tuple[Event, ...]:
    """Code with the real lexicon and the packaged actor dictionary (no dates; ``places`` as
    the geo stage would have found them)."""
    from eventwire.coding.actor_dictionary import ActorDictionary
    from eventwire.coding.resolver import ActorResolver

    article = Article(id="t", text=parsed.text, reference_date=dt.date(2020, 5, 17))
    resolver = ActorResolver(parsed, ActorDictionary.load(), article.reference_date)
    ctx = CodingContext(
        article=article,
        lexicon=load_lexicon(),
        cues=load_cues(),
        actor_at=resolver.actor_at,
        country_actor=resolver.country_government,
        fatalities=lambda p, i: None,
        quantities=lambda p, a, b: (),
        dates=(),
        places=places,
        focus_country=None,
        pipeline_version="test",
        country_place=lambda code: None,
        demonym_country=lambda word: None,
    )
    return code_article(parsed, ctx)
