"""One article of the comparison view: its header (title, source, date, URL), buttons to move it
left or right and to close it, and its text on the reader's ``ArticleText``, with the passages it
shares with the other panes coloured by group, and the query's matches and the entity mentions
painted as in the reader. Quotations are not painted here: in a news article they cover much of
the text and would bury the shared passages; the summary strip counts them by speaker."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QStyle, QToolButton, QVBoxLayout, QWidget

from workbench.core.compare import ComparedArticle
from workbench.core.entities.service import EntityMention
from workbench.ui.entity_types import TYPE_COLOURS
from workbench.ui.i18n import Retranslating
from workbench.ui.widgets.article_header import ArticleHeader
from workbench.ui.widgets.article_text import ArticleText, Highlight
from workbench.ui.widgets.reader import MATCH_COLOUR

FOCUS_COLOUR = QColor("#ffa726")
"""The shared passage in focus (clicked, or reached with next/previous), in every pane."""
PANE_MIN_WIDTH = 220
"""Four panes still fit a 1280-pixel window."""


class ComparePane(Retranslating, QFrame):
    """One compared article; knows nothing of the others (the view tells it what to paint)."""

    offset_clicked = Signal(int)
    """The user clicked the text; carries the original offset."""
    move_requested = Signal(int)
    """-1: move this pane one place towards the start; +1: towards the end."""
    close_requested = Signal()

    def __init__(self, font_size: int = 14, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(PANE_MIN_WIDTH)
        self.compared: ComparedArticle | None = None
        self.header = ArticleHeader()
        self.text = ArticleText(font_size=font_size)
        self.text.setObjectName("compare_text")
        self.text.offset_clicked.connect(self.offset_clicked)
        self.earlier_button = QToolButton()
        self.later_button = QToolButton()
        self.close_button = QToolButton()
        self.close_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        self.earlier_button.clicked.connect(lambda: self.move_requested.emit(-1))
        self.later_button.clicked.connect(lambda: self.move_requested.emit(1))
        self.close_button.clicked.connect(self.close_requested)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addStretch(1)
        for button in (self.earlier_button, self.later_button, self.close_button):
            button.setAutoRaise(True)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.setSpacing(2)
        layout.addLayout(buttons)
        layout.addWidget(self.header)
        layout.addWidget(self.text, 1)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        # Arrows point the way the pane moves on screen, which flips with the interface direction.
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        self.earlier_button.setText("→" if rtl else "←")
        self.later_button.setText("←" if rtl else "→")
        self.earlier_button.setToolTip(self.tr("Move this article one place earlier"))
        self.later_button.setToolTip(self.tr("Move this article one place later"))
        self.close_button.setToolTip(self.tr("Close this article"))

    def show_compared(self, compared: ComparedArticle, corpus: Path | None, spans: Sequence[tuple[int, int]],
                      mentions: Sequence[EntityMention]) -> None:
        """Show one compared article with its query matches, entity mentions and quotations."""
        self.compared = compared
        article = compared.article
        self.header.show_article(article, corpus)
        self.text.show_text(article.text, article.boilerplate)
        self.text.set_layer("entities", [Highlight(start, end, TYPE_COLOURS.get(kind, TYPE_COLOURS["MISC"]), kind)
                                         for start, end, kind, _entity_id in mentions])
        self.text.set_layer("matches", [Highlight(start, end, MATCH_COLOUR) for start, end in spans])

    def set_positions(self, first: bool, last: bool) -> None:
        """Enable the move buttons that make sense where the pane is."""
        self.earlier_button.setEnabled(not first)
        self.later_button.setEnabled(not last)
