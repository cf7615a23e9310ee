"""Assemble events: trigger + arguments + actors + factuality + date + place + numbers.

``code_article`` is a pure function of the parsed article and what earlier stages found
(date mentions, places); the actor, number and place look-ups come in through
``CodingContext`` so this module stays independent of how they are loaded.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from eventwire.coding.arguments import Arguments, Role, clause_tokens, find_arguments
from eventwire.coding.factuality import FactualityCues, attribution, factuality
from eventwire.coding.lexicon import Lexicon
from eventwire.coding.locations import country_location, event_places
from eventwire.coding.modes import event_mode
from eventwire.coding.reclassify import INTENDED_RULE, OFFERED_RULE, THREAT_RULE, reclassify
from eventwire.coding.triggers import Trigger, find_triggers, is_infinitive
from eventwire.model import (
    Actor,
    Article,
    DateMention,
    DatePrecision,
    Event,
    EventDate,
    Factuality,
    Fatalities,
    Location,
    ParsedText,
    Place,
    PlaceRole,
    Plover,
    Quantity,
    Span,
    Token,
)

ActorLookup = Callable[[int], Actor | None]
FatalityLookup = Callable[[ParsedText, int], Fatalities | None]
QuantityLookup = Callable[[ParsedText, int, int], tuple[Quantity, ...]]
CountryActor = Callable[[str], Actor | None]

# Confidence: the coder's estimate that an event is right (see docs/coding.md).
_BASE = 0.45
_MAIN_CLAUSE = 0.2
_HAS_SOURCE = 0.1
_HAS_TARGET = 0.1
_NOMINAL = -0.1
_EMBEDDED = -0.1
_BACKGROUND = -0.05  # a relative clause, below a reported (ccomp) event
_OWN_ROLES = frozenset({PlaceRole.LITERAL, PlaceRole.DEMONYM})
_NO_HOME_SECTORS = frozenset({"REB", "IGO", "NGO", "UNO", "IMG", "MNC", "ISM"})
_LETHAL_TYPES = frozenset({Plover.ASSAULT, Plover.COERCE})


@dataclass(frozen=True)
class CodingContext:
    """What the coder needs besides the parse; built once per article by the pipeline."""

    article: Article
    lexicon: Lexicon
    cues: FactualityCues
    actor_at: ActorLookup
    country_actor: CountryActor
    fatalities: FatalityLookup
    quantities: QuantityLookup
    dates: tuple[DateMention, ...]
    places: tuple[Place, ...]
    focus_country: str | None
    pipeline_version: str
    country_place: Callable[[str], Place | None]
    demonym_country: Callable[[str], str | None]


def code_article(parsed: ParsedText, ctx: CodingContext) -> tuple[Event, ...]:
    events: list[Event] = []
    for sentence in parsed.sentences:
        if sentence.furniture:
            continue
        triggers = find_triggers(parsed, sentence.index, ctx.lexicon)
        heads = frozenset(t.head for t in triggers)
        coded = {t.head: _code_trigger(parsed, t, heads, ctx) for t in triggers}
        coded = _merge_results(parsed, coded)
        events.extend(e for head, e in coded.items() if not _subsumed(parsed, head, e, coded))
    return tuple(events)


def _merge_results(parsed: ParsedText, coded: dict[int, Event]) -> dict[int, Event]:
    """ "Gunmen opened fire on the crowd, killing five": the killing is the shooting's result,
    one event; its dead and victims go to the governing event."""
    merged = dict(coded)
    for head, event in coded.items():
        tok = parsed.tokens[head]
        governor = merged.get(tok.head)
        if (
            governor is None
            or tok.head == head
            or tok.dep != "advcl"
            or tok.tag != "VBG"
            or governor.type is not event.type
        ):
            continue
        merged[tok.head] = replace(
            governor,
            fatalities=governor.fatalities or event.fatalities,
            target=governor.target or event.target,
            rules=(*governor.rules, "event.merged-result"),
        )
        del merged[head]
    return merged


def _subsumed(parsed: ParsedText, head: int, event: Event, coded: dict[int, Event]) -> bool:
    """ "agreed to meet": the meeting, recoded as AGREE, is the agreement already coded;
    "vowed to continue fighting": the fighting, recoded as THREATEN, is the vow. The
    governing event is looked for up the chain of verbal complements."""
    if not ({INTENDED_RULE, OFFERED_RULE, THREAT_RULE} & set(event.rules)):
        return False
    tok = parsed.tokens[head]
    for _ in range(_COMPLEMENT_DEPTH):
        if tok.head == tok.i or not _is_complement(parsed, tok):
            return False
        tok = parsed.tokens[tok.head]
        governor = coded.get(tok.i)
        if governor is not None:
            return governor.type is event.type
    return False


_COMPLEMENT_DEPTH = 3


def _is_complement(parsed: ParsedText, tok: Token) -> bool:
    """ "(agreed) to meet", "(continue) fighting": a clausal complement of its head."""
    return tok.dep == "xcomp" or (tok.dep in {"ccomp", "advcl"} and is_infinitive(parsed, tok))


def _code_trigger(
    parsed: ParsedText, trigger: Trigger, heads: frozenset[int], ctx: CodingContext
) -> Event:
    tok = parsed.tokens[trigger.head]
    sentence = parsed.sentences[tok.sent]
    args = find_arguments(parsed, trigger, ctx.lexicon)
    clause = clause_tokens(parsed, trigger.head, heads - {trigger.head})
    places = event_places(parsed, clause, tok.sent, ctx.places, ctx.demonym_country)
    source, target, actor_rules = _actors(args, ctx)
    location = places.primary or _focus_location(ctx, source, target)
    if source is None and trigger.entry.host_source and location and location.country:
        source = ctx.country_actor(location.country)
        actor_rules.append("arg.host-country")
    source = _country_from_phrase(parsed, source, ctx.places, actor_rules)
    target = _country_from_phrase(parsed, target, ctx.places, actor_rules)
    where = location.country if location else None
    if target is None and places.primary is not None:
        domestic = trigger.entry.type in _DOMESTIC_TARGET_TYPES
        target = _place_target(places.primary, source, ctx, actor_rules, domestic=domestic)
    target = _fill_country(target, where, actor_rules)
    if source is None or source.sector != "REB":
        source = _fill_country(source, where, actor_rules)
    fact, fact_rule = factuality(parsed, trigger, ctx.cues)
    mode, mode_rule = event_mode(parsed, trigger, args, clause, ctx.lexicon)
    plover, type_rule = reclassify(
        parsed, trigger.head, trigger.entry.type, fact, fact_rule, ctx.lexicon, ctx.cues
    )
    if type_rule is not None:
        mode, mode_rule = None, type_rule
    date = _event_date(clause, tok.sent, ctx)
    rules = [trigger.entry.id, *actor_rules, *args_rules(args)]
    rules += [r for r in (fact_rule, mode_rule) if r]
    rules += list(places.rules)
    if date.rules:
        rules += list(date.rules)
    first_tok, last_tok = min(trigger.head, trigger.last), max(trigger.head, trigger.last)
    trigger_span = parsed.token_span(first_tok, last_tok)
    fatalities = (
        ctx.fatalities(parsed, trigger.head)
        if plover in _LETHAL_TYPES and fact is Factuality.ASSERTED
        else None
    )
    return Event(
        id=_event_id(ctx, trigger_span, plover.value),
        type=plover,
        mode=mode,
        context=trigger.entry.context,
        source=source,
        target=target,
        factuality=fact,
        attributed_to=attribution(parsed, trigger, ctx.cues),
        date=date,
        location=location,
        locations=places.all,
        fatalities=fatalities,
        quantities=_clause_quantities(parsed, clause, ctx),
        evidence=Span(sentence.start, sentence.end, sentence.text),
        trigger=trigger_span,
        rules=tuple(dict.fromkeys(rules)),
        confidence=_confidence(parsed, trigger, source, target, fact),
    )


def _clause_quantities(
    parsed: ParsedText, clause: list[int], ctx: CodingContext
) -> tuple[Quantity, ...]:
    """Quantities stated inside the event's own clause (not in a nested event's)."""
    starts = {parsed.tokens[i].start for i in clause}
    found = ctx.quantities(parsed, clause[0], clause[-1] + 1)
    return tuple(q for q in found if _first_token_start(parsed, q.span.start) in starts)


def _first_token_start(parsed: ParsedText, char: int) -> int:
    for tok in parsed.tokens:
        if tok.start <= char < tok.end:
            return tok.start
    return -1


def args_rules(args: Arguments) -> list[str]:
    return [r.rule for r in (*args.sources[:1], *args.targets[:1])]


def _actors(args: Arguments, ctx: CodingContext) -> tuple[Actor | None, Actor | None, list[str]]:
    rules: list[str] = []
    source = _first_actor(args.sources, ctx)
    if source is None:
        source = _first_actor(args.themes, ctx)  # "US jets were deployed": the owner acts
        if source is not None:
            rules.append("arg.theme-owner")
    target = _first_actor(args.targets, ctx)
    if source is not None and target is not None and source.code == target.code:
        others = [r for r in args.targets if (a := ctx.actor_at(r.head)) and a.code != source.code]
        target = ctx.actor_at(others[0].head) if others else target
    return source, target, rules


# types whose unnamed target is the state where they happen, even the actor's own
_DOMESTIC_TARGET_TYPES = frozenset({Plover.PROTEST, Plover.REQUEST, Plover.REJECT, Plover.THREATEN})


def _place_target(
    place: Location,
    source: Actor | None,
    ctx: CodingContext,
    rules: list[str],
    *,
    domestic: bool = False,
) -> Actor | None:
    """With no target in the text, the country where it happened is acted upon ("inspectors
    were sent to a plant in Iran"), unless it is the source's own country; with ``domestic``
    (protests, demands) it is that too: a protest in its own country addresses its state."""
    if place.country is None:
        return None
    if not domestic and source is not None and source.country == place.country:
        return None
    actor = ctx.country_actor(place.country)
    if actor is None:
        return None
    rules.append("arg.target-from-place")
    return replace(
        actor, code=place.country, sector=None, rules=(*actor.rules, "arg.target-from-place")
    )


def _first_actor(roles: Sequence[Role], ctx: CodingContext) -> Actor | None:
    for role in roles:
        actor = ctx.actor_at(role.head)
        if actor is not None:
            return actor
    return None


def _country_from_phrase(
    parsed: ParsedText, actor: Actor | None, places: tuple[Place, ...], rules: list[str]
) -> Actor | None:
    """ "Rebels in the Ivory Coast": a sector-only actor takes the country named in its own
    phrase, but not its sponsor's ("Russian-backed separatists")."""
    if actor is None or actor.country or actor.span is None or actor.code != actor.sector:
        return actor
    span = actor.span
    for place in places:
        if (
            span.start <= place.start < span.end
            and place.country
            and place.role in _OWN_ROLES
            and not _hyphened_to_participle(parsed, place.end)
        ):
            rules.append("actor.country-from-phrase-place")
            return replace(
                actor,
                country=place.country,
                code=place.country + (actor.sector or ""),
                rules=(*actor.rules, "actor.country-from-phrase-place"),
            )
    return actor


def _hyphened_to_participle(parsed: ParsedText, end: int) -> bool:
    """Whether the name ending at character ``end`` is hyphened to a participle ("Russian-
    backed", "Saudi-led"): it says who backs or leads the group, not where the group is."""
    for k, tok in enumerate(parsed.tokens[:-1]):
        if tok.start == end and tok.text == "-":
            nxt = parsed.tokens[k + 1]
            return nxt.start == tok.end and nxt.tag in {"VBN", "VBD"}
    return False


def _fill_country(actor: Actor | None, country: str | None, rules: list[str]) -> Actor | None:
    """ "33 people in a Turkish town": a sector-only victim takes the event's country."""
    if actor is None or actor.country or not country or not actor.sector:
        return actor
    if actor.sector in _NO_HOME_SECTORS or actor.code != actor.sector:
        return actor  # rebels may be foreign; organisations keep their own code
    rules.append("actor.country-from-location")
    return replace(
        actor,
        country=country,
        code=country + actor.sector,
        rules=(*actor.rules, "actor.country-from-location"),
    )


def _event_date(clause: list[int], sentence: int, ctx: CodingContext) -> EventDate:
    in_clause = set(clause)
    for mention in ctx.dates:
        if mention.first in in_clause:
            return mention.date
    for mention in ctx.dates:
        if mention.sentence == sentence:
            return mention.date
    return EventDate(
        precision=DatePrecision.ARTICLE,
        value=ctx.article.reference_date,
        text=None,
        rules=("time.article-date",),
    )


def _focus_location(
    ctx: CodingContext, source: Actor | None, target: Actor | None
) -> Location | None:
    """The article's focus country, unless the event's actors say it happened elsewhere
    ("Chile and Peru agreed" in a report about Syria has no known place)."""
    if not ctx.focus_country:
        return None
    countries = {a.country for a in (source, target) if a is not None and a.country}
    if countries and ctx.focus_country not in countries:
        return None
    place = ctx.country_place(ctx.focus_country)
    return country_location(place, ctx.focus_country, "loc.article-focus")


def _confidence(
    parsed: ParsedText,
    trigger: Trigger,
    source: Actor | None,
    target: Actor | None,
    fact: Factuality,
) -> float:
    tok = parsed.tokens[trigger.head]
    score = _BASE * trigger.entry.confidence + 0.25
    if tok.dep == "ROOT" or (tok.dep == "conj" and parsed.tokens[tok.head].dep == "ROOT"):
        score += _MAIN_CLAUSE
    elif tok.dep in {"xcomp", "ccomp", "advcl", "relcl", "pcomp"}:
        score += _EMBEDDED
        if tok.dep == "relcl":
            score += _BACKGROUND  # "..., whom they had taken hostage": background to the news
    if trigger.nominal:
        score += _NOMINAL
    if source is not None:
        score += _HAS_SOURCE
    if target is not None:
        score += _HAS_TARGET
    if fact is not Factuality.ASSERTED:
        score -= 0.05
    return round(max(0.05, min(0.99, score)), 3)


def _event_id(ctx: CodingContext, trigger: Span, type_: str) -> str:
    key = f"{ctx.article.id}|{trigger.start}|{trigger.end}|{type_}|{ctx.pipeline_version}"
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
