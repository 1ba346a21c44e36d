"""The About dialog: version, the data folder in use (and why), the licences and the
non-commercial notice, in English and Arabic."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import workbench
from workbench.core import paths
from workbench.ui.dialogs import about_dialog
from workbench.ui.dialogs.about_dialog import AboutDialog, show_about
from workbench.ui.i18n import install_language


def make_dialog(qtbot: QtBot) -> AboutDialog:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    return dialog


@pytest.fixture
def arabic(qapp: QApplication) -> Iterator[None]:
    install_language(qapp, "ar")
    yield
    install_language(qapp, "en")


def test_shows_version_data_folder_and_why_it_is_there(qtbot: QtBot, english: None, isolated_home: Path) -> None:
    dialog = make_dialog(qtbot)
    assert dialog.version_label.text() == f"Version {workbench.__version__}"
    assert dialog.folder_label.text() == str(isolated_home.resolve())
    assert "WORKBENCH_HOME" in dialog.origin_label.text()


def test_portable_installation_says_where_its_data_is(qtbot: QtBot, english: None, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.HOME_ENV)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "Workbench"))
    (tmp_path / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    dialog = make_dialog(qtbot)
    assert dialog.folder_label.text() == str(tmp_path.resolve() / paths.PORTABLE_DATA_FOLDER)
    assert paths.PORTABLE_MARKER in dialog.origin_label.text()
    assert "licenses folder and NOTICE.txt" in dialog.licences_view.toPlainText()


def test_licences_tab_lists_what_is_shipped_and_the_record(qtbot: QtBot, english: None) -> None:
    dialog = make_dialog(qtbot)
    text = dialog.licences_view.toPlainText()
    for expected in ("MIT licence", "SIL Open Font License 1.1", "ANERcorp (CC BY-SA 4.0)", "SaudiNewsNet corpus",
                     "Licences of shipped resources", "word_clusters.tsv"):
        assert expected in text
    assert "licenses folder" not in text, "third-party software is listed only in an installed bundle"


def test_non_commercial_notice_follows_the_licence_record(qtbot: QtBot, english: None, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = make_dialog(qtbot)
    assert shipped.notice_label is not None
    assert shipped.notice_label.text().startswith("For non-commercial use only.")

    (tmp_path / "LICENCES.md").write_text("| models/word_clusters.tsv | clusters | a news corpus | CC BY 4.0 |\n",
                                          encoding="utf-8")
    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path)
    rebuilt = make_dialog(qtbot)
    assert rebuilt.notice_label is None

    (tmp_path / "LICENCES.md").unlink()
    dialog = make_dialog(qtbot)
    assert dialog.notice_label is None
    assert "The licence record (LICENCES.md) is missing" in dialog.licences_view.toPlainText()


def test_open_data_folder_button_creates_and_shows_it(qtbot: QtBot, english: None, isolated_home: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    monkeypatch.setenv(paths.HOME_ENV, str(isolated_home / "not yet created"))
    dialog = make_dialog(qtbot)
    qtbot.mouseClick(dialog.open_folder_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str((isolated_home / "not yet created").resolve())]
    assert (isolated_home / "not yet created").is_dir()


def test_arabic_dialog_is_right_to_left_and_translated(qtbot: QtBot, arabic: None) -> None:
    dialog = make_dialog(qtbot)
    assert dialog.windowTitle() == "حول منصة بحث الأخبار العربية"
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert dialog.folder_label.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert dialog.notice_label is not None and dialog.notice_label.text().startswith("للاستخدام غير التجاري فقط")
    assert dialog.version_label.text() == f"الإصدار {workbench.__version__}"
    assert "ترخيص MIT" in dialog.licences_view.toPlainText()


def test_show_about_opens_the_dialog_modally(monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[AboutDialog] = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: shown.append(self) or 0)
    show_about(None)
    assert len(shown) == 1 and isinstance(shown[0], about_dialog.AboutDialog)
    shown[0].deleteLater()
