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
same kind is ignored. Curation (the context menu, merge with a typed target, details and
split, undo/redo with Ctrl+Z / Ctrl+Shift+Z) is ``entity_curation.EntityCurator``'s; it is
written to the corpus's store, so it survives re-indexing, and the list is recounted afterwards.
"Hidden and left out" switches the tree to the entities left out of the lists (hidden by the user, or a
lone given name) so they can be brought back. At small widths the count columns shrink, then
the mentions column goes, before the names do.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from workbench.core.arabic import is_arabic, normalize
from workbench.core.entities.service import HIDDEN, LISTED, Entity
from workbench.core.progress import CancelToken, ProgressCallback
from workbench.core.search import SearchRequest
from workbench.core.workspace import Workspace
from workbench.ui.entity_types import type_label
from workbench.ui.fonts import arabic_font
from workbench.ui.i18n import Retranslating
from workbench.ui.models.entity_model import EntityTreeModel
from workbench.ui.numbers import number
from workbench.ui.session import CorpusSession
from workbench.ui.widgets.entity_chips import EntityChips
from workbench.ui.widgets.entity_curation import Curated, EntityCurator
from workbench.ui.workers import Task

RESULTS_SCOPE, CORPUS_SCOPE, HIDDEN_SCOPE = "results", "corpus", "hidden"
"""What the tree lists: the entities of the current search, of every article, or the ones left
out of the lists (hidden, or a given name alone), counted in every article."""
COOCCURRING_LIMIT = 15
"""Entities listed under the tree as appearing with the current one."""
COUNT_COLUMN_PADDING = 16
"""Pixels beyond a count column's widest number (margins)."""
SORT_MARK_WIDTH = 12
"""Room for the header's sort arrow beside a count column's title."""
NAME_COLUMN_MIN = 140
"""Pixels the names keep before the count columns give up room: first their full titles, then
the mentions column."""
NAME_COLUMN_SHARE = 0.6
"""The share of the width names get before the count columns take their short titles."""


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


class EntitySidebar(Retranslating, QWidget):
    """Entity filter chips, scope toggle, filter box, entity tree, co-occurring entities."""

    filter_changed = Signal(tuple)
    """The user changed the entity filter; carries the entity ids (AND), possibly empty."""
    entities_listed = Signal(int)
    """The tree was refilled from a finished count; carries the number of entities counted."""
    cooccurring_listed = Signal(str)
    """The co-occurring list was filled; carries the id of the entity it is about."""
    entities_curated = Signal(str)
    """A curation step was saved, undone or redone; carries its name ("merge", "split", "rename",
    "type", "hide", "unhide", "undo", "redo")."""
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
        self._cooccurring_for: str | None = None
        self._counted: int | None = None
        """Entities the last count found (the summary line is written again on a language change)."""
        self._cooccurring_shown: tuple[Entity | None, list[tuple[Entity, int]]] = (None, [])
        self.curator = EntityCurator(session, self, self.filter_ids)
        self.curator.curated.connect(self._on_curator_curated)
        self.curator.failed.connect(self.failed)

        self.chips = EntityChips()
        self.chips.remove_requested.connect(self._on_chips_remove_requested)
        self.chips.clear_requested.connect(self._on_chips_clear_requested)

        self.scope_box = QComboBox()
        self.scope_box.setObjectName("entity_scope_box")
        for scope in (RESULTS_SCOPE, CORPUS_SCOPE, HIDDEN_SCOPE):
            self.scope_box.addItem("", scope)
        self.scope_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scope_box.setMinimumContentsLength(6)
        self.scope_box.currentIndexChanged.connect(self._on_scope_box_current_index_changed)
        self.undo_button = QToolButton()
        self.undo_button.setObjectName("entity_undo_button")
        self.undo_button.setDefaultAction(self.curator.undo_action)
        self.redo_button = QToolButton()
        self.redo_button.setObjectName("entity_redo_button")
        self.redo_button.setDefaultAction(self.curator.redo_action)
        self.curator.history_changed.connect(self._on_curator_history_changed)

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("entity_filter_edit")
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
        # Count columns get fixed widths set by _fit_columns: sizing them to their contents made Qt
        # ask every row for its text on each refill (~1 s at 14,000 entities).
        for column in (EntityTreeModel.ARTICLES, EntityTreeModel.MENTIONS):
            header.setSectionResizeMode(column, header.ResizeMode.Fixed)
        self.tree.viewport().installEventFilter(self)
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
        self.cooccurring_list.itemClicked.connect(self._on_cooccurring_list_item_clicked)
        self.cooccurring_list.itemActivated.connect(self._on_cooccurring_list_item_clicked)

        tools = QHBoxLayout()
        tools.setContentsMargins(0, 0, 0, 0)
        tools.addWidget(self.filter_edit, 1)
        tools.addWidget(self.undo_button)
        tools.addWidget(self.redo_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.chips)
        layout.addWidget(self.scope_box)
        layout.addLayout(tools)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.cooccurring_label)
        layout.addWidget(self.cooccurring_list)
        self.retranslate()

    # ----- public API -----------------------------------------------------------------------

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Use a newly opened corpus (None: no corpus); drops the filter and empties the tree.

        Nothing is counted until ``refresh`` or ``count_results``: the window calls them once
        indexing has brought the entity catalog up to date.
        """
        for task in (self._list_task, self._cooccurring_task):
            if task is not None:
                task.cancel()
        self._list_task = self._cooccurring_task = None
        self._cooccurring_for = None
        self._workspace = workspace
        self.curator.set_workspace(workspace)
        self._results_request = None
        self._filter = []
        self.chips.set_entities([])
        self.model.set_entities([])
        self._show_cooccurring(None, [])
        self._counted = None
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
        hidden = self.hidden_view()
        request = self._results_request if self.scope_box.currentData() == RESULTS_SCOPE else None

        def job(progress: ProgressCallback, cancel: CancelToken) -> list[Entity] | None:
            article_ids = None if request is None else workspace.engine.search_ids(request)
            listing = HIDDEN if hidden else LISTED
            return None if cancel.cancelled else workspace.entities.entities(article_ids, listing=listing)

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
        return self.curator.menu(entities, hidden_view=self.hidden_view())

    def hidden_view(self) -> bool:
        """True while the tree lists the entities left out of the lists."""
        return bool(self.scope_box.currentData() == HIDDEN_SCOPE)

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

    def retranslate(self) -> None:
        """Set every text of the dock in the interface language, numbers in the digit style."""
        tip = Qt.ItemDataRole.ToolTipRole
        for row, (text, tooltip) in enumerate((
                (self.tr("Count in the results"), self.tr("Count entities in the articles of the current search")),
                (self.tr("Count in the whole corpus"), self.tr("Count entities in every article of the corpus")),
                (self.tr("Hidden and left out"), self.tr("The entities left out of the lists: hidden ones, and given "
                                                         "names alone; right-click one to list it again")))):
            self.scope_box.setItemText(row, text)
            self.scope_box.setItemData(row, tooltip, tip)
        self.filter_edit.setPlaceholderText(self.tr("Filter by name or alias"))
        self.cooccurring_list.setToolTip(self.tr("Click to add to the entity filter"))
        self.model.retranslate()
        self.curator.retranslate()
        if self._counted is not None:
            self._update_summary(self._counted)
        self._show_cooccurring(*self._cooccurring_shown)

    def _update_summary(self, counted: int) -> None:
        self._counted = counted
        shown = self.model.entity_count()
        if shown == counted:
            self.summary_label.setText(self.tr("{count} entities").format(count=number(counted)))
        else:
            self.summary_label.setText(self.tr("{shown} of {count} entities").format(shown=number(shown),
                                                                                     count=number(counted)))

    def _show_cooccurring(self, entity: Entity | None, pairs: Sequence[tuple[Entity, int]]) -> None:
        self._cooccurring_shown = (entity, list(pairs))
        self.cooccurring_list.clear()
        if entity is None:
            self.cooccurring_label.setText(self.tr("Select an entity to see who and what appears with it."))
            return
        self.cooccurring_label.setText(self.tr("Appears most with {name}:").format(name=f"\u2068{entity.name}\u2069"))
        for other, shared in pairs:
            item = QListWidgetItem(self.tr("{name}  ({count} articles)").format(name=f"\u2068{other.name}\u2069",
                                                                               count=number(shared)))
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

    # ----- column widths ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Refit the columns when the tree's viewport changes width."""
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Counts shrink before names do: full titles while the names keep NAME_COLUMN_SHARE of
        the width (and NAME_COLUMN_MIN), else short titles ("Art.", the tooltips say them in
        full), then the mentions column goes."""
        header, model = self.tree.header(), self.model
        available = self.tree.viewport().width()
        entities = model.entities()
        numbers = {EntityTreeModel.ARTICLES: max((e.articles for e in entities), default=0),
                   EntityTreeModel.MENTIONS: max((e.mentions for e in entities), default=0)}
        metrics, title_metrics = self.tree.fontMetrics(), header.fontMetrics()
        digits = {column: metrics.horizontalAdvance(f"{max(number, 100):,}") + COUNT_COLUMN_PADDING
                  for column, number in numbers.items()}

        def titled(compact: bool) -> dict[int, int]:
            titles = model.count_titles(compact)
            return {column: max(width, title_metrics.horizontalAdvance(titles[column]) + SORT_MARK_WIDTH
                                + COUNT_COLUMN_PADDING) for column, width in digits.items()}

        full = titled(compact=False)
        compact = available - sum(full.values()) < max(NAME_COLUMN_MIN, NAME_COLUMN_SHARE * available)
        widths = titled(compact=True) if compact else full
        model.set_compact_titles(compact)
        show_mentions = available - sum(widths.values()) >= NAME_COLUMN_MIN
        self.tree.setColumnHidden(EntityTreeModel.MENTIONS, not show_mentions)
        for column, width in widths.items():
            header.resizeSection(column, width)

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
        self._fit_columns()
        self.entities_listed.emit(len(entities))

    def _on_cooccurring_task_succeeded(self, found: tuple[Entity, list[tuple[Entity, int]]]) -> None:
        if self.sender() is not self._cooccurring_task:
            return
        self._cooccurring_task = None
        entity, pairs = found
        self._show_cooccurring(entity, pairs)
        self.cooccurring_listed.emit(entity.id)

    def _on_curator_curated(self, curated: Curated) -> None:
        self._cooccurring_for = None
        self.entities_curated.emit(curated.action)
        if [e.id for e in curated.filter] != list(self.filter_ids()):
            self.set_filter(curated.filter)  # the main window searches again, then recounts
        else:
            self._filter = list(curated.filter)
            self.chips.set_entities(self._filter)
            self.refresh()

    def _on_curator_history_changed(self) -> None:
        for button, action in ((self.undo_button, self.curator.undo_action),
                               (self.redo_button, self.curator.redo_action)):
            button.setToolTip(action.toolTip())

    def _on_task_failed(self, exc: BaseException) -> None:
        task = self.sender()
        if task is self._list_task:
            self._list_task = None
        elif task is self._cooccurring_task:
            self._cooccurring_task = None
            self._cooccurring_for = None
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
