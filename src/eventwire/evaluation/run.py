"""Load a gold set, run the system on it, and score the output.

``load_set`` reads the gold (kind detected from the file), ``run_system`` runs eventwire on
it and keeps the output as the contract's JSON records (what ``eventwire extract`` writes),
``score`` turns those records into a report. ``evaluate`` does all three.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.config import Settings
from eventwire.errors import InputError
from eventwire.evaluation.case import GoldCase, load_case
from eventwire.evaluation.common import SetKind, detect_kind
from eventwire.evaluation.geo import GeoDocument, GeoReport, load_geo_documents, score_geo
from eventwire.evaluation.geo_run import Parser, geoparse_documents
from eventwire.evaluation.gold import CaseReport, score_case
from eventwire.evaluation.system import SystemDocument, SystemPlace
from eventwire.evaluation.types import TypeRecord, TypesReport, load_type_records, score_types
from eventwire.model import ParsedText

Report = CaseReport | TypesReport | GeoReport
Advance = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class EvalOptions:
    gold_spans: bool = False  # geo: resolve the gold toponym spans (resolution only)
    literal_only: bool = False  # geo: score literal gold toponyms only
    limit: int | None = None  # only the first N records or documents
    # "dev": records or documents at even positions (0, 2, ...), "held-out": at odd ones; rules
    # are developed on the dev half and checked on the held-out half (docs/quality.md)
    half: str | None = None


@dataclass(frozen=True, slots=True)
class EvalSet:
    path: Path
    kind: SetKind
    name: str
    case: GoldCase | None = None
    records: tuple[TypeRecord, ...] = ()
    documents: tuple[GeoDocument, ...] = ()

    @property
    def size(self) -> int:
        """Units the run goes through: the case's article, records or documents."""
        return 1 if self.kind is SetKind.CASE else len(self.records) + len(self.documents)


@dataclass(frozen=True, slots=True)
class SystemRun:
    """The system's output on a set, as the contract's JSON records."""

    records: tuple[dict[str, Any], ...]

    def documents(self) -> tuple[SystemDocument, ...]:
        return tuple(SystemDocument.from_record(r) for r in self.records)


def load_set(path: Path, options: EvalOptions = EvalOptions()) -> EvalSet:
    kind = detect_kind(path)
    stem = path.stem
    if options.gold_spans and kind is not SetKind.GEO:
        raise InputError(str(path), "--gold-spans applies to geoparsing sets only.")
    if options.limit is not None and options.limit < 1:
        raise InputError(str(path), f"--limit must be at least 1, not {options.limit}.")
    if options.half is not None and kind is SetKind.CASE:
        raise InputError(str(path), "--half applies to JSON Lines sets (records, documents).")
    if kind is SetKind.CASE:
        case = load_case(path)
        return EvalSet(path, kind, case.name, case=case)
    if options.half is not None:
        if options.half not in HALVES:
            raise InputError(str(path), f"--half must be dev or held-out, not {options.half!r}.")
        stem = f"{stem} ({options.half})"
    limit = options.limit
    if kind is SetKind.TYPES:
        return EvalSet(path, kind, stem, records=_half(load_type_records(path), options)[:limit])
    return EvalSet(path, kind, stem, documents=_half(load_geo_documents(path), options)[:limit])


HALVES = {"dev": 0, "held-out": 1}


def _half(items: tuple[Any, ...], options: EvalOptions) -> tuple[Any, ...]:
    return items if options.half is None else items[HALVES[options.half] :: 2]


def _noop(done: int) -> None:
    return None


def run_system(
    gold: EvalSet,
    settings: Settings,
    options: EvalOptions = EvalOptions(),
    advance: Advance = _noop,
    parse: Parser | None = None,
) -> SystemRun:
    """Run eventwire on the set; ``parse`` replaces the spaCy parse (tests reuse parses)."""
    if gold.kind is SetKind.GEO:
        return _run_geo(gold, settings, options, advance, parse)
    from eventwire.export.records import article_record
    from eventwire.extract import extract
    from eventwire.model import ArticleResult

    if gold.case is not None:
        paths, day, wanted = [str(gold.case.article)], gold.case.reference_date, None
    else:
        paths, day, wanted = [str(gold.path)], None, {r.id for r in gold.records}
    results = (
        r for r in extract(paths, settings, reference_date=day) if isinstance(r, ArticleResult)
    )
    records = []
    for result in results:
        if wanted is not None and result.article.id not in wanted:
            continue  # a record of the other half (or past --limit): coded, not scored
        records.append(article_record(result))
        advance(1)
        if wanted is not None and len(records) == len(wanted):
            break
    return SystemRun(tuple(records))


def _run_geo(
    gold: EvalSet, settings: Settings, options: EvalOptions, advance: Advance, parse: Parser | None
) -> SystemRun:
    from eventwire.export.records import place_record
    from eventwire.geo import Gazetteer
    from eventwire.nlp.pipeline import parse_texts

    cache = Path(settings.cache_dir) if settings.cache_dir else None
    gazetteer = Gazetteer.load(cache, tuple(settings.gazetteer_overlay))

    def default_parse(texts: Iterable[str]) -> Iterator[ParsedText]:
        return parse_texts(texts, settings.model, settings.batch_size)

    records = []
    for doc, places, _ in geoparse_documents(
        gold.documents, gazetteer, parse or default_parse, gold_spans=options.gold_spans
    ):
        records.append({"id": doc.id, "places": [place_record(p) for p in places]})
        advance(1)
    return SystemRun(tuple(records))


def score(gold: EvalSet, run: SystemRun, options: EvalOptions = EvalOptions()) -> Report:
    docs = run.documents()
    if gold.case is not None:
        return score_case(gold.case, docs)
    if gold.kind is SetKind.TYPES:
        return score_types(gold.name, gold.records, _by_id(docs))
    places: dict[str, tuple[SystemPlace, ...]] = {d.id: d.places for d in docs if d.id is not None}
    return score_geo(
        gold.name, gold.documents, places,
        literal_only=options.literal_only, gold_spans=options.gold_spans,
    )  # fmt: skip


def _by_id(docs: Iterable[SystemDocument]) -> Mapping[str, SystemDocument]:
    out: dict[str, SystemDocument] = {}
    for d in docs:
        if d.id is not None:
            out.setdefault(d.id, d)
    return out


def evaluate(
    path: Path, settings: Settings, options: EvalOptions = EvalOptions(), advance: Advance = _noop
) -> Report:
    """Load the gold set at ``path``, run the system on it and score it."""
    gold = load_set(path, options)
    return score(gold, run_system(gold, settings, options, advance), options)
