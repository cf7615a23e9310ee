"""Score event types against one-event-per-sentence gold records (the PLOVER-GSR format).

Per record the prediction is the type of the system's most confident event (first on a tie),
``NONE`` without events. Accuracy: the prediction is an accepted gold type (``NONE`` only where
the gold lists it). Macro-F1 averages per-class F1 over the gold classes: the PLOVER types with
gold support, ``NONE`` if some record's class is ``NONE``, then any other gold label; a record's
class is its prediction when right, else its first gold type. Actor accuracy is scored where
the gold actor is a country (three letters, not a PLOVER non-state code).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.evaluation.common import Ratio, as_tuple, harmonic, read_jsonl
from eventwire.evaluation.system import SystemActor, SystemDocument, SystemEvent
from eventwire.model import Plover

NONE = "NONE"
# PLOVER's codes for actors that are not states: never scored as a country actor.
NON_STATE_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})


@dataclass(frozen=True, slots=True)
class TypeRecord:
    id: str
    text: str
    types: tuple[str, ...]  # accepted types, upper case; the first is the primary class
    mode: str | None
    actor: frozenset[str] | None  # accepted codes when the gold actor is a country
    recipient: frozenset[str] | None
    event_text: str | None


def _country_codes(entity: Any, extra: Any) -> frozenset[str] | None:
    if not isinstance(entity, dict):
        return None
    code = entity.get("code")
    if not (isinstance(code, str) and len(code) == 3 and code.isalpha()):
        return None
    if code.upper() in NON_STATE_CODES:
        return None
    return frozenset({code.upper()} | {str(c).upper() for c in as_tuple(extra)})


def load_type_records(path: Path) -> tuple[TypeRecord, ...]:
    out = []
    for n, raw in enumerate(read_jsonl(path), 1):
        types = tuple(str(t).upper() for t in as_tuple(raw.get("type")))
        if not types or "id" not in raw:
            raise InputError(f"{path}:{n}", "a gold record needs an 'id' and a 'type'.")
        mode = raw.get("mode")
        out.append(
            TypeRecord(
                id=str(raw["id"]),
                text=str(raw.get("text") or ""),
                types=types,
                mode=str(mode) if mode else None,
                actor=_country_codes(raw.get("actor"), raw.get("actor_codes")),
                recipient=_country_codes(raw.get("recipient"), raw.get("recipient_codes")),
                event_text=raw.get("event_text")
                if isinstance(raw.get("event_text"), str)
                else None,
            )
        )
    return tuple(out)


@dataclass(frozen=True, slots=True)
class ClassScore:
    label: str
    support: int
    predicted: int
    correct: int
    averaged: bool  # one of the classes macro-F1 averages over

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.correct / self.support if self.support else None

    @property
    def f1(self) -> float:
        return harmonic(self.precision, self.recall)


@dataclass(frozen=True, slots=True)
class TypeMiss:
    """One record whose type is wrong: what the top event was and which rules made it."""

    id: str
    text: str
    gold: tuple[str, ...]
    predicted: str
    trigger: str | None
    rules: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Confusion:
    gold: str
    predicted: str
    count: int


@dataclass(frozen=True, slots=True)
class TypesReport:
    name: str
    n: int
    accuracy: Ratio
    classes: tuple[ClassScore, ...]
    actor: Ratio
    recipient: Ratio
    mode: Ratio
    missing_in_output: int
    confusions: tuple[Confusion, ...]
    errors: tuple[TypeMiss, ...] = ()

    @property
    def macro_f1(self) -> float | None:
        averaged = [c for c in self.classes if c.averaged]
        return sum(c.f1 for c in averaged) / len(averaged) if averaged else None

    @property
    def weighted_f1(self) -> float | None:
        if not self.n:
            return None
        return sum(c.f1 * c.support for c in self.classes if c.averaged) / self.n


def _actor_ok(wanted: frozenset[str], actor: SystemActor | None) -> bool:
    if actor is None:
        return False
    got = {x.upper() for x in (actor.country, actor.code) if x}
    return bool(wanted & got)


def _class_order(support: Counter[str]) -> list[str]:
    plover = [t.value for t in Plover if support[t.value]]
    none = [NONE] if support[NONE] else []
    others = sorted(c for c in support if c not in plover and c != NONE)
    return plover + none + others


def score_types(
    name: str, records: Sequence[TypeRecord], output: Mapping[str, SystemDocument]
) -> TypesReport:
    """Score the output documents (by article id) against the records; absent ones have no
    events."""
    pairs: list[tuple[str, str]] = []  # (gold class, prediction)
    right = actor_right = actor_n = recipient_right = recipient_n = mode_right = mode_n = 0
    errors: list[TypeMiss] = []
    for rec in records:
        doc = output.get(rec.id)
        top: SystemEvent | None = doc.top_event() if doc is not None else None
        predicted = (top.type or NONE) if top is not None else NONE
        ok = predicted in rec.types
        right += ok
        pairs.append((predicted if ok else rec.types[0], predicted))
        if not ok:
            errors.append(
                TypeMiss(
                    rec.id, rec.text, rec.types, predicted,
                    top.trigger if top else None, top.rules if top else (),
                )
            )  # fmt: skip
        if rec.actor is not None:
            actor_n += 1
            actor_right += _actor_ok(rec.actor, top.source if top else None)
        if rec.recipient is not None:
            recipient_n += 1
            recipient_right += _actor_ok(rec.recipient, top.target if top else None)
        if rec.mode:
            mode_n += 1
            mode_right += top is not None and (top.mode or "").lower() == rec.mode.lower()
    support = Counter(g for g, _ in pairs)
    predicted_n = Counter(p for _, p in pairs)
    correct = Counter(g for g, p in pairs if g == p)
    averaged = _class_order(support)
    labels = averaged + sorted(p for p in predicted_n if p not in averaged)
    classes = tuple(
        ClassScore(c, support[c], predicted_n[c], correct[c], c in averaged) for c in labels
    )
    confusion = Counter((g, p) for g, p in pairs if g != p)
    return TypesReport(
        name=name,
        n=len(records),
        accuracy=Ratio(right, len(records)),
        classes=classes,
        actor=Ratio(actor_right, actor_n),
        recipient=Ratio(recipient_right, recipient_n),
        mode=Ratio(mode_right, mode_n),
        missing_in_output=sum(1 for r in records if r.id not in output),
        confusions=tuple(
            Confusion(g, p, k)
            for (g, p), k in sorted(confusion.items(), key=lambda x: (-x[1], x[0]))[:15]
        ),
        errors=tuple(errors),
    )
