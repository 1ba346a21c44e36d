"""The main window's menu bar: File, Search, View, Selection and Help, with their shortcuts.

Every action calls a public method of the window or of one of its parts (the search panel, the
reader, the docks, the comparison launcher), so the menus hold no behaviour of their own: the
same calls serve the toolbars, context menus and tests. The results' and the concordance's
context menus reuse the Selection menu's actions.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from workbench.ui import settings as S
from workbench.ui.dialogs.about_dialog import show_about

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow


class WindowMenus(QObject):
    """Builds the window's menus and actions; ``retranslate()`` sets their texts."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        bar = window.menuBar()

        self.file_menu = bar.addMenu("")
        self.open_action = self._action(window.choose_corpus, QKeySequence.StandardKey.Open)
        self.file_menu.addAction(self.open_action)
        self.recent_menu = self.file_menu.addMenu("")
        self.reindex_action = self._action(window.update_index, QKeySequence.StandardKey.Refresh)
        self.file_menu.addAction(self.reindex_action)
        self.export_action = self._action(window.show_export, QKeySequence("Ctrl+E"))
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        self.quit_action = self._action(window.close, QKeySequence.StandardKey.Quit)
        self.file_menu.addAction(self.quit_action)

        self.search_menu = bar.addMenu("")
        self.find_action = self._action(window.search_panel.focus_search, QKeySequence.StandardKey.Find)
        self.search_menu.addAction(self.find_action)
        self.browse_action = self._action(window.browse)
        self.search_menu.addAction(self.browse_action)
        self.search_menu.addAction(window.reader.next_action)
        self.search_menu.addAction(window.reader.previous_action)
        self.search_menu.addSeparator()
        self.one_per_story_action = QAction(self)
        self.one_per_story_action.setCheckable(True)
        self.one_per_story_action.setChecked(window.settings.get(S.ONE_PER_STORY))
        self.one_per_story_action.toggled.connect(window.set_one_per_story)
        self.search_menu.addAction(self.one_per_story_action)
        self.compare_action = self._action(window.comparisons.compare_selected, QKeySequence("Ctrl+D"))
        self.search_menu.addAction(self.compare_action)
        self.search_menu.addSeparator()
        self.syntax_action = self._action(window.search_panel.show_syntax_help, QKeySequence.StandardKey.HelpContents)
        self.search_menu.addAction(self.syntax_action)

        self.view_menu = bar.addMenu("")
        self.entities_action = window.entity_dock.toggleViewAction()
        self.view_menu.addAction(self.entities_action)
        self.selections_action = window.selections_dock.toggleViewAction()
        self.selections_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.view_menu.addAction(self.selections_action)
        self.timeline_action = QAction(self)
        self.timeline_action.setCheckable(True)
        self.timeline_action.setChecked(window.settings.get(S.TIMELINE_VISIBLE))
        self.timeline_action.toggled.connect(window.set_timeline_visible)
        self.view_menu.addAction(self.timeline_action)
        self.concordance_action = self._action(window.show_concordance, QKeySequence("Ctrl+K"))
        self.view_menu.addAction(self.concordance_action)
        self.view_menu.addSeparator()
        self.settings_action = self._action(window.show_settings, QKeySequence.StandardKey.Preferences)
        self.view_menu.addAction(self.settings_action)

        self.marks_menu = bar.addMenu("")
        self.tick_action = window.results_view.toggle_action
        self.marks_menu.addAction(self.tick_action)
        self.add_results_action = self._action(window.add_results_to_selection, QKeySequence("Ctrl+Shift+A"))
        self.marks_menu.addAction(self.add_results_action)
        self.new_selection_action = self._action(window.selections_panel.new_selection, QKeySequence("Ctrl+Shift+N"))
        self.marks_menu.addAction(self.new_selection_action)
        self.note_action = self._action(window.focus_note, QKeySequence("Ctrl+Shift+O"))
        self.marks_menu.addAction(self.note_action)
        self.marks_menu.addSeparator()
        self.marks_menu.addAction(self.selections_action)
        window.results_view.addAction(self.add_results_action)
        window.concordance_view.table.addAction(self.add_results_action)

        self.help_menu = bar.addMenu("")
        self.about_action = self._action(self._show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.help_menu.addAction(self.about_action)

    def _action(self, slot: Callable[[], object], shortcut: QKeySequence | QKeySequence.StandardKey | None = None) -> QAction:
        """A menu action that calls ``slot`` (with no arguments) when triggered."""
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def retranslate(self) -> None:
        """Set every menu and action text in the interface language."""
        self.file_menu.setTitle(self.tr("&File"))
        self.open_action.setText(self.tr("&Open corpus folder…"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.reindex_action.setText(self.tr("&Update index"))
        self.export_action.setText(self.tr("&Export…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.search_menu.setTitle(self.tr("&Search"))
        self.find_action.setText(self.tr("&Find"))
        self.browse_action.setText(self.tr("&Browse every article"))
        self.syntax_action.setText(self.tr("Search &syntax"))
        self.one_per_story_action.setText(self.tr("One article per &story"))
        self.one_per_story_action.setToolTip(self.tr("Leave near-duplicate copies of a story out of the results"))
        self.compare_action.setText(self.tr("Co&mpare selected articles"))
        self.compare_action.setToolTip(self.tr("Compare two to four selected results side by side (Ctrl+D)"))
        self.view_menu.setTitle(self.tr("&View"))
        self.entities_action.setText(self.tr("&Entities"))
        self.selections_action.setText(self.tr("&Selections"))
        self.timeline_action.setText(self.tr("&Timeline"))
        self.concordance_action.setText(self.tr("&Concordance"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.marks_menu.setTitle(self.tr("Se&lection"))
        self.tick_action.setText(self.tr("&Tick or untick"))
        self.tick_action.setToolTip(self.tr("Put the chosen articles in the current selection, or take them out (Space)"))
        self._window.concordance_view.toggle_action.setText(self.tr("&Tick or untick the article"))
        self.add_results_action.setText(self.tr("&Add all results to the selection"))
        self.new_selection_action.setText(self.tr("&New selection…"))
        self.note_action.setText(self.tr("Write a n&ote"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About…"))
        self.rebuild_recent()

    def rebuild_recent(self) -> None:
        """List the recently opened corpus folders (newest first) under File ▸ Open recent."""
        self.recent_menu.clear()
        recent = self._window.settings.get(S.RECENT_CORPORA)
        for folder in recent:
            action = self.recent_menu.addAction(folder)
            action.setData(folder)
            action.triggered.connect(lambda _checked=False, path=folder: self._window.open_corpus(Path(path)))
        if recent:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("Clear list")).triggered.connect(self._clear_recent)
        self.recent_menu.setEnabled(bool(recent))

    def _clear_recent(self) -> None:
        self._window.settings.set(S.RECENT_CORPORA, [])
        self.rebuild_recent()

    def _show_about(self) -> None:
        show_about(self._window)
