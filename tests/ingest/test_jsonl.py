"""JSON Lines inputs: ids kept, bad lines one failure each, the others still read."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from eventwire.ingest import InputFailure
from eventwire.ingest import messages as msg
from eventwire.ingest.jsonl import iter_lines, line_limit

from .helpers import articles, failures, notes, read


def _write(path: Path, *lines: Any) -> Path:
    rows = [line if isinstance(line, str) else json.dumps(line) for line in lines]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_jsonl_ids_kept_and_fields_read(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "a.jsonl",
        {
            "id": "wire-1",
            "text": "Troops left Kabul.",
            "title": "Exit",
            "url": "http://e/1",
            "date": "2021-08-30",
        },
        {"id": "wire-2", "text": "Talks began.", "extra": [1, 2]},
    )
    first, second = articles(read(path))
    assert (first.id, first.title, first.url, first.date) == (
        "wire-1",
        "Exit",
        "http://e/1",
        dt.date(2021, 8, 30),
    )
    assert (first.reference_date, first.reference_source) == (dt.date(2021, 8, 30), "article")
    assert first.path == str(path)
    assert second.id == "wire-2"
    assert second.title is None


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"id": "given", "url": "http://u", "text": "T."}, "given"),
        ({"id": 42, "text": "T."}, "42"),
        ({"url": "http://u", "text": "T."}, "http://u"),
        ({"id": "", "url": "http://u", "text": "T."}, "http://u"),
        ({"text": "T."}, "sha1:" + hashlib.sha1(b"T.").hexdigest()),
    ],
)
def test_jsonl_id_rules(tmp_path: Path, record: dict[str, Any], expected: str) -> None:
    (article,) = articles(read(_write(tmp_path / "a.jsonl", record)))
    assert article.id == expected
    assert article.content_hash == "sha1:" + hashlib.sha1(b"T.").hexdigest()


def test_jsonl_text_kept_exactly(tmp_path: Path) -> None:
    text = "\n  GENEVA \u2014 Envoys met.\r\n\u00a0\tThey left.  "
    (article,) = articles(read(_write(tmp_path / "a.jsonl", {"text": text})))
    assert article.text == text


@pytest.mark.parametrize(
    ("line", "code", "words"),
    [
        ("{bad json", msg.JSON_INVALID.code, "not valid JSON"),
        ('{"text": "a"', msg.JSON_INVALID.code, "not valid JSON"),
        ("[1, 2]", msg.NOT_OBJECT.code, "JSON array"),
        ('"just text"', msg.NOT_OBJECT.code, "JSON string"),
        ('{"id": "x"}', msg.MISSING_TEXT.code, "missing text"),
        ('{"id": "x", "text": null}', msg.MISSING_TEXT.code, "missing text"),
        ('{"id": "x", "text": ""}', msg.MISSING_TEXT.code, "missing text"),
        ('{"id": "x", "text": "  \\n "}', msg.BLANK.code, "white space"),
        ('{"id": "x", "text": 5}', msg.TEXT_NOT_STRING.code, "JSON number"),
        ("[" * 100_000, msg.JSON_INVALID.code, "not valid JSON"),
    ],
)
def test_jsonl_bad_line_one_failure_others_read(
    tmp_path: Path, line: str, code: str, words: str
) -> None:
    path = _write(tmp_path / "a.jsonl", {"text": "Before."}, line, {"text": "After."})
    items = read(path)
    assert [article.text for article in articles(items)] == ["Before.", "After."]
    (problem,) = failures(items)
    assert problem.source == f"{path}:2"
    assert problem.code == code
    assert words in problem.problem
    assert str(problem).startswith(f"{path}:2: ")


def test_jsonl_record_text_over_limit_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.jsonl", {"text": "é" * 60}, {"text": "é" * 40})
    items = read(path, max_bytes=100)  # 120 and 80 bytes of UTF-8
    assert [len(article.text) for article in articles(items)] == [40]
    (problem,) = failures(items)
    assert problem.source == f"{path}:1"
    assert problem.code == msg.RECORD_TOO_LARGE.code
    assert "--max-article-mb" in problem.problem


def test_jsonl_line_far_over_limit_skipped_unread(tmp_path: Path) -> None:
    huge = json.dumps({"text": "x" * (line_limit(100) + 10)})
    path = _write(tmp_path / "a.jsonl", huge, {"text": "Next."})
    items = read(path, max_bytes=100)
    assert [article.text for article in articles(items)] == ["Next."]
    (problem,) = failures(items)
    assert problem.code == msg.LINE_TOO_LONG.code
    assert problem.source == f"{path}:1"


def test_jsonl_blank_lines_skipped_numbers_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('\n\n{"text": "A."}\r\n  \n{oops\n', encoding="utf-8")
    items = read(path)
    assert [article.text for article in articles(items)] == ["A."]
    assert failures(items)[0].source == f"{path}:5"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", msg.EMPTY.code),
        (b"\n \n\n", msg.NO_RECORDS.code),
        (b'{"text": "a"}\x00\x00\x00\n', msg.BINARY.code),
    ],
)
def test_jsonl_bad_file_one_failure(tmp_path: Path, data: bytes, code: str) -> None:
    path = tmp_path / "a.ndjson"
    path.write_bytes(data)
    (problem,) = read(path)
    assert isinstance(problem, InputFailure)
    assert problem.code == code
    assert problem.source == str(path)


def test_jsonl_byte_order_mark_and_cp1252_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(
        b'\xef\xbb\xbf{"text": "First."}\n' + '{"text": "Caf\u00e9."}\n'.encode("cp1252")
    )
    items = read(path)
    assert [article.text for article in articles(items)] == ["First.", "Café."]
    (note,) = notes(items)
    assert note.source == f"{path}:2"
    assert note.code == msg.FALLBACK_ENCODING.code
    assert items.index(note) == 1  # just before its article


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2016-11-22", dt.date(2016, 11, 22)),
        ("2016-11-22T23:30:00-07:00", dt.date(2016, 11, 22)),
        ("Nov 22, 2016 4:30 PM MT", dt.date(2016, 11, 22)),
    ],
)
def test_jsonl_date_sets_reference(tmp_path: Path, date: str, expected: dt.date) -> None:
    (article,) = articles(read(_write(tmp_path / "a.jsonl", {"text": "T.", "date": date})))
    assert article.date == expected
    assert (article.reference_date, article.reference_source) == (expected, "article")


@pytest.mark.parametrize("date", ["not a date", "yesterday", "2016", 20161122, ["2016-11-22"]])
def test_jsonl_bad_date_kept_with_note(tmp_path: Path, date: Any) -> None:
    path = _write(tmp_path / "a.jsonl", {"text": "T.", "date": date})
    items = read(path, reference_date=dt.date(2015, 7, 24))
    (article,) = articles(items)
    assert article.date is None
    assert (article.reference_date, article.reference_source) == (dt.date(2015, 7, 24), "option")
    (note,) = notes(items)
    assert note.source == f"{path}:1"
    assert note.code in {msg.BAD_DATE.code, msg.FIELD_NOT_STRING.code}


def test_jsonl_non_string_title_ignored_with_note(tmp_path: Path) -> None:
    items = read(_write(tmp_path / "a.jsonl", {"text": "T.", "title": ["x"], "id": True}))
    (article,) = articles(items)
    assert article.title is None
    assert article.id.startswith("sha1:")
    assert sorted(note.message.split('"')[1] for note in notes(items)) == ["id", "title"]


@pytest.mark.parametrize(
    ("chunks", "limit", "lines"),
    [
        ([b"a\nb\n"], 10, [b"a\n", b"b\n"]),
        ([b"a", b"b\nc", b"d"], 10, [b"ab\n", b"cd"]),
        ([b"aaaa", b"aaaa\nb\n"], 5, [None, b"b\n"]),
        ([b"aaaaaaa"], 5, [None]),
        ([b"", b"\n"], 5, [b"\n"]),
        ([], 5, []),
    ],
)
def test_jsonl_iter_lines(chunks: list[bytes], limit: int, lines: list[bytes | None]) -> None:
    assert list(iter_lines(chunks, limit)) == lines
