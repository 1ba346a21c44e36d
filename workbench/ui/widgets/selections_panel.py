"""The selections dock: the corpus's named selections with their sizes, which one ticks go into,
and what can be done with one (open it as a result list, compare its articles, rename, delete,
export).

Clicking a selection makes it the current one (ticks in the results, the concordance and the
reader go into it; it is shown in bold). Enter or a double click opens it as a result list (the
query ``selection:"NAME"``). Articles whose file disappeared stay in their selection and are
counted as missing; the tooltip names them with their notes.

Names are asked for and deletions confirmed through ``ask_name`` and ``confirm``, which tests
replace.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from workbench.core.search.query import quoted
from workbench.core.userdata import AnnotatedArticle
from workbench.ui.bidi import isolated
from workbench.ui.fonts import arabic_font
from workbench.ui.i18n import Retranslating
from workbench.ui.marks import MarksSnapshot, UserMarks
from workbench.ui.numbers import number

NAME_ROLE = Qt.ItemDataRole.UserRole + 1
"""The selection's name on its list item."""
MISSING_LISTED = 10
"""Missing articles named in a selection's tooltip; more are counted."""


def ask_name(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    """Ask for a selection's name; None when the user cancels."""
    name, accepted = QInputDialog.getText(parent, title, label, text=text)
    return name if accepted and name.strip() else None


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask the user to confirm something that cannot be undone."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
    return QMessageBox.question(parent, title, text, buttons, QMessageBox.StandardButton.Cancel) \
        == QMessageBox.StandardButton.Yes


def quoted_selection_query(name: str) -> str:
    """The query that lists a selection's articles (quote marks in its name escaped)."""
    return f"selection:{quoted(name)}"


class SelectionsPanel(Retranslating, QWidget):
    """The list of selections and its actions."""

    open_requested = Signal(str)
    """Show this selection's articles as the results."""
    export_requested = Signal(str)
    """Export this selection (the export dialog opens with it chosen)."""
    compare_requested = Signal(str)
    """Compare this selection's articles side by side (two to four)."""

    def __init__(self, marks: UserMarks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("selections_panel")
        self._marks = marks
        self.list = QListWidget()
        self.list.setObjectName("selections_list")
        self.list.setFont(arabic_font(self.font().pointSize() + 1))
        self.list.itemClicked.connect(self._on_list_item_clicked)
        self.list.itemActivated.connect(self._on_list_item_activated)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setObjectName("selections_hint")

        self.new_action = QAction(self)
        self.new_action.triggered.connect(self.new_selection)
        self.open_action = QAction(self)
        self.open_action.triggered.connect(self._on_open_action_triggered)
        self.rename_action = QAction(self)
        self.rename_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.rename_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.rename_action.triggered.connect(self.rename_selection)
        self.delete_action = QAction(self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_selection)
        self.export_action = QAction(self)
        self.export_action.triggered.connect(self._on_export_action_triggered)
        self.compare_action = QAction(self)
        self.compare_action.triggered.connect(self._on_compare_action_triggered)
        for action in (self.open_action, self.compare_action, self.rename_action, self.delete_action,
                       self.export_action):
            self.list.addAction(action)
        self.addActions([self.rename_action, self.delete_action])

        self.toolbar = QToolBar()  # folds what does not fit behind a » button: the dock stays narrow
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addActions([self.new_action, self.open_action, self.rename_action, self.delete_action])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        marks.changed.connect(self._on_marks_changed)
        marks.current_changed.connect(self._on_marks_current_changed)
        self.retranslate()
        self._update_actions()

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        self.new_action.setText(self.tr("&New…"))
        self.new_action.setToolTip(self.tr("Make a new selection; ticks go into it (Ctrl+Shift+N)"))
        self.open_action.setText(self.tr("&Show"))
        self.open_action.setToolTip(self.tr("List this selection's articles as the results (Enter)"))
        self.rename_action.setText(self.tr("&Rename…"))
        self.delete_action.setText(self.tr("&Delete…"))
        self.export_action.setText(self.tr("&Export…"))
        self.compare_action.setText(self.tr("&Compare"))
        self.compare_action.setToolTip(self.tr("Compare this selection's articles side by side (two to four)"))
        self.hint.setText(self.tr("Click a selection to tick articles into it; double-click to list its articles."))
        self._fill(self._marks.snapshot)

    def selected_name(self) -> str:
        """The name of the selection highlighted in the list ("" when none)."""
        item = self.list.currentItem()
        return str(item.data(NAME_ROLE)) if item is not None else ""

    def new_selection(self) -> None:
        """Ask for a name and make a new selection (it becomes the current one)."""
        name = ask_name(self, self.tr("New selection"), self.tr("Name of the new selection:"))
        if name is not None:
            self._marks.create_selection(name)

    def rename_selection(self) -> None:
        """Ask for a new name for the highlighted selection."""
        name = self.selected_name()
        if not name:
            return
        new_name = ask_name(self, self.tr("Rename selection"), self.tr("New name of {name}:").format(name=isolated(name)),
                            name)
        if new_name is not None and new_name.strip() != name:
            self._marks.rename_selection(name, new_name)

    def delete_selection(self) -> None:
        """Delete the highlighted selection once the user confirms (tags and notes stay)."""
        name = self.selected_name()
        if not name:
            return
        question = self.tr("Delete the selection “{name}”? Its articles keep their tags and notes.").format(
            name=isolated(name))
        if confirm(self, self.tr("Delete selection"), question):
            self._marks.delete_selection(name)

    # ----- filling ----------------------------------------------------------------------------

    def _fill(self, snapshot: MarksSnapshot) -> None:
        highlighted = self.selected_name()
        if highlighted not in {selection.name for selection in snapshot.selections}:
            highlighted = self._marks.current  # a renamed or deleted selection: the current one
        self.list.blockSignals(True)
        self.list.clear()
        for selection in snapshot.selections:
            missing = snapshot.missing_in(selection.name)
            if missing:
                size = self.tr("{name} ({count}, {missing} missing)").format(
                    name=isolated(selection.name), count=number(selection.articles), missing=number(len(missing)))
            else:
                size = self.tr("{name} ({count})").format(name=isolated(selection.name), count=number(selection.articles))
            item = QListWidgetItem(size)
            item.setData(NAME_ROLE, selection.name)
            item.setToolTip(self._tooltip(selection.name, selection.articles, missing))
            if selection.name == self._marks.current:
                font = QFont(self.list.font())
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
            if selection.name == highlighted:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._update_actions()

    def _tooltip(self, name: str, articles: int, missing: list[AnnotatedArticle]) -> str:
        lines = [self.tr("%Ln articles", "", articles)]
        if name == self._marks.current:
            lines.append(self.tr("Ticked articles go into this selection."))
        if missing:
            lines.append(self.tr("Missing (their file is no longer in the corpus):"))
            for article in missing[:MISSING_LISTED]:
                title = article.record.title or article.record.path
                lines.append(f"• {isolated(title)}" + (f" — {isolated(article.note)}" if article.note else ""))
            if len(missing) > MISSING_LISTED:
                lines.append(self.tr("… and %Ln more", "", len(missing) - MISSING_LISTED))
        return "\n".join(lines)

    def _update_actions(self) -> None:
        chosen = bool(self.selected_name())
        for action in (self.open_action, self.compare_action, self.rename_action, self.delete_action,
                       self.export_action):
            action.setEnabled(chosen)

    # ----- slots ------------------------------------------------------------------------------

    def _on_marks_changed(self, snapshot: MarksSnapshot) -> None:
        self._fill(snapshot)

    def _on_marks_current_changed(self, _name: str) -> None:
        self._fill(self._marks.snapshot)

    def _on_list_item_clicked(self, item: QListWidgetItem) -> None:
        self._marks.set_current(str(item.data(NAME_ROLE)))

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(str(item.data(NAME_ROLE)))

    def _on_list_current_item_changed(self, _current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        self._update_actions()

    def _on_open_action_triggered(self) -> None:
        if self.selected_name():
            self.open_requested.emit(self.selected_name())

    def _on_compare_action_triggered(self) -> None:
        if self.selected_name():
            self.compare_requested.emit(self.selected_name())

    def _on_export_action_triggered(self) -> None:
        if self.selected_name():
            self.export_requested.emit(self.selected_name())
