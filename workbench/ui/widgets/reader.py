"""The reader pane: one article's original text, right-to-left, with every query match highlighted
and, under them, the mentions of the entities the results are filtered by (one colour per type).
Above the text, the article's header (``ArticleHeader``: title, source, date, author, URL, file
and record, "Copy citation"); the match being navigated is scrolled to the middle of the view.

The text itself is an ``ArticleText`` (article_text.py), the widget every pane of the comparison
view uses too: it holds the Arabic rules (right-to-left on every paragraph, background-only
highlights in layers, boilerplate dimmed, UTF-16 positions). Query matches are painted over
entity mentions, and both over quotations (whose tooltip names the speaker).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QSpinBox, QStyle, QToolButton, QVBoxLayout, QWidget

from workbench.ui.entity_types import ENTITY_TYPES, TYPE_COLOURS, type_label
from workbench.ui.i18n import Retranslating
from workbench.ui.numbers import number
from workbench.ui.widgets.article_header import ArticleHeader
from workbench.ui.widgets.article_text import ArticleText, Highlight
from workbench.ui.widgets.elided_label import ElidedLabel

if TYPE_CHECKING:
    from workbench.core.compare import Quote
    from workbench.core.entities.service import EntityMention
    from workbench.core.ingest import Article

MATCH_COLOUR = QColor("#fff176")
CURRENT_MATCH_COLOUR = QColor("#ffa726")
QUOTE_COLOUR = QColor("#e6f1fc")
"""Background of a quotation (under entity mentions and query matches)."""
MIN_FONT_SIZE, MAX_FONT_SIZE = 8, 48
MIN_READER_WIDTH = 300
"""The reader's minimum width, whatever it shows (pixels)."""


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
        self._quotes: list[Quote] = []
        self._current = -1
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

        self.compare_menu = QMenu(self)
        """Filled by the window when it opens: the articles this one can be compared with."""
        self.compare_button = QToolButton()
        self.compare_button.setObjectName("compare_with_button")
        self.compare_button.setMenu(self.compare_menu)
        self.compare_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

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

        self.text_edit = ArticleText(font_size=font_size)
        self.text_edit.setObjectName("reader_text")
        self.text_edit.set_tooltip_provider(lambda offset: quote_tooltip(self.text_edit, offset))

        tools = QHBoxLayout()
        tools.addWidget(self.previous_button)
        tools.addWidget(self.next_button)
        tools.addWidget(self.match_label, 1)
        tools.addWidget(self.compare_button)
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
        self.compare_button.setText(self.tr("Compare with…"))
        self.compare_button.setToolTip(self.tr("Compare this article with another result side by side"))
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
        self._quotes = []
        self._current = -1
        self.legend.hide()
        self.compare_button.setEnabled(False)
        self.header.show_article(None)
        self.text_edit.clear_text()
        self._update_navigation()

    def show_article(self, article: Article, spans: Sequence[tuple[int, int]], corpus: Path | None = None,
                     mentions: Sequence[EntityMention] = (), current: int = 0, searched: bool = True,
                     quotes: Sequence[Quote] = ()) -> None:
        """Display an article's original text with the given match spans and entity mentions highlighted.

        ``spans`` are (start, end) offsets into ``article.text`` (what ``CorpusIndex.match_spans``
        returns); ``corpus`` lets "open containing folder" resolve the article's relative path;
        ``mentions`` are what ``EntityService.mentions`` returns for the article; ``current`` is
        the match to show first (a concordance line opens its own occurrence); ``searched`` False
        when the article was opened without a query (browsing): then no match is expected;
        ``quotes`` are the article's quotations (``CompareService.quotes``), painted with their speaker.
        """
        self._searched = searched
        self._article = article
        self._corpus = corpus
        self.header.show_article(article, corpus)
        self.compare_button.setEnabled(True)
        self.text_edit.show_text(article.text, article.boilerplate)
        length = len(article.text)
        self._spans = sorted((s, e) for s, e in spans if 0 <= s < e <= length)
        self._mentions = self._valid_mentions(mentions)
        self._quotes = [quote for quote in quotes if 0 <= quote.start < quote.end <= length]
        self._current = min(max(0, current), len(self._spans) - 1) if self._spans else -1
        self.text_edit.set_layer("quotes", [quote_highlight(quote) for quote in self._quotes])
        self._refresh_selections()
        if self._spans:
            self.text_edit.scroll_to(self._spans[self._current][0])

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
            self.text_edit.scroll_to(self._spans[self._current][0])

    def previous_match(self) -> None:
        """Move to the previous match (wrapping around)."""
        if self._spans:
            self._current = (self._current - 1) % len(self._spans)
            self._refresh_selections()
            self.text_edit.scroll_to(self._spans[self._current][0])

    @property
    def quotes(self) -> list[Quote]:
        """The quotations painted, in text order."""
        return list(self._quotes)

    def highlighted_ranges(self) -> list[tuple[int, int]]:
        """The (start, end) Qt positions of the query matches painted (for checks and tests)."""
        return [(start, end) for start, end, _tag in self.text_edit.layer_ranges("matches")]

    def entity_ranges(self) -> list[tuple[int, int, str]]:
        """The (start, end, type) Qt positions of the entity mentions painted (for checks and tests)."""
        return self.text_edit.layer_ranges("entities")

    def boilerplate_ranges(self) -> list[tuple[int, int]]:
        """Qt positions of text drawn dimmed as boilerplate (for checks and tests)."""
        return self.text_edit.boilerplate_ranges()

    def _refresh_selections(self) -> None:
        self.text_edit.set_layer("entities", [
            Highlight(start, end, TYPE_COLOURS.get(entity_type, TYPE_COLOURS["MISC"]), entity_type)
            for start, end, entity_type, _entity_id in self._mentions])
        shown_types = {mention[2] for mention in self._mentions}
        for entity_type, label in self._legend_labels.items():
            label.setVisible(entity_type in shown_types)
        self.legend.setVisible(bool(shown_types))
        self.text_edit.set_layer("matches", [
            Highlight(start, end, CURRENT_MATCH_COLOUR if position == self._current else MATCH_COLOUR)
            for position, (start, end) in enumerate(self._spans)])
        self._update_navigation()

    def match_position(self) -> float:
        """Where the current match is in the view, from 0 (top) to 1 (bottom); -1 without one."""
        if self._current < 0:
            return -1.0
        return self.text_edit.position_in_view(self._spans[self._current][0])

    def _update_navigation(self) -> None:
        has_matches = bool(self._spans)
        self.previous_action.setEnabled(has_matches)
        self.next_action.setEnabled(has_matches)
        if self._article is None or not (has_matches or self._searched):
            self.match_label.set_full_text("")
        elif has_matches:
            current, total = number(self._current + 1), number(len(self._spans))
            text = self.tr("Match {current} of {total}").format(current=current, total=total)
            self.match_label.set_full_text(text, short=f"{current}/{total}")
        else:
            self.match_label.set_full_text(self.tr("No matches in this article"))

    def _on_font_size_box_value_changed(self, size: int) -> None:
        self.text_edit.set_font_size(size)
        self.font_size_changed.emit(size)


def quote_highlight(quote: Quote) -> Highlight:
    """A quotation's highlight; its tag (the tooltip) names the speaker when the text does."""
    return Highlight(quote.start, quote.end, QUOTE_COLOUR, quote.entity or quote.speaker or "")



def quote_tooltip(text: ArticleText, offset: int) -> str:
    """Who said the quotation at an original offset of ``text`` ("" where there is none)."""
    found = text.highlights_at("quotes", offset)
    if not found:
        return ""
    if found[0].tag:
        return QCoreApplication.translate("Quotes", "Quotation by {speaker}").format(speaker=found[0].tag)
    return QCoreApplication.translate("Quotes", "Quotation")
