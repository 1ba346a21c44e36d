"""The one way the workbench opens its SQLite files and runs a transaction.

The manifest, the entity catalog and the per-corpus store share these rules: autocommit mode
with explicit transactions (so a half-done change is never committed), write-ahead logging
(readers do not block the writer, and a crash leaves the last commit intact), and connections
usable from the GUI's worker thread as well as the thread that opened them (each owner
serialises its own access).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def connect(path: Path, durable: bool = False, read_only: bool = False, timeout: float = 5.0) -> sqlite3.Connection:
    """Open (or create) a database file in WAL mode with explicit transactions; a statement
    waits up to ``timeout`` seconds for another connection's lock before it fails.

    ``durable`` makes every commit reach the disk before it returns (``synchronous=FULL``):
    for the index's manifest and stage stores, whose commits must survive a power loss in the
    order they were made. ``read_only`` opens an existing file without ever writing to it.
    """
    if read_only:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout,
                             check_same_thread=False, isolation_level=None)
        db.execute("PRAGMA query_only=1")
        return db
    db = sqlite3.connect(path, timeout=timeout, check_same_thread=False, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
    return db


@contextmanager
def transaction(db: sqlite3.Connection, begin: str = "BEGIN") -> Iterator[None]:
    """Run the block in one transaction: committed if it finishes, rolled back if it raises."""
    db.execute(begin)
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def check_integrity(db: sqlite3.Connection, what: str) -> None:
    """Raise sqlite3.DatabaseError if SQLite finds the file damaged (``PRAGMA quick_check``);
    ``what`` names the file in the message ("the entity catalog")."""
    verdict = db.execute("PRAGMA quick_check").fetchone()
    if verdict is None or verdict[0] != "ok":
        raise sqlite3.DatabaseError(f"{what} is damaged: {verdict}")


def indexed_generation(db: sqlite3.Connection) -> int:
    """The index generation a stage store last applied (its ``meta`` table; 0 for a new store)."""
    row = db.execute("SELECT value FROM meta WHERE key = 'indexed_generation'").fetchone()
    return int(row[0]) if row else 0


def set_indexed_generation(db: sqlite3.Connection, generation: int) -> None:
    """Record, inside the caller's transaction, the index generation a stage store now matches."""
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('indexed_generation', ?)", (str(generation),))
