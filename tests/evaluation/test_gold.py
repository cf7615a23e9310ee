"""evaluation.gold: matching gold events, pooling, attributes, places, on a case we wrote."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from eventwire.errors import InputError
from eventwire.evaluation.case import GoldCase, load_case
from eventwire.evaluation.gold import score_case
from eventwire.evaluation.system import SystemDocument

GOLD = """
article:
  file: article.txt
  reference_date: 2021-03-10
  boilerplate: ["Subscribe to our newsletter."]
actors:
  CHL: [Chile, Chilean]
  PER: [Peru, Lima]
events:
  - id: E1
    required: true
    type: AGREE
    actors: [CHL, PER]
    symmetric: true
    factuality: asserted
    evidence: "Chile and Peru signed a trade accord"
    date: {value: 2021-03-08, precision: day}
  - id: E2
    required: true
    type: [PROTEST, MOBILIZE]
    source: CHL
    mode: demo
    evidence: "marched\u00a0in Santiago"
    location: {country: CHL, lat: -33.45, lon: -70.67}
    fatalities: 2
    quantities:
      - {what: protesters, value: 5000}
  - id: E3
    required: false
    type: CONSULT
    actors: [CHL, PER]
    symmetric: true
    evidence: "talks went on"
places:
  - {mention: Santiago, country: CHL, lat: -33.45, lon: -70.67}
  - {mention: Peru, country: PER}
not_places:
  - {mention: Lima}
"""
AGREE = "Chile and Peru signed a trade accord in Lima on Monday, and talks went on."
MARCH = "Some 5,000 protesters marched in Santiago; two died."


@pytest.fixture
def case(tmp_path: Path) -> GoldCase:
    path = tmp_path / "gold.yaml"
    path.write_text(GOLD, encoding="utf-8")
    return load_case(path)


def event(type: str, evidence: str, **fields: Any) -> dict[str, Any]:
    return {"type": type, "evidence": {"text": evidence}, "factuality": "asserted", **fields}


def output(
    *events: dict[str, Any], places: tuple[dict[str, Any], ...] = ()
) -> list[SystemDocument]:
    return [SystemDocument.from_record({"article": {"id": "x"}, "events": list(events),
                                        "places": list(places)})]  # fmt: skip


CHL = {"code": "CHLGOV", "country": "CHL", "name": "Chile"}
PER = {"code": "PER", "country": "PER", "name": "Peru"}
SANTIAGO = {"mention": "Santiago", "country": "CHL", "lat": -33.44, "lon": -70.65}


def test_gold_case_loads_the_article_and_reference_date(case: GoldCase) -> None:
    assert case.article.name == "article.txt" and str(case.reference_date) == "2021-03-10"
    assert case.events[1].types == {"PROTEST", "MOBILIZE"}
    assert case.events[1].evidence == "marched in santiago"


def test_gold_everything_right(case: GoldCase) -> None:
    docs = output(
        event("AGREE", AGREE, source=PER, target=CHL, date={"value": "2021-03-08"}),
        event("PROTEST", MARCH, source=CHL, mode="demo", location=SANTIAGO, fatalities=2,
              quantities=[{"what": "protesters", "value": 5000}]),
        places=(SANTIAGO, {"mention": "Peru", "country": "PER"}),
    )  # fmt: skip
    r = score_case(case, docs)
    assert (r.precision, r.recall, r.f1) == (1.0, 1.0, 1.0)
    assert all(v.right == v.total for v in r.attributes.values())
    assert r.attributes["location"].total == 1 and str(r.places) == "2/2"


def test_gold_pools_events_of_same_type_and_sentence_and_counts_others(case: GoldCase) -> None:
    docs = output(
        event("AGREE", AGREE, source=CHL, target=PER),
        event("AGREE", AGREE, source=CHL, target=PER, location=SANTIAGO),  # pooled
        event("CONSULT", AGREE),  # matches optional E3: not a false positive
        event("ASSAULT", MARCH),  # wrong type: a false positive
        event("AGREE", "Subscribe to our newsletter."),  # boilerplate
    )
    r = score_case(case, docs)
    assert r.precision == pytest.approx(3 / 5)
    assert r.recall == 0.5 and [m.id for m in r.missed] == ["E2"]
    assert [u.type for u in r.unmatched] == ["ASSAULT", "AGREE"]
    assert r.boilerplate_events == 1
    assert r.attributes["date"].total == 1 and r.attributes["date"].right == 0


def test_gold_pairs_the_best_fitting_candidate(case: GoldCase) -> None:
    docs = output(
        event("PROTEST", MARCH, source=PER),
        event("PROTEST", "Elsewhere: " + MARCH, source=CHL, fatalities=2),
    )
    r = score_case(case, docs)
    assert r.attributes["actors"].right == 1 and r.attributes["fatalities"].right == 1


@pytest.mark.parametrize(
    ("location", "right"),
    [
        (SANTIAGO, True),
        ({"mention": "Valparaiso", "country": "CHL", "lat": -33.05, "lon": -71.62}, False),
        ({"name": "Chile", "country": "CHL"}, False),  # country level: not accepted here
    ],
)
def test_gold_location_within_25_km(case: GoldCase, location: dict[str, Any], right: bool) -> None:
    r = score_case(case, output(event("PROTEST", MARCH, locations=[location])))
    assert r.attributes["location"].right == int(right)


@pytest.mark.parametrize(
    ("actor", "right"),
    [
        ({"code": "CHLMIL"}, True),
        ({"name": "Chilean"}, True),
        ({"code": "PER"}, False),
        (None, False),
    ],
)
def test_gold_actor_rule(case: GoldCase, actor: dict[str, Any] | None, right: bool) -> None:
    r = score_case(case, output(event("MOBILIZE", MARCH, source=actor)))
    assert r.attributes["actors"].right == int(right)


def test_gold_not_place_used_as_location(case: GoldCase) -> None:
    lima = {"mention": "Lima", "country": "PER", "lat": -12.05, "lon": -77.04}
    r = score_case(case, output(event("AGREE", AGREE, location=lima)))
    assert r.not_places_used == 1


def test_gold_case_without_article_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "gold.yaml"
    path.write_text("events: []\n", encoding="utf-8")
    with pytest.raises(InputError, match="article"):
        load_case(path)
