"""A moved or renamed corpus folder keeps its index and the user's work; a copy does not take them."""

from __future__ import annotations

import shutil
from pathlib import Path

from workbench.core import paths
from workbench.core.workspace import Workspace


def _tagged_corpus(folder: Path) -> str:
    """Index ``folder``, tag and note one article, put it in a selection; returns its id."""
    workspace = Workspace.open(folder)
    try:
        workspace.update()
        article = sorted(_all_ids(workspace))[0]
        workspace.userdata.tag([article], ["مهم"])
        workspace.userdata.set_note(article, "تصريح لافروف عن حلب")
        workspace.userdata.add_to_selection("حلب", [article])
    finally:
        workspace.close()
    return article


def _all_ids(workspace: Workspace) -> set[str]:
    with workspace.index.reading() as searcher:
        return {fields["id"] for fields in searcher.all_stored_fields()}


def test_a_moved_corpus_keeps_its_marks_and_its_index(seeds_copy: Path, tmp_path: Path) -> None:
    article = _tagged_corpus(seeds_copy)
    old_data = paths.corpus_dir(seeds_copy)
    moved = tmp_path / "elsewhere" / "الأخبار"
    moved.parent.mkdir()
    shutil.move(seeds_copy, moved)
    (moved / "extra.txt").write_text("دمشق - سانا\n\nخبر أضيف بعد النقل عن حلب.", encoding="utf-8")
    workspace = Workspace.open(moved)
    try:
        assert [str(notice) for notice in workspace.notices] == [
            f"This folder looks like {seeds_copy.resolve()}, moved or renamed: your selections, tags, notes and its "
            "index were carried over."]
        assert workspace.userdata.note(article) == "تصريح لافروف عن حلب"
        assert workspace.userdata.selection_ids("حلب") == [article]
        report = workspace.update()
        assert (report.unchanged, report.added, report.articles) == (5, 1, 6)  # the index came along
    finally:
        workspace.close()
    assert not old_data.exists() and paths.corpus_dir(moved).is_dir()
    again = Workspace.open(moved)
    assert again.notices == [] and again.userdata.note(article) == "تصريح لافروف عن حلب"
    again.close()


def test_a_copy_starts_afresh_and_the_original_keeps_its_data(seeds_copy: Path, tmp_path: Path) -> None:
    article = _tagged_corpus(seeds_copy)
    copy = tmp_path / "copy"
    shutil.copytree(seeds_copy, copy)
    workspace = Workspace.open(copy)
    try:
        assert workspace.notices == [] and workspace.userdata.note(article) == ""
    finally:
        workspace.close()
    original = Workspace.open(seeds_copy)
    assert original.userdata.note(article) == "تصريح لافروف عن حلب"
    original.close()


def test_a_different_folder_does_not_take_the_data_of_a_vanished_corpus(seeds_copy: Path, tmp_path: Path) -> None:
    _tagged_corpus(seeds_copy)
    shutil.rmtree(seeds_copy)
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.txt").write_text("الرياض - واس\n\nخبر لا صلة له بالمدونة الأولى.", encoding="utf-8")
    workspace = Workspace.open(other)
    try:
        assert workspace.notices == [] and workspace.userdata.selections() == []
    finally:
        workspace.close()
    assert paths.corpus_dir(seeds_copy).is_dir()
