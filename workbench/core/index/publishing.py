"""Publishing: how finished segments, deletions and merges become part of the index, atomically.

The ``Publisher`` belongs to the one process that holds the index lock (locking.py). It keeps
the index's current table of contents (the Whoosh generation, its segments and their deleted
documents) and commits one ``Batch`` at a time, in the order manifest.py describes: journal,
Whoosh TOC (the commit point), stage stores, manifest. ``replay`` finishes or drops a batch
that a stopped run left in the journal.

Nothing here analyses text: segments arrive finished from the workers (preparing.py), and
publishing one costs a rename, a few deletions by path, and small SQLite transactions.
"""

from __future__ import annotations

import contextlib
import logging
import os
import zlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from whoosh.codec.whoosh3 import W3Segment
from whoosh.index import TOC, clean_files
from whoosh.reading import SegmentReader
from whoosh.writing import SegmentWriter

from workbench.core.errors import IndexingError
from workbench.core.index.manifest import Batch, Manifest, SegmentRow
from workbench.core.index.mapped_storage import MappedStorage
from workbench.core.index.segments import INDEX_NAME, SafeCodec, segment_file_name
from workbench.core.index.stages import IndexStage, StageStore
from workbench.core.messages import translatable

__all__ = ["Publisher", "checksum_file", "fsync_folder", "toc_checksum"]

log = logging.getLogger(__name__)

MERGE_WRITER_MEMORY_MB = 64
"""Whoosh's posting buffer while merging segments (the publishing process has nothing else to hold)."""


class Publisher:
    """Commits batches to one index folder; see the module docstring. Not thread-safe."""

    def __init__(self, index_dir: Path, manifest: Manifest, stages: Sequence[IndexStage],
                 stores: dict[str, StageStore]) -> None:
        self.index_dir = index_dir
        self.storage = MappedStorage(str(index_dir), durable=True)
        self.manifest = manifest
        self.stages = tuple(stages)
        self.stores = stores
        toc = TOC.read(self.storage, INDEX_NAME)
        self.schema = toc.schema
        self.generation: int = toc.generation
        self.segments: list[W3Segment] = list(toc.segments)
        self._readers: dict[str, SegmentReader] = {}

    def close(self) -> None:
        """Close the readers opened to find documents to delete."""
        for reader in self._readers.values():
            reader.close()
        self._readers = {}

    def next_batch(self) -> Batch:
        """An empty batch for the next generation."""
        return Batch(self.generation + 1)

    # -- committing -------------------------------------------------------------------------

    def publish(self, batch: Batch, new_segment: W3Segment | None = None, folder: Path | None = None,
                delete_paths: Iterable[str] = ()) -> None:
        """Commit ``batch``: its new segment (a finished file in ``folder``), the deletion of
        every document of ``delete_paths``, and what the manifest and stores learn.

        Raises IndexingError when the disk refuses (full, read-only); the index on disk then
        stays at the previous generation (the next open drops the unfinished batch).
        """
        assert batch.generation == self.generation + 1, "batches are published in order"
        try:
            segments = [s for s in self.segments if segment_file_name(s) not in set(batch.dropped_segments)]
            for path in delete_paths:  # the old articles, before the new segment joins
                self._delete(segments, path)
            if new_segment is not None and folder is not None:
                name = segment_file_name(new_segment)
                os.replace(folder / name, self.index_dir / name)
                segments.append(new_segment)
            self.manifest.begin(batch)
            TOC(self.schema, segments, batch.generation).write(self.storage, INDEX_NAME)
            fsync_folder(self.index_dir)
        except OSError as error:
            self._reload()
            raise IndexingError(translatable("Could not save the index in {folder} ({reason}): free disk space or "
                                             "fix permissions, then index again. What was saved before is intact."),
                                folder=self.index_dir, reason=error.strerror or error) from error
        self.generation = batch.generation
        self.segments = segments
        self.apply(batch)
        for name in batch.dropped_segments:
            reader = self._readers.pop(name, None)
            if reader is not None:
                reader.close()
        self.clean()

    def apply(self, batch: Batch) -> None:
        """Steps 3 and 4 of a publication: the stage stores, then the manifest (both idempotent)."""
        for number, stage in enumerate(self.stages):
            self.stores[stage.name].replace(
                batch.stage_paths, [(article_id, path, found[number]) for article_id, path, found in batch.stage_results],
                batch.generation)
        self.manifest.apply(batch, toc_checksum(self.index_dir, batch.generation))

    def replay(self) -> int:
        """Finish what a stopped run left in the journal; returns how many batches were applied."""
        applied = 0
        for batch in self.manifest.pending():
            if batch.generation <= self.generation:
                self.apply(batch)
                applied += 1
            else:
                self.manifest.discard(batch.generation)
        return applied

    def clean(self) -> None:
        """Delete the files of other generations and of segments no longer listed (best effort:
        a file another process still has open on Windows goes at a later clean)."""
        with contextlib.suppress(OSError):
            clean_files(self.storage, INDEX_NAME, self.generation, self.segments)

    def _reload(self) -> None:
        """Forget uncommitted changes to the segment list (after a failed publication)."""
        toc = TOC.read(self.storage, INDEX_NAME)
        self.generation, self.segments = toc.generation, list(toc.segments)
        self.close()

    def _delete(self, segments: list[W3Segment], path: str) -> None:
        """Mark every document of the corpus file ``path`` deleted, in whichever segment it is."""
        for segment in segments:
            reader = self._reader(segment)
            if ("path", path) in reader:
                for docnum in reader.postings("path", path).all_ids():
                    segment.delete_document(docnum)

    def _reader(self, segment: W3Segment) -> SegmentReader:
        name = segment_file_name(segment)
        reader = self._readers.get(name)
        if reader is None:
            reader = self._readers[name] = SegmentReader(self.storage, self.schema, segment)
        return reader

    # -- merging ----------------------------------------------------------------------------

    def merge(self, names: Sequence[str], cancelled: Callable[[], bool]) -> bool:
        """Merge the segments ``names`` into one (deleted documents dropped), as one batch.

        Whoosh's own merge (every posting goes through its sorting pool) runs here, in the
        publishing process: merges are reserved for small segments (see corpus_index.py).
        Returns False, publishing nothing, if ``cancelled()`` turns true on the way.
        """
        chosen = [s for s in self.segments if segment_file_name(s) in set(names)]
        writer = SegmentWriter(_IndexView(self.storage, self.schema, self.segments, self.generation), _lk=False,
                               codec=SafeCodec(), limitmb=MERGE_WRITER_MEMORY_MB)
        try:
            for segment in chosen:
                if cancelled():
                    writer.cancel()
                    return False
                # A fresh reader: a cached one's postings still list the documents deleted
                # since it was opened (Whoosh caches a reader's deleted set), which the merge
                # would carry over.
                reader = SegmentReader(self.storage, self.schema, segment)
                try:
                    writer.add_reader(reader)
                finally:
                    reader.close()
            merged = writer._finalize_segment()
        except BaseException:
            with contextlib.suppress(Exception):
                writer.cancel()
            raise
        writer._finish()
        name = segment_file_name(merged)
        row = checksum_file(self.index_dir / name)
        batch = self.next_batch()
        batch.dropped_segments = [segment_file_name(s) for s in chosen]
        batch.segments = [row]
        batch.placements = [(name, path) for path in sorted(self.manifest.placed_in(batch.dropped_segments))]
        if merged.doc_count_all() == 0:
            batch.segments, batch.placements = [], []
            self.publish(batch)
            return True
        self.publish(batch, merged, self.index_dir)
        return True


class _IndexView:
    """What Whoosh's SegmentWriter reads from an index: its storage and current TOC (ours, in memory)."""

    def __init__(self, storage: MappedStorage, schema: Any, segments: list[W3Segment], generation: int) -> None:
        self.storage = storage
        self.indexname = INDEX_NAME
        self._toc = TOC(schema, list(segments), generation)

    def _read_toc(self) -> TOC:
        return self._toc


def toc_checksum(index_dir: Path, generation: int) -> int:
    """CRC-32 of the table of contents of ``generation`` (0 when it is gone: a later one replaced it)."""
    try:
        return checksum_file(index_dir / TOC._filename(INDEX_NAME, generation)).checksum
    except FileNotFoundError:
        return 0


def checksum_file(path: Path) -> SegmentRow:
    """Size and CRC-32 of one segment file."""
    checksum = size = 0
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            checksum = zlib.crc32(block, checksum)
            size += len(block)
    return SegmentRow(path.name, size, checksum)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles to flush)."""
    if os.name == "nt":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
