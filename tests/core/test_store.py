"""The per-corpus store: location, versioning and migrations, curation records."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from workbench.core import paths
from workbench.core.userdata import store
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

    def v2_tags(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE tags (article_id TEXT NOT NULL, tag TEXT NOT NULL)")

    current = store.SCHEMA_VERSION
    monkeypatch.setattr(store, "MIGRATIONS", [*store.MIGRATIONS, v2_tags])
    monkeypatch.setattr(store, "SCHEMA_VERSION", len(store.MIGRATIONS))
    upgraded = Store(seeds_copy)
    assert upgraded.version() == store.SCHEMA_VERSION == current + 1
    assert upgraded.curation().edits[0].name == "keep me"
    upgraded.close()


def test_a_failed_migration_leaves_the_last_good_version(seeds_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Store(seeds_copy).close()

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE notes (id INTEGER)")
        raise RuntimeError("disk on fire")

    current = store.SCHEMA_VERSION
    monkeypatch.setattr(store, "MIGRATIONS", [*store.MIGRATIONS, broken])
    monkeypatch.setattr(store, "SCHEMA_VERSION", len(store.MIGRATIONS))
    with pytest.raises(RuntimeError):
        Store(seeds_copy)
    with sqlite3.connect(paths.store_path(seeds_copy)) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == current
        assert raw.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'notes'").fetchone()[0] == 0


def test_a_store_from_a_newer_version_is_refused(seeds_copy: Path) -> None:
    Store(seeds_copy).close()
    with sqlite3.connect(paths.store_path(seeds_copy)) as raw:
        raw.execute(f"PRAGMA user_version = {store.SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer version"):
        Store(seeds_copy)


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
