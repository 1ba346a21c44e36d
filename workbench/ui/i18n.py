"""Interface languages: install the compiled Qt translations and the layout direction.

English is the source language (the strings in the code). Translations live as Qt Linguist
sources in ``resources/i18n/workbench_<lang>.ts``; their compiled ``.qm`` files are built with
the package (setup.py runs PySide6's ``lrelease``; ``packaging/update_translations.py
--compile`` does the same for a frozen build), never at run time and never committed. A
missing ``.qm`` leaves the interface in English and is logged.

Right-to-left languages lay the whole window out right-to-left: ``install_language`` sets the
application's layout direction in code, and also loads Qt's own ``qtbase_<lang>`` translations
(standard buttons, context menus) when Qt ships them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QGuiApplication

from workbench.core.paths import resources_dir

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
LANGUAGES: dict[str, str] = {"en": "English", "ar": "العربية"}
"""Supported interface languages: code -> name in that language."""
RTL_LANGUAGES = frozenset({"ar"})

_installed: list[QTranslator] = []
"""Translators currently installed (kept referenced so Python does not collect them)."""


def ts_path(language: str) -> Path:
    """The Qt Linguist source of a language's translations (in a checkout)."""
    return resources_dir() / "i18n" / f"workbench_{language}.ts"


def qm_path(language: str) -> Path:
    """The compiled translations of a language, as the build wrote them."""
    return resources_dir() / "i18n" / f"workbench_{language}.qm"


def install_language(app: QCoreApplication, language: str) -> bool:
    """Switch the application to a language; True when its translations were loaded.

    Removes translators installed earlier, loads Qt's own and the workbench's translations, and
    sets the layout direction (right-to-left for Arabic) and the default locale. Widgets
    created afterwards are in the new language, so the main window applies it at start-up.
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
    QLocale.setDefault(QLocale(language))
    if language == SOURCE_LANGUAGE:
        return True
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(str(Path(qt_dir) / f"qtbase_{language}.qm")):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    qm = qm_path(language)
    own = QTranslator(app)
    if not own.load(str(qm)):
        log.warning("no compiled translations at %s: the interface stays in English (rebuild the package)", qm)
        return False
    app.installTranslator(own)
    _installed.append(own)
    return True
