"""Worst-case query time over 2,000 hostile fuzzed queries: prints a table, asserts nothing.

    python bench/query_fuzz_bench.py [--articles 5000] [--queries 2000] [--data PATH]

Indexes N SaudiNewsNet articles (one .jsonl in a temporary corpus), then runs the same
hypothesis-generated queries as tests/reliability/test_fuzz_queries.py (deep nesting, thousands
of OR-ed words, wildcards and fuzzy words over much of the index, syntax soup, arbitrary
Unicode) plus the issue's named worst cases, each through the search engine with its first 10
hits built (snippets included), and reports CPU time per query: percentiles, the maximum and
the slowest queries. Rejected queries (QueryError) are timed too: rejecting must be fast.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.reliability.query_strategies import WORDS  # noqa: E402
from tests.reliability.test_fuzz_queries import generate_queries  # noqa: E402
from workbench.core.errors import QueryError  # noqa: E402
from workbench.core.search import SearchRequest  # noqa: E402
from workbench.core.workspace import Workspace  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data" / "news" / "saudinewsnet.jsonl.gz"
NAMED = {
    "ا*": "ا*",
    "ا* OR ا~2": "ا* OR ا~2",
    "ال*": "ال*",
    "300-word OR list": " OR ".join(WORDS[n % len(WORDS)] + str(n) for n in range(300)),
    "3,000-word OR list": " OR ".join(WORDS[n % len(WORDS)] + str(n) for n in range(3000)),
    "250 parentheses": "(" * 250 + "حلب" + ")" * 250,
    "1,000 NOT": "NOT " * 1000 + "حلب",
}


def timed(workspace: Workspace, query: str) -> tuple[float, str]:
    """CPU seconds to search ``query`` and build its first 10 hits; and the outcome."""
    start = time.process_time()
    try:
        results = workspace.engine.search(SearchRequest(query, limit=10))
        list(results)
        outcome = f"{results.total} hits" + (", capped" if results.notices else "")
    except QueryError:
        outcome = "rejected"
    return time.process_time() - start, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="query-fuzz-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        with gzip.open(args.data, "rb") as stream:
            (corpus / "snn.jsonl").write_bytes(b"".join(itertools.islice(stream, args.articles)))
        home = Path(tmp) / "home"
        from workbench.core import paths
        paths.set_data_home(home)
        workspace = Workspace.open(corpus)
        started = time.monotonic()
        report = workspace.update(processes=2)
        print(f"indexed {report.articles} articles in {time.monotonic() - started:.0f} s")
        queries = generate_queries(args.queries)
        for query in queries[:20]:  # warm the caches a first search fills
            timed(workspace, query)
        times = [(seconds, outcome, query) for query in queries for seconds, outcome in [timed(workspace, query)]]
        named = {name: timed(workspace, query) for name, query in NAMED.items()}
        workspace.close()
    seconds = sorted(t for t, _, _ in times)
    rejected = sum(outcome == "rejected" for _, outcome, _ in times)
    capped = sum(outcome.endswith("capped") for _, outcome, _ in times)

    def percentile(p: float) -> float:
        return seconds[min(len(seconds) - 1, int(p * len(seconds)))] * 1000

    print(f"\n{len(times)} fuzzed queries: {rejected} rejected with a message, {capped} with capped expansion")
    print(f"{'CPU ms':>8}  p50 {percentile(0.5):.1f}   p95 {percentile(0.95):.1f}   p99 {percentile(0.99):.1f}   "
          f"max {seconds[-1] * 1000:.1f}   mean {statistics.fmean(seconds) * 1000:.1f}")
    print("\nslowest fuzzed queries:")
    for cpu, outcome, query in sorted(times, reverse=True)[:10]:
        shown = query if len(query) <= 60 else f"{query[:57]}... ({len(query)} chars)"
        print(f"  {cpu * 1000:8.1f} ms  {outcome:<16} {shown!r}")
    print("\nnamed worst cases from the issue:")
    for name, (cpu, outcome) in named.items():
        print(f"  {cpu * 1000:8.1f} ms  {outcome:<16} {name}")


if __name__ == "__main__":
    main()
