"""The reader pane: one article's original text, right-to-left, with every query match highlighted
and, under them, the mentions of the entities the results are filtered by (one colour per type).
Above the text, the article's header (``ArticleHeader``: title, source, date, author, URL, file
and record, "Copy citation"); the match being navigated is scrolled to the middle of the view.

Arabic rules that shape this widget:

* The text is shown exactly as stored (diacritics and all); matches come from the core as offsets
  into that original text and are converted to Qt's UTF-16 positions here.
* Direction is forced right-to-left on the document's default text option *and* on every block,
  otherwise Qt guesses each paragraph's direction from its first strong character and a
  paragraph opening with a Latin name would run left-to-right.
* Matches and entity mentions are painted with ExtraSelections that change the BACKGROUND only: a
  different weight or size inside a word would split the glyph run and break Arabic letter joining.
  Query matches are painted after (over) entity mentions, so the match being navigated stays visible.
* Boilerplate spans are kept in place, dimmed (grey foreground), never hidden.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeySequence,
    Qt,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextOption,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QStyle, QTextEdit, QToolButton, QVBoxLayout, QWidget

from workbench.ui.entity_types import ENTITY_TYPES, TYPE_COLOURS, type_label
from workbench.ui.fonts import arabic_font
from workbench.ui.i18n import Retranslating
from workbench.ui.numbers import number
from workbench.ui.widgets.article_header import ArticleHeader
from workbench.ui.widgets.elided_label import ElidedLabel

if TYPE_CHECKING:
    from workbench.core.entities.service import EntityMention
    from workbench.core.ingest import Article

MATCH_COLOUR = QColor("#fff176")
CURRENT_MATCH_COLOUR = QColor("#ffa726")
BOILERPLATE_COLOUR = QColor("#9e9e9e")
MIN_FONT_SIZE, MAX_FONT_SIZE = 8, 48
MIN_READER_WIDTH = 300
"""The reader's minimum width, whatever it shows (pixels)."""
ENTITY_TYPE_PROPERTY = QTextFormat.Property.UserProperty
"""Format property naming the entity type on a mention's selection (tells them from query matches)."""



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


class ReaderPane(Retranslating, QWidget):
    """Article header, match navigation, font size control and the article text.

    Its width never depends on what it shows: every line of the header elides, and the match
    label keeps the width of its longest text, so opening an article never moves the splitter.
    """

    font_size_changed = Signal(int)
    """The user changed the text size (points)."""

    def __init__(self, parent: QWidget | None = None, font_size: int = 16) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self._article: Article | None = None
        self._corpus: Path | None = None
        self._spans: list[tuple[int, int]] = []
        self._mentions: list[EntityMention] = []
        self._current = -1
        self._astral: Sequence[int] | None = None
        self._searched = True

        self.header = ArticleHeader()
        self.previous_action = QAction(self)
        self.previous_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.FindPrevious), QKeySequence("Ctrl+Shift+G")])
        self.previous_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.previous_action.triggered.connect(self.previous_match)
        self.next_action = QAction(self)
        self.next_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.FindNext), QKeySequence("Ctrl+G")])
        self.next_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.next_action.triggered.connect(self.next_match)
        self.addActions([self.previous_action, self.next_action])
        self.previous_action.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowUp))
        self.next_action.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown))
        self.previous_button = QToolButton()
        self.previous_button.setDefaultAction(self.previous_action)
        self.next_button = QToolButton()
        self.next_button.setDefaultAction(self.next_action)
        for button in (self.previous_button, self.next_button):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.match_label = ElidedLabel(elide_mode=Qt.TextElideMode.ElideRight)
        self.match_label.setObjectName("match_label")

        self.font_size_box = QSpinBox()
        self.font_size_box.setRange(MIN_FONT_SIZE, MAX_FONT_SIZE)
        self.font_size_box.setValue(font_size)
        self.font_size_box.valueChanged.connect(self._on_font_size_box_value_changed)
        self.font_label = QLabel()
        self.font_label.setBuddy(self.font_size_box)

        self.legend = QWidget()
        self.legend.setObjectName("entity_legend")
        legend_row = QHBoxLayout(self.legend)
        legend_row.setContentsMargins(0, 0, 0, 0)
        self.legend_caption = QLabel()
        legend_row.addWidget(self.legend_caption)
        self._legend_labels: dict[str, QLabel] = {}
        for entity_type in ENTITY_TYPES:
            label = QLabel()
            colour = TYPE_COLOURS[entity_type].name()
            label.setStyleSheet(f"background: {colour}; color: black; padding: 0 6px; border-radius: 4px;")
            legend_row.addWidget(label)
            self._legend_labels[entity_type] = label
        legend_row.addStretch(1)

        self.text_edit = QTextEdit()
        self.text_edit.setObjectName("reader_text")
        self.text_edit.setReadOnly(True)
        self.text_edit.setUndoRedoEnabled(False)
        self.text_edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.text_edit.setFont(arabic_font(font_size))
        self._apply_direction()

        tools = QHBoxLayout()
        tools.addWidget(self.previous_button)
        tools.addWidget(self.next_button)
        tools.addWidget(self.match_label, 1)
        tools.addWidget(self.font_label)
        tools.addWidget(self.font_size_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.header)
        layout.addLayout(tools)
        layout.addWidget(self.legend)
        layout.addWidget(self.text_edit, 1)
        self.setMinimumWidth(MIN_READER_WIDTH)
        self.retranslate()
        self.clear()

    # Header parts, kept as attributes of the reader for callers that look at them.
    @property
    def title_label(self) -> QLabel:
        """The title line of the header."""
        return self.header.title_label

    @property
    def meta_label(self) -> ElidedLabel:
        """Source, date and author."""
        return self.header.meta_label

    @property
    def path_label(self) -> ElidedLabel:
        """The file (and record) the article comes from."""
        return self.header.location_label

    @property
    def open_folder_button(self) -> QToolButton:
        """Opens the folder of the article's file."""
        return self.header.folder_button

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        self.previous_action.setText(self.tr("Previous match"))
        self.previous_action.setToolTip(self.tr("Previous match (Shift+F3)"))
        self.next_action.setText(self.tr("Next match"))
        self.next_action.setToolTip(self.tr("Next match (F3)"))
        self.font_size_box.setSuffix(self.tr(" pt"))
        self.font_size_box.setToolTip(self.tr("Text size"))
        self.font_label.setText(self.tr("Text size:"))
        self.legend_caption.setText(self.tr("Entities:"))
        for entity_type, label in self._legend_labels.items():
            label.setText(type_label(entity_type))
        self._update_navigation()

    @property
    def article(self) -> Article | None:
        """The article shown, or None."""
        return self._article

    @property
    def spans(self) -> list[tuple[int, int]]:
        """Highlighted matches as (start, end) offsets into the original article text."""
        return list(self._spans)

    @property
    def mentions(self) -> list[EntityMention]:
        """Highlighted entity mentions as (start, end, type, entity id) into the original text."""
        return list(self._mentions)

    @property
    def current_match(self) -> int:
        """Index of the match the user navigated to, -1 when none."""
        return self._current

    def font_size(self) -> int:
        """The text size in points."""
        return self.font_size_box.value()

    def set_font_size(self, size: int) -> None:
        """Change the text size (also updates the spin box)."""
        self.font_size_box.setValue(size)

    def clear(self) -> None:
        """Show nothing."""
        self._article = None
        self._corpus = None
        self._spans = []
        self._mentions = []
        self._current = -1
        self.legend.hide()
        self.header.show_article(None)
        self.text_edit.clear()
        self.text_edit.setExtraSelections([])
        self._update_navigation()

    def show_article(self, article: Article, spans: Sequence[tuple[int, int]], corpus: Path | None = None,
                     mentions: Sequence[EntityMention] = (), current: int = 0, searched: bool = True) -> None:
        """Display an article's original text with the given match spans and entity mentions highlighted.

        ``spans`` are (start, end) offsets into ``article.text`` (what ``CorpusIndex.match_spans``
        returns); ``corpus`` lets "open containing folder" resolve the article's relative path;
        ``mentions`` are what ``EntityService.mentions`` returns for the article; ``current`` is
        the match to show first (a concordance line opens its own occurrence); ``searched`` False
        when the article was opened without a query (browsing): then no match is expected.
        """
        self._searched = searched
        self._article = article
        self._corpus = corpus
        text = display_text(article.text)
        self._astral = utf16_positions(text)
        self.header.show_article(article, corpus)
        self.text_edit.setPlainText(text)
        self._apply_direction()
        self._dim_boilerplate(article.boilerplate)
        self._spans = sorted((s, e) for s, e in spans if 0 <= s < e <= len(text))
        self._mentions = self._valid_mentions(mentions)
        self._current = min(max(0, current), len(self._spans) - 1) if self._spans else -1
        self._refresh_selections()
        if self._spans:
            self._scroll_to(self._spans[self._current])
        else:
            self.text_edit.moveCursor(QTextCursor.MoveOperation.Start)

    def set_mentions(self, mentions: Sequence[EntityMention]) -> None:
        """Highlight these entity mentions in the article shown (replacing earlier ones); keeps the position."""
        if self._article is None:
            return
        self._mentions = self._valid_mentions(mentions)
        self._refresh_selections()

    def _valid_mentions(self, mentions: Sequence[EntityMention]) -> list[EntityMention]:
        length = len(self._article.text) if self._article is not None else 0
        return sorted(m for m in mentions if 0 <= m[0] < m[1] <= length)

    def next_match(self) -> None:
        """Move to the next match (wrapping around)."""
        if self._spans:
            self._current = (self._current + 1) % len(self._spans)
            self._refresh_selections()
            self._scroll_to(self._spans[self._current])

    def previous_match(self) -> None:
        """Move to the previous match (wrapping around)."""
        if self._spans:
            self._current = (self._current - 1) % len(self._spans)
            self._refresh_selections()
            self._scroll_to(self._spans[self._current])

    def highlighted_ranges(self) -> list[tuple[int, int]]:
        """The (start, end) Qt positions of the query matches painted (for checks and tests)."""
        return [(sel.cursor.selectionStart(), sel.cursor.selectionEnd()) for sel in self.text_edit.extraSelections()
                if not sel.format.hasProperty(ENTITY_TYPE_PROPERTY)]

    def entity_ranges(self) -> list[tuple[int, int, str]]:
        """The (start, end, type) Qt positions of the entity mentions painted (for checks and tests)."""
        return [(sel.cursor.selectionStart(), sel.cursor.selectionEnd(), str(sel.format.property(ENTITY_TYPE_PROPERTY)))
                for sel in self.text_edit.extraSelections() if sel.format.hasProperty(ENTITY_TYPE_PROPERTY)]

    def _apply_direction(self) -> None:
        """Force right-to-left on the document and every paragraph of it."""
        document = self.text_edit.document()
        option = QTextOption(document.defaultTextOption())
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        document.setDefaultTextOption(option)
        document.setDefaultFont(self.text_edit.font())
        block_format = QTextBlockFormat()
        block_format.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        block_format.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        cursor = QTextCursor(document)
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(block_format)

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.text_edit.document())
        cursor.setPosition(to_qt_position(start, self._astral))
        cursor.setPosition(to_qt_position(end, self._astral), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _dim_boilerplate(self, spans: Sequence[tuple[int, int]]) -> None:
        dimmed = QTextCharFormat()
        dimmed.setForeground(BOILERPLATE_COLOUR)
        length = self.text_edit.document().characterCount() - 1
        for start, end in spans:
            if 0 <= start < end <= length:
                self._cursor(start, end).mergeCharFormat(dimmed)

    def boilerplate_ranges(self) -> list[tuple[int, int]]:
        """Qt positions of text drawn dimmed as boilerplate (for checks and tests)."""
        ranges: list[tuple[int, int]] = []
        block = self.text_edit.document().begin()
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

    def _refresh_selections(self) -> None:
        selections = []
        for start, end, entity_type, _entity_id in self._mentions:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._cursor(start, end)
            fmt = QTextCharFormat()
            fmt.setBackground(TYPE_COLOURS.get(entity_type, TYPE_COLOURS["MISC"]))
            fmt.setProperty(ENTITY_TYPE_PROPERTY, entity_type)
            selection.format = fmt
            selections.append(selection)
        shown_types = {mention[2] for mention in self._mentions}
        for entity_type, label in self._legend_labels.items():
            label.setVisible(entity_type in shown_types)
        self.legend.setVisible(bool(shown_types))
        for position, (start, end) in enumerate(self._spans):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._cursor(start, end)
            fmt = QTextCharFormat()
            fmt.setBackground(CURRENT_MATCH_COLOUR if position == self._current else MATCH_COLOUR)
            selection.format = fmt
            selections.append(selection)
        self.text_edit.setExtraSelections(selections)
        self._update_navigation()

    def _scroll_to(self, span: tuple[int, int]) -> None:
        """Put the cursor on a match and scroll so the match is in the middle of the view."""
        cursor = QTextCursor(self.text_edit.document())
        cursor.setPosition(to_qt_position(span[0], self._astral))
        self.text_edit.setTextCursor(cursor)
        self.text_edit.ensureCursorVisible()
        bar = self.text_edit.verticalScrollBar()
        match_middle = self.text_edit.cursorRect(cursor).center().y()
        bar.setValue(bar.value() + match_middle - self.text_edit.viewport().height() // 2)

    def match_position(self) -> float:
        """Where the current match is in the view, from 0 (top) to 1 (bottom); -1 without one."""
        if self._current < 0:
            return -1.0
        cursor = QTextCursor(self.text_edit.document())
        cursor.setPosition(to_qt_position(self._spans[self._current][0], self._astral))
        return self.text_edit.cursorRect(cursor).center().y() / max(1, self.text_edit.viewport().height())

    def _update_navigation(self) -> None:
        has_matches = bool(self._spans)
        self.previous_action.setEnabled(has_matches)
        self.next_action.setEnabled(has_matches)
        if self._article is None or not (has_matches or self._searched):
            self.match_label.set_full_text("")
        elif has_matches:
            text = self.tr("Match {current} of {total}")
            self.match_label.set_full_text(text.format(current=number(self._current + 1), total=number(len(self._spans))))
        else:
            self.match_label.set_full_text(self.tr("No matches in this article"))

    def _on_font_size_box_value_changed(self, size: int) -> None:
        self.text_edit.setFont(arabic_font(size))
        self.text_edit.document().setDefaultFont(self.text_edit.font())
        self.font_size_changed.emit(size)

