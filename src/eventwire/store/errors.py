"""The store's errors: all are ``EventwireError`` subclasses, so the CLI prints one line.

StoreError              the database cannot be opened or used
├── StoreInUse          another process holds the DuckDB file's write lock
├── SchemaError         the database's schema is newer than this eventwire, or not migrated
├── UnknownEvent        no stored event has that id
└── CorrectionError     a correction names an unknown field or an invalid value
"""

from __future__ import annotations

from eventwire.errors import EventwireError


class StoreError(EventwireError):
    """The event store cannot be opened or used; the message names the database."""


class StoreInUse(StoreError):
    def __init__(self, where: str, detail: str = "") -> None:
        extra = f" ({detail})" if detail else ""
        super().__init__(
            f"database {where} is in use by another eventwire process{extra}. Wait for it to "
            f"finish, or use another --db (PostgreSQL allows several writers)."
        )
        self.where = where


class SchemaError(StoreError):
    """The schema version of the database does not match this eventwire."""


class UnknownEvent(StoreError):
    def __init__(self, event_id: str, where: str) -> None:
        super().__init__(
            f"no event '{event_id}' in {where}. List ids with 'eventwire events' "
            f"(ids of a re-coded article may have changed)."
        )
        self.event_id = event_id


class CorrectionError(StoreError):
    """A correction names a field that cannot be corrected, or gives an invalid value."""
