"""An entity's details: every spelling and why it belongs (which rule merged it), and the sources.

Automatic grouping joins spellings by rules (spelling variants, the alias list, a surname
or given name linked to a full name, ...); each row says which, so a wrong merge is visible,
and "Split out" moves the selected spelling into an entity of its own (the sidebar does it, as
one undoable step). Below, how many of the entity's articles each source published.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.core.compare import Quote
from workbench.core.entities.service import Entity, Spelling
from workbench.core.search import Histogram
from workbench.ui.entity_types import type_label
from workbench.ui.fonts import arabic_font
from workbench.ui.numbers import number
from workbench.ui.widgets.timeline import TimelineWidget


def rule_text(spelling: Spelling) -> str:
    """Why a spelling belongs to its entity, in the interface language."""
    via = f"\u2068{spelling.via}\u2069"
    texts = {
        "": QCoreApplication.translate("EntityDetails", "The entity's name"),
        "spelling": QCoreApplication.translate("EntityDetails", "The same name written differently"),
        "article": QCoreApplication.translate("EntityDetails", "Linked in its articles to {via}"),
        "variant": QCoreApplication.translate("EntityDetails", "Spelling variant of {via}"),
        "alias": QCoreApplication.translate("EntityDetails", "Another name of {via} (alias list)"),
        "lineage": QCoreApplication.translate("EntityDetails", "The full name, with the father's name, of {via}"),
        "part": QCoreApplication.translate("EntityDetails", "Part of the longer name {via}"),
        "linked": QCoreApplication.translate("EntityDetails", "Given name the articles link to {via}"),
        "merged": QCoreApplication.translate("EntityDetails", "You merged {via} into it"),
        "assigned": QCoreApplication.translate("EntityDetails", "You assigned it"),
    }
    return texts.get(spelling.rule, spelling.rule).format(via=via)


class EntityDetailsDialog(QDialog):
    """Spellings with their reasons (and Split out), and the sources that mention the entity."""

    split_requested = Signal(str, str)
    """The user asked to split a spelling out; carries the entity id and the spelling."""

    def __init__(self, entity: Entity, spellings: Sequence[Spelling], sources: Mapping[str, int],
                 parent: QWidget | None = None, over_time: Histogram | None = None,
                 quotes: Sequence[Quote] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("entity_details")
        self.entity = entity
        self.setWindowTitle(self.tr("Entity: {name}").format(name=entity.name))
        name_font = arabic_font(self.font().pointSize() + 3)
        title = QLabel(entity.name)
        title.setFont(name_font)
        summary = QLabel(self.tr("{type} · {articles} articles · {mentions} mentions").format(
            type=type_label(entity.type), articles=number(entity.articles), mentions=number(entity.mentions)))
        state = QLabel()
        if entity.hidden:
            state.setText(self.tr("Hidden: left out of lists, filters and highlights."))
        elif entity.fragment:
            state.setText(self.tr("A given name alone, which could be many people: left out of the ranked "
                                  "lists. Show it in the lists, or merge it into the person it names."))
        state.setWordWrap(True)
        state.setVisible(bool(state.text()))

        self.spellings = self._table([self.tr("Spelling"), self.tr("Articles"), self.tr("Why it is here")])
        self.spellings.setObjectName("entity_spellings")
        for spelling in spellings:
            self._add_row(self.spellings, [spelling.text, number(spelling.articles), rule_text(spelling)], spelling)
        self.spellings.itemSelectionChanged.connect(self._on_spellings_item_selection_changed)
        self.split_button = QPushButton(self.tr("Split out"))
        self.split_button.setObjectName("split_button")
        self.split_button.setToolTip(self.tr("Move the selected spelling into an entity of its own"))
        self.split_button.setEnabled(False)
        self.split_button.clicked.connect(self._on_split_button_clicked)

        self.sources = self._table([self.tr("Source"), self.tr("Articles")])
        self.sources.setObjectName("entity_sources")
        for source, count in sources.items():
            self._add_row(self.sources, [source or self.tr("(unknown source)"), number(count)], source)

        self.timeline = TimelineWidget()
        self.timeline.setObjectName("entity_timeline")
        self.timeline.set_histogram(over_time)
        self.quotes = QListWidget()
        self.quotes.setObjectName("entity_quotes")
        self.quotes.setFont(arabic_font(self.font().pointSize() + 1))
        self.quotes.setWordWrap(True)
        for quote in quotes:
            item = QListWidgetItem(f"“{quote.text}”")
            item.setToolTip(quote.article_id)
            item.setData(Qt.ItemDataRole.UserRole, quote.article_id)
            self.quotes.addItem(item)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(summary)
        layout.addWidget(state)
        layout.addWidget(QLabel(self.tr("Spellings")))
        layout.addWidget(self.spellings, 2)
        layout.addWidget(self.split_button, 0, Qt.AlignmentFlag.AlignLeading)
        layout.addWidget(QLabel(self.tr("Sources that mention it")))
        layout.addWidget(self.sources, 1)
        layout.addWidget(QLabel(self.tr("Articles that mention it, over time")))
        layout.addWidget(self.timeline)
        layout.addWidget(QLabel(self.tr("Quotations ({count})").format(count=number(len(quotes)))))
        layout.addWidget(self.quotes, 1)
        layout.addWidget(buttons)
        self.resize(640, 720)

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.setFont(arabic_font(self.font().pointSize() + 1))
        header = table.horizontalHeader()
        header.setFont(self.font())
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    @staticmethod
    def _add_row(table: QTableWidget, cells: list[str], data: object) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, data)
            if column == 1:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, column, item)

    def selected_spelling(self) -> Spelling | None:
        """The spelling selected in the table, if any."""
        rows = self.spellings.selectionModel().selectedRows()
        item = self.spellings.item(rows[0].row(), 0) if rows else None
        spelling = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return spelling if isinstance(spelling, Spelling) else None

    def _on_spellings_item_selection_changed(self) -> None:
        spelling = self.selected_spelling()
        self.split_button.setEnabled(spelling is not None and spelling.rule not in ("", "spelling"))

    def _on_split_button_clicked(self) -> None:
        spelling = self.selected_spelling()
        if spelling is not None:
            self.split_requested.emit(self.entity.id, spelling.text)
            self.accept()
