"""Loading the PLOVER lexicon: validation errors name the place and id; user files override."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.coding.lexicon import load_lexicon, parse_entry
from eventwire.errors import KnowledgeError
from eventwire.model import Plover


def _write(tmp_path: Path, body: str, name: str = "user.yaml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "entries:\n"
            "  - {id: my.one, type: ASSAULT, verb: pummel}\n"
            "  - {id: my.one, type: ASSAULT, verb: thrash}\n",
            r"entry 2: lexicon id 'my\.one' is already used by entry 1",
        ),
        (
            "entries:\n  - {id: my.x, type: ASSAULT, verb: pummel, lemma: x}\n",
            r"my\.x.*unknown keys \['lemma'\]",
        ),
        (
            "entries:\n  - {id: my.x, type: FIGHT, verb: pummel}\n",
            r"my\.x.*'FIGHT' is not a PLOVER type",
        ),
        ("entries:\n  - {type: ASSAULT, verb: pummel}\n", r"entry 1: entry has no 'id'"),
        ("entries:\n  - {id: my.x, type: ASSAULT}\n", r"my\.x.*exactly one of 'verb' or 'noun'"),
        (
            "entries:\n  - {id: my.x, type: ASSAULT, verb: a, noun: b}\n",
            "exactly one of 'verb' or 'noun'",
        ),
        (
            "entries:\n  - {id: my.x, type: ASSAULT, verb: a, object_role: victim}\n",
            "object_role must be",
        ),
        ("entries:\n  - just a string\n", "an entry must be a mapping"),
        ("- a list, not a mapping\n", "must be a mapping with 'entries'"),
        ("entries: [unclosed\n", "not valid YAML"),
        (
            "mode_cues:\n  - {id: c.x, type: ASSAULT, words: [club]}\n",
            "needs id, type, mode and words",
        ),
    ],
)
def test_bad_user_file_is_reported(tmp_path: Path, body: str, message: str) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(KnowledgeError, match=message) as info:
        load_lexicon(extra=(path,))
    assert str(path) in str(info.value)


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="cannot read"):
        load_lexicon(extra=(tmp_path / "absent.yaml",))


def test_user_entry_overrides_by_id(tmp_path: Path) -> None:
    base = load_lexicon()
    path = _write(
        tmp_path,
        "entries:\n"
        "  - {id: assault.kill, type: ASSAULT, verb: kill, mode: targeted, confidence: 0.4}\n",
        "override.yaml",
    )
    lexicon = load_lexicon(extra=(path,))
    (entry,) = [e for e in lexicon.entries if e.id == "assault.kill"]
    assert (entry.mode, entry.confidence, entry.not_subjects) == ("targeted", 0.4, ())
    assert len(lexicon.entries) == len(base.entries)
    assert lexicon.version == base.version + "+override"
    # the shipped lexicon is untouched
    (shipped,) = [e for e in load_lexicon().entries if e.id == "assault.kill"]
    assert shipped.mode is None


def test_user_entry_with_a_new_id_is_added(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "entries:\n  - {id: my.pummel, type: assault, verb: Pummel, mode: beat}\n"
    )
    lexicon = load_lexicon(extra=(path,))
    assert len(lexicon.entries) == len(load_lexicon().entries) + 1
    (entry,) = lexicon.lookup("pummel", "verb")
    assert (entry.id, entry.type, entry.mode) == ("my.pummel", Plover.ASSAULT, "beat")


def test_user_mode_cue_overrides_by_id(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "mode_cues:\n"
        "  - {id: mode.drone, type: ASSAULT, mode: aerial, words: [drone], priority: 1}\n",
    )
    cues = {c.id: c for c in load_lexicon(extra=(path,)).mode_cues}
    assert (cues["mode.drone"].mode, cues["mode.drone"].priority) == ("aerial", 1)


def test_parse_entry_reads_every_constraint() -> None:
    raw = {
        "id": "x.y",
        "type": "consult",
        "verb": "Hold",
        "mode": "visit",
        "particle": "up",
        "prep": "with",
        "object": ["Talks", "meeting"],
        "not_object": "football",
        "target_prep": ["with"],
        "object_role": "none",
        "complement": ["meet"],
        "subject": ["envoy"],
        "not_subject": ["team"],
        "host_source": True,
        "confidence": 0.5,
        "context": ["diplomatic"],
        "note": "free text",
    }
    entry = parse_entry(raw, "here")
    assert entry.type is Plover.CONSULT and entry.lemma == "hold" and entry.pos == "verb"
    assert entry.objects == ("talks", "meeting") and entry.not_objects == ("football",)
    assert entry.complements == ("meet",) and entry.subjects == ("envoy",)
    assert entry.not_subjects == ("team",) and entry.object_role == "none"
    assert entry.host_source and entry.confidence == 0.5 and entry.context == ("diplomatic",)
    assert entry.specificity == 5


def test_more_specific_entries_are_tried_first() -> None:
    entries = load_lexicon().lookup("hold", "verb")
    assert [e.specificity for e in entries] == sorted(
        (e.specificity for e in entries), reverse=True
    )
