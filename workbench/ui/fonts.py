"""The bundled Arabic font (Amiri, OFL): registered once so a fresh machine renders Arabic well."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QLineEdit, QTextEdit

from workbench.core.paths import resources_dir

log = logging.getLogger(__name__)

ARABIC_FAMILY = "Amiri"
FONT_FILES = ("Amiri-Regular.ttf", "Amiri-Bold.ttf")

_loaded: list[str] = []


def load_fonts() -> list[str]:
    """Register the bundled fonts with Qt (idempotent); returns the families available."""
    if _loaded:
        return list(_loaded)
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / name))
        if font_id < 0:
            log.warning("could not load bundled font %s", name)
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in _loaded:
                _loaded.append(family)
    return list(_loaded)


def arabic_font(point_size: int) -> QFont:
    """The reader's font: Amiri at the given size (a system fallback if Amiri failed to load)."""
    load_fonts()
    font = QFont(ARABIC_FAMILY, point_size)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


def arabic_font_for_typed_text(edit: QLineEdit | QTextEdit, point_size: int) -> None:
    """Draw what the user types in ``edit`` (names, tags, notes: mostly Arabic) in the Arabic
    font, and its placeholder, which is in the interface language, in the interface font."""
    interface = edit.font()
    typed = arabic_font(point_size)

    def fit() -> None:
        empty = edit.text() == "" if isinstance(edit, QLineEdit) else edit.document().isEmpty()
        wanted = interface if empty else typed
        if edit.font() != wanted:
            edit.setFont(wanted)

    if isinstance(edit, QLineEdit):
        edit.textChanged.connect(fit)
    else:  # the document's signal: it also fires when the edit's own signals are blocked
        edit.document().contentsChanged.connect(fit)
    fit()
