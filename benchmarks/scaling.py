"""Scaling of the Dask engine: articles/s with 1 and 2 workers, efficiency, peak memory.

Not a test (STYLE.md §11): it prints figures measured in one run.

    .venv/bin/python benchmarks/scaling.py [--articles 2000] [--workers 1 2] [--json FILE]

The texts are those of ``../shared/eval/*/*.jsonl`` (read at run time, never copied), repeated
with fresh ids up to ``--articles``. For each worker count a LocalCluster is started and the
pipeline loaded on every worker (timed apart, as "startup"); then the whole ingest is timed:
JSON Lines read, partitions coded on the workers and written as Parquet, merged into a fresh
DuckDB store by the client. Scaling efficiency = rate(N) / (N x rate(1)). Peak memory is the
``ru_maxrss`` of each worker process (and of the client).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from eventwire.config import load_settings
from eventwire.scale.dask_engine import DaskCoder
from eventwire.store import ingest, open_store

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _burn(n: int) -> float:
    started = time.perf_counter()
    total = 0
    for i in range(n):
        total += i * i
    return time.perf_counter() - started


def parallel_capacity(workers: int = 2, n: int = 10_000_000) -> float:
    """Speed-up of ``workers`` processes over one on pure-Python CPU work: how much
    parallelism this machine gives right now (below ``workers`` when others load it)."""
    import multiprocessing

    one = _burn(n)
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        started = time.perf_counter()
        pool.map(_burn, [n] * workers)
        together = time.perf_counter() - started
    return round(workers * one / together, 2)


def write_feed(path: Path, n: int) -> int:
    """``n`` articles from the shared evaluation texts, repeated with new ids; return chars."""
    texts = []
    for source in sorted(SHARED.glob("*/*.jsonl")):
        for line in source.read_text(encoding="utf-8").splitlines():
            if line.strip():
                text = json.loads(line).get("text")
                if text:
                    texts.append(text)
    if not texts:
        raise SystemExit(f"no texts under {SHARED}: the benchmark reads ../shared/eval/")
    chars = 0
    with path.open("w", encoding="utf-8") as out:
        for k in range(n):
            text = texts[k % len(texts)]
            chars += len(text)
            out.write(json.dumps({"id": f"bench-{k}", "text": text, "date": "2016-11-22"}) + "\n")
    return chars


def run(workers: int, feed: Path, folder: Path, n: int, *, store: bool) -> dict[str, Any]:
    """One timed run: the whole ingest (``store``), or only the coding on the cluster."""
    from eventwire.ingest import read_inputs
    from eventwire.model import Article

    settings = load_settings({}, environ={})
    db = folder / f"scale-{workers}.duckdb"
    db.unlink(missing_ok=True)
    with DaskCoder(settings, workers=workers) as coder:
        started = time.perf_counter()
        client = coder.start()
        startup = time.perf_counter() - started
        started = time.perf_counter()
        if store:
            with open_store(str(db)) as opened:
                report = ingest(opened, [str(feed)], settings, pipeline=coder)
            done, events = report.new, report.events
        else:
            items = read_inputs(
                [str(feed)], reference_date=None, max_bytes=settings.max_article_bytes
            )
            articles = (a for a in items if isinstance(a, Article))
            results = list(coder.process_many(articles))
            done, events = len(results), sum(len(r.events) for r in results)
            MERGE_INPUT[:] = results
        seconds = time.perf_counter() - started
        peaks = client.run(_peak_rss_mb)
    assert done == n, (done, n)
    return {
        "mode": "ingest" if store else "code",
        "workers": workers,
        "articles": done,
        "events": events,
        "startup_s": round(startup, 1),
        "seconds": round(seconds, 1),
        "articles_per_s": round(done / seconds, 2),
        "worker_peak_rss_mb": sorted(round(v) for v in peaks.values()),
        "partitions": coder.partitions_done,
    }


MERGE_INPUT: list[Any] = []  # the coded results of the last "code" run, for merge_rate


def merge_rate(folder: Path, batch: int) -> dict[str, Any]:
    """Articles/s the client stores into a fresh DuckDB file, ``batch`` per transaction: the
    ceiling of one store's merge, whatever the number of workers."""
    from eventwire.store import open_store

    db = folder / "merge.duckdb"
    db.unlink(missing_ok=True)
    with open_store(str(db)) as store:
        started = time.perf_counter()
        for k in range(0, len(MERGE_INPUT), batch):
            store.save_many(MERGE_INPUT[k : k + batch])
        seconds = time.perf_counter() - started
    return {"articles": len(MERGE_INPUT), "batch": batch,
            "articles_per_s": round(len(MERGE_INPUT) / seconds, 1)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument(
        "--mode",
        choices=("ingest", "code", "both"),
        default="both",
        help="ingest: the whole ingest into DuckDB; code: only the coding on the cluster.",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="eventwire-scaling-") as tmp:
        folder = Path(tmp)
        feed = folder / "feed.jsonl"
        chars = write_feed(feed, args.articles)
        modes = ("code", "ingest") if args.mode == "both" else (args.mode,)
        rows = [
            run(w, feed, folder, args.articles, store=mode == "ingest")
            for mode in modes
            for w in args.workers
        ]
        merge = merge_rate(folder, load_settings({}, environ={}).batch_size) if MERGE_INPUT else {}
    machine = {
        "load_average_1m": round(os.getloadavg()[0], 2),
        "parallel_capacity_2_procs": parallel_capacity(),
        "cpu": platform.processor() or platform.machine(),
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "mean_chars_per_article": round(chars / args.articles),
        "client_peak_rss_mb": round(_peak_rss_mb()),
    }
    print(f"{args.articles} articles, {machine}")
    print("mode    workers  articles/s  efficiency  startup s  run s  events  peak RSS/worker MB")
    for row in rows:
        first = next(r for r in rows if r["mode"] == row["mode"])
        base = first["articles_per_s"] / first["workers"]
        row["efficiency"] = round(row["articles_per_s"] / (row["workers"] * base), 2)
        print(
            f"{row['mode']:6}  {row['workers']:>7}  {row['articles_per_s']:>10}  "
            f"{row['efficiency']:>10}  "
            f"{row['startup_s']:>9}  {row['seconds']:>5}  {row['events']:>6}  "
            f"{row['worker_peak_rss_mb']}"
        )
    if merge:
        print(f"merge into one DuckDB store (client only, {merge['batch']} articles per "
              f"transaction): {merge['articles_per_s']} articles/s")  # fmt: skip
    if args.json:
        payload = {"machine": machine, "runs": rows, "merge": merge}
        args.json.write_text(json.dumps(payload, indent=2))


if __name__ == "__main__":
    main()
