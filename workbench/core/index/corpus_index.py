"""The per-corpus Whoosh index: open (or repair), update incrementally, read articles.

Layout: ``<data home>/corpora/<key>/index/`` holds the Whoosh segments, ``manifest.sqlite3``
(see manifest.py) and the stores of the analysis stages (stages.py; the entity catalog). The
corpus folder itself is only ever read. Searching is the search package's job: it reads
through ``reading()``.

Safety rules this module keeps:
- Whoosh commits are atomic; the stage stores and then the manifest are written after each
  commit. An interrupted run
  (Ctrl-C, crash, power loss) leaves the last committed index usable and the next run
  re-processes whatever the manifest does not vouch for.
- Work is committed every COMMIT_EVERY articles, so a cancelled or crashed run keeps what it did.
- An index that cannot be opened, or was written with another SCHEMA_VERSION, is rebuilt from
  the corpus and the reason is reported (``UpdateReport.rebuilt_reason``), never a traceback.
- Whoosh's write lock is an OS file lock, released when a process dies, so a crashed run never
  leaves a stale lock behind; a live writer elsewhere gives a clear IndexBusyError.
"""

from __future__ import annotations

import gc
import logging
import shutil
import threading
import time
import warnings
from collections.abc import Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh import query as wq
from whoosh import scoring
from whoosh.searching import Searcher

from workbench.core import paths
from workbench.core.errors import CorpusError, IndexBusyError, IndexingError
from workbench.core.index.manifest import Manifest
from workbench.core.index.mapped_storage import MappedStorage
from workbench.core.index.preparing import prepare_in_process, prepare_in_workers
from workbench.core.index.schema import SCHEMA_VERSION, article_from_stored, build_schema, document_fields
from workbench.core.index.stages import IndexStage, StageStore
from workbench.core.ingest import Article, CorpusFile, FileWarning, SkippedFile, scan_corpus
from workbench.core.messages import translatable
from workbench.core.progress import CancelToken, Progress, ProgressCallback

__all__ = ["RESPONSIVE_WRITER_MEMORY_MB", "WEIGHTING", "CorpusIndex", "IndexInfo", "UpdateReport"]

log = logging.getLogger(__name__)

INDEX_NAME = "MAIN"
"""Whoosh's name for the index in its folder (its default, so older indexes open unchanged)."""

COMMIT_EVERY = 5000
PARALLEL_MIN_BYTES = 2_000_000
"""Runs with less text to index stay in-process: worker start-up would cost more than it saves."""
WRITE_LOCK_TIMEOUT = 3.0
WRITER_MEMORY_MB = 32
"""Whoosh's posting buffer before it spills to sorted runs on disk. Python objects make the real
footprint several times this: 128 MB peaked at 575 MB for 6,000 articles, 32 MB at 361 MB, at
the same speed (100 articles/s)."""
RESPONSIVE_WRITER_MEMORY_MB = 2
"""A buffer whose sort takes under ~100 ms (about 24,000 postings), for indexing beside a GUI."""
PROGRESS_INTERVAL = 0.2
WEIGHTING = scoring.BM25F(B=0.75, K1=1.2)


@dataclass
class UpdateReport:
    """What one update run did. File counts, except ``articles`` (total in the index after the run)."""

    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    articles: int = 0
    skipped: list[SkippedFile] = field(default_factory=list)
    warnings: list[FileWarning] = field(default_factory=list)
    """Problems inside indexed files (records left out, bytes replaced), for every indexed file."""
    cancelled: bool = False
    seconds: float = 0.0
    rebuilt_reason: str | None = None
    indexed_articles: int = 0
    """Articles read and indexed by this run."""
    worker_processes: int = 0
    """Worker processes that ran the analysis stages for this run (0: the indexing process did);
    0 also after workers failed and the run went on in-process."""


@dataclass(frozen=True)
class IndexInfo:
    """Facts about an indexed corpus (``workbench info``)."""

    corpus: Path
    articles: int
    files: int
    sources: dict[str, int]
    date_min: str | None
    date_max: str | None
    skipped: list[SkippedFile]
    warnings: list[FileWarning]
    index_path: Path
    index_bytes: int


class CorpusIndex:
    """The index of one corpus folder. Safe for one updating thread beside reading threads."""

    def __init__(self, corpus: Path, index_dir: Path, ix: windex.Index, manifest: Manifest,
                 stages: tuple[IndexStage, ...], stores: dict[str, StageStore], rebuilt_reason: str | None) -> None:
        self.corpus = corpus
        self.index_dir = index_dir
        self.stages = stages
        self._ix = ix
        self._manifest = manifest
        self._stores = stores
        self._rebuilt_reason = rebuilt_reason
        self._read_lock = threading.RLock()
        self._write_lock = threading.Lock()
        self._searcher: Searcher | None = None
        self._retired: list[Searcher] = []

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def open(cls, corpus: Path | str, stages: Sequence[IndexStage] = ()) -> CorpusIndex:
        """Open the index of ``corpus``, creating or repairing it as needed (no indexing yet).

        ``stages`` are the analyses run on every article while indexing (the workspace passes
        entity extraction); an index opened with other stages than it was built with is rebuilt.
        """
        root = Path(corpus).expanduser().resolve()
        if not root.exists():
            raise CorpusError(translatable("The corpus folder {folder} does not exist: check the path or open "
                                           "another folder."), folder=root)
        if not root.is_dir():
            raise CorpusError(translatable("{folder} is a file, not a folder: open the folder that contains the "
                                           "articles."), folder=root)
        index_dir = paths.index_dir(root)
        try:
            index_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise IndexingError(translatable("Cannot create the index folder {folder} ({reason}): make it writable "
                                             "or set WORKBENCH_HOME to another folder."),
                                folder=index_dir, reason=error.strerror) from error
        stages = tuple(stages)
        ix, manifest, reason = cls._open_or_rebuild(index_dir, root, stages)
        stores = {stage.name: stage.open_store(index_dir) for stage in stages}
        return cls(root, index_dir, ix, manifest, stages, stores, reason)

    @staticmethod
    def _open_or_rebuild(index_dir: Path, root: Path,
                         stages: tuple[IndexStage, ...]) -> tuple[windex.Index, Manifest, str | None]:
        manifest: Manifest | None = None
        reason: str | None = None
        layout = _layout(stages)
        try:
            manifest = Manifest(index_dir)
            version = manifest.get_meta("schema_version")
            has_toc = any(index_dir.glob("*.toc"))
            if version == layout and has_toc:
                return _open_whoosh(index_dir), manifest, None
            if version is not None and version != layout:
                reason = (f"The index was made by another version of the workbench (format {version}, "
                          f"now {layout}); it has been rebuilt from the corpus.")
            elif version is not None or has_toc:
                reason = "The index was incomplete; it has been rebuilt from the corpus."
        except Exception as error:  # any failure to read an existing index means it is damaged: rebuild
            log.warning("index at %s unreadable, rebuilding: %r", index_dir, error)
            reason = f"The index was damaged ({error}) and has been rebuilt from the corpus."
        if manifest is not None:
            manifest.close()
        ix, manifest = CorpusIndex._create(index_dir, root, stages)
        return ix, manifest, reason

    @staticmethod
    def _create(index_dir: Path, root: Path, stages: tuple[IndexStage, ...]) -> tuple[windex.Index, Manifest]:
        """A new, empty index folder: the Whoosh index, then the manifest (written last)."""
        shutil.rmtree(index_dir, ignore_errors=True)
        index_dir.mkdir(parents=True, exist_ok=True)
        schema = build_schema(tuple(stage.name for stage in stages))
        ix = windex.FileIndex.create(MappedStorage(str(index_dir)), schema, INDEX_NAME)
        manifest = Manifest(index_dir)
        manifest.set_meta({"schema_version": _layout(stages), "corpus": str(root)})
        return ix, manifest

    def stage_store(self, name: str) -> StageStore:
        """The store of the stage called ``name`` (KeyError if the index runs no such stage)."""
        return self._stores[name]

    def close(self) -> None:
        """Release the searchers, the manifest and the stage stores."""
        with self._read_lock:
            for searcher in [*self._retired, self._searcher]:
                if searcher is not None:
                    searcher.close()
            self._searcher, self._retired = None, []
        self._manifest.close()
        for store in self._stores.values():
            store.close()

    # -- updating ---------------------------------------------------------------------------

    def update(self, progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
               processes: int = 1, writer_memory_mb: int = WRITER_MEMORY_MB) -> UpdateReport:
        """Bring the index in line with the corpus folder: add new and changed files, drop deleted ones.

        Cancelling commits the finished work and returns a report with ``cancelled=True``.
        ``processes`` > 1 lets large runs (PARALLEL_MIN_BYTES of files or more) run the analysis
        stages in that many worker processes while this one writes the index (see preparing.py).
        ``writer_memory_mb`` is Whoosh's posting buffer: Whoosh sorts a full buffer in one call
        that holds the GIL for ~3 us per posting, so an interactive caller indexing on a thread
        passes a small value (RESPONSIVE_WRITER_MEMORY_MB) to keep its event loop responsive.
        If the worker processes die (killed, out of memory), the run goes on in this process.
        Raises CorpusError (folder gone), IndexBusyError, IndexingError (disk full, ...).
        """
        with self._write_lock:
            try:
                return self._update(progress, cancel, processes, writer_memory_mb)
            except BrokenProcessPool:
                log.warning("indexing workers stopped; continuing in this process", exc_info=True)
                return self._update(progress, cancel, 1, writer_memory_mb)

    def take_rebuilt_reason(self) -> str | None:
        """Why open() rebuilt the index (None if it did not); reported once, by the next update."""
        reason, self._rebuilt_reason = self._rebuilt_reason, None
        return reason

    def _update(self, progress: ProgressCallback | None, cancel: CancelToken | None, processes: int,
                writer_memory_mb: int) -> UpdateReport:
        """update() under the write lock: compares the corpus with the manifest afresh each time."""
        started = time.monotonic()
        report = UpdateReport(rebuilt_reason=self.take_rebuilt_reason())
        files, scan_skipped = scan_corpus(self.corpus)
        known = self._manifest.files()
        current = {f.relpath for f in files}
        removed = [p for p in known if p not in current]
        todo = [f for f in files if known.get(f.relpath) != (f.size, f.mtime_ns)]
        report.unchanged = len(files) - len(todo)
        report.removed = len(removed)
        report.skipped = list(scan_skipped)
        self._manifest.forget_skipped_except(current | {s.relpath for s in scan_skipped})
        if todo or removed:
            parallel = processes if sum(f.size for f in todo) >= PARALLEL_MIN_BYTES else 1
            self._write(todo, removed, known, report, progress, cancel, started, parallel, writer_memory_mb)
            report.worker_processes = parallel if parallel > 1 else 0
        self._manifest.record_skipped(scan_skipped, [s.relpath for s in scan_skipped])
        report.skipped = self._manifest.skipped()
        report.warnings = self._manifest.warnings()
        report.articles = self._doc_count()
        report.seconds = time.monotonic() - started
        return report

    def _write(self, todo: list[CorpusFile], removed: list[str], known: dict[str, tuple[int, int]],
               report: UpdateReport, progress: ProgressCallback | None, cancel: CancelToken | None,
               started: float, processes: int, memory_mb: int) -> None:
        writer = self._writer(memory_mb)
        for relpath in removed:
            writer.delete_by_term("path", relpath)
        batch: list[tuple[CorpusFile, int]] = []
        results: list[tuple[str, str, tuple[Any, ...]]] = []
        forgotten = list(removed)
        batch_skipped: list[SkippedFile] = []
        batch_warnings: list[FileWarning] = []
        tried: list[str] = []
        batch_articles = file_articles = done = 0
        current: str | None = None
        last_report = 0.0
        pieces = (prepare_in_workers(self.corpus, todo, self.stages, processes) if processes > 1
                  else prepare_in_process(self.corpus, todo, self.stages))
        try:
            mid_file = False
            with closing(pieces):
                for piece in pieces:
                    if cancel is not None and cancel.cancelled:
                        report.cancelled = True
                        mid_file = piece.file.relpath == current  # a collection file only partly added
                        break
                    if piece.file.relpath != current:
                        current = piece.file.relpath
                        tried.append(current)
                        if current in known:
                            writer.delete_by_term("path", current)
                    if piece.skipped is not None:
                        batch_skipped.append(piece.skipped)
                        if current in known:
                            forgotten.append(current)
                    for article, found in piece.articles:
                        results.append((article.id, article.path, found))
                        writer.add_document(**document_fields(article, self._stage_terms(found)))
                    file_articles += len(piece.articles)
                    if piece.last:
                        done += 1
                        if piece.skipped is None:
                            batch.append((piece.file, file_articles))
                            batch_warnings.extend(piece.warnings)
                            report.changed += current in known
                            report.added += current not in known
                            batch_articles += file_articles
                            report.indexed_articles += file_articles
                        file_articles = 0
                    now = time.monotonic()
                    if progress is not None and (now - last_report >= PROGRESS_INTERVAL or done == len(todo)):
                        last_report = now
                        articles = report.indexed_articles + file_articles
                        progress(_progress(done, len(todo), articles, now - started, current))
                    if batch_articles >= COMMIT_EVERY:
                        self._commit(writer, batch, results, forgotten, batch_skipped, tried, progress, batch_warnings)
                        batch, results, forgotten, batch_skipped, tried, batch_articles = [], [], [], [], [], 0
                        batch_warnings = []
                        writer = self._writer(memory_mb)
            if mid_file:
                # A file counts as indexed whole or not at all: drop the uncommitted batch (the
                # next run redoes it) rather than save part of a collection.
                writer.cancel()
                _uncount(report, batch, known)
            else:
                self._commit(writer, batch, results, forgotten, batch_skipped, tried, progress, batch_warnings)
        except BaseException:
            writer.cancel()
            raise

    def _writer(self, memory_mb: int) -> Any:
        """A Whoosh writer (its type is not public API); IndexBusyError while another process writes."""
        try:
            return self._ix.writer(timeout=WRITE_LOCK_TIMEOUT, limitmb=memory_mb)
        except windex.LockError as error:
            raise IndexBusyError(translatable("Another workbench process is updating the index of {corpus}: "
                                              "wait for it to finish, then try again."), corpus=self.corpus) from error

    def _stage_terms(self, found: tuple[Any, ...]) -> dict[str, list[str]]:
        """Per stage field, the keyword terms of one article's stage results."""
        return {stage.name: list(stage.terms(result)) for stage, result in zip(self.stages, found, strict=True)}

    def _commit(self, writer: Any, batch: list[tuple[CorpusFile, int]],
                results: list[tuple[str, str, tuple[Any, ...]]], forgotten: list[str],
                skipped: list[SkippedFile], tried: list[str], progress: ProgressCallback | None,
                warnings: Sequence[FileWarning] = ()) -> None:
        if progress is not None:
            progress(Progress("commit", 0, 0, message="saving the index"))
        try:
            writer.commit()
        except OSError as error:
            raise IndexingError(translatable("Could not save the index in {folder} ({reason}): free disk space or "
                                             "fix permissions, then index again. The previous index is intact."),
                                folder=self.index_dir, reason=error.strerror or error) from error
        for number, stage in enumerate(self.stages):
            self._stores[stage.name].replace([*forgotten, *tried],
                                             [(article_id, path, found[number]) for article_id, path, found in results])
        self._manifest.record_batch(batch, forgotten, warnings)
        self._manifest.record_skipped(skipped, tried)

    # -- reading ----------------------------------------------------------------------------

    def _get_searcher(self) -> Searcher:
        """The current searcher, replaced after each commit.

        A replaced searcher is kept open (until close()) because SearchResults handed out
        earlier still read hits through it.
        """
        with self._read_lock:
            if self._searcher is not None and not self._searcher.up_to_date():
                self._retired.append(self._searcher)
                self._searcher = None
            if self._searcher is None:
                self._searcher = self._ix.searcher(weighting=WEIGHTING)
            return self._searcher

    @contextmanager
    def reading(self) -> Iterator[Searcher]:
        """The current searcher, held under the read lock for the block: how the search package
        reads the index (Whoosh searchers are not safe for concurrent use)."""
        with self._read_lock:
            yield self._get_searcher()

    @property
    def read_lock(self) -> threading.RLock:
        """The lock that guards every read of a searcher this index handed out."""
        return self._read_lock

    def _doc_count(self) -> int:
        with self._read_lock:
            return int(self._get_searcher().doc_count())

    def article(self, article_id: str) -> Article:
        """The article with this id, original text included; KeyError if it is not indexed."""
        with self._read_lock:
            searcher = self._get_searcher()
            docnum = searcher.document_number(id=article_id)
            if docnum is None:
                raise KeyError(article_id)
            return article_from_stored(searcher.stored_fields(docnum))

    def sources(self) -> dict[str, int]:
        """Article count per source, largest first."""
        with self._read_lock:
            searcher = self._get_searcher()
            groups = searcher.search(wq.Every(), groupedby="source", limit=None).groups("source")
        counts = {name: len(docs) for name, docs in groups.items() if name}
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

    def info(self) -> IndexInfo:
        """Counts, sources, date range, skipped files and index location/size."""
        with self._read_lock:
            reader = self._get_searcher().reader()
            dates = [_text(d) for d in reader.lexicon("date")]
            dates = [d for d in dates if d]
            articles = self._doc_count()
        size = sum(p.stat().st_size for p in self.index_dir.rglob("*") if p.is_file())
        return IndexInfo(
            corpus=self.corpus, articles=articles, files=self._manifest.file_count(), sources=self.sources(),
            date_min=dates[0] if dates else None, date_max=dates[-1] if dates else None,
            skipped=self._manifest.skipped(), warnings=self._manifest.warnings(), index_path=self.index_dir,
            index_bytes=size,
        )


def _layout(stages: Sequence[IndexStage]) -> str:
    """The index format: the schema version and the stages whose fields it has."""
    names = "+".join(stage.name for stage in stages)
    return f"{SCHEMA_VERSION}:{names}" if names else str(SCHEMA_VERSION)


class _DamagedIndexError(Exception):
    """An index that Whoosh could not open; the message names Whoosh's error."""


def _open_whoosh(index_dir: Path) -> windex.Index:
    """Open and probe the Whoosh index, or raise _DamagedIndexError.

    Whoosh leaves the file of an unreadable TOC open when it raises, held by the traceback's
    reference cycle; the cycle is collected here, quietly, instead of surfacing later as a
    ResourceWarning somewhere unrelated.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            ix = windex.FileIndex(MappedStorage(str(index_dir)), indexname=INDEX_NAME)
            with ix.searcher() as searcher:
                searcher.doc_count()
            return ix
        except Exception as error:  # Whoosh raises many types (EOFError, pickle, struct, its own)
            failure = _DamagedIndexError(type(error).__name__)
        gc.collect()
    raise failure


def _uncount(report: UpdateReport, batch: list[tuple[CorpusFile, int]], known: dict[str, tuple[int, int]]) -> None:
    """Take the files of a batch that was not saved back out of the report's counts."""
    for corpus_file, articles in batch:
        if corpus_file.relpath in known:
            report.changed -= 1
        else:
            report.added -= 1
        report.indexed_articles -= articles


def _text(value: str | bytes) -> str:
    """A column or lexicon value as text (Whoosh hands back bytes for some field types)."""
    return value.decode("utf-8") if isinstance(value, bytes) else value


def _progress(done: int, total: int, articles: int, elapsed: float, current: str) -> Progress:
    rate = articles / elapsed if elapsed > 0 else 0.0
    eta = (elapsed / done) * (total - done) if done else None
    return Progress("index", done, total, articles=articles, rate=rate, eta_seconds=eta, message=current)
