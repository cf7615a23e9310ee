"""Candidate scoring (geo/resolve.py) on hand-built mentions: no model needed."""

from __future__ import annotations

from eventwire.geo import Gazetteer
from eventwire.geo.mention import Mention
from eventwire.geo.names import name_key
from eventwire.geo.resolve import Context, named_context, resolve_all, resolve_one
from eventwire.model import Feature, PlaceRole


def mention(name: str, role: PlaceRole = PlaceRole.LITERAL, of: int | None = None) -> Mention:
    return Mention(0, 1, 0, len(name), name_key(name), role, ("test",), 0, of)


def country_entry(gazetteer: Gazetteer, alpha3: str) -> int:
    info = gazetteer.country(alpha3)
    assert info is not None
    return info.entry


def test_geo_a_name_is_no_evidence_for_itself(gazetteer: Gazetteer) -> None:
    # "Norbury" three times and nothing else: its first reading must not add its own country
    ctx = Context()
    ctx.countries["GBR"] += 1
    ctx.own["norbury"] = "GBR"
    m = mention("Norbury")
    res = resolve_one(gazetteer, m, ctx)
    assert "geo.resolve.country-context" not in res.rules
    ctx.own.clear()  # the same count from another name is evidence
    assert resolve_one(gazetteer, m, ctx).rules == ("geo.resolve.country-context",)


def test_geo_demonym_of_a_division_gives_no_division_context(gazetteer: Gazetteer) -> None:
    # "English" is England, but says who, not where: the small English Newport gets no
    # division bonus over the big Welsh one
    england = next(
        k for k in gazetteer.candidates("England") if gazetteer.feature(k) is Feature.ADMIN1
    )
    english = mention("English", PlaceRole.DEMONYM, england)
    res = resolve_all(gazetteer, [english, mention("Newport")], None)
    assert gazetteer.admin1_of(res[1].entry or 0) == "Wales"
    literal = Mention(0, 1, 0, 7, "england", PlaceRole.LITERAL, ("test",), 0)
    res = resolve_all(gazetteer, [literal, mention("Newport")], None)  # "in England": it is
    assert gazetteer.admin1_of(res[1].entry or 0) == "England"


def test_geo_alternate_name_loses_to_a_main_name_in_context(gazetteer: Gazetteer) -> None:
    # "Victoria" is an old name of Hong Kong; in an article on Canada it is Victoria, B.C.
    ctx = Context()
    ctx.countries["CAN"] += 1
    res = resolve_one(gazetteer, mention("Victoria"), ctx)
    assert res.entry is not None
    e = gazetteer.entry(res.entry)
    assert (e.name, e.country) == ("Victoria", "CAN")


def test_geo_named_context_counts_countries_and_optionally_divisions(
    gazetteer: Gazetteer,
) -> None:
    ms = [mention("Canada"), mention("Alberta"), mention("Calgary")]
    ctx = named_context(gazetteer, ms)
    assert ctx.countries["CAN"] == 1 and not ctx.admin1
    ctx = named_context(gazetteer, ms, divisions=True)
    assert ("CAN", "Alberta") in ctx.admin1


def test_geo_pinned_mention_resolves_to_its_entry(gazetteer: Gazetteer) -> None:
    state = next(
        k for k in gazetteer.candidates("Washington") if gazetteer.feature(k) is Feature.ADMIN1
    )
    m = Mention(0, 1, 0, 10, "washington", PlaceRole.LITERAL, ("test",), 0, pinned=state)
    res = resolve_all(gazetteer, [m], None)
    assert res[0].entry == state and res[0].rules == ("geo.resolve.container",)
    assert country_entry(gazetteer, "USA") != state


def test_geo_division_beats_a_same_name_town_that_is_a_small_share_of_it(
    gazetteer: Gazetteer,
) -> None:
    # Quebec City holds a twentieth of the province: "Quebec" in a Canadian article is the
    # province; Batman town holds most of Batman province: "Batman" is the town
    canada = mention("Canada")
    res = resolve_all(gazetteer, [canada, mention("Quebec")], None)
    assert gazetteer.feature(res[1].entry or 0) is Feature.ADMIN1
    turkey = mention("Turkey")
    res = resolve_all(gazetteer, [turkey, mention("Batman")], None)
    assert gazetteer.feature(res[1].entry or 0) is Feature.CITY


def test_geo_a_county_lies_in_the_state_the_article_names(gazetteer: Gazetteer) -> None:
    # seventeen US counties are called Monroe; a story that names Missouri means Missouri's,
    # though far bigger ones exist (Rochester's, in New York)
    ctx = Context()
    ctx.countries["USA"] += 3
    res = resolve_one(gazetteer, mention("Monroe County"), ctx)
    assert res.entry is not None and gazetteer.entry(res.entry).admin1 != "Missouri"
    ctx.admin1.add(("USA", "Missouri"))
    res = resolve_one(gazetteer, mention("Monroe County"), ctx)
    assert res.entry is not None and gazetteer.entry(res.entry).admin1 == "Missouri"
