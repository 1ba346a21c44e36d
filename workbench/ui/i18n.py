"""Interface languages: install the compiled Qt translations and the layout direction.

English is the source language (the strings in the code); ``workbench_en.ts`` holds only the
English plural forms of ``%n`` strings (Qt's numerus forms: "1 article", "2 articles").
Translations live as Qt Linguist sources in ``resources/i18n/workbench_<lang>.ts``; their
compiled ``.qm`` files are built with the package (setup.py runs PySide6's ``lrelease``; ``packaging/update_translations.py
--compile`` does the same for a frozen build), never at run time and never committed. A
missing ``.qm`` leaves the interface in English and is logged.

Right-to-left languages lay the whole window out right-to-left: ``install_language`` sets the
application's layout direction in code, and also loads Qt's own ``qtbase_<lang>`` translations
(standard buttons, context menus) when Qt ships them. It can run at any time: installing a
translator sends every widget a ``LanguageChange`` event, on which the workbench's widgets set
their texts again, so a new language applies at once. Digits are a separate choice
(``numbers.apply_digit_style``), kept across a change of language.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, Qt, QTranslator
from PySide6.QtGui import QGuiApplication

from workbench.core.paths import resources_dir
from workbench.ui.numbers import apply_digit_style, digit_style

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
LANGUAGES: dict[str, str] = {"en": "English", "ar": "العربية"}
"""Supported interface languages: code -> name in that language."""
RTL_LANGUAGES = frozenset({"ar"})

_installed: list[QTranslator] = []
"""Translators currently installed (kept referenced so Python does not collect them)."""


def translate_noop(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` without translating it now (Qt's
    QT_TRANSLATE_NOOP, typed): for texts declared at import time, translated where shown with
    ``QCoreApplication.translate(context, text)``."""
    return text


class Retranslating:
    """Mixin for widgets that set their texts in ``retranslate()``: it runs again on every
    ``LanguageChange`` event, so a new interface language applies at once. List it before the
    Qt base class (``class Panel(Retranslating, QWidget)``)."""

    def retranslate(self) -> None:
        """Set every text of the widget in the interface language."""
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]  # the Qt widget class after this mixin


def ts_path(language: str) -> Path:
    """The Qt Linguist source of a language's translations (in a checkout)."""
    return resources_dir() / "i18n" / f"workbench_{language}.ts"


def qm_path(language: str) -> Path:
    """The compiled translations of a language, as the build wrote them."""
    return resources_dir() / "i18n" / f"workbench_{language}.qm"


def install_language(app: QCoreApplication, language: str) -> bool:
    """Switch the application to a language; True when its translations were loaded.

    Removes translators installed earlier, loads Qt's own and the workbench's translations, and
    sets the layout direction (right-to-left for Arabic). Widgets that exist are told through a
    ``LanguageChange`` event; widgets created afterwards start in the new language.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language not in LANGUAGES:
        log.warning("unknown interface language %r, using English", language)
        language = SOURCE_LANGUAGE
    direction = Qt.LayoutDirection.RightToLeft if language in RTL_LANGUAGES else Qt.LayoutDirection.LeftToRight
    if isinstance(app, QGuiApplication):
        app.setLayoutDirection(direction)
    apply_digit_style(digit_style())
    if language == SOURCE_LANGUAGE:
        return _install_own(app, language, required=False)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(str(Path(qt_dir) / f"qtbase_{language}.qm")):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    return _install_own(app, language, required=True)


def _install_own(app: QCoreApplication, language: str, required: bool) -> bool:
    """Install the workbench's translations of ``language``; False when they are missing (and
    ``required``: English works without its plural forms, only less well)."""
    qm = qm_path(language)
    own = QTranslator(app)
    if not own.load(str(qm)):
        if required:
            log.warning("no compiled translations at %s: the interface stays in English (rebuild the package)", qm)
        else:
            log.warning("no compiled English plural forms at %s (rebuild the package)", qm)
        return not required
    app.installTranslator(own)
    _installed.append(own)
    return True
