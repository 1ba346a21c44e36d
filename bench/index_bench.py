"""Indexing speed, time to first search, reopening, memory and search speed: prints tables, asserts nothing.

    python bench/index_bench.py [--corpora 5k-txt,30k-jsonl,large-jsonl] [--workers 1,2] [--no-queries]

For each corpus (SaudiNewsNet from ../shared/data, written to a temporary folder, never kept):

- ``5k-txt``: 5,000 articles, one .txt file each (the common layout);
- ``30k-jsonl``: 30,000 articles in one .jsonl;
- ``large-jsonl``: all 31,030 articles written twice into one ~215 MB .jsonl (62,000 articles);

it measures, in one run and in this order:

1. the **naive Whoosh build** (bench/naive_whoosh.py: one analysed field, ``procs=2``): the
   baseline of issue 16;
2. the **full pipeline** (``Workspace.open`` + ``update``: reading, metadata, boilerplate,
   entity tagging, Arabic analysis, segments, manifest, catalog) with each number of workers;
   for each: articles/s, CPU seconds of the whole process tree, the **peak RSS of the whole
   process tree** (sampled every 50 ms from /proc: parent and workers together), and the **time
   to the first search**: a separate reader, polling every 0.1 s from the start, records when
   a search first finds an article;
3. **reopen**: ``Workspace.open`` + ``update`` of the unchanged corpus (what the CLI and the app
   do at start; the app's update goes to a child process only when something changed);
4. **query latency** (unless ``--no-queries``): a fixed list of queries, each run ROUNDS times,
   timing the search AND the snippets of its first 20 hits (a results page); first runs (cold
   caches) are shown apart.

Wall-clock figures depend on what else runs on the machine; CPU seconds are steadier. The
issue's targets (2 cores): full pipeline >= 0.4x naive on 5k .txt, 30k .jsonl in <= 150 s,
first search within 10 s, reopen <= 1.5 s (no-op re-index of 30k <= 1 s), peak RSS <= 600 MB.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from naive_whoosh import DEFAULT_DATA, CpuClock, TreeMonitor, materialise, naive_build  # noqa: E402

from workbench.core.index import CorpusIndex  # noqa: E402
from workbench.core.search import SearchRequest  # noqa: E402
from workbench.core.workspace import INDEX_STAGES, Workspace  # noqa: E402

QUERIES = [
    "السعودية",
    "ولي العهد",
    '"مجلس الوزراء"',
    "أسعار النفط",
    "الرياض OR جدة",
    "اليمن -الحوثي",
    "الحوثي*",
    "داعش",
    "الاتحاد~",
    "title:الهلال",
    "source:okaz",
    "التعليم date:2015-08",
    "خادم الحرمين الشريفين",
    "وزارة الصحة كورونا",
    "الأمم المتحدة",
    "الملك سلمان بن عبدالعزيز",
    "(إيران OR طهران) الاتفاق النووي",
    "سوق الأسهم",
    "كرة القدم",
    "أمريكي",
]
ROUNDS = 5
SNIPPET_HITS = 20
CORPORA = {
    "5k-txt": ("files", 5000, 1),
    "30k-jsonl": ("jsonl", 30000, 1),
    "large-jsonl": ("jsonl", 10**9, 2),
}


@dataclass
class Run:
    """One full-pipeline indexing run."""

    workers: int
    articles: int
    seconds: float
    cpu: float
    peak_mb: float
    first_search: float | None
    segments: int


def full_build(corpus: Path, home: Path, workers: int) -> Run:
    """Index ``corpus`` from nothing with ``workers`` processes, watching for the first search."""
    os.environ["WORKBENCH_HOME"] = str(home)
    clock = CpuClock().start()
    started = time.perf_counter()
    first: list[float] = []
    done = threading.Event()

    def watch() -> None:
        """A reader beside the indexer: when does a search first find something?"""
        reader: CorpusIndex | None = None
        while not done.is_set() and not first:
            try:
                reader = reader or CorpusIndex.open(corpus, INDEX_STAGES)
                if reader.article_count():
                    first.append(time.perf_counter() - started)
            except Exception:  # the index is being created: try again
                reader = None
            done.wait(0.1)
        if reader is not None:
            reader.close()

    watcher = threading.Thread(target=watch, daemon=True)
    with TreeMonitor() as monitor:
        workspace = Workspace.open(corpus)
        watcher.start()
        report = workspace.update(processes=workers)
        seconds = time.perf_counter() - started
        done.set()
        watcher.join()
        with workspace.index.reading() as searcher:
            segments = len(searcher.reader().leaf_readers())
        workspace.close()
    me, children = clock.read()
    return Run(workers, report.articles, seconds, me + children, monitor.peak_total_mb,
               first[0] if first else None, segments)


def reopen_seconds(corpus: Path, home: Path) -> tuple[float, float]:
    """(open + no-op update, the update alone) of the unchanged corpus, best of three."""
    os.environ["WORKBENCH_HOME"] = str(home)
    totals, updates = [], []
    for _ in range(3):
        started = time.perf_counter()
        workspace = Workspace.open(corpus)
        opened = time.perf_counter()
        report = workspace.update(in_child=True)
        finished = time.perf_counter()
        workspace.close()
        assert report.indexed_articles == 0
        totals.append(finished - started)
        updates.append(finished - opened)
    return min(totals), min(updates)


def query_latencies(corpus: Path, home: Path) -> tuple[list[float], list[float]]:
    """(every run, first runs) of the query list in milliseconds."""
    os.environ["WORKBENCH_HOME"] = str(home)
    workspace = Workspace.open(corpus)
    latencies: list[float] = []
    first: list[float] = []
    for round_number in range(ROUNDS):
        for query in QUERIES:
            started = time.perf_counter()
            results = workspace.engine.search(SearchRequest(query, limit=SNIPPET_HITS))
            for i in range(len(results)):
                results.hit(i)
            latencies.append((time.perf_counter() - started) * 1000)
            if round_number == 0:
                first.append(latencies[-1])
    workspace.close()
    return latencies, first


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def bench_corpus(name: str, data: Path, workers: list[int], queries: bool, scratch: Path) -> list[tuple[str, str]]:
    layout, count, copies = CORPORA[name]
    corpus = scratch / name
    written = materialise(corpus, count, layout, data, copies)
    size = sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file()) / 1e6
    naive = naive_build(corpus, scratch / f"{name}-naive", procs=2)
    rows = [(f"{name}: corpus", f"{written} articles, {size:.0f} MB"),
            (f"{name}: naive Whoosh (procs=2)",
             f"{naive['rate']:.0f} articles/s ({naive['seconds']:.1f} s, CPU {naive['cpu_self'] + naive['cpu_children']:.0f} s,"
             f" peak RSS {naive['peak_tree_mb']:.0f} MB)")]
    home = scratch / f"{name}-home-{workers[-1]}"
    for number in workers:
        home = scratch / f"{name}-home-{number}"
        run = full_build(corpus, home, number)
        rate = run.articles / run.seconds
        first = f"{run.first_search:.1f} s" if run.first_search is not None else "never"
        rows.append((f"{name}: full pipeline, {number} process(es)",
                     f"{rate:.0f} articles/s = {rate / naive['rate']:.2f}x naive ({run.seconds:.1f} s, "
                     f"CPU {run.cpu:.0f} s, {run.segments} segments)"))
        rows.append((f"{name}:   first search / peak RSS (all processes)", f"{first} / {run.peak_mb:.0f} MB"))
    total, update = reopen_seconds(corpus, home)
    rows.append((f"{name}: reopen unchanged (open + update)", f"{total * 1000:.0f} ms (update {update * 1000:.0f} ms)"))
    if queries:
        latencies, first_runs = query_latencies(corpus, home)
        rows.append((f"{name}: query p50 / p95 / max", f"{statistics.median(latencies):.0f} / "
                     f"{percentile(latencies, 0.95):.0f} / {max(latencies):.0f} ms"))
        rows.append((f"{name}:   first runs p50 / p95", f"{statistics.median(first_runs):.0f} / "
                     f"{percentile(first_runs, 0.95):.0f} ms (cold caches)"))
    return rows


def seeds_reopen(scratch: Path) -> tuple[str, str]:
    """The seed corpus (5 articles): open + update as the app does it, unchanged."""
    home = scratch / "seeds-home"
    os.environ["WORKBENCH_HOME"] = str(home)
    workspace = Workspace.open(REPO / "seeds")
    workspace.update()
    workspace.close()
    total, update = reopen_seconds(REPO / "seeds", home)
    return "seeds: reopen unchanged (open + update)", f"{total * 1000:.0f} ms (update {update * 1000:.0f} ms)"


def write_corpus(data: Path, target: Path, count: int, layout: str) -> int:
    """Write the first ``count`` articles with text into ``target`` ("files" or "jsonl"), for the
    other benches; returns how many were written (see naive_whoosh.materialise)."""
    return materialise(target, count, layout, data)


def peak_rss_mb() -> float:
    """Peak resident memory of this process alone, in MB (the benches that run in one process)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def print_facts(rows: list[tuple[str, str]]) -> None:
    """Print (measure, value) rows as a two-column table."""
    width = max(len(name) for name, _ in rows)
    print(f"| {'measure'.ljust(width)} | value |")
    print(f"| {'-' * width} | --- |")
    for name, value in rows:
        print(f"| {name.ljust(width)} | {value} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", default="5k-txt,30k-jsonl,large-jsonl",
                        help=f"comma-separated, among {', '.join(CORPORA)}")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts for the full pipeline")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--no-queries", action="store_true", help="skip the query latencies")
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"no data at {args.data}: pass --data", file=sys.stderr)
        return 1
    workers = [int(n) for n in args.workers.split(",")]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f} at start")
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="wb-bench-") as tmp:
        rows.append(seeds_reopen(Path(tmp)))
        for name in args.corpora.split(","):
            rows += bench_corpus(name, args.data, workers, not args.no_queries, Path(tmp))
            print_facts(rows)
            print(flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
