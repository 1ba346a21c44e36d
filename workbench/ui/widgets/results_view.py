"""The results list: each hit on two lines (its title over a keyword-in-context line with the match
centred), its source, date and score beside it; header clicks sort, selecting a row opens it.

Columns come from ``models.results_model.COLUMNS``: the title stretches over what the others
leave, and each other column is as wide as its content needs, so the match is visible at laptop
sizes without scrolling sideways. Arabic titles are laid out right-to-left whatever the
interface's direction.

The first column ticks the article into the current selection (click, or Space on the selected
rows: Shift and Ctrl select several); the article's tags are painted as small labels at the end
of its title line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from workbench.ui.bidi import text_direction
from workbench.ui.models.results_model import COLUMNS, COPY_ROLE, KWIC_ROLE, MARKS_ROLE, SIMILAR_ROLE, ResultsModel
from workbench.ui.numbers import number as localised_number
from workbench.ui.widgets.kwic_painting import paint_cell_background, paint_kwic_line, text_colour

CELL_PADDING = 6
"""Pixels left and right of a cell's text."""
MAX_SOURCE_WIDTH = 140
"""The source column never takes more than this (longer names are elided; the tooltip has them)."""
MIN_TITLE_WIDTH = 260
"""Below this width for the title (and its match), optional columns are hidden."""
COPY_INDENT = 18
"""How far a copy folded under its story is indented (pixels)."""
BADGE_PADDING = 6
BADGE_GAP = 4
BADGE_COLOUR = QColor("#e0e0e0")
TAG_COLOUR = QColor("#d7ecd9")
"""Background of a tag's label (a light green, readable under black text in both themes' cells)."""
MAX_TAGS_SHARE = 0.45
"""Tags take at most this share of the title line; more are elided."""


def paint_tags(painter: QPainter, rect: QRectF, tags: tuple[str, ...], font: QFont) -> float:
    """Paint ``tags`` as labels at the trailing end of ``rect`` (the end the painter's layout
    direction reads last), the first tag nearest the text before them; returns the width they
    took, so the title keeps the rest."""
    metrics = QFontMetrics(font)
    limit = rect.width() * MAX_TAGS_SHARE
    labels: list[tuple[str, float]] = []
    used = 0.0
    for tag in tags:
        width: float = metrics.horizontalAdvance(tag) + 2 * CELL_PADDING
        if used + width > limit:
            tag = metrics.elidedText(tag, Qt.TextElideMode.ElideRight, int(limit - used - 2 * CELL_PADDING))
            width = metrics.horizontalAdvance(tag) + 2 * CELL_PADDING
            if tag in ("", "…") or used + width > limit:
                break
        labels.append((tag, width))
        used += width + CELL_PADDING / 2
    if not labels:
        return 0.0
    trailing_is_left = painter.layoutDirection() == Qt.LayoutDirection.RightToLeft
    start = rect.left() + used if trailing_is_left else rect.right() - used  # the edge nearest the title
    painter.save()
    painter.setFont(font)
    offset = 0.0
    for tag, width in labels:
        left = start - offset - width if trailing_is_left else start + offset
        label = QRectF(left, rect.top() + 2, width, rect.height() - 4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TAG_COLOUR)
        painter.drawRoundedRect(label, 4, 4)
        painter.setPen(QColor("black"))
        painter.setLayoutDirection(text_direction(tag))
        painter.drawText(label, int(Qt.AlignmentFlag.AlignCenter), tag)
        offset += width + CELL_PADDING / 2
    painter.restore()
    return used


class HitDelegate(QStyledItemDelegate):
    """Paints a hit's title (first line) over its keyword-in-context line (second line); a story's
    row has a "+N similar" badge after its title, and the copies folded under it are indented."""

    def __init__(self, expanded: Callable[[int], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._expanded = expanded

    def badge_text(self, row: int, similar: int) -> str:
        """The badge of a story's row: how many copies, and whether they are shown."""
        if self._expanded(row):
            return self.tr("▴ {count} similar").format(count=localised_number(similar))
        return self.tr("+{count} similar").format(count=localised_number(similar))

    def badge_rect(self, rect: QRect, index: QModelIndex | QPersistentModelIndex, font: QFont) -> QRectF | None:
        """Where a story row's "+N similar" badge is painted in its cell ``rect`` (None for other
        rows): at the end of the title, on the edge the title does not start from."""
        found = self._badges(rect, index, font)
        return found[0] if found is not None else None

    def compare_badge_rect(self, rect: QRect, index: QModelIndex | QPersistentModelIndex, font: QFont) -> QRectF | None:
        """Where a story row's "Compare" badge is (beside "+N similar"; None for other rows)."""
        found = self._badges(rect, index, font)
        return found[1] if found is not None else None

    def _badges(self, rect: QRect, index: QModelIndex | QPersistentModelIndex,
                font: QFont) -> tuple[QRectF, QRectF] | None:
        similar = index.data(SIMILAR_ROLE)
        if not similar:
            return None
        metrics = QFontMetrics(_badge_font(font))
        width = metrics.horizontalAdvance(self.badge_text(index.row(), similar)) + 2 * BADGE_PADDING
        compare_width = metrics.horizontalAdvance(self.tr("Compare")) + 2 * BADGE_PADDING
        inner = QRectF(rect).adjusted(CELL_PADDING, 3, -CELL_PADDING, -2)
        height = inner.height() / 2 - 2
        if text_direction(str(index.data() or "")) == Qt.LayoutDirection.RightToLeft:
            compare_left = inner.left()
            left = compare_left + compare_width + BADGE_GAP
        else:
            compare_left = inner.right() - compare_width
            left = compare_left - BADGE_GAP - width
        return (QRectF(left, inner.top(), width, height), QRectF(compare_left, inner.top(), compare_width, height))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        opt, title, selected = paint_cell_background(self, painter, option, index)
        colour = text_colour(opt, selected)
        rect = QRectF(opt.rect).adjusted(CELL_PADDING, 2, -CELL_PADDING, -2)
        direction = text_direction(title)
        rtl = direction == Qt.LayoutDirection.RightToLeft
        if index.data(COPY_ROLE):  # a copy folded under its story: indented from the reading edge
            rect = rect.adjusted(0, 0, -COPY_INDENT, 0) if rtl else rect.adjusted(COPY_INDENT, 0, 0, 0)
        half = rect.height() / 2
        title_rect = QRectF(rect.left(), rect.top(), rect.width(), half)
        line_rect = QRectF(rect.left(), rect.top() + half, rect.width(), half)
        badges = self._badges(opt.rect, index, opt.font)
        if badges is not None:
            badge, compare = badges
            self._paint_badge(painter, badge, self.badge_text(index.row(), index.data(SIMILAR_ROLE)), opt.font)
            self._paint_badge(painter, compare, self.tr("Compare"), opt.font)
            taken = badge.width() + compare.width() + BADGE_GAP + CELL_PADDING
            title_rect = title_rect.adjusted(taken, 0, 0, 0) if rtl else title_rect.adjusted(0, 0, -taken, 0)
        marks = index.data(MARKS_ROLE)
        if marks is not None and marks.tags:  # after the title, before its badges
            painter.setLayoutDirection(direction)
            tags_width = paint_tags(painter, title_rect, marks.tags, opt.font)
            title_rect = title_rect.adjusted(tags_width, 0, 0, 0) if rtl else title_rect.adjusted(0, 0, -tags_width, 0)
        painter.save()
        title_font = QFont(opt.font)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(colour)
        painter.setLayoutDirection(direction)
        edge = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        elided = QFontMetrics(title_font).elidedText(title, Qt.TextElideMode.ElideRight, int(title_rect.width()))
        painter.drawText(title_rect, int(edge | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter), elided)
        painter.restore()
        painter.save()
        painter.setFont(opt.font)
        before, match, after = index.data(KWIC_ROLE) or ("", "", "")
        muted = opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText)
        paint_kwic_line(painter, line_rect, before, match, after, colour if match else muted)
        painter.restore()

    @staticmethod
    def _paint_badge(painter: QPainter, rect: QRectF, text: str, font: QFont) -> None:
        painter.save()
        painter.setFont(_badge_font(font))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BADGE_COLOUR)
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(QColor("black"))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()


def _badge_font(font: QFont) -> QFont:
    smaller = QFont(font)
    smaller.setPointSizeF(font.pointSizeF() * 0.85)
    return smaller


class TickDelegate(QStyledItemDelegate):
    """The selection checkbox, centred in its narrow column; a click anywhere in the cell toggles it."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        # The style would draw its own indicator at the cell's edge, beside the centred one.
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        opt, _text, _selected = paint_cell_background(self, painter, option, index)
        state = index.data(Qt.ItemDataRole.CheckStateRole)
        if state is None or opt.widget is None:
            return
        style = opt.widget.style()
        check = QStyleOptionViewItem(opt)
        size = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
        check.rect = QStyle.alignedRect(opt.direction, Qt.AlignmentFlag.AlignCenter, QSize(size, size), opt.rect)
        check.state = (check.state & ~QStyle.StateFlag.State_HasFocus) | (
            QStyle.StateFlag.State_On if Qt.CheckState(state) == Qt.CheckState.Checked else QStyle.StateFlag.State_Off)
        style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck, check, painter, opt.widget)

    def editorEvent(self, event: QEvent, model: QAbstractItemModel, option: QStyleOptionViewItem,
                    index: QModelIndex | QPersistentModelIndex) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent) \
                and event.button() == Qt.MouseButton.LeftButton and option.rect.contains(event.position().toPoint()):
            state = index.data(Qt.ItemDataRole.CheckStateRole)
            if state is not None:
                ticked = Qt.CheckState(state) != Qt.CheckState.Checked
                return model.setData(index, Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked,
                                     Qt.ItemDataRole.CheckStateRole)
        return False


class ResultsView(QTableView):
    """Keyboard-friendly results table: selecting a row (click, arrows) opens the hit."""

    row_selected = Signal(int)
    """The user selected a hit (click, arrows, Enter); carries its row in the results."""
    story_compare_requested = Signal(int)
    """The user clicked "Compare" on a story's row; carries the row."""
    toggle_requested = Signal(list)
    """Space: tick (or untick) the selected rows; carries their row numbers."""

    def __init__(self, model: ResultsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setObjectName("results_view")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.sortIndicatorChanged.connect(self._on_header_sort_indicator_changed)
        self._source_names: list[str] = []
        self._expanded: set[int] = set()
        """Rows of the stories whose copies are shown."""
        self._hidden: set[int] = set()
        """Rows hidden as folded copies."""
        self.hit_delegate = HitDelegate(self.is_expanded, self)
        model.modelReset.connect(self._on_model_reset)
        model.rowsInserted.connect(self._on_model_rows_inserted)
        self.setItemDelegateForColumn(ResultsModel.TITLE, self.hit_delegate)
        self._tick_delegate = TickDelegate(self)
        self.setItemDelegateForColumn(ResultsModel.TICKED, self._tick_delegate)
        self.activated.connect(self._on_view_activated)
        self.toggle_action = QAction(self)
        self.toggle_action.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.toggle_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.toggle_action.triggered.connect(self._on_toggle_action_triggered)
        self.addAction(self.toggle_action)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.fit_columns()

    def selected_rows(self) -> list[int]:
        """The rows selected (Ctrl/Shift+click), in order (the current row when none is): what
        Space ticks and "Compare" compares. Copies folded under their story are left out, even
        inside a Shift+click range: the user did not see them."""
        rows = sorted(index.row() for index in self.selectionModel().selectedRows() if not self.isRowHidden(index.row()))
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().row()]
        return rows

    def fit_columns(self, source_names: Iterable[str] | None = None) -> None:
        """Size the columns to their content (sources: the corpus's names) and the title to the rest."""
        if source_names is not None:
            self._source_names = list(source_names)
        metrics = self.fontMetrics()
        self.verticalHeader().setDefaultSectionSize(2 * metrics.height() + 12)
        header = self.horizontalHeader()
        header_metrics = QFontMetrics(header.font())
        for number, column in enumerate(COLUMNS):
            if column.stretch:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
                continue
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.Fixed)
            if column.key == "ticked":
                indicator = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
                self.setColumnWidth(number, indicator + 4 * CELL_PADDING)
                continue
            samples = [column.sample]
            if column.key == "source" and self._source_names:
                samples = self._source_names
            content = max(metrics.horizontalAdvance(sample) for sample in samples) + 2 * CELL_PADDING
            if column.key == "source":
                content = min(content, MAX_SOURCE_WIDTH)
            title = str(self.model().headerData(number, Qt.Orientation.Horizontal))
            arrow = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize) + 3 * CELL_PADDING
            self.setColumnWidth(number, max(content, header_metrics.horizontalAdvance(title) + arrow))
        self._hide_optional_columns()

    def _hide_optional_columns(self) -> None:
        """Hide optional columns while the title would be narrower than MIN_TITLE_WIDTH with them."""
        fixed = sum(self.columnWidth(n) for n, column in enumerate(COLUMNS) if not column.stretch and not column.optional)
        optional = sum(self.columnWidth(n) for n, column in enumerate(COLUMNS) if column.optional)
        narrow = self.viewport().width() - fixed - optional < MIN_TITLE_WIDTH
        for number, column in enumerate(COLUMNS):
            if column.optional and self.isColumnHidden(number) != narrow:
                self.setColumnHidden(number, narrow)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._hide_optional_columns()

    def show_sort(self, sort: str) -> None:
        """Show which column (and which way) the results are sorted by, without asking to sort."""
        header = self.horizontalHeader()
        found = ResultsModel.column_for_sort(sort)
        header.blockSignals(True)
        if found is None:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        else:
            header.setSortIndicator(*found)
        header.blockSignals(False)

    def select_row(self, row: int) -> None:
        """Make ``row`` the current, selected row (which opens it)."""
        model = self.model()
        if 0 <= row < model.rowCount():
            self.selectionModel().setCurrentIndex(
                model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    # ----- stories ----------------------------------------------------------------------------

    def is_expanded(self, row: int) -> bool:
        """True when the copies of the story of ``row`` are shown under it."""
        return row in self._expanded

    def toggle_story(self, row: int) -> None:
        """Show or fold the copies of the story ``row`` heads."""
        model = self._results_model()
        copies = model.copy_rows(row)
        if not copies:
            return
        expanded = row not in self._expanded
        if expanded:
            self._expanded.add(row)
        else:
            self._expanded.discard(row)
        for copy in copies:
            if copy < model.rowCount():
                self._hide_row(copy, not expanded)
        self.viewport().update()

    def _hide_row(self, row: int, hidden: bool) -> None:
        self.setRowHidden(row, hidden)
        if hidden:
            self._hidden.add(row)
        else:
            self._hidden.discard(row)

    def _results_model(self) -> ResultsModel:
        model = self.model()
        assert isinstance(model, ResultsModel)
        return model

    def _fold(self, first: int, last: int) -> None:
        """Hide the copies among rows first..last whose story is folded."""
        model = self._results_model()
        for row in range(first, last + 1):
            head = model.story_head(row)
            if head is not None and head not in self._expanded:
                self._hide_row(row, True)

    def _on_model_reset(self) -> None:
        for row in sorted(self._hidden):  # the header keeps hidden sections across a reset
            self._hide_row(row, False)
        self._expanded.clear()
        self._fold(0, self._results_model().rowCount() - 1)

    def _on_model_rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        self._fold(first, last)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and index.column() == ResultsModel.TITLE and event.button() == Qt.MouseButton.LeftButton:
            rect = self.visualRect(index)
            badge = self.hit_delegate.badge_rect(rect, index, self.font())
            if badge is not None and badge.contains(event.position()):
                self.toggle_story(index.row())
                event.accept()
                return
            compare = self.hit_delegate.compare_badge_rect(rect, index, self.font())
            if compare is not None and compare.contains(event.position()):
                self.story_compare_requested.emit(index.row())
                event.accept()
                return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """+ shows the copies of the current row's story, - folds them."""
        current = self.currentIndex()
        if current.isValid() and event.text() in ("+", "-"):
            row = self._results_model().story_head(current.row())
            row = current.row() if row is None else row
            if (event.text() == "+") != self.is_expanded(row):
                self.toggle_story(row)
                if row != current.row():
                    self.select_row(row)
            event.accept()
            return
        super().keyPressEvent(event)

    def currentChanged(self, current: QModelIndex | QPersistentModelIndex,
                       previous: QModelIndex | QPersistentModelIndex) -> None:
        super().currentChanged(current, previous)
        if current.isValid() and (not previous.isValid() or current.row() != previous.row()):
            self.row_selected.emit(current.row())

    def _on_toggle_action_triggered(self) -> None:
        rows = self.selected_rows()
        if rows:
            self.toggle_requested.emit(rows)

    def _on_view_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.row_selected.emit(index.row())

    def _on_header_sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        self.model().sort(column, order)
