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


def connect(path: Path, durable: bool = False, read_only: bool = False) -> sqlite3.Connection:
    """Open (or create) a database file in WAL mode with explicit transactions.

    ``durable`` makes every commit reach the disk before it returns (``synchronous=FULL``):
    for the index's manifest and stage stores, whose commits must survive a power loss in the
    order they were made. ``read_only`` opens an existing file without ever writing to it.
    """
    if read_only:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False,
                             isolation_level=None)
        db.execute("PRAGMA query_only=1")
        return db
    db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
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
