"""Markup helpers: HTML fragments to paragraphs, HTML page decoding."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.ingest.decode import Decoded
from eventwire.ingest.markup import decode_html, fragment_to_text, plain_to_text


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
        ("Line one<br/>line two", "Line one\n\nline two"),
        ("<ul><li>First</li><li>Second</li></ul>", "First\n\nSecond"),
        ("<p>Tom &amp; Jerry &#8212; <b>bold</b> words</p>", "Tom & Jerry \u2014 bold words"),
        ("<p>Kept</p><script>dropped()</script><style>p{}</style>", "Kept"),
        ("<p>  spread\n   over   lines </p>", "spread over lines"),
        ("plain words", "plain words"),
        ("<![foo[ odd ]]><p>Still read</p>", "Still read"),  # html.parser raises on this
        ("", ""),
    ],
)
def test_markup_fragment_to_text(fragment: str, text: str) -> None:
    assert fragment_to_text(fragment) == text


def test_markup_plain_text_paragraphs() -> None:
    assert plain_to_text("One\nline.\n\n\n Two. ") == "One line.\n\nTwo."


def test_markup_decode_html_declared_charset() -> None:
    page = '<meta charset="windows-1250"><p>Łódź</p>'.encode("cp1250")
    decoded = decode_html(page)
    assert isinstance(decoded, Decoded)
    assert "Łódź" in decoded.text
    assert decoded.bad_offset is None


def test_markup_decode_html_unknown_charset_falls_back() -> None:
    decoded = decode_html(b'<meta charset="klingon"><p>caf\xe9</p>')
    assert isinstance(decoded, Decoded)
    assert "café" in decoded.text
    assert decoded.bad_offset is not None


def test_markup_decode_html_binary() -> None:
    assert decode_html(b"<p>\x00\x00</p>") == "it contains NUL bytes"


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/!-[]&;#xp ab\n\"'=")), max_size=80))
def test_markup_fragment_to_text_never_raises(fragment: str) -> None:
    text = fragment_to_text(fragment)
    assert text == text.strip()
    assert "\n\n\n" not in text
