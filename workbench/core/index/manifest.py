"""The index manifest: which corpus files the index holds, and the journal that keeps it in step.

A small SQLite file beside the Whoosh index. It answers, without reading the index:

- ``files``: every corpus file whose articles are in the index, as of which size and mtime,
  with its article count. A large collection (JSONL, CSV) is indexed a batch of records at a
  time: until its last record is in, its row says ``complete = 0`` and ``records`` is the last
  record committed, so an interrupted run resumes at the next record if the file is unchanged;
- ``skipped``: the files that could not be read, with the reason and the size and mtime they
  had, so an unchanged unreadable file is not read again (and searching never writes);
- ``segments``: each Whoosh segment file with its size and CRC-32, to catch damage on disk,
  and ``placements``: which corpus files have articles in which segment, so a damaged
  segment's files can be re-indexed without rebuilding everything;
- ``journal``: the batch being published (see ``Batch``).

How one batch becomes visible, all or nothing (corpus_index.py does the steps, under the
index lock): (1) the batch is written to the journal, durably; (2) the Whoosh TOC of the new
generation is written (an atomic rename: this is the commit point); (3) the stage stores and
(4) the manifest apply the batch, and the same manifest transaction deletes the journal entry
and records the generation. A run stopped anywhere is completed on the next open: a journal
entry whose generation is in the index is applied again (every step is idempotent), one
whose generation is not is dropped. So the index, the stage stores and the manifest always
describe the same articles: nothing is ever indexed twice or lost from one of them.
"""

from __future__ import annotations

import json
import pickle
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.core import sqlite
from workbench.core.ingest import CorpusFile, FileWarning, SkippedFile
from workbench.core.messages import Message

__all__ = ["Batch", "FileRow", "Manifest", "SegmentRow"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    relpath TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, articles INTEGER NOT NULL,
    records INTEGER NOT NULL DEFAULT 0, complete INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS skipped (
    relpath TEXT PRIMARY KEY, reason TEXT NOT NULL, message TEXT NOT NULL, text TEXT,
    size INTEGER, mtime_ns INTEGER
);
CREATE TABLE IF NOT EXISTS warnings (
    relpath TEXT NOT NULL, reason TEXT NOT NULL, warning TEXT NOT NULL, PRIMARY KEY (relpath, reason)
);
CREATE TABLE IF NOT EXISTS segments (name TEXT PRIMARY KEY, size INTEGER NOT NULL, checksum INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS placements (segment TEXT NOT NULL, relpath TEXT NOT NULL, PRIMARY KEY (segment, relpath));
CREATE TABLE IF NOT EXISTS journal (generation INTEGER PRIMARY KEY, data BLOB NOT NULL);
"""


@dataclass(frozen=True)
class FileRow:
    """What the manifest knows of one indexed corpus file."""

    relpath: str
    size: int
    mtime_ns: int
    articles: int
    """Articles of the file in the index."""
    records: int = 0
    """For a collection indexed in batches: the last record committed (0 when not needed)."""
    complete: bool = True
    """False while a collection file is only partly indexed (the next run resumes it)."""

    def matches(self, corpus_file: CorpusFile) -> bool:
        """True when the file on disk is the one this row describes (same size and mtime)."""
        return (self.size, self.mtime_ns) == (corpus_file.size, corpus_file.mtime_ns)


@dataclass(frozen=True)
class SegmentRow:
    """A published Whoosh segment file and its checksum."""

    name: str
    size: int
    checksum: int


@dataclass
class Batch:
    """One atomic step of an update: everything the manifest and the stage stores learn when
    the Whoosh generation ``generation`` is committed. Pickled into the journal before the
    commit, so it can be applied again after a crash."""

    generation: int
    files: list[FileRow] = field(default_factory=list)
    """Rows to write (absolute values, so applying twice is harmless)."""
    forgotten: list[str] = field(default_factory=list)
    """Files no longer in the index (removed, changed into unreadable, or damaged)."""
    skipped: list[tuple[SkippedFile, int | None, int | None]] = field(default_factory=list)
    """Skip entries to write, with the size and mtime of the file they judged."""
    unskipped: list[str] = field(default_factory=list)
    """Files whose skip entry goes (read successfully now, or gone)."""
    segments: list[SegmentRow] = field(default_factory=list)
    """Segment files added by this batch."""
    dropped_segments: list[str] = field(default_factory=list)
    """Segment files no longer in the index (merged, or damaged)."""
    placements: list[tuple[str, str]] = field(default_factory=list)
    """(segment file, relpath) pairs added."""
    stage_paths: list[str] = field(default_factory=list)
    """Files whose stage results are dropped before ``stage_results`` are added."""
    stage_results: list[tuple[str, str, tuple[Any, ...]]] = field(default_factory=list)
    """(article id, path, one result per stage) of the articles the batch adds."""
    warnings: list[FileWarning] = field(default_factory=list)
    """Problems inside the files the batch completes; they replace the earlier warnings of every
    file in ``files`` and ``forgotten`` (a collection's come with its last records)."""

    def is_empty(self) -> bool:
        """True when the batch changes nothing."""
        return not (self.files or self.forgotten or self.skipped or self.unskipped or self.segments
                    or self.dropped_segments or self.stage_results or self.stage_paths)


class Manifest:
    """Read and update the manifest of one index folder.

    Writes are durable (SQLite ``synchronous=FULL``): the journal must be on disk before the
    Whoosh commit it describes. ``read_only`` opens without ever writing (an index folder the
    user may not write to can still be searched).
    """

    FILENAME = "manifest.sqlite3"

    def __init__(self, index_dir: Path, read_only: bool = False) -> None:
        self.path = index_dir / self.FILENAME
        self.read_only = read_only
        self._db = sqlite.connect(self.path, durable=True, read_only=read_only)
        if not read_only:
            self._db.executescript(_SCHEMA)

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def check(self) -> None:
        """Raise sqlite3.DatabaseError if SQLite finds the file damaged (``PRAGMA quick_check``)."""
        verdict = self._db.execute("PRAGMA quick_check").fetchone()
        if verdict is None or verdict[0] != "ok":
            raise sqlite3.DatabaseError(f"the manifest is damaged: {verdict}")

    def get_meta(self, key: str) -> str | None:
        """One value of the meta table (format version, corpus path, generation, ...)."""
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, values: dict[str, str]) -> None:
        """Store several meta values at once."""
        with sqlite.transaction(self._db):
            self._db.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", values.items())

    def generation(self) -> int:
        """The Whoosh generation whose batch the manifest applied last (0 for a new index)."""
        return int(self.get_meta("generation") or 0)

    def toc_checksum(self) -> int | None:
        """The CRC-32 of that generation's table of contents (None before the first batch)."""
        value = self.get_meta("toc_checksum")
        return None if value is None else int(value)

    # -- files ------------------------------------------------------------------------------

    def files(self) -> dict[str, FileRow]:
        """relpath -> row, for every corpus file with articles in the index (or partly in it)."""
        rows = self._db.execute("SELECT relpath, size, mtime_ns, articles, records, complete FROM files")
        return {row[0]: FileRow(row[0], row[1], row[2], row[3], row[4], bool(row[5])) for row in rows}

    def file_count(self) -> int:
        """Number of corpus files in the index."""
        return int(self._db.execute("SELECT COUNT(*) FROM files").fetchone()[0])

    def article_count(self) -> int:
        """Articles the manifest says the index holds (checked against the index on open)."""
        return int(self._db.execute("SELECT COALESCE(SUM(articles), 0) FROM files").fetchone()[0])

    # -- skipped files ----------------------------------------------------------------------

    def skipped(self) -> list[SkippedFile]:
        """The files that could not be read, with reasons."""
        rows = self._db.execute("SELECT relpath, reason, message, text FROM skipped ORDER BY relpath")
        return [SkippedFile(relpath, reason, Message.from_json(json.loads(text)) if text else Message(message))
                for relpath, reason, message, text in rows]

    def skipped_versions(self) -> dict[str, tuple[int | None, int | None]]:
        """relpath -> (size, mtime) of each skipped file as it was judged (None for folders)."""
        return {row[0]: (row[1], row[2]) for row in self._db.execute("SELECT relpath, size, mtime_ns FROM skipped")}

    # -- warnings ---------------------------------------------------------------------------

    def warnings(self) -> list[FileWarning]:
        """The problems inside indexed files (records left out, bytes replaced), by file."""
        rows = self._db.execute("SELECT warning FROM warnings ORDER BY relpath, rowid")
        return [FileWarning.from_json(json.loads(row[0])) for row in rows]

    # -- segments ---------------------------------------------------------------------------

    def segments(self) -> dict[str, SegmentRow]:
        """name -> row of every published segment file."""
        rows = self._db.execute("SELECT name, size, checksum FROM segments")
        return {row[0]: SegmentRow(row[0], row[1], row[2]) for row in rows}

    def placed_in(self, segments: Iterable[str]) -> set[str]:
        """The corpus files with articles in any of these segment files."""
        found: set[str] = set()
        for name in segments:
            found.update(row[0] for row in self._db.execute("SELECT relpath FROM placements WHERE segment = ?",
                                                            (name,)))
        return found

    # -- the journal ------------------------------------------------------------------------

    def begin(self, batch: Batch) -> None:
        """Step 1 of a publication: put the batch in the journal, durably."""
        with sqlite.transaction(self._db):
            self._db.execute("INSERT OR REPLACE INTO journal (generation, data) VALUES (?, ?)",
                             (batch.generation, pickle.dumps(batch, protocol=pickle.HIGHEST_PROTOCOL)))

    def pending(self) -> list[Batch]:
        """Journal entries not yet applied, oldest first (normally none)."""
        rows = self._db.execute("SELECT data FROM journal ORDER BY generation").fetchall()
        batches = []
        for (data,) in rows:
            try:
                batches.append(pickle.loads(data))
            except Exception as error:  # an entry this version cannot read: the index must be rebuilt
                raise sqlite3.DatabaseError(f"unreadable journal entry ({error})") from error
        return batches

    def discard(self, generation: int) -> None:
        """Drop a journal entry whose Whoosh generation was never committed."""
        with sqlite.transaction(self._db):
            self._db.execute("DELETE FROM journal WHERE generation = ?", (generation,))

    def apply(self, batch: Batch, toc_checksum: int) -> None:
        """Step 4: record the batch, delete its journal entry and move to its generation, at once.

        ``toc_checksum`` is the CRC-32 of the generation's table of contents, checked on open."""
        db = self._db
        with sqlite.transaction(db):
            db.executemany("DELETE FROM files WHERE relpath = ?", [(p,) for p in batch.forgotten])
            db.executemany("DELETE FROM warnings WHERE relpath = ?",
                           [(p,) for p in {*batch.forgotten, *(r.relpath for r in batch.files)}])
            db.executemany("INSERT OR REPLACE INTO warnings (relpath, reason, warning) VALUES (?, ?, ?)",
                           [(w.relpath, w.reason, json.dumps(w.to_json(), ensure_ascii=False))
                            for w in batch.warnings])
            db.executemany("DELETE FROM placements WHERE relpath = ?",
                           [(p,) for p in {*batch.forgotten, *batch.stage_paths}])
            db.executemany(
                "INSERT OR REPLACE INTO files (relpath, size, mtime_ns, articles, records, complete) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(r.relpath, r.size, r.mtime_ns, r.articles, r.records, int(r.complete)) for r in batch.files])
            db.executemany("DELETE FROM skipped WHERE relpath = ? OR substr(relpath, 1, length(?) + 1) = ? || '#'",
                           [(p, p, p) for p in batch.unskipped])
            db.executemany(
                "INSERT OR REPLACE INTO skipped (relpath, reason, message, text, size, mtime_ns) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(s.relpath, s.reason, s.message, json.dumps(s.text.to_json(), ensure_ascii=False), size, mtime)
                 for s, size, mtime in batch.skipped])
            for name in batch.dropped_segments:
                db.execute("DELETE FROM segments WHERE name = ?", (name,))
                db.execute("DELETE FROM placements WHERE segment = ?", (name,))
            db.executemany("INSERT OR REPLACE INTO segments (name, size, checksum) VALUES (?, ?, ?)",
                           [(s.name, s.size, s.checksum) for s in batch.segments])
            db.executemany("INSERT OR IGNORE INTO placements (segment, relpath) VALUES (?, ?)", batch.placements)
            db.execute("DELETE FROM journal WHERE generation <= ?", (batch.generation,))
            db.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                           [("generation", str(batch.generation)), ("toc_checksum", str(toc_checksum))])

    def scan_skip_changes(self, skipped: Sequence[SkippedFile],
                          present: set[str]) -> tuple[list[SkippedFile], list[str]]:
        """What ``record_scan_skips`` would change: the folder and sidecar problems the scan
        found that are not recorded as they are, and the skip entries of whatever is neither one
        of them nor a file of the corpus (fixed, or gone). Reads only."""
        current = {s.relpath for s in skipped}
        rows = {row[0]: (row[1], row[2]) for row in self._db.execute("SELECT relpath, reason, message FROM skipped")}
        changed = [s for s in skipped if rows.get(s.relpath) != (s.reason, s.message)]
        gone = [p for p in rows if p not in current and p not in present and p.split("#", 1)[0] not in present]
        return changed, gone

    def scan_skips_changed(self, skipped: Sequence[SkippedFile], present: set[str]) -> bool:
        """True when ``record_scan_skips`` has something to write."""
        changed, gone = self.scan_skip_changes(skipped, present)
        return bool(changed or gone)

    def record_scan_skips(self, skipped: Sequence[SkippedFile], present: set[str]) -> None:
        """Record the folder and sidecar problems the scan found, and drop the entries of
        whatever is now fixed or gone (see ``scan_skip_changes``); writes nothing if nothing changed."""
        changed, gone = self.scan_skip_changes(skipped, present)
        if not changed and not gone:
            return
        with sqlite.transaction(self._db):
            self._db.executemany("DELETE FROM skipped WHERE relpath = ?", [(p,) for p in gone])
            self._db.executemany(
                "INSERT OR REPLACE INTO skipped (relpath, reason, message, text, size, mtime_ns) "
                "VALUES (?, ?, ?, ?, NULL, NULL)",
                [(s.relpath, s.reason, s.message, json.dumps(s.text.to_json(), ensure_ascii=False)) for s in changed])
