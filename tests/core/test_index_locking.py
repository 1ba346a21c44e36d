"""Who may write an index, and what happens when the system says no: the lock, permissions,
leftovers of a stopped run. Every refusal is a WorkbenchError that says what to do."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.core.test_index import total, write_articles
from workbench.core import paths
from workbench.core.errors import IndexingError
from workbench.core.index import corpus_index
from workbench.core.index.locking import IndexLock
from workbench.core.workspace import Workspace


def test_a_folder_in_place_of_the_lock_is_a_clear_error(seeds_copy: Path) -> None:
    lock = paths.index_dir(seeds_copy.resolve()).parent / IndexLock.FILENAME
    lock.mkdir(parents=True)
    with pytest.raises(IndexingError, match="is a folder, not a file: delete or rename it"):
        Workspace.open(seeds_copy)


def test_a_read_only_lock_file_still_locks(seeds_copy: Path) -> None:
    lock = paths.index_dir(seeds_copy.resolve()).parent / IndexLock.FILENAME
    lock.parent.mkdir(parents=True)
    lock.touch()
    lock.chmod(0o444)
    workspace = Workspace.open(seeds_copy)
    assert workspace.update().articles == 5
    workspace.close()


def test_an_index_the_user_may_not_write_is_searched_never_updated_nor_deleted(
        seeds_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workspace = Workspace.open(seeds_copy)
    workspace.update()
    workspace.close()
    index_dir = paths.index_dir(seeds_copy.resolve())
    before = {p.name for p in index_dir.iterdir()}
    # As if the index belonged to another user (the tests may run as root, who may write anything).
    monkeypatch.setattr(corpus_index, "_writable", lambda folder: False)
    (seeds_copy / "new.txt").write_text("خبر جديد عن حلب", encoding="utf-8")
    workspace = Workspace.open(seeds_copy)
    assert total(workspace, "بحلب") == 4
    with pytest.raises(IndexingError, match="belongs to another user or is read-only"):
        workspace.update()
    workspace.close()
    for toc in index_dir.glob("*.toc"):
        toc.write_bytes(b"garbage")  # damaged: it would have to be rebuilt, but it is not ours to delete
    with pytest.raises(IndexingError, match="must be rebuilt, but it belongs to another user"):
        Workspace.open(seeds_copy)
    assert before == {p.name for p in index_dir.iterdir() if not p.name.endswith(("-wal", "-shm"))}


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permission bits")
def test_a_read_only_index_folder_is_searched(seeds_copy: Path) -> None:
    workspace = Workspace.open(seeds_copy)
    workspace.update()
    workspace.close()
    index_dir = paths.index_dir(seeds_copy.resolve())
    for path in [*index_dir.iterdir(), index_dir]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        workspace = Workspace.open(seeds_copy)
        assert total(workspace, "بحلب") == 4
        workspace.close()
    finally:
        for path in [index_dir, *index_dir.iterdir()]:
            path.chmod(0o755 if path.is_dir() else 0o644)


def test_leftovers_of_a_stopped_run_are_removed_by_the_next_update(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_articles(corpus, 5)
    workspace = Workspace.open(corpus)
    workspace.update()
    index_dir = workspace.index.index_dir
    (index_dir / ".build-4242").mkdir()
    (index_dir / ".build-4242" / "MAIN_abc.seg").write_bytes(b"half a segment")
    (index_dir / "xyz.tmp").mkdir()
    (index_dir / "_MAIN_7.toc.1733000000.5").write_bytes(b"half a table of contents")
    (index_dir / "MAIN_orphan0000000000.seg").write_bytes(b"never published")
    write_articles(corpus, 1, start=5)
    assert workspace.update().articles == 6
    names = {p.name for p in index_dir.iterdir()}
    assert not {".build-4242", "xyz.tmp", "_MAIN_7.toc.1733000000.5", "MAIN_orphan0000000000.seg"} & names
    workspace.close()
