"""Where comparisons start: the chosen results (Ctrl+D), a story's "Compare" badge, a saved
selection, and the reader's "Compare with…" menu all open the one comparison window.

The window (``CompareView``) is made when first asked for and kept, so its threshold and pane
layout stay as the user left them; each comparison highlights the current search's matches
and the entity filter's mentions, as the reader does.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from workbench.core.compare import MAX_ARTICLES
from workbench.ui import settings as S
from workbench.ui.bidi import isolated
from workbench.ui.marks import UserMarks
from workbench.ui.models.results_model import ResultsModel
from workbench.ui.numbers import number
from workbench.ui.session import CorpusSession
from workbench.ui.widgets.compare_view import CompareView
from workbench.ui.widgets.entity_sidebar import EntitySidebar
from workbench.ui.widgets.reader import ReaderPane
from workbench.ui.widgets.results_view import ResultsView

COMPARE_WITH_CHOICES = 10
"""Results the reader's "Compare with…" menu offers (the first ones, in the results' order)."""
TITLE_CHARACTERS = 70
"""Longest title the "Compare with…" menu shows in full."""


class ComparisonLauncher(QObject):
    """Opens the comparison window on what the user chose; says why when the choice cannot be compared."""

    message = Signal(str, str)
    """A message for the user and its level ("info" when the choice cannot be compared)."""
    failed = Signal(object)
    """A comparison could not be computed; carries the exception."""

    def __init__(self, session: CorpusSession, settings: S.Settings, results_model: ResultsModel,
                 results_view: ResultsView, reader: ReaderPane, entity_sidebar: EntitySidebar, marks: UserMarks,
                 window: QWidget) -> None:
        super().__init__(window)
        self._session = session
        self._settings = settings
        self._results_model = results_model
        self._results_view = results_view
        self._reader = reader
        self._entity_sidebar = entity_sidebar
        self._marks = marks
        self._window = window
        self.view: CompareView | None = None
        """The comparison window, made when first asked for."""
        results_view.story_compare_requested.connect(self._on_story_compare_requested)
        reader.compare_menu.aboutToShow.connect(self._fill_reader_menu)

    def compare_selected(self) -> None:
        """Compare the selected results (two to four), or the story of the one selected result
        with its near-duplicate copies."""
        results = self._results_model.results
        rows = self._results_view.selected_rows()
        if results is None or not rows:
            self.message.emit(self.tr("Select two to four results to compare."), "info")
            return
        ids = [results.hit(row).id for row in rows]
        if len(ids) == 1:
            ids = self._results_model.story_ids(rows[0])
        if not 2 <= len(ids) <= MAX_ARTICLES:
            self.message.emit(self.tr("Select two to four results to compare (you selected {count}).").format(
                count=number(len(ids))), "info")
            return
        self.compare(ids)

    def compare_selection(self, name: str) -> None:
        """Compare the articles of the selection ``name`` (two to four of them in the corpus)."""
        ids = self._marks.snapshot.present_in(name)
        if not 2 <= len(ids) <= MAX_ARTICLES:
            missing = len(self._marks.snapshot.missing_in(name))
            message = self.tr("The comparison shows two to four articles; the selection “{name}” has %Ln.", "",
                              len(ids)).format(name=isolated(name))
            if missing:
                message += " " + self.tr("%Ln more are missing from the corpus.", "", missing)
            self.message.emit(message, "info")
            return
        self.compare(ids)

    def compare(self, article_ids: list[str]) -> None:
        """Open the comparison window on these articles (2 to 4), the search's matches highlighted."""
        if self.view is None:
            self.view = CompareView(self._session, self._settings.get(S.READER_FONT_SIZE) - 2, self._window)
            self.view.setWindowFlag(Qt.WindowType.Window)
            self.view.failed.connect(self.failed)
            self.view.resize(self._window.size())
        results = self._results_model.results
        self.view.compare(article_ids, self._session.corpus, results.plan if results is not None else None,
                          self._entity_sidebar.filter_ids())
        self.view.show()
        self.view.raise_()
        self.view.activateWindow()

    def _on_story_compare_requested(self, row: int) -> None:
        self.compare(self._results_model.story_ids(row))

    def _fill_reader_menu(self) -> None:
        """List what the reader's article can be compared with: its story's copies, then the
        other results of the first page."""
        menu = self._reader.compare_menu
        menu.clear()
        results, article = self._results_model.results, self._reader.article
        if results is None or article is None:
            return
        ids = results.ids()
        row = ids.index(article.id) if article.id in ids else None
        story = self._results_model.story_ids(row) if row is not None else [article.id]
        if len(story) > 1:
            action = menu.addAction(self.tr("Its {count} similar copies").format(count=number(len(story) - 1)))
            action.triggered.connect(lambda: self.compare(story))
            menu.addSeparator()
        others = [row for row in range(min(len(ids), COMPARE_WITH_CHOICES + 1)) if ids[row] != article.id]
        for other in others[:COMPARE_WITH_CHOICES]:
            hit = results.hit(other)
            title = hit.title or hit.path
            if len(title) > TITLE_CHARACTERS:
                title = title[:TITLE_CHARACTERS - 1] + "…"
            action = menu.addAction(f"{isolated(title)} — {isolated(hit.source)}" if hit.source else isolated(title))
            action.triggered.connect(lambda _checked=False, other_id=hit.id: self.compare([article.id, other_id]))
