"""Start the GUI: QApplication, logging, crash handler, fonts, language, main window.

``main(corpus)`` is what ``workbench`` (no arguments) and ``workbench gui CORPUS`` call. Without a
corpus it reopens the last one, or the repository's ``seeds/`` the first time.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from workbench import __version__
from workbench.core.paths import demo_corpus_dir, log_dir, resources_dir
from workbench.ui import settings as S
from workbench.ui.crash import CrashHandler
from workbench.ui.fonts import load_fonts
from workbench.ui.i18n import install_language
from workbench.ui.main_window import MainWindow
from workbench.ui.numbers import apply_digit_style, digit_style

APP_DISPLAY_NAME = "Arabic News Workbench"
READY_PROBE_ENV = "WORKBENCH_QUIT_WHEN_READY"
"""When this variable is set, ``main`` prints READY_LINE on stdout as soon as the window is shown
and the event loop is idle, then closes the window: how packaging/build.py times a start."""
READY_LINE = "workbench: window ready"


def default_corpus() -> Path:
    """The bundled demo corpus (the repository's seeds/)."""
    return demo_corpus_dir()


def startup_corpus(settings: S.Settings, corpus: Path | None) -> Path:
    """The corpus to open at start: the one given, else the last one, else the seeds."""
    if corpus is not None:
        return Path(corpus)
    last = settings.get(S.LAST_CORPUS)
    return Path(last) if last else default_corpus()


def configure_logging() -> Path:
    """Log warnings and errors of the session to ``<log dir>/workbench.log``."""
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "workbench.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def create_application(argv: list[str] | None = None) -> QApplication:
    """The process's QApplication (reused if one exists), with names and icon set."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("ArabicNewsWorkbench")
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    apply_digit_style(digit_style())  # Qt's own numbers (%Ln, spin boxes) in the digit style from the start
    icon = resources_dir() / "icons" / "workbench.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def build_window(app: QApplication, settings: S.Settings) -> MainWindow:
    """Apply the saved digit style, language (layout direction included) and fonts, then make the window."""
    apply_digit_style(settings.get(S.DIGIT_STYLE))
    install_language(app, settings.get(S.UI_LANGUAGE))
    load_fonts()
    return MainWindow(settings)


def main(corpus: Path | None = None) -> int:
    """Run the workbench window until it is closed; returns the process exit code."""
    app = create_application()
    configure_logging()
    settings = S.Settings()
    window = build_window(app, settings)
    crash_handler = CrashHandler(notify=window.show_unexpected_error)
    crash_handler.install()
    try:
        window.show()
        window.open_corpus(startup_corpus(settings, corpus))
        if os.environ.get(READY_PROBE_ENV):
            QTimer.singleShot(0, lambda: _report_ready(window))
        return app.exec()
    finally:
        crash_handler.uninstall()
        settings.sync()


def _report_ready(window: MainWindow) -> None:
    """The start-up probe (READY_PROBE_ENV): say the window is usable, then close it."""
    print(READY_LINE, flush=True)
    window.close()
