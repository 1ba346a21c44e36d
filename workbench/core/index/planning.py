"""Cutting an update's work into tasks for the workers (preparing.py).

Each task becomes one Whoosh segment, published as soon as it is finished, so task sizes
decide how soon (and how often) new articles become searchable, how much memory a worker
needs, and how many segments the index ends up with. Tasks start small, so the first articles
are searchable within a second or two of the workers' start, and double in size up to
``MAX_TASK_BYTES`` (a few seconds of one worker), or more for a very large update, which
would otherwise end in more than ``TARGET_SEGMENTS`` segments. (A search costs about the same
over fifty segments as over one: corpus_index.py.)

Single-article files (and collections small enough to read at once) are grouped into
``FilesTask``s and read by the workers. A large collection (JSONL, CSV, JSON) is streamed
here, an article at a time (``ingest.read_articles``), and cut into ``RecordsTask``s: even one huge file is spread over
every worker, memory stays bounded whatever its size, and an interrupted run resumes at the
record after the last one committed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from workbench.core.index.preparing import FilesTask, RecordsTask, Task, record_number
from workbench.core.ingest import Article, CorpusFile, SkippedFile, read_articles
from workbench.core.ingest.formats import COLLECTION_KINDS, kind_of

__all__ = ["FIRST_TASK_BYTES", "MAX_TASK_BYTES", "FileFailure", "TaskSizes", "plan_tasks"]

FIRST_TASK_BYTES = 96 * 1024
"""The first task: about 30 news articles, searchable a second or two after the workers start."""
MAX_TASK_BYTES = 2 * 1024 * 1024
"""The largest task of an ordinary update: about 600 news articles, some five seconds of one
worker's time. Larger tasks cost memory while their segment is built (3 MB tasks: peak RSS of
two processes 701 MB on 30,000 articles, against 589 MB with 2 MB) and leave one worker busy
with the last big task while the other waits (249 s against 192 s, bench/index_bench.py)."""
TARGET_SEGMENTS = 48
"""A very large update makes its tasks larger than MAX_TASK_BYTES to end in about this many
segments (updating.MAX_SEGMENTS keeps them: merging segments costs more than it saves)."""
STREAM_COLLECTION_BYTES = 2 * 1024 * 1024
"""Collections at least this large are streamed record by record; smaller ones are read whole."""


@dataclass(frozen=True)
class FileFailure:
    """A streamed collection that turned out unreadable part-way: what was taken from it goes."""

    file: CorpusFile
    skipped: SkippedFile


class TaskSizes:
    """The byte budget of each next task: FIRST_TASK_BYTES, doubling up to the largest size
    for an update of ``total_bytes``."""

    def __init__(self, total_bytes: int = 0) -> None:
        self._next = FIRST_TASK_BYTES
        self._largest = max(MAX_TASK_BYTES, total_bytes // TARGET_SEGMENTS)

    def take(self) -> int:
        """The budget of the next task."""
        size = self._next
        self._next = min(self._largest, self._next * 2)
        return size


def is_streamed(corpus_file: CorpusFile) -> bool:
    """True for a collection large enough to be streamed and indexed in several tasks."""
    return kind_of(corpus_file.relpath) in COLLECTION_KINDS and corpus_file.size >= STREAM_COLLECTION_BYTES


def plan_tasks(root: Path, files: Sequence[CorpusFile], resume: dict[str, int],
               sizes: TaskSizes) -> Iterator[Task | FileFailure]:
    """The tasks for ``files`` (in corpus order, streamed collections after the other files).

    ``resume`` maps a collection to the last record already committed: its task list starts
    after it. A streamed collection's last task has ``last=True`` (then the file is complete);
    if the collection proves unreadable part-way, a ``FileFailure`` follows its tasks.
    """
    group: list[CorpusFile] = []
    budget = sizes.take()
    used = 0
    for corpus_file in files:
        if is_streamed(corpus_file):
            continue
        group.append(corpus_file)
        used += corpus_file.size
        if used >= budget:
            yield FilesTask(tuple(group))
            group, used, budget = [], 0, sizes.take()
    if group:
        yield FilesTask(tuple(group))
    for corpus_file in files:
        if is_streamed(corpus_file):
            yield from _collection_tasks(root, corpus_file, resume.get(corpus_file.relpath, 0), sizes)


def _collection_tasks(root: Path, corpus_file: CorpusFile, after: int,
                      sizes: TaskSizes) -> Iterator[RecordsTask | FileFailure]:
    """The RecordsTasks of one collection, from the record after ``after``; the last one carries
    the file's warnings (known once the whole file has been read)."""
    stream = read_articles(root, corpus_file.relpath, start=after + 1)
    articles = iter(stream)
    chunk: list[Article] = []
    budget = sizes.take()
    used = 0
    try:
        for article in articles:
            if used >= budget:
                last_record = record_number(chunk[-1])
                yield RecordsTask(corpus_file, tuple(chunk), last=False, after=after, last_record=last_record)
                chunk, used, budget, after = [], 0, sizes.take(), last_record
            chunk.append(article)
            used += 2 * len(article.text)
    except SkippedFile as skipped:
        yield FileFailure(corpus_file, skipped)
        return
    finally:
        articles.close()  # type: ignore[attr-defined]
    last_record = record_number(chunk[-1]) if chunk else after
    yield RecordsTask(corpus_file, tuple(chunk), last=True, after=after, last_record=last_record,
                      warnings=tuple(stream.warnings))
