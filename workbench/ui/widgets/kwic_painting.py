"""Painting one keyword-in-context line: the match centred, its context elided outwards.

Shared by the results list (the line under each title) and the concordance view. The line is laid
out in the direction of its own text, whatever the interface's: in Arabic the words before the
match sit to its right and the words after it to its left. Each context is elided at its far
end, so the words next to the match are always the ones shown. Matches are whole words, so
painting the three parts apart never splits a word's joined letters.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from workbench.ui.bidi import text_direction

MATCH_BACKGROUND = QColor("#fff176")
"""The reader's match colour: the same yellow marks a match everywhere."""
MATCH_TEXT = QColor("#000000")
GAP = 4.0
"""Pixels between the match and each context."""


def paint_cell_background(delegate: QStyledItemDelegate, painter: QPainter, option: QStyleOptionViewItem,
                          index: QModelIndex | QPersistentModelIndex) -> tuple[QStyleOptionViewItem, str, bool]:
    """Paint a cell as the style does (selection, alternating rows) but without its text, for a
    delegate that draws the text itself; returns the cell's style option, its text, and whether
    it is selected."""
    opt = QStyleOptionViewItem(option)
    delegate.initStyleOption(opt, index)
    text = opt.text
    opt.text = ""
    widget = opt.widget
    if widget is not None:
        widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
    return opt, text, bool(opt.state & QStyle.StateFlag.State_Selected)


def text_colour(option: QStyleOptionViewItem, selected: bool) -> QColor:
    """The colour of a cell's text, selected or not."""
    return option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)


def paint_kwic_line(painter: QPainter, rect: QRectF, before: str, match: str, after: str,
                    text_colour: QColor, centre: float | None = None) -> None:
    """Paint before | match | after in ``rect``, the match centred (at ``centre``, an x inside the
    rect, if given) on a highlight; with no match, the text ``before`` starts at the reading edge."""
    before, match, after = before.strip(), match.strip(), after.strip()
    metrics = QFontMetricsF(painter.font())
    direction = text_direction(match or before or after)
    rtl = direction == Qt.LayoutDirection.RightToLeft
    painter.save()
    painter.setLayoutDirection(direction)
    painter.setPen(text_colour)
    middle = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute
    if not match:
        edge = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        painter.drawText(rect, int(edge | middle), metrics.elidedText(before, Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()
        return
    match_width = min(metrics.horizontalAdvance(match), rect.width() * 0.6)
    x_centre = rect.center().x() if centre is None else centre
    match_rect = QRectF(x_centre - match_width / 2, rect.top(), match_width, rect.height())
    height = min(rect.height(), metrics.height() + 2)
    highlight = QRectF(match_rect.left() - 1, rect.center().y() - height / 2, match_rect.width() + 2, height)
    painter.fillRect(highlight, MATCH_BACKGROUND)
    painter.setPen(MATCH_TEXT)
    shown_match = metrics.elidedText(match, Qt.TextElideMode.ElideRight, match_width)
    painter.drawText(match_rect, int(Qt.AlignmentFlag.AlignHCenter | middle), shown_match)
    painter.setPen(text_colour)
    left_part = QRectF(rect.left(), rect.top(), max(0.0, match_rect.left() - GAP - rect.left()), rect.height())
    right_part = QRectF(match_rect.right() + GAP, rect.top(), max(0.0, rect.right() - match_rect.right() - GAP),
                        rect.height())
    before_rect, after_rect = (right_part, left_part) if rtl else (left_part, right_part)
    towards_match_before = Qt.AlignmentFlag.AlignLeft if rtl else Qt.AlignmentFlag.AlignRight
    towards_match_after = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    painter.drawText(before_rect, int(towards_match_before | middle),
                     metrics.elidedText(before, Qt.TextElideMode.ElideLeft, before_rect.width()))
    painter.drawText(after_rect, int(towards_match_after | middle),
                     metrics.elidedText(after, Qt.TextElideMode.ElideRight, after_rect.width()))
    painter.restore()
