"""A test set for story merging, written for eventwire: reports of the same real-world events
in different words, and near-misses that must stay apart (same place on another day, same day
in another town). Each report describes one event; ``story`` is the gold label.

``python -m tests.dedup.reports`` codes them with the real pipeline, merges, and prints the
pairwise precision and recall (the figures in docs/dedup.md).
"""

from __future__ import annotations

import datetime as dt
import itertools
import sys
from collections.abc import Iterable
from dataclasses import dataclass

from eventwire.model import Article, ArticleResult

REFERENCE = dt.date(2016, 10, 13)  # a Thursday: "Wednesday" is 12 October


@dataclass(frozen=True)
class Report:
    id: str
    story: str
    text: str


REPORTS = (
    # A: a car bomb in Mosul on Wednesday 12 October
    Report("a1", "A", "A car bomb exploded at a market in Mosul on Wednesday, killing nine "
                      "people."),
    Report("a2", "A", "Militants detonated a car bomb in a crowded Mosul market on Wednesday, "
                      "police said. Nine people died."),
    Report("a3", "A", "Nine people were killed when a car bomb hit a market in Mosul on "
                      "October 12."),
    Report("a4", "A", "Islamic State claimed a car bombing that killed nine shoppers in Mosul "
                      "on Wednesday."),
    Report("a5", "A", "Iraqi officials said a car bomb in northern Iraq on Wednesday killed "
                      "nine people."),
    Report("a-day", "A-day", "A car bomb exploded at a checkpoint in Mosul on Monday, killing "
                             "two soldiers."),
    Report("a-town", "A-town", "A car bomb exploded near a mosque in Kirkuk on Wednesday, "
                               "killing four people."),
    # B: students march in Santiago on Tuesday 11 October
    Report("b1", "B", "Thousands of students marched in Santiago on Tuesday to demand free "
                      "university education."),
    Report("b2", "B", "Students protested in Santiago, Chile, on Tuesday, calling for free "
                      "tuition."),
    Report("b3", "B", "Tens of thousands of students demonstrated in Santiago on October 11 "
                      "demanding education reform."),
    Report("b4", "B", "Chilean students rallied on Tuesday for free education."),
    Report("b-town", "B-town", "Students marched in Valparaiso on Tuesday to demand free "
                               "university education."),
    Report("b-day", "B-day", "Students marched in Santiago on Sunday to protest against the "
                             "pension reform."),
    # C: the foreign ministers of India and Pakistan meet in Islamabad on Monday 10 October
    Report("c1", "C", "The foreign ministers of India and Pakistan met in Islamabad on Monday."),
    Report("c2", "C", "India's foreign minister held talks with his Pakistani counterpart in "
                      "Islamabad on Monday."),
    Report("c3", "C", "Indian and Pakistani foreign ministers met in Islamabad on October 10 to "
                      "discuss the Kashmir dispute."),
    Report("c-town", "C-town", "The foreign ministers of India and Pakistan met in New Delhi "
                               "on Monday."),
    Report("c-day", "C-day", "The foreign ministers of India and Pakistan met in Islamabad on "
                             "Thursday, October 6."),
    # D: police arrest protesters in Lagos on Tuesday 11 October
    Report("d1", "D", "Police in Lagos arrested 30 protesters on Tuesday."),
    Report("d2", "D", "Nigerian police detained 30 demonstrators in Lagos on Tuesday."),
    Report("d3", "D", "Thirty protesters were arrested by police in Lagos on October 11."),
    Report("d4", "D", "Lagos police rounded up thirty demonstrators on Tuesday, witnesses said."),
    Report("d-town", "D-town", "Police in Abuja arrested 30 protesters on Tuesday."),
    Report("d-day", "D-day", "Police in Lagos arrested 15 protesters on Sunday."),
    # E: a strike in Gdansk on Wednesday 12 October
    Report("e1", "E", "Dockers in Gdansk went on strike on Wednesday over pay."),
    Report("e2", "E", "Port workers in Gdansk walked out on Wednesday in a dispute over wages."),
    Report("e-town", "E-town", "Dockers in Szczecin went on strike on Wednesday over pay."),
)  # fmt: skip


def articles() -> list[Article]:
    return [Article(id=r.id, text=r.text, reference_date=REFERENCE) for r in REPORTS]


def main_event_ids(results: Iterable[ArticleResult]) -> dict[str, str]:
    """Each report's main event: its highest-confidence event (reports without one: none)."""
    out = {}
    for result in results:
        if result.events:
            best = max(result.events, key=lambda e: (e.confidence, -e.trigger.start))
            out[result.article.id] = best.id
    return out


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int
    reports_without_event: int


def score(story_of_event: dict[str, str], main: dict[str, str]) -> Score:
    """Pairwise precision and recall over report pairs: same gold story vs. same merged story."""
    gold = {r.id: r.story for r in REPORTS}
    true = predicted = correct = 0
    for first, second in itertools.combinations([r.id for r in REPORTS], 2):
        same_gold = gold[first] == gold[second]
        same_pred = (
            first in main
            and second in main
            and story_of_event.get(main[first]) is not None
            and story_of_event.get(main[first]) == story_of_event.get(main[second])
        )
        true += same_gold
        predicted += same_pred
        correct += same_gold and same_pred
    return Score(
        precision=correct / predicted if predicted else 1.0,
        recall=correct / true if true else 1.0,
        true_pairs=true,
        predicted_pairs=predicted,
        correct_pairs=correct,
        reports_without_event=len(REPORTS) - len(main),
    )


def run() -> tuple[Score, list[ArticleResult], dict[str, str]]:
    """Code the reports with the real pipeline and merge their events."""
    from eventwire.config import Settings
    from eventwire.dedup.merge import item_from_record, merge_events
    from eventwire.dedup.params import load_params
    from eventwire.export.records import event_record
    from eventwire.pipeline import Pipeline

    results = list(Pipeline.load(Settings()).process_many(articles()))
    items = [item_from_record(r.article.id, event_record(e)) for r in results for e in r.events]
    stories = merge_events(items, load_params())
    story_of = {m.event_id: s.id for s in stories for m in s.members}
    return score(story_of, main_event_ids(results)), results, story_of


def main() -> int:
    result, results, story_of = run()
    main_ids = main_event_ids(results)
    for r in results:
        for e in r.events:
            mark = "*" if main_ids.get(r.article.id) == e.id else " "
            date = e.date.value or e.date.start if e.date else None
            where = e.location.name if e.location else None
            src = e.source.code if e.source else None
            tgt = e.target.code if e.target else None
            print(f"{mark} {r.article.id:7} {e.type.value:9} {src}->{tgt} {date} {where} "
                  f"{story_of[e.id]}")  # fmt: skip
    print(
        f"reports {len(REPORTS)}, without an event {result.reports_without_event}; "
        f"pairs: gold {result.true_pairs}, merged {result.predicted_pairs}, "
        f"correct {result.correct_pairs}; precision {result.precision:.2f}, "
        f"recall {result.recall:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
