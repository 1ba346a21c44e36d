"""The search box with history and syntax help, the filters beside it, and the result summary.

The panel only collects what the user asks for and emits it as a core ``SearchRequest``; the
main window runs the search through the worker pool and reports back with ``show_results`` or
``show_error``.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QToolButton, QVBoxLayout, QWidget

from workbench.core.search import SearchRequest

DATE_PATTERN = QRegularExpression(r"^\d{4}(-\d{2}(-\d{2})?)?$")
"""A year, a month or a day: 2016, 2016-11, 2016-11-01."""


def expand_date(text: str, end: bool) -> str | None:
    """A full ISO date from a year or month typed in a filter: the first day, or the last if ``end``."""
    text = text.strip()
    if not text:
        return None
    parts = text.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-12-31" if end else f"{parts[0]}-01-01"
    if len(parts) == 2:
        if not end:
            return f"{text}-01"
        year, month = int(parts[0]), int(parts[1])
        last_day = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 31
        return f"{text}-{last_day:02d}"
    return text


class HistoryLineEdit(QLineEdit):
    """A line edit recalling earlier entries with Up / Down, like a shell."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._history: list[str] = []
        self._position = 0
        self._draft = ""

    def history(self) -> list[str]:
        """Entries, oldest first."""
        return list(self._history)

    def set_history(self, entries: Sequence[str], limit: int = 50) -> None:
        """Replace the history (oldest first)."""
        self._history = [entry for entry in entries if entry][-limit:]
        self._position = len(self._history)

    def remember(self, entry: str, limit: int = 50) -> None:
        """Append an entry (moving an existing duplicate to the end) and reset the recall position."""
        if entry:
            self._history = [e for e in self._history if e != entry] + [entry]
            self._history = self._history[-limit:]
        self._position = len(self._history)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Up and self._history:
            if self._position == len(self._history):
                self._draft = self.text()
            self._position = max(0, self._position - 1)
            self.setText(self._history[self._position])
            return
        if event.key() == Qt.Key.Key_Down and self._history:
            self._position = min(len(self._history), self._position + 1)
            self.setText(self._draft if self._position == len(self._history) else self._history[self._position])
            return
        super().keyPressEvent(event)


class SyntaxHelp(QFrame):
    """A popover listing the query language, shown under the help button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("syntax_help")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        rows = [
            ("لافروف حلب", self.tr("all words must match (the default)")),
            ('"وزير الخارجية"', self.tr("exact phrase")),
            ("حلب OR دمشق", self.tr("either word")),
            ("NOT داعش   -داعش", self.tr("exclude a word")),
            ("(حلب OR دمشق) هدنة", self.tr("group with parentheses")),
            ("روس*", self.tr("prefix: words starting with")),
            ("لافروف~", self.tr("fuzzy: near spellings")),
            ("title:هدنة   source:sana", self.tr("search only the title or a source")),
            ("date:2016-11-01..2016-12-31", self.tr("articles dated in a range")),
        ]
        body = "".join(
            f"<tr><td dir='rtl' style='padding-right:12px'><code>{example}</code></td><td>{meaning}</td></tr>"
            for example, meaning in rows
        )
        note = self.tr("Spelling variants (hamza, taa marbuta, alef maqsura, transliterations) are matched automatically.")
        heading = self.tr("Search syntax")
        label = QLabel(f"<b>{heading}</b><table>{body}</table><p>{note}</p>")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self.label = label


class SearchPanel(QWidget):
    """Query box, syntax help, filters (source, dates, match mode, sort) and result summary."""

    search_requested = Signal(object)
    """The user asked for a search; carries a core ``SearchRequest``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_panel")
        self.query_edit = HistoryLineEdit()
        self.query_edit.setObjectName("query_edit")
        self.query_edit.setPlaceholderText(self.tr("Search the corpus, e.g. لافروف حلب  (Ctrl+F)"))
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.returnPressed.connect(self._on_query_edit_return_pressed)
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.clicked.connect(self._on_query_edit_return_pressed)
        self.help_button = QToolButton()
        self.help_button.setText("?")
        self.help_button.setToolTip(self.tr("Search syntax"))
        self.help_button.clicked.connect(self.show_syntax_help)
        self.syntax_help = SyntaxHelp(self)

        self.source_box = QComboBox()
        self.source_box.setObjectName("source_box")
        self.source_box.setToolTip(self.tr("Only articles from this source"))
        self.date_from_edit = self._date_edit(self.tr("from YYYY-MM-DD"))
        self.date_to_edit = self._date_edit(self.tr("to YYYY-MM-DD"))
        self.match_box = QComboBox()
        self.match_box.addItem(self.tr("All words"), "all")
        self.match_box.addItem(self.tr("Any word"), "any")
        self.sort_box = QComboBox()
        self.sort_box.addItem(self.tr("Relevance"), "relevance")
        self.sort_box.addItem(self.tr("Newest first"), "date")
        self.set_sources({})
        for box in (self.source_box, self.match_box, self.sort_box):
            box.activated.connect(self._on_filter_changed)

        self.total_label = QLabel()
        self.total_label.setObjectName("total_label")
        self.variants_label = QLabel()
        self.variants_label.setObjectName("variants_label")
        self.variants_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label = QLabel()
        self.error_label.setObjectName("query_error_label")
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        query_row = QHBoxLayout()
        query_row.addWidget(self.query_edit, 1)
        query_row.addWidget(self.help_button)
        query_row.addWidget(self.search_button)
        filter_row = QHBoxLayout()
        for caption, widget in (
            (self.tr("Source:"), self.source_box),
            (self.tr("Dates:"), self.date_from_edit),
            ("–", self.date_to_edit),
            (self.tr("Match:"), self.match_box),
            (self.tr("Sort:"), self.sort_box),
        ):
            label = QLabel(caption)
            label.setBuddy(widget)
            filter_row.addWidget(label)
            filter_row.addWidget(widget)
        filter_row.addStretch(1)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.total_label)
        summary_row.addWidget(self.variants_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addLayout(query_row)
        layout.addLayout(filter_row)
        layout.addWidget(self.error_label)
        layout.addLayout(summary_row)

    def _date_edit(self, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setValidator(QRegularExpressionValidator(DATE_PATTERN, edit))
        edit.setClearButtonEnabled(True)
        edit.setMaximumWidth(150)
        edit.editingFinished.connect(self._on_filter_changed)
        edit.textChanged.connect(self._on_date_edit_text_changed)
        return edit

    def focus_search(self) -> None:
        """Put the keyboard in the query box, its text selected (Ctrl+F)."""
        self.query_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query_edit.selectAll()

    def show_syntax_help(self) -> None:
        """Show the syntax popover below the help button."""
        self.syntax_help.adjustSize()
        anchor = self.help_button.mapToGlobal(QPoint(0, self.help_button.height()))
        if self.layoutDirection() == Qt.LayoutDirection.LeftToRight:
            anchor.setX(anchor.x() + self.help_button.width() - self.syntax_help.width())
        self.syntax_help.move(anchor)
        self.syntax_help.show()

    def set_sources(self, sources: dict[str, int]) -> None:
        """Fill the source filter with the corpus's sources and their article counts."""
        current = self.source_box.currentData()
        self.source_box.clear()
        self.source_box.addItem(self.tr("All sources"), "")
        for name, count in sorted(sources.items(), key=lambda item: (-item[1], item[0])):
            self.source_box.addItem(f"{name} ({count})", name)
        index = self.source_box.findData(current) if current else 0
        self.source_box.setCurrentIndex(max(0, index))

    def set_date_bounds(self, date_min: str | None, date_max: str | None) -> None:
        """Show the corpus's date range as placeholders of the date filters."""
        if date_min:
            self.date_from_edit.setPlaceholderText(self.tr("from {date}").format(date=f"\u2066{date_min}\u2069"))
        if date_max:
            self.date_to_edit.setPlaceholderText(self.tr("to {date}").format(date=f"\u2066{date_max}\u2069"))

    def history(self) -> list[str]:
        """Past queries, oldest first."""
        return self.query_edit.history()

    def set_history(self, entries: Sequence[str]) -> None:
        """Restore past queries (oldest first)."""
        self.query_edit.set_history(entries)

    def request(self) -> SearchRequest:
        """The search described by the box and the filters."""
        source = self.source_box.currentData()
        return SearchRequest(
            query=self.query_edit.text().strip(),
            sort=self.sort_box.currentData(),
            match=self.match_box.currentData(),
            sources=(source,) if source else (),
            date_from=expand_date(self.date_from_edit.text(), end=False),
            date_to=expand_date(self.date_to_edit.text(), end=True),
        )

    def show_results(self, total: int, variants: dict[str, list[str]]) -> None:
        """Summarise a finished search: hit count and the spelling variants it also matched."""
        self.error_label.hide()
        self.total_label.setText(self.tr("{count} articles").format(count=f"{total:,}"))
        added = sorted({variant for spellings in variants.values() for variant in spellings})
        self.variants_label.setText(self.tr("also matched: {variants}").format(variants="، ".join(added)) if added else "")

    def show_error(self, message: str) -> None:
        """Show why the query could not run (malformed query), beside the box, not in a dialog."""
        self.total_label.clear()
        self.variants_label.clear()
        self.error_label.setText(message)
        self.error_label.show()

    def clear_summary(self) -> None:
        """Forget the last search's summary."""
        self.total_label.clear()
        self.variants_label.clear()
        self.error_label.hide()

    def _on_query_edit_return_pressed(self) -> None:
        request = self.request()
        if not request.query:
            return
        self.query_edit.remember(request.query)
        self.search_requested.emit(request)

    def _on_date_edit_text_changed(self, text: str) -> None:
        if not text:
            self._on_filter_changed()

    def _on_filter_changed(self) -> None:
        if self.query_edit.text().strip():
            self.search_requested.emit(self.request())
