"""Fixtures shared by the core tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from tests.conftest import SEEDS_DIR
from workbench.core.workspace import Workspace


@pytest.fixture(scope="module")
def seeds_workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """A copy of the seeds, indexed once per test module, with its own data home."""
    folder = tmp_path_factory.mktemp("seeds_workspace")
    corpus = folder / "seeds"
    shutil.copytree(SEEDS_DIR, corpus)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKBENCH_HOME", str(folder / "home"))
        opened = Workspace.open(corpus)
        opened.update()
        yield opened
        opened.close()
