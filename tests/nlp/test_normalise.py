from hypothesis import given
from hypothesis import strategies as st

from eventwire.nlp.normalise import normalise


def test_normalise_straightens_quotes_and_spaces_keeping_length() -> None:
    text = "Turkey\u2019s army said \u201cno\u201d\u00a0today."
    norm = normalise(text)
    assert norm.text == 'Turkey\'s army said "no" today.'
    assert norm.origin == tuple(range(len(text)))


def test_normalise_drops_soft_hyphen_and_maps_offsets_back() -> None:
    text = "Diyar\u00adbakir is a city."
    norm = normalise(text)
    assert norm.text == "Diyarbakir is a city."
    start = norm.text.index("Diyarbakir")
    end = start + len("Diyarbakir")
    assert text[norm.to_original(start) : norm.end_to_original(end)] == "Diyar\u00adbakir"


@given(st.text())
def test_normalise_offsets_always_point_into_the_original(text: str) -> None:
    norm = normalise(text)
    assert len(norm.origin) == len(norm.text)
    assert all(0 <= o < len(text) for o in norm.origin)
    assert list(norm.origin) == sorted(set(norm.origin))
    assert norm.to_original(len(norm.text)) == len(text)


def test_dateline_dash_ends_a_sentence_for_the_parser() -> None:
    text = "OSLO, Norway \u2014 Fishermen blocked the port."
    norm = normalise(text)
    assert norm.text == "OSLO, Norway . Fishermen blocked the port."
    assert len(norm.text) == len(text)


def test_dash_inside_a_sentence_is_kept() -> None:
    text = "Fishermen \u2014 hundreds of them \u2014 blocked the port."
    assert normalise(text).text == text
