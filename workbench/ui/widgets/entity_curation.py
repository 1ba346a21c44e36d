"""Curation from the entity dock: the context menu, the merge and details dialogs, undo and redo.

Every change is a background job of the window's ``CorpusSession`` (its result handled on the
GUI thread, and dropped if the corpus changed meanwhile) and one step of the corpus store's
undo/redo log (``core/userdata/curation_log.py``), so Ctrl+Z reverts exactly
one user action, also after a restart, and the CLI's ``workbench entity undo`` reverts the
same steps. The curator reports each saved step with ``curated``; the sidebar then recounts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from workbench.core.compare import Quote
from workbench.core.entities.completion import EntityCompleter
from workbench.core.entities.service import Entity, EntityService, Spelling
from workbench.core.progress import CancelToken, ProgressCallback
from workbench.core.search import Histogram
from workbench.core.userdata.store import CurationStep
from workbench.core.workspace import Workspace
from workbench.ui.dialogs.entity_details import EntityDetailsDialog
from workbench.ui.dialogs.merge_dialog import MergeDialog
from workbench.ui.entity_types import ENTITY_TYPES, type_label
from workbench.ui.session import CorpusSession
from workbench.ui.workers import Task


@dataclass(frozen=True)
class Curated:
    """What a curation job hands back: its action, and the filter's entities as they are now."""

    action: str
    filter: tuple[Entity, ...]


@dataclass(frozen=True)
class _Details:
    entity: Entity
    spellings: list[Spelling]
    sources: dict[str, int]
    over_time: Histogram | None
    quotes: list[Quote]


@dataclass(frozen=True)
class _History:
    undo: str
    redo: str
    """Descriptions of the next step to undo and to redo ("" when there is none)."""


class EntityCurator(QObject):
    """The dock's curation actions over the open corpus's entity service."""

    curated = Signal(object)
    """A curation step was saved (or undone, or redone); carries a ``Curated``."""
    failed = Signal(object)
    """A curation job failed; carries the exception."""
    dialog_opened = Signal(object)
    """The merge or details dialog was shown; carries it (tests drive it from here)."""
    history_changed = Signal()
    """The undo and redo actions were updated from the store."""

    def __init__(self, session: CorpusSession, owner: QWidget, filter_ids: Callable[[], tuple[str, ...]]) -> None:
        super().__init__(owner)
        self._session = session
        self._owner = owner
        self._filter_ids = filter_ids
        self._workspace: Workspace | None = None
        self._pending: dict[Task, Callable[[Any], None]] = {}
        """Jobs running for this curator, with the receiver of each one's result."""
        self.dialog: MergeDialog | EntityDetailsDialog | None = None
        self.undo_action = QAction(self.tr("Undo curation"), owner)
        self.undo_action.setObjectName("entity_undo_action")
        self.undo_action.setIconText("↶")  # what a tool button shows
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(self.tr("Redo curation"), owner)
        self.redo_action.setObjectName("entity_redo_action")
        self.redo_action.setIconText("↷")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)])
        self.redo_action.triggered.connect(self.redo)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setEnabled(False)
            owner.addAction(action)

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Curate this corpus (None: none); pending jobs for the previous one are dropped."""
        for task in self._pending:
            task.cancel()
        self._pending.clear()
        self._workspace = workspace
        if self.dialog is not None:
            self.dialog.close()
        self.refresh_history()

    # ----- the context menu -----------------------------------------------------------------

    def menu(self, entities: Sequence[Entity], hidden_view: bool) -> QMenu:
        """The curation menu for the selected entities (built, not shown: tests trigger its actions)."""
        menu = QMenu(self._owner)
        single = entities[0] if len(entities) == 1 else None
        if single is not None:
            menu.addAction(self.tr("Details…")).triggered.connect(lambda: self.details(single))
        if hidden_view:
            label = self.tr("Show in lists") if single else self.tr("Show {count} entities in lists").format(
                count=len(entities))
            menu.addAction(label).triggered.connect(lambda: self.unhide(entities))
            return menu
        merge = self.tr("Merge into…") if single else self.tr("Merge {count} entities…").format(count=len(entities))
        menu.addAction(merge).triggered.connect(lambda: self.merge(entities))
        if single is not None:
            menu.addAction(self.tr("Rename…")).triggered.connect(lambda: self.rename(single))
            split = menu.addAction(self.tr("Split a spelling out…"))
            split.setEnabled(bool(single.aliases))
            split.triggered.connect(lambda: self.details(single))
        type_menu = menu.addMenu(self.tr("Change type"))
        group = QActionGroup(type_menu)
        for entity_type in ENTITY_TYPES:
            action = type_menu.addAction(type_label(entity_type))
            action.setCheckable(True)
            action.setChecked(all(entity.type == entity_type for entity in entities))
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, t=entity_type: self.set_type(entities, t))
        hide = menu.addAction(self.tr("Hide") if single else self.tr("Hide {count} entities").format(count=len(entities)))
        hide.setToolTip(self.tr("A wrong entity: leave it out of lists, filters and highlights"))
        hide.triggered.connect(lambda: self.hide(entities))
        return menu

    # ----- curation steps -------------------------------------------------------------------

    def merge(self, entities: Sequence[Entity]) -> None:
        """Ask for the entity these merge into (typed, with completion), then merge them into it."""
        def job(progress: ProgressCallback, cancel: CancelToken, service: EntityService) -> EntityCompleter[Entity]:
            return service.completer()

        def ask(completer: EntityCompleter[Entity]) -> None:
            dialog = MergeDialog(entities, completer, self._owner)
            dialog.accepted.connect(lambda: self._merge_into(entities, dialog.target()))
            self._show(dialog)

        self._read("merge targets", job, ask)

    def _merge_into(self, entities: Sequence[Entity], target: Entity | None) -> None:
        if target is None:
            return
        ids = [entity.id for entity in entities if entity.id != target.id]
        if ids:
            self._curate("merge", lambda service: service.merge(ids, target.id))

    def details(self, entity: Entity) -> None:
        """Show the entity's spellings (why each belongs; split one out) and its sources."""
        workspace = self._workspace

        def job(progress: ProgressCallback, cancel: CancelToken, service: EntityService) -> _Details:
            now = service.entity(entity.id)
            sources = workspace.source_counts(now.docs) if workspace is not None else {}
            over_time = workspace.articles_over_time(now.docs) if workspace is not None else None
            quotes = workspace.compare.quotes(now.docs, speaker=now.name) if workspace is not None else []
            return _Details(now, service.explain(now.id), sources, over_time, quotes)

        def show(found: _Details) -> None:
            dialog = EntityDetailsDialog(found.entity, found.spellings, found.sources, self._owner,
                                         found.over_time, found.quotes)
            dialog.split_requested.connect(self.split)
            self._show(dialog)

        self._read("details", job, show)

    def split(self, entity_id: str, spelling: str) -> None:
        """Move one spelling of an entity out into an entity of its own."""
        self._curate("split", lambda service: service.split(entity_id, spelling))

    def rename(self, entity: Entity) -> None:
        """Ask for a new name, then show the entity under it."""
        name, accepted = QInputDialog.getText(self._owner, self.tr("Rename entity"),
                                              self.tr("New name for “{name}”:").format(name=entity.name),
                                              text=entity.name)
        if accepted and name.strip() and name.strip() != entity.name:
            self._curate("rename", lambda service: service.rename(entity.id, name.strip()))

    def set_type(self, entities: Sequence[Entity], entity_type: str) -> None:
        """Give the entities another type."""
        ids = [e.id for e in entities if e.type != entity_type]
        if ids:
            self._curate("type", lambda service: service.set_type(ids, entity_type))

    def hide(self, entities: Sequence[Entity]) -> None:
        """Leave the entities out of every list, filter and highlight."""
        ids = [e.id for e in entities]
        self._curate("hide", lambda service: service.hide(ids))

    def unhide(self, entities: Sequence[Entity]) -> None:
        """List hidden entities (or given names left out) again."""
        ids = [e.id for e in entities]
        self._curate("unhide", lambda service: service.unhide(ids))

    def undo(self) -> None:
        """Undo the latest curation step (Ctrl+Z)."""
        if self.undo_action.isEnabled():
            self._curate("undo", EntityService.undo)

    def redo(self) -> None:
        """Redo the step undone last (Ctrl+Shift+Z)."""
        if self.redo_action.isEnabled():
            self._curate("redo", EntityService.redo)

    def retranslate(self) -> None:
        """Set the undo and redo actions' texts in the interface language (their tooltips follow
        from the history, read again)."""
        self.undo_action.setText(self.tr("Undo curation"))
        self.redo_action.setText(self.tr("Redo curation"))
        self.refresh_history()

    def refresh_history(self) -> None:
        """Enable undo and redo (with what they would do as tooltips) from the store's log."""
        def job(progress: ProgressCallback, cancel: CancelToken, service: EntityService) -> _History:
            done, undone = service.history(limit=1)
            return _History(self._describe(service, done[0]) if done else "",
                            self._describe(service, undone[0]) if undone else "")

        def show(history: _History) -> None:
            for action, text, plain in ((self.undo_action, history.undo, self.tr("Undo curation")),
                                        (self.redo_action, history.redo, self.tr("Redo curation"))):
                action.setEnabled(bool(text))
                action.setToolTip(text or plain)
            self.history_changed.emit()

        if self._workspace is None:
            self.undo_action.setEnabled(False)
            self.redo_action.setEnabled(False)
            return
        self._read("history", job, show)

    def _describe(self, service: EntityService, step: CurationStep) -> str:
        names = []
        for entity_id in step.entity_ids:
            try:
                names.append(service.entity(entity_id).name)
            except KeyError:
                continue
        actions = {"merge": self.tr("merge"), "split": self.tr("split"), "rename": self.tr("rename"),
                   "type": self.tr("change of type"), "hide": self.tr("hide"), "unhide": self.tr("unhide"),
                   "add": self.tr("new entity"), "assign": self.tr("assignment")}
        named = "، ".join(f"\u2068{name}\u2069" for name in names[:3])
        return f"{actions.get(step.action, step.action)}: {named}"

    # ----- jobs -----------------------------------------------------------------------------

    def _show(self, dialog: MergeDialog | EntityDetailsDialog) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "dialog", None) if self.dialog is dialog else None)
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _read(self, name: str, job: Callable[[ProgressCallback, CancelToken, EntityService], object],
              succeeded: Callable[[Any], None]) -> None:
        """Run a reading job in the background; ``succeeded`` gets its result unless it was cancelled."""
        workspace = self._workspace
        if workspace is None:
            return
        service = workspace.entities
        task = self._session.submit(name, lambda progress, cancel: job(progress, cancel, service),
                                    succeeded=self._on_task_succeeded, failed=self._on_task_failed)
        self._pending[task] = succeeded

    def _curate(self, action: str, change: Callable[[EntityService], object]) -> None:
        """Run one curation step in the background; ``curated`` follows with the filter as it is now."""
        filter_ids = self._filter_ids()

        def job(progress: ProgressCallback, cancel: CancelToken, service: EntityService) -> Curated:
            change(service)
            now: dict[str, Entity] = {}
            for entity_id in filter_ids:
                try:
                    entity = service.entity(entity_id)
                except KeyError:
                    continue
                if not entity.hidden:
                    now.setdefault(entity.id, entity)
            return Curated(action, tuple(now.values()))

        self._read("curate", job, self._on_curated)

    def _on_curated(self, curated: Curated) -> None:
        self.curated.emit(curated)
        self.refresh_history()

    def _on_task_succeeded(self, result: object) -> None:
        task = self.sender()
        if not isinstance(task, Task):
            return
        receiver = self._pending.pop(task, None)
        if receiver is not None and not task.cancelled:
            receiver(result)

    def _on_task_failed(self, exc: BaseException) -> None:
        task = self.sender()
        if isinstance(task, Task) and self._pending.pop(task, None) is not None and not task.cancelled:
            self.failed.emit(exc)
