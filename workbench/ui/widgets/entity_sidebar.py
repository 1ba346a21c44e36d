"""The entity sidebar: who and what the results mention, an entity filter, and curation.

Content of the "Entities" dock, top to bottom: the active entity filter as chips, the counting
scope (the current results or the whole corpus), a filter box, the tree of entities grouped by
type with article and mention counts, and the entities that appear most often with the current
one. Clicking an entity (or pressing Enter) restricts the results to the articles that mention
it; Ctrl-click adds or removes entities, and the results must mention every one of them (AND).
The sidebar owns that filter and announces it with ``filter_changed``; the main window runs the
search and reports back which results are shown (``count_results``).

Every call into ``EntityService`` runs as a reading job of the window's ``CorpusSession``
(counting entities of a large result set takes time); a job overtaken by a newer one of the
same kind is ignored. Curation (merge, rename,
change of type, hide) is written to the corpus's store by the service, so it survives
re-indexing; the list is recounted afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QActionGroup, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from workbench.core.arabic import is_arabic, normalize
from workbench.core.entities.service import Entity, EntityService
from workbench.core.progress import CancelToken, ProgressCallback
from workbench.core.search import SearchRequest
from workbench.core.workspace import Workspace
from workbench.ui.entity_types import ENTITY_TYPES, type_label
from workbench.ui.fonts import arabic_font
from workbench.ui.models.entity_model import EntityTreeModel
from workbench.ui.session import CorpusSession
from workbench.ui.widgets.entity_chips import EntityChips
from workbench.ui.workers import Task

RESULTS_SCOPE, CORPUS_SCOPE = "results", "corpus"
"""Where entities are counted: the articles of the current search, or every article."""
COOCCURRING_LIMIT = 15
COUNT_COLUMN_PADDING = 24
"""Pixels beyond the widest of a count column's title and "000000" (sort arrow and margins)."""
"""Entities listed under the tree as appearing with the current one."""


def _is_right_to_left(text: str) -> bool:
    """True when a name is written in Arabic script (laid out and aligned right-to-left)."""
    return is_arabic(normalize(text.strip()))


class _NameDelegate(QStyledItemDelegate):
    """Lays Arabic names out right-to-left and right-aligned even in a left-to-right interface.

    Qt lays an item's text out in the view's direction; an Arabic name in an English window
    would start at the left with its neutral characters (brackets, digits) on the wrong side.
    """

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.parent().isValid() and _is_right_to_left(option.text):
            option.direction = Qt.LayoutDirection.RightToLeft
            option.displayAlignment = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class _Curated:
    """What a curation job hands back: the filter's entities as they are now."""

    action: str
    filter: tuple[Entity, ...]


class EntitySidebar(QWidget):
    """Entity filter chips, scope toggle, filter box, entity tree, co-occurring entities."""

    filter_changed = Signal(tuple)
    """The user changed the entity filter; carries the entity ids (AND), possibly empty."""
    entities_listed = Signal(int)
    """The tree was refilled from a finished count; carries the number of entities counted."""
    cooccurring_listed = Signal(str)
    """The co-occurring list was filled; carries the id of the entity it is about."""
    entities_curated = Signal(str)
    """A curation action was saved; carries its name ("merge", "rename", "type", "hide")."""
    failed = Signal(object)
    """Counting or curation failed; carries the exception (the window words it for the user)."""

    def __init__(self, session: CorpusSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entity_sidebar")
        self._session = session
        self._workspace: Workspace | None = None
        self._results_request: SearchRequest | None = None
        self._filter: list[Entity] = []
        self._collapsed: set[str] = set()
        self._list_task: Task | None = None
        self._cooccurring_task: Task | None = None
        self._curate_task: Task | None = None
        self._cooccurring_for: str | None = None

        self.chips = EntityChips()
        self.chips.remove_requested.connect(self._on_chips_remove_requested)
        self.chips.clear_requested.connect(self._on_chips_clear_requested)

        self.scope_box = QComboBox()
        self.scope_box.setObjectName("entity_scope_box")
        self.scope_box.addItem(self.tr("Count in the results"), RESULTS_SCOPE)
        self.scope_box.addItem(self.tr("Count in the whole corpus"), CORPUS_SCOPE)
        tip = Qt.ItemDataRole.ToolTipRole
        self.scope_box.setItemData(0, self.tr("Count entities in the articles of the current search"), tip)
        self.scope_box.setItemData(1, self.tr("Count entities in every article of the corpus"), tip)
        self.scope_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scope_box.setMinimumContentsLength(6)
        self.scope_box.currentIndexChanged.connect(self._on_scope_box_current_index_changed)

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("entity_filter_edit")
        self.filter_edit.setPlaceholderText(self.tr("Filter by name or alias"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)

        self.model = EntityTreeModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("entity_tree")
        self.tree.setModel(self.model)
        self.tree.setFont(arabic_font(self.font().pointSize() + 2))
        self.tree.setItemDelegateForColumn(EntityTreeModel.NAME, _NameDelegate(self.tree))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long names are elided instead
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(EntityTreeModel.ARTICLES, Qt.SortOrder.DescendingOrder)
        header = self.tree.header()
        header_font = QFont(self.font())
        header_font.setFamily(self.font().family())  # set explicitly, or the header inherits Amiri from the tree,
        header.setFont(header_font)  # whose metrics make it size every section to 176 px and push the counts out of view
        header.setStretchLastSection(False)
        header.setSectionResizeMode(EntityTreeModel.NAME, header.ResizeMode.Stretch)
        # Count columns get a fixed width fitting their title and a six-digit count: sizing them to
        # their contents made Qt ask every row for its text on each refill (~1 s at 14,000 entities).
        for column in (EntityTreeModel.ARTICLES, EntityTreeModel.MENTIONS):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(header.fontMetrics().horizontalAdvance(title), self.fontMetrics().horizontalAdvance("000000"))
            header.setSectionResizeMode(column, header.ResizeMode.Fixed)
            header.resizeSection(column, width + COUNT_COLUMN_PADDING)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._on_tree_custom_context_menu_requested)
        self.tree.clicked.connect(self._on_tree_clicked)
        self.tree.activated.connect(self._on_tree_activated)
        self.tree.collapsed.connect(self._on_tree_collapsed)
        self.tree.expanded.connect(self._on_tree_expanded)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.model.modelReset.connect(self._on_model_reset)

        self.summary_label = QLabel()
        self.summary_label.setObjectName("entity_summary")
        self.cooccurring_label = QLabel()
        self.cooccurring_label.setWordWrap(True)
        self.cooccurring_list = QListWidget()
        self.cooccurring_list.setObjectName("cooccurring_list")
        self.cooccurring_list.setFont(self.tree.font())
        self.cooccurring_list.setMaximumHeight(150)
        self.cooccurring_list.setToolTip(self.tr("Click to add to the entity filter"))
        self.cooccurring_list.itemClicked.connect(self._on_cooccurring_list_item_clicked)
        self.cooccurring_list.itemActivated.connect(self._on_cooccurring_list_item_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.chips)
        layout.addWidget(self.scope_box)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.cooccurring_label)
        layout.addWidget(self.cooccurring_list)
        self._show_cooccurring(None, [])

    # ----- public API -----------------------------------------------------------------------

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Use a newly opened corpus (None: no corpus); drops the filter and empties the tree.

        Nothing is counted until ``refresh`` or ``count_results``: the window calls them once
        indexing has brought the entity catalog up to date.
        """
        for task in (self._list_task, self._cooccurring_task, self._curate_task):
            if task is not None:
                task.cancel()
        self._list_task = self._cooccurring_task = self._curate_task = None
        self._cooccurring_for = None
        self._workspace = workspace
        self._results_request = None
        self._filter = []
        self.chips.set_entities([])
        self.model.set_entities([])
        self._show_cooccurring(None, [])
        self.summary_label.clear()

    def count_results(self, request: SearchRequest | None) -> None:
        """The results now shown come from ``request`` (entity filter included); None: no search.

        In the "Results" scope the entities are recounted over those articles; with no search
        the whole corpus is counted.
        """
        self._results_request = request
        if self.scope_box.currentData() == RESULTS_SCOPE:
            self.refresh()

    def refresh(self) -> None:
        """Recount the entities for the chosen scope in the background and refill the tree."""
        workspace = self._workspace
        if workspace is None:
            return
        request = self._results_request if self.scope_box.currentData() == RESULTS_SCOPE else None

        def job(progress: ProgressCallback, cancel: CancelToken) -> list[Entity] | None:
            article_ids = None if request is None else workspace.engine.search_ids(request)
            return None if cancel.cancelled else workspace.entities.entities(article_ids)

        if self._list_task is not None:
            self._list_task.cancel()
        self._list_task = self._session.submit(
            "entities", job, succeeded=self._on_list_task_succeeded, failed=self._on_task_failed
        )

    def filter_ids(self) -> tuple[str, ...]:
        """Ids of the entities the results are restricted to, in the order they were chosen."""
        return tuple(entity.id for entity in self._filter)

    def set_filter(self, entities: Sequence[Entity]) -> None:
        """Restrict the results to articles mentioning all these entities; emits filter_changed if it changed."""
        unique = list({entity.id: entity for entity in entities}.values())
        changed = [e.id for e in unique] != list(self.filter_ids())
        self._filter = unique
        self.chips.set_entities(unique)
        self._select_filter_in_tree()
        if changed:
            self.filter_changed.emit(self.filter_ids())

    def context_menu(self, entities: Sequence[Entity]) -> QMenu:
        """The curation menu for the selected entities (built, not shown: tests trigger its actions)."""
        menu = QMenu(self)
        single = entities[0] if len(entities) == 1 else None
        if single is not None:
            merge = menu.addAction(self.tr("Merge into…"))
            merge.triggered.connect(lambda: self._merge_into(single))
            rename = menu.addAction(self.tr("Rename…"))
            rename.triggered.connect(lambda: self._rename(single))
        else:
            merge = menu.addAction(self.tr("Merge {count} entities…").format(count=len(entities)))
            merge.triggered.connect(lambda: self._merge_selected(entities))
        type_menu = menu.addMenu(self.tr("Change type"))
        group = QActionGroup(type_menu)
        for entity_type in ENTITY_TYPES:
            action = type_menu.addAction(type_label(entity_type))
            action.setCheckable(True)
            action.setChecked(all(entity.type == entity_type for entity in entities))
            action.setData(entity_type)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, t=entity_type: self._set_type(entities, t))
        hide = menu.addAction(self.tr("Hide") if single else self.tr("Hide {count} entities").format(count=len(entities)))
        hide.setToolTip(self.tr("A wrong entity: leave it out of lists, filters and highlights"))
        hide.triggered.connect(lambda: self._hide(entities))
        if single is not None:
            menu.addSeparator()
            aliases = menu.addAction(self.tr("Show aliases"))
            aliases.setEnabled(bool(single.aliases))
            aliases.triggered.connect(lambda: self._show_aliases(single))
        return menu

    def selected_entities(self) -> list[Entity]:
        """Entities selected in the tree, top to bottom."""
        rows = sorted(self.tree.selectionModel().selectedRows(EntityTreeModel.NAME),
                      key=lambda index: (index.parent().row(), index.row()))
        return [entity for entity in map(self.model.entity, rows) if entity is not None]

    # ----- filter and tree ------------------------------------------------------------------

    def _apply_tree_selection(self) -> None:
        """Make the filter what is selected; Ctrl keeps filter entities the tree does not show."""
        selected = self.selected_entities()
        keep_unlisted = bool(QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier)
        selected_ids = {entity.id for entity in selected}
        kept = [e for e in self._filter if e.id in selected_ids or (keep_unlisted and not self.model.index_of(e.id).isValid())]
        kept_ids = {entity.id for entity in kept}
        self.set_filter(kept + [entity for entity in selected if entity.id not in kept_ids])

    def _select_filter_in_tree(self) -> None:
        """Select the filter's entities among the rows shown (the tree mirrors the filter)."""
        selection = QItemSelection()
        last = QModelIndex()
        for entity in self._filter:
            index = self.model.index_of(entity.id)
            if index.isValid():
                selection.select(index, index.siblingAtColumn(EntityTreeModel.MENTIONS))
                last = index
        selection_model = self.tree.selectionModel()
        selection_model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if last.isValid():
            selection_model.setCurrentIndex(last, QItemSelectionModel.SelectionFlag.NoUpdate)

    def _restore_expansion(self) -> None:
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
            type_ = self._type_of_node(index)
            self.tree.setExpanded(index, type_ not in self._collapsed)

    def _type_of_node(self, index: QModelIndex) -> str:
        members = self.model.rowCount(index)
        entity = self.model.entity(self.model.index(0, 0, index)) if members else None
        return entity.type if entity is not None else ""

    def _update_summary(self, counted: int) -> None:
        shown = self.model.entity_count()
        if shown == counted:
            self.summary_label.setText(self.tr("{count} entities").format(count=f"{counted:,}"))
        else:
            self.summary_label.setText(self.tr("{shown} of {count} entities").format(shown=f"{shown:,}", count=f"{counted:,}"))

    def _show_cooccurring(self, entity: Entity | None, pairs: Sequence[tuple[Entity, int]]) -> None:
        self.cooccurring_list.clear()
        if entity is None:
            self.cooccurring_label.setText(self.tr("Select an entity to see who and what appears with it."))
            return
        self.cooccurring_label.setText(self.tr("Appears most with {name}:").format(name=f"\u2068{entity.name}\u2069"))
        for other, shared in pairs:
            item = QListWidgetItem(self.tr("{name}  ({count} articles)").format(name=f"\u2068{other.name}\u2069", count=shared))
            item.setData(Qt.ItemDataRole.UserRole, other)
            item.setToolTip(type_label(other.type))
            self.cooccurring_list.addItem(item)

    def _list_cooccurring(self, entity: Entity) -> None:
        if self._workspace is None or entity.id == self._cooccurring_for:
            return
        service = self._workspace.entities
        self._cooccurring_for = entity.id

        def job(progress: ProgressCallback, cancel: CancelToken) -> tuple[Entity, list[tuple[Entity, int]]]:
            return entity, service.cooccurring(entity.id, limit=COOCCURRING_LIMIT)

        if self._cooccurring_task is not None:
            self._cooccurring_task.cancel()
        self._cooccurring_task = self._session.submit(
            "cooccurring", job, succeeded=self._on_cooccurring_task_succeeded, failed=self._on_task_failed
        )

    # ----- curation -------------------------------------------------------------------------

    def _curate(self, action: str, change: Callable[[EntityService], None]) -> None:
        """Run one curation change in the background, then refresh the filter's entities."""
        if self._workspace is None:
            return
        service = self._workspace.entities
        filter_ids = self.filter_ids()

        def job(progress: ProgressCallback, cancel: CancelToken) -> _Curated:
            change(service)
            now: dict[str, Entity] = {}
            for entity_id in filter_ids:
                try:
                    entity = service.entity(entity_id)
                except KeyError:
                    continue
                if not entity.hidden:
                    now.setdefault(entity.id, entity)
            return _Curated(action, tuple(now.values()))

        self._curate_task = self._session.submit(
            "curate", job, succeeded=self._on_curate_task_succeeded, failed=self._on_task_failed
        )

    def _merge_into(self, entity: Entity) -> None:
        targets = [e for e in self.model.entities() if e.id != entity.id]
        targets.sort(key=lambda e: (e.type != entity.type, -e.articles, e.name))
        labels = [f"{e.name} — {type_label(e.type)} ({e.articles})" for e in targets]
        if not labels:
            return
        label, accepted = QInputDialog.getItem(
            self, self.tr("Merge entities"), self.tr("Merge “{name}” into:").format(name=entity.name), labels, 0, False
        )
        if accepted and label in labels:
            target = targets[labels.index(label)]
            self._curate("merge", lambda service: service.merge([entity.id], target.id))

    def _merge_selected(self, entities: Sequence[Entity]) -> None:
        labels = [f"{e.name} — {type_label(e.type)} ({e.articles})" for e in entities]
        label, accepted = QInputDialog.getItem(
            self, self.tr("Merge entities"), self.tr("Keep which entity (its name and type)?"), labels, 0, False
        )
        if accepted and label in labels:
            target = entities[labels.index(label)]
            ids = [e.id for e in entities]
            self._curate("merge", lambda service: service.merge(ids, target.id))

    def _rename(self, entity: Entity) -> None:
        name, accepted = QInputDialog.getText(
            self, self.tr("Rename entity"), self.tr("New name for “{name}”:").format(name=entity.name), text=entity.name
        )
        if accepted and name.strip() and name.strip() != entity.name:
            self._curate("rename", lambda service: service.rename(entity.id, name.strip()))

    def _set_type(self, entities: Sequence[Entity], entity_type: str) -> None:
        ids = [e.id for e in entities if e.type != entity_type]

        def change(service: EntityService) -> None:
            for entity_id in ids:
                service.set_type(entity_id, entity_type)

        if ids:
            self._curate("type", change)

    def _hide(self, entities: Sequence[Entity]) -> None:
        ids = [e.id for e in entities]

        def change(service: EntityService) -> None:
            for entity_id in ids:
                service.hide(entity_id)

        self._curate("hide", change)

    def _show_aliases(self, entity: Entity) -> None:
        QMessageBox.information(
            self, self.tr("Aliases of {name}").format(name=entity.name),
            self.tr("“{name}” is also written:").format(name=entity.name) + "\n\n" + "\n".join(entity.aliases),
        )

    # ----- slots: worker tasks --------------------------------------------------------------

    def _on_list_task_succeeded(self, entities: list[Entity] | None) -> None:
        if self.sender() is not self._list_task or entities is None:
            return
        self._list_task = None
        self.model.set_entities(entities)
        fresh = {entity.id: entity for entity in entities}
        self._filter = [fresh.get(entity.id, entity) for entity in self._filter]
        self.chips.set_entities(self._filter)
        self._select_filter_in_tree()
        self._update_summary(self.model.counted())
        self.entities_listed.emit(len(entities))

    def _on_cooccurring_task_succeeded(self, found: tuple[Entity, list[tuple[Entity, int]]]) -> None:
        if self.sender() is not self._cooccurring_task:
            return
        self._cooccurring_task = None
        entity, pairs = found
        self._show_cooccurring(entity, pairs)
        self.cooccurring_listed.emit(entity.id)

    def _on_curate_task_succeeded(self, curated: _Curated) -> None:
        if self.sender() is not self._curate_task:  # the corpus changed meanwhile
            return
        self._curate_task = None
        self._cooccurring_for = None
        self.entities_curated.emit(curated.action)
        if [e.id for e in curated.filter] != list(self.filter_ids()):
            self.set_filter(curated.filter)  # the main window searches again, then recounts
        else:
            self._filter = list(curated.filter)
            self.chips.set_entities(self._filter)
            self.refresh()

    def _on_task_failed(self, exc: BaseException) -> None:
        task = self.sender()
        if task is self._list_task:
            self._list_task = None
        elif task is self._cooccurring_task:
            self._cooccurring_task = None
            self._cooccurring_for = None
        elif task is self._curate_task:
            self._curate_task = None
        if isinstance(task, Task) and not task.cancelled:
            self.failed.emit(exc)

    # ----- slots: widgets -------------------------------------------------------------------

    def _on_tree_clicked(self, index: QModelIndex) -> None:
        if self.model.entity(index) is None:
            self._select_filter_in_tree()  # a click on a type node must not clear the filter
            return
        self._apply_tree_selection()

    def _on_tree_activated(self, index: QModelIndex) -> None:
        if self.model.entity(index) is not None:
            self._apply_tree_selection()

    def _on_tree_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        entity = self.model.entity(current)
        if entity is not None:
            self._list_cooccurring(entity)

    def _on_tree_collapsed(self, index: QModelIndex) -> None:
        self._collapsed.add(self._type_of_node(index))

    def _on_tree_expanded(self, index: QModelIndex) -> None:
        self._collapsed.discard(self._type_of_node(index))

    def _on_tree_custom_context_menu_requested(self, position: QPoint) -> None:
        index = self.tree.indexAt(position)
        entity = self.model.entity(index)
        if entity is None:
            return
        if entity.id not in {e.id for e in self.selected_entities()}:
            self.tree.selectionModel().select(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
        menu = self.context_menu(self.selected_entities())
        menu.exec(self.tree.viewport().mapToGlobal(position))
        menu.deleteLater()

    def _on_model_reset(self) -> None:
        self._restore_expansion()

    def _on_filter_edit_text_changed(self, text: str) -> None:
        self.model.set_text_filter(text)
        self._select_filter_in_tree()
        self._update_summary(self.model.counted())

    def _on_scope_box_current_index_changed(self, row: int) -> None:
        self.refresh()

    def _on_cooccurring_list_item_clicked(self, item: QListWidgetItem) -> None:
        entity = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(entity, Entity):
            self.set_filter([*self._filter, entity])

    def _on_chips_remove_requested(self, entity_id: str) -> None:
        self.set_filter([entity for entity in self._filter if entity.id != entity_id])

    def _on_chips_clear_requested(self) -> None:
        self.set_filter([])
