"""find_dates on sentences parsed by the spaCy model: the parse settles ambiguous words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from eventwire.model import ParsedText
from eventwire.time import find_dates

REF = dt.date(2015, 8, 24)  # a Monday
Parse = Callable[[str], ParsedText]

pytestmark = pytest.mark.model


def texts(parse: Parse, text: str) -> list[str]:
    return [m.date.text or "" for m in find_dates(parse(text), REF)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("May God protect them.", []),
        ("Thousands March on the capital.", []),
        ("A March on Washington was held.", []),
        ("Theresa May visited Paris.", []),
        ("Prices rose in May.", ["May"]),
        ("Police began a march in March.", ["March"]),
        ("In 2014, 2000 troops arrived.", ["2014"]),
        ("The 2014 elections were calm.", ["2014"]),
        ("It came after nearly 10 months of negotiations.", []),
        ("The war has lasted three years.", []),
        ("A 35-year-old man was shot at 3 pm.", []),
        ("Pension transfers are set to fall from six per cent.", []),
    ],
)
def test_time_model_decides_ambiguous_words(parse: Parse, text: str, expected: list[str]) -> None:
    assert texts(parse, text) == expected


@pytest.mark.parametrize(
    ("text", "day", "future"),
    [
        ("The ministers will meet on Tuesday.", "2015-08-25", True),
        ("The summit opens on Sept. 3.", "2015-09-03", True),
        ("The vote is scheduled for Friday.", "2015-08-28", True),
        ("The ministers met on Tuesday.", "2015-08-18", False),
        ("The army says Tuesday that it won.", "2015-08-18", False),
        ("Talks collapsed on Sept. 3.", "2014-09-03", False),
    ],
)
def test_time_future_tense_names_the_next_day(
    parse: Parse, text: str, day: str, future: bool
) -> None:
    (m,) = find_dates(parse(text), REF)
    assert m.date.value == dt.date.fromisoformat(day)
    assert ("time.future" in m.date.rules) is future


def test_time_model_next_day_after_july_20(parse: Parse) -> None:
    text = (
        "A suicide bomber killed 33 people in a border town July 20, and militants "
        "killed an officer the next day."
    )
    mentions = find_dates(parse(text), REF)
    assert [(m.date.text, m.date.value) for m in mentions] == [
        ("July 20", dt.date(2015, 7, 20)),
        ("the next day", dt.date(2015, 7, 21)),
    ]
    assert [m.sentence for m in mentions] == [0, 0]


def test_time_model_sentence_index(parse: Parse) -> None:
    mentions = find_dates(parse("Rebels attacked. On Tuesday the army replied."), REF)
    assert [(m.date.text, m.sentence) for m in mentions] == [("Tuesday", 1)]
