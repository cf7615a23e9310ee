"""Command groups of the ``eventwire`` CLI beyond ``extract``, one module per area.

Each module defines ``register(app: typer.Typer) -> None`` and imports nothing heavy at
module level (models, databases and data load inside the command functions).
"""

from __future__ import annotations

import importlib
import pkgutil

import typer


def register_all(app: typer.Typer) -> None:
    """Register every command module of this package, in name order."""
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        module.register(app)
