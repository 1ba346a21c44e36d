"""Render the main window offscreen to PNG, in English and Arabic: ``python -m workbench.ui.screenshots OUTDIR``.

Opens the repository's ``seeds/`` in a throw-away data home (the user's profile is never
touched), indexes it, searches for a query, restricts the results to one entity in the entity
dock, opens the first hit (query matches and the entity's mentions highlighted) and saves one
screenshot per interface language: ``main_en.png``, ``main_ar.png``. Used to check by eye that
Arabic reads right-to-left, is shaped and uses the bundled font, and for the README.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

DEFAULT_QUERY = "جنيف"
DEFAULT_ENTITY = "سيرغي لافروف"
WAIT_MS = 60_000


def _wait_for(signal_source: object, *signals: str) -> None:
    """Run the event loop until one of the named signals of an object fires (or WAIT_MS pass)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    for name in signals:
        getattr(signal_source, name).connect(loop.quit)
    QTimer.singleShot(WAIT_MS, loop.quit)
    loop.exec()
    for name in signals:
        getattr(signal_source, name).disconnect(loop.quit)


def _wait_idle(window: object) -> None:
    """Run the event loop until the window's worker pool has nothing left to do (or WAIT_MS pass)."""
    import time

    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + WAIT_MS / 1000
    while window.session.is_busy() and time.monotonic() < deadline:  # type: ignore[attr-defined]
        QApplication.processEvents()
        time.sleep(0.01)
    QApplication.processEvents()


def render(outdir: Path, query: str = DEFAULT_QUERY, entity: str = DEFAULT_ENTITY,
           languages: tuple[str, ...] = ("en", "ar")) -> list[Path]:
    """Save one PNG of the main window per language into ``outdir``; returns their paths."""
    from PySide6.QtWidgets import QApplication

    from workbench.ui import settings as S
    from workbench.ui.app import build_window, create_application, default_corpus

    outdir.mkdir(parents=True, exist_ok=True)
    app = create_application()
    written: list[Path] = []
    for language in languages:
        settings = S.Settings()
        settings.set(S.UI_LANGUAGE, language)
        settings.set(S.WINDOW_STATE, b"")  # each language's first-run layout (the entity dock on the leading side)
        window = build_window(app, settings)
        window.resize(1440, 860)
        window.show()
        window.open_corpus(default_corpus())
        _wait_for(window, "indexing_finished", "indexing_failed")
        window.search_panel.query_edit.setText(query)
        window.search(window.search_panel.request())
        _wait_for(window, "search_finished", "search_failed")
        _wait_idle(window)
        sidebar = window.entity_sidebar
        chosen = [e for e in sidebar.model.entities() if e.name == entity]
        if chosen:
            sidebar.set_filter(chosen)
            _wait_idle(window)
        if window.results_model.rowCount():
            window.results_view.setCurrentIndex(window.results_model.index(0, 0))
            window.open_row(0)
            _wait_for(window, "article_shown")
        QApplication.processEvents()
        path = outdir / f"main_{language}.png"
        window.grab().save(str(path))
        written.append(path)
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    return written


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path, help="folder for the PNG files")
    parser.add_argument("--query", default=DEFAULT_QUERY, help="query to show (default: %(default)s)")
    parser.add_argument("--entity", default=DEFAULT_ENTITY, help="entity to filter by (default: %(default)s)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="workbench-shots-") as home:
        os.environ["WORKBENCH_HOME"] = home
        for path in render(args.outdir, args.query, args.entity):
            sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
