"""Searching, browsing and reading through the real window, as a researcher does (issue 11)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workbench.core.index import UpdateReport
from workbench.core.index.planning import STREAM_COLLECTION_BYTES
from workbench.core.search import SearchResults
from workbench.ui import settings as S
from workbench.ui.dialogs.settings_dialog import SettingsDialog
from workbench.ui.i18n import install_language
from workbench.ui.main_window import MainWindow
from workbench.ui.models.concordance_model import ConcordanceModel
from workbench.ui.models.results_model import ResultsModel
from workbench.ui.numbers import WESTERN, apply_digit_style

OpenAndIndex = Callable[[MainWindow, Path], UpdateReport]
TypeSearch = Callable[[MainWindow, str], SearchResults]
WAIT = 30_000
NEWS_RECORDS = 1500
"""SaudiNewsNet records of the collection indexed during a search (about 4.5 MB)."""


@pytest.fixture
def seeds_window(window: MainWindow, seeds_copy: Path, open_and_index: OpenAndIndex, qtbot: QtBot) -> MainWindow:
    """The window on the seeds, after the automatic browse that follows indexing."""
    with qtbot.waitSignal(window.search_finished, timeout=WAIT):
        open_and_index(window, seeds_copy)
    return window


def shown_id(window: MainWindow) -> str | None:
    article = window.reader.article
    return article.id if article is not None else None


def click_row(qtbot: QtBot, window: MainWindow, row: int) -> None:
    rect = window.results_view.visualRect(window.results_model.index(row, ResultsModel.TITLE))
    with qtbot.waitSignal(window.article_shown, timeout=WAIT):
        qtbot.mouseClick(window.results_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_after_indexing_every_article_is_listed_newest_first(seeds_window: MainWindow) -> None:
    results = seeds_window.results_model.results
    assert results is not None and results.browsing and results.total == 5
    assert results.hit(0).date == "2016-11-03"
    assert seeds_window.search_panel.total_label.text() == "Every article: 5"
    header = seeds_window.results_view.horizontalHeader()
    assert header.sortIndicatorSection() == ResultsModel.DATE
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_clicking_a_row_opens_it_and_a_new_search_opens_its_first_hit(
        qtbot: QtBot, seeds_window: MainWindow, type_search: TypeSearch) -> None:
    window = seeds_window
    qtbot.waitUntil(lambda: not window.session.is_busy(), timeout=WAIT)  # the browse's first article is shown
    with qtbot.waitSignal(window.article_shown, timeout=WAIT) as shown:
        results = type_search(window, "لافروف")
    assert shown.args == [results.hit(0).id]
    assert window.reader.match_label.full_text().startswith("Match 1 of ")
    click_row(qtbot, window, 2)
    assert shown_id(window) == results.hit(2).id
    with qtbot.waitSignal(window.article_shown, timeout=WAIT) as shown:
        newer = type_search(window, '"الصليب الأحمر"')
    assert shown.args == [newer.hit(0).id]
    assert window.results_view.currentIndex().row() == 0
    expected = window.session.workspace.engine.match_spans(newer.hit(0).id, '"الصليب الأحمر"')
    assert window.reader.spans == expected  # the new query's matches, not the old one's
    type_search(window, "كلمةغيرموجودةابدا")
    assert window.reader.article is None and window.results_model.rowCount() == 0


def test_header_clicks_sort_the_results(qtbot: QtBot, seeds_window: MainWindow, type_search: TypeSearch) -> None:
    window = seeds_window
    type_search(window, "حلب")
    header = window.results_view.horizontalHeader()
    orders = []
    for column in (ResultsModel.SOURCE, ResultsModel.TITLE):
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        with qtbot.waitSignal(window.search_finished, timeout=WAIT) as blocker:
            qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
        orders.append(list(blocker.args[0]))
    sources = [hit.source for hit in orders[0]]
    assert sources == sorted(sources, key=lambda s: (s == "", s))
    assert window.search_panel.sort_box.currentData() == "title"
    assert next(hit.title for hit in orders[1]).startswith("أعلنت")


def test_empty_query_lists_all_with_sources_ticked(qtbot: QtBot, seeds_window: MainWindow) -> None:
    window = seeds_window
    panel = window.search_panel
    with qtbot.waitSignal(window.search_finished, timeout=WAIT) as blocker:
        panel.source_filter.source_action("صحيفة تشرين").setChecked(True)
    assert {hit.source for hit in blocker.args[0]} == {"صحيفة تشرين"}
    with qtbot.waitSignal(window.search_finished, timeout=WAIT) as blocker:
        panel.source_filter.source_action("سانا").setChecked(True)
    assert {hit.source for hit in blocker.args[0]} == {"صحيفة تشرين", "سانا"} and blocker.args[0].total == 3
    panel.source_filter.all_action.trigger()
    with qtbot.waitSignal(window.search_finished, timeout=WAIT) as blocker:
        window.menus.browse_action.trigger()
    assert blocker.args[0].total == 5


def test_kwic_line_opens_the_article_at_that_occurrence(
        qtbot: QtBot, seeds_window: MainWindow, type_search: TypeSearch) -> None:
    window = seeds_window
    results = type_search(window, "لافروف")
    view = window.concordance_view
    with qtbot.waitSignal(window.concordance_shown, timeout=WAIT):
        window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: "from 4 articles" in view.status_label.text(), timeout=WAIT)
    model = view.model
    assert model.rowCount() >= 8
    assert all(model.index(row, ConcordanceModel.MATCH).data() == "لافروف" for row in range(model.rowCount()))
    # The second occurrence of an article: the reader opens on it, not on the first.
    row = next(r for r in range(model.rowCount()) if model.line(r).occurrence == 1)
    line = model.line(row)
    rect = view.table.visualRect(model.index(row, ConcordanceModel.MATCH))
    with qtbot.waitSignal(window.article_shown, timeout=WAIT) as shown:
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown.args == [line.article_id] == [results.hit(line.row).id]
    assert window.reader.current_match == 1
    assert window.reader.spans[1] == (line.start, line.end)
    # Sorting by the words after the match, from the header.
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(ConcordanceModel.AFTER) + header.sectionSize(ConcordanceModel.AFTER) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert model.sort_side == "right" and view.sort_box.currentData() == "right"
    keys = [model._lines[i].right for i in model._order]
    assert keys == sorted(keys)
    # Only one source.
    index = view.source_box.findData("سانا")
    view.source_box.setCurrentIndex(index)
    with qtbot.waitSignal(window.concordance_shown, timeout=WAIT):
        view.source_box.activated.emit(index)
    assert {model.line(r).source for r in range(model.rowCount())} == {"سانا"}


def test_timeline_drag_sets_the_date_filter(qtbot: QtBot, seeds_window: MainWindow) -> None:
    window = seeds_window
    timeline = window.timeline
    histogram = timeline.histogram()
    assert histogram is not None and histogram.starts == ("2016-11-03",)
    point = timeline.bar_rect(0).center().toPoint()
    with qtbot.waitSignal(window.search_finished, timeout=WAIT) as blocker:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args[0].total == 1
    assert window.search_panel.date_from_edit.text() == "2016-11-03"
    with qtbot.waitSignal(window.search_finished, timeout=WAIT) as blocker:
        qtbot.mouseDClick(timeline, Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args[0].total == 5 and window.search_panel.date_from_edit.text() == ""


def test_language_and_digits_switch_without_a_restart(
        qtbot: QtBot, seeds_window: MainWindow, monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> None:
    window = seeds_window

    def choose(language: str, digits: str) -> Callable[[SettingsDialog], SettingsDialog.DialogCode]:
        def run(dialog: SettingsDialog) -> SettingsDialog.DialogCode:
            dialog.language_box.setCurrentIndex(dialog.language_box.findData(language))
            dialog.digits_box.setCurrentIndex(dialog.digits_box.findData(digits))
            return SettingsDialog.DialogCode.Accepted
        return run

    try:
        monkeypatch.setattr(SettingsDialog, "exec", choose("ar", "arabic-indic"))
        window.menus.settings_action.trigger()
        qtbot.waitUntil(lambda: window.isRightToLeft())
        assert window.menus.file_menu.title() == "&ملف"
        assert window.tabs.tabText(0) == "المقالات" and window.tabs.tabText(1) == "الكشاف السياقي"
        assert window.entity_dock.windowTitle() == "الكيانات"
        assert window.dockWidgetArea(window.entity_dock) == Qt.DockWidgetArea.RightDockWidgetArea
        assert window.search_panel.search_button.text() == "بحث"
        assert window.search_panel.total_label.text() == "كل المقالات: ٥"
        assert window.index_status.articles_label.text() == "٥ مقالات"
        assert window.results_model.headerData(ResultsModel.TITLE, Qt.Orientation.Horizontal) == "العنوان"
        assert window.results_model.index(0, ResultsModel.DATE).data() == "٢٠١٦-١١-٠٣"
        assert window.reader.header.copy_button.text() == "نسخ الإحالة"
        sidebar = window.entity_sidebar  # the entity dock follows too, numbers included
        assert sidebar.scope_box.itemText(0) == "العدّ في النتائج"
        assert sidebar.filter_edit.placeholderText() == "تصفية بالاسم أو بصيغة أخرى له"
        articles_title = sidebar.model.headerData(sidebar.model.ARTICLES, Qt.Orientation.Horizontal)
        assert articles_title in ("المقالات", "مقالات")  # full or short title, by the dock's width
        assert sidebar.summary_label.text().startswith("الكيانات: ") and not any(c.isascii() and c.isdigit()
                                                                               for c in sidebar.summary_label.text())
        assert "(العدد: " in sidebar.model.index(0, 0).data()
        assert sidebar.curator.undo_action.text() == "تراجع عن التنقيح"
        assert window.menus.compare_action.text() == "&قارن المقالات المحددة"
        assert window.settings.get(S.UI_LANGUAGE) == "ar"
        monkeypatch.setattr(SettingsDialog, "exec", choose("en", WESTERN))
        window.menus.settings_action.trigger()
        qtbot.waitUntil(lambda: window.isLeftToRight())
        assert window.menus.file_menu.title() == "&File" and window.tabs.tabText(1) == "Concordance"
        assert window.index_status.articles_label.text() == "5 articles"
        assert sidebar.scope_box.itemText(0) == "Count in the results"
        assert sidebar.summary_label.text().endswith(" entities")
        assert window.dockWidgetArea(window.entity_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    finally:
        apply_digit_style(WESTERN)
        install_language(qapp, "en")


def test_a_search_during_indexing_returns_what_is_committed(
        qtbot: QtBot, seeds_window: MainWindow, type_search: TypeSearch) -> None:
    window = seeds_window
    corpus = window.corpus
    assert corpus is not None
    with (corpus / "more.jsonl").open("w", encoding="utf-8") as out:
        for number in range(1500):
            record = {"title": f"خبر {number}", "content": f"قال لافروف في تصريح رقم {number} إن المحادثات مستمرة."}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    window.update_index()
    assert window.session.is_indexing
    results = type_search(window, "لافروف")
    assert window.session.is_indexing, "indexing ended before the search: make the corpus larger"
    assert results.total == 4 and results.indexed == 5  # the committed index: the five seeds
    assert "indexing continues" in window.search_panel.note_label.text()
    assert window.search_panel.note_label.isVisible()
    with qtbot.waitSignal(window.search_finished, timeout=120_000) as refreshed:
        pass  # indexing ends and the same search runs again over every article
    assert refreshed.args[0].total == 1504
    assert not window.search_panel.note_label.isVisible()


def test_a_search_during_indexing_sees_each_batch_as_it_is_committed_and_cancel_keeps_them(
        qtbot: QtBot, seeds_window: MainWindow, type_search: TypeSearch, shared_dir: Path) -> None:
    """Issue 16's time to first search in the GUI: a large collection is published a batch at a
    time by the indexing child process, and the window's searches see each batch at once."""
    window = seeds_window
    corpus = window.corpus
    assert corpus is not None
    feed = corpus / "saudinewsnet.jsonl"
    with gzip.open(shared_dir / "data" / "news" / "saudinewsnet.jsonl.gz", "rt", encoding="utf-8") as source, \
            feed.open("w", encoding="utf-8") as out:
        out.writelines(line for _, line in zip(range(NEWS_RECORDS), source, strict=False))
    assert feed.stat().st_size >= STREAM_COLLECTION_BYTES  # indexed and published in several batches
    window.update_index()
    results = type_search(window, "السعودية")
    for _ in range(240):  # the first batch is published within seconds of the workers' start
        if results.indexed > 5 or not window.session.is_indexing:
            break
        qtbot.wait(250)
        results = type_search(window, "السعودية")
    assert window.session.is_indexing, "indexing ended before a batch was seen: make the collection larger"
    assert 5 < results.indexed < 5 + NEWS_RECORDS and results.total > 0
    assert "indexing continues" in window.search_panel.note_label.text()
    seen = results.indexed
    qtbot.mouseClick(window.indexing_panel.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.session.is_indexing, timeout=WAIT)
    kept = type_search(window, "السعودية")
    assert seen <= kept.indexed <= 5 + NEWS_RECORDS, "cancel keeps every batch already committed"
    assert window.session.workspace is not None
    assert window.session.workspace.index.article_count() == kept.indexed


@pytest.mark.parametrize("size", [(1280, 720), (1024, 640)])
def test_screens_fit_at_laptop_sizes(qtbot: QtBot, english: None, seeds_copy: Path, open_and_index: OpenAndIndex,
                                     type_search: TypeSearch, size: tuple[int, int]) -> None:
    """A first start on a laptop screen: every pane fits, the title and its match have room."""
    window = MainWindow(S.Settings())
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()  # the first-run layout for this size
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.search_finished, timeout=WAIT):
        open_and_index(window, seeds_copy)
    type_search(window, "جنيف")
    view = window.results_view
    assert view.horizontalHeader().length() <= view.viewport().width() + 1  # no sideways scrolling
    rect = view.visualRect(window.results_model.index(0, ResultsModel.TITLE))
    assert rect.width() >= 200 and view.viewport().rect().contains(rect.center())
    for widget in (window.search_panel, window.reader, window.timeline, window.concordance_view):
        assert widget.width() >= widget.minimumSizeHint().width()
    assert window.reader.width() >= 300
    window.close()

