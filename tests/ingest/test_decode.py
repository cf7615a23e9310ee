"""Bytes to text: binary spotting and the UTF-8, cp1252, latin-1 fallback chain."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.ingest.decode import binary_reason, decode, decode_document


@pytest.mark.parametrize(
    ("data", "encoding", "offset"),
    [
        ("Łódź".encode(), "utf-8", None),
        (b"caf\xe9", "cp1252", 3),
        (b"\x93quoted\x94", "cp1252", 0),
        (b"ab\x81", "latin-1", 2),
    ],
)
def test_decode_fallback_chain(data: bytes, encoding: str, offset: int | None) -> None:
    decoded = decode(data)
    assert decoded.encoding == encoding
    assert decoded.bad_offset == offset
    assert decoded.fell_back is (offset is not None)


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        (b"plain\ttext\r\n", False),
        (b"\x1b[1mbold\x1b[0m", False),
        (b"a\x00b", True),
        (b"\x01\x02\x03\x04text", True),
        (b"", False),
    ],
)
def test_decode_binary_reason(data: bytes, binary: bool) -> None:
    assert (binary_reason(data) is not None) is binary


def test_decode_document_utf16_with_mark() -> None:
    decoded = decode_document(codecs.BOM_UTF16_LE + "Kyiv".encode("utf-16-le"))
    assert not isinstance(decoded, str)
    assert decoded.text == "Kyiv"


@given(st.binary(max_size=200))
def test_decode_never_raises(data: bytes) -> None:
    decoded = decode(data)
    assert isinstance(decoded.text, str)


@given(st.text(max_size=100))
def test_decode_utf8_round_trips(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return  # lone surrogates are not UTF-8
    assert decode(data).text == text
