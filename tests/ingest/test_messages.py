"""The message catalogue: unique codes, each one documented in docs/ingest.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.ingest import messages as msg

DOCS = Path(__file__).resolve().parents[2] / "docs" / "ingest.md"
CATALOGUE = [value for value in vars(msg).values() if isinstance(value, msg.Message)]


def test_messages_codes_unique() -> None:
    codes = [message.code for message in CATALOGUE]
    assert len(codes) == len(set(codes))
    assert len(codes) >= 15


@pytest.mark.parametrize("message", CATALOGUE, ids=lambda message: message.code)
def test_messages_documented(message: msg.Message) -> None:
    assert f"`{message.code}`" in DOCS.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("size", "text"), [(512, "512 bytes"), (20 * msg.MB, "20.0 MB"), (msg.MB // 2, "0.5 MB")]
)
def test_messages_megabytes(size: int, text: str) -> None:
    assert msg.megabytes(size) == text


@pytest.mark.parametrize(("limit", "text"), [(10 * msg.MB, "10"), (msg.MB // 2, "0.5")])
def test_messages_limit_mb(limit: int, text: str) -> None:
    assert msg.limit_mb(limit) == text
