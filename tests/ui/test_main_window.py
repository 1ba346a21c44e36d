"""The real window on the real core: open, index, search, read, cancel, errors, persistence."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from workbench.core import paths
from workbench.core.index import UpdateReport
from workbench.core.search import SearchResults
from workbench.core.workspace import Workspace
from workbench.ui import settings as S
from workbench.ui.main_window import MainWindow
from workbench.ui.models.results_model import ResultsModel

OpenAndIndex = Callable[[MainWindow, Path], UpdateReport]
TypeSearch = Callable[[MainWindow, str], SearchResults]


def test_open_dialog_index_search_and_read(
    qtbot: QtBot, window: MainWindow, seeds_copy: Path, monkeypatch: pytest.MonkeyPatch, type_search: TypeSearch
) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *args, **kwargs: str(seeds_copy)))
    with qtbot.waitSignal(window.indexing_finished, timeout=60_000) as blocker:
        window.menus.open_action.trigger()
    report = blocker.args[0]
    assert report.articles == 5 and not report.cancelled
    assert window.index_status.articles_label.text() == "5 articles"
    assert window.index_status.state_label.text() == "Index up to date"
    assert "seeds" in window.index_status.corpus_label.text()
    assert window.search_panel.source_filter.source_action("سانا").text() == "سانا (2)"

    results = type_search(window, "لافروف")
    assert results.total >= 3
    model = window.results_model
    assert model.rowCount() == len(results)
    titles = [model.index(row, ResultsModel.TITLE).data() for row in range(model.rowCount())]
    assert all(titles)
    assert window.search_panel.total_label.text() == f"{results.total} articles"

    view = window.results_view
    view.setFocus()
    qtbot.waitUntil(lambda: window.reader.article is not None and window.reader.article.id == results.hit(0).id)
    with qtbot.waitSignal(window.article_shown, timeout=5_000) as shown:
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex().row() == 1 and shown.args == [results.hit(1).id]
    with qtbot.waitSignal(window.article_shown, timeout=5_000) as shown:
        qtbot.keyClick(view, Qt.Key.Key_Up)
    hit = results.hit(0)
    assert shown.args == [hit.id]

    reader = window.reader
    article = reader.article
    assert article is not None and article.id == hit.id
    assert reader.text_edit.toPlainText() == article.text.replace("\r\n", " \n").replace("\r", "\n")
    expected = window.session.workspace.engine.match_spans(hit.id, "لافروف")
    assert expected and reader.spans == expected
    assert reader.highlighted_ranges() == expected
    for start, end in expected:
        assert article.text[start:end] == "لافروف"
    assert reader.match_label.full_text() == f"Match 1 of {len(expected)}"
    reader.next_action.trigger()
    assert reader.current_match == 1
    assert reader.text_edit.textCursor().position() == expected[1][0]
    reader.previous_action.trigger()
    assert reader.current_match == 0
    assert window.settings.get(S.RECENT_CORPORA)[0] == str(seeds_copy.resolve())


def test_malformed_query_is_shown_beside_the_box(
    window: MainWindow, seeds_copy: Path, open_and_index: OpenAndIndex, qtbot: QtBot
) -> None:
    open_and_index(window, seeds_copy)
    window.search_panel.query_edit.setText('"لافروف')
    with qtbot.waitSignal(window.search_failed, timeout=10_000) as blocker:
        qtbot.keyClick(window.search_panel.query_edit, Qt.Key.Key_Return)
    assert "Missing closing quote" in blocker.args[0]
    assert window.search_panel.error_label.isVisibleTo(window)
    assert window.search_panel.error_label.text() == blocker.args[0]
    assert window.message_bar.messages() == []


def test_cancel_long_indexing_keeps_a_usable_index(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, type_search: TypeSearch
) -> None:
    corpus = tmp_path / "big"
    corpus.mkdir()
    for number in range(3000):
        (corpus / f"{number:05d}.txt").write_text(
            f"خبر رقم {number}\nقال وزير الخارجية سيرغي لافروف إن المحادثات في جنيف مستمرة.\n", encoding="utf-8"
        )
    with qtbot.waitSignal(window.indexing_finished, timeout=60_000) as blocker:
        window.open_corpus(corpus)
        qtbot.waitUntil(lambda: window.indexing_panel.progress_bar.value() > 0, timeout=30_000)
        qtbot.mouseClick(window.indexing_panel.cancel_button, Qt.MouseButton.LeftButton)
    report = blocker.args[0]
    assert report.cancelled
    assert 0 < report.articles < 3000
    assert window.index_status.state_label.text() == "Indexing cancelled: partial index"
    assert any("cancelled" in text for _, text in window.message_bar.messages())
    assert not window.indexing_panel.running

    results = type_search(window, "لافروف")
    assert results.total == report.articles


def test_missing_folder_shows_a_message(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    missing = tmp_path / "gone"
    with qtbot.waitSignal(window.indexing_failed, timeout=10_000) as blocker:
        window.open_corpus(missing)
    message = blocker.args[0]
    assert "does not exist" in message
    assert ("error", message) in window.message_bar.messages()
    assert window.index_status.state_label.text() == "No corpus open"
    close_button = window.message_bar._messages[0].close_button
    qtbot.mouseClick(close_button, Qt.MouseButton.LeftButton)
    assert window.message_bar.messages() == []


def test_search_without_corpus_is_explained(window: MainWindow, qtbot: QtBot) -> None:
    window.search_panel.query_edit.setText("حلب")
    qtbot.keyClick(window.search_panel.query_edit, Qt.Key.Key_Return)
    assert "Open a corpus folder first" in window.search_panel.error_label.text()


def test_ctrl_f_focuses_search(window: MainWindow, qtbot: QtBot) -> None:
    assert window.menus.find_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    window.results_view.setFocus()
    window.search_panel.query_edit.setText("حلب")
    window.menus.find_action.trigger()
    assert window.search_panel.query_edit.hasFocus() or window.focusWidget() is window.search_panel.query_edit
    assert window.search_panel.query_edit.selectedText() == "حلب"


def test_drop_a_folder_opens_it(qtbot: QtBot, window: MainWindow, seeds_copy: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(seeds_copy))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.indexing_finished, timeout=60_000):
        window.dropEvent(event)
    assert window.corpus == seeds_copy


def test_layout_and_recent_corpora_survive_a_restart(
    qtbot: QtBot, window: MainWindow, seeds_copy: Path, open_and_index: OpenAndIndex
) -> None:
    open_and_index(window, seeds_copy)
    window.resize(790, 500)  # within the offscreen screen (800x600) and above the minimum width with the entity dock
    window.reader.set_font_size(21)
    window.close()
    again = MainWindow(S.Settings())
    qtbot.addWidget(again)
    assert (again.size().width(), again.size().height()) == (790, 500)
    assert again.reader.font_size() == 21
    recent = [action.data() for action in again.menus.recent_menu.actions() if action.data()]
    assert recent == [str(seeds_copy.resolve())]
    again.close()


def test_a_store_restored_from_its_backup_is_reported_on_open(
    window: MainWindow, seeds_copy: Path, open_and_index: OpenAndIndex
) -> None:
    workspace = Workspace.open(seeds_copy)
    workspace.update()
    workspace.userdata.set_note("001_31c937c15296effc.txt", "ملاحظة لا تضيع")
    workspace.close()
    paths.store_path(seeds_copy).write_bytes(b"")

    open_and_index(window, seeds_copy)
    warnings = [text for level, text in window.message_bar.messages() if level == "warning"]
    assert any("restored from the backup of" in text for text in warnings)
    assert window.session.workspace is not None
    assert window.session.workspace.userdata.note("001_31c937c15296effc.txt") == "ملاحظة لا تضيع"


def test_a_moved_corpus_opens_with_its_notes_and_says_so(
    window: MainWindow, seeds_copy: Path, tmp_path: Path, open_and_index: OpenAndIndex
) -> None:
    workspace = Workspace.open(seeds_copy)
    workspace.update()
    workspace.userdata.set_note("001_31c937c15296effc.txt", "ملاحظة تنتقل مع المجلد")
    workspace.close()
    moved = tmp_path / "renamed corpus"
    shutil.move(seeds_copy, moved)

    report = open_and_index(window, moved)
    assert report.unchanged == 5 and report.added == 0  # the index came along: nothing to redo
    notices = [text for level, text in window.message_bar.messages() if level == "warning"]
    assert any("moved or renamed" in text for text in notices)
    assert window.session.workspace is not None
    assert window.session.workspace.userdata.note("001_31c937c15296effc.txt") == "ملاحظة تنتقل مع المجلد"
