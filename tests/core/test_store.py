"""The per-corpus store: location, versioning and migrations, curation records, backups and recovery."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from workbench.core import paths
from workbench.core.userdata import backups, store
from workbench.core.userdata.marks import Annotations, ArticleRecord
from workbench.core.userdata.store import Store, StoreError


def test_a_new_store_lives_outside_the_corpus_at_the_current_version(seeds_copy: Path) -> None:
    before = sorted(p.name for p in seeds_copy.iterdir())
    db = Store(seeds_copy)
    assert db.path == paths.store_path(seeds_copy) and seeds_copy not in db.path.parents
    assert db.version() == store.SCHEMA_VERSION
    db.edit_entity("PERSON:x", name="y")
    db.close()
    assert sorted(p.name for p in seeds_copy.iterdir()) == before
    with sqlite3.connect(paths.store_path(seeds_copy)) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_edits_keep_unset_fields_and_records_keep_their_order(seeds_copy: Path) -> None:
    db = Store(seeds_copy)
    start = db.generation()
    db.edit_entity("PERSON:a", name="أ", type="MISC")
    db.edit_entity("PERSON:a", hidden=True)
    db.merge_entities(["PERSON:b", "PERSON:a"], "PERSON:a")
    user = db.create_entity("جديد", "LOCATION", ["جديد", "جديده"])
    db.assign_keys(["جديد"], "PERSON:a")
    curation = db.curation()
    assert [(e.entity_id, e.name, e.type, e.hidden) for e in curation.edits] == [("PERSON:a", "أ", "MISC", True)]
    assert curation.merges == (("PERSON:b", "PERSON:a"),)
    assert curation.keys == {"جديد": "PERSON:a", "جديده": user}
    assert curation.user_entities == {user: ("جديد", "LOCATION")} and user.startswith("user:")
    assert db.generation() == start + 5
    db.close()


def test_an_older_store_is_migrated_in_place_keeping_the_users_work(
        seeds_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = Store(seeds_copy)
    db.edit_entity("PERSON:a", name="keep me")
    db.close()

    def future_step(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE future_things (article_id TEXT NOT NULL)")

    current = store.SCHEMA_VERSION
    monkeypatch.setattr(store, "MIGRATIONS", [*store.MIGRATIONS, future_step])
    monkeypatch.setattr(store, "SCHEMA_VERSION", len(store.MIGRATIONS))
    upgraded = Store(seeds_copy)
    assert upgraded.version() == store.SCHEMA_VERSION == current + 1
    assert upgraded.curation().edits[0].name == "keep me"
    upgraded.close()


def test_a_version_1_store_with_curation_gains_selections_tags_and_notes(
        seeds_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as patch:  # the store as the first release wrote it
        patch.setattr(store, "MIGRATIONS", store.MIGRATIONS[:1])
        patch.setattr(store, "SCHEMA_VERSION", 1)
        old = Store(seeds_copy)
        old.edit_entity("PERSON:سيرغي لافروف", name="لافروف", hidden=False)
        old.merge_entities(["PERSON:لافروف"], "PERSON:سيرغي لافروف")
        user = old.create_entity("هيئة التفاوض", "ORGANIZATION", ["هيئه التفاوض"])
        before = old.curation()
        old.close()
    upgraded = Store(seeds_copy)
    assert upgraded.version() == store.SCHEMA_VERSION > 1
    assert upgraded.curation() == before and user in before.user_entities
    notes = Annotations(upgraded, lambda ids: {i: ArticleRecord(i, i, "", "", "") for i in ids})
    notes.set_note("001.txt", "هدنة هشة")
    assert notes.note("001.txt") == "هدنة هشة"
    upgraded.close()


def test_a_failed_migration_leaves_the_last_good_version(seeds_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Store(seeds_copy).close()

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (id INTEGER)")
        raise RuntimeError("disk on fire")

    current = store.SCHEMA_VERSION
    monkeypatch.setattr(store, "MIGRATIONS", [*store.MIGRATIONS, broken])
    monkeypatch.setattr(store, "SCHEMA_VERSION", len(store.MIGRATIONS))
    with pytest.raises(RuntimeError):
        Store(seeds_copy)
    with sqlite3.connect(paths.store_path(seeds_copy)) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == current
        assert raw.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0


def test_steps_another_process_ran_meanwhile_are_left_out(seeds_copy: Path) -> None:
    """Processes opening a new corpus together each read version 0 before taking the write lock;
    the one that gets the lock second must not run the steps again ("table meta already exists")."""
    db = Store(seeds_copy)
    notes = Annotations(db, lambda ids: {i: ArticleRecord(i, i, "", "", "") for i in ids})
    notes.add_to_selection("هدنة", ["a.txt"])
    db._upgrade_from(0)  # what the second process does with the version it read before the first one's steps
    assert db.version() == store.SCHEMA_VERSION and notes.selection_ids("هدنة") == ["a.txt"]
    db.close()


def test_a_store_from_a_newer_version_is_refused(seeds_copy: Path) -> None:
    Store(seeds_copy).close()
    with sqlite3.connect(paths.store_path(seeds_copy)) as raw:
        raw.execute(f"PRAGMA user_version = {store.SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer version"):
        Store(seeds_copy)


# -- keeping the store safe: backups, verification, restore, locks ----------------------------------


def _store_with_curation(corpus: Path) -> Store:
    db = Store(corpus)
    db.edit_entity("PERSON:سيرغي لافروف", name="لافروف")
    db.merge_entities(["PERSON:لافروف"], "PERSON:سيرغي لافروف")
    return db


def _truncate_to_zero(path: Path) -> None:
    path.write_bytes(b"")


def _truncate_to_half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _delete(path: Path) -> None:
    path.unlink()


def _flip_a_bit_in_a_table_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[page_size] ^= 0x40  # page 2's b-tree page type: no longer a valid page
    path.write_bytes(bytes(data))


def _overwrite_with_text(path: Path) -> None:
    path.write_text("this is not a database", encoding="utf-8")


@pytest.mark.parametrize("damage", [_truncate_to_zero, _truncate_to_half, _delete, _flip_a_bit_in_a_table_page,
                                    _overwrite_with_text])
def test_a_damaged_or_lost_store_is_restored_from_its_backup(seeds_copy: Path, damage: Callable[[Path], None]) -> None:
    db = _store_with_curation(seeds_copy)
    expected = db.curation()
    db.close()
    path = paths.store_path(seeds_copy)
    damage(path)

    reopened = Store(seeds_copy)
    assert reopened.curation() == expected
    [notice] = reopened.notices
    assert "restored from the backup of" in str(notice)
    kept = sorted(p.name for p in path.parent.glob("store.sqlite3.damaged-*"))
    if damage is _delete:
        assert kept == [] and "missing" in str(notice)
    else:
        assert len(kept) == 1 and kept[0] in str(notice)
    reopened.close()
    again = Store(seeds_copy)
    assert again.notices == []  # restored for good
    again.close()


def test_a_damaged_store_without_a_usable_backup_is_kept_aside_and_said(seeds_copy: Path) -> None:
    _store_with_curation(seeds_copy).close()
    path = paths.store_path(seeds_copy)
    for backup in backups.backup_files(path):
        _overwrite_with_text(backup)
    _flip_a_bit_in_a_table_page(path)
    reopened = Store(seeds_copy)
    [notice] = reopened.notices
    assert "no backup of it could be read" in str(notice)
    [kept] = path.parent.glob("store.sqlite3.damaged-*")
    assert kept.name in str(notice) and kept.stat().st_size > 0
    assert reopened.curation().edits == ()  # an empty, working store
    reopened.edit_entity("PERSON:x", name="y")
    reopened.close()


def test_the_newest_backup_that_verifies_is_the_one_restored(seeds_copy: Path) -> None:
    db = _store_with_curation(seeds_copy)
    db.close()
    db = Store(seeds_copy)
    db.edit_entity("PERSON:b", name="later")
    expected = db.curation()
    db.close()
    path = paths.store_path(seeds_copy)
    newest, older = backups.backup_files(path)[:2]
    _truncate_to_half(newest)
    _delete(path)
    reopened = Store(seeds_copy)
    assert reopened.curation() != expected  # the state before the last session
    assert [e.entity_id for e in reopened.curation().edits] == ["PERSON:سيرغي لافروف"]
    assert older.name not in str(reopened.notices[0])
    reopened.close()


def test_a_backup_is_kept_on_open_and_close_and_rotated_only_when_the_work_changed(seeds_copy: Path) -> None:
    path = paths.store_path(seeds_copy)
    Store(seeds_copy).close()
    assert [p.name for p in backups.backup_files(path)] == ["store.sqlite3.bak"]
    Store(seeds_copy).close()
    assert len(backups.backup_files(path)) == 1  # nothing changed: nothing pushed out
    for number in range(backups.BACKUPS_KEPT + 2):
        db = Store(seeds_copy)
        db.edit_entity("PERSON:a", name=f"name {number}")
        db.close()
    kept = backups.backup_files(path)
    assert len(kept) == backups.BACKUPS_KEPT
    with sqlite3.connect(kept[0]) as newest:
        assert newest.execute("SELECT name FROM entity_edits").fetchone()[0] == f"name {backups.BACKUPS_KEPT + 1}"
        assert newest.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_a_new_store_says_nothing(seeds_copy: Path) -> None:
    db = Store(seeds_copy)
    assert db.notices == []
    db.close()


_HOLD = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "exclusive":
    db.execute("PRAGMA locking_mode=EXCLUSIVE")
db.execute("BEGIN EXCLUSIVE" if sys.argv[2] == "exclusive" else "BEGIN IMMEDIATE")
print("held", flush=True)
sys.stdin.read()
"""


def _hold(path: Path, mode: str) -> subprocess.Popen[str]:
    """Another process holding the store: "write" (a long write transaction) or "exclusive" (all access)."""
    holder = subprocess.Popen([sys.executable, "-c", _HOLD, str(path), mode], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


def _release(holder: subprocess.Popen[str]) -> None:
    assert holder.stdin is not None
    holder.stdin.close()
    holder.wait(timeout=10)
    if holder.stdout is not None:
        holder.stdout.close()


def test_a_store_held_by_another_process_is_a_clear_error(seeds_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "BUSY_TIMEOUT_SECONDS", 0.2)
    db = _store_with_curation(seeds_copy)
    holder = _hold(db.path, "write")
    try:
        with pytest.raises(StoreError, match="in use by another program: close the other workbench window"):
            db.edit_entity("PERSON:x", name="y")
        assert db.curation().merges  # reading goes on meanwhile
    finally:
        _release(holder)
    db.edit_entity("PERSON:x", name="y")  # works again once the other process lets go
    db.close()
    holder = _hold(db.path, "exclusive")
    try:
        with pytest.raises(StoreError, match="in use by another program"):
            Store(seeds_copy)
    finally:
        _release(holder)
    reopened = Store(seeds_copy)
    assert reopened.notices == []
    reopened.close()


def test_a_backup_that_cannot_be_written_is_said_but_the_store_opens(
        seeds_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(db: sqlite3.Connection, path: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "back_up", disk_full)
    db = Store(seeds_copy)
    [notice] = db.notices
    assert "could not be backed up (No space left on device)" in str(notice)
    db.edit_entity("PERSON:a", name="b")
    db.close()


@pytest.mark.parametrize("occurrence", [0, 1])  # the row, and the check index's copy of it
def test_a_flipped_bit_inside_a_note_is_found_and_the_note_restored(seeds_copy: Path, occurrence: int) -> None:
    db = Store(seeds_copy)
    marks = Annotations(db, lambda ids: {i: ArticleRecord(i, i, "", "", "") for i in ids})
    marks.set_note("001.txt", "marker-7f3a: هدنة هشة في حلب")
    db.close()
    path = paths.store_path(seeds_copy)
    data = bytearray(path.read_bytes())
    places = [i for i in range(len(data)) if data.startswith(b"marker-7f3a", i)]
    assert len(places) == 2
    data[places[occurrence]] ^= 0x01  # "m" becomes "l": a valid page, a valid record, a changed note
    path.write_bytes(bytes(data))

    reopened = Store(seeds_copy)
    assert "restored from the backup" in str(reopened.notices[0])
    restored = Annotations(reopened, lambda ids: {})
    assert restored.note("001.txt") == "marker-7f3a: هدنة هشة في حلب"


def test_undo_restores_the_rows_a_step_replaced_and_redo_makes_them_again(seeds_copy: Path) -> None:
    db = Store(seeds_copy)
    db.assign_keys(["كيري"], "PERSON:a")
    db.merge_entities(["PERSON:b"], "PERSON:a")
    db.assign_keys(["كيري"], "PERSON:c")  # replaces the first assignment's row
    db.merge_entities(["PERSON:b"], "PERSON:c")  # and the merge's
    before = db.curation()
    step = db.undo()
    assert step is not None and step.action == "merge"
    assert db.undo() is not None
    undone = db.curation()
    assert undone.keys == {"كيري": "PERSON:a"} and undone.merges == (("PERSON:b", "PERSON:a"),)
    assert db.redo() is not None and db.redo() is not None
    assert db.curation() == before and db.redo() is None
    generation = db.generation()
    assert db.undo() is not None and db.generation() > generation  # readers see that the curation changed
    db.close()
    reopened = Store(seeds_copy)  # the log is in the store: it survives a restart
    assert [step.action for step in reopened.curation_history()[1]] == ["merge"]
    reopened.close()
