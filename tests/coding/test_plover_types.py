"""Every PLOVER type is coded from sentences we wrote, and the lexicon data is consistent.

The sentence tests run the real lexicon through the engine with a stub actor lookup (the head
word) and check the type of the highest-confidence event. Negative cases look like events and
are not, or are a different type than a naive reading suggests. The data tests check the
lexicon against the PLOVER manual's mode tables kept in the YAML ``modes:`` section.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
import yaml

from eventwire.coding.lexicon import default_lexicon_path, load_lexicon
from eventwire.model import ParsedText, Plover

from .harness import top_event

POSITIVE: dict[str, list[str]] = {
    "AGREE": [
        "The two governments agreed to expand cooperation on energy.",
        "The rebels pledged to respect the new constitution.",
        "Norway offered to mediate between the warring parties.",
        "The union accepted the government's proposal for new wage talks.",
        "The negotiators reached an agreement on prisoner exchanges late on Friday.",
        "The president invited his Kenyan counterpart to visit Nairobi next month.",
        "Both factions struck a deal to share power in the province.",
    ],
    "CONSULT": [
        "The foreign minister met his Japanese counterpart in Tokyo on Monday.",
        "The Chinese premier visited Pakistan last week.",
        "Delegates from both sides held talks in Geneva.",
        "The two leaders discussed border security by telephone.",
        "The rival parties resumed negotiations on the budget.",
        "The envoy mediated between the army and the protesters.",
    ],
    "SUPPORT": [
        "The prime minister praised the peacekeepers for their courage.",
        "The opposition welcomed the court's ruling.",
        "Germany expressed support for the new government in Kabul.",
        "The two countries signed a treaty of friendship.",
        "Moscow recognized the independence of the breakaway region.",
        "The minister defended the decision against criticism from abroad.",
    ],
    "CONCEDE": [
        "The government lifted the ban on opposition rallies.",
        "The king pardoned forty political prisoners.",
        "The junta eased restrictions on foreign journalists.",
        "The union called off the planned strike after the pay offer.",
        "The government accepted the demands of the striking miners.",
        "The minister apologized for the remarks about the refugees.",
        "The opposition withdrew its demand for early elections.",
    ],
    "COOPERATE": [
        "The two police forces cooperated in the investigation.",
        "Spain extradited the suspect to France.",
        "The agencies shared intelligence on the smuggling network.",
        "The navies of Chile and Peru held joint exercises off the coast.",
        "Turkey granted American jets access to the air base.",
    ],
    "AID": [
        "Japan sent food and medicine to the flood victims.",
        "The World Bank provided a loan of two million dollars to Malawi.",
        "Sweden donated ten ambulances to the health ministry.",
        "The embassy granted asylum to the dissident writer.",
        "Commandos rescued twelve hostages from the ship.",
        "Police freed ten trafficking victims during a raid.",
    ],
    "RETREAT": [
        "The army withdrew its troops from the disputed valley.",
        "The rebels released twenty hostages on Sunday.",
        "The militia handed over its weapons to the peacekeepers.",
        "The defence minister resigned on Tuesday.",
        "Hundreds of fighters surrendered to the army.",
        "The army lifted the blockade of the port.",
        "The kidnappers freed the two engineers.",
    ],
    "REQUEST": [
        "The opposition demanded the release of its leader.",
        "The United Nations urged both sides to return to talks.",
        "The farmers appealed to the government for emergency aid.",
        "The mayor called on residents to stay indoors.",
        "The minister asked Japan for financial assistance.",
        "The council called for an independent inquiry into the shooting.",
    ],
    "ACCUSE": [
        "The foreign ministry condemned the missile test.",
        "The opposition accused the government of rigging the vote.",
        "Prosecutors charged the former mayor with corruption.",
        "Police are investigating the death of the journalist.",
        "The union sued the company over unpaid wages.",
        "The ministry summoned the Iranian ambassador over the remarks.",
        "The rights group criticized the new security law.",
        "The foreign ministry protested the border incident.",
    ],
    "REJECT": [
        "The president rejected calls for his resignation.",
        "The rebels refused to attend the peace conference.",
        "Russia vetoed the draft resolution.",
        "The minister dismissed the allegations as lies.",
        "The government turned down the offer of foreign troops.",
        "The premier cancelled his visit to Beijing.",
        "The council blocked the resolution.",
    ],
    "THREATEN": [
        "The rebels threatened to attack the capital.",
        "The general warned that his troops would respond with force.",
        "The government threatened to expel the foreign reporters.",
        "The militants issued an ultimatum to the government.",
        "The union threatened to strike if wages were not raised.",
    ],
    "PROTEST": [
        "Thousands of students marched through the capital on Sunday.",
        "Hundreds of workers demonstrated outside the parliament.",
        "Teachers went on strike over unpaid salaries.",
        "Prisoners began a hunger strike to protest their conditions.",
        "Farmers blocked the main highway with tractors.",
        "Residents staged a protest against the new airport.",
    ],
    "SANCTION": [
        "The European Union imposed sanctions on the regime.",
        "Canada expelled two Russian diplomats.",
        "The United States suspended military aid to the junta.",
        "The country severed diplomatic ties with its neighbour.",
        "The government recalled its ambassador from Paris.",
        "The court convicted the former minister of fraud.",
        "Donors withdrew their funding for the dam.",
    ],
    "MOBILIZE": [
        "The army deployed troops along the border.",
        "The government put its forces on high alert.",
        "The navy sent two warships to the strait.",
        "North Korea tested a ballistic missile on Monday.",
        "The ministry reinforced the garrison with fresh troops.",
    ],
    "COERCE": [
        "Police arrested fifty protesters in the capital.",
        "The authorities imposed a curfew on the city.",
        "The government declared a state of emergency in the north.",
        "The regime banned the main opposition party.",
        "Customs officers confiscated the cargo.",
        "The authorities deported the activist to his home country.",
        "Hackers broke into the ministry's servers.",
    ],
    "ASSAULT": [
        "Gunmen killed five villagers in the north on Tuesday.",
        "A suicide bomber attacked a police station in the city.",
        "Government troops shelled rebel positions near the river.",
        "Fighter jets bombed a weapons depot.",
        "Rebels kidnapped two aid workers.",
        "Riot police fired tear gas at the crowd.",
        "Militants carried out an attack on an army convoy.",
    ],
}

# Sentences that look like events and are not (None), or are another type than the surface
# word suggests.
NEGATIVE: list[tuple[str, str | None]] = [
    ("The talks were about football scores.", None),
    ("The sprinter beat the world record in Rome.", None),
    ("The team beat its rivals in the final.", None),
    ("The company fired its chief executive.", None),
    ("The company released its annual report on Monday.", None),
    ("The hurricane struck the coast on Sunday.", None),
    ("The storm destroyed hundreds of homes.", None),
    ("The minister demonstrated the new software to reporters.", None),
    ("Prices declined sharply in March.", None),
    ("The firm executed the trade on behalf of its clients.", None),
    ("Firefighters fought the blaze for six hours.", None),
    ("The committee will meet the deadline.", None),
    ("The bank charged a fee for the transfer.", None),
    ("The city hosted the Olympic Games in 2004.", None),
    ("The police protested their innocence.", None),
    ("They struck a deal on fishing rights.", "AGREE"),
    ("Warplanes struck rebel positions overnight.", "ASSAULT"),
    ("Workers went on strike at the car plant.", "PROTEST"),
    ("The army withdrew from the town.", "RETREAT"),
    ("The government withdrew its ambassador from Rome.", "SANCTION"),
    ("Villagers blocked the road to the mine.", "PROTEST"),
    ("Militias destroyed hundreds of homes in the valley.", "ASSAULT"),
]


def _raw() -> dict[str, Any]:
    with default_lexicon_path().open(encoding="utf-8") as fh:
        doc: dict[str, Any] = yaml.safe_load(fh)
    return doc


def _top_type(parse: Callable[[str], ParsedText], text: str) -> str | None:
    event = top_event(parse(text))
    return event.type.value if event else None


@pytest.mark.model
@pytest.mark.parametrize(
    ("expected", "text"), [(t, s) for t, sentences in POSITIVE.items() for s in sentences]
)
def test_top_event_has_the_type(
    parse: Callable[[str], ParsedText], expected: str, text: str
) -> None:
    assert _top_type(parse, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), NEGATIVE)
def test_lookalikes(parse: Callable[[str], ParsedText], text: str, expected: str | None) -> None:
    assert _top_type(parse, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("A suicide bomber attacked a police station in the city.", "suicide-attack"),
        ("Government troops shelled rebel positions near the river.", "heavy-weapons"),
        ("Riot police fired tear gas at the crowd.", "crowd-control"),
        ("Rebels kidnapped two aid workers.", "abduct"),
        ("The rebels released twenty hostages on Sunday.", "release"),
        ("The defence minister resigned on Tuesday.", "resign"),
        ("The rebels threatened to attack the capital.", "violence"),
        ("The government threatened to expel the foreign reporters.", "expel"),
        ("The navy sent two warships to the strait.", "weapons"),
        ("The authorities imposed a curfew on the city.", "curfew"),
        ("Police are investigating the death of the journalist.", "investigate"),
        ("The Chinese premier visited Pakistan last week.", "visit"),
    ],
)
def test_mode(parse: Callable[[str], ParsedText], text: str, mode: str) -> None:
    event = top_event(parse(text))
    assert event is not None and event.mode == mode


def test_every_type_has_positive_sentences() -> None:
    assert set(POSITIVE) == {p.value for p in Plover}
    assert all(len(v) >= 5 for v in POSITIVE.values())


def test_every_type_has_entries() -> None:
    counts = Counter(e.type for e in load_lexicon().entries)
    assert {p for p in Plover if counts[p] == 0} == set()


def test_modes_section_lists_every_type() -> None:
    assert set(_raw()["modes"]) == {p.value for p in Plover}


def test_every_mode_is_allowed_for_its_type() -> None:
    allowed = {Plover(k): set(v) for k, v in _raw()["modes"].items()}
    lexicon = load_lexicon()
    bad = [e.id for e in lexicon.entries if e.mode is not None and e.mode not in allowed[e.type]]
    bad += [c.id for c in lexicon.mode_cues if c.mode not in allowed[c.type]]
    assert bad == []


def test_ids_are_unique_in_the_file() -> None:
    ids = [e["id"] for e in _raw()["entries"]] + [c["id"] for c in _raw()["mode_cues"]]
    assert [i for i, n in Counter(ids).items() if n > 1] == []


def test_ids_start_with_their_type() -> None:
    lexicon = load_lexicon()
    assert [e.id for e in lexicon.entries if e.id.split(".")[0] != e.type.value.lower()] == []


def test_cameo_map_covers_all_types() -> None:
    cameo = load_lexicon().cameo
    assert set(cameo) == set(Plover)
    assert all(code.isdigit() and len(code) == 2 for code in cameo.values())


def test_default_target_preps_cover_all_types() -> None:
    assert set(load_lexicon().default_target_preps) == set(Plover)


def test_confidences_are_probabilities() -> None:
    assert [e.id for e in load_lexicon().entries if not 0 < e.confidence <= 1] == []
