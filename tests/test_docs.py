"""Every setting and every command is documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.cli import app
from eventwire.config import SETTINGS_HELP

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.mark.parametrize("name", sorted(SETTINGS_HELP))
def test_setting_is_documented(name: str) -> None:
    text = (DOCS / "configuration.md").read_text(encoding="utf-8")
    assert f"`{name}`" in text and f"EVENTWIRE_{name.upper()}" in text


def command_names() -> list[str]:
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    for group in app.registered_groups:
        sub = group.typer_instance
        names += [f"{group.name} {c.name}" for c in sub.registered_commands if c.name]
    return names


@pytest.mark.parametrize("name", command_names())
def test_command_is_documented(name: str) -> None:
    assert f"eventwire {name}" in (DOCS / "cli.md").read_text(encoding="utf-8")
