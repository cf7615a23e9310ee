"""Analysts' corrections: which fields can be corrected, how values are read, how they apply.

A correction is stored apart from the machine's coding (table ``corrections``, with who and
when) and applied on top of it whenever an event is written, so it survives ``--recode`` and
re-ingest. FIELD names are paths into the event record of the contract: ``type``,
``source.code``, ``date.value``, ``location.lat``... A value ``null`` (or empty) clears it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from eventwire.model import Factuality, Plover
from eventwire.store.errors import CorrectionError

Action = str  # "set", "reject" or "restore"


def _text(value: str) -> str:
    return value


def _upper(value: str) -> str:
    return value.upper()


def _plover(value: str) -> str:
    try:
        return Plover(value.upper()).value
    except ValueError:
        raise ValueError(
            f"not a PLOVER type; one of {', '.join(p.value for p in Plover)}"
        ) from None


def _factuality(value: str) -> str:
    try:
        return Factuality(value.lower()).value
    except ValueError:
        choices = ", ".join(f.value for f in Factuality)
        raise ValueError(f"not a factuality; one of {choices}") from None


def _day(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError("not a date; write YYYY-MM-DD") from None


def _country(value: str) -> str:
    if len(value) != 3 or not value.isalpha():
        raise ValueError("not an ISO 3166 alpha-3 country code (e.g. TUR)")
    return value.upper()


def _latitude(value: str) -> float:
    number = float(value)
    if not -90 <= number <= 90:
        raise ValueError("latitude must be between -90 and 90")
    return number


def _longitude(value: str) -> float:
    number = float(value)
    if not -180 <= number <= 180:
        raise ValueError("longitude must be between -180 and 180")
    return number


def _count(value: str) -> int:
    number = int(value)
    if number < 0:
        raise ValueError("must not be negative")
    return number


def _mode(value: str) -> str:
    return value.lower()


_ACTOR: dict[str, Callable[[str], Any]] = {
    "code": _upper,
    "name": _text,
    "country": _country,
    "sector": _upper,
}
FIELDS: Mapping[str, Callable[[str], Any]] = {
    "type": _plover,
    "mode": _mode,
    "factuality": _factuality,
    **{f"source.{k}": v for k, v in _ACTOR.items()},
    **{f"target.{k}": v for k, v in _ACTOR.items()},
    "date.value": _day,
    "date.from": _day,
    "date.to": _day,
    "location.name": _text,
    "location.country": _country,
    "location.admin1": _text,
    "location.lat": _latitude,
    "location.lon": _longitude,
    "fatalities": _count,
}
_NULLABLE = frozenset(FIELDS) - {"type", "factuality"}


@dataclass(frozen=True, slots=True)
class Correction:
    """One stored correction: set a field, reject the event, or restore a rejected one."""

    id: int
    event_id: str
    action: Action
    field: str | None
    value: Any  # the parsed value (None clears the field)
    author: str
    created_at: dt.datetime
    note: str | None = None

    def record(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "field": self.field,
            "value": self.value,
            "by": self.author,
            "at": self.created_at.isoformat(timespec="seconds") + "Z",
            "note": self.note,
        }


def parse_assignment(text: str) -> tuple[str, Any]:
    """``FIELD=VALUE`` -> (field, parsed value); raise ``CorrectionError`` naming the fix."""
    name, sep, raw = text.partition("=")
    name = name.strip()
    if not sep or not name:
        raise CorrectionError(f"'{text}': write a correction as FIELD=VALUE, e.g. type=PROTEST.")
    if name not in FIELDS:
        raise CorrectionError(f"'{name}' cannot be corrected; fields: {', '.join(sorted(FIELDS))}.")
    raw = raw.strip()
    if raw.lower() in {"", "null", "none"}:
        if name not in _NULLABLE:
            raise CorrectionError(f"'{name}' cannot be empty.")
        return name, None
    try:
        return name, FIELDS[name](raw)
    except ValueError as exc:
        raise CorrectionError(f"{name}={raw}: {exc}.") from None


def encode_value(value: Any) -> str:
    return json.dumps(value)


def decode_value(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def apply(
    record: Mapping[str, Any], corrections: Iterable[Correction]
) -> tuple[dict[str, Any], bool]:
    """The event record with the corrections applied in order, and whether it is rejected.

    The record gains ``review``: ``{"status": "corrected"|"rejected", "corrections": [...]}``
    when at least one correction applies, so every view shows what people changed.
    """
    out = json.loads(json.dumps(record))  # a deep copy
    rejected = False
    history: list[dict[str, Any]] = []
    for c in corrections:
        if c.action == "reject":
            rejected = True
        elif c.action == "restore":
            rejected = False
        elif c.field is not None:
            _set(out, c.field, c.value)
        history.append(c.record())
    if history:
        out["review"] = {
            "status": "rejected" if rejected else "corrected",
            "corrections": history,
        }
    return out, rejected


def _set(record: dict[str, Any], path: str, value: Any) -> None:
    head, _, leaf = path.partition(".")
    if not leaf:
        record[head] = value
        if head == "fatalities" and value is not None:
            record["fatalities_text"] = None
        return
    part = record.get(head)
    if not isinstance(part, dict):
        part = {}
        record[head] = part
    if head == "date" and value is not None:  # one day or a range, never both
        if leaf == "value":
            part.pop("from", None)
            part.pop("to", None)
        elif "value" in part:
            day = part.pop("value")
            part.setdefault("from", day)
            part.setdefault("to", day)
    part[leaf] = value
