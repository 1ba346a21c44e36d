"""The comparison view through the real window: select results, Ctrl+D, panes coloured alike,
clicks that scroll the other pane, the threshold slider, moving and closing panes; quotations
in the reader."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.planted_copies import make_corpus
from workbench.core.index import UpdateReport
from workbench.core.search import SearchResults
from workbench.ui import settings as S
from workbench.ui.bidi import FIRST_STRONG_ISOLATE, isolated
from workbench.ui.main_window import MainWindow
from workbench.ui.models.results_model import COPY_ROLE, SIMILAR_ROLE
from workbench.ui.widgets.compare_view import CompareView

from .conftest import INDEXING_TIMEOUT_MS

OpenAndIndex = Callable[[MainWindow, Path], UpdateReport]
TypeSearch = Callable[[MainWindow, str], SearchResults]


@pytest.fixture
def planted_window(window: MainWindow, open_and_index: OpenAndIndex,
                   tmp_path: Path) -> Iterator[tuple[MainWindow, dict[str, str]]]:
    names = make_corpus(tmp_path / "corpus")
    open_and_index(window, tmp_path / "corpus")
    yield window, names


def click_rows(qtbot: QtBot, window: MainWindow, rows: list[int]) -> None:
    """Select these result rows as a user does: a click, then Ctrl+clicks (a copy folded under
    its story is shown first)."""
    view = window.results_view
    for row in rows:
        head = window.results_model.story_head(row)
        if head is not None and not view.is_expanded(head):
            view.toggle_story(head)
    for number, row in enumerate(rows):
        index = window.results_model.index(row, window.results_model.TITLE)
        view.scrollTo(index)
        modifier = Qt.KeyboardModifier.ControlModifier if number else Qt.KeyboardModifier.NoModifier
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, view.visualRect(index).center())


def compare_rows(qtbot: QtBot, window: MainWindow, ids: list[str]) -> CompareView:
    results = window.results_model.results
    assert results is not None
    click_rows(qtbot, window, [results.ids().index(article_id) for article_id in ids])
    assert window.results_view.selected_rows() == sorted(results.ids().index(i) for i in ids)
    window.results_view.setFocus()
    qtbot.keyClick(window.results_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    view = window.comparisons.view
    assert view is not None
    qtbot.waitUntil(lambda: view.comparison is not None and not view.status_label.isVisible(),
                    timeout=INDEXING_TIMEOUT_MS)
    return view


def compare_edited_copy(qtbot: QtBot, planted_window: tuple[MainWindow, dict[str, str]], type_search: TypeSearch,
                        resize: bool = False) -> CompareView:
    """Compare seed 002 with its edited copy (4% of words rewritten) from the results of بوتين;
    ``resize``: in a short view, so both texts scroll."""
    window, names = planted_window
    type_search(window, "بوتين")
    view = compare_rows(qtbot, window, [names["002"], "edited_002.txt"])
    if resize:
        view.resize(1000, 400)
        qtbot.wait(50)
    return view


def test_ctrl_d_compares_the_selected_results_with_shared_passages_coloured_alike(
        qtbot: QtBot, planted_window: tuple[MainWindow, dict[str, str]], type_search: TypeSearch) -> None:
    view = compare_edited_copy(qtbot, planted_window, type_search)
    names = planted_window[1]
    assert len(view.panes) == 2 and sorted(view.shown_ids()) == sorted([names["002"], "edited_002.txt"])
    assert view.isVisible() and view.shared_count() > 5
    comparison = view.comparison
    assert comparison is not None
    first, second = (pane.text for pane in view.panes)
    colours = [{(h.start, h.end): h.colour.name() for h in text.layer("passages")} for text in (first, second)]
    for link in comparison.links(view.threshold()):
        a = comparison.articles[link.a].passages[link.a_passage]
        b = comparison.articles[link.b].passages[link.b_passage]
        assert colours[link.a][(a.start, a.end)] == colours[link.b][(b.start, b.end)]
    assert len(set(colours[0].values())) > 1  # groups are told apart
    # the query's matches are painted in both panes, over the passages
    assert first.layer("matches") and second.layer("matches")


def test_clicking_a_shared_passage_scrolls_the_other_pane_to_its_counterpart(
        qtbot: QtBot, planted_window: tuple[MainWindow, dict[str, str]], type_search: TypeSearch) -> None:
    view = compare_edited_copy(qtbot, planted_window, type_search, resize=True)
    first, second = view.panes
    comparison = view.comparison
    assert comparison is not None
    article = view.order()[0]
    link = max((link for link in comparison.links(view.threshold()) if article in (link.a, link.b)),
               key=lambda link: link.a_passage if link.a == article else link.b_passage)  # the last shared passage
    own, other = (link.a_passage, link.b_passage) if link.a == article else (link.b_passage, link.a_passage)
    passage = comparison.articles[article].passages[own]
    first.text.scroll_to(passage.start)
    second.text.verticalScrollBar().setValue(0)
    assert second.text.position_in_view(comparison.articles[1 - article].passages[other].start) > 1
    point = first.text.viewport_point(passage.start + 2)
    qtbot.mouseClick(first.text.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert view.focused_passage() == (article, own)
    target = comparison.articles[1 - article].passages[other]
    assert second.text.verticalScrollBar().value() > 0
    assert 0 <= second.text.position_in_view(target.start) <= 1
    assert (target.start, target.end) in [(h.start, h.end) for h in second.text.layer("focus")]


def test_slider_next_previous_move_and_close(
        qtbot: QtBot, planted_window: tuple[MainWindow, dict[str, str]], type_search: TypeSearch) -> None:
    view = compare_edited_copy(qtbot, planted_window, type_search)
    view.set_threshold(0.3)
    loose = view.shared_count()
    view.set_threshold(0.99)
    strict = view.shared_count()
    assert 0 < strict < loose  # the desk's edits drop below a near-exact threshold
    assert view.count_label.text() == f"{strict} shared passages"
    view.set_threshold(0.5)
    qtbot.keyClick(view, Qt.Key.Key_F8)
    first = view.focused_passage()
    assert first is not None and first[0] == view.order()[0]
    qtbot.keyClick(view, Qt.Key.Key_F8)
    second = view.focused_passage()
    assert second is not None and second[1] > first[1]
    qtbot.keyClick(view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert view.focused_passage() == first
    before = view.shown_ids()
    qtbot.mouseClick(view.panes[0].later_button, Qt.MouseButton.LeftButton)
    assert view.shown_ids() == before[::-1]
    assert not view.panes[0].earlier_button.isEnabled() and view.panes[0].later_button.isEnabled()
    qtbot.mouseClick(view.panes[0].close_button, Qt.MouseButton.LeftButton)
    assert view.shown_ids() == [before[0]] and view.shared_count() == 0
    assert view.panes[0].text.layer("passages") == []
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.isVisible() and view.windowTitle() == "Compare articles"


def test_synchronised_scrolling_follows_the_first_pane(
        qtbot: QtBot, planted_window: tuple[MainWindow, dict[str, str]], type_search: TypeSearch) -> None:
    view = compare_edited_copy(qtbot, planted_window, type_search, resize=True)
    first, second = (pane.text.verticalScrollBar() for pane in view.panes)
    first.setValue(first.maximum())
    assert second.value() == 0
    view.sync_box.setChecked(True)
    first.setValue(first.maximum() // 2)
    assert abs(second.value() / max(1, second.maximum()) - 0.5) < 0.05


def test_one_result_compares_nothing_and_says_so(
        qtbot: QtBot, planted_window: tuple[MainWindow, dict[str, str]], type_search: TypeSearch) -> None:
    window, names = planted_window
    results = type_search(window, "حلب")
    click_rows(qtbot, window, [results.ids().index(names["004"])])  # heads no story
    window.comparisons.compare_selected()
    assert window.comparisons.view is None
    assert any("Select two to four results" in text for _level, text in window.message_bar.messages())


def test_reader_paints_quotations_and_names_their_speaker(
        qtbot: QtBot, planted_window: tuple[MainWindow, dict[str, str]], type_search: TypeSearch) -> None:
    window, names = planted_window
    results = type_search(window, "لافروف")
    row = results.ids().index(names["001"])
    if row:  # a new search opens its first row itself
        window.results_view.select_row(row)
    qtbot.waitUntil(lambda: window.reader.article is not None and window.reader.article.id == names["001"],
                    timeout=INDEXING_TIMEOUT_MS)
    quotes = window.reader.quotes
    assert len(quotes) > 5
    painted = window.reader.text_edit.layer("quotes")
    assert [(h.start, h.end) for h in painted] == [(q.start, q.end) for q in quotes]
    lavrov = next(q for q in quotes if q.entity == "سيرغي لافروف")
    text = window.reader.text_edit
    assert text.tooltip_at(lavrov.start + 1) == "Quotation by سيرغي لافروف"
    outside = next(offset for offset in range(text.text_length()) if not text.highlights_at("quotes", offset))
    assert text.tooltip_at(outside) == ""


def test_planted_copies_fold_under_their_story_and_expand(
        qtbot: QtBot, planted_window: tuple[MainWindow, dict[str, str]], type_search: TypeSearch) -> None:
    window, names = planted_window
    view, model = window.results_view, window.results_model
    type_search(window, "حلب")  # the first list (every article) folded rows 1 and 2: a new list must not inherit them
    assert {row for row in range(model.rowCount()) if view.isRowHidden(row)} == {
        row for row in range(model.rowCount()) if model.story_head(row) is not None}
    results = type_search(window, "لافروف")
    ids = results.ids()
    copies_of_001 = {names["001"], "copy_of_001.txt", "feed.jsonl#1"}
    head = min(ids.index(i) for i in copies_of_001)
    copies = sorted(ids.index(i) for i in copies_of_001 - {ids[head]})
    assert model.similar_count(head) == 2
    assert view.hit_delegate.badge_text(head, 2) == "+2 similar"
    assert all(view.isRowHidden(row) for row in copies) and not view.isRowHidden(head)
    assert {row for row in range(model.rowCount()) if view.isRowHidden(row)} == set(copies)
    index = model.index(head, model.TITLE)
    view.scrollTo(index)
    badge = view.hit_delegate.badge_rect(view.visualRect(index), index, view.font())
    assert badge is not None and view.visualRect(index).contains(badge.center().toPoint())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=badge.center().toPoint())
    assert view.is_expanded(head) and not any(view.isRowHidden(row) for row in copies)
    assert model.index(copies[0], 0).data(COPY_ROLE) is True
    view.setFocus()
    view.select_row(copies[0])
    qtbot.keyClicks(view, "-")  # folding from a copy folds its story and selects the story's row
    assert all(view.isRowHidden(row) for row in copies) and view.currentIndex().row() == head
    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # one story row: compare its copies
    compare = window.comparisons.view
    assert compare is not None
    qtbot.waitUntil(lambda: compare.comparison is not None, timeout=INDEXING_TIMEOUT_MS)
    assert set(compare.shown_ids()) == copies_of_001 and len(compare.panes) == 3
    compare.close()
    index = model.index(head, model.TITLE)
    button = view.hit_delegate.compare_badge_rect(view.visualRect(index), index, view.font())
    assert button is not None and not button.intersects(badge)
    with qtbot.waitSignal(compare.comparison_shown, timeout=INDEXING_TIMEOUT_MS):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=button.center().toPoint())  # one click
    assert compare.isVisible() and set(compare.shown_ids()) == copies_of_001


def test_one_per_story_leaves_copies_out_and_keeps_the_badge(
        qtbot: QtBot, planted_window: tuple[MainWindow, dict[str, str]], type_search: TypeSearch) -> None:
    window, names = planted_window
    everything = type_search(window, "لافروف")
    with qtbot.waitSignal(window.search_finished, timeout=INDEXING_TIMEOUT_MS) as blocker:
        window.menus.one_per_story_action.trigger()
    folded: SearchResults = blocker.args[0]
    assert folded.total == everything.total - 2
    kept = set(folded.ids()) & {names["001"], "copy_of_001.txt", "feed.jsonl#1"}
    assert len(kept) == 1
    row = folded.ids().index(kept.pop())
    assert window.results_model.similar_count(row) == 2 and window.results_model.copy_rows(row) == []
    assert "Similar copies from" in window.results_model.index(row, window.results_model.TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert window.settings.get(S.ONE_PER_STORY)
    with qtbot.waitSignal(window.search_finished, timeout=INDEXING_TIMEOUT_MS):
        window.menus.one_per_story_action.trigger()
    assert window.results_model.results is not None and window.results_model.results.total == everything.total


def test_compare_with_from_the_reader(
        qtbot: QtBot, planted_window: tuple[MainWindow, dict[str, str]], type_search: TypeSearch) -> None:
    window, names = planted_window
    results = type_search(window, "لافروف")
    qtbot.waitUntil(lambda: window.reader.article is not None, timeout=INDEXING_TIMEOUT_MS)
    reading = window.reader.article
    assert reading is not None and reading.id == results.ids()[0]
    menu = window.reader.compare_menu
    menu.aboutToShow.emit()
    actions = [action for action in menu.actions() if not action.isSeparator()]
    assert actions[0].text() == "Its 2 similar copies"  # 001 heads its story
    assert len(actions) == 1 + len(results) - 1
    actions[-1].trigger()
    view = window.comparisons.view
    assert view is not None
    qtbot.waitUntil(lambda: view.comparison is not None, timeout=INDEXING_TIMEOUT_MS)
    assert view.shown_ids() == [reading.id, results.ids()[-1]]
    actions[0].trigger()
    qtbot.waitUntil(lambda: len(view.panes) == 3, timeout=INDEXING_TIMEOUT_MS)
    assert set(view.shown_ids()) == {names["001"], "copy_of_001.txt", "feed.jsonl#1"}


def test_summary_strip_names_shared_and_lone_entities_differing_numbers_and_quotations(
        qtbot: QtBot, planted_window: tuple[MainWindow, dict[str, str]], type_search: TypeSearch) -> None:
    window, names = planted_window
    type_search(window, "حلب")
    view = compare_rows(qtbot, window, [names["001"], names["004"]])  # SANA's and another desk's Lavrov on Aleppo
    comparison = view.comparison
    assert comparison is not None
    text = view.summary.toPlainText()
    assert text.startswith(f"Overall similarity: {round(100 * comparison.similarity)}% · {view.shared_count()} shared")
    assert comparison.shared_entities and all(name in text for name in comparison.shared_entities[:8])
    position = view.shown_ids().index(names["001"])
    sana = comparison.articles[view.order()[position]]
    assert f"Article {position + 1} ({isolated('سانا')})" in text  # names and numbers keep their own direction
    assert sana.entities_only and sana.entities_only[0] in text
    differing = [mention.text for compared in comparison.articles for mention in compared.differing]
    assert differing and "differing numbers: " in text and differing[0] in text
    assert f"{len(sana.quotes)} quotations: {FIRST_STRONG_ISOLATE}سيرغي لافروف (" in text


def test_ticks_follow_the_rows_shown_in_a_folded_story(
        qtbot: QtBot, planted_window: tuple[MainWindow, dict[str, str]], type_search: TypeSearch) -> None:
    """The checkbox column and the folding live together: ticking a story's row ticks its own
    article, Space on the "+N similar" row (or a Shift range over a folded story) leaves the
    hidden copies alone, and an expanded copy ticks by itself."""
    window, names = planted_window
    results = type_search(window, "لافروف")
    model, view = window.results_model, window.results_view
    ids = results.ids()
    story = {names["001"], "copy_of_001.txt", "feed.jsonl#1"}
    head = min(ids.index(i) for i in story)
    copies = model.copy_rows(head)
    assert len(copies) == 2 and all(view.isRowHidden(row) for row in copies)

    def ticked() -> set[str]:
        return {article_id for article_id in ids if window.marks.is_ticked(article_id)}

    rect = view.visualRect(model.index(head, model.TICKED))
    with qtbot.waitSignal(window.marks.changed, timeout=INDEXING_TIMEOUT_MS):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert ticked() == {ids[head]}
    assert model.index(head, model.TITLE).data(SIMILAR_ROLE) == 2  # the badge stays beside the tick

    view.setFocus()
    view.select_row(head)
    with qtbot.waitSignal(window.marks.changed, timeout=INDEXING_TIMEOUT_MS):
        qtbot.keyClick(view, Qt.Key.Key_Space)  # unticks the story's row, not its hidden copies
    assert ticked() == set()

    shown = [row for row in range(head, model.rowCount()) if not view.isRowHidden(row)][:3]
    assert len(shown) == 3 and shown[-1] > max(copies)
    view.select_row(head)
    for _ in range(2):  # the Shift range steps over the folded copies
        qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert set(copies) <= {index.row() for index in view.selectionModel().selectedRows()}  # Qt's range has them
    assert view.selected_rows() == shown
    with qtbot.waitSignal(window.marks.changed, timeout=INDEXING_TIMEOUT_MS):
        qtbot.keyClick(view, Qt.Key.Key_Space)
    assert ticked() == {ids[row] for row in view.selected_rows()} and not ticked() & {ids[row] for row in copies}

    view.toggle_story(head)
    rect = view.visualRect(model.index(copies[0], model.TICKED))
    with qtbot.waitSignal(window.marks.changed, timeout=INDEXING_TIMEOUT_MS):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert ids[copies[0]] in ticked() and ids[copies[1]] not in ticked()
