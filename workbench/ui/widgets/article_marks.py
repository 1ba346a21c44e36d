"""The user's marks on the article the reader shows: a tick into the current selection, its tags
(completed from the tags already used in the corpus) and a free-text note.

The panel only edits; it saves through its signals (the window hands them to ``UserMarks``,
which commits each change at once). A tag list is saved when the tags box loses focus or Enter
is pressed; a note after a short pause in typing, on losing focus, and before another article
is shown, so nothing typed is lost when the user moves on.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTextEdit,
    QWidget,
)

from workbench.core.userdata import ArticleMarks
from workbench.ui.bidi import isolated
from workbench.ui.fonts import arabic_font, arabic_font_for_typed_text
from workbench.ui.i18n import Retranslating

NOTE_IDLE_MS = 800
"""A note is saved this long after the last keystroke."""
NOTE_LINES = 3
"""Lines of note visible without scrolling."""
TAG_SEPARATORS = re.compile(r"[,،؛;]")
"""Tags are separated by a Latin or Arabic comma or semicolon."""


def split_tags(text: str) -> list[str]:
    """The tags typed in a tags box, in order, without blanks or repeats."""
    return list(dict.fromkeys(tag.strip() for tag in TAG_SEPARATORS.split(text) if tag.strip()))


class TagsEdit(QLineEdit):
    """A line of comma-separated tags whose last tag completes from the corpus's tags."""

    committed = Signal()
    """Enter was pressed or the box lost focus: its tags should be saved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tag_model = QStringListModel(self)
        self.completer_ = QCompleter(self.tag_model, self)
        self.completer_.setWidget(self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer_.activated.connect(self._on_completer_activated)
        self.textEdited.connect(self._on_text_edited)

    def set_known_tags(self, tags: list[str]) -> None:
        """The tags to complete from (most used first)."""
        if self.tag_model.stringList() != tags:
            self.tag_model.setStringList(tags)

    def _popup_visible(self) -> bool:
        popup = self.completer_.popup()
        return popup is not None and popup.isVisible()

    def _hide_popup(self) -> None:
        popup = self.completer_.popup()
        if popup is not None:
            popup.hide()

    def _last_tag_start(self) -> int:
        text = self.text()[:self.cursorPosition()]
        found = [match.end() for match in TAG_SEPARATORS.finditer(text)]
        return found[-1] if found else 0

    def _on_text_edited(self, text: str) -> None:
        prefix = text[self._last_tag_start():self.cursorPosition()].strip()
        if not prefix:
            self._hide_popup()
            return
        self.completer_.setCompletionPrefix(prefix)
        if self.completer_.completionCount():
            self.completer_.complete()
        else:
            self._hide_popup()

    def _on_completer_activated(self, tag: str) -> None:
        start = self._last_tag_start()
        text = self.text()
        rest = text[self.cursorPosition():]
        separator = "، " if self.isRightToLeft() else ", "
        head = text[:start].rstrip()
        if head:
            head += " "
        self.setText(f"{head}{tag}{separator}{rest.lstrip()}")
        self.setCursorPosition(len(head) + len(tag) + len(separator))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._popup_visible() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # the completer's popup takes it
            return
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.committed.emit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if not self._popup_visible():
            self.committed.emit()


class NoteEdit(QTextEdit):
    """The note's text, plain (pasted formatting is dropped); says when it loses focus (to save at
    once). A QTextEdit rather than a QPlainTextEdit, whose layout puts every paragraph at the left:
    here an Arabic paragraph starts at the right whatever the interface's language."""

    focus_lost = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()


class ArticleMarksPanel(Retranslating, QWidget):
    """Tick, tags and note of one article."""

    tick_requested = Signal(str, bool)
    """The user ticked (True) or unticked the article: its id."""
    tags_edited = Signal(str, list)
    """The article's tags as the user left them: its id and the tags."""
    note_edited = Signal(str, str)
    """The article's note as the user left it: its id and the text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("article_marks")
        self._article_id = ""
        self._saved_tags: list[str] = []
        self._saved_note = ""
        self._selection = ""

        self.tick_box = QCheckBox()
        self.tick_box.setObjectName("article_tick")
        self.tick_box.clicked.connect(self._on_tick_box_clicked)
        self.tick_box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # a long name must not widen the reader
        self.tags_label = QLabel()
        self.tags_edit = TagsEdit()
        self.tags_edit.setObjectName("article_tags")
        arabic_font_for_typed_text(self.tags_edit, self.font().pointSize())
        self.tags_edit.committed.connect(self.save_tags)
        self.tags_label.setBuddy(self.tags_edit)
        self.note_label = QLabel()
        self.note_edit = NoteEdit()
        self.note_edit.setObjectName("article_note")
        arabic_font_for_typed_text(self.note_edit, self.font().pointSize() + 1)
        self.note_edit.setTabChangesFocus(True)
        note_lines = QFontMetrics(arabic_font(self.font().pointSize() + 1)).lineSpacing() * NOTE_LINES
        self.note_edit.setFixedHeight(note_lines + 12)
        self.note_edit.textChanged.connect(self._on_note_edit_text_changed)
        self.note_edit.focus_lost.connect(self.save_note)
        self.note_label.setBuddy(self.note_edit)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_IDLE_MS)
        self._note_timer.timeout.connect(self.save_note)

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setVerticalSpacing(2)
        layout.addWidget(self.tick_box, 0, 0, 1, 2)
        layout.addWidget(self.tags_label, 1, 0)
        layout.addWidget(self.tags_edit, 1, 1)
        layout.addWidget(self.note_label, 2, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.note_edit, 2, 1)
        layout.setColumnStretch(1, 1)
        self.retranslate()
        self.show_article("", None, "")

    @property
    def article_id(self) -> str:
        """The article whose marks are shown ("" when none)."""
        return self._article_id

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        self.tags_label.setText(self.tr("&Tags:"))
        self.tags_edit.setPlaceholderText(self.tr("tags, separated by commas"))
        self.note_label.setText(self.tr("N&ote:"))
        self.note_edit.setPlaceholderText(self.tr("Your note on this article (saved as you type)"))
        self._show_selection()

    def show_article(self, article_id: str, marks: ArticleMarks | None, selection: str) -> None:
        """Show an article's marks (``""``: none; the panel is disabled); ``selection`` is the
        current selection ("" when there is none yet). What was typed for the previous
        article is saved first."""
        self._selection = selection
        if article_id != self._article_id:
            self.save_tags()
            self.save_note()
            self._article_id = article_id
            self._saved_tags = []
            self._saved_note = ""
            self._load(marks, force=True)
        else:
            self._load(marks, force=False)
        self._show_selection()
        self.setEnabled(bool(article_id))

    def set_known_tags(self, tags: list[str]) -> None:
        """The corpus's tags, for completion."""
        self.tags_edit.set_known_tags(tags)

    def save_tags(self) -> None:
        """Save the tags typed, if they changed."""
        tags = split_tags(self.tags_edit.text())
        if self._article_id and tags != self._saved_tags:
            self._saved_tags = tags
            self.tags_edited.emit(self._article_id, tags)

    def save_note(self) -> None:
        """Save the note typed, if it changed."""
        self._note_timer.stop()
        text = self.note_edit.toPlainText()
        if self._article_id and text != self._saved_note:
            self._saved_note = text
            self.note_edited.emit(self._article_id, text)

    def _load(self, marks: ArticleMarks | None, force: bool) -> None:
        """Show the stored marks; a box the user is editing keeps what they typed."""
        tags = list(marks.tags) if marks is not None else []
        note = marks.note if marks is not None else ""
        self.tick_box.setChecked(bool(marks is not None and self._selection in marks.selections))
        editing_tags = not force and (self.tags_edit.hasFocus() or split_tags(self.tags_edit.text()) != self._saved_tags)
        if not editing_tags:
            self._saved_tags = tags
            separator = "، " if self.isRightToLeft() else ", "
            self.tags_edit.setText(separator.join(tags))
        editing_note = not force and (self.note_edit.hasFocus() or self._note_timer.isActive())
        if not editing_note and note != self.note_edit.toPlainText():
            self._saved_note = note
            self.note_edit.blockSignals(True)
            self.note_edit.setPlainText(note)
            self.note_edit.blockSignals(False)
        elif not editing_note:
            self._saved_note = note

    def _show_selection(self) -> None:
        if self._selection:
            self.tick_box.setText(self.tr("In the selection “{name}”").format(name=isolated(self._selection)))
        else:
            self.tick_box.setText(self.tr("Add to a new selection"))

    def _on_tick_box_clicked(self, checked: bool) -> None:
        if self._article_id:
            self.tick_requested.emit(self._article_id, checked)

    def _on_note_edit_text_changed(self) -> None:
        self._note_timer.start()
