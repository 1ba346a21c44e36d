"""Undo and redo of entity curation, kept in the per-corpus store so they survive a restart.

How: triggers on the four curation tables (``entity_edits``, ``entity_merges``,
``key_assignments``, ``user_entities``) write every change as a before and an after image of
the row (JSON) into ``curation_changes``, under the store generation of the write transaction,
which is the step's number; ``curation_steps`` lists the steps and whether they are undone. So
one user action is one step exactly when the store writes it in one transaction, and nothing in
the store's write methods has to remember to log: a change cannot escape the log.

- ``undo``: the latest step still done gets its rows' before images back, newest change
  first, and is marked undone;
- ``redo``: the earliest undone step gets its after images back, oldest change first;
- a new step (any other write) discards the undone steps: redo follows undo only.

While undo and redo write, the triggers stand aside (``meta.curation_replay``), so replaying
a step is not logged as a new one. Each runs in the caller's write transaction, which also
bumps the generation, so every reader refreshes.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

__all__ = ["CurationStep", "add_curation_history", "history", "redo", "undo"]

_TABLES = {
    "entity_edits": ("entity_id", ("entity_id", "name", "type", "hidden", "seq")),
    "entity_merges": ("source", ("source", "target", "seq")),
    "key_assignments": ("key", ("key", "entity_id", "seq")),
    "user_entities": ("id", ("id", "name", "type")),
}
"""Curation table -> (primary key column, every column)."""
_NUMBERED = {"user_entities"}
"""Tables whose rows get their key from SQLite (AUTOINCREMENT) and are only ever inserted."""

Row = dict[str, Any]
"""A row image: column -> value."""

_STEP = "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation')"
_LOGGING = "(SELECT value FROM meta WHERE key = 'curation_replay') IS NULL"


def _image(row: str, columns: tuple[str, ...]) -> str:
    return "json_object(" + ", ".join(f"'{c}', {row}.{c}" for c in columns) + ")"


def _trigger(table: str, event: str, old: str, new: str, when: str) -> str:
    return (f"CREATE TRIGGER curation_log_{table}_{event.lower()} {when} {event} ON {table} WHEN {_LOGGING} BEGIN "
            "DELETE FROM curation_changes WHERE step IN (SELECT step FROM curation_steps WHERE undone); "
            "DELETE FROM curation_steps WHERE undone; "
            # Not INSERT OR IGNORE: the statement that fires the trigger overrides its conflict policy.
            f"INSERT INTO curation_steps (step) SELECT {_STEP} WHERE NOT EXISTS "
            f"(SELECT 1 FROM curation_steps WHERE step = {_STEP}); "
            f"INSERT INTO curation_changes (step, tbl, old, new) VALUES ({_STEP}, '{table}', {old}, {new}); END")


def add_curation_history(db: sqlite3.Connection) -> None:
    """Store migration: the undo/redo log and the triggers that fill it."""
    db.execute("CREATE TABLE curation_steps (step INTEGER PRIMARY KEY, undone INTEGER NOT NULL DEFAULT 0)")
    db.execute("CREATE TABLE curation_changes (id INTEGER PRIMARY KEY AUTOINCREMENT, step INTEGER NOT NULL, "
               "tbl TEXT NOT NULL, old TEXT, new TEXT)")
    db.execute("CREATE INDEX curation_changes_step ON curation_changes (step)")
    for table, (key, columns) in _TABLES.items():
        if table in _NUMBERED:  # only AFTER INSERT knows the new row's number
            db.execute(_trigger(table, "INSERT", "NULL", _image("NEW", columns), "AFTER"))
        else:
            # BEFORE INSERT sees the row an INSERT OR REPLACE is about to replace (REPLACE fires no
            # delete trigger); an upsert's update is also logged by the UPDATE trigger.
            existing = f"(SELECT {_image(table, columns)} FROM {table} WHERE {key} = NEW.{key})"
            db.execute(_trigger(table, "INSERT", existing, _image("NEW", columns), "BEFORE"))
        db.execute(_trigger(table, "UPDATE", _image("OLD", columns), _image("NEW", columns), "AFTER"))
        db.execute(_trigger(table, "DELETE", _image("OLD", columns), "NULL", "BEFORE"))


@dataclass(frozen=True)
class CurationStep:
    """One curation step as the user made it: what kind, and the entity ids it concerned."""

    step: int
    action: str
    """merge, split, rename, type, hide, unhide, add or assign (what the step's changes show)."""
    entity_ids: tuple[str, ...]


def _changes(db: sqlite3.Connection, step: int, newest_first: bool) -> list[tuple[str, Row | None, Row | None]]:
    order = "DESC" if newest_first else "ASC"
    rows = db.execute(f"SELECT tbl, old, new FROM curation_changes WHERE step = ? ORDER BY id {order}", (step,))
    return [(table, json.loads(old) if old else None, json.loads(new) if new else None) for table, old, new in rows]


def _apply(db: sqlite3.Connection, table: str, image: Row | None, other: Row | None) -> None:
    """Make the row ``image`` (or, when None, no row with ``other``'s key) true in ``table``."""
    key, columns = _TABLES[table]
    if image is None:
        if other is not None:
            db.execute(f"DELETE FROM {table} WHERE {key} = ?", (other[key],))
        return
    names = ", ".join(columns)
    marks = ", ".join("?" * len(columns))
    db.execute(f"INSERT OR REPLACE INTO {table} ({names}) VALUES ({marks})", [image[c] for c in columns])


def _replay(db: sqlite3.Connection, step: int, undoing: bool) -> None:
    db.execute("INSERT INTO meta (key, value) VALUES ('curation_replay', '1')")
    try:
        for table, old, new in _changes(db, step, newest_first=undoing):
            _apply(db, table, old if undoing else new, new if undoing else old)
    finally:
        db.execute("DELETE FROM meta WHERE key = 'curation_replay'")
    db.execute("UPDATE curation_steps SET undone = ? WHERE step = ?", (int(undoing), step))


def _describe(db: sqlite3.Connection, step: int) -> CurationStep:
    """What a step did, read from its changes."""
    changes = _changes(db, step, newest_first=False)
    tables = {table for table, _, _ in changes}
    ids: dict[str, None] = {}
    edits: dict[str, tuple[Row | None, Row]] = {}  # entity id -> (its row before the step, after it)
    action = "assign"
    for table, old, new in changes:
        row = new or old or {}
        if table == "entity_merges":
            action = "merge"
            ids.update(dict.fromkeys((row["source"], row["target"])))
        elif table == "user_entities":
            action = "split" if "key_assignments" in tables else "add"
            ids[f"user:{row['id']}"] = None
        elif table == "entity_edits":
            ids[row["entity_id"]] = None
            edits[row["entity_id"]] = (edits.get(row["entity_id"], (old, row))[0], row)
        elif table == "key_assignments":
            ids[row["entity_id"]] = None
    if action == "assign" and edits:
        before, after = next(iter(edits.values()))
        before = before or {"name": None, "type": None, "hidden": 0}
        if bool(before["hidden"]) != bool(after["hidden"]):
            action = "hide" if after["hidden"] else "unhide"
        elif before["type"] != after["type"]:
            action = "type"
        else:
            action = "rename"
    return CurationStep(step, action, tuple(ids))


def undo(db: sqlite3.Connection) -> CurationStep | None:
    """Undo the latest step still done (in the caller's write transaction); None when there is none."""
    return _replay_one(db, "SELECT MAX(step) FROM curation_steps WHERE NOT undone", undoing=True)


def redo(db: sqlite3.Connection) -> CurationStep | None:
    """Redo the earliest undone step (in the caller's write transaction); None when there is none."""
    return _replay_one(db, "SELECT MIN(step) FROM curation_steps WHERE undone", undoing=False)


def _replay_one(db: sqlite3.Connection, which: str, undoing: bool) -> CurationStep | None:
    step = db.execute(which).fetchone()[0]
    if step is None:
        return None
    _replay(db, step, undoing)
    return _describe(db, step)


def history(db: sqlite3.Connection, limit: int = 50) -> tuple[list[CurationStep], list[CurationStep]]:
    """(up to ``limit`` steps that can be undone, newest first; up to ``limit`` that can be redone,
    next first)."""
    done = [_describe(db, step) for (step,) in db.execute(
        "SELECT step FROM curation_steps WHERE NOT undone ORDER BY step DESC LIMIT ?", (limit,)).fetchall()]
    undone = [_describe(db, step) for (step,) in db.execute(
        "SELECT step FROM curation_steps WHERE undone ORDER BY step LIMIT ?", (limit,)).fetchall()]
    return done, undone
