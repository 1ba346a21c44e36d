"""Start-up choices, the crash handler and the screenshot script."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from workbench.core.paths import HOME_ENV, data_home, log_dir
from workbench.core.workspace import Workspace
from workbench.ui import settings as S
from workbench.ui.app import default_corpus, startup_corpus
from workbench.ui.crash import CrashHandler
from workbench.ui.i18n import install_language
from workbench.ui.screenshots import SELECTION, render


def test_startup_corpus_prefers_argument_then_last_then_seeds(tmp_path: Path) -> None:
    settings = S.Settings()
    assert startup_corpus(settings, None) == default_corpus()
    assert (default_corpus() / "000_9f63ee594d7e422c.txt").is_file()
    settings.set(S.LAST_CORPUS, str(tmp_path))
    assert startup_corpus(settings, None) == tmp_path
    assert startup_corpus(settings, tmp_path / "x") == tmp_path / "x"


def test_unexpected_exception_is_logged_and_shown_once() -> None:
    shown: list[Path] = []
    handler = CrashHandler(notify=shown.append)
    handler.install()
    try:
        assert sys.excepthook is handler
        for _ in range(2):
            try:
                raise RuntimeError("boom")
            except RuntimeError:
                handler(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        handler.uninstall()
    assert sys.excepthook is not handler
    assert len(handler.logs) == 2 and all(log.parent == log_dir() for log in handler.logs)
    assert "RuntimeError: boom" in handler.logs[0].read_text(encoding="utf-8")
    assert shown == [handler.logs[0]]


def test_screenshot_script_renders_arabic_ui(qapp: QApplication, tmp_path: Path) -> None:
    try:
        written = render(tmp_path, languages=("ar",), views=("main", "kwic"))
    finally:
        install_language(qapp, "en")
    assert [path.name for path in written] == ["main_ar.png", "kwic_ar.png"]
    for path in written:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1280, 720)


def test_screenshot_script_gives_each_language_its_own_data_home(
        qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The marks views make a selection: in one shared store the second language's would fail."""
    try:
        written = render(tmp_path, languages=("en", "ar"), views=("marks", "export"))
    finally:
        install_language(qapp, "en")
    assert [path.name for path in written] == ["marks_en.png", "export_en.png", "marks_ar.png", "export_ar.png"]
    home = data_home()
    for language in ("en", "ar"):
        monkeypatch.setenv(HOME_ENV, str(home / f"shots-{language}"))
        workspace = Workspace.open(default_corpus())
        try:
            assert [(s.name, s.articles) for s in workspace.userdata.selections()] == [(SELECTION, 3)]
        finally:
            workspace.close()
