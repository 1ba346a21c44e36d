"""An article's original text, right-to-left, with layers of highlights: the text widget of the
reader and of every pane of the comparison view.

Arabic rules that shape this widget:

* The text is shown exactly as stored (diacritics and all); highlights come from the core as
  offsets into that original text and are converted to Qt's UTF-16 positions here (and a click
  back into an original offset).
* Direction is forced right-to-left on the document's default text option *and* on every block,
  otherwise Qt guesses each paragraph's direction from its first strong character and a
  paragraph opening with a Latin name would run left-to-right.
* Highlights are ExtraSelections that change the BACKGROUND only: a different weight or size
  inside a word would split the glyph run and break Arabic letter joining. They are painted in
  layers, in ``LAYERS`` order, so a query match stays visible over an entity mention, and both
  over a shared passage's colour.
* Boilerplate spans are kept in place, dimmed (grey foreground), never hidden.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QMouseEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextOption,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from workbench.ui.fonts import arabic_font

BOILERPLATE_COLOUR = QColor("#9e9e9e")
LAYERS = ("passages", "focus", "quotes", "entities", "matches")
"""Highlight layers, painted bottom to top: passages shared with compared articles, the passage
(or quote) in focus, quotes, entity mentions, query matches."""
LAYER_PROPERTY = QTextFormat.Property.UserProperty
"""Format property naming a selection's layer."""
TAG_PROPERTY = QTextFormat.Property.UserProperty + 1
"""Format property with a highlight's tag (an entity type, a passage group)."""


class Highlight(NamedTuple):
    """A span of the original text painted with a background colour."""

    start: int
    end: int
    colour: QColor
    tag: str = ""


def display_text(text: str) -> str:
    """The article text as Qt will hold it, with the same length in code points.

    QTextDocument turns line breaks into block separators; CR LF and lone CR are mapped so every
    original offset still points at the same character.
    """
    return text.replace("\r\n", " \n").replace("\r", "\n")


def utf16_positions(text: str) -> Sequence[int] | None:
    """Sorted code-point offsets of characters outside the BMP, or None when there are none.

    Qt positions count UTF-16 code units; each astral character before an offset shifts it by one.
    """
    astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
    return astral or None


def to_qt_position(offset: int, astral: Sequence[int] | None) -> int:
    """Convert a code-point offset into a QTextDocument (UTF-16) position."""
    return offset if astral is None else offset + bisect_left(astral, offset)


def from_qt_position(position: int, astral: Sequence[int] | None) -> int:
    """Convert a QTextDocument (UTF-16) position back into a code-point offset."""
    if astral is None:
        return position
    shifted = [offset + i for i, offset in enumerate(astral)]  # Qt positions of the astral characters
    return position - bisect_left(shifted, position)


class ArticleText(QTextEdit):
    """Read-only article text with layered highlights, scrolling to an offset, and clicks as offsets."""

    offset_clicked = Signal(int)
    """The user clicked the text (without selecting any); carries the original offset clicked."""

    def __init__(self, parent: QWidget | None = None, font_size: int = 16) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setFont(arabic_font(font_size))
        self._astral: Sequence[int] | None = None
        self._length = 0
        self._layers: dict[str, list[Highlight]] = {name: [] for name in LAYERS}
        self._press: QPoint | None = None
        self._tooltip: Callable[[int], str] | None = None
        self._apply_direction()

    # ----- content ----------------------------------------------------------------------------

    def show_text(self, text: str, boilerplate: Iterable[tuple[int, int]] = ()) -> None:
        """Show an article's original text (boilerplate dimmed), without highlights, from the top."""
        shown = display_text(text)
        self._astral = utf16_positions(shown)
        self._length = len(shown)
        self._layers = {name: [] for name in LAYERS}
        self.setPlainText(shown)
        self._apply_direction()
        self._dim(boilerplate)
        self.setExtraSelections([])
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def clear_text(self) -> None:
        """Show nothing."""
        self._astral, self._length = None, 0
        self._layers = {name: [] for name in LAYERS}
        self.clear()
        self.setExtraSelections([])

    def text_length(self) -> int:
        """Characters of the text shown (code points)."""
        return self._length

    def set_font_size(self, size: int) -> None:
        """Change the text size (points)."""
        self.setFont(arabic_font(size))
        self.document().setDefaultFont(self.font())

    # ----- highlights -------------------------------------------------------------------------

    def set_layer(self, layer: str, highlights: Iterable[Highlight]) -> None:
        """Replace one layer's highlights (spans outside the text are dropped) and repaint."""
        if layer not in self._layers:
            raise ValueError(f"unknown highlight layer {layer!r}")
        self._layers[layer] = sorted(h for h in highlights if 0 <= h.start < h.end <= self._length)
        self._repaint_layers()

    def layer(self, layer: str) -> list[Highlight]:
        """One layer's highlights, in text order."""
        return list(self._layers[layer])

    def layer_ranges(self, layer: str) -> list[tuple[int, int, str]]:
        """The (start, end, tag) Qt positions painted on one layer (for checks and tests)."""
        return [(sel.cursor.selectionStart(), sel.cursor.selectionEnd(), str(sel.format.property(TAG_PROPERTY)))
                for sel in self.extraSelections() if sel.format.property(LAYER_PROPERTY) == layer]

    def _repaint_layers(self) -> None:
        selections = []
        for name in LAYERS:
            for highlight in self._layers[name]:
                selection = QTextEdit.ExtraSelection()
                selection.cursor = self._cursor(highlight.start, highlight.end)
                fmt = QTextCharFormat()
                fmt.setBackground(highlight.colour)
                fmt.setProperty(LAYER_PROPERTY, name)
                fmt.setProperty(TAG_PROPERTY, highlight.tag)
                selection.format = fmt
                selections.append(selection)
        self.setExtraSelections(selections)

    def boilerplate_ranges(self) -> list[tuple[int, int]]:
        """Qt positions of text drawn dimmed as boilerplate (for checks and tests)."""
        ranges: list[tuple[int, int]] = []
        block = self.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if fragment.charFormat().foreground().color() == BOILERPLATE_COLOUR:
                    start, end = fragment.position(), fragment.position() + fragment.length()
                    if ranges and ranges[-1][1] >= start - 1:
                        ranges[-1] = (ranges[-1][0], end)
                    else:
                        ranges.append((start, end))
                iterator += 1
            block = block.next()
        return ranges

    # ----- positions and scrolling ------------------------------------------------------------

    def qt_position(self, offset: int) -> int:
        """The Qt position of an original offset."""
        return to_qt_position(offset, self._astral)

    def scroll_to(self, offset: int) -> None:
        """Put the cursor at an original offset and scroll it to the middle of the view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.qt_position(min(max(0, offset), self._length)))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        bar = self.verticalScrollBar()
        middle = self.cursorRect(cursor).center().y()
        bar.setValue(bar.value() + middle - self.viewport().height() // 2)

    def position_in_view(self, offset: int) -> float:
        """Where an original offset is in the view, from 0 (top) to 1 (bottom); outside when not shown."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.qt_position(min(max(0, offset), self._length)))
        return self.cursorRect(cursor).center().y() / max(1, self.viewport().height())

    def viewport_point(self, offset: int) -> QPoint:
        """The middle of the character at an original offset, in viewport coordinates."""
        return self.cursorRect(self._cursor(offset, offset)).center()

    def offset_at(self, point: QPoint) -> int:
        """The original offset of the character at a point of the viewport."""
        return from_qt_position(self.cursorForPosition(point).position(), self._astral)

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.qt_position(start))
        cursor.setPosition(self.qt_position(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    # ----- layout -----------------------------------------------------------------------------

    def _apply_direction(self) -> None:
        """Force right-to-left on the document and every paragraph of it."""
        document = self.document()
        option = QTextOption(document.defaultTextOption())
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        document.setDefaultTextOption(option)
        document.setDefaultFont(self.font())
        block_format = QTextBlockFormat()
        block_format.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        block_format.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        cursor = QTextCursor(document)
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(block_format)

    def _dim(self, spans: Iterable[tuple[int, int]]) -> None:
        dimmed = QTextCharFormat()
        dimmed.setForeground(BOILERPLATE_COLOUR)
        for start, end in spans:
            if 0 <= start < end <= self._length:
                self._cursor(start, end).mergeCharFormat(dimmed)

    # ----- tooltips ---------------------------------------------------------------------------

    def set_tooltip_provider(self, provider: Callable[[int], str] | None) -> None:
        """Show ``provider(offset)`` as the tooltip over the character at that original offset
        (a quotation's speaker); an empty string shows none."""
        self._tooltip = provider

    def tooltip_at(self, offset: int) -> str:
        """The tooltip shown over an original offset ("" for none)."""
        return self._tooltip(offset) if self._tooltip is not None and self._length else ""

    def highlights_at(self, layer: str, offset: int) -> list[Highlight]:
        """The highlights of one layer that cover an original offset."""
        return [h for h in self._layers[layer] if h.start <= offset < h.end]

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) and self._tooltip is not None:
            tip = self.tooltip_at(self.offset_at(event.pos()))
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    # ----- clicks -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if press is None or event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        if (event.position().toPoint() - press).manhattanLength() <= 4 and self._length:
            self.offset_clicked.emit(self.offset_at(event.position().toPoint()))
