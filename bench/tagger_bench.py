"""Entity extraction speed on SaudiNewsNet: prints a table, asserts nothing.

    python bench/tagger_bench.py [--articles 5000] [--warmup 1000] [--data PATH]

Tags the first articles of ../shared/data/news/saudinewsnet.jsonl.gz exactly as indexing does
(``extraction.articles_mentions`` over chunks of ``preparing.CHUNK_ARTICLES`` articles: tagging,
rule layers, mention keys and in-article linking), in one process on one core, with the
garbage-collector settings of the indexing workers (``preparing.collect_garbage_rarely``). The first
``--warmup`` articles fill the per-word caches, as the start of any real corpus does, and are
not timed. Prints tagger load time, articles per second (wall and CPU), chunk latency
percentiles, mentions per article and peak RSS.

Target from the issue: >= 300 articles/s.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from index_bench import DEFAULT_DATA, peak_rss_mb, percentile, print_facts  # noqa: E402

from workbench.core.entities.extraction import articles_mentions  # noqa: E402
from workbench.core.entities.tagger import default_tagger  # noqa: E402
from workbench.core.index.preparing import CHUNK_ARTICLES, WORKER_GC_THRESHOLDS, collect_garbage_rarely  # noqa: E402
from workbench.core.ingest import Article  # noqa: E402


def read_articles(data: Path, count: int) -> list[Article]:
    """The first ``count`` SaudiNewsNet articles with text, as Articles (no boilerplate marked)."""
    articles: list[Article] = []
    with gzip.open(data, "rt", encoding="utf-8") as source:
        for line in source:
            record = json.loads(line)
            text = record.get("content", "")
            if not text.strip():
                continue
            articles.append(Article(id=str(len(articles)), path="bench.jsonl", title=record.get("title", ""),
                                    source=record.get("source", ""), date="", url="", author="",
                                    text=f"{record.get('title', '')}\n{text}", boilerplate=(), content_hash=""))
            if len(articles) == count:
                break
    return articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000, help="timed articles")
    parser.add_argument("--warmup", type=int, default=1000, help="untimed articles tagged first")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"no data at {args.data}: pass --data", file=sys.stderr)
        return 1

    articles = read_articles(args.data, args.warmup + args.articles)
    warmup, timed = articles[:args.warmup], articles[args.warmup:]

    collect_garbage_rarely()
    started = time.perf_counter()
    default_tagger()
    load_seconds = time.perf_counter() - started
    for i in range(0, len(warmup), CHUNK_ARTICLES):
        articles_mentions(warmup[i:i + CHUNK_ARTICLES])

    chunk_ms: list[float] = []
    mentions = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for i in range(0, len(timed), CHUNK_ARTICLES):
        chunk_started = time.perf_counter()
        mentions += sum(len(found) for found in articles_mentions(timed[i:i + CHUNK_ARTICLES]))
        chunk_ms.append((time.perf_counter() - chunk_started) * 1000)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu

    print_facts([
        ("articles", f"{len(timed)} timed after {len(warmup)} warm-up, chunks of {CHUNK_ARTICLES}"),
        ("garbage collector", f"thresholds {WORKER_GC_THRESHOLDS}, as in the indexing workers"),
        ("tagger load", f"{load_seconds:.2f} s"),
        ("throughput (wall)", f"{len(timed) / wall:.0f} articles/s"),
        ("throughput (CPU)", f"{len(timed) / cpu:.0f} articles per CPU-second"),
        ("chunk latency p50", f"{statistics.median(chunk_ms):.1f} ms"),
        ("chunk latency p95", f"{percentile(chunk_ms, 0.95):.1f} ms"),
        ("mentions per article", f"{mentions / len(timed):.1f}"),
        ("peak RSS", f"{peak_rss_mb():.0f} MB"),
    ])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
