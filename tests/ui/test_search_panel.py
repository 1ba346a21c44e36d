"""Search box history, syntax help, filters and summary."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from workbench.core.search import SearchRequest
from workbench.ui.widgets.search_panel import SearchPanel, expand_date


def make_panel(qtbot: QtBot) -> SearchPanel:
    panel = SearchPanel()
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_enter_emits_the_request_with_filters(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.set_sources({"سانا": 3, "elmaouid": 1})
    menu = panel.source_filter.menu()
    assert [action.text() for action in menu.actions() if action.text()] == ["All sources", "سانا (3)", "elmaouid (1)"]
    panel.source_filter.source_action("سانا").setChecked(True)
    assert panel.source_filter.text() == "سانا"
    panel.sort_box.setCurrentIndex(panel.sort_box.findData("date"))
    panel.date_from_edit.setText("2016-11")
    panel.date_to_edit.setText("2016")
    panel.query_edit.setText("title:هدنة")
    with qtbot.waitSignal(panel.search_requested) as blocker:
        qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    assert blocker.args[0] == SearchRequest(query="title:هدنة", sort="date", match="all", sources=("سانا",),
                                            date_from="2016-11-01", date_to="2016-12-31")


def test_history_with_up_and_down(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    for query in ("حلب", "لافروف"):
        panel.query_edit.setText(query)
        qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    panel.query_edit.setText("draft")
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Up)
    assert panel.query_edit.text() == "لافروف"
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Up)
    assert panel.query_edit.text() == "حلب"
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Down)
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Down)
    assert panel.query_edit.text() == "draft"
    assert panel.history() == ["حلب", "لافروف"]


def test_syntax_help_lists_the_query_language(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    qtbot.mouseClick(panel.help_button, Qt.MouseButton.LeftButton)
    assert panel.syntax_help.isVisible()
    text = panel.syntax_help.label.text()
    examples = ('"وزير الخارجية"', "OR", "NOT", "-داعش", "(", "روس*", "لافروف~", "title:", "source:",
                "date:2016-11-01..2016-12-31")
    for example in examples:
        assert html.escape(example) in text
    # Each example is a paragraph in its own direction, so mixed text keeps the order it is typed
    # in (title:هدنة source:sana left to right, -داعش right to left), in the Arabic font.
    assert re.search(r"<p dir='ltr'[^>]*>title:هدنة source:sana</p>", text)
    assert re.search(r"<p dir='rtl'[^>]*>-داعش</p>", text)
    assert "font-family:'Amiri'" in text and "<code>" not in text
    panel.syntax_help.hide()


def test_sources_can_be_ticked_several_at_once(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.set_sources({"سانا": 3, "okaz": 10, "elmaouid": 1})
    requests: list[SearchRequest] = []
    panel.search_requested.connect(requests.append)
    menu = panel.source_filter.menu()
    menu.popup(panel.mapToGlobal(panel.rect().center()))
    qtbot.waitExposed(menu)
    for name in ("okaz", "سانا"):
        action = panel.source_filter.source_action(name)
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    assert menu.isVisible()  # ticking keeps the menu open for the next one
    assert panel.source_filter.selected() == ("okaz", "سانا")
    assert panel.source_filter.text() == "2 sources"
    assert requests[-1].sources == ("okaz", "سانا") and requests[-1].query == ""
    panel.source_filter.all_action.trigger()
    assert panel.source_filter.selected() == () and requests[-1].sources == ()
    menu.hide()


def test_an_empty_box_browses_and_clearing_it_clears_the_error(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    with qtbot.waitSignal(panel.search_requested) as blocker:
        qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    assert blocker.args[0].query == ""
    panel.query_edit.setText('"حلب')
    panel.show_error("Missing closing quote")
    assert panel.error_label.isVisible()
    panel.query_edit.clear()
    assert not panel.error_label.isVisible()


def test_dates_accept_arabic_indic_digits_and_the_timeline_fills_them(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.date_from_edit.setText("٢٠١٦-١١")
    assert panel.date_from_edit.hasAcceptableInput()
    assert panel.request().date_from == "2016-11-01"
    panel.date_to_edit.setText("۲۰۱۶-۱۱-۳۰")  # Persian digits, as a Persian keyboard types them
    assert panel.date_to_edit.hasAcceptableInput()
    assert panel.request().date_to == "2016-11-30"
    with qtbot.waitSignal(panel.search_requested) as blocker:
        panel.set_dates("2016-10-24", "2016-10-30")
    assert (blocker.args[0].date_from, blocker.args[0].date_to) == ("2016-10-24", "2016-10-30")


def test_summary_shows_total_variants_and_errors(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.show_results(1234, {"سيرغي": ["سيرجي"], "سورية": ["سوريا"]})
    assert panel.total_label.text() == "1,234 articles"
    panel.show_results(1, {})
    assert panel.total_label.text() == "1 article"
    panel.show_results(1234, {"سيرغي": ["سيرجي"], "سورية": ["سوريا"]})
    assert panel.variants_label.text() == "also matched: \u2068سوريا، سيرجي\u2069"
    panel.show_error("Missing closing quote")
    assert panel.error_label.isVisible() and panel.total_label.text() == ""


def test_expand_date() -> None:
    assert expand_date("", end=False) is None
    assert expand_date("2016", end=False) == "2016-01-01"
    assert expand_date("2016-02", end=True) == "2016-02-29"
    assert expand_date("2016-11-05", end=True) == "2016-11-05"
