"""Read eventwire's YAML knowledge files the YAML 1.2 way: only true/false are booleans.

PyYAML follows YAML 1.1, where ``on``, ``off``, ``yes``, ``no`` (and so Norway's code ``NO``)
load as booleans, which silently breaks a preposition list like ``[on, against]``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from eventwire.errors import KnowledgeError

_BASE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class KnowledgeLoader(_BASE_LOADER):  # type: ignore[misc,valid-type]
    """SafeLoader (libyaml's C one when available) whose booleans are only ``true`` and
    ``false``."""


KnowledgeLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
KnowledgeLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def load_yaml_text(text: str) -> Any:
    return yaml.load(text, Loader=KnowledgeLoader)  # noqa: S506 - a SafeLoader subclass


def read_yaml(path: Path) -> Any:
    """Load one knowledge file; errors name the file and say what is wrong."""
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=KnowledgeLoader)  # noqa: S506 - a SafeLoader subclass
    except OSError as exc:
        raise KnowledgeError(f"{path}: cannot read ({exc.strerror}).") from exc
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path}: not valid YAML: {exc}") from exc
