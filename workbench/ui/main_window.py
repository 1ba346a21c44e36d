"""The main window: composes the search panel, timeline, results, concordance, reader, entity dock
and menus.

Everything that touches the core goes through the window's ``CorpusSession`` (session.py),
which owns the open workspace and runs jobs off the GUI thread; the window turns the session's
signals into what the widgets show, and the widgets' requests into session calls.

The entity dock (``EntitySidebar``) owns the entity filter; every search adds it to the search
panel's request, so the results always honour both. Selecting a hit (or a concordance line)
opens it in the reader; a new search opens its first hit. The interface language and the digit
style apply at once: the window and its widgets set their texts again on ``LanguageChange``.

The user's marks (``ui.marks.UserMarks``) are shared by the results (checkboxes, tags), the
concordance (Space ticks a line's article), the reader's marks panel (tick, tags, note) and the
selections dock; File ▸ Export… opens the export dialog, which runs beside the searches.
"""

from __future__ import annotations

import errno
import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMenu,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.core.compare import MAX_ARTICLES
from workbench.core.errors import QueryError, WorkbenchError
from workbench.core.index import IndexInfo
from workbench.core.progress import Progress
from workbench.core.search import SearchRequest, SearchResults, is_browse
from workbench.core.search.kwic import ConcordanceLine
from workbench.ui import settings as S
from workbench.ui.bidi import isolated
from workbench.ui.core_text import core_text
from workbench.ui.crash import write_crash_log
from workbench.ui.dialogs.about_dialog import show_about
from workbench.ui.dialogs.export_dialog import ExportDialog
from workbench.ui.dialogs.settings_dialog import SettingsDialog
from workbench.ui.i18n import install_language
from workbench.ui.marks import MarksSnapshot, UserMarks
from workbench.ui.models.results_model import ResultsModel
from workbench.ui.numbers import apply_digit_style, number
from workbench.ui.session import ConcordanceSlice, CorpusSession, Indexed, LoadedArticle, SearchOutcome
from workbench.ui.widgets.article_marks import ArticleMarksPanel
from workbench.ui.widgets.compare_view import CompareView
from workbench.ui.widgets.concordance_view import ConcordanceView
from workbench.ui.widgets.entity_sidebar import EntitySidebar
from workbench.ui.widgets.index_status import IndexStatus
from workbench.ui.widgets.indexing_panel import IndexingPanel
from workbench.ui.widgets.message_bar import MessageBar
from workbench.ui.widgets.reader import ReaderPane
from workbench.ui.widgets.results_view import ResultsView
from workbench.ui.widgets.search_panel import SearchPanel
from workbench.ui.widgets.selections_panel import SelectionsPanel, quoted_selection_query
from workbench.ui.widgets.timeline import TimelineWidget

log = logging.getLogger(__name__)

ENTITY_DOCK_WIDTH = 400
"""First-run width of the entity dock (pixels), at most a quarter of the window; afterwards the
saved window state decides."""
RESULTS_SHARE = 0.55
"""First-run share of the results pane beside the reader."""
COMPARE_WITH_CHOICES = 10
"""Results the reader's "Compare with…" menu offers (the first ones, in the results' order)."""


def _folder_of_drop(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The first local folder among dragged URLs, or None."""
    for url in event.mimeData().urls():
        if url.isLocalFile() and Path(url.toLocalFile()).is_dir():
            return Path(url.toLocalFile())
    return None


class MainWindow(QMainWindow):
    """Search panel on top; timeline over results (or concordance) beside the reader; indexing below."""

    corpus_opened = Signal(object)
    """A corpus index was opened (carries the folder Path); indexing starts next."""
    indexing_finished = Signal(object)
    """Indexing ended normally or by Cancel; carries the core UpdateReport."""
    indexing_failed = Signal(str)
    """Opening or indexing a corpus failed; carries the message shown to the user."""
    search_finished = Signal(object)
    """A search's results are shown; carries the core SearchResults."""
    search_failed = Signal(str)
    """A search could not run; carries the message shown to the user."""
    article_shown = Signal(str)
    """The reader shows an article; carries its id."""
    concordance_shown = Signal(int)
    """Concordance lines were added to the view; carries how many it shows now."""

    def __init__(self, settings: S.Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.settings = settings if settings is not None else S.Settings()
        self.session = CorpusSession(self)
        self.session.opened.connect(self._on_session_opened)
        self.session.open_failed.connect(self._on_session_open_failed)
        self.session.indexing_progressed.connect(self._on_session_indexing_progressed)
        self.session.indexing_finished.connect(self._on_session_indexing_finished)
        self.session.indexing_failed.connect(self._on_session_indexing_failed)
        self.session.search_finished.connect(self._on_session_search_finished)
        self.session.search_failed.connect(self._on_session_search_failed)
        self.session.article_loaded.connect(self._on_session_article_loaded)
        self.session.article_failed.connect(self._on_session_article_failed)
        self.session.concordance_loaded.connect(self._on_session_concordance_loaded)
        self.session.concordance_failed.connect(self._on_session_concordance_failed)
        self._last_request: SearchRequest | None = None
        self._shown: SearchOutcome | None = None
        self._concordance_for: SearchResults | None = None
        """The results the concordance view shows (or is loading) lines of."""
        self._progress: Progress | None = None
        self._first_run_layout: dict[str, bool] = {}
        self.compare_view: CompareView | None = None
        """The comparison window, made when first asked for."""

        self.message_bar = MessageBar()
        self.search_panel = SearchPanel()
        history: list[str] = self.settings.get(S.SEARCH_HISTORY)
        self.search_panel.set_history(history)
        self.search_panel.search_requested.connect(self._on_search_panel_search_requested)
        self.timeline = TimelineWidget()
        self.timeline.range_selected.connect(self._on_timeline_range_selected)
        self.timeline.range_cleared.connect(self._on_timeline_range_cleared)
        self.timeline.setVisible(self.settings.get(S.TIMELINE_VISIBLE))
        self.results_model = ResultsModel(self)
        self.results_model.sort_requested.connect(self._on_results_model_sort_requested)
        self.results_view = ResultsView(self.results_model)
        self.results_view.row_selected.connect(self._on_results_view_row_selected)
        self.results_view.story_compare_requested.connect(self._on_results_view_story_compare_requested)
        self.concordance_view = ConcordanceView()
        self.concordance_view.line_selected.connect(self._on_concordance_view_line_selected)
        self.concordance_view.source_filter_changed.connect(self._on_concordance_view_source_filter_changed)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("results_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.results_view, "")
        self.tabs.addTab(self.concordance_view, "")
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        results_pane = QWidget()
        results_layout = QVBoxLayout(results_pane)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.setSpacing(2)
        results_layout.addWidget(self.timeline)
        results_layout.addWidget(self.tabs, 1)
        self.reader = ReaderPane(font_size=self.settings.get(S.READER_FONT_SIZE))
        self.reader.font_size_changed.connect(self._on_reader_font_size_changed)
        self.reader.header.citation_copied.connect(self._on_reader_citation_copied)
        self.reader.compare_menu.aboutToShow.connect(self._on_reader_compare_menu_about_to_show)
        self.indexing_panel = IndexingPanel()
        self.indexing_panel.cancel_requested.connect(self._on_indexing_panel_cancel_requested)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(results_pane)
        self.splitter.addWidget(self._build_reader_pane())
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.search_panel)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.indexing_panel)
        self.setCentralWidget(central)

        self.entity_sidebar = EntitySidebar(self.session)
        self.entity_sidebar.filter_changed.connect(self._on_entity_sidebar_filter_changed)
        self.entity_sidebar.failed.connect(self._on_entity_sidebar_failed)
        self.entity_dock = QDockWidget(self)
        self.entity_dock.setObjectName("entity_dock")
        self.entity_dock.setWidget(self.entity_sidebar)
        self.addDockWidget(self._leading_area(), self.entity_dock)

        self.selections_panel = SelectionsPanel(self.marks)
        self.selections_panel.open_requested.connect(self.open_selection)
        self.selections_panel.export_requested.connect(self._on_selections_panel_export_requested)
        self.selections_panel.compare_requested.connect(self.compare_selection)
        self.selections_dock = QDockWidget(self)
        self.selections_dock.setObjectName("selections_dock")
        self.selections_dock.setWidget(self.selections_panel)
        self.addDockWidget(self._leading_area(), self.selections_dock)
        self.tabifyDockWidget(self.entity_dock, self.selections_dock)
        self.entity_dock.raise_()
        self.export_dialog: ExportDialog | None = None

        self.index_status = IndexStatus()
        self.statusBar().addPermanentWidget(self.index_status)
        self._build_menus()
        self.retranslate()
        self.setAcceptDrops(True)
        screen = self.screen().availableGeometry()
        self.resize(min(1280, screen.width()), min(720, screen.height()))
        self._restore_layout()

    # ----- building -------------------------------------------------------------------------

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.open_action = QAction(self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self._on_open_action_triggered)
        self.file_menu.addAction(self.open_action)
        self.recent_menu = QMenu(self)
        self.file_menu.addMenu(self.recent_menu)
        self.reindex_action = QAction(self)
        self.reindex_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.reindex_action.triggered.connect(self._on_reindex_action_triggered)
        self.file_menu.addAction(self.reindex_action)
        self.export_action = QAction(self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self._on_export_action_triggered)
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.search_menu = self.menuBar().addMenu("")
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.search_panel.focus_search)
        self.search_menu.addAction(self.find_action)
        self.browse_action = QAction(self)
        self.browse_action.triggered.connect(self._on_browse_action_triggered)
        self.search_menu.addAction(self.browse_action)
        self.search_menu.addAction(self.reader.next_action)
        self.search_menu.addAction(self.reader.previous_action)
        self.search_menu.addSeparator()
        self.one_per_story_action = QAction(self)
        self.one_per_story_action.setCheckable(True)
        self.one_per_story_action.setChecked(self.settings.get(S.ONE_PER_STORY))
        self.one_per_story_action.toggled.connect(self._on_one_per_story_action_toggled)
        self.search_menu.addAction(self.one_per_story_action)
        self.compare_action = QAction(self)
        self.compare_action.setShortcut(QKeySequence("Ctrl+D"))
        self.compare_action.triggered.connect(self.compare_selected)
        self.search_menu.addAction(self.compare_action)
        self.search_menu.addSeparator()
        self.syntax_action = QAction(self)
        self.syntax_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.syntax_action.triggered.connect(self.search_panel.show_syntax_help)
        self.search_menu.addAction(self.syntax_action)

        self.view_menu = self.menuBar().addMenu("")
        self.entities_action = self.entity_dock.toggleViewAction()
        self.view_menu.addAction(self.entities_action)
        self.timeline_action = QAction(self)
        self.timeline_action.setCheckable(True)
        self.timeline_action.setChecked(self.settings.get(S.TIMELINE_VISIBLE))
        self.timeline_action.toggled.connect(self._on_timeline_action_toggled)
        self.view_menu.addAction(self.timeline_action)
        self.concordance_action = QAction(self)
        self.concordance_action.setShortcut(QKeySequence("Ctrl+K"))
        self.concordance_action.triggered.connect(self._on_concordance_action_triggered)
        self.view_menu.addAction(self.concordance_action)
        self.view_menu.addSeparator()
        self.settings_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.show_settings)
        self.view_menu.addAction(self.settings_action)
        self._build_marks_menu()

        self.help_menu = self.menuBar().addMenu("")
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self._on_about_action_triggered)
        self.help_menu.addAction(self.about_action)

    def _build_reader_pane(self) -> QWidget:
        """The reader over the marks panel of the article it shows (tick, tags, note)."""
        self.marks = UserMarks(self.session, self._default_selection_name, self.settings, self)
        self.marks.changed.connect(self._on_marks_changed)
        self.marks.current_changed.connect(self._on_marks_current_changed)
        self.marks.failed.connect(self._on_marks_failed)
        self.results_model.set_marks(self.marks)
        self.results_model.tick_requested.connect(self.marks.tick)
        self.results_view.toggle_requested.connect(self._on_rows_toggle_requested)
        self.concordance_view.toggle_requested.connect(self._on_rows_toggle_requested)
        self.article_marks = ArticleMarksPanel()
        self.article_marks.tick_requested.connect(self._on_article_marks_tick_requested)
        self.article_marks.tags_edited.connect(self.marks.set_tags)
        self.article_marks.note_edited.connect(self.marks.set_note)
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.reader, 1)
        layout.addWidget(self.article_marks)
        return pane

    def _build_marks_menu(self) -> None:
        """Selection menu: tick, add all results, new selection, the dock; the same actions in the
        results' and concordance's context menus."""
        self.marks_menu = self.menuBar().addMenu("")
        self.tick_action = self.results_view.toggle_action
        self.marks_menu.addAction(self.tick_action)
        self.add_results_action = QAction(self)
        self.add_results_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.add_results_action.triggered.connect(self._on_add_results_action_triggered)
        self.marks_menu.addAction(self.add_results_action)
        self.new_selection_action = QAction(self)
        self.new_selection_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_selection_action.triggered.connect(self.selections_panel.new_selection)
        self.marks_menu.addAction(self.new_selection_action)
        self.note_action = QAction(self)
        self.note_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.note_action.triggered.connect(self._on_note_action_triggered)
        self.marks_menu.addAction(self.note_action)
        self.marks_menu.addSeparator()
        self.selections_action = self.selections_dock.toggleViewAction()
        self.selections_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.marks_menu.addAction(self.selections_action)
        self.view_menu.insertAction(self.timeline_action, self.selections_action)
        self.results_view.addAction(self.add_results_action)
        self.concordance_view.table.addAction(self.add_results_action)

    def retranslate(self) -> None:
        """Set the window's own texts (menus, tabs, dock, status) in the interface language; the
        widgets set theirs on the same LanguageChange event."""
        self.file_menu.setTitle(self.tr("&File"))
        self.open_action.setText(self.tr("&Open corpus folder…"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.reindex_action.setText(self.tr("&Update index"))
        self.quit_action.setText(self.tr("&Quit"))
        self.search_menu.setTitle(self.tr("&Search"))
        self.find_action.setText(self.tr("&Find"))
        self.browse_action.setText(self.tr("&Browse every article"))
        self.syntax_action.setText(self.tr("Search &syntax"))
        self.one_per_story_action.setText(self.tr("One article per &story"))
        self.one_per_story_action.setToolTip(self.tr("Leave near-duplicate copies of a story out of the results"))
        self.compare_action.setText(self.tr("Co&mpare selected articles"))
        self.compare_action.setToolTip(self.tr("Compare two to four selected results side by side (Ctrl+D)"))
        self.view_menu.setTitle(self.tr("&View"))
        self.entities_action.setText(self.tr("&Entities"))
        self.timeline_action.setText(self.tr("&Timeline"))
        self.concordance_action.setText(self.tr("&Concordance"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.export_action.setText(self.tr("&Export…"))
        self.marks_menu.setTitle(self.tr("Se&lection"))
        self.tick_action.setText(self.tr("&Tick or untick"))
        self.tick_action.setToolTip(self.tr("Put the chosen articles in the current selection, or take them out (Space)"))
        self.concordance_view.toggle_action.setText(self.tr("&Tick or untick the article"))
        self.add_results_action.setText(self.tr("&Add all results to the selection"))
        self.new_selection_action.setText(self.tr("&New selection…"))
        self.note_action.setText(self.tr("Write a n&ote"))
        self.selections_action.setText(self.tr("&Selections"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About…"))
        self.entity_dock.setWindowTitle(self.tr("Entities"))
        self.selections_dock.setWindowTitle(self.tr("Selections"))
        self.tabs.setTabText(0, self.tr("Articles"))
        self.tabs.setTabText(1, self.tr("Concordance"))
        self.tabs.setTabToolTip(1, self.tr("Every occurrence of the query, aligned on the match (Ctrl+K)"))
        self.results_model.retranslate()
        self._rebuild_recent_menu()
        self._update_title()
        if self._shown is not None:
            self._show_summary(self._shown)

    def _leading_area(self) -> Qt.DockWidgetArea:
        """The dock area on the side where reading starts (right in Arabic)."""
        return Qt.DockWidgetArea.LeftDockWidgetArea if self.isLeftToRight() else Qt.DockWidgetArea.RightDockWidgetArea

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.get(S.RECENT_CORPORA)
        for folder in recent:
            action = self.recent_menu.addAction(folder)
            action.setData(folder)
            action.triggered.connect(self._on_recent_action_triggered)
        if recent:
            self.recent_menu.addSeparator()
            clear_action = self.recent_menu.addAction(self.tr("Clear list"))
            clear_action.triggered.connect(self._on_clear_recent_triggered)
        self.recent_menu.setEnabled(bool(recent))

    def _restore_layout(self) -> None:
        """The saved geometry, docks and splitter; what was never saved gets its first-run
        proportions when the window is first shown, at the size it then has."""
        geometry = self.settings.get(S.WINDOW_GEOMETRY)
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        state = self.settings.get(S.WINDOW_STATE)
        if state:
            self.restoreState(QByteArray(state))
        splitter = self.settings.get(S.MAIN_SPLITTER)
        if splitter:
            self.splitter.restoreState(QByteArray(splitter))
        self._first_run_layout = {"dock": not state, "splitter": not splitter}

    def _apply_first_run_layout(self) -> None:
        """The entity dock a quarter of the window (at most ENTITY_DOCK_WIDTH), the results
        RESULTS_SHARE of the rest."""
        if self._first_run_layout.pop("dock", False):
            self.resizeDocks([self.entity_dock], [min(ENTITY_DOCK_WIDTH, self.width() // 4)], Qt.Orientation.Horizontal)
        if self._first_run_layout.pop("splitter", False):
            width = max(2, self.width() - self.entity_dock.width())
            self.splitter.setSizes([int(width * RESULTS_SHARE), width - int(width * RESULTS_SHARE)])

    def save_layout(self) -> None:
        """Remember geometry, window state and splitter sizes."""
        self.settings.set(S.WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        self.settings.set(S.WINDOW_STATE, bytes(self.saveState().data()))
        self.settings.set(S.MAIN_SPLITTER, bytes(self.splitter.saveState().data()))
        self.settings.sync()

    # ----- public actions -------------------------------------------------------------------

    @property
    def corpus(self) -> Path | None:
        """The corpus folder open (or being opened) in the window."""
        return self.session.corpus

    def open_corpus(self, folder: Path) -> None:
        """Open a corpus folder and bring its index up to date in the background."""
        self.session.open(folder)
        self.entity_sidebar.set_workspace(None)
        self._last_request = self._shown = None
        self._progress = None
        self.index_status.set_corpus(Path(folder).name)
        self._show_no_results()
        self.search_panel.set_sources({})
        self.indexing_panel.start(Path(folder).name)
        self._set_state("opening")
        self._update_title()

    def update_index(self) -> None:
        """Index new and changed files of the open corpus (and drop deleted ones)."""
        if not self.session.update_index():
            return
        if not self.indexing_panel.running and self.corpus is not None:
            self.indexing_panel.start(self.corpus.name)
        self._progress = None
        self._set_state("indexing")

    def cancel_indexing(self) -> None:
        """Stop indexing at the core's next safe point; work finished so far is kept."""
        if self.session.is_indexing:
            self.session.cancel_indexing()
            self.indexing_panel.cancelling()
            self._set_state("cancelling")

    def search(self, request: SearchRequest) -> None:
        """Run a search in the background, restricted by the entity filter; a newer search supersedes
        a pending one. An empty query lists every article."""
        if not self.session.search(request, self.entity_sidebar.filter_ids(), self.settings.get(S.ONE_PER_STORY)):
            self.search_panel.show_error(self.tr("Open a corpus folder first (File ▸ Open corpus folder…)."))
            return
        self._last_request = request
        if self.session.is_indexing:
            self.statusBar().showMessage(self.tr("Searching what is indexed so far…"))
        else:
            self.statusBar().showMessage(self.tr("Searching…"))

    def browse(self) -> None:
        """List every article the filters let through, newest first (an empty query)."""
        self.search_panel.query_edit.clear()
        self.search(self.search_panel.request())

    def open_row(self, row: int, occurrence: int = 0) -> None:
        """Show row ``row`` of the current results in the reader, every match of its query
        highlighted and match ``occurrence`` in the middle of the view."""
        results = self.results_model.results
        if results is None or not 0 <= row < len(results):
            return
        self.session.load_article(results, row, self.entity_sidebar.filter_ids(), occurrence)

    def compare_selected(self) -> None:
        """Compare the selected results (two to four), or the story of the one selected result
        with its near-duplicate copies."""
        results = self.results_model.results
        rows = self.results_view.selected_rows()
        if results is None or not rows:
            self.show_error(self.tr("Select two to four results to compare."), "info")
            return
        ids = [results.hit(row).id for row in rows]
        if len(ids) == 1:
            ids = self.results_model.story_ids(rows[0])
        if not 2 <= len(ids) <= MAX_ARTICLES:
            self.show_error(self.tr("Select two to four results to compare (you selected {count}).").format(
                count=number(len(ids))), "info")
            return
        self.compare(ids)

    def compare_selection(self, name: str) -> None:
        """Compare the articles of the selection ``name`` (two to four of them in the corpus)."""
        ids = self.marks.snapshot.present_in(name)
        if not 2 <= len(ids) <= MAX_ARTICLES:
            missing = len(self.marks.snapshot.missing_in(name))
            message = self.tr("The comparison shows two to four articles; the selection “{name}” has %Ln.", "",
                              len(ids)).format(name=isolated(name))
            if missing:
                message += " " + self.tr("%Ln more are missing from the corpus.", "", missing)
            self.show_error(message, "info")
            return
        self.compare(ids)

    def compare(self, article_ids: list[str]) -> None:
        """Open the comparison view on these articles (2 to 4), the search's matches highlighted."""
        if self.compare_view is None:
            self.compare_view = CompareView(self.session, self.settings.get(S.READER_FONT_SIZE) - 2, self)
            self.compare_view.setWindowFlag(Qt.WindowType.Window)
            self.compare_view.failed.connect(self._on_compare_view_failed)
            self.compare_view.resize(self.size())
        results = self.results_model.results
        self.compare_view.compare(article_ids, self.corpus, results.plan if results is not None else None,
                                  self.entity_sidebar.filter_ids())
        self.compare_view.show()
        self.compare_view.raise_()
        self.compare_view.activateWindow()

    def show_concordance(self) -> None:
        """Switch to the concordance of the current results (loading it if needed)."""
        self.tabs.setCurrentWidget(self.concordance_view)

    def show_error(self, message: str, level: str = "error") -> None:
        """A non-blocking message above the results (and briefly in the status bar)."""
        self.message_bar.show_message(message, level)
        self.statusBar().showMessage(message, 8000)

    def show_unexpected_error(self, log_path: Path) -> None:
        """Tell the user (once, by the crash handler) that something unexpected happened."""
        message = self.tr("An unexpected error occurred. Details were saved to {path}")
        self.show_error(message.format(path=isolated(str(log_path))))

    def show_settings(self) -> None:
        """Open the settings dialog and apply what changed at once."""
        dialog = SettingsDialog(self.settings, self)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        dialog.apply()
        self.apply_settings()

    def apply_settings(self) -> None:
        """Apply the stored language, digit style and reader text size to the running window."""
        apply_digit_style(self.settings.get(S.DIGIT_STYLE))
        self.setLocale(QLocale())  # widgets that format numbers themselves (spin boxes, views) follow
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # Reinstalling the translators sends every widget a LanguageChange event: texts, and
            # numbers in the new digit style, are set again; the layout follows the direction.
            install_language(app, self.settings.get(S.UI_LANGUAGE))
            QApplication.sendPostedEvents(None, QEvent.Type.LanguageChange.value)  # now, not at the next loop turn
        self.reader.set_font_size(self.settings.get(S.READER_FONT_SIZE))

    def open_selection(self, name: str) -> None:
        """List a selection's articles as the results (the query ``selection:"NAME"``)."""
        self.marks.set_current(name)
        query = quoted_selection_query(name)
        self.search_panel.query_edit.setText(query)
        self.search_panel.query_edit.remember(query)
        self.search(self.search_panel.request())

    def show_export(self, selection: str = "") -> ExportDialog | None:
        """Open the export dialog (``selection``: offer that selection first); None without a corpus."""
        if self.session.workspace is None:
            self.show_error(self.tr("Open a corpus folder first (File ▸ Open corpus folder…)."), "info")
            return None
        if self.export_dialog is not None and self.export_dialog.isVisible():
            self.export_dialog.raise_()
            self.export_dialog.activateWindow()
            return self.export_dialog
        shown = self._shown
        self.export_dialog = ExportDialog(self.session, self.marks, shown.request if shown is not None else None,
                                          shown.results.total if shown is not None else 0, selection, self)
        self.export_dialog.show()
        return self.export_dialog

    def shutdown(self) -> None:
        """Stop background work, join the worker threads and close the corpus."""
        self.article_marks.show_article("", None, "")  # what was typed is saved before the store closes
        self.session.shutdown()

    # ----- status ---------------------------------------------------------------------------

    def _set_state(self, state: str) -> None:
        self.index_status.set_state(state)

    def _update_title(self) -> None:
        title = self.tr("Arabic News Workbench")
        self.setWindowTitle(f"{self.corpus.name} — {title}" if self.corpus else title)

    def _describe_error(self, exc: BaseException, trace: str = "") -> str:
        """A one-line message for the user; unexpected errors are logged with their trace."""
        if isinstance(exc, WorkbenchError):
            return core_text(exc.text)
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            return self.tr("The disk is full, so the index could not be saved. Free some space, then update the index.")
        if isinstance(exc, OSError):
            where = exc.filename or ""
            return self.tr("Could not read or write {path}: {reason}").format(path=isolated(where), reason=exc.strerror or exc)
        path = write_crash_log(trace or repr(exc))
        log.error("unexpected error in a background job, details in %s", path)
        return self.tr("An unexpected error occurred. Details were saved to {path}").format(path=isolated(str(path)))

    def _show_summary(self, outcome: SearchOutcome) -> None:
        results = outcome.results
        note = ""
        if outcome.during_indexing and self.session.is_indexing:
            expected = self._progress.expected_articles() if self._progress is not None else None
            if expected is not None and expected > results.indexed:
                note = self.tr("searching {indexed} of ~{expected} articles; indexing continues").format(
                    indexed=number(results.indexed), expected=number(expected))
            else:
                note = self.tr("searching the {indexed} articles indexed so far; indexing continues").format(
                    indexed=number(results.indexed))
        self.search_panel.show_results(results.total, results.variants, results.browsing, note)

    def _show_no_results(self) -> None:
        self.session.cancel_concordance()
        self._concordance_for = None
        self.results_model.set_results(None)
        self.reader.clear()
        self.timeline.set_histogram(None)
        self.concordance_view.clear()
        self.search_panel.clear_summary()

    # ----- slots: the session ---------------------------------------------------------------

    def _on_session_opened(self, folder: Path) -> None:
        self.entity_sidebar.set_workspace(self.session.workspace)
        if self.session.workspace is not None:
            for notice in self.session.workspace.notices:  # e.g. the store was restored from its backup
                self.show_error(core_text(notice), "warning")
        self._rebuild_recent_after_open(folder)
        self.corpus_opened.emit(folder)
        self.update_index()

    def _on_session_open_failed(self, exc: BaseException, trace: str) -> None:
        message = self._describe_error(exc, trace)
        self.indexing_panel.finish()
        self.index_status.set_corpus("")
        self._set_state("none")
        self._update_title()
        self.show_error(message)
        self.indexing_failed.emit(message)

    def _on_session_indexing_progressed(self, progress: Progress) -> None:
        self._progress = progress
        self.indexing_panel.update_progress(progress)

    def _on_session_indexing_finished(self, indexed: Indexed) -> None:
        report = indexed.report
        self._progress = None
        self.indexing_panel.finish(report.skipped, report.warnings)
        if report.rebuilt_reason:
            self.show_error(self.tr("The index was rebuilt: {reason}").format(reason=isolated(report.rebuilt_reason)), "warning")
        if report.skipped:
            self.show_error(self.tr("%Ln files could not be indexed; see the list of skipped files below.", "",
                                    len(report.skipped)), "warning")
        if report.cancelled:
            self._set_state("cancelled")
            self.show_error(self.tr("Indexing was cancelled. The %Ln articles indexed so far can be searched; "
                                    "update the index to finish.", "", report.articles), "info")
        else:
            self._set_state("current")
        self.index_status.set_articles(report.articles)
        summary = self.tr("Indexed in {seconds} s: {added} added, {changed} changed, {removed} removed, {unchanged} unchanged.")
        self.statusBar().showMessage(summary.format(
            seconds=f"{report.seconds:.1f}", added=number(report.added), changed=number(report.changed),
            removed=number(report.removed), unchanged=number(report.unchanged)), 8000)
        self._refresh_filters(indexed.info)
        self.marks.refresh()  # which marked articles are missing may have changed
        # The results (and the entity counts) now include every article; with no search yet,
        # the corpus is listed newest first.
        self.search(self._last_request if self._last_request is not None else self.search_panel.request())
        self.indexing_finished.emit(report)

    def _on_session_indexing_failed(self, exc: BaseException, trace: str) -> None:
        message = self._describe_error(exc, trace)
        self._progress = None
        self.indexing_panel.finish()
        self._set_state("failed")
        self.show_error(message)
        self.indexing_failed.emit(message)

    def _on_session_search_finished(self, outcome: SearchOutcome) -> None:
        self._shown = outcome
        results = outcome.results
        self.results_model.set_results(results, outcome.folding)
        browse_by_relevance = results.browsing and outcome.request.sort == "relevance"
        self.results_view.show_sort("date" if browse_by_relevance else outcome.request.sort)
        self.timeline.set_histogram(outcome.histogram)
        self.timeline.set_selection(outcome.request.date_from, outcome.request.date_to)
        self._show_summary(outcome)
        if results.browsing:
            shown = self.tr("%Ln articles listed, newest first", "", results.total) \
                if outcome.request.sort in ("relevance", "date") else self.tr("%Ln articles listed", "", results.total)
        else:
            shown = self.tr("%Ln articles match “{query}”", "", results.total).format(query=isolated(results.query))
        self.statusBar().showMessage(shown, 5000)
        if self.results_model.rowCount():
            self.results_view.select_row(0)
            self.results_view.scrollToTop()
        else:
            self.reader.clear()
        self._concordance_for = None
        if self.tabs.currentWidget() is self.concordance_view:
            self._load_concordance()
        else:
            self.session.cancel_concordance()
            self.concordance_view.clear("not loaded")
        self.settings.set(S.SEARCH_HISTORY, self.search_panel.history())
        self.entity_sidebar.count_results(None if _whole_corpus(outcome.request) else outcome.request)
        self._refresh_entity_highlights()
        self.search_finished.emit(results)

    def _on_session_search_failed(self, exc: BaseException, trace: str) -> None:
        message = self._describe_error(exc, trace)
        self.statusBar().clearMessage()
        if isinstance(exc, QueryError):
            self.search_panel.show_error(message)
        else:
            self.show_error(message)
        self.search_failed.emit(message)

    def _on_session_article_loaded(self, loaded: LoadedArticle) -> None:
        self.reader.show_article(loaded.article, loaded.spans, self.corpus, loaded.mentions, loaded.current,
                                 loaded.searched, loaded.quotes)
        self._show_article_marks()
        self.article_shown.emit(loaded.article.id)

    def _on_session_article_failed(self, exc: BaseException, trace: str) -> None:
        self.show_error(self._describe_error(exc, trace))

    def _on_session_concordance_loaded(self, loaded: ConcordanceSlice) -> None:
        if loaded.results is not self._concordance_for:
            return
        self.concordance_view.add_lines(loaded.lines)
        self.concordance_view.show_progress(loaded.lines_total, loaded.rows_done, len(loaded.results),
                                            loaded.finished, loaded.capped)
        self.concordance_shown.emit(self.concordance_view.line_count())

    def _on_session_concordance_failed(self, exc: BaseException, trace: str) -> None:
        self.show_error(self._describe_error(exc, trace))

    def _rebuild_recent_after_open(self, folder: Path) -> None:
        self.settings.add_recent_corpus(folder)
        self.settings.sync()
        self._rebuild_recent_menu()
        self._set_state("open")

    def _refresh_filters(self, info: IndexInfo) -> None:
        self.search_panel.set_sources(dict(info.sources))
        self.search_panel.set_date_bounds(info.date_min, info.date_max)
        self.results_view.fit_columns(info.sources)
        self.index_status.set_articles(info.articles)

    def _refresh_entity_highlights(self) -> None:
        """Highlight the filter's entities in the article the reader already shows."""
        article = self.reader.article
        if article is None:
            return
        try:
            self.reader.set_mentions(self.session.mentions(article.id, self.entity_sidebar.filter_ids()))
        except KeyError:  # an entity id gone stale (merged elsewhere): show no mentions rather than old ones
            self.reader.set_mentions([])

    def _load_concordance(self) -> None:
        """Load the concordance of the results shown, unless it is loaded (or loading) already."""
        outcome = self._shown
        if outcome is None or outcome.results is self._concordance_for:
            return
        results = outcome.results
        self._concordance_for = results
        if results.browsing:
            self.session.cancel_concordance()
            self.concordance_view.clear("no query")
            return
        self.concordance_view.clear("not loaded")
        self.concordance_view.set_sources(outcome.histogram.source_totals())
        self.session.load_concordance(results, self.concordance_view.selected_sources())

    # ----- slots: the user's marks ----------------------------------------------------------

    def _default_selection_name(self) -> str:
        return self.tr("My selection")

    def _show_article_marks(self) -> None:
        article = self.reader.article
        if article is None:
            self.article_marks.show_article("", None, "")
        else:
            self.article_marks.show_article(article.id, self.marks.marks_of(article.id), self.marks.current)
        self.article_marks.set_known_tags([tag for tag, _count in self.marks.snapshot.tags])

    def _on_marks_changed(self, _snapshot: MarksSnapshot) -> None:
        self.results_model.marks_changed()
        self._show_article_marks()

    def _on_marks_current_changed(self, _name: str) -> None:
        self.results_model.marks_changed()
        self._show_article_marks()

    def _on_marks_failed(self, exc: BaseException, trace: str) -> None:
        self.show_error(self._describe_error(exc, trace))

    def _on_rows_toggle_requested(self, rows: list[int]) -> None:
        results = self.results_model.results
        if results is not None:
            self.marks.toggle([results.hit(row).id for row in rows if 0 <= row < len(results)])

    def _on_article_marks_tick_requested(self, article_id: str, ticked: bool) -> None:
        self.marks.tick([article_id], ticked)

    def _on_add_results_action_triggered(self) -> None:
        if self._shown is not None and self.session.workspace is not None:
            self.marks.add_results(self._shown.request)

    def _on_note_action_triggered(self) -> None:
        if self.article_marks.isEnabled():
            self.article_marks.note_edit.setFocus()

    def _on_selections_panel_export_requested(self, name: str) -> None:
        self.show_export(name)

    def _on_export_action_triggered(self) -> None:
        self.show_export()

    def _on_about_action_triggered(self) -> None:
        show_about(self)

    # ----- slots: widgets and actions -------------------------------------------------------

    def _on_entity_sidebar_filter_changed(self, entity_ids: tuple[str, ...]) -> None:
        self.search(self.search_panel.request())

    def _on_results_view_story_compare_requested(self, row: int) -> None:
        self.compare(self.results_model.story_ids(row))

    def _on_reader_compare_menu_about_to_show(self) -> None:
        """List what the reader's article can be compared with: its story's copies, then the
        other results of the first page."""
        menu = self.reader.compare_menu
        menu.clear()
        results, article = self.results_model.results, self.reader.article
        if results is None or article is None:
            return
        ids = results.ids()
        row = ids.index(article.id) if article.id in ids else None
        story = self.results_model.story_ids(row) if row is not None else [article.id]
        if len(story) > 1:
            action = menu.addAction(self.tr("Its {count} similar copies").format(count=number(len(story) - 1)))
            action.triggered.connect(lambda: self.compare(story))
            menu.addSeparator()
        for other in [r for r in range(min(len(ids), COMPARE_WITH_CHOICES + 1)) if ids[r] != article.id][:COMPARE_WITH_CHOICES]:
            hit = results.hit(other)
            title = hit.title or hit.path
            title = title if len(title) <= 70 else title[:69] + "…"
            action = menu.addAction(f"{isolated(title)} — {isolated(hit.source)}" if hit.source else isolated(title))
            action.triggered.connect(lambda _checked=False, other_id=hit.id: self.compare([article.id, other_id]))

    def _on_one_per_story_action_toggled(self, checked: bool) -> None:
        self.settings.set(S.ONE_PER_STORY, checked)
        if self._last_request is not None:
            self.search(self._last_request)

    def _on_compare_view_failed(self, exc: BaseException) -> None:
        self.show_error(self._describe_error(exc))

    def _on_entity_sidebar_failed(self, exc: BaseException) -> None:
        self.show_error(self._describe_error(exc))

    def _on_search_panel_search_requested(self, request: SearchRequest) -> None:
        self.search(request)

    def _on_results_view_row_selected(self, row: int) -> None:
        self.open_row(row)

    def _on_results_model_sort_requested(self, sort: str) -> None:
        self.search_panel.set_sort(sort)

    def _on_concordance_view_line_selected(self, line: ConcordanceLine) -> None:
        self.open_row(line.row, line.occurrence)

    def _on_concordance_view_source_filter_changed(self, sources: tuple[str, ...]) -> None:
        if self._shown is not None and not self._shown.results.browsing:
            self._concordance_for = self._shown.results
            self.concordance_view.clear("not loaded")
            self.session.load_concordance(self._shown.results, sources)

    def _on_tabs_current_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.concordance_view:
            self._load_concordance()

    def _on_timeline_range_selected(self, first: str, last: str) -> None:
        self.search_panel.set_dates(first, last)

    def _on_timeline_range_cleared(self) -> None:
        self.search_panel.set_dates(None, None)

    def _on_timeline_action_toggled(self, checked: bool) -> None:
        self.timeline.setVisible(checked)
        self.settings.set(S.TIMELINE_VISIBLE, checked)

    def _on_concordance_action_triggered(self) -> None:
        self.show_concordance()

    def _on_browse_action_triggered(self) -> None:
        self.browse()

    def _on_reader_font_size_changed(self, size: int) -> None:
        self.settings.set(S.READER_FONT_SIZE, size)

    def _on_reader_citation_copied(self, citation: str) -> None:
        self.statusBar().showMessage(self.tr("Citation copied: {citation}").format(citation=isolated(citation)), 5000)

    def _on_indexing_panel_cancel_requested(self) -> None:
        self.cancel_indexing()

    def _on_open_action_triggered(self) -> None:
        start = str(self.corpus) if self.corpus else str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open corpus folder"), start)
        if folder:
            self.open_corpus(Path(folder))

    def _on_recent_action_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction) and action.data():
            self.open_corpus(Path(str(action.data())))

    def _on_clear_recent_triggered(self) -> None:
        self.settings.set(S.RECENT_CORPORA, [])
        self._rebuild_recent_menu()

    def _on_reindex_action_triggered(self) -> None:
        if self.session.workspace is None:
            self.show_error(self.tr("Open a corpus folder first (File ▸ Open corpus folder…)."), "info")
        else:
            self.update_index()

    # ----- Qt events ------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._apply_first_run_layout()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.LayoutDirectionChange:
            # The entity and selections docks stay on the side where reading starts.
            for dock in (self.entity_dock, self.selections_dock):
                area = self.dockWidgetArea(dock)
                if area in (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea) \
                        and area != self._leading_area():
                    self.addDockWidget(self._leading_area(), dock)
            if self.tabifiedDockWidgets(self.entity_dock) == [] and self.dockWidgetArea(self.selections_dock) \
                    == self.dockWidgetArea(self.entity_dock):
                self.tabifyDockWidget(self.entity_dock, self.selections_dock)
        super().changeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _folder_of_drop(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        folder = _folder_of_drop(event)
        if folder is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_corpus(folder)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.settings.set(S.SEARCH_HISTORY, self.search_panel.history())
        self.settings.sync()
        self.shutdown()
        super().closeEvent(event)


def _whole_corpus(request: SearchRequest) -> bool:
    """True when a request lists every article of the corpus (entities are then counted over all)."""
    return (is_browse(request.query) and not request.sources and not request.date_from and not request.date_to
            and not request.entities)
