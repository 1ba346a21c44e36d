"""The per-corpus store of the user's work: SQLite at ``paths.store_path(corpus)``.

Unlike the index folder (derived data, deleted and rebuilt at will), the store holds what only
the user can make, so it is never deleted by the app, never written into the corpus folder, and
upgraded in place: ``PRAGMA user_version`` is the schema version and ``MIGRATIONS[n]`` upgrades
a store from version n to n + 1, each in its own transaction (a failed upgrade leaves the store
at the last good version). A store from a NEWER app version is refused, not guessed at.

Version 1 holds entity curation; every record names entities by the ids the user saw
(``Entity.id``), which the entity service resolves against the current catalog, so curation
survives re-indexing, rebuilds and upgrades of the tagger:

- ``entity_edits``: rename, change of type, hidden (false positive), per entity id;
- ``entity_merges``: source entity id -> target entity id;
- ``key_assignments``: mentions with this key belong to this entity (splits, user-added aliases);
- ``user_entities``: entities the user made (add, split); their ids are ``user:<n>``.

Later migrations add the user's work on articles (``marks.py``: selections, tags, notes), the
undo/redo log of curation (``curation_log.py``: every write of the curation tables is recorded by
triggers, one step per write transaction, so each method below that records one user action
writes it in one transaction), and check indexes over every table (``backups.py``).

WAL mode; every write is one transaction that also bumps ``meta.generation``, which readers
(in this or another process) compare to know when their cached view is stale. The file is
verified on open and backed up after each open and on close (``backups.py``); what the user
should be told about it (a restore from a backup) is in ``notices``. A store held by another
process, or damaged while open, raises StoreError with what to do, never a raw SQLite error.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from workbench.core import paths, sqlite
from workbench.core.errors import StoreError
from workbench.core.messages import Message, translatable
from workbench.core.userdata import backups, curation_log, marks
from workbench.core.userdata.curation_log import CurationStep

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Curation", "CurationStep", "EntityEdit", "Store", "StoreError"]


def _v1_entity_curation(db: sqlite3.Connection) -> None:
    # One execute() per statement: executescript() would commit the migration's transaction.
    for statement in (
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        ("CREATE TABLE entity_edits (entity_id TEXT PRIMARY KEY, name TEXT, type TEXT, "
         "hidden INTEGER NOT NULL DEFAULT 0, seq INTEGER NOT NULL)"),
        "CREATE TABLE entity_merges (source TEXT PRIMARY KEY, target TEXT NOT NULL, seq INTEGER NOT NULL)",
        "CREATE TABLE key_assignments (key TEXT PRIMARY KEY, entity_id TEXT NOT NULL, seq INTEGER NOT NULL)",
        "CREATE TABLE user_entities (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, type TEXT NOT NULL)",
    ):
        db.execute(statement)


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _v1_entity_curation,
    marks.add_annotation_tables,
    curation_log.add_curation_history,
    backups.add_check_indexes,
]
"""``MIGRATIONS[n]`` upgrades a store at version n to n + 1. Append only; never edit a released step."""
SCHEMA_VERSION = len(MIGRATIONS)
USER_PREFIX = "user:"
BUSY_TIMEOUT_SECONDS = 5.0
"""How long a statement waits for another process's lock on the store before giving up."""

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EntityEdit:
    """The user's changes to one entity; None means unchanged."""

    entity_id: str
    name: str | None
    type: str | None
    hidden: bool


@dataclass(frozen=True)
class Curation:
    """A snapshot of all entity curation, records in the order they were made."""

    edits: tuple[EntityEdit, ...]
    merges: tuple[tuple[str, str], ...]
    """(source id, target id)."""
    keys: dict[str, str]
    """mention key -> entity id."""
    user_entities: dict[str, tuple[str, str]]
    """user entity id -> (name, type)."""


class Store:
    """The store of one corpus; safe to share between threads."""

    def __init__(self, corpus: Path) -> None:
        self.path = paths.store_path(Path(corpus))
        self._lock = threading.Lock()
        self.notices: list[Message] = []
        """What the user should be told about opening the store (a restore from a backup)."""
        with _reported(self.path):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            notice = backups.recover(self.path)
            if notice is not None:
                self.notices.append(notice)
            self._db = sqlite.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS)
            try:
                self._db.execute("PRAGMA foreign_keys=ON")
                self._migrate()
            except BaseException:
                self._db.close()
                raise
        try:
            backups.back_up(self._db, self.path)
        except (sqlite3.Error, OSError) as error:  # the store works; only its safety net is missing
            log.warning("could not back up the store %s: %s", self.path, error)
            self.notices.append(Message(translatable("Your work on this corpus could not be backed up ({reason}): "
                                                     "free some disk space in {folder}."),
                                        {"reason": getattr(error, "strerror", None) or error,
                                         "folder": self.path.parent}))

    def _migrate(self) -> None:
        self._upgrade_from(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _upgrade_from(self, version: int) -> None:
        """Run the migrations from ``version``, read before any lock was taken: processes that open
        a new corpus together all read 0, so each step checks the version again inside its
        transaction and is left out when another process already ran it."""
        if version > SCHEMA_VERSION:
            raise StoreError(translatable("{path} was written by a newer version of the workbench (store format "
                                          "{version}, this version reads up to {supported}): update the workbench."),
                             path=self.path, version=version, supported=SCHEMA_VERSION)
        for step in range(version, SCHEMA_VERSION):
            self._db.execute("BEGIN IMMEDIATE")
            try:
                if self._db.execute("PRAGMA user_version").fetchone()[0] == step:
                    MIGRATIONS[step](self._db)
                    self._db.execute(f"PRAGMA user_version = {step + 1}")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def close(self) -> None:
        """Back up what changed since the last backup, then close the database connection."""
        with self._lock:
            try:
                backups.back_up(self._db, self.path)
            except (sqlite3.Error, OSError) as error:  # the store itself is intact: report, close anyway
                log.warning("could not back up the store %s on close: %s", self.path, error)
            self._db.close()

    def version(self) -> int:
        """The schema version of the open store."""
        with self.reading() as db:
            return int(db.execute("PRAGMA user_version").fetchone()[0])

    def generation(self) -> int:
        """Grows with every write (from any process): a cached view is valid while it is unchanged."""
        with self.reading() as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    # -- entity curation ------------------------------------------------------------------

    def curation(self) -> Curation:
        """All entity curation, as one consistent snapshot."""
        with self.reading():
            edits = tuple(EntityEdit(entity_id, name, type_, bool(hidden)) for entity_id, name, type_, hidden in
                          self._db.execute("SELECT entity_id, name, type, hidden FROM entity_edits ORDER BY seq"))
            merges = tuple(self._db.execute("SELECT source, target FROM entity_merges ORDER BY seq").fetchall())
            keys = dict(self._db.execute("SELECT key, entity_id FROM key_assignments ORDER BY seq").fetchall())
            users = {f"{USER_PREFIX}{n}": (name, type_)
                     for n, name, type_ in self._db.execute("SELECT id, name, type FROM user_entities")}
        return Curation(edits, merges, keys, users)

    def edit_entity(self, entity_id: str, *, name: str | None = None, type: str | None = None,
                    hidden: bool | None = None) -> None:
        """Record a rename, a change of type and/or (un)hiding of an entity; other fields stay."""
        self.edit_entities([entity_id], name=name, type=type, hidden=hidden)

    def edit_entities(self, entity_ids: list[str], *, name: str | None = None, type: str | None = None,
                      hidden: bool | None = None) -> None:
        """``edit_entity`` for several entities, as one step (one transaction)."""
        with self._write() as seq:
            self._db.executemany(
                "INSERT INTO entity_edits (entity_id, name, type, hidden, seq) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (entity_id) DO UPDATE SET name = coalesce(excluded.name, name), "
                "type = coalesce(excluded.type, type), hidden = CASE WHEN ? IS NULL THEN hidden "
                "ELSE excluded.hidden END, seq = excluded.seq",
                [(entity_id, name, type, int(bool(hidden)), seq, hidden) for entity_id in entity_ids])

    def merge_entities(self, sources: list[str], target: str) -> None:
        """Record that the ``sources`` entities are the ``target`` entity."""
        with self._write() as seq:
            self._db.executemany("INSERT OR REPLACE INTO entity_merges (source, target, seq) VALUES (?, ?, ?)",
                                 [(source, target, seq) for source in sources if source != target])

    def assign_keys(self, keys: list[str], entity_id: str) -> None:
        """Record that mentions with these keys belong to ``entity_id``."""
        with self._write() as seq:
            self._db.executemany("INSERT OR REPLACE INTO key_assignments (key, entity_id, seq) VALUES (?, ?, ?)",
                                 [(key, entity_id, seq) for key in keys])

    def create_entity(self, name: str, type: str, keys: list[str]) -> str:
        """Make a user entity owning the mentions with ``keys``; returns its id (``user:<n>``)."""
        with self._write() as seq:
            number = self._db.execute("INSERT INTO user_entities (name, type) VALUES (?, ?)", (name, type)).lastrowid
            entity_id = f"{USER_PREFIX}{number}"
            self._db.executemany("INSERT OR REPLACE INTO key_assignments (key, entity_id, seq) VALUES (?, ?, ?)",
                                 [(key, entity_id, seq) for key in keys])
        return entity_id

    # -- undo and redo of curation (curation_log.py) -----------------------------------------

    def undo(self) -> CurationStep | None:
        """Undo the latest curation step; what it was, or None when there is nothing to undo."""
        with self._write():
            return curation_log.undo(self._db)

    def redo(self) -> CurationStep | None:
        """Redo the step undone last; what it was, or None when there is nothing to redo."""
        with self._write():
            return curation_log.redo(self._db)

    def curation_history(self, limit: int = 50) -> tuple[list[CurationStep], list[CurationStep]]:
        """(steps that undo would revert, newest first; steps that redo would make again, next first)."""
        with self._lock, sqlite.transaction(self._db):
            return curation_log.history(self._db, limit)

    # -- transactions ---------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[int]:
        """One write transaction; yields a sequence number that orders the records it makes."""
        with self.writing() as (_, seq):
            yield seq

    @contextmanager
    def writing(self) -> Iterator[tuple[sqlite3.Connection, int]]:
        """One write transaction, committed when the block ends (for the modules of this
        package): the connection, and the new generation, which orders the records it makes."""
        with self._lock, _reported(self.path), sqlite.transaction(self._db, "BEGIN IMMEDIATE"):
            yield self._db, self._next_generation()

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """The connection for a consistent read (one transaction) by the modules of this package."""
        with self._lock, _reported(self.path), sqlite.transaction(self._db):
            yield self._db

    def _next_generation(self) -> int:
        self._db.execute("INSERT INTO meta (key, value) VALUES ('generation', '1') ON CONFLICT (key) "
                         "DO UPDATE SET value = CAST(value AS INTEGER) + 1")
        return int(self._db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()[0])


@contextmanager
def _reported(path: Path) -> Iterator[None]:
    """Turn SQLite's and the file system's failures on the store into a StoreError saying what to do."""
    try:
        yield
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise StoreError(translatable("The store of your work on this corpus ({path}) is in use by another "
                                          "program: close the other workbench window using this corpus, then try "
                                          "again."), path=path) from error
        raise StoreError(translatable("The store of your work on this corpus ({path}) cannot be used ({reason}): "
                                      "check the disk and its permissions, then open the corpus again."),
                         path=path, reason=error) from error
    except sqlite3.DatabaseError as error:
        raise StoreError(translatable("The store of your work on this corpus ({path}) is damaged ({reason}): open "
                                      "the corpus again and the workbench restores it from its last backup."),
                         path=path, reason=error) from error
    except OSError as error:
        raise StoreError(translatable("The store of your work on this corpus ({path}) cannot be used ({reason}): "
                                      "check the disk and its permissions, then open the corpus again."),
                         path=path, reason=error.strerror or error) from error
