"""The index manifest: which corpus files are in the index, as of which size and mtime.

Kept in a small SQLite file beside the Whoosh index. It is written only AFTER the Whoosh commit
it describes, so a crash between the two leaves the manifest behind the index, never ahead of it:
the next run then re-reads those files, deletes their documents by path and adds them again,
which converges. This is what makes interrupted runs safe and unchanged re-opens fast (one stat
per file against one table read, no index scan).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from workbench.core import sqlite
from workbench.core.ingest import CorpusFile, FileWarning, SkippedFile
from workbench.core.messages import Message

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    relpath TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, articles INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS skipped (relpath TEXT PRIMARY KEY, reason TEXT NOT NULL, message TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS warnings (
    relpath TEXT NOT NULL, reason TEXT NOT NULL, warning TEXT NOT NULL, PRIMARY KEY (relpath, reason)
);
"""
_SKIPPED_TEXT_COLUMN = "ALTER TABLE skipped ADD COLUMN text TEXT"
"""The skip explanation as a translatable template and its fields (JSON); added to older manifests."""


class Manifest:
    """Read and update the manifest of one index folder."""

    FILENAME = "manifest.sqlite3"

    def __init__(self, index_dir: Path) -> None:
        self.path = index_dir / self.FILENAME
        self._db = sqlite.connect(self.path)
        self._db.executescript(_SCHEMA)
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(skipped)")}
        if "text" not in columns:
            self._db.execute(_SKIPPED_TEXT_COLUMN)

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def get_meta(self, key: str) -> str | None:
        """One value of the meta table (format version, corpus path, ...)."""
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, values: dict[str, str]) -> None:
        """Store several meta values at once."""
        with sqlite.transaction(self._db):
            self._db.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", values.items())

    def files(self) -> dict[str, tuple[int, int]]:
        """relpath -> (size, mtime_ns) of every file whose articles are committed to the index."""
        return {row[0]: (row[1], row[2]) for row in self._db.execute("SELECT relpath, size, mtime_ns FROM files")}

    def file_count(self) -> int:
        """Number of corpus files in the index."""
        return int(self._db.execute("SELECT COUNT(*) FROM files").fetchone()[0])

    def skipped(self) -> list[SkippedFile]:
        """The files the last run could not read, with reasons."""
        rows = self._db.execute("SELECT relpath, reason, message, text FROM skipped ORDER BY relpath")
        return [SkippedFile(relpath, reason, Message.from_json(json.loads(text)) if text else Message(message))
                for relpath, reason, message, text in rows]

    def warnings(self) -> list[FileWarning]:
        """The problems inside indexed files (records left out, bytes replaced), by file."""
        rows = self._db.execute("SELECT warning FROM warnings ORDER BY relpath, rowid")
        return [FileWarning.from_json(json.loads(row[0])) for row in rows]

    def record_batch(self, indexed: Iterable[tuple[CorpusFile, int]], forgotten: Iterable[str],
                     warnings: Iterable[FileWarning] = ()) -> None:
        """After a Whoosh commit: remember the files it indexed (with their warnings, which
        replace earlier ones) and forget the ones it removed."""
        indexed = list(indexed)
        forgotten = list(forgotten)
        with sqlite.transaction(self._db):
            self._db.executemany("DELETE FROM warnings WHERE relpath = ?",
                                 [(f.relpath,) for f, _ in indexed] + [(p,) for p in forgotten])
            self._db.executemany("INSERT OR REPLACE INTO warnings (relpath, reason, warning) VALUES (?, ?, ?)",
                                 [(w.relpath, w.reason, json.dumps(w.to_json(), ensure_ascii=False))
                                  for w in warnings])
            self._db.executemany(
                "INSERT OR REPLACE INTO files (relpath, size, mtime_ns, articles) VALUES (?, ?, ?, ?)",
                [(f.relpath, f.size, f.mtime_ns, count) for f, count in indexed],
            )
            self._db.executemany("DELETE FROM files WHERE relpath = ?", [(p,) for p in forgotten])

    def record_skipped(self, skipped: Iterable[SkippedFile], retried: Iterable[str]) -> None:
        """Replace the skip entries of the files this run looked at with this run's verdicts."""
        with sqlite.transaction(self._db):
            self._db.executemany("DELETE FROM skipped WHERE relpath = ?", [(p,) for p in retried])
            self._db.executemany(
                "INSERT OR REPLACE INTO skipped (relpath, reason, message, text) VALUES (?, ?, ?, ?)",
                [(s.relpath, s.reason, s.message, json.dumps(s.text.to_json(), ensure_ascii=False)) for s in skipped],
            )

    def forget_skipped_except(self, present: set[str]) -> None:
        """Drop skip entries of files that no longer exist in the corpus."""
        stale = [row[0] for row in self._db.execute("SELECT relpath FROM skipped") if row[0] not in present]
        with sqlite.transaction(self._db):
            self._db.executemany("DELETE FROM skipped WHERE relpath = ?", [(p,) for p in stale])
