"""GUI test harness: no unexpected modal dialog can hang a test, windows are shut down cleanly."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from workbench.core.index import UpdateReport
from workbench.core.search import SearchResults
from workbench.ui import settings as S
from workbench.ui.i18n import install_language
from workbench.ui.main_window import MainWindow
from workbench.ui.numbers import WESTERN, apply_digit_style

INDEXING_TIMEOUT_MS = 60_000


OFFSCREEN_LIMITATIONS = (
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)
"""Warnings of Qt's offscreen platform about window-system features it lacks: not app failures."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Ignore the offscreen platform's own limitation warnings in GUI tests (all others still fail)."""
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_LIMITATIONS))


def _unexpected_dialog(*args: object, **kwargs: object) -> None:
    raise AssertionError(f"unexpected modal dialog: {args!r}")


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any modal dialog fail the test instead of blocking it forever (tests patch what they expect)."""
    for name in ("information", "warning", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(_unexpected_dialog))
    monkeypatch.setattr(QMessageBox, "exec", _unexpected_dialog)
    monkeypatch.setattr(QDialog, "exec", _unexpected_dialog)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(_unexpected_dialog))


@pytest.fixture(autouse=True)
def interface_defaults(qapp: QApplication) -> Iterator[None]:
    """Every GUI test starts as the app does by default: English (with its plural forms) and
    Western digits."""
    apply_digit_style(WESTERN)
    install_language(qapp, "en")
    yield
    apply_digit_style(WESTERN)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """Run with the English (left-to-right) interface and restore it afterwards."""
    install_language(qapp, "en")
    yield
    install_language(qapp, "en")


@pytest.fixture
def window(qtbot: QtBot, english: None) -> Iterator[MainWindow]:
    """A shown main window; closing it at teardown cancels and joins its worker thread."""
    main_window = MainWindow(S.Settings())
    qtbot.addWidget(main_window)
    main_window.resize(1280, 720)  # a laptop, not the offscreen platform's 800x600 screen
    main_window.show()
    qtbot.waitExposed(main_window)
    yield main_window
    main_window.close()
    assert not main_window.session.is_busy()


def type_text(widget: QWidget, text: str) -> None:
    """Type text key by key into a widget.

    ``qtbot.keyClicks`` cannot type Arabic: QTest maps characters to keys through an ASCII
    table and aborts the process on anything else. Sending key events that carry the text
    exercises the same QLineEdit input path.
    """
    for character in text:
        for event_type in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(event_type, 0, Qt.KeyboardModifier.NoModifier, character))


@pytest.fixture
def open_and_index(qtbot: QtBot) -> Callable[[MainWindow, Path], UpdateReport]:
    """Open a corpus in a window and wait until its indexing finished; gives the UpdateReport."""

    def run(window: MainWindow, folder: Path) -> UpdateReport:
        with qtbot.waitSignal(window.indexing_finished, timeout=INDEXING_TIMEOUT_MS) as blocker:
            window.open_corpus(folder)
        return blocker.args[0]

    return run


@pytest.fixture
def type_search(qtbot: QtBot) -> Callable[[MainWindow, str], SearchResults]:
    """Type a query into a window's search box, press Enter and wait for the results."""

    def run(window: MainWindow, query: str) -> SearchResults:
        edit = window.search_panel.query_edit
        edit.clear()
        type_text(edit, query)
        with qtbot.waitSignal(window.search_finished, timeout=INDEXING_TIMEOUT_MS) as blocker:
            qtbot.keyClick(edit, Qt.Key.Key_Return)
        return blocker.args[0]

    return run
