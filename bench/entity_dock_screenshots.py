"""Screenshots of the entity dock on a real corpus, in English and Arabic, to look at (issue 15).

    python bench/entity_dock_screenshots.py CORPUS --home HOME [--out docs] [--width 1280 --height 720]

Opens CORPUS in the app (offscreen) with the data home HOME, so an index already built there
(for instance by ``bench/entity_quality.py --work DIR``: CORPUS is DIR/corpus, HOME is DIR/home)
is reused instead of rebuilt; counts the entities in the whole corpus; expands the three main
types and saves per language the window (``entities-window-en.png``, ``-ar.png``) and the
entity list of the dock, each type expanded in turn, one under another (``entities-en.png``,
``entities-ar.png``). It also prints the first 15 names of each type, the list a researcher
reads first.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

TOP = 15
DOCK_SHOT_HEIGHT = 1000
"""Window height for the dock pictures: about 18 rows of names per type."""


def _stack(pictures: list) -> object:  # type: ignore[type-arg]
    """The pictures one under another, in one image."""
    from PySide6.QtGui import QPainter, QPixmap

    width = max(p.width() for p in pictures)
    stacked = QPixmap(width, sum(p.height() for p in pictures))
    painter = QPainter(stacked)
    top = 0
    for picture in pictures:
        painter.drawPixmap(0, top, picture)
        top += picture.height()
    painter.end()
    return stacked


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--home", type=Path, required=True, help="data home holding (or to hold) the corpus's index")
    parser.add_argument("--out", type=Path, default=REPO / "docs")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=720)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["WORKBENCH_HOME"] = str(args.home.resolve())

    from PySide6.QtWidgets import QApplication

    from workbench.ui import settings as S
    from workbench.ui.app import build_window, create_application
    from workbench.ui.screenshots import _wait_for, _wait_idle
    from workbench.ui.widgets.entity_sidebar import CORPUS_SCOPE

    app = create_application()
    args.out.mkdir(parents=True, exist_ok=True)
    for language in ("en", "ar"):
        settings = S.Settings()
        settings.set(S.UI_LANGUAGE, language)
        settings.set(S.WINDOW_STATE, b"")
        window = build_window(app, settings)
        window.resize(args.width, args.height)
        window.show()
        window.open_corpus(args.corpus.resolve())
        _wait_for(window, "indexing_finished", "indexing_failed")
        _wait_idle(window)
        sidebar = window.entity_sidebar
        sidebar.scope_box.setCurrentIndex(sidebar.scope_box.findData(CORPUS_SCOPE))
        _wait_idle(window)
        QApplication.processEvents()
        entities = sidebar.model.entities()
        print(f"## {language}: {len(entities)} entities listed")
        for type_ in ("PERSON", "LOCATION", "ORGANIZATION"):
            names = [f"{e.name} ({e.articles})" for e in entities if e.type == type_][:TOP]
            print(f"{type_}: " + " | ".join(names))
        window.grab().save(str(args.out / f"entities-window-{language}.png"))
        # The dock alone, tall enough for the first names of each type, one type at a time.
        window.resize(args.width, DOCK_SHOT_HEIGHT)
        QApplication.processEvents()
        tree, model = sidebar.tree, sidebar.model
        shots = []
        for row in range(model.rowCount()):
            for other in range(model.rowCount()):
                tree.setExpanded(model.index(other, 0), other == row)
            tree.scrollToTop()
            QApplication.processEvents()
            shots.append(sidebar.tree.grab())
        _stack(shots).save(str(args.out / f"entities-{language}.png"))
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
