"""One update run: compare the corpus with the manifest, then index, publish and tidy up.

``survey`` finds the work (read-only: it runs before the lock is taken, so an unchanged corpus
costs one folder scan and nothing else). ``Update`` does it under the lock: removed files go
first, in one batch; the changed and new files are planned into tasks (planning.py), run by
the workers (running.py), and each finished task is published as one batch (publishing.py)
that replaces the old articles of its files; at the end, segments that are mostly deleted
articles are merged, and so are the smallest ones once there are too many.

Bookkeeping per file across batches: a file's old articles (changed file, or a collection
indexed afresh) are deleted in the batch that publishes its first new ones; a collection
indexed over several batches is recorded as partial (``records`` = last record committed)
until its last batch, so a stopped run resumes after it; if one of its batches is cut short
(cancel), the later ones of the same run are not published, since the file must resume from
the first record that is missing.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.core.index.manifest import FileRow, Manifest
from workbench.core.index.planning import FileFailure, TaskSizes, plan_tasks
from workbench.core.index.preparing import RecordsTask, Task, TaskResult
from workbench.core.index.publishing import Publisher
from workbench.core.index.running import TaskRunner
from workbench.core.index.segments import segment_file_name
from workbench.core.index.stages import IndexStage
from workbench.core.ingest import CorpusFile, SkippedFile, scan_corpus
from workbench.core.messages import Message, translatable
from workbench.core.progress import CancelToken, Progress, ProgressCallback

if TYPE_CHECKING:
    from workbench.core.index.corpus_index import UpdateReport

__all__ = ["MAX_SEGMENTS", "Survey", "Update", "survey"]

MAX_SEGMENTS = 48
"""Past this many segments, the smallest are merged at the end of an update (a search costs about
the same over fifty segments as over one, but more over hundreds; merging is Whoosh's own
re-posting of every term: merging a 30,000-article run of 1.5 MB tasks down to 32 segments
added about 120 CPU s, so only the smallest are merged).
The same as planning.TARGET_SEGMENTS, so a large first run merges only its small first tasks."""
PROGRESS_INTERVAL = 0.2
PARALLEL_MIN_BYTES = 2_000_000
"""Runs with less text than this stay in-process (about 600 news articles): starting workers, each
loading the entity tagger, would cost more than it saves."""


@dataclass
class Survey:
    """The work an update has to do."""

    todo: list[CorpusFile]
    """New and changed files, and partly indexed collections (in corpus order)."""
    removed: list[str]
    resume: dict[str, int]
    """Partly indexed, unchanged collections: the last record already committed."""
    scan_skipped: list[SkippedFile]
    present: set[str]

    @property
    def has_work(self) -> bool:
        """True when files must be indexed or dropped."""
        return bool(self.todo or self.removed)


def survey(root: Path, manifest: Manifest, report: UpdateReport) -> Survey:
    """Compare the corpus with the manifest; sets ``report.unchanged`` (indexed files) and
    ``report.removed``.

    A file is unchanged when its size and mtime are those recorded, whether it was indexed or
    found unreadable (so an unreadable file is not read again until it changes).
    """
    files, scan_skipped = scan_corpus(root)
    known = manifest.files()
    judged = manifest.skipped_versions()
    present = {f.relpath for f in files}
    todo: list[CorpusFile] = []
    resume: dict[str, int] = {}
    unchanged = 0
    for corpus_file in files:
        row = known.get(corpus_file.relpath)
        if row is not None and row.matches(corpus_file):
            if row.complete:
                unchanged += 1
                continue
            resume[corpus_file.relpath] = row.records
        elif row is None and judged.get(corpus_file.relpath) == (corpus_file.size, corpus_file.mtime_ns):
            continue
        todo.append(corpus_file)
    removed = sorted(p for p in known if p not in present)
    report.unchanged, report.removed = unchanged, len(removed)
    return Survey(todo, removed, resume, list(scan_skipped), present)


class Update:
    """One run of an update under the index lock (see the module docstring)."""

    def __init__(self, root: Path, index_dir: Path, stages: Sequence[IndexStage], publisher: Publisher,
                 report: UpdateReport, progress: ProgressCallback | None, cancel: CancelToken | None) -> None:
        self.root = root
        self.index_dir = index_dir
        self.stages = tuple(stages)
        self.publisher = publisher
        self.manifest = publisher.manifest
        self.report = report
        self.progress = progress
        self.cancel = cancel
        self.known: dict[str, FileRow] = {}
        self.started_files: set[str] = set()
        """Files this run has published something of."""
        self.broken: set[str] = set()
        """Collections whose next records were not all published: later batches are dropped."""
        self.file_articles: dict[str, int] = {}
        self.total_files = self.done_files = 0
        self.total_bytes = self.done_bytes = 0
        self.current = ""
        self.started = time.monotonic()
        self.last_progress = 0.0

    def run(self, processes: int) -> None:
        """Survey again (under the lock now), then index and publish everything that changed."""
        unchanged, removed = self.report.unchanged, self.report.removed
        work = survey(self.root, self.manifest, self.report)
        if self.started_files:  # a second attempt after the workers died: keep the first counts
            self.report.unchanged, self.report.removed = unchanged, removed
        self.manifest.record_scan_skips(work.scan_skipped, work.present)
        self.known = self.manifest.files()
        if work.removed:
            batch = self.publisher.next_batch()
            batch.forgotten = batch.stage_paths = list(work.removed)
            batch.unskipped = list(work.removed)
            self.publisher.publish(batch, delete_paths=work.removed)
        if work.todo:
            self._index(work, processes)
        if not self.report.cancelled:
            self._merge_small_segments()

    # -- indexing ---------------------------------------------------------------------------

    def _index(self, work: Survey, processes: int) -> None:
        self.total_files = len(work.todo)
        self.total_bytes = sum(f.size for f in work.todo)
        parallel = processes if self.total_bytes >= PARALLEL_MIN_BYTES else 1
        runner = TaskRunner(self.root, self.index_dir, self.stages, parallel)
        self.report.worker_processes = runner.worker_processes
        try:
            plan = plan_tasks(self.root, work.todo, work.resume, TaskSizes(self.total_bytes))
            for item, result in runner.results(plan, self.cancel, self._tick):
                if isinstance(item, FileFailure):
                    self._publish_failure(item)
                else:
                    assert result is not None
                    self._publish(item, result)
                self._tick(None, force=True)
            self.report.cancelled = runner.stopping
        finally:
            runner.close()

    def _publish(self, task: Task, result: TaskResult) -> None:
        """One finished task as one batch: its segment, and the old articles of its files gone."""
        batch = self.publisher.next_batch()
        delete: list[str] = []
        segment = segment_file_name(result.segment) if result.segment is not None else None
        for outcome in result.outcomes:
            corpus_file = outcome.file
            relpath = corpus_file.relpath
            if relpath in self.broken:
                continue
            row = self.known.get(relpath)
            first = relpath not in self.started_files
            resumed = isinstance(task, RecordsTask) and row is not None and row.matches(corpus_file) and not row.complete
            if first:
                self.started_files.add(relpath)
                self.file_articles[relpath] = row.articles if resumed and row is not None else 0
                if not resumed:
                    batch.unskipped.append(relpath)
                    if row is not None:
                        delete.append(relpath)
                        batch.stage_paths.append(relpath)
            self.current = relpath
            if outcome.skipped is not None:
                batch.forgotten.append(relpath)
                batch.skipped.append((outcome.skipped, corpus_file.size, corpus_file.mtime_ns))
                self.done_files += 1
                continue
            self.file_articles[relpath] += outcome.articles
            self.report.indexed_articles += outcome.articles
            complete = not isinstance(task, RecordsTask) or (task.last and not result.stopped)
            records = outcome.last_record if isinstance(task, RecordsTask) else 0
            batch.files.append(FileRow(relpath, corpus_file.size, corpus_file.mtime_ns, self.file_articles[relpath],
                                       records, complete))
            if segment is not None and outcome.articles:
                batch.placements.append((segment, relpath))
            if isinstance(task, RecordsTask) and result.stopped:
                self.broken.add(relpath)
            if complete:
                batch.warnings += outcome.warnings
                self.done_files += 1
                if row is None or resumed:  # a collection completed now counts as added
                    self.report.added += 1
                else:
                    self.report.changed += 1
        batch.skipped += [(problem, None, None) for problem in result.problems
                          if problem.relpath.split("#", 1)[0] not in self.broken]
        batch.stage_results = [found for found in result.results if found[1] not in self.broken]
        self.done_bytes += result.source_bytes
        if result.segment is not None and result.segment_row is not None and batch.placements:
            batch.segments = [result.segment_row]
            self.publisher.publish(batch, result.segment, Path(result.folder), delete)
        elif not batch.is_empty() or delete:
            self.publisher.publish(batch, delete_paths=delete)

    def _publish_failure(self, failure: FileFailure) -> None:
        """A collection found unreadable part-way: all of it goes, and it is reported."""
        relpath = failure.file.relpath
        self.broken.add(relpath)
        batch = self.publisher.next_batch()
        batch.forgotten = batch.stage_paths = batch.unskipped = [relpath]
        batch.skipped = [(failure.skipped, failure.file.size, failure.file.mtime_ns)]
        self.report.indexed_articles -= self.file_articles.get(relpath, 0)
        self.done_files += 1
        self.publisher.publish(batch, delete_paths=[relpath])

    def _tick(self, live_articles: int | None, force: bool = False) -> None:
        """Report progress (at most every PROGRESS_INTERVAL unless ``force``)."""
        now = time.monotonic()
        if self.progress is None or (not force and now - self.last_progress < PROGRESS_INTERVAL):
            return
        self.last_progress = now
        elapsed = now - self.started
        articles = max(live_articles or 0, self.report.indexed_articles)
        fraction = min(1.0, self.done_bytes / self.total_bytes) if self.total_bytes else 1.0
        eta = elapsed * (1 - fraction) / fraction if fraction > 0.02 else None
        self.progress(Progress("index", self.done_files, self.total_files, articles=articles,
                               rate=articles / elapsed if elapsed > 0 else 0.0, eta_seconds=eta,
                               message=self.current, fraction=fraction))

    # -- merging and repairing --------------------------------------------------------------

    def _merge_small_segments(self) -> None:
        """Merge the segments that are mostly deleted articles, and the smallest ones past
        MAX_SEGMENTS (incremental updates each add a small segment)."""
        segments = sorted(self.publisher.segments, key=lambda s: s.doc_count())
        chosen = [s for s in segments if 2 * s.deleted_count() > s.doc_count_all()]
        for segment in segments:
            if len(segments) - len(chosen) + (1 if chosen else 0) <= MAX_SEGMENTS:
                break
            if segment not in chosen:
                chosen.append(segment)
        if not chosen:
            return
        if self.progress is not None:
            self.progress(Progress("merge", 0, 1, message=f"merging {len(chosen)} segments"))
        merged = self.publisher.merge([segment_file_name(s) for s in chosen],
                                      lambda: self.cancel is not None and self.cancel.cancelled)
        if self.progress is not None and merged:
            self.progress(Progress("merge", 1, 1))

    @staticmethod
    def repair(publisher: Publisher, damaged: Sequence[str]) -> Message:
        """Drop damaged segments and forget their files (the run then indexes them again)."""
        paths = sorted(publisher.manifest.placed_in(damaged))
        batch = publisher.next_batch()
        batch.dropped_segments = list(damaged)
        batch.forgotten = batch.stage_paths = paths
        publisher.publish(batch, delete_paths=paths)
        return Message(translatable("Part of the index was damaged ({segments} failed its checksum); the {files} "
                                    "file(s) it held have been indexed again."),
                       {"segments": ", ".join(damaged), "files": len(paths)})
