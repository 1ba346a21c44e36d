"""The settings dialog stores the language, the digits and the reader text size; the window applies them at once."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workbench.ui import settings as S
from workbench.ui.dialogs.settings_dialog import SettingsDialog
from workbench.ui.i18n import install_language
from workbench.ui.main_window import MainWindow
from workbench.ui.numbers import ARABIC_INDIC, WESTERN, apply_digit_style


def test_dialog_applies_language_and_font_size(qtbot: QtBot) -> None:
    settings = S.Settings()
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("ar"))
    dialog.font_size_box.setValue(20)
    assert dialog.apply() is True
    assert settings.get(S.UI_LANGUAGE) == "ar" and settings.get(S.READER_FONT_SIZE) == 20
    assert dialog.apply() is False


def test_window_applies_the_settings_at_once(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
                                             qapp: QApplication) -> None:
    def accept_with_arabic(dialog: SettingsDialog) -> int:
        dialog.language_box.setCurrentIndex(dialog.language_box.findData("ar"))
        dialog.digits_box.setCurrentIndex(dialog.digits_box.findData(ARABIC_INDIC))
        dialog.font_size_box.setValue(19)
        return SettingsDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", accept_with_arabic)
    try:
        window.show_settings()
        assert window.settings.get(S.UI_LANGUAGE) == "ar" and window.settings.get(S.DIGIT_STYLE) == ARABIC_INDIC
        assert window.reader.font_size() == 19
        assert window.isRightToLeft() and window.search_panel.search_button.text() == "بحث"
        assert window.reader.font_size_box.text() == "١٩ نقطة"
        assert window.message_bar.messages() == []  # nothing to restart
    finally:
        apply_digit_style(WESTERN)
        install_language(qapp, "en")
