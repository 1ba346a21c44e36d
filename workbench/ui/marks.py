"""The user's marks (selections, tags, notes) of the open corpus, as the GUI's views see them.

``UserMarks`` keeps a snapshot of every mark (``MarksSnapshot``: a few bytes per marked
article, read from the store alone), which the results, the reader, the concordance and the
selections dock read on the GUI thread without waiting. Every change (a tick, a tag, a note, a
new selection) is one job in the session's reading lane: the core commits it at once (one
transaction of the store), then the job reads the snapshot again and ``changed`` hands it to the
views. Which articles are *missing* (marked, but their file is gone from the index) only changes
when the index does, so it is read when the corpus opens and after each indexing run.

Ticks go into the *current* selection; the first tick with no selection at all makes one. The
current selection is remembered per corpus in the settings, so the next run of the app ticks
into it again (the first selection when it was deleted meanwhile).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from workbench.core.progress import CancelToken, ProgressCallback
from workbench.core.search import SearchRequest
from workbench.core.userdata import AnnotatedArticle, Annotations, ArticleMarks, Selection
from workbench.core.workspace import Workspace
from workbench.ui.session import CorpusSession
from workbench.ui.settings import Settings

NO_MARKS = ArticleMarks((), "", ())


@dataclass(frozen=True)
class MarksSnapshot:
    """Every mark of the corpus at one moment of the store."""

    marks: dict[str, ArticleMarks] = field(default_factory=dict)
    """The marks of each marked article, by id."""
    selections: tuple[Selection, ...] = ()
    """Every selection with its size, by name."""
    tags: tuple[tuple[str, int], ...] = ()
    """Every tag in use and its number of articles, most used first (for completion)."""
    missing: dict[str, AnnotatedArticle] = field(default_factory=dict)
    """Marked articles whose file is gone from the index, by id (as the store remembers them)."""

    def of(self, article_id: str) -> ArticleMarks:
        """The marks of one article (none: empty marks)."""
        return self.marks.get(article_id, NO_MARKS)

    def present_in(self, selection: str) -> list[str]:
        """The ids of a selection's articles that are in the corpus (not missing)."""
        return [article_id for article_id, marks in self.marks.items()
                if selection in marks.selections and article_id not in self.missing]

    def missing_in(self, selection: str) -> list[AnnotatedArticle]:
        """The missing articles of a selection."""
        return [article for article in self.missing.values() if selection in article.selections]


Change = Callable[[Annotations], object]
"""A change of the store, run in the reading lane."""


class UserMarks(QObject):
    """The marks of the session's corpus: a snapshot for the views, and the changes they ask for."""

    changed = Signal(object)
    """A new ``MarksSnapshot`` (after a change, or a corpus opened or re-indexed)."""
    failed = Signal(object, str)
    """A change was refused (AnnotationError: a taken name...) or failed: the exception and its trace."""
    current_changed = Signal(str)
    """The selection ticks go into changed; carries its name ("" when there is none)."""

    def __init__(self, session: CorpusSession, default_selection: Callable[[], str], settings: Settings,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._default_selection = default_selection
        """The name of the selection the first tick makes (in the interface language)."""
        self._settings = settings
        self.snapshot = MarksSnapshot()
        self._current = ""
        self._remembered = ""
        """The current selection of the corpus's last session, until the first snapshot arrives."""
        session.opened.connect(self._on_session_opened)

    # ----- reading ----------------------------------------------------------------------------

    @property
    def current(self) -> str:
        """The selection ticks go into ("" when there is none yet)."""
        return self._current

    def set_current(self, name: str) -> None:
        """Make ``name`` the selection ticks go into (remembered for the corpus's next session)."""
        if self._session.corpus is not None and not self._remembered:
            self._settings.set_current_selection(self._session.corpus, name)
        if name != self._current:
            self._current = name
            self.current_changed.emit(name)

    def marks_of(self, article_id: str) -> ArticleMarks:
        """The article's tags, note and selections."""
        return self.snapshot.of(article_id)

    def is_ticked(self, article_id: str) -> bool:
        """True when the article is in the current selection."""
        return bool(self._current) and self._current in self.snapshot.of(article_id).selections

    def refresh(self) -> None:
        """Read every mark again, which articles are missing included (after indexing)."""
        self._run("marks", None, with_missing=True)

    # ----- changes ----------------------------------------------------------------------------

    def tick(self, article_ids: Sequence[str], ticked: bool) -> None:
        """Put the articles in the current selection (made first when there is none), or take them out."""
        ids = list(article_ids)
        if not ids:
            return
        if not self._current:
            self.set_current(self._unused_name(self._default_selection()))
        name = self._current
        if ticked:
            self._run("tick", lambda marks: marks.add_to_selection(name, ids))
        else:
            self._run("untick", lambda marks: marks.remove_from_selection(name, ids))

    def toggle(self, article_ids: Sequence[str]) -> None:
        """Tick the articles, or untick them when every one is ticked already (Space)."""
        self.tick(article_ids, not all(self.is_ticked(article_id) for article_id in article_ids))

    def add_results(self, request: SearchRequest) -> None:
        """Put every article matching ``request`` in the current selection."""
        workspace = self._session.workspace
        if workspace is None:
            return
        if not self._current:
            self.set_current(self._unused_name(self._default_selection()))
        name = self._current

        def change(marks: Annotations) -> None:
            marks.add_to_selection(name, workspace.engine.search_ids(request))

        self._run("add results", change)

    def set_tags(self, article_id: str, tags: Sequence[str]) -> None:
        """Make ``tags`` the article's tags."""
        self._run("tags", lambda marks: marks.set_tags(article_id, list(tags)))

    def set_note(self, article_id: str, text: str) -> None:
        """Make ``text`` the article's note (blank: no note)."""
        self._run("note", lambda marks: marks.set_note(article_id, text))

    def create_selection(self, name: str) -> None:
        """Make a new, empty selection, which becomes the current one."""
        self._run("new selection", lambda marks: marks.create_selection(name),
                  then=lambda: self.set_current(name.strip()))

    def rename_selection(self, name: str, new_name: str) -> None:
        """Rename a selection (the current one keeps being current)."""
        def then() -> None:
            if self._current == name:
                self.set_current(new_name.strip())

        self._run("rename selection", lambda marks: marks.rename_selection(name, new_name), then=then)

    def delete_selection(self, name: str) -> None:
        """Delete a selection (its articles keep their tags and notes)."""
        self._run("delete selection", lambda marks: marks.delete_selection(name))

    # ----- running ----------------------------------------------------------------------------

    def _unused_name(self, name: str) -> str:
        taken = {selection.name.casefold() for selection in self.snapshot.selections}
        candidate, number = name, 2
        while candidate.casefold() in taken:
            candidate, number = f"{name} {number}", number + 1
        return candidate

    def _run(self, name: str, change: Change | None, with_missing: bool = False,
             then: Callable[[], None] | None = None) -> None:
        workspace = self._session.workspace
        if workspace is None:
            return
        previous_missing = self.snapshot.missing

        def job(progress: ProgressCallback, cancel: CancelToken) -> MarksSnapshot:
            if change is not None:
                change(workspace.userdata)
            return _read_snapshot(workspace, None if with_missing else previous_missing)

        def succeeded(snapshot: MarksSnapshot) -> None:
            if self._session.workspace is not workspace:
                return  # the user opened another corpus meanwhile
            if then is not None:
                then()
            self._apply(snapshot)

        def failed(exc: BaseException) -> None:
            if self._session.workspace is workspace:
                self.failed.emit(exc, "".join(traceback.format_exception(exc)))
                self._run("marks", None)  # show what the store holds now

        self._session.submit(name, job, succeeded=succeeded, failed=failed)

    def _apply(self, snapshot: MarksSnapshot) -> None:
        self.snapshot = snapshot
        names = [selection.name for selection in snapshot.selections]
        wanted, self._remembered = self._remembered, ""
        if self._current not in names:
            self.set_current(wanted if wanted in names else names[0] if names else "")
        self.changed.emit(snapshot)

    def _on_session_opened(self, folder: Path) -> None:
        self.snapshot = MarksSnapshot()
        self._remembered = self._settings.current_selection(folder)
        self.set_current("")  # not remembered: the corpus's own snapshot comes next
        self.refresh()


def _read_snapshot(workspace: Workspace, missing: dict[str, AnnotatedArticle] | None) -> MarksSnapshot:
    """Read every mark; which articles are missing too when ``missing`` is None (asks the index)."""
    userdata = workspace.userdata
    marks = userdata.marks()
    if missing is None:
        missing = {article.record.id: article for article in userdata.annotated() if article.missing}
    else:  # an article still missing keeps its record; its marks may have changed
        missing = {article_id: _remarked(article, marks.get(article_id, NO_MARKS))
                   for article_id, article in missing.items() if article_id in marks}
    return MarksSnapshot(marks, tuple(userdata.selections()), tuple(userdata.tags()), missing)


def _remarked(article: AnnotatedArticle, marks: ArticleMarks) -> AnnotatedArticle:
    return AnnotatedArticle(article.record, marks.tags, marks.note, marks.selections, True)
