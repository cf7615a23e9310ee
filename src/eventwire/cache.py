"""Where eventwire keeps what it derives from its data files (gazetteer index, actor
dictionary): a per-user cache folder, rebuilt whenever the files or eventwire change."""

from __future__ import annotations

import contextlib
import os
import pickle
import uuid
from pathlib import Path
from typing import Any


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("eventwire"))


def read_cached(path: Path) -> Any | None:
    """The object pickled at ``path``, or None when it is absent or unreadable."""
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None


def write_cached(path: Path, value: Any, *, family: str | None = None, keep: int = 4) -> None:
    """Pickle ``value`` to ``path`` atomically; a cache that cannot be written is skipped.

    With ``family`` (a file-name prefix such as ``"actors-"``), only the ``keep`` newest files
    of that family stay: each change of the data files makes a new one.
    """
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        return
    if family is not None:
        _prune(path.parent, family, keep)


def _prune(folder: Path, family: str, keep: int) -> None:
    try:
        found = sorted(folder.glob(f"{family}*.pickle"), key=lambda f: f.stat().st_mtime)
        for old in found[:-keep]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # another process pruned first: nothing to do
