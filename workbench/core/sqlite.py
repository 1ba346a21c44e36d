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


def connect(path: Path, timeout: float = 5.0) -> sqlite3.Connection:
    """Open (or create) a database file in WAL mode with explicit transactions; a statement
    waits up to ``timeout`` seconds for another connection's lock before it fails."""
    db = sqlite3.connect(path, timeout=timeout, check_same_thread=False, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
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
