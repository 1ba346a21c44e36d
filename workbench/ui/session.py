"""The open corpus in the GUI: its workspace, the background jobs that use it, and their lifecycle.

``MainWindow`` only composes widgets; everything that touches the core goes through the session,
which the window's panels (results, reader, entity dock, selections dock, and the compare view
to come) share.

Jobs run in three lanes, each one thread (``workers.WorkerPool``):

- ``indexing``: the update of the index, which runs in a child process (``index.child_process``)
  so the GUI's interpreter never stalls; the lane's thread only waits for it;
- ``reading``: opening the corpus, searches, entity counts and curation, loading an article,
  the concordance. The session's index only reads (the child process writes), so a search typed
  during indexing runs at once against what is already committed. Long reads go in slices (the
  concordance of a frequent word: a fraction of a second each), so a search or an article asked
  for meanwhile waits for one slice at most. The user's marks (selections, tags, notes) are read
  and written here too: each change is one short transaction of the store;
- ``exporting``: writing an export file (``Workspace.export``: seconds to minutes for a large
  corpus). It reads the index beside the reading lane, each read holding the index's read lock
  for one article (the core's locks make that safe), so searches go on while a file is written.
  Opening another corpus or closing the window cancels it and waits for it before the workspace
  is closed; a cancelled export leaves no file.

Results of superseded jobs (a search overtaken by a newer one, jobs of a corpus the user has
left) are dropped here, so receivers only ever see current outcomes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QObject, Signal

from workbench.core.compare import Quote, StoryFolding
from workbench.core.entities.service import EntityMention
from workbench.core.export import ExportReport, ExportRequest
from workbench.core.index import IndexInfo, UpdateReport, default_processes
from workbench.core.ingest import Article
from workbench.core.progress import CancelToken, Progress, ProgressCallback
from workbench.core.search import Histogram, SearchRequest, SearchResults
from workbench.core.search.kwic import DEFAULT_WIDTH, concordance_chunk
from workbench.core.workspace import Workspace
from workbench.ui.models.concordance_model import KeyedLine, keyed
from workbench.ui.workers import Job, Task, WorkerPool

FIRST_PAGE_HITS = 40
"""Hits whose snippets the search job builds in the background: about two screens of results."""
FIRST_CONCORDANCE_LINES = 1000
"""Lines of the concordance's first slice: a screenful many times over, in a fraction of a second."""
CONCORDANCE_SLICE_SECONDS = 0.25
"""Longest a later slice of the concordance holds the reading lane."""
MAX_CONCORDANCE_LINES = 100_000
"""Lines kept at most (about 50 MB); a query with more is told to be narrowed."""


class Indexed(NamedTuple):
    """What an indexing run hands back: its report, and the index facts the filters show
    (gathered on the worker: reading them costs tens of milliseconds on a large corpus)."""

    report: UpdateReport
    info: IndexInfo


class SearchOutcome(NamedTuple):
    """A finished search: the request as run (entity filter included), its results, and their
    dates per day and source (the timeline)."""

    request: SearchRequest
    results: SearchResults
    histogram: Histogram
    during_indexing: bool
    """The search ran while indexing went on: ``results.indexed`` articles were searched."""
    folding: StoryFolding | None = None
    """The results' rows by story (near-duplicate copies under the first of their group)."""


class LoadedArticle(NamedTuple):
    """An article ready for the reader: its text, the query's matches and the filter's mentions,
    and the match to show first."""

    article: Article
    spans: list[tuple[int, int]]
    mentions: list[EntityMention]
    current: int = 0
    searched: bool = True
    """The results had words to match (not a browse)."""
    quotes: Sequence[Quote] = ()
    """The article's quotations and their speakers."""


class ConcordanceSlice(NamedTuple):
    """Lines of a concordance being loaded, and how far the loading got."""

    results: SearchResults
    lines: list[KeyedLine]
    rows_done: int
    """Hits read so far (of ``len(results)``)."""
    lines_total: int
    """Lines loaded so far, this slice's included."""
    finished: bool
    capped: bool
    """Loading stopped at MAX_CONCORDANCE_LINES."""


class CorpusSession(QObject):
    """One corpus at a time: open it, keep its index current, search it, read from it."""

    opened = Signal(object)
    """The corpus's workspace is open (carries the folder Path); indexing starts next."""
    open_failed = Signal(object, str)
    """Opening failed: the exception and its formatted traceback."""
    indexing_progressed = Signal(object)
    """A ``Progress`` report of the running index update."""
    indexing_finished = Signal(object)
    """The update ended normally or by Cancel; carries ``Indexed``."""
    indexing_failed = Signal(object, str)
    """The update failed: the exception and its formatted traceback."""
    search_finished = Signal(object)
    """The latest search's ``SearchOutcome``."""
    search_failed = Signal(object, str)
    """The latest search failed: the exception (QueryError for a malformed query) and its traceback."""
    article_loaded = Signal(object)
    """The latest requested article is ready: a ``LoadedArticle``."""
    article_failed = Signal(object, str)
    """Loading the latest requested article failed."""
    concordance_loaded = Signal(object)
    """A ``ConcordanceSlice`` of the latest concordance asked for."""
    concordance_failed = Signal(object, str)
    """Loading the concordance failed."""
    export_progressed = Signal(object)
    """A ``Progress`` report of the running export."""
    export_finished = Signal(object)
    """The export ended, written or cancelled (then no file was left); carries its ``ExportReport``."""
    export_failed = Signal(object, str)
    """The export failed (ExportError names the file); the exception and its traceback."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reading = WorkerPool(self)
        self.indexing = WorkerPool(self)
        self.exporting = WorkerPool(self)
        self.workspace: Workspace | None = None
        self.corpus: Path | None = None
        self._open_task: Task | None = None
        self._indexing_task: Task | None = None
        self._search_task: Task | None = None
        self._article_task: Task | None = None
        self._concordance_task: Task | None = None
        self._export_task: Task | None = None
        self._concordance_options: tuple[tuple[str, ...], int] = ((), DEFAULT_WIDTH)

    # ----- state ------------------------------------------------------------------------------

    @property
    def is_indexing(self) -> bool:
        """True while an index update runs."""
        return self._indexing_task is not None

    @property
    def is_exporting(self) -> bool:
        """True while an export runs."""
        return self._export_task is not None

    def is_busy(self) -> bool:
        """True while any job of any lane is queued or running."""
        return self.reading.is_busy() or self.indexing.is_busy() or self.exporting.is_busy()

    def submit(self, name: str, job: Job, **receivers: Callable[..., None]) -> Task:
        """Run a reading job (counting, curation, ...) for a panel; see ``WorkerPool.submit``."""
        return self.reading.submit(name, job, **receivers)

    # ----- opening and indexing ---------------------------------------------------------------

    def open(self, folder: Path) -> None:
        """Open a corpus folder (closing the current one); ``opened`` or ``open_failed`` follows."""
        for task in (self._open_task, self._indexing_task, self._search_task, self._article_task, self._concordance_task,
                     self._export_task):
            if task is not None:
                task.cancel()
        # A cancelled export still reports (as cancelled) when it stops: its dialog waits for that.
        self._indexing_task = self._search_task = self._article_task = self._concordance_task = None
        previous, self.workspace = self.workspace, None
        self.corpus = Path(folder).expanduser()
        exporting = self.exporting

        def job(progress: ProgressCallback, cancel: CancelToken) -> Workspace:
            if previous is not None:
                exporting.wait()  # a cancelled export stops at its next row; it must not read a closed index
                previous.close()
            return Workspace.open(folder)

        self._open_task = self.reading.submit("open", job, succeeded=self._on_open_task_succeeded,
                                              failed=self._on_open_task_failed)

    def update_index(self) -> bool:
        """Index new and changed files of the open corpus and drop deleted ones; False if that
        cannot start now (no corpus, or an update already runs)."""
        workspace = self.workspace
        if workspace is None or self._indexing_task is not None:
            return False

        def job(progress: ProgressCallback, cancel: CancelToken) -> Indexed:
            report = workspace.update(progress, cancel, processes=default_processes(), in_child=True)
            if (report.indexed_articles or report.removed or report.rebuilt_reason) and not cancel.cancelled:
                # Group the entities' spellings now, while the user expects to wait, rather than
                # on the first search (seconds on a large corpus); the service keeps the result.
                # After a Cancel the user wants control back: the first count groups them then.
                progress(Progress("entities", 0, 0, message="grouping entity spellings"))
                workspace.entities.entities()
            return Indexed(report, workspace.index.info())

        self._indexing_task = self.indexing.submit(
            "index", job, progressed=self._on_indexing_task_progressed,
            succeeded=self._on_indexing_task_succeeded, failed=self._on_indexing_task_failed)
        return True

    def cancel_indexing(self) -> None:
        """Stop indexing at the core's next safe point; work committed so far is kept."""
        if self._indexing_task is not None:
            self._indexing_task.cancel()

    # ----- searching and reading --------------------------------------------------------------

    def search(self, request: SearchRequest, entity_ids: Sequence[str] = (), one_per_story: bool = False) -> bool:
        """Run a search restricted to articles mentioning every entity of ``entity_ids`` (and with
        ``one_per_story``, without the near-duplicate copies of a story); a newer search supersedes
        a pending one. False when no corpus is open."""
        workspace = self.workspace
        if workspace is None:
            return False
        if self._search_task is not None:
            self._search_task.cancel()
        self.cancel_concordance()  # it read the results this search replaces
        during_indexing = self.is_indexing

        def job(progress: ProgressCallback, cancel: CancelToken) -> SearchOutcome | None:
            if cancel.cancelled:
                return None
            effective = request
            if entity_ids:
                terms = workspace.entities.entity_filter_terms(entity_ids)
                effective = replace(request, entities=tuple(tuple(t) for t in terms))
            results, folding = workspace.compare.stories(workspace.engine.search(effective), one_per_story)
            for row in range(min(len(results), FIRST_PAGE_HITS)):
                results.hit(row)  # snippets of the rows shown first are built here, not on the GUI thread
            return SearchOutcome(effective, results, results.histogram("day"), during_indexing, folding)

        self._search_task = self.reading.submit("search", job, succeeded=self._on_search_task_succeeded,
                                                failed=self._on_search_task_failed)
        return True

    def cancel_search(self) -> None:
        """Drop the pending search, if any."""
        if self._search_task is not None:
            self._search_task.cancel()
            self._search_task = None

    def load_article(self, results: SearchResults, row: int, entity_ids: Sequence[str] = (), occurrence: int = 0) -> None:
        """Read row ``row`` of ``results`` for the reader, with the matches the search already
        planned and the mentions of ``entity_ids``, to show match ``occurrence`` first;
        ``article_loaded`` follows."""
        workspace = self.workspace
        if workspace is None:
            return
        if self._article_task is not None:
            self._article_task.cancel()

        def job(progress: ProgressCallback, cancel: CancelToken) -> LoadedArticle | None:
            if cancel.cancelled:
                return None
            article, spans = results.article(row)
            mentions = workspace.entities.mentions(article.id, entity_ids) if entity_ids else []
            quotes = workspace.compare.quotes([article.id])
            return LoadedArticle(article, spans, mentions, occurrence, not results.browsing, quotes)

        self._article_task = self.reading.submit("article", job, succeeded=self._on_article_task_succeeded,
                                                 failed=self._on_article_task_failed)

    def load_concordance(self, results: SearchResults, sources: Sequence[str] = (), width: int = DEFAULT_WIDTH) -> None:
        """Load every occurrence in ``results`` (of ``sources`` only, if given), in slices:
        ``concordance_loaded`` follows for each, the first within a fraction of a second."""
        self.cancel_concordance()
        self._submit_concordance_slice(results, tuple(sources), width, first_row=0, lines_before=0)

    def cancel_concordance(self) -> None:
        """Stop loading the concordance (its slices already sent stay valid)."""
        if self._concordance_task is not None:
            self._concordance_task.cancel()
            self._concordance_task = None

    def _submit_concordance_slice(self, results: SearchResults, sources: tuple[str, ...], width: int,
                                  first_row: int, lines_before: int) -> None:
        first = first_row == 0

        def job(progress: ProgressCallback, cancel: CancelToken) -> ConcordanceSlice | None:
            if cancel.cancelled:
                return None
            lines, next_row = concordance_chunk(
                results, first_row, width, sources, max_lines=FIRST_CONCORDANCE_LINES if first else None,
                seconds=None if first else CONCORDANCE_SLICE_SECONDS)
            room = MAX_CONCORDANCE_LINES - lines_before
            capped = len(lines) >= room
            lines = lines[:room]
            total = lines_before + len(lines)
            return ConcordanceSlice(results, [keyed(line) for line in lines], next_row, total,
                                    finished=capped or next_row >= len(results), capped=capped)

        self._concordance_options = (sources, width)
        self._concordance_task = self.reading.submit("concordance", job, succeeded=self._on_concordance_task_succeeded,
                                                     failed=self._on_concordance_task_failed)

    # ----- exporting --------------------------------------------------------------------------

    def export(self, request: ExportRequest) -> bool:
        """Write an export file in the exporting lane (searches go on meanwhile);
        ``export_progressed`` reports, then ``export_finished`` or ``export_failed``. False when
        no corpus is open or an export already runs."""
        workspace = self.workspace
        if workspace is None or self._export_task is not None:
            return False

        def job(progress: ProgressCallback, cancel: CancelToken) -> ExportReport:
            return workspace.export(request, progress, cancel)

        self._export_task = self.exporting.submit("export", job, progressed=self._on_export_task_progressed,
                                                  succeeded=self._on_export_task_succeeded,
                                                  failed=self._on_export_task_failed)
        return True

    def cancel_export(self) -> None:
        """Stop the export at its next row: no file is left (an existing one is kept as it was)."""
        if self._export_task is not None:
            self._export_task.cancel()

    def mentions(self, article_id: str, entity_ids: Sequence[str]) -> list[EntityMention]:
        """The visible mentions of these entities in one article (a quick read for the GUI thread)."""
        if self.workspace is None or not entity_ids:
            return []
        return self.workspace.entities.mentions(article_id, entity_ids)

    # ----- closing ----------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop every job, join the lanes and close the workspace; results still on their way are dropped."""
        self._open_task = self._indexing_task = self._search_task = self._article_task = self._concordance_task = None
        self._export_task = None
        self.exporting.shutdown()
        self.reading.shutdown()
        self.indexing.shutdown()
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None

    # ----- slots ------------------------------------------------------------------------------

    def _current(self, task: Task | None) -> bool:
        return task is not None and self.sender() is task

    def _on_open_task_succeeded(self, workspace: Workspace) -> None:
        if not self._current(self._open_task):
            workspace.close()
            return
        self._open_task = None
        self.workspace = workspace
        self.opened.emit(self.corpus)

    def _on_open_task_failed(self, exc: BaseException) -> None:
        task = self._open_task
        if not self._current(task):
            return
        self._open_task = None
        self.corpus = None
        self.open_failed.emit(exc, _trace(task))

    def _on_indexing_task_progressed(self, progress: Any) -> None:
        if self._current(self._indexing_task):
            self.indexing_progressed.emit(progress)

    def _on_indexing_task_succeeded(self, indexed: Indexed) -> None:
        if self._current(self._indexing_task):
            self._indexing_task = None
            self.indexing_finished.emit(indexed)

    def _on_indexing_task_failed(self, exc: BaseException) -> None:
        task = self._indexing_task
        if self._current(task):
            self._indexing_task = None
            self.indexing_failed.emit(exc, _trace(task))

    def _on_search_task_succeeded(self, outcome: SearchOutcome | None) -> None:
        if self._current(self._search_task) and outcome is not None:
            self._search_task = None
            self.search_finished.emit(outcome)

    def _on_search_task_failed(self, exc: BaseException) -> None:
        task = self._search_task
        if self._current(task):
            self._search_task = None
            self.search_failed.emit(exc, _trace(task))

    def _on_article_task_succeeded(self, loaded: LoadedArticle | None) -> None:
        if self._current(self._article_task) and loaded is not None:
            self._article_task = None
            self.article_loaded.emit(loaded)

    def _on_article_task_failed(self, exc: BaseException) -> None:
        task = self._article_task
        if self._current(task):
            self._article_task = None
            self.article_failed.emit(exc, _trace(task))

    def _on_concordance_task_succeeded(self, loaded: ConcordanceSlice | None) -> None:
        if not self._current(self._concordance_task) or loaded is None:
            return
        self._concordance_task = None
        self.concordance_loaded.emit(loaded)
        if not loaded.finished and self._concordance_task is None:  # a receiver may have asked for another
            sources, width = self._concordance_options
            self._submit_concordance_slice(loaded.results, sources, width, loaded.rows_done, loaded.lines_total)

    def _on_concordance_task_failed(self, exc: BaseException) -> None:
        task = self._concordance_task
        if self._current(task):
            self._concordance_task = None
            self.concordance_failed.emit(exc, _trace(task))

    def _on_export_task_progressed(self, progress: Any) -> None:
        if self._current(self._export_task):
            self.export_progressed.emit(progress)

    def _on_export_task_succeeded(self, report: ExportReport) -> None:
        if self._current(self._export_task):
            self._export_task = None
            self.export_finished.emit(report)

    def _on_export_task_failed(self, exc: BaseException) -> None:
        task = self._export_task
        if self._current(task):
            self._export_task = None
            self.export_failed.emit(exc, _trace(task))


def _trace(task: Task | None) -> str:
    return task.traceback_text if task is not None else ""
