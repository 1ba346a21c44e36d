"""The timeline: articles per day (or week, or month) of a result set, stacked by source.

News researchers read attention over time from such a strip (Media Cloud's main view). It shows
any core ``Histogram``, so the same widget serves the results of a query and, later, the
articles of one entity. Dragging across it chooses a date range (``range_selected``); a click
chooses one bar; a double click clears the range (``range_cleared``). Hovering a bar tells its
dates and counts per source.

It is a painted QWidget rather than a chart library: QtCharts comes with PySide6-Addons (over
100 MB more in the installer, whose budget is 150 MB), and pyqtgraph would add numpy-heavy
machinery for what is a few hundred rectangles. The histogram comes in days; the strip regroups
it into weeks or months when days would be thinner than ``MIN_BAR_WIDTH``. Time runs from left
to right in both interface languages, as the dates themselves are written.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from workbench.core.search import Histogram
from workbench.core.search.histogram import suggested_bucket
from workbench.ui.bidi import isolated, text_direction
from workbench.ui.numbers import digits, number

SOURCE_COLOURS = tuple(QColor(c) for c in (
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f"))
"""Colours of the largest sources (Tableau 10, readable by most colour-blind readers); the rest
share OTHER_COLOUR."""
OTHER_COLOUR = QColor("#bab0ac")
SELECTION_COLOUR = QColor(33, 150, 243, 60)
MIN_BAR_WIDTH = 3.0
MAX_BAR_WIDTH = 24.0
"""A few days do not stretch into slabs across the strip: bars stay this narrow, from the left."""
PADDING = 4.0


class TimelineWidget(QWidget):
    """A stacked bar strip of a ``Histogram`` with a draggable date range."""

    range_selected = Signal(str, str)
    """The user chose the days first..last (ISO, inclusive) by dragging or clicking."""
    range_cleared = Signal()
    """The user double-clicked: no date range."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.sizeHint().height())
        self._days: Histogram | None = None
        self._shown: Histogram | None = None
        self._selection: tuple[str, str] | None = None
        self._drag: tuple[int, int] | None = None
        self.setToolTip("")

    # ----- public -----------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        line = QFontMetricsF(self.font()).height()
        return QSize(400, int(3 * line + 2 * PADDING + 30))

    def set_histogram(self, histogram: Histogram | None) -> None:
        """Show these counts (None: nothing); a day histogram is regrouped to fit the width."""
        self._days = histogram
        self._drag = None
        self._regroup()

    def histogram(self) -> Histogram | None:
        """The histogram as drawn (possibly regrouped into weeks or months)."""
        return self._shown

    def set_selection(self, first: str | None, last: str | None) -> None:
        """Shade the date range in use (either end may be open), or nothing."""
        self._selection = (first or "", last or "") if (first or last) else None
        self.update()

    def bar_rect(self, i: int) -> QRectF:
        """Where bar ``i`` of the drawn histogram is (its full height), for tests and tooltips."""
        area = self._bars_area()
        return QRectF(area.left() + i * self._bar_width(), area.top(), self._bar_width(), area.height())

    def _bar_width(self) -> float:
        count = len(self._shown.starts) if self._shown is not None and self._shown.starts else 1
        return min(MAX_BAR_WIDTH, self._bars_area().width() / count)

    # ----- painting ---------------------------------------------------------------------------

    def _legend_height(self) -> float:
        return QFontMetricsF(self.font()).height() + 2

    def _axis_height(self) -> float:
        return QFontMetricsF(self.font()).height() + 2

    def _bars_area(self) -> QRectF:
        top = PADDING + self._legend_height()
        bottom = self.height() - PADDING - self._axis_height()
        return QRectF(PADDING, top, max(1.0, self.width() - 2 * PADDING), max(1.0, bottom - top))

    def _regroup(self) -> None:
        days = self._days
        # Nothing dated to draw: one line says so, rather than an empty strip.
        empty = days is None or not days.starts
        self.setFixedHeight(math.ceil(QFontMetricsF(self.font()).height()) + 8 if empty else self.sizeHint().height())
        if days is None or not days.starts:
            self._shown = days
        else:
            bars = int(self._bars_area().width() / MIN_BAR_WIDTH)
            self._shown = days.regrouped(suggested_bucket(len(days.starts), max(1, bars)))
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._regroup()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.update()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # time runs left to right in every language
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        histogram = self._shown
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        if histogram is None or not histogram.starts:
            painter.setPen(muted)
            _draw_text(painter, QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self._empty_text(histogram))
            return
        self._paint_selection(painter, histogram)
        self._paint_bars(painter, histogram)
        self._paint_legend(painter, histogram, text)
        self._paint_axis(painter, histogram, muted)

    def _empty_text(self, histogram: Histogram | None) -> str:
        if histogram is not None and histogram.undated:
            return self.tr("None of these %Ln articles has a date", "", histogram.undated)
        return self.tr("No dated articles to show over time")

    def _colour(self, column: int) -> QColor:
        return SOURCE_COLOURS[column] if column < len(SOURCE_COLOURS) else OTHER_COLOUR

    def _paint_bars(self, painter: QPainter, histogram: Histogram) -> None:
        area = self._bars_area()
        peak = max(histogram.totals()) or 1
        for i, row in enumerate(histogram.counts):
            rect = self.bar_rect(i)
            width = max(1.0, rect.width() - (1 if rect.width() > 3 else 0))
            bottom = area.bottom()
            for column, count in enumerate(row):
                if not count:
                    continue
                height = area.height() * count / peak
                painter.fillRect(QRectF(rect.left(), bottom - height, width, height), self._colour(column))
                bottom -= height

    def _paint_selection(self, painter: QPainter, histogram: Histogram) -> None:
        span = self._drag
        if span is None and self._selection is not None:
            first, last = self._selection
            span = (histogram.bucket_of(first) if first else 0,
                    histogram.bucket_of(last) if last else len(histogram.starts) - 1)
        if span is None:
            return
        low, high = sorted(span)
        left, right = self.bar_rect(low), self.bar_rect(high)
        painter.fillRect(QRectF(left.left(), left.top(), right.right() - left.left(), left.height()), SELECTION_COLOUR)

    def _paint_legend(self, painter: QPainter, histogram: Histogram, colour: QColor) -> None:
        metrics = QFontMetricsF(self.font())
        peak = max(histogram.totals())
        painter.setPen(colour)
        scale = self.tr("highest bar: %Ln articles", "", peak)
        per = {"day": self.tr("per day"), "week": self.tr("per week"), "month": self.tr("per month")}[histogram.bucket]
        caption = f"{scale} ({per})"
        x = PADDING
        y = PADDING
        caption_width = metrics.horizontalAdvance(caption)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
        _draw_text(painter, QRectF(x, y, caption_width + 2, metrics.height()), left, caption)
        x += caption_width + 12
        swatch = metrics.height() * 0.6
        shown = list(enumerate(histogram.sources[:len(SOURCE_COLOURS)]))
        if len(histogram.sources) > len(SOURCE_COLOURS):
            shown.append((len(SOURCE_COLOURS), self.tr("others")))
        for column, name in shown:
            width = swatch + 4 + metrics.horizontalAdvance(name)
            if x + width > self.width() - PADDING:
                break
            painter.fillRect(QRectF(x, y + (metrics.height() - swatch) / 2, swatch, swatch), self._colour(column))
            _draw_text(painter, QRectF(x + swatch + 4, y, width - swatch - 4, metrics.height()), left, name)
            x += width + 10

    def axis_labels(self) -> list[tuple[QRectF, str]]:
        """The date labels under the bars and where they go: one every so many bars that no two
        overlap, none past the right edge."""
        histogram = self._shown
        if histogram is None or not histogram.starts:
            return []
        metrics = QFontMetricsF(self.font())
        area = self._bars_area()
        gap = 16.0
        step = max(1, math.ceil((metrics.horizontalAdvance("0000-00-00") + gap) / self._bar_width()))
        labels: list[tuple[QRectF, str]] = []
        for i in range(0, len(histogram.starts), step):
            text = digits(histogram.starts[i])
            width = metrics.horizontalAdvance(text)
            x = min(self.bar_rect(i).left(), area.right() - width)
            if labels and x < labels[-1][0].right() + gap:
                break  # the last label was pushed back from the edge onto its neighbour
            labels.append((QRectF(x, area.bottom() + 1, width, metrics.height()), text))
        return labels

    def _paint_axis(self, painter: QPainter, histogram: Histogram, colour: QColor) -> None:
        area = self._bars_area()
        painter.setPen(colour)
        right = min(area.right(), area.left() + len(histogram.starts) * self._bar_width())
        painter.drawLine(int(area.left()), int(area.bottom()), int(right), int(area.bottom()))
        for rect, text in self.axis_labels():
            painter.drawLine(int(rect.left()), int(area.bottom()), int(rect.left()), int(area.bottom() + 3))
            _draw_text(painter, rect.adjusted(0, 0, 2, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)

    # ----- interaction ------------------------------------------------------------------------

    def bucket_at(self, x: float) -> int | None:
        """The bar under the horizontal position ``x`` (clamped to the first and last), or None."""
        if self._shown is None or not self._shown.starts:
            return None
        area = self._bars_area()
        return max(0, min(len(self._shown.starts) - 1, int((x - area.left()) // self._bar_width())))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        bucket = self.bucket_at(event.position().x())
        if event.button() == Qt.MouseButton.LeftButton and bucket is not None:
            self._drag = (bucket, bucket)
            self.update()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None:
            bucket = self.bucket_at(event.position().x())
            if bucket is not None:
                self._drag = (self._drag[0], bucket)
                self.update()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._drag is not None and self._shown is not None:
            low, high = sorted(self._drag)
            self._drag = None
            first, last = self._shown.starts[low], self._shown.end_of(high)
            self._selection = (first, last)
            self.update()
            self.range_selected.emit(first, last)
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag = None
            self._selection = None
            self.update()
            self.range_cleared.emit()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self._tooltip(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def _tooltip(self, position: QPoint) -> str:
        histogram = self._shown
        bucket = self.bucket_at(position.x())
        if histogram is None or bucket is None:
            return ""
        first, last = histogram.starts[bucket], histogram.end_of(bucket)
        days = isolated(digits(first)) if first == last else isolated(digits(f"{first} – {last}"))
        row = histogram.counts[bucket]
        total = self.tr("%Ln articles", "", sum(row))
        lines = [f"{days}: {total}"]
        lines += [f"  {source}: {number(count)}" for source, count in zip(histogram.sources, row, strict=True) if count]
        lines.append(self.tr("Drag to choose dates; double-click to clear them"))
        return "\n".join(lines)


def _draw_text(painter: QPainter, rect: QRectF, alignment: Qt.AlignmentFlag, text: str) -> None:
    """Draw ``text`` laid out in its own direction (a caption in Arabic, a source name in Latin)."""
    painter.save()
    painter.setLayoutDirection(text_direction(text))
    painter.drawText(rect, int(alignment | Qt.AlignmentFlag.AlignAbsolute), text)
    painter.restore()
