"""Table model of the concordance: one row per occurrence, before | match | after | source.

Lines arrive in chunks from the session (the first thousand at once, the rest while the user
reads) with their sort keys already computed off the GUI thread (``KeyedLine``), so sorting a
hundred thousand lines here only compares keys. ``sort_side`` None keeps the order of the
results and the text.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from workbench.core.search.kwic import ConcordanceLine, sort_key
from workbench.ui.i18n import translate_noop
from workbench.ui.numbers import digits

ModelIndex = QModelIndex | QPersistentModelIndex
LINE_ROLE = Qt.ItemDataRole.UserRole + 1
"""data() role returning the row's core ``ConcordanceLine``."""

SortKey = tuple[tuple[str, ...], str, tuple[str, ...]]


class KeyedLine(NamedTuple):
    """A concordance line with its left and right sort keys (computed on a worker thread)."""

    line: ConcordanceLine
    left: SortKey
    right: SortKey


def keyed(line: ConcordanceLine) -> KeyedLine:
    """A line and both of its sort keys."""
    return KeyedLine(line, sort_key(line, "left"), sort_key(line, "right"))


HEADERS = (
    translate_noop("ConcordanceModel", "Before"),
    translate_noop("ConcordanceModel", "Match"),
    translate_noop("ConcordanceModel", "After"),
    translate_noop("ConcordanceModel", "Source"),
)


class ConcordanceModel(QAbstractTableModel):
    """The lines of one concordance, in text order or sorted by the words left or right."""

    BEFORE, MATCH, AFTER, SOURCE = range(4)

    sort_requested = Signal(object)
    """The user clicked a header: "left", "right", or None for text order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[KeyedLine] = []
        self._order: list[int] = []
        self._side: str | None = None

    @property
    def sort_side(self) -> str | None:
        """"left", "right", or None (the order of the results, then of the text)."""
        return self._side

    def line(self, row: int) -> ConcordanceLine:
        """The core line shown at ``row``."""
        return self._lines[self._order[row]].line

    def lines(self) -> list[ConcordanceLine]:
        """Every line, in the order shown."""
        return [self._lines[i].line for i in self._order]

    def clear(self) -> None:
        """Show no lines."""
        self.beginResetModel()
        self._lines, self._order = [], []
        self.endResetModel()

    def append(self, lines: Sequence[KeyedLine]) -> None:
        """Add lines: at the end in text order, or merged into place when sorted."""
        if not lines:
            return
        if self._side is None:
            first = len(self._lines)
            self.beginInsertRows(QModelIndex(), first, first + len(lines) - 1)
            self._lines.extend(lines)
            self._order.extend(range(first, len(self._lines)))
            self.endInsertRows()
            return
        self.layoutAboutToBeChanged.emit()
        first = len(self._lines)
        self._lines.extend(lines)
        # Merge the new lines into the sorted order rather than sorting everything again: a
        # slice arrives every quarter second while a long concordance loads.
        key = self._sort_key()
        added = sorted(range(first, len(self._lines)), key=key)
        self._order = list(heapq.merge(self._order, added, key=key))
        self.layoutChanged.emit()

    def set_sort_side(self, side: str | None) -> None:
        """Order the lines by the words ``side`` of the match (None: text order)."""
        self.layoutAboutToBeChanged.emit()
        self._side = side
        self._order = self._sorted_order()
        self.layoutChanged.emit()

    def retranslate(self) -> None:
        """Tell views the header titles changed language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)

    def _sort_key(self) -> Callable[[int], SortKey]:
        """The key of line i in the order chosen (sorted orders only)."""
        if self._side == "left":
            return lambda i: self._lines[i].left
        return lambda i: self._lines[i].right

    def _sorted_order(self) -> list[int]:
        indices = range(len(self._lines))
        if self._side is None:
            return list(indices)
        return sorted(indices, key=self._sort_key())

    # ----- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(HEADERS)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        side = {self.BEFORE: "left", self.AFTER: "right"}.get(column)
        self.sort_requested.emit(side)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return QCoreApplication.translate("ConcordanceModel", HEADERS[section]) if 0 <= section < len(HEADERS) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._order):
            return None
        line = self.line(index.row())
        column = index.column()
        if role == LINE_ROLE:
            return line
        if role == Qt.ItemDataRole.DisplayRole:
            return (line.left.strip(), line.match, line.right.strip(), line.source)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(part for part in (line.title, " · ".join(p for p in (line.source, digits(line.date)) if p),
                                               line.article_id) if part)
        return None
