"""Damaged index files are detected and repaired from the corpus, with a message.

Each of the index's files is truncated, deleted or has a bit flipped, as a failing disk or a
careless user would leave it; the next update must notice (a segment's checksum, a file that
cannot be read, a store out of step with the index), say so in ``UpdateReport.rebuilt``, and
end with exactly the index a clean run builds.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.reliability.helpers import make_corpus, snapshot
from workbench.core import paths
from workbench.core.workspace import Workspace


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def delete(path: Path) -> None:
    path.unlink()


def flip_bit(path: Path, at: float = 0.5) -> None:
    data = bytearray(path.read_bytes())
    data[int(len(data) * at)] ^= 0x10
    path.write_bytes(bytes(data))


def flip_sqlite_page(path: Path) -> None:
    """Flip a bit in the header of the second page: a b-tree page SQLite's checks read."""
    data = bytearray(path.read_bytes())
    data[min(4096, len(data) // 2)] ^= 0x10
    path.write_bytes(bytes(data))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> Path:
    return make_corpus(tmp_path_factory.mktemp("damage") / "corpus", shared_dir, files=30, records=40)


@pytest.fixture
def indexed(corpus: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The corpus indexed in this test's home (several segments), closed; returns the index folder."""
    monkeypatch.setattr("workbench.core.index.planning.FIRST_TASK_BYTES", 20_000)
    monkeypatch.setattr("workbench.core.index.planning.MAX_TASK_BYTES", 40_000)
    workspace = Workspace.open(corpus)
    workspace.update()
    workspace.close()
    index_dir = paths.index_dir(corpus.resolve())
    assert len(list(index_dir.glob("*.seg"))) >= 3
    return index_dir


@pytest.fixture(scope="module")
def clean(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("clean")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(paths.HOME_ENV, str(home))
        workspace = Workspace.open(corpus)
        workspace.update()
        workspace.close()
    return home


def repair(corpus: Path) -> str:
    """Open and update the corpus; returns the repair message (there must be one)."""
    workspace = Workspace.open(corpus)
    try:
        report = workspace.update()
    finally:
        workspace.close()
    assert report.rebuilt_reason, "the damage went unnoticed"
    return report.rebuilt_reason


@pytest.mark.parametrize("damage", [truncate, delete, flip_bit], ids=["truncated", "deleted", "bit-flipped"])
def test_a_damaged_segment_is_found_and_its_files_indexed_again(
        corpus: Path, indexed: Path, clean: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch,
        damage: Callable[[Path], None]) -> None:
    segment = max(indexed.glob("*.seg"), key=lambda path: path.stat().st_size)
    damage(segment)
    message = repair(corpus)
    assert "damaged" in message and segment.name in message
    assert snapshot(corpus, isolated_home, monkeypatch) == snapshot(corpus, clean, monkeypatch)


@pytest.mark.parametrize("name", ["manifest.sqlite3", "entities.sqlite3", "_MAIN_*.toc"])
@pytest.mark.parametrize("damage", [truncate, delete, flip_sqlite_page], ids=["truncated", "deleted", "bit-flipped"])
def test_a_damaged_manifest_catalog_or_table_of_contents_rebuilds_the_index(
        corpus: Path, indexed: Path, clean: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch,
        name: str, damage: Callable[[Path], None]) -> None:
    for path in indexed.glob(name):
        damage(path)
    message = repair(corpus)
    assert "rebuilt" in message
    assert snapshot(corpus, isolated_home, monkeypatch) == snapshot(corpus, clean, monkeypatch)


def test_searching_a_damaged_index_repairs_it_first(corpus: Path, indexed: Path, clean: Path,
                                                    isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.core.search import SearchRequest

    for segment in indexed.glob("*.seg"):
        flip_bit(segment, 0.7)
    workspace = Workspace.open(corpus)
    try:
        report = workspace.update(wait=False)
        assert report.rebuilt_reason and "checksum" in report.rebuilt_reason
        assert workspace.engine.search(SearchRequest("السعودية")).total > 0
    finally:
        workspace.close()
    assert snapshot(corpus, isolated_home, monkeypatch) == snapshot(corpus, clean, monkeypatch)
