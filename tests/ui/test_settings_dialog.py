"""The settings dialog stores the language (for the next start) and the reader text size."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from workbench.ui import settings as S
from workbench.ui.dialogs.settings_dialog import SettingsDialog
from workbench.ui.main_window import MainWindow


def test_dialog_applies_language_and_font_size(qtbot: QtBot) -> None:
    settings = S.Settings()
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("ar"))
    dialog.font_size_box.setValue(20)
    assert dialog.apply() is True
    assert settings.get(S.UI_LANGUAGE) == "ar" and settings.get(S.READER_FONT_SIZE) == 20
    assert dialog.apply() is False


def test_window_settings_action_reports_restart(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    def accept_with_arabic(dialog: SettingsDialog) -> int:
        dialog.language_box.setCurrentIndex(dialog.language_box.findData("ar"))
        dialog.font_size_box.setValue(19)
        return SettingsDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", accept_with_arabic)
    window.show_settings()
    assert window.settings.get(S.UI_LANGUAGE) == "ar"
    assert window.reader.font_size() == 19
    assert any("next time" in text for _, text in window.message_bar.messages())
