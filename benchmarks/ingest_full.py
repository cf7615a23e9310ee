"""Full-size ingest with the real model: articles/s, events, peak RSS, store size.

Not a test (STYLE.md §11): it prints figures measured in one run.

    .venv/bin/python benchmarks/ingest_full.py INPUT... [--db PATH] [--recode]

INPUT is whatever ``eventwire ingest`` reads (e.g. ../shared/ articles or a JSON Lines
file). The store defaults to a fresh DuckDB file in a temporary folder; a second pass over the
same inputs is timed too, to show that unchanged articles are skipped before the NLP stage.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from eventwire.config import load_settings
from eventwire.store import ingest, open_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--db", default="")
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    settings = load_settings({"model": args.model} if args.model else {})
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "bench.duckdb")
        from eventwire.pipeline import Pipeline

        started = time.perf_counter()
        pipeline = Pipeline.load(settings)
        load_s = time.perf_counter() - started
        with open_store(db) as store:
            first = ingest(store, args.inputs, settings, pipeline=pipeline)
            second = ingest(store, args.inputs, settings, pipeline=pipeline)
            info = store.info()
        size = Path(db).stat().st_size if Path(db).exists() else 0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"model            {settings.model} (loaded in {load_s:.1f} s)")
        print(f"first pass       {first.summary()}")
        print(f"second pass      {second.summary()}")
        print(
            f"coded rate       {first.coded / first.seconds if first.seconds else 0:.2f} articles/s"
        )
        print(f"store            {info['articles']} articles, {info['events']} events, "
              f"{size / 1e6:.1f} MB on disk")  # fmt: skip
        print(f"peak RSS         {peak:.0f} MB")


if __name__ == "__main__":
    main()
