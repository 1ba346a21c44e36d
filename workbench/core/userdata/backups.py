"""Keeping the store file of the user's work safe: verify it on open, back it up, restore it.

The store is the one file the app cannot rebuild, so it is never silently replaced:

- **Verify on open** (``recover``): a store that is missing or empty while a backup exists, or
  that fails SQLite's ``PRAGMA integrity_check`` (truncation, a flipped bit in its structure),
  is set aside as ``store.sqlite3.damaged-<time>`` (with its write-ahead log) and the newest
  backup that itself verifies is copied back. The caller gets a ``Message`` to show the user
  naming the backup's date and the file set aside; with no usable backup the damaged file is
  still set aside and the message says so: the app never starts empty without saying it.
- **Back up** (``back_up``) after each successful open and on close, with SQLite's online
  backup API (a consistent copy even while another process writes), to a temporary file that
  is renamed to ``store.sqlite3.bak``. ``BACKUPS_KEPT`` copies rotate (``.bak``, ``.bak.1``, ...),
  and a copy is made only when the content changed since the newest one (its ``generation``),
  so opening the corpus many times does not push the older states out.

SQLite keeps no checksums of its pages, so a flipped bit inside a stored value would pass its
structural checks. ``add_check_indexes`` (a store migration) gives every table an index over all
of its columns: ``integrity_check`` compares each row with its index entry, so a changed byte in
either is found. It doubles the size of a store that holds kilobytes to a few megabytes.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from pathlib import Path

from workbench.core.messages import Message, translatable

__all__ = ["BACKUPS_KEPT", "add_check_indexes", "back_up", "backup_files", "recover"]

log = logging.getLogger(__name__)

BACKUPS_KEPT = 3
_SIDE_FILES = ("-wal", "-shm")
"""SQLite's companions of a database file in write-ahead-log mode."""


def add_check_indexes(db: sqlite3.Connection) -> None:
    """Store migration: an index over all the columns of every table there is, so that
    ``integrity_check`` finds a changed byte in any row (see the module docstring). A table a
    later migration adds gets its own by calling this again."""
    tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                           "'sqlite_%' ORDER BY name")]
    for table in tables:
        columns = ", ".join(f'"{row[1]}"' for row in db.execute(f'PRAGMA table_info("{table}")'))
        db.execute(f'CREATE INDEX IF NOT EXISTS "{table}_check" ON "{table}" ({columns})')


def backup_files(path: Path) -> list[Path]:
    """The existing backups of the store at ``path``, newest first."""
    candidates = [_backup_path(path, number) for number in range(BACKUPS_KEPT)]
    return [candidate for candidate in candidates if candidate.is_file()]


def _backup_path(path: Path, number: int) -> Path:
    suffix = ".bak" if number == 0 else f".bak.{number}"
    return path.with_name(path.name + suffix)


def _read_only(path: Path) -> str:
    """The URI that opens ``path`` read-only (whatever characters its name has)."""
    return path.absolute().as_uri() + "?mode=ro"


def _stamp(db: sqlite3.Connection) -> tuple[int, int]:
    """(schema version, generation) of a store: equal stamps mean equal content."""
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    try:
        row = db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
    except sqlite3.DatabaseError:
        return version, -1
    return version, int(row[0]) if row else 0


def back_up(db: sqlite3.Connection, path: Path) -> None:
    """Copy the open store ``db`` (at ``path``) to its newest backup, rotating the older ones;
    nothing is done when the newest backup already has the same content."""
    newest = _backup_path(path, 0)
    if newest.is_file():
        with contextlib.closing(sqlite3.connect(_read_only(newest), uri=True)) as previous:
            try:
                if _stamp(previous) == _stamp(db):
                    return
            except sqlite3.DatabaseError:
                pass  # an unreadable backup is simply rotated out
    temporary = path.with_name(f"{path.name}.bak.{os.getpid()}.tmp")  # two processes may back up at once
    temporary.unlink(missing_ok=True)
    with contextlib.closing(sqlite3.connect(temporary)) as copy:
        db.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
    for number in range(BACKUPS_KEPT - 1, 0, -1):
        older = _backup_path(path, number - 1)
        if older.is_file():
            os.replace(older, _backup_path(path, number))
    os.replace(temporary, newest)


def recover(path: Path) -> Message | None:
    """Check the store file at ``path`` before it is opened; restore it from a backup if it is
    damaged, or missing or empty while a backup exists. Returns what to tell the user, or None
    when the store is sound (or is new: no file and no backup)."""
    backups = backup_files(path)
    problem = _problem(path, expect_content=bool(backups))
    if problem is None:
        return None
    aside = _set_aside(path) if path.exists() else None
    for backup in backups:
        if _problem(backup, expect_content=True) is None:
            _restore(backup, path)
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(backup.stat().st_mtime))
            if aside is None:
                return Message(translatable("The store of your work on this corpus (selections, tags, notes, entity "
                                            "curation) was {problem}; it was restored from the backup of {date}."),
                               {"problem": problem, "date": when})
            return Message(translatable("The store of your work on this corpus (selections, tags, notes, entity "
                                        "curation) was {problem}; it was restored from the backup of {date}. The "
                                        "damaged file is kept as {aside}."),
                           {"problem": problem, "date": when, "aside": aside.name})
    return Message(translatable("The store of your work on this corpus (selections, tags, notes, entity curation) "
                                "was {problem} and no backup of it could be read, so the workbench starts with an "
                                "empty one. The damaged file is kept as {aside} in {folder}."),
                   {"problem": problem, "aside": aside.name if aside else "-", "folder": path.parent})


def _problem(path: Path, expect_content: bool) -> Message | None:
    """What is wrong with the database file at ``path``, or None if it is sound.

    A missing or empty file is only a problem when content was expected (a backup exists).
    """
    if not path.exists():
        return Message(translatable("missing")) if expect_content else None
    if path.stat().st_size == 0 and not _has_log(path):
        return Message(translatable("empty")) if expect_content else None
    try:
        with contextlib.closing(sqlite3.connect(path, timeout=0.5)) as db:
            result = db.execute("PRAGMA integrity_check(5)").fetchall()
            if not expect_content or db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]:
                if [row[0] for row in result] == ["ok"]:
                    return None
                detail = "; ".join(str(row[0]) for row in result)
            else:
                return Message(translatable("empty"))
    except sqlite3.OperationalError as error:
        if "locked" in str(error):
            return None  # in use by another process: the caller reports that when it opens
        detail = str(error)
    except sqlite3.DatabaseError as error:
        detail = str(error)
    log.warning("store %s failed verification: %s", path, detail)
    return Message(translatable("damaged ({detail})"), {"detail": detail})


def _has_log(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    return wal.is_file() and wal.stat().st_size > 0


def _set_aside(path: Path) -> Path:
    """Rename the damaged store (and its write-ahead log) out of the way; its new path."""
    aside = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
    number = 1
    while aside.exists():
        number += 1
        aside = aside.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}-{number}")
    os.replace(path, aside)
    for side in _SIDE_FILES:
        companion = path.with_name(path.name + side)
        if companion.exists():
            if side == "-wal":
                os.replace(companion, aside.with_name(aside.name + side))
            else:
                companion.unlink()
    return aside


def _restore(backup: Path, path: Path) -> None:
    """Copy ``backup`` to ``path`` through a temporary file, so a crash leaves no half copy."""
    for side in _SIDE_FILES:  # a stale log would be replayed over the restored copy
        path.with_name(path.name + side).unlink(missing_ok=True)
    temporary = path.with_name(path.name + ".restoring")
    temporary.unlink(missing_ok=True)
    with contextlib.closing(sqlite3.connect(_read_only(backup), uri=True)) as source, \
            contextlib.closing(sqlite3.connect(temporary)) as target:
        source.backup(target)
    os.replace(temporary, path)
