import pytest

from eventwire.nlp.furniture import furniture_lines, load_patterns


@pytest.mark.parametrize(
    "line",
    [
        "Jane Q. Doe was the Kenya correspondent for Daily Planet.",
        "Ali Reza is a senior reporter at Harbour Times.",
        "More In World",
        "Copyright 2021 Example Media. All rights reserved.",
        "Reporting by Sam Lee; editing by Kim Park",
        "Share this article",
    ],
)
def test_furniture_lines_recognised(line: str) -> None:
    text = f"Troops entered the town on Monday.\n\n{line}\n"
    ranges = furniture_lines(text, load_patterns())
    assert [text[a:b] for a, b in ranges] == [line]


@pytest.mark.parametrize(
    "line",
    [
        "The minister was the first official to visit the camp.",
        "More than 40 people were killed in the attack.",
        "Police said the reporter was detained for two days.",
    ],
)
def test_report_sentences_are_not_furniture(line: str) -> None:
    assert furniture_lines(line, load_patterns()) == ()
