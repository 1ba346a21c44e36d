"""The entity dock on the real window and core: listing, filtering results, highlights, curation, scope."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from workbench.core import paths
from workbench.core.arabic import normalize
from workbench.core.entities.service import Entity
from workbench.core.index import UpdateReport
from workbench.core.search import SearchRequest, SearchResults
from workbench.ui import settings as S
from workbench.ui.dialogs.entity_details import EntityDetailsDialog
from workbench.ui.dialogs.merge_dialog import MergeDialog
from workbench.ui.main_window import MainWindow
from workbench.ui.models.entity_model import EntityTreeModel
from workbench.ui.widgets.article_text import to_qt_position
from workbench.ui.widgets.entity_sidebar import NAME_COLUMN_MIN, EntitySidebar

from .conftest import INDEXING_TIMEOUT_MS, type_text

OpenAndIndex = Callable[[MainWindow, Path], UpdateReport]
TypeSearch = Callable[[MainWindow, str], SearchResults]

LAVROV = "سيرغي لافروف"
WAIT_MS = 10_000


@pytest.fixture
def indexed(window: MainWindow, seeds_copy: Path, open_and_index: OpenAndIndex, qtbot: QtBot) -> MainWindow:
    """The window with the seeds indexed and the dock's first entity list shown."""
    with qtbot.waitSignal(window.entity_sidebar.entities_listed, timeout=INDEXING_TIMEOUT_MS):
        open_and_index(window, seeds_copy)
    return window


def entity_named(sidebar: EntitySidebar, name: str) -> Entity:
    found = [entity for entity in sidebar.model.entities() if entity.name == name]
    assert len(found) == 1, [e.name for e in sidebar.model.entities()]
    return found[0]


def click_entity(qtbot: QtBot, window: MainWindow, name: str,
                 modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Click an entity's row in the tree and wait for the filtered search."""
    sidebar = window.entity_sidebar
    tree = sidebar.tree
    index = sidebar.model.index_of(entity_named(sidebar, name).id)
    tree.scrollTo(index)
    with qtbot.waitSignal(window.search_finished, timeout=WAIT_MS):
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, modifier, tree.visualRect(index).center())


def result_ids(window: MainWindow) -> set[str]:
    model = window.results_model
    return {model.hit(row).id for row in range(model.rowCount())}


def search_ids(window: MainWindow, query: str) -> set[str]:
    assert window.session.workspace is not None
    return set(window.session.workspace.engine.search_ids(SearchRequest(query)))


def trigger(sidebar: EntitySidebar, entities: list[Entity], text: str, qtbot: QtBot) -> None:
    """Trigger a context-menu action (by its text) and wait until the list is recounted."""
    menu = sidebar.context_menu(entities)
    actions = {action.text(): action for action in menu.actions()}
    for submenu in (a.menu() for a in menu.actions() if a.menu() is not None):
        actions.update({action.text(): action for action in submenu.actions()})
    with qtbot.waitSignal(sidebar.entities_listed, timeout=WAIT_MS):
        actions[text].trigger()
    menu.deleteLater()


def test_dock_lists_one_person_and_clicks_filter_results_and_highlight_mentions(
    qtbot: QtBot, indexed: MainWindow, type_search: TypeSearch
) -> None:
    window, sidebar = indexed, indexed.entity_sidebar
    assert window.entity_dock.widget() is sidebar
    assert window.dockWidgetArea(window.entity_dock) != Qt.DockWidgetArea.NoDockWidgetArea
    lavrov = entity_named(sidebar, LAVROV)
    assert lavrov.type == "PERSON" and lavrov.articles == 4 and "لافروف" in lavrov.aliases
    person_node = sidebar.model.index_of(lavrov.id).parent()
    assert person_node.data().startswith("Person (")

    type_search(window, "روسيا")  # every seed article
    assert window.results_model.rowCount() == 5
    with qtbot.waitSignal(sidebar.entities_listed, timeout=WAIT_MS):
        click_entity(qtbot, window, LAVROV)
    assert sidebar.filter_ids() == (lavrov.id,)
    assert window.results_model.rowCount() == 4 and result_ids(window) == set(lavrov.docs)
    assert [chip.property("entity_id") for chip in sidebar.chips.chips()] == [lavrov.id]
    assert sidebar.chips.isVisibleTo(window)
    assert [e.id for e in sidebar.selected_entities()] == [lavrov.id]

    results = type_search(window, "جنيف")  # the filter stays: the intersection
    assert result_ids(window) == search_ids(window, "جنيف") & set(lavrov.docs)
    assert 0 < results.total < 4

    with qtbot.waitSignal(window.article_shown, timeout=WAIT_MS):
        window.results_view.setFocus()
        window.results_view.setCurrentIndex(window.results_model.index(0, 0))
        qtbot.keyClick(window.results_view, Qt.Key.Key_Return)
    reader = window.reader
    assert window.session.workspace is not None and reader.article is not None
    expected = window.session.workspace.entities.mentions(reader.article.id, [lavrov.id])
    assert expected and reader.mentions == expected
    assert reader.entity_ranges() == [(to_qt_position(s, None), to_qt_position(e, None), t) for s, e, t, _ in expected]
    assert all("لافروف" in reader.article.text[s:e] for s, e, _, _ in expected)
    assert reader.highlighted_ranges() == reader.spans  # the query's matches are still painted
    assert reader.legend.isVisibleTo(window)
    for selection in reader.text_edit.extraSelections():
        assert not selection.format.hasProperty(selection.format.Property.FontWeight)

    kerry = entity_named(sidebar, "جون كيري")
    type_search(window, "روسيا")
    click_entity(qtbot, window, "جون كيري", Qt.KeyboardModifier.ControlModifier)
    assert sidebar.filter_ids() == (lavrov.id, kerry.id)
    kerry_everywhere = window.session.workspace.entities.entity(kerry.id).docs  # the dock counts the last results only
    assert result_ids(window) == set(lavrov.docs) & set(kerry_everywhere)

    with qtbot.waitSignal(window.search_finished, timeout=WAIT_MS):
        qtbot.mouseClick(sidebar.chips.chips()[1], Qt.MouseButton.LeftButton)
    assert sidebar.filter_ids() == (lavrov.id,) and result_ids(window) == set(lavrov.docs)
    with qtbot.waitSignal(window.search_finished, timeout=WAIT_MS):
        qtbot.mouseClick(sidebar.chips.clear_button, Qt.MouseButton.LeftButton)
    assert sidebar.filter_ids() == () and window.results_model.rowCount() == 5
    assert not sidebar.chips.isVisibleTo(window)
    assert window.reader.mentions == []


def test_entity_filter_without_a_query_lists_the_entitys_articles(qtbot: QtBot, indexed: MainWindow) -> None:
    window, sidebar = indexed, indexed.entity_sidebar
    lavrov = entity_named(sidebar, LAVROV)
    outcomes: list[object] = []
    window.search_finished.connect(outcomes.append)
    window.search_failed.connect(outcomes.append)
    index = sidebar.model.index_of(lavrov.id)
    qtbot.mouseClick(sidebar.tree.viewport(), Qt.MouseButton.LeftButton, pos=sidebar.tree.visualRect(index).center())
    qtbot.waitUntil(lambda: bool(outcomes), timeout=WAIT_MS)
    assert isinstance(outcomes[0], SearchResults), outcomes[0]
    assert result_ids(window) == set(lavrov.docs)


def test_cooccurring_entities_are_listed_and_add_to_the_filter(
    qtbot: QtBot, indexed: MainWindow, type_search: TypeSearch
) -> None:
    window, sidebar = indexed, indexed.entity_sidebar
    type_search(window, "روسيا")
    lavrov = entity_named(sidebar, LAVROV)
    with qtbot.waitSignal(sidebar.cooccurring_listed, timeout=WAIT_MS) as listed:
        click_entity(qtbot, window, LAVROV)
    assert listed.args == [lavrov.id]
    rows = sidebar.cooccurring_list.count()
    assert rows > 0
    item = sidebar.cooccurring_list.item(0)
    other: Entity = item.data(Qt.ItemDataRole.UserRole)
    assert other.id != lavrov.id and f"({len(set(other.docs) & set(lavrov.docs))} articles)" in item.text()
    with qtbot.waitSignal(window.search_finished, timeout=WAIT_MS):
        rect = sidebar.cooccurring_list.visualItemRect(item)
        qtbot.mouseClick(sidebar.cooccurring_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sidebar.filter_ids() == (lavrov.id, other.id)
    assert result_ids(window) == set(lavrov.docs) & set(other.docs)


def test_rename_through_the_context_menu_survives_a_rebuilt_index(
    qtbot: QtBot, indexed: MainWindow, seeds_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, sidebar = indexed, indexed.entity_sidebar
    lavrov = entity_named(sidebar, LAVROV)
    asked: list[str] = []

    def get_text(parent: object, title: str, label: str, **kwargs: object) -> tuple[str, bool]:
        asked.append(str(kwargs.get("text")))
        return "لافروف (وزير الخارجية)", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    trigger(sidebar, [lavrov], "Rename…", qtbot)
    assert asked == [LAVROV]
    renamed = entity_named(sidebar, "لافروف (وزير الخارجية)")
    assert renamed.id == lavrov.id and renamed.articles == 4
    assert LAVROV not in {e.name for e in sidebar.model.entities()}

    window.close()
    shutil.rmtree(paths.index_dir(seeds_copy))  # derived data: the next open rebuilds it from scratch
    again = MainWindow(S.Settings())
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.entity_sidebar.entities_listed, timeout=INDEXING_TIMEOUT_MS):
        again.open_corpus(seeds_copy)
    assert entity_named(again.entity_sidebar, "لافروف (وزير الخارجية)").articles == 4
    again.close()


def test_hide_and_change_type(qtbot: QtBot, indexed: MainWindow) -> None:
    sidebar = indexed.entity_sidebar
    hidden = entity_named(sidebar, "سانا")
    trigger(sidebar, [hidden], "Hide", qtbot)
    assert hidden.id not in {e.id for e in sidebar.model.entities()}

    moscow = entity_named(sidebar, "موسكو")
    trigger(sidebar, [moscow], "Organization", qtbot)
    assert entity_named(sidebar, "موسكو").type == "ORGANIZATION"


def open_dialog(sidebar: EntitySidebar, entities: list[Entity], text: str, qtbot: QtBot) -> QDialog:
    """Trigger a context-menu action that opens a dialog; the dialog, once shown."""
    menu = sidebar.context_menu(entities)
    with qtbot.waitSignal(sidebar.curator.dialog_opened, timeout=WAIT_MS) as opened:
        next(action for action in menu.actions() if action.text() == text).trigger()
    menu.deleteLater()
    dialog = opened.args[0]
    assert isinstance(dialog, QDialog) and dialog.isVisible()
    return dialog


def test_merge_into_a_target_found_by_typing_it_the_arabic_way(qtbot: QtBot, indexed: MainWindow) -> None:
    sidebar = indexed.entity_sidebar
    kerry = entity_named(sidebar, "جون كيري")
    dialog = open_dialog(sidebar, [kerry], "Merge into…", qtbot)
    assert isinstance(dialog, MergeDialog) and dialog.candidates.count() == 0
    type_text(dialog.edit, "سيرجي لافروف")  # the spelling the list does not show as the name
    target = dialog.target()
    assert target is not None and target.name == LAVROV
    with qtbot.waitSignal(sidebar.entities_listed, timeout=WAIT_MS):
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    lavrov = entity_named(sidebar, LAVROV)
    assert "جون كيري" in lavrov.aliases and kerry.id not in {e.id for e in sidebar.model.entities()}
    assert set(kerry.docs) <= set(lavrov.docs)


def test_merge_several_selected_entities_keeping_one(qtbot: QtBot, indexed: MainWindow) -> None:
    sidebar = indexed.entity_sidebar
    kerry, mistura = entity_named(sidebar, "جون كيري"), entity_named(sidebar, "ستافان دى ميستورا")
    dialog = open_dialog(sidebar, [kerry, mistura], "Merge 2 entities…", qtbot)
    assert isinstance(dialog, MergeDialog)
    offered = [dialog.candidates.item(row).data(Qt.ItemDataRole.UserRole).id for row in range(dialog.candidates.count())]
    assert offered == [kerry.id, mistura.id]
    dialog.candidates.setCurrentRow(1)
    with qtbot.waitSignal(sidebar.entities_listed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    merged = entity_named(sidebar, "ستافان دى ميستورا")
    assert merged.id == mistura.id and "جون كيري" in merged.aliases
    assert merged.articles == len(set(kerry.docs) | set(mistura.docs))


def test_details_explain_every_spelling_and_split_one_out(qtbot: QtBot, indexed: MainWindow) -> None:
    sidebar = indexed.entity_sidebar
    lavrov = entity_named(sidebar, LAVROV)
    dialog = open_dialog(sidebar, [lavrov], "Details…", qtbot)
    assert isinstance(dialog, EntityDetailsDialog)
    rows = {dialog.spellings.item(row, 0).text(): dialog.spellings.item(row, 2).text()
            for row in range(dialog.spellings.rowCount())}
    assert rows[LAVROV] == "The entity's name"
    assert rows["سيرجي لافروف"].startswith("Spelling variant of")
    assert rows["لافروف"].startswith("Linked in its articles to")
    sources = {dialog.sources.item(row, 0).text() for row in range(dialog.sources.rowCount())}
    assert "سانا" in sources
    assert not dialog.split_button.isEnabled()
    row = next(row for row in range(dialog.spellings.rowCount())
               if dialog.spellings.item(row, 0).text() == "سيرجي لافروف")
    dialog.spellings.selectRow(row)
    with qtbot.waitSignal(sidebar.entities_listed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.split_button, Qt.MouseButton.LeftButton)
    assert "سيرجي لافروف" not in entity_named(sidebar, LAVROV).aliases
    assert entity_named(sidebar, "سيرجي لافروف").articles == 1


def test_details_chart_the_entitys_articles_over_time_and_list_its_quotations(
        qtbot: QtBot, indexed: MainWindow) -> None:
    sidebar = indexed.entity_sidebar
    lavrov = entity_named(sidebar, LAVROV)
    dialog = open_dialog(sidebar, [lavrov], "Details…", qtbot)
    assert isinstance(dialog, EntityDetailsDialog)
    histogram = dialog.timeline.histogram()
    assert histogram is not None
    assert sum(histogram.totals()) + histogram.undated == lavrov.articles
    assert "سانا" in histogram.sources and sum(histogram.totals()) >= 1  # the SANA article is dated
    quotes = [dialog.quotes.item(row).text() for row in range(dialog.quotes.count())]
    assert len(quotes) >= 10 and any("قنوات التواصل" in quote for quote in quotes)
    assert all(quote.startswith("“") for quote in quotes)


def test_hidden_view_lists_hidden_entities_and_lone_given_names_to_bring_back(
        qtbot: QtBot, indexed: MainWindow) -> None:
    sidebar = indexed.entity_sidebar
    sana = entity_named(sidebar, "سانا")
    trigger(sidebar, [sana], "Hide", qtbot)
    with qtbot.waitSignal(sidebar.entities_listed, timeout=WAIT_MS):
        sidebar.scope_box.setFocus()
        qtbot.keyClick(sidebar.scope_box, Qt.Key.Key_End)
    assert sidebar.hidden_view() and sidebar.scope_box.currentText() == "Hidden and left out"
    left_out = {e.name: e for e in sidebar.model.entities()}
    assert left_out["سانا"].hidden and left_out["حسن"].fragment  # حسن: a given name alone
    trigger(sidebar, [left_out["سانا"]], "Show in lists", qtbot)
    assert "سانا" not in {e.name for e in sidebar.model.entities()}
    with qtbot.waitSignal(sidebar.entities_listed, timeout=WAIT_MS):
        qtbot.keyClick(sidebar.scope_box, Qt.Key.Key_Home)
    assert entity_named(sidebar, "سانا").id == sana.id


def press(qtbot: QtBot, sidebar: EntitySidebar, modifiers: Qt.KeyboardModifier, action: str) -> None:
    """Press Ctrl+(Shift+)Z in the entity tree and wait until the step is reverted and recounted."""
    wanted = sidebar.curator.undo_action if action == "undo" else sidebar.curator.redo_action
    qtbot.waitUntil(wanted.isEnabled, timeout=WAIT_MS)
    with qtbot.waitSignals([sidebar.entities_curated, sidebar.entities_listed], timeout=WAIT_MS):
        qtbot.keyClick(sidebar.tree, Qt.Key.Key_Z, modifiers)


def test_undo_and_redo_with_the_keyboard_survive_a_rebuilt_index(
        qtbot: QtBot, indexed: MainWindow, seeds_copy: Path) -> None:
    window, sidebar = indexed, indexed.entity_sidebar
    sidebar.tree.setFocus()
    sana = entity_named(sidebar, "سانا")
    trigger(sidebar, [sana], "Hide", qtbot)
    press(qtbot, sidebar, Qt.KeyboardModifier.ControlModifier, "undo")
    assert entity_named(sidebar, "سانا").id == sana.id
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    press(qtbot, sidebar, ctrl_shift, "redo")
    assert "سانا" not in {e.name for e in sidebar.model.entities()}
    trigger(sidebar, [entity_named(sidebar, "موسكو")], "Organization", qtbot)

    window.close()
    shutil.rmtree(paths.index_dir(seeds_copy))  # derived data: rebuilt from scratch; the store keeps the log
    again = MainWindow(S.Settings())
    qtbot.addWidget(again)
    again.show()
    with qtbot.waitSignal(again.entity_sidebar.entities_listed, timeout=INDEXING_TIMEOUT_MS):
        again.open_corpus(seeds_copy)
    sidebar = again.entity_sidebar
    assert entity_named(sidebar, "موسكو").type == "ORGANIZATION"
    assert "سانا" not in {e.name for e in sidebar.model.entities()}
    sidebar.tree.setFocus()
    press(qtbot, sidebar, Qt.KeyboardModifier.ControlModifier, "undo")
    assert entity_named(sidebar, "موسكو").type == "LOCATION"
    press(qtbot, sidebar, Qt.KeyboardModifier.ControlModifier, "undo")
    assert entity_named(sidebar, "سانا").id == sana.id
    again.close()


def test_narrow_dock_keeps_names_readable_and_counts_give_way(qtbot: QtBot, indexed: MainWindow) -> None:
    sidebar = indexed.entity_sidebar
    indexed.resizeDocks([indexed.entity_dock], [480], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: sidebar.tree.viewport().width() > 400, timeout=WAIT_MS)
    assert not sidebar.tree.isColumnHidden(EntityTreeModel.MENTIONS)
    header = sidebar.tree.header()

    def titles_fit() -> list[str]:
        """The count columns' titles, asserting that each fits its column whole."""
        titles = []
        for column in (EntityTreeModel.ARTICLES, EntityTreeModel.MENTIONS):
            title = sidebar.model.headerData(column, Qt.Orientation.Horizontal)
            assert header.fontMetrics().horizontalAdvance(title) + 12 < header.sectionSize(column), title
            titles.append(title)
        return titles

    assert titles_fit() == ["Articles", "Mentions"]
    indexed.resizeDocks([indexed.entity_dock], [310], Qt.Orientation.Horizontal)  # a 1280-pixel-wide window
    qtbot.waitUntil(lambda: sidebar.tree.viewport().width() < 300, timeout=WAIT_MS)
    assert titles_fit() == ["Art.", "Ment."] and not sidebar.tree.isColumnHidden(EntityTreeModel.MENTIONS)
    indexed.resizeDocks([indexed.entity_dock], [220], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: sidebar.tree.viewport().width() < 230, timeout=WAIT_MS)
    assert sidebar.tree.isColumnHidden(EntityTreeModel.MENTIONS)
    name_width = sidebar.tree.columnWidth(EntityTreeModel.NAME)
    assert name_width >= NAME_COLUMN_MIN - 20 and name_width > 2 * sidebar.tree.columnWidth(EntityTreeModel.ARTICLES)


def test_an_active_filter_stays_visible_with_a_clear_button_at_zero_results(
        qtbot: QtBot, indexed: MainWindow, type_search: TypeSearch) -> None:
    window, sidebar = indexed, indexed.entity_sidebar
    click_entity(qtbot, window, LAVROV)
    results = type_search(window, "كلمةغيرموجودةأبدا")
    assert results.total == 0
    assert sidebar.chips.isVisibleTo(window) and sidebar.chips.clear_button.isVisibleTo(window)
    assert [chip.property("entity_id") for chip in sidebar.chips.chips()] == list(sidebar.filter_ids())
    with qtbot.waitSignal(window.search_finished, timeout=WAIT_MS):
        qtbot.mouseClick(sidebar.chips.clear_button, Qt.MouseButton.LeftButton)
    assert sidebar.filter_ids() == () and not sidebar.chips.isVisibleTo(window)


def test_filter_box_matches_names_and_aliases_arabic_aware(qtbot: QtBot, indexed: MainWindow) -> None:
    sidebar = indexed.entity_sidebar
    total = sidebar.model.entity_count()
    type_text(sidebar.filter_edit, "سيرجي")  # an alias spelling of سيرغي لافروف
    assert LAVROV in {e.name for e in sidebar.model.entities()}
    assert sidebar.model.entity_count() < total
    assert sidebar.summary_label.text() == f"{sidebar.model.entity_count()} of {total} entities"
    sidebar.filter_edit.clear()
    type_text(sidebar.filter_edit, "الامم المتحده")  # no hamza, haa for taa marbuta
    assert {e.name for e in sidebar.model.entities()} == {"الأمم المتحدة"}  # منظمة الأمم المتحدة is its alias
    sidebar.filter_edit.clear()
    assert sidebar.model.entity_count() == total


def test_counts_follow_the_results_or_the_whole_corpus(qtbot: QtBot, indexed: MainWindow, type_search: TypeSearch) -> None:
    window, sidebar = indexed, indexed.entity_sidebar
    assert entity_named(sidebar, "روسيا").articles == 5  # no search yet: the whole corpus
    with qtbot.waitSignal(sidebar.entities_listed, timeout=WAIT_MS):
        results = type_search(window, "جنيف")
    assert entity_named(sidebar, "روسيا").articles == results.total == 3
    assert sidebar.scope_box.currentText() == "Count in the results"
    with qtbot.waitSignal(sidebar.entities_listed, timeout=WAIT_MS):
        sidebar.scope_box.setFocus()
        qtbot.keyClick(sidebar.scope_box, Qt.Key.Key_Down)
    assert sidebar.scope_box.currentText() == "Count in the whole corpus"
    assert entity_named(sidebar, "روسيا").articles == 5
    with qtbot.waitSignal(sidebar.entities_listed, timeout=WAIT_MS):
        qtbot.keyClick(sidebar.scope_box, Qt.Key.Key_Up)
    assert entity_named(sidebar, "روسيا").articles == 3


def test_sorting_by_name_or_count_and_arabic_names_laid_out_right_to_left(indexed: MainWindow) -> None:
    sidebar = indexed.entity_sidebar
    model, tree = sidebar.model, sidebar.tree

    def people() -> list[Entity]:
        return [e for e in model.entities() if e.type == "PERSON"]

    counts = [(e.articles, e.mentions) for e in people()]
    assert counts == sorted(counts, reverse=True)
    tree.sortByColumn(EntityTreeModel.NAME, Qt.SortOrder.AscendingOrder)
    names = [normalize(e.name) for e in people()]
    assert names == sorted(names)

    delegate = tree.itemDelegateForColumn(EntityTreeModel.NAME)
    name_option, type_option = QStyleOptionViewItem(), QStyleOptionViewItem()
    delegate.initStyleOption(name_option, model.index_of(entity_named(sidebar, LAVROV).id))
    assert name_option.direction == Qt.LayoutDirection.RightToLeft
    assert name_option.displayAlignment & Qt.AlignmentFlag.AlignRight
    delegate.initStyleOption(type_option, model.index(0, 0, QModelIndex()))
    assert type_option.direction == Qt.LayoutDirection.LeftToRight  # "Person (10)" in an English window
    assert tree.font().family() == "Amiri"


def test_dock_position_survives_a_restart(qtbot: QtBot, window: MainWindow) -> None:
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.entity_dock)
    window.close()
    again = MainWindow(S.Settings())
    qtbot.addWidget(again)
    assert again.dockWidgetArea(again.entity_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    again.close()


def test_entity_model_passes_qt_model_tester(qtmodeltester, indexed: MainWindow) -> None:
    entities = indexed.entity_sidebar.model.entities()
    assert entities
    model = EntityTreeModel()
    model.set_entities(entities)
    qtmodeltester.check(model)
    model.set_text_filter("لافروف")
    qtmodeltester.check(model)
    assert [e.name for e in model.entities()] == ["سيرغي لافروف"]
