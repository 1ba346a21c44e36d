"""Indexing and search speed on SaudiNewsNet: prints a table, asserts nothing.

    python bench/index_bench.py [--articles 30000] [--layout files|jsonl] [--data PATH]

Writes N articles of ../shared/data/news/saudinewsnet.jsonl.gz into a temporary corpus (one
.txt file per article, or one .jsonl collection), then measures with the real pipeline
(Workspace: reading, metadata, boilerplate, Arabic analysis, Whoosh, manifest):

- full indexing: articles/s and peak RSS of this process, index size on disk;
- no-change re-open: Workspace.open + update on the unchanged corpus (what the app does at start);
- query latency p50/p95 over a fixed query list, each query run ROUNDS times, timing the search
  AND the snippets of its first 20 hits (what a results page needs); also split into the first
  run of each query (cold posting and word caches) and the repeats.

Targets from the issue: >= 500 articles/s, re-open <= 1 s and query p95 <= 50 ms at 30k articles.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from workbench.core.search import SearchRequest  # noqa: E402
from workbench.core.workspace import Workspace  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data" / "news" / "saudinewsnet.jsonl.gz"
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


def write_corpus(data: Path, target: Path, count: int, layout: str) -> int:
    """Copy the first ``count`` articles with text into ``target``; returns how many were written."""
    target.mkdir(parents=True)
    written = 0
    with gzip.open(data, "rt", encoding="utf-8") as source:
        collection = (target / "saudinewsnet.jsonl").open("w", encoding="utf-8") if layout == "jsonl" else None
        for line in source:
            record = json.loads(line)
            if not record.get("content", "").strip():
                continue
            if collection is not None:
                collection.write(line)
            else:
                folder = target / record["source"]
                folder.mkdir(exist_ok=True)
                header = f"{record['title']}\n" if record.get("title") else ""
                (folder / f"{record['id']}.txt").write_text(header + record["content"], encoding="utf-8")
            written += 1
            if written == count:
                break
        if collection is not None:
            collection.close()
    return written


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def print_facts(rows: list[tuple[str, str]]) -> None:
    """Print (measure, value) rows as a two-column table, then a blank line."""
    width = max(len(name) for name, _ in rows)
    print(f"{'measure'.ljust(width)} | value")
    print(f"{'-' * width}-|-{'-' * 40}")
    for name, value in rows:
        print(f"{name.ljust(width)} | {value}")
    print()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=30000)
    parser.add_argument("--layout", choices=("files", "jsonl"), default="files")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--processes", type=int, default=2, help="indexing processes (the CLI uses 2)")
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"no data at {args.data}: pass --data", file=sys.stderr)
        return 1

    with tempfile.TemporaryDirectory(prefix="wb-bench-") as tmp:
        os.environ["WORKBENCH_HOME"] = str(Path(tmp) / "home")
        corpus = Path(tmp) / "corpus"
        count = write_corpus(args.data, corpus, args.articles, args.layout)
        rss_before = peak_rss_mb()

        started = time.perf_counter()
        index = Workspace.open(corpus)
        report = index.update(processes=args.processes)
        index_seconds = time.perf_counter() - started
        index_rss = peak_rss_mb()
        index.close()

        started = time.perf_counter()
        index = Workspace.open(corpus)
        reopen = index.update()
        reopen_seconds = time.perf_counter() - started
        assert reopen.indexed_articles == 0

        latencies: list[float] = []
        first_runs: list[float] = []
        totals: dict[str, int] = {}
        for round_number in range(ROUNDS):
            for query in QUERIES:
                started = time.perf_counter()
                results = index.engine.search(SearchRequest(query, limit=SNIPPET_HITS))
                for i in range(len(results)):
                    results.hit(i)
                latencies.append((time.perf_counter() - started) * 1000)
                if round_number == 0:
                    first_runs.append(latencies[-1])
                totals[query] = results.total
        index_size = folder_mb(index.index_dir)
        index.close()

    rows = [
        ("corpus", f"{count} SaudiNewsNet articles, layout={args.layout}, processes={args.processes}"),
        ("indexed articles", f"{report.articles}"),
        ("indexing time", f"{index_seconds:.1f} s"),
        ("indexing throughput", f"{report.articles / index_seconds:.0f} articles/s"),
        ("peak RSS", f"{index_rss:.0f} MB (main process; before indexing {rss_before:.0f} MB)"),
        ("index size", f"{index_size:.1f} MB"),
        ("no-change re-open", f"{reopen_seconds * 1000:.0f} ms"),
        ("query latency p50", f"{statistics.median(latencies):.1f} ms"),
        ("query latency p95", f"{percentile(latencies, 0.95):.1f} ms"),
        ("query latency max", f"{max(latencies):.1f} ms"),
        ("first run of each query", f"p50 {statistics.median(first_runs):.1f} ms, "
                                    f"p95 {percentile(first_runs, 0.95):.1f} ms (cold caches)"),
        ("repeated queries", f"p50 {statistics.median(latencies[len(QUERIES):]):.1f} ms, "
                             f"p95 {percentile(latencies[len(QUERIES):], 0.95):.1f} ms"),
    ]
    print_facts(rows)
    print("hits per query: " + ", ".join(f"{q} = {n}" for q, n in totals.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
