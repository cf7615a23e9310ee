"""The time vocabulary file: the packaged one loads; malformed ones fail with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from eventwire.errors import KnowledgeError
from eventwire.time import load_time_lexicon
from eventwire.time.lexicon import default_path


def test_time_lexicon_packaged_file_loads() -> None:
    lex = load_time_lexicon()
    assert [m.number for m in lex.months] == list(range(1, 13))
    assert [w.number for w in lex.weekdays] == list(range(7))
    assert lex.month_number("Sept.") == 9
    assert lex.month_number("JULY") == 7
    assert lex.month_number("Jully") is None
    assert lex.number("two") == 2 and lex.number("12") == 12
    ids = [e.id for e in lex.anchored] + [e.id for e in lex.reference_days]
    assert len(ids) == len(set(ids))


def _write(tmp_path: Path, change: dict[str, object]) -> Path:
    raw = yaml.safe_load(default_path().read_text(encoding="utf-8"))
    raw.update(change)
    path = tmp_path / "time.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    return path


def test_time_lexicon_rejects_duplicate_id(tmp_path: Path) -> None:
    raw = yaml.safe_load(default_path().read_text(encoding="utf-8"))
    anchored = raw["anchored"] + [dict(raw["anchored"][0])]
    with pytest.raises(KnowledgeError, match="time.next-day"):
        load_time_lexicon(_write(tmp_path, {"anchored": anchored}))


def test_time_lexicon_rejects_unknown_unit(tmp_path: Path) -> None:
    entry = {"id": "time.x", "unit": "fortnight", "offset": 1, "phrases": ["x"]}
    with pytest.raises(KnowledgeError, match="unit"):
        load_time_lexicon(_write(tmp_path, {"anchored": [entry]}))


def test_time_lexicon_rejects_missing_file(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="cannot read"):
        load_time_lexicon(tmp_path / "absent.yaml")
