"""Merging precision and recall on reports we wrote (tests/dedup/reports.py), real pipeline."""

from __future__ import annotations

import pytest

from tests.dedup.reports import REPORTS, main_event_ids, run


@pytest.mark.model
def test_dedup_merging_precision_and_recall_on_written_reports() -> None:
    score, results, story_of = run()
    assert score.reports_without_event == 0
    assert score.precision >= 0.9 and score.recall >= 0.9, score
    # every near-miss report stays in a story of its own (no other report's main event joins)
    main = main_event_ids(results)
    near_misses = [r.id for r in REPORTS if "-" in r.story]
    assert len(near_misses) >= 8
    for report_id in near_misses:
        story = story_of[main[report_id]]
        assert [r for r, e in main.items() if story_of[e] == story] == [report_id]
