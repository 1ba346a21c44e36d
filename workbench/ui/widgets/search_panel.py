"""The search box with history and syntax help, the filters beside it, and the result summary.

The panel only collects what the user asks for and emits it as a core ``SearchRequest``; the
main window runs the search through the session and reports back with ``show_results`` or
``show_error``. An empty box browses: every article the filters let through, newest first.
"""

from __future__ import annotations

import calendar
import html
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QPoint, QRegularExpression, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QMouseEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.core.arabic import DIGITS, normalize_digits
from workbench.core.search import SearchRequest
from workbench.ui.bidi import isolated, text_direction
from workbench.ui.fonts import ARABIC_FAMILY
from workbench.ui.i18n import Retranslating, translate_noop
from workbench.ui.numbers import digits, number

DATE_PATTERN = QRegularExpression(f"^[{DIGITS}]{{4}}(-[{DIGITS}]{{2}}(-[{DIGITS}]{{2}})?)?$")
"""A year, a month or a day: 2016, 2016-11, 2016-11-01 (Western, Arabic-Indic or Persian digits)."""
SORT_ORDERS = ("relevance", "date", "date-asc", "source", "title")
"""The core's sort orders, in the order the sort box lists them."""


def expand_date(text: str, end: bool) -> str | None:
    """A full ISO date from a year or month typed in a filter: the first day, or the last if ``end``."""
    text = normalize_digits(text.strip())
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


SYNTAX_EXAMPLES = (
    ("لافروف حلب", translate_noop("SyntaxHelp", "all words must match (the default)")),
    ('"وزير الخارجية"', translate_noop("SyntaxHelp", "exact phrase")),
    ("حلب OR دمشق", translate_noop("SyntaxHelp", "either word")),
    ("NOT داعش", translate_noop("SyntaxHelp", "exclude a word")),
    ("-داعش", translate_noop("SyntaxHelp", "exclude a word")),
    ("(حلب OR دمشق) هدنة", translate_noop("SyntaxHelp", "group with parentheses")),
    ("روس*", translate_noop("SyntaxHelp", "prefix: words starting with")),
    ("لافروف~", translate_noop("SyntaxHelp", "fuzzy: near spellings")),
    ("title:هدنة source:sana", translate_noop("SyntaxHelp", "search only the title or a source")),
    ("date:2016-11-01..2016-12-31", translate_noop("SyntaxHelp", "articles dated in a range")),
    ("*", translate_noop("SyntaxHelp", "every article (or leave the box empty)")),
)
"""Examples of the query language and what they do (translated in the SyntaxHelp context)."""


class SyntaxHelp(Retranslating, QFrame):
    """A popover listing the query language, shown under the help button.

    Each example is its own paragraph in the direction of its first letter, as the search box
    lays it out: ``title:هدنة source:sana`` left to right, ``-داعش`` right to left (the minus
    on the right), whatever the interface's direction; examples are set in the Arabic font.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("syntax_help")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        cell = "padding-left:8px; padding-right:8px"
        example_style = f"font-family:'{ARABIC_FAMILY}'; font-size:large"
        rows: list[tuple[str, str]] = []
        for example, meaning in SYNTAX_EXAMPLES:
            shown = html.escape(example)
            direction = "rtl" if text_direction(example) == Qt.LayoutDirection.RightToLeft else "ltr"
            explained = html.escape(QCoreApplication.translate("SyntaxHelp", meaning))
            rows.append((f"<td style='{cell}'><p dir='{direction}' align='center' style=\"{example_style}\">{shown}</p></td>",
                         f"<td style='{cell}'>{explained}</td>"))
        if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            rows = [(second, first) for first, second in rows]  # Qt lays rich-text tables out left to right
        body = "".join(f"<tr>{first}{second}</tr>" for first, second in rows)
        note = self.tr("Spelling variants (hamza, taa marbuta, alef maqsura, transliterations) are matched automatically.")
        heading = self.tr("Search syntax")
        self.label.setText(f"<b>{html.escape(heading)}</b><table>{body}</table><p>{html.escape(note)}</p>")


class _StayOpenMenu(QMenu):
    """A menu that stays open when a checkable item is clicked, to tick several in a row."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.actionAt(event.position().toPoint())
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


class SourceFilterButton(QPushButton):
    """A button whose menu lists the corpus's sources with their article counts, any number of
    them ticked; none ticked means every source."""

    changed = Signal()
    """The user ticked or unticked a source, or chose all of them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("source_filter")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.menu_ = _StayOpenMenu(self)
        self.setMenu(self.menu_)
        self._sources: dict[str, int] = {}
        self._actions: dict[str, QAction] = {}
        self.all_action = QAction(self)
        self.all_action.triggered.connect(self._on_all_action_triggered)
        self._rebuild()

    def set_sources(self, sources: Mapping[str, int]) -> None:
        """List these sources (name -> articles), keeping the ticks of those still there."""
        ticked = set(self.selected())
        self._sources = dict(sources)
        self._rebuild(ticked & set(self._sources))

    def selected(self) -> tuple[str, ...]:
        """The ticked sources, largest first; () means every source."""
        return tuple(name for name, action in self._actions.items() if action.isChecked())

    def set_selected(self, names: Sequence[str]) -> None:
        """Tick exactly these sources (unknown names are ignored)."""
        for name, action in self._actions.items():
            action.setChecked(name in names)
        self._update_text()

    def source_action(self, name: str) -> QAction:
        """The menu item of one source (for tests and keyboard users)."""
        return self._actions[name]

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        self.all_action.setText(self.tr("All sources"))
        self.setToolTip(self.tr("Only articles from the ticked sources (none ticked: all)"))
        self._update_text()

    def _rebuild(self, ticked: set[str] | None = None) -> None:
        self.menu_.clear()
        self.menu_.addAction(self.all_action)
        self.menu_.addSeparator()
        self._actions = {}
        for name, count in sorted(self._sources.items(), key=lambda item: (-item[1], item[0])):
            action = QAction(f"{name} ({number(count)})", self)
            action.setCheckable(True)
            action.setChecked(name in (ticked or ()))
            action.toggled.connect(self._on_source_action_toggled)
            self.menu_.addAction(action)
            self._actions[name] = action
        self.retranslate()

    def _update_text(self) -> None:
        chosen = self.selected()
        if not chosen:
            self.setText(self.tr("All sources"))
        elif len(chosen) == 1:
            self.setText(chosen[0])
        else:
            self.setText(self.tr("%Ln sources", "", len(chosen)))

    def _on_source_action_toggled(self, _checked: bool) -> None:
        self._update_text()
        self.changed.emit()

    def _on_all_action_triggered(self) -> None:
        if self.selected():
            for action in self._actions.values():
                action.blockSignals(True)
                action.setChecked(False)
                action.blockSignals(False)
            self._update_text()
            self.changed.emit()


class SearchPanel(Retranslating, QWidget):
    """Query box, syntax help, filters (sources, dates, match mode, sort) and result summary."""

    search_requested = Signal(object)
    """The user asked for a search; carries a core ``SearchRequest``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_panel")
        self.query_edit = HistoryLineEdit()
        self.query_edit.setObjectName("query_edit")
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.returnPressed.connect(self._on_query_edit_return_pressed)
        self.query_edit.textChanged.connect(self._on_query_edit_text_changed)
        self.search_button = QPushButton()
        self.search_button.clicked.connect(self._on_query_edit_return_pressed)
        self.help_button = QToolButton()
        self.help_button.setText("?")
        self.help_button.clicked.connect(self.show_syntax_help)
        self.syntax_help = SyntaxHelp(self)

        self.source_filter = SourceFilterButton()
        self.source_filter.changed.connect(self._on_filter_changed)
        self.date_from_edit = self._date_edit()
        self.date_to_edit = self._date_edit()
        self.match_box = QComboBox()
        self.match_box.setObjectName("match_box")
        self.sort_box = QComboBox()
        self.sort_box.setObjectName("sort_box")
        for box in (self.match_box, self.sort_box):
            box.activated.connect(self._on_filter_changed)
        self._date_min: str | None = None
        self._date_max: str | None = None
        self._summary: tuple[int, dict[str, list[str]], bool, str] | None = None

        self.total_label = QLabel()
        self.total_label.setObjectName("total_label")
        self.variants_label = QLabel()
        self.variants_label.setObjectName("variants_label")
        self.variants_label.setTextFormat(Qt.TextFormat.PlainText)
        self.variants_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.note_label = QLabel()
        self.note_label.setObjectName("search_note")
        self.note_label.setStyleSheet("color: #8d6e00;")
        self.error_label = QLabel()
        self.error_label.setObjectName("query_error_label")
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.hide()

        self.source_label, self.dates_label, self.match_label, self.sort_label = (QLabel() for _ in range(4))
        self.source_label.setBuddy(self.source_filter)
        self.dates_label.setBuddy(self.date_from_edit)
        self.match_label.setBuddy(self.match_box)
        self.sort_label.setBuddy(self.sort_box)
        query_row = QHBoxLayout()
        query_row.addWidget(self.query_edit, 1)
        query_row.addWidget(self.help_button)
        query_row.addWidget(self.match_label)
        query_row.addWidget(self.match_box)
        query_row.addWidget(self.search_button)
        filter_row = QHBoxLayout()
        for label, widget in ((self.source_label, self.source_filter), (self.dates_label, self.date_from_edit),
                              (None, self.date_to_edit), (self.sort_label, self.sort_box)):
            if label is not None:
                filter_row.addWidget(label)
            filter_row.addWidget(widget)
        filter_row.addStretch(1)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.total_label)
        summary_row.addWidget(self.note_label)
        summary_row.addWidget(self.variants_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.setSpacing(3)
        layout.addLayout(query_row)
        layout.addLayout(filter_row)
        layout.addWidget(self.error_label)
        layout.addLayout(summary_row)
        self.retranslate()

    def _date_edit(self) -> QLineEdit:
        edit = QLineEdit()
        edit.setValidator(QRegularExpressionValidator(DATE_PATTERN, edit))
        edit.setClearButtonEnabled(True)
        edit.editingFinished.connect(self._on_filter_changed)
        edit.textChanged.connect(self._on_date_edit_text_changed)
        return edit

    # ----- language ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        self.query_edit.setPlaceholderText(self.tr("Search the corpus, e.g. لافروف حلب; empty: every article (Ctrl+F)"))
        self.search_button.setText(self.tr("Search"))
        self.help_button.setToolTip(self.tr("Search syntax"))
        self.source_label.setText(self.tr("Sources:"))
        self.dates_label.setText(self.tr("Dates:"))
        self.match_label.setText(self.tr("Match:"))
        self.sort_label.setText(self.tr("Sort:"))
        self.source_filter.retranslate()
        self._refill(self.match_box, (("all", self.tr("All words")), ("any", self.tr("Any word"))))
        self._refill(self.sort_box, (
            ("relevance", self.tr("Relevance")), ("date", self.tr("Newest first")), ("date-asc", self.tr("Oldest first")),
            ("source", self.tr("Source")), ("title", self.tr("Title")),
        ))
        self.sort_box.setToolTip(self.tr("Every article (an empty query) is listed newest first by relevance"))
        self._show_date_placeholders()
        if self._summary is not None:
            self.show_results(*self._summary)

    @staticmethod
    def _refill(box: QComboBox, items: Sequence[tuple[str, str]]) -> None:
        current = box.currentData()
        box.clear()
        for data, text in items:
            box.addItem(text, data)
        box.setCurrentIndex(max(0, box.findData(current)))

    def _show_date_placeholders(self) -> None:
        start = isolated(digits(self._date_min)) if self._date_min else self.tr("YYYY-MM-DD")
        end = isolated(digits(self._date_max)) if self._date_max else self.tr("YYYY-MM-DD")
        self.date_from_edit.setPlaceholderText(self.tr("from {date}").format(date=start))
        self.date_to_edit.setPlaceholderText(self.tr("to {date}").format(date=end))
        metrics = self.fontMetrics()
        width = max(metrics.horizontalAdvance(edit.placeholderText()) for edit in (self.date_from_edit, self.date_to_edit))
        for edit in (self.date_from_edit, self.date_to_edit):
            edit.setFixedWidth(width + 24)  # room for the clear button

    # ----- public -----------------------------------------------------------------------------

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
        self.source_filter.set_sources(sources)

    def set_date_bounds(self, date_min: str | None, date_max: str | None) -> None:
        """Show the corpus's date range as placeholders of the date filters."""
        self._date_min, self._date_max = date_min, date_max
        self._show_date_placeholders()

    def set_dates(self, date_from: str | None, date_to: str | None) -> None:
        """Fill the date filters (from the timeline) and search with them."""
        for edit, value in ((self.date_from_edit, date_from), (self.date_to_edit, date_to)):
            edit.blockSignals(True)
            edit.setText(value or "")
            edit.blockSignals(False)
        self._on_filter_changed()

    def set_sort(self, sort: str) -> None:
        """Choose a sort order (a header click) and search with it."""
        index = self.sort_box.findData(sort)
        if index >= 0 and index != self.sort_box.currentIndex():
            self.sort_box.setCurrentIndex(index)
            self._on_filter_changed()

    def history(self) -> list[str]:
        """Past queries, oldest first."""
        return self.query_edit.history()

    def set_history(self, entries: Sequence[str]) -> None:
        """Restore past queries (oldest first)."""
        self.query_edit.set_history(entries)

    def request(self) -> SearchRequest:
        """The search described by the box and the filters."""
        return SearchRequest(
            query=self.query_edit.text().strip(),
            sort=self.sort_box.currentData(),
            match=self.match_box.currentData(),
            sources=self.source_filter.selected(),
            date_from=expand_date(self.date_from_edit.text(), end=False),
            date_to=expand_date(self.date_to_edit.text(), end=True),
        )

    def show_results(self, total: int, variants: dict[str, list[str]], browsing: bool = False, note: str = "") -> None:
        """Summarise a finished search: hit count (``browsing``: of every article listed), the
        spelling variants it also matched, and a ``note`` (searched while indexing)."""
        self._summary = (total, variants, browsing, note)
        self.error_label.hide()
        self.total_label.setText(self.tr("Every article: %Ln", "", total) if browsing else self.tr("%Ln articles", "", total))
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))
        added = sorted({variant for spellings in variants.values() for variant in spellings})
        variants_text = self.tr("also matched: {variants}").format(variants=isolated("، ".join(added)))
        self.variants_label.setText(variants_text if added else "")

    def show_error(self, message: str) -> None:
        """Show why the query could not run (malformed query), beside the box, not in a dialog."""
        self._summary = None
        self.total_label.clear()
        self.variants_label.clear()
        self.note_label.hide()
        self.error_label.setText(message)
        self.error_label.show()

    def clear_summary(self) -> None:
        """Forget the last search's summary."""
        self._summary = None
        self.total_label.clear()
        self.variants_label.clear()
        self.note_label.hide()
        self.error_label.hide()

    # ----- slots ------------------------------------------------------------------------------

    def _on_query_edit_return_pressed(self) -> None:
        request = self.request()
        self.query_edit.remember(request.query)
        self.search_requested.emit(request)

    def _on_query_edit_text_changed(self, text: str) -> None:
        if not text.strip():
            self.error_label.hide()  # the query the message was about is gone

    def _on_date_edit_text_changed(self, text: str) -> None:
        if not text:
            self._on_filter_changed()

    def _on_filter_changed(self) -> None:
        self.search_requested.emit(self.request())
