"""User knowledge files: checked with file, line and id; used by the pipeline when named."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.knowledge import check_knowledge

from .cli_run import run_cli

BAD_LEXICON = """version: 1
entries:
  - {id: mine.riot, type: PROTEST, verb: riot, mode: riot}
  - {id: mine.bad, type: PROTESTS, verb: rally}
  - {id: mine.riot, type: PROTEST, verb: loot}
"""


def test_check_names_file_line_and_id_of_each_problem(tmp_path: Path) -> None:
    lexicon = tmp_path / "my_lexicon.yaml"
    lexicon.write_text(BAD_LEXICON, encoding="utf-8")
    problems = check_knowledge(Settings(lexicon=(lexicon,)))
    assert len(problems) == 2, problems
    assert problems[0].startswith(f"{lexicon}:4:") and "mine.bad" in problems[0]
    assert problems[1].startswith(f"{lexicon}:5:") and "mine.riot" in problems[1]


def test_check_reports_a_bad_overlay_row(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay.csv"
    overlay.write_text(
        "# version: 1\nid,kind,names,feature,country,lat,lon,target\n"
        "my.camp,place,Camp Nowhere,facility,KEN,95.0,37.0,\n",
        encoding="utf-8",
    )
    problems = check_knowledge(Settings(gazetteer_overlay=(overlay,)))
    assert any(f"{overlay}:3" in p and "my.camp" in p for p in problems), problems


def test_shipped_knowledge_is_valid() -> None:
    assert check_knowledge(Settings()) == []


def test_cli_check_exits_1_with_one_line_per_problem(tmp_path: Path) -> None:
    lexicon = tmp_path / "my_lexicon.yaml"
    lexicon.write_text(BAD_LEXICON, encoding="utf-8")
    result = run_cli("knowledge", "check", "--lexicon", str(lexicon))
    assert result.returncode == 1
    assert sum(line.startswith("error:") for line in result.stderr.splitlines()) == 2
    assert "Traceback" not in result.stderr


@pytest.mark.model
def test_user_lexicon_extends_the_coder(tmp_path: Path) -> None:
    lexicon = tmp_path / "extra.yaml"
    lexicon.write_text(
        "version: 1\nentries:\n  - {id: user.quarantine, type: COERCE, verb: quarantine, "
        "mode: restrict}\n",
        encoding="utf-8",
    )
    text = "Police quarantined the village on Monday."
    plain = run_cli("extract", "-", "--quiet", stdin=text)
    env = {**os.environ, "EVENTWIRE_LEXICON": str(lexicon)}
    extended = subprocess.run(
        [sys.executable, "-m", "eventwire", "extract", "-", "--quiet"],
        input=text, capture_output=True, text=True, env=env, check=False, timeout=300,
    )  # fmt: skip
    assert extended.returncode == 0, extended.stderr
    before = [e["type"] for e in json.loads(plain.stdout)["events"]]
    after = json.loads(extended.stdout)["events"]
    assert "COERCE" not in before
    assert [e["type"] for e in after] == ["COERCE"]
    assert "user.quarantine" in after[0]["rules"]


def test_check_reports_a_bad_groups_entry(tmp_path: Path) -> None:
    groups = tmp_path / "groups.yaml"
    groups.write_text(
        "version: 1\nsource: test\nlicense: CC0\nkind: groups\nentries:\n"
        "  - {id: mine.ok, spread: several, countries: [TUR, IRQ], names: [Zazas]}\n"
        "  - {id: mine.bad, spread: one, countries: [QQQ], names: [Quux]}\n",
        encoding="utf-8",
    )
    problems = check_knowledge(Settings(actors=(groups,)))
    assert any(f"{groups}:7" in p and "mine.bad" in p for p in problems), problems
