"""Every folder the app uses comes from core/paths.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from workbench.core import paths


def test_data_home_follows_the_override(isolated_home: Path) -> None:
    assert paths.data_home() == isolated_home.resolve()
    assert isolated_home.resolve() in paths.index_dir(Path("/some/corpus")).parents


def test_corpus_keys_are_stable_and_distinct(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "news", tmp_path / "b" / "news"
    assert paths.corpus_key(first) == paths.corpus_key(first)
    assert paths.corpus_key(first) != paths.corpus_key(second)
    assert paths.corpus_key(first).startswith("news-")


def test_resources_in_a_checkout_and_in_a_frozen_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert (paths.resources_dir() / "fonts" / "Amiri-Regular.ttf").is_file()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "resources"


def _frozen_at(executable: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the process look like a frozen app whose executable is ``executable``."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))


def test_portable_marker_puts_all_data_beside_the_frozen_executable(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.HOME_ENV)
    app = tmp_path / "usb" / "Workbench"
    app.mkdir(parents=True)
    _frozen_at(app / "Workbench", monkeypatch)
    assert paths.portable_root() is None
    assert paths.data_home_origin() == "user"
    assert app not in paths.data_home().parents

    (app / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert paths.data_home() == app.resolve() / paths.PORTABLE_DATA_FOLDER
    assert paths.data_home_origin() == "portable"
    for folder in (paths.index_dir(tmp_path / "news"), paths.store_path(tmp_path / "news"), paths.settings_path(),
                   paths.log_dir()):
        assert app.resolve() / paths.PORTABLE_DATA_FOLDER in folder.parents


def test_home_override_wins_over_the_portable_marker(tmp_path: Path, isolated_home: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    _frozen_at(tmp_path / "Workbench", monkeypatch)
    (tmp_path / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert paths.data_home() == isolated_home.resolve()
    assert paths.data_home_origin() == "override"


def test_portable_mode_on_macos_looks_beside_the_app_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.HOME_ENV)
    monkeypatch.setattr(sys, "platform", "darwin")
    executable = tmp_path / "Workbench.app" / "Contents" / "MacOS" / "Workbench"
    executable.parent.mkdir(parents=True)
    _frozen_at(executable, monkeypatch)
    (tmp_path / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert paths.data_home() == tmp_path.resolve() / paths.PORTABLE_DATA_FOLDER


def test_portable_marker_is_ignored_when_running_from_python(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.HOME_ENV)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    (tmp_path / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert paths.portable_root() is None
    assert paths.data_home_origin() == "user"
