"""Tests for eventwire.coding.numbers: parse_number, quantities, fatalities, the data file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.coding.numbers import (
    fatalities,
    is_lethal,
    lethal_lemmas,
    load_numbers,
    parse_number,
    quantities,
)
from eventwire.errors import KnowledgeError
from eventwire.model import ParsedText, Quantity, Sentence, Token

Parse = Callable[[str], ParsedText]

# --- parse_number ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("26", 26),
        ("1,200", 1200),
        ("3.5", 3.5),
        ("0.75", 0.75),
        ("-4", -4),
        ("four", 4),
        ("Four", 4),
        ("twenty-six", 26),
        ("twenty six", 26),
        ("one hundred and twelve", 112),
        ("a hundred", 100),
        ("fifteen hundred", 1500),
        ("two thousand and five", 2005),
        ("a dozen", 12),
        ("two dozen", 24),
        ("half a dozen", 6),
        ("two million", 2_000_000),
        ("1.5 million", 1_500_000),
        ("half a million", 500_000),
        ("2bn", 2e9),
        ("3.2 bn", 3.2e9),
        ("one million two hundred thousand", 1_200_000),
        ("  seven ", 7),
        ("zero", 0),
    ],
)
def test_parse_number_reads_digits_and_words(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "",
        "dozens",
        "hundreds",
        "several",
        "first",
        "480th",
        "twenty-sixth",
        "G20",
        "3/4",
        "10:30",
        "555-1234",
        "1990s",
        "four five",
        "twenty thirty",
        "three and",
        "and three",
        "a",
        "one hundred hundred",
        "thousand million",
        "two thousand three million",
        "1,23",
        "12, 13",
        "-five",
        "5-",
        "300m",  # metres or millions: only a currency sign decides
        "soldiers",
    ],
)
def test_parse_number_rejects_what_is_not_a_number(text: str) -> None:
    assert parse_number(text) is None


@given(st.text(max_size=60))
def test_parse_number_never_crashes(text: str) -> None:
    value = parse_number(text)
    assert value is None or isinstance(value, float)


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_parse_number_round_trips_digits(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n


_ONES = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = (
    "_",
    "_",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
)


def _words(n: int) -> str:
    """English words for 0 <= n < 10**12, written the British way ("one hundred and five")."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return _ONES[n // 100] + " hundred" + (" and " + _words(rest) if rest else "")
    for scale, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand")):
        if n >= scale:
            rest = n % scale
            joiner = " and " if 0 < rest < 100 else " "
            return _words(n // scale) + " " + name + (joiner + _words(rest) if rest else "")
    raise AssertionError(n)


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_parse_number_round_trips_words(n: int) -> None:
    assert parse_number(_words(n)) == n


# --- the data file --------------------------------------------------------------------------


def test_numbers_data_loads_with_lethal_words() -> None:
    vocab = load_numbers()
    assert vocab.version
    assert {"kill", "die", "dead", "toll", "behead", "execute"} <= lethal_lemmas()
    assert vocab.unit_words[("kilometres",)].unit == "km"
    assert vocab.unit_prefixes["$"].unit == "USD"


def test_numbers_data_reads_yaml_words_as_words() -> None:
    # YAML 1.1 would read the bare word "no" ("No 10") as the boolean false
    assert "no" in load_numbers().before_not_count


def test_numbers_data_rejects_a_reused_id(tmp_path: Path) -> None:
    path = tmp_path / "numbers.yaml"
    path.write_text(
        "version: 1\nnumber_words:\n"
        "  - {id: num.one, word: one, value: 1, kind: unit}\n"
        "  - {id: num.one, word: two, value: 2, kind: unit}\n",
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError, match="num.one"):
        load_numbers(path)


def test_numbers_data_rejects_an_unknown_role(tmp_path: Path) -> None:
    path = tmp_path / "numbers.yaml"
    path.write_text(
        "version: 1\nlethal:\n  - {id: lethal.x, lemma: x, pos: VERB, role: victim}\n",
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError, match="lethal.x"):
        load_numbers(path)


# --- quantities without the model -----------------------------------------------------------


def _by_hand(rows: list[tuple[str, str, str, str, str, int, str]]) -> ParsedText:
    """A ParsedText from (text, lemma, pos, tag, dep, head, ent_type) rows, one space apart."""
    tokens: list[Token] = []
    offset = 0
    for i, (text, lemma, pos, tag, dep, head, ent) in enumerate(rows):
        tokens.append(
            Token(i, text, lemma, pos, tag, dep, head, offset, offset + len(text), 0, ent)
        )
        offset += len(text) + 1
    full = " ".join(r[0] for r in rows)
    children = tuple(
        tuple(t.i for t in tokens if t.head == j and t.i != j) for j in range(len(rows))
    )
    sentence = Sentence(0, 0, len(rows), 0, len(full), full)
    return ParsedText(full, tuple(tokens), (sentence,), (), children)


def test_quantities_reads_a_hand_built_parse() -> None:
    parsed = _by_hand(
        [
            ("They", "they", "PRON", "PRP", "nsubj", 1, ""),
            ("sent", "send", "VERB", "VBD", "ROOT", 1, ""),
            ("26", "26", "NUM", "CD", "nummod", 4, "CARDINAL"),
            ("US", "us", "PROPN", "NNP", "compound", 4, "GPE"),
            ("jets", "jet", "NOUN", "NNS", "dobj", 1, ""),
        ]
    )
    (q,) = quantities(parsed, 0, 5)
    assert (q.what, q.value, q.unit, q.span.text) == ("jets", 26, None, "26 US jets")
    assert "quantity.count" in q.rules


# --- quantities with the model --------------------------------------------------------------


def _quantities(parse: Parse, text: str) -> tuple[Quantity, ...]:
    parsed = parse(text)
    found = quantities(parsed, 0, len(parsed.tokens))
    for q in found:
        assert q.span.text == text[q.span.start : q.span.end]
    return found


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "what", "value", "unit"),
    [
        ("Turkey sent 26 US jets to the base.", "jets", 26, None),
        ("The army deployed four armed drones.", "armed drones", 4, None),
        ("The ministry sent 5,000 troops to the border.", "troops", 5000, None),
        ("Rebels freed two of the hostages.", "hostages", 2, None),
        ("Two Turkish soldiers were wounded.", "soldiers", 2, None),
        ("They cleared an area 98 kilometers by 45 kilometers.", "area", (98, 45), "km"),
        ("Both sides agreed on a 30 km buffer zone.", "buffer zone", 30, "km"),
        ("They agreed on a 30-km buffer zone.", "buffer zone", 30, "km"),
        ("The donors pledged $2 billion in aid.", "aid", 2e9, "USD"),
        ("The fund lost €300m last year.", "money", 3e8, "EUR"),
        ("The party won 40 per cent of the vote.", "vote", 40, "%"),
        ("Troops advanced 12 miles into the valley.", "distance", 12, "mi"),
        ("Troops stayed within 5 km of the border.", "distance", 5, "km"),
        ("The army sent two thousand and five soldiers.", "soldiers", 2005, None),
        ("Smugglers carried 500 pounds of explosives.", "explosives", 500, "lb"),
        ("The deal is worth 5 million pounds.", "money", 5e6, "GBP"),
        ("About 200 personnel guarded the camp.", "personnel", 200, None),
        ("Police held one hundred and twelve protesters.", "protesters", 112, None),
        ("A dozen tanks crossed the river.", "tanks", 12, None),
    ],
)
def test_quantities_finds_number_with_what_it_counts(
    parse: Parse, text: str, what: str, value: float | tuple[float, ...], unit: str | None
) -> None:
    found = [(q.what, q.value, q.unit) for q in _quantities(parse, text)]
    assert (what, value, unit) in found


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("The 1990 attack shocked the country.", "1990"),
        ("Talks began on 12 May 2019.", "12"),
        ("The minister began a three-day visit.", "three"),
        ("The vote is at 5 pm on Monday.", "5"),
        ("A 45-year-old man was arrested.", "45"),
        ("The man, aged 45, was arrested.", "45"),
        ("Jets from the 480th Fleet landed.", "480th"),
        ("The council passed Resolution 2254 unanimously.", "2254"),
        ("Leaders met at the G20 summit.", "G20"),
        ("Residents called 555-1234 for help.", "555"),
        ("It was the first raid in a decade.", "first"),
        ("The plane crashed on Flight 17 from Paris.", "17"),
        ("Dozens of protesters gathered.", "Dozens"),
        ("They spoke to one another.", "one"),
        ("The station closed for 48 hours.", "48"),
        ("Envoys met three times.", "three"),
        ("It became a one-time colony.", "one"),
    ],
)
def test_quantities_skips_numbers_that_count_nothing(parse: Parse, text: str, number: str) -> None:
    for q in _quantities(parse, text):
        assert number not in q.span.text, q


@pytest.mark.model
def test_quantities_keeps_to_the_token_range(parse: Parse) -> None:
    text = "Rebels seized 3 towns. The army sent 400 troops."
    parsed = parse(text)
    second = parsed.sentences[1]
    found = quantities(parsed, second.first, second.last)
    assert [(q.what, q.value) for q in found] == [("troops", 400)]


@pytest.mark.model
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.integers(min_value=2, max_value=999_999), st.booleans())
def test_quantities_round_trips_a_count(parse: Parse, n: int, as_words: bool) -> None:
    number = _words(n) if as_words else f"{n:,}"
    text = f"The army sent {number} soldiers to the front."
    found = [(q.what, q.value) for q in _quantities(parse, text)]
    assert ("soldiers", n) in found


# --- fatalities -----------------------------------------------------------------------------


def _fatal(parse: Parse, text: str, trigger: str) -> tuple[int | None, str] | None:
    parsed = parse(text)
    index = next(t.i for t in parsed.tokens if t.text == trigger)
    found = fatalities(parsed, index)
    if found is None:
        return None
    assert found.span.text == text[found.span.start : found.span.end] == found.text
    return found.count, found.text


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "count", "said"),
    [
        ("The suicide bomber killed 33 people in the town.", "killed", 33, "33"),
        ("A soldier was killed in the clash.", "killed", 1, "A soldier"),
        ("The militants killed one military officer.", "killed", 1, "one"),
        ("The blast exploded, killing at least 12.", "killing", 12, "at least 12"),
        ("The death toll rose to 12 on Sunday.", "toll", 12, "12"),
        ("The death toll rose to 12 on Sunday.", "rose", 12, "12"),
        ("The death toll rose to 12 on Sunday.", "death", 12, "12"),
        ("Officials put the death toll at 45.", "toll", 45, "45"),
        ("Dozens were killed in the raid.", "killed", None, "Dozens"),
        ("Hundreds of people were killed.", "killed", None, "Hundreds"),
        ("The bombing left five dead.", "dead", 5, "five"),
        ("5 people died in the fire.", "died", 5, "5"),
        ("Two policemen were among the dead.", "dead", 2, "Two"),
        ("Gunmen killed three and wounded ten.", "killed", 3, "three"),
        ("Twelve people were shot dead at the market.", "dead", 12, "Twelve"),
        ("Three soldiers were shot and killed.", "killed", 3, "Three"),
        ("He was killed on 3 March.", "killed", 1, "He"),
        ("No one was killed in the attack.", "killed", 0, "No one"),
        ("The bombing killed 9 people.", "bombing", 9, "9"),
        ("An attack that killed 14 civilians shook the town.", "attack", 14, "14"),
        ("The blast claimed 14 lives.", "claimed", 14, "14"),
        ("The 1990 attack killed 40.", "killed", 40, "40"),
        ("The army executed 7 prisoners.", "executed", 7, "7"),
        ("The quake left 2,500 people dead.", "dead", 2500, "2,500"),
        ("Five dead soldiers lay in the road.", "dead", 5, "Five"),
    ],
)
def test_fatalities_counts_the_dead(
    parse: Parse, text: str, trigger: str, count: int | None, said: str
) -> None:
    assert _fatal(parse, text, trigger) == (count, said)


@pytest.mark.model
def test_fatalities_adds_coordinated_victims(parse: Parse) -> None:
    found = _fatal(parse, "Police said 12 soldiers and 3 civilians were killed.", "killed")
    assert found is not None and found[0] == 15


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Gunmen wounded ten villagers.", "wounded"),
        ("Gunmen killed villagers in the night.", "killed"),
        ("Troops killed or wounded 50.", "killed"),
        ("The minister began a three-day visit.", "visit"),
        ("Protesters marched through the city.", "marched"),
        ("Tariffs are an economic dead end.", "dead"),
    ],
)
def test_fatalities_says_nothing_without_a_count_of_dead(
    parse: Parse, text: str, trigger: str
) -> None:
    assert _fatal(parse, text, trigger) is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "lethal"),
    [
        ("Rebels killed two guards.", "killed", True),
        ("Two guards died.", "died", True),
        ("The death toll rose.", "toll", True),
        ("Rebels wounded two guards.", "wounded", False),
        ("The blast shook the town.", "shook", False),
    ],
)
def test_is_lethal_recognises_killing_words(
    parse: Parse, text: str, trigger: str, lethal: bool
) -> None:
    parsed = parse(text)
    index = next(t.i for t in parsed.tokens if t.text == trigger)
    assert is_lethal(parsed, index) is lethal
