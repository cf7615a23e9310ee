"""Plain text inputs: one file, one article, text kept exactly; each bad file one failure."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

import pytest

from eventwire.ingest import messages as msg

from .helpers import articles, failures, notes, read


def test_text_keeps_text_exactly_as_received(tmp_path: Path) -> None:
    text = "  \ufeffDockers in Gdansk struck on Monday.\r\n\n\u00a0Police watched.  \n"
    path = tmp_path / "story.txt"
    path.write_bytes(text.encode("utf-8"))
    (article,) = read(path)
    assert article.text == text  # type: ignore[union-attr]


def test_text_id_and_hash_are_sha1_of_text(tmp_path: Path) -> None:
    text = "Farmers blocked a road near Lyon.\n"
    path = tmp_path / "farm.txt"
    path.write_text(text, encoding="utf-8")
    (article,) = articles(read(path))
    expected = "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()
    assert article.id == expected
    assert article.content_hash == expected
    assert article.path == str(path)
    assert article.title is None
    assert article.url is None


@pytest.mark.parametrize("name", ["a.txt", "a.text", "a.md", "a.TXT", "noextension"])
def test_text_endings_read_as_text(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("Miners went on strike in Katowice.", encoding="utf-8")
    (article,) = articles(read(tmp_path / name))
    assert article.text == "Miners went on strike in Katowice."


@pytest.mark.parametrize(
    ("data", "code", "words"),
    [
        (b"", msg.EMPTY.code, "is empty"),
        (b" \n\t\r\n", msg.BLANK.code, "only white space"),
        (b"Head\x00er text", msg.BINARY.code, "looks binary"),
        (bytes(range(1, 9)) * 50, msg.BINARY.code, "looks binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", msg.BINARY.code, "looks binary"),
    ],
)
def test_text_bad_file_gives_one_failure(
    tmp_path: Path, data: bytes, code: str, words: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    items = read(path)
    assert len(items) == 1
    (problem,) = failures(items)
    assert problem.code == code
    assert problem.source == str(path)
    assert words in problem.problem
    assert str(problem).startswith(f"{path}: ")


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        (
            "Caf\u00e9 owners \u201cprotested\u201d.".encode("cp1252"),
            "cp1252",
            "Café owners “protested”.",
        ),
        (b"Bad byte \x81 then \xe9.", "latin-1", "Bad byte \x81 then é."),
    ],
)
def test_text_non_utf8_kept_with_a_note(
    tmp_path: Path, data: bytes, encoding: str, text: str
) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(data)
    items = read(path)
    assert len(items) == 2
    note, article = items
    assert notes(items) == [note]
    assert note.code == msg.FALLBACK_ENCODING.code  # type: ignore[union-attr]
    assert encoding in note.message  # type: ignore[union-attr]
    assert articles(items)[0].text == text
    assert article.content_hash.startswith("sha1:")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ],
)
def test_text_byte_order_mark_decoded_without_note(
    tmp_path: Path, bom: bytes, encoding: str
) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(bom + "Strikers met in Łódź.".encode(encoding))
    items = read(path)
    assert [article.text for article in articles(items)] == ["Strikers met in Łódź."]
    assert notes(items) == []


def test_text_utf8_gives_no_note(tmp_path: Path) -> None:
    path = tmp_path / "ok.txt"
    path.write_text("Protesters in Zürich, São Paulo and Kraków.", encoding="utf-8")
    items = read(path)
    assert len(articles(items)) == 1
    assert notes(items) == []
    assert failures(items) == []


def test_text_at_the_limit_is_read_one_over_is_refused(tmp_path: Path) -> None:
    at = tmp_path / "at.txt"
    at.write_bytes(b"a" * 100)
    over = tmp_path / "over.txt"
    over.write_bytes(b"a" * 101)
    items = read(at, over, max_bytes=100)
    assert [type(item).__name__ for item in items] == ["Article", "InputFailure"]
    assert failures(items)[0].code == msg.TOO_LARGE.code


def test_text_reference_date_from_option_else_today(tmp_path: Path) -> None:
    import datetime as dt

    path = tmp_path / "a.txt"
    path.write_text("Talks resumed in Geneva.", encoding="utf-8")
    (optioned,) = articles(read(path, reference_date=dt.date(2015, 7, 24)))
    assert (optioned.reference_date, optioned.reference_source) == (dt.date(2015, 7, 24), "option")
    (defaulted,) = articles(read(path))
    assert (defaulted.reference_date, defaulted.reference_source) == (dt.date(2020, 1, 1), "today")
