"""Where a worker's indexing CPU goes, stage by stage: prints a table, asserts nothing.

    python bench/index_profile.py [--articles 1000] [--warmup 300] [--layout jsonl|files] [--top 25]

Runs exactly what an indexing worker runs (``preparing.Preparer.run`` on one task, with the
stages of ``workspace.INDEX_STAGES`` and the garbage-collector settings of the workers) over the
first SaudiNewsNet articles of ../shared/data, in this one process, and times each part with
the process CPU clock:

- each stage's ``analyse`` (entity tagging, quotes, near-duplicate signatures) and ``terms``;
- the segment: ``SegmentBuilder.add`` (Arabic analysis, postings, stored fields) and ``finish``
  (sorting terms and writing the segment file);
- reading (``layout=files``: each ``.txt`` file is read, decoded and given its metadata by the
  worker; ``layout=jsonl``: the records are read by the updating process, so not here);
- the rest of the task (document fields, text compression, bookkeeping).

A first untimed task of ``--warmup`` other articles loads the tagger and fills the per-word
caches, as the start of any real run does. The timed task runs ``--repeat`` times and each
part's median is printed: on a shared machine one run's figures move by 10-30%. ``--top N``
also runs the timed task under cProfile and prints its N most expensive functions (cProfile
slows Python code by about half, so the table above it is measured without it).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from index_bench import peak_rss_mb  # noqa: E402
from naive_whoosh import DEFAULT_DATA, materialise  # noqa: E402

from workbench.core.index import preparing  # noqa: E402
from workbench.core.index.segments import SegmentBuilder  # noqa: E402
from workbench.core.index.stages import IndexStage, StageStore  # noqa: E402
from workbench.core.ingest import Article, CorpusFile, read_articles, scan_corpus  # noqa: E402
from workbench.core.workspace import INDEX_STAGES  # noqa: E402

TOTAL = "total"
SPENT: dict[str, float] = defaultdict(float)
"""CPU seconds per part of the task, filled by the timed wrappers below."""


class _Timed:
    """Adds the CPU time of the wrapped block to ``SPENT[part]``."""

    def __init__(self, part: str) -> None:
        self.part = part

    def __enter__(self) -> None:
        self.started = time.process_time()

    def __exit__(self, *_: object) -> None:
        SPENT[self.part] += time.process_time() - self.started


class TimedStage:
    """An index stage whose ``analyse`` and ``terms`` are timed (the name stays the stage's)."""

    def __init__(self, stage: IndexStage) -> None:
        self.stage = stage
        self.name = stage.name

    def analyse(self, articles: Sequence[Article]) -> list[Any]:
        with _Timed(f"{self.name}: analyse"):
            return self.stage.analyse(articles)

    def terms(self, result: Any) -> Sequence[str]:
        with _Timed(f"{self.name}: terms"):
            return self.stage.terms(result)

    def open_store(self, index_dir: Path) -> StageStore:
        return self.stage.open_store(index_dir)


class TimedSegmentBuilder(SegmentBuilder):
    """The worker's segment builder, with ``add`` and ``finish`` timed."""

    def add(self, fields: Any) -> None:
        with _Timed("segment: add (analysis, postings, stored)"):
            super().add(fields)

    def finish(self) -> Any:
        with _Timed("segment: finish (sort, write file)"):
            return super().finish()


def timed_read_file(root: Path, relpath: str) -> Any:
    with _Timed("reading files (decode, metadata, boilerplate)"):
        return READ_FILE(root, relpath)


READ_FILE = preparing.read_file


class _NeverStop:
    def is_set(self) -> bool:
        return False


def make_tasks(corpus: Path, layout: str, warmup: int) -> tuple[preparing.Task, preparing.Task]:
    """(warm-up task, timed task) over the corpus folder written by ``materialise``."""
    if layout == "files":
        ordered, _ = scan_corpus(corpus)
        return preparing.FilesTask(tuple(ordered[:warmup])), preparing.FilesTask(tuple(ordered[warmup:]))
    path = corpus / "saudinewsnet.jsonl"
    corpus_file = CorpusFile("saudinewsnet.jsonl", path.stat().st_size, path.stat().st_mtime_ns)
    articles = tuple(read_articles(corpus, corpus_file.relpath))
    first, rest = articles[:warmup], articles[warmup:]
    return (preparing.RecordsTask(corpus_file, first, last=False, last_record=preparing.record_number(first[-1])),
            preparing.RecordsTask(corpus_file, rest, last=True, after=preparing.record_number(first[-1]),
                                  last_record=preparing.record_number(rest[-1])))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="timed articles")
    parser.add_argument("--warmup", type=int, default=300, help="untimed articles indexed first")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of the task (the median is shown)")
    parser.add_argument("--layout", choices=("jsonl", "files"), default="jsonl")
    parser.add_argument("--top", type=int, default=0, help="also print the N costliest functions (cProfile)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()

    preparing.collect_garbage_rarely()
    preparing.SegmentBuilder = TimedSegmentBuilder  # type: ignore[misc]
    preparing.read_file = timed_read_file
    with tempfile.TemporaryDirectory(prefix="index-profile-") as scratch:
        corpus = Path(scratch) / "corpus"
        materialise(corpus, args.warmup + args.articles, args.layout, args.data)
        warmup_task, timed_task = make_tasks(corpus, args.layout, args.warmup)
        index_dir = Path(scratch) / "index"
        started = time.process_time()
        preparer = preparing.Preparer(corpus, index_dir, [TimedStage(stage) for stage in INDEX_STAGES], _NeverStop())
        preparer.run(warmup_task)
        warm_cpu = time.process_time() - started
        runs = []
        for _ in range(args.repeat):
            SPENT.clear()
            started = time.process_time()
            result = preparer.run(timed_task)
            runs.append({**SPENT, TOTAL: time.process_time() - started})
        parts = {part: statistics.median(run.get(part, 0.0) for run in runs) for part in runs[0]}
        total = parts.pop(TOTAL)
        articles = len(result.results)
        rows = sorted(parts.items(), key=lambda item: -item[1])
        rows.append(("other (document fields, compression, task)", total - sum(parts.values())))
        print(f"# Indexing worker CPU per stage: {articles} SaudiNewsNet articles ({args.layout}), one process, "
              f"median of {args.repeat} runs\n")
        print("| part | CPU s | CPU s per 1,000 articles | share |\n|---|---:|---:|---:|")
        for part, seconds in rows:
            print(f"| {part} | {seconds:.2f} | {seconds * 1000 / articles:.2f} | {seconds / total:.0%} |")
        print(f"| **total** | **{total:.2f}** | **{total * 1000 / articles:.2f}** | 100% |")
        print(f"\nwarm-up ({args.warmup} articles, tagger load included): {warm_cpu:.2f} CPU s; "
              f"peak RSS {peak_rss_mb():.0f} MB")
        if args.top:
            profile = cProfile.Profile()
            profile.enable()
            preparer.run(timed_task)
            profile.disable()
            print(f"\n# cProfile of the same task: {args.top} costliest functions (own time)\n")
            pstats.Stats(profile, stream=sys.stdout).sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
