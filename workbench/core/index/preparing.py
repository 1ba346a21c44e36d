"""Reading corpus files and running the analysis stages on their articles, ahead of the index writer.

Stage analysis (entity extraction above all) costs about as much CPU per article as Whoosh's
own indexing, so for large runs it moves to worker processes while the calling process reads
files and writes the index: the two halves overlap on two cores. Workers are started with the "spawn" method, which is
safe from any thread (the GUI indexes on a worker thread, where forking is not). Small runs
stay in-process: starting workers (and loading the tagger in each) would cost more than it saves.

Files are read in the calling process (reading is cheap) and their articles are sent to the
workers in chunks, so even a single 30,000-record JSONL file is spread over the workers. Results
come back in corpus order, a chunk at a time, with a bounded number of chunks in flight.
"""

from __future__ import annotations

import gc
import multiprocessing
import signal
from collections import deque
from collections.abc import Generator, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.core.index.stages import IndexStage
from workbench.core.ingest import Article, CorpusFile, FileContents, FileWarning, SkippedFile, read_file

CHUNK_ARTICLES = 16
MAX_CHUNKS_IN_FLIGHT = 64
WORKER_GC_THRESHOLDS = (100_000, 50, 100)
"""gc.set_threshold values of the worker processes (CPython 3.11 defaults to 700, 10, 10)."""


@dataclass(frozen=True)
class Prepared:
    """A run of articles of one file with their stage results, or the reason the file was skipped.

    ``last`` is True on the final piece of a file: only then may the file count as indexed.
    """

    file: CorpusFile
    articles: list[tuple[Article, tuple[Any, ...]]]
    """Each article with its results, one per stage in the order the stages were given."""
    skipped: SkippedFile | None
    last: bool
    warnings: tuple[FileWarning, ...] = ()
    """Problems inside the file (records left out, bytes replaced); on its last piece only."""


def analyse(stages: Sequence[IndexStage], articles: list[Article]) -> list[tuple[Article, tuple[Any, ...]]]:
    """Each article with the results of every stage (each stage analyses the batch at once)."""
    per_stage = [stage.analyse(articles) for stage in stages]
    return [(article, tuple(results)) for article, *results in zip(articles, *per_stage, strict=True)]


def _read(root: Path, corpus_file: CorpusFile) -> FileContents | SkippedFile:
    try:
        return read_file(root, corpus_file.relpath)
    except SkippedFile as skipped:
        return skipped


def prepare_in_process(root: Path, files: Iterable[CorpusFile],
                       stages: Sequence[IndexStage]) -> Generator[Prepared, None, None]:
    """Read and analyse file by file in this process."""
    for corpus_file in files:
        contents = _read(root, corpus_file)
        if isinstance(contents, SkippedFile):
            yield Prepared(corpus_file, [], contents, last=True)
        else:
            yield Prepared(corpus_file, analyse(stages, contents.articles), None, last=True,
                           warnings=tuple(contents.warnings))


def collect_garbage_rarely() -> None:
    """Run CPython's cyclic garbage collector about a hundred times less often in this process.

    For processes that only tag articles (the workers, and bench/tagger_bench.py, which measures
    what they do). Tagging allocates millions of short-lived objects and no reference cycles,
    so the collector never found anything to free, yet at its default thresholds it ran about
    20 full collections per 5,000 articles, each walking the tagger's growing word caches:
    20-30% of a worker's CPU. Reference counting still frees every object as soon as it is
    unused; only the search for cycles is deferred.
    """
    gc.set_threshold(*WORKER_GC_THRESHOLDS)


def _start_worker() -> None:
    """Workers leave Ctrl-C to the parent, which stops the run and shuts the pool down."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    collect_garbage_rarely()


def prepare_in_workers(root: Path, files: Iterable[CorpusFile], stages: Sequence[IndexStage],
                       processes: int) -> Generator[Prepared, None, None]:
    """Read here, analyse in ``processes`` worker processes; yields in corpus order.

    Closing the iterator early (cancel, error) cancels the chunks not yet started.
    """
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=processes, mp_context=context, initializer=_start_worker)
    pending: deque[tuple[CorpusFile, Future[list[tuple[Article, tuple[Any, ...]]]] | SkippedFile,
                         tuple[FileWarning, ...] | None]] = deque()
    try:
        for corpus_file in files:
            contents = _read(root, corpus_file)
            if isinstance(contents, SkippedFile):
                pending.append((corpus_file, contents, ()))
            else:
                articles = contents.articles
                starts = range(0, max(len(articles), 1), CHUNK_ARTICLES)
                for start in starts:
                    chunk = articles[start:start + CHUNK_ARTICLES]
                    last = tuple(contents.warnings) if start == starts[-1] else None
                    pending.append((corpus_file, pool.submit(analyse, stages, chunk), last))
            while len(pending) > MAX_CHUNKS_IN_FLIGHT:
                yield _resolve(*pending.popleft())
        while pending:
            yield _resolve(*pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _resolve(corpus_file: CorpusFile, work: Future | SkippedFile,  # type: ignore[type-arg]
             warnings: tuple[FileWarning, ...] | None) -> Prepared:
    """The Prepared piece of a chunk; ``warnings`` is None on every piece of a file but its last."""
    if isinstance(work, SkippedFile):
        return Prepared(corpus_file, [], work, last=True)
    return Prepared(corpus_file, work.result(), None, last=warnings is not None, warnings=warnings or ())
