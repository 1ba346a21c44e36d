"""Tree model over a list of core ``Entity``: one node per type, the entities of that type below it.

The sidebar hands the model the entities counted for the current result set (or the whole
corpus); the model groups them by type, filters them by a typed text and sorts them, all in
Python over plain lists, so a corpus with tens of thousands of entities re-sorts without a
per-comparison callback from a proxy model. Filtering matches the name AND the aliases after
``workbench.core.arabic.normalize`` (hamza forms, taa marbuta, alef maqsura, diacritics, digits),
the same rules search uses, so typing سوريا finds سورية.

Index layout: a type node has an invalid parent and internal id 0; an entity row's internal id
is its type node's row + 1.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from workbench.core.arabic import normalize
from workbench.core.entities.service import Entity
from workbench.ui.entity_types import ENTITY_TYPES, TYPE_COLOURS, type_label
from workbench.ui.numbers import number

ModelIndex = QModelIndex | QPersistentModelIndex

ENTITY_ROLE = Qt.ItemDataRole.UserRole + 1
"""data() role returning the row's core ``Entity`` (None on type nodes)."""


_TYPE_FLAGS = Qt.ItemFlag.ItemIsEnabled
_ENTITY_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
MATCH_FORMS_KEPT = 200_000
"""Entities whose matching forms (sort name, filter text) are remembered between result sets."""


def _haystack(entity: Entity) -> str:
    """Name and aliases in matching form, one per line (a filter never matches across two)."""
    return "\n".join(normalize(text) for text in (entity.name, *entity.aliases))


class EntityTreeModel(QAbstractItemModel):
    """Type nodes (Person, Place, Organization, Other) with their entities: name, articles, mentions."""

    NAME, ARTICLES, MENTIONS = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entities: list[Entity] = []
        self._sort_names: dict[tuple[str, str], str] = {}
        self._haystacks: dict[tuple[str, str, tuple[str, ...]], str] = {}
        self._needle = ""
        self._sort_column = self.ARTICLES
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._groups: list[tuple[str, list[Entity]]] = []
        self._compact_titles = False

    # ----- content ------------------------------------------------------------------------

    def set_entities(self, entities: Sequence[Entity]) -> None:
        """Show these entities (replacing the previous ones), filtered and sorted as set."""
        self._entities = list(entities)
        for memo in (self._sort_names, self._haystacks):
            if len(memo) > MATCH_FORMS_KEPT:
                memo.clear()
        self._rebuild()

    def _sort_name(self, entity: Entity) -> str:
        """The entity's name in matching form (memoised: each search shows mostly the same entities)."""
        key = (entity.id, entity.name)
        found = self._sort_names.get(key)
        if found is None:
            found = self._sort_names[key] = normalize(entity.name)
        return found

    def _matches(self, entity: Entity) -> bool:
        key = (entity.id, entity.name, entity.aliases)
        haystack = self._haystacks.get(key)
        if haystack is None:
            haystack = self._haystacks[key] = _haystack(entity)
        return self._needle in haystack

    def set_text_filter(self, text: str) -> None:
        """Keep only entities whose name or an alias contains ``text`` (Arabic-normalised)."""
        needle = normalize(text.strip())
        if needle != self._needle:
            self._needle = needle
            self._rebuild()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the entities of each type by name or by a count (ties broken by name)."""
        self._sort_column, self._sort_order = column, order
        self._rebuild()

    def counted(self) -> int:
        """Entities given to the model (before filtering)."""
        return len(self._entities)

    def entity_count(self) -> int:
        """Entities shown (after filtering)."""
        return sum(len(members) for _, members in self._groups)

    def entities(self) -> list[Entity]:
        """Entities shown, type by type, in display order."""
        return [entity for _, members in self._groups for entity in members]

    def entity(self, index: ModelIndex) -> Entity | None:
        """The entity of a row, or None for a type node or an invalid index."""
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    def index_of(self, entity_id: str, column: int = 0) -> QModelIndex:
        """The index of an entity's row, or an invalid index when it is not shown."""
        for group_row, (_, members) in enumerate(self._groups):
            for row, entity in enumerate(members):
                if entity.id == entity_id:
                    return self.createIndex(row, column, group_row + 1)
        return QModelIndex()

    def _rebuild(self) -> None:
        self.beginResetModel()
        by_type: dict[str, list[Entity]] = {}
        for entity in self._entities:
            if not self._needle or self._matches(entity):
                by_type.setdefault(entity.type, []).append(entity)
        order = [*ENTITY_TYPES, *sorted(set(by_type) - set(ENTITY_TYPES))]
        self._groups = [(type_, self._sorted(by_type[type_])) for type_ in order if type_ in by_type]
        self.endResetModel()

    def _sorted(self, entities: list[Entity]) -> list[Entity]:
        by_name = sorted(entities, key=lambda e: (self._sort_name(e), e.name, e.id))
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        if self._sort_column == self.NAME:
            return by_name[::-1] if descending else by_name
        if self._sort_column == self.ARTICLES:
            count = lambda e: (e.articles, e.mentions)  # noqa: E731
        else:
            count = lambda e: (e.mentions, e.articles)  # noqa: E731
        return sorted(by_name, key=count, reverse=descending)  # stable: equal counts stay by name

    # ----- QAbstractItemModel ---------------------------------------------------------------

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt signature
        # Checked here rather than with hasIndex(), which calls back into rowCount() and
        # columnCount(): the tree view asks for every row of an expanded type after a reset.
        if row < 0 or not 0 <= column < 3:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._groups) else QModelIndex()
        group = parent.row()
        if parent.internalId() != 0 or parent.column() != 0 or row >= len(self._groups[group][1]):
            return QModelIndex()
        return self.createIndex(row, column, group + 1)

    def parent(self, index: ModelIndex) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 3

    def retranslate(self) -> None:
        """Tell views that titles, tooltips and numbers changed language or digits."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        self.layoutAboutToBeChanged.emit()
        self.layoutChanged.emit()

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        return _TYPE_FLAGS if index.internalId() == 0 else _ENTITY_FLAGS

    def count_titles(self, compact: bool) -> dict[int, str]:
        """The count columns' titles, in full or short (for a narrow dock; tooltips say them in full)."""
        if compact:
            return {self.ARTICLES: self.tr("Art.", "short for Articles"), self.MENTIONS: self.tr("Ment.", "short for Mentions")}
        return {self.ARTICLES: self.tr("Articles"), self.MENTIONS: self.tr("Mentions")}

    def set_compact_titles(self, compact: bool) -> None:
        """Show the count columns' short titles (the dock is too narrow for the full ones)."""
        if compact != self._compact_titles:
            self._compact_titles = compact
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, self.ARTICLES, self.MENTIONS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Entity") if section == self.NAME else self.count_titles(self._compact_titles).get(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                self.ARTICLES: self.tr("Articles that mention the entity"),
                self.MENTIONS: self.tr("Times the entity is mentioned"),
            }.get(section)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._type_data(index, role)
        entity = self._groups[index.internalId() - 1][1][index.row()]
        column = index.column()
        if role == ENTITY_ROLE:
            return entity
        if role == Qt.ItemDataRole.DisplayRole:
            return {self.NAME: entity.name, self.ARTICLES: entity.articles, self.MENTIONS: entity.mentions}.get(column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [entity.name, self.tr("{articles} articles, {mentions} mentions").format(
                articles=number(entity.articles), mentions=number(entity.mentions))]
            if entity.aliases:
                lines.append(self.tr("Also written: {aliases}").format(aliases="، ".join(entity.aliases)))
            if entity.hidden:
                lines.append(self.tr("Hidden by you"))
            elif entity.fragment:
                lines.append(self.tr("A given name alone: left out of the lists"))
            return "\n".join(lines)
        return None

    def _type_data(self, index: ModelIndex, role: int) -> Any:
        type_, members = self._groups[index.row()]
        if index.column() != self.NAME:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("{type} ({count})").format(type=type_label(type_), count=number(len(members)))
        if role == Qt.ItemDataRole.DecorationRole:
            return TYPE_COLOURS.get(type_)
        return None
