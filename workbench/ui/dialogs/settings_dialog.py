"""The settings dialog: interface language, digits and reader text size, applied at once."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

from workbench.ui import settings as S
from workbench.ui.i18n import LANGUAGES, Retranslating
from workbench.ui.numbers import ARABIC_INDIC, WESTERN
from workbench.ui.widgets.reader import MAX_FONT_SIZE, MIN_FONT_SIZE


class SettingsDialog(Retranslating, QDialog):
    """Edits a few declared settings; ``apply`` writes them back (the window then applies them)."""

    def __init__(self, settings: S.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.language_box = QComboBox()
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(settings.get(S.UI_LANGUAGE))))
        self.digits_box = QComboBox()
        self.digits_box.setObjectName("digits_box")
        self.font_size_box = QSpinBox()
        self.font_size_box.setRange(MIN_FONT_SIZE, MAX_FONT_SIZE)
        self.font_size_box.setValue(settings.get(S.READER_FONT_SIZE))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.language_label, self.digits_label, self.font_label = QLabel(), QLabel(), QLabel()
        layout = QFormLayout(self)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.addRow(self.language_label, self.language_box)
        layout.addRow(self.digits_label, self.digits_box)
        layout.addRow(self.font_label, self.font_size_box)
        layout.addRow(self.buttons)
        self.retranslate()
        self.digits_box.setCurrentIndex(max(0, self.digits_box.findData(settings.get(S.DIGIT_STYLE))))

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        self.setWindowTitle(self.tr("Settings"))
        self.language_label.setText(self.tr("Interface language:"))
        self.digits_label.setText(self.tr("Digits:"))
        self.font_label.setText(self.tr("Reader text size:"))
        current = self.digits_box.currentData()
        self.digits_box.clear()
        self.digits_box.addItem(self.tr("Western (0123)"), WESTERN)
        self.digits_box.addItem(self.tr("Arabic-Indic (٠١٢٣)"), ARABIC_INDIC)
        self.digits_box.setCurrentIndex(max(0, self.digits_box.findData(current)))

    def language(self) -> str:
        """The language code chosen."""
        return str(self.language_box.currentData())

    def digit_style(self) -> str:
        """The digit style chosen."""
        return str(self.digits_box.currentData())

    def apply(self) -> bool:
        """Store the choices; True when the interface language or the digits changed."""
        changed = (self.language(), self.digit_style()) != (self._settings.get(S.UI_LANGUAGE),
                                                            self._settings.get(S.DIGIT_STYLE))
        self._settings.set(S.UI_LANGUAGE, self.language())
        self._settings.set(S.DIGIT_STYLE, self.digit_style())
        self._settings.set(S.READER_FONT_SIZE, self.font_size_box.value())
        self._settings.sync()
        return changed
