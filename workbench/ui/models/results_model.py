"""Table model over a core ``SearchResults``: one row per hit, materialised lazily.

A query may match 30,000 articles. The model exposes rows in batches through
``canFetchMore``/``fetchMore`` (the view asks for more as the user scrolls) and only calls
``results.hit(i)`` for rows the view actually paints, which the core computes lazily and caches.

The columns are declared once, in ``COLUMNS``: their title, the core sort order a click on their
header asks for, and how the view sizes them. Sorting is the core's job (it orders every match,
not just the rows loaded): ``sort()`` only says which order the user wants, through
``sort_requested``, and the window searches again. A column added later is one more entry here.

Near-duplicate copies are not a column: ``SIMILAR_ROLE`` and ``COPY_ROLE`` (any column) say how
many copies a row's story has and whether the row is itself a copy, which the view folds.

The user's marks come from a ``MarksSource`` (``ui.marks.UserMarks``): the first column's
checkbox says whether the article is in the current selection (clicking it asks, through
``tick_requested``, to change that; the marks then come back changed), and ``MARKS_ROLE``
gives the row's tags and note, which the view paints beside the title.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from workbench.core.compare import MAX_ARTICLES
from workbench.ui.i18n import translate_noop
from workbench.ui.numbers import decimal, digits

if TYPE_CHECKING:
    from workbench.core.compare import StoryFolding
    from workbench.core.search import Hit, SearchResults, Snippet
    from workbench.core.userdata import ArticleMarks

ModelIndex = QModelIndex | QPersistentModelIndex

BATCH_SIZE = 200
"""Rows added per fetchMore()."""

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
"""data() role returning the row's core ``Hit``."""
KWIC_ROLE = Qt.ItemDataRole.UserRole + 2
"""data() role returning the row's keyword-in-context line: (before, match, after); the match is
empty when the search has no words (a browse), and the line is then the article's lead."""
SIMILAR_ROLE = Qt.ItemDataRole.UserRole + 3
"""data() role returning how many near-duplicate copies the row's story has (0: it heads none)."""
COPY_ROLE = Qt.ItemDataRole.UserRole + 4
"""data() role returning True for a row that is a copy of the story of an earlier row."""
MARKS_ROLE = Qt.ItemDataRole.UserRole + 5
"""data() role returning the row's ``ArticleMarks`` (tags, note, selections); None without a MarksSource."""


class MarksSource(Protocol):
    """Where the model reads the user's marks (``ui.marks.UserMarks``)."""

    def marks_of(self, article_id: str) -> ArticleMarks:
        """The article's tags, note and selections."""

    def is_ticked(self, article_id: str) -> bool:
        """True when the article is in the current selection."""


@dataclass(frozen=True)
class ResultColumn:
    """One column of the results table."""

    key: str
    title: str
    """English title, translated in the ``ResultsModel`` context."""
    ascending: str | None
    """The core sort order a click asks for when the header shows an ascending arrow (None:
    the column sorts one way only, the other one)."""
    descending: str | None
    """... and when it shows a descending one."""
    stretch: bool = False
    """Takes the width the other columns leave."""
    sample: str = ""
    """Text whose width (plus margins) the column gets, where it does not stretch."""
    optional: bool = False
    """Hidden when the list is too narrow to show the title and its match well."""


COLUMNS: tuple[ResultColumn, ...] = (
    ResultColumn("ticked", "✓", None, None),  # a sign, the same in every language
    ResultColumn("title", translate_noop("ResultsModel", "Title"), "title", None, stretch=True),
    ResultColumn("source", translate_noop("ResultsModel", "Source"), "source", None, sample="aleqtisadiya"),
    ResultColumn("date", translate_noop("ResultsModel", "Date"), "date-asc", "date", sample="0000-00-00"),
    ResultColumn("score", translate_noop("ResultsModel", "Score"), None, "relevance", sample="00.00", optional=True),
)
COLUMN = {column.key: number for number, column in enumerate(COLUMNS)}
"""Column number by key."""

KWIC_LEAD_CHARS = 160
"""Characters of an article's lead shown as the second line of a row when there is no match."""


def kwic_line(snippet: Snippet | None) -> tuple[str, str, str]:
    """The (before, match, after) of a snippet's first match; (lead, "", "") without a match."""
    if snippet is None:
        return "", "", ""
    text = snippet.text
    if not snippet.highlights:
        return text[:KWIC_LEAD_CHARS], "", ""
    start, end = min(snippet.highlights)
    return text[:start], text[start:end], text[end:]


class ResultsModel(QAbstractTableModel):
    """The results table: a checkbox, title (over a keyword-in-context line), source, date, score."""

    TICKED, TITLE, SOURCE, DATE, SCORE = (COLUMN[key] for key in ("ticked", "title", "source", "date", "score"))

    sort_requested = Signal(str)
    """The user clicked a column header; carries the core sort order to search with."""
    tick_requested = Signal(list, bool)
    """The user clicked a row's checkbox: the article ids, and whether to tick or untick them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._results: SearchResults | None = None
        self._folding: StoryFolding | None = None
        self._heads: dict[int, int] = {}
        """Row of each copy -> row of its story."""
        self._loaded = 0
        self._marks: MarksSource | None = None

    @property
    def results(self) -> SearchResults | None:
        """The results shown, or None."""
        return self._results

    def set_results(self, results: SearchResults | None, folding: StoryFolding | None = None) -> None:
        """Show new results (None clears the table), folded by story when ``folding`` (made for
        these results) is given; only the first batch of rows is exposed."""
        self.beginResetModel()
        self._results = results
        self._folding = folding
        self._heads = {copy: head for head in range(len(folding.ids)) for copy in folding.copy_rows(head)} \
            if folding is not None else {}
        self._loaded = min(BATCH_SIZE, len(results)) if results is not None else 0
        self.endResetModel()

    def available(self) -> int:
        """Hits the results can provide (may exceed the rows exposed so far)."""
        return len(self._results) if self._results is not None else 0

    def hit(self, row: int) -> Hit:
        """The core hit behind a row."""
        assert self._results is not None
        return self._results.hit(row)

    def story_ids(self, row: int) -> list[str]:
        """The article of ``row`` and its near-duplicate copies (the first four: as many as the
        comparison view shows); only the row's own article when it heads no story."""
        story = self._folding.story_at(row) if self._folding is not None else None
        if story is not None:
            return list(story.ids()[:MAX_ARTICLES])
        assert self._results is not None
        return [self._results.hit(row).id]

    def similar_count(self, row: int) -> int:
        """Copies of the story ``row`` heads (also those left out with "one per story")."""
        story = self._folding.story_at(row) if self._folding is not None else None
        return len(story.copies) if story is not None else 0

    def copy_rows(self, row: int) -> list[int]:
        """The rows of the copies folded under ``row`` (none when they were left out)."""
        return self._folding.copy_rows(row) if self._folding is not None else []

    def story_head(self, row: int) -> int | None:
        """The row of the story ``row`` is a copy of, or None."""
        return self._heads.get(row)

    def article_ids(self, rows: list[int]) -> list[str]:
        """The article ids of these rows."""
        return [self.hit(row).id for row in rows if 0 <= row < self._loaded]

    def set_marks(self, marks: MarksSource | None) -> None:
        """Read the user's marks from ``marks`` from now on."""
        self._marks = marks
        self.marks_changed()

    def marks_changed(self) -> None:
        """The marks changed: repaint the checkboxes and the tags of the loaded rows."""
        if self._loaded:
            self.dataChanged.emit(self.index(0, 0), self.index(self._loaded - 1, len(COLUMNS) - 1))

    def retranslate(self) -> None:
        """Tell views the header titles changed language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self.marks_changed()

    @staticmethod
    def column_for_sort(sort: str) -> tuple[int, Qt.SortOrder] | None:
        """The column and arrow that show the core sort order ``sort`` (None: no column does)."""
        for number, column in enumerate(COLUMNS):
            if sort == column.descending:
                return number, Qt.SortOrder.DescendingOrder
            if sort == column.ascending:
                return number, Qt.SortOrder.AscendingOrder
        return None

    # ----- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: ModelIndex) -> bool:
        return not parent.isValid() and self._loaded < self.available()

    def fetchMore(self, parent: ModelIndex) -> None:
        if parent.isValid():
            return
        count = min(BATCH_SIZE, self.available() - self._loaded)
        if count <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + count - 1)
        self._loaded += count
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            spec = COLUMNS[column]
            wanted = spec.ascending if order == Qt.SortOrder.AscendingOrder else spec.descending
            sort = wanted or spec.ascending or spec.descending
            if sort:
                self.sort_requested.emit(sort)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.TICKED and self._marks is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != self.TICKED or self._marks is None \
                or not index.isValid() or index.row() >= self._loaded:
            return False
        self.tick_requested.emit([self.hit(index.row()).id], Qt.CheckState(value) == Qt.CheckState.Checked)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal and section == self.TICKED:
            return QCoreApplication.translate("ResultsModel", "In the current selection (click or Space to tick)")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return digits(str(section + 1))
        if 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("ResultsModel", COLUMNS[section].title)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._results is None or index.row() >= self._loaded:
            return None
        column = index.column()
        if column == self.TICKED and role not in (HIT_ROLE, KWIC_ROLE, MARKS_ROLE, SIMILAR_ROLE, COPY_ROLE):
            return self._ticked_data(index.row(), role)
        if role == MARKS_ROLE:
            return None if self._marks is None else self._marks.marks_of(self._results.hit(index.row()).id)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == self.TITLE:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignTop)
            return int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        if role == SIMILAR_ROLE:
            return self.similar_count(index.row())
        if role == COPY_ROLE:
            return index.row() in self._heads
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, HIT_ROLE, KWIC_ROLE):
            return None
        hit = self._results.hit(index.row())
        if role == HIT_ROLE:
            return hit
        if role == KWIC_ROLE:
            return kwic_line(hit.snippets[0] if hit.snippets else None)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(hit, self._story_sources(index.row())) if column == self.TITLE else None
        if column == self.TITLE:
            return hit.title or hit.path
        if column == self.SOURCE:
            return hit.source
        if column == self.DATE:
            return digits(hit.date)
        if column == self.SCORE:
            return "" if self._results.browsing else decimal(hit.score, 2)
        return None

    def _story_sources(self, row: int) -> str:
        """"Also in: okaz, alriyadh" for the row of a story with copies ("" otherwise)."""
        story = self._folding.story_at(row) if self._folding is not None else None
        if story is None:
            return ""
        sources = ", ".join(dict.fromkeys(source or "?" for source in story.sources))
        return QCoreApplication.translate("ResultsModel", "Similar copies from: {sources}").format(sources=sources)

    def _ticked_data(self, row: int, role: int) -> Any:
        if self._marks is None or self._results is None:
            return None
        if role == Qt.ItemDataRole.CheckStateRole:
            ticked = self._marks.is_ticked(self._results.hit(row).id)
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _tooltip(self, hit: Hit, story: str = "") -> str:
        """The whole title, where the article is (a long title is elided in the cell), where its
        story's copies come from, its tags and note."""
        parts = [hit.title, hit.id, story]
        if self._marks is not None:
            marks = self._marks.marks_of(hit.id)
            if marks.tags:
                parts.append(QCoreApplication.translate("ResultsModel", "Tags: {tags}").format(tags="، ".join(marks.tags)))
            if marks.note:
                parts.append(QCoreApplication.translate("ResultsModel", "Note: {note}").format(note=marks.note))
        return "\n".join(part for part in parts if part)
