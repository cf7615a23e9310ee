"""Language detection: every article gets a language; only English ones are coded."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.ingest import detect_language, is_codeable, language
from eventwire.model import Article
from tests.ingest.helpers import articles, read

SENTENCES = [
    ("en", "Police fired tear gas at protesters outside the parliament on Tuesday."),
    ("en", "Two soldiers were killed when their convoy hit a roadside bomb near the border."),
    ("en", "On Friday, Nigerian officials summoned Ghana's ambassador over the border dispute."),
    ("fr", "La police a dispersé les manifestants devant l'assemblée nationale mardi soir."),
    ("fr", "Le gouvernement a annoncé de nouvelles sanctions contre le régime."),
    ("de", "Die Polizei setzte am Dienstag Tränengas gegen Demonstranten vor dem Parlament ein."),
    ("de", "Tausende Menschen gingen in Berlin gegen die Reform auf die Straße."),
    ("es", "La policía detuvo a varios manifestantes frente al palacio presidencial el martes."),
    ("es", "El gobierno anunció un alto el fuego con los grupos armados del sur."),
    ("tr", "Polis salı günü meclis önünde toplanan göstericilere biber gazıyla müdahale etti."),
    ("tr", "Binlerce işçi ücretlerin ödenmemesi nedeniyle greve gitti."),
    ("ar", "أطلقت الشرطة الغاز المسيل للدموع على المتظاهرين أمام البرلمان يوم الثلاثاء."),
    ("ar", "خرج آلاف العمال في إضراب بسبب الأجور غير المدفوعة."),
]


@pytest.mark.parametrize(("language", "sentence"), SENTENCES)
def test_language_detects_sentences(language: str, sentence: str) -> None:
    assert detect_language(sentence) == language


@pytest.mark.parametrize(
    "text", ["", "Talks collapsed.", "La paz.", "Grève!", "2021-03-04 12:00", "إضراب"]
)
def test_language_short_texts_are_taken_as_english(text: str) -> None:
    assert detect_language(text) == "en"


def test_language_is_deterministic() -> None:
    sentence = SENTENCES[3][1]
    assert {detect_language(sentence) for _ in range(5)} == {"fr"}


def _article(language: str) -> Article:
    return Article(id="a", text="x", reference_date=dt.date(2020, 1, 1), language=language)


@pytest.mark.parametrize(("language", "codeable"), [("en", True), ("fr", False), ("ar", False)])
def test_language_only_english_is_codeable(language: str, codeable: bool) -> None:
    assert is_codeable(_article(language)) is codeable


def test_language_set_on_text_and_json_lines_articles(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SENTENCES[5][1], encoding="utf-8")
    records = [{"id": str(index), "text": text} for index, (_, text) in enumerate(SENTENCES)]
    (tmp_path / "b.jsonl").write_text(
        "\n".join(json.dumps(record, ensure_ascii=False) for record in records), encoding="utf-8"
    )
    found = articles(read(tmp_path))
    assert [article.language for article in found] == ["de"] + [lang for lang, _ in SENTENCES]
    assert [is_codeable(article) for article in found[:2]] == [False, True]


def test_language_of_non_english_article_is_kept_with_the_article(tmp_path: Path) -> None:
    (tmp_path / "fr.txt").write_text(SENTENCES[3][1], encoding="utf-8")
    (article,) = articles(read(tmp_path / "fr.txt"))
    assert article.language == "fr"
    assert article.text == SENTENCES[3][1]
    assert not is_codeable(article)
    assert is_codeable(replace(article, language="en"))


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=300))
def test_language_any_text_gives_a_code(text: str) -> None:
    code = detect_language(text)
    assert code.isalpha() and code.islower()


ENGLISH_REPORT = (
    "Police said on Tuesday that two men were arrested after a fire at the market, which "
    "had been closed for a week. The mayor said the town would pay for the repairs and that "
    "traders were not to blame for the damage."
)


def test_language_plainly_english_text_skips_the_detector(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_detector() -> None:
        raise AssertionError("the statistical detector was asked")

    monkeypatch.setattr(language, "_identifier", no_detector)
    assert language.plainly_english(ENGLISH_REPORT)
    assert detect_language(ENGLISH_REPORT) == "en"


@pytest.mark.parametrize(
    "text",
    [
        # other languages share a few short words with English ("in", "a", "is", "was")
        "Die Regierung in Berlin hat am Dienstag neue Sanktionen gegen das Regime beschlossen "
        "und die Polizei war in der Stadt mit vielen Beamten im Einsatz.",
        "Le gouvernement a annoncé mardi de nouvelles sanctions et la police était présente "
        "dans la ville avec des centaines d'agents.",
        "De politie was in de stad aanwezig en de burgemeester is blij met het resultaat van "
        "het overleg in het stadhuis.",
        "",
        "the of and to in",  # listed words alone, too few different ones
    ],
)
def test_language_other_languages_are_not_plainly_english(text: str) -> None:
    assert not language.plainly_english(text)
