"""A one-line label that elides its text to the width it is given and never asks for more.

A plain QLabel's minimum width is its text's width, so a long path or URL would widen the pane it
sits in and push the splitter each time an article opens. This label elides instead (the
tooltip has the whole text) and can show its text as a link that opens in the browser. A short
form, when given, stands in for the text where the whole text does not fit ("3/28" for "Match 3
of 28"), so a narrow window still shows what matters.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """One line of plain text (or a link), elided at ``elide_mode`` to the label's width."""

    def __init__(self, parent: QWidget | None = None, elide_mode: Qt.TextElideMode = Qt.TextElideMode.ElideMiddle) -> None:
        super().__init__(parent)
        self._full = ""
        self._short = ""
        self._href = ""
        self._elide_mode = elide_mode
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def full_text(self) -> str:
        """The text before eliding."""
        return self._full

    def href(self) -> str:
        """The link target, "" when the label is plain text."""
        return self._href

    def set_full_text(self, text: str, href: str = "", short: str = "") -> None:
        """Show ``text`` (as a link to ``href`` if given), elided to fit; where it does not fit,
        ``short`` (if given) instead, elided in turn if need be."""
        self._full, self._href, self._short = text, href, short
        self.setTextFormat(Qt.TextFormat.RichText if href else Qt.TextFormat.PlainText)
        self.setOpenExternalLinks(False)
        link = Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        self.setTextInteractionFlags(link if href else Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setToolTip(text if text else "")
        self._refresh()

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(0, super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refresh()

    def _refresh(self) -> None:
        width = max(0, self.width() - 2)
        fits = self.fontMetrics().horizontalAdvance(self._full) <= width
        text = self._short if self._short and not fits else self._full
        shown = self.fontMetrics().elidedText(text, self._elide_mode, width)
        if self._href:
            self.setText(f'<a href="{html.escape(self._href, quote=True)}">{html.escape(shown)}</a>')
        else:
            self.setText(shown)
