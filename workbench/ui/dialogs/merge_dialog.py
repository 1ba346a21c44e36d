"""Choosing the entity a selection merges into, by typing, among tens of thousands.

A drop-down of every entity is unusable at 12,000 entities, so the target is found by typing a
name or an alias: ``core.entities.completion`` matches it the way search matches Arabic
(hamza and taa marbuta forms, عبد العزيز = عبدالعزيز, spelling variants such as سيرجي/سيرغي)
and ranks the best names first. Before anything is typed the list offers the selected entities
themselves (merging several: keep which one?). Enter, a double click or OK picks the current
row; the sidebar then merges in the background.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.core.entities.completion import EntityCompleter
from workbench.core.entities.service import Entity
from workbench.ui.entity_types import type_label
from workbench.ui.fonts import arabic_font, arabic_font_for_typed_text

CANDIDATES_SHOWN = 50


class MergeDialog(QDialog):
    """Pick the target of a merge of ``sources``: type to find it, or keep one of the sources."""

    def __init__(self, sources: Sequence[Entity], completer: EntityCompleter[Entity],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("merge_dialog")
        self.setWindowTitle(self.tr("Merge entities"))
        self.sources = list(sources)
        self._completer = completer
        source_ids = {source.id for source in sources}
        names = "، ".join(f"\u2068{source.name}\u2069" for source in sources)
        self.label = QLabel(self.tr("Merge {names} into:").format(names=names) if len(sources) == 1 else
                            self.tr("Merge {count} entities ({names}) into:").format(count=len(sources), names=names))
        self.label.setWordWrap(True)
        self.edit = QLineEdit()
        self.edit.setObjectName("merge_target_edit")
        self.edit.setPlaceholderText(self.tr("Type a name or an alias"))
        self.edit.setClearButtonEnabled(True)
        arabic_font_for_typed_text(self.edit, self.font().pointSize() + 1)
        self.edit.textChanged.connect(self._on_edit_text_changed)
        self.candidates = QListWidget()
        self.candidates.setObjectName("merge_candidates")
        self.candidates.setFont(arabic_font(self.font().pointSize() + 1))
        self.candidates.itemActivated.connect(self._on_candidates_item_activated)
        self.candidates.currentItemChanged.connect(self._on_candidates_current_item_changed)
        self.hint = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.edit)
        layout.addWidget(self.candidates, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self._source_ids = source_ids
        self._show(self.sources if len(self.sources) > 1 else [])
        self.edit.setFocus()
        self.resize(480, 420)

    def target(self) -> Entity | None:
        """The entity chosen to merge into (None while nothing is chosen)."""
        item = self.candidates.currentItem()
        entity = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return entity if isinstance(entity, Entity) else None

    def _show(self, entities: Sequence[Entity]) -> None:
        self.candidates.clear()
        for entity in entities:
            item = QListWidgetItem(self.tr("{name} — {type}, {count} articles").format(
                name=f"\u2068{entity.name}\u2069", type=type_label(entity.type), count=f"{entity.articles:,}"))
            item.setData(Qt.ItemDataRole.UserRole, entity)
            if entity.aliases:
                item.setToolTip(self.tr("Also written: {aliases}").format(aliases="، ".join(entity.aliases)))
            self.candidates.addItem(item)
        if entities:
            self.candidates.setCurrentRow(0)
        self._on_candidates_current_item_changed()
        typed = bool(self.edit.text().strip())
        self.hint.setText(self.tr("No entity matches.") if typed and not entities else "")

    def _on_edit_text_changed(self, text: str) -> None:
        if not text.strip():
            self._show(self.sources if len(self.sources) > 1 else [])
            return
        found = self._completer.complete(text, limit=CANDIDATES_SHOWN + len(self._source_ids))
        if len(self.sources) == 1:
            found = [entity for entity in found if entity.id not in self._source_ids]
        self._show(found[:CANDIDATES_SHOWN])

    def _on_candidates_current_item_changed(self, *_: object) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.target() is not None)

    def _on_candidates_item_activated(self, item: QListWidgetItem) -> None:
        self.candidates.setCurrentItem(item)
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Up and Down in the text box move through the candidates; Enter picks the current one."""
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.edit.hasFocus():
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            self.candidates.setCurrentRow(max(0, min(self.candidates.count() - 1, self.candidates.currentRow() + step)))
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.target() is None:
            return
        super().keyPressEvent(event)
