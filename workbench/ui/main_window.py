"""The main window: composes the search panel, timeline, results, concordance, reader, entity and
selections docks, its menus (``WindowMenus``) and the comparison launcher (``ComparisonLauncher``).

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

from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.core.errors import QueryError
from workbench.core.index import IndexInfo
from workbench.core.progress import Progress
from workbench.core.search import SearchRequest, SearchResults, is_browse
from workbench.core.search.kwic import ConcordanceLine
from workbench.ui import settings as S
from workbench.ui.bidi import isolated
from workbench.ui.comparisons import ComparisonLauncher
from workbench.ui.core_text import core_text
from workbench.ui.dialogs.export_dialog import ExportDialog
from workbench.ui.dialogs.settings_dialog import SettingsDialog
from workbench.ui.error_text import describe_error, unexpected_error_text
from workbench.ui.i18n import install_language
from workbench.ui.marks import MarksSnapshot, UserMarks
from workbench.ui.models.results_model import ResultsModel
from workbench.ui.numbers import apply_digit_style, number
from workbench.ui.session import ConcordanceSlice, CorpusSession, Indexed, LoadedArticle, SearchOutcome
from workbench.ui.widgets.article_marks import ArticleMarksPanel
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
from workbench.ui.window_menus import WindowMenus

ENTITY_DOCK_WIDTH = 400
"""First-run width of the entity dock (pixels), at most a quarter of the window; afterwards the
saved window state decides."""
RESULTS_SHARE = 0.55
"""First-run share of the results pane beside the reader."""


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
        self.session.article_failed.connect(self._on_job_failed)
        self.session.concordance_loaded.connect(self._on_session_concordance_loaded)
        self.session.concordance_failed.connect(self._on_job_failed)
        self._last_request: SearchRequest | None = None
        self._shown: SearchOutcome | None = None
        self._concordance_for: SearchResults | None = None
        """The results the concordance view shows (or is loading) lines of."""
        self._progress: Progress | None = None
        self._first_run_layout: dict[str, bool] = {}

        self.message_bar = MessageBar()
        self.search_panel = SearchPanel()
        history: list[str] = self.settings.get(S.SEARCH_HISTORY)
        self.search_panel.set_history(history)
        self.search_panel.search_requested.connect(self.search)
        self.timeline = TimelineWidget()
        self.timeline.range_selected.connect(self.search_panel.set_dates)
        self.timeline.range_cleared.connect(self._on_timeline_range_cleared)
        self.timeline.setVisible(self.settings.get(S.TIMELINE_VISIBLE))
        self.results_model = ResultsModel(self)
        self.results_model.sort_requested.connect(self.search_panel.set_sort)
        self.results_view = ResultsView(self.results_model)
        self.results_view.row_selected.connect(self.open_row)
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
        self.indexing_panel = IndexingPanel()
        self.indexing_panel.cancel_requested.connect(self.cancel_indexing)
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
        self.entity_sidebar.failed.connect(self._on_job_failed)
        self.entity_dock = self._leading_dock("entity_dock", self.entity_sidebar)

        self.selections_panel = SelectionsPanel(self.marks)
        self.selections_panel.open_requested.connect(self.open_selection)
        self.selections_panel.export_requested.connect(self.show_export)
        self.selections_dock = self._leading_dock("selections_dock", self.selections_panel)
        self.tabifyDockWidget(self.entity_dock, self.selections_dock)
        self.entity_dock.raise_()
        self.export_dialog: ExportDialog | None = None

        self.index_status = IndexStatus()
        self.statusBar().addPermanentWidget(self.index_status)
        self.comparisons = ComparisonLauncher(self.session, self.settings, self.results_model, self.results_view,
                                              self.reader, self.entity_sidebar, self.marks, self)
        self.comparisons.message.connect(self.show_error)
        self.comparisons.failed.connect(self._on_job_failed)
        self.selections_panel.compare_requested.connect(self.comparisons.compare_selection)
        self.menus = WindowMenus(self)
        self.retranslate()
        self.setAcceptDrops(True)
        screen = self.screen().availableGeometry()
        self.resize(min(1280, screen.width()), min(720, screen.height()))
        self._restore_layout()

    # ----- building -------------------------------------------------------------------------

    def _build_reader_pane(self) -> QWidget:
        """The reader over the marks panel of the article it shows (tick, tags, note)."""
        self.marks = UserMarks(self.session, self._default_selection_name, self.settings, self)
        self.marks.changed.connect(self._on_marks_changed)
        self.marks.current_changed.connect(self._on_marks_current_changed)
        self.marks.failed.connect(self._on_job_failed)
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

    def retranslate(self) -> None:
        """Set the window's own texts (menus, tabs, dock, status) in the interface language; the
        widgets set theirs on the same LanguageChange event."""
        self.menus.retranslate()
        self.entity_dock.setWindowTitle(self.tr("Entities"))
        self.selections_dock.setWindowTitle(self.tr("Selections"))
        self.tabs.setTabText(0, self.tr("Articles"))
        self.tabs.setTabText(1, self.tr("Concordance"))
        self.tabs.setTabToolTip(1, self.tr("Every occurrence of the query, aligned on the match (Ctrl+K)"))
        self.results_model.retranslate()
        self._update_title()
        if self._shown is not None:
            self._show_summary(self._shown)

    def _leading_dock(self, name: str, widget: QWidget) -> QDockWidget:
        """A dock holding ``widget``, on the side where reading starts; ``name`` keys its saved state."""
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(self._leading_area(), dock)
        return dock

    def _leading_area(self) -> Qt.DockWidgetArea:
        """The dock area on the side where reading starts (right in Arabic)."""
        return Qt.DockWidgetArea.LeftDockWidgetArea if self.isLeftToRight() else Qt.DockWidgetArea.RightDockWidgetArea

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

    def choose_corpus(self) -> None:
        """Ask for a corpus folder (starting at the open one) and open it."""
        start = str(self.corpus) if self.corpus else str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open corpus folder"), start)
        if folder:
            self.open_corpus(Path(folder))

    def update_index(self) -> None:
        """Index new and changed files of the open corpus (and drop deleted ones)."""
        if self.session.workspace is None:
            self.show_error(self.tr("Open a corpus folder first (File ▸ Open corpus folder…)."), "info")
            return
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

    def set_one_per_story(self, on: bool) -> None:
        """Leave near-duplicate copies of a story out of the results (remembered), and search again."""
        self.settings.set(S.ONE_PER_STORY, on)
        if self._last_request is not None:
            self.search(self._last_request)

    def set_timeline_visible(self, visible: bool) -> None:
        """Show or hide the timeline over the results (remembered)."""
        self.timeline.setVisible(visible)
        self.settings.set(S.TIMELINE_VISIBLE, visible)

    def add_results_to_selection(self) -> None:
        """Put every article of the current results in the current selection."""
        if self._shown is not None and self.session.workspace is not None:
            self.marks.add_results(self._shown.request)

    def focus_note(self) -> None:
        """Move the keyboard focus to the note of the article in the reader."""
        if self.article_marks.isEnabled():
            self.article_marks.note_edit.setFocus()

    def show_concordance(self) -> None:
        """Switch to the concordance of the current results (loading it if needed)."""
        self.tabs.setCurrentWidget(self.concordance_view)

    def show_error(self, message: str, level: str = "error") -> None:
        """A non-blocking message above the results (and briefly in the status bar)."""
        self.message_bar.show_message(message, level)
        self.statusBar().showMessage(message, 8000)

    def show_unexpected_error(self, log_path: Path) -> None:
        """Tell the user (once, by the crash handler) that something unexpected happened."""
        self.show_error(unexpected_error_text(log_path))

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
        message = describe_error(exc, trace)
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
        message = describe_error(exc, trace)
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
        message = describe_error(exc, trace)
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

    def _on_session_concordance_loaded(self, loaded: ConcordanceSlice) -> None:
        if loaded.results is not self._concordance_for:
            return
        self.concordance_view.add_lines(loaded.lines)
        self.concordance_view.show_progress(loaded.lines_total, loaded.rows_done, len(loaded.results),
                                            loaded.finished, loaded.capped)
        self.concordance_shown.emit(self.concordance_view.line_count())

    def _rebuild_recent_after_open(self, folder: Path) -> None:
        self.settings.add_recent_corpus(folder)
        self.settings.sync()
        self.menus.rebuild_recent()
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

    def _on_rows_toggle_requested(self, rows: list[int]) -> None:
        results = self.results_model.results
        if results is not None:
            self.marks.toggle([results.hit(row).id for row in rows if 0 <= row < len(results)])

    def _on_article_marks_tick_requested(self, article_id: str, ticked: bool) -> None:
        self.marks.tick([article_id], ticked)

    # ----- slots: widgets and actions -------------------------------------------------------

    def _on_entity_sidebar_filter_changed(self, entity_ids: tuple[str, ...]) -> None:
        self.search(self.search_panel.request())

    def _on_job_failed(self, exc: BaseException, trace: str = "") -> None:
        self.show_error(describe_error(exc, trace))

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

    def _on_timeline_range_cleared(self) -> None:
        self.search_panel.set_dates(None, None)

    def _on_reader_font_size_changed(self, size: int) -> None:
        self.settings.set(S.READER_FONT_SIZE, size)

    def _on_reader_citation_copied(self, citation: str) -> None:
        self.statusBar().showMessage(self.tr("Citation copied: {citation}").format(citation=isolated(citation)), 5000)

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
