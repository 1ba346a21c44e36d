"""Table model over a core ``SearchResults``: one row per hit, materialised lazily.

A query may match 30,000 articles. The model exposes rows in batches through
``canFetchMore``/``fetchMore`` (the view asks for more as the user scrolls) and only calls
``results.hit(i)`` for rows the view actually paints, which the core computes lazily and caches.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from workbench.core.search import Hit, SearchResults, Snippet

ModelIndex = QModelIndex | QPersistentModelIndex

BATCH_SIZE = 200
"""Rows added per fetchMore()."""

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
"""data() role returning the row's core ``Hit``."""
SNIPPET_HTML_ROLE = Qt.ItemDataRole.UserRole + 2
"""data() role returning the first snippet as HTML with the matches in bold."""


TABLE_LEAD_CHARS = 12
"""Context (about two words) kept before the first match in the snippet column: the cell shows
the first line only, so the match must come early to be seen in a narrow column."""


def snippet_html(snippet: Snippet, lead: int | None = None) -> str:
    """A snippet's text as escaped HTML with each highlighted span in <b>.

    With ``lead``, the text starts at most about that many characters (on a word boundary)
    before the first match, after an ellipsis.
    """
    text, highlights = snippet.text, sorted(snippet.highlights)
    prefix = ""
    if lead is not None and highlights and highlights[0][0] > lead:
        first = highlights[0][0]
        space = text.find(" ", first - lead, first)
        cut = space + 1 if space != -1 else first - lead
        text, prefix = text[cut:], "… "
        highlights = [(start - cut, end - cut) for start, end in highlights]
    parts: list[str] = [prefix]
    position = 0
    for start, end in highlights:
        start, end = max(start, position), min(end, len(text))
        if start >= end:
            continue
        parts.append(html.escape(text[position:start]))
        parts.append(f"<b>{html.escape(text[start:end])}</b>")
        position = end
    parts.append(html.escape(text[position:]))
    return "".join(parts).replace("\n", " ")


class ResultsModel(QAbstractTableModel):
    """The results table: title, source, date, score, first snippet."""

    TITLE, SOURCE, DATE, SCORE, SNIPPET = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._results: SearchResults | None = None
        self._loaded = 0

    @property
    def results(self) -> SearchResults | None:
        """The results shown, or None."""
        return self._results

    def set_results(self, results: SearchResults | None) -> None:
        """Show new results (None clears the table); only the first batch of rows is exposed."""
        self.beginResetModel()
        self._results = results
        self._loaded = min(BATCH_SIZE, len(results)) if results is not None else 0
        self.endResetModel()

    def available(self) -> int:
        """Hits the results can provide (may exceed the rows exposed so far)."""
        return len(self._results) if self._results is not None else 0

    def hit(self, row: int) -> Hit:
        """The core hit behind a row."""
        assert self._results is not None
        return self._results.hit(row)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else 5

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

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return {
            self.TITLE: self.tr("Title"),
            self.SOURCE: self.tr("Source"),
            self.DATE: self.tr("Date"),
            self.SCORE: self.tr("Score"),
            self.SNIPPET: self.tr("Snippet"),
        }.get(section)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._results is None or index.row() >= self._loaded:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (self.TITLE, self.SNIPPET):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, HIT_ROLE, SNIPPET_HTML_ROLE):
            return None
        hit = self._results.hit(index.row())
        if role == HIT_ROLE:
            return hit
        if role == SNIPPET_HTML_ROLE:
            return snippet_html(hit.snippets[0], lead=TABLE_LEAD_CHARS) if hit.snippets else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.path if column == self.TITLE else None
        if column == self.TITLE:
            return hit.title or hit.path
        if column == self.SOURCE:
            return hit.source
        if column == self.DATE:
            return hit.date
        if column == self.SCORE:
            return f"{hit.score:.2f}"
        return hit.snippets[0].text.replace("\n", " ") if hit.snippets else ""
