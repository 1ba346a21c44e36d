"""Interface languages: compile the Qt .ts sources to .qm and install translators.

English is the source language (the strings in the code). Translations live as Qt Linguist
sources in ``resources/i18n/workbench_<lang>.ts``; the compiled ``.qm`` files are generated, never
committed: ``compile_translation`` runs PySide6's ``lrelease`` (shipped inside the PySide6 wheel)
into ``<data home>/i18n/`` when the .qm is missing or older than its source. A frozen build can
ship pre-compiled files in ``resources/i18n/`` (see packaging/), which are used first. When
lrelease is unavailable the interface silently stays English (the failure is logged).

Right-to-left languages lay the whole window out right-to-left: ``install_language`` sets the
application's layout direction in code, and also loads Qt's own ``qtbase_<lang>`` translations
(standard buttons, context menus) when Qt ships them.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QGuiApplication

from workbench.core.paths import data_home, resources_dir

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
LANGUAGES: dict[str, str] = {"en": "English", "ar": "العربية"}
"""Supported interface languages: code -> name in that language."""
RTL_LANGUAGES = frozenset({"ar"})

_installed: list[QTranslator] = []
"""Translators currently installed (kept referenced so Python does not collect them)."""


def ts_path(language: str) -> Path:
    """The Qt Linguist source of a language's translations."""
    return resources_dir() / "i18n" / f"workbench_{language}.ts"


def compiled_dir() -> Path:
    """Where .qm files are compiled to at run time."""
    return data_home() / "i18n"


def lrelease_command() -> list[str] | None:
    """The command line prefix of a working lrelease, or None when none is installed."""
    import PySide6

    exe = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    bundled = Path(PySide6.__file__).resolve().parent / exe
    if bundled.is_file():
        return [str(bundled)]
    wrapper = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return [wrapper] if wrapper else None


def compile_translation(language: str, force: bool = False) -> Path | None:
    """Path of an up-to-date .qm for a language, compiling it when needed; None if impossible."""
    prebuilt = resources_dir() / "i18n" / f"workbench_{language}.qm"
    source = ts_path(language)
    if prebuilt.is_file() and not source.is_file():
        return prebuilt
    if not source.is_file():
        log.warning("no translation source for %r at %s", language, source)
        return None
    target = compiled_dir() / f"workbench_{language}.qm"
    if not force and target.is_file() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    command = lrelease_command()
    if command is None:
        log.warning("lrelease not found: the interface stays in English")
        return prebuilt if prebuilt.is_file() else None
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(
            [*command, "-silent", str(source), "-qm", str(target)],
            check=True,
            capture_output=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("compiling %s failed: %s", source, exc)
        return prebuilt if prebuilt.is_file() else None
    return target if target.is_file() else None


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
    qm = compile_translation(language)
    own = QTranslator(app)
    if qm is None or not own.load(str(qm)):
        return False
    app.installTranslator(own)
    _installed.append(own)
    return True
