"""Reading files, folders and stdin: order, limits, failures; nothing ever raises."""

from __future__ import annotations

import builtins
import io
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.ingest import MB, InputFailure, InputNote, read_inputs
from eventwire.ingest import messages as msg
from eventwire.model import Article

from .helpers import TODAY, articles, failures, notes, read


def _tree(root: Path) -> None:
    files = {
        "b.txt": "Second story.",
        "a.txt": "First story.",
        "sub/c.md": "Third story.",
        "sub/deeper/d.text": "Fourth story.",
        "z.jsonl": '{"id": "z1", "text": "Fifth."}\n{"id": "z2", "text": "Sixth."}\n',
        "README": "Seventh.",
        ".hidden.txt": "Never read.",
        ".git/config.txt": "Never read.",
        "scan.pdf": "%PDF-1.4",
        "photo.jpg": "\xff\xd8",
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_inputs_folder_walked_recursively_sorted_hidden_skipped(tmp_path: Path) -> None:
    _tree(tmp_path)
    items = read(tmp_path)
    texts = [article.text for article in articles(items)]
    # Code-point order: "README" sorts before lower-case names.
    assert texts == [
        "Seventh.",
        "First story.",
        "Second story.",
        "Third story.",
        "Fourth story.",
        "Fifth.",
        "Sixth.",
    ]
    assert failures(items) == []
    (skipped,) = notes(items)
    assert skipped.code == msg.SKIPPED_FILES.code
    assert skipped.source == str(tmp_path)
    assert "2 file(s)" in skipped.message
    assert str(tmp_path / "photo.jpg") in skipped.message


def test_inputs_order_is_deterministic(tmp_path: Path) -> None:
    _tree(tmp_path)
    first = [item for item in read(tmp_path)]
    second = [item for item in read(tmp_path)]
    assert first == second


def test_inputs_given_order_kept_and_failures_in_place(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Two.", encoding="utf-8")
    items = read(tmp_path / "two.txt", tmp_path / "missing.txt", tmp_path / "one.txt")
    assert [getattr(item, "text", None) for item in items] == ["Two.", None, "One."]
    (missing,) = failures(items)
    assert missing.code == msg.NO_SUCH_PATH.code
    assert missing.source == str(tmp_path / "missing.txt")
    assert "no such file or folder" in missing.problem


def test_inputs_missing_folder_below_a_file(tmp_path: Path) -> None:
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    (problem,) = read(tmp_path / "file.txt" / "inner.txt")
    assert isinstance(problem, InputFailure)
    assert problem.code == msg.NO_SUCH_PATH.code


def test_inputs_huge_file_refused_without_being_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as stream:
        stream.truncate(20 * MB)  # sparse: takes no disk space
    opened: list[str] = []
    real_open = builtins.open

    def spy(file: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    items = list(read_inputs([str(big)], reference_date=None, max_bytes=10 * MB, today=TODAY))
    assert opened == []
    (problem,) = items
    assert isinstance(problem, InputFailure)
    assert problem.code == msg.TOO_LARGE.code
    assert "20.0 MB" in problem.problem
    assert "10 MB limit" in problem.problem
    assert "--max-article-mb" in problem.problem
    assert "EVENTWIRE_MAX_ARTICLE_MB" in problem.problem


def test_inputs_huge_file_without_ending_refused_after_sniffing(tmp_path: Path) -> None:
    big = tmp_path / "big"
    with big.open("wb") as stream:
        stream.truncate(3 * MB)
    (problem,) = read(big, max_bytes=MB)
    assert isinstance(problem, InputFailure)
    assert problem.code == msg.TOO_LARGE.code


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_inputs_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"\n  Crowds gathered in Minsk.\n")
    (article,) = read("-")
    assert isinstance(article, Article)
    assert article.text == "\n  Crowds gathered in Minsk.\n"
    assert article.path is None


def test_inputs_stdin_jsonl_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b'\n  {"id": "s1", "text": "One."}\nnot json\n{"text": "Two."}\n')
    items = read("-")
    assert [article.id for article in articles(items)][0] == "s1"
    assert [article.text for article in articles(items)] == ["One.", "Two."]
    (problem,) = failures(items)
    assert problem.source == "<stdin>:3"
    assert problem.code == msg.JSON_INVALID.code


def test_inputs_stdin_text_only_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Unions marched in Seoul."))
    (article,) = read("-")
    assert isinstance(article, Article)
    assert article.text == "Unions marched in Seoul."


@pytest.mark.parametrize(
    ("data", "code"),
    [(b"", msg.EMPTY.code), (b"x" * 200, msg.TOO_LARGE.code), (b"\x00\x01", msg.BINARY.code)],
)
def test_inputs_stdin_bad(monkeypatch: pytest.MonkeyPatch, data: bytes, code: str) -> None:
    _stdin(monkeypatch, data)
    (problem,) = read("-", max_bytes=100)
    assert isinstance(problem, InputFailure)
    assert problem.source == "<stdin>"
    assert problem.code == code


HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>T</title></head><body><article>"
    "<p>Dockers in Gdansk struck on Monday over pay and night shifts.</p></article></body></html>"
)
ATOM_FEED = (
    '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>e1</id>'
    "<summary>Dockers in Gdansk struck on Monday.</summary></entry></feed>"
)


@pytest.mark.parametrize(
    ("name", "start", "text"),
    [
        ("page.html", HTML_PAGE, "Dockers in Gdansk struck on Monday over pay and night shifts."),
        ("page", HTML_PAGE, "Dockers in Gdansk struck on Monday over pay and night shifts."),
        ("feed.atom", ATOM_FEED, "Dockers in Gdansk struck on Monday."),
        ("feed", ATOM_FEED, "Dockers in Gdansk struck on Monday."),
        ("dump.dat", '{"text": "From a .dat file."}\n', "From a .dat file."),
        ("notes", "<p> is how a paragraph starts.", "<p> is how a paragraph starts."),
    ],
)
def test_inputs_format_by_ending_then_sniffing(
    tmp_path: Path, name: str, start: str, text: str
) -> None:
    (tmp_path / name).write_text(start, encoding="utf-8")
    items = read(tmp_path / name)
    assert not failures(items)
    assert [article.text for article in articles(items)] == [text]


def test_inputs_unreadable_file_gives_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Secret.", encoding="utf-8")
    real_open = builtins.open

    def deny(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", deny)
    (problem,) = read(path)
    assert isinstance(problem, InputFailure)
    assert problem.code == msg.UNREADABLE.code
    assert "Permission denied" in problem.problem


def test_inputs_non_positive_limit_is_a_usage_error() -> None:
    with pytest.raises(ValueError, match="max_bytes"):
        read_inputs([], reference_date=None, max_bytes=0)


def test_inputs_stream_lazily(tmp_path: Path) -> None:
    for index in range(3):
        (tmp_path / f"{index}.txt").write_text(f"Story {index}.", encoding="utf-8")
    stream = read_inputs([str(tmp_path)], reference_date=None, max_bytes=MB, today=TODAY)
    first = next(stream)
    assert isinstance(first, Article)
    assert first.text == "Story 0."


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    data=st.one_of(
        st.binary(max_size=300),
        st.text(max_size=200).map(lambda text: text.encode("utf-8", "surrogatepass")),
        st.lists(
            st.sampled_from(
                [
                    b"{",
                    b"}",
                    b'"text"',
                    b'"id"',
                    b'"date"',
                    b":",
                    b",",
                    b'"x"',
                    b"\n",
                    b"1",
                    b"null",
                    b"[",
                    b"]",
                    b"\xff",
                    b"\x00",
                    b" ",
                ]
            ),
            max_size=40,
        ).map(b"".join),
    ),
    name=st.sampled_from(["f.txt", "f.jsonl", "f", "f.md", "f.html"]),
)
def test_inputs_any_bytes_never_raise(tmp_path: Path, data: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    items = read(path, max_bytes=200)
    assert items
    for item in items:
        assert isinstance(item, Article | InputFailure | InputNote)
        if isinstance(item, Article):
            assert item.text.strip()
            assert item.content_hash.startswith("sha1:")
