"""Render the main window offscreen to PNG, in English and Arabic: ``python -m workbench.ui.screenshots OUTDIR``.

Opens a corpus (the repository's ``seeds/`` unless ``--corpus`` names another) in a throw-away
data home (the user's profile is never touched), indexes it, and saves per interface language:

- ``main_<lang>.png`` (1280×720): a query, the results restricted to one entity in the entity
  dock, the first hit open in the reader with its matches and the entity's mentions;
- ``browse_<lang>.png`` (1280×720): every article, newest first (an empty query);
- ``kwic_<lang>.png`` (1280×720): the concordance of the query, a line open in the reader;
- ``small_<lang>.png`` (1024×640): the query's results at a small laptop size;
- ``compare_<lang>.png`` (1280×720): the comparison view on SANA's and Tishreen's Aleppo articles
  (the view's own window);
- ``folded_<lang>.png`` (1280×720): results folded by story, one story expanded (the seeds
  with republished copies added, in the throw-away folder);
- ``entity_<lang>.png``: the details of an entity, its articles over time and its quotations;
- ``marks_<lang>.png`` (1280×720): articles ticked into a selection, tagged, one open in the
  reader with its tags and note, the selections dock in front;
- ``export_<lang>.png``: the export dialog for that selection (the dialog alone).

Used to check by eye that nothing is clipped or overlapping, that Arabic reads right-to-left,
is shaped and uses the bundled font, that no text is in the wrong language, and for the README.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

DEFAULT_QUERY = "جنيف"
DEFAULT_ENTITY = "سيرغي لافروف"
WAIT_MS = 600_000
SIZE = (1280, 720)
SMALL_SIZE = (1024, 640)
SELECTION = "هدنة حلب"
TAGS = (["هدنة", "حلب"], ["روسيا"], ["هدنة"])
NOTE = "يقارن بتصريحات الخارجية الروسية في اليوم نفسه."


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


def _wait_idle(window: Any) -> None:
    """Run the event loop until the window's worker pools have nothing left to do (or WAIT_MS pass)."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + WAIT_MS / 1000
    while window.session.is_busy() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    QApplication.processEvents()


def _search(window: Any, query: str) -> None:
    window.search_panel.query_edit.setText(query)
    window.search(window.search_panel.request())
    _wait_for(window, "search_finished", "search_failed")
    _wait_idle(window)


def _main_view(window: Any, query: str, entity: str) -> None:
    _search(window, query)
    sidebar = window.entity_sidebar
    chosen = [e for e in sidebar.model.entities() if e.name == entity]
    if chosen:
        sidebar.set_filter(chosen)
        _wait_idle(window)


def _browse_view(window: Any, query: str, entity: str) -> None:
    window.browse()
    _wait_for(window, "search_finished", "search_failed")
    _wait_idle(window)
    if window.results_model.rowCount() > 2:
        window.results_view.select_row(2)
        _wait_idle(window)


def _change_marks(window: Any, change: Callable[[], None]) -> None:
    change()
    _wait_for(window.marks, "changed", "failed")
    _wait_idle(window)


def _marks_view(window: Any, query: str, entity: str) -> Any:
    """Three articles in a selection, two of them tagged, the first open with a note."""
    window.browse()
    _wait_for(window, "search_finished", "search_failed")
    _wait_idle(window)
    model, marks = window.results_model, window.marks
    ids = [model.hit(row).id for row in range(min(4, model.rowCount()))]
    if SELECTION not in {selection.name for selection in marks.snapshot.selections}:  # "export" comes after "marks"
        _change_marks(window, lambda: marks.create_selection(SELECTION))
    _change_marks(window, lambda: marks.tick(ids[:3], True))
    for article_id, tags in zip(ids, TAGS, strict=False):
        _change_marks(window, partial(marks.set_tags, article_id, tags))
    _change_marks(window, lambda: marks.set_note(ids[0], NOTE))
    window.results_view.select_row(0)  # the browse opened it already: its marks are in the reader
    _wait_idle(window)
    window.selections_dock.raise_()
    return None


def _export_view(window: Any, query: str, entity: str) -> Any:
    from pathlib import PurePosixPath

    _marks_view(window, query, entity)
    dialog = window.show_export(SELECTION)
    dialog.file_edit.setText(str(PurePosixPath("~/Documents") / f"{SELECTION}.xlsx"))
    dialog.adjustSize()
    return dialog


def _kwic_view(window: Any, query: str, entity: str) -> None:
    _search(window, query)
    window.show_concordance()
    _wait_idle(window)
    view = window.concordance_view
    view.sort_box.setCurrentIndex(view.sort_box.findData("right"))
    view.sort_box.activated.emit(view.sort_box.currentIndex())
    view.select_line(min(3, max(0, view.line_count() - 1)))
    _wait_idle(window)


COMPARED_SEEDS = ("000_9f63ee594d7e422c.txt", "002_2f2c9e1598c61b02.txt", "001_31c937c15296effc.txt")
"""SANA's and Tishreen's articles on Aleppo among the seeds."""
COMPARE_THRESHOLD = 0.3
"""The seeds are different stories: at this level they share a passage or two."""


def _compare_view(window: Any, query: str, entity: str) -> Any:
    _search(window, "حلب")
    window.comparisons.compare(list(COMPARED_SEEDS))
    view = window.comparisons.view
    _wait_for(view, "comparison_shown", "failed")
    view.resize(*SIZE)
    view.set_threshold(COMPARE_THRESHOLD)
    _wait_idle(window)
    view.next_passage()
    return view


def _folded_view(window: Any, query: str, entity: str) -> None:
    _search(window, "روسيا")
    view, model = window.results_view, window.results_model
    stories = [row for row in range(model.rowCount()) if model.similar_count(row)]
    if stories:  # the first story open, the others folded
        view.toggle_story(stories[0])
        view.select_row(stories[0])
        _wait_idle(window)


def _entity_view(window: Any, query: str, entity: str) -> Any:
    _search(window, query)
    sidebar = window.entity_sidebar
    chosen = [e for e in sidebar.model.entities() if e.name == entity]
    if not chosen:
        return None
    sidebar.curator.details(chosen[0])
    _wait_for(sidebar.curator, "dialog_opened")
    _wait_idle(window)
    return sidebar.curator.dialog


def corpus_with_copies(seeds: Path, folder: Path) -> Path:
    """The seeds and republished copies of two of them (one verbatim, one re-edited by a desk),
    to show results folded by story."""
    import shutil

    shutil.copytree(seeds, folder)
    first, second = sorted(path for path in seeds.glob("*.txt"))[1:3]
    text = first.read_text(encoding="utf-8")
    (folder / f"republished_{first.name}").write_text(text, encoding="utf-8")
    (folder / f"edited_{first.name}").write_text(text.replace("أكد", "قال", 1).replace("الروسي", "الروسي،", 2),
                                                  encoding="utf-8")
    (folder / f"republished_{second.name}").write_text(second.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


VIEWS: dict[str, tuple[tuple[int, int], Callable[[Any, str, str], Any]]] = {
    "main": (SIZE, _main_view),
    "browse": (SIZE, _browse_view),
    "kwic": (SIZE, _kwic_view),
    "small": (SMALL_SIZE, _main_view),
    "compare": (SIZE, _compare_view),
    "folded": (SIZE, _folded_view),
    "entity": (SIZE, _entity_view),
    "marks": (SIZE, _marks_view),
    "export": (SIZE, _export_view),
}
"""Each view's window size and how to get there; a view that returns a widget (a dialog, the
comparison window) is saved instead of the main window."""
NEEDS_COPIES = frozenset({"folded"})
"""Views shown on the seeds with republished copies added."""


def render(outdir: Path, query: str = DEFAULT_QUERY, entity: str = DEFAULT_ENTITY,
           languages: tuple[str, ...] = ("en", "ar"), corpus: Path | None = None,
           views: tuple[str, ...] = tuple(VIEWS)) -> list[Path]:
    """Save one PNG per view and language into ``outdir``; returns their paths."""
    from PySide6.QtWidgets import QApplication

    from workbench.core.paths import data_home
    from workbench.ui import settings as S
    from workbench.ui.app import build_window, create_application, default_corpus

    outdir.mkdir(parents=True, exist_ok=True)
    app = create_application()
    folder = corpus if corpus is not None else default_corpus()
    copies = corpus_with_copies(folder, Path(tempfile.mkdtemp(prefix="workbench-copies-")) / "corpus") \
        if NEEDS_COPIES & set(views) else folder
    written: list[Path] = []
    base = data_home()
    for language in languages:
        # Each language in a data home of its own: the marks its views make (a selection, ticks,
        # tags) and its settings are not in the other language's way.
        with _data_home(base / f"shots-{language}"):
            for view in views:
                size, prepare = VIEWS[view]
                settings = S.Settings()
                settings.set(S.UI_LANGUAGE, language)
                for layout in (S.WINDOW_GEOMETRY, S.WINDOW_STATE, S.MAIN_SPLITTER):
                    settings.set(layout, b"")  # each view's first-run layout at its size
                window = build_window(app, settings)
                window.resize(*size)
                window.show()
                window.open_corpus(copies if view in NEEDS_COPIES else folder)
                _wait_for(window, "search_finished", "indexing_failed")  # indexing, then every article listed
                _wait_idle(window)
                shown = prepare(window, query, entity) or window
                QApplication.processEvents()
                path = outdir / f"{view}_{language}.png"
                shown.grab().save(str(path))
                written.append(path)
                window.close()
                window.deleteLater()
                QApplication.processEvents()
    return written


@contextmanager
def _data_home(folder: Path) -> Iterator[None]:
    """Use ``folder`` as the data home (indexes, stores, settings) until the block ends."""
    from workbench.core import paths

    previous = os.environ.get(paths.HOME_ENV)
    os.environ[paths.HOME_ENV] = str(folder)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(paths.HOME_ENV, None)
        else:
            os.environ[paths.HOME_ENV] = previous


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path, help="folder for the PNG files")
    parser.add_argument("--query", default=DEFAULT_QUERY, help="query to show (default: %(default)s)")
    parser.add_argument("--entity", default=DEFAULT_ENTITY, help="entity to filter by (default: %(default)s)")
    parser.add_argument("--corpus", type=Path, help="corpus folder to show (default: the seeds)")
    parser.add_argument("--views", nargs="+", choices=tuple(VIEWS), default=tuple(VIEWS), help="views to render (default: all)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="workbench-shots-") as home:
        os.environ["WORKBENCH_HOME"] = home
        for path in render(args.outdir, args.query, args.entity, corpus=args.corpus, views=tuple(args.views)):
            sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
