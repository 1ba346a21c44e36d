"""Indexing in a child process: same result as in-process, progress relayed, cancel and errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.core.test_index import total, write_articles
from workbench.core.errors import CorpusError
from workbench.core.index.child_process import update_in_child
from workbench.core.progress import CancelToken, Progress
from workbench.core.workspace import Workspace


def test_child_indexes_and_the_parent_index_sees_it(seeds_copy: Path) -> None:
    index = Workspace.open(seeds_copy)
    phases: list[str] = []
    report = update_in_child(seeds_copy, progress=lambda p: phases.append(p.phase))
    assert (report.added, report.articles) == (5, 5)
    assert "index" in phases
    assert total(index, "بحلب") == 4
    index.close()


def test_cancel_reaches_the_child(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_articles(corpus, 1500)
    token = CancelToken()

    def cancel_soon(progress: Progress) -> None:
        if progress.phase == "index" and progress.done >= 1:
            token.cancel()

    report = update_in_child(corpus, progress=cancel_soon, cancel=token)
    assert report.cancelled and report.articles < 1500
    assert update_in_child(corpus).articles == 1500


def test_errors_in_the_child_are_raised_in_the_parent(seeds_copy: Path) -> None:
    index = Workspace.open(seeds_copy)
    shutil.rmtree(seeds_copy)
    with pytest.raises(CorpusError, match="does not exist"):
        update_in_child(seeds_copy)
    index.close()
