"""The settings dialog: interface language (applied on restart) and reader text size."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

from workbench.ui import settings as S
from workbench.ui.i18n import LANGUAGES
from workbench.ui.widgets.reader import MAX_FONT_SIZE, MIN_FONT_SIZE


class SettingsDialog(QDialog):
    """Edits a few declared settings; ``apply`` writes them back."""

    def __init__(self, settings: S.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._settings = settings
        self.language_box = QComboBox()
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        current = self.language_box.findData(settings.get(S.UI_LANGUAGE))
        self.language_box.setCurrentIndex(max(0, current))
        self.font_size_box = QSpinBox()
        self.font_size_box.setRange(MIN_FONT_SIZE, MAX_FONT_SIZE)
        self.font_size_box.setValue(settings.get(S.READER_FONT_SIZE))
        note = QLabel(self.tr("A new interface language takes effect the next time the workbench starts."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(self.tr("Interface language:"), self.language_box)
        layout.addRow(note)
        layout.addRow(self.tr("Reader text size:"), self.font_size_box)
        layout.addRow(buttons)

    def language(self) -> str:
        """The language code chosen."""
        return str(self.language_box.currentData())

    def apply(self) -> bool:
        """Store the choices; True when the interface language changed (needs a restart)."""
        changed = self.language() != self._settings.get(S.UI_LANGUAGE)
        self._settings.set(S.UI_LANGUAGE, self.language())
        self._settings.set(S.READER_FONT_SIZE, self.font_size_box.value())
        self._settings.sync()
        return changed
