"""`Pipeline.load` and the garbage collector: frozen for eventwire's own processes, left alone
for programs that embed eventwire."""

from __future__ import annotations

import gc

import pytest

from eventwire.config import Settings
from eventwire.pipeline import Pipeline


@pytest.mark.model
def test_pipeline_load_freezes_unless_asked_not_to() -> None:
    gc.collect()
    before = gc.get_freeze_count()
    Pipeline.load(Settings(), freeze=False)
    assert gc.get_freeze_count() == before
    Pipeline.load(Settings())
    assert gc.get_freeze_count() > before
