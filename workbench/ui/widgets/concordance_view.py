"""The concordance (KWIC) view: every occurrence of the query in the results, aligned on the match.

Above the lines: a source filter (with each source's number of matching articles) and the sort
(text order, or the words to the left or right of the match, as in AntConc); a header click
sorts too. The table is laid out in the direction of the corpus's text: for Arabic the words
before the match are in the right-hand column. Selecting a line (click, arrows) asks to open
its article at that occurrence. The view shows what the main window loads through the session;
it asks for a reload when its source filter changes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.core.search.kwic import ConcordanceLine
from workbench.ui.bidi import text_direction
from workbench.ui.i18n import Retranslating
from workbench.ui.models.concordance_model import ConcordanceModel, KeyedLine
from workbench.ui.numbers import number
from workbench.ui.widgets.kwic_painting import (
    MATCH_BACKGROUND,
    MATCH_TEXT,
    paint_cell_background,
    text_colour,
)

MAX_MATCH_COLUMN = 220
SOURCE_COLUMN = 90


class _ContextDelegate(QStyledItemDelegate):
    """Paints a context cell against the match: its near end shown, its far end elided."""

    def __init__(self, side: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        opt, text, selected = paint_cell_background(self, painter, option, index)
        rect = QRectF(opt.rect).adjusted(3, 0, -3, 0)
        painter.save()
        painter.setPen(text_colour(opt, selected))
        if self.side == "match":
            painter.fillRect(QRectF(rect.left(), rect.top() + 2, rect.width(), rect.height() - 4), MATCH_BACKGROUND)
            painter.setPen(MATCH_TEXT)
            alignment = Qt.AlignmentFlag.AlignHCenter
            elide = Qt.TextElideMode.ElideRight
        else:
            rtl = opt.direction == Qt.LayoutDirection.RightToLeft
            before = self.side == "before"
            towards_match = Qt.AlignmentFlag.AlignLeft if rtl == before else Qt.AlignmentFlag.AlignRight
            alignment = towards_match
            elide = Qt.TextElideMode.ElideLeft if before else Qt.TextElideMode.ElideRight
        painter.setLayoutDirection(text_direction(text))
        shown = opt.fontMetrics.elidedText(text, elide, int(rect.width()))
        painter.drawText(rect, int(alignment | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter), shown)
        painter.restore()


class ConcordanceView(Retranslating, QWidget):
    """Source filter, sort, progress, and the table of lines."""

    line_selected = Signal(object)
    """The user selected a line: carries the core ``ConcordanceLine`` to open."""
    source_filter_changed = Signal(tuple)
    toggle_requested = Signal(list)
    """Space on a line: tick (or untick) its article; carries the line's row in the results."""
    """The user chose a source (a 1-tuple) or all sources (empty): the lines must be reloaded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("concordance_view")
        self.model = ConcordanceModel(self)
        self.model.sort_requested.connect(self._on_model_sort_requested)
        self.source_label = QLabel()
        self.source_box = QComboBox()
        self.source_box.setObjectName("concordance_source")
        self.source_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.source_box.setMinimumContentsLength(8)
        self.source_box.activated.connect(self._on_source_box_activated)
        self.source_label.setBuddy(self.source_box)
        self.sort_label = QLabel()
        self.sort_box = QComboBox()
        self.sort_box.setObjectName("concordance_sort")
        self.sort_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.sort_box.setMinimumContentsLength(12)
        self.sort_box.activated.connect(self._on_sort_box_activated)
        self.sort_label.setBuddy(self.sort_box)
        self.status_label = QLabel()
        self.status_label.setObjectName("concordance_status")
        self.status_label.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("concordance_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._on_header_sort_indicator_changed)
        for column in (ConcordanceModel.BEFORE, ConcordanceModel.AFTER):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (ConcordanceModel.MATCH, ConcordanceModel.SOURCE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(ConcordanceModel.SOURCE, SOURCE_COLUMN)
        self._delegates = [_ContextDelegate(side, self.table) for side in ("before", "match", "after")]
        for column, delegate in enumerate(self._delegates):
            self.table.setItemDelegateForColumn(column, delegate)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.table.activated.connect(self._on_table_activated)
        self.toggle_action = QAction(self.table)
        self.toggle_action.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.toggle_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.toggle_action.triggered.connect(self._on_toggle_action_triggered)
        self.table.addAction(self.toggle_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        controls = QHBoxLayout()
        controls.addWidget(self.source_label)
        controls.addWidget(self.source_box, 1)
        controls.addWidget(self.sort_label)
        controls.addWidget(self.sort_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.status_label)
        layout.addWidget(self.table, 1)
        self._sources: dict[str, int] = {}
        self._status: tuple[int, int, int, bool, bool] | None = None
        self._empty_reason = ""
        self.retranslate()

    # ----- filling ----------------------------------------------------------------------------

    def set_sources(self, sources: Mapping[str, int]) -> None:
        """The sources of the results with their numbers of articles (the filter's choices)."""
        self._sources = dict(sources)
        self._fill_source_box("")

    def selected_sources(self) -> tuple[str, ...]:
        """The source the lines are filtered by (a 1-tuple), or () for all."""
        source = self.source_box.currentData()
        return (str(source),) if source else ()

    def clear(self, reason: str = "") -> None:
        """Show no lines; ``reason`` ("nothing to show": "", "no query", "not loaded") is told."""
        self.model.clear()
        self._status = None
        self._empty_reason = reason
        self._show_status()

    def add_lines(self, lines: Sequence[KeyedLine]) -> None:
        """Show more lines (the first chunk also sizes the match column and the direction)."""
        first = self.model.rowCount() == 0
        self.model.append(lines)
        if first and lines:
            sample = [keyed.line.match for keyed in lines[:200]]
            width = max(self.fontMetrics().horizontalAdvance(match) for match in sample) + 12
            self.table.setColumnWidth(ConcordanceModel.MATCH, min(MAX_MATCH_COLUMN, width))
            self.table.setLayoutDirection(text_direction(sample[0]))

    def show_progress(self, lines: int, rows_done: int, rows_total: int, finished: bool, capped: bool) -> None:
        """Say how many lines from how many articles are shown, and whether more are coming."""
        self._status = (lines, rows_done, rows_total, finished, capped)
        self._show_status()

    def line_count(self) -> int:
        """Lines shown."""
        return self.model.rowCount()

    def select_line(self, row: int) -> None:
        """Select (and so open) the line at ``row``."""
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, 0))

    # ----- language ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        self.source_label.setText(self.tr("Source:"))
        self.sort_label.setText(self.tr("Sort:"))
        self._fill_source_box(self.source_box.currentData() or "")
        current = self.model.sort_side
        self.sort_box.clear()
        self.sort_box.addItem(self.tr("Text order"), None)
        self.sort_box.addItem(self.tr("Words before the match (left)"), "left")
        self.sort_box.addItem(self.tr("Words after the match (right)"), "right")
        self.sort_box.setCurrentIndex(max(0, self.sort_box.findData(current)))
        self.table.setToolTip(self.tr("Select a line to read its article at that place"))
        self.model.retranslate()
        self._show_status()

    def _fill_source_box(self, current: str) -> None:
        self.source_box.clear()
        self.source_box.addItem(self.tr("All sources"), "")
        for name, count in sorted(self._sources.items(), key=lambda item: (-item[1], item[0])):
            self.source_box.addItem(f"{name} ({number(count)})", name)
        self.source_box.setCurrentIndex(max(0, self.source_box.findData(current)))

    def _show_status(self) -> None:
        if self._status is None:
            self.status_label.setText({
                "no query": self.tr("Type a query: the concordance lists every place it matches."),
                "not loaded": self.tr("Loading the concordance…"),
            }.get(self._empty_reason, ""))
            return
        lines, rows_done, rows_total, finished, capped = self._status
        articles = self.tr("from %Ln articles", "", rows_done)
        if capped:
            text = self.tr("{lines} {articles}: the first lines only (narrow the query to see all)")
        elif finished:
            text = "{lines} {articles}"
        else:
            text = self.tr("{lines} {articles} of {total}; loading more…")
        self.status_label.setText(text.format(lines=self.tr("%Ln lines", "", lines), articles=articles,
                                              total=number(rows_total)))

    # ----- slots ------------------------------------------------------------------------------

    def _on_source_box_activated(self, _index: int) -> None:
        self.source_filter_changed.emit(self.selected_sources())

    def _on_sort_box_activated(self, _index: int) -> None:
        side = self.sort_box.currentData()
        self._apply_sort(side if side in ("left", "right") else None)

    def _on_model_sort_requested(self, side: str | None) -> None:
        self._apply_sort(side)

    def _apply_sort(self, side: str | None) -> None:
        self.model.set_sort_side(side)
        self.sort_box.setCurrentIndex(max(0, self.sort_box.findData(side)))
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        column = {"left": ConcordanceModel.BEFORE, "right": ConcordanceModel.AFTER}.get(side or "", -1)
        header.setSortIndicator(column, Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)
        self.table.scrollToTop()

    def _on_header_sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        self.model.sort(column, order)

    def _on_table_current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid():
            self._emit_line(current.row())

    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self._emit_line(index.row())

    def _on_toggle_action_triggered(self) -> None:
        current = self.table.currentIndex()
        if current.isValid():
            line: ConcordanceLine = self.model.line(current.row())
            self.toggle_requested.emit([line.row])

    def _emit_line(self, row: int) -> None:
        line: ConcordanceLine = self.model.line(row)
        self.line_selected.emit(line)
