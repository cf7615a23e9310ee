"""Fixtures for the GEO stage: one gazetteer per test session (default cache; built once)."""

from __future__ import annotations

import pytest

from eventwire.geo.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The gazetteer from the default cache (built on first use, ~20 s; later loads < 1 s)."""
    return Gazetteer.load()
