"""How stored events look on a terminal and in CSV: tables, the ``show`` view, stats.

Presentation only; the commands call these with what the ``Store`` returned.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from eventwire.store.corrections import Correction
from eventwire.store.store import Stats, StoredEvent

CSV_COLUMNS = (
    "id", "article_id", "date_from", "date_to", "date_precision", "type", "mode", "factuality",
    "source_code", "source_name", "source_country", "target_code", "target_name",
    "target_country", "location", "country", "admin1", "lat", "lon", "fatalities",
    "confidence", "review", "trigger", "evidence",
)  # fmt: skip


def flat(event: StoredEvent) -> dict[str, Any]:
    """One CSV row: the event's main fields, actors and location flattened."""
    r = event.record
    source = r.get("source") or {}
    target = r.get("target") or {}
    date = r.get("date") or {}
    loc = r.get("location") or {}
    review = r.get("review") or {}
    return {
        "id": event.id,
        "article_id": event.article_id,
        "date_from": date.get("value") or date.get("from"),
        "date_to": date.get("value") or date.get("to"),
        "date_precision": date.get("precision"),
        "type": r.get("type"),
        "mode": r.get("mode"),
        "factuality": r.get("factuality"),
        "source_code": source.get("code"),
        "source_name": source.get("name"),
        "source_country": source.get("country"),
        "target_code": target.get("code"),
        "target_name": target.get("name"),
        "target_country": target.get("country"),
        "location": loc.get("name"),
        "country": loc.get("country"),
        "admin1": loc.get("admin1"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "fatalities": r.get("fatalities"),
        "confidence": r.get("confidence"),
        "review": review.get("status"),
        "trigger": (r.get("trigger") or {}).get("text"),
        "evidence": (r.get("evidence") or {}).get("text"),
    }


def write_csv(events: Iterable[StoredEvent], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for event in events:
        writer.writerow(flat(event))
        n += 1
    return n


def write_jsonl(events: Iterable[StoredEvent], out: TextIO) -> int:
    n = 0
    for event in events:
        out.write(json.dumps(event.to_json(), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_json(events: Iterable[StoredEvent], out: TextIO) -> int:
    items = [event.to_json() for event in events]
    json.dump(items, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return len(items)


def _actor(a: dict[str, Any] | None) -> str:
    if not a:
        return ""
    return str(a.get("code") or a.get("name") or "")


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def events_table(events: Iterable[StoredEvent]) -> Table:
    table = Table(show_lines=False, header_style="bold")
    for name in ("id", "date", "type", "mode", "source", "target", "location", "fact.", "evidence"):
        table.add_column(name, overflow="fold" if name == "id" else "ellipsis")
    for event in events:
        row = flat(event)
        date = row["date_from"] or ""
        if row["date_to"] and row["date_to"] != row["date_from"]:
            date += f"..{row['date_to']}"
        loc = ", ".join(x for x in (row["location"], row["country"]) if x)
        style = "dim strike" if event.rejected else ("yellow" if event.corrected else None)
        table.add_row(
            event.id,
            date,
            row["type"],
            row["mode"] or "",
            _actor(event.record.get("source")),
            _actor(event.record.get("target")),
            loc,
            row["factuality"],
            _clip(row["evidence"] or "", 60),
            style=style,
        )
    return table


def highlighted_sentence(record: dict[str, Any]) -> Text:
    """The evidence sentence with the trigger in bold reverse and argument spans underlined."""
    evidence = record.get("evidence") or {}
    base = int(evidence.get("start", 0))
    text = Text(str(evidence.get("text", "")))
    spans: list[tuple[dict[str, Any] | None, str]] = [
        ((record.get("source") or {}).get("span"), "underline cyan"),
        ((record.get("target") or {}).get("span"), "underline magenta"),
        ((record.get("date") or {}).get("span"), "underline green"),
        ((record.get("location") or {}).get("span"), "underline blue"),
        (record.get("trigger"), "bold reverse"),
    ]
    for span, style in spans:
        if span and "start" in span:
            start, end = int(span["start"]) - base, int(span["end"]) - base
            if 0 <= start < end <= len(text):
                text.stylize(style, start, end)
    return text


def _span(span: dict[str, Any] | None) -> str:
    if not span:
        return ""
    return f'"{span.get("text", "")}" [{span.get("start")}:{span.get("end")}]'


def _rules(rules: Iterable[str] | None) -> str:
    return ", ".join(rules or ())


def field_rows(record: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(field, value, span, rules) for every field of the event that the text supports."""
    out: list[tuple[str, str, str, str]] = []
    trigger = record.get("trigger")
    mode = f" / {record['mode']}" if record.get("mode") else ""
    out.append(("type", f"{record.get('type')}{mode}", _span(trigger), _rules(record.get("rules"))))
    for role in ("source", "target"):
        a = record.get(role)
        if a:
            value = " ".join(
                str(x)
                for x in (a.get("code"), a.get("name"), a.get("country"), a.get("sector"))
                if x
            )
            out.append((role, value, _span(a.get("span")), _rules(a.get("rules"))))
        else:
            out.append((role, "-", "", ""))
    out.append(("factuality", str(record.get("factuality")), "", ""))
    attr = record.get("attributed_to")
    if attr:
        out.append(("attributed_to", str(attr.get("text")), _span(attr.get("span")), ""))
    date = record.get("date")
    if date:
        value = date.get("value") or f"{date.get('from')}..{date.get('to')}"
        shown = f"{value} ({date.get('precision')})"
        out.append(("date", shown, _span(date.get("span")), _rules(date.get("rules"))))
    for i, loc in enumerate(record.get("locations") or [record.get("location")]):
        if not loc:
            continue
        value = ", ".join(
            str(x) for x in (loc.get("name"), loc.get("admin1"), loc.get("country")) if x
        )
        if loc.get("lat") is not None:
            value += f" ({loc['lat']:.4f}, {loc['lon']:.4f})"
        name = "location" if i == 0 else f"location {i + 1}"
        out.append((name, value, _span(loc.get("span")), _rules(loc.get("rules"))))
    if record.get("fatalities") is not None or record.get("fatalities_text"):
        out.append(
            ("fatalities", str(record.get("fatalities") or record.get("fatalities_text")), "", "")
        )
    for q in record.get("quantities") or []:
        out.append(
            (
                f"quantity: {q.get('what')}",
                f"{q.get('value')} {q.get('unit') or ''}".strip(),
                _span(q.get("span")),
                "",
            )
        )
    out.append(("confidence", f"{record.get('confidence')}", "", ""))
    return out


def print_event(
    console: Console, event: StoredEvent, history: list[Correction], machine: dict[str, Any]
) -> None:
    r = event.record
    status = "rejected" if event.rejected else ("corrected" if event.corrected else "as coded")
    console.print(f"[bold]{event.id}[/bold]  article {event.article_id}  ({status})")
    console.print(highlighted_sentence(r))
    table = Table(header_style="bold")
    for name in ("field", "value", "span", "rules"):
        table.add_column(name, overflow="fold")
    for row in field_rows(r):
        table.add_row(*row)
    console.print(table)
    if history:
        hist = Table(title="corrections", header_style="bold")
        for name in ("when (UTC)", "who", "change", "note"):
            hist.add_column(name, overflow="fold")
        for c in history:
            change = c.action if c.action != "set" else f"{c.field} = {json.dumps(c.value)}"
            if c.action == "set" and c.field:
                before = _lookup(machine, c.field)
                change += f"  (coded: {json.dumps(before)})"
            hist.add_row(c.created_at.isoformat(timespec="seconds"), c.author, change, c.note or "")
        console.print(hist)


def _lookup(record: dict[str, Any], path: str) -> Any:
    value: Any = record
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def stats_tables(stats: Stats) -> list[Table | str]:
    out: list[Table | str] = [
        f"{stats.articles} articles, {stats.events} events "
        f"({stats.rejected} rejected, {stats.corrections} corrections)"
    ]
    for title, pairs in (
        ("by type", stats.by_type),
        ("by country", stats.by_country),
        ("by month", stats.by_month),
    ):
        table = Table(title=title, header_style="bold")
        table.add_column(title.removeprefix("by "))
        table.add_column("events", justify="right")
        for key, n in pairs:
            table.add_row(key, str(n))
        out.append(table)
    return out
