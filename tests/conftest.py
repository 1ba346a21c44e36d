"""Shared test setup: isolated data home, offscreen Qt, GUI auto-marking, seed corpus fixtures."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = REPO_ROOT / "seeds"
SHARED_DIR = REPO_ROOT.parent / "shared"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test under tests/ui as `gui`, so `-m "not gui"` runs the core suite alone."""
    ui_dir = REPO_ROOT / "tests" / "ui"
    for item in items:
        if ui_dir in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point WORKBENCH_HOME at a fresh folder so no test touches a real user profile."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("WORKBENCH_HOME", str(home))
    return home


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A writable copy of the five seed articles."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, target)
    return target


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared data folder beside the repo; tests that need it skip when it is absent."""
    if not SHARED_DIR.is_dir():
        pytest.skip("../shared is not beside the repo")
    return SHARED_DIR
