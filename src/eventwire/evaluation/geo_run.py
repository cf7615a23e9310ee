"""Run the geoparser over gold documents: end to end, or on the gold spans (resolution only)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence

from eventwire.evaluation.geo import GeoDocument
from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.geoparse import geoparse, resolve_spans
from eventwire.model import ParsedText, Place

Parser = Callable[[Iterable[str]], Iterator[ParsedText]]


def geoparse_documents(
    docs: Sequence[GeoDocument], gazetteer: Gazetteer, parse: Parser, *, gold_spans: bool = False
) -> Iterator[tuple[GeoDocument, tuple[Place, ...], float]]:
    """Yield each document with its places and the seconds geoparsing took (parse excluded).

    With ``gold_spans`` the gold toponym spans are resolved, the way Mordecai 3 reports
    resolution; otherwise eventwire's own recognition finds the toponyms first.
    """
    for doc, parsed in zip(docs, parse(d.text for d in docs), strict=True):
        started = time.perf_counter()
        if gold_spans:
            spans = [(t.start, t.end) for t in doc.toponyms]
            places = resolve_spans(doc.text, spans, gazetteer, parsed)
        else:
            places = geoparse(parsed, gazetteer)
        yield doc, places, time.perf_counter() - started
