"""The main window: composes the search panel, results, reader, entity dock and menus.

Everything that touches the core goes through the window's ``CorpusSession`` (session.py),
which owns the open workspace and runs jobs off the GUI thread; the window turns the session's
signals into what the widgets show, and the widgets' requests into session calls.

The entity dock (``EntitySidebar``) owns the entity filter; every search adds it to the search
panel's request, so the results always honour both.
"""

from __future__ import annotations

import errno
import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog, QLabel, QMainWindow, QMenu, QSplitter, QVBoxLayout, QWidget

from workbench.core.errors import QueryError, WorkbenchError
from workbench.core.index import IndexInfo
from workbench.core.search import SearchRequest
from workbench.ui import settings as S
from workbench.ui.core_text import core_text
from workbench.ui.crash import write_crash_log
from workbench.ui.dialogs.settings_dialog import SettingsDialog
from workbench.ui.models.results_model import ResultsModel
from workbench.ui.session import CorpusSession, Indexed, LoadedArticle, SearchOutcome
from workbench.ui.widgets.entity_sidebar import EntitySidebar
from workbench.ui.widgets.indexing_panel import IndexingPanel
from workbench.ui.widgets.message_bar import MessageBar
from workbench.ui.widgets.reader import ReaderPane
from workbench.ui.widgets.results_view import ResultsView
from workbench.ui.widgets.search_panel import SearchPanel

log = logging.getLogger(__name__)

ENTITY_DOCK_WIDTH = 400
"""First-run width of the entity dock (pixels); afterwards the saved window state decides."""


def _folder_of_drop(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The first local folder among dragged URLs, or None."""
    for url in event.mimeData().urls():
        if url.isLocalFile() and Path(url.toLocalFile()).is_dir():
            return Path(url.toLocalFile())
    return None


class MainWindow(QMainWindow):
    """Search panel on top, results beside the reader, indexing progress below."""

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
        self._last_request: SearchRequest | None = None
        self._shown_request: SearchRequest | None = None

        self.message_bar = MessageBar()
        self.search_panel = SearchPanel()
        history = self.settings.get(S.SEARCH_HISTORY)
        self.search_panel.set_history(history)
        self.search_panel.search_requested.connect(self._on_search_panel_search_requested)
        self.results_model = ResultsModel(self)
        self.results_view = ResultsView(self.results_model)
        self.results_view.row_activated.connect(self._on_results_view_row_activated)
        self.reader = ReaderPane(font_size=self.settings.get(S.READER_FONT_SIZE))
        self.reader.font_size_changed.connect(self._on_reader_font_size_changed)
        self.indexing_panel = IndexingPanel()
        self.indexing_panel.cancel_requested.connect(self._on_indexing_panel_cancel_requested)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.results_view)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
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
        self.entity_dock = QDockWidget(self.tr("Entities"), self)
        self.entity_dock.setObjectName("entity_dock")
        self.entity_dock.setWidget(self.entity_sidebar)
        leading = Qt.DockWidgetArea.LeftDockWidgetArea if self.isLeftToRight() else Qt.DockWidgetArea.RightDockWidgetArea
        self.addDockWidget(leading, self.entity_dock)

        self.corpus_label = QLabel()
        self.articles_label = QLabel()
        self.state_label = QLabel()
        self.state_label.setObjectName("index_state")
        for label in (self.corpus_label, self.articles_label, self.state_label):
            self.statusBar().addPermanentWidget(label)
        self._build_menus()
        self._update_status(state=self.tr("No corpus open"))
        self._update_title()
        self.setAcceptDrops(True)
        self.resize(1200, 760)
        self._restore_layout()

    # ----- building -------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = QAction(self.tr("&Open corpus folder…"), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self._on_open_action_triggered)
        file_menu.addAction(self.open_action)
        self.recent_menu = QMenu(self.tr("Open &recent"), self)
        file_menu.addMenu(self.recent_menu)
        self.reindex_action = QAction(self.tr("&Update index"), self)
        self.reindex_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.reindex_action.triggered.connect(self._on_reindex_action_triggered)
        file_menu.addAction(self.reindex_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        search_menu = self.menuBar().addMenu(self.tr("&Search"))
        self.find_action = QAction(self.tr("&Find"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.search_panel.focus_search)
        search_menu.addAction(self.find_action)
        search_menu.addAction(self.reader.next_action)
        search_menu.addAction(self.reader.previous_action)
        search_menu.addSeparator()
        syntax_action = QAction(self.tr("Search &syntax"), self)
        syntax_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        syntax_action.triggered.connect(self.search_panel.show_syntax_help)
        search_menu.addAction(syntax_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        entities_action = self.entity_dock.toggleViewAction()
        entities_action.setText(self.tr("&Entities"))
        view_menu.addAction(entities_action)
        settings_action = QAction(self.tr("&Settings…"), self)
        settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        settings_action.triggered.connect(self.show_settings)
        view_menu.addAction(settings_action)
        self._rebuild_recent_menu()

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
        geometry = self.settings.get(S.WINDOW_GEOMETRY)
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        state = self.settings.get(S.WINDOW_STATE)
        if state:
            self.restoreState(QByteArray(state))
        else:
            self.resizeDocks([self.entity_dock], [ENTITY_DOCK_WIDTH], Qt.Orientation.Horizontal)
        splitter = self.settings.get(S.MAIN_SPLITTER)
        if splitter:
            self.splitter.restoreState(QByteArray(splitter))

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
        self._last_request = self._shown_request = None
        self.results_model.set_results(None)
        self.reader.clear()
        self.search_panel.clear_summary()
        self.search_panel.set_sources({})
        self.indexing_panel.start(Path(folder).name)
        self._update_status(state=self.tr("Opening…"))
        self._update_title()

    def update_index(self) -> None:
        """Index new and changed files of the open corpus (and drop deleted ones)."""
        if not self.session.update_index():
            return
        if not self.indexing_panel.running and self.corpus is not None:
            self.indexing_panel.start(self.corpus.name)
        self._update_status(state=self.tr("Indexing…"))

    def cancel_indexing(self) -> None:
        """Stop indexing at the core's next safe point; work finished so far is kept."""
        if self.session.is_indexing:
            self.session.cancel_indexing()
            self.indexing_panel.cancelling()
            self._update_status(state=self.tr("Cancelling…"))

    def search(self, request: SearchRequest) -> None:
        """Run a search in the background, restricted by the entity filter; a newer search supersedes a pending one."""
        if not self.session.search(request, self.entity_sidebar.filter_ids()):
            self.search_panel.show_error(self.tr("Open a corpus folder first (File ▸ Open corpus folder…)."))
            return
        self._last_request = request
        if self.session.is_indexing:
            self.statusBar().showMessage(self.tr("Searching what is indexed so far…"))
        else:
            self.statusBar().showMessage(self.tr("Searching…"))

    def open_row(self, row: int) -> None:
        """Show row ``row`` of the current results in the reader, every match of its query highlighted."""
        results = self.results_model.results
        if results is None or not 0 <= row < len(results):
            return
        self.session.load_article(results, row, self.entity_sidebar.filter_ids())

    def show_error(self, message: str, level: str = "error") -> None:
        """A non-blocking message above the results (and briefly in the status bar)."""
        self.message_bar.show_message(message, level)
        self.statusBar().showMessage(message, 8000)

    def show_unexpected_error(self, log_path: Path) -> None:
        """Tell the user (once, by the crash handler) that something unexpected happened."""
        self.show_error(self.tr("An unexpected error occurred. Details were saved to {path}").format(path=log_path))

    def show_settings(self) -> None:
        """Open the settings dialog; a language change applies at the next start."""
        dialog = SettingsDialog(self.settings, self)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        if dialog.apply():
            self.show_error(self.tr("The new interface language will be used the next time you start the workbench."), "info")
        self.reader.set_font_size(self.settings.get(S.READER_FONT_SIZE))

    def shutdown(self) -> None:
        """Stop background work, join the worker threads and close the corpus."""
        self.session.shutdown()

    # ----- status ---------------------------------------------------------------------------

    def _update_status(self, state: str | None = None, articles: int | None = None) -> None:
        self.corpus_label.setText(self.tr("Corpus: {name}").format(name=self.corpus.name) if self.corpus else "")
        if articles is not None:
            self.articles_label.setText(self.tr("{count} articles").format(count=f"{articles:,}"))
        elif self.corpus is None:
            self.articles_label.clear()
        if state is not None:
            self.state_label.setText(state)

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
            return self.tr("Could not read or write {path}: {reason}").format(path=where, reason=exc.strerror or exc)
        path = write_crash_log(trace or repr(exc))
        log.error("unexpected error in a background job, details in %s", path)
        return self.tr("An unexpected error occurred. Details were saved to {path}").format(path=path)

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
        self._update_status(state=self.tr("No corpus open"))
        self._update_title()
        self.show_error(message)
        self.indexing_failed.emit(message)

    def _on_session_indexing_progressed(self, progress: object) -> None:
        self.indexing_panel.update_progress(progress)  # type: ignore[arg-type]

    def _on_session_indexing_finished(self, indexed: Indexed) -> None:
        report = indexed.report
        self.indexing_panel.finish(report.skipped)
        if report.rebuilt_reason:
            self.show_error(self.tr("The index was rebuilt: {reason}").format(reason=report.rebuilt_reason), "warning")
        if report.skipped:
            self.show_error(self.tr("{count} files could not be indexed; see the list of skipped files below.")
                            .format(count=len(report.skipped)), "warning")
        if report.cancelled:
            state = self.tr("Indexing cancelled: partial index")
            self.show_error(self.tr("Indexing was cancelled. The {count} articles indexed so far can be searched; "
                                    "update the index to finish.").format(count=f"{report.articles:,}"), "info")
        else:
            state = self.tr("Index up to date")
        self._update_status(state=state, articles=report.articles)
        summary = self.tr("Indexed in {seconds} s: {added} added, {changed} changed, {removed} removed, {unchanged} unchanged.")
        self.statusBar().showMessage(summary.format(seconds=f"{report.seconds:.1f}", added=report.added, changed=report.changed,
                                                    removed=report.removed, unchanged=report.unchanged), 8000)
        self._refresh_filters(indexed.info)
        if self._last_request is not None:
            self.search(self._last_request)  # the results and the entity counts now include every article
        else:
            self.entity_sidebar.refresh()
        self.indexing_finished.emit(report)

    def _on_session_indexing_failed(self, exc: BaseException, trace: str) -> None:
        message = self._describe_error(exc, trace)
        self.indexing_panel.finish()
        self._update_status(state=self.tr("Indexing failed"))
        self.show_error(message)
        self.indexing_failed.emit(message)

    def _on_session_search_finished(self, outcome: SearchOutcome) -> None:
        self._shown_request = self._last_request
        results = outcome.results
        self.results_model.set_results(results)
        self.search_panel.show_results(results.total, results.variants)
        matched = self.tr("{count} articles match “{query}”").format(count=f"{results.total:,}", query=results.query)
        self.statusBar().showMessage(matched, 5000)
        if self.results_model.rowCount() and not self.results_view.currentIndex().isValid():
            self.results_view.setCurrentIndex(self.results_model.index(0, 0))
        self.settings.set(S.SEARCH_HISTORY, self.search_panel.history())
        self.entity_sidebar.count_results(outcome.request)
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
        self.reader.show_article(loaded.article, loaded.spans, self.corpus, loaded.mentions)
        self.reader.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.article_shown.emit(loaded.article.id)

    def _on_session_article_failed(self, exc: BaseException, trace: str) -> None:
        self.show_error(self._describe_error(exc, trace))

    def _rebuild_recent_after_open(self, folder: Path) -> None:
        self.settings.add_recent_corpus(folder)
        self.settings.sync()
        self._rebuild_recent_menu()
        self._update_status(state=self.tr("Index open"))

    def _refresh_filters(self, info: IndexInfo) -> None:
        self.search_panel.set_sources(dict(info.sources))
        self.search_panel.set_date_bounds(info.date_min, info.date_max)
        self._update_status(articles=info.articles)

    def _refresh_entity_highlights(self) -> None:
        """Highlight the filter's entities in the article the reader already shows."""
        article = self.reader.article
        if article is None:
            return
        try:
            self.reader.set_mentions(self.session.mentions(article.id, self.entity_sidebar.filter_ids()))
        except KeyError:  # an entity id gone stale (merged elsewhere): show no mentions rather than old ones
            self.reader.set_mentions([])

    # ----- slots: widgets and actions -------------------------------------------------------

    def _on_entity_sidebar_filter_changed(self, entity_ids: tuple[str, ...]) -> None:
        request = self.search_panel.request()
        if request.query or entity_ids:
            self.search(request)
            return
        self.session.cancel_search()  # neither words nor entities left: nothing to list
        self._last_request = self._shown_request = None
        self.results_model.set_results(None)
        self.search_panel.clear_summary()
        self.entity_sidebar.count_results(None)
        self._refresh_entity_highlights()

    def _on_entity_sidebar_failed(self, exc: BaseException) -> None:
        self.show_error(self._describe_error(exc))

    def _on_search_panel_search_requested(self, request: SearchRequest) -> None:
        self.search(request)

    def _on_results_view_row_activated(self, row: int) -> None:
        self.open_row(row)

    def _on_reader_font_size_changed(self, size: int) -> None:
        self.settings.set(S.READER_FONT_SIZE, size)

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
