"""Reports as JSON-ready data and as rich tables (the CLI prints them; nothing prints here)."""

from __future__ import annotations

import dataclasses
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from eventwire.evaluation.common import PRF, Ratio
from eventwire.evaluation.geo import GeoReport
from eventwire.evaluation.gold import CaseReport
from eventwire.evaluation.run import Report
from eventwire.evaluation.types import TypesReport


def _r(x: float | None, digits: int = 4) -> float | None:
    return None if x is None else round(x, digits)


def _fmt(x: float | None, digits: int = 4) -> str:
    return "n/a" if x is None else f"{x:.{digits}f}"


def _prf(p: PRF) -> dict[str, Any]:
    return {
        "precision": _r(p.precision), "recall": _r(p.recall), "f1": _r(p.f1),
        "tp": p.tp, "predicted": p.predicted, "gold": p.gold,
    }  # fmt: skip


def _ratio(r: Ratio) -> dict[str, Any]:
    return {"value": _r(r.value), "right": r.right, "total": r.total}


def to_json(report: Report, errors: bool = False) -> dict[str, Any]:
    """Every figure of the report; the per-error listings too with ``errors``."""
    if isinstance(report, CaseReport):
        out: dict[str, Any] = {
            "set": report.name, "kind": "case",
            "precision": _r(report.precision), "recall": _r(report.recall),
            "f1": _r(report.f1), "events": report.events.predicted,
            "required": report.events.gold, "matched_required": report.events.tp,
            "attributes": {k: _ratio(v) for k, v in report.attributes.items()},
            "places": _ratio(report.places),
            "not_places_used_as_location": report.not_places_used,
            "events_from_boilerplate": report.boilerplate_events,
            "missed": [m.id for m in report.missed],
        }  # fmt: skip
        if errors:
            out["unmatched_output"] = [dataclasses.asdict(u) for u in report.unmatched]
            out["attribute_misses"] = [dataclasses.asdict(m) for m in report.attribute_misses]
        return out
    if isinstance(report, TypesReport):
        out = {
            "set": report.name, "kind": "types", "n": report.n,
            "accuracy": _r(report.accuracy.value), "macro_f1": _r(report.macro_f1),
            "weighted_f1": _r(report.weighted_f1), "actor": _ratio(report.actor),
            "recipient": _ratio(report.recipient), "mode": _ratio(report.mode),
            "records_missing_in_output": report.missing_in_output,
            "per_type": {
                c.label: {
                    "precision": _r(c.precision), "recall": _r(c.recall), "f1": _r(c.f1),
                    "support": c.support, "predicted": c.predicted, "averaged": c.averaged,
                }
                for c in report.classes
            },
            "confusions": [dataclasses.asdict(c) for c in report.confusions],
        }  # fmt: skip
        if errors:
            out["errors"] = [dataclasses.asdict(e) for e in report.errors]
        return out
    out = {
        "set": report.name, "kind": "geo", "gold_spans": report.gold_spans,
        "literal_only": report.literal_only, "documents": report.documents,
        "documents_missing_in_output": report.missing_in_output,
        "recognition": _prf(report.recognition), "exact_span": _prf(report.exact_span),
        "acc161": _ratio(report.acc161), "exact_geonameid": _ratio(report.exact),
        "resolved": report.resolved, "mean_km": _r(report.mean_km, 1),
        "median_km": _r(report.median_km, 1), "auc": _r(report.auc),
        "by_type": [dataclasses.asdict(t) for t in report.by_type],
    }  # fmt: skip
    if errors:
        out["misses"] = [dataclasses.asdict(m) for m in report.misses]
        out["spurious"] = [dataclasses.asdict(s) for s in report.spurious]
    return out


def summary_line(report: Report) -> str:
    """One line with the headline figures, for logs and the docs."""
    if isinstance(report, CaseReport):
        a = report.attributes
        return (
            f"{report.name} F1={report.f1:.3f} P={report.precision:.3f} R={report.recall:.3f} "
            f"actors={a['actors']} dates={a['date']} locations={a['location']} "
            f"places={report.places}"
        )
    if isinstance(report, TypesReport):
        return (
            f"{report.name} acc={_fmt(report.accuracy.value)} macroF1={_fmt(report.macro_f1)} "
            f"weightedF1={_fmt(report.weighted_f1)} actor={_fmt(report.actor.value)} "
            f"recipient={_fmt(report.recipient.value)} mode={_fmt(report.mode.value)} "
            f"n={report.n}"
        )
    mode = "-gold-spans" if report.gold_spans else ""
    mode += "-literal" if report.literal_only else ""
    return (
        f"geo-{report.name}{mode} recogF1={report.recognition.f1:.4f} "
        f"recogP={report.recognition.precision:.4f} recogR={report.recognition.recall:.4f} "
        f"acc161={_fmt(report.acc161.value)} exact={_fmt(report.exact.value)} "
        f"meanKm={_fmt(report.mean_km, 1)} n={report.acc161.total}"
    )


def render(report: Report, errors: bool = False) -> RenderableType:
    """Tables of the figures, then (with ``errors``) the per-error listings."""
    if isinstance(report, CaseReport):
        parts = _case_tables(report, errors)
    elif isinstance(report, TypesReport):
        parts = _types_tables(report, errors)
    else:
        parts = _geo_tables(report, errors)
    return Group(*(_or_none(p) for p in parts))


def _or_none(part: RenderableType) -> RenderableType:
    """An empty listing says so in one line instead of drawing an empty table."""
    if isinstance(part, Table) and part.row_count == 0:
        return Text(f"{part.title}: none", style="dim")
    return part


def _listing(title: str, items: list[tuple[str, list[str]]]) -> RenderableType:
    """A titled list: one bold head line per error, indented detail lines under it."""
    if not items:
        return Text(f"{title}: none", style="dim")
    text = Text(f"{title} ({len(items)})\n", style="bold underline")
    for head, details in items:
        text.append(head + "\n", style="bold")
        for line in details:
            text.append(f"    {line}\n")
    return text


def _figures(title: str, rows: list[tuple[str, str, str]]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("over", justify="right")
    for row in rows:
        table.add_row(*row)
    return table


def _case_tables(r: CaseReport, errors: bool) -> list[RenderableType]:
    rows = [
        ("event precision", _fmt(r.precision, 3), str(r.events.predicted)),
        ("event recall", _fmt(r.recall, 3), str(r.events.gold)),
        ("event F1", _fmt(r.f1, 3), ""),
    ]
    rows += [(k, _fmt(v.value, 3), str(v)) for k, v in r.attributes.items()]
    rows += [
        ("places resolved", _fmt(r.places.value, 3), str(r.places)),
        ("not-places used as location", str(r.not_places_used), ""),
        ("events from boilerplate", str(r.boilerplate_events), ""),
    ]
    parts: list[RenderableType] = [_figures(f"case {r.name}", rows)]
    if errors:
        parts.append(
            _listing(
                "missed required events",
                [(f"{m.id}  {'/'.join(m.types)}", [f"evidence: {m.evidence}"]) for m in r.missed],
            )
        )
        parts.append(
            _listing(
                "unmatched system events (count against precision)",
                [
                    (
                        f"{u.type}  trigger {u.trigger!r}",
                        [f"rules: {' '.join(u.rules)}", f"evidence: {u.evidence}"],
                    )
                    for u in r.unmatched
                ],
            )
        )
        parts.append(
            _listing(
                "wrong attributes of matched required events",
                [(f"{a.event}  {a.attribute}", []) for a in r.attribute_misses],
            )
        )
    return parts


def _types_tables(r: TypesReport, errors: bool) -> list[RenderableType]:
    averaged = sum(1 for c in r.classes if c.averaged)
    rows = [
        ("type accuracy", _fmt(r.accuracy.value), str(r.accuracy)),
        ("macro-F1", _fmt(r.macro_f1), f"{averaged} classes"),
        ("weighted-F1", _fmt(r.weighted_f1), f"{r.n} records"),
        ("actor", _fmt(r.actor.value), str(r.actor)),
        ("recipient", _fmt(r.recipient.value), str(r.recipient)),
        ("mode", _fmt(r.mode.value), str(r.mode)),
        ("records missing in output", str(r.missing_in_output), ""),
    ]
    per = Table(title="per type", title_justify="left")
    for col in ("type", "P", "R", "F1", "gold", "pred"):
        per.add_column(col, justify="left" if col == "type" else "right")
    for c in r.classes:
        label = c.label if c.averaged else f"{c.label} (not a gold class)"
        per.add_row(
            label, _fmt(c.precision, 3), _fmt(c.recall, 3), _fmt(c.f1, 3),
            str(c.support), str(c.predicted),
        )  # fmt: skip
    confusion = Table(title="commonest errors", title_justify="left")
    for col in ("gold", "predicted", "count"):
        confusion.add_column(col)
    for k in r.confusions:
        confusion.add_row(k.gold, k.predicted, str(k.count))
    parts: list[RenderableType] = [_figures(f"types {r.name}", rows), per, confusion]
    if errors:
        parts.append(
            _listing(
                "wrong types (gold -> predicted, top event)",
                [
                    (
                        f"{e.id}  {'/'.join(e.gold)} -> {e.predicted}  trigger {e.trigger!r}",
                        [f"rules: {' '.join(e.rules) or '-'}", f"text: {e.text}"],
                    )
                    for e in r.errors
                ],
            )
        )
    return parts


def _geo_tables(r: GeoReport, errors: bool) -> list[RenderableType]:
    how = "gold spans (resolution only)" if r.gold_spans else "end to end"
    if r.literal_only:
        how += ", literal toponyms only"
    rows = [
        ("recognition P", _fmt(r.recognition.precision), str(r.recognition.predicted)),
        ("recognition R", _fmt(r.recognition.recall), str(r.recognition.gold)),
        ("recognition F1", _fmt(r.recognition.f1), ""),
        ("exact-span F1", _fmt(r.exact_span.f1), ""),
        ("acc@161km", _fmt(r.acc161.value), str(r.acc161)),
        ("exact GeoNames id", _fmt(r.exact.value), str(r.exact)),
        ("mean km", _fmt(r.mean_km, 1), f"{r.resolved} resolved"),
        ("median km", _fmt(r.median_km, 1), ""),
        ("AUC (lower is better)", _fmt(r.auc), ""),
    ]
    by_type = Table(title="by gold type", title_justify="left")
    for col in ("type", "n", "recall", "with coords", "acc@161km"):
        by_type.add_column(col, justify="left" if col == "type" else "right")
    for t in r.by_type:
        by_type.add_row(
            t.type, str(t.n), _fmt(t.found / t.n if t.n else None, 3), str(t.n_coord),
            _fmt(t.acc161 / t.n_coord if t.n_coord else None, 3),
        )  # fmt: skip
    parts: list[RenderableType] = [_figures(f"geo {r.name}: {how}", rows), by_type]
    if errors:
        misses = Table(title="toponyms not resolved within 161 km", title_justify="left")
        for col in ("doc", "toponym", "gold id", "predicted", "pred id", "km"):
            misses.add_column(col)
        for m in r.misses:
            p = m.predicted
            predicted = "(not recognised)" if p is None else f"{p.name} {p.country or ''}"
            misses.add_row(
                m.document, m.mention, str(m.gold_geonameid or ""), predicted,
                str(p.geonameid or "") if p else "", _fmt(m.km, 0),
            )  # fmt: skip
        spurious = _listing(
            "system places matching no gold toponym",
            [(f"{x.document}@{x.start}  {x.mention!r} -> {x.name or '-'}", []) for x in r.spurious],
        )
        parts += [misses, spurious]
    return parts
