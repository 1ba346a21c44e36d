"""The indexing work of one task, done in a worker process: read, analyse, tag, write a segment.

The process that updates an index (corpus_index.py) cuts the work into tasks: a run of
single-article files (``FilesTask``), or a run of records of one large collection
(``RecordsTask``; the updating process streams the collection's articles and cuts them, so
even one 30,000-record JSONL file is spread over the workers). A worker does everything
per-article for its task: reads the files (metadata, boilerplate) or takes the articles, runs
the analysis stages (entity tagging) on batches of articles, analyses the text for Whoosh and
writes ONE finished Whoosh segment (segments.py) into its own build folder. The updating
process only publishes finished segments, so it does no text work at all, and the workers
use every core.

A document never fails a task: an article whose analysis or indexing raises is skipped with
its reason (``index_error``), its file or record reported, and the rest goes on.

Workers are started with "spawn", which is safe from any thread (the GUI indexes from a worker
thread); they leave Ctrl-C to the updating process, stop at the next article when it sets the
shared stop flag (the segment of what they did is still written and published), and exit by
themselves when the updating process dies (a watchdog thread on its pipe).
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from whoosh.codec.whoosh3 import W3Segment
from whoosh.filedb.filestore import FileStorage

from workbench.core.index.manifest import SegmentRow
from workbench.core.index.publishing import checksum_file
from workbench.core.index.schema import build_schema, document_fields
from workbench.core.index.segments import SegmentBuilder, segment_file_name
from workbench.core.index.stages import IndexStage
from workbench.core.ingest import Article, CorpusFile, FileWarning, SkippedFile, read_file
from workbench.core.messages import translatable

__all__ = ["BUILD_PREFIX", "FileOutcome", "FilesTask", "Preparer", "RecordsTask", "Task", "TaskResult",
           "collect_garbage_rarely", "start_worker", "worker_run"]

CHUNK_ARTICLES = 16
"""Articles the stages analyse at once (tagging a batch is several times faster than one by one)."""
WORKER_GC_THRESHOLDS = (100_000, 50, 100)
"""gc.set_threshold values of the worker processes (CPython 3.11 defaults to 700, 10, 10)."""
BUILD_PREFIX = ".build-"
"""Build folders (one per worker process) inside the index folder; leftovers are removed on open."""


@dataclass(frozen=True)
class FilesTask:
    """Single-article files (and small collections), read whole by the worker."""

    files: tuple[CorpusFile, ...]


@dataclass(frozen=True)
class RecordsTask:
    """The articles of consecutive records of one large collection file, read by the updating
    process (``ingest.read_articles`` streams them: memory stays bounded whatever the file)."""

    file: CorpusFile
    articles: tuple[Article, ...]
    last: bool
    """True for the file's final records: once they are in, the file is complete."""
    after: int = 0
    """The last record handled before this task (0: the task starts the file)."""
    last_record: int = 0
    """The number of the last record read for this task (records without an article included)."""
    warnings: tuple[FileWarning, ...] = ()
    """The last task only: the problems inside the whole file (records left out, bytes replaced)."""


Task = FilesTask | RecordsTask


@dataclass
class FileOutcome:
    """What a task did with one file (for a RecordsTask: with its records in the task)."""

    file: CorpusFile
    articles: int = 0
    """Articles of the file added to the task's segment."""
    last_record: int = 0
    """RecordsTask: the number of the last record handled (the file resumes after it)."""
    skipped: SkippedFile | None = None
    """Why the file could not be indexed (nothing of it is in the segment)."""
    warnings: tuple[FileWarning, ...] = ()
    """Problems inside the file that was indexed (for a collection: with its last records)."""


@dataclass
class TaskResult:
    """A finished task: its segment (in ``folder``) and what it holds."""

    segment: W3Segment | None
    """None when no article was added."""
    segment_row: SegmentRow | None
    folder: str
    outcomes: list[FileOutcome]
    """The files handled, in order; a stopped task leaves out those it did not reach."""
    results: list[tuple[str, str, tuple[Any, ...]]] = field(default_factory=list)
    """(article id, path, one result per stage) of every article in the segment."""
    problems: list[SkippedFile] = field(default_factory=list)
    """Single records (or articles) left out of files that were otherwise indexed."""
    stopped: bool = False
    seconds: float = 0.0
    source_bytes: int = 0
    """Bytes of the files (or records' text) handled: what task sizes are measured in."""


class StopFlag(Protocol):
    """A flag the updating process sets to make workers stop (a multiprocessing Event)."""

    def is_set(self) -> bool:
        """True once the run should stop."""


class Preparer:
    """One process's indexing state: the corpus, its schema and stages, and a build folder."""

    def __init__(self, root: Path, index_dir: Path, stages: Sequence[IndexStage], stop: StopFlag,
                 on_articles: Callable[[int], None] | None = None) -> None:
        self.root = root
        self.stages = tuple(stages)
        self.stop = stop
        self.on_articles = on_articles
        """Told how many articles each analysed batch added (live progress)."""
        self.schema = build_schema(tuple(stage.name for stage in self.stages))
        self.folder = index_dir / f"{BUILD_PREFIX}{os.getpid()}"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.storage = FileStorage(str(self.folder))

    def run(self, task: Task) -> TaskResult:
        """Do one task: its segment is written in ``self.folder``, ready to publish."""
        started = time.monotonic()
        work = _TaskWork(self, SegmentBuilder(self.storage, self.schema), TaskResult(None, None, str(self.folder), []))
        if isinstance(task, FilesTask):
            work.files(task.files)
        else:
            work.records(task)
        work.flush()
        result = work.result
        segment = work.builder.finish()
        if segment is not None:
            result.segment = segment
            result.segment_row = checksum_file(self.folder / segment_file_name(segment))
        result.seconds = time.monotonic() - started
        return result


class _TaskWork:
    """One task in progress: articles wait in ``pending`` until a batch is full, then the
    stages analyse the batch and each article goes into the segment."""

    def __init__(self, preparer: Preparer, builder: SegmentBuilder, result: TaskResult) -> None:
        self.preparer = preparer
        self.builder = builder
        self.result = result
        self.pending: list[tuple[FileOutcome, Article]] = []

    def files(self, files: Sequence[CorpusFile]) -> None:
        """Read and add whole files, stopping between files when asked to."""
        for corpus_file in files:
            if self.preparer.stop.is_set():
                self.result.stopped = True
                break
            outcome = FileOutcome(corpus_file)
            self.result.outcomes.append(outcome)
            self.result.source_bytes += corpus_file.size
            try:
                contents = read_file(self.preparer.root, corpus_file.relpath)
            except SkippedFile as skipped:
                outcome.skipped = skipped
                continue
            except Exception as error:  # one file never fails the task (see the module docstring)
                outcome.skipped = _skip(corpus_file.relpath, error)
                continue
            outcome.warnings = tuple(contents.warnings)
            self.queue(outcome, contents.articles)
        self.flush()
        for outcome in self.result.outcomes:
            if outcome.skipped is None and outcome.articles == 0:
                # Its only article failed: the file is what is skipped (its id is its path).
                own = [p for p in self.result.problems if p.relpath == outcome.file.relpath]
                outcome.skipped = own[0] if own else SkippedFile(outcome.file.relpath, "index_error", translatable(
                    "None of its articles could be indexed; the reasons are listed with its articles."))
                self.result.problems = [p for p in self.result.problems if p.relpath != outcome.file.relpath]

    def records(self, task: RecordsTask) -> None:
        """Add the articles of records of one collection, stopping between articles when asked to.

        A task that runs to its end has handled every record up to ``task.last_record`` (those
        without an article too); a stopped one, up to its last article queued."""
        outcome = FileOutcome(task.file, last_record=task.after)
        self.result.outcomes.append(outcome)
        for article in task.articles:
            if self.preparer.stop.is_set():
                self.result.stopped = True
                break
            self.result.source_bytes += 2 * len(article.text)
            self.queue(outcome, [article])
            outcome.last_record = record_number(article)  # handled: the task flushes every queued article
        else:
            outcome.last_record = task.last_record
            outcome.warnings = task.warnings

    def queue(self, outcome: FileOutcome, articles: list[Article]) -> None:
        """Add articles to the batch; analyse and write the batch once it is full."""
        self.pending += [(outcome, article) for article in articles]
        if len(self.pending) >= CHUNK_ARTICLES:
            self.flush()

    def flush(self) -> None:
        """Analyse the waiting articles with the stages, then add each to the segment."""
        pending, self.pending = self.pending, []
        if not pending:
            return
        found = self._analyse([article for _, article in pending])
        for (outcome, article), stage_results in zip(pending, found, strict=True):
            if stage_results is None:
                continue
            try:
                terms = {stage.name: list(stage.terms(value))
                         for stage, value in zip(self.preparer.stages, stage_results, strict=True)}
                self.builder.add(document_fields(article, terms))
            except Exception as error:  # one article never fails the task
                self.result.problems.append(_skip(article.id, error))
                continue
            outcome.articles += 1
            self.result.results.append((article.id, article.path, stage_results))
        if self.preparer.on_articles is not None:
            self.preparer.on_articles(len(pending))

    def _analyse(self, articles: list[Article]) -> list[tuple[Any, ...] | None]:
        """Each article's stage results; an article whose analysis fails gets None (and is reported)."""
        stages = self.preparer.stages
        try:
            per_stage = [stage.analyse(articles) for stage in stages]
            return [tuple(values) for values in zip(*per_stage, strict=True)] if stages else [()] * len(articles)
        except Exception as error:
            if len(articles) == 1:
                self.result.problems.append(_skip(articles[0].id, error))
                return [None]
        return [found for article in articles for found in self._analyse([article])]


def record_number(article: Article) -> int:
    """The record number of an article of a collection (its id is ``relpath#n``)."""
    return int(article.id.rsplit("#", 1)[1])


def _skip(relpath: str, error: BaseException) -> SkippedFile:
    return SkippedFile(relpath, "index_error", translatable("It could not be indexed ({error}). Please report this, "
                                                            "with the file if you can."),
                       error=f"{type(error).__name__}: {error}")


# -- worker processes -------------------------------------------------------------------------

_PREPARER: Preparer | None = None


def collect_garbage_rarely() -> None:
    """Run CPython's cyclic garbage collector about a hundred times less often in this process.

    For processes that only index articles (the workers, and bench/tagger_bench.py, which
    measures what they do). Tagging allocates millions of short-lived objects and no reference
    cycles, so the collector never found anything to free, yet at its default thresholds it
    ran about 20 full collections per 5,000 articles, each walking the tagger's growing word
    caches: 20-30% of a worker's CPU. Reference counting still frees every object as soon as
    it is unused; only the search for cycles is deferred.
    """
    gc.set_threshold(*WORKER_GC_THRESHOLDS)


def start_worker(root: str, index_dir: str, stages: tuple[IndexStage, ...], stop: StopFlag, live: Any) -> None:
    """Initializer of a worker process: ignore Ctrl-C, die with the parent, set up a Preparer.

    ``live`` is a shared counter (``multiprocessing.Value``) of the articles analysed so far,
    which the updating process reads for its progress reports.
    """
    global _PREPARER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    collect_garbage_rarely()
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), name="parent-watchdog", daemon=True).start()
    def count(articles: int) -> None:
        with live.get_lock():
            live.value += articles

    _PREPARER = Preparer(Path(root), Path(index_dir), stages, stop, count)


def _exit_with(sentinel: int) -> None:
    """Exit at once when the parent process is gone (its pipe closes): a killed run leaves no workers."""
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


def worker_run(task: Task) -> TaskResult:
    """The function the pool runs: one task with this process's Preparer."""
    assert _PREPARER is not None, "start_worker was not run in this process"
    return _PREPARER.run(task)
