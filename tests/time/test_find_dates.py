"""find_dates on sentences we wrote, parsed by hand (no model): one rule per case."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest

from eventwire.model import DateMention, DatePrecision, Entity, ParsedText
from eventwire.time import find_dates

REF = dt.date(2015, 8, 24)  # a Monday
D = DatePrecision
Parse = Callable[[str], ParsedText]


def d(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def only(plain: Parse, text: str, reference: dt.date = REF) -> DateMention:
    mentions = find_dates(plain(text), reference)
    assert len(mentions) == 1, [m.date.text for m in mentions]
    return mentions[0]


@pytest.mark.parametrize(
    ("text", "mention", "day", "rule"),
    [
        ("A bomb killed 33 people July 20.", "July 20", "2015-07-20", "time.month-day"),
        ("It happened on 20 July.", "20 July", "2015-07-20", "time.day-month"),
        ("ISIS threatened Turkey on Aug. 18.", "Aug. 18", "2015-08-18", "time.month-day"),
        ("Troops left on Sept 30.", "Sept 30", "2014-09-30", "time.month-day"),
        ("Troops left on Aug. 24.", "Aug. 24", "2015-08-24", "time.month-day"),
        ("He was born on the 1st of April.", "the 1st of April", "2015-04-01", "time.day-month"),
        ("Rebels struck on July 20, 2013.", "July 20, 2013", "2013-07-20", "time.month-day"),
        ("Rebels struck on Tuesday, July 21.", "Tuesday, July 21", "2015-07-21", "time.month-day"),
        ("Rebels struck on Tuesday.", "Tuesday", "2015-08-18", "time.weekday"),
        ("Rebels struck on Monday.", "Monday", "2015-08-24", "time.weekday"),
        ("Rebels struck Tuesday night.", "Tuesday night", "2015-08-18", "time.weekday"),
        ("Rebels struck last Monday.", "last Monday", "2015-08-17", "time.weekday"),
        ("Talks resume next Tuesday.", "next Tuesday", "2015-08-25", "time.weekday"),
        ("He was arrested yesterday.", "yesterday", "2015-08-23", "time.yesterday"),
        ("Police said today.", "today", "2015-08-24", "time.today"),
        ("Shots were heard last night.", "last night", "2015-08-23", "time.yesterday"),
        ("Three days ago, rebels struck.", "Three days ago", "2015-08-21", "time.ago"),
        ("Police said on 2015-07-20 that...", "2015-07-20", "2015-07-20", "time.iso"),
        ("Officials met on 12/25/2014.", "12/25/2014", "2014-12-25", "time.numeric"),
        ("Officials met on 25.12.2014.", "25.12.2014", "2014-12-25", "time.numeric"),
        ("He was seen on May 26 last year.", "May 26 last year", "2014-05-26", "time.month-day"),
    ],
)
def test_time_resolves_day(plain: Parse, text: str, mention: str, day: str, rule: str) -> None:
    m = only(plain, text)
    assert m.date.text == mention
    assert m.date.precision is D.DAY
    assert m.date.value == d(day)
    assert m.date.start is None and m.date.end is None
    assert m.date.rules[0] == rule


@pytest.mark.parametrize(
    ("text", "mention", "precision", "start", "end"),
    [
        ("It ended last week.", "last week", D.WEEK, "2015-08-17", "2015-08-23"),
        ("It ends this week.", "this week", D.WEEK, "2015-08-24", "2015-08-30"),
        ("They meet this weekend.", "this weekend", D.WEEK, "2015-08-29", "2015-08-30"),
        ("It began two weeks ago.", "two weeks ago", D.WEEK, "2015-08-10", "2015-08-16"),
        ("It started last month.", "last month", D.MONTH, "2015-07-01", "2015-07-31"),
        ("Earlier this month, it rained.", "Earlier this month", D.MONTH,
         "2015-08-01", "2015-08-24"),
        ("It started in March.", "March", D.MONTH, "2015-03-01", "2015-03-31"),
        ("It started in October.", "October", D.MONTH, "2014-10-01", "2014-10-31"),
        ("It started last September.", "last September", D.MONTH, "2014-09-01", "2014-09-30"),
        ("It started in March 2014.", "March 2014", D.MONTH, "2014-03-01", "2014-03-31"),
        ("It started six months ago.", "six months ago", D.MONTH, "2015-02-01", "2015-02-28"),
        ("It started in mid-July.", "mid-July", D.WEEK, "2015-07-11", "2015-07-21"),
        ("It started in 2014.", "2014", D.YEAR, "2014-01-01", "2014-12-31"),
        ("It started last year.", "last year", D.YEAR, "2014-01-01", "2014-12-31"),
        ("It started two years ago.", "two years ago", D.YEAR, "2013-01-01", "2013-12-31"),
        ("It began in the 1990s.", "the 1990s", D.YEAR, "1990-01-01", "1999-12-31"),
        ("It began in the late 1990s.", "the late 1990s", D.YEAR, "1997-01-01", "1999-12-31"),
        ("It began in the '80s.", "the '80s", D.YEAR, "1980-01-01", "1989-12-31"),
        ("It began in late 2013.", "late 2013", D.SEASON, "2013-09-01", "2013-12-31"),
        ("It began at the end of last year.", "the end of last year", D.SEASON,
         "2014-11-01", "2014-12-31"),
        ("It began in the summer of 2014.", "the summer of 2014", D.SEASON,
         "2014-06-01", "2014-08-31"),
        ("It began last summer.", "last summer", D.SEASON, "2014-06-01", "2014-08-31"),
        ("It began this summer.", "this summer", D.SEASON, "2015-06-01", "2015-08-31"),
        ("It began in winter 2014.", "winter 2014", D.SEASON, "2013-12-01", "2014-02-28"),
        ("It began in the spring.", "the spring", D.SEASON, "2015-03-01", "2015-05-31"),
        ("Sessions ran on April 3-5.", "April 3-5", D.DAY, "2015-04-03", "2015-04-05"),
        ("Sessions ran on 28/29 July.", "28/29 July", D.DAY, "2015-07-28", "2015-07-29"),
    ],
)  # fmt: skip
def test_time_resolves_range(
    plain: Parse, text: str, mention: str, precision: DatePrecision, start: str, end: str
) -> None:
    m = only(plain, text)
    assert m.date.text == mention
    assert m.date.precision is precision
    assert (m.date.start, m.date.end) == (d(start), d(end))
    assert m.date.value is None


def test_time_since_keeps_the_season_and_says_since(plain: Parse) -> None:
    m = only(plain, "ISIS has captured land since the summer of 2014.")
    assert (m.date.start, m.date.end) == (d("2014-06-01"), d("2014-08-31"))
    assert m.date.precision is D.SEASON
    assert {"time.season", "season.summer", "time.since"} <= set(m.date.rules)


def test_time_next_day_counts_from_the_last_date_before_it(plain: Parse) -> None:
    text = (
        "A bomber killed 33 people July 20. Militants killed an officer the next day. "
        "Two days later, talks began. A day earlier, the army had moved. "
        "The following week, Turkey joined. Later, on Aug. 18, ISIS threatened Turkey. "
        "That day, markets fell."
    )
    got = [
        (m.date.text, m.date.value or (m.date.start, m.date.end))
        for m in find_dates(plain(text), REF)
    ]
    assert got == [
        ("July 20", d("2015-07-20")),
        ("the next day", d("2015-07-21")),
        ("Two days later", d("2015-07-23")),
        ("A day earlier", d("2015-07-22")),
        ("The following week", (d("2015-07-27"), d("2015-08-02"))),
        ("Aug. 18", d("2015-08-18")),
        ("That day", d("2015-08-18")),
    ]


def test_time_next_day_without_earlier_date_counts_from_reference(plain: Parse) -> None:
    m = only(plain, "Police arrived the following day.")
    assert m.date.value == d("2015-08-25")
    assert m.date.rules == ("time.next-day",)


def test_time_next_day_after_a_range_shifts_the_range(plain: Parse) -> None:
    mentions = find_dates(plain("Fighting began last week and spread the next day."), REF)
    assert [m.date.text for m in mentions] == ["last week", "the next day"]
    assert mentions[1].date.precision is D.WEEK
    assert (mentions[1].date.start, mentions[1].date.end) == (d("2015-08-18"), d("2015-08-24"))


@pytest.mark.parametrize(
    "text",
    [
        "The talks lasted for 10 months.",
        "It came after nearly 10 months of negotiations.",
        "The war has gone on three years.",
        "A man, 35, was held at 3 pm.",
        "They were freed after two weeks.",
        "Nothing happened on June 31.",
        "It followed the fall of Mosul.",
        "Some 2000 troops arrived.",
        "Markets close on a Friday.",
        "Talks will last over the next year.",
        "Prices rose over the last year.",
        "Two days after the attack, police came.",
        "The day before the vote was calm.",
        "He may go; they march to the square.",
        "The Spring Festival drew crowds.",
        "Officials met on 03/04/2015.",
        "Protests flared in 45 cities.",
    ],
)
def test_time_finds_no_date(plain: Parse, text: str) -> None:
    assert find_dates(plain(text), REF) == ()


def test_time_mention_has_tokens_sentence_and_span(plain: Parse) -> None:
    text = "Rebels struck on Tuesday, July 21, near the border."
    parsed = plain(text)
    (m,) = find_dates(parsed, REF)
    assert m.date.span is not None
    assert text[m.date.span.start : m.date.span.end] == m.date.span.text == m.date.text
    assert " ".join(t.text for t in parsed.tokens[m.first : m.last]) == "Tuesday , July 21"
    assert m.sentence == 0


def test_time_future_unknown_without_a_parse_reads_past(plain: Parse) -> None:
    # Without a tree, tense is unknown: the most recent past occurrence is taken.
    assert only(plain, "Ministers will meet on Sept. 3.").date.value == d("2014-09-03")


@pytest.mark.parametrize(
    ("tag", "pos", "found"),
    [("NNP", "PROPN", ["May"]), ("MD", "AUX", []), ("VB", "VERB", [])],
)
def test_time_month_word_the_parse_calls_a_verb_is_no_date(
    plain: Parse, tag: str, pos: str, found: list[str]
) -> None:
    parsed = plain("Prices in May rise.")
    tokens = list(parsed.tokens)
    tokens[2] = dataclasses.replace(tokens[2], tag=tag, pos=pos)
    parsed = dataclasses.replace(parsed, tokens=tuple(tokens))
    assert [m.date.text for m in find_dates(parsed, REF)] == found


@pytest.mark.parametrize(
    ("text", "entity", "expected"),
    [
        ("Figures for Jan-2015 rose.", "Jan-2015", (D.MONTH, "2015-01-01", "2015-01-31")),
        ("Sales on 2015/07/20 rose.", "2015/07/20", (D.DAY, "2015-07-20", "2015-07-20")),
        ("Talks went on for 10 months.", "10 months", None),
        ("A man, 35, was held.", "35", None),
    ],
)
def test_time_date_entity_the_grammar_misses_goes_to_dateparser(
    plain: Parse, text: str, entity: str, expected: tuple[DatePrecision, str, str] | None
) -> None:
    start = text.index(entity)
    parsed = dataclasses.replace(
        plain(text), entities=(Entity(0, 0, start, start + len(entity), entity, "DATE"),)
    )
    mentions = find_dates(parsed, REF)
    if expected is None:
        assert mentions == ()
        return
    (m,) = mentions
    precision, first, last = expected
    assert m.date.text == entity
    assert m.date.rules == ("time.entity-dateparser",)
    assert m.date.precision is precision
    assert (m.date.value or m.date.start, m.date.value or m.date.end) == (d(first), d(last))
