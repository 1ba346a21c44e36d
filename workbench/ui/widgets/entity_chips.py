"""The active entity filters as removable chips, with a button that clears them all.

Shown at the top of the entity dock: one button per entity the results are restricted to,
tinted with its type's colour; clicking a chip removes that entity from the filter. Chips are
stacked one per line, so a narrow dock never has to grow to fit them. The widget only shows the
filter and reports what the user asked to remove; the sidebar owns the filter.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from workbench.core.entities.service import Entity
from workbench.ui.entity_types import TYPE_COLOURS
from workbench.ui.fonts import arabic_font
from workbench.ui.i18n import Retranslating

MAX_CHIP_CHARS = 24
"""Longer names are elided on the chip (the tooltip shows them whole)."""


class EntityChips(Retranslating, QWidget):
    """"Only articles mentioning:  Clear" over one "[name ✕]" chip per entity; hidden while no filter is active."""

    remove_requested = Signal(str)
    """The user clicked a chip; carries the entity id to drop from the filter."""
    clear_requested = Signal()
    """The user clicked Clear."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entity_chips")
        self._chips: list[QToolButton] = []
        self._entities: list[Entity] = []
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.clear_button = QToolButton()
        self.clear_button.clicked.connect(self.clear_requested)
        caption_row = QHBoxLayout()
        caption_row.addWidget(self.caption, 1)
        caption_row.addWidget(self.clear_button)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._layout.addLayout(caption_row)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        self.caption.setText(self.tr("Only articles mentioning:"))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Show articles regardless of entities"))
        for chip, entity in zip(self._chips, self._entities, strict=True):
            chip.setToolTip(self.tr("{name}: click to remove this filter").format(name=entity.name))

    def set_entities(self, entities: Sequence[Entity]) -> None:
        """Show one chip per entity of the filter (in the order they were chosen)."""
        for chip in self._chips:
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self._chips = []
        self._entities = list(entities)
        for position, entity in enumerate(entities, start=1):
            name = entity.name if len(entity.name) <= MAX_CHIP_CHARS else entity.name[: MAX_CHIP_CHARS - 1] + "…"
            chip = QToolButton()
            chip.setObjectName("entity_chip")
            chip.setFont(arabic_font(self.font().pointSize() + 1))
            chip.setText(f"\u2067{name}\u2069 ✕")  # isolate: an Arabic name keeps its order before the ✕
            chip.setToolTip(self.tr("{name}: click to remove this filter").format(name=entity.name))
            chip.setProperty("entity_id", entity.id)
            colour = TYPE_COLOURS.get(entity.type)
            if colour is not None:
                chip.setStyleSheet(f"QToolButton {{ background: {colour.name()}; border-radius: 6px; padding: 1px 6px; }}")
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            chip.clicked.connect(self._on_chip_clicked)
            self._layout.insertWidget(position, chip, 0, Qt.AlignmentFlag.AlignLeading)
            self._chips.append(chip)
        self.setVisible(bool(self._chips))

    def chips(self) -> list[QToolButton]:
        """The chip buttons shown, in order."""
        return list(self._chips)

    def _on_chip_clicked(self) -> None:
        chip = self.sender()
        if isinstance(chip, QToolButton):
            self.remove_requested.emit(str(chip.property("entity_id")))
