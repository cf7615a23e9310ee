"""``eventwire knowledge check``: validate every knowledge file the settings name.

The shipped files and the user's own (settings ``lexicon``, ``actors``,
``gazetteer_overlay``) are read by the same loaders the pipeline uses; every problem found is
reported with its file, line and entry id, so the user can fix the right line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from eventwire.config import Settings
from eventwire.errors import KnowledgeError


def check_knowledge(settings: Settings) -> list[str]:
    """All problems in the knowledge files (an empty list when every file is valid)."""
    from eventwire.coding.actor_dictionary import ActorDictionary
    from eventwire.coding.factuality import load_cues
    from eventwire.coding.lexicon import check_lexicon_file, default_lexicon_path
    from eventwire.coding.numbers import load_numbers
    from eventwire.geo import Gazetteer
    from eventwire.nlp.furniture import load_patterns
    from eventwire.time import load_time_lexicon

    problems: list[str] = []
    for path in (default_lexicon_path(), *settings.lexicon):
        problems += _missing(path) or check_lexicon_file(path)
    problems += [p for path in settings.actors for p in _missing(path)]
    problems += [p for path in settings.gazetteer_overlay for p in _missing(path)]
    cache = Path(settings.cache_dir) if settings.cache_dir else None
    loaders: list[Callable[[], object]] = [
        lambda: ActorDictionary.load(tuple(p for p in settings.actors if p.is_file())),
        lambda: Gazetteer.load(cache, tuple(p for p in settings.gazetteer_overlay if p.is_file())),
        load_cues,
        load_patterns,
        load_numbers,
        load_time_lexicon,
    ]
    for load in loaders:
        try:
            load()
        except KnowledgeError as exc:
            problems.append(str(exc))
    return problems


def _missing(path: Path) -> list[str]:
    if path.is_file():
        return []
    return [f"{path}: no such knowledge file. Check the path in eventwire.toml or EVENTWIRE_*."]
