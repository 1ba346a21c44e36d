"""The results table view, with the snippet column drawn as right-to-left rich text."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from workbench.ui.models.results_model import SNIPPET_HTML_ROLE, ResultsModel


class RightToLeftDelegate(QStyledItemDelegate):
    """Lays a cell's text out right-to-left whatever the window's direction (Arabic titles).

    Without it a title in a left-to-right window is laid out as an LTR paragraph: neutral
    characters (quotes, the ellipsis) land on the wrong side and eliding cuts the wrong end.
    """

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.direction = Qt.LayoutDirection.RightToLeft
        option.displayAlignment = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
        option.textElideMode = Qt.TextElideMode.ElideRight


class SnippetDelegate(QStyledItemDelegate):
    """Paints a snippet's HTML (matches in bold) right-to-left, showing its first line in the cell.

    The text wraps at the cell width and only the first line is visible, so the snippet's start
    (where the core puts the match) sits at the right edge. Bold is acceptable in this one-line
    preview; the reader highlights with background colour only.
    """

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(opt.font)
        text_option = QTextOption(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        text_option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        text_option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        document.setDefaultTextOption(text_option)
        document.setHtml(str(index.data(SNIPPET_HTML_ROLE) or ""))
        rect = opt.rect.adjusted(4, 0, -4, 0)
        document.setTextWidth(rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        document.size()  # lays the document out, so its first line exists
        first_line = document.firstBlock().layout().lineAt(0)
        line_height = first_line.height() if first_line.isValid() else document.size().height()
        top = rect.top() + max(0.0, (rect.height() - line_height) / 2)
        painter.translate(rect.left(), top)
        clip = QRectF(0, 0, rect.width(), min(rect.height(), line_height))
        painter.setClipRect(clip)
        context.clip = clip
        document.documentLayout().draw(painter, context)
        painter.restore()


class ResultsView(QTableView):
    """Keyboard-friendly results table: arrows move, Enter (or double-click) opens the hit."""

    row_activated = Signal(int)
    """The user opened a hit (Enter or double-click); carries its row in the results."""

    def __init__(self, model: ResultsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setObjectName("results_view")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        widths = ((ResultsModel.TITLE, 220), (ResultsModel.SOURCE, 70), (ResultsModel.DATE, 85), (ResultsModel.SCORE, 50))
        for column, width in widths:
            self.setColumnWidth(column, width)
        self._title_delegate = RightToLeftDelegate(self)
        self.setItemDelegateForColumn(ResultsModel.TITLE, self._title_delegate)
        self._snippet_delegate = SnippetDelegate(self)
        self.setItemDelegateForColumn(ResultsModel.SNIPPET, self._snippet_delegate)
        self.activated.connect(self._on_view_activated)

    def _on_view_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.row_activated.emit(index.row())
