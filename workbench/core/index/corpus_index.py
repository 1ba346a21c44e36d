"""The per-corpus Whoosh index: open (creating or repairing it), update it, read articles from it.

Layout: ``<data home>/corpora/<key>/`` holds ``index.lock`` (locking.py) and ``index/``, with
the Whoosh segments and their table of contents, ``manifest.sqlite3`` (manifest.py) and the
stores of the analysis stages (stages.py; the entity catalog). The corpus folder itself is
only ever read. Searching is the search package's job: it reads through ``reading()``.

What this module guarantees:
- **One atomic step at a time.** Every change (a finished segment, deletions, a merge) is one
  batch that the Whoosh index, the manifest and the stage stores take together or not at all
  (manifest.py, publishing.py); a run killed at any instant leaves, after the next open,
  exactly the articles, mentions and counts of a clean run, never a duplicate.
- **One writer.** Creating, rebuilding, repairing and updating all hold the index lock
  (locking.py); readers never wait for it and see whatever was committed last, while the
  update goes on (new articles are searchable seconds after the first batch).
- **Searching never writes.** An unchanged corpus (unreadable files included: they are
  remembered by size and mtime) is checked without taking the lock or writing anything.
- **Damage is repaired, with a message.** An index that cannot be read, was written by another
  version, or whose stage data is missing or out of step is rebuilt (``UpdateReport.rebuilt``);
  a segment file whose checksum no longer matches is dropped and its files indexed again. An
  index folder the user may not write to is searched as it is, and never deleted.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import shutil
import threading
import time
import warnings
from collections.abc import Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh import query as wq
from whoosh import scoring
from whoosh.codec.base import Automata
from whoosh.index import TOC
from whoosh.reading import EmptyReader, MultiReader
from whoosh.searching import Searcher

from workbench.core import paths
from workbench.core.errors import IndexBusyError, IndexingError
from workbench.core.index.locking import IndexLock
from workbench.core.index.manifest import Manifest, SegmentRow
from workbench.core.index.mapped_storage import MappedStorage
from workbench.core.index.preparing import BUILD_PREFIX
from workbench.core.index.publishing import Publisher, checksum_file, fsync_folder, toc_checksum
from workbench.core.index.schema import SCHEMA_VERSION, article_from_stored, build_schema
from workbench.core.index.segments import INDEX_NAME, segment_file_name
from workbench.core.index.stages import IndexStage, StageStore
from workbench.core.index.updating import Update, survey
from workbench.core.ingest import Article, FileWarning, SkippedFile, checked_root
from workbench.core.messages import Message, translatable
from workbench.core.progress import CancelToken, Progress, ProgressCallback

__all__ = ["WEIGHTING", "CorpusIndex", "IndexInfo", "UpdateReport"]

log = logging.getLogger(__name__)

WEIGHTING = scoring.BM25F(B=0.75, K1=1.2)
EXPANSIONS_CACHED = 256
"""Fuzzy-term expansions a multi-segment reader keeps (it lives as long as one index snapshot)."""
OPEN_WAIT_SECONDS = 120.0
"""How long ``open`` waits for another process that is creating or repairing the same index."""


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
    rebuilt: Message | None = None
    """Why the index was rebuilt or partly repaired before this run (None if it was not)."""
    indexed_articles: int = 0
    """Articles read and indexed by this run."""
    worker_processes: int = 0
    """Worker processes that ran the analysis stages for this run (0: the indexing process did);
    0 also after workers failed and the run went on in-process."""

    @property
    def rebuilt_reason(self) -> str | None:
        """``rebuilt`` in English."""
        return None if self.rebuilt is None else str(self.rebuilt)


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

    def __init__(self, corpus: Path, index_dir: Path, lock: IndexLock, ix: windex.Index, manifest: Manifest,
                 stages: tuple[IndexStage, ...], stores: dict[str, StageStore], rebuilt: Message | None) -> None:
        self.corpus = corpus
        self.index_dir = index_dir
        self.stages = stages
        self._lock = lock
        self._ix = ix
        self._manifest = manifest
        self._stores = stores
        self._rebuilt = rebuilt
        self._read_lock = threading.RLock()
        self._write_lock = threading.Lock()
        self._searcher: Searcher | None = None
        self._retired: list[Searcher] = []
        self._verified: dict[str, tuple[int, int]] = {}
        """Segment files whose checksum matched, with the (size, mtime) they had then."""

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def open(cls, corpus: Path | str, stages: Sequence[IndexStage] = ()) -> CorpusIndex:
        """Open the index of ``corpus``, creating or rebuilding it as needed (no indexing yet).

        ``stages`` are the analyses run on every article while indexing (the workspace passes
        entity extraction); an index opened with other stages than it was built with is rebuilt.
        Raises CorpusError (no such folder), IndexingError (the index cannot be created or
        repaired: permissions, disk), IndexBusyError (another process kept it locked too long).
        """
        root = checked_root(corpus)
        index_dir = paths.index_dir(root)
        stages = tuple(stages)
        lock = IndexLock(index_dir.parent, root)
        rebuilt = _ensure_usable(index_dir, root, stages, lock)
        try:
            manifest = Manifest(index_dir, read_only=not _writable(index_dir))
            ix = _open_whoosh(index_dir)
            stores = {stage.name: stage.open_store(index_dir) for stage in stages}
        except Exception as error:
            raise IndexingError(translatable("The index in {folder} cannot be opened ({reason}): check that your "
                                             "user may read and write it, or delete the folder to rebuild it."),
                                folder=index_dir, reason=error) from error
        index = cls(root, index_dir, lock, ix, manifest, stages, stores, rebuilt)
        if manifest.pending() and not manifest.read_only and lock.try_acquire():
            try:  # a run stopped mid-publication: finish it now (another updater would, too)
                index._publisher().replay()
            finally:
                lock.release()
        return index

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

    def take_rebuilt(self) -> Message | None:
        """Why open() rebuilt the index (None if it did not); reported once, by the next update."""
        rebuilt, self._rebuilt = self._rebuilt, None
        return rebuilt

    # -- updating ---------------------------------------------------------------------------

    def needs_update(self) -> bool:
        """True when ``update`` has work to do: files added, changed or removed, a stopped run
        to finish, or a damaged segment to repair. Reads only (no lock, no write)."""
        work = survey(self.corpus, self._manifest, UpdateReport())
        return work.has_work or bool(self._manifest.pending()) or bool(self._damaged_segments(strict=False))

    def update(self, progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
               processes: int = 1, wait: bool = True) -> UpdateReport:
        """Bring the index in line with the corpus folder: add new and changed files, drop deleted ones.

        Work is published in small atomic batches while it goes on (searches see each at
        once); cancelling stops the workers at the next article and keeps everything they did.
        ``processes`` > 1 runs large updates in that many worker processes (see running.py);
        if they die (killed, out of memory), the run goes on in this process. An unchanged
        corpus is checked without any write. With ``wait`` False, raises IndexBusyError at
        once if another process is updating this index.
        Raises CorpusError (folder gone), IndexBusyError, IndexingError (disk full, permissions).
        """
        with self._write_lock:
            started = time.monotonic()
            report = UpdateReport(rebuilt=self.take_rebuilt())
            work = survey(self.corpus, self._manifest, report)
            if not (work.has_work or self._manifest.pending() or self._damaged_segments(strict=False)
                    or self._manifest.scan_skips_changed(work.scan_skipped, work.present)):
                return self._finish(report, started)
            self._take_lock(progress, wait)
            try:
                self._update_locked(report, progress, cancel, processes)
            finally:
                self._lock.release()
            return self._finish(report, started)

    def _take_lock(self, progress: ProgressCallback | None, wait: bool) -> None:
        if self._manifest.read_only:
            raise IndexingError(translatable("The index folder {folder} belongs to another user or is read-only, so "
                                             "it can be searched but not updated: give your user write access to it "
                                             "(for example sudo chown -R $USER on it), or set WORKBENCH_HOME to "
                                             "another folder."), folder=self.index_dir)
        if self._lock.try_acquire():
            return
        if not wait:
            raise IndexBusyError(translatable("Another workbench process is updating the index of {corpus}: wait "
                                              "for it to finish, then try again."), corpus=self.corpus)
        if progress is not None:
            progress(Progress("waiting", 0, 0, message="another process is updating this index"))
        self._lock.acquire()

    def _update_locked(self, report: UpdateReport, progress: ProgressCallback | None, cancel: CancelToken | None,
                       processes: int) -> None:
        publisher = self._publisher()
        try:
            publisher.replay()
            _remove_leftovers(self.index_dir)
            publisher.clean()
            damaged = self._damaged_segments(strict=True)
            if damaged:
                report.rebuilt = report.rebuilt or Update.repair(publisher, damaged)
            while True:
                update = Update(self.corpus, self.index_dir, self.stages, publisher, report, progress, cancel)
                try:
                    update.run(processes)
                    break
                except BrokenProcessPool:
                    log.warning("indexing workers stopped; going on in this process", exc_info=True)
                    publisher = self._publisher(publisher)
                    processes = 1
                    report.worker_processes = 0
        finally:
            publisher.close()
            _remove_build_folders(self.index_dir)

    def _publisher(self, previous: Publisher | None = None) -> Publisher:
        if previous is not None:
            previous.close()
        return Publisher(self.index_dir, self._manifest, self.stages, self._stores)

    def _finish(self, report: UpdateReport, started: float) -> UpdateReport:
        report.skipped = self._manifest.skipped()
        report.warnings = self._manifest.warnings()
        report.articles = self.article_count()
        report.seconds = time.monotonic() - started
        return report

    def _damaged_segments(self, strict: bool) -> list[str]:
        """Segment files of the current generation that are missing or fail their checksum.

        ``strict`` (under the lock): a segment the manifest does not know is damaged too;
        otherwise it may be one another process is publishing right now, and is left alone.
        Files already verified in this process are checked again only if their size or mtime
        changed.
        """
        try:
            toc = TOC.read(MappedStorage(str(self.index_dir)), INDEX_NAME)
        except Exception:  # unreadable now: the next open rebuilds
            return []
        rows = self._manifest.segments()
        damaged = []
        for segment in toc.segments:
            name = segment_file_name(segment)
            row = rows.get(name)
            path = self.index_dir / name
            try:
                stat = path.stat()
            except OSError:
                damaged.append(name)
                continue
            if row is None:
                if strict:
                    damaged.append(name)
                continue
            if self._verified.get(name) == (stat.st_size, stat.st_mtime_ns):
                continue
            if stat.st_size != row.size or checksum_file(path).checksum != row.checksum:
                damaged.append(name)
            else:
                self._verified[name] = (stat.st_size, stat.st_mtime_ns)
        return damaged

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

    def article_count(self) -> int:
        """Articles in the index now (what the last committed batch left)."""
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
            if not searcher.doc_count():
                return {}
            groups = searcher.search(wq.Every(), groupedby="source", limit=None).groups("source")
        counts = {name: len(docs) for name, docs in groups.items() if name}
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

    def info(self) -> IndexInfo:
        """Counts, sources, date range, skipped files and index location/size."""
        with self._read_lock:
            reader = self._get_searcher().reader()
            dates = [_text(d) for d in reader.lexicon("date")]
            dates = [d for d in dates if d]
            articles = self.article_count()
        size = sum(p.stat().st_size for p in self.index_dir.rglob("*") if p.is_file())
        return IndexInfo(
            corpus=self.corpus, articles=articles, files=self._manifest.file_count(), sources=self.sources(),
            date_min=dates[0] if dates else None, date_max=dates[-1] if dates else None,
            skipped=self._manifest.skipped(), warnings=self._manifest.warnings(), index_path=self.index_dir,
            index_bytes=size,
        )


# -- opening, creating, repairing ---------------------------------------------------------------

def _layout(stages: Sequence[IndexStage]) -> str:
    """The index format: the schema version and the stages whose fields it has, with their
    versions ("7:entities.1+quotes.1+duplicates.1")."""
    names = "+".join(f"{stage.name}.{stage.version}" for stage in stages)
    return f"{SCHEMA_VERSION}:{names}" if names else str(SCHEMA_VERSION)


class _New:
    """_inspect's answer for a folder with no index yet."""


@dataclass(frozen=True)
class _Damaged:
    """_inspect's answer for an index whose segment files are missing or truncated."""

    segments: list[str]


_NEW = _New()


def _ensure_usable(index_dir: Path, root: Path, stages: tuple[IndexStage, ...], lock: IndexLock) -> Message | None:
    """Make sure ``index_dir`` holds a usable index, creating, repairing or rebuilding it under the lock.

    Returns why it was rebuilt or repaired (None if it was usable or new). Another process may
    be creating or repairing the same index: then this waits until the index is usable or the
    lock is free.
    """
    state = _inspect(index_dir, stages)
    if state is None:
        return None
    deadline = time.monotonic() + OPEN_WAIT_SECONDS
    while not lock.try_acquire():
        time.sleep(0.1)
        if _inspect(index_dir, stages) is None:
            return None
        if time.monotonic() > deadline:
            raise IndexBusyError(translatable("Another workbench process is updating the index of {corpus}: wait "
                                              "for it to finish, then try again."), corpus=root)
    try:
        state = _inspect(index_dir, stages)
        if state is None:
            return None
        _check_removable(index_dir)
        if isinstance(state, _Damaged):
            return _repair(index_dir, stages, state.segments)
        _create(index_dir, root, stages)
    finally:
        lock.release()
    return None if isinstance(state, _New) else state


def _repair(index_dir: Path, stages: tuple[IndexStage, ...], damaged: list[str]) -> Message:
    """Drop damaged segments and forget their files (under the lock; the next update indexes them)."""
    manifest = Manifest(index_dir)
    stores = {stage.name: stage.open_store(index_dir) for stage in stages}
    publisher = Publisher(index_dir, manifest, stages, stores)
    try:
        publisher.replay()
        return Update.repair(publisher, damaged)
    finally:
        publisher.close()
        for store in stores.values():
            store.close()
        manifest.close()


def _inspect(index_dir: Path, stages: tuple[IndexStage, ...]) -> Message | _New | _Damaged | None:
    """None if the index in ``index_dir`` is usable; else _NEW, the segments to repair, or why it
    must be rebuilt. Writes nothing."""
    manifest_path = index_dir / Manifest.FILENAME
    if not index_dir.is_dir() or (not manifest_path.exists() and not any(index_dir.glob("*.toc"))):
        return _NEW
    try:
        if not manifest_path.exists():
            return Message(translatable("The index was incomplete; it has been rebuilt from the corpus."))
        manifest = Manifest(index_dir, read_only=True)
        try:
            manifest.check()
            version = manifest.get_meta("schema_version")
            if version != _layout(stages):
                if version is None:
                    return Message(translatable("The index was incomplete; it has been rebuilt from the corpus."))
                return Message(translatable("The index was made by another version of the workbench (format {old}, "
                                            "now {new}); it has been rebuilt from the corpus."),
                               {"old": version, "new": _layout(stages)})
            generation = manifest.generation()
            pending = {batch.generation for batch in manifest.pending()}
            articles = manifest.article_count()
            rows = manifest.segments()
            expected_toc = manifest.toc_checksum()
        finally:
            manifest.close()
        toc = TOC.read(MappedStorage(str(index_dir)), INDEX_NAME)
        if toc.generation == generation and not pending:
            if expected_toc not in (None, toc_checksum(index_dir, generation)) or sum(
                    s.doc_count() for s in toc.segments) != articles:
                return Message(translatable("The index and its list of files did not match; it has been rebuilt "
                                            "from the corpus."))
            damaged = [name for segment in toc.segments if _missing_or_cut(index_dir, name := segment_file_name(segment),
                                                                            rows.get(name))]
            if damaged:
                return _Damaged(damaged)
        _open_whoosh(index_dir)
        for stage in stages:
            store = stage.open_store(index_dir)
            try:
                store.check()
                if store.applied_generation() not in {generation, *pending}:
                    return Message(translatable("The {stage} data beside the index was missing or damaged; the index "
                                                "has been rebuilt from the corpus."), {"stage": stage.name})
            finally:
                store.close()
    except Exception as error:  # any failure to read an existing index means it is damaged: rebuild
        log.warning("index at %s unreadable, rebuilding: %r", index_dir, error)
        return Message(translatable("The index was damaged ({error}) and has been rebuilt from the corpus."),
                       {"error": type(error).__name__})
    return None


def _missing_or_cut(index_dir: Path, name: str, row: SegmentRow | None) -> bool:
    """True when a segment file is missing, unknown to the manifest, or not the size it was written."""
    try:
        return row is None or (index_dir / name).stat().st_size != row.size
    except OSError:
        return True


def _writable(index_dir: Path) -> bool:
    """True when this user may write the index folder and its files (else it is only searched)."""
    if not os.access(index_dir, os.W_OK | os.X_OK):
        return False
    return all(os.access(path, os.W_OK) for path in index_dir.iterdir() if path.is_file())


def _check_removable(index_dir: Path) -> None:
    """IndexingError unless this user may replace ``index_dir`` (never delete someone else's index)."""
    if index_dir.exists() and not (_writable(index_dir) and os.access(index_dir.parent, os.W_OK | os.X_OK)):
        raise IndexingError(translatable("The index in {folder} must be rebuilt, but it belongs to another user or "
                                         "is read-only: give your user write access to it (for example sudo chown "
                                         "-R $USER on it), or set WORKBENCH_HOME to another folder."),
                            folder=index_dir)


def _create(index_dir: Path, root: Path, stages: tuple[IndexStage, ...]) -> None:
    """A new, empty index in place of ``index_dir``: built beside it, then swapped in by renames."""
    parent = index_dir.parent
    fresh = parent / f"{index_dir.name}.new-{os.getpid()}"
    stale = parent / f"{index_dir.name}.old-{os.getpid()}"
    try:
        for leftover in parent.glob(f"{index_dir.name}.*-*"):
            shutil.rmtree(leftover, ignore_errors=True)
        fresh.mkdir(parents=True)
        schema = build_schema(tuple(stage.name for stage in stages))
        windex.FileIndex.create(MappedStorage(str(fresh), durable=True), schema, INDEX_NAME)
        manifest = Manifest(fresh)
        manifest.set_meta({"schema_version": _layout(stages), "corpus": str(root), "generation": "0"})
        manifest.close()
        for stage in stages:
            stage.open_store(fresh).close()
        if index_dir.exists():
            os.replace(index_dir, stale)
        os.replace(fresh, index_dir)
        fsync_folder(parent)
    except OSError as error:
        raise IndexingError(translatable("Cannot create the index folder {folder} ({reason}): make it writable or "
                                         "set WORKBENCH_HOME to another folder."),
                            folder=index_dir, reason=error.strerror or error) from error
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
        shutil.rmtree(stale, ignore_errors=True)


def _remove_leftovers(index_dir: Path) -> None:
    """Files a stopped run left behind (under the lock, nobody else is writing): build folders,
    Whoosh's temporary folders and half-written TOC files."""
    _remove_build_folders(index_dir)
    for path in index_dir.iterdir():
        if path.is_dir() and path.name.endswith(".tmp"):
            shutil.rmtree(path, ignore_errors=True)
        elif path.is_file() and ".toc." in path.name:
            with contextlib.suppress(OSError):
                path.unlink()


def _remove_build_folders(index_dir: Path) -> None:
    for folder in index_dir.glob(f"{BUILD_PREFIX}*"):
        shutil.rmtree(folder, ignore_errors=True)


class _SegmentedReader(MultiReader):
    """Whoosh's reader over several segments, with fuzzy-term expansion done per segment.

    MultiReader inherits the generic ``terms_within``, which walks the merged word list of
    every segment in Python: a fuzzy query over a 30,000-article index of 8 segments took
    3.5 s instead of 0.1 s. Here one Levenshtein automaton skips through each segment's word
    list, and the union of their answers is the same set, kept for the reader's lifetime (a
    search asks for the same expansion several times). With that, a search costs about the
    same over 16 segments as over one (bench/index_bench.py measures it).
    """

    def terms_within(self, fieldname: str, text: str, maxdist: int, prefix: int = 0) -> Iterator[str]:
        key = (fieldname, text, maxdist, prefix)
        cache: dict[tuple[str, str, int, int], list[str]] = self.__dict__.setdefault("_within", {})
        found = cache.get(key)
        if found is None:
            spelling = self.schema[fieldname].spelling_fieldname(fieldname)
            automaton = Automata.levenshtein_dfa(text, maxdist, prefix)  # built once, not once per segment
            found = list(dict.fromkeys(term for reader in self.readers
                                       for term in Automata.find_matches(automaton, reader.cursor(spelling))))
            if len(cache) >= EXPANSIONS_CACHED:
                cache.clear()
            cache[key] = found
        return iter(found)

    def expand_prefix(self, fieldname: str, prefix: str) -> Iterator[bytes]:
        """The terms starting with ``prefix``, sorted: each segment's, merged as sets (Whoosh's
        MultiReader merges the word lists through a heap in Python, term by term)."""
        return iter(sorted({term for reader in self.readers for term in reader.expand_prefix(fieldname, prefix)}))


class _EmptyIndexReader(EmptyReader):
    """The reader of an index with no article yet: every search finds nothing (Whoosh's own
    EmptyReader raises on the per-document columns that searches read)."""

    def leaf_readers(self) -> list[tuple[Any, int]]:
        return []

    def has_column(self, fieldname: str) -> bool:
        return True

    def column_reader(self, fieldname: str, column: Any = None, reverse: bool = False,
                      translate: bool = True) -> list[Any]:
        return []


class _CorpusWhooshIndex(windex.FileIndex):
    """Whoosh's file index with the readers above."""

    @classmethod
    def _reader(cls, storage: Any, schema: Any, segments: Any, generation: Any, reuse: Any = None) -> Any:
        reader = super()._reader(storage, schema, segments, generation, reuse=reuse)
        if type(reader) is MultiReader:
            reader.__class__ = _SegmentedReader
        elif type(reader) is EmptyReader:
            reader.__class__ = _EmptyIndexReader
        return reader


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
            ix = _CorpusWhooshIndex(MappedStorage(str(index_dir)), indexname=INDEX_NAME)
            with ix.searcher() as searcher:
                searcher.doc_count()
            return ix
        except Exception as error:  # Whoosh raises many types (EOFError, pickle, struct, its own)
            failure = _DamagedIndexError(type(error).__name__)
        gc.collect()
    raise failure


def _text(value: str | bytes) -> str:
    """A column or lexicon value as text (Whoosh hands back bytes for some field types)."""
    return value.decode("utf-8") if isinstance(value, bytes) else value
