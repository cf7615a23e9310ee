"""Near-duplicate articles: wire copies and light rewrites linked to the earliest article."""

from __future__ import annotations

import datetime as dt

from eventwire.dedup.articles import find_duplicates
from eventwire.dedup.minhash import Signature, signature
from eventwire.dedup.params import load_params

PARAMS = load_params().minhash
WIRE = (
    "BAGHDAD (Wire) - A suicide bomber blew himself up at a checkpoint south of Baghdad on "
    "Sunday, killing at least seven policemen and wounding 15 people, police and hospital "
    "sources said. No group immediately claimed responsibility for the attack, which came a "
    "day after the government announced new security measures around the capital."
)
COPY = "Posted by the Evening Courier. " + WIRE + " Copyright the Evening Courier."
REWRITE = (
    "A suicide bomber blew himself up at a checkpoint south of Baghdad on Sunday, killing at "
    "least seven police officers and wounding 15 people, police and hospital sources said. No "
    "group has claimed responsibility for the attack, which came a day after the government "
    "announced tighter security measures around the capital."
)
SAME_TOPIC = (
    "Gunmen attacked a police patrol north of Baghdad on Sunday, killing two officers, police "
    "said. The attack came a day after the government announced new measures to secure roads "
    "around the capital, officials said, and no group claimed it."
)


def _sigs(texts: dict[str, str]) -> dict[str, Signature]:
    return {k: signature(t, PARAMS) for k, t in texts.items()}


def test_dedup_links_copies_and_rewrites_to_the_earliest() -> None:
    texts = {"copy": COPY, "rewrite": REWRITE, "wire": WIRE, "other": SAME_TOPIC}
    dates = {
        "wire": dt.date(2016, 5, 1),
        "copy": dt.date(2016, 5, 2),
        "rewrite": dt.date(2016, 5, 2),
        "other": dt.date(2016, 5, 1),
    }
    links = find_duplicates(_sigs(texts), PARAMS, dates)
    assert [(link.article_id, link.canonical_id) for link in links] == [
        ("copy", "wire"),
        ("rewrite", "wire"),
    ]
    assert all(0.5 <= link.similarity <= 1.0 for link in links)


def test_dedup_without_dates_the_smallest_id_is_canonical() -> None:
    links = find_duplicates(_sigs({"b": WIRE, "a": COPY}), PARAMS)
    assert [(link.article_id, link.canonical_id) for link in links] == [("b", "a")]


def test_dedup_different_stories_are_not_linked() -> None:
    assert find_duplicates(_sigs({"w": WIRE, "o": SAME_TOPIC}), PARAMS) == []
