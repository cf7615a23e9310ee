"""Short articles generated from templates we wrote, for the engine comparison tests."""

from __future__ import annotations

import datetime as dt
import itertools

from eventwire.ingest import content_hash
from eventwire.model import Article

SUBJECTS = (
    "Police in Lagos",
    "Rebels near Aleppo",
    "The Turkish army",
    "Protesters in Santiago",
    "The foreign minister of Chile",
    "Dockers in Gdansk",
    "Militants in Mosul",
    "Students in Nairobi",
)
CLAUSES = (
    "arrested twelve demonstrators on {day}",
    "attacked an army base, killing {n} soldiers on {day}",
    "marched against the new tax on {day}",
    "met the Peruvian ambassador in Lima on {day}",
    "went on strike over pay on {day}",
    "threatened to close the border on {day}",
    "accused the government of fraud on {day}",
    "fired rockets at a village on {day}",
    "signed a ceasefire agreement on {day}",
    "demanded the release of prisoners on {day}",
)
AFTER = (
    "Officials said the situation was calm.",
    "No group claimed responsibility.",
    "The talks will resume next week.",
    "Witnesses described long queues at checkpoints.",
    "",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def template_articles(n: int, reference: dt.date = dt.date(2016, 3, 10)) -> list[Article]:
    """``n`` short, varied articles (one to three sentences each)."""
    combos = itertools.product(SUBJECTS, CLAUSES, AFTER)
    out = []
    for k, (subject, clause, after) in zip(range(n), itertools.cycle(combos), strict=False):
        day = DAYS[k % len(DAYS)]
        first = f"{subject} {clause.format(day=day, n=k % 9 + 2)}."
        text = " ".join(part for part in (first, after) if part)
        out.append(
            Article(id=f"t{k:04d}", text=text, reference_date=reference,
                    content_hash=content_hash(text))
        )  # fmt: skip
    return out
