"""Non-blocking messages above the results: errors and notices the user can dismiss.

Used instead of modal dialogs for everything that can go wrong while working (a corpus folder
vanished, an index was rebuilt, the disk is full, a file could not be read), so the window never
stops to wait for a click.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

LEVEL_COLOURS = {
    "info": ("#e3f2fd", "#0d47a1"),
    "warning": ("#fff8e1", "#8d6e00"),
    "error": ("#ffebee", "#b71c1c"),
}
MAX_MESSAGES = 3


class _Message(QFrame):
    """One message row: text and a close button."""

    closed = Signal()

    def __init__(self, text: str, level: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = level
        background, foreground = LEVEL_COLOURS.get(level, LEVEL_COLOURS["info"])
        self.setObjectName("message")
        self.setStyleSheet(f"QFrame#message {{ background: {background}; border: 1px solid {foreground}; border-radius: 3px; }}"
                           f"QLabel {{ color: {foreground}; }}")
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close_button = QToolButton()
        close_button.setText("×")
        close_button.setAutoRaise(True)
        close_button.setToolTip(self.tr("Dismiss"))
        close_button.clicked.connect(self._on_close_button_clicked)
        self.close_button = close_button
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 2, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(close_button, 0, Qt.AlignmentFlag.AlignTop)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.close_button.setToolTip(self.tr("Dismiss"))
        super().changeEvent(event)

    def _on_close_button_clicked(self) -> None:
        self.closed.emit()


class MessageBar(QWidget):
    """A stack of at most MAX_MESSAGES dismissible messages, newest last; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message_bar")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 2, 4, 2)
        self._messages: list[_Message] = []
        self.hide()

    def show_message(self, text: str, level: str = "info") -> None:
        """Add a message ('info', 'warning' or 'error'); an identical visible one is not repeated."""
        if any(message.label.text() == text for message in self._messages):
            return
        message = _Message(text, level, self)
        message.closed.connect(self._on_message_closed)
        self._messages.append(message)
        self._layout.addWidget(message)
        while len(self._messages) > MAX_MESSAGES:
            self._remove(self._messages[0])
        self.show()

    def messages(self) -> list[tuple[str, str]]:
        """The (level, text) of the messages shown, oldest first."""
        return [(message.level, message.label.text()) for message in self._messages]

    def _remove(self, message: _Message) -> None:
        self._messages.remove(message)
        self._layout.removeWidget(message)
        message.hide()
        message.deleteLater()
        self.setVisible(bool(self._messages))

    def _on_message_closed(self) -> None:
        message = self.sender()
        if isinstance(message, _Message) and message in self._messages:
            self._remove(message)
