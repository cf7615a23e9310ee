"""With no target named, a protest, demand, refusal or threat inside the actor's own country
addresses that country's state; other events there get no target from the place."""

from __future__ import annotations

import datetime as dt
import functools

import pytest

from eventwire.config import Settings
from eventwire.model import Article, Event
from eventwire.pipeline import Pipeline

pytestmark = pytest.mark.model


@functools.lru_cache(maxsize=1)
def _pipeline() -> Pipeline:
    return Pipeline.load(Settings())


def _event(text: str, trigger: str) -> Event:
    article = Article(id="t", text=text, reference_date=dt.date(2021, 3, 4))
    (result,) = _pipeline().process_many([article])
    return next(e for e in result.events if e.trigger.text.startswith(trigger))


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("Kenyan nurses protested in Nairobi over unpaid wages.", "protested", "KEN"),
        ("Peruvian farmers marched in Cusco on Monday.", "marched", "PER"),
        ("Thai students in Bangkok demanded new elections.", "demanded", "THA"),
        # a foreign actor in the country: the target is that country, as before
        ("French activists protested in Nairobi.", "protested", "KEN"),
    ],
)
def test_domestic_protest_and_demand_address_the_state(
    text: str, trigger: str, target: str
) -> None:
    event = _event(text, trigger)
    assert event.target is not None and event.target.country == target


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Kenyan police arrested a man in Nairobi.", "arrested"),
        ("Kenyan ministers met in Nairobi.", "met"),
    ],
)
def test_domestic_other_events_take_no_target_from_the_place(text: str, trigger: str) -> None:
    event = _event(text, trigger)
    assert event.target is None or event.target.code != "KEN"
