"""The built wheel works outside the repository, and its core and CLI run without PySide6.

Builds the wheel as a release would (``pip wheel``, so setup.py ships resources/ and seeds/
and compiles the translations), installs it into a fresh virtual environment with every
dependency except PySide6, and runs the command line from a folder outside the checkout on the
demo corpus the wheel carries.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
import venv
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

pytestmark = [pytest.mark.packaging, pytest.mark.slow]

GUI_DISTRIBUTIONS = ("PySide6", "shiboken6")
"""Distributions left out of the test environment: the core and the CLI must not need them."""


def _project() -> dict[str, object]:
    with open(REPO_ROOT / "pyproject.toml", "rb") as handle:
        return tomllib.load(handle)["project"]  # type: ignore[no-any-return]


def _run(command: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 600) -> str:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    assert done.returncode == 0, f"{command} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this checkout."""
    out = tmp_path_factory.mktemp("wheel")
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(out), str(REPO_ROOT)],
         cwd=out)
    (built,) = out.glob("*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, str]]]:
    """A fresh venv with the wheel and its non-GUI dependencies; yields (its bin folder, an environment)."""
    root = tmp_path_factory.mktemp("venv")
    venv.create(root / "env", with_pip=True)
    bin_dir = root / "env" / ("Scripts" if os.name == "nt" else "bin")
    requirements = [r for r in _project()["dependencies"]  # type: ignore[attr-defined]
                    if not r.startswith(GUI_DISTRIBUTIONS)]
    _run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", *requirements], cwd=root)
    _run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)], cwd=root)
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["WORKBENCH_HOME"] = str(root / "home")
    yield bin_dir, env


def test_wheel_carries_resources_demo_corpus_and_compiled_translations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for resource in (REPO_ROOT / "resources").rglob("*"):
        if resource.is_file() and resource.suffix != ".ts":
            assert f"workbench/resources/{resource.relative_to(REPO_ROOT / 'resources').as_posix()}" in names
    assert {f"workbench/seeds/{p.name}" for p in (REPO_ROOT / "seeds").iterdir()} <= names
    assert "workbench/resources/i18n/workbench_ar.qm" in names
    assert not any(name.endswith(".ts") for name in names)


def test_installed_cli_searches_the_demo_corpus_without_pyside6(installed: tuple[Path, dict[str, str]],
                                                                tmp_path: Path) -> None:
    bin_dir, env = installed
    probe = subprocess.run([str(bin_dir / "python"), "-c", "import PySide6"], capture_output=True, check=False)
    assert probe.returncode != 0, "the test environment must not have PySide6"
    version = _run([str(bin_dir / "workbench"), "--version"], cwd=tmp_path, env=env)
    assert version.split() == ["workbench", str(_project()["version"])]

    out = _run([str(bin_dir / "workbench"), "search", "--demo", "بحلب", "--json"], cwd=tmp_path, env=env)
    results = json.loads(out)
    assert results["total"] == 4
    paths = {hit["path"] for hit in results["hits"]}
    assert all(path.endswith(".txt") and not Path(path).is_absolute() for path in paths)
    variant = json.loads(_run([str(bin_dir / "workbench"), "search", "--demo", "سيرغي لافروف", "--json"],
                              cwd=tmp_path, env=env))
    assert variant["variants"] == {"سيرغي": ["سيرجي"]}


def test_installed_cli_lists_entities_with_the_shipped_model(installed: tuple[Path, dict[str, str]],
                                                             tmp_path: Path) -> None:
    bin_dir, env = installed
    rows = json.loads(_run([str(bin_dir / "workbench"), "entities", "--demo", "--json"], cwd=tmp_path, env=env))
    people = {row["name"]: row for row in rows if row["type"] == "PERSON"}
    assert people["سيرغي لافروف"]["articles"] == 4
    assert "لافروف" in people["سيرغي لافروف"]["aliases"]
    assert any(row["type"] == "LOCATION" and row["name"] == "حلب" for row in rows)


def test_installed_gui_command_explains_a_missing_toolkit(installed: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    bin_dir, env = installed
    done = subprocess.run([str(bin_dir / "workbench"), "gui", "--demo"], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 1
    assert done.stderr.startswith("workbench: the desktop app cannot start")
    assert "Traceback" not in done.stderr
