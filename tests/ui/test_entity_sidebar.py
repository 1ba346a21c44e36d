"""The entity dock on the real window and core: listing, filtering results, highlights, curation, scope."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QInputDialog, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from workbench.core import paths
from workbench.core.arabic import normalize
from workbench.core.entities.service import Entity
from workbench.core.index import UpdateReport
from workbench.core.search import SearchRequest, SearchResults
from workbench.ui import settings as S
from workbench.ui.main_window import MainWindow
from workbench.ui.models.entity_model import EntityTreeModel
from workbench.ui.widgets.entity_sidebar import EntitySidebar
from workbench.ui.widgets.reader import to_qt_position

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


def test_hide_change_type_and_merge(qtbot: QtBot, indexed: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    sidebar = indexed.entity_sidebar
    hidden = entity_named(sidebar, "سانا")
    trigger(sidebar, [hidden], "Hide", qtbot)
    assert hidden.id not in {e.id for e in sidebar.model.entities()}

    moscow = entity_named(sidebar, "موسكو")
    trigger(sidebar, [moscow], "Organization", qtbot)
    assert entity_named(sidebar, "موسكو").type == "ORGANIZATION"

    kerry, mistura = entity_named(sidebar, "جون كيري"), entity_named(sidebar, "ستافان دى ميستورا")
    offered: list[list[str]] = []

    def get_item(parent: object, title: str, label: str, items: list[str], *args: object) -> tuple[str, bool]:
        offered.append(list(items))
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(get_item))
    trigger(sidebar, [kerry, mistura], "Merge 2 entities…", qtbot)
    assert offered[0][0].startswith("جون كيري")
    merged = entity_named(sidebar, "جون كيري")
    assert merged.articles == len(set(kerry.docs) | set(mistura.docs))
    assert "ستافان دى ميستورا" in merged.aliases
    assert "ستافان دى ميستورا" not in {e.name for e in sidebar.model.entities()}


def test_show_aliases_lists_every_spelling(indexed: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    sidebar = indexed.entity_sidebar
    shown: list[str] = []
    monkeypatch.setattr("workbench.ui.widgets.entity_sidebar.QMessageBox.information",
                        staticmethod(lambda parent, title, text: shown.append(text)))
    menu = sidebar.context_menu([entity_named(sidebar, LAVROV)])
    next(a for a in menu.actions() if a.text() == "Show aliases").trigger()
    assert "سيرجي لافروف" in shown[0] and "\nلافروف" in shown[0]


def test_filter_box_matches_names_and_aliases_arabic_aware(qtbot: QtBot, indexed: MainWindow) -> None:
    sidebar = indexed.entity_sidebar
    total = sidebar.model.entity_count()
    type_text(sidebar.filter_edit, "سيرجي")  # an alias spelling of سيرغي لافروف
    assert LAVROV in {e.name for e in sidebar.model.entities()}
    assert sidebar.model.entity_count() < total
    assert sidebar.summary_label.text() == f"{sidebar.model.entity_count()} of {total} entities"
    sidebar.filter_edit.clear()
    type_text(sidebar.filter_edit, "الامم المتحده")  # no hamza, haa for taa marbuta
    assert {e.name for e in sidebar.model.entities()} == {"الأمم المتحدة", "منظمة الأمم المتحدة"}
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
